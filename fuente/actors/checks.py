"""Knowledge checks: where an article places a known actor in a role on a date that the
knowledge base contradicts.

``knowledge_findings`` reads the parsed Doc with its entities and resolved time expressions,
and fires two rules, each naming itself in the finding it records:

* ``title-on-date``: a known person given an office as a title ("President Obama") on a date
  none of their spells in that office covers;
* ``administration-on-date``: a known president's administration ("officials in the Trump
  administration") acting on a date none of that person's presidencies covers.

The date checked is the one the clause gives (a time expression hanging on the verb the actor
hangs on: "took place months before the January 3, 2023, operation"), or, where the sentence
writes no date and speaks in the present ("President Obama says"), the days the article was
written on. A check is not made, so nothing is found, where the title says the role is past
or not yet ("former", "then-", "the late", "a President Trump"), where the sentence speaks of
what may be ("would", "if"), in a past-tense clause without a date of its own (a historical
reference), inside a quotation, where the knowledge base gives the person no spell of that
office at all, or where the date is open ("before 2020"). A date within ``GRACE`` of a spell
is taken to fit it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from fuente.actors.known import KnownActor, KnownActors, Role, known_actors, words_of
from fuente.days import date_span
from fuente.lexicon import read_lexicon
from fuente.lexicon import words as grammar_words
from fuente.nlp.tense import governing_verb
from fuente.records import Attribution, Entity, Finding, Mention, TimeExpr
from fuente.settings import Settings

__all__ = ["EXTRACTOR", "GRACE", "knowledge_findings"]

EXTRACTOR = "checks@1"
GRACE = datetime.timedelta(days=30)  # a spell's ends are taken this much wider
NEAR = datetime.timedelta(days=366)  # "months before" a date: within a year of it
REACH = 8  # steps up the parse from a word to the verb it hangs on
MODIFIER = frozenset({"compound", "nmod", "amod", "poss", "nummod"})
PRESENT_AUXILIARIES = grammar_words("present-auxiliaries")
Days = tuple[datetime.date, datetime.date]


@dataclass(frozen=True, slots=True)
class CheckWords:
    """The checks lexicon (``checks.yaml``), compiled."""

    not_now: frozenset[str]
    hypothetical: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    government_nouns: frozenset[str]
    government_offices: frozenset[str]
    open_prepositions: dict[tuple[str, ...], str]
    near: frozenset[str]


@dataclass(frozen=True, slots=True)
class Claim:
    """An actor the text places in an office: its words, the token its clause is read from,
    the known person, the office and the rule that reads it."""

    start: int
    end: int
    anchor: Token
    entry: KnownActor
    office: str
    roles: tuple[Role, ...]
    rule: str


@dataclass(frozen=True, slots=True)
class Dated:
    """A date the claim is checked against: its value and days, and where it is written."""

    value: str
    days: Days
    time: TimeExpr | None = None


@cache
def _check_words(lexicon_dir: str | None) -> CheckWords:
    lexicon = read_lexicon("checks", lexicon_dir=lexicon_dir)

    def folded(section: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in lexicon.get(section, ()))

    return CheckWords(
        folded("not-now-qualifiers"),
        folded("hypothetical-words"),
        folded("hypothetical-auxiliaries"),
        folded("government-nouns"),
        folded("government-offices"),
        {tuple(str(words).lower().split()): str(side) for words, side in lexicon.get(
            "open-prepositions", ())},
        folded("near-words"),
    )  # fmt: skip


def knowledge_findings(
    doc: Doc,
    doc_id: str,
    *,
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    times: Sequence[TimeExpr],
    attributions: Sequence[Attribution] = (),
    written: Days | None = None,
    settings: Settings,
) -> tuple[Finding, ...]:
    """The findings of one article: every claim of a role on a date the knowledge base
    contradicts. ``written`` is the days the article was written on (None when unknown)."""
    if not len(doc):
        return ()
    known = known_actors(settings)
    words = _check_words(settings.lexicon_dir)
    quoted = [(a.content_start, a.content_end) for a in attributions if a.kind == "direct"]
    claims = [
        *_titled(doc, entities, mentions, known, words),
        *_administrations(doc, known, words),
    ]
    found: dict[tuple[int, int], Finding] = {}
    for claim in claims:
        if any(start <= claim.start < end for start, end in quoted):
            continue
        dates = _dates(doc, claim, times, written, words)
        if dates and all(_contradicts(claim.roles, dated.days) for dated in dates):
            found.setdefault((claim.start, claim.end), _finding(doc, doc_id, claim, dates[0]))
    return tuple(found[key] for key in sorted(found))


def _one_person(name: str, known: KnownActors) -> KnownActor | None:
    fits = {entry.id: entry for entry in known.people_fitting(name)}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _office(tokens: Span, known: KnownActors) -> str | None:
    if any(t.is_punct and t.text not in {"-", "."} for t in tokens):
        return None
    return (known.offices or {}).get(" ".join(words_of(tokens.text)))


def _roles_in(entry: KnownActor, offices: set[str], known: KnownActors) -> tuple[Role, ...]:
    canonical = known.offices or {}
    return tuple(
        role
        for role in entry.roles
        if role.office and canonical.get(" ".join(words_of(role.office)), role.office) in offices
    )


def _qualified(doc: Doc, start: int, words: CheckWords) -> bool:
    """Whether the two words before token ``start`` say the role is not held now."""
    before = [t for t in doc[max(0, start - 4) : start] if not t.is_punct][-2:]
    return any(t.lower_ in words.not_now for t in before)


def _title(doc: Doc, first: int, known: KnownActors) -> tuple[int, str] | None:
    """The office written as a title just before token ``first`` (its first token, the
    office): "President", "Vice President", "Secretary of State"."""
    for size in (3, 2, 1):
        if first - size >= 0:
            office = _office(doc[first - size : first], known)
            if office is not None:
                return first - size, office
    return None


def _titled(
    doc: Doc,
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    known: KnownActors,
    words: CheckWords,
) -> list[Claim]:
    """Known people with an office as their title ("President Obama")."""
    people = {e.id: p for e in entities if e.type == "PERSON" and (p := _one_person(e.name, known))}
    claims = []
    for mention in mentions:
        entry = people.get(mention.entity)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if entry is None or span is None or not len(span):
            continue
        titled = _title(doc, span.start, known) or _inner_title(span, known)
        if titled is None or _qualified(doc, titled[0], words):
            continue
        roles = _roles_in(entry, {titled[1]}, known)
        if roles:
            start = doc[titled[0]].idx
            claims.append(
                Claim(start, span.end_char, span.root, entry, titled[1], roles, "title-on-date")
            )
    return claims


def _inner_title(span: Span, known: KnownActors) -> tuple[int, str] | None:
    """A title the mention itself begins with ("President Obama" tagged whole)."""
    for size in (3, 2, 1):
        if size < len(span):
            office = _office(span[:size], known)
            if office is not None:
                return span.start, office
    return None


def _administrations(doc: Doc, known: KnownActors, words: CheckWords) -> list[Claim]:
    """Known presidents' administrations ("the Trump administration", "Obama's
    administration")."""
    claims = []
    for token in doc:
        if token.lower_ not in words.government_nouns:
            continue
        end = token.i
        if end > 0 and doc[end - 1].tag_ == "POS":
            end -= 1
        start = end
        while start > 0 and end - start < 4 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start == end or _qualified(doc, start, words):
            continue
        entry = _one_person(doc[start:end].text, known)
        roles = _roles_in(entry, set(words.government_offices), known) if entry else ()
        if entry is not None and roles:
            office = sorted(words.government_offices)[0]
            claims.append(
                Claim(doc[start].idx, token.idx + len(token), token, entry, office, roles,
                      "administration-on-date")
            )  # fmt: skip
    return claims


