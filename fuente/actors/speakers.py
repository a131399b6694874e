"""What kind of speaker a source span is: author, pronoun, outlet, person, organisation, document
or unnamed, with the affiliation (country, sector), count and gender its words give.

The attribution extractor finds the words naming who ("Elliott Abrams", "he", "multiple
sources familiar with the negotiations", "the Times"); ``describe_source`` cuts them to their
core noun phrase (relative clauses, appositions and anonymity phrases out; descriptive
post-modifiers of unnamed sources kept) and reads the head: an entity of the Doc's entity view
(``fuente.nlp.entities``), an outlet alias, or a noun of the lexicons
(``fuente.actors.speaker_lexicons``). Whether a later mention ("the official") is a source met
earlier ("one Venezuelan official") is ``fuente.actors.same_source``'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from fuente.actors.clauses import relative_clause
from fuente.actors.descriptions import description_at
from fuente.actors.places import place_country
from fuente.actors.speaker_lexicons import (
    SpeakerLexicons,
    compiled,
    has,
    matches,
    outlet_name,
    outlet_of,
    phrase_key,
    token_key,
)
from fuente.lexicon import DEFAULT_LANGUAGE, lexicon_language, words
from fuente.nlp.entity_view import entity_at, entity_label
from fuente.settings import Settings
from fuente.text import fold

__all__ = [
    "EXTRACTOR", "KINDS", "STANCES", "SourceInfo", "describe_source", "outlet_name", "trim",
]  # fmt: skip

EXTRACTOR = "speakers@1"
KINDS = ("person", "organisation", "outlet", "document", "author", "unnamed", "pronoun")

ARTICLES = words("articles")
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
# Sectors that say more than an institution when both modify a noun ("rogue military officers").
STANCES = frozenset({"rebels", "opposition"})  # the sectors that are a stance, not a body
DESCRIBABLE = frozenset({"unnamed", "organisation"})  # kinds a definite description may name
# Openers that make a body noun specific ("the government"); see also ``same_source``.
DEFINITE = words("definite-openers")
# UD's dependents of a noun that English spaCy calls otherwise: a noun's noun ("voceros de la
# oposición"), whose preposition is its ``case`` child.
NOUN_MODIFIERS = frozenset({"nmod"})


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What kind of speaker a source span names; see the module docstring for ``kind``.

    ``name`` is canonical (the entity's fullest name, the outlet's name, or for unnamed
    sources and documents the description without its article); ``description`` keeps the
    words as written; ``country`` is ISO 3166 alpha-3; ``count`` is "1", "2", ...,
    "several" or "many"; ``head`` is the lemma of the head noun; ``gender`` "he" or "she".
    """

    kind: str
    name: str
    description: str | None
    country: str | None
    sector: str | None
    count: str | None
    head: str
    gender: str | None


def trim(span: Span) -> Span | None:
    """``span`` without surrounding spaces, punctuation and quotation marks."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if start < end else None


def _dropped(token: Token, heads: set[int], lexicons: SpeakerLexicons) -> bool:
    """Whether ``token`` opens a part of the phrase that is not part of the source's name."""
    if token.head.i not in heads or token.head.i >= token.i:
        return False
    if token.dep_ in {"relcl", "appos", "parataxis"} or relative_clause(token):
        return True
    if token.dep_ in {"acl", "amod", "advcl", "prep"}:
        return any(has(lexicons, "anonymity", t.lemma_.lower()) for t in token.subtree)
    return False


def _head(root: Token, lexicons: SpeakerLexicons) -> Token:
    """The noun a source is about: "officials" in "one of the officials"."""
    lemma = root.lemma_.lower()
    quantifier = lemma in lexicons.numbers or any(
        has(lexicons, section, lemma) for section in ("count-several", "count-many")
    )
    if quantifier or root.like_num:
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [t for t in child.children if t.dep_ == "pobj"]
                if objects and objects[0].pos_ in {"NOUN", "PROPN", "PRON"}:
                    return objects[0]
    return root


def _conjuncts(head: Token, span: Span) -> list[Token]:
    return [head] + [t for t in head.conjuncts if span.start <= t.i < span.end and t.i > head.i]


