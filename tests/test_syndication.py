"""Syndicated copies and reused passages (fuente.corpus.syndication) on articles written by
hand: a wire story, a reprint with a new headline and a cut paragraph, an article embedding
two of its paragraphs, and an independent report on the same events."""

from dataclasses import replace

from fuente.corpus.passages import passages, shingles
from fuente.corpus.syndication import match_pending
from fuente.query.syndication import copy_groups, origin_of, syndication_rows
from fuente.records import ArticleRecords, Attribution, Document, ExcludedRange
from fuente.store.syndication import copy_rows, reuse_rows

WIRE = [
    "Marovia's central bank raised its main interest rate by half a point on Tuesday, the "
    "third increase this year, as the governor moved to slow prices that rose faster than "
    "any forecast had expected.",
    "The decision surprised traders in Port Selden, most of whom had bet on a pause after "
    "the currency steadied in the last weeks of the winter and fuel costs began to fall.",
    "Finance ministry officials had argued in private for a smaller step, according to two "
    "people present at the meetings, who feared that dearer credit would hurt farmers.",
    "The bank will publish the minutes of the meeting in three weeks, and the governor is "
    "due to answer questions from members of the National Assembly before the summer.",
]
OWN = [
    "Farmers in the northern valleys say they can no longer borrow at all, and several "
    "cooperatives have sold machinery to pay what they owe before the planting season.",
    "At a market in Halvik, traders described queues for flour that had not been seen since "
    "the long strike two years ago, when the ports closed for most of a month.",
    "Local councillors have asked the government for an emergency fund, though none of the "
    "ministries has answered the letter they sent at the end of last month.",
]
OTHER = [
    "Borrowing costs in Marovia went up again this week after the monetary authority chose "
    "a bigger rise than economists in the capital had predicted in their surveys.",
    "Bankers interviewed in the capital said the move would slow lending to small firms, "
    "and some expected the currency to gain against the euro in coming days.",
    "The opposition called the decision a sign of panic and demanded that the governor "
    "explain it to parliament without waiting for the regular hearing in June.",
]


def article(doc: str, published: str, title: str, paragraphs: list[str], **kw) -> ArticleRecords:
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    document = Document(doc, f"{doc}.txt", "text", text, doc * 4, "t", published=published)
    return ArticleRecords(document, **kw)


def test_passages_blank_hidden_ranges_and_short_lines() -> None:
    text = "Short title\n\n" + WIRE[0] + "\n"
    start = text.index("the governor")
    found = passages(text, [(start, len(text))])
    assert len(found) == 1 and found[0].start == text.index("Marovia")
    assert "the governor moved" not in found[0].shingles
    assert passages("Too short to index.\n", []) == []


def test_shingles_fold_case_and_accents() -> None:
    assert shingles("Banco Central de Venezuela") == shingles("banco central de VENEZUELA")
    assert "banco central de" in shingles("Banco Central de Venezuela")


def test_syndication_finds_a_reprint_and_reused_passages(store) -> None:
    store.write(article("wire", "2025-03-11", "Marovia raises rates", WIRE))
    reprint = [WIRE[0], WIRE[1] + " Shares fell.", WIRE[3]]  # cut, lightly edited
    store.write(article("reprint", "2025-03-12", "Central bank surprises markets", reprint))
    store.write(article("feature", "2025-03-13", "In the valleys", [*OWN, WIRE[0], WIRE[2]]))
    store.write(article("rival", "2025-03-11", "Rates up again", OTHER))
    report = match_pending(store)
    assert report.documents == 4
    assert [(row["doc"], row["copy_of"]) for row in copy_rows(store.db)] == [("reprint", "wire")]
    reused = reuse_rows(store.db)
    assert {(row["doc"], row["source_doc"]) for row in reused} >= {("feature", "wire")}
    assert {row["doc"] for row in reused} <= {"feature"}  # the rival report reuses nothing
    feature = store.document("feature").text
    assert {
        feature[row["start"] : row["end"]] for row in reused if row["source_doc"] == "wire"
    } == {
        WIRE[0],
        WIRE[2],
    }
    assert match_pending(store).documents == 0  # the index survives: nothing to match again


def test_syndication_never_compares_boilerplate_or_quotations(store) -> None:
    boiler = "Subscribe to our newsletter for the latest news from Marovia and the region, " * 2
    for number in (1, 2):
        text = f"Story {number}\n\n{OTHER[number]}\n\n{boiler}\n"
        start = text.index("Subscribe")
        document = Document(f"s{number}", f"s{number}.txt", "text", text, "h" * number, "t")
        excluded = (ExcludedRange(f"s{number}", start, start + len(boiler), "boilerplate", "t"),)
        store.write(ArticleRecords(document, excluded=excluded))
    quote = (
        "We will not move the rate again until prices have stopped rising in every region of "
        "the country, and we will say so plainly to the banks, to the farmers and to everyone "
        "who has waited too long for bread that costs what it cost last year"
    )
    leads = {
        3: "The governor told reporters in the capital on Monday afternoon, after a long day:",
        4: "Speaking after the meeting had ended, the governor of the bank said to the press:",
    }
    for number, lead in leads.items():
        text = f"Story {number}\n\n{lead} “{quote}.”\n"
        start = text.index(quote)
        document = Document(f"s{number}", f"s{number}.txt", "text", text, "q" * number, "t")
        said = Attribution(f"s{number}#a1", f"s{number}", "direct", start, start + len(quote), "t")
        store.write(ArticleRecords(document, attributions=(said,)))
    match_pending(store)
    assert copy_rows(store.db) == []
    assert reuse_rows(store.db) == []


def test_syndication_origin_is_the_agency_copy_else_the_earliest(store) -> None:
    store.write(article("paper", "2025-03-11", "Marovia raises rates", WIRE))
    wire_story = article("agency", "2025-03-12", "Marovia lifts rates", WIRE)
    document = replace(wire_story.document, outlet="Reuters")
    store.write(ArticleRecords(document))
    store.write(article("late", "2025-03-14", "Rates rise", WIRE[:3]))
    match_pending(store)
    (group,) = copy_groups(store)
    assert group["origin"] == "agency" and "Reuters" in group["origin_reason"]
    rows = list(syndication_rows(store))
    assert {(row["doc"], row["kind"]) for row in rows} == {
        ("agency", "origin"), ("paper", "copy"), ("late", "copy"),
    }  # fmt: skip
    assert {row["group"] for row in rows} == {"paper"}  # named by its first member stored


def test_syndication_origin_of_undated_copies_is_the_first_stored() -> None:
    members = [
        {"doc": "b", "published": None, "outlet": None},
        {"doc": "a", "published": "2025-03-12", "outlet": "Harbor Post"},
        {"doc": "c", "published": "2025-03-11", "outlet": "Harbor Post"},
    ]
    assert origin_of(members, frozenset({"Reuters"}))[0] == "c"
    assert origin_of(members[:1], frozenset())[1].startswith("no member is dated")
