"""When a statement denies an allegation: the ``denial`` rule, pure, no SQL.

* ``denial``: a statement by a corpus-wide actor cued by a denial verb (``denial-verbs``,
  "he has consistently denied ...", not "has not denied"), and an allegation about that
  actor (a PLOVER ACCUSE event of the ``allege`` mode, happened and not negated, whose target
  is the actor, or which has no target and whose sentence names that one person and no
  other), made by someone else in another sentence of the same article or in another
  article at most ``claim_days`` apart; the denial's content words (the actor's own name
  left out) are ``DENIAL_SHARED`` or more of the allegation sentence's and half the
  denial's.

Like ``fuente.corpus.contradiction_rules``, every condition must hold, and where one cannot
be checked nothing is found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from fuente.corpus.claim_rules import content_words
from fuente.corpus.contradiction_rules import EXTRACTOR
from fuente.corpus.contradiction_words import RuleWords, word_tokens
from fuente.records import Contradiction
from fuente.text import fold

__all__ = ["Allegation", "Denial", "denial", "denial_stems", "is_denial", "side_keys"]

DENIAL_SHARED = 2  # content words a denial shares with the allegation it denies
BEFORE = 3  # words before a denial's cue read for a negation ("has not denied")
Days = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Denial:
    """A statement that may deny something: its speaker's corpus-wide actor (``actor``,
    named ``actor_name``), its cue's first word (``cue``) and the words before it
    (``before``), its content, and the span shown for it (``said`` at ``start``:``end``,
    cue and content together); ``sentence_start``:``sentence_end`` is its sentence."""

    ref: str
    doc: str
    actor: str
    actor_name: str
    cue: str
    before: str
    content: str
    said: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    published: Days | None = None


@dataclass(frozen=True, slots=True)
class Allegation:
    """An ACCUSE event of the ``allege`` mode with its sentence (``sentence`` at
    ``start``:``end``), its sides' corpus-wide actors, whether its text names a target
    (``targeted``), the person actors its sentence names outside its source's words
    (``people``) and the speaker of the statement it stands in (``speaker``)."""

    ref: str
    doc: str
    source: str | None
    target: str | None
    sentence: str
    start: int
    end: int
    targeted: bool = False
    people: frozenset[str] = frozenset()
    speaker: str | None = None
    published: Days | None = None

    @property
    def about(self) -> str | None:
        """The actor it alleges something of: its target, else (its text naming no target
        at all) the one person its sentence names outside its source; None when that cannot
        be told."""
        if self.target:
            return None if "/" in self.target else self.target
        if self.targeted or len(self.people) != 1:
            return None
        return next(iter(self.people))


def is_denial(statement: Denial, *, words: RuleWords) -> bool:
    """Whether the statement's cue is a denial verb not negated ("has not denied")."""
    if fold(statement.cue) not in words.denial_verbs:
        return False
    before = [fold(token) for token, _s, _e in word_tokens(statement.before)][-BEFORE:]
    return not any(word in words.negation or word.endswith("n't") for word in before)


def denial_stems(statement: Denial) -> frozenset[str]:
    """The content words of a denial, its speaker's name left out."""
    return content_words(statement.content) - content_words(statement.actor_name)


def denial(
    statement: Denial, allegation: Allegation, *, words: RuleWords, days: int
) -> Contradiction | None:
    """The ``denial`` rule (module docstring): ``statement`` denies ``allegation``."""
    actor = statement.actor
    if allegation.about != actor or actor in (allegation.source, allegation.speaker):
        return None
    if not is_denial(statement, words=words):
        return None
    if allegation.doc == statement.doc and (
        allegation.start < statement.sentence_end and statement.sentence_start < allegation.end
    ):
        return None  # the allegation the denial itself reports ("denied allegations of ...")
    if allegation.doc != statement.doc and not _near(allegation.published,
                                                     statement.published, days):  # fmt: skip
        return None
    denied = denial_stems(statement)
    shared = denied & content_words(allegation.sentence)
    if len(shared) < DENIAL_SHARED or 2 * len(shared) < len(denied):
        return None
    message = (
        f"{statement.actor_name} denies “{statement.content}” ({statement.doc}), alleged in "
        f"{allegation.doc}: “{allegation.sentence.strip()}”"
    )
    return Contradiction(
        "denial", message, allegation.doc, allegation.ref, allegation.start, allegation.end,
        allegation.sentence, statement.doc, statement.ref, statement.start, statement.end,
        statement.said, EXTRACTOR, actor=actor,
    )  # fmt: skip


def _near(one: Days | None, other: Days | None, days: int) -> bool:
    """Whether two articles' dates are both known and at most ``days`` apart."""
    if one is None or other is None:
        return False
    if one[1] < other[0]:
        return (other[0] - one[1]).days <= days
    if other[1] < one[0]:
        return (one[0] - other[1]).days <= days
    return True


def side_keys(
    kind: str, actor: str, stems: Iterable[str], published: Days | None, *, days: int,
    widen: bool = False,
) -> set[str]:  # fmt: skip
    """The keys a denial (``kind`` ``d``) or an allegation (``g``) about ``actor`` is stored
    under: its actor with each content word and each block of ``days`` + 1 days its article's
    date touches; ``widen`` reaches ``days`` further either side, the keys to look the other
    kind up by. An article without a date, or dated only to more than ``days`` days, has
    none."""
    if published is None or (published[1] - published[0]).days > days:
        return set()
    width = days + 1
    first, last = published[0].toordinal(), published[1].toordinal()
    if widen:
        first, last = first - days, last + days
    blocks = range(first // width, last // width + 1)
    return {f"{kind}:{actor}|{stem}|{block}" for stem in stems for block in blocks}
