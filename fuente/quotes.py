"""Attributions: what an article ascribes to someone, with its content, cue and source.

``find_attributions(doc, *, settings)`` reads one annotated spaCy Doc and returns ``Found``
records: spans only, speakers are resolved afterwards (``fuente.coref``). The forms it knows:

* direct quotations, one or many sentences, across paragraphs, split around the cue
  (“A,” he said. “B.”), with the cue before, after or inside them;
* reported speech and thought: a cue verb with a clause ("X said that …", "…, X warned",
  "X believes …", "as X told AP, …"), "according to X, …", "X expressed concern that …";
* mixed: reported speech holding a quoted fragment;
* interviews: an answer in quotation marks with no cue belongs to the one being asked, and
  the questions are the author's;
* a quotation set off after a colon on a line of its own, without quotation marks;
* non-responses ("did not respond to requests for comment"), kept apart from claims.

Verbs inside a quotation are the quoted speaker's words, never new attributions.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from fuente.lexicon import load_lexicon
from fuente.quotemarks import Quote, find_quotes
from fuente.settings import Settings

__all__ = ["EXTRACTOR", "Found", "find_attributions"]

EXTRACTOR = "quotes@1"

SUBJECTS = {"nsubj", "nsubjpass"}
CONTENT_DEPS = {"ccomp"}
INTENT_VERBS = {"want", "plan", "hope", "expect", "intend", "promise", "vow", "threaten", "fear"}
OBJECT_VERBS = {"deny", "confirm", "announce", "acknowledge", "admit", "allege", "predict"}
CONCERN_VERBS = {"express", "voice", "raise", "share"}
CONCERN_NOUNS = {"concern", "concerns", "fear", "fears", "hope", "doubt", "worry", "belief"}
FIRST_PERSON = {"i", "we"}
GENERIC_SOURCES = {"you", "one", "it", "there"}
BARE_CLAUSE_VERBS = {"say", "think", "believe", "claim"}
Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Found:
    """One attribution as found in the text: spans, and hints for resolving its speaker.

    ``speaker_hint`` is ``author`` (the first-person narrator), ``interviewee`` (an answer in
    an interview), ``previous`` (a quotation continuing the previous speaker's), or None
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
    according: tuple[str, ...]
    statement_nouns: frozenset[str]
    non_response: re.Pattern[str]
    opinion: frozenset[str]
    clause: frozenset[str]


@cache
def _cues(lexicon_dir: str | None) -> Cues:
    from fuente.settings import Settings as _Settings

    data = load_lexicon("cues", settings=_Settings(lexicon_dir=lexicon_dir))
    return Cues(
        verbs=frozenset(data.get("verbs", ())),
        quote_only=frozenset(data.get("quote_only_verbs", ())),
        according=tuple(data.get("according", ())),
        statement_nouns=frozenset(data.get("statement_nouns", ())),
        opinion=frozenset(data.get("opinion_verbs", ())),
        clause=frozenset(data.get("clause_verbs", ())),
        non_response=re.compile("|".join(f"(?:{p})" for p in data.get("non_response", ())), re.I),
    )


# -- spans -----------------------------------------------------------------------------------


def _chars(tokens: list[Token] | Span) -> Range | None:
    words = [t for t in tokens if not t.is_space]
    while words and (words[-1].is_punct and words[-1].text not in ")]”’\"'"):
        words.pop()
    while words and words[0].is_punct and words[0].text not in "([“‘\"'":
        words.pop(0)
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _subtree(token: Token, *, without: Token | None = None) -> list[Token]:
    """``token``'s subtree as a list in order, leaving out ``without``'s subtree."""
    skip = set(t.i for t in without.subtree) if without is not None else set()
    return [t for t in token.subtree if t.i not in skip]


def _inside(position: int, ranges: list[Range]) -> bool:
    return any(start <= position < end for start, end in ranges)


# -- sources and outlets -----------------------------------------------------------------------


def _source_tokens(verb: Token, depth: int = 0) -> list[Token] | None:
    """The words naming who speaks through ``verb``: its subject, the noun a relative clause
    hangs on ("X, who told AP, …"), the subject of the verb it depends on ("…, adding that"),
    or the agent of a passive."""
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.lower_ != "it":
            if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                head = verb.head
                return [t for t in head.subtree if t.i < verb.left_edge.i]
            return list(child.subtree)
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return list(objects[0].subtree)
    if depth < 2 and verb.dep_ in {"conj", "advcl", "xcomp", "dep"} and verb.head is not verb:
        return _source_tokens(verb.head, depth + 1)
    return None


def _source_head(tokens: list[Token]) -> Token:
    """The syntactic head of a run of tokens: the one whose head lies outside it."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head is token:
            return token
    return tokens[0]


def _through(verb: Token) -> Range | None:
    """Where an outlet receives the words: "told the Times", "to AP", "in an interview with
    CNN", "who spoke to Bloomberg"."""
    for child in verb.children:
        if (
            child.dep_ in {"dative", "dobj"}
            and child.pos_ in {"PROPN", "NOUN"}
            and verb.lemma_ in {"tell", "give", "grant"}
            and any(t.pos_ == "PROPN" or t.ent_type_ == "ORG" for t in child.subtree)
        ):
            return _chars(list(child.subtree))
        if child.dep_ == "prep" and child.lower_ in {"to", "with", "in"}:
            for grand in child.children:
                if grand.dep_ != "pobj":
                    continue
                if grand.lower_ == "interview":
                    for deeper in grand.children:
                        if deeper.dep_ == "prep" and deeper.lower_ in {"with", "on", "to"}:
                            objects = [g for g in deeper.children if g.dep_ == "pobj"]
                            if objects:
                                return _chars(list(objects[0].subtree))
                elif child.lower_ == "to" and grand.pos_ == "PROPN":
                    return _chars(list(grand.subtree))
    return None


def _through_for_source(tokens: list[Token]) -> Range | None:
    """An outlet named in a relative clause on the source: "an official who spoke to CNN"."""
    for token in tokens:
        if token.dep_ == "relcl" and token.lemma_ in {"speak", "talk", "tell"}:
            return _through(token)
    return None


# -- content of reported speech ----------------------------------------------------------------


def _content_tokens(verb: Token, cues: Cues) -> tuple[list[Token], str] | None:
    """What ``verb`` reports, and how it was found: a clause, an intention, an object, or the
    clause an "as X said" or a parenthetical "X said" attaches to."""
    children = list(verb.children)
    for child in children:
        if child.dep_ in CONTENT_DEPS:
            return list(child.subtree), "clause"
    if verb.lemma_ in INTENT_VERBS:
        for child in children:
            if child.dep_ == "xcomp":
                return list(child.subtree), "intent"
    if verb.lemma_ in OBJECT_VERBS:
        for child in children:
            if child.dep_ == "dobj" and len(list(child.subtree)) >= 3:
                return list(child.subtree), "object"
    if verb.lemma_ in CONCERN_VERBS:
        for child in children:
            if child.dep_ == "dobj" and child.lower_ in CONCERN_NOUNS:
                clauses = [g for g in child.children if g.dep_ in {"acl", "ccomp", "relcl"}]
                if clauses and any(t.lower_ == "that" for t in clauses[0].subtree):
                    return list(clauses[0].subtree), "clause"
    marked_as = any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    if (marked_as and verb.dep_ == "advcl") or verb.dep_ == "parataxis":
        head = verb.head
        return _subtree(head, without=verb), "host"
    if verb.lemma_ in cues.opinion:
        subjects = [c for c in children if c.dep_ in SUBJECTS]
        tokens = _subtree(verb, without=subjects[0] if subjects else None)
        return [t for t in tokens if t.i >= verb.i], "opinion"
    if verb.lemma_ in cues.clause:
        return _rest_of_sentence(verb)
    return None


def _rest_of_sentence(verb: Token) -> tuple[list[Token], str] | None:
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
        bare = verb.lemma_ in BARE_CLAUSE_VERBS
        if not bare or not rest or rest[0].is_punct or rest[0].pos_ in {"ADP", "ADV"}:
            return None
    clause = rest[start:]
    has_verb = any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "VBN"} for t in clause)
    if len([t for t in clause if t.is_alpha]) < 4 or not has_verb:
        return None
    return clause, "surface"


