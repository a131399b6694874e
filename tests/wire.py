"""Short wire-style articles made from a few templates, for tests that need many of them: each
has a dateline, a quotation, reported speech and a date, with names and places varied."""

from __future__ import annotations

from pathlib import Path

FIRST = ("Ana", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irena", "Jonas")
LAST = ("Novak", "Ortega", "Petrov", "Quist", "Reyes", "Santos", "Toma", "Ulrich", "Varga")
CITIES = ("Port Selden", "Halvik", "Lisbon", "Warsaw", "Quito", "Nairobi", "Manila")
BODIES = ("the Finance Ministry", "the Civic Alliance", "the National Assembly", "the Senate")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "September")

TEMPLATES = (
    "{city} (Wire) - {name}, a spokesperson for {body}, said on {month} {day} that the budget "
    "vote would go ahead. \u201cWe have the numbers,\u201d {last} told reporters. Opposition "
    "leader {other} accused the government of hiding the deficit.\n",
    "{city} (Wire) - Police detained {name} on {month} {day}, {body} said in a statement. "
    "{other} said the arrest was revenge for an inquiry. \u201cNobody will tell us where "
    "{last} is,\u201d a lawyer said.\n",
    "{city} (Wire) - {name} met envoys from {body} on {month} {day}, officials said. The talks "
    "ended without agreement, according to {other}. \u201cWe will meet again,\u201d {last} "
    "said.\n",
)


def wire_article(number: int) -> str:
    """The ``number``th article: its template, names, place and date all follow from it."""
    first, last = FIRST[number % len(FIRST)], LAST[(number // len(FIRST)) % len(LAST)]
    other = f"{FIRST[(number + 3) % len(FIRST)]} {LAST[(number + 5) % len(LAST)]}"
    return TEMPLATES[number % len(TEMPLATES)].format(
        city=CITIES[number % len(CITIES)],
        name=f"{first} {last}",
        last=last,
        other=other,
        body=BODIES[number % len(BODIES)],
        month=MONTHS[number % len(MONTHS)],
        day=1 + number % 27,
    )


def write_wire(folder: Path, count: int) -> list[str]:
    """``count`` articles written as ``folder/wire-NNNN.txt``; their paths, in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"wire-{number:04d}.txt"
        path.write_text(wire_article(number), encoding="utf-8")
        paths.append(str(path))
    return paths
