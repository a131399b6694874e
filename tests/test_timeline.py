from fuente.query.timeline import timeline
from fuente.records import (
    ArticleRecords,
    Attribution,
    Document,
    Sentence,
    Speaker,
    TimeExpr,
)

TEXT = (
    "Varga said on Monday that the talks had failed. "
    "Lindqvist said the vote in March 2024 was rigged."
)


def _store(store, published, inferred=False):
    monday = TEXT.index("Monday")
    march = TEXT.index("March 2024")
    second = TEXT.index("Lindqvist")
    document = Document(
        "d", "d.txt", "text", TEXT, "h" * 40, "t@1", published=published,
        published_inferred=inferred,
    )  # fmt: skip
    store.write(
        ArticleRecords(
            document,
            sentences=(Sentence("d", 0, second - 1, "t"), Sentence("d", second, len(TEXT), "t")),
            speakers=(
                Speaker("d#s1", "d", "person", "Tomas Varga", "t"),
                Speaker("d#s2", "d", "person", "Ines Lindqvist", "t"),
            ),
            attributions=(
                Attribution(
                    "d#a1",
                    "d",
                    "indirect",
                    TEXT.index("the talks"),
                    second - 2,
                    "t",
                    cue_start=6,
                    cue_end=10,
                    speaker="d#s1",
                    time_start=monday,
                    time_end=monday + 6,
                ),
                Attribution(
                    "d#a2",
                    "d",
                    "indirect",
                    TEXT.index("the vote"),
                    len(TEXT) - 1,
                    "t",
                    cue_start=second + 10,
                    cue_end=second + 14,
                    speaker="d#s2",
                ),
            ),
            times=(
                TimeExpr("d", monday, monday + 6, "Monday", "DATE", "2025-03-10", "document", "t"),
                TimeExpr("d", march, march + 10, "March 2024", "DATE", "2024-03", "absolute", "t"),
            ),
        )
    )


def test_timeline_dates_by_the_statement_else_by_the_document(store) -> None:
    _store(store, "2025-03-12", inferred=True)
    rows = timeline(store)
    assert [(r["speaker"]["name"], r["date"], r["dated_by"]) for r in rows] == [
        ("Tomas Varga", "2025-03-10", "statement"),
        # the date inside what Lindqvist said is not when she said it
        ("Ines Lindqvist", "2025-03-12", "document"),
    ]
    assert rows[1]["inferred"] and not rows[0]["inferred"]


def test_timeline_query_and_undated_statements(store) -> None:
    _store(store, None)
    rows = timeline(store, "varga")
    assert [r["attribution"] for r in rows] == ["d#a1"]
    assert timeline(store, "lindqvist") == []  # no date anywhere: left out, never guessed
