from fuente.nlp.annotate import sentence_spans
from fuente.text import mask


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
    doc = nlp(mask(text, [(cut, len(text))]))
    assert all(ent.end_char <= cut for ent in doc.ents)
    assert all(end <= cut for _, end in sentence_spans(doc))