def _core(span: Span, root: Token, heads: list[Token], lexicons: SpeakerLexicons) -> Span:
    """The span cut before its first relative clause, apposition or anonymity phrase."""
    indices = {head.i for head in heads}
    end = min(span.end, max(token.right_edge.i for token in [root, *heads]) + 1)
    for token in span:
        if _dropped(token, indices, lexicons):
            end = min(end, token.left_edge.i)
    start = max(span.start, min(token.left_edge.i for token in [root, *heads]))
    core = trim(span.doc[start:end])
    return core if core is not None else span


def _entity_at(token: Token) -> tuple[str, str, str] | None:
    """``(name, type, mention text)`` of the document entity whose mention covers ``token``."""
    mention = entity_at(token)
    if mention is None or mention.name is None:
        return None
    return mention.name, mention.label, token.doc[mention.start : mention.end].text


def _without_article(text: str, language: str = "en") -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in words("articles", language=language) and rest else text


def _plural(token: Token) -> bool:
    """A plural noun: by the English tag, or where the tagset is the parts of speech (UD's
    Spanish), by the morphology."""
    if token.tag_ in PLURAL_TAGS:
        return True
    return token.tag_ == token.pos_ and "Plur" in token.morph.get("Number")


def _affiliation_groups(head: Token, core: Span, *, documents: bool) -> list[list[Token]]:
    """Runs of tokens that may tell where ``head`` belongs, most telling first.

    The first run is the head with its left modifiers; then the objects of its prepositions
    ("officials in Washington"), of "close to" and, for documents, of "published by"; then
    its appositions ("Abrams, the US special envoy").
    """
    doc = head.doc
    language = lexicon_language(doc.lang_, name="words")
    prepositions = words("affiliation-prepositions", language=language)
    end = head.i + 1
    if language != DEFAULT_LANGUAGE:  # the adjectives after the noun: "el gobierno venezolano"
        for child in head.rights:
            if child.dep_ not in {"amod", "flat"} or child.i >= core.end:
                break
            end = max(end, min(child.right_edge.i + 1, core.end))
    groups = [list(doc[max(head.left_edge.i, core.start) : end])]
    for child in head.rights:
        inside = core.start <= child.i < core.end
        if child.dep_ == "prep" and child.lower_ in prepositions and inside:
            groups.append([t for t in list(child.subtree)[1:] if t.i < core.end])
        elif (
            child.dep_ in NOUN_MODIFIERS
            and inside
            and any(c.dep_ == "case" and c.lower_ in prepositions for c in child.children)
        ):
            groups.append([t for t in child.subtree if t.dep_ != "case" and t.i < core.end])
        elif child.dep_ in {"amod", "acl"} and inside:
            for grandchild in child.children:
                agent = grandchild.dep_ == "agent" or grandchild.lower_ == "by"
                if grandchild.lower_ == "to" or (documents and agent):
                    groups.append(list(grandchild.subtree)[1:])
        elif child.dep_ == "appos":
            groups.append(list(child.subtree))
    groups = [[token for token in group if not token.is_space] for group in groups]
    return [group for group in groups if group]


def _country(groups: list[list[Token]], lexicons: SpeakerLexicons) -> str | None:
    """The country the first group naming one names; two in one group ("US and Venezuelan
    officials") name none. Words inside a person's or outlet's name do not count."""
    for group in groups:
        codes = set()
        for start, end, key in matches(group, lexicons.countries):
            words = group[0].doc[start:end]
            if key in lexicons.capitalised and not words.text[:1].isupper():
                continue
            if not _inside_name(words, lexicons) and words[0].pos_ != "PRON":
                codes.add(lexicons.countries[key])
        if codes:
            return (codes.pop() or None) if len(codes) == 1 else None
    return None


def _town_country(groups: list[list[Token]]) -> str | None:
    """The country of the first town (or US state) the groups name, by ``fuente.actors.places``;
    the tagger may call a town a place (LOC) or even a people (NORP: "the town of Samarra"),
    but a name the document's entities make a person is none."""
    for group in groups:
        for token in group:
            # a name the document's entities make a person ("Anand") has that label here
            mention = entity_at(token)
            if mention is None or mention.label not in PLACE_TYPES or mention.start != token.i:
                continue
            if found := place_country(token.doc[token.i : mention.end].text):
                return found
    return None


