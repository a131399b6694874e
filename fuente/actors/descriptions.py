"""Definite descriptions: which named person "the senator" or "the president" is, if any.

An article names a person, then goes on with a description of them: "the senator" a sentence
after "Sen. Bernie Sanders", "Pagliano's lawyer" after "MacDougall, Pagliano's lawyer", "the
former secretary of state" in an article naming Hillary Clinton. ``find_descriptions`` reads
each singular description opened by "the" or a possessive ("the Vermont senator", "America's
commander in chief") and gives it the one person of the document it fits, where:

* the description fits a person when the article gives them that role: a title or role before
  a name ("Sen. Bernie Sanders", "businessman Donald Trump", "former Secretary of State Hillary
  Clinton"), or an apposition ("Sanders, the Vermont senator"); an apposition to a name names
  that person outright;
* for an office the knowledge base keeps (``fuente.actors.known``: president, secretary of
  state, ...) and a person it knows, the knowledge base decides instead: a role in that office
  (in the country the description names, if any) held on the article's date, or before it for
  "the former ...";
* likewise for any other role the knowledge base gives a person it knows ("Texas senator",
  "Republican presidential candidate", "first lady"): where it gives the person the
  description's role at any time, it decides, by the date (or before it, for "the former
  ...") and by the words that narrow the role ("the Vermont senator", "the GOP nominee": each
  capitalised word, or qualifier of the lexicon, must be a word of the role, a country the
  role's country); where it never gives the role, the article's roles decide. A rank word
  ("deputy", "vice") makes another role: "the minister" is no deputy minister;
* the person is salient: mentioned within the last few sentences, and the only fitting person
  mentioned there. Two fitting people nearby, or none, leave the description unnamed; but for
  an office that heads a state or a government ("the president"), with no fitting person
  nearby, the one holder on the article's date that the article has named before it is taken;
* a description said by "be" to be a named person ("The administrator is Denise Turner Roth")
  names that person outright, as an apposition does.

Plural and indefinite descriptions ("officials", "a senior official") are never read. The
pipeline works the descriptions out once per Doc (``resolve_descriptions``, kept in its
``user_data``); ``description_at`` is what every later rule reads.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from fuente.actors.article_roles import (
    PLURAL_TAGS,
    ROLE_POS,
    DescriptionWords,
    article_roles,
    description_words,
    owner_of,
    person_tokens,
    ranked_role,
    relations,
    role_of,
    role_words,
)
from fuente.actors.knowledge import day_range, office_of
from fuente.actors.known import KnownActor, KnownActors, Role, date_bounds, known_actors, words_of
from fuente.actors.speaker_lexicons import compiled, phrase_key
from fuente.nlp.entity_view import entity_at, entity_view
from fuente.settings import Settings

__all__ = [
    "EXTRACTOR", "Described", "description_at", "descriptions", "find_descriptions",
    "resolve_descriptions",
]  # fmt: skip

EXTRACTOR = "descriptions@2"
WINDOW = 3  # sentences before the description's own in which its person must be mentioned
CACHE = "fuente_descriptions"


@dataclass(frozen=True, slots=True)
class Described:
    """A description resolved to a person: its words (character offsets) and the person's
    entity (the index of its cluster in ``doc._.fuente_entities``) and name; ``by`` is
    ``knowledge base`` where only the knowledge base's holder of the office on the article's
    date names it (``_sitting_head``), else ``article``."""

    start: int
    end: int
    entity: int
    name: str
    type: str = "PERSON"  # the cluster's type: PERSON, or ORG for a body ("the court")
    by: str = "article"


# --- the descriptions -------------------------------------------------------------------------


def _opened(head: Token) -> Token | None:
    """The first word of a definite description headed by ``head``: its "the", or the word
    after a possessive ("Pagliano's lawyer": the owner's name is no part of what is said of
    the lawyer)."""
    for child in head.lefts:
        if child.dep_ == "det" and child.lower_ == "the":
            return child
        if child.dep_ == "poss" and child.pos_ != "PRON" and child.right_edge.i < head.i:
            return head.doc[child.right_edge.i + 1]
    return None


def _span(head: Token, opener: Token, words: DescriptionWords, known: KnownActors) -> Span:
    """The description's words: from its opener to its head, with a prepositional phrase that
    makes one role with the head ("commander in chief", "secretary of state")."""
    doc = head.doc
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.i == end:
            extended = doc[head.i : child.right_edge.i + 1]
            said = " ".join(words_of(extended.text))
            if said in words.roles or said in (known.offices or {}):
                end = child.right_edge.i + 1
            break
    return doc[opener.i : end]


def _candidates(doc: Doc, words: DescriptionWords, known: KnownActors) -> list[tuple[Token, Span]]:
    found = []
    for token in doc:
        if token.pos_ not in ROLE_POS or token.tag_ in PLURAL_TAGS or token.dep_ == "compound":
            continue
        if entity_at(token) is not None or role_of(token, words) in words.not_roles:
            continue
        opener = _opened(token)
        if opener is not None:
            found.append((token, _span(token, opener, words, known)))
    return found


def _office(span: Span, context: _Context) -> str | None:
    """The knowledge base's office the description names ("the former secretary of state")."""
    words, known = context.words, context.known
    said = " ".join(words_of(span.text))
    for form, role in sorted(words.roles.items(), key=lambda item: -len(item[0])):
        if " " in form and f" {form} " in f" {said} ":
            said = f" {said} ".replace(f" {form} ", f" {role} ").strip()
    offices = sorted(known.offices or {}, key=len, reverse=True)
    said = " ".join(words.roles.get(word, word) for word in said.split())
    return next((office_of(o, known=known) for o in offices if f" {o} " in f" {said} "), None)


