"""A named speaker of a hand-written article, for the claims and corroboration tests."""

from fuente.records import Entity, Mention, Speaker


def named_speaker(doc: str, text: str, speaker: str) -> tuple[tuple, tuple, Speaker]:
    """``(entities, mentions, speaker)`` of a person named ``speaker`` at its first place in
    ``text``, speaking as that entity."""
    entity = Entity(f"{doc}#e1", doc, speaker, "PERSON", "t")
    at = text.index(speaker)
    mentions = (Mention(doc, entity.id, at, at + len(speaker), speaker, "PERSON", "t"),)
    return (entity,), mentions, Speaker(f"{doc}#s1", doc, "person", speaker, "t", entity=entity.id)
