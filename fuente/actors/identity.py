"""One actor across articles: which corpus-wide actor a name in a new article belongs to.

A *name* (``ActorName``) is a person or an organisation one article names: an entity the
tagger found, or a named speaker that has no entity. ``name_keys`` gives the blocking keys
under which candidate actors are looked up (a person's surname, an organisation's folded name
and acronym, the knowledge-base entry), so a new article is compared with a handful of actors,
never with the corpus. ``decide`` then takes one of the candidates, founds a new actor, or
leaves the name unlinked, and always says why:

* a name the knowledge base resolves to one entry (on the article's date, when several
  entries fit: "George Bush" in 1990 and in 2004) joins that entry's actor;
* a person's full name joins the actor with the same surname whose first names hold its
  first name, or one spelt close to it ("Hilary"); an actor known so far by its surname only
  takes it when no other actor has that surname;
* a bare surname joins the only person actor with that surname; when several have it
  ("Clinton": Bill and Hillary) it is linked to neither, not to the more frequent one;
* an organisation joins the actor of the same folded name, or the one it is the acronym of;
* a name the tagger typed otherwise than before ("Civic Alliance" as a person) joins the
  actor of exactly that name rather than founding a second one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from fuente.actors.knowledge import office_of
from fuente.actors.known import KnownActor, KnownActors, words_of
from fuente.lexicon import words
from fuente.text import fold

__all__ = [
    "PERSON",
    "ActorCandidate",
    "ActorName",
    "Decision",
    "KnownEntry",
    "NewActor",
    "acronym",
    "actor_id",
    "decide",
    "is_proper_name",
    "known_entry",
    "linking_form",
    "name_keys",
    "own_name",
    "person_parts",
]

EXTRACTOR = "identity@3"
PERSON = "person"
ORGANISATION = "organisation"
FIRST_NAME_CLOSE = 85  # rapidfuzz ratio at which two first names are one spelt two ways
SUFFIXES = words("name-suffixes")
LINKING_WORDS = words("name-linking-words")
ARTICLES = words("articles")
CAPITALS = re.compile(r"^[A-Z](?:\.?[A-Z])+\.?$")  # "FBI", "U.N.", "U.S.A."


@dataclass(frozen=True, slots=True)
class ActorName:
    """A person or organisation as one article names it.

    ``ref`` is the id of what names it (an entity, or a speaker without one); ``name`` the
    fullest form the article gives; ``aliases`` every form it is written in there, with how
    often; ``year`` the article's year, when known; ``context`` the words before each of its
    mentions, a line each, that may give its office ("President").
    """

    ref: str
    doc: str
    kind: str
    name: str
    aliases: tuple[tuple[str, int], ...]
    year: int | None = None
    context: str = ""
    namesakes: int = 0  # other people of its surname its article names in full


@dataclass(frozen=True, slots=True)
class KnownEntry:
    """The knowledge-base entry a name resolves to."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    titled: bool = False  # the article writes the entry's office, held then, before the name
    sitting: bool = False  # heads a state or government in the article's year


@dataclass(frozen=True, slots=True)
class ActorCandidate:
    """A stored actor found under one of a name's keys, with the forms it was written in."""

    id: str
    name: str
    kind: str
    kb: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NewActor:
    name: str
    kind: str
    kb: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """What becomes of a name: it joins ``actor``, founds ``new``, or neither (unlinked)."""

    reason: str
    actor: str | None = None
    new: NewActor | None = None


def is_proper_name(name: str) -> bool:
    """Whether ``name`` names someone rather than describing them: its words after a leading
    article start with a capital, and it is no one's possession ("Interior Ministry", not
    "ministry", "his ministry" or "Vestmark's foreign ministry")."""
    parts = name.split()
    if parts and parts[0].lower() in ARTICLES:
        parts = parts[1:]
    if not parts or "'s" in name.replace("’", "'"):
        return False
    if any(char.isdigit() for char in name):  # "Trump 47.3 percent": a tagger's overreach
        return False
    return all(p[:1].isupper() or p.lower() in LINKING_WORDS for p in parts)


