"""Dependency-tree helpers shared by the event modules: where a noun event's verb is, what a
preposition governs, whether a verb is an infinitive, how far a coordinated phrase runs."""

from __future__ import annotations

from spacy.tokens import Span, Token

from fuente.actors.coding import noun_lemma
from fuente.actors.speakers import trim
from fuente.events.lexicon import EventLexicon
from fuente.lexicon import words

__all__ = [
    "definite",
    "governor",
    "infinitive",
    "light",
    "object_of",
    "slot",
    "state_verb",
    "trimmed",
    "until_clause",
    "verb_is",
]

DEFINITE = words("definite-determiners")
# Endings of inflected verbs and what their base may end in instead ("carried" -> "carry",
# "staged" -> "stage", "held" is left to the lemmatiser).
INFLECTIONS = (
    ("ied", ("y",)),
    ("ies", ("y",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
    ("es", ("", "e")),
    ("s", ("",)),
)


def object_of(preposition: Token) -> Token | None:
    """The noun (or clause) a preposition governs."""
    return next((c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}), None)


def infinitive(verb: Token) -> bool:
    """Whether a verb is an infinitive: "to" before it, or, in a language whose verbs show it
    in their form ("reunirse"), that form."""
    if verb.lang_ not in {"", "en"} and "Inf" in verb.morph.get("VerbForm"):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def verb_is(verb: Token, section: str, lexicon: EventLexicon) -> bool:
    """Whether a verb is one of a lexicon section's lemmas, by its lemma or, where the
    lemmatiser slipped ("staged" -> "stag"), by the base its inflection implies."""
    lemma, lower = verb.lemma_.lower(), verb.lower_
    if lexicon.has(section, lemma):
        return True
    for suffix, endings in INFLECTIONS:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            return any(lexicon.has(section, stem + ending) for ending in endings)
    return False


def definite(anchor: Token) -> bool:
    """Whether a noun event is introduced as one already met ("the talks")."""
    return anchor.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in anchor.children
    )


def slot(anchor: Token, lexicon: EventLexicon) -> Token:
    """The noun that stands in the verb's slot for a noun event: the event itself, or the
    measure it is counted in ("launched ten days of war games", "a round of talks")."""
    preposition = anchor.head
    if anchor.dep_ != "pobj" or preposition.lower_ != "of" or preposition.dep_ != "prep":
        return anchor
    measure = preposition.head
    return measure if lexicon.has("measures", noun_lemma(measure)) else anchor


def governor(anchor: Token, lexicon: EventLexicon) -> Token | None:
    """The verb whose time, place and negation are those of a noun event: a light verb
    ("held talks"), a verb of undergoing ("faced sanctions"), of occurring ("the talks
    took place") or of taking part ("were engaged in ethnic cleansing in Montenegro")."""
    if (verb := state_verb(anchor, lexicon)) is not None:
        return verb
    if anchor.pos_ not in {"NOUN", "PROPN"} or anchor.head.i == anchor.i:
        return None
    anchor = slot(anchor, lexicon)
    verb = anchor.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if anchor.dep_ in {"dobj", "attr"} and (
        verb_is(verb, "light-verbs", lexicon) or verb_is(verb, "undergoing", lexicon)
    ):
        return verb
    if anchor.dep_ in {"nsubj", "nsubjpass"} and verb_is(verb, "occurrence", lexicon):
        return verb
    return None


def state_verb(anchor: Token, lexicon: EventLexicon) -> Token | None:
    """The verb whose subject is in or takes part in a noun event, which its prepositional
    phrase names: "were engaged in ethnic cleansing", "remained on alert", "went on strike"
    (``anchor`` the noun, or the preposition where the event's words begin with it)."""
    preposition = anchor if anchor.dep_ == "prep" else anchor.head
    if anchor.dep_ not in {"pobj", "prep"} or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if preposition.lower_ == "in" and verb_is(verb, "participation", lexicon):
        return verb
    if preposition.lower_ == "on" and verb_is(verb, "state-verbs", lexicon):
        return verb
    return None


def light(anchor: Token, verb: Token | None, lexicon: EventLexicon) -> bool:
    """Whether ``verb`` is a light verb whose object is the noun event ("held talks")."""
    return (
        verb is not None
        and slot(anchor, lexicon).dep_ in {"dobj", "attr"}
        and verb_is(verb, "light-verbs", lexicon)
    )


def trimmed(span: Span) -> Span:
    """``span`` without punctuation or spaces at either end (empty when that is all it has)."""
    return trim(span) or span.doc[span.start : span.start]


def until_clause(span: Span) -> Span:
    """``span`` up to the first verb that opens a clause of its own."""
    for token in span:
        if token.pos_ == "VERB" and token.dep_ in {"relcl", "acl", "ROOT", "advcl"}:
            return span.doc[span.start : token.i]
    return span
