"""Speakers: who each attribution is ascribed to, one speaker per source within a document.

A source span says who, but often only as "he", "the official" or "I". ``resolve_speakers``
walks the document in order, keeping a short history of the people and groups it has met in
subject position (named, or described: "an active chavista official who insists …"), and
resolves:

* first person outside quotations to the author;
* he/she/they to the latest fitting subject, so a pronoun many paragraphs on still reaches an
  unnamed source introduced in the deck, while a name met only in passing ("the rebellion
  against Hugo Chávez") does not capture it;
* a later description of a source already met ("the commander", "the source") to that source;
* an interview answer to the one being interviewed, and a quotation that continues the
  previous one to its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from fuente.actors.speakers import SourceInfo, describe_source, same_source
from fuente.attribution.quotes import FoundAttribution
from fuente.lexicon import load_lexicon, words
from fuente.nlp.entities import entity_label
from fuente.settings import Settings

__all__ = ["ResolvedSpeaker", "resolve_speakers"]

SINGULAR = words("pronouns-singular")
PLURAL = words("pronouns-plural")
FIRST_PERSON_PRONOUNS = words("pronouns-first-person")
GROUP_ANAPHORS = words("group-anaphors")
PERSONAL_KINDS = {"person", "unnamed"}
AUTHOR = SourceInfo(
    kind="author",
    name="the author",
    description=None,
    country=None,
    sector=None,
    count="1",
    head="author",
    gender=None,
)


@dataclass(frozen=True, slots=True)
class ResolvedSpeaker:
    """A speaker of the document: what the text says of it, and its entity if named."""

    info: SourceInfo
    entity_index: int | None = None


@dataclass
class _Seen:
    position: int
    info: SourceInfo
    plural: bool
    pronoun: bool = False


SALIENT = 3  # pronouns a referent needs before a newcomer cannot take the next one from it


def _is_plural(info: SourceInfo) -> bool:
    return info.count not in (None, "1")


def _candidates(doc: Doc, settings: Settings, quoted: list[tuple[int, int]]) -> list[_Seen]:
    """People and groups in subject position outside quotations, in text order."""
    seen = []
    lexicon = load_lexicon("speakers", settings=settings)
    people = set(lexicon.get("people", ())) | set(lexicon.get("bodies", ()))
    for token in doc:
        if token.dep_ not in {"nsubj", "nsubjpass"} or _quoted(token.idx, quoted):
            continue
        if token.pos_ == "PRON" and token.tag_ in {"WP", "WDT"} and token.head.dep_ == "relcl":
            token = token.head.head  # "an official who insists": the official
        elif token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if entity_label(token) != "PERSON" and token.lemma_.lower() not in people:
            continue  # only people, groups and bodies can be what a pronoun speaks for
        clauses = {t.i for c in token.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        tokens = [t.i for t in token.subtree if t.i not in clauses]
        span = doc[min(tokens) : max(tokens) + 1]
        info = describe_source(span, settings=settings)
        if _can_speak(info, settings):
            seen.append(_Seen(token.idx, info, _is_plural(info)))
    return seen


def _can_speak(info: SourceInfo, settings: Settings) -> bool:
    """Whether a subject could be the one a later pronoun speaks for: a person, a described
    person or group ("an active chavista official"), or a body in the plural."""
    if info.kind == "person":
        return True
    if info.kind == "unnamed":
        return info.head in load_lexicon("speakers", settings=settings).get("people", ())
    return info.kind == "organisation" and _is_plural(info)


def _quoted(position: int, quoted: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in quoted)


def _antecedent(history: list[_Seen], position: int, pronoun: str) -> SourceInfo | None:
    plural = pronoun in PLURAL
    gender = (
        "he" if pronoun in {"he", "him", "his"} else "she" if pronoun in {"she", "her"} else None
    )
    fitting = []
    for item in reversed(history):
        if item.position >= position or item.plural != plural:
            continue
        if gender and item.info.gender and item.info.gender != gender:
            continue
        if not plural and item.info.kind not in PERSONAL_KINDS:
            continue
        fitting.append(item)
    if not fitting:
        return None
    latest = fitting[0].info
    # Salience: a newcomer met once in passing does not take the pronoun from the one the
    # text has kept referring to ("a family member would pass along a greeting. … He speaks").
    counts: dict[tuple[str, str], int] = {}
    for item in fitting:
        if item.pronoun:
            key = _identity(item.info)
            counts[key] = counts.get(key, 0) + 1
    if counts.get(_identity(latest), 0) == 0:
        for item in fitting[1:]:
            if _identity(item.info) != _identity(latest):
                if counts.get(_identity(item.info), 0) >= SALIENT:
                    return item.info
                break
    return latest


def _identity(info: SourceInfo) -> tuple[str, str]:
    return info.kind, (info.name or "").casefold()


def _pronoun_chain(doc: Doc, history: list[_Seen], quoted: list[tuple[int, int]]) -> None:
    """Resolve every third-person pronoun outside quotations, in order, adding each to the
    history as the referent it took, so later pronouns can follow the chain."""
    for token in doc:
        lower = token.lower_
        if token.pos_ != "PRON" or lower not in SINGULAR | PLURAL or _quoted(token.idx, quoted):
            continue
        referent = _antecedent(history, token.idx, lower)
        if referent is not None:
            gender = referent.gender
            if gender is None and lower in {"he", "him", "his", "she", "her"}:
                gender = "he" if lower in {"he", "him", "his"} else "she"
            chained = _Seen(token.idx, replace(referent, gender=gender), lower in PLURAL, True)
            _insert(history, chained)


def _insert(history: list[_Seen], item: _Seen) -> None:
    index = len(history)
    while index > 0 and history[index - 1].position > item.position:
        index -= 1
    history.insert(index, item)


def _source_info(doc: Doc, found: FoundAttribution, settings: Settings) -> SourceInfo | None:
    """What the source span says of the speaker; worked out once per span and Doc."""
    cache = doc.user_data.setdefault("fuente_source_info", {})
    if found.source not in cache:
        span = doc.char_span(found.source[0], found.source[1], alignment_mode="expand")
        cache[found.source] = describe_source(span, settings=settings) if span is not None else None
    return cache[found.source]


def resolve_speakers(
    doc: Doc,
    found: list[FoundAttribution],
    *,
    quoted: list[tuple[int, int]],
    settings: Settings,
) -> tuple[list[ResolvedSpeaker], list[int | None]]:
    """The document's speakers, and for each attribution the index of its speaker."""
    history = _candidates(doc, settings, quoted)
    for item in found:
        if item.source is not None and item.speaker_hint is None:
            info = _source_info(doc, item, settings)
            if info is not None and info.kind not in {"pronoun", "author"}:
                _insert(history, _Seen(item.source[0], info, _is_plural(info)))
    _pronoun_chain(doc, history, quoted)

    speakers: list[ResolvedSpeaker] = []
    assigned: list[int | None] = []
    last_direct: int | None = None
    last_other: int | None = None
    for item in found:
        info = _info_for(doc, item, history, settings, speakers, last_direct, last_other)
        index = _speaker_index(speakers, info) if info is not None else None
        assigned.append(index)
        if index is not None and speakers[index].info.kind != "author":
            last_other = index
            if item.kind == "direct":
                last_direct = index
    return speakers, assigned


