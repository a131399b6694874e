"""``fuente kb check``: a knowledge-base file's problems, one line each."""

from pathlib import Path

from click.testing import CliRunner

from fuente.actors.kb_check import check_knowledge_base
from fuente.cli import main

GOOD = """\
offices:
  - {office: governor, also: [state governor]}
people:
  - {name: Ilse Marek, id: marek, country: USA, sector: government,
     roles: [{office: governor, from: 2001-03-01, to: 2005-03-01}]}
  - {name: Tomas Varga, country: USA, sector: opposition,
     roles: [{office: governor, from: 2005-03-01}]}
organisations:
  - {name: Selden Courier, country: USA, sector: media}
"""

BAD = """\
offices:
  - {office: governor}
people:
  - {name: Ilse Marek, country: USA, sector: goverment, roles: [{office: mayor, from: 2001-13-01}]}
  - {name: Tomas Varga, country: XYZ, roles: [{office: mayor, from: 2010, to: 2008}]}
  - {name: Ilse Marek, id: marek, country: USA, roles: [{office: governor, from: 2001, to: 2006}]}
  - {name: Ines Lindqvist, id: marek, country: USA,
     roles: [{office: governor, from: 2003-01-01, to: 2004-01-01}]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors_known.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_kb_check_a_good_file_has_no_problems(tmp_path, settings) -> None:
    assert check_knowledge_base(write(tmp_path, GOOD), settings=settings) == []


def test_kb_check_names_each_entry_and_what_is_wrong(tmp_path, settings) -> None:
    path = write(tmp_path, BAD)
    found = [(p.entry, p.reason) for p in check_knowledge_base(path, settings=settings)]
    reasons = "\n".join(f"{entry}: {reason}" for entry, reason in found)
    assert "Ilse Marek: unknown sector 'goverment'" in reasons
    assert "Ilse Marek: bad date '2001-13-01'" in reasons
    assert "Tomas Varga: unknown country 'XYZ'" in reasons
    assert "Tomas Varga: a spell ends (2008) before it starts (2010)" in reasons
    assert "Ilse Marek: duplicate name" in reasons
    assert "Ines Lindqvist: duplicate id 'marek'" in reasons
    assert not any("mayor" in reason for _, reason in found)  # not a one-holder office


def test_kb_check_reports_two_holders_of_one_office_on_the_same_days(tmp_path, settings) -> None:
    text = GOOD.replace("from: 2005-03-01}", "from: 2004-06-01}")
    (problem,) = check_knowledge_base(write(tmp_path, text), settings=settings)
    assert problem.entry in {"Ilse Marek", "Tomas Varga"}
    assert "governor of USA on the same days" in problem.reason
    assert "2004-06-01 to 2005-03-01" in problem.reason


def test_kb_check_lets_two_shared_spells_overlap(tmp_path, settings) -> None:
    disputed = GOOD.replace("from: 2005-03-01}", "from: 2004-06-01, shared: true}")
    (problem,) = check_knowledge_base(write(tmp_path, disputed), settings=settings)
    assert "same days" in problem.reason  # one side alone says nothing
    both = disputed.replace("to: 2005-03-01}", "to: 2005-03-01, shared: true}")
    assert check_knowledge_base(write(tmp_path, both), settings=settings) == []


def test_kb_check_the_packaged_knowledge_base_passes_its_own_check(settings) -> None:
    from importlib import resources

    packaged = resources.files("fuente") / "data" / "actors_known.yaml"
    assert check_knowledge_base(str(packaged), settings=settings) == []


def test_kb_check_weighs_a_file_against_the_packaged_entries(tmp_path, settings) -> None:
    text = "people:\n  - {name: Ines Lindqvist, country: USA, sector: government,\n"
    text += "     roles: [{office: president, from: 2010-03-01, to: 2012-03-01}]}\n"
    (problem,) = check_knowledge_base(write(tmp_path, text), settings=settings)
    assert "Barack Obama" in problem.reason


def test_kb_check_cli_exits_non_zero_with_one_line_per_problem(tmp_path) -> None:
    runner = CliRunner()
    good = runner.invoke(main, ["kb", "check", str(write(tmp_path, GOOD))])
    assert good.exit_code == 0, good.output
    path = write(tmp_path, BAD)
    bad = runner.invoke(main, ["kb", "check", str(path)])
    assert bad.exit_code == 1
    lines = [line for line in bad.stdout.splitlines() if line.startswith(str(path))]
    assert len(lines) == 6 and all(": " in line for line in lines)


def test_kb_an_actor_resolved_to_an_entry_carries_its_id(tmp_path) -> None:
    from fuente.actors.identity import ActorName, known_entry
    from fuente.actors.known import known_actors
    from fuente.settings import load_settings

    write(tmp_path, GOOD)
    known = known_actors(load_settings(lexicon_dir=str(tmp_path)))
    entry = known_entry(ActorName("e1", "d", "person", "Ilse Marek", (("Marek", 1),)), known)
    assert entry is not None and entry.id == "marek"