def own_name(name: str, kind: str) -> str | None:
    """The name to link, or None when ``name`` names no one: a person's name after what it
    is given as belonging to ("Green Party's Jill Stein" -> "Jill Stein"; "Pagliano's lawyer"
    names no one); any other proper name as it is."""
    if kind == PERSON:
        after = re.split(r"['’]s\s+", name)[-1]
        if after != name and len(after.split()) >= 2 and is_proper_name(after):
            return after
    return name if is_proper_name(name) else None


def person_parts(name: str, *, titles: Collection[str] = ()) -> tuple[str | None, str] | None:
    """(first name, surname) of a person's name, folded, titles and initials aside:
    "Sen. Bernard J. Sanders" -> ("bernard", "sanders"); "Sanders" -> (None, "sanders"). A
    suffix stays with the surname ("Donald Trump Jr." -> ("donald", "trump jr"))."""
    parts = [w for w in words_of(name) if w not in titles and len(w) > 1]
    if parts and parts[-1] in SUFFIXES and len(parts) > 1:
        parts[-2:] = [f"{parts[-2]} {parts[-1]}"]
    if not parts:
        return None
    return (parts[0] if len(parts) > 1 else None), parts[-1]


def acronym(name: str) -> str | None:
    """The acronym a name is ("FBI", "U.N." -> "un") or stands for ("Federal Bureau of
    Investigation" -> "fbi"); None for a name of one ordinary word."""
    bare = name.strip()
    if CAPITALS.match(bare):
        return bare.replace(".", "").lower()
    initials = [w[0] for w in bare.split() if w[:1].isupper() and w.lower() not in LINKING_WORDS]
    return "".join(initials).lower() if len(initials) > 1 else None


def _folded(name: str) -> str:
    return " ".join(w for w in words_of(name) if w not in ARTICLES)


def name_keys(
    name: ActorName, *, known: KnownEntry | None, titles: Collection[str] = ()
) -> tuple[str, ...]:
    """The keys to look candidate actors up by: ``kb:`` the entry, ``p:`` a person's surname,
    ``o:`` a folded name, ``a:`` an acronym."""
    keys = [f"o:{_folded(name.name)}"]
    if known is not None:
        keys.append(f"kb:{known.id}")
    if name.kind == PERSON:
        parts = person_parts(name.name, titles=titles)
        if parts is not None:
            keys.append(f"p:{parts[1]}")
    else:
        short = acronym(name.name)
        if short:
            keys += [f"a:{short}", f"o:{short}"]
    return tuple(dict.fromkeys(k for k in keys if k.split(":", 1)[1]))


def decide(
    name: ActorName,
    candidates: Iterable[ActorCandidate],
    *,
    known: KnownEntry | None,
    titles: Collection[str] = (),
) -> Decision:
    """The actor ``name`` belongs to, among ``candidates`` (those found under its keys)."""
    candidates = list(candidates)
    if known is not None:
        shared = _shared_surname(name, candidates, known, titles)
        if shared:
            return Decision(f"a bare surname the knowledge base's {known.name} shares: {shared}")
        for candidate in candidates:
            if candidate.kb == known.id:
                return Decision(f"the knowledge base's {known.name}", actor=candidate.id)
        new = NewActor(known.name, known.kind, known.id, known.country, known.sector)
        return Decision(f"founded for the knowledge base's {known.name}", new=new)
    same_kind = [c for c in candidates if c.kind == name.kind]
    if name.kind == PERSON:
        decision = _person(name, same_kind, titles)
    else:
        decision = _organisation(name, same_kind)
    if decision.new is not None:
        folded = _folded(name.name)
        for candidate in candidates:
            if candidate.kind != name.kind and folded in {_folded(a) for a in candidate.aliases}:
                return Decision(f"same name as {candidate.name}, tagged otherwise", candidate.id)
    return decision


