"""Relative clauses, by both parsers fuente runs: English spaCy's ``relcl`` and ``WP`` tags, and
Universal Dependencies' ``acl`` with a relative pronoun (the Spanish model's "quien aseguró")."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["is_relative", "relative_clause"]

SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass"}
OBJECTS = {"dobj", "obj"}
RELATIVE_CLAUSES = {"relcl", "acl:relcl"}


def is_relative(token: Token) -> bool:
    """A relative pronoun: "who", "which" (English tags), "quien", "que" (UD morphology)."""
    return token.tag_ in {"WP", "WDT"} or (
        token.pos_ == "PRON" and "Rel" in token.morph.get("PronType")
    )


def relative_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a relative clause: English ``relcl``, or a UD ``acl`` whose
    subject or object is a relative pronoun ("el abogado, quien aseguró …")."""
    if verb.dep_ in RELATIVE_CLAUSES:
        return True
    return verb.dep_ == "acl" and any(
        is_relative(c) and (c.dep_ in SUBJECTS or c.dep_ in OBJECTS) for c in verb.children
    )
