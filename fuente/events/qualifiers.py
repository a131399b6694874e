"""What the words around an event say of it: negation, modality, date, place, attribution.

``EventQualifiers`` reads, for the words carrying an event (and the verb governing a noun
event, if any):

* negation ("was not apprehended", "decided not to help");
* modality from the words that govern the event (planned, threatened, hypothetical,
  denied; else happened), and whether an auxiliary puts it in the future;
* the date: the time expression of the time layer within the event's clause or just
  before its noun ("the January 3, 2023, US operation");
* the place named by a prepositional phrase on it ("in Caracas");
* the innermost attribution whose content holds the event.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fuente.events.lexicon import EventLexicon
from fuente.events.syntax import infinitive, object_of
from fuente.nlp.annotate import doc_text
from fuente.nlp.entity_view import entity_label
from fuente.records import Actor, Attribution, TimeExpr
from fuente.times.statements import holding_attribution

__all__ = ["EventQualifiers"]

CLAUSE_UP = {"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "pobj", "prep", "dobj"}
CLAUSES = {"relcl", "acl", "ccomp", "advcl"}
DATED = {"DATE", "TIME"}
PLACES = {"GPE", "LOC", "FAC"}


class EventQualifiers:
    """Qualifies the events of one Doc from its parse, time expressions and attributions."""

    def __init__(
        self,
        doc: Doc,
        *,
        lexicon: EventLexicon,
        attributions: list[Attribution],
        times: list[TimeExpr],
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.attributions = attributions
        self.text = doc_text(doc)
        self.times = []  # (time expression, indices of its tokens)
        for time in times:
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if time.type in DATED and span is not None:
                self.times.append((time, span.start, span.end))

    @staticmethod
    def clause(anchor: Token, governor: Token | None) -> Token:
        """The word whose clause is the event's: the governing verb of a noun event."""
        return governor if governor is not None else anchor

    def negated(self, anchor: Token, governor: Token | None) -> bool:
        lexicon = self.lexicon
        for word in (anchor, governor):
            if word is None:
                continue
            for child in word.children:
                denies = child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no")
                if denies and lexicon.has("negation", child.lower_):
                    return True
        return self.refused(anchor, governor)

    def possible(self, anchor: Token, governor: Token | None) -> bool:
        """Whether an auxiliary of the event's own clause makes it a possibility ("could
        attack", "might impose sanctions"), not a word further up ("if he said they attacked")."""
        word = self.clause(anchor, governor)
        return any(
            child.dep_ == "aux" and self.lexicon.has("hypothetical", child.lower_)
            for child in word.children
        )

    def refused(self, anchor: Token, governor: Token | None) -> bool:
        """Whether the event is governed by a verb that says it did not take place ("refused
        to meet", "failed to reach an agreement")."""
        word = self.clause(anchor, governor)
        return word.dep_ == "xcomp" and self.lexicon.has("negating", word.head.lemma_.lower())

    def modality(self, anchor: Token, governor: Token | None) -> tuple[str, bool]:
        """``(modality, future)``: what the governing words make of the event, and whether
        an auxiliary puts it in the future."""
        lexicon = self.lexicon
        seen: list[str] = []
        future = False
        word = self.clause(anchor, governor)
        # the features of the verb's own form, for a language that inflects for the future
        # or the conditional ("viajará": tense=fut, "atacaría": mood=cnd)
        features = [str(feature).lower() for feature in word.morph]
        future = any(lexicon.has("future", feature) for feature in features)
        seen += features
        for step in range(4):
            for child in word.children:
                lower = child.lower_
                if child.dep_ in {"aux", "auxpass"}:
                    if lexicon.has("future", lower) and step == 0:
                        future = True
                    seen.append(child.lemma_.lower() if not lexicon.has("future", lower) else lower)
                elif child.dep_ == "mark":
                    seen.append(lower)
            if step > 0 or word.i != anchor.i:
                seen.append(word.lemma_.lower())
            if word.dep_ not in CLAUSE_UP or word.head.i == word.i:
                break
            word = word.head
        for modality in ("denied", "threatened", "hypothetical", "planned"):
            if any(lexicon.has(modality, item) for item in seen if item != anchor.lemma_.lower()):
                return modality, future and modality == "planned"
        return "happened", False

    def scope(self, word: Token) -> set[int]:
        """Tokens of the clause of ``word``, without clauses of its own that do not say
        when it took place ("talks, all of whom spoke to the Times on Saturday")."""
        inside = {word.i}
        for child in word.children:
            clause = child.dep_ in CLAUSES and child.pos_ in {"VERB", "AUX"}
            if clause and not self.lexicon.has("occurrence", child.lemma_.lower()):
                continue
            inside |= {t.i for t in child.subtree}
        return inside

    def date(self, anchor: Token, governor: Token | None) -> TimeExpr | None:
        word = self.clause(anchor, governor)
        scope = self.scope(word)
        nouns = [t for t in (anchor, word) if t.pos_ in {"NOUN", "PROPN"}]
        if anchor.dep_ in {"acl", "relcl"} and infinitive(anchor):
            nouns.append(anchor.head)
            scope |= self.scope(anchor.head)
        best: tuple[int, TimeExpr] | None = None
        for time, first, last in self.times:
            opener = self.doc[first - 1] if first else None
            if opener is not None and self.lexicon.has("not-at-prepositions", opener.lower_):
                continue
            inside = any(i in scope for i in range(first, last))
            before = any(self._just_before(time, noun) for noun in nouns)
            if not (inside or before):
                continue
            rank = (0 if not time.value.startswith("X") else 1000) + abs(time.start - anchor.idx)
            if best is None or rank < best[0]:
                best = (rank, time)
        return best[1] if best else None

    def _just_before(self, time: TimeExpr, noun: Token) -> bool:
        """Whether ``time`` is a premodifier of the phrase of ``noun``: "the 2018 coup",
        "the January 3, 2023, US operation"."""
        start = noun.left_edge.idx
        if time.end > start:
            return time.start >= start and time.end <= noun.idx
        gap = self.text[time.end : start]
        return len(gap) <= 3 and not gap.strip(" ,'’s")

    def place(self, anchor: Token, governor: Token | None, avoid: set[int]) -> Token | None:
        """The head of the place the event's clause names, outside the tokens ``avoid``."""
        word = self.clause(anchor, governor)
        for index in sorted(self.scope(word), key=lambda i: abs(i - anchor.i)):
            preposition = self.doc[index]
            if preposition.dep_ != "prep" or index in avoid:
                continue
            if not self.lexicon.has("location-prepositions", preposition.lower_):
                continue
            place = self.named_place(object_of(preposition))
            if place is not None:
                return place
        return None

    def named_place(self, noun: Token | None) -> Token | None:
        """``noun`` if it is a named place, or the place it names with "of" ("the town of
        Samarra", "the province of Herat")."""
        if noun is None or entity_label(noun) in PLACES:
            return noun
        if not self.lexicon.has("place-nouns", noun.lemma_.lower()):
            return None
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                named = object_of(child)
                if named is not None and entity_label(named) in PLACES | {"NORP"}:
                    return named
        return None

    def covered(self, actors: list[Actor]) -> set[int]:
        """Indices of the tokens within the words of ``actors``."""
        indices: set[int] = set()
        for actor in actors:
            span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
            indices |= {t.i for t in span or ()}
        return indices

    def attribution(self, anchor: Token) -> str | None:
        holder = holding_attribution(self.attributions, anchor.idx, anchor.idx + 1)
        return holder.id if holder is not None else None
