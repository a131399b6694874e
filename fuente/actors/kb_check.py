"""Checking a knowledge-base file before fuente reads it: ``fuente kb check FILE``.

``check_knowledge_base(path, settings=...)`` reads a file in the form of
``fuente/data/actors_known.yaml`` and returns every problem it finds, each naming the entry
and what is wrong: a date that is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` or a spell that
ends before it starts, a sector that is no section of ``sectors.yaml``, a country that is no
section of ``countries.yaml``, a name two entries of one country share, an id two entries
share, and two people holding one of the ``offices`` (one holder at a time) of a country on
the same days (a handover day, in both spells, is allowed). A user's file is checked against
the packaged knowledge base too, since fuente reads the two together.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from pathlib import Path

import yaml

from fuente.actors.known import Role, entry_roles, parse_kb_date, slug, words_of
from fuente.lexicon import load_lexicon, read_lexicon
from fuente.settings import Settings

__all__ = ["KbProblem", "check_knowledge_base"]

SECTIONS = ("people", "organisations", "offices", "titles")
ROLE_KEYS = ("office", "country", "sector", "from", "to")


class _Loader(yaml.SafeLoader):
    """YAML as fuente reads it, but a date stays the text written, so that a bad one
    ("2001-13-01") is reported rather than raised."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class KbProblem:
    """One problem of a knowledge-base file: the entry it is in and what is wrong."""

    path: str
    entry: str
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.entry}: {self.reason}"


@dataclass(frozen=True, slots=True)
class _Spell:
    person: str
    office: str
    country: str
    days: tuple[datetime.date, datetime.date]
    shared: bool = False


def check_knowledge_base(path: str | Path, *, settings: Settings) -> list[KbProblem]:
    """Every problem of the knowledge-base file at ``path``, in file order ([] when none)."""
    where = str(path)
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        reason = " ".join(str(error).split())
        return [KbProblem(where, "(file)", f"cannot be read as YAML: {reason}")]
    if not isinstance(data, dict):
        return [KbProblem(where, "(file)", "is not a mapping of sections")]
    problems = [
        KbProblem(where, f"section {name!r}", f"is not one of {', '.join(SECTIONS)}")
        for name in data
        if name not in SECTIONS
    ]
    sectors = set(load_lexicon("sectors", settings=settings))
    countries = set(load_lexicon("countries", settings=settings))
    seen_names: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    spells: list[_Spell] = []
    for section in ("people", "organisations"):
        for number, raw in enumerate(data.get(section) or (), start=1):
            label = _label(section, number, raw)
            if not isinstance(raw, dict) or not raw.get("name"):
                problems.append(KbProblem(where, label, "has no name"))
                continue
            reasons = _codes(raw, sectors, countries) + _dates(raw)
            reasons += _unique(raw, seen_names, seen_ids)
            problems += [KbProblem(where, label, reason) for reason in reasons]
            if section == "people" and not reasons:
                spells += _spells(raw)
    offices = _offices(data, where)
    problems += [KbProblem(where, a, b) for a, b in _overlaps(spells, offices, where)]
    return problems


def _label(section: str, number: int, raw: object) -> str:
    name = raw.get("name") if isinstance(raw, dict) else None
    return f"{name}" if name else f"{section} entry {number}"


def _roles(raw: dict) -> list[dict]:
    roles = raw.get("roles") or []
    return [role for role in roles if isinstance(role, dict)] if isinstance(roles, list) else []


def _codes(raw: dict, sectors: set[str], countries: set[str]) -> list[str]:
    """An unknown sector or country, of the entry or of one of its roles."""
    reasons = []
    for where, values in [("", raw), *((f" in role {n}", r) for n, r in enumerate(_roles(raw), 1))]:
        sector, country = values.get("sector"), values.get("country")
        if sector is not None and str(sector) not in sectors:
            known = ", ".join(sorted(sectors))
            reasons.append(f"unknown sector {sector!r}{where}: sectors are {known}")
        if country is not None and str(country) not in countries:
            reasons.append(f"unknown country {country!r}{where}: give an ISO 3166 alpha-3 code")
    return reasons


