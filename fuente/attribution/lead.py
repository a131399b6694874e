"""What the top of an article rests on: its title, deck and lead, statement by statement.

Readers take most from the top of an article, and that is where claims are least sourced. For
each sentence of the title, the deck and the lead paragraph, ``lead_statements`` finds the
attributions it rests on: the one whose content holds it, else those whose content shares at
least two content words with it (the article's reporting on the same matter). The statement
is then backed by a named source, by unnamed sources only, or by nothing the article cites.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from fuente.lexicon import words
from fuente.nlp.top import top_parts
from fuente.records import NAMED_KINDS, Attribution, Field, LeadStatement, Speaker

__all__ = ["EXTRACTOR", "lead_statements"]

EXTRACTOR = "lead@1"
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
REPORTING = words("reporting-lemmas")
MIN_SHARED = 2


def _lemmas(span: Span) -> set[str]:
    return {
        t.lemma_.lower()
        for t in span
        if t.pos_ in CONTENT_POS and not t.is_stop and t.lemma_.lower() not in REPORTING
    }


def lead_statements(
    doc: Doc,
    *,
    doc_id: str,
    fields: Sequence[Field],
    attributions: Sequence[Attribution],
    speakers: Sequence[Speaker],
) -> list[LeadStatement]:
    """Each sentence of the title, deck and lead, with what it rests on."""
    kinds = {s.id: s.kind for s in speakers}
    claims = [
        a
        for a in attributions
        if a.kind != "non-response" and kinds.get(a.speaker or "") not in (None, "author")
    ]
    contents = []
    for attribution in claims:
        span = doc.char_span(attribution.content_start, attribution.content_end, "expand")
        contents.append((attribution, _lemmas(span) if span is not None else set()))
    statements = []
    for part, start, end in top_parts(doc, fields):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for sentence in span.sents:
            if not any(t.is_alpha for t in sentence):
                continue
            backing = _backing(sentence, contents)
            support = _support(backing, kinds)
            statements.append(
                LeadStatement(
                    doc=doc_id,
                    part=part,
                    start=sentence.start_char,
                    end=sentence.end_char,
                    support=support,
                    version=EXTRACTOR,
                    attributions=tuple(a.id for a in backing),
                )
            )
    return statements


def _backing(sentence: Span, contents: list[tuple[Attribution, set[str]]]) -> list[Attribution]:
    holding = [
        a
        for a, _ in contents
        if a.content_start <= sentence.start_char + 1 and sentence.end_char - 1 <= a.content_end
    ]
    if holding:
        return holding
    own = [
        a
        for a, _ in contents
        if sentence.start_char <= a.content_start and a.content_end <= sentence.end_char + 1
    ]
    if own:
        return own
    words = _lemmas(sentence)
    return [a for a, lemmas in contents if len(words & lemmas) >= MIN_SHARED]


def _support(backing: list[Attribution], kinds: dict[str, str]) -> str:
    if not backing:
        return "none"
    if any(kinds.get(a.speaker or "") in NAMED_KINDS for a in backing):
        return "named"
    return "unnamed-only"
