"""Actors of events: the words naming who acts or is acted on, coded with country and sector.

An actor is a noun phrase of the parsed Doc: a named entity ("Diosdado Cabello"), a
description ("rogue Venezuelan military officers", "the Trump administration") or a pronoun
standing for one met before ("he" -> Cabello, by ``fuente.actors.antecedents``).
``ActorCoder`` cuts the phrase to its core, reads country and sector with
``fuente.actors.speakers.describe_source`` (the countries and sectors lexicons, extensible as
data), links it to the document's entity, and carries what the text
says of a person elsewhere ("Venezuela's interior minister, Diosdado Cabello") to the
person's other mentions. What the text leaves open comes from the known-actors lexicon
(``fuente.actors.known``): "President Museveni" is Uganda's government, "Hezbollah
guerrillas" Lebanese. One coder serves one Doc.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from fuente.actors.antecedents import pronoun_antecedent
from fuente.actors.known import known_actors
from fuente.actors.speakers import STANCES, describe_source
from fuente.lexicon import DEFAULT_LANGUAGE, has_lexicon, lexicon_language, read_lexicon, words
from fuente.nlp.entity_view import entity_at, entity_label, entity_view
from fuente.records import Actor, Entity, Mention
from fuente.settings import Settings

__all__ = ["ActorCoder", "noun_lemma"]

# Sectors that say where a faction stands, and the institutions a faction can belong to:
# "rogue military officers" are the military's, as PLOVER codes a mutinous unit by its
# institution.
INSTITUTIONS = frozenset({"military", "police", "government", "judiciary"})
IGO = "international organisation"
PERSONAL = words("pronouns-personal")
GROUP = words("pronouns-group")
BODY = words("pronouns-body")
RELATIVE = words("relative-pronouns")
STANDING_IN = PERSONAL | GROUP | BODY  # pronouns that stand for an actor
SUBJECTS = {"nsubj", "nsubjpass"}
CUT = {"relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis"}
NAMED = {"PERSON", "ORG", "GPE", "NORP"}
# Nouns for whoever leads a country: with a country and no other sector they code its
# government ("the Libyan leader"), as a "rebel leader" stays with the rebels.
LEADERS = words("leaders")
# Words that make a nationality an ethnicity: "ethnic Albanians" in Macedonia are Macedonia's,
# as PLOVER codes a people by the country where it lives.
ETHNIC = words("ethnic")
RESIDENCE = words("residence-prepositions")


@lru_cache(maxsize=8)
def _actor_words(
    lexicon_dir: str | None, language: str = DEFAULT_LANGUAGE
) -> tuple[frozenset[str], dict[str, str]]:
    """Nouns for people, bodies and who acts ("official", "ministry", "farmers"), and the
    one-word sector names with their sector, read once per lexicon folder and language."""
    speakers: dict = {}
    if has_lexicon("speakers", language=language):
        speakers = read_lexicon("speakers", lexicon_dir=lexicon_dir, language=language)
    events = read_lexicon("events", lexicon_dir=lexicon_dir, language=language)
    found = (
        *speakers.get("people", ()),
        *speakers.get("bodies", ()),
        *events.get("actor-nouns", ()),
    )
    people = frozenset(str(word) for word in found)
    sectors = read_lexicon("sectors", lexicon_dir=lexicon_dir, language=language)
    sector_words = {
        str(word): sector
        for sector, words in sectors.items()
        for word in words
        if " " not in str(word)
    }
    return people, sector_words


class ActorCoder:
    """Codes actors of one Doc; built once per document, from its entities and mentions."""

    def __init__(
        self,
        doc: Doc,
        *,
        entities: tuple[Entity, ...] | list[Entity],
        mentions: tuple[Mention, ...] | list[Mention],
        settings: Settings,
    ) -> None:
        self.doc = doc
        self.settings = settings
        self.names = {entity.id: entity.name for entity in entities}
        self.known = known_actors(settings)
        self.entity_at = _entity_ids(doc, mentions)
        self.language = lexicon_language(doc.lang_, name="events")
        self.people, self.sector_words = _actor_words(settings.lexicon_dir, self.language)
        events = read_lexicon("events", lexicon_dir=settings.lexicon_dir, language=self.language)
        self.of_words = frozenset(str(word) for word in events.get("of-prepositions", ()))
        self.profiles: dict[str, tuple[str | None, str | None]] = {}
        self.coded: dict[tuple[int, int, int], Actor] = {}
        # head lemma of a description -> (country, sector) it was coded with, latest first
        self.described: dict[str, tuple[str, str | None]] = {}

    # -- which words are an actor ------------------------------------------------------------

    def is_actor(self, token: Token) -> bool:
        """Whether ``token`` heads words naming someone who can act: a name, a pronoun for a
        person or group, a noun for people, a body or a sector, or a known organisation's
        name the tagger missed."""
        if label := entity_label(token):
            return label in NAMED
        lower = token.lower_
        if lower in STANDING_IN:
            return self.antecedent(token) is not None
        if lower in RELATIVE and token.dep_ in SUBJECTS:
            return token.head.dep_ == "relcl" and self.is_actor(token.head.head)
        lemma = noun_lemma(token)
        if lemma in self.people or lemma in self.sector_words:
            return True
        return token.pos_ == "PROPN" and self.known.organisation([token.text]) is not None

    def antecedent(self, token: Token) -> Token | None:
        """What a pronoun stands for, by ``fuente.actors.antecedents``: the latest fitting
        subject before it (a person for he/she, a plural for they, a body for it)."""
        return pronoun_antecedent(token, settings=self.settings)

    # -- coding ------------------------------------------------------------------------------

    def phrase(self, head: Token) -> Span:
        """The words of the actor headed by ``head``: its modifiers, prepositional phrases
        and apposition, without relative clauses or what follows a conjunction."""
        doc = self.doc
        end = head.i + 1
        for child in head.rights:
            if child.dep_ in CUT or self._detached(end, child.left_edge.i):
                break
            end = child.right_edge.i + 1
        start = head.left_edge.i
        while start < head.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[start:end]

    def _detached(self, end: int, start: int) -> bool:
        """Whether words of other phrases lie between the end of an actor's words and a
        dependent the parser hung on it from further right ("Serbia eased measures in
        Montenegro, the scene of ...": the apposition is the province's, not Serbia's)."""
        return any(not (t.is_punct or t.is_space) for t in self.doc[end:start])

    def code(self, head: Token, *, words: Span | None = None) -> Actor:
        """The actor headed by ``head`` (or naming ``words``), coded from what the text says."""
        words = words if words is not None else self.phrase(head)
        key = (head.i, words.start, words.end)
        if key not in self.coded:
            self.coded[key] = self._code(head, words)
        return self.coded[key]

    def _code(self, head: Token, words: Span) -> Actor:
        if head.lower_ in STANDING_IN or head.lower_ in RELATIVE:
            found = self.antecedent(head)
            if found is not None:
                meant = self.code(found)
                if head.lower_ in RELATIVE:
                    return meant
                return Actor(
                    head.text, head.idx, head.idx + len(head.text), meant.entity,
                    meant.country, meant.sector,
                )  # fmt: skip
        info = describe_source(words, settings=self.settings)
        country, sector = info.country, info.sector
        if country is not None and _people(head, words):
            ethnic = any(token.lower_ in ETHNIC for token in words if token.i < head.i)
            country = self._residence(head) or (None if ethnic else country)
        entity = self._entity(head, words)
        if entity is not None and entity[1] == "GPE" and head.i in self.entity_at:
            sector = None if _bare(words, head) else sector  # a country acting is coded bare
        if entity is not None and entity[1] == "PERSON" and (country is None or sector is None):
            known = self._profile(entity[0])
            country = country or known[0]
            sector = known[1] if known[1] == IGO else sector or known[1]
        if country is None or sector is None:
            organisation = self.known.organisation([token.text for token in words])
            if organisation is not None:
                country = country or organisation.country
                sector = sector or organisation.sector
        if country is None:
            country, sector = self._apposed(head, words, sector)
        if sector in STANCES:
            sector = self._institution(words) or sector
        if sector is None and country is not None and _leader(words):
            sector = "government"
        if country is None:
            country = self._country_from_context(head, entity, sector)
        elif entity is None:
            self.described[noun_lemma(head)] = (country, sector)
        if sector == IGO and country is None:
            country = "IGO"
        text = words.text
        start = words.start_char
        return Actor(text, start, start + len(text), entity and entity[0], country, sector)

    def _apposed(
        self, head: Token, words: Span, sector: str | None
    ) -> tuple[str | None, str | None]:
        """Country and sector an apposition after the words says ("the main rebel group,
        the Selden Liberation Front (SLF),"), when the words say no country."""
        for child in head.rights:
            start = child.left_edge.i
            if child.dep_ == "appos" and start >= words.end and start - words.end <= 2:
                found = self.code(child)
                if found.country is not None and found.country != "IGO":
                    return found.country, sector or found.sector
        return None, sector

    def _country_from_context(
        self, head: Token, entity: tuple[str, str] | None, sector: str | None
    ) -> str | None:
        """A country the words leave open, from the text around: the country of the person a
        body is named after ("the Maduro government"), or of an earlier description with
        the same head noun and no other sector ("mutinous officers" after "rogue Venezuelan
        military officers"; "el gobierno de Maduro", where the language names it after the noun)."""
        for child in [*head.children, *self._named_after(head)]:
            owner = self.entity_at.get(child.i)
            person = child.dep_ in {"compound", "poss", "pobj"} and owner is not None
            if person and owner[1] == "PERSON" and (country := self._profile(owner[0])[0]):
                return country
        if entity is not None:
            return None
        earlier = self.described.get(noun_lemma(head))
        if earlier is not None and (sector is None or earlier[1] in {None, sector}):
            return earlier[0]
        return None

    def _named_after(self, head: Token) -> list[Token]:
        """The name of a "de" phrase on a body, in a language that names a body's person
        after it ("el gobierno de Maduro"; English says "the Maduro government")."""
        if self.language == DEFAULT_LANGUAGE:
            return []
        return [
            name
            for child in head.children
            if child.dep_ == "prep" and child.lower_ in self.of_words
            for name in child.children
            if name.dep_ == "pobj"
        ]

    def _residence(self, head: Token) -> str | None:
        """The country of the place a people is said to live in ("the Albanians of southern
        Serbia", "ethnic Turks in Sweden"), else None: an ethnic group's country is then left
        to the context, a nationality's own kept ("Nigerians from throughout the country")."""
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in RESIDENCE:
                continue
            for token in child.subtree:
                mention = entity_at(token)
                if mention is not None and mention.label == "GPE" and mention.start == token.i:
                    span = self.doc[mention.start : mention.end]
                    if found := describe_source(span, settings=self.settings).country:
                        return found
        return None

    def code_each(self, head: Token) -> list[Actor]:
        """The actors headed by ``head``: one, or one per country when its coordinated
        modifiers name several ("Hungarian and Romanian officials", "French and Egyptian
        warships"), each with the sector of the head."""
        actor = self.code(head)
        countries: list[str] = []
        for modifier in head.lefts:
            if modifier.dep_ not in {"amod", "compound", "nmod"} or not modifier.conjuncts:
                continue
            for word in (modifier, *modifier.conjuncts):
                found = describe_source(self.doc[word.i : word.i + 1], settings=self.settings)
                if found.country is not None and found.country not in countries:
                    countries.append(found.country)
        if len(countries) < 2:
            return [actor]
        return [
            Actor(actor.text, actor.start, actor.end, actor.entity, country, actor.sector)
            for country in countries
        ]

    def entity_type(self, actor: Actor) -> str | None:
        """The entity type (PERSON, ORG, NORP, ...) of the words of a coded actor."""
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            return None
        return entity_label(span.root) or None

    def _entity(self, head: Token, words: Span) -> tuple[str, str] | None:
        found = self.entity_at.get(head.i)
        if found is not None:
            return found
        for child in head.children:
            inside = child.dep_ == "appos" and words.start <= child.i < words.end
            if inside and (found := self.entity_at.get(child.i)) is not None:
                return found
        return None

    def _institution(self, words: Span) -> str | None:
        for token in words:
            sector = self.sector_words.get(token.lemma_.lower())
            if sector in INSTITUTIONS:
                return sector
        return None

    def _profile(self, entity: str) -> tuple[str | None, str | None]:
        """Country and sector the text gives a person at any of its mentions: a title, an
        apposition ("Venezuela's interior minister, Diosdado Cabello")."""
        if entity in self.profiles:
            return self.profiles[entity]
        country = sector = None
        heads = sorted({i for i, (e, _) in self.entity_at.items() if e == entity})
        for i in heads:
            token = self.doc[i]
            if token.head.i in heads and token.head.i != token.i:
                continue  # not the head of its mention
            places = [token]
            if token.dep_ == "appos":
                places.append(token.head)
            places += [child for child in token.children if child.dep_ == "appos"]
            for place in places:
                words = _premodified(place)
                info = describe_source(words, settings=self.settings)
                country, sector = country or info.country, sector or info.sector
            if country and sector:
                break
        if country is None or sector is None:
            fullest = self.names.get(entity, "")
            names = [fullest]
            # each mention's last name word ("Museveni"), not a given name ("Abdelaziz"), and
            # only when the text never gives the person a first name the lexicon lacks:
            # "Viktor Anand" is no known Anand
            if len(self.known.name_words(fullest)) < 2:
                names += [
                    self.doc[i].text
                    for i in heads
                    if self.doc[i].pos_ == "PROPN" and self.doc[i].head.i not in heads
                ]
            context = " ".join(_premodified(self.doc[i]).text for i in heads)
            for name in names:
                if known := self.known.person(name, context=f"{name} {context}"):
                    # an international official is the organisation's, whatever the title
                    # says ("U.N. Secretary-General Kofi Annan" is no general)
                    country = country or known.country
                    sector = known.sector if known.sector == IGO else sector or known.sector
                    break
        self.profiles[entity] = (country, sector)
        return country, sector


def _entity_ids(
    doc: Doc, mentions: tuple[Mention, ...] | list[Mention]
) -> dict[int, tuple[str, str]]:
    """Token index -> (entity id, type) for the tokens of the Doc's entity mentions, read off
    the Doc's entity view; ``mentions`` give each cluster its record's id."""
    ids = {(mention.start, mention.end): mention.entity for mention in mentions}
    view = entity_view(doc)
    cluster_ids = [ids.get(spans[0][:2]) if spans else None for _, _, spans in view.clusters]
    return {
        i: (cluster_ids[mention.entity], mention.label)
        for i, mention in view.at.items()
        if mention.entity is not None and cluster_ids[mention.entity] is not None
    }


def _bare(words: Span, head: Token) -> bool:
    """Whether ``words`` are nothing but a name ("Venezuela", "the United States")."""
    named = all(entity_at(t) is not None or t.lower_ == "the" or t.is_punct for t in words)
    return named and bool(entity_label(head))


def _people(head: Token, words: Span) -> bool:
    """Whether ``words`` name a people by an ethnicity ("ethnic Turks", "ethnic Albanian
    villagers") or a nationality placed elsewhere ("the Albanians of southern Serbia")."""
    if any(token.lower_ in ETHNIC for token in words if token.i < head.i):
        return True
    placed = any(c.dep_ == "prep" and c.lower_ in RESIDENCE for c in head.children)
    return placed and entity_label(head) == "NORP" and head.tag_ in {"NNS", "NNPS"}


def _leader(words: Span) -> bool:
    """Whether ``words`` call someone a country's leader ("Libyan leader X", "its rulers")."""
    lemmas = [noun_lemma(token) for token in words]
    return any(lemma in LEADERS for lemma in lemmas) or "head of state" in " ".join(lemmas)


def noun_lemma(token: Token) -> str:
    """Lower-case lemma; a capitalised plural the lemmatiser kept ("Officials") loses its s."""
    lemma = token.lemma_.lower() or token.lower_
    if token.tag_ in {"NNS", "NNPS"} and lemma == token.lower_ and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def _premodified(head: Token) -> Span:
    """``head`` with the words right before it that modify it, up to a conjunction, a
    preposition, a verb or a comma ("Venezuela's interior minister")."""
    doc = head.doc
    start = head.i
    while start > 0:
        before = doc[start - 1]
        if before.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PUNCT", "SPACE", "PRON"}:
            break
        start -= 1
    return doc[start : head.i + 1]
