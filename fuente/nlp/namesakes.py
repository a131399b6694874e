"""Namesakes in one article: a bare surname that two people the article names in full share
("Clinton" where it names both Hillary and Bill Clinton), told apart by the gender the text
gives each.

A bare surname is left as its own entity by clustering when several full names end in it; a
reader knows which person it is from an honorific ("Mrs. Clinton") or from the pronoun that
takes it up ("Clinton said she ..."). The people named in full take their gender from their
first name (the ``first_names`` lexicon) or from the same evidence. The bare surname joins the
one namesake of its gender when every namesake's gender is known and just one fits; with
mixed or no evidence it stays apart, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Span

from fuente.lexicon import read_lexicon, words
from fuente.nlp.entity_view import Clusters
from fuente.text import fold

__all__ = ["resolve_namesakes"]

Mentions = tuple[tuple[int, int, str], ...]

FEMALE, MALE = "female", "male"
PRONOUNS = {FEMALE: words("pronouns-female"), MALE: words("pronouns-male")}
HONORIFICS = {FEMALE: words("honorifics-female"), MALE: words("honorifics-male")}
ANY_HONORIFIC = HONORIFICS[FEMALE] | HONORIFICS[MALE]
SUBJECTS = {"nsubj", "nsubjpass"}


@cache
def _first_names(lexicon_dir: str | None) -> dict[str, str]:
    """Folded first name -> its gender, where the ``first_names`` lexicon gives it one only."""
    lexicon = read_lexicon("first_names", lexicon_dir=lexicon_dir)
    found: dict[str, set[str]] = {}
    for gender in (FEMALE, MALE):
        for name in lexicon.get(gender, ()):
            found.setdefault(fold(str(name)).lower(), set()).add(gender)
    return {name: genders.pop() for name, genders in found.items() if len(genders) == 1}


def resolve_namesakes(doc: Doc, clusters: Clusters, *, lexicon_dir: str | None) -> Clusters:
    """``clusters`` with each bare surname that several full names of the article end in
    joined to the one of them whose gender the text gives it, where just one fits."""
    full: dict[str, list[int]] = {}
    for index, (name, entity_type, _) in enumerate(clusters):
        parts = _name_words(name)
        if entity_type == "PERSON" and len(parts) > 1:
            full.setdefault(parts[-1].lower(), []).append(index)
    joined: dict[int, int] = {}  # bare cluster -> the full one it joins
    for index, (name, entity_type, mentions) in enumerate(clusters):
        parts = _name_words(name)
        namesakes = full.get(parts[-1].lower(), []) if len(parts) == 1 else []
        if entity_type != "PERSON" or len(namesakes) < 2:
            continue
        gender = _text_gender(doc, mentions)
        if gender is None:
            continue
        genders = [_full_gender(doc, clusters[n], lexicon_dir) for n in namesakes]
        fitting = [n for n, g in zip(namesakes, genders, strict=True) if g == gender]
        if None not in genders and len(fitting) == 1:
            joined[index] = fitting[0]
    if not joined:
        return clusters
    merged = []
    for index, (name, entity_type, mentions) in enumerate(clusters):
        if index in joined:
            continue
        extra = [m for bare, target in joined.items() if target == index for m in clusters[bare][2]]
        merged.append((name, entity_type, tuple(sorted((*mentions, *extra)))))
    return tuple(merged)


def _name_words(name: str) -> list[str]:
    words_ = name.split()
    while words_ and _bare(words_[0]) in ANY_HONORIFIC:
        words_ = words_[1:]
    return words_ or name.split()


def _bare(word: str) -> str:
    return fold(word).lower().rstrip(".")


def _full_gender(
    doc: Doc, cluster: tuple[str, str, Mentions], lexicon_dir: str | None
) -> str | None:
    first = _bare(_name_words(cluster[0])[0])
    return _first_names(lexicon_dir).get(first) or _text_gender(doc, cluster[2])


def _text_gender(doc: Doc, mentions: Mentions) -> str | None:
    """The gender the mentions' honorifics and following pronouns give, when they agree."""
    votes = {FEMALE: 0, MALE: 0}
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for start, end, _ in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for gender in (_honorific(doc, span), _next_pronoun(doc, span, people)):
            if gender is not None:
                votes[gender] += 1
    given = [gender for gender, count in votes.items() if count]
    return given[0] if len(given) == 1 else None


def _honorific(doc: Doc, span: Span) -> str | None:
    """ "Mrs." or "Mr." written before the name (or as its first word)."""
    words_ = [doc[span.start - 1]] if span.start > 0 else []
    words_.append(doc[span.start])
    for token in words_:
        for gender, honorifics in HONORIFICS.items():
            if _bare(token.text) in honorifics:
                return gender
    return None


def _next_pronoun(doc: Doc, span: Span, people: Sequence[Span]) -> str | None:
    """The gender of the first gendered pronoun of the narration after the name, in its
    sentence or the next one outside quotations, with no other person named and no other
    subject between them: the pronoun that takes the name up ("Clinton said, '...' He added").
    A quotation's own words are passed over: its pronouns speak of whom its speaker means."""
    starts = {p.start for p in people}
    quoted, sentences = False, 0
    for token in doc[span.end :]:
        if token.is_quote:
            quoted = not quoted
            continue
        if quoted:
            continue
        if token.is_sent_start:
            sentences += 1
            if sentences > 1:
                return None
        if token.i in starts or (token.dep_ in SUBJECTS and token.pos_ in {"NOUN", "PROPN"}):
            return None  # another person, or another subject ("the senator said he ..."), first
        for gender, pronouns in PRONOUNS.items():
            if token.lower_ in pronouns:
                return gender
    return None