def _dates(raw: dict) -> list[str]:
    """A date of the wrong form, or a spell that ends before it starts."""
    if raw.get("roles") is not None and (
        not isinstance(raw["roles"], list) or len(_roles(raw)) != len(raw["roles"])
    ):
        return ["roles is not a list of mappings of office, country, sector, from, to"]
    spells = [(role.get("from"), role.get("to")) for role in _roles(raw)]
    if raw.get("from") is not None or raw.get("to") is not None:
        spells.append((raw.get("from"), raw.get("to")))
    for term in raw.get("terms") or ():
        if not isinstance(term, list | tuple) or len(term) != 2:
            return [f"a term is [from, to]: {term!r}"]
        spells.append((term[0], term[1]))
    reasons = []
    for start, end in spells:
        parsed = [parse_kb_date(v) if v is not None else "" for v in (start, end)]
        bad = [v for v, p in zip((start, end), parsed, strict=True) if p is None]
        if bad:
            reasons += [f"bad date {v!r}: write YYYY, YYYY-MM or YYYY-MM-DD" for v in bad]
        elif parsed[0] and parsed[1]:
            first, last = Role(None, None, None, parsed[0], parsed[1]).widest()
            if first > last:
                reasons.append(f"a spell ends ({parsed[1]}) before it starts ({parsed[0]})")
    return reasons


def _unique(raw: dict, names: dict[str, str], ids: dict[str, str]) -> list[str]:
    """A name an earlier entry of the same country has (one person may have an entry in each
    country they served), or an id an earlier entry has."""
    name = str(raw["name"])
    reasons = []
    key = f"{' '.join(words_of(name))}|{raw.get('country') or ''}"
    if key in names:
        reasons.append(f"duplicate name: an earlier entry of {name} has this country too")
    names.setdefault(key, name)
    entry_id = str(raw.get("id") or slug(name))
    if raw.get("id") and entry_id in ids:
        reasons.append(f"duplicate id {entry_id!r}: {ids[entry_id]} has it already")
    ids.setdefault(entry_id, name)
    return reasons


def _spells(raw: dict) -> list[_Spell]:
    """The entry's dated spells, by the same reading ``fuente.actors.known`` makes."""
    found = []
    for role in entry_roles(raw):
        days = role.certain()
        if role.office and role.country and days and (role.start or role.end):
            found.append(_Spell(str(raw["name"]), role.office, role.country, days, role.shared))
    return found


def _offices(data: dict, where: str) -> dict[str, str]:
    """Folded names of the one-holder offices (the packaged ones and the file's) -> office."""
    offices: dict[str, str] = {}
    packaged = read_lexicon("actors_known", lexicon_dir=None).get("offices", ())
    for raw in (*packaged, *(data.get("offices") or ())):
        if isinstance(raw, dict) and raw.get("office"):
            for name in (raw["office"], *(raw.get("also") or ())):
                offices.setdefault(" ".join(words_of(str(name))), str(raw["office"]))
    return offices


def _packaged_spells(where: str) -> list[_Spell]:
    packaged = resources.files("fuente") / "data" / "actors_known.yaml"
    if Path(where).resolve() == Path(str(packaged)).resolve():
        return []
    people = read_lexicon("actors_known", lexicon_dir=None).get("people", ())
    return [spell for raw in people if isinstance(raw, dict) for spell in _spells(raw)]


def _overlaps(spells: list[_Spell], offices: dict[str, str], where: str) -> list[tuple[str, str]]:
    """Two people in one of the one-holder offices of a country on the same days (more
    than a handover day), unless both spells are marked ``shared``; a file's spells are
    weighed against the packaged ones too."""
    own = {id(spell) for spell in spells}
    every = spells + _packaged_spells(where)
    by_office: dict[tuple[str, str], list[_Spell]] = {}
    for spell in every:
        office = offices.get(" ".join(words_of(spell.office)))
        if office is not None:
            by_office.setdefault((office, spell.country), []).append(spell)
    found = []
    for (office, country), held in by_office.items():
        for one, other in combinations(held, 2):
            if one.person == other.person or not ({id(one), id(other)} & own):
                continue
            if one.shared and other.shared:  # a disputed office, or one of several seats
                continue
            first, last = max(one.days[0], other.days[0]), min(one.days[1], other.days[1])
            if (last - first).days >= 1:
                mine, theirs = (one, other) if id(one) in own else (other, one)
                found.append(
                    (
                        mine.person,
                        f"holds {office} of {country} on the same days as "
                        f"{theirs.person} ({first.isoformat()} to {last.isoformat()})",
                    )
                )
    return found
