"""Known actors: who a name stands for when the text does not say whose it is.

``fuente/data/actors_known.yaml`` (plus the user's ``lexicon_dir``) is a small knowledge base:
people, each with an ``id``, optionally a Wikidata id, and roles over time (office, country,
sector, from and to at the precision known: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), and
organisations, with their country and sector. The older form of an entry (``office`` with
``from``/``to`` years or ``terms``) is read as one role per spell.
``known_actors(settings)`` compiles it once per ``lexicon_dir``; ``person`` finds the
person a name stands for ("President Abdelaziz Bouteflika", "Bouteflika", "President Jiang"),
``organisation`` the organisation named within some words ("the rebel Kurdistan Workers'
Party", "Hezbollah guerrillas"). A name that fits entries of different countries is left
unknown, unless the office the text gives ("King Hussein") tells them apart.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import cache

from fuente.errors import ConfigError, message
from fuente.lexicon import read_lexicon, words
from fuente.settings import Settings
from fuente.text import fold

__all__ = [
    "KnownActor", "KnownActors", "Role", "date_bounds", "known_actors", "parse_kb_date", "slug",
]  # fmt: skip

WORD = re.compile(r"[\w'’.]+")  # a hyphen parts words, as the tokenizer does
POSSESSIVE = re.compile(r"['’]s$|['’]$")
ARTICLES = words("articles")


KB_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
NOT_SLUG = re.compile(r"[^a-z0-9]+")


def parse_kb_date(value: object) -> str | None:
    """A knowledge-base date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None when ``value``
    is none of these (YAML reads ``2009`` as a number and ``2009-01-20`` as a date)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    text = str(value).strip() if isinstance(value, int | str) else ""
    return text if date_bounds(text) is not None else None


