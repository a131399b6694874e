"""The store: the only place that writes or reads SQL. The schema and its migrations, one writer
transaction per document, read-only readers, health checks. Imports only the records, errors and
settings.
"""
