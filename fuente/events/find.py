"""Events: who did what to whom, when and where, coded in PLOVER's categories.

``find_events`` makes one pass over the tokens of a parsed Doc. A verb or noun of the events
lexicon of the Doc's language (``fuente/data/<code>/events.yaml``) carries an event
(``fuente.events.match`` finds the words); its dependency tree gives the rest (a Universal
Dependencies parse, as the Spanish model gives, is read through ``fuente.events.ud``):

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
from dataclasses import replace

from spacy.tokens import Doc, Token

from fuente.actors.coding import RELATIVE, STANDING_IN, ActorCoder, noun_lemma
from fuente.actors.descriptions import description_at
from fuente.events.actors import EventActors
from fuente.events.lexicon import EventLexicon, Pattern, event_lexicon
from fuente.events.match import EventMatch, match_at, noun_object_coding, object_coding, skipped
from fuente.events.noun_actors import NounEventActors
from fuente.events.qualifiers import EventQualifiers
from fuente.events.senses import governed, idiom_tokens, other_sense, verbal
from fuente.events.syntax import definite, governor
from fuente.events.ud import english_labels
from fuente.lexicon import DEFAULT_LANGUAGE, lexicon_language
from fuente.records import Actor, Attribution, Entity, Event, Mention, TimeExpr
from fuente.settings import Settings

__all__ = ["EXTRACTOR", "find_events"]

EXTRACTOR = "events@1"


class _Finder:
    def __init__(
        self,
        doc: Doc,
        *,
        coder: ActorCoder,
        lexicon: EventLexicon,
        attributions: list[Attribution],
        times: list[TimeExpr],
        mentions: list[Mention],
    ) -> None:
        self.doc = doc
        # "Lynch" of "Rep. Stephen Lynch", "Relief" of "World Relief", the "for" that would
        # make "called Citizens for Trump" a call for
        self.names = [
            (m.start, m.end) for m in mentions if lexicon.has("name-labels", m.label.lower())
        ]
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
            coding = noun_object_coding(anchor, self.lexicon)
            return coding if coding is not None else (pattern.category, pattern.mode)
        if anchor.pos_ not in {"VERB", "ADJ"}:
            return pattern.category, pattern.mode
        coding = object_coding(anchor, self.lexicon) if anchor.pos_ == "VERB" else None
        if coding is not None:
            return coding
        if self.lexicon.has("executive", anchor.lemma_.lower()):
            for thing in (c for c in anchor.children if c.dep_ == "dobj"):
                match = match_at(self.doc, thing, self.lexicon, anchor.sent.end)
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
                match = match_at(self.doc, child, lexicon, end)
            elif child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
                match = match_at(self.doc, child, lexicon, end)
                if match is None and lexicon.has("light-verbs", child.lemma_.lower()):
                    for thing in (c for c in child.children if c.dep_ in {"dobj", "xcomp"}):
                        match = match or match_at(self.doc, thing, lexicon, end)
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

    def found(self) -> Iterator[EventMatch]:
        for sentence in self.doc.sents:
            idioms = idiom_tokens(self.doc, sentence, self.lexicon)
            i = sentence.start
            while i < sentence.end:
                token = self.doc[i]
                match = None
                if not (token.is_space or token.is_punct):
                    match = match_at(self.doc, token, self.lexicon, sentence.end)
                if match is None:
                    i += 1
                    continue
                i = max(t.i for t in match.tokens) + 1
                inside_silence = any(a <= token.idx < b for a, b in self.silent)
                named = any(a <= t.idx < b for t in match.tokens for a, b in self.names)
                idiom = all(t.i in idioms for t in match.tokens)
                if inside_silence or named or idiom or skipped(match, self.lexicon):
                    continue
                if not (other_sense(match, self.lexicon) or governed(match, self.lexicon)):
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

    def coded(
        self, found: EventMatch, verb: Token | None
    ) -> tuple[str, str | None, str, bool, list[Actor], list[Actor]]:
        """``(category, mode, modality, negated, sources, targets)`` of an event: the actors its
        tree gives (or, for a definite noun with none, the last event's of its category), the
        coding its object and qualifiers make of it, and a demand it is the object of."""
        qualifiers, anchor = self.qualifiers, found.anchor
        if anchor.pos_ in {"VERB", "ADJ", "AUX"}:
            sources, targets = self.actors.of_verb(anchor)
        else:
            sources, targets = self.nouns.of_noun(anchor, verb)
        category, mode = self.recoded(anchor, found.pattern)
        if not sources and not targets and definite(anchor):  # "the talks": those taken up
            sources, targets = (
                [replace(a, found="coreference") for a in x if a is not None]
                for x in self.last.get(category, ([], []))
            )
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
        return category, mode, modality, negated, sources, targets

    def sides(
        self, found: EventMatch, verb: Token | None, sources: list[Actor], targets: list[Actor]
    ) -> tuple[list[Actor], list[Actor], Token | None]:
        """``(sources, targets, place)``: the event's place, and its sides completed from it
        and from the names around the event, made domestic to the place's country, and the
        partners of a reciprocal event among its sources."""
        qualifiers, actors, anchor = self.qualifiers, self.actors, found.anchor
        place = qualifiers.place(anchor, verb, qualifiers.covered(sources))
        if sources and not targets:
            domestic = self.lexicon.has("place-recipients", found.pattern.category.lower())
            targets = actors.place_target(place, sources, domestic=domestic)
        if not (sources and targets):
            sources, targets = self.stand_ins(anchor, verb, place, sources, targets)
        country = actors.country_of(place)
        sources, targets = (
            actors.domestic(sources, targets, country, source=True),
            actors.domestic(targets, sources, country, source=False),
        )
        if targets and not any(t.country for t in targets):  # "seized three tankers off Iran"
            clause = qualifiers.scope(qualifiers.clause(anchor, verb))
            avoid = qualifiers.covered(targets) | qualifiers.covered(sources)
            named = actors.named_actor(anchor, [clause], avoid, after=True)
            if named:
                targets = [replace(t, country=named[0].country) for t in targets]
        if self.lexicon.has("reciprocal", noun_lemma(anchor)):
            partners = actors.domestic(
                self.nouns.partners(anchor, verb), sources, country, source=False
            )
            if partners and sources:
                sources = list(dict.fromkeys([*sources, *partners]))
                targets = [t for t in targets if t not in partners]
        return sources, targets, place

    def found_as(self, sides: list[Actor], given: set[tuple[int, int]]) -> list[Actor]:
        """``sides`` with how each was found (``Actor.found``): a clause argument (``given``
        by the event's own words), unless a pronoun or a resolved description stands in it
        for a named actor; otherwise a stand-in. A side taken up from an earlier event keeps
        the ``coreference`` it came with."""
        marked = []
        for actor in sides:
            how = actor.found
            if how is None and (actor.start, actor.end) in given:
                how = self.argument_kind(actor)
            marked.append(replace(actor, found=how or "stand-in"))
        return marked

    def argument_kind(self, actor: Actor) -> str:
        """``argument``; ``coreference`` for a pronoun or a description the article resolves
        ("he", "the senator"); ``knowledge base`` for a description only its dated roles do."""
        words = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if words is None or not len(words) or words[0].idx != actor.start:
            return "argument"
        token = words[0]
        if token.lower_ in STANDING_IN or token.lower_ in RELATIVE:
            return "coreference" if actor.entity else "argument"
        described = description_at(token, settings=self.actors.coder.settings)
        if described is None or described.end < actor.end:
            return "argument"
        return "coreference" if described.by == "article" else "knowledge base"

    def events(self) -> Iterator[tuple[EventMatch, dict]]:
        """Each event found, with its record's fields: one for each pair of its sides."""
        qualifiers = self.qualifiers
        for found in self.found():
            anchor = found.anchor
            verb = governor(anchor, self.lexicon)
            category, mode, modality, negated, sources, targets = self.coded(found, verb)
            given = {(a.start, a.end) for a in (*sources, *targets)}
            sources, targets, place = self.sides(found, verb, sources, targets)
            if category == "ASSAULT" and targets and verbal(self.doc, anchor, sources + targets,
                                                            self.lexicon):  # fmt: skip
                category, mode = "ACCUSE", "disapprove"
            sources, targets = self.found_as(sources, given), self.found_as(targets, given)
            when = qualifiers.date(anchor, verb)
            common = {
                "start": min(t.idx for t in found.tokens),
                "end": max(t.idx + len(t.text) for t in found.tokens),
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
    language = lexicon_language(doc.lang_, name="events")
    lexicon = event_lexicon(settings, language=language)
    if language != DEFAULT_LANGUAGE:  # the other languages' pipelines parse in UD
        doc = english_labels(doc, lexicon, lexicon_dir=settings.lexicon_dir, language=language)
    coder = ActorCoder(doc, entities=entities, mentions=mentions, settings=settings)
    finder = _Finder(
        doc,
        coder=coder,
        lexicon=lexicon,
        attributions=list(attributions),
        times=list(times),
        mentions=list(mentions),
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