def _inside_name(words: Span, lexicons: SpeakerLexicons) -> bool:
    """Whether ``words`` lie in a person's or an outlet's name ("Jim Jordan", "Washington Post");
    a country's name the tagger took for a whole person's ("Vestmark pledged aid") is none."""
    entities = [_entity_at(token) for token in words]
    if entities and all(e is not None and e[2] == words.text for e in entities):
        return outlet_of(entities[0][2], lexicons)
    return all(e is not None and (e[1] == "PERSON" or outlet_of(e[2], lexicons)) for e in entities)


def _sector(
    groups: list[list[Token]], head: Token, lexicons: SpeakerLexicons, core: Span | None = None
) -> str | None:
    """The most specific sector: a name of several words running through the head ("the
    Organization of American States"), phrase ending in the head, nearest modifier, head,
    after."""
    if core is not None and entity_label(head):
        named = [m for m in matches(list(core), lexicons.sectors) if m[0] <= head.i < m[1]]
        if named and named[0][1] - named[0][0] > 1 and named[0][1] > head.i + 1:
            return lexicons.sectors[named[0][2]]
    first = matches(groups[0], lexicons.sectors) if groups else []
    phrase = [m for m in first if m[1] == head.i + 1 and m[1] - m[0] > 1]
    modifiers = [m for m in first if m[1] <= head.i or m[0] > head.i]
    stances = [m for m in modifiers if lexicons.sectors[m[2]] in STANCES]
    modifiers = stances or modifiers
    at_head = [m for m in first if m[1] == head.i + 1]
    for candidates in (phrase, modifiers[::-1], at_head):
        if candidates:
            return lexicons.sectors[candidates[0][2]]
    for group in groups[1:]:
        if found := matches(group, lexicons.sectors):
            return lexicons.sectors[found[0][2]]
    return None


def _gender(tokens: Iterable[Token], lexicons: SpeakerLexicons) -> str | None:
    words = [token_key(token.text) for token in tokens]
    return next((g for w in words for g in ("he", "she") if has(lexicons, f"gender-{g}", w)), None)


def _count(root: Token, head: Token, lexicons: SpeakerLexicons) -> str:
    """How many a noun phrase names, from its numerals, quantifiers and number."""
    for token in [*([root] if root is not head else []), *head.lefts, head]:
        word = fold(token.text)
        if word.isdigit():
            return str(int(word))
        if word in lexicons.numbers:
            return lexicons.numbers[word]
        for count in ("several", "many"):
            if has(lexicons, f"count-{count}", word):
                return count
    return "many" if _plural(head) else "1"


def _total(counts: list[str]) -> str:
    if len(counts) == 1:
        return counts[0]
    if "many" in counts:
        return "many"
    if all(count.isdigit() for count in counts):
        return str(sum(int(count) for count in counts))
    return "several"


def _agreed(values: list[str | None]) -> str | None:
    """The one value the conjuncts give, if they do not disagree."""
    distinct = {value for value in values if value is not None}
    return distinct.pop() if len(distinct) == 1 else None


def _lemma(token: Token) -> str:
    """Lower-case lemma; a capitalised plural the lemmatiser kept ("Officials") loses its s."""
    lemma = token.lemma_.lower() or token.lower_
    capitalised = token.tag_ == token.pos_ == "PROPN" and token.is_sent_start  # "Voceros de …"
    plural = (_plural(token) or capitalised) and lemma == token.lower_ and lemma.endswith("s")
    return lemma[:-1] if plural else lemma


def _pronoun(token: Token, lexicons: SpeakerLexicons) -> SourceInfo | None:
    """The author ("I", "we") or a third-person pronoun, when ``token`` is one."""
    word = token.lower_
    if token.tag_ not in {"PRP", "PRP$", "WP", ""} and token.pos_ != "PRON":
        return None
    if has(lexicons, "author", word):
        count = "1" if word in {"i", "me", "my"} else None
        return SourceInfo("author", "the author", None, None, None, count, word, None)
    if has(lexicons, "pronouns", word):
        gender = _gender([token], lexicons)
        count = "1" if gender else None
        return SourceInfo("pronoun", word, None, None, None, count, word, gender)
    return None


