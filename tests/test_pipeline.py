"""The spaCy components give what `extract` gives: one set of stage functions, two ways to run them."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extractor.extraction import extract
from extractor.normalize import normalize
from extractor.pipeline import COMPONENTS, build_pipeline, document_from_doc, make_doc

CORPORA = sorted((Path(__file__).parent.parent / "corpora").glob("*.txt"))


@pytest.mark.parametrize("path", CORPORA[:6], ids=lambda path: path.stem)
def test_the_spacy_pipeline_gives_the_documents_extract_gives(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    nlp = build_pipeline()
    normalized = normalize(text)
    by_spacy = document_from_doc(nlp(make_doc(nlp, normalized.text)), normalized, str(path))
    assert by_spacy == extract(text, source=str(path))
    assert len(by_spacy.claims) > 5


def test_a_users_blank_pipeline_takes_the_components_by_name() -> None:
    nlp = spacy.blank("zh")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("腾讯2025年第三季度收入1928.7亿元人民币，同比增长15%。")
    claims = doc._.claims
    assert [(c.subject, c.metric.value, c.period, c.value, c.unit) for c in claims] == [
        ("Tencent", "revenue", "2025-Q3", 192870000000.0, "CNY")
    ]
    assert [(span.text, span.kb_id_) for span in doc.spans["entities"]] == [("腾讯", "Tencent")]
    assert [span.label_ for span in doc.spans["mentions"]] == ["period", "amount", "change"]
