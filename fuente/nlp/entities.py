"""Entity clustering: the mentions of one named thing within one document become one entity.

"Diosdado Cabello", "Cabello", "Mr. Cabello" and "Cabello's" name one person. The statistical
tagger labels each mention on its own and often disagrees with itself ("Cabello" PERSON in one
sentence, ORG in the next); a reader does not. So within a document:

* mentions are keyed on their name without determiners, honorifics and possessives;
* a short name ("Cabello") joins the one longer name it ends with ("Diosdado Cabello");
* a coordination tagged as one span ("Cabello and Rodriguez") is split when its parts are
  names the document already knows;
* a name the tagger missed somewhere is picked up wherever it recurs as a proper noun;
* the entity's type is decided over all its mentions: once a PERSON, always a PERSON.

``cluster_entities`` is the pure function; the ``fuente_entities`` component stores its result
on ``doc._.fuente_entities`` as plain tuples, which ``fuente.nlp.entity_view`` reads once per
Doc into the one view of entities every later rule reads.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from fuente.lexicon import read_lexicon, words
from fuente.nlp.entity_view import Clusters
from fuente.nlp.namesakes import resolve_namesakes

__all__ = [
    "ENTITIES_COMPONENT", "EXTRACTOR", "LABELS", "Cluster", "cluster_entities", "glued_word",
    "narrated_names",
]  # fmt: skip

EXTRACTOR = "entities@2"
ENTITIES_COMPONENT = "fuente_entities"

DETERMINERS = words("articles")
HONORIFICS = words("honorifics")
POSSESSIVES = words("possessive-endings")
COORDINATORS = words("name-coordinators")
SHARES = words("share-words")
# The labels of names, which the component clusters.
LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW")
# The type a cluster takes when its mentions disagree: earlier wins.
TYPE_PRECEDENCE = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "LAW")

if not Doc.has_extension("fuente_entities"):
    Doc.set_extension("fuente_entities", default=())


@dataclass(frozen=True, slots=True)
class Cluster:
    """One entity of a document: its name, type and mentions ``(start, end, label)``."""

    name: str
    type: str
    mentions: tuple[tuple[int, int, str], ...]


def _name_tokens(span: Span) -> Span | None:
    """``span`` without leading determiners/honorifics, an owner before a possessive, a
    poll's share and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in DETERMINERS or doc[start].lower_.rstrip(".") in HONORIFICS
    ):
        start += 1
    for i in range(start + 1, end - 2):  # "Green Party's Jill Stein": the name is the owned
        if doc[i].text in POSSESSIVES and all(t.text[:1].isupper() for t in doc[i + 1 : end]):
            start = i + 1
            break
    for i in range(start + 1, min(end, len(doc) - 1)):
        if doc[i].like_num and doc[i + 1].lower_ in SHARES:  # "Trump 47.3 percent"
            end = i
            break
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if start < end else None


def _key(words: list[str]) -> tuple[str, ...]:
    """A name's words as compared: case and the curl of an apostrophe aside ("O’Neill")."""
    return tuple(word.casefold().replace("’", "'") for word in words)


def _split_coordination(span: Span, known: set[tuple[str, ...]]) -> list[Span]:
    """Parts of "A and B" when every part is a name the document knows; else the span itself."""
    parts, start = [], span.start
    for token in span:
        if token.lower_ in COORDINATORS:
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    if len(parts) > 1 and all(len(p) and _key([t.text for t in p]) in known for p in parts):
        return parts
    return [span]


def _pick_type(labels: list[str]) -> str:
    if "PERSON" in labels:
        return "PERSON"
    counts = Counter(labels)
    best = max(counts.values())
    tied = [label for label in counts if counts[label] == best]
    return min(tied, key=lambda lb: TYPE_PRECEDENCE.index(lb) if lb in TYPE_PRECEDENCE else 99)


