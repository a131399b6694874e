"""The tense a time expression is spoken in: still to come, past, or not said.

``tense_of(doc, start, end, ahead=..., auxiliaries=...)`` reads the verb a date hangs on
("will vote on May 3": ahead; "rose in 1988": past; "the 2030 target": None). The words that
look ahead ("due", "by", "until"; "will", "may") come from the ``times`` lexicon.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fuente.lexicon import words

__all__ = ["governing_verb", "tense_of"]

MODIFIER = frozenset({"compound", "nmod", "amod", "poss", "nummod"})
DONE = words("done-auxiliaries")


def tense_of(
    doc: Doc,
    start: int,
    end: int,
    *,
    ahead: frozenset[str],
    auxiliaries: frozenset[str],
    morph_tenses: dict[str, str] | None = None,
) -> str | None:
    """``ahead`` when the date at ``start:end`` is still to come ("due March 1, 2011", "will
    vote on May 3"), ``past`` when the verb it hangs on is in a past tense ("rose in 1988",
    "has grown since 2019"), ``open`` when either may be meant ("planned to leave on Thursday"),
    else None (a date modifying a noun: "the 2030 target").

    ``morph_tenses`` (a language whose tags are no English ones: the times lexicon's
    ``morph-tenses``) maps the verb's and its auxiliaries' morphological ``Tense`` to a tense
    ("Fut": ahead, "Past": past), the future winning: "será votado el lunes"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for width in (3, 2):  # "as early as Tuesday", "no later than May 1"
        words = doc[max(0, span.start - width) : span.start]
        if len(words) == width and " ".join(t.lower_ for t in words) in ahead:
            return "ahead"
    before = doc[max(0, span.start - 2) : span.start]
    if (before and before[-1].lower_ in ahead) or (
        len(before) == 2 and before[0].lower_ in ahead and before[1].pos_ == "ADP"
    ):  # "due March 1", "until Friday", "due on March 1"; but not "by the Feb. 23 accord"
        verb = governing_verb(span.root)
        if verb is not None and "had" in _auxiliaries(verb):
            return None  # "until Thursday, they had not called him a suspect"
        return "ahead"
    token = span.root
    if token.dep_ in MODIFIER and token.head.pos_ in {"NOUN", "PROPN"}:
        return None
    for _ in range(4):  # up to the verb the date hangs on
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            break
        token = token.head
        if token.lower_ in ahead:
            return "ahead"
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    if morph_tenses:
        return _morph_tense(
            token, found=_auxiliaries(token), tenses=morph_tenses, ahead=auxiliaries
        )
    found = _auxiliaries(token)
    if token.tag_ == "VB" and "to" in found and _past(token.head):
        return "open"  # "staged celebrations to mark the entry on Friday": either side of then
    if found & auxiliaries or (token.tag_ == "VB" and "to" in found):
        return "ahead"  # "will vote on May 3", "plans to leave on Thursday"
    if found & DONE or token.tag_ == "VBD":
        return "past"
    return None


def _morph_tense(
    verb: Token, *, found: set[str], tenses: dict[str, str], ahead: frozenset[str]
) -> str | None:
    """The tense the morphology of a verb and its auxiliaries tells ("votará": ahead; "votó",
    "ha votado": past); an auxiliary of ``ahead`` ("va a votar") looks ahead."""
    if found & ahead:
        return "ahead"
    words = [verb, *(c for c in verb.children if c.dep_ in {"aux", "aux:pass", "auxpass"})]
    tenses = {key.lower(): value for key, value in tenses.items()}
    told = {tenses.get(tense.lower()) for word in words for tense in word.morph.get("Tense")}
    return "ahead" if "ahead" in told else "past" if "past" in told else None


def _past(verb: Token) -> bool:
    """Whether a verb is in a past tense ("staged", "had planned")."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(_auxiliaries(verb) & DONE))


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass", "aux:pass"}}


def governing_verb(token: Token, *, reach: int = 4) -> Token | None:
    """The verb a word hangs on, ``reach`` steps up the parse at most."""
    for _ in range(reach):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in {"VERB", "AUX"} else None
