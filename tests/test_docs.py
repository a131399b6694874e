"""The README stays honest: every command, setting, export kind and field is described."""

from pathlib import Path

import pytest

from fuente.cli import main
from fuente.export import EXPORTS
from fuente.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_readme_names_every_command(command: str) -> None:
    assert f"`fuente {command}" in README


@pytest.mark.parametrize("name", [name for name, _, _ in SETTINGS])
def test_docs_readme_names_every_setting(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_docs_readme_describes_every_export_field(kind: str) -> None:
    assert f"`fuente export {kind}`" in README
    section = README.split(f"`fuente export {kind}`", 1)[1].split("\n\n`fuente export", 1)[0]
    for field in EXPORTS[kind].schema.names:
        assert f"`{field}`" in section, field


def test_docs_quick_start_comes_first() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert first_block.strip().splitlines()[0].startswith("make demo")
    assert first_block.strip().splitlines()[1].startswith("make test")


def test_docs_make_demo_commands_run(tmp_path) -> None:
    """The fuente commands `make demo` runs parse and succeed, on the demo corpus."""
    import shlex
    import subprocess

    from click.testing import CliRunner

    root = Path(__file__).resolve().parent.parent
    planned = subprocess.run(
        ["make", "-n", "demo", f"DEMO_DB={tmp_path / 'demo.db'}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commands = [shlex.split(line)[1:] for line in planned.splitlines() if "bin/fuente " in line]
    assert [c[0] for c in commands] == ["ingest", "stats"]
    for arguments in commands:
        arguments = [str(root / a) if a == "examples/" else a for a in arguments]
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, result.output
