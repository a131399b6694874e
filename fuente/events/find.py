"""Events: who did what to whom, when and where, coded in PLOVER's categories.

``find_events`` makes one pass over the tokens of a parsed Doc. A verb or noun of the events
lexicon (``fuente/data/en/events.yaml``) carries an event; its dependency tree gives the rest:

* source and target (``fuente.events.actors``): a verb's subject and object, a noun's
  modifiers and prepositional objects, the subject of a light verb or of the verb a clause
  depends on, each coded by ``fuente.actors.coding``; a definite event noun with no actors of its
  own ("the talks") takes those of the last event of its category.
* qualifiers, date, place and attribution (``fuente.events.qualifiers``): negation, modality,
  the time expression of the event's clause, the place of a prepositional phrase on it, the
  innermost attribution that tells it. A future event is coded as PLOVER codes intentions
  ("will meet" is AGREE), a negated or refused one as the lexicon says ("did not agree",
  "will not meet" are REJECT).
* A verb of saying is never an event by itself, and a speaker's name never becomes an actor
  unless the event's own words make it one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from fuente.actors.coding import ActorCoder, noun_lemma
from fuente.events.actors import EventActors
from fuente.events.lexicon import PARTS, EventLexicon, Pattern, event_lexicon
from fuente.events.noun_actors import NounEventActors
from fuente.events.qualifiers import EventQualifiers
from fuente.events.syntax import definite, governor, infinitive
from fuente.lexicon import words
from fuente.records import Actor, Attribution, Entity, Event, Mention, TimeExpr
from fuente.settings import Settings

__all__ = ["EXTRACTOR", "find_events"]

EXTRACTOR = "events@1"
WINDOW = 4  # tokens a phrase's next word may lie after the previous one
OBJECTS = {"dobj", "nsubjpass"}  # what a verb acts on: its object, or its passive subject
NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}  # places only a noun takes
LEFT = words("left-prepositions")  # what a verb leaves: "withdrew from the talks", "pulled out of"


@dataclass(frozen=True, slots=True)
class _Found:
    anchor: Token
    tokens: tuple[Token, ...]
    pattern: Pattern


def _keys(token: Token) -> list[str]:
    """The forms a lexicon entry may name the token by: its lemma and its text, and the
    stems the lemmatiser may have missed ("cordoned" lemmatised as "cordone", "Officials")."""
    lemma, lower, tag = token.lemma_.lower(), token.lower_, token.tag_
    keys = [lemma, lower]
    if tag in {"NNS", "NNPS"} and lower.endswith("s"):
        keys.append(lower[:-1])
    elif tag in {"VBD", "VBN"} and lower.endswith("ed"):
        keys += [lower[:-2], lower[:-1]]
    elif tag == "VBG" and lower.endswith("ing"):
        keys += [lower[:-3], lower[:-3] + "e"]
    return list(dict.fromkeys(keys))


def _part(token: Token) -> str:
    """The token's part of speech, a noun where the parser gives a "verb" a noun's place
    ("conducted live-fire drills")."""
    if token.pos_ == "VERB" and token.dep_ in NOMINAL:
        return "NOUN"
    return token.pos_


def _word_matches(token: Token, word: str) -> bool:
    return word in _keys(token)


def _linked(word: Token, inside: set[int]) -> bool:
    """Whether a later word of a phrase hangs together with the others in the parse: its head
    or one of its dependents is one of them; or it is a noun before the noun one governs
    ("ended mediation efforts"), or, right after the word before it, the "to" or "for" that
    opens a clause one governs ("ready to talk", "called for both sides to withdraw")."""
    if word.head.i in inside or any(child.i in inside for child in word.children):
        return True
    if word.head.head.i not in inside:
        return False
    return word.dep_ == "compound" or (word.dep_ in {"aux", "mark"} and word.i - 1 in inside)


def _match(doc: Doc, token: Token, lexicon: EventLexicon, end: int) -> _Found | None:
    """The longest pattern whose words start at ``token``, with the tokens it covers."""
    part = _part(token)
    for key in _keys(token):
        for pattern in lexicon.patterns.get(key, ()):
            if len(pattern.words) == 1 and part not in pattern.parts:
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
                if not all(_linked(t, inside) for t in tokens[1:]):
                    continue  # "held talks with Halvik as the crisis deepened": no "hold as"
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
    coding = _object_coding(token, lexicon) if token.pos_ == "VERB" else None
    if coding is not None:  # "reopened the border": the pair is the event
        pattern = Pattern((token.lemma_.lower(),), PARTS["verb"], *coding)
        return _Found(token, (token,), pattern)
    return None


def _object_words(thing: Token) -> Iterator[Token]:
    """The object, the nouns compounded with it and what it is a part or group of ("part of
    the stronghold", "a mission of observers")."""
    yield thing
    for child in thing.children:
        if child.dep_ == "compound":
            yield child
        elif child.dep_ == "prep" and child.lower_ == "of":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _left(preposition: Token) -> Iterator[Token]:
    """What a preposition of leaving names: "from the talks", "out of the talks"."""
    for child in preposition.children:
        if child.dep_ == "pobj":
            yield child
        elif child.dep_ == "prep" and child.lower_ == "of":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _object_coding(verb: Token, lexicon: EventLexicon) -> tuple[str, str | None] | None:
    """The category and mode ``object-as`` gives the verb with what it acts on ("lifted the
    sanctions", "the sanctions were lifted"), if any."""
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.object_verbs:
        return None
    any_object = False
    for child in verb.children:
        if child.dep_ in OBJECTS:
            words, any_object = _object_words(child), any_object or child.dep_ == "dobj"
        elif child.dep_ == "prep" and child.lower_ in LEFT:
            words = _left(child)
        elif child.dep_ in {"ccomp", "xcomp"}:  # "allowed [inspectors to visit]"
            words = (c for c in child.children if c.dep_ == "nsubj")
        else:
            continue
        for word in words:
            for key in (noun_lemma(word), word.lower_):
                coding = lexicon.object_as.get((lemma, key))
                if coding is not None:
                    return coding
    return lexicon.object_as.get((lemma, "*")) if any_object else None


def _skipped(found: _Found, lexicon: EventLexicon) -> bool:
    """Words of the lexicon that carry no event here: a word modifying a noun ("coup talks",
    "the besieged town"), a verb whose object is a text ("released a statement", "the
    statement released") or whose particle makes another verb ("was sworn in"), an attempt
    ("sought to block"), a question."""
    anchor = found.anchor
    if len(found.tokens) == 1 and anchor.dep_ in {"compound", "amod"}:
        # a participle before a root noun is the sentence's misparsed verb ("Halvik massed
        # troops on the border")
        return anchor.pos_ != "VERB" or anchor.head.dep_ != "ROOT"
    if anchor.pos_ == "VERB":
        lemma = anchor.lemma_.lower()
        objects = [c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass", "prt"}]
        if anchor.dep_ == "acl":
            objects.append(anchor.head)  # "a statement released by the ministry"
        if any(lexicon.has("not-events", f"{lemma} {noun_lemma(word)}") for word in objects):
            return True
        if lexicon.has("attempts", anchor.lemma_.lower()) and any(
            child.dep_ == "xcomp" and infinitive(child) for child in anchor.children
        ):
            return True
        if lexicon.has("questions", anchor.lemma_.lower()):
            asks_for = any(
                (child.dep_ == "prep" and child.lower_ == "for")
                or (child.dep_ in {"xcomp", "ccomp"} and infinitive(child))
                for child in anchor.children
            )
            return not asks_for
    return False


def _noun_object_coding(noun: Token, lexicon: EventLexicon) -> tuple[str, str | None] | None:
    """The coding ``object-as`` gives a noun of the verb's form with what its "on" or "of"
    phrase names ("a ban on imports" as "banned imports")."""
    lemma = noun.lemma_.lower()
    if lemma not in lexicon.object_verbs:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"on", "of"}:
            for word in (c for c in child.children if c.dep_ == "pobj"):
                coding = lexicon.object_as.get((lemma, noun_lemma(word)))
                if coding is not None:
                    return coding
    return None


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
        self.lexicon = lexicon
        self.actors = EventActors(doc, coder=coder, lexicon=lexicon)
        self.nouns = NounEventActors(self.actors)
        self.qualifiers = EventQualifiers(
            doc,
            lexicon=lexicon,
            attributions=[a for a in attributions if a.kind != "non-response"],
            times=times,
        )
        self.silent = [
            (min(a.content_start, a.cue_start or a.content_start), a.content_end)
            for a in attributions
            if a.kind == "non-response"
        ]
        self.last: dict[str, tuple[list[Actor | None], list[Actor | None]]] = {}

    def recoded(self, anchor: Token, pattern: Pattern) -> tuple[str, str | None]:
        """The pattern's category and mode, those its verb's object makes of it, those of the
        act an authority orders ("ordered the arrest of"), or, for a promise, those of what is
        promised as an intention ("vowed to retaliate")."""
        if anchor.pos_ == "NOUN":
            coding = _noun_object_coding(anchor, self.lexicon)
            return coding if coding is not None else (pattern.category, pattern.mode)
        if anchor.pos_ not in {"VERB", "ADJ"}:
            return pattern.category, pattern.mode
        coding = _object_coding(anchor, self.lexicon) if anchor.pos_ == "VERB" else None
        if coding is not None:
            return coding
        if self.lexicon.has("executive", anchor.lemma_.lower()):
            for thing in (c for c in anchor.children if c.dep_ == "dobj"):
                match = _match(self.doc, thing, self.lexicon, anchor.sent.end)
                if match is not None:
                    return self.recoded(match.anchor, match.pattern)
        if self.lexicon.has("commissive", anchor.lemma_.lower()):
            promised = self.promised(anchor)
            if promised is not None and promised in self.lexicon.planned_as:
                return self.lexicon.planned_as[promised], None
        return pattern.category, pattern.mode

    def promised(self, verb: Token) -> str | None:
        """The category of the event a verb of promising governs: its infinitive ("vowed to
        fight"), the noun event of a light verb there ("pledged to send aid"), or its object
        ("vowed revenge")."""
        lexicon, end = self.lexicon, verb.sent.end
        for child in verb.children:
            if child.dep_ == "dobj":
                match = _match(self.doc, child, lexicon, end)
            elif child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
                match = _match(self.doc, child, lexicon, end)
                if match is None and lexicon.has("light-verbs", child.lemma_.lower()):
                    for thing in (c for c in child.children if c.dep_ in {"dobj", "xcomp"}):
                        match = match or _match(self.doc, thing, lexicon, end)
            else:
                continue
            if match is not None:
                return self.recoded(match.anchor, match.pattern)[0]
        return None

    def qualified(
        self,
        category: str,
        mode: str | None,
        *,
        future: bool,
        possible: bool,
        negated: bool,
        refused: bool,
    ) -> tuple[str, str | None, bool]:
        """``(category, mode, negated)`` as PLOVER codes an event in the future, possible,
        negated or refused: "will meet" is AGREE, "could attack" THREATEN, "did not agree"
        and "will not meet" REJECT."""
        lexicon = self.lexicon
        if negated:
            recodings = (lexicon.negated_as, lexicon.refused_as if refused else {})
            for recoding in recodings:
                if category in recoding:
                    return recoding[category], None, False
            return category, mode, True
        if future and category in lexicon.planned_as:
            return lexicon.planned_as[category], None, False
        if possible and category in lexicon.hypothetical_as:
            return lexicon.hypothetical_as[category], None, False
        return category, mode, False

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

    def stand_ins(
        self,
        anchor: Token,
        verb: Token | None,
        place: Token | None,
        sources: list[Actor],
        targets: list[Actor],
    ) -> tuple[list[Actor], list[Actor]]:
        """The sides no rule gave, from the names around the event, as PLOVER's coders fill
        them: a target is the name nearest after the event in its clause; a source is the
        event's place ("a bombing near Samarra killed ..."), else the name nearest before the
        event in its clause, then in its sentence, else the nearest after it in its clause."""
        qualifiers, actors = self.qualifiers, self.actors
        clause = qualifiers.scope(qualifiers.clause(anchor, verb))
        if sources and not targets:
            targets = actors.named_actor(anchor, [clause], qualifiers.covered(sources), after=True)
        if not sources:
            sources = actors.place_actor(place)
        if not sources:
            whole = {t.i for t in anchor.sent}
            avoid = qualifiers.covered(targets)
            sources = actors.named_actor(anchor, [clause, whole], avoid, after=False)
            sources = sources or actors.named_actor(anchor, [clause], avoid, after=True)
        return sources, targets

    def events(self) -> Iterator[tuple[_Found, dict]]:
        qualifiers = self.qualifiers
        for found in self.found():
            anchor = found.anchor
            verb = governor(anchor, self.lexicon)
            if anchor.pos_ in {"VERB", "ADJ", "AUX"}:
                sources, targets = self.actors.of_verb(anchor)
            else:
                sources, targets = self.nouns.of_noun(anchor, verb)
            category, mode = self.recoded(anchor, found.pattern)
            if not sources and not targets and definite(anchor):
                sources, targets = (list(x) for x in self.last.get(category, ([], [])))
            elif sources or targets:
                self.last[category] = (list(sources), list(targets))
            modality, future = qualifiers.modality(anchor, verb)
            negated = qualifiers.negated(anchor, verb)
            refused = negated and (modality == "planned" or qualifiers.refused(anchor, verb))
            possible = modality == "hypothetical" and qualifiers.possible(anchor, verb)
            category, mode, negated = self.qualified(
                category, mode, future=future, possible=possible, negated=negated, refused=refused
            )
            if self.lexicon.has("withdrawals", found.pattern.category.lower()):  # also planned
                targets = self.actors.withdrawn_from(anchor, verb) or targets
            if not targets and self.lexicon.has("conditioned", category.lower()):
                targets = self.actors.condition_targets(anchor, sources)
            demanded = self.actors.demand(qualifiers.clause(anchor, verb))
            if demanded is not None:
                category, mode, modality = "REQUEST", None, "happened"
                sources, targets = demanded
            if not targets and self.lexicon.has("purposed", category.lower()):
                targets = self.nouns.purpose_targets(anchor, verb)
            place = qualifiers.place(anchor, verb, qualifiers.covered(sources))
            if sources and not targets:
                domestic = self.lexicon.has("place-recipients", found.pattern.category.lower())
                targets = self.actors.place_target(place, sources, domestic=domestic)
            if not (sources and targets):
                sources, targets = self.stand_ins(anchor, verb, place, sources, targets)
            country = self.actors.country_of(place)
            sources, targets = (
                self.actors.domestic(sources, targets, country, source=True),
                self.actors.domestic(targets, sources, country, source=False),
            )
            if targets and not any(t.country for t in targets):  # "seized three tankers off Iran"
                clause = qualifiers.scope(qualifiers.clause(anchor, verb))
                avoid = qualifiers.covered(targets) | qualifiers.covered(sources)
                named = self.actors.named_actor(anchor, [clause], avoid, after=True)
                if named:
                    targets = [replace(t, country=named[0].country) for t in targets]
            if self.lexicon.has("reciprocal", noun_lemma(anchor)):
                partners = self.actors.domestic(
                    self.nouns.partners(anchor, verb), sources, country, source=False
                )
                if partners and sources:
                    sources = list(dict.fromkeys([*sources, *partners]))
                    targets = [t for t in targets if t not in partners]
            when = qualifiers.date(anchor, verb)
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
                "location": self.actors.name_at(place).text if place is not None else None,
                "attribution": qualifiers.attribution(anchor),
            }
            pairs = [
                (source, target)
                for source in (sources or [None])
                for target in (targets or [None])
                if source is None or target is None or source.start != target.start
            ]
            for source, target in pairs:
                yield found, {**common, "source": source, "target": target}


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
    dated = [(t.start, t.end) for t in times]  # "March 3" is a date, not a protest march
    found = [
        fields
        for _, fields in finder.events()
        if not any(start <= fields["start"] and fields["end"] <= end for start, end in dated)
    ]
    return tuple(
        Event(id=f"{doc_id}#v{number}", doc=doc_id, version=version, **fields)
        for number, fields in enumerate(found, start=1)
    )
