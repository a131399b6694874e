"""Actors: describing and coding who a span of text is (a person, an outlet, an unnamed source; its
country and sector), with the known actors and places. May import nlp and the bottom layer.
"""
