"""How an article is sourced: a profile of who it rests on, computed from stored records.

``sourcing_profile`` is pure: it reads the records it is given and nothing else. Records
whose span lies inside an excluded range (boilerplate, a reader's comment) are never
counted, even where an extractor let one through.

Speaker kinds: ``person``, ``organisation``, ``outlet`` and ``document`` are *named*
sources; ``unnamed`` ones are described, not named ("a source briefed on the talks");
``author`` is the article asserting something on its own word. Non-responses ("declined to
comment") are recorded but are not claims, so they are counted apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from fuente.records import (
    NAMED_KINDS,
    SPEAKER_KINDS,
    Attribution,
    Document,
    ExcludedRange,
    LeadStatement,
    Speaker,
)

__all__ = [
    "NON_RESPONSE",
    "UNNAMED_ONLY",
    "corroborated_lead",
    "counted",
    "inside_excluded",
    "sourcing_profile",
]

NON_RESPONSE = "non-response"
UNNAMED_ONLY = "unnamed-only"


def inside_excluded(start: int, end: int, excluded: Iterable[ExcludedRange]) -> bool:
    """Whether ``[start, end)`` lies wholly inside one of the excluded ranges."""
    return any(r.start <= start and end <= r.end for r in excluded)


def counted(
    attributions: Iterable[Attribution], excluded: Sequence[ExcludedRange]
) -> list[Attribution]:
    """The attributions whose content is article text, not inside an excluded range."""
    return [
        a for a in attributions if not inside_excluded(a.content_start, a.content_end, excluded)
    ]


def _by_kind(claims: Sequence[Attribution], speakers: dict[str, Speaker]) -> dict[str, int]:
    """Claims counted by their speaker's kind; one whose speaker is unknown counts in none."""
    counts = dict.fromkeys(SPEAKER_KINDS, 0)
    for attribution in claims:
        speaker = speakers.get(attribution.speaker or "")
        if speaker is not None and speaker.kind in counts:
            counts[speaker.kind] += 1
    return counts


def _outlets(claims: Sequence[Attribution], speakers: dict[str, Speaker]) -> list[dict[str, Any]]:
    """Outlets relied on: outlet speakers and the outlets spoken through, most used first."""
    counts: Counter[str] = Counter()
    for attribution in claims:
        names = {attribution.through} if attribution.through else set()
        speaker = speakers.get(attribution.speaker or "")
        if speaker is not None and speaker.kind == "outlet":
            names.add(speaker.name)
        counts.update(names)
    return [{"name": name, "count": count} for name, count in counts.most_common()]


def _unnamed_speakers(
    claims: Sequence[Attribution], speakers: dict[str, Speaker]
) -> list[dict[str, Any]]:
    """Each unnamed speaker some claim rests on, in the order they are first cited."""
    cited = dict.fromkeys(a.speaker for a in claims if a.speaker is not None)
    return [
        {
            "description": speaker.description or speaker.name,
            "country": speaker.country,
            "sector": speaker.sector,
            "count": speaker.count,
        }
        for speaker in (speakers[key] for key in cited if key in speakers)
        if speaker.kind == "unnamed"
    ]


def _non_responses(
    non_responses: Sequence[Attribution], speakers: dict[str, Speaker]
) -> dict[str, Any]:
    who = dict.fromkeys(speakers[a.speaker].name for a in non_responses if a.speaker in speakers)
    return {"count": len(non_responses), "who": list(who)}


def _lead(
    document: Document, lead: Iterable[LeadStatement], excluded: Sequence[ExcludedRange]
) -> list[dict[str, Any]]:
    return [
        {
            "part": statement.part,
            "start": statement.start,
            "end": statement.end,
            "text": document.text[statement.start : statement.end],
            "support": statement.support,
            "attributions": list(statement.attributions),
        }
        for statement in lead
        if not inside_excluded(statement.start, statement.end, excluded)
    ]


def sourcing_profile(
    document: Document,
    attributions: Iterable[Attribution],
    speakers: Iterable[Speaker],
    lead: Iterable[LeadStatement],
    *,
    excluded: Sequence[ExcludedRange] = (),
) -> dict[str, Any]:
    """Who one article rests on: counts of its claims by kind of speaker, the outlets and
    unnamed sources it relies on, its non-responses, and what its title, deck and lead
    statements are supported by.

    ``attributions`` counts claims only (non-responses are apart); ``named`` is the claims of
    person, organisation, outlet and document speakers, ``unnamed`` those of unnamed ones and
    ``author`` those the article makes on its own word. A claim whose speaker is unknown counts
    in ``attributions`` alone.
    """
    by_id = {speaker.id: speaker for speaker in speakers}
    kept = counted(attributions, excluded)
    claims = [a for a in kept if a.kind != NON_RESPONSE]
    by_kind = _by_kind(claims, by_id)
    statements = _lead(document, lead, excluded)
    return {
        "doc": document.id,
        "attributions": len(claims),
        "by_kind": by_kind,
        "named": sum(by_kind[kind] for kind in NAMED_KINDS),
        "unnamed": by_kind["unnamed"],
        "author": by_kind["author"],
        "non_responses": _non_responses([a for a in kept if a.kind == NON_RESPONSE], by_id),
        "outlets": _outlets(claims, by_id),
        "unnamed_speakers": _unnamed_speakers(claims, by_id),
        "lead": statements,
        "unnamed_only": [s for s in statements if s["support"] == UNNAMED_ONLY],
    }


def corroborated_lead(
    lead: Sequence[dict[str, Any]], claims: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """How far others corroborate each of an article's ``lead`` statements (its sourcing
    profile's): ``part``, ``start``, ``end``, and ``claim``, the claim across articles (a
    ``fuente.query.claims.claim_summaries`` entry of ``claims``, by attribution id) of the
    attributions it rests on with the most independent sources besides this article, or
    None; ``corroborated`` when that number is one or more. One entry a statement, in order."""
    found = []
    for statement in lead:
        reported = [claims[ref] for ref in statement["attributions"] if ref in claims]
        best = max(reported, key=lambda claim: claim["others"]["sources"], default=None)
        found.append(
            {
                "part": statement["part"],
                "start": statement["start"],
                "end": statement["end"],
                "claim": best,
                "corroborated": best is not None and best["others"]["sources"] > 0,
            }
        )
    return found