def _cue_range(verb: Token) -> Range:
    """The cue: the verb with its particle or auxiliaries of negation kept out."""
    end_token = verb
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end_token = child
    return verb.idx, end_token.idx + len(end_token.text)


def _tokens_in(doc: Doc, span: Range) -> Span | None:
    return doc.char_span(span[0], span[1], alignment_mode="expand")


@dataclass
class _Context:
    doc: Doc
    cues: Cues
    quotes: list[Quote]
    quoted: list[Range]
    found: list[Found]
    taken: list[Range]  # content already attributed; verbs inside are not new attributions


def _overlaps(span: Range, ranges: list[Range]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in ranges)


# -- the forms ----------------------------------------------------------------------------------


def _reported(ctx: _Context) -> None:
    """Reported speech and thought: cue verbs with content, outermost first."""
    doc, cues = ctx.doc, ctx.cues
    verbs = [
        t
        for t in doc
        if (t.pos_ in {"VERB", "AUX"} or any(c.dep_ in SUBJECTS for c in t.children))
        and (t.lemma_.lower() in cues.verbs or t.lemma_.lower() in cues.opinion)
        and not _inside(t.idx, ctx.quoted)
    ]
    verbs.sort(key=lambda t: (len(list(t.ancestors)), t.i))
    for verb in verbs:
        if _inside(verb.idx, ctx.taken):
            continue
        content = _content_tokens(verb, cues)
        if content is None:
            continue
        tokens, how = content
        source = _source_tokens(verb)
        if source is None and how != "host":
            continue
        if source is None or not any(t.is_alpha for t in source):
            continue
        if _source_head(source).lower_ in GENERIC_SOURCES:
            continue
        content_range = _chars(tokens)
        if content_range is None or len([t for t in tokens if t.is_alpha]) < 2:
            continue
        if _overlaps(content_range, ctx.taken):
            continue
        if _inside(source[0].idx, ctx.quoted):
            continue
        quoted_inside = [q for q in ctx.quoted if content_range[0] <= q[0] < content_range[1]]
        whole_quote = any(
            q[0] <= content_range[0] + 1 and content_range[1] - 1 <= q[1] for q in ctx.quoted
        )
        kind = "direct" if whole_quote else ("mixed" if quoted_inside else "indirect")
        _add(ctx, kind, content_range, _cue_range(verb), source, _through(verb))


