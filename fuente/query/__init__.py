"""The read model: rows of stored records for export, the CLI and the web (who said what, sourcing
profiles, the timeline, the web pages' data), one shape per record kind. Runs no SQL: it reads
through the store. May import the store and the bottom layer.
"""
