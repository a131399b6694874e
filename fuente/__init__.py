"""fuente: a sourced, queryable record of who said what, when and on whose word.

The Python API in a few names::

    from fuente import ingest, load_settings, open_store

    settings = load_settings()
    with open_store("news.db") as store:
        for outcome in ingest(["articles/"], store=store, settings=settings):
            print(outcome.status, outcome.doc)
"""

from fuente._version import __version__
from fuente.errors import ConfigError, FuenteError, IngestError, StoreError
from fuente.ingest import Outcome, ingest
from fuente.query.export import export
from fuente.settings import Settings, load_settings
from fuente.store.connect import open_store
from fuente.store.database import Store

__all__ = [
    "ConfigError",
    "FuenteError",
    "IngestError",
    "Outcome",
    "Settings",
    "Store",
    "StoreError",
    "__version__",
    "export",
    "ingest",
    "load_settings",
    "open_store",
]
