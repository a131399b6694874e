"""Which words of a sentence carry an event: the events lexicon matched on a parsed Doc.

``match_at`` finds the longest pattern of ``fuente/data/en/events.yaml`` whose words start at a
token (a later word within ``WINDOW`` tokens of the one before and hanging together with the
others in the parse), or a verb that ``object-as`` codes by what it acts on ("reopened the
border"). ``skipped`` says when matched words carry no event there; ``object_coding`` and
``noun_object_coding`` give the coding a verb or noun takes from its object.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from fuente.actors.coding import noun_lemma
from fuente.events.lexicon import PARTS, EventLexicon, Pattern
from fuente.events.syntax import infinitive
from fuente.lexicon import DEFAULT_LANGUAGE, words

__all__ = [
    "WINDOW",
    "EventMatch",
    "keys",
    "match_at",
    "noun_object_coding",
    "object_coding",
    "phrase_tokens",
    "skipped",
]

WINDOW = 4  # tokens a phrase's next word may lie after the previous one
OBJECTS = {"dobj", "nsubjpass"}  # what a verb acts on: its object, or its passive subject
NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}  # places only a noun takes
# the words (of data/<code>/words.yaml) that the matching reads, in the language it reads
LEFT = words("left-prepositions", language=DEFAULT_LANGUAGE)  # "withdrew from", "pulled out of"
PART_OF = words("part-prepositions", language=DEFAULT_LANGUAGE)  # "part of the stronghold"
NOUN_OBJECT = words("noun-object-prepositions", language=DEFAULT_LANGUAGE)  # "a ban on imports"
ASKING_FOR = words("request-prepositions", language=DEFAULT_LANGUAGE)  # "asked for talks"


@dataclass(frozen=True, slots=True)
class EventMatch:
    """The words that carry an event: the one its tree hangs from, all of them, and the
    pattern of the lexicon they match."""

    anchor: Token
    tokens: tuple[Token, ...]
    pattern: Pattern


def keys(token: Token) -> list[str]:
    """The forms a lexicon entry may name the token by: its lemma and its text, and the
    stems the lemmatiser may have missed ("cordoned" lemmatised as "cordone", "Officials")."""
    lemma, lower, tag = token.lemma_.lower(), token.lower_, token.tag_
    forms = [lemma, lower]
    if tag in {"NNS", "NNPS"} and lower.endswith("s"):
        forms.append(lower[:-1])
    elif tag in {"VBD", "VBN"} and lower.endswith("ed"):
        forms += [lower[:-2], lower[:-1]]
    elif tag == "VBG" and lower.endswith("ing"):
        forms += [lower[:-3], lower[:-3] + "e"]
    return list(dict.fromkeys(forms))


def _part(token: Token) -> str:
    """The token's part of speech, a noun where the parser gives a "verb" a noun's place
    ("conducted live-fire drills")."""
    if token.pos_ == "VERB" and token.dep_ in NOMINAL:
        return "NOUN"
    return token.pos_


def _word_matches(token: Token, word: str) -> bool:
    return word in keys(token)


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


def phrase_tokens(doc: Doc, token: Token, phrase: tuple[str, ...], end: int) -> list[Token] | None:
    """The tokens of a phrase whose first word is ``token``: each later word within ``WINDOW``
    tokens of the one before, before ``end``, and hanging together with the others in the
    parse ("held talks with Halvik as the crisis deepened" has no "hold as"); None if absent."""
    tokens, position = [token], token.i
    for word in phrase[1:]:
        nxt = next(
            (
                i
                for i in range(position + 1, min(end, position + 1 + WINDOW))
                if _word_matches(doc[i], word)
            ),
            None,
        )
        if nxt is None:
            return None
        tokens.append(doc[nxt])
        position = nxt
    inside = {t.i for t in tokens}
    return tokens if all(_linked(t, inside) for t in tokens[1:]) else None


def match_at(doc: Doc, token: Token, lexicon: EventLexicon, end: int) -> EventMatch | None:
    """The longest pattern whose words start at ``token``, with the tokens it covers."""
    part = _part(token)
    for key in keys(token):
        for pattern in lexicon.patterns.get(key, ()):
            if len(pattern.words) == 1 and part not in pattern.parts:
                continue
            tokens = phrase_tokens(doc, token, pattern.words, end)
            if tokens is not None:
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
                return EventMatch(anchor, tuple(tokens), pattern)
    coding = object_coding(token, lexicon) if token.pos_ == "VERB" else None
    if coding is not None:  # "reopened the border": the pair is the event
        pattern = Pattern((token.lemma_.lower(),), PARTS["verb"], *coding)
        return EventMatch(token, (token,), pattern)
    return None


def _object_words(thing: Token) -> Iterator[Token]:
    """The object, the nouns compounded with it and what it is a part or group of ("part of
    the stronghold", "a mission of observers")."""
    yield thing
    for child in thing.children:
        if child.dep_ == "compound":
            yield child
        elif child.dep_ == "prep" and child.lower_ in PART_OF:
            yield from (c for c in child.children if c.dep_ == "pobj")


def _left(preposition: Token) -> Iterator[Token]:
    """What a preposition of leaving names: "from the talks", "out of the talks"."""
    for child in preposition.children:
        if child.dep_ == "pobj":
            yield child
        elif child.dep_ == "prep" and child.lower_ in PART_OF:
            yield from (c for c in child.children if c.dep_ == "pobj")


def object_coding(verb: Token, lexicon: EventLexicon) -> tuple[str, str | None] | None:
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


def skipped(found: EventMatch, lexicon: EventLexicon) -> bool:
    """Words of the lexicon that carry no event here: a word modifying a noun ("coup talks",
    "the besieged town"), a verb whose object is a text ("released a statement", "the
    statement released") or whose particle makes another verb ("was sworn in"), an attempt
    ("sought to block"), a question, a noun a verb of no event takes ("poses a threat")."""
    anchor = found.anchor
    if len(found.tokens) == 1 and anchor.dep_ in {"compound", "amod"}:
        # a participle before a root noun is the sentence's misparsed verb ("Halvik massed
        # troops on the border")
        return anchor.pos_ != "VERB" or anchor.head.dep_ != "ROOT"
    if anchor.pos_ in {"NOUN", "PROPN"} and len(found.tokens) == 1:
        # "the threat the NRA poses", "those who pose a threat", "a threat posed by"
        verbs = [c for c in anchor.children if c.dep_ in {"relcl", "acl"}]
        if anchor.dep_ in {"dobj", "nsubjpass"}:
            verbs.append(anchor.head)
        noun = noun_lemma(anchor)
        if any(lexicon.has("not-events", f"{v.lemma_.lower()} {noun}") for v in verbs):
            return True
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
                (child.dep_ == "prep" and child.lower_ in ASKING_FOR)
                or (child.dep_ in {"xcomp", "ccomp"} and infinitive(child))
                for child in anchor.children
            )
            return not asks_for
    return False


def noun_object_coding(noun: Token, lexicon: EventLexicon) -> tuple[str, str | None] | None:
    """The coding ``object-as`` gives a noun of the verb's form with what its "on" or "of"
    phrase names ("a ban on imports" as "banned imports")."""
    lemma = noun.lemma_.lower()
    if lemma not in lexicon.object_verbs:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_OBJECT:
            for word in (c for c in child.children if c.dep_ == "pobj"):
                coding = lexicon.object_as.get((lemma, noun_lemma(word)))
                if coding is not None:
                    return coding
    return None
