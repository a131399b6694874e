from hypothesis import given
from hypothesis import strategies as st

from fuente.nlp.annotate import mask_excluded, sentence_spans


@st.composite
def text_and_ranges(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab \n.é“”"), max_size=80))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    return text, list(zip(cuts[::2], cuts[1::2], strict=False))


@given(text_and_ranges())
def test_annotate_mask_keeps_length_newlines_and_included_text(case) -> None:
    text, ranges = case
    masked = mask_excluded(text, ranges)
    assert len(masked) == len(text)
    for i, char in enumerate(text):
        inside = any(start <= i < end for start, end in ranges)
        if not inside or char == "\n":
            assert masked[i] == char
        else:
            assert masked[i] == " "


def test_annotate_sentences_never_cross_lines(nlp) -> None:
    text = "A headline without a stop\nThe minister spoke on Monday. Then she left.\n\nEnd here."
    doc = nlp(text)
    spans = [text[start:end] for start, end in sentence_spans(doc)]
    assert spans[0] == "A headline without a stop"
    assert "The minister spoke on Monday." in spans
    assert all("\n" not in span for span in spans)


def test_annotate_masked_text_is_not_annotated(nlp) -> None:
    text = "Tomas Varga spoke in Port Selden.\nSubscribe to Marovia Today for more from Ana Ruiz."
    cut = text.index("\n") + 1
    doc = nlp(mask_excluded(text, [(cut, len(text))]))
    assert all(ent.end_char <= cut for ent in doc.ents)
    assert all(end <= cut for _, end in sentence_spans(doc))