def _add(
    ctx: _Context,
    kind: str,
    content: Range,
    cue: Range | None,
    source: list[Token] | None,
    through: Range | None,
    hint: str | None = None,
) -> None:
    source_range = _chars(source) if source else None
    head = _source_head(source).i if source else None
    if source and head is not None and ctx.doc[head].lower_ in FIRST_PERSON:
        hint = "author"
    if through is None and source:
        through = _through_for_source(source)
    ctx.found.append(Found(kind, content, cue, source_range, head, through, hint))
    ctx.taken.append(content)


def _according(ctx: _Context) -> None:
    """ "According to X, …": the cue, its source, and the clause it qualifies."""
    for token in ctx.doc:
        if token.lower_ != "according" or _inside(token.idx, ctx.quoted + ctx.taken):
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
        content_range = _chars(content)
        if content_range is None or len([t for t in content if t.is_alpha]) < 3:
            continue
        cue = (token.idx, to[0].idx + len(to[0].text))
        quoted_inside = any(content_range[0] <= q[0] < content_range[1] for q in ctx.quoted)
        _add(ctx, "mixed" if quoted_inside else "indirect", content_range, cue, source, None)


def _previous_sentence(doc: Doc, sentence: Span) -> list[Token] | None:
    """The sentence before ``sentence`` (what "That, according to X" points back to)."""
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    while not any(t.is_alpha for t in previous) and previous.start > 0:
        previous = doc[previous.start - 1].sent
    return list(previous)


