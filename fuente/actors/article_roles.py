"""The roles an article gives the people it names, and the words a description of them uses.

A role is what a title or an apposition says a person is: "Sen. Bernie Sanders" gives Bernie
Sanders the role "senator", "MacDougall, Pagliano's lawyer" gives MacDougall "lawyer". A role
is folded to one word for each way of writing it (``roles`` of ``descriptions.yaml``: "sen" is
"senator"), and a rank word before it makes it another role ("Deputy Interior Minister Oskar
Brandt" is a deputy minister, not "the minister"; a vice president is not "the president").

A role may have an owner: "An attorney for Pagliano, Mark MacDougall" makes MacDougall
Pagliano's lawyer, whom "Pagliano's lawyer" names anywhere in the article (``relations``: a
role of someone is as good as a name where the article gives it to one person only).

``article_roles`` reads them once per Doc for ``fuente.actors.descriptions``; ``role_words``
gives the role a description or a knowledge-base office says ("the former Ohio governor":
"governor", with the qualifier "ohio").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from fuente.actors.known import words_of
from fuente.lexicon import read_lexicon
from fuente.nlp.entity_view import EntityMention, entity_view

__all__ = [
    "DescriptionWords", "article_roles", "description_words", "owner_of", "person_tokens",
    "ranked_role", "relations", "role_of", "role_words",
]  # fmt: skip

PLURAL_TAGS = frozenset({"NNS", "NNPS"})
ROLE_POS = frozenset({"NOUN", "PROPN"})
RUN_POS = frozenset({"NOUN", "PROPN", "ADJ"})
OWNER_PREPOSITIONS = frozenset({"for", "of", "to"})  # "an attorney for Pagliano"


@dataclass(frozen=True, slots=True)
class DescriptionWords:
    """The ``descriptions`` lexicon, compiled: each a folded word (or words) to what it is."""

    roles: dict[str, str]  # a form of a role -> the role ("sen" -> "senator")
    former: frozenset[str]
    not_roles: frozenset[str]
    body_heads: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()  # "deputy", "vice": a role below the one named
    qualifiers: dict[str, str] | None = None  # a form of a qualifier -> it ("gop" -> "republican")


def _forms(lists: Iterable[object]) -> dict[str, str]:
    """Each form of a list of forms -> the list's first (folded)."""
    found: dict[str, str] = {}
    for forms in lists:
        names = [" ".join(words_of(str(form))) for form in forms]  # type: ignore[union-attr]
        for name in names:
            found.setdefault(name, names[0])
    return found


@cache
def description_words(lexicon_dir: str | None) -> DescriptionWords:
    lexicon = read_lexicon("descriptions", lexicon_dir=lexicon_dir)
    return DescriptionWords(
        roles=_forms(lexicon.get("roles", ())),
        former=frozenset(str(word) for word in lexicon.get("former", ())),
        not_roles=frozenset(str(w) for w in lexicon.get("not-roles", ())),
        body_heads=frozenset(str(w) for w in lexicon.get("body-heads", ())),
        ranks=frozenset(str(w) for w in lexicon.get("ranks", ())),
        qualifiers=_forms(lexicon.get("qualifiers", ())),
    )


def role_of(token: Token, words: DescriptionWords) -> str:
    """The role a noun says, with the word before it where the two are one of the role's
    forms ("chief executive")."""
    word = (token.lemma_ or token.text).lower().rstrip(".")
    if token.i > 0 and (pair := f"{token.nbor(-1).lower_} {word}") in words.roles:
        return words.roles[pair]
    return words.roles.get(word, word)


def ranked_role(role: str, before: Iterable[Token], words: DescriptionWords) -> str:
    """The role with the rank word said before it, if any ("deputy minister")."""
    rank = next((t.lower_ for t in before if t.lower_ in words.ranks), None)
    return f"{rank} {role}" if rank else role


def role_words(said: str, words: DescriptionWords) -> tuple[str | None, frozenset[str]]:
    """The role a knowledge-base office names, ranked, and its other words, folded:
    "Republican presidential nominee" -> ("nominee", {"republican", "presidential"});
    "governor of Miranda" -> ("governor", {"miranda"}); "vice president" -> ("vice
    president", {"vice"})."""
    folded = words_of(said)
    before = folded[: folded.index("of")] if "of" in folded else folded
    if not before:
        return None, frozenset()
    pair = " ".join(before[-2:])
    role = words.roles.get(pair) or words.roles.get(before[-1], before[-1])
    rank = next((w for w in before[:-1] if w in words.ranks), None)
    qualifiers = words.qualifiers or {}
    others = frozenset(qualifiers.get(w, w) for w in folded if w != "of")
    return (f"{rank} {role}" if rank else role), others


def person_tokens(doc: Doc) -> list[int | None]:
    """For each token, the person cluster whose mention it is part of (None outside one)."""
    at = entity_view(doc).at
    found: list[int | None] = [None] * len(doc)
    for i, mention in at.items():
        if mention.entity is not None and mention.label == "PERSON":
            found[i] = mention.entity
    return found


