"""Synthetic articles as fuente's records, without spaCy: the text and, for every name,
quotation, paraphrase, time and event written into it, the record the pipeline would make.

``Page`` writes a text piece by piece and keeps the offsets of what it writes; ``render``
writes one report of a story (``bench/scale_world.py``) and returns its ``ArticleRecords``;
``stream`` yields articles in the order they are published, reports and reprints mixed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from scale_world import OUTLETS, Story, World, weekday

from fuente.clean.metadata import content_hash
from fuente.records import (
    Actor,
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    Event,
    Field,
    Mention,
    Sentence,
    Speaker,
    TimeExpr,
)

VERSION = "scale-bench"
STORIES_PER_DAY = 40  # about a hundred articles a day


class Page:
    """One article being written: its text so far and the records pointing into it."""

    def __init__(self, doc: str) -> None:
        self.doc = doc
        self.parts: list[str] = []
        self.size = 0
        self.names: dict[str, tuple[str, str, str]] = {}  # key -> (entity id, name, type)
        self.mentions: list[Mention] = []
        self.sentences: list[Sentence] = []
        self.speakers: dict[str, Speaker] = {}
        self.attributions: list[Attribution] = []
        self.times: list[TimeExpr] = []
        self.events: list[Event] = []
        self._sentence = 0

    def put(self, text: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        return start, self.size

    def begin(self) -> None:
        self._sentence = self.size

    def end(self, stop: str = ".") -> None:
        self.put(stop)
        self.sentences.append(Sentence(self.doc, self._sentence, self.size, VERSION))
        self.put(" ")

    def name(self, key: str, form: str, kind: str) -> tuple[int, int]:
        """Write ``form``, a mention of the entity ``key`` (a PERSON, ORG or GPE); its
        entity is named by the fullest form the article gives."""
        start, end = self.put(form)
        if key not in self.names:
            self.names[key] = (f"{self.doc}#e{len(self.names) + 1}", form, kind)
        entity, name, _ = self.names[key]
        if len(form.split()) > len(name.split()):
            self.names[key] = (entity, form, kind)
        self.mentions.append(Mention(self.doc, entity, start, end, form, kind, VERSION))
        return start, end

    def speaker(self, key: str) -> str:
        """The speaker that the entity ``key`` is in this article."""
        entity, name, kind = self.names[key]
        if key not in self.speakers:
            kind = "person" if kind == "PERSON" else "organisation"
            number = len(self.speakers) + 1
            self.speakers[key] = Speaker(f"{self.doc}#s{number}", self.doc, kind, name, VERSION,
                                         entity=entity)  # fmt: skip
        return self.speakers[key].id

    def time(self, day_text: str, value: str, attribution: str | None = None) -> tuple[int, int]:
        start, end = self.put(day_text)
        role = "statement" if attribution else None
        self.times.append(TimeExpr(self.doc, start, end, day_text, "DATE", value, "document",
                                   VERSION, attribution=attribution, role=role))  # fmt: skip
        return start, end

    def text(self) -> str:
        return "".join(self.parts).rstrip() + "\n"


@dataclass(frozen=True, slots=True)
class Copy:
    """How a reprint differs from the report it copies: its outlet, a day later."""

    outlet: str


def _person(page: Page, world: World, index: int, *, full: bool) -> tuple[int, int]:
    person = world.person(index)
    key = f"p{index}"
    if not full and key in page.names:
        return page.name(key, person.last, "PERSON")
    middle = f" {person.middle}." if person.middle and index % 3 == 0 else ""
    page.put(f"{person.title} ")
    return page.name(key, f"{person.first}{middle} {person.last}", "PERSON")


def _lead(page: Page, world: World, story: Story, rng: random.Random) -> None:
    """The lead: the story's event, with its actors, place and day."""
    category, verb, mode = story.action
    page.begin()
    page.name(f"g{story.place}", story.place.upper(), "GPE")
    page.put(" - ")
    source = _person(page, world, story.actor, full=True)
    page.put(" ")
    trigger = page.put(verb)
    page.put(" ")
    target = _person(page, world, story.target, full=True)
    page.put(" of " + story.answer if category == "ACCUSE" else " over the " + story.topic[0])
    page.put(" on ")
    day = page.time(weekday(story.day), story.day.isoformat())
    page.put(" " + world.text_words(rng, rng.randint(8, 14), story.topic))
    page.end()
    text = page.text()
    page.events.append(Event(
        f"{page.doc}#v1", page.doc, *trigger, category, "happened", VERSION, mode=mode,
        source=Actor(text[source[0]:source[1]], *source, entity=page.names[f"p{story.actor}"][0]),
        target=Actor(text[target[0]:target[1]], *target, entity=page.names[f"p{story.target}"][0]),
        date_value=story.day.isoformat(), date_start=day[0], date_end=day[1],
        location=story.place,
    ))  # fmt: skip


def _quote(page: Page, world: World, story: Story, rng: random.Random) -> None:
    """The actor's words in quotation marks, as every report gives them (some cut short)."""
    words = story.quote.split()
    if rng.random() < 0.3:
        words = words[: max(10, len(words) - 4)]
    page.begin()
    page.put("\u201c")
    content = page.put(" ".join(words))
    page.put(",\u201d ")
    source = _person(page, world, story.actor, full=False)
    page.put(" ")
    cue = page.put("said")
    page.put(" on ")
    number = len(page.attributions) + 1
    ref = f"{page.doc}#a{number}"
    day = page.time(weekday(story.day), story.day.isoformat(), attribution=ref)
    page.end()
    page.attributions.append(Attribution(
        ref, page.doc, "direct", *content, VERSION, cue_start=cue[0], cue_end=cue[1],
        source_start=source[0], source_end=source[1], speaker=page.speaker(f"p{story.actor}"),
        time_start=day[0], time_end=day[1],
    ))  # fmt: skip


