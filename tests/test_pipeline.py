"""The unit of work: whatever the text, every record's offsets slice the original text."""

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuente.pipeline import process
from fuente.records import ArticleRecords, RawArticle

PARAGRAPHS = [
    "Interior Minister Tomas Varga met envoys in Halvik on Saturday.",
    "“There were no talks,” Varga said. Mr. Varga’s aides declined to comment.",
    "Read more",
    "Marek Falls Again",
    "The Selden Ledger is 100% reader-supported.",
    "Donate",
    "2 comments on “Envoys Met Varga”",
    "Opposition leader Ines Lindqvist said the government was negotiating abroad.",
    "Share this:",
    "politics Marovia economy",
    "  indented line with\ttabs  ",
    "Emoji 🙂 and accents: São Tomé, Dravik’s “quotes” — dashes.",
    "",
]


@st.composite
def articles(draw) -> str:
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=12))
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
    return separator.join(chosen) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_pipeline_offsets_always_slice_the_original_text(nlp, text: str) -> None:
    from fuente.settings import load_settings

    raw = RawArticle(id="t", path="t.txt", text=text, format="text")
    (result,) = list(process([raw], nlp=nlp, settings=load_settings()))
    if not isinstance(result, ArticleRecords):
        assert not text.strip() or result.reason.startswith("[E012]")
        return
    assert result.document.text == text
    for field in result.fields:
        if field.start is not None:
            assert text[field.start : field.end] == field.value
    for mention in result.mentions:
        assert text[mention.start : mention.end] == mention.text
    ranges = sorted((r.start, r.end) for r in result.excluded)
    for (_, end), (start, _) in pairwise(ranges):
        assert end <= start
    for sentence in result.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert not any(s <= sentence.start < e for s, e in ranges)
