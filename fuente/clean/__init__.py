"""Cleaning: an article's layout (tags line, title, deck, outlet) and the ranges that are not
article text (boilerplate, duplicates). Imports only the records, errors, settings and lexicons.
"""
