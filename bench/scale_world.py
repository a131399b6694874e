"""The fictional world the scale bench writes about: people, organisations, outlets, places,
words, and the stories the articles report.

Everything is drawn from one seed, so a corpus of N articles is the same every run, and its
first N articles are the same whatever N it grows to. A story is a news event on a day: who did
what to whom, where, the words its actor is quoted with and its target's answer. Reports of one
story by several outlets share the quotation, the answer and the event (claims form across
them) but not their writing; some reports are reprinted as syndicated copies.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

FIRST = (
    "Ana", "Boris", "Celia", "Dario", "Elena", "Farid", "Greta", "Hugo", "Irena", "Jonas",
    "Karin", "Luca", "Marta", "Nils", "Olga", "Pavel", "Rosa", "Stefan", "Tomas", "Ulla",
    "Vera", "Wim", "Yara", "Zoran", "Alma", "Bruno", "Clara", "Emil", "Freya", "Goran",
)  # fmt: skip
SYLLABLES = (
    "bar", "ven", "tal", "mor", "kes", "lin", "dra", "sov", "rik", "nel", "pa", "qui", "ros",
    "tem", "vak", "zel", "ho", "gun", "fer", "dal", "mi", "no", "stra", "bel", "cor", "dun",
    "es", "ka", "lo", "mar", "or", "pel", "sa", "ti", "ul", "vin", "wes", "yor", "zan", "hal",
)  # fmt: skip
TITLES = ("Minister", "Senator", "Governor", "Mayor", "General", "Judge", "Deputy")
ORG_KINDS = ("Ministry of Trade", "Workers Party", "Port Authority", "Harbour Council",
             "Union of Miners", "Liberty Front", "Central Bank", "Coastal Guard")  # fmt: skip
OUTLETS = tuple(f"The {place} {kind}" for place, kind in zip(
    ("Northern", "Valley", "Harbour", "Capital", "Eastern", "Coastal", "Upland", "River",
     "Western", "Island", "Morning", "Evening"),
    ("Courier", "Times", "Post", "Herald", "Ledger", "Gazette", "Tribune", "Monitor",
     "Chronicle", "Observer", "Star", "Dispatch"), strict=True))  # fmt: skip
FUNCTION = ("the", "of", "and", "in", "to", "a", "for", "with", "on", "by", "at", "from")
# PLOVER category, the verb that carries it, and its mode
ACTIONS = (
    ("ACCUSE", "accused", "allege"), ("COERCE", "detained", "arrest"),
    ("CONSULT", "met", None), ("AGREE", "backed", None), ("PROTEST", "confronted", None),
    ("ASSAULT", "attacked", None), ("DISAPPROVE", "criticised", None),
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
START = date(2015, 1, 5)


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    middle: str  # an initial some articles write ("Ana M. Lopez"), or ""
    title: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True, slots=True)
class Story:
    """One news event and what is said about it; ``day`` is when it happened."""

    number: int
    day: date
    place: str
    action: tuple[str, str, str | None]
    actor: int  # the index of the person who does it
    target: int  # the index of the person it is done to
    quote: str  # the actor's words, quoted by every report
    answer: str  # the target's answer, paraphrased (or denied, for an accusation)
    topic: tuple[str, ...]  # words the reports of the story share
    reports: int  # outlets that write it up
    copies: int  # reprints of the first report


def _word(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


class World:
    """The seeded cast and vocabulary; people are made as the corpus needs them, so a larger
    corpus has more of them (a pool that grows with the stories), the early ones recurring."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.seed = seed
        self.places = tuple(sorted({_word(rng, 2, 2).title() for _ in range(60)}))
        self.words = tuple(sorted({_word(rng) for _ in range(4000)}))
        self.orgs = tuple(f"{place} {kind}" for place in self.places[:12] for kind in ORG_KINDS)
        self._people: list[Person] = []
        self._rng = random.Random(seed + 1)

    def person(self, index: int) -> Person:
        while len(self._people) <= index:
            rng = self._rng
            last = _word(rng).title()
            middle = rng.choice("ABCDEFGHJKLMNPRST") if rng.random() < 0.3 else ""
            self._people.append(Person(rng.choice(FIRST), last, middle, rng.choice(TITLES)))
        return self._people[index]

    def pick_person(self, rng: random.Random, story: int) -> int:
        """A person for story ``story``: the cast grows with the stories, and the first ones
        are in the news most (a skewed draw)."""
        pool = 40 + story // 4
        return int(pool * rng.random() ** 2.5)

    def text_words(self, rng: random.Random, count: int, topic: tuple[str, ...] = ()) -> str:
        words = []
        for _ in range(count):
            roll = rng.random()
            if roll < 0.25:
                words.append(rng.choice(FUNCTION))
            elif topic and roll < 0.4:
                words.append(rng.choice(topic))
            else:
                words.append(rng.choice(self.words))
        return " ".join(words)

    def story(self, number: int, *, per_day: float) -> Story:
        """Story ``number``, drawn from its own seed; ``per_day`` stories happen a day."""
        rng = random.Random(self.seed * 1_000_003 + number)
        actor = self.pick_person(rng, number)
        target = self.pick_person(rng, number)
        if target == actor:
            target = actor + 1
        topic = tuple(rng.choice(self.words) for _ in range(12))
        return Story(
            number, START + timedelta(days=int(number / per_day)), rng.choice(self.places),
            rng.choice(ACTIONS), actor, target, quote=self.text_words(rng, rng.randint(12, 20)),
            answer=self.text_words(rng, rng.randint(8, 12), topic), topic=topic,
            reports=rng.choice((1, 1, 2, 2, 3, 4)), copies=rng.choice((0, 0, 0, 0, 1, 2)),
        )  # fmt: skip


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]
