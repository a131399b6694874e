"""fuente's command line. Only this package prints; everything else returns data."""

from fuente.cli.commands import main

__all__ = ["main"]
