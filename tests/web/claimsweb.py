"""A database of hand-written articles for the claims pages: a wire story and its reprint, an
independent outlet and an article relaying it, an article whose statement no other reports,
and two outlets citing one paper's unnamed official."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from test_corroboration import WIRE, article, ingest

from fuente.records import ArticleRecords, LeadStatement
from fuente.settings import Settings
from fuente.store.connect import open_store

STATEMENT = "claim:wire#a1"  # Hilde Brun's words, in four articles
UNNAMED = "claim:post1#a1"  # an unnamed official's, in two

OWN = {
    "lonely": "Fishermen in the bay say the new quotas will empty the harbour by the autumn, "
    "and the cannery has already let forty workers go.",
    "post1": "The railway strike entered its third week as drivers rejected the latest "
    "offer, leaving commuters to crowd onto the few buses still running.",
    "post2": "A fire at the old customs house destroyed archives going back two centuries, "
    "and the city has opened an inquiry into the alarms.",
}


def _titled(records: ArticleRecords) -> ArticleRecords:
    """The article with its title (its first line) resting on its one attribution."""
    doc = records.document.id
    title = records.document.text.split("\n", 1)[0]
    lead = LeadStatement(doc, "title", 0, len(title), "named", "t", (f"{doc}#a1",))
    return replace(records, lead=(lead,))


def claims_database(path: Path, settings: Settings) -> Path:
    with open_store(path) as store:
        ingest(
            store, settings,
            _titled(article("wire", "Marovia Press Agency", own=WIRE, published="2025-03-10")),
            article("reprint", "Halvik Daily", own=WIRE),  # a syndicated copy of the wire story
            article("herald", "The Herald"),
            article("courier", "Courier", through="The Herald"),  # relays the Herald
            _titled(article("lonely", "Gazette", own=OWN["lonely"], speaker="Ana Lopez")),
            article("post1", "Bay News", own=OWN["post1"], speaker="a senior official",
                    through="the Post", unnamed=True),
            article("post2", "Coast Times", own=OWN["post2"], speaker="officials",
                    through="The Post", unnamed=True),
        )  # fmt: skip
    return path
