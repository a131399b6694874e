"""Independent corroboration: how many independent sources stand behind one claim.

Each member of a claim (one article's report of it) comes from an **origin**:

* an article that relays another outlet's reporting counts as that outlet: the speaker spoke
  to it ("told the Times": the attribution's ``through``), the article cites the outlet's
  report that cites the speaker (``via``), or the outlet itself is who the article cites
  ("according to AP's reporting");
* otherwise the article is its own origin, and counts once with every article of its
  syndication copy group and every article of its outlet.

Members whose origins share an outlet or a copy group are folded into one; the count is the
number left. So copies of one wire story count once, an outlet counts once however many of its
articles report the claim, and an unnamed source that several outlets cite from one original
report counts once, as that report's outlet. Members come oldest first; the first of each
origin stands for it (an article's own report before one relaying it), and every other
member says how it was folded in.
"""

from __future__ import annotations

from typing import Any

from fuente.actors.speaker_lexicons import outlet_called
from fuente.text import fold

__all__ = ["corroboration", "origin_groups"]


def _outlet_key(name: str | None) -> str | None:
    """One key for every name of one outlet: a known outlet's canonical name ("nyt", "the
    Times", "The New York Times"), else the name folded without a leading "the"."""
    if not name:
        return None
    folded = fold(outlet_called(name) or name)
    return folded.removeprefix("the ") or None


def relayed_outlet(member: dict[str, Any]) -> str | None:
    """The outlet whose reporting the member's article relays, or None (its own report)."""
    own = _outlet_key(member.get("outlet"))
    cited = [
        member.get("through"),
        member.get("via_outlet") if member.get("via_kind") == "outlet" else None,
        member.get("speaker_name") if member.get("speaker_kind") == "outlet" else None,
    ]
    for name in cited:
        if name and _outlet_key(name) != own:
            return name
    return None


def _keys(member: dict[str, Any]) -> set[str]:
    relayed = relayed_outlet(member)
    if relayed is not None:
        return {f"outlet:{_outlet_key(relayed)}"}
    keys = {f"group:{member['copy_group']}"}
    outlet = _outlet_key(member.get("outlet"))
    return keys | {f"outlet:{outlet}"} if outlet else keys


def _components(members: list[dict[str, Any]]) -> list[list[int]]:
    """Indexes of the members, grouped where their keys meet (oldest member first)."""
    parent = list(range(len(members)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first: dict[str, int] = {}
    for index, member in enumerate(members):
        for key in sorted(_keys(member)):
            if key in first:
                low, high = sorted((root(first[key]), root(index)))
                parent[high] = low
            else:
                first[key] = index
    groups: dict[int, list[int]] = {}
    for index in range(len(members)):
        groups.setdefault(root(index), []).append(index)
    return [groups[key] for key in sorted(groups)]


def _how(member: dict[str, Any], lead: dict[str, Any], origin: str) -> str:
    relayed = relayed_outlet(member)
    if relayed is not None:
        return f"relays {relayed}'s reporting"
    if member["copy_group"] == lead["copy_group"]:
        return f"a syndicated copy of {member['copy_group']}"
    outlet = _outlet_key(member.get("outlet"))
    if outlet and outlet in {_outlet_key(lead.get("outlet")), _outlet_key(origin)}:
        return f"the same outlet, {member['outlet']}"
    return f"shares an outlet or a copy group with another report folded into {origin}"


def origin_groups(members: list[dict[str, Any]]) -> list[list[int]]:
    """The indexes of ``members`` (oldest first) folded into each origin, in the order of the
    origins' oldest members; each group starts with the member that stands for its origin
    (its oldest own report, else its oldest relay)."""
    groups = []
    for group in _components(members):
        own = [index for index in group if relayed_outlet(members[index]) is None]
        groups.append([*own[:1], *(index for index in group if index not in own[:1])])
    return groups


def corroboration(members: list[dict[str, Any]]) -> dict[str, Any]:
    """``sources`` (how many independent origins), ``origins`` (each with the member that
    stands for it), ``folded`` (every other member, with the origin it was folded into and
    how) and ``unnamed_only`` (every member rests on an unnamed source)."""
    origins, folded = [], []
    for group in origin_groups(members):
        lead = members[group[0]]
        relayed = relayed_outlet(lead)
        name = relayed or lead.get("outlet") or lead["doc"]
        origins.append(
            {
                "origin": name,
                "doc": lead["doc"],
                "ref": lead["ref"],
                "how": f"relayed by {lead['doc']}" if relayed else "its own report",
            }
        )
        for index in group[1:]:
            member = members[index]
            folded.append(
                {"ref": member["ref"], "doc": member["doc"], "into": name,
                 "how": _how(member, lead, name)}
            )  # fmt: skip
    kinds = {member.get("speaker_kind") for member in members}
    return {
        "sources": len(origins),
        "origins": origins,
        "folded": folded,
        "unnamed_only": kinds == {"unnamed"},
    }
