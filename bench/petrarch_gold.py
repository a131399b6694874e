"""The PETRARCH unit-test records as gold for ``bench/events_petrarch.py``: reading, not scoring.

Three readers, each naming the file and the reason when it cannot read one:

* ``read_records``: ``PETR.UnitTest.records.xml``, one ``Sentence`` a record (its ``id``, its
  ``date`` as ``YYYYMMDD``, its ``Text``) with its ``EventCoding`` elements: a coded event
  (``sourcecode``, ``targetcode``, ``eventcode``), ``noevents="True"`` (the coder must find
  none) or ``error="..."`` (a record the coder must discard; the bench skips it);
* ``read_codes``: a conversion table in the form of ``CAMEO2PLOVER-2021.txt``
  (``CODE: CATEGORY, mode, context # gloss``; a two-digit line is a section title, not a code);
* ``read_actors``: ``PETR.Validate.actors.txt``, each name (``GONDOR``) with its synonyms
  (``+MINAS_TIRITH``) and the country of its first code (``[GON]``, ``[HOB < 950601]``):
  the first three letters, as a country-level triple reads them.

``gold_events`` turns a record's codings into PLOVER events, leaving out those whose code the
table maps to nothing.

Run: it is not run; ``bench/events_petrarch.py`` imports it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Coding",
    "GoldError",
    "PetrarchRecord",
    "gold_events",
    "read_actors",
    "read_codes",
    "read_records",
]

CODE_LINE = re.compile(r"^\s*(\d{3,4}[A-Z]?)\s*:\s*([A-Z]+)\b")
ACTOR_CODE = re.compile(r"\[\s*([A-Za-z]{3})")
# An actor's name, a phrase of words joined by "_" (a trailing "_" only stops the name growing).
NAME_LINE = re.compile(r"^\s*(\+?)([A-Z0-9][A-Z0-9_.' &-]*?)\s*(?:\[|#|$)")


class GoldError(Exception):
    """A gold file that cannot be read: the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Coding:
    """One ``EventCoding`` of a record: a coded event, or an empty one saying why it is empty."""

    source: str = ""
    target: str = ""
    code: str = ""
    no_events: bool = False
    error: str = ""


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    id: str
    date: str | None  # ISO, from the record's YYYYMMDD
    text: str
    codings: tuple[Coding, ...]

    @property
    def discarded(self) -> bool:
        """A record the coder is to throw away (``error="storydiscard"`` and the like)."""
        return any(coding.error for coding in self.codings)

    @property
    def no_events(self) -> bool:
        return bool(self.codings) and all(coding.no_events for coding in self.codings)


def _iso(date: str | None) -> str | None:
    if date is None or not re.fullmatch(r"\d{8}", date.strip()):
        return None
    day = date.strip()
    return f"{day[:4]}-{day[4:6]}-{day[6:]}"


def _coding(element: ET.Element) -> Coding:
    return Coding(
        source=(element.get("sourcecode") or "").strip(),
        target=(element.get("targetcode") or "").strip(),
        code=(element.get("eventcode") or "").strip(),
        no_events=(element.get("noevents") or "").strip().lower() == "true",
        error=(element.get("error") or "").strip(),
    )


def read_records(path: Path) -> list[PetrarchRecord]:
    """Every ``Sentence`` of the unit-test file, in file order."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise GoldError(f"{path}: cannot read the PETRARCH records: {error}") from None
    records = []
    for sentence in root.iter("Sentence"):
        record_id = sentence.get("id")
        if not record_id:
            raise GoldError(f"{path}: a Sentence has no id")
        text = " ".join((sentence.findtext("Text") or "").split())
        codings = tuple(_coding(e) for e in sentence.findall("EventCoding"))
        records.append(PetrarchRecord(record_id, _iso(sentence.get("date")), text, codings))
    if not records:
        raise GoldError(f"{path}: no Sentence records in it")
    return records


def read_codes(path: Path) -> dict[str, str]:
    """Event code -> PLOVER category, from a table in the form of CAMEO2PLOVER-2021.txt."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read the code table: {error}") from None
    codes = {}
    for line in lines:
        match = CODE_LINE.match(line)
        if match:
            codes[match[1]] = match[2]
    if not codes:
        raise GoldError(f"{path}: no 'CODE: CATEGORY' lines in it")
    return codes


def _name(word: str) -> str:
    """``MINAS_TIRITH`` -> ``Minas Tirith``, ``AL-QAEDA`` -> ``Al-Qaeda``, as articles write."""
    return " ".join(w.title() for w in word.strip("_ ").replace("_", " ").split())


def read_actors(path: Path) -> dict[str, str]:
    """Each actor's name and synonyms -> the country (first three letters) of its code.

    Codes that are no country (``[---]``, ``[+++]``) leave their names out. A block's names
    take the first code met after them, so a name whose code stands on a later line
    (``ENT`` then ``[ENT]``, ``GOLLUM +SMEAGOL [HOB < 950601]``) gets it.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise GoldError(f"{path}: cannot read the actors dictionary: {error}") from None
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    actors: dict[str, str] = {}
    names: list[str] = []
    code: str | None = None
    for line in [*text.splitlines(), "END"]:
        if line.lstrip().startswith("#"):
            continue
        name = NAME_LINE.match(line)
        if name and not name[1]:  # a new entry: the last one's names take its code
            actors.update({each: code for each in names if code and each not in actors})
            names, code = [], None
        if name:
            names.append(_name(name[2]))
        found = ACTOR_CODE.search(line.split("#")[0])
        if found and code is None:
            code = found[1].upper()
    if not actors:
        raise GoldError(f"{path}: no 'NAME [CODE]' entries in it")
    return actors


def gold_events(
    record: PetrarchRecord, codes: dict[str, str]
) -> tuple[set[tuple[str, str, str]], int]:
    """The record's events as (source country, category, target country), and how many of
    its codings the table maps to nothing. A country is its code's first three letters."""
    events, unmapped = set(), 0
    for coding in record.codings:
        if coding.no_events or coding.error:
            continue
        category = codes.get(coding.code)
        if category is None:
            unmapped += 1
            continue
        events.add((coding.source[:3].upper(), category, coding.target[:3].upper()))
    return events, unmapped
