"""Times: time expressions found and resolved to TIMEX3 values on one timeline, the article's own
date given or inferred, and the times attached to statements. May import nlp and the bottom
layer.
"""
