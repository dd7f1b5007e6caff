"""Documents from the stages: evidence moves to the original text, whichever way the Document is built.

`extract` hands its own claims to the Document and moves their evidence in place; `document_from` (the
spaCy path) leaves the claims it is given as they are and gives the Document copies. Both must agree.
"""

from __future__ import annotations

import pytest

from extractor.assemble import assemble
from extractor.check import check
from extractor.extraction import document_from, entity_finder, extract
from extractor.models import Claim, Document, Evidence
from extractor.normalize import NormalizedText, normalize
from extractor.recognize import recognize

Span = tuple[int, int, str]

CASES = [
    # Traditional: same offsets, the evidence text changes script
    (
        "蘋果公司2025財年第四季營收為1,024億美元，年增8%。",
        (0, 29, "苹果公司2025财年第四季营收为1,024亿美元，年增8%"),
        (0, 29, "蘋果公司2025財年第四季營收為1,024億美元，年增8%"),
    ),
    # Simplified with full-width digits: the evidence keeps them
    (
        "腾讯2025年第三季度收入１９２８.７亿元人民币，同比增长15%。",
        (0, 32, "腾讯2025年第三季度收入1928.7亿元人民币，同比增长15%"),
        (0, 32, "腾讯2025年第三季度收入１９２８.７亿元人民币，同比增长15%"),
    ),
    # blanks beside Han are dropped in the normalized text: the span widens in the original
    (
        "微软 2025 财年 营收 为 2817 亿美元，同比增长 15%。",
        (0, 26, "微软2025财年营收为2817亿美元，同比增长15%"),
        (0, 33, "微软 2025 财年 营收 为 2817 亿美元，同比增长 15%"),
    ),
    # nothing to change
    (
        "阿里巴巴2025财年营收为9963亿元，同比增长6%。",
        (0, 26, "阿里巴巴2025财年营收为9963亿元，同比增长6%"),
        (0, 26, "阿里巴巴2025财年营收为9963亿元，同比增长6%"),
    ),
]


@pytest.mark.parametrize(("text", "normalized_evidence", "original_evidence"), CASES)
def test_document_from_copies_the_claims_and_leaves_them_in_the_normalized_text(
    text: str, normalized_evidence: Span, original_evidence: Span
) -> None:
    normalized = normalize(text)
    claims = _claims(normalized)
    document = _document_from(normalized, claims)
    assert [_span(claim.evidence) for claim in claims] == [normalized_evidence]
    assert [_span(claim.evidence) for claim in document.claims] == [original_evidence]
    start, end, evidence = original_evidence
    assert text[start:end] == evidence


@pytest.mark.parametrize(("text", "normalized_evidence", "original_evidence"), CASES)
def test_extract_gives_the_document_document_from_gives(
    text: str, normalized_evidence: Span, original_evidence: Span
) -> None:
    normalized = normalize(text)
    copied = _document_from(normalized, _claims(normalized))
    extracted = extract(text)
    assert extracted == copied
    assert [_span(claim.evidence) for claim in extracted.claims] == [original_evidence]
    assert Document.model_validate(extracted.model_dump(), context={"text": text}) == extracted


def _claims(normalized: NormalizedText) -> list[Claim]:
    return assemble(normalized.text, recognize(normalized.text), *entity_finder().find(normalized.text))


def _document_from(normalized: NormalizedText, claims: list[Claim]) -> Document:
    """What the spaCy path builds from the stages' own results."""
    entities, _ = entity_finder().find(normalized.text)
    return document_from(normalized, entities, claims, check(claims, normalized=True), None)


def _span(evidence: Evidence) -> Span:
    return evidence.start, evidence.end, evidence.text
