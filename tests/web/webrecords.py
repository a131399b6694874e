"""Hand-built articles for the web tests: no spaCy, offsets found in texts written here."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from fuente.records import (
    Actor,
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    Event,
    ExcludedRange,
    Mention,
    Sentence,
    Speaker,
    TimeExpr,
)

V = "test"

TALKS = (
    "Minister Ana López said on Monday that the talks had failed.\n\n"
    '"We will not surrender," López told reporters.\n\n'
    "A source briefed on the talks said the envoy left early.\n\n"
    "Subscribe to our newsletter for López updates, she said.\n"
)
REPLY = (
    "Officials in the capital said López had misread the talks.\n\n"
    "López said on Friday that nothing had changed.\n"
)
EVENTS_TABLE = (
    "CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, doc TEXT, start_char INTEGER, end_char INTEGER, "
    "category TEXT, mode TEXT, source_text TEXT, source_start INTEGER, source_end INTEGER, "
    "source_entity TEXT, source_country TEXT, source_sector TEXT, target_text TEXT, "
    "target_start INTEGER, target_end INTEGER, target_entity TEXT, target_country TEXT, "
    "target_sector TEXT, date_value TEXT, date_start INTEGER, date_end INTEGER, location TEXT, "
    "negated INTEGER, modality TEXT, attribution TEXT, version TEXT)"
)


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def sentences(doc: str, text: str) -> tuple[Sentence, ...]:
    found, start = [], 0
    for block in text.split("\n\n"):
        found.append(Sentence(doc, start, start + len(block.rstrip("\n")), V))
        start += len(block) + 2
    return tuple(found)


def talks_records(*, title: str = "Talks with the envoy failed, minister says") -> ArticleRecords:
    doc, text = "talks", TALKS
    document = Document(
        doc,
        "talks.txt",
        "txt",
        text,
        "hash-talks",
        V,
        title=title,
        outlet="Coastal Wire",
        language="en",
        published="2025-03-11",
        url="https://example.org/talks",
    )
    lopez = Entity(f"{doc}#e1", doc, "Ana López", "PERSON", V)
    mentions = tuple(
        Mention(doc, lopez.id, *span(text, name, nth), name, "PERSON", V)
        for name, nth in (("Ana López", 0), ("López", 1), ("López", 2))
    )
    speakers = (
        Speaker(f"{doc}#s1", doc, "person", "Ana López", V, sector="government", entity=lopez.id),
        Speaker(
            f"{doc}#s2",
            doc,
            "unnamed",
            "source briefed on the talks",
            V,
            description="A source briefed on the talks",
            count="1",
        ),
    )
    said = span(text, "said", 0)
    attributions = (
        Attribution(
            f"{doc}#a1",
            doc,
            "indirect",
            *span(text, "the talks had failed"),
            V,
            *said,
            *span(text, "Minister Ana López"),
            speaker=speakers[0].id,
            time_start=span(text, "Monday")[0],
            time_end=span(text, "Monday")[1],
        ),
        Attribution(
            f"{doc}#a2",
            doc,
            "direct",
            *span(text, "We will not surrender,"),
            V,
            *span(text, "told"),
            *span(text, "López", 1),
            speaker=speakers[0].id,
        ),
        Attribution(
            f"{doc}#a3",
            doc,
            "indirect",
            *span(text, "the envoy left early"),
            V,
            *span(text, "said", 1),
            *span(text, "A source briefed on the talks"),
            speaker=speakers[1].id,
        ),
        Attribution(
            f"{doc}#a4",
            doc,
            "indirect",
            *span(text, "Subscribe to our newsletter"),
            V,
            *span(text, "said", 2),
            *span(text, "she"),
            speaker=speakers[0].id,
        ),
    )
    appeal = span(text, "Subscribe to our newsletter for López updates, she said.")
    return ArticleRecords(
        document=document,
        excluded=(ExcludedRange(doc, *appeal, "support-appeal", V),),
        sentences=sentences(doc, text),
        entities=(lopez,),
        mentions=mentions,
        speakers=speakers,
        attributions=attributions,
        times=(
            TimeExpr(doc, *span(text, "Monday"), "Monday", "DATE", "2025-03-10", "document", V),
        ),
    )


def reply_records() -> ArticleRecords:
    doc, text = "reply", REPLY
    document = Document(
        doc,
        "reply.txt",
        "txt",
        text,
        "hash-reply",
        V,
        title="Capital says minister misread talks",
        outlet="Harbor Post",
        language="es",
        published="2025-04-02",
    )
    lopez = Entity(f"{doc}#e1", doc, "López", "PERSON", V)
    speakers = (
        Speaker(
            f"{doc}#s1",
            doc,
            "unnamed",
            "Officials in the capital",
            V,
            description="Officials in the capital",
            sector="government",
        ),
        Speaker(f"{doc}#s2", doc, "person", "Ana López", V, entity=lopez.id),
    )
    return ArticleRecords(
        document=document,
        sentences=sentences(doc, text),
        entities=(lopez,),
        mentions=tuple(
            Mention(doc, lopez.id, *span(text, "López", n), "López", "PERSON", V) for n in (0, 1)
        ),
        speakers=speakers,
        attributions=(
            Attribution(
                f"{doc}#a1",
                doc,
                "indirect",
                *span(text, "López had misread the talks"),
                V,
                *span(text, "said"),
                *span(text, "Officials in the capital"),
                speaker=speakers[0].id,
            ),
            Attribution(
                f"{doc}#a2",
                doc,
                "indirect",
                *span(text, "nothing had changed"),
                V,
                *span(text, "said", 1),
                *span(text, "López", 1),
                speaker=speakers[1].id,
                time_start=span(text, "Friday")[0],
                time_end=span(text, "Friday")[1],
            ),
        ),
        times=(
            TimeExpr(doc, *span(text, "Friday"), "Friday", "DATE", "2025-03-28", "document", V),
        ),
    )


def add_events(path: Path) -> None:
    """Create the events table by hand, as the events extractor will, with one event."""
    import sqlite3

    db = sqlite3.connect(path)
    with db:
        db.execute(EVENTS_TABLE)
        start, end = span(TALKS, "left")
        db.execute(
            "INSERT INTO events (id, doc, start_char, end_char, category, mode, source_text, "
            "source_entity, target_text, date_value, negated, modality, attribution, version) "
            "VALUES (?, 'talks', ?, ?, 'withdraw', 'reported', 'the envoy', NULL, 'Ana López', "
            "'2025-03-09', 0, 'happened', 'talks#a3', 'test')",
            ("talks#v1", start, end),
        )
    db.close()


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def hostile_records() -> ArticleRecords:
    """The talks article with script, markup and a javascript: link in its metadata and in a
    speaker's name and description."""
    records = talks_records(title=f"{HOSTILE} title")
    document = records.document
    hostile = Document(
        document.id,
        document.path,
        document.format,
        document.text,
        document.content_hash,
        document.version,
        title=document.title,
        outlet=f"{HOSTILE} outlet",
        language="en",
        published=document.published,
        url="javascript:alert(3)",
        deck=f'" onmouseover="x {HOSTILE}',
    )
    named = records.speakers[0]
    speakers = (
        Speaker(
            named.id,
            named.doc,
            named.kind,
            "</script><script>alert(4)</script>",
            named.version,
            description=f"'\"{HOSTILE}",
            entity=named.entity,
        ),
        *records.speakers[1:],
    )
    return type(records)(
        **{
            **{f: getattr(records, f) for f in records.__slots__},
            "document": hostile,
            "speakers": speakers,
        }
    )