def date_bounds(value: str) -> tuple[datetime.date, datetime.date] | None:
    """First and last day of a knowledge-base date ("2009" -> 2009-01-01, 2009-12-31)."""
    match = KB_DATE.match(value)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None and month is not None:
            one = datetime.date(year, month, day)
            return one, one
        if month is not None:
            first = datetime.date(year, month, 1)
            after = datetime.date(year + month // 12, month % 12 + 1, 1)
            return first, after - datetime.timedelta(days=1)
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except ValueError:
        return None


def slug(name: str) -> str:
    """The id a name gives an entry that has none: "Nicolás Maduro" -> "nicolas-maduro"."""
    return NOT_SLUG.sub("-", fold(name).lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Role:
    """One spell of an actor in an office: ``start``/``end`` are knowledge-base dates at the
    precision known (``end`` None while the role is held, or when its end is not known)."""

    office: str | None
    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None
    shared: bool = False  # held alongside another holder: a disputed office, or one of seats

    def widest(self) -> tuple[datetime.date, datetime.date]:
        """The most days the spell can cover: from the first day its start may be to the
        last day its end may be (an open end runs on)."""
        first = date_bounds(self.start)[0] if self.start else datetime.date.min
        last = date_bounds(self.end)[1] if self.end else datetime.date.max
        return first, last

    def certain(self) -> tuple[datetime.date, datetime.date] | None:
        """The days the spell surely covers (None when its dates leave none certain)."""
        first = date_bounds(self.start)[1] if self.start else datetime.date.min
        last = date_bounds(self.end)[0] if self.end else datetime.date.max
        return (first, last) if first <= last else None

    def spans(self) -> str:
        """The spell as written: "2017-01-20 to 2021-01-20", "2025-01-20 on"."""
        if self.end is None:
            return f"{self.start} on" if self.start else "at an unknown time"
        return f"{self.start or '?'} to {self.end}"


@dataclass(frozen=True, slots=True)
class KnownActor:
    """One entry of the knowledge base; ``country`` is ISO 3166 alpha-3. ``office``,
    ``country`` and ``sector`` are those the entry is best known by; ``roles`` are all its
    spells, dated; ``terms`` the years of its spells in ``office``, ``(from, to)`` with ``to``
    None while in office, and ``start``/``end`` span them. ``id`` is stable (the entry's own,
    or a slug of its name); ``wikidata`` a Q-id where the knowledge base gives one."""

    name: str
    country: str | None
    sector: str | None
    office: str | None
    start: int | None
    end: int | None
    terms: tuple[tuple[int | None, int | None], ...] = ()
    id: str = ""
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    also: tuple[str, ...] = ()

    def in_office(self, year: int) -> bool:
        """Whether the person held the office in ``year`` (True when no years are known)."""
        if not self.terms:
            return True
        return any(
            (begin is None or begin <= year) and (until is None or year <= until)
            for begin, until in self.terms
        )


def words_of(text: str) -> tuple[str, ...]:
    """Folded words of ``text`` without possessives: "Kurdistan Workers' Party" ->
    ("kurdistan", "workers", "party")."""
    found = []
    for word in WORD.findall(fold(text)):
        word = POSSESSIVE.sub("", word).strip(".'-")
        if word:
            found.append(word)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class KnownActors:
    people: tuple[tuple[KnownActor, tuple[frozenset[str], ...], frozenset[str]], ...]
    titles: frozenset[str]  # words before a name that are not part of it
    organisations: dict[tuple[str, ...], KnownActor]  # folded words of a name -> entry
    longest: int  # most words in an organisation's name
    by_word: dict[str, tuple[int, ...]]  # a name word -> the people (indices) it belongs to
    entries: tuple[KnownActor, ...] = ()  # every person and organisation, in file order
    offices: dict[str, str] | None = None  # folded words of an office's name -> the office
    heads: frozenset[str] = frozenset()  # the offices that head a state or a government

    def by_id(self, entry_id: str) -> KnownActor | None:
        """The entry whose ``id`` is ``entry_id``."""
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    def name_words(self, text: str) -> tuple[str, ...]:
        """The folded words of a person's name in ``text``, titles and initials aside."""
        return tuple(w for w in words_of(text) if w not in self.titles and len(w.rstrip(".")) > 1)

    def person(self, name: str, *, context: str = "") -> KnownActor | None:
        """The known person ``name`` stands for: all its words (titles aside) belong to one
        of the person's names, and a single word is a surname ("Museveni") or a short name
        of the lexicon; ``context`` (the words around the name) may give the office."""
        return self._one(self.people_fitting(name), context or name)

    def people_fitting(self, name: str) -> list[KnownActor]:
        """Every known person ``name`` may stand for, by the rule ``person`` applies."""
        said = self.name_words(name)
        if not said:
            return []
        fits = []
        wanted = set(said)
        for index in self.by_word.get(said[0], ()):
            entry, names, surnames = self.people[index]
            if any(wanted <= whole for whole in names) and (len(said) > 1 or said[0] in surnames):
                fits.append(entry)
        return fits

    def _one(self, fits: list[KnownActor], context: str) -> KnownActor | None:
        if len({entry.country for entry in fits}) > 1:
            around = " ".join(words_of(context))
            fits = [e for e in fits if e.office and " ".join(words_of(e.office)) in around]
        if not fits or len({entry.country for entry in fits}) > 1:
            return None
        return fits[0]

    def organisation(self, words: list[str]) -> KnownActor | None:
        """The known organisation whose name runs within ``words`` (as written: a name
        matches words of which the first, or for a name of several words any, starts with a
        capital: "al-Qaeda")."""
        folded = [words_of(word) for word in words]
        flat: list[tuple[str, bool]] = []
        for word, parts in zip(words, folded, strict=True):
            flat += [(part, word[:1].isupper()) for part in parts if part not in ARTICLES]
        for size in range(min(self.longest, len(flat)), 0, -1):
            for start in range(len(flat) - size + 1):
                run = flat[start : start + size]
                entry = self.organisations.get(tuple(part for part, _ in run))
                if entry is not None and (run[0][1] or (size > 1 and any(c for _, c in run))):
                    return entry
        return None


def _bad(reason: str) -> ConfigError:
    return ConfigError(message("E034", path="actors_known.yaml", reason=reason))


def _spells(raw: dict) -> list[tuple[object, object]]:
    """Spells in the older form: ``terms: [[2017, 2021], [2025, null]]``, or one
    ``from``/``to``."""
    if raw.get("terms") is None:
        if raw.get("from") is None and raw.get("to") is None:
            return []
        return [(raw.get("from"), raw.get("to"))]
    spells = []
    for term in raw["terms"]:
        if not isinstance(term, list | tuple) or len(term) != 2:
            raise _bad(f"a term is [from, to] (to null while in office): {term!r}")
        spells.append((term[0], term[1]))
    return spells


def entry_roles(raw: dict) -> tuple[Role, ...]:
    """The roles of an entry: its ``roles``, else one per spell of its ``office``."""
    country = str(raw["country"]) if raw.get("country") else None
    sector = str(raw["sector"]) if raw.get("sector") else None
    office = str(raw["office"]) if raw.get("office") else None
    if raw.get("roles"):
        roles = []
        for role in raw["roles"]:
            if not isinstance(role, dict):
                keys = "office, country, sector, from, to, shared"
                raise _bad(f"a role is a mapping of {keys}: {role!r}")
            roles.append(
                Role(
                    str(role["office"]) if role.get("office") else office,
                    str(role["country"]) if role.get("country") else country,
                    str(role["sector"]) if role.get("sector") else sector,
                    parse_kb_date(role["from"]) if role.get("from") is not None else None,
                    parse_kb_date(role["to"]) if role.get("to") is not None else None,
                    role.get("shared") is True,
                )
            )
        return tuple(roles)
    spells = _spells(raw)
    return tuple(
        Role(office, country, sector, parse_kb_date(begin) if begin is not None else None,
             parse_kb_date(until) if until is not None else None)
        for begin, until in spells
    )  # fmt: skip


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def _entry(raw: object) -> tuple[KnownActor, list[str]]:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise _bad(f"an entry needs a name: {raw!r}")
    also = tuple(str(name) for name in raw.get("also") or [])
    roles = entry_roles(raw)
    first = roles[0] if roles else None
    office = str(raw["office"]) if raw.get("office") else first and first.office
    country = str(raw["country"]) if raw.get("country") else first and first.country
    sector = str(raw["sector"]) if raw.get("sector") else first and first.sector
    terms = tuple(
        (_year(role.start), _year(role.end))
        for role in roles
        if role.office == office and (role.start or role.end)
    )
    starts = [begin for begin, _ in terms if begin is not None]
    ends = [until for _, until in terms]
    entry = KnownActor(
        str(raw["name"]),
        country,
        sector,
        office,
        min(starts) if starts else None,
        None if not ends or None in ends else max(e for e in ends if e is not None),
        terms,
        id=str(raw.get("id") or slug(str(raw["name"]))),
        wikidata=str(raw["wikidata"]) if raw.get("wikidata") else None,
        roles=roles,
        also=also,
    )
    return entry, [entry.name, *also]


@cache
def _compile(lexicon_dir: str | None) -> KnownActors:
    lexicon = read_lexicon("actors_known", lexicon_dir=lexicon_dir)
    speakers = read_lexicon("speakers", lexicon_dir=lexicon_dir)
    titles = frozenset(
        word
        for title in (*speakers.get("titles", ()), *lexicon.get("titles", ()))
        for word in words_of(str(title))
    )
    people = []
    seen: set[str] = set()
    for raw in lexicon.get("people", ()):
        entry, names = _unique(*_entry(raw), seen)
        wholes = [frozenset(w for w in words_of(name) if w not in titles) for name in names]
        surnames = {words[-1] for name in names if (words := words_of(name))}
        surnames |= {next(iter(whole)) for whole in wholes if len(whole) == 1}
        people.append((entry, tuple(w for w in wholes if w), frozenset(surnames - titles)))
    organisations: dict[tuple[str, ...], KnownActor] = {}
    for raw in lexicon.get("organisations", ()):
        entry, names = _unique(*_entry(raw), seen)
        for name in names:
            words = tuple(w for w in words_of(name) if w not in ARTICLES)
            if words:
                organisations.setdefault(words, entry)
    longest = max((len(words) for words in organisations), default=0)
    by_word: dict[str, list[int]] = {}
    for index, (_, wholes, _) in enumerate(people):
        for word in sorted(set().union(*wholes)):
            by_word.setdefault(word, []).append(index)
    index = {word: tuple(found) for word, found in by_word.items()}
    entries = [entry for entry, _, _ in people] + list(dict.fromkeys(organisations.values()))
    offices: dict[str, str] = {}
    heads: set[str] = set()
    for raw in lexicon.get("offices", ()):
        if isinstance(raw, dict) and raw.get("office"):
            for name in (raw["office"], *(raw.get("also") or ())):
                offices.setdefault(" ".join(words_of(str(name))), str(raw["office"]))
            if raw.get("head") is True:
                heads.add(str(raw["office"]))
    return KnownActors(
        tuple(people), titles, organisations, longest, index, tuple(entries), offices,
        frozenset(heads),
    )  # fmt: skip


def _unique(entry: KnownActor, names: list[str], seen: set[str]) -> tuple[KnownActor, list[str]]:
    """The entry, an id an earlier entry holds made unique by the country and a number."""
    wanted = entry.id
    if wanted in seen:
        wanted = f"{entry.id}-{(entry.country or 'x').lower()}"
        number = 2
        while wanted in seen:
            wanted, number = f"{entry.id}-{number}", number + 1
        entry = replace(entry, id=wanted)
    seen.add(wanted)
    return entry, names


def known_actors(settings: Settings) -> KnownActors:
    """The compiled known-actors lexicon: packaged entries followed by the user's."""
    return _compile(settings.lexicon_dir)