def _run_before(doc: Doc, start: int, persons: list[int | None]) -> list[Token]:
    """The words of a title or role just before a name ("former Secretary of State")."""
    run: list[Token] = []
    i = start - 1
    while i >= 0 and len(run) < 6:
        token = doc[i]
        if token.is_sent_end or token.is_space:
            break
        if token.pos_ in RUN_POS or token.lower_ == "of" or token.text in {"-", "."}:
            if persons[token.i] is not None:
                break
            run.insert(0, token)
            i -= 1
            continue
        break
    while run and run[0].lower_ == "of":
        run.pop(0)
    return run


def _run_role(run: list[Token], words: DescriptionWords) -> str | None:
    """The role a title run gives: its last noun before any "of", ranked."""
    before = []
    for token in run:
        if token.lower_ == "of":
            break
        before.append(token)
    nouns = [t for t in before if t.pos_ in ROLE_POS or t.text[:1].isupper()]
    if not nouns:
        return None
    role = role_of(nouns[-1], words)
    if role in words.not_roles:
        return None
    return ranked_role(role, before[: before.index(nouns[-1])], words)


def _set_off(doc: Doc, mention: EntityMention, partner: Token) -> bool:
    """Whether ``partner`` heads words set off by a comma right beside the name ("Sanders, the
    Vermont senator"; "Venezuela's interior minister, Diosdado Cabello")."""
    if partner.pos_ not in ROLE_POS:
        return False
    first, last = partner.left_edge.i, partner.i
    after = mention.end < len(doc) and doc[mention.end].text == "," and first == mention.end + 1
    before = mention.start >= 2 and doc[mention.start - 1].text == "," and last == mention.start - 2
    return after or before


def _role_across_owner(doc: Doc, mention: EntityMention, persons: list[int | None]) -> Token | None:
    """The role noun a name set off after its owner's name belongs to ("An attorney for
    Pagliano, Mark MacDougall", which the parser hangs on "Pagliano": two people's names are
    never one another's apposition)."""
    if mention.start < 2 or doc[mention.start - 1].text != ",":
        return None
    owner = doc[mention.start - 2]
    entity = persons[mention.start]
    if persons[owner.i] is None or persons[owner.i] == entity:
        return None
    preposition = owner.head
    if owner.dep_ != "pobj" or preposition.lower_ not in OWNER_PREPOSITIONS:
        return None
    role = preposition.head
    return role if role.pos_ in ROLE_POS and persons[role.i] is None else None


def _equated(name: Token) -> Token | None:
    """The noun a name is said to be, or to be said to be, by "be" ("The administrator is
    Denise Turner Roth"; "Holm is the senator"); not where the verb is negated."""
    verb = name.head
    if name.dep_ not in ("nsubj", "attr") or verb.lemma_ != "be":
        return None
    if any(child.dep_ == "neg" for child in verb.children):
        return None
    other = "attr" if name.dep_ == "nsubj" else "nsubj"
    return next(
        (c for c in verb.children if c.dep_ == other and c.pos_ == "NOUN" and c.tag_ == "NN"),
        None,
    )


def article_roles(
    doc: Doc, words: DescriptionWords, persons: list[int | None]
) -> tuple[dict[int, set[str]], dict[int, int]]:
    """For each person cluster, the roles the article gives it; and for each description
    head in apposition to a person's name, or said by "be" to be the person, that person."""
    roles: dict[int, set[str]] = {}
    apposed: dict[int, int] = {}
    view = entity_view(doc)
    for token in doc:
        entity = persons[token.i]
        if entity is None:
            continue
        mention = view.at[token.i]
        if token.i == mention.start and (
            role := _run_role(_run_before(doc, token.i, persons), words)
        ):
            roles.setdefault(entity, set()).add(role)
        partners = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ == "appos":
            partners.append(token.head)
        said = [p for p in partners if _set_off(doc, mention, p)]
        if token.i == mention.end - 1 and (role := _role_across_owner(doc, mention, persons)):
            said.append(role)
        if token.i == mention.end - 1 and (other := _equated(token)) is not None:
            said.append(other)
        for partner in said:
            if persons[partner.i] is None:
                before = [t for t in partner.lefts]
                role = ranked_role(role_of(partner, words), before, words)
                roles.setdefault(entity, set()).add(role)
                apposed[partner.i] = entity
    return roles, apposed


def owner_of(role: Token, persons: list[int | None]) -> int | None:
    """The person cluster whose role ``role`` is: a possessive name before it ("Pagliano's
    lawyer") or the object of "for", "of" or "to" after it ("an attorney for Pagliano")."""
    for child in role.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" and persons[child.i] is not None:
            return persons[child.i]
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            for object_ in child.children:
                if object_.dep_ == "pobj" and persons[object_.i] is not None:
                    return persons[object_.i]
    return None


def relations(
    apposed: dict[int, int], doc: Doc, words: DescriptionWords, persons: list[int | None]
) -> dict[tuple[str, int], set[int]]:
    """For each (role, owner) the article gives in apposition to a name ("An attorney for
    Pagliano, Mark MacDougall"), the people it gives it to."""
    found: dict[tuple[str, int], set[int]] = {}
    for index, entity in apposed.items():
        role = doc[index]
        owner = owner_of(role, persons)
        if owner is not None and owner != entity:
            found.setdefault((role_of(role, words), owner), set()).add(entity)
    return found
