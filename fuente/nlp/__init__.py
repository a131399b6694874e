"""The spaCy pipeline and what it gives every later stage: the annotated Doc, entity clusters, the
language of a text, the tense a phrase is spoken in. Imports only the records, errors, settings
and lexicons.
"""