def cluster_entities(doc: Doc, *, labels: tuple[str, ...] | list[str]) -> list[Cluster]:
    """Cluster the document's entity mentions whose label is in ``labels``."""
    mentions = _tagged_mentions(doc, labels)
    grouped = _group(mentions)
    forms = _person_forms(grouped)
    for span in _missed_mentions(doc, forms):
        grouped[forms[_key([t.text for t in span])]].append((span, ""))
    clusters = []
    for items in grouped:
        entity_type = _pick_type([label for _, label in items if label])
        items.sort(key=lambda item: item[0].start_char)
        name = _fullest([s for s, _ in items]).text
        clusters.append(
            Cluster(
                name=name,
                type=entity_type,
                mentions=tuple((s.start_char, s.end_char, label) for s, label in items),
            )
        )
    clusters.sort(key=lambda c: c.mentions[0][0])
    return clusters


def _tagged_mentions(doc: Doc, labels: tuple[str, ...] | list[str]) -> list[tuple[Span, str]]:
    """The names of the tagger's entities with a label in ``labels``, each a coordination of
    known names split into its parts."""
    spans: list[tuple[Span, str]] = []
    for ent in doc.ents:
        if ent.label_ in labels and (name := _name_tokens(ent)) is not None:
            spans.append((name, ent.label_))
    spans = _headline_names(doc, spans)
    person_keys = {_key([t.text for t in s]) for s, label in spans if label == "PERSON"}
    known = {_key([t.text for t in s]) for s, _ in spans} | {key[-1:] for key in person_keys}
    return [(part, label) for span, label in spans for part in _split_coordination(span, known)]