def numbered_records(number: int, *, doc: str | None = None) -> ArticleRecords:
    """A small article numbered ``number`` (id ``n00``, or ``doc``): Ana López's dated
    statement, an unnamed aide's, an event; published a week apart from the last."""
    doc = doc or f"n{number:02d}"
    text = (
        f"Minister Ana López said on Monday that budget {number} was late.\n\n"
        f"A senior aide said the vote {number} would wait.\n\n"
        "The Harbor Union met Marovia over wages.\n"
    )
    day = date(2024, 1, 1) + timedelta(weeks=number)
    lopez = Entity(f"{doc}#e1", doc, "Ana López", "PERSON", V)
    speakers = (
        Speaker(f"{doc}#s1", doc, "person", "Ana López", V, entity=lopez.id),
        Speaker(f"{doc}#s2", doc, "unnamed", "senior aide", V, description="A senior aide"),
    )
    monday = span(text, "Monday")
    return ArticleRecords(
        document=Document(
            doc,
            f"{doc}.txt",
            "txt",
            text,
            f"hash-{doc}",
            V,
            title=f"Budget {number}",
            outlet="Coastal Wire" if number % 2 else "Harbor Post",
            language="en",
            published=day.isoformat(),
        ),
        sentences=sentences(doc, text),
        entities=(lopez,),
        mentions=(Mention(doc, lopez.id, *span(text, "Ana López"), "Ana López", "PERSON", V),),
        speakers=speakers,
        attributions=(
            Attribution(
                f"{doc}#a1",
                doc,
                "indirect",
                *span(text, f"budget {number} was late"),
                V,
                *span(text, "said"),
                *span(text, "Minister Ana López"),
                speaker=speakers[0].id,
                time_start=monday[0],
                time_end=monday[1],
            ),
            Attribution(
                f"{doc}#a2",
                doc,
                "indirect",
                *span(text, f"the vote {number} would wait"),
                V,
                *span(text, "said", 1),
                *span(text, "A senior aide"),
                speaker=speakers[1].id,
            ),
        ),
        times=(
            TimeExpr(
                doc, *monday, "Monday", "DATE", (day - timedelta(days=1)).isoformat(), "document", V
            ),
        ),
        events=(
            Event(
                f"{doc}#v1",
                doc,
                *span(text, "met"),
                "CONSULT",
                "happened",
                V,
                source=Actor("The Harbor Union", *span(text, "The Harbor Union")),
                target=Actor("Marovia", *span(text, "Marovia")),
            ),
        ),
    )


def numbered_db(path: Path, count: int) -> Path:
    """A database of ``count`` numbered articles at ``path``."""
    from fuente.store.connect import open_store

    with open_store(path) as store:
        for number in range(count):
            store.write(numbered_records(number))
    return path
