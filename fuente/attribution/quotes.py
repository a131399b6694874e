"""Attributions: what an article ascribes to someone, with its content, cue and source.

``find_attributions(doc, *, settings)`` reads one annotated spaCy Doc and returns
``FoundAttribution`` records: spans only, speakers are resolved afterwards
(``fuente.attribution.speaker_resolution``). The forms it knows:

* direct quotations, one or many sentences, across paragraphs, split around the cue
  (“A,” he said. “B.”), with the cue before, after or inside them;
* reported speech and thought: a cue verb with a clause ("X said that …", "…, X warned",
  "X believes …", "as X told AP, …"), "according to X, …", "X expressed concern that …";
* mixed: reported speech holding a quoted fragment;
* interviews: an answer in quotation marks with no cue belongs to the one being asked, and
  the questions are the author's;
* a quotation set off after a colon on a line of its own, without quotation marks;
* a quotation signed with a dash and a name (“…” ― Ana Ruiz);
* non-responses ("did not respond to requests for comment"), kept apart from claims.

Verbs inside a quotation are the quoted speaker's words, never new attributions.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from fuente.attribution.cues import (
    OBJECTS,
    SUBJECTS,
    Context,
    Cues,
    FoundAttribution,
    Range,
    add,
    chars,
    content_tokens,
    cue_range,
    inside,
    load_cues,
    overlaps,
    source_tokens,
    subject_in_verb,
    through,
    tokens_in,
)
from fuente.attribution.quotemarks import Quote, doc_quotes, paragraph_spans, quoted_ranges
from fuente.attribution.reported import (
    according,
    according_phrases,
    non_responses,
    reported,
    statement_nouns,
    unsourced,
)
from fuente.lexicon import words
from fuente.nlp.annotate import doc_text
from fuente.nlp.entity_view import entity_label, entity_view
from fuente.settings import Settings

__all__ = ["EXTRACTOR", "FoundAttribution", "find_attributions"]

EXTRACTOR = "quotes@1"


def _sentence_starts(ctx: Context, quote_span: Span) -> set[int]:
    """The sentences a quotation belongs to: those it starts, runs through and ends in (a
    quotation split around its cue may run through the cue's sentence: “A. B,” he said. “C.”),
    and the one after it when the sentence runs on past the closing mark (“…,” said Caddell.)."""
    starts = {sentence.start for sentence in quote_span.sents}
    following = quote_span.end
    while following < len(ctx.doc) and ctx.doc[following].is_space:
        following += 1
    if following < len(ctx.doc):
        token = ctx.doc[following]
        same_line = "\n" not in doc_text(ctx.doc)[quote_span.end_char : token.idx]
        if same_line and (token.is_lower or token.pos_ in {"VERB", "AUX"}):
            starts.add(token.sent.start)
    return starts


def _cues_in(ctx: Context, quote_span: Span) -> list[Token]:
    """Cue verbs outside quotation marks in the sentence(s) of a quotation."""
    starts = _sentence_starts(ctx, quote_span)
    return [
        token
        for start in starts
        for token in ctx.doc[start].sent
        if token.pos_ in {"VERB", "AUX"}
        and not inside(token.idx, ctx.quoted)
        and token.lemma_.lower() in ctx.cues.verbs
    ]


def _cue_near(ctx: Context, quote_span: Span) -> Token | None:
    """A cue verb outside quotation marks in the sentence(s) the quotation belongs to."""
    sentences = _sentence_starts(ctx, quote_span)
    candidates = []
    for start in sentences:
        for token in ctx.doc[start].sent:
            if token.pos_ not in {"VERB", "AUX"} or inside(token.idx, ctx.quoted):
                continue
            lemma = token.lemma_.lower()
            if lemma in ctx.cues.verbs or lemma in ctx.cues.quote_only:
                distance = min(abs(token.i - quote_span.start), abs(token.i - quote_span.end))
                candidates.append((distance, token))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _before_in_paragraph(ctx: Context, span: Span) -> Span | None:
    """The sentence just before ``span`` in the same paragraph, if any."""
    first = span[0].sent
    if first.start == 0:
        return None
    previous = ctx.doc[first.start - 1].sent
    gap = doc_text(ctx.doc)[previous.end_char : first.start_char]
    return None if "\n" in gap else previous


def _quote_source(verb: Token, quote: Span) -> list[Token] | None:
    """Who speaks through the cue of a quotation: never the quotation's own words. The parser
    may take a quoted word for a second subject of the cue after it ("Nothing you can do,"
    Trump said: "Nothing" and "Trump"); the subject outside the quotation is the speaker."""
    source = source_tokens(verb)
    within = range(quote.start, quote.end)
    if not source or verb.i in within or not all(t.i in within for t in source):
        return source
    outside = [c for c in verb.children if c.dep_ in SUBJECTS and c.i not in within]
    return list(outside[0].subtree) if outside else None


def _direct(ctx: Context) -> None:
    """Quotations: with a cue beside them, as answers in an interview, or continuing the
    previous speaker's quotation."""
    doc = ctx.doc
    previous_direct: FoundAttribution | None = None
    for group in _quote_groups(ctx.quotes, doc_text(doc)):
        content = (group[0].start, group[-1].end)
        if overlaps(content, ctx.taken):
            continue
        span = tokens_in(doc, (group[0].outer_start, group[-1].outer_end))
        if span is None or len([t for t in span if t.is_alpha]) < 1:
            continue
        if _is_title(span) or (not _stands_alone(span) and _words(span) < 4):
            continue  # a name or title in quotation marks, or a phrase quoted in passing
        verb = _cue_near(ctx, span)
        source = _quote_source(verb, span) if verb is not None else None
        if any(_reports_more(v, content, ctx.cues) for v in _cues_in(ctx, span)):
            continue  # the quotation is part of reported speech: a mixed attribution
        if verb is not None and not source:
            source = _inverted_subject(verb, ctx.cues)
        hint = subject_in_verb(verb, ctx.cues) if verb is not None and not source else None
        if verb is not None and (source or hint):
            add(ctx, "direct", content, cue_range(verb), source, through(verb), hint)
            previous_direct = ctx.found[-1]
            continue
        before = _before_in_paragraph(ctx, span)
        asked = before is not None and _is_asked(before, ctx.cues)
        if before is not None and not asked and verb is None:
            lead_in = _lead_in_cue(ctx, before)
            if lead_in is not None:
                add(ctx, "direct", content, cue_range(lead_in), source_tokens(lead_in), None)
                previous_direct = ctx.found[-1]
                continue
        if asked or (before is not None and before.text.rstrip().endswith("?")):
            add(ctx, "direct", content, None, None, None, hint="interviewee")
            previous_direct = ctx.found[-1]
            if not asked:
                _question(ctx, before)
            continue
        if not _stands_alone(span):
            continue
        if previous_direct is not None and _near(
            doc_text(doc), previous_direct.content[1], content[0]
        ):
            add(ctx, "direct", content, None, None, None, hint="previous")
            previous_direct = ctx.found[-1]


def _inverted_subject(verb: Token, cues: Cues) -> list[Token] | None:
    """The speaker after a subjectless cue beside a quotation, parsed as its object ("«…»,
    contó una vecina"): where the language drops and inverts subjects, the quotation is what
    the verb says, so the noun right after it is who says it."""
    if cues.subject_in_verb is None:
        return None
    for child in verb.children:
        if child.dep_ in OBJECTS and child.pos_ in {"NOUN", "PROPN"} and 0 < child.i - verb.i <= 3:
            return [t for t in child.subtree if not t.is_punct or t.i < child.right_edge.i]
    return None


def _words(span: Span) -> int:
    return sum(1 for t in span if t.is_alpha)


def _is_title(span: Span) -> bool:
    """A quoted name or title ("Fox News Sunday"): short, every word capitalised."""
    words = [t for t in span if t.is_alpha]
    return 0 < len(words) <= 5 and all(t.text[0].isupper() for t in words if len(t) > 3)


def _reports_more(verb: Token, content: Range, cues: Cues) -> bool:
    """Whether ``verb`` reports a clause that holds the quotation and more besides."""
    reported = content_tokens(verb, cues)
    if reported is None:
        return False
    span = chars(reported[0])
    if span is None or not (span[0] <= content[0] and content[1] <= span[1] + 1):
        return False
    extra = [t for t in reported[0] if t.is_alpha and not content[0] <= t.idx < content[1]]
    return len(extra) >= 3


def _is_asked(sentence: Span, cues: Cues) -> bool:
    """ "I asked." and the like: the author asking, with the question beside it."""
    root = sentence.root
    return (
        root.lemma_ == "ask"
        and any(c.dep_ == "nsubj" and c.lower_ in cues.first_person for c in root.children)
        and not any(
            c.dep_ in {"ccomp", "dobj", "xcomp"} and c.pos_ != "PRON" for c in root.children
        )
    )


def _lead_in_cue(ctx: Context, sentence: Span) -> Token | None:
    """A short sentence that leads into the quotation after it ("He paused.", "I pressed
    him.", "She added:"): its cue verb, if it has one and a subject."""
    root = sentence.root
    lemma = root.lemma_.lower()
    if lemma not in ctx.cues.verbs | ctx.cues.quote_only or inside(root.idx, ctx.quoted):
        return None
    if content_tokens(root, ctx.cues) is not None or source_tokens(root) is None:
        return None
    return root if len([t for t in sentence if t.is_alpha]) <= 8 else None


def _asked_questions(ctx: Context) -> None:
    """The author's questions around "I asked": "And democracy? I asked." """
    sentences = list(ctx.doc.sents)
    for i, sentence in enumerate(sentences):
        if not _is_asked(sentence, ctx.cues) or inside(sentence.start_char, ctx.quoted):
            continue
        questions = [
            s
            for s in sentences[max(0, i - 1) : i + 2]
            if s is not sentence
            and s.text.rstrip().endswith("?")
            and "\n"
            not in doc_text(ctx.doc)[
                min(s.end_char, sentence.end_char) : max(s.start_char, sentence.start_char)
            ]
            and not inside(s.start_char, ctx.quoted)
        ]
        for question in questions:
            content = chars(question)
            if content is not None and not overlaps(content, ctx.taken):
                add(ctx, "direct", content, cue_range(sentence.root),
                     [t for t in sentence if t.dep_ == "nsubj"], None)  # fmt: skip


def _question(ctx: Context, sentence: Span) -> None:
    """An author's question before an interview answer."""
    if not overlaps((sentence.start_char, sentence.end_char), ctx.taken):
        ctx.found.append(
            FoundAttribution(
                "direct", (sentence.start_char, sentence.end_char), speaker_hint="author"
            )
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
    after = re.split(r"[.!?\n]", text[second.outer_end : second.outer_end + 200], maxsplit=1)[0]
    if len(after.split()) > 3:
        return False  # the second quotation belongs to a sentence, and a cue, of its own
    return (
        "\n" not in between
        and 1 <= len(words) <= 30
        and text[first.end - 1 : first.end] in {",", ".", "!", "?"}
        and between.rstrip()[-1:] in {".", ","}
        and not re.search(r"\b[a-z]{3,}[.!?]\s+[A-Z]", between.rstrip()[:-1])  # one sentence
    )


def _colon_lines(ctx: Context) -> None:
    """A line ending in a colon with a cue ("Here's what one official told the Times:") and
    the next line, without quotation marks, as what was said."""
    doc = ctx.doc
    text = doc_text(doc)
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
        if text[start] in '“"«' or overlaps((start, end), ctx.taken):
            continue
        verbs = [
            t
            for t in sentence
            if t.pos_ == "VERB"
            and (t.lemma_.lower() in ctx.cues.verbs or t.lemma_.lower() in ctx.cues.opinion)
            and not inside(t.idx, ctx.quoted)
        ]
        verbs.sort(key=lambda t: (source_tokens(t) is None, -t.i))
        source = source_tokens(verbs[0]) if verbs else None
        if verbs and source:
            add(ctx, "direct", (start, end), cue_range(verbs[0]), source, through(verbs[0]))


SIGNED = re.compile(r"[\"“”«„](.+?)[\"”“»][^\S\n]*([―—–]|--?)[^\S\n]*([A-Z][^\n]{0,80})")


def _signed(ctx: Context) -> None:
    """A paragraph that is a quotation signed with a dash and a name after it, the way
    readers' and voters' reactions are printed (“…” ― Ana Ruiz, 34, a nurse).

    Read by paragraph, not from paired quotation marks: such lists often open a quotation
    with a closing mark."""
    doc = ctx.doc
    text = doc_text(doc)
    for start, end in paragraph_spans(text):
        match = SIGNED.fullmatch(text, start, end)
        if match is None:
            continue
        signature = match.group(3).split(",")[0].strip().rstrip(".")
        label = doc.char_span(
            match.start(3), match.start(3) + len(signature), alignment_mode="expand"
        )
        content = (match.start(1), match.end(1))
        if label is None or not 1 <= len(signature.split()) <= 5 or overlaps(content, ctx.taken):
            continue
        if not all(word[:1].isupper() for word in signature.split() if word[:1].isalpha()):
            continue  # a name, not the rest of a sentence
        add(ctx, "direct", content, (match.start(2), match.end(2)), list(label), None)


def _interview(ctx: Context) -> None:
    """An interview printed as questions and answers without quotation marks: each question
    is the author's, the paragraph answering it the interviewee's."""
    text = doc_text(ctx.doc)
    paragraphs = paragraph_spans(text)

    def is_question(span: Range) -> bool:
        words = text[span[0] : span[1]]
        return words.endswith("?") and len(words.split()) <= 60 and not overlaps(span, ctx.quoted)

    pairs = [
        (question, answer)
        for question, answer in pairwise(paragraphs)
        if is_question(question)
        and not is_question(answer)
        and text[answer[0]] not in '“"«'
        and not overlaps(answer, ctx.quoted)
    ]
    if len(pairs) < 2:
        return
    for question, answer in pairs:
        if overlaps(question, ctx.taken) or overlaps(answer, ctx.taken):
            continue
        ctx.found.append(FoundAttribution("direct", question, speaker_hint="author"))
        ctx.found.append(FoundAttribution("direct", answer, speaker_hint="interviewee"))
        ctx.taken.extend([question, answer])


LABEL = re.compile(r"[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)")
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _person_names(doc: Doc) -> set[str]:
    """The document's people, by full name and by surname, lower-cased."""
    names = set()
    for name, entity_type, _ in entity_view(doc).clusters:
        if entity_type == "PERSON":
            names.add(name.lower())
            names.add(name.split()[-1].lower())
    return names


def _labelled(ctx: Context) -> None:
    """A line opened by a speaker's name and a colon: a transcript ("WALLACE: …") or a
    headline that quotes ("Lindqvist: The vote was stolen")."""
    doc = ctx.doc
    text = doc_text(doc)
    not_labels = words("not-speaker-labels", language=doc.lang_)
    for start, end in paragraph_spans(text):
        match = LABEL.match(text, start, end)
        if match is None or match.group(1).lower() in not_labels:
            continue
        label = doc.char_span(start, match.end(1), alignment_mode="expand")
        content = (match.end(), end)
        if label is None or overlaps(content, ctx.taken):
            continue
        named = all(entity_label(t) in NAME_LABELS for t in label if t.is_alpha)
        named = named or match.group(1).lower() in _person_names(doc)
        shouted = match.group(1).isupper() and len(match.group(1)) > 1
        if not (named or shouted):
            continue
        colon = (match.end(1), match.end(1) + 1)
        add(
            ctx,
            "direct",
            chars(doc.char_span(*content, "expand")) or content,
            colon,
            list(label),
            None,
        )


def find_attributions(doc: Doc, *, settings: Settings) -> list[FoundAttribution]:
    """Every attribution in ``doc``, in text order."""
    ctx = Context(
        doc=doc,
        cues=load_cues(settings.lexicon_dir, doc.lang_),
        quotes=list(doc_quotes(doc)),
        quoted=quoted_ranges(doc),
        found=[],
        taken=[],
    )
    non_responses(ctx)
    _colon_lines(ctx)
    _labelled(ctx)
    _signed(ctx)
    _interview(ctx)
    _asked_questions(ctx)
    _direct(ctx)
    according(ctx)
    according_phrases(ctx)
    reported(ctx)
    statement_nouns(ctx)
    unsourced(ctx)
    return sorted(ctx.found, key=lambda f: f.content)
