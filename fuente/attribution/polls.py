"""Poll results an article relays from an outlet's poll.

"In a poll conducted by the New York Times and ABC News, just 28 percent of voters said they
had a positive view of Clinton. Asked if her email practices were illegal, 46 percent said
yes": the respondents answered the Times's poll, so what they said reaches the article through
that outlet, as "told the Times" does. ``poll_outlets`` finds the polls a document names with
the outlet that ran them; ``polled_through`` gives an unnamed speaker's attribution the outlet
of the last poll named before it in its paragraph. A poll of no known outlet ("a Quinnipiac
poll") relays nothing: the article's own report stands.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fuente.actors.speaker_lexicons import outlet_name
from fuente.lexicon import load_lexicon
from fuente.settings import Settings

__all__ = ["poll_outlets", "polled_through"]

RUNNERS = {"by", "for", "from"}  # "a poll conducted by", "a survey for", "a poll from"


def _named(text: str, settings: Settings) -> str | None:
    """The outlet ``text`` names: the first of several ("X and Y", "X/Y", "X-Y"), else the
    whole ("Agence France-Presse")."""
    text = " ".join(text.split())
    for joint in ("/", " and ", "-", ""):
        if joint and joint not in text:
            continue
        parts = text.split(joint) if joint else [text]
        for part in parts:
            part = part.strip(" ,")
            found = outlet_name(part, settings=settings) if part else None
            if found is not None:
                return found
    return None


def _runner(noun: Token, settings: Settings) -> str | None:
    """The outlet that ran the poll ``noun`` names: the words before it ("a New York
    Times/CBS News poll"), else the object of "by", "for" or "from" after it or after the
    verb that qualifies it ("conducted by")."""
    doc = noun.doc
    first = next((t.i for t in doc[noun.left_edge.i : noun.i] if t.pos_ != "DET"), noun.i)
    if first < noun.i:
        found = _named(doc[first : noun.i].text, settings)
        if found is not None:
            return found
    heads = [noun, *(c for c in noun.children if c.dep_ in {"acl", "relcl"})]
    for head in heads:
        for child in head.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in RUNNERS:
                for obj in (g for g in child.children if g.dep_ == "pobj"):
                    words = doc[obj.left_edge.i : obj.right_edge.i + 1]
                    found = _named(words.text, settings)
                    if found is not None:
                        return found
    return None


def poll_outlets(doc: Doc, *, settings: Settings) -> list[tuple[int, str]]:
    """``(offset, outlet)`` for each poll the document names with the known outlet that ran
    it, in the order they are written."""
    speakers = load_lexicon("speakers", settings=settings, language=doc.lang_)
    nouns = set(speakers.get("poll-nouns", ()))
    found = []
    for token in doc:
        if token.lemma_.lower() in nouns and token.pos_ in {"NOUN", "PROPN"}:
            outlet = _runner(token, settings)
            if outlet is not None:
                found.append((token.idx, outlet))
    return found


def polled_through(text: str, polls: list[tuple[int, str]], position: int) -> str | None:
    """The outlet of the last poll named before ``position`` in its paragraph, or None."""
    paragraph = text.rfind("\n", 0, position) + 1
    named = [outlet for offset, outlet in polls if paragraph <= offset < position]
    return named[-1] if named else None