def _non_responses(ctx: _Context) -> None:
    for sentence in ctx.doc.sents:
        for match in ctx.cues.non_response.finditer(sentence.text):
            start = sentence.start_char + match.start()
            if _inside(start, ctx.quoted):
                continue
            span = _tokens_in(ctx.doc, (start, sentence.start_char + match.end()))
            if span is None:
                continue
            verb = span.root if span.root.pos_ in {"VERB", "AUX"} else span[0].head
            source = _source_tokens(verb)
            ctx.found.append(
                Found(
                    "non-response",
                    (span.start_char, span.end_char),
                    _cue_range(verb),
                    _chars(source) if source else None,
                    _source_head(source).i if source else None,
                )
            )


def _cues_in(ctx: _Context, quote_span: Span) -> list[Token]:
    """Cue verbs outside quotation marks in the sentence(s) of a quotation."""
    starts = {quote_span[0].sent.start, quote_span[-1].sent.start}
    return [
        token
        for start in starts
        for token in ctx.doc[start].sent
        if token.pos_ in {"VERB", "AUX"}
        and not _inside(token.idx, ctx.quoted)
        and token.lemma_.lower() in ctx.cues.verbs
    ]


def _cue_near(ctx: _Context, quote_span: Span) -> Token | None:
    """A cue verb outside quotation marks in the sentence(s) the quotation belongs to."""
    sentences = {quote_span[0].sent.start, quote_span[-1].sent.start}
    candidates = []
    for start in sentences:
        for token in ctx.doc[start].sent:
            if token.pos_ not in {"VERB", "AUX"} or _inside(token.idx, ctx.quoted):
                continue
            lemma = token.lemma_.lower()
            if lemma in ctx.cues.verbs or lemma in ctx.cues.quote_only:
                distance = min(abs(token.i - quote_span.start), abs(token.i - quote_span.end))
                candidates.append((distance, token))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _before_in_paragraph(ctx: _Context, span: Span) -> Span | None:
    """The sentence just before ``span`` in the same paragraph, if any."""
    first = span[0].sent
    if first.start == 0:
        return None
    previous = ctx.doc[first.start - 1].sent
    gap = ctx.doc.text[previous.end_char : first.start_char]
    return None if "\n" in gap else previous


def _direct(ctx: _Context) -> None:
    """Quotations: with a cue beside them, as answers in an interview, or continuing the
    previous speaker's quotation."""
    doc = ctx.doc
    previous_direct: Found | None = None
    for group in _quote_groups(ctx.quotes, doc.text):
        content = (group[0].start, group[-1].end)
        if _overlaps(content, ctx.taken):
            continue
        span = _tokens_in(doc, (group[0].outer_start, group[-1].outer_end))
        if span is None or len([t for t in span if t.is_alpha]) < 1:
            continue
        if _is_title(span) or (not _stands_alone(span) and _words(span) < 4):
            continue  # a name or title in quotation marks, or a phrase quoted in passing
        verb = _cue_near(ctx, span)
        source = _source_tokens(verb) if verb is not None else None
        if any(_reports_more(v, content, ctx.cues) for v in _cues_in(ctx, span)):
            continue  # the quotation is part of reported speech: a mixed attribution
        if verb is not None and source:
            _add(ctx, "direct", content, _cue_range(verb), source, _through(verb))
            previous_direct = ctx.found[-1]
            continue
        before = _before_in_paragraph(ctx, span)
        asked = before is not None and _is_asked(before)
        if before is not None and not asked and verb is None:
            lead_in = _lead_in_cue(ctx, before)
            if lead_in is not None:
                _add(ctx, "direct", content, _cue_range(lead_in), _source_tokens(lead_in), None)
                previous_direct = ctx.found[-1]
                continue
        if asked or (before is not None and before.text.rstrip().endswith("?")):
            _add(ctx, "direct", content, None, None, None, hint="interviewee")
            previous_direct = ctx.found[-1]
            if not asked:
                _question(ctx, before)
            continue
        if not _stands_alone(span):
            continue
        if previous_direct is not None and _near(doc.text, previous_direct.content[1], content[0]):
            _add(ctx, "direct", content, None, None, None, hint="previous")
            previous_direct = ctx.found[-1]


