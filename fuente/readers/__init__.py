"""Readers: the paths a person gives, expanded to files, read into raw articles (text, HTML, JSON
Lines), decoded and size-checked. Imports only the records, errors and settings.
"""
