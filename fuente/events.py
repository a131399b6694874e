"""Events: who did what to whom, when and where, coded in PLOVER's categories.

``find_events`` makes one pass over the tokens of a parsed Doc. A verb or noun of the events
lexicon (``fuente/data/events.yaml``) carries an event; its dependency tree gives the rest:

* source and target: a verb's subject and object (the agent and subject of a passive), a
  noun's "by", possessive or national modifier and its "of"/"against"/"on" object, the
  two sides of "talks between A and B"; the subject of a light verb ("placed a bounty on
  him") or of the verb a clause depends on ("decided not to help the plotters"). An actor
  is coded by ``fuente.actors``; a definite event noun with no actors of its own ("the
  talks") takes those of the last event of its category.
* qualifiers: negation ("was not apprehended", "decided not to help"), modality from the
  words that govern the event (planned, threatened, hypothetical, denied; else happened),
  a future event coded as PLOVER codes intentions ("will meet" is AGREE).
* date and place: the time expression of the time layer within the event's clause or
  just before its noun ("the January 3, 2023, US operation"), and the place named by a
  prepositional phrase on it ("in Caracas").
* attribution: the innermost attribution whose content holds the event: told by a source,
  it is that source's claim. A verb of saying is never an event by itself, and a speaker's
  name never becomes an actor unless the event's own words make it one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from fuente.actors import ActorCoder, noun_lemma
from fuente.annotate import doc_text
from fuente.event_lexicon import EventLexicon, Pattern, event_lexicon
from fuente.records import Actor, Attribution, Entity, Event, Mention, TimeExpr
from fuente.settings import Settings
from fuente.statement_times import holding_attribution

__all__ = ["EXTRACTOR", "find_events"]

EXTRACTOR = "events@1"
WINDOW = 4  # tokens a phrase's next word may lie after the previous one
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
INHERITS = {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"}
CLAUSE_UP = {"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "pobj", "prep", "dobj"}
NOUN_SLOTS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd"}
MODIFIERS = {"compound", "amod", "nmod", "poss"}
DATED = {"DATE", "TIME"}
CLAUSES = {"relcl", "acl", "ccomp", "advcl"}
PLACES = {"GPE", "LOC", "FAC"}
DEFINITE = {"the", "this", "these", "that", "those"}
MAX_ACTORS = 3


@dataclass(frozen=True, slots=True)
class _Found:
    anchor: Token
    tokens: tuple[Token, ...]
    pattern: Pattern


def _keys(token: Token) -> list[str]:
    lemma, lower = token.lemma_.lower(), token.lower_
    keys = [lemma, lower]
    if token.tag_ in {"NNS", "NNPS"} and lower.endswith("s"):
        keys.append(lower[:-1])
    return list(dict.fromkeys(keys))


def _word_matches(token: Token, word: str) -> bool:
    return word in _keys(token)


def _match(doc: Doc, token: Token, lexicon: EventLexicon, end: int) -> _Found | None:
    """The longest pattern whose words start at ``token``, with the tokens it covers."""
    for key in _keys(token):
        for pattern in lexicon.patterns.get(key, ()):
            if len(pattern.words) == 1 and token.pos_ not in pattern.parts:
                continue
            tokens, position = [token], token.i
            for word in pattern.words[1:]:
                nxt = next(
                    (
                        i
                        for i in range(position + 1, min(end, position + 1 + WINDOW))
                        if _word_matches(doc[i], word)
                    ),
                    None,
                )
                if nxt is None:
                    break
                tokens.append(doc[nxt])
                position = nxt
            else:
                inside = {t.i for t in tokens}
                anchor = next(
                    (t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1]
                )
                odd = anchor.pos_ not in {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "ADP"}
                if len(pattern.words) > 1 and anchor.pos_ not in pattern.parts and odd:
                    continue
                head = anchor.head
                if (
                    anchor.dep_ == "compound"
                    and head.i != anchor.i
                    and lexicon.has("generic-heads", head.lemma_.lower())
                ):
                    anchor = head  # "a mediation effort": the effort is what is launched
                return _Found(anchor, tuple(tokens), pattern)
    return None


def _skipped(found: _Found, lexicon: EventLexicon) -> bool:
    """Words of the lexicon that carry no event here: a noun modifying another noun ("coup
    talks"), a verb whose object is a text ("released a statement"), a question."""
    anchor = found.anchor
    if len(found.tokens) == 1 and anchor.dep_ in {"compound", "amod"} and anchor.pos_ != "VERB":
        return True
    if anchor.pos_ == "VERB":
        for child in anchor.children:
            pair = f"{anchor.lemma_.lower()} {child.lemma_.lower()}"
            if child.dep_ == "dobj" and lexicon.has("not-events", pair):
                return True
        if lexicon.has("questions", anchor.lemma_.lower()):
            asks_for = any(
                (child.dep_ == "prep" and child.lower_ == "for")
                or (child.dep_ in {"xcomp", "ccomp"} and _infinitive(child))
                for child in anchor.children
            )
            return not asks_for
    return False


class _Finder:
    def __init__(
        self,
        doc: Doc,
        *,
        coder: ActorCoder,
        lexicon: EventLexicon,
        attributions: list[Attribution],
        times: list[TimeExpr],
    ) -> None:
        self.doc = doc
        self.coder = coder
        self.lexicon = lexicon
        self.attributions = [a for a in attributions if a.kind != "non-response"]
        self.silent = [
            (min(a.content_start, a.cue_start or a.content_start), a.content_end)
            for a in attributions
            if a.kind == "non-response"
        ]
        self.text = doc_text(doc)
        self.times = []  # (time expression, indices of its tokens)
        for time in times:
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if time.type in DATED and span is not None:
                self.times.append((time, span.start, span.end))
        self.last: dict[str, tuple[list[Actor | None], list[Actor | None]]] = {}

    # -- structure -----------------------------------------------------------------------

    def slot(self, anchor: Token) -> Token:
        """The noun that stands in the verb's slot for a noun event: the event itself, or the
        measure it is counted in ("launched ten days of war games", "a round of talks")."""
        preposition = anchor.head
        if anchor.dep_ != "pobj" or preposition.lower_ != "of" or preposition.dep_ != "prep":
            return anchor
        measure = preposition.head
        return measure if self.lexicon.has("measures", noun_lemma(measure)) else anchor

    def governor(self, anchor: Token) -> Token | None:
        """The verb whose time, place and negation are those of a noun event: a light verb
        ("held talks"), a verb of undergoing ("faced sanctions") or of occurring ("the talks
        took place")."""
        if anchor.pos_ not in {"NOUN", "PROPN"} or anchor.head.i == anchor.i:
            return None
        anchor = self.slot(anchor)
        verb, lemma = anchor.head, anchor.head.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        if anchor.dep_ in {"dobj", "attr"} and (
            self.lexicon.has("light-verbs", lemma) or self.lexicon.has("undergoing", lemma)
        ):
            return verb
        if anchor.dep_ in {"nsubj", "nsubjpass"} and self.lexicon.has("occurrence", lemma):
            return verb
        return None

    def light(self, anchor: Token, governor: Token | None) -> bool:
        return (
            governor is not None
            and self.slot(anchor).dep_ in {"dobj", "attr"}
            and self.lexicon.has("light-verbs", governor.lemma_.lower())
        )

    def subject(self, verb: Token, *, depth: int = 0) -> tuple[Token | None, bool]:
        """``(subject, passive)`` of a verb, inherited from the verb its clause depends on."""
        for child in verb.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if depth >= 3 or verb.head.i == verb.i:
            return None, False
        head = verb.head
        if verb.dep_ in INHERITS and head.pos_ in {"VERB", "AUX", "ADJ"}:
            found, _ = self.subject(head, depth=depth + 1)
            return found, False
        described = verb.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"}
        if described and self.coder.is_actor(head) and not _infinitive(verb):
            return head, False
        return None, False

    # -- actors --------------------------------------------------------------------------

    def heads(self, token: Token | None) -> list[Token]:
        if token is None:
            return []
        found = [token, *[t for t in token.conjuncts if t.i > token.i]]
        return [t for t in found if self.coder.is_actor(t)][:MAX_ACTORS]

    def actors(self, tokens: list[Token]) -> list[Actor]:
        return [actor for token in tokens for actor in self.coder.code_each(token)]

    def verb_actors(self, anchor: Token) -> tuple[list[Actor], list[Actor]]:
        subject, passive = self.subject(anchor)
        sources: list[Token] = []
        targets: list[Token] = []
        if passive:
            targets = self.heads(subject)
            for child in anchor.children:
                if child.dep_ == "agent":
                    sources = self.heads(_object(child))
        else:
            sources = self.heads(subject)
            if not sources and anchor.dep_ in {"acl", "relcl"} and _infinitive(anchor):
                sources = self.modifier_actors(anchor.head)
        if not targets:
            targets = self.object_heads(anchor)
        if not targets:
            targets = self.clause_targets(anchor)
        if not targets:  # "demanded that the US cancel the sale": the one asked to act
            targets = self.complement_subjects(anchor, sources)
        if not targets:  # whose proposal, call or statement it answers
            for child in anchor.children:
                if child.dep_ == "dobj" and (found := self.modifier_actors(child)):
                    targets = found
                    break
        return self.actors(sources), self.actors(targets)

    def complement_subjects(self, verb: Token, sources: list[Token]) -> list[Token]:
        """The subject of a "that" clause of the verb ("demanded that the US cancel the
        sale"), when it is not a word for the source itself ("warned that it would act")."""
        own = {token.i for token in sources}
        for child in verb.children:
            if child.dep_ != "ccomp":
                continue
            subject = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None or subject.i in own:
                continue
            if subject.lower_ in {"it", "they", "he", "she", "we", "i"}:
                found = self.coder.antecedent(subject)
                if found is None or found.i in own:
                    continue
            return self.heads(subject)
        return []

    def clause_targets(self, verb: Token) -> list[Token]:
        """The target of what a verb commits to or refuses ("promised to continue military
        aid to Mozambique"): the object of its infinitive, or of that infinitive's noun."""
        for child in verb.children:
            if child.dep_ != "xcomp":
                continue
            if found := self.object_heads(child):
                return found
            for grandchild in child.children:
                if grandchild.dep_ == "dobj":
                    for preposition in grandchild.children:
                        if (
                            preposition.dep_ == "prep"
                            and self.lexicon.has("target-prepositions", preposition.lower_)
                            and (found := self.heads(_object(preposition)))
                        ):
                            return found
        return []

    def object_heads(self, word: Token) -> list[Token]:
        for child in word.children:
            if child.dep_ in {"dobj", "dative"} and (found := self.heads(child)):
                return found
        for child in word.children:
            towards = child.dep_ == "prep" and self.lexicon.has("target-prepositions", child.lower_)
            if towards and (found := self.heads(_object(child))):
                return found
        return []

    def modifier_actors(self, noun: Token) -> list[Token]:
        """Who a noun's own modifiers say acts: "US raid", "Venezuela's army", "by X"."""
        for child in noun.children:
            by = child.dep_ == "prep" and child.lower_ == "by"
            if by and (found := self.heads(_object(child))):
                return found
        for child in noun.children:
            named = child.ent_type_ or child.dep_ == "poss"
            before = child.dep_ in MODIFIERS and child.i < noun.i
            if before and named and self.coder.is_actor(child):
                return self.heads(child)
        return []

    def noun_actors(self, anchor: Token, governor: Token | None) -> tuple[list[Actor], list[Actor]]:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pair = self.between(child)
                if pair is not None:
                    return [pair[0]], [pair[1]]
        sources = self.modifier_actors(anchor)
        undergone = (
            governor is not None
            and anchor.dep_ == "dobj"
            and self.lexicon.has("undergoing", governor.lemma_.lower())
        )
        if undergone:
            subject, _ = self.subject(governor)
            targets = self.heads(subject)
            if not sources:
                sources = next(
                    (
                        self.heads(_object(child))
                        for child in governor.children
                        if child.dep_ == "prep" and child.lower_ in {"from", "by"}
                    ),
                    [],
                )
            return self.actors(sources), self.actors(targets)
        if not sources and self.light(anchor, governor):
            subject, passive = self.subject(governor)
            sources = [] if passive else self.heads(subject)
        targets = []
        for child in anchor.children:
            if child.dep_ == "prep" and (
                child.lower_ == "of" or self.lexicon.has("target-prepositions", child.lower_)
            ):
                targets = self.heads(_object(child))
                if targets:
                    break
        if not targets and self.light(anchor, governor):
            targets = [
                t for t in self.object_heads(governor) if t.i != anchor.i and t.dep_ != "dobj"
            ]
        return self.actors(sources), self.actors(targets)

    def between(self, preposition: Token) -> tuple[Actor, Actor] | None:
        """The two sides of "between A and B", split at the "and" whatever the parse."""
        inside = _object(preposition)
        if inside is None:
            return None
        words = self.doc[inside.left_edge.i : inside.right_edge.i + 1]
        split = next((t for t in words if t.dep_ == "cc" and t.lower_ == "and"), None)
        if split is None:
            return None
        first, second = self.doc[words.start : split.i], self.doc[split.i + 1 : words.end]
        second = _until_clause(second)
        if not len(first) or not len(second):
            return None
        one, other = first.root, second.root
        if not (self.coder.is_actor(one) and self.coder.is_actor(other)):
            return None
        return self.coder.code(one, words=_trim(first)), self.coder.code(other, words=_trim(second))

    # -- qualifiers ----------------------------------------------------------------------

    def clause(self, anchor: Token, governor: Token | None) -> Token:
        return governor if governor is not None else anchor

    def recoded(self, anchor: Token, pattern: Pattern) -> tuple[str, str | None]:
        """The pattern's category and mode, or those its verb's object makes of it."""
        if anchor.pos_ == "VERB":
            verb = anchor.lemma_.lower()
            for child in anchor.children:
                if child.dep_ != "dobj":
                    continue
                for word in (child, *(c for c in child.children if c.dep_ == "compound")):
                    coding = self.lexicon.object_as.get((verb, noun_lemma(word)))
                    if coding is not None:
                        return coding
        return pattern.category, pattern.mode

    def demand(
        self, anchor: Token, governor: Token | None
    ) -> tuple[list[Actor], list[Actor]] | None:
        """``(speaker, obliged)`` when the event is what a speaker says someone must do
        ("Straw said the rebels must reach an agreement"), else None."""
        word = self.clause(anchor, governor)
        if word.pos_ not in {"VERB", "AUX"} or word.dep_ != "ccomp":
            return None
        if not any(
            c.dep_ == "aux" and self.lexicon.has("obligation", c.lower_) for c in word.children
        ):
            return None
        speaker, _ = self.subject(word.head)
        obliged, _ = self.subject(word)
        return self.actors(self.heads(speaker)), self.actors(self.heads(obliged))

    def negated(self, anchor: Token, governor: Token | None) -> bool:
        lexicon = self.lexicon
        for word in (anchor, governor):
            if word is None:
                continue
            for child in word.children:
                denies = child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no")
                if denies and lexicon.has("negation", child.lower_):
                    return True
        word = self.clause(anchor, governor)
        return word.dep_ == "xcomp" and lexicon.has("negating", word.head.lemma_.lower())

    def modality(self, anchor: Token, governor: Token | None) -> tuple[str, bool]:
        """``(modality, future)``: what the governing words make of the event, and whether
        an auxiliary puts it in the future."""
        lexicon = self.lexicon
        seen: list[str] = []
        future = False
        word = self.clause(anchor, governor)
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
        if anchor.dep_ in {"acl", "relcl"} and _infinitive(anchor):
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

    def location(self, anchor: Token, governor: Token | None, avoid: set[int]) -> str | None:
        """The place a prepositional phrase of the event's clause names ("in Caracas"),
        outside the words of its source."""
        place = self.place(anchor, governor, avoid)
        if place is None:
            return None
        span = next((e for e in self.doc.ents if e.start <= place.i < e.end), None)
        return span.text if span is not None else place.text

    def place_target(
        self, anchor: Token, governor: Token | None, sources: list[Actor]
    ) -> list[Actor]:
        """An event with no target but a place in another country than its source's ("Serbia
        lifted a curfew in Montenegro"): PLOVER's coders take that country as the target."""
        countries = {s.country for s in sources if s is not None and s.country}
        place = self.place(anchor, governor, self.covered(sources))
        if not countries or place is None:
            return []
        span = next((e for e in self.doc.ents if e.start <= place.i < e.end), None)
        words = span if span is not None else self.doc[place.i : place.i + 1]
        actor = self.coder.code(place, words=words)
        if actor.country is None or actor.country in countries or actor.country == "IGO":
            return []
        return [Actor(words.text, words.start_char, words.end_char, actor.entity, actor.country)]

    def place(self, anchor: Token, governor: Token | None, avoid: set[int]) -> Token | None:
        word = self.clause(anchor, governor)
        for index in sorted(self.scope(word), key=lambda i: abs(i - anchor.i)):
            preposition = self.doc[index]
            if preposition.dep_ != "prep" or index in avoid:
                continue
            if not self.lexicon.has("location-prepositions", preposition.lower_):
                continue
            place = _object(preposition)
            if place is not None and place.ent_type_ in PLACES:
                return place
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

    # -- events --------------------------------------------------------------------------

    def found(self) -> Iterator[_Found]:
        for sentence in self.doc.sents:
            i = sentence.start
            while i < sentence.end:
                token = self.doc[i]
                match = None
                if not (token.is_space or token.is_punct):
                    match = _match(self.doc, token, self.lexicon, sentence.end)
                if match is None:
                    i += 1
                    continue
                i = max(t.i for t in match.tokens) + 1
                inside_silence = any(a <= token.idx < b for a, b in self.silent)
                if not inside_silence and not _skipped(match, self.lexicon):
                    yield match

    def events(self) -> Iterator[tuple[_Found, dict]]:
        for found in self.found():
            anchor = found.anchor
            governor = self.governor(anchor)
            if anchor.pos_ == "VERB" or anchor.pos_ == "ADJ" or anchor.pos_ == "AUX":
                sources, targets = self.verb_actors(anchor)
            else:
                sources, targets = self.noun_actors(anchor, governor)
            category, mode = self.recoded(anchor, found.pattern)
            if not sources and not targets and _definite(anchor):
                sources, targets = (list(x) for x in self.last.get(category, ([], [])))
            elif sources or targets:
                self.last[category] = (list(sources), list(targets))
            modality, future = self.modality(anchor, governor)
            negated = self.negated(anchor, governor)
            if future and not negated and category in self.lexicon.planned_as:
                category, mode = self.lexicon.planned_as[category], None
            if negated and category in self.lexicon.negated_as:
                category, mode, negated = self.lexicon.negated_as[category], None, False
            demanded = self.demand(anchor, governor)
            if demanded is not None:
                category, mode, modality = "REQUEST", None, "happened"
                sources, targets = demanded
            if sources and not targets:
                targets = self.place_target(anchor, governor, sources)
            when = self.date(anchor, governor)
            start = min(t.idx for t in found.tokens)
            end = max(t.idx + len(t.text) for t in found.tokens)
            common = {
                "start": start,
                "end": end,
                "category": category,
                "mode": mode,
                "modality": modality,
                "negated": negated,
                "date_value": when.value if when else None,
                "date_start": when.start if when else None,
                "date_end": when.end if when else None,
                "location": self.location(anchor, governor, self.covered(sources)),
                "attribution": self.attribution(anchor),
            }
            pairs = [
                (source, target)
                for source in (sources or [None])
                for target in (targets or [None])
                if source is None or target is None or source.start != target.start
            ]
            for source, target in pairs:
                yield found, {**common, "source": source, "target": target}


def _object(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}), None)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _definite(anchor: Token) -> bool:
    return anchor.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in anchor.children
    )


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _until_clause(span: Span) -> Span:
    """``span`` up to the first verb that opens a clause of its own."""
    for token in span:
        if token.pos_ == "VERB" and token.dep_ in {"relcl", "acl", "ROOT", "advcl"}:
            return span.doc[span.start : token.i]
    return span


def find_events(
    doc: Doc,
    *,
    doc_id: str,
    entities: tuple[Entity, ...] | list[Entity],
    mentions: tuple[Mention, ...] | list[Mention],
    attributions: tuple[Attribution, ...] | list[Attribution],
    times: tuple[TimeExpr, ...] | list[TimeExpr],
    settings: Settings,
    version: str = EXTRACTOR,
) -> tuple[Event, ...]:
    """The events of one parsed document, in text order, numbered ``{doc_id}#v1`` on."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return ()
    coder = ActorCoder(doc, entities=entities, mentions=mentions, settings=settings)
    finder = _Finder(
        doc,
        coder=coder,
        lexicon=event_lexicon(settings),
        attributions=list(attributions),
        times=list(times),
    )
    events = []
    for number, (_, fields) in enumerate(finder.events(), start=1):
        events.append(Event(id=f"{doc_id}#v{number}", doc=doc_id, version=version, **fields))
    return tuple(events)