def _shared_surname(
    name: ActorName, candidates: list[ActorCandidate], known: KnownEntry, titles: Collection[str]
) -> str | None:
    """For a person's bare surname that fits a knowledge-base entry: the other actors of the
    corpus with that surname, named, or None when there are none ("Lopez" is no more the
    knowledge base's Padrino Lopez than the Ana Lopez the corpus has met) or when the article
    gives the entry's office, held at its date, before the surname ("President Obama" in 2016
    is Barack Obama, whatever other Obamas the corpus has met), or when the entry heads a state
    or a government in the article's year and the article names no other person of its
    surname."""
    parts = person_parts(name.name, titles=titles)
    if name.kind != PERSON or parts is None or parts[0] is not None or known.titled:
        return None
    if known.sitting and not name.namesakes:  # "Obama" in 2016, no other Obama named there
        return None
    others = [
        c.name
        for c in candidates
        if c.kind == PERSON and c.kb != known.id and parts[1] in _surnames(c, titles)
    ]
    return ", ".join(sorted(others)) or None


def _firsts(candidate: ActorCandidate, titles: Collection[str]) -> set[str]:
    parts = (person_parts(alias, titles=titles) for alias in candidate.aliases)
    return {part[0] for part in parts if part is not None and part[0] is not None}


def _surnames(candidate: ActorCandidate, titles: Collection[str]) -> set[str]:
    parts = (person_parts(alias, titles=titles) for alias in candidate.aliases)
    return {part[1] for part in parts if part is not None}


def _close(first: str, firsts: set[str]) -> bool:
    return first in firsts or any(fuzz.ratio(first, other) >= FIRST_NAME_CLOSE for other in firsts)


def _person(name: ActorName, candidates: list[ActorCandidate], titles: Collection[str]) -> Decision:
    parts = person_parts(name.name, titles=titles)
    if parts is None:
        return Decision("no name words left once titles are set aside")
    first, surname = parts
    namesakes = [c for c in candidates if surname in _surnames(c, titles)]
    new = Decision(
        f"founded: no actor is surnamed {surname.title()}", new=NewActor(name.name, PERSON)
    )
    if first is None:
        if len(namesakes) == 1:
            return Decision(f"the only actor surnamed {surname.title()}", namesakes[0].id)
        if namesakes:
            who = ", ".join(sorted(c.name for c in namesakes))
            return Decision(f"a bare surname several actors share: {who}")
        return new
    fitting = [c for c in namesakes if _close(first, _firsts(c, titles))]
    exact = [c for c in fitting if first in _firsts(c, titles)]
    if len(fitting) == 1 or len(exact) == 1:
        chosen = fitting[0] if len(fitting) == 1 else exact[0]
        return Decision(f"same surname and first name as {chosen.name}", chosen.id)
    if fitting:
        who = ", ".join(sorted(c.name for c in fitting))
        return Decision(f"a full name several actors share: {who}")
    bare = [c for c in namesakes if not _firsts(c, titles)]
    if len(bare) == 1 and len(namesakes) == 1:
        return Decision(f"the only actor surnamed {surname.title()}, so far by surname", bare[0].id)
    if namesakes:
        return Decision(
            f"founded: no actor surnamed {surname.title()} is called {first.title()}",
            new=NewActor(name.name, PERSON),
        )
    return new


def _organisation(name: ActorName, candidates: list[ActorCandidate]) -> Decision:
    folded = _folded(name.name)
    for candidate in candidates:
        if folded in {_folded(alias) for alias in candidate.aliases}:
            return Decision(f"same name as {candidate.name}", candidate.id)
    short = acronym(name.name)
    if short:
        for candidate in candidates:
            forms = {acronym(alias) for alias in candidate.aliases}
            if short in forms and (
                CAPITALS.match(name.name.strip())
                or any(CAPITALS.match(alias.strip()) for alias in candidate.aliases)
            ):
                return Decision(
                    f"{name.name} and {candidate.name}: one is the other's acronym", candidate.id
                )
    return Decision("founded: no actor has this name", new=NewActor(name.name, ORGANISATION))


