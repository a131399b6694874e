"""Whether matched words are used in their event's sense here (issue 18): the clause's syntax
tells the sense, and where it tells another one there is no event.

* An idiom of the lexicon's ``idioms`` covers the words ("rally around", "stand by his
  words"): they carry none.
* A verb of ``object-senses`` with an object or a clause is another verb ("demonstrated
  that", "demonstrate strength" show; "rallied his supporters" gathers voters).
* A verb of ``complement-senses`` with a verb complement says something else than its event:
  "helped drive turnout" causes, "fighting to survive" struggles, "recognized that" knows.
* An event noun a word of ``kind-modifiers`` modifies is a thing of another kind ("campaign
  rallies", "the nomination fight", "interview requests", "a charm offensive").
* An event noun a determiner of ``generic-determiners`` opens is any event of its kind ("any
  new deal"), not one that took place.
* A word of ``act-words`` ("threat", "warning", "warned") is a threat only when it names the
  act threatened, an event of the lexicon ("the threat of sanctions", "warned it would
  retaliate"), warns someone to act ("warned Halvik to withdraw") or is made ("issued a
  warning"): "an existential threat", "warned that the
  plan is unacceptable" characterise.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fuente.actors.coding import noun_lemma
from fuente.events.lexicon import EventLexicon
from fuente.events.match import EventMatch, keys, match_at, phrase_tokens, skipped
from fuente.events.syntax import verb_is
from fuente.nlp.entity_view import entity_label
from fuente.records import Actor

__all__ = ["governed", "idiom_tokens", "other_sense", "verbal"]

VERBS = {"VERB", "AUX"}
NOUNS = {"NOUN", "PROPN"}
CLAUSE_COMPLEMENTS = {"ccomp", "xcomp"}
ACT_PREPOSITIONS = {"of", "against"}
CONTENT = {"xcomp", "acl", "dobj"}  # not a clause: "denied that troops fired" is told
PERSONAL = {"he", "she", "him", "her", "his", "i", "me", "my", "you"}


def idiom_tokens(doc: Doc, sentence: Span, lexicon: EventLexicon) -> set[int]:
    """The indices of the sentence's tokens that an idiom of the lexicon covers."""
    covered: set[int] = set()
    for token in sentence:
        for key in keys(token):
            for phrase in lexicon.idioms.get(key, ()):
                tokens = phrase_tokens(doc, token, phrase, sentence.end)
                if tokens is not None:
                    covered |= set(range(token.i, tokens[-1].i + 1))
    return covered


def other_sense(found: EventMatch, lexicon: EventLexicon) -> bool:
    """Whether the clause gives the matched words another sense than their event's."""
    anchor = found.anchor
    lemma = anchor.lemma_.lower()
    if anchor.pos_ in VERBS:
        if verb_is(anchor, "object-senses", lexicon) and any(
            child.dep_ in {"dobj", "ccomp"} for child in anchor.children
        ):
            return True
        if verb_is(anchor, "complement-senses", lexicon) and any(
            child.dep_ in CLAUSE_COMPLEMENTS and child.pos_ in VERBS for child in anchor.children
        ):
            return True
    if anchor.pos_ in NOUNS:
        lemma = noun_lemma(anchor)
        for child in anchor.children:
            if child.dep_ in {"compound", "amod"} and lexicon.has(
                "kind-modifiers", child.lemma_.lower()
            ):
                return True
            if child.dep_ == "det" and lexicon.has("generic-determiners", child.lower_):
                return True
    if lexicon.has("act-words", lemma) and len(found.tokens) == 1:
        return not _names_act(anchor, lexicon)
    return False


def _names_act(word: Token, lexicon: EventLexicon) -> bool:
    """Whether a word of threat names the act threatened, or is made by a light verb."""
    if word.dep_ in {"dobj", "attr"} and verb_is(word.head, "light-verbs", lexicon):
        return True
    end = word.sent.end
    for child in word.children:
        if child.dep_ == "xcomp" and child.pos_ in VERBS:
            return True  # "warned Halvik to withdraw": a demand on pain of a sanction
        if child.dep_ in CLAUSE_COMPLEMENTS | {"acl", "relcl"} and child.pos_ in VERBS:
            # the verb, or the event noun of a light verb ("would impose sanctions")
            acts = [child, *(c for c in child.children if c.dep_ == "dobj")]
        elif child.dep_ == "prep" and child.lower_ in ACT_PREPOSITIONS:
            acts = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
        else:
            continue
        if any(match_at(word.doc, act, lexicon, end) is not None for act in acts):
            return True
    return False


def verbal(doc: Doc, anchor: Token, sides: list[Actor], lexicon: EventLexicon) -> bool:
    """Whether an attack is verbal: a word of ``verbal-attacks`` whose every side is a named
    person or a personal pronoun ("Rubio attacked Trump", "she counterattacked him"), one
    politician's criticism of another, not violence."""
    if not sides or not lexicon.has("verbal-attacks", noun_lemma(anchor)):
        return False
    for actor in sides:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if entity_label(root) != "PERSON" and root.lower_ not in PERSONAL:
            return False
    return True


def governed(found: EventMatch, lexicon: EventLexicon) -> bool:
    """Whether the event is what a request or a refusal asks for or refuses: the complement of
    an event of a category of ``governing`` ("the refusal to support the bill", "a request to
    block the visit"), or the object of one of ``object-governing`` ("demanded the
    resignation of"; "dismissed the threat" rejects a threat that was made)."""
    anchor = found.anchor
    head = anchor.head
    if anchor.dep_ not in CONTENT or head.i == anchor.i:
        return False
    match = match_at(anchor.doc, head, lexicon, anchor.sent.end)
    if match is None or skipped(match, lexicon):  # "sought to block": an attempt, told
        return False
    section = "object-governing" if anchor.dep_ == "dobj" else "governing"
    return lexicon.has(section, match.pattern.category.lower())
