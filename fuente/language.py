"""Language identification of an article's included text (py3langid, packaged model)."""

from __future__ import annotations

import py3langid

__all__ = ["detect_language"]

SAMPLE_CHARS = 4000


def detect_language(text: str, *, minimum_words: int = 3) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(sample.split()) < minimum_words:
        return None
    code, _score = py3langid.classify(sample)
    return code
