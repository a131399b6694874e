"""Who acts and who is acted on in an event: its source and target, read off the parse.

``EventActors`` finds, for the words carrying an event, the tokens that head its actors
and codes them with ``fuente.actors.coding.ActorCoder``:

* a verb's subject and object (the agent and subject of a passive), the subject inherited
  from the verb its clause depends on, the object of what a verb commits to ("promised to
  continue military aid to Mozambique"), the subject of a "that" clause ("demanded that the
  US cancel the sale");
* a noun's "by", possessive or national modifier (its other roles, for the events nouns
  carry, are ``fuente.events.noun_actors``'s);
* what a speaker says someone must do ("Straw said the rebels must reach an agreement");
* a place in another country than the source's, when nothing else is the target (or in
  its own country, for a restriction: "imposed a curfew in the capital");
* the country of a thing acted on ("defaced Danish web sites"), of whose a thing is
  ("riots against Israeli policies"), and of whom a protest's purpose acts on ("a hunger
  strike to protest the president's failure");
* the subject of a stative passive ("is committed to") or of "engaged in" as the source;
* when none of these gives a side, a stand-in, as PLOVER's coders fill one: the event's
  place for its source ("a bombing near Samarra"), else the name coded with a country
  nearest the event in its clause (after it for a target, before it for a source), with
  the names joined to it.

An actor whose words name no country is taken to be of the country where the event took
place ("prisoners rioted at a jail in Dili"), else of the country of the other side
("Judge Rivera opened investigations against Chilean officials"): news names the
nationality of foreigners and leaves that of domestic actors to the context, and PLOVER's
coders code them so. Stand-ins, places and these countries are ``fuente.events.stand_ins``'s.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from fuente.actors.coding import ActorCoder, noun_lemma
from fuente.events.lexicon import EventLexicon
from fuente.events.stand_ins import StandIns
from fuente.events.syntax import (
    infinitive,
    light,
    object_of,
    trimmed,
    verb_is,
)
from fuente.nlp.entity_view import entity_label
from fuente.records import Actor

__all__ = ["EventActors"]

INHERITS = {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"}
MODIFIERS = {"compound", "amod", "nmod", "poss"}
MAX_ACTORS = 3


class EventActors:
    """Finds and codes the actors of the events of one Doc."""

    def __init__(self, doc: Doc, *, coder: ActorCoder, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.coder = coder
        self.lexicon = lexicon
        self.stand_ins = StandIns(doc, coder=coder, lexicon=lexicon)

    def subject(self, verb: Token, *, depth: int = 0) -> tuple[Token | None, bool]:
        """``(subject, passive)`` of a verb, inherited from the verb its clause depends on."""
        for child in verb.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return child, False
            if child.dep_ == "nsubjpass":
                stative = verb_is(verb, "stative-passives", self.lexicon)
                agent = any(c.dep_ == "agent" for c in verb.children)
                return child, not (stative and not agent)
        if verb.head.i == verb.i:
            return self.stranded_subject(verb), False
        if depth >= 3:
            return None, False
        head = verb.head
        if verb.dep_ in INHERITS and head.pos_ in {"VERB", "AUX", "ADJ"}:
            found, _ = self.subject(head, depth=depth + 1)
            return found, False
        described = verb.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"}
        if described and self.coder.is_actor(head) and not infinitive(verb):
            return head, False
        if verb.dep_ == "acl" and head.dep_ == "dobj" and light(head, head.head, self.lexicon):
            # "the PKK issued a declaration demanding that ...": the issuer demands
            found, passive = self.subject(head.head, depth=depth + 1)
            return (None, False) if passive else (found, False)
        return None, False

    def stranded_subject(self, verb: Token) -> Token | None:
        """The subject of a main verb the parser left without one, when a phrase naming an
        actor ends right before the verb and its auxiliaries ("..., the Sudanese government
        and the SPLA have agreed"): the first of that phrase's coordinated heads."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].dep_ in {"aux", "auxpass", "neg", "advmod"}:
            i -= 1
        if i < 0 or self.doc[i].pos_ not in {"NOUN", "PROPN"} or self.doc[i].head.i == verb.i:
            return None
        first = self.doc[i]
        while first.dep_ == "conj" and first.head.i < first.i and self.coder.is_actor(first.head):
            first = first.head
        while first.dep_ in {"compound", "flat"} and first.head.i > first.i:
            first = first.head
        return first if self.coder.is_actor(first) else None

    def counted(self, noun: Token) -> Token:
        """What a quantity or a part counts ("thousands of Nigerians", "scores of refugees",
        "part of an aid programme"), else the noun itself."""
        if not (noun.like_num or self.lexicon.has("partitives", noun_lemma(noun))):
            return noun
        for child in noun.children:
            if child.dep_ == "prep" and self.lexicon.has("of-prepositions", child.lower_):
                return object_of(child) or noun
        return noun

    def heads(self, token: Token | None) -> list[Token]:
        if token is None:
            return []
        counted = self.counted(token)
        if counted.i != token.i and any(
            self.coder.is_actor(t) for t in (counted, *counted.conjuncts)
        ):
            token = counted
        found = [token, *[t for t in token.conjuncts if t.i > token.i]]
        return [t for t in found if self.coder.is_actor(t)][:MAX_ACTORS]

    def actors(self, tokens: list[Token]) -> list[Actor]:
        return [actor for token in tokens for actor in self.coder.code_each(token)]

    # -- verbs -------------------------------------------------------------------------------

    def of_verb(self, anchor: Token) -> tuple[list[Actor], list[Actor]]:
        """``(sources, targets)`` of an event a verb (or adjective) carries."""
        subject, passive = self.subject(anchor)
        sources: list[Token] = []
        targets: list[Token] = []
        if passive:
            targets = self.heads(subject)
            for child in anchor.children:
                if child.dep_ == "agent":
                    sources = self.heads(object_of(child))
        else:
            sources = self.heads(subject)
            if not sources and anchor.dep_ in {"acl", "relcl"} and infinitive(anchor):
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
        if not targets:
            targets = self.object_targets(anchor)
        found = self.actors(targets)
        if not found:
            found = self.things_country(anchor, subject if passive else None)
        return self.actors(sources), found

    def things_country(self, verb: Token, passive_subject: Token | None) -> list[Actor]:
        """The country of what a verb acts on when that is a thing or a place, not an actor
        ("defaced Danish web sites", "a camp for Congolese refugees was attacked", "sent
        inspectors to a plant in central Iran"): PLOVER codes the owner's country."""
        nouns = [passive_subject] if passive_subject is not None else []
        nouns += [c for c in verb.children if c.dep_ == "dobj"]
        nouns += [
            noun
            for c in verb.children
            if c.dep_ == "prep" and self.lexicon.has("target-prepositions", c.lower_)
            if not self.lexicon.has("location-prepositions", c.lower_)  # "rioted at a jail"
            if (noun := object_of(c)) is not None
        ]
        for noun in nouns:
            if noun.pos_ not in {"NOUN", "PROPN"} or self.coder.is_actor(noun):
                continue
            actor = self.coder.code(noun)
            if actor.country is not None and actor.country != "IGO":
                return [replace(actor, sector=None)]
        return []

    def object_targets(self, verb: Token) -> list[Token]:
        """The target named on the verb's object rather than on the verb: "threatened
        further action against Russia", "agreed to US mediation", "demanding autonomy from
        Serbian authorities"."""
        for child in verb.children:
            if child.dep_ == "dobj":  # "suspended part of an aid programme for Bosnia"
                for preposition in self.counted(child).children:
                    towards = preposition.dep_ == "prep" and self.lexicon.has(
                        "target-prepositions", preposition.lower_
                    )
                    thing = object_of(preposition) if towards else None
                    if thing is not None and (
                        found := self.heads(thing) or self.thing_targets(thing, whose=True)
                    ):
                        return found
            elif child.dep_ == "prep" and self.lexicon.has("target-prepositions", child.lower_):
                noun = object_of(child)
                if noun is not None and (found := self.modifier_actors(noun)):
                    return found
        return []

    def condition_targets(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """Who must act for a threat not to be carried out: the subject of its condition
        ("threatened to stop the talks if the United States deploys missiles")."""
        own = {(actor.start, actor.end) for actor in sources}
        own |= {actor.entity for actor in sources if actor.entity is not None}
        words = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "dobj"})]
        for word in words:
            for clause in word.children:
                if clause.dep_ != "advcl" or not any(
                    c.dep_ == "mark" and self.lexicon.has("conditions", c.lower_)
                    for c in clause.children
                ):
                    continue
                subject, _ = self.subject(clause)
                found = self.actors(self.heads(subject))
                if found and not any((a.start, a.end) in own or a.entity in own for a in found):
                    return found
        return []

    def complement_subjects(self, verb: Token, sources: list[Token]) -> list[Token]:
        """The subject of a "that" clause of the verb ("demanded that the US cancel the
        sale") or noun ("its demand that the government resign", "insisted on its demands
        that ..."), when it is not a word for the source itself ("warned that it would
        act")."""
        own = {token.i for token in sources}
        words = [verb]
        if verb.pos_ in {"VERB", "AUX"}:
            words += [n for c in verb.children if c.dep_ == "prep" if (n := object_of(c))]
        clauses = [
            child
            for word in words
            for child in word.children
            if child.dep_ == "ccomp"
            or (child.dep_ == "acl" and any(c.dep_ == "mark" for c in child.children))
        ]
        for child in clauses:
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
                            and (found := self.heads(object_of(preposition)))
                        ):
                            return found
        return []

    def object_heads(self, word: Token) -> list[Token]:
        """The actors a word acts on: its object or indirect object, the latter perhaps a
        preposition the parser calls one ("granted asylum to twelve rebels"), else the object
        of a target preposition."""
        for child in word.children:
            if child.dep_ not in {"dobj", "dative"}:
                continue
            noun = object_of(child) if child.pos_ == "ADP" else child
            if found := self.heads(noun):
                return found
        for child in word.children:
            towards = child.dep_ == "prep" and self.lexicon.has("target-prepositions", child.lower_)
            if towards and (found := self.heads(object_of(child))):
                return found
        return []

    # -- nouns -------------------------------------------------------------------------------

    def modifier_actors(self, noun: Token) -> list[Token]:
        """Who a noun's own modifiers say acts: "US raid", "Venezuela's army", "by X"."""
        for child in noun.children:
            by = child.dep_ == "prep" and self.lexicon.has("agent-prepositions", child.lower_)
            if by and (found := self.heads(object_of(child))):
                return found
            if child.dep_ == "acl":  # "the demonstration staged by students"
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                if agent is not None and (found := self.heads(object_of(agent))):
                    return found
        for child in noun.children:
            named = entity_label(child) or child.dep_ == "poss"
            before = child.dep_ in MODIFIERS and child.i < noun.i
            if before and named and self.coder.is_actor(child):
                return self.heads(child)
        return []

    def thing_targets(self, thing: Token, *, whose: bool) -> list[Token]:
        """The actors a thing an event acts on leads to: those its own target prepositions
        name ("the suspension of air links with Serbia", "a blockade on lorries bound for
        Gaza") or, with ``whose``, its owner ("riots against Israeli policies", "a blockade on
        Palestinian lorries")."""
        for child in thing.children:
            towards = child.dep_ == "prep" and self.lexicon.has("target-prepositions", child.lower_)
            if towards and (found := self.heads(object_of(child))):
                return found
        return self.modifier_actors(thing) if whose else []

    # -- what a speaker asks of someone, and places ------------------------------------------
    # (the places, stand-ins and countries from the context are ``fuente.events.stand_ins``'s)

    def name_at(self, word: Token) -> Span:
        return self.stand_ins.name_at(word)

    def country_of(self, place: Token | None) -> str | None:
        return self.stand_ins.country_of(place)

    def domestic(
        self, actors: list[Actor], others: list[Actor], place: str | None, *, source: bool
    ) -> list[Actor]:
        return self.stand_ins.domestic(actors, others, place, source=source)

    def named_actor(
        self, anchor: Token, scopes: list[set[int]], avoid: set[int], *, after: bool
    ) -> list[Actor]:
        return self.stand_ins.named_actor(anchor, scopes, avoid, after=after)

    def place_actor(self, place: Token | None) -> list[Actor]:
        return self.stand_ins.place_actor(place)

    def place_target(
        self, place: Token | None, sources: list[Actor], *, domestic: bool = False
    ) -> list[Actor]:
        return self.stand_ins.place_target(place, sources, domestic=domestic)

    def demand(self, word: Token) -> tuple[list[Actor], list[Actor]] | None:
        """``(speaker, obliged)`` when the event's clause ``word`` is what a speaker says
        someone must do ("Straw said the rebels must reach an agreement"), else None."""
        if word.pos_ not in {"VERB", "AUX"} or word.dep_ != "ccomp":
            return None
        if not any(
            c.dep_ == "aux" and self.lexicon.has("obligation", c.lower_) for c in word.children
        ):
            return None
        speaker, _ = self.subject(word.head)
        obliged, _ = self.subject(word)
        return self.actors(self.heads(speaker)), self.actors(self.heads(obliged))

    def withdrawn_from(self, anchor: Token, verb: Token | None) -> list[Actor]:
        """Whom a withdrawal leaves: the actor or country of its "from" phrase ("withdraw
        their peacekeepers from Chad", "the withdrawal of troops from Lebanon"); what is
        withdrawn is the source's own."""
        for word in (anchor, verb):
            if word is None:
                continue
            for child in word.children:
                if child.dep_ != "prep" or child.lower_ != "from":
                    continue
                place = object_of(child)
                if place is None:
                    continue
                if found := self.actors(self.heads(place)):
                    return found
                if self.country_of(place) is not None:
                    words = self.doc[place.left_edge.i : place.i + 1]
                    actor = self.coder.code(place, words=trimmed(words))
                    return [replace(actor, sector=None)]
        return []
