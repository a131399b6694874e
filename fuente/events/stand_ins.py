"""The actors an event's words leave to the context, as PLOVER's coders fill them: the place
an event happens in or a name near it standing in for a side ("a bombing near Samarra", "in a
Syrian operation, the post was attacked"), a place in another country as the target ("Serbia
lifted a curfew in Montenegro"), and the country of the place or of the other side for an
actor whose words name none ("prisoners rioted at a jail in Dili").

``StandIns`` serves ``fuente.events.actors.EventActors``, one per Doc.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from fuente.actors.coding import ETHNIC, ActorCoder, noun_lemma
from fuente.events.lexicon import EventLexicon
from fuente.nlp.entity_view import entity_at, entity_span
from fuente.records import Actor

__all__ = ["StandIns"]

# Entity labels of the names that may stand in for a side no rule gives.
NAMES = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})


class StandIns:
    """Places, stand-ins and the countries the context gives, for the events of one Doc."""

    def __init__(self, doc: Doc, *, coder: ActorCoder, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.coder = coder
        self.lexicon = lexicon

    def name_at(self, word: Token) -> Span:
        """The named entity ``word`` is part of, else the word alone."""
        return entity_span(word) or self.doc[word.i : word.i + 1]

    def country_of(self, place: Token | None) -> str | None:
        """The country of a place the event names ("in Dili"), if it is in one."""
        if place is None:
            return None
        country = self.coder.code(place, words=self.name_at(place)).country
        return None if country == "IGO" else country

    def domestic(
        self, actors: list[Actor], others: list[Actor], place: str | None, *, source: bool
    ) -> list[Actor]:
        """``actors``, those whose words name no country given the one country of the
        others of the same side ("French president Fabius and a group of deputies"), else
        of the event's place, else the one country of the other side. A target qualifies
        when it is a named body or person, has a sector ("the president") or names people of
        no foreign kind ("protesters", not "refugees" or "its partners"); a people named by
        no country ("Arabs", "Kurds") never does."""
        ours = {actor.country for actor in actors if actor.country not in {None, "IGO"}}
        theirs = {actor.country for actor in others if actor.country not in {None, "IGO"}}
        country = ours.pop() if len(ours) == 1 else None
        country = country or place or (theirs.pop() if len(theirs) == 1 else None)
        if country is None:
            return actors
        filled = [
            replace(actor, country=country) if self.open_country(actor, source=source) else actor
            for actor in actors
        ]
        return list(dict.fromkeys(filled))

    def open_country(self, actor: Actor, *, source: bool) -> bool:
        """Whether ``actor``'s country is left for the context to say: a source's always, a
        target's when it is a named body or person, has a sector or is people of no
        foreign kind; a people named by no country ("Arabs", "Kurds") never."""
        if actor.country is not None:
            return False
        kind = self.coder.entity_type(actor)
        if kind == "NORP":  # "Arabs", "Kurds"; but "ethnic Turks" live in a country
            return bool(ETHNIC & set(actor.text.lower().split()))
        if source or actor.sector is not None or kind is not None:
            return True
        # people named by what they are ("protesters", "villagers") are of the place or of
        # those acting on them, unless their noun says they are from elsewhere
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None or not self.coder.is_actor(span.root):
            return False
        return not self.lexicon.has("foreigners", noun_lemma(span.root))

    def named_actor(
        self, anchor: Token, scopes: list[set[int]], avoid: set[int], *, after: bool
    ) -> list[Actor]:
        """The country named nearest the event after it (for a target) or before it (for a
        source), in the first of ``scopes`` (sets of token indices: its clause, its sentence)
        naming one, outside ``avoid``, when nothing else gives that actor ("shunned work to
        protest at settlement on Arab land", "in a Syrian operation, the post was attacked"):
        PLOVER's coders take it as the actor."""
        for scope in scopes:
            side = [i for i in scope if (i > anchor.i if after else i < anchor.i)]
            indices = sorted(side, reverse=not after)
            if found := self.nearest_named(indices, avoid):
                return found
        return []

    def nearest_named(self, indices: list[int], avoid: set[int]) -> list[Actor]:
        """The first name among the words at ``indices`` coded with a country, as that alone."""
        for index in indices:
            mention = entity_at(self.doc[index])
            if index in avoid or mention is None or mention.label not in NAMES:
                continue
            if mention.start != index:
                continue
            span = self.doc[mention.start : mention.end]
            if any(t.i in avoid for t in span):
                continue
            if found := self.country_only(span.root, international=True):
                for other in span.root.conjuncts:  # "to the United States and Israel"
                    if other.i not in avoid:
                        found += self.country_only(other, international=True)
                return list(dict.fromkeys(found))
        return []

    def country_only(
        self, word: Token, *, besides: set[str] | None = None, international: bool = False
    ) -> list[Actor]:
        """The named thing (place, people, body) ``word`` stands in as an actor coded with its
        country alone, unless it has none or one of ``besides``; an international body only
        with ``international``, as itself."""
        words = self.name_at(word)
        actor = self.coder.code(words.root, words=words)
        if actor.country == "IGO":
            return [actor] if international else []
        if actor.country in {None, *(besides or ())}:
            return []
        return [Actor(words.text, words.start_char, words.end_char, actor.entity, actor.country)]

    def place_actor(self, place: Token | None) -> list[Actor]:
        """The place an event happens in as its actor, coded with the place's country only:
        PLOVER's coders give violence by unnamed hands to the country where it happens."""
        return [] if place is None else self.country_only(place)

    def place_target(
        self, place: Token | None, sources: list[Actor], *, domestic: bool = False
    ) -> list[Actor]:
        """An event with no target but a place in another country than its source's ("Serbia
        lifted a curfew in Montenegro"): PLOVER's coders take that country as the target.
        With ``domestic``, a place in the source's own country is the target too: a
        restriction falls on the people of the place where it is imposed ("imposed a curfew
        in the capital")."""
        countries = {s.country for s in sources if s is not None and s.country}
        if place is None or not (countries or domestic):
            return []
        return self.country_only(place, besides=set() if domestic else countries)
