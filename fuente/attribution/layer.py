"""The attribution layer of one document: speakers, attributions and lead statements.

Glue between the pure stages: ``fuente.attribution.quotes`` finds the attributions,
``fuente.attribution.speaker_resolution`` resolves their speakers, ``fuente.actors.speakers``
names outlets, ``fuente.attribution.lead`` weighs the top of the article; this module numbers
them into the records that are stored.
"""

from __future__ import annotations

from spacy.tokens import Doc

from fuente.actors.speakers import EXTRACTOR as SPEAKERS_EXTRACTOR
from fuente.actors.speakers import outlet_name
from fuente.attribution.lead import lead_statements
from fuente.attribution.polls import poll_outlets, polled_through
from fuente.attribution.quotemarks import quoted_ranges
from fuente.attribution.quotes import EXTRACTOR as QUOTES_VERSION
from fuente.attribution.quotes import FoundAttribution, find_attributions
from fuente.attribution.speaker_resolution import ResolvedSpeaker, resolve_speakers
from fuente.lexicon import load_lexicon
from fuente.nlp.annotate import doc_text
from fuente.nlp.entities import glued_word
from fuente.nlp.entity_view import entity_label
from fuente.records import Attribution, Entity, Field, LeadStatement, Speaker
from fuente.settings import Settings

__all__ = ["attribution_layer"]

SPEAKERS_VERSION = f"{SPEAKERS_EXTRACTOR}+{QUOTES_VERSION}"


def _clean(words: str | None) -> str | None:
    return " ".join(words.split()) if words else words


def _fullest_name(
    doc: Doc,
    found: list[FoundAttribution],
    assigned: list[int | None],
    index: int,
    speaker: ResolvedSpeaker,
    settings: Settings,
) -> str:
    """A person's name as fully as any of its source spans gives it ("the IMF's Alejandro
    Werner" gives "Alejandro Werner" where the tagger saw only "Werner")."""
    name = _clean(speaker.info.name) or ""
    if speaker.info.kind != "person" or not name:
        return name
    last = name.split()[-1]
    speakers = load_lexicon("speakers", settings=settings, language=doc.lang_)
    titles = set(speakers.get("titles", ()))
    for item, owner in zip(found, assigned, strict=True):
        if owner != index or item.source is None:
            continue
        span = doc.char_span(item.source[0], item.source[1], alignment_mode="expand")
        run: list[str] = []
        for token in [*(span or ()), None]:
            if token is not None and token.is_space:
                continue
            if token is not None and token.pos_ == "PROPN" and token.text[:1].isupper():
                if token.lower_.rstrip(".") in titles:
                    run = []  # "Interior Minister Tomas Varga": the name follows the title
                else:
                    run.append(token.text)
                continue
            if last in run and len(run) > len(name.split()):
                return _unglued(" ".join(run), doc_text(doc))
            run = []
    return _unglued(name, doc_text(doc))


def _unglued(name: str, text: str) -> str:
    """``name`` without common words glued before it: "Rival Hillary Clinton" is "Hillary
    Clinton" where the article also writes "rival Hillary Clinton"."""
    while " " in name and glued_word(name, text):
        name = name.partition(" ")[2]
    return name


def _outlet(doc: Doc, span: tuple[int, int], settings: Settings) -> str | None:
    """The outlet words went to: a known outlet's canonical name, else a capitalised name
    that is not a person's ("told The Selden Ledger")."""
    words = doc_text(doc)[span[0] : span[1]]
    known = outlet_name(words, settings=settings, language=doc.lang_)
    if known is not None:
        return known
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    name = _clean(words.strip("“”\"'’ "))
    if not tokens or not name or not name[:1].isupper():
        return None
    if any(entity_label(t) in {"PERSON", "GPE", "NORP"} for t in tokens):
        return None
    return name


def _speakers(
    doc: Doc,
    doc_id: str,
    resolved: list[ResolvedSpeaker],
    found: list[FoundAttribution],
    assigned: list[int | None],
    entities: list[Entity],
    settings: Settings,
) -> tuple[Speaker, ...]:
    entity_ids = {e.name: e.id for e in entities}
    speakers = []
    for number, speaker in enumerate(resolved, start=1):
        info = speaker.info
        speakers.append(
            Speaker(
                id=f"{doc_id}#s{number}",
                doc=doc_id,
                kind=info.kind,
                name=_fullest_name(doc, found, assigned, number - 1, speaker, settings),
                version=SPEAKERS_VERSION,
                description=_clean(info.description),
                country=info.country,
                sector=info.sector,
                count=info.count,
                entity=entity_ids.get(info.name) if info.kind == "person" else None,
            )
        )
    return tuple(speakers)


def _throughs(
    doc: Doc, found: list[FoundAttribution], assigned: list[int | None],
    speakers: tuple[Speaker, ...], settings: Settings,
) -> list[str | None]:  # fmt: skip
    """The outlet each attribution's words went to: the one named ("told the Times"), else
    for an unnamed speaker the outlet whose poll its paragraph names before it (its
    respondents answered that poll: ``fuente.attribution.polls``)."""
    polls = poll_outlets(doc, settings=settings)
    text = doc_text(doc)
    throughs = []
    for item, index in zip(found, assigned, strict=True):
        through = None
        if item.through_span is not None:
            through = _outlet(doc, item.through_span, settings)
        if through is None and polls and index is not None and speakers[index].kind == "unnamed":
            start = min(item.content[0], item.source[0] if item.source else item.content[0])
            through = polled_through(text, polls, start)
        throughs.append(through)
    return throughs


def attribution_layer(
    doc: Doc, doc_id: str, entities: list[Entity], fields: tuple[Field, ...], settings: Settings
) -> tuple[tuple[Speaker, ...], tuple[Attribution, ...], tuple[LeadStatement, ...]]:
    """Speakers, attributions and lead statements of one annotated document."""
    if not len(doc):
        return (), (), ()
    found = find_attributions(doc, settings=settings)
    quoted = quoted_ranges(doc)
    resolved, assigned = resolve_speakers(doc, found, quoted=quoted, settings=settings)
    speakers = _speakers(doc, doc_id, resolved, found, assigned, entities, settings)

    throughs = _throughs(doc, found, assigned, speakers, settings)
    # The outer attribution of a relayed report: the outlet's own attribution in this article.
    outlet_attribution: dict[str, str] = {}
    for number, index in enumerate(assigned, start=1):
        if index is not None and speakers[index].kind == "outlet":
            outlet_attribution.setdefault(speakers[index].name, f"{doc_id}#a{number}")

    attributions = tuple(
        Attribution(
            id=f"{doc_id}#a{number}",
            doc=doc_id,
            kind=item.kind,
            content_start=item.content[0],
            content_end=item.content[1],
            version=QUOTES_VERSION,
            cue_start=item.cue[0] if item.cue else None,
            cue_end=item.cue[1] if item.cue else None,
            source_start=item.source[0] if item.source else None,
            source_end=item.source[1] if item.source else None,
            speaker=speakers[index].id if index is not None else None,
            through=through,
            via=outlet_attribution.get(through) if through else None,
        )
        for number, (item, index, through) in enumerate(
            zip(found, assigned, throughs, strict=True), start=1
        )
    )
    lead = tuple(
        lead_statements(
            doc, doc_id=doc_id, fields=fields, attributions=attributions, speakers=speakers
        )
    )
    return speakers, attributions, lead
