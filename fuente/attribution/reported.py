"""Reported speech and thought: "X said that …", "according to X, …", non-responses.

Cue verbs are taken outermost first, so a verb inside content already attributed ("many
Venezuelans expect …" inside what Abrams indicated) does not start an attribution of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fuente.actors.clauses import relative_clause
from fuente.actors.speaker_lexicons import compiled
from fuente.attribution.cues import (
    PASSIVE_AUXILIARIES,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    Context,
    FoundAttribution,
    add,
    chars,
    content_tokens,
    cue_preposition,
    cue_range,
    inside,
    overlaps,
    source_head,
    source_tokens,
    subject_in_verb,
    through,
    tokens_in,
)

__all__ = [
    "according", "according_phrases", "non_responses", "reported", "statement_nouns", "unsourced",
]  # fmt: skip


def reported(ctx: Context) -> None:
    """Reported speech and thought: cue verbs with content, outermost first."""
    doc, cues = ctx.doc, ctx.cues
    prepositional = {verb for verb, _ in cues.prepositional}
    words = cues.verbs | cues.opinion | prepositional
    verbs = [
        t
        for t in doc
        if t.lemma_.lower() in words  # the cheap test first: most words are no cue
        and (t.pos_ in {"VERB", "AUX"} or any(c.dep_ in SUBJECTS for c in t.children))
        and not inside(t.idx, ctx.quoted)
    ]
    verbs.sort(key=lambda t: (len(list(t.ancestors)), t.i))
    for verb in verbs:
        if inside(verb.idx, ctx.taken):
            continue
        content = content_tokens(verb, cues)
        if content is None or _how_spoken(verb, content[0]):
            continue
        tokens, how = content
        lemma = verb.lemma_.lower()
        if how != "preposition" and lemma not in cues.verbs and lemma not in cues.opinion:
            continue  # a verb that is a cue only with its preposition ("spoke of")
        source = source_tokens(verb)
        hint = subject_in_verb(verb, cues) if source is None and how != "host" else None
        if source and tokens and tokens[-1].i < verb.i and tokens[-1].i < source[0].i:
            tokens = _fronted(verb, source)
        elif hint and tokens and tokens[-1].i < verb.i:
            tokens = [t for t in verb.sent if t.i < verb.i]  # "A, B, agregó."
        if hint is None and (source is None or not any(t.is_alpha for t in source)):
            continue
        if source and source_head(source).lower_ in cues.generic:
            continue
        content_range = chars(tokens)
        if content_range is None or len([t for t in tokens if t.is_alpha]) < 2:
            continue
        if overlaps(content_range, ctx.taken):
            continue
        if source and inside(source[0].idx, ctx.quoted):
            continue
        quoted_inside = [q for q in ctx.quoted if content_range[0] <= q[0] < content_range[1]]
        whole_quote = any(
            q[0] <= content_range[0] + 1 and content_range[1] - 1 <= q[1] for q in ctx.quoted
        )
        kind = "direct" if whole_quote else ("mixed" if quoted_inside else "indirect")
        cue = cue_range(verb)
        preposition = cue_preposition(verb, cues) if how == "preposition" else None
        if preposition is not None:
            cue = (cue[0], preposition.idx + len(preposition.text))
        add(ctx, kind, content_range, cue, source, through(verb), hint)


def _how_spoken(verb: Token, content: list[Token]) -> bool:
    """A relative clause on a source that says how it spoke, not what ("una fuente que pidió
    no ser identificada", "an official who asked not to be named")."""
    if not relative_clause(verb):
        return False
    anonymity = compiled(None, language=verb.lang_).words.get("anonymity", frozenset())
    return any(t.lemma_.lower() in anonymity for t in content)


def _fronted(verb: Token, source: list[Token]) -> list[Token]:
    """Content put before its cue ("A, but B, the source added."): everything from the start
    of the sentence to the source or the cue, whichever comes first; the parse often hangs
    only the last clause on the verb."""
    end = min(verb.i, source[0].i)
    return [t for t in verb.sent if t.i < end]


def according(ctx: Context) -> None:
    """ "According to X, …": the cue, its source, and the clause it qualifies."""
    for token in ctx.doc:
        if token.lower_ != "according" or inside(token.idx, ctx.quoted + ctx.taken):
            continue
        to = [c for c in token.children if c.lower_ == "to"]
        objects = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
        if not objects:
            continue
        source_head = objects[0]
        possessors = [c for c in source_head.children if c.dep_ == "poss"]
        if source_head.lemma_ in ctx.cues.statement_nouns and possessors:
            source = list(possessors[0].subtree)
        else:
            source = list(source_head.subtree)
        host = token.head
        while host.dep_ not in {"ROOT", "ccomp", "conj"} and host.head is not host:
            host = host.head
        sentence = token.sent
        phrase = {token.i} | {t.i for t in to[0].subtree}
        content = [t for t in sentence if t.i not in phrase and not t.is_space]
        if [t.lower_ for t in content if t.is_alpha] in (["that"], ["this"]):
            content = _previous_sentence(ctx.doc, sentence) or content
        content_range = chars(content)
        if content_range is None or len([t for t in content if t.is_alpha]) < 3:
            continue
        cue = (token.idx, to[0].idx + len(to[0].text))
        quoted_inside = any(content_range[0] <= q[0] < content_range[1] for q in ctx.quoted)
        add(ctx, "mixed" if quoted_inside else "indirect", content_range, cue, source, None)


def according_phrases(ctx: Context) -> None:
    """ "Según X, …", "de acuerdo con X, …": a phrase of the cues' ``according_phrases``
    that marks the noun it governs as the source of the rest of its sentence. The source's
    relative clause ("…, quien aseguró que …") is left to the reported speech it holds."""
    if not ctx.cues.according:
        return
    doc = ctx.doc
    for token in doc:
        if inside(token.idx, ctx.quoted + ctx.taken):
            continue
        words = next((p for p in ctx.cues.according if _phrase_at(doc, token.i, p)), None)
        if words is None:
            continue
        last = doc[token.i + len(words) - 1]
        heads = [t.head for t in doc[token.i : last.i + 1] if t.head.i > last.i]
        if not heads or heads[0].pos_ not in {"NOUN", "PROPN", "PRON"}:
            continue  # "según reseñó EFE": a verb follows, not a source
        head = heads[0]
        clauses = {t.i for c in head.children if relative_clause(c) for t in c.subtree}
        source = [t for t in head.subtree if t.i > last.i and t.i not in clauses]
        if token.i == token.sent.start:
            # "Según X, …": the source ends at the comma that opens what it says
            commas = [t.i for t in source if t.text == ","]
            source = [t for t in source if not commas or t.i < commas[0]]
        phrase = set(range(token.i, last.i + 1)) | {t.i for t in source} | clauses
        content = [t for t in token.sent if t.i not in phrase and not t.is_space]
        content_range = chars(content)
        if content_range is None or len([t for t in content if t.is_alpha]) < 3:
            continue
        cue = (token.idx, last.idx + len(last.text))
        quoted_inside = any(content_range[0] <= q[0] < content_range[1] for q in ctx.quoted)
        add(ctx, "mixed" if quoted_inside else "indirect", content_range, cue, source, None)


def _phrase_at(doc: Doc, start: int, words: tuple[str, ...]) -> bool:
    end = start + len(words)
    return end <= len(doc) and all(doc[start + k].lower_ == w for k, w in enumerate(words))


def _previous_sentence(doc: Doc, sentence: Span) -> list[Token] | None:
    """The sentence before ``sentence`` (what "That, according to X" points back to)."""
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    while not any(t.is_alpha for t in previous) and previous.start > 0:
        previous = doc[previous.start - 1].sent
    return list(previous)


def non_responses(ctx: Context) -> None:
    for sentence in ctx.doc.sents:
        for match in ctx.cues.non_response.finditer(sentence.text):
            start = sentence.start_char + match.start()
            if inside(start, ctx.quoted):
                continue
            span = tokens_in(ctx.doc, (start, sentence.start_char + match.end()))
            if span is None:
                continue
            verb = span.root if span.root.pos_ in {"VERB", "AUX"} else span[0].head
            source = source_tokens(verb)
            ctx.found.append(
                FoundAttribution(
                    "non-response",
                    (span.start_char, span.end_char),
                    cue_range(verb),
                    chars(source) if source else None,
                    source_head(source).i if source else None,
                )
            )


def statement_nouns(ctx: Context) -> None:
    """A statement named by a noun with its owner and its clause: "Varga's claim that …",
    "a warning from the bank that …"."""
    for noun in ctx.doc:
        if noun.lemma_.lower() not in ctx.cues.statement_nouns or noun.pos_ != "NOUN":
            continue
        if inside(noun.idx, ctx.quoted) or inside(noun.idx, ctx.taken):
            continue
        clauses = [
            c
            for c in noun.children
            if c.dep_ in {"acl", "ccomp", "relcl"}
            and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
        ]
        owners = [c for c in noun.children if c.dep_ == "poss"]
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}):
            owners.extend(g for g in prep.children if g.dep_ == "pobj")
        if not clauses or not owners:
            continue
        content = chars(list(clauses[0].subtree))
        if content is None or overlaps(content, ctx.taken):
            continue
        add(
            ctx,
            "indirect",
            content,
            (noun.idx, noun.idx + len(noun.text)),
            list(owners[0].subtree),
            None,
        )


