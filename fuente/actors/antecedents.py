"""Pronoun antecedents: what "he", "they", "it" or "who" stands for, by one set of rules.

Both the speaker resolver (``fuente.attribution.speaker_resolution``) and the event-actor coder
(``fuente.actors.coding``) ask here. The document is walked in order, keeping a history of the
people and groups met in subject position (named, or described: "an active chavista official
who insists ..."), each with what ``describe_source`` says of it; then every third-person
pronoun takes, in text order:

* he/she (him, his, her) the latest fitting person, named or described, of its gender;
* they (them, their) the latest group or people in the plural;
* it the latest named body or country in the singular;
* a relative pronoun ("who", "which") the noun its clause describes.

A newcomer met once in passing does not take a pronoun from a referent the text keeps
referring to (salience), and each pronoun resolved joins the history as its referent, so later
pronouns follow the chain. A caller may leave quotations out (their subjects and pronouns
speak from inside them) and add referents it knows of (the sources of attributions).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from fuente.actors.speakers import SourceInfo, describe_source
from fuente.lexicon import has_lexicon, read_lexicon, words
from fuente.nlp.entity_view import entity_label
from fuente.settings import Settings

__all__ = ["Referent", "antecedent", "insert", "pronoun_antecedent", "referents"]

SINGULAR = words("pronouns-singular")
PLURAL = words("pronouns-plural")
BODY = words("pronouns-body")
RELATIVE = words("relative-pronouns")
THIRD_PERSON = SINGULAR | PLURAL | BODY
PERSONAL_KINDS = {"person", "unnamed"}
GROUPS = {"ORG", "NORP", "GPE"}
MEANT_ENTITIES = GROUPS | {"PERSON"}
SUBJECTS = {"nsubj", "nsubjpass"}
SALIENT = 3  # pronouns a referent needs before a newcomer cannot take the next one from it


@dataclass(frozen=True, slots=True)
class Referent:
    """Someone met in the text: where (a character offset), what its words say, whether it is
    plural, whether it was met as a pronoun, and the token heading its words, if known."""

    position: int
    info: SourceInfo
    plural: bool
    pronoun: bool = False
    head: int | None = None


def _is_plural(info: SourceInfo) -> bool:
    return info.count not in (None, "1")


def _quoted(position: int, quoted: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= position < end for start, end in quoted)


def referent_of(doc: Doc, head: Token, settings: Settings) -> Referent:
    """The referent the words headed by ``head`` name (its relative clauses left out)."""
    clauses = {t.i for c in head.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    tokens = [t.i for t in head.subtree if t.i not in clauses]
    info = describe_source(doc[min(tokens) : max(tokens) + 1], settings=settings)
    return Referent(head.idx, info, _is_plural(info), head=head.i)


def _subjects(doc: Doc, settings: Settings, quoted: tuple[tuple[int, int], ...]) -> list[Referent]:
    """People and groups in subject position outside quotations, in text order."""
    seen = []
    people, groups = _nouns(settings, doc.lang_)
    nouns = people | groups
    for token in doc:
        if token.dep_ not in SUBJECTS or _quoted(token.idx, quoted):
            continue
        if token.pos_ == "PRON" and token.tag_ in {"WP", "WDT"} and token.head.dep_ == "relcl":
            token = token.head.head  # "an official who insists": the official
        elif token.pos_ not in {"NOUN", "PROPN"}:
            continue
        lemma = token.lemma_.lower()
        if entity_label(token) not in MEANT_ENTITIES and lemma not in nouns:
            continue  # only people, groups and bodies can be what a pronoun stands for
        referent = referent_of(doc, token, settings)
        if _can_be_meant(referent, people, groups):
            seen.append(referent)
    return seen


def _nouns(settings: Settings, language: str) -> tuple[frozenset[str], frozenset[str]]:
    """Nouns for people ("official") and for groups: bodies ("ministry"), the nouns of the
    events lexicon for who acts ("farmers") and the one-word sectors ("militants"), in the
    document's language (the events lexicon's where it has one)."""
    return _nouns_in(settings.lexicon_dir, language)


@lru_cache(maxsize=8)
def _nouns_in(lexicon_dir: str | None, language: str) -> tuple[frozenset[str], frozenset[str]]:
    speakers = read_lexicon("speakers", lexicon_dir=lexicon_dir, language=language)
    sectors = read_lexicon("sectors", lexicon_dir=lexicon_dir, language=language)
    actors: tuple[object, ...] = ()
    if has_lexicon("events", language=language):
        events = read_lexicon("events", lexicon_dir=lexicon_dir, language=language)
        actors = events.get("actor-nouns", ())
    people = frozenset(str(word) for word in speakers.get("people", ()))
    groups = {str(word) for word in (*speakers.get("bodies", ()), *actors)}
    groups |= {str(w) for entries in sectors.values() for w in entries if " " not in str(w)}
    return people, frozenset(groups)


def _can_be_meant(referent: Referent, people: frozenset[str], groups: frozenset[str]) -> bool:
    """Whether a subject could be what a later pronoun stands for: a person, a described
    person ("an active chavista official"), people described in the plural ("radical
    farmers"), or a body or country."""
    info = referent.info
    if info.kind == "person":
        return True
    if info.kind == "unnamed":
        return info.head in people or (referent.plural and info.head in groups)
    return info.kind == "organisation"


def _fits(item: Referent, pronoun: str) -> bool:
    if pronoun in BODY:
        return item.info.kind == "organisation" and not item.plural
    if pronoun in PLURAL:
        return item.plural
    return not item.plural and item.info.kind in PERSONAL_KINDS


def _gender(pronoun: str) -> str | None:
    if pronoun in {"he", "him", "his"}:
        return "he"
    return "she" if pronoun in {"she", "her"} else None


def antecedent(history: list[Referent], position: int, pronoun: str) -> Referent | None:
    """The referent of ``history`` (in text order) that ``pronoun`` at ``position`` stands for."""
    gender = _gender(pronoun)
    fitting = [
        item
        for item in reversed(history)
        if item.position < position
        and _fits(item, pronoun)
        and not (gender and item.info.gender and item.info.gender != gender)
    ]
    if not fitting:
        return None
    latest = fitting[0]
    # Salience: a newcomer met once in passing does not take the pronoun from the one the
    # text has kept referring to ("a family member would pass along a greeting. … He speaks").
    counts: dict[tuple[str, str], int] = {}
    for item in fitting:
        if item.pronoun:
            counts[_identity(item)] = counts.get(_identity(item), 0) + 1
    if counts.get(_identity(latest), 0) == 0:
        for item in fitting[1:]:
            if _identity(item) != _identity(latest):
                if counts.get(_identity(item), 0) >= SALIENT:
                    return item
                break
    return latest


def _identity(item: Referent) -> tuple[str, str]:
    return item.info.kind, (item.info.name or "").casefold()


def insert(history: list[Referent], item: Referent) -> None:
    """Put ``item`` into ``history`` in text order."""
    index = len(history)
    while index > 0 and history[index - 1].position > item.position:
        index -= 1
    history.insert(index, item)


def _chain(doc: Doc, history: list[Referent], quoted: tuple[tuple[int, int], ...]) -> None:
    """Resolve every third-person pronoun outside quotations, in order, adding each to the
    history as the referent it took, so later pronouns can follow the chain."""
    for token in doc:
        lower = token.lower_
        if token.pos_ != "PRON" or lower not in THIRD_PERSON:
            continue
        if _quoted(token.idx, quoted):
            continue
        referent = antecedent(history, token.idx, lower)
        if referent is not None:
            gender = referent.info.gender or _gender(lower)
            info = replace(referent.info, gender=gender)
            insert(history, Referent(token.idx, info, referent.plural, True, referent.head))


def referents(
    doc: Doc,
    *,
    settings: Settings,
    quoted: tuple[tuple[int, int], ...] = (),
    known: tuple[Referent, ...] = (),
) -> list[Referent]:
    """The history every pronoun of ``doc`` is resolved against: the subjects outside
    ``quoted``, the ``known`` referents a caller adds, and the pronouns resolved, in order."""
    history = _subjects(doc, settings, quoted)
    for item in known:
        insert(history, item)
    _chain(doc, history, quoted)
    return history


def pronoun_antecedent(token: Token, *, settings: Settings) -> Token | None:
    """The token heading what the pronoun ``token`` stands for, over the whole document (the
    history kept per Doc in its ``user_data``), else None."""
    lower = token.lower_
    if lower in RELATIVE:
        return token.head.head if token.head.dep_ == "relcl" else None
    doc = token.doc
    cache = doc.user_data.setdefault("fuente_referents", {})
    if settings.lexicon_dir not in cache:
        cache[settings.lexicon_dir] = referents(doc, settings=settings)
    found = antecedent(cache[settings.lexicon_dir], token.idx, lower)
    return doc[found.head] if found is not None and found.head is not None else None
