"""fuente's version, at the bottom so that any module may read it."""

__version__ = "0.1.0"
