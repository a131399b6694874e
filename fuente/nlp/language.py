"""Language identification of an article's included text (py3langid, packaged model)."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["detect_language"]

SAMPLE_CHARS = 4000
# A language the reader works in wins when the detector gives it at least this share while
# preferring a close relative: a short English sentence often reads as Nigerian Pidgin.
DOUBT = 0.25


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(
    text: str, *, minimum_words: int = 3, prefer: Collection[str] = ()
) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell.
    A language of ``prefer`` the detector rates close behind its first choice is taken."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(sample.split()) < minimum_words:
        return None
    ranked = _identifier().rank(sample)
    first = ranked[0][0]
    if first in prefer:
        return first
    close = (code for code, share in ranked[1:4] if code in prefer and share >= DOUBT)
    return next(close, first)