def _answer(page: Page, world: World, story: Story, rng: random.Random) -> None:
    """The target's answer in the writer's words: a denial of an accusation."""
    words = story.answer.split()
    if rng.random() < 0.3:
        words.pop(rng.randrange(len(words)))
    page.begin()
    source = _person(page, world, story.target, full=False)
    page.put(" ")
    cue = page.put("denied" if story.action[0] == "ACCUSE" else "said")
    page.put(" ")
    content = page.put(" ".join(words))
    page.end()
    page.attributions.append(Attribution(
        f"{page.doc}#a{len(page.attributions) + 1}", page.doc, "indirect", *content, VERSION,
        cue_start=cue[0], cue_end=cue[1], source_start=source[0], source_end=source[1],
        speaker=page.speaker(f"p{story.target}"),
    ))  # fmt: skip


def _unnamed(page: Page, world: World, story: Story, rng: random.Random) -> None:
    page.begin()
    description = f"a senior official in {story.place}"
    source = page.put("A senior official in " + story.place)
    page.put(" ")
    cue = page.put("said")
    page.put(" ")
    content = page.put(world.text_words(rng, rng.randint(10, 16), story.topic))
    page.end()
    number = len(page.speakers) + 1
    speaker = Speaker(f"{page.doc}#s{number}", page.doc, "unnamed", description, VERSION,
                      description=description, count="1")  # fmt: skip
    page.speakers[f"u{number}"] = speaker
    page.attributions.append(Attribution(
        f"{page.doc}#a{len(page.attributions) + 1}", page.doc, "indirect", *content, VERSION,
        cue_start=cue[0], cue_end=cue[1], source_start=source[0], source_end=source[1],
        speaker=speaker.id,
    ))  # fmt: skip


def _filler(page: Page, world: World, story: Story, rng: random.Random) -> None:
    """A paragraph of the writer's own: two sentences, one naming someone in the news."""
    other = world.pick_person(rng, story.number)
    page.begin()
    page.put(world.text_words(rng, rng.randint(4, 8), story.topic).capitalize() + " ")
    _person(page, world, other, full=False)
    page.put(" " + world.text_words(rng, rng.randint(10, 18), story.topic))
    if rng.random() < 0.4:
        org = rng.choice(world.orgs)
        page.put(" of the ")
        page.name(f"o{org}", org, "ORG")
    page.end()
    page.begin()
    page.put(world.text_words(rng, rng.randint(12, 22), story.topic).capitalize())
    page.end()


def render(
    world: World, story: Story, report: int, doc: str, *, copy: Copy | None = None
) -> ArticleRecords:
    """Report ``report`` of ``story`` as the article ``doc`` (or a reprint of it)."""
    rng = random.Random(story.number * 97 + report)
    outlet = OUTLETS[(story.number + report * 5) % len(OUTLETS)]
    published = story.day + timedelta(days=rng.choice((0, 0, 1)) + (1 if copy else 0))
    page = Page(doc)
    title = f"{world.person(story.actor).last} {story.action[1]} {world.person(story.target).last}"
    if copy is not None:
        title = f"{story.place}: {title}"
        outlet = copy.outlet
    title_span = page.put(title.title())
    page.put("\n\n")
    if copy is not None:
        page.put(f"By staff and wire reports, {outlet}\n\n")
    _lead(page, world, story, rng)
    page.put("\n\n")
    fillers = rng.randint(2, 4) - (1 if copy else 0)
    parts = [_quote, _answer, *([_unnamed] if rng.random() < 0.5 else []), *[_filler] * fillers]
    for part in parts:
        if part is _filler:
            _filler(page, world, story, rng)
        else:
            part(page, world, story, rng)
            if rng.random() < 0.3:
                _filler(page, world, story, rng)
        page.put("\n\n")
    return _records(page, title, title_span, outlet, published.isoformat())


def _records(
    page: Page, title: str, title_span: tuple[int, int], outlet: str, published: str
) -> ArticleRecords:
    text = page.text()
    entities = tuple(Entity(entity, page.doc, name, kind, VERSION)
                     for entity, name, kind in page.names.values())  # fmt: skip
    document = Document(
        page.doc, f"{page.doc}.txt", "text", text, content_hash(text), VERSION,
        title=title.title(), outlet=outlet, language="en", published=published,
    )  # fmt: skip
    title_field = Field(page.doc, "title", title.title(), *title_span, VERSION)
    return ArticleRecords(
        document, fields=(title_field,), sentences=tuple(page.sentences), entities=entities,
        mentions=tuple(page.mentions), speakers=tuple(page.speakers.values()),
        attributions=tuple(page.attributions), times=tuple(page.times),
        events=tuple(page.events),
    )  # fmt: skip


def stream(world: World) -> Iterator[ArticleRecords]:
    """Every article of the world, story by story: its reports, then its reprints (a reprint
    of the first report, a day later, by another outlet)."""
    number = 0
    story_number = 0
    while True:
        story = world.story(story_number, per_day=STORIES_PER_DAY)
        for report in range(story.reports):
            yield render(world, story, report, f"a{number:07d}")
            number += 1
        for reprint in range(story.copies):
            outlet = OUTLETS[(story.number + 7 + reprint) % len(OUTLETS)]
            yield render(world, story, 0, f"a{number:07d}", copy=Copy(outlet))
            number += 1
        story_number += 1
