"""Speakers: who each attribution is ascribed to, one speaker per source within a document.

A source span says who, but often only as "he", "the official" or "I". ``resolve_speakers``
walks the document in order, keeping a short history of the people and groups it has met in
subject position (named, or described: "an active chavista official who insists …"), and
resolves:

* first person outside quotations to the author;
* he/she/they to the latest fitting subject, by the rules of ``fuente.actors.antecedents``
  (the ones event actors are coded by), with the quotations left out and the sources of the
  attributions added: a pronoun many paragraphs on still reaches an unnamed source introduced
  in the deck, while a name met only in passing ("the rebellion against Hugo Chávez") does
  not capture it;
* a later description of a source already met ("the commander", "the source") to that source;
* an interview answer to the one being interviewed, and a quotation that continues the
  previous one to its speaker;
* a cue verb whose subject the language drops ("Allí advirtió que …", "«…», agregó") to the
  latest person, group or body met before it, of the verb's number.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from fuente.actors.antecedents import Referent, antecedent, referents
from fuente.actors.same_source import same_source
from fuente.actors.speakers import SourceInfo, describe_source
from fuente.attribution.quotes import FoundAttribution
from fuente.lexicon import load_lexicon, words
from fuente.nlp.entity_view import entity_label
from fuente.settings import Settings

__all__ = ["ResolvedSpeaker", "resolve_speakers"]

PERSONAL_KINDS = {"person", "unnamed"}
DROPPED_KINDS = {"person", "unnamed", "organisation"}
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
    sources = []
    for item in found:
        if item.source is not None and item.speaker_hint is None:
            info = _source_info(doc, item, settings)
            if info is not None and info.kind not in {"pronoun", "author"}:
                plural = info.count not in (None, "1")
                sources.append(Referent(item.source[0], info, plural, head=item.source_head))
    history = referents(doc, settings=settings, quoted=tuple(quoted), known=tuple(sources))

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
    history: list[Referent],
    settings: Settings,
    speakers: list[ResolvedSpeaker],
    last_direct: int | None,
    last_other: int | None,
) -> SourceInfo | None:
    if item.speaker_hint == "author":
        return AUTHOR
    if item.speaker_hint == "previous":
        return speakers[last_direct].info if last_direct is not None else None
    if item.speaker_hint == "antecedent" and item.cue is not None:
        return _dropped_subject(doc, history, item.cue[0])
    if item.speaker_hint == "interviewee":
        if last_other is not None:
            return speakers[last_other].info
        found = antecedent(history, item.content[0], "he")
        return found.info if found is not None else _person_before(doc, item.content[0], settings)
    if item.source is None:
        return None
    info = _source_info(doc, item, settings)
    if info is None:
        return None
    if info.kind == "author":
        return AUTHOR
    head: Token = doc[item.source_head] if item.source_head is not None else doc[0]
    if info.kind == "pronoun":
        if head.lower_ in words("pronouns-first-person", language=doc.lang_):
            return AUTHOR
        found = antecedent(history, item.source[0] + 1, head.lower_)
        return found.info if found is not None else None
    # "Both said", "The other said": the group just met
    if head.lower_ in words("group-anaphors", language=doc.lang_):
        found = antecedent(history, item.source[0], "they")
        return found.info if found is not None else info
    return info


def _dropped_subject(doc: Doc, history: list[Referent], position: int) -> SourceInfo | None:
    """Who a subjectless cue verb at ``position`` speaks for: the latest referent before it
    that agrees with the verb in number (a person, a described person or a body)."""
    verb = doc.char_span(position, position + 1, alignment_mode="expand")
    plural = verb is not None and "Plur" in verb[0].morph.get("Number")
    for referent in reversed(history):
        fits = referent.plural == plural and referent.info.kind in DROPPED_KINDS
        if referent.position < position and fits:
            return referent.info
    return None


def _person_before(doc: Doc, position: int, settings: Settings) -> SourceInfo | None:
    """The last person or described person named before ``position``, in any role ("I spoke
    to the commander"): who an interview's answers belong to when no one has spoken yet."""
    speakers = load_lexicon("speakers", settings=settings, language=doc.lang_)
    people = set(speakers.get("people", ()))
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
    surnamed = [i for i, speaker in enumerate(speakers) if _surname_of(info, speaker.info)]
    if len(surnamed) == 1:  # two namesakes speaking: the bare surname is neither's
        return surnamed[0]
    speakers.append(ResolvedSpeaker(info))
    return len(speakers) - 1


def _surname_of(later: SourceInfo, earlier: SourceInfo) -> bool:
    """Whether ``later`` is one capitalised word, read as no name (the tagger missed it:
    "Mertens told a news conference"), that is the surname of the person ``earlier`` names
    ("Finance Minister Karl Mertens said")."""
    words = later.name.split()
    return (
        later.kind == "unnamed"
        and earlier.kind == "person"
        and len(words) == 1
        and words[0][:1].isupper()
        and len(earlier.name.split()) > 1
        and earlier.name.split()[-1] == words[0]
    )
