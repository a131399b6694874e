"""Cues and the pieces of an attribution: the shared vocabulary of ``fuente.attribution.quotes``.

What a cue is comes from the ``cues`` lexicon of the Doc's language
(``fuente/data/<code>/cues.yaml``, extensible), with that language's grammar words. This module
finds, around a cue verb, who speaks (its subject, the noun a relative clause hangs on,
the agent of a passive), what is reported (its clause, intention or object), and the outlet the
words went to ("told the Times", "in an interview with CNN"). The dependency labels are those
of both parsers fuente runs: the English model's (``dobj``, ``nsubjpass``) and Universal
Dependencies' (``obj``, ``nsubj:pass``), which the Spanish model gives; a language whose verb
says its subject ("«…», agregó") names who speaks through the verb's person
(``subject_in_verb`` in its cues).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from fuente.actors.clauses import is_relative, relative_clause
from fuente.attribution.quotemarks import Quote
from fuente.lexicon import DEFAULT_LANGUAGE, read_lexicon, words
from fuente.nlp.entity_view import entity_label

__all__ = ["Context", "Cues", "FoundAttribution", "add", "load_cues", "source_tokens"]

SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass"}
PASSIVE_SUBJECTS = {"nsubjpass", "nsubj:pass"}
PASSIVE_AUXILIARIES = {"auxpass", "aux:pass"}
OBJECTS = {"dobj", "obj"}
CONTENT_DEPS = {"ccomp"}
Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class FoundAttribution:
    """One attribution as found in the text: spans, and hints for resolving its speaker.

    ``speaker_hint`` is ``author`` (the first-person narrator), ``interviewee`` (an answer in
    an interview), ``previous`` (a quotation continuing the previous speaker's),
    ``antecedent`` (a cue verb whose dropped subject is whom the text was last about), or None
    (resolve from the source span, whose head token is ``source_head``).
    """

    kind: str
    content: Range
    cue: Range | None = None
    source: Range | None = None
    source_head: int | None = None
    through_span: Range | None = None
    speaker_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: frozenset[str]
    quote_only: frozenset[str]
    statement_nouns: frozenset[str]
    non_response: re.Pattern[str]
    opinion: frozenset[str]
    clause: frozenset[str]
    prepositional: frozenset[tuple[str, str]] = frozenset()
    # the language's grammar words (``fuente/data/<code>/words.yaml``)
    no_object: frozenset[str] = frozenset()  # verbs whose object is never what is attributed
    concern_verbs: frozenset[str] = frozenset()
    concern_nouns: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    bare_clause: frozenset[str] = frozenset()
    hearsay: frozenset[str] = frozenset()
    according: tuple[tuple[str, ...], ...] = ()  # "según", "de acuerdo con": words, lower case
    subject_in_verb: dict[str, str] | None = None  # a verb's person -> its speaker hint
    not_subjects: frozenset[str] = frozenset()  # marks the parser may take for a subject


@cache
def load_cues(lexicon_dir: str | None, language: str = DEFAULT_LANGUAGE) -> Cues:
    data = read_lexicon("cues", lexicon_dir=lexicon_dir, language=language)
    persons = dict(str(entry).split() for entry in data.get("subject_in_verb", ()))
    return Cues(
        verbs=frozenset(data.get("verbs", ())),
        quote_only=frozenset(data.get("quote_only_verbs", ())),
        statement_nouns=frozenset(data.get("statement_nouns", ())),
        opinion=frozenset(data.get("opinion_verbs", ())),
        clause=frozenset(data.get("clause_verbs", ())),
        prepositional=frozenset(
            tuple(pair.split(None, 1)) for pair in data.get("prepositional_cues", ()) if " " in pair
        ),
        non_response=re.compile("|".join(f"(?:{p})" for p in data.get("non_response", ())), re.I),
        no_object=words("no-object-verbs", language=language),
        concern_verbs=words("concern-verbs", language=language),
        concern_nouns=words("concern-nouns", language=language),
        first_person=words("first-person-subjects", language=language),
        generic=words("generic-subjects", language=language),
        bare_clause=words("bare-clause-verbs", language=language),
        hearsay=words("hearsay-adverbs", language=language),
        according=tuple(tuple(str(p).lower().split()) for p in data.get("according_phrases", ())),
        subject_in_verb=persons or None,
        not_subjects=frozenset(str(mark) for mark in data.get("not_subjects", ())),
    )


def chars(tokens: list[Token] | Span) -> Range | None:
    words = [t for t in tokens if not t.is_space]
    while words and (words[-1].is_punct and words[-1].text not in ")]”’\"'"):
        words.pop()
    while words and words[0].is_punct and words[0].text not in "([“‘\"'":
        words.pop(0)
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def subtree(token: Token, *, without: Token | None = None) -> list[Token]:
    """``token``'s subtree as a list in order, leaving out ``without``'s subtree."""
    skip = set(t.i for t in without.subtree) if without is not None else set()
    return [t for t in token.subtree if t.i not in skip]


def inside(position: int, ranges: list[Range]) -> bool:
    return any(start <= position < end for start, end in ranges)


def overlaps(span: Range, ranges: list[Range]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in ranges)


def tokens_in(doc: Doc, span: Range) -> Span | None:
    return doc.char_span(span[0], span[1], alignment_mode="expand")


def source_tokens(verb: Token, depth: int = 0) -> list[Token] | None:
    """The words naming who speaks through ``verb``: its subject, the noun a relative clause
    hangs on ("X, who told AP, …"), the subject of the verb it depends on ("…, adding that"),
    or the agent of a passive."""
    passive = any(c.dep_ in PASSIVE_AUXILIARIES for c in verb.children)
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECTS and passive:
            continue  # "the minister is said to …": said of the minister, not by him
        if child.dep_ in SUBJECTS and child.lower_ != "it" and not _mark_as_name(child):
            if is_relative(child) and relative_clause(verb):
                head = verb.head
                return [t for t in head.subtree if t.i < verb.left_edge.i]
            return list(child.subtree)
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return list(objects[0].subtree)
    if depth < 2 and verb.dep_ in {"conj", "advcl", "xcomp", "dep"} and verb.head is not verb:
        return source_tokens(verb.head, depth + 1)
    return None


def _mark_as_name(token: Token) -> bool:
    """A mark the language's parser takes for a subject (the Spanish model's "—dijo", "«Y abril
    …»"): its cues' ``not_subjects``."""
    return token.is_punct and token.text in load_cues(None, token.lang_).not_subjects


def subject_in_verb(verb: Token, cues: Cues) -> str | None:
    """The speaker hint a subjectless cue verb gives by its person, where the language drops
    subjects: "Creo que …" is the author's, "«…», agregó" the latest speaker's; None where
    the verb has a subject, is not finite, or the language says nothing of its person."""
    if cues.subject_in_verb is None or "Fin" not in verb.morph.get("VerbForm"):
        return None
    if any(c.dep_ in SUBJECTS | {"expl:pass", "expl:impers"} and not c.is_punct
           for c in verb.children):  # fmt: skip
        return None
    if verb.dep_ in {"conj", "advcl", "xcomp"} and source_tokens(verb.head) is not None:
        return None  # "…, and added": the subject of the verb it hangs on speaks
    persons = verb.morph.get("Person")
    return cues.subject_in_verb.get(persons[0]) if persons else None


def source_head(tokens: list[Token]) -> Token:
    """The syntactic head of a run of tokens: the one whose head lies outside it."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head is token:
            return token
    return tokens[0]


def through(verb: Token) -> Range | None:
    """Where an outlet receives the words: "told the Times", "to AP", "in an interview with
    CNN", "who spoke to Bloomberg"."""
    for child in verb.children:
        if (
            child.dep_ in {"dative", "dobj"}
            and child.pos_ in {"PROPN", "NOUN"}
            and verb.lemma_ in {"tell", "give", "grant"}
            and any(t.pos_ == "PROPN" or entity_label(t) == "ORG" for t in child.subtree)
        ):
            return chars(list(child.subtree))
        if child.dep_ == "prep" and child.lower_ in {"to", "with", "in"}:
            for grand in child.children:
                if grand.dep_ != "pobj":
                    continue
                if grand.lower_ == "interview":
                    for deeper in grand.children:
                        if deeper.dep_ == "prep" and deeper.lower_ in {"with", "on", "to"}:
                            objects = [g for g in deeper.children if g.dep_ == "pobj"]
                            if objects:
                                return chars(list(objects[0].subtree))
                elif child.lower_ == "to" and grand.pos_ == "PROPN":
                    return chars(list(grand.subtree))
    return None


def through_for_source(tokens: list[Token]) -> Range | None:
    """An outlet named in a relative clause on the source: "an official who spoke to CNN"."""
    for token in tokens:
        if token.dep_ == "relcl" and token.lemma_ in {"speak", "talk", "tell"}:
            return through(token)
    return None


def content_tokens(verb: Token, cues: Cues) -> tuple[list[Token], str] | None:
    """What ``verb`` reports, and how it was found: a clause, an intention, an object, or the
    clause an "as X said" or a parenthetical "X said" attaches to."""
    children = list(verb.children)
    for child in children:
        if child.dep_ in CONTENT_DEPS:
            return list(child.subtree), "clause"
    for child in children:
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
            return list(child.subtree), "intent"
    preposition = cue_preposition(verb, cues)
    if preposition is not None:
        objects = [c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}]
        return list(objects[0].subtree), "preposition"
    objects = [c for c in children if c.dep_ in OBJECTS]
    complements = [c for c in children if c.dep_ == "oprd"]
    if objects and complements and objects[0].i < complements[0].i:
        # "called the charges fabricated": what is said of the object goes with it
        first, last = objects[0].left_edge.i, complements[0].right_edge.i
        return list(verb.doc[first : last + 1]), "object"
    if verb.lemma_ not in cues.no_object:
        for child in children:
            if child.dep_ in OBJECTS and len(list(child.subtree)) >= 2 and child.pos_ != "PRON":
                return list(child.subtree), "object"
    if verb.lemma_ in cues.concern_verbs:
        for child in children:
            if child.dep_ in OBJECTS and child.lower_ in cues.concern_nouns:
                clauses = [g for g in child.children if g.dep_ in {"acl", "ccomp", "relcl"}]
                if clauses and any(t.lower_ == "that" for t in clauses[0].subtree):
                    return list(clauses[0].subtree), "clause"
    marked_as = any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    if (marked_as and verb.dep_ == "advcl") or verb.dep_ == "parataxis":
        head = verb.head
        return subtree(head, without=verb), "host"
    if verb.lemma_ in cues.opinion:
        subjects = [c for c in children if c.dep_ in SUBJECTS]
        tokens = subtree(verb, without=subjects[0] if subjects else None)
        return [t for t in tokens if t.i >= verb.i], "opinion"
    if verb.lemma_ in cues.clause:
        return rest_of_sentence(verb, cues)
    return None