def actor_id(name: str) -> str:
    """The id an actor founded under ``name`` is given (a suffix is added on a clash):
    "The Interior Ministry" -> "interior-ministry"."""
    parts = [w for w in re.split(r"[\W_]+", fold(name)) if w]
    if len(parts) > 1 and parts[0] in ARTICLES:
        parts = parts[1:]
    return "-".join(parts) or "actor"


def known_entry(name: ActorName, known: KnownActors) -> KnownEntry | None:
    """The knowledge-base entry ``name`` stands for: the only one that fits, or the only one
    of those in office in the article's year, or the only one whose office the words around
    it give; None when none or several remain."""
    if name.kind == PERSON:
        fits = list(dict.fromkeys(known.people_fitting(name.name)))
        initials = {w for w in words_of(name.name) if len(w) == 1}  # "George W. Bush"
        if initials:
            fits = [e for e in fits if initials == {w for w in words_of(e.name) if len(w) == 1}]
        if len(fits) > 1 and name.year is not None:
            fits = [e for e in fits if e.in_office(name.year)] or fits
        if len(fits) > 1 and name.context:
            around = " ".join(words_of(name.context))
            fits = [e for e in fits if e.office and " ".join(words_of(e.office)) in around] or fits
        entry = fits[0] if len(fits) == 1 else None
        titled = entry is not None and _titled(entry, name)
        sitting = entry is not None and _sitting(entry, name.year, known)
    else:
        titled = sitting = False
        entry = known.organisation(name.name.split())
        if entry is not None and _folded(entry.name) != _folded(name.name):
            entry = None if len(words_of(name.name)) > len(words_of(entry.name)) else entry
    if entry is None:
        return None
    kind = PERSON if name.kind == PERSON else ORGANISATION
    return KnownEntry(entry.id, entry.name, kind, entry.country, entry.sector, titled, sitting)


def _sitting(entry: KnownActor, year: int | None, known: KnownActors) -> bool:
    """Whether ``entry`` held an office that heads a state or a government in ``year``."""
    if year is None:
        return False
    for role in entry.roles:
        if office_of(role.office or "", known=known) in known.heads and (role.start or role.end):
            first, last = role.widest()
            if first.year <= year <= last.year:
                return True
    return False


def _titled(entry: KnownActor, name: ActorName) -> bool:
    """Whether a mention of ``name`` has ``entry``'s office right before it ("President
    Obama"), the article's year (when known) not before the entry first held it."""
    if not entry.office or not entry.terms:
        return False
    if name.year is not None and not any(b is None or b <= name.year for b, _ in entry.terms):
        return False
    office = words_of(entry.office)
    return any(words_of(before)[-len(office) :] == office for before in name.context.split("\n"))


def linking_form(name: ActorName, *, titles: Collection[str] = ()) -> str:
    """The form a person is linked by: its name, or, for a bare surname, the one fuller form
    with a first name its article also gives, in a quotation or a headline ("Trump" of an
    article whose narration never says "Donald Trump" but whose quotation does)."""
    parts = person_parts(name.name, titles=titles)
    if name.kind != PERSON or parts is None or parts[0] is not None:
        return name.name
    fuller: dict[str, str] = {}
    for alias, _ in name.aliases:
        own = own_name(alias, PERSON)
        alias_parts = person_parts(own, titles=titles) if own else None
        if own and alias_parts and alias_parts[0] and alias_parts[1] == parts[1]:
            fuller.setdefault(alias_parts[0], own)
    return next(iter(fuller.values())) if len(fuller) == 1 else name.name