def _titled(head: Token, lexicons: SpeakerLexicons) -> list[Token]:
    """The titles among the head's proper-noun modifiers ("Mr.", "Minister")."""
    return [
        t for t in head.lefts if t.dep_ == "compound" and has(lexicons, "titles", token_key(t.text))
    ]


def _named(head: Token, core: Span, lexicons: SpeakerLexicons) -> tuple[str, str] | None:
    """``(kind, name)`` when the head names a person or a body; None otherwise."""
    entity = _entity_at(head)
    if entity is not None and entity[1] in NAMED_TYPES:
        if entity[1] != "PERSON" and has(lexicons, "people", _lemma(head)):
            return None  # a headline's "Trump Officials" is no organisation
        if entity[1] == "PERSON" or _titled(head, lexicons):
            return "person", entity[0]
        return "organisation", entity[0]
    if entity is not None or head.pos_ != "PROPN" or entity_label(head) not in {"", "PERSON"}:
        return None  # a date or a number is no name
    if any(has(lexicons, section, _lemma(head)) for section in ("people", "titles")):
        return None  # "Officials", "The President": a noun written with a capital
    run = [t for t in core if t.pos_ == "PROPN" and t.i <= head.i]
    titles = _titled(head, lexicons)
    # A name the tagger missed: a body ("Interior Ministry", "General Assembly") or a sector
    # ("Human Rights Watch") in it makes it an organisation; a person's name holds neither.
    if has(lexicons, "bodies", _lemma(head)) or (not titles and matches(run, lexicons.sectors)):
        return "organisation", _without_article(core.text, head.lang_)
    return "person", " ".join(t.text for t in run if t not in titles) or head.text


def _body(head: Token, lexicons: SpeakerLexicons) -> bool:
    """A body noun made specific: "the government", "Venezuela's army", "the US embassy"."""
    if not has(lexicons, "bodies", _lemma(head)) or _plural(head):
        return False
    definite = words("definite-openers", language=head.lang_)
    return any(
        (t.dep_ == "det" and t.lower_ in definite)
        or t.dep_ == "poss"
        or (t.dep_ in {"compound", "amod", "nmod"} and entity_label(t))
        for t in head.lefts
    )


def _classify(head: Token, core: Span, settings: Settings) -> tuple[str, str, str | None]:
    """``(kind, name, description)`` of a source that is not a pronoun."""
    lexicons = _lexicons(head.doc, settings)
    if name := outlet_of(core.text, lexicons):
        return "outlet", name, None
    named = _named(head, core, lexicons)
    if named is not None:
        return (*named, None)
    bare, lemma = _without_article(core.text, head.lang_), _lemma(head)
    if has(lexicons, "outlet-nouns", lemma) and not _plural(head):
        return "outlet", bare, core.text
    if has(lexicons, "documents", lemma):
        return "document", bare, core.text
    if _body(head, lexicons):
        return "organisation", bare, None
    return "unnamed", bare, core.text


def _affiliation(
    kind: str, heads: list[Token], core: Span, lexicons: SpeakerLexicons
) -> tuple[str | None, str | None]:
    """``(country, sector)`` the words of each conjunct agree on."""
    groups = [_affiliation_groups(h, core, documents=kind == "document") for h in heads]
    country = _agreed([_country(g, lexicons) for g in groups])
    sector = _agreed([_sector(g, h, lexicons, core) for g, h in zip(groups, heads, strict=True)])
    town = None
    if country is None:  # "residents of Samarra": a town of the gazetteer, not a government
        country = town = _agreed([_town_country(g) for g in groups])
    if kind == "outlet":
        sector = "media"
    elif kind == "organisation" and sector is None and town is None:
        # A country speaking ("Venezuela said") is its government.
        entity = _entity_at(heads[0]) or ("", "", "")
        country_named = entity[1] == "GPE" or phrase_key(entity[0]) in lexicons.countries
        sector = "government" if country_named and country else None
    return country, sector


