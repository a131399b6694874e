"""Independent corroboration (fuente.query.corroboration) on articles written by hand: a wire
story and its reprint, two articles of one outlet, an article that relays another outlet's
interview, and an unnamed official two outlets cite from one paper's report."""

from __future__ import annotations

import json

from claimrecords import named_speaker
from click.testing import CliRunner

from fuente.cli import main
from fuente.corpus.actors import link_pending
from fuente.corpus.claims import match_claims
from fuente.corpus.syndication import match_pending
from fuente.query.claims import claims
from fuente.query.corroboration import corroboration
from fuente.query.export import export
from fuente.records import ArticleRecords, Attribution, Document, Speaker
from fuente.store.connect import open_store

QUOTE = (
    "We will not raise the fuel tax again this year, whatever the treasury tells us about "
    "the deficit"
)
WIRE = (
    "The finance minister spoke to farmers in the northern valleys on Tuesday, where diesel "
    "prices have doubled since the autumn and several cooperatives sold their machinery."
)

OWN = {
    "herald": "Queues for bread grew in the capital as bakers waited for flour that the "
    "mills had promised before the strike began.",
    "herald2": "Councillors in Halvik asked for an emergency fund, and no ministry has "
    "answered the letter they sent last month.",
    "courier": "Opposition deputies walked out of the chamber when the budget came up, "
    "calling the vote a farce staged for the banks.",
    "gazette": "A court in Port Selden freed three activists held since the winter protests, "
    "citing a lack of evidence against them.",
}


def article(
    doc: str, outlet: str, *, own: str = "", speaker: str = "Hilde Brun",
    through: str | None = None, unnamed: bool = False, published: str = "2025-03-11",
) -> ArticleRecords:  # fmt: skip
    own = own or OWN[doc]
    text = f"Story {doc}\n\n{own}\n\n{speaker} said: “{QUOTE}.”\n"
    start = text.index(QUOTE)
    document = Document(doc, f"{doc}.txt", "text", text, doc * 4, "t", outlet=outlet,
                        published=published)  # fmt: skip
    if unnamed:
        person = Speaker(f"{doc}#s1", doc, "unnamed", speaker, "t", description=speaker)
        entities, mentions = (), ()
    else:
        entities, mentions, person = named_speaker(doc, text, speaker)
    said = Attribution(f"{doc}#a1", doc, "direct", start, start + len(QUOTE), "t",
                       speaker=person.id, through=through)  # fmt: skip
    return ArticleRecords(document, entities=entities, mentions=mentions, speakers=(person,),
                          attributions=(said,))  # fmt: skip


def ingest(store, settings, *articles: ArticleRecords) -> list[dict]:
    for records in articles:
        store.write(records)
    link_pending(store, settings=settings)
    match_pending(store)
    match_claims(store, settings=settings)
    return list(claims(store))


def test_corroboration_folds_copies_outlets_and_relays(store, settings) -> None:
    found = ingest(
        store, settings,
        article("wire", "Marovia Press Agency", own=WIRE, published="2025-03-10"),
        article("reprint", "Halvik Daily", own=WIRE),  # a syndicated copy of the wire story
        article("herald", "The Herald"),
        article("herald2", "Herald"),  # the same outlet again
        article("courier", "Courier", through="The Herald"),  # "told the Herald"
    )  # fmt: skip
    assert len(found) == 1
    claim = found[0]
    assert claim["documents"] == 5 and claim["sources"] == 2
    assert [o["origin"] for o in claim["origins"]] == ["Marovia Press Agency", "The Herald"]
    how = {f["doc"]: f["how"] for f in claim["folded"]}
    assert how["reprint"] == "a syndicated copy of wire"
    assert how["herald2"] == "the same outlet, Herald"
    assert how["courier"] == "relays The Herald's reporting"
    assert claim["unnamed_only"] is False


def test_corroboration_one_report_behind_an_unnamed_source(store, settings) -> None:
    found = ingest(
        store, settings,
        article("courier", "Courier", speaker="a senior official", through="the Post",
                unnamed=True),
        article("gazette", "Gazette", speaker="officials", through="The Post", unnamed=True),
    )  # fmt: skip
    assert len(found) == 1
    claim = found[0]
    assert claim["sources"] == 1 and claim["unnamed_only"] is True
    assert claim["origins"][0]["origin"] == "the Post"
    assert claim["origins"][0]["how"] == "relayed by courier"


def test_corroboration_articles_without_outlets_count_each() -> None:
    members = [
        {"ref": f"{doc}#a1", "doc": doc, "copy_group": doc, "outlet": None,
         "speaker_kind": "person"}
        for doc in ("a", "b", "c")
    ]  # fmt: skip
    members[2]["copy_group"] = "a"  # c is a copy of a
    found = corroboration(members)
    assert found["sources"] == 2
    assert found["folded"] == [
        {"ref": "c#a1", "doc": "c", "into": "a", "how": "a syndicated copy of a"}
    ]


def test_corroboration_cli_and_export(tmp_path, settings) -> None:
    path = tmp_path / "c.db"
    with open_store(path) as store:
        ingest(
            store, settings,
            article("herald", "The Herald"),
            article("courier", "Courier"),
            article("gazette", "Gazette", through="Courier"),
        )  # fmt: skip
        with (tmp_path / "claims.jsonl").open("wb") as out:
            assert export("claims", store=store, format="jsonl", out=out) == 1
    runner = CliRunner()
    listed = runner.invoke(main, ["claims", "--db", str(path), "--json"])
    assert listed.exit_code == 0, listed.output
    row = json.loads(listed.output)
    assert row["sources"] == 2 and len(row["members"]) == 3
    assert row == json.loads((tmp_path / "claims.jsonl").read_text(encoding="utf-8"))
    text = runner.invoke(main, ["claims", "fuel tax", "--db", str(path)])
    assert "3 articles, 2 independent sources" in text.output
    assert "folded gazette into Courier: relays Courier's reporting" in text.output
    none = runner.invoke(main, ["claims", "--db", str(path), "--min-sources", "3"])
    assert none.exit_code == 0 and none.output == ""
    assert runner.invoke(main, ["claims", "bridge", "--db", str(path)]).output == ""
    rebuilt = runner.invoke(main, ["claims", "--db", str(path), "--rebuild", "--json"])
    assert rebuilt.exit_code == 0 and json.loads(rebuilt.stdout) == row


def test_corroboration_an_outlet_by_any_of_its_names_counts_once() -> None:
    members = [
        {"ref": "own#a1", "doc": "own", "copy_group": "own", "outlet": "nyt",
         "speaker_kind": "unnamed"},
        {"ref": "relay#a1", "doc": "relay", "copy_group": "relay", "outlet": "Courier",
         "speaker_kind": "unnamed", "through": "The New York Times"},  # its poll, relayed
    ]  # fmt: skip
    found = corroboration(members)
    assert found["sources"] == 1
    assert found["folded"][0]["how"] == "relays The New York Times's reporting"
