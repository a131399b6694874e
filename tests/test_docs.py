"""The README stays honest: every command, setting, export kind and field is described."""

from pathlib import Path

import pytest

from fuente.cli import main
from fuente.query.export import EXPORTS
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
    """The fuente commands `make demo` runs parse and succeed, on the demo corpus; the last
    one starts the web UI, which is stopped once it has answered."""
    import shlex
    import subprocess

    from click.testing import CliRunner

    root = Path(__file__).resolve().parent.parent
    port = _free_port()
    planned = subprocess.run(
        ["make", "-n", "demo", f"DEMO_DB={tmp_path / 'demo.db'}", f"PORT={port}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commands = [shlex.split(line)[1:] for line in planned.splitlines() if "bin/fuente " in line]
    assert [c[0] for c in commands] == ["ingest", "stats", "serve"]
    for arguments in commands[:-1]:
        arguments = [str(root / a) if a == "examples/" else a for a in arguments]
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, result.output
    assert _serves(commands[-1], port=port), "`fuente serve` did not answer"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serves(arguments: list[str], *, port: int) -> bool:
    """Run `fuente ARGUMENTS` in its own process until it answers on ``port``, then stop it."""
    import subprocess
    import sys
    import time
    import urllib.request

    fuente = Path(sys.executable).with_name("fuente")
    server = subprocess.Popen([str(fuente), *arguments], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/search") as reply:
                    return reply.status == 200
            except OSError:
                time.sleep(0.2)
        return False
    finally:
        server.terminate()
        server.wait(timeout=10)
