"""The read model: rows of stored records for export, the CLI and the web (who said what, sourcing
profiles, the timeline). May import the store and the bottom layer.
"""