def cue_preposition(verb: Token, cues: Cues) -> Token | None:
    """The preposition that makes ``verb`` a cue with its object ("called for", "spoke of"),
    right after the verb or its particle, when it has an object."""
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and (verb.lemma_.lower(), child.lower_) in cues.prepositional
            and 0 < child.i - verb.i <= 2
            and any(c.dep_ in {"pobj", "pcomp"} for c in child.children)
        ):
            return child
    return None


def rest_of_sentence(verb: Token, cues: Cues) -> tuple[list[Token], str] | None:
    """The clause after a saying verb that the parse failed to attach: the rest of the
    sentence from a "that" close to the verb (or right after it), when it has a verb."""
    sentence = verb.sent
    rest = [t for t in sentence if t.i > verb.i]
    start = 0
    for offset, token in enumerate(rest[:6]):
        if token.lower_ == "that":
            start = offset
            break
    else:
        bare = verb.lemma_ in cues.bare_clause
        if not bare or not rest or rest[0].is_punct or rest[0].pos_ in {"ADP", "ADV"}:
            return None
    clause = rest[start:]
    has_verb = any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "VBN"} for t in clause)
    if len([t for t in clause if t.is_alpha]) < 4 or not has_verb:
        return None
    return clause, "surface"


def cue_range(verb: Token) -> Range:
    """The cue: the verb with its particle or auxiliaries of negation kept out."""
    end_token = verb
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end_token = child
    return verb.idx, end_token.idx + len(end_token.text)


@dataclass
class Context:
    doc: Doc
    cues: Cues
    quotes: list[Quote]
    quoted: list[Range]
    found: list[FoundAttribution]
    taken: list[Range]  # content already attributed; verbs inside are not new attributions


def add(
    ctx: Context,
    kind: str,
    content: Range,
    cue: Range | None,
    source: list[Token] | None,
    through: Range | None,
    hint: str | None = None,
) -> None:
    source_range = chars(source) if source else None
    head = source_head(source).i if source else None
    if source and head is not None and ctx.doc[head].lower_ in ctx.cues.first_person:
        hint = "author"
    if through is None and source:
        through = through_for_source(source)
    ctx.found.append(FoundAttribution(kind, content, cue, source_range, head, through, hint))
    ctx.taken.append(content)
