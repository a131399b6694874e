"""The PETRARCH bench's readers (``bench/petrarch_gold.py``) on snippets written here: records,
code tables, the actors dictionary and the mapping to PLOVER. Nothing from ../shared is read."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

RECORDS = """<Validation>
<!-- a comment the reader ignores -->
<Sentences>
<Sentence date="20040317" id="TEST-01" category="DEMO" sentence="true">
<!-- two codings of one paired event, and one the table does not know -->
<EventCoding sourcecode="VELGOV" targetcode="QUA" eventcode="032"></EventCoding>
<EventCoding sourcecode="QUA" targetcode="VELGOV" eventcode="033"></EventCoding>
<EventCoding sourcecode="VEL" targetcode="QUA" eventcode="023"></EventCoding>
<Text>
Velmarra's foreign minister flew to
Quarn on Tuesday for talks.
</Text>
<Parse>(ROOT (S (NP (NNP Velmarra))))</Parse>
</Sentence>
<Sentence date="20040318" id="TEST-02" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>The weather in Quarn was mild.</Text>
</Sentence>
<Sentence date="2004" id="TEST-03" category="ERROR" sentence="false">
<EventCoding error="storydiscard"></EventCoding>
<Text>Quarn football results.</Text>
</Sentence>
</Sentences>
</Validation>
"""

TABLE = """# a table in the form of CAMEO2PLOVER-2021.txt
03: AGREE
032: CONSULT, visit,   # Visit
033: CONSULT, visit, diplomatic # Host a visit
1711: COERCE, seize, human_security   # Confiscate property
"""

ACTORS = """<!-- VALIDATION ACTORS -->
<!-- a comment
HIDDEN [HID] -->
VELMARRA_ [VEL]
+VELMARRAN
QUARN  # written on two lines
+QUARNISH
\t[QUA]
TIDEWARDEN  [---]
HARBOUR_LEAGUE [IGOHBL] # an international body
SEA-WARDENS_COUNCIL [IGOSWC]
# COMMENTED [COM]
"""


def _load(name: str):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "records.xml").write_text(RECORDS, encoding="utf-8")
    (tmp_path / "table.txt").write_text(TABLE, encoding="utf-8")
    (tmp_path / "actors.txt").write_text(ACTORS, encoding="utf-8")
    return tmp_path


def test_bench_petrarch_reads_records(files: Path) -> None:
    gold = _load("petrarch_gold")
    first, quiet, thrown = gold.read_records(files / "records.xml")
    assert first.id == "TEST-01" and first.date == "2004-03-17"
    assert first.text == "Velmarra's foreign minister flew to Quarn on Tuesday for talks."
    assert [(c.source, c.target, c.code) for c in first.codings] == [
        ("VELGOV", "QUA", "032"),
        ("QUA", "VELGOV", "033"),
        ("VEL", "QUA", "023"),
    ]
    assert not first.discarded and not first.no_events
    assert quiet.no_events and not quiet.discarded
    assert thrown.discarded and thrown.date is None  # "2004" is no YYYYMMDD


def test_bench_petrarch_maps_codes_to_plover(files: Path) -> None:
    gold = _load("petrarch_gold")
    codes = gold.read_codes(files / "table.txt")
    assert codes == {"032": "CONSULT", "033": "CONSULT", "1711": "COERCE"}  # "03" is a title
    first, quiet, thrown = gold.read_records(files / "records.xml")
    events, unmapped = gold.gold_events(first, codes)
    assert events == {("VEL", "CONSULT", "QUA"), ("QUA", "CONSULT", "VEL")}
    assert unmapped == 1  # 023
    assert gold.gold_events(quiet, codes) == (set(), 0)
    assert gold.gold_events(thrown, codes) == (set(), 0)


@pytest.mark.parametrize(
    ("code", "category"),
    [("031", "CONSULT"), ("041", "SUPPORT"), ("122", "ACCUSE"), ("212", "COERCE"), ("023", None)],
)
def test_bench_petrarch_weis_table(code: str, category: str | None) -> None:
    gold = _load("petrarch_gold")
    assert gold.read_codes(ROOT / "bench" / "weis2plover.txt").get(code) == category


def test_bench_petrarch_reads_actors(files: Path) -> None:
    gold = _load("petrarch_gold")
    assert gold.read_actors(files / "actors.txt") == {
        "Velmarra": "VEL",
        "Velmarran": "VEL",
        "Quarn": "QUA",
        "Quarnish": "QUA",
        "Harbour League": "IGO",
        "Sea-Wardens Council": "IGO",
    }


def test_bench_petrarch_countries_lexicon_leaves_known_names_to_fuente() -> None:
    bench = _load("events_petrarch")
    actors = {"Velmarra": "VEL", "Egypt": "UAR", "Palestine": "PAL", "Quarn Front": "PSE"}
    sections, translate = bench.countries_lexicon(actors)
    assert sections == {"VEL": ["Velmarra"], "PSE": ["Quarn Front"]}
    assert translate == {"EGY": "UAR"}  # PSE is a gold code itself: not translated


def test_bench_petrarch_errors_name_the_file(tmp_path: Path) -> None:
    gold = _load("petrarch_gold")
    broken = tmp_path / "broken.xml"
    broken.write_text("<Validation><Sentence", encoding="utf-8")
    with pytest.raises(gold.GoldError, match=r"broken\.xml: cannot read"):
        gold.read_records(broken)
    with pytest.raises(gold.GoldError, match=r"missing\.txt: cannot read"):
        gold.read_codes(tmp_path / "missing.txt")