def _info_for(
    doc: Doc,
    item: FoundAttribution,
    history: list[_Seen],
    settings: Settings,
    speakers: list[ResolvedSpeaker],
    last_direct: int | None,
    last_other: int | None,
) -> SourceInfo | None:
    if item.speaker_hint == "author":
        return AUTHOR
    if item.speaker_hint == "previous":
        return speakers[last_direct].info if last_direct is not None else None
    if item.speaker_hint == "interviewee":
        if last_other is not None:
            return speakers[last_other].info
        return _antecedent(history, item.content[0], "he") or _person_before(
            doc, item.content[0], settings
        )
    if item.source is None:
        return None
    info = _source_info(doc, item, settings)
    if info is None:
        return None
    if info.kind == "author":
        return AUTHOR
    head: Token = doc[item.source_head] if item.source_head is not None else doc[0]
    if info.kind == "pronoun":
        if head.lower_ in FIRST_PERSON_PRONOUNS:
            return AUTHOR
        return _antecedent(history, item.source[0] + 1, head.lower_)
    if head.lower_ in GROUP_ANAPHORS:  # "Both said", "The other said": the group just met
        return _antecedent(history, item.source[0], "they") or info
    return info


def _person_before(doc: Doc, position: int, settings: Settings) -> SourceInfo | None:
    """The last person or described person named before ``position``, in any role ("I spoke
    to the commander"): who an interview's answers belong to when no one has spoken yet."""
    people = set(load_lexicon("speakers", settings=settings).get("people", ()))
    for token in reversed(doc[: doc.char_span(0, position, "expand").end] if position else []):
        if token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if entity_label(token) == "PERSON" or token.lemma_.lower() in people:
            head = token
            while head.dep_ == "compound" and head.head is not head:
                head = head.head
            clauses = {t.i for c in head.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
            indices = [t.i for t in head.subtree if t.i not in clauses]
            info = describe_source(doc[min(indices) : max(indices) + 1], settings=settings)
            if info.kind in PERSONAL_KINDS:
                return info
    return None


def _speaker_index(speakers: list[ResolvedSpeaker], info: SourceInfo) -> int:
    for index, speaker in enumerate(speakers):
        if speaker.info.kind == info.kind == "author" or same_source(info, speaker.info):
            return index
    speakers.append(ResolvedSpeaker(info))
    return len(speakers) - 1