def _headline_names(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """A name tagged in a headline line with the headline's words glued on ("Clinton Hid Past
    Health", "Gold Star Mom Corners Obama") cut to the longest run of its words that the
    article names outside its headlines ("Clinton", "Obama"); left whole when it has none."""
    lines = _title_case_lines(doc.text)
    if not lines:
        return spans

    def in_headline(span: Span) -> bool:
        return any(first <= span.start_char < last for first, last in lines)

    body = {_key([t.text for t in s]) for s, _ in spans if not in_headline(s)}
    trimmed = []
    for span, label in spans:
        if len(span) > 1 and in_headline(span) and _key([t.text for t in span]) not in body:
            runs = [
                span.doc[i:j]
                for i in range(span.start, span.end)
                for j in range(i + 1, span.end + 1)
                if _key([t.text for t in span.doc[i:j]]) in body
            ]
            span = max(runs, key=len, default=span)
        trimmed.append((span, label))
    return trimmed


def _group(mentions: list[tuple[Span, str]]) -> list[list[tuple[Span, str]]]:
    """Mentions grouped by key, a short key joined to the single longer key that ends (or, for
    people, starts) with it."""
    groups: dict[tuple[str, ...], list[tuple[Span, str]]] = {}
    for span, label in mentions:
        groups.setdefault(_key([t.text for t in span]), []).append((span, label))
    long_keys = sorted(groups, key=len, reverse=True)
    persons = {key for key, items in groups.items() if any(lb == "PERSON" for _, lb in items)}
    parent = _initialed(groups, persons)
    for key in groups:
        if key in parent:
            continue
        # A short name joins the longer one it ends ("Cabello") or, between people only, the
        # one it starts ("Delcy"); "Caracas" does not join "Caracas Chronicles".
        hosts = [
            other
            for other in long_keys
            if len(other) > len(key)
            and (
                other[-len(key) :] == key
                or (other[: len(key)] == key and key in persons and other in persons)
            )
        ]
        roots = {parent.get(host, host) for host in hosts}
        if len(roots) == 1:
            parent[key] = roots.pop()
    members: dict[tuple[str, ...], list[tuple[Span, str]]] = {}
    for key, items in groups.items():
        members.setdefault(parent.get(key, key), []).extend(items)
    return list(members.values())


def _bare(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name's key without its middle initials ("donald j. trump" -> "donald trump")."""
    return tuple(w for i, w in enumerate(key) if i in (0, len(key) - 1) or len(w.rstrip(".")) > 1)


def _fullest(spans: list[Span]) -> Span:
    """The fullest name of a cluster, the first where two are as full; a form with middle
    initials gives way to the same name without them ("Donald Trump", not "Donald J. Trump"),
    as that is the form the person is known by across articles."""
    keys = {_key([t.text for t in s]) for s in spans}
    plain = [
        s for s in spans if (k := _key([t.text for t in s])) == _bare(k) or _bare(k) not in keys
    ]
    return max(plain, key=lambda s: (len(s), -s.start_char))


def _initialed(
    groups: dict[tuple[str, ...], list[tuple[Span, str]]], persons: set[tuple[str, ...]]
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """A person's name with middle initials joins the same name without them ("Donald J.
    Trump" joins "Donald Trump"), when it is the only such form the document has: "George W.
    Bush" and "George H. W. Bush" are two people."""
    forms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for key in persons:
        bare = _bare(key)
        if bare != key and len(bare) > 1:
            forms.setdefault(bare, []).append(key)
    return {
        variants[0]: bare
        for bare, variants in forms.items()
        if len(variants) == 1 and bare in persons
    }


def _person_forms(grouped: list[list[tuple[Span, str]]]) -> dict[tuple[str, ...], int]:
    """Name form -> index of the person group it names, -1 for a form two people share."""
    forms: dict[tuple[str, ...], int] = {}
    for index, items in enumerate(grouped):
        if _pick_type([label for _, label in items]) == "PERSON":
            keys = {_key([t.text for t in s]) for s, _ in items}
            keys |= {key[-1:] for key in keys if len(key) > 1}  # the surname alone
            for key in keys:
                # A form shared by two people is ambiguous: it stays untagged.
                forms[key] = -1 if forms.get(key, index) != index else index
    return forms


def _missed_mentions(doc: Doc, forms: dict[tuple[str, ...], int]) -> list[Span]:
    """Capitalised occurrences of a person's name forms outside every tagged entity."""
    forms = {key: index for key, index in forms.items() if index >= 0}
    if not forms:
        return []
    lengths = sorted({len(key) for key in forms}, reverse=True)
    covered = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            covered[i] = True
    found = []
    i = 0
    while i < len(doc):
        if covered[i] or not doc[i].text[:1].isupper():
            i += 1
            continue
        for length in lengths:
            span = doc[i : i + length]
            if (
                len(span) == length
                and not any(covered[j] for j in range(span.start, span.end))
                and _key([t.text for t in span]) in forms
            ):
                found.append(span)
                i += length - 1
                break
        i += 1
    return found


def narrated_names(clusters: Clusters, text: str, *, aside: Sequence[tuple[int, int]]) -> Clusters:
    """``clusters`` with each person named by the fullest form the article's narration gives:
    its mentions outside ``aside`` (the headline, the quotations) and outside lines written
    as headlines, the most words first, then
    the form written most often, then the earliest. A headline's verb or epithet glued to a
    name ("Black Lawmakers Rip Donald Trump", "Obama Says") or a quotation's ("Crooked Hillary
    Clinton") names no one; a slip of the pen met once ("Donand Trump") loses to the form the
    article keeps to. A person named only aside keeps the name clustering gave it."""
    aside = [*aside, *_title_case_lines(text)]
    renamed = []
    for name, entity_type, mentions in clusters:
        if entity_type == "PERSON":
            name = _narrated_name(mentions, text, aside) or name
        renamed.append((name, entity_type, mentions))
    return tuple(renamed)


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written as headlines: every word of four letters or more capitalised, and at
    least three of them ("Donald Trump Picks Up His First Congressional Endorsements.")."""
    found, position = [], 0
    for line in text.split("\n"):
        long = [word for word in line.split() if sum(c.isalpha() for c in word) >= 4]
        if len(long) >= 3 and all(word.lstrip("‘“\"'(")[:1].isupper() for word in long):
            found.append((position, position + len(line)))
        position += len(line) + 1
    return found


def _narrated_name(
    mentions: tuple[tuple[int, int, str], ...], text: str, aside: Sequence[tuple[int, int]]
) -> str | None:
    forms = [(" ".join(text[start:end].split()), start) for start, end, _ in mentions]
    counts = Counter(form for form, _ in forms)
    narrated = [
        (form, start)
        for form, start in forms
        if form and not any(first <= start < last for first, last in aside)
    ]
    if not narrated:
        return None
    forms_narrated = {form for form, _ in narrated}
    named = [
        (form, start) for form, start in narrated if not _glued(form, forms_narrated, text)
    ] or narrated
    return max(named, key=lambda item: (len(item[0].split()), counts[item[0]], -item[1]))[0]


def _glued(form: str, forms: set[str], text: str) -> bool:
    """Whether ``form`` is another of ``forms`` with a common word glued before it."""
    return form.partition(" ")[2] in forms and glued_word(form, text)


def glued_word(form: str, text: str) -> bool:
    """Whether the first word of a name ``form`` is a common word glued on: "Rival Hillary
    Clinton" at the start of a sentence, where the article also writes "rival Hillary
    Clinton" ("Bill Clinton" keeps its "Bill": no one writes "bill Clinton")."""
    first, _, rest = form.partition(" ")
    if not rest or not first.isalpha() or first.islower():
        return False
    written = rf"(?<![\w-]){re.escape(first.lower())}\s+{re.escape(rest)}(?![\w-])"
    return re.search(written, text) is not None


@Language.factory(
    ENTITIES_COMPONENT,
    assigns=["doc.ents", "doc._.fuente_entities"],
    requires=["doc.ents"],
    default_config={"labels": list(LABELS), "lexicon_dir": None},
)
def make_entities_component(
    nlp: Language, name: str, labels: list[str], lexicon_dir: str | None
) -> EntitiesComponent:
    matcher = PhraseMatcher(nlp.vocab)
    names = known_person_names(lexicon_dir)
    if names:
        matcher.add("PERSON", list(nlp.tokenizer.pipe(names)))
    return EntitiesComponent(tuple(labels), matcher if names else None, lexicon_dir)


def known_person_names(lexicon_dir: str | None) -> list[str]:
    """The names of two words or more the knowledge base gives its people ("María Corina
    Machado", "María Corina"): the tagger's reading of them gives way (see ``known_names``)."""
    people = read_lexicon("actors_known", lexicon_dir=lexicon_dir).get("people", ())
    names = []
    for entry in people:
        if isinstance(entry, dict) and entry.get("name"):
            names += [str(n) for n in (entry["name"], *(entry.get("also") or ()))]
    return sorted({n for n in names if len(n.split()) > 1})


def known_names(doc: Doc, found: Sequence[Span]) -> tuple[Span, ...]:
    """``doc.ents`` with the known people's names ``found`` in it tagged PERSON, where the
    tagger missed them or read them otherwise ("María Corina" as a place "Corina"); a person
    the tagger found that holds a known name stays as it is ("Donald Trump Jr.")."""
    ents = list(doc.ents)
    for span in filter_spans(found):
        if any(e.label_ == "PERSON" and e.start <= span.start and span.end <= e.end for e in ents):
            continue
        ents = [e for e in ents if e.end <= span.start or e.start >= span.end]
        ents.append(Span(doc, span.start, span.end, label="PERSON"))
    return tuple(sorted(ents, key=lambda e: e.start))


class EntitiesComponent:
    """Tags the known people's names (``known_names``), then writes ``cluster_entities`` to
    ``doc._.fuente_entities`` as plain tuples, a bare surname two namesakes share joined to
    the one its gender fits (``fuente.nlp.namesakes``)."""

    def __init__(
        self,
        labels: tuple[str, ...],
        matcher: PhraseMatcher | None = None,
        lexicon_dir: str | None = None,
    ) -> None:
        self.labels = labels
        self.matcher = matcher
        self.lexicon_dir = lexicon_dir

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher is not None:
            found = self.matcher(doc, as_spans=True)
            if found:
                doc.ents = known_names(doc, found)
        clusters = tuple(
            (c.name, c.type, c.mentions) for c in cluster_entities(doc, labels=self.labels)
        )
        doc._.fuente_entities = resolve_namesakes(doc, clusters, lexicon_dir=self.lexicon_dir)
        return doc