def _outlet_named(head: Token, span: Span, lexicons: SpeakerLexicons) -> str | None:
    """The known outlet a noun for outlets names beside it ("la agencia EFE", "el diario El
    Nacional", "the newspaper El País")."""
    if not has(lexicons, "outlet-nouns", _lemma(head)):
        return None
    for child in head.rights:
        if child.dep_ in {"appos", "flat", "nmod", "compound"} and child.i < span.end:
            words = span.doc[child.left_edge.i : min(child.right_edge.i + 1, span.end)]
            if name := outlet_of(words.text, lexicons):
                return name
    return None


def _apposed_name(head: Token, span: Span, lexicons: SpeakerLexicons) -> str | None:
    """The person a noun for people or a title names by the name set beside it ("el ministro
    de Interior, Ramón Estévez", "the envoy, Elliott Abrams"): the name, else None."""
    if not any(has(lexicons, section, _lemma(head)) for section in ("people", "titles")):
        return None
    for child in head.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or not span.start <= child.i < span.end:
            continue
        entity = _entity_at(child)
        if entity is not None and entity[1] in {"ORG", "GPE"}:
            return None
        words = [child, *(t for t in child.children if t.dep_ in {"flat", "compound"})]
        run = " ".join(t.text for t in sorted(words, key=lambda t: t.i) if t.is_alpha)
        if outlet_of(run, lexicons) is None and run[:1].isupper():
            return entity[0] if entity is not None and entity[1] == "PERSON" else run
    return None


def describe_source(span: Span, *, settings: Settings) -> SourceInfo:
    """What kind of speaker ``span`` (the words naming a source) is, and what it says of it.
    Kept per Doc in its ``user_data``: the layers ask of the same words again."""
    known = span.doc.user_data.setdefault("fuente_described", {})
    key = (span.start, span.end, settings.lexicon_dir)
    if key not in known:
        known[key] = _describe(span, settings)
    return known[key]


def _lexicons(doc: Doc, settings: Settings) -> SpeakerLexicons:
    """The lexicons of ``doc``'s language (English's where fuente has none for it)."""
    language = lexicon_language(doc.lang_, name="countries")
    return compiled(settings.lexicon_dir, language=language)


def _describe(span: Span, settings: Settings) -> SourceInfo:
    lexicons = _lexicons(span.doc, settings)
    trimmed = trim(span)
    if trimmed is None:
        text = span.text.strip()
        return SourceInfo("unnamed", text, text, None, None, None, fold(text), None)
    parsed = span.doc.has_annotation("DEP")
    root = trimmed.root if parsed else trimmed[-1]  # unparsed: the last word heads
    if (pronoun := _pronoun(root, lexicons)) is not None:
        return pronoun
    head = _head(root, lexicons)
    core = _core(trimmed, root, _conjuncts(head, trimmed), lexicons) if parsed else trimmed
    kind, name, description = _classify(head, core, settings)
    if kind != "outlet" and (outlet := _outlet_named(head, trimmed, lexicons)) is not None:
        kind, name, description = "outlet", outlet, None  # "la agencia EFE"
    elif kind == "unnamed" and (apposed := _apposed_name(head, trimmed, lexicons)) is not None:
        kind, name, description = "person", apposed, None  # "el fiscal, Octavio Lander"
    described = description_at(head, settings=settings) if kind in DESCRIBABLE else None
    if described is not None and (kind == "unnamed" or described.type != "PERSON"):
        # "the senator": Sanders; "the court": the Manhattan Supreme Court
        kind = "person" if described.type == "PERSON" else "organisation"
        name, description = described.name, None
    heads = [h for h in _conjuncts(head, core) if h.i < core.end]
    if kind not in {"unnamed", "document"}:
        heads = [head]  # "Trump and the government": the extractor splits named ones
    country, sector = _affiliation(kind, heads, core, lexicons)
    count = None
    if kind in {"unnamed", "document"}:
        count = _total([_count(root, h, lexicons) for h in heads])
    elif kind == "person":
        count = "1"
    gender = _gender([*head.lefts, head], lexicons) if kind in {"person", "unnamed"} else None
    return SourceInfo(kind, name, description, country, sector, count, _lemma(head), gender)
