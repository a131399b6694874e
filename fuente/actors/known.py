"""Known actors: who a name stands for when the text does not say whose it is.

``fuente/data/actors_known.yaml`` (plus the user's ``lexicon_dir``) lists people, with their
country, sector, office and years in office, and organisations, with their country and
sector. ``known_actors(settings)`` compiles it once per ``lexicon_dir``; ``person`` finds the
person a name stands for ("President Abdelaziz Bouteflika", "Bouteflika", "President Jiang"),
``organisation`` the organisation named within some words ("the rebel Kurdistan Workers'
Party", "Hezbollah guerrillas"). A name that fits entries of different countries is left
unknown, unless the office the text gives ("King Hussein") tells them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fuente.errors import ConfigError, message
from fuente.lexicon import read_lexicon, words
from fuente.settings import Settings
from fuente.text import fold

__all__ = ["KnownActor", "KnownActors", "known_actors"]

WORD = re.compile(r"[\w'’.]+")  # a hyphen parts words, as the tokenizer does
POSSESSIVE = re.compile(r"['’]s$|['’]$")
ARTICLES = words("articles")


@dataclass(frozen=True, slots=True)
class KnownActor:
    """One entry of the known-actors lexicon; ``country`` is ISO 3166 alpha-3. ``terms`` are
    the spells in office, ``(from, to)`` with ``to`` None while in office; ``start`` and
    ``end`` span them all."""

    name: str
    country: str | None
    sector: str | None
    office: str | None
    start: int | None
    end: int | None
    terms: tuple[tuple[int | None, int | None], ...] = ()

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


def _year(value: object) -> int | None:
    return int(value) if isinstance(value, int) else None


def _terms(raw: dict) -> tuple[tuple[int | None, int | None], ...]:
    """Spells in office: ``terms: [[2017, 2021], [2025, null]]``, or one ``from``/``to``."""
    if raw.get("terms") is None:
        begin, until = _year(raw.get("from")), _year(raw.get("to"))
        return () if begin is None and until is None else ((begin, until),)
    terms = []
    for term in raw["terms"]:
        if not isinstance(term, list | tuple) or len(term) != 2:
            reason = f"a term is [from, to] (to null while in office): {term!r}"
            raise ConfigError(message("E034", path="actors_known.yaml", reason=reason))
        terms.append((_year(term[0]), _year(term[1])))
    return tuple(terms)


def _entry(raw: object) -> tuple[KnownActor, list[str]]:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise ConfigError(
            message("E034", path="actors_known.yaml", reason=f"an entry needs a name: {raw!r}")
        )
    also = raw.get("also") or []
    terms = _terms(raw)
    starts = [begin for begin, _ in terms if begin is not None]
    ends = [until for _, until in terms]
    entry = KnownActor(
        str(raw["name"]),
        str(raw["country"]) if raw.get("country") else None,
        str(raw["sector"]) if raw.get("sector") else None,
        str(raw["office"]) if raw.get("office") else None,
        min(starts) if starts else None,
        None if not ends or None in ends else max(e for e in ends if e is not None),
        terms,
    )
    return entry, [entry.name, *(str(name) for name in also)]


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
    for raw in lexicon.get("people", ()):
        entry, names = _entry(raw)
        wholes = [frozenset(w for w in words_of(name) if w not in titles) for name in names]
        surnames = {words[-1] for name in names if (words := words_of(name))}
        surnames |= {next(iter(whole)) for whole in wholes if len(whole) == 1}
        people.append((entry, tuple(w for w in wholes if w), frozenset(surnames - titles)))
    organisations: dict[tuple[str, ...], KnownActor] = {}
    for raw in lexicon.get("organisations", ()):
        entry, names = _entry(raw)
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
    return KnownActors(tuple(people), titles, organisations, longest, index)


def known_actors(settings: Settings) -> KnownActors:
    """The compiled known-actors lexicon: packaged entries followed by the user's."""
    return _compile(settings.lexicon_dir)