def unsourced(ctx: Context) -> None:
    """Attributions without a source: "X is reportedly …", "X is said to …", "it is believed
    that …". What is attributed is the clause; who holds it the text does not say."""
    for token in ctx.doc:
        hearsay = token.lower_ in ctx.cues.hearsay and token.dep_ == "advmod"
        if not hearsay and token.lemma_.lower() not in ctx.cues.verbs:
            continue  # the cheap test first: most words are neither
        if inside(token.idx, ctx.quoted) or inside(token.idx, ctx.taken):
            continue
        if hearsay:
            clause = [t for t in token.head.subtree if t.i != token.i]
            _add_unsourced(ctx, clause, token)
        elif (
            token.lemma_.lower() in ctx.cues.verbs
            and any(c.dep_ in PASSIVE_AUXILIARIES for c in token.children)
            and not any(c.dep_ == "agent" for c in token.children)
        ):
            subject = [c for c in token.children if c.dep_ in PASSIVE_SUBJECTS]
            complement = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}]
            if not complement:
                continue
            if subject and subject[0].lower_ == "it":
                _add_unsourced(ctx, list(complement[0].subtree), token)
            elif subject:
                clause = list(subject[0].subtree) + list(complement[0].subtree)
                _add_unsourced(ctx, sorted(clause, key=lambda t: t.i), token)


def _add_unsourced(ctx: Context, clause: list[Token], cue: Token) -> None:
    content = chars(clause)
    if content is None or len([t for t in clause if t.is_alpha]) < 3:
        return
    if overlaps(content, ctx.taken):
        return
    ctx.found.append(FoundAttribution("indirect", content, (cue.idx, cue.idx + len(cue.text))))
    ctx.taken.append(content)