def _verb(token: Token) -> Token | None:
    return governing_verb(token, reach=REACH)


def _present(verb: Token) -> bool:
    auxiliaries = {c.lower_.replace("’", "'") for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ in {"VBZ", "VBP"}:
        return not auxiliaries or auxiliaries <= PRESENT_AUXILIARIES
    return verb.tag_ == "VBG" and bool(auxiliaries & PRESENT_AUXILIARIES)


def _dates(
    doc: Doc, claim: Claim, times: Sequence[TimeExpr], written: Days | None, words: CheckWords
) -> list[Dated]:
    """The dates the claim is made on: those its clause gives, else (a sentence with no date
    of its own, in the present) the article's; [] where no check is to be made."""
    sentence = claim.anchor.sent
    verb = _verb(claim.anchor)
    auxiliaries = {c.lower_.replace("’", "'") for c in verb.children} if verb else set()
    if auxiliaries & words.hypothetical_auxiliaries or any(
        t.lower_ in words.hypothetical for t in sentence
    ):
        return []
    on_calendar = [
        (time, days)
        for time in times
        if sentence.start_char <= time.start < sentence.end_char
        and time.type == "DATE"
        and (days := _days(time.value)) is not None
    ]
    linked = []
    for time, days in on_calendar:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or verb is None or _modifies_noun(span):
            continue
        if getattr(_verb(span.root), "i", None) != verb.i:
            continue
        widened = _widened(doc, span, days, words)
        if widened is None or time.mod in {"BEFORE", "AFTER"}:
            return []  # an open date: the claim may well hold
        linked.append(Dated(time.value, widened, time))
    if linked or on_calendar:
        return linked
    if written is None or verb is None or not _present(verb):
        return []
    first, last = written
    value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    return [Dated(value, written)]


def _days(value: str) -> Days | None:
    found = date_span(value)
    return (found[0], found[1]) if found else None


def _modifies_noun(span: Span) -> bool:
    root = span.root
    return root.dep_ in MODIFIER and root.head.pos_ in {"NOUN", "PROPN"}


def _widened(doc: Doc, span: Span, days: Days, words: CheckWords) -> Days | None:
    """The days a date leaves the time at: its own, or a year to one side of it when an open
    preposition with a near word comes first ("months before"); None when open."""
    start = span.start
    while start > 0 and doc[start - 1].lower_ in {"the", "a"}:
        start -= 1
    for size in (2, 1):
        if start - size < 0:
            continue
        side = words.open_prepositions.get(tuple(t.lower_ for t in doc[start - size : start]))
        if side is None:
            continue
        if start - size == 0 or doc[start - size - 1].lower_ not in words.near:
            return None
        return (days[0] - NEAR, days[1]) if side == "before" else (days[0], days[1] + NEAR)
    return days


def _contradicts(roles: Sequence[Role], days: Days) -> bool:
    """Whether no spell comes within ``GRACE`` of the days."""
    for role in roles:
        first, last = role.widest()
        first = first - GRACE if first > datetime.date.min + GRACE else first
        last = last + GRACE if last < datetime.date.max - GRACE else last
        if first <= days[1] and days[0] <= last:
            return False
    return True


def _finding(doc: Doc, doc_id: str, claim: Claim, dated: Dated) -> Finding:
    spells = "; ".join(role.spans() for role in claim.roles)
    text = doc.text[claim.start : claim.end]
    message = (
        f"{text} on {dated.value}, but the knowledge base has {claim.entry.name} "
        f"{claim.office} only {spells}"
    )
    time = dated.time
    return Finding(
        doc_id, claim.rule, message, claim.start, claim.end, text, claim.entry.id, dated.value,
        EXTRACTOR, time.start if time else None, time.end if time else None,
        time.text if time else None,
    )  # fmt: skip
