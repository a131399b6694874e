"""Plain data records, one class per kind of thing fuente stores.

Every record that points into an article carries the document id (``doc``), character offsets
(``start``/``end``: Python string indices into the document's original ``text``) and the
``version`` of the extractor that made it. Records are frozen: stages build new ones, never
mutate them, so they can cross process boundaries and be compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any

__all__ = [
    "DESCRIBED",
    "NAMED_KINDS",
    "SPEAKER_KINDS",
    "Actor",
    "ArticleRecords",
    "Attribution",
    "Contradiction",
    "Document",
    "Entity",
    "Event",
    "ExcludedRange",
    "Field",
    "Finding",
    "Layout",
    "LeadStatement",
    "Mention",
    "RawArticle",
    "Rejection",
    "Sentence",
    "Speaker",
    "TimeExpr",
    "with_document_id",
]


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as a reader found it, before any analysis.

    ``text`` is the text every offset indexes. For plain text it is the file as decoded; for
    HTML it is the main text trafilatura extracted, and ``raw`` keeps the HTML as read.
    ``meta`` holds metadata given outside the text (front matter, sidecar, JSON Lines fields,
    HTML metadata). ``excluded`` holds ranges the reader already knows are not article text
    (a front-matter block, an HTML page's comment section) as ``(start, end, reason)``.
    """

    id: str
    path: str
    text: str
    format: str
    raw: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    excluded: tuple[tuple[int, int, str], ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be stored, with a one-line reason a person can act on."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Field:
    """A metadata value (title, deck, tags, outlet, ...) recognised in the text.

    ``start``/``end`` locate it in the original text; both are None when the value came from
    metadata given outside the text.
    """

    doc: str
    name: str
    value: str
    start: int | None
    end: int | None
    version: str


@dataclass(frozen=True, slots=True)
class ExcludedRange:
    """A range of the original text that is not the article's own text, and why."""

    doc: str
    start: int
    end: int
    reason: str
    version: str


@dataclass(frozen=True, slots=True)
class Layout:
    """What the layout stage recognised in a plain text: its parts and its excluded ranges."""

    tags: Field | None = None
    title: Field | None = None
    deck: Field | None = None
    outlet: Field | None = None
    excluded: tuple[ExcludedRange, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One stored article: its original text and its metadata."""

    id: str
    path: str
    format: str
    text: str
    content_hash: str
    version: str
    url: str | None = None
    title: str | None = None
    deck: str | None = None
    tags: tuple[str, ...] = ()
    outlet: str | None = None
    language: str | None = None
    published: str | None = None
    published_inferred: bool = False
    published_earliest: str | None = None
    published_latest: str | None = None
    raw: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: str
    start: int
    end: int
    version: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One named thing within one document: a cluster of its mentions."""

    id: str
    doc: str
    name: str
    type: str
    version: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where an entity is named.

    ``label`` is the label the tagger gave this very span, which may differ from the entity's
    type (the type is decided over all the entity's mentions); ``DESCRIBED`` for a definite
    description the article uses for the entity ("the senator" after "Sen. Bernie Sanders").
    """

    doc: str
    entity: str
    start: int
    end: int
    text: str
    label: str
    version: str


# The label of a mention that describes its entity rather than naming it.
DESCRIBED = "DESCRIPTION"

# The kinds of speaker (``Speaker.kind``), and those of them that are named.
SPEAKER_KINDS = ("person", "organisation", "outlet", "document", "author", "unnamed")
NAMED_KINDS = ("person", "organisation", "outlet", "document")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who an attribution is ascribed to, within one document.

    ``kind`` is one of ``person``, ``organisation``, ``outlet``, ``document``, ``author`` or
    ``unnamed``. ``name`` is the canonical name (for a named speaker, the entity's fullest
    name; for an unnamed one, its description). ``description`` keeps the words the article
    uses for an unnamed source or a document ("a source briefed on US concerns");
    ``country`` (ISO 3166 alpha-3) and ``sector`` (government, military, opposition, ...) are
    its affiliation where the text says; ``count`` is how many ("1", "2", "several", "many").
    ``entity`` is the id of the named entity it is, if any. All mentions of one source in a
    document resolve to one speaker.
    """

    id: str
    doc: str
    kind: str
    name: str
    version: str
    description: str | None = None
    country: str | None = None
    sector: str | None = None
    count: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Something an article ascribes to someone: content (what), cue (how), source (who).

    ``kind`` is ``direct`` (a quotation), ``indirect`` (reported speech, belief, intention),
    ``mixed`` (a paraphrase holding a quoted fragment) or ``non-response`` ("did not respond
    to requests for comment", "declined to comment": recorded, but not a claim). Spans are
    ``(start, end)`` offsets into the original text; cue and source are None when the text
    has none (an interview answer has no cue verb). ``through`` names the outlet the speaker
    spoke through ("told the Times"); ``via`` is the id of the outer attribution when the
    article relays another outlet's reporting that itself cites this source.
    ``time_start``/``time_end`` are the span of the time expression that dates the statement
    itself ("said on Monday"), when the text gives one.
    """

    id: str
    doc: str
    kind: str
    content_start: int
    content_end: int
    version: str
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    speaker: str | None = None
    through: str | None = None
    via: str | None = None
    time_start: int | None = None
    time_end: int | None = None


@dataclass(frozen=True, slots=True)
class LeadStatement:
    """A statement of the title, deck or lead, and what it rests on.

    ``part`` is ``title``, ``deck`` or ``lead``; ``support`` is ``named`` (some named source
    backs it), ``unnamed-only`` (only unnamed sources do), ``author`` (the article asserts it
    on its own word) or ``none``; ``attributions`` are the ids of those it rests on.
    """

    doc: str
    part: str
    start: int
    end: int
    support: str
    version: str
    attributions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression with its TIMEX3 type and value, on the article's one timeline.

    ``type`` is DATE, TIME, DURATION or SET; ``value`` a TIMEX3 value ("2018-08-04",
    "2018-08", "2017-FA", "P20Y", "PRESENT_REF", "XXXX-08-04" when no year can be fixed);
    ``mod`` a TIMEX3 modifier (START, MID, END, APPROX, ...). ``anchor`` says what the value
    was resolved against: ``absolute`` (the text gives it whole), ``document`` (the document
    date: "last month"), ``narrative`` (the time the story has reached: "then in September")
    or ``none`` (nothing to resolve against, so the value stays underspecified).
    ``attribution`` is the id of the attribution it belongs to: the statement it dates
    (``role`` ``statement``) or the one whose content holds it (``role`` ``content``).
    """

    doc: str
    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str
    version: str
    mod: str | None = None
    attribution: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does an event, or has it done to them: an entity mention or a description.

    ``start``/``end`` locate the words ("interior minister Diosdado Cabello", "rogue
    Venezuelan military officers", "he"); ``entity`` is the id of the named entity they are
    (a pronoun's is the entity it stands for); ``country`` is ISO 3166 alpha-3 (or IGO for an
    international organisation) and ``sector`` one of fuente's sectors (government, military,
    police, rebels, opposition, media, judiciary, business, civil society, international
    organisation), where the text says. ``found`` says how the side was found for its event:
    ``argument`` (a clause argument of the event's words: "troops *detained* the mayor"),
    ``coreference`` (a pronoun, a description or an event noun taking up an actor named before:
    "he", "the senator", "the talks"), ``knowledge base`` (a description only the knowledge
    base's dated roles name) or ``stand-in`` (none of these: the event's place or the nearest
    name, as PLOVER's coders fill a side); None where no event is concerned.
    """

    text: str
    start: int
    end: int
    entity: str | None = None
    country: str | None = None
    sector: str | None = None
    found: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where, coded in PLOVER's categories.

    ``start``/``end`` are the words that carry the event ("detain", "talks", "bounty");
    ``category`` a PLOVER category (AGREE ... ASSAULT) and ``mode`` its PLOVER mode where
    the words give one ("arrest", "explosives"). ``source`` and ``target`` are the actors;
    ``date_value`` is the TIMEX3 value of the time expression that dates it (at
    ``date_start``/``date_end``), ``location`` the place named for it. ``negated`` says the
    text denies it took place ("was not apprehended"); ``modality`` is ``happened``,
    ``planned``, ``threatened``, ``hypothetical`` or ``denied``; ``attribution`` is the id of
    the attribution whose content holds it (the event is that speaker's claim), or None when
    the article tells it on its own word. ``lead`` marks the main event of the headline or of
    the lead sentence: what the article is about.
    """

    id: str
    doc: str
    start: int
    end: int
    category: str
    modality: str
    version: str
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date_value: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    location: str | None = None
    negated: bool = False
    attribution: str | None = None
    lead: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """A knowledge check that fired: the article places a known actor in a role on a date
    the knowledge base contradicts.

    ``rule`` names the check; ``message`` says what the knowledge base holds instead. The
    actor's words are ``actor_start``:``actor_end`` (``actor_text``, the entry ``kb``); the
    date is ``date_value`` (TIMEX3), written at ``date_start``:``date_end`` (``date_text``),
    or None there when the date is the article's own, which its text does not write.
    """

    doc: str
    rule: str
    message: str
    actor_start: int
    actor_end: int
    actor_text: str
    kb: str
    date_value: str
    version: str
    date_start: int | None = None
    date_end: int | None = None
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two reports that cannot both hold: the same actor said to have done a thing and not
    done it, two counts or two days of one event, a claim and its denial by the one it is
    about.

    ``rule`` names the rule that fired and ``message`` says what disagrees. One side is
    ``doc``'s ``ref`` (an attribution or event id), written at ``start``:``end`` (``text``);
    the other is ``other_doc``'s ``other_ref`` at ``other_start``:``other_end``
    (``other_text``); the two documents may be one. ``claim`` is the claim across articles
    and ``actor`` the corpus-wide actor it concerns, where there is one.
    """

    rule: str
    message: str
    doc: str
    ref: str
    start: int
    end: int
    text: str
    other_doc: str
    other_ref: str
    other_start: int
    other_end: int
    other_text: str
    version: str
    claim: str | None = None
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRecords:
    """Everything fuente derives from one article; stored in one transaction."""

    document: Document
    fields: tuple[Field, ...] = ()
    excluded: tuple[ExcludedRange, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    lead: tuple[LeadStatement, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    findings: tuple[Finding, ...] = ()


# Fields that hold a document id, or the id of a record inside one ("a#e1").
_ID_FIELDS = frozenset({"id", "doc", "entity", "speaker", "attribution", "via", "attributions"})


def _renamed(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        if value == old:
            return new
        return new + value[len(old) :] if value.startswith(old + "#") else value
    if isinstance(value, tuple):
        return tuple(_renamed(item, old, new) for item in value)
    return value


def _with_id(record: Any, old: str, new: str) -> Any:
    changes = {}
    for item in fields(record):
        value = getattr(record, item.name)
        if is_dataclass(value):
            changes[item.name] = _with_id(value, old, new)
        elif item.name in _ID_FIELDS:
            changes[item.name] = _renamed(value, old, new)
    return replace(record, **changes)


def with_document_id(records: ArticleRecords, new: str) -> ArticleRecords:
    """The same records under the document id ``new``: every ``doc``, and every record id
    made from the old document id ("old#e1" -> "new#e1"), renamed."""
    old = records.document.id
    changes = {
        item.name: tuple(_with_id(record, old, new) for record in getattr(records, item.name))
        for item in fields(records)
        if item.name != "document"
    }
    return ArticleRecords(document=_with_id(records.document, old, new), **changes)
