"""Who acts and who is acted on in an event a noun carries ("the talks", "a curfew", "the
withdrawal of troops"): read off the noun's own modifiers and prepositions and off the verb
that governs it.

``NounEventActors`` works beside ``fuente.events.actors.EventActors``, whose subjects,
objects and coding it uses:

* a noun's "by", possessive or national modifier is its source, its "of"/"against"/"on"
  object the target; "talks between A and B" have A and B as their two sides;
* a light verb ("held talks", "granted asylum to") lends the noun its subject and objects,
  a verb of undergoing ("faced sanctions") makes its subject the target;
* who goes somewhere for an event is its source ("returned to Geneva for talks"), and whom
  an event's purpose acts on its target ("a hunger strike to protest the decision");
* the partners of a reciprocal event ("talks with the rebels") are actors beside its source.
"""

from __future__ import annotations

from spacy.tokens import Token

from fuente.events.actors import EventActors
from fuente.events.syntax import (
    infinitive,
    light,
    object_of,
    state_verb,
    trimmed,
    until_clause,
    verb_is,
)
from fuente.records import Actor

__all__ = ["NounEventActors"]


class NounEventActors:
    """Finds the actors of the noun events of one Doc, with the helpers of ``verbs``."""

    def __init__(self, verbs: EventActors) -> None:
        self.verbs = verbs
        self.doc = verbs.doc
        self.coder = verbs.coder
        self.lexicon = verbs.lexicon

    def of_noun(self, anchor: Token, governor: Token | None) -> tuple[list[Actor], list[Actor]]:
        """``(sources, targets)`` of an event a noun carries; ``governor`` is its verb."""
        lexicon = self.lexicon
        sides = self.between_sides(anchor, governor)
        if sides is not None:
            return sides
        sources = self.verbs.modifier_actors(anchor)
        undergone = (
            governor is not None
            and anchor.dep_ == "dobj"
            and verb_is(governor, "undergoing", lexicon)
        )
        if undergone:
            return self.undergone(governor, sources)
        if not sources and light(anchor, governor, lexicon):
            subject, passive = self.verbs.subject(governor)
            sources = [] if passive else self.verbs.heads(subject)
        if not sources:
            sources = self.purpose_sources(anchor)
        targets = self.preposition_targets(anchor)
        if not targets and light(anchor, governor, lexicon):
            targets = self.light_targets(anchor, governor)
        if not targets:
            targets = self.verbs.complement_subjects(anchor, sources)
        return self.verbs.actors(sources), self.verbs.actors(targets)

    def between_sides(
        self, anchor: Token, governor: Token | None
    ) -> tuple[list[Actor], list[Actor]] | None:
        """The two sides of "talks between A and B", or the one acting on both ("launched a
        mediation effort between A and B": the mediator), else None."""
        for child in anchor.children:
            if child.dep_ != "prep" or child.lower_ != "between":
                continue
            pair = self.between(child)
            if pair is None:
                continue
            subject, passive = (None, False)
            if light(anchor, governor, self.lexicon):
                subject, passive = self.verbs.subject(governor)
            third = [] if passive else self.verbs.actors(self.verbs.heads(subject))
            if third and not {(a.start, a.end) for a in third} & {(a.start, a.end) for a in pair}:
                return third, list(pair)
            return [pair[0]], [pair[1]]
        return None

    def undergone(self, governor: Token, sources: list[Token]) -> tuple[list[Actor], list[Actor]]:
        """An event the governing verb's subject undergoes ("faced sanctions from the EU"): the
        subject is the target, the source the noun's own or the verb's "from"/"by"."""
        subject, _ = self.verbs.subject(governor)
        targets = self.verbs.heads(subject)
        if not sources:
            sources = next(
                (
                    self.verbs.heads(object_of(child))
                    for child in governor.children
                    if child.dep_ == "prep" and child.lower_ in {"from", "by"}
                ),
                [],
            )
        return self.verbs.actors(sources), self.verbs.actors(targets)

    def preposition_targets(self, anchor: Token) -> list[Token]:
        """The target of the noun's "of" or target preposition; a phrase on the last of
        coordinated nouns is all of theirs ("artillery and rocket fire against the camps")."""
        words = [anchor, *(t for t in anchor.conjuncts if t.i > anchor.i)]
        for child in (child for word in words for child in word.children):
            of = self.lexicon.has("of-prepositions", child.lower_)
            if child.dep_ == "prep" and (
                of or self.lexicon.has("target-prepositions", child.lower_)
            ):
                thing = object_of(child)
                targets = self.verbs.heads(thing)
                if not targets and thing is not None:
                    targets = self.verbs.thing_targets(thing, whose=not of)
                if targets:
                    return targets
        return []

    def light_targets(self, anchor: Token, governor: Token) -> list[Token]:
        """The target a light verb lends its noun: its other objects ("granted asylum to X"),
        else what its target preposition's thing leads to ("fired rockets at X villages")."""
        targets = [
            t for t in self.verbs.object_heads(governor) if t.i != anchor.i and t.dep_ != "dobj"
        ]
        if targets:
            return targets
        return next(
            (
                found
                for child in governor.children
                if child.dep_ == "prep" and self.lexicon.has("target-prepositions", child.lower_)
                if (thing := object_of(child)) is not None
                if (found := self.verbs.thing_targets(thing, whose=True))
            ),
            [],
        )

    def purpose_sources(self, noun: Token) -> list[Token]:
        """Who goes somewhere for an event or is in it: the subject of the verb whose purpose
        the noun is ("negotiators return to Geneva for talks", "thousands converged for a
        rally") or whose state ("troops remained on alert", "workers went on strike")."""
        verb = state_verb(noun, self.lexicon)  # "were engaged in ethnic cleansing"
        if verb is None:
            preposition = noun.head
            if noun.dep_ != "pobj" or preposition.dep_ != "prep":
                return []
            if not self.lexicon.has("purpose-prepositions", preposition.lower_):
                return []
            verb = preposition.head
            if verb.pos_ not in {"VERB", "AUX"}:
                return []
        subject, passive = self.verbs.subject(verb)
        return [] if passive else self.verbs.heads(subject)

    def purpose_targets(self, anchor: Token, verb: Token | None) -> list[Actor]:
        """The target of what an event is done for ("staged a hunger strike to protest the
        president's failure", "blocked roads to press their demands on the government",
        "a rally in protest against the new law"): who the purpose clause acts on."""
        words = [anchor, verb]
        if anchor.dep_ == "pobj":  # "converged on the capital for a rally to protest X"
            words.append(anchor.head.head)
        for word in words:
            if word is None:
                continue
            for child in word.children:
                clause = child.dep_ in {"advcl", "xcomp", "acl"} and infinitive(child)
                if clause and (found := self.verbs.of_verb(child)[1]):
                    return found
                if child.dep_ == "prep" and child.lower_ == "in":
                    noun = object_of(child)
                    protest = noun is not None and noun.pos_ == "NOUN" and noun.i != anchor.i
                    if protest and (found := self.of_noun(noun, None)[1]):
                        return found
        return []

    def partners(self, anchor: Token, verb: Token | None) -> list[Actor]:
        """The partners named by "with" on a reciprocal event ("held talks with Romania's
        leaders", "met with the rebels"): PLOVER codes every side of a meeting as its
        actor, with no target."""
        found: list[Actor] = []
        for word in (anchor, verb):
            if word is None:
                continue
            for child in word.children:
                if child.dep_ == "prep" and self.lexicon.has("partner-prepositions", child.lower_):
                    found += self.verbs.actors(self.verbs.heads(object_of(child)))
        return found

    def between(self, preposition: Token) -> tuple[Actor, Actor] | None:
        """The two sides of "between A and B", split at the "and" whatever the parse."""
        inside = object_of(preposition)
        if inside is None:
            return None
        words = self.doc[inside.left_edge.i : inside.right_edge.i + 1]
        split = next((t for t in words if t.dep_ == "cc" and t.lower_ == "and"), None)
        if split is None:
            return None
        first, second = self.doc[words.start : split.i], self.doc[split.i + 1 : words.end]
        second = until_clause(second)
        if not len(first) or not len(second):
            return None
        one, other = first.root, second.root
        if not (self.coder.is_actor(one) and self.coder.is_actor(other)):
            return None
        coder = self.coder
        return coder.code(one, words=trimmed(first)), coder.code(other, words=trimmed(second))
