"""The outlet an article names in its own text ("Reporting by Ana Ruiz for Reuters").

The patterns of ``outlets.yaml`` find the stretch that holds the name; the name itself is the
run of capitalised words there (with the small words that join them, ``name-connectors`` of
the layout's languages' ``words.yaml``, ``LayoutRules.connectors``).
"""

from __future__ import annotations

import re

from fuente.clean.boilerplate import EXTRACTOR, LabelledPage
from fuente.clean.rules import LayoutRules
from fuente.records import Field

__all__ = ["find_outlet"]

MAX_OUTLET_WORDS = 6


def _name_span(
    flat: str, start: int, end: int, *, connectors: frozenset[str]
) -> tuple[int, int] | None:
    """The span of an outlet's name within a matched stretch: capitalised words (and the
    small words between them), cut at the first lowercase word or closing punctuation."""
    taken: list[tuple[int, int, bool]] = []
    for token in re.finditer(r"\S+", flat[start:end]):
        word = token.group()
        core = word.rstrip(",;:!?\"')")
        connector = core.casefold() in connectors
        if not core or not (core[0].isupper() or core[0].isdigit() or connector):
            break
        full_stop = core.endswith(".") and core.count(".") == 1
        core = core[:-1] if full_stop else core
        taken.append((start + token.start(), start + token.start() + len(core), connector))
        if full_stop or core != word:
            break
    while taken and taken[-1][2]:
        taken.pop()
    while taken and taken[0][2] and flat[taken[0][0]].islower():
        taken.pop(0)
    if not taken or len(taken) > MAX_OUTLET_WORDS:
        return None
    return taken[0][0], taken[-1][1]


def find_outlet(page: LabelledPage, rules: LayoutRules, doc_id: str) -> Field | None:
    """The outlet the text names, from the first kind of pattern (in the order of
    outlets.yaml) that matches a paragraph before the comment section."""
    connectors = rules.connectors
    for pattern in rules.outlets:
        for unit in page.units[: page.section]:
            match = pattern.match(unit.flat)
            if match is None:
                continue
            group = next((name for name, value in match.groupdict().items() if value), None)
            if group is None:
                continue
            span = _name_span(unit.flat, *match.span(group), connectors=connectors)
            if span is None or rules.not_outlet.fullmatch(unit.flat[span[0] : span[1]]):
                continue
            start, end = unit.start + span[0], unit.start + span[1]
            return Field(doc_id, "outlet", page.text[start:end], start, end, EXTRACTOR)
    return None