def _words(span: Span) -> int:
    return sum(1 for t in span if t.is_alpha)


def _is_title(span: Span) -> bool:
    """A quoted name or title ("Fox News Sunday"): short, every word capitalised."""
    words = [t for t in span if t.is_alpha]
    return 0 < len(words) <= 5 and all(t.text[0].isupper() for t in words if len(t) > 3)


def _reports_more(verb: Token, content: Range, cues: Cues) -> bool:
    """Whether ``verb`` reports a clause that holds the quotation and more besides."""
    reported = _content_tokens(verb, cues)
    if reported is None:
        return False
    span = _chars(reported[0])
    if span is None or not (span[0] <= content[0] and content[1] <= span[1] + 1):
        return False
    extra = [t for t in reported[0] if t.is_alpha and not content[0] <= t.idx < content[1]]
    return len(extra) >= 3


def _is_asked(sentence: Span) -> bool:
    """ "I asked." and the like: the author asking, with the question beside it."""
    root = sentence.root
    return (
        root.lemma_ == "ask"
        and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in root.children)
        and not any(
            c.dep_ in {"ccomp", "dobj", "xcomp"} and c.pos_ != "PRON" for c in root.children
        )
    )


def _lead_in_cue(ctx: _Context, sentence: Span) -> Token | None:
    """A short sentence that leads into the quotation after it ("He paused.", "I pressed
    him.", "She added:"): its cue verb, if it has one and a subject."""
    root = sentence.root
    lemma = root.lemma_.lower()
    if lemma not in ctx.cues.verbs | ctx.cues.quote_only or _inside(root.idx, ctx.quoted):
        return None
    if _content_tokens(root, ctx.cues) is not None or _source_tokens(root) is None:
        return None
    return root if len([t for t in sentence if t.is_alpha]) <= 8 else None


def _asked_questions(ctx: _Context) -> None:
    """The author's questions around "I asked": "And democracy? I asked." """
    sentences = list(ctx.doc.sents)
    for i, sentence in enumerate(sentences):
        if not _is_asked(sentence) or _inside(sentence.start_char, ctx.quoted):
            continue
        questions = [
            s
            for s in sentences[max(0, i - 1) : i + 2]
            if s is not sentence
            and s.text.rstrip().endswith("?")
            and "\n"
            not in ctx.doc.text[
                min(s.end_char, sentence.end_char) : max(s.start_char, sentence.start_char)
            ]
            and not _inside(s.start_char, ctx.quoted)
        ]
        for question in questions:
            content = _chars(question)
            if content is not None and not _overlaps(content, ctx.taken):
                _add(ctx, "direct", content, _cue_range(sentence.root),
                     [t for t in sentence if t.dep_ == "nsubj"], None)  # fmt: skip


def _question(ctx: _Context, sentence: Span) -> None:
    """An author's question before an interview answer."""
    if not _overlaps((sentence.start_char, sentence.end_char), ctx.taken):
        ctx.found.append(
            Found("direct", (sentence.start_char, sentence.end_char), speaker_hint="author")
        )
        ctx.taken.append((sentence.start_char, sentence.end_char))


def _stands_alone(span: Span) -> bool:
    """A quotation that is (nearly) its whole sentence, not a phrase quoted inside one."""
    sentence = span[0].sent
    outside = [t for t in sentence if t.is_alpha and not (span.start <= t.i < span.end)]
    return len(outside) <= 2


