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


SEVERAL = [
    # Traditional with blanks beside Han: each claim's span widens by the blanks it holds and is shifted
    # by those before it
    (
        "微軟 2025 財年 營收 為 2817 億美元，同比增長 15%。淨利潤 為 1018 億美元，年增 16%。",
        [(0, 26, "微软2025财年营收为2817亿美元，同比增长15%"), (27, 44, "净利润为1018亿美元，年增16%")],
        [
            (0, 33, "微軟 2025 財年 營收 為 2817 億美元，同比增長 15%"),
            (34, 55, "淨利潤 為 1018 億美元，年增 16%"),
        ],
    ),
    (
        "腾讯 2025 年第三季度 收入 1928.7 亿元，同比增长 15%；净利润 为 631 亿元，同比增长 19%。",
        [(0, 29, "腾讯2025年第三季度收入1928.7亿元，同比增长15%"), (30, 47, "净利润为631亿元，同比增长19%")],
        [
            (0, 35, "腾讯 2025 年第三季度 收入 1928.7 亿元，同比增长 15%"),
            (36, 57, "净利润 为 631 亿元，同比增长 19%"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "normalized_evidence", "original_evidence"), SEVERAL)
def test_every_claim_of_a_text_moves_to_its_own_original_span(
    text: str, normalized_evidence: list[Span], original_evidence: list[Span]
) -> None:
    normalized = normalize(text)
    claims = _claims(normalized)
    copied = _document_from(normalized, claims)
    extracted = extract(text)
    assert [_span(claim.evidence) for claim in claims] == normalized_evidence
    assert [_span(claim.evidence) for claim in copied.claims] == original_evidence
    assert [_span(claim.evidence) for claim in extracted.claims] == original_evidence
    assert all(text[start:end] == evidence for start, end, evidence in original_evidence)


def _claims(normalized: NormalizedText) -> list[Claim]:
    return assemble(normalized.text, recognize(normalized.text), *entity_finder().find(normalized.text))


def _document_from(normalized: NormalizedText, claims: list[Claim]) -> Document:
    """What the spaCy path builds from the stages' own results."""
    entities, _ = entity_finder().find(normalized.text)
    return document_from(normalized, entities, claims, check(claims, normalized=True), None)


def _span(evidence: Evidence) -> Span:
    return evidence.start, evidence.end, evidence.text
