"""The house's import direction: a module imports its own package and the packages below it."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "fuente"
# Lower imports nothing higher. Equal ranks are separate stages that do not know each other.
RANKS = {
    "_version": 0, "errors": 0, "records": 0, "settings": 1, "lexicon": 2, "text": 0, "days": 0,
    "readers": 3, "clean": 3, "nlp": 3, "store": 3,
    "actors": 4,
    "attribution": 5, "times": 5,
    "events": 6,
    "pipeline": 7, "query": 7, "corpus": 7,
    "screen": 8, "picture": 8, "shards": 8,
    "workers": 9, "ray_engine": 9,
    "ingest": 10,
    "web": 11,
    "cli": 12,
}  # fmt: skip


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def stage(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported(path: Path) -> list[tuple[int, str]]:
    """``(line, dotted name)`` of every fuente module ``path`` imports, wherever it does."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("fuente")]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("fuente"):
            found.append((node.lineno, node.module))
    return found


def test_imports_every_stage_has_a_rank() -> None:
    assert {stage(path) for path in modules()} <= set(RANKS)
    for name in RANKS:
        folder = PACKAGE / name
        if folder.is_dir():
            assert (folder / "__init__.py").read_text(encoding="utf-8").startswith('"""'), name


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_down_the_house(path: Path) -> None:
    own = stage(path)
    for line, name in imported(path):
        parts = name.split(".")
        assert len(parts) > 1, f"{path.name}:{line} imports the package root"
        target = parts[1]
        assert target == own or RANKS[target] < RANKS[own], (
            f"{path.relative_to(PACKAGE)}:{line} ({own}, rank {RANKS[own]}) imports {name} "
            f"({target}, rank {RANKS[target]})"
        )


def test_house_no_two_public_classes_share_a_name() -> None:
    seen: dict[str, str] = {}
    for path in modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                where = str(path.relative_to(PACKAGE))
                assert node.name not in seen, f"{node.name} in {seen[node.name]} and {where}"
                seen[node.name] = where