def _near(text: str, end: int, start: int) -> bool:
    """Whether two positions are at most one paragraph break apart."""
    return text[end:start].count("\n") <= 2 and start - end < 600


def _quote_groups(quotes: list[Quote], text: str) -> list[list[Quote]]:
    """Quotations joined across paragraphs, and those split around a short cue in one
    sentence (“A,” he said. “B.”)."""
    groups: list[list[Quote]] = []
    for quote in quotes:
        if groups and (quote.joined or _split_by_cue(text, groups[-1][-1], quote)):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


def _split_by_cue(text: str, first: Quote, second: Quote) -> bool:
    between = text[first.outer_end : second.outer_start]
    words = between.split()
    return (
        "\n" not in between
        and 1 <= len(words) <= 6
        and text[first.end - 1 : first.end] in {",", ".", "!", "?"}
        and between.rstrip()[-1:] in {".", ","}
    )


def _colon_lines(ctx: _Context) -> None:
    """A line ending in a colon with a cue ("Here's what one official told the Times:") and
    the next line, without quotation marks, as what was said."""
    doc = ctx.doc
    text = doc.text
    for sentence in doc.sents:
        if not sentence.text.rstrip().endswith(":"):
            continue
        after = sentence.start_char + len(sentence.text.rstrip())
        line_end = text.find("\n", after)
        if line_end == -1 or text[after:line_end].strip():
            continue
        following = [s for s in doc[sentence.end :].sents][:1] if sentence.end < len(doc) else []
        if not following:
            continue
        start = following[0].start_char
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        if text[start] in '“"«' or _overlaps((start, end), ctx.taken):
            continue
        verbs = [
            t
            for t in sentence
            if t.pos_ == "VERB"
            and (t.lemma_.lower() in ctx.cues.verbs or t.lemma_.lower() in ctx.cues.opinion)
            and not _inside(t.idx, ctx.quoted)
        ]
        verbs.sort(key=lambda t: (_source_tokens(t) is None, -t.i))
        source = _source_tokens(verbs[0]) if verbs else None
        if verbs and source:
            _add(ctx, "direct", (start, end), _cue_range(verbs[0]), source, _through(verbs[0]))


def _paragraph_spans(text: str) -> list[Range]:
    spans, position = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
        position += len(line) + 1
    return spans


def _interview(ctx: _Context) -> None:
    """An interview printed as questions and answers without quotation marks: each question
    is the author's, the paragraph answering it the interviewee's."""
    text = ctx.doc.text
    paragraphs = _paragraph_spans(text)

    def is_question(span: Range) -> bool:
        words = text[span[0] : span[1]]
        return words.endswith("?") and len(words.split()) <= 60 and not _overlaps(span, ctx.quoted)

    pairs = [
        (question, answer)
        for question, answer in itertools.pairwise(paragraphs)
        if is_question(question)
        and not is_question(answer)
        and text[answer[0]] not in '“"«'
        and not _overlaps(answer, ctx.quoted)
    ]
    if len(pairs) < 2:
        return
    for question, answer in pairs:
        if _overlaps(question, ctx.taken) or _overlaps(answer, ctx.taken):
            continue
        ctx.found.append(Found("direct", question, speaker_hint="author"))
        ctx.found.append(Found("direct", answer, speaker_hint="interviewee"))
        ctx.taken.extend([question, answer])


def find_attributions(doc: Doc, *, settings: Settings) -> list[Found]:
    """Every attribution in ``doc``, in text order."""
    quotes = find_quotes(doc.text)
    ctx = _Context(
        doc=doc,
        cues=_cues(settings.lexicon_dir),
        quotes=quotes,
        quoted=[(q.outer_start, q.outer_end) for q in quotes],
        found=[],
        taken=[],
    )
    _non_responses(ctx)
    _colon_lines(ctx)
    _interview(ctx)
    _asked_questions(ctx)
    _direct(ctx)
    _according(ctx)
    _reported(ctx)
    return sorted(ctx.found, key=lambda f: f.content)