def _country(span: Span, settings: Settings) -> str | None:
    countries = compiled(settings.lexicon_dir).countries
    for token in span:
        key = phrase_key(token.text.removesuffix("’s").removesuffix("'s"))
        if code := countries.get(key) or (key.endswith("s") and countries.get(key[:-1])):
            return code
    return None


def _in_spell(role: Role, past: bool, days: tuple[date, date] | None) -> bool:
    """Whether ``role`` was held on the days, or ended by then for a past role ("the former
    ..."); any spell when the date is not known."""
    if days is None:
        return True
    if past:
        ended = date_bounds(role.end) if role.end is not None else None
        return ended is not None and ended[0] <= days[1]
    first, last = role.widest()
    return first <= days[1] and days[0] <= last


def _holds(
    person: KnownActor, office: str, country: str | None, past: bool, context: _Context
) -> bool:
    """Whether the knowledge base gives ``person`` the office (in ``country``) on the
    article's date, or before it for a past role."""
    days = day_range(context.on) if context.on else None
    return any(
        office_of(role.office or "", known=context.known) == office
        and (country is None or role.country == country)
        and _in_spell(role, past, days)
        for role in person.roles
    )


def _qualifiers(head: Token, span: Span, context: _Context) -> tuple[str, frozenset[str]]:
    """The role a description says (ranked: "the deputy minister") and the words it
    qualifies it by that a role must say too: a name's ("the Texas senator", "the Republican
    nominee") or a qualifier of the lexicon's ("presidential"); "gop" is "republican"."""
    words = context.words
    before = [t for t in span if t.i < head.i]
    role = ranked_role(role_of(head, words), before, words)
    forms = words.qualifiers or {}
    said = set()
    for token in before[1:] if before and before[0].lower_ == "the" else before:
        word = " ".join(words_of(token.text))
        if word in words.former or word in words.ranks or not word:
            continue
        if word in forms or (token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ")):
            said.add(forms.get(word, word))
    return role, frozenset(said)


def _kb_role(person: KnownActor, head: Token, span: Span, context: _Context) -> bool | None:
    """Whether the knowledge base gives ``person`` the role the description says, with every
    qualifier it says (a country by the role's country), on the article's date or before it
    for a past one; None when it gives the person that role at no time (the article
    decides)."""
    role, said = _qualifiers(head, span, context)
    countries = compiled(context.settings.lexicon_dir).countries
    days = day_range(context.on) if context.on else None
    past = _past(span, context.words)
    spells = []
    for held in person.roles:
        named, others = role_words(held.office or "", context.words)
        if named == role:
            spells.append((held, others))
    if not spells:
        return None
    return any(
        all(word in others or countries.get(word) == held.country for word in said)
        and _in_spell(held, past, days)
        for held, others in spells
    )


def _past(span: Span, words: DescriptionWords) -> bool:
    return any(t.lower_ in words.former or t.lower_.startswith("ex-") for t in span)


def _fits(entity: int, head: Token, span: Span, context: _Context) -> bool:
    office = _office(span, context)
    person = context.people.get(entity)
    if office is not None and person is not None:
        country = _country(span, context.settings)
        return _holds(person, office, country, _past(span, context.words), context)
    if person is not None and (held := _kb_role(person, head, span, context)) is not None:
        return held
    role, _ = _qualifiers(head, span, context)
    return role in context.roles.get(entity, set())


@dataclass(frozen=True, slots=True)
class _Context:
    words: DescriptionWords
    known: KnownActors
    settings: Settings
    on: str | None
    roles: dict[int, set[str]]
    people: dict[int, KnownActor | None]


def _recent(
    doc: Doc, head: Token, span: Span, starts: list[int], persons: list[int | None]
) -> list[int]:
    """The person clusters mentioned in the description's sentence (before it) and the
    ``WINDOW`` sentences before that; not those its own words name ("Pagliano's lawyer")."""
    index = bisect_right(starts, head.i) - 1
    first = starts[max(0, index - WINDOW)]
    own = doc[min(head.left_edge.i, span.start) : span.end]
    found = set(persons[first : own.start]) - set(persons[own.start : own.end])
    return sorted(e for e in found if e is not None)


def find_descriptions(doc: Doc, *, settings: Settings, on: str | None = None) -> list[Described]:
    """The document's definite descriptions that name one person, in text order; ``on`` is the
    article's date (a TIMEX3 value), when known."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("SENT_START"):
        return []
    words, known = description_words(settings.lexicon_dir), known_actors(settings)
    clusters = doc._.fuente_entities
    persons = person_tokens(doc)
    roles, apposed = article_roles(doc, words, persons)
    related = relations(apposed, doc, words, persons)
    people = {
        index: known.person(name)
        for index, (name, entity_type, _) in enumerate(clusters)
        if entity_type == "PERSON"
    }
    context = _Context(words, known, settings, on, roles, people)
    starts = [sentence.start for sentence in doc.sents]
    bodies = _bodies(doc)
    found = []
    for head, span in _candidates(doc, words, known):
        by = "article"
        entity = apposed.get(head.i)
        owner = owner_of(head, persons) if entity is None else None
        if owner is not None:  # "Pagliano's lawyer": the one the article made his lawyer
            given = related.get((role_of(head, words), owner), set())
            entity = next(iter(given)) if len(given) == 1 else None
        if entity is None:
            fitting = [
                e
                for e in _recent(doc, head, span, starts, persons)
                if _fits(e, head, span, context)
            ]
            entity = fitting[0] if len(fitting) == 1 else None
            if not fitting:
                entity = _sitting_head(head, span, persons, context)
                by = "knowledge base"
        if entity is None and role_of(head, words) in words.body_heads:
            entity = _body(doc, head, span, starts, bodies)
        if entity is not None:
            name, entity_type, _ = clusters[entity]
            found.append(Described(span.start_char, span.end_char, entity, name, entity_type, by))
    return found


def _sitting_head(
    head: Token, span: Span, persons: list[int | None], context: _Context
) -> int | None:
    """For "the president" or "the prime minister" (an office that heads a state or a
    government) with no fitting person nearby: the one person the article has named before
    it who held the office on the article's date, by the knowledge base; None for a past
    one ("the former president") or where the article named two such holders."""
    office = _office(span, context)
    if office not in context.known.heads or context.on is None or _past(span, context.words):
        return None
    named = {e for e in persons[: span.start] if e is not None}
    holders = [e for e in sorted(named) if _fits(e, head, span, context)]
    return holders[0] if len(holders) == 1 else None


def _bodies(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """For each head noun of an organisation's name ("court" of "Manhattan Supreme Court",
    "department" of "Department of Veterans Affairs"), the (cluster, first token) of each
    mention of such an organisation."""
    found: dict[str, list[tuple[int, int]]] = {}
    for i, mention in entity_view(doc).at.items():
        if mention.entity is None or mention.label != "ORG" or i != mention.start:
            continue
        name = doc._.fuente_entities[mention.entity][0]
        before = words_of(name.split(" of ", 1)[0])
        if len(words_of(name)) > 1 and before:  # "Bank" alone is no body's name
            found.setdefault(before[-1], []).append((mention.entity, i))
    return found


def _body(
    doc: Doc,
    head: Token,
    span: Span,
    starts: list[int],
    bodies: dict[str, list[tuple[int, int]]],
) -> int | None:
    """The one organisation named before ``head`` whose name has ``head``'s noun as its own
    head and every other word of the description ("the appeals court": "U.S. Court of
    Appeals", not "the Supreme Court"); where the article has named several, the one of them
    named in the last few sentences, if only one is."""
    said = set(words_of(" ".join(t.text for t in span if t.i != head.i and not t.is_stop)))
    clusters = doc._.fuente_entities
    named = [
        (e, i)
        for e, i in bodies.get(head.lemma_.lower(), ())
        if i < head.i and said <= set(words_of(clusters[e][0]))
    ]
    if len({e for e, _ in named}) > 1:
        first = starts[max(0, bisect_right(starts, head.i) - 1 - WINDOW)]
        named = [(e, i) for e, i in named if i >= first]
    entities = {e for e, _ in named}
    return entities.pop() if len(entities) == 1 else None


def resolve_descriptions(doc: Doc, *, settings: Settings, on: str | None = None) -> None:
    """Work out the document's descriptions once, for ``description_at`` to read."""
    found = find_descriptions(doc, settings=settings, on=on)
    doc.user_data[CACHE] = (settings.lexicon_dir, found)


def _resolved(doc: Doc, settings: Settings) -> list[Described]:
    kept = doc.user_data.get(CACHE)
    if kept is None or kept[0] != settings.lexicon_dir:
        resolve_descriptions(doc, settings=settings)
        kept = doc.user_data[CACHE]
    return kept[1]


def description_at(token: Token, *, settings: Settings) -> Described | None:
    """The resolved description ``token`` heads or lies in, if any."""
    for described in _resolved(token.doc, settings):
        if described.start <= token.idx < described.end:
            return described
    return None


def descriptions(doc: Doc, *, settings: Settings) -> list[Described]:
    """The document's resolved descriptions, as ``resolve_descriptions`` worked them out."""
    return _resolved(doc, settings)
