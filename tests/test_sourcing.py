"""The sourcing profile, computed from records built by hand on a short Marovian story."""

import pytest

from fuente.query.sourcing import counted, inside_excluded, sourcing_profile
from fuente.records import (
    SPEAKER_KINDS,
    Attribution,
    Document,
    ExcludedRange,
    LeadStatement,
    Speaker,
)

TEXT = (
    "Varga Met Envoys in Secret\n"
    "Interior Minister Tomas Varga met envoys, two senior Unionist officials said. "
    "The Selden Herald reported the talks, citing a source briefed on them. "
    '"There were no talks," Varga told the Courier. '
    "The ministry did not respond to requests for comment.\n"
    "Comments: Varga said he would resign.\n"
)


def at(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


DOCUMENT = Document("talks", "talks.txt", "text", TEXT, "h" * 40, "test@1")
SPEAKERS = (
    Speaker("talks#s1", "talks", "person", "Tomas Varga", "q@1", description="Interior Minister"),
    Speaker("talks#s2", "talks", "unnamed", "two senior Unionist officials", "q@1",
            description="two senior Unionist officials", country="MRV", sector="government",
            count="2"),
    Speaker("talks#s3", "talks", "outlet", "Selden Herald", "q@1"),
    Speaker("talks#s4", "talks", "unnamed", "a source briefed on them", "q@1", count="1"),
    Speaker("talks#s5", "talks", "organisation", "Interior Ministry", "q@1"),
)  # fmt: skip


def attribution(
    number: int, kind: str, content: str, speaker: int | None, **extra: object
) -> Attribution:
    return Attribution(
        f"talks#a{number}", "talks", kind, *at(content), "q@1",
        speaker=f"talks#s{speaker}" if speaker else None, **extra,
    )  # fmt: skip


ATTRIBUTIONS = (
    attribution(1, "indirect", "Interior Minister Tomas Varga met envoys", 2),
    attribution(2, "indirect", "the talks", 3),
    attribution(3, "indirect", "the talks, citing", 4, via="talks#a2"),
    attribution(4, "direct", '"There were no talks,"', 1, through="Courier"),
    attribution(5, "non-response", "did not respond to requests for comment", 5),
    attribution(6, "indirect", "he would resign", 1),  # inside the comment section
)
EXCLUDED = (
    ExcludedRange("talks", *at("Comments: Varga said he would resign.\n"), "comment", "l@1"),
)
LEAD = (
    LeadStatement("talks", "title", *at("Varga Met Envoys in Secret"), "unnamed-only", "lead@1",
                  ("talks#a1",)),
    LeadStatement("talks", "lead", *at("Interior Minister Tomas Varga met envoys"),
                  "unnamed-only", "lead@1", ("talks#a1",)),
    LeadStatement("talks", "lead", *at('"There were no talks,"'), "named", "lead@1", ("talks#a4",)),
)  # fmt: skip


def profile(**changes: object) -> dict:
    given = {"attributions": ATTRIBUTIONS, "speakers": SPEAKERS, "lead": LEAD} | changes
    return sourcing_profile(
        DOCUMENT, given["attributions"], given["speakers"], given["lead"], excluded=EXCLUDED
    )


def test_sourcing_counts_claims_by_speaker_kind() -> None:
    found = profile()
    assert found["doc"] == "talks"
    assert found["attributions"] == 4
    assert found["by_kind"] == {
        "person": 1, "organisation": 0, "outlet": 1, "document": 0, "author": 0, "unnamed": 2,
    }  # fmt: skip
    assert (found["named"], found["unnamed"], found["author"]) == (2, 2, 0)


def test_sourcing_counts_non_responses_apart_and_names_who() -> None:
    assert profile()["non_responses"] == {"count": 1, "who": ["Interior Ministry"]}


def test_sourcing_lists_outlets_relied_on_and_through() -> None:
    assert profile()["outlets"] == [
        {"name": "Selden Herald", "count": 1},
        {"name": "Courier", "count": 1},
    ]


def test_sourcing_counts_an_outlet_once_per_attribution() -> None:
    twice = (
        attribution(1, "indirect", "the talks", 3, through="Selden Herald"),
        attribution(2, "direct", '"There were no talks,"', 1, through="Selden Herald"),
    )
    assert profile(attributions=twice)["outlets"] == [{"name": "Selden Herald", "count": 2}]


def test_sourcing_describes_unnamed_speakers_in_order_cited() -> None:
    assert profile()["unnamed_speakers"] == [
        {"description": "two senior Unionist officials", "country": "MRV",
         "sector": "government", "count": "2"},
        {"description": "a source briefed on them", "country": None, "sector": None, "count": "1"},
    ]  # fmt: skip


def test_sourcing_lead_statements_with_text_and_unnamed_only() -> None:
    found = profile()
    assert [(s["part"], s["text"], s["support"]) for s in found["lead"]] == [
        ("title", "Varga Met Envoys in Secret", "unnamed-only"),
        ("lead", "Interior Minister Tomas Varga met envoys", "unnamed-only"),
        ("lead", '"There were no talks,"', "named"),
    ]
    assert found["unnamed_only"] == found["lead"][:2]
    assert found["lead"][0] == {"part": "title", "start": 0, "end": 26,
                                "text": "Varga Met Envoys in Secret", "support": "unnamed-only",
                                "attributions": ["talks#a1"]}  # fmt: skip


def test_sourcing_never_counts_records_in_excluded_ranges() -> None:
    comment = at("he would resign")
    in_comment = LeadStatement("talks", "lead", *comment, "author", "lead@1")
    found = profile(attributions=ATTRIBUTIONS[5:], lead=(in_comment,))
    assert found["attributions"] == 0 and found["by_kind"]["person"] == 0
    assert found["lead"] == []


def test_sourcing_speaker_unknown_counts_only_in_total() -> None:
    found = profile(attributions=(attribution(1, "indirect", "the talks", None),))
    assert found["attributions"] == 1
    assert sum(found["by_kind"].values()) == 0
    assert found["unnamed_speakers"] == []


def test_sourcing_author_claims_count_apart_from_named_and_unnamed() -> None:
    author = Speaker("talks#s9", "talks", "author", "the article", "q@1")
    found = profile(
        attributions=(attribution(1, "indirect", "the talks", 9),), speakers=(*SPEAKERS, author)
    )
    assert (found["named"], found["unnamed"], found["author"]) == (0, 0, 1)


def test_sourcing_empty_article_has_every_field_at_zero() -> None:
    found = profile(attributions=(), lead=())
    assert found == {
        "doc": "talks", "attributions": 0, "by_kind": dict.fromkeys(SPEAKER_KINDS, 0),
        "named": 0, "unnamed": 0, "author": 0, "non_responses": {"count": 0, "who": []},
        "outlets": [], "unnamed_speakers": [], "lead": [], "unnamed_only": [],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "inside"),
    [(5, 8, True), (4, 10, True), (3, 8, False), (8, 11, False), (12, 14, False)],
)
def test_sourcing_inside_excluded_means_wholly_inside(start: int, end: int, inside: bool) -> None:
    excluded = (ExcludedRange("d", 4, 10, "comment", "l@1"),)
    assert inside_excluded(start, end, excluded) is inside
    kept = counted([Attribution("d#a1", "d", "direct", start, end, "q@1")], excluded)
    assert len(kept) == (0 if inside else 1)
