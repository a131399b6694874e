"""The one view of a document's entities that every rule reads.

``entity_view`` reads ``doc._.fuente_entities`` (the clusters ``fuente.nlp.entities`` made)
once per Doc: for each token, the mention it is part of, with its cluster's type
(``entity_at``, ``entity_label``, ``entity_span``). No rule reads the tagger's
``token.ent_type_`` or ``doc.ents`` itself, so what clustering decides reaches all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

__all__ = [
    "Clusters", "EntityMention", "EntityView", "entity_at", "entity_label", "entity_span",
    "entity_view",
]  # fmt: skip

# ``doc._.fuente_entities``: (name, type, mentions (start char, end char, tagger's label)).
Clusters = tuple[tuple[str, str, tuple[tuple[int, int, str], ...]], ...]


@dataclass(frozen=True, slots=True)
class EntityMention:
    """The entity a run of tokens names, as every rule downstream reads it.

    ``start`` and ``end`` are token indices. ``label`` is the type of the token's entity
    after clustering ("once a PERSON, always a PERSON") for a name, the tagger's label for
    what is no name (DATE, CARDINAL, ...). ``entity`` is the index of its cluster in
    ``doc._.fuente_entities``, and ``name`` that cluster's name; both are None outside a
    cluster's mentions: a date, a number, or the words of a tagged name the cluster leaves
    out ("the" of "the United States", "Mr." of "Mr. Varga").
    """

    start: int
    end: int
    label: str
    entity: int | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class EntityView:
    """The entities of one Doc: its clusters, and the mention each token is part of."""

    clusters: Clusters
    at: dict[int, EntityMention]


def entity_view(doc: Doc) -> EntityView:
    """The Doc's entities, worked out once from ``doc._.fuente_entities`` and the tagger's
    spans, and kept in its ``user_data``."""
    clusters = doc._.fuente_entities
    view = doc.user_data.get("fuente_entity_view")
    if view is None or view.clusters is not clusters:
        view = doc.user_data["fuente_entity_view"] = _build_view(doc, clusters)
    return view


def _build_view(doc: Doc, clusters: Clusters) -> EntityView:
    at: dict[int, EntityMention] = {}
    for index, (name, entity_type, mentions) in enumerate(clusters):
        for start, end, _ in mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            mention = EntityMention(span.start, span.end, entity_type, index, name)
            for token in span:
                at.setdefault(token.i, mention)
    for ent in doc.ents:
        inside = [at[i] for i in range(ent.start, ent.end) if i in at]
        label = inside[0].label if inside else ent.label_
        rest = EntityMention(ent.start, ent.end, label)
        for i in range(ent.start, ent.end):
            at.setdefault(i, rest)
    return EntityView(clusters, at)


def entity_at(token: Token) -> EntityMention | None:
    """The entity mention ``token`` is part of, if any."""
    return entity_view(token.doc).at.get(token.i)


def entity_label(token: Token) -> str:
    """The entity label of ``token`` (see ``EntityMention.label``), "" outside every entity."""
    mention = entity_at(token)
    return mention.label if mention is not None else ""


def entity_span(token: Token) -> Span | None:
    """The words of the entity mention ``token`` is part of, if any."""
    mention = entity_at(token)
    return token.doc[mention.start : mention.end] if mention is not None else None
