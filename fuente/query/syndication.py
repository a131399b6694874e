"""Syndicated copies as rows: each copy group with its origin, and the passages reused.

``fuente.corpus.syndication`` records, as articles arrive, which stored article each new one
copies (its group is named by the first member stored) and which passages it reuses. The
origin of a group is chosen here, when it is read, so that it follows what is stored now: the
member whose outlet is a news agency (``fuente/data/wires.yaml``; the earliest of them if
several), else the earliest member by date, a member with no date coming last.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from fuente.lexicon import read_lexicon
from fuente.store.database import Store
from fuente.store.syndication import copy_rows, group_rows, reuse_rows

__all__ = ["copy_groups", "origin_of", "syndication_rows"]


def _wires() -> frozenset[str]:
    return frozenset(str(name) for name in read_lexicon("wires", lexicon_dir=None)["wires"])


def origin_of(members: list[dict[str, Any]], wires: frozenset[str]) -> tuple[str, str]:
    """The origin of a copy group (its members' ``doc``, ``published``, ``outlet``) and why."""
    by_date = sorted(
        members, key=lambda m: (m["published"] is None, m["published"] or "", m["doc"])
    )
    agencies = [m for m in by_date if m["outlet"] in wires]
    if agencies:
        return agencies[0]["doc"], f"the news agency's copy ({agencies[0]['outlet']})"
    if by_date[0]["published"] is None:
        return by_date[0]["doc"], "no member is dated: the first stored"
    return by_date[0]["doc"], "the earliest copy"


def copy_groups(store: Store) -> list[dict[str, Any]]:
    """Every copy group: its ``group`` id, ``origin`` and why, and its members (document,
    date, outlet, title, the share of its words found in the group and why it joined)."""
    copies = defaultdict(list)
    for row in copy_rows(store.db):
        copies[row["copy_of"]].append(row)
    wires = _wires()
    groups = []
    for root, rows in copies.items():
        joined = {row["doc"]: row for row in rows}
        members = group_rows(store.db, [root, *joined])
        for member in members:
            found = joined.get(member["doc"])
            member["share"] = found["share"] if found else None
            member["reason"] = found["reason"] if found else "first stored"
        origin, why = origin_of(members, wires)
        groups.append({"group": root, "origin": origin, "origin_reason": why, "members": members})
    return groups


def syndication_rows(store: Store) -> Iterator[dict[str, Any]]:
    """``fuente export syndication``: one row per member of a copy group (``kind`` origin or
    copy), then one per reused passage (``kind`` reuse, with both spans)."""
    for group in copy_groups(store):
        for member in group["members"]:
            kind = "origin" if member["doc"] == group["origin"] else "copy"
            yield {
                "doc": member["doc"], "kind": kind, "group": group["group"],
                "origin": group["origin"], "outlet": member["outlet"],
                "published": member["published"], "share": member["share"],
                "reason": group["origin_reason"] if kind == "origin" else member["reason"],
                "start": None, "end": None, "source_doc": None, "source_start": None,
                "source_end": None,
            }  # fmt: skip
    for reused in reuse_rows(store.db):
        yield {
            "doc": reused["doc"], "kind": "reuse", "group": None, "origin": None,
            "outlet": None, "published": None, "share": reused["similarity"],
            "reason": "passage reused", "start": reused["start"], "end": reused["end"],
            "source_doc": reused["source_doc"], "source_start": reused["source_start"],
            "source_end": reused["source_end"],
        }  # fmt: skip
