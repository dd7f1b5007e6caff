"""The contract's models reject what cannot be right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from extractor.extraction import extract
from extractor.models import Claim, Document, Metric, Qualifier, Status

TEXT = "亞馬遜第四季度營收2134億美元，同比增長14%。"


def _claim(**overrides: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "subject": "Amazon",
        "metric": "revenue",
        "period": "2025-Q4",
        "value": 213400000000.0,
        "unit": "USD",
        "evidence": {"start": 0, "end": 16, "text": "亞馬遜第四季度營收2134億美元"},
    }
    claim.update(overrides)
    return claim


def test_a_valid_claim_reads_back_with_its_defaults() -> None:
    claim = Claim.model_validate(_claim(), context={"text": TEXT})
    assert claim.metric is Metric.REVENUE
    assert claim.qualifier is Qualifier.EXACT
    assert claim.status is Status.ACTUAL
    assert claim.changes == []
    assert claim.adjusted is False


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"metric": "turnover"}, "metric"),
        ({"unit": "dollars"}, "unknown unit 'dollars'"),
        ({"period": "Q4 2025"}, "period 'Q4 2025'"),
        ({"period": "2025-Q5"}, "period '2025-Q5'"),
        ({"value_range": [12.0, 10.0]}, "low end above its high end"),
        ({"evidence": {"start": 0, "end": 16, "text": "亞馬遜第四季度營收2134億美"}}, "has 15 characters"),
        (
            {"evidence": {"start": 1, "end": 17, "text": "亞馬遜第四季度營收2134億美元"}},
            r"is not original\[1:17\]",
        ),
        ({"evidence": {"start": 16, "end": 0, "text": ""}}, "evidence end 0 is before its start 16"),
        ({"qualifier": "about"}, "qualifier"),
        ({"subject": ""}, "subject"),
        ({"confidence": 0.9}, "confidence"),
    ],
)
def test_nonsense_is_rejected(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Claim.model_validate(_claim(**overrides), context={"text": TEXT})


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"start": 0, "end": 16, "text": "亚马逊第四季度营收2134亿美"}, "has 15 characters, span has 16"),
        ({"start": 9, "end": 7, "text": "营收"}, "evidence end 7 is before its start 9"),
    ],
)
@pytest.mark.parametrize("context", [None, {}, {"text": None}], ids=["none", "empty", "no-text"])
def test_a_span_that_cannot_be_a_slice_is_rejected_without_the_text(
    evidence: dict[str, Any], message: str, context: dict[str, Any] | None
) -> None:
    with pytest.raises(ValidationError, match=message):
        Claim.model_validate(_claim(evidence=evidence), context=context)


@pytest.mark.parametrize("context", [None, {}, {"text": None}], ids=["none", "empty", "no-text"])
def test_without_the_text_a_span_of_the_right_length_is_accepted_as_it_is(
    context: dict[str, Any] | None,
) -> None:
    evidence = {"start": 1, "end": 17, "text": "亞馬遜第四季度營收2134億美元"}
    document = Document.model_validate(
        {
            "script": "traditional",
            "entities": [{"text": "騰訊", "canonical": "Tencent", "type": "company", "start": 5, "end": 7}],
            "claims": [_claim(evidence=evidence)],
        },
        context=context,
    )
    assert document.claims[0].evidence.text == evidence["text"]
    assert (document.entities[0].start, document.entities[0].end) == (5, 7)


@pytest.mark.parametrize(
    "period", ["2025", "2025-Q4", "2025-H1", "2025-9M", "2025-10", "2026-02-09", "FY2026-Q3", "FY2025"]
)
def test_contract_periods_are_accepted(period: str) -> None:
    assert Claim.model_validate(_claim(period=period)).period == period


def test_document_schema_names_the_contract_fields() -> None:
    schema = Document.model_json_schema()
    assert set(schema["properties"]) == {"source", "script", "entities", "claims", "findings"}
    claim = schema["$defs"]["Claim"]["properties"]
    assert set(claim) == {
        "subject",
        "segment",
        "metric",
        "adjusted",
        "period",
        "value",
        "value_range",
        "unit",
        "qualifier",
        "changes",
        "status",
        "evidence",
    }


_ARTICLES = sorted((Path(__file__).parent.parent / "corpora").glob("*.txt"))


@pytest.mark.parametrize(
    "text",
    [
        *(path.read_text(encoding="utf-8") for path in _ARTICLES),
        "台積電 10 月營收新台幣 ３,６７５ 億元，年增 16.9%。",
        "腾讯 2025 年第三季度收入 1928.7 亿元，同比增长 15%。",
    ],
    ids=[*(path.stem for path in _ARTICLES), "typeset-traditional", "typeset-simplified"],
)
def test_every_extracted_document_validates_against_its_text(text: str) -> None:
    document = extract(text)
    assert document.claims and document.entities
    assert Document.model_validate(document.model_dump(), context={"text": text}) == document
    assert Document.model_validate_json(document.model_dump_json(), context={"text": text}) == document


@pytest.mark.parametrize(
    ("entity", "message"),
    [
        (
            {"text": "騰訊", "canonical": "Tencent", "type": "company", "start": 1, "end": 3},
            "is not original",
        ),
        ({"text": "騰訊", "canonical": "Tencent", "type": "fund", "start": 0, "end": 2}, "type"),
        ({"text": "騰訊", "canonical": "Tencent", "type": "company", "start": -1, "end": 2}, "start"),
    ],
)
def test_a_users_entity_is_checked_against_the_text(entity: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Document.model_validate(
            {"script": "traditional", "entities": [entity]}, context={"text": "騰訊第三季度收入增長15%。"}
        )


def test_a_documents_claims_are_checked_against_the_text() -> None:
    claim = _claim(evidence={"start": 1, "end": 17, "text": "亞馬遜第四季度營收2134億美元"})
    with pytest.raises(ValidationError, match=r"claims\.0\.evidence\n.*is not original\[1:17\]"):
        Document.model_validate({"script": "traditional", "claims": [claim]}, context={"text": TEXT})


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"period": None}, {"period": None}),
        ({"value_range": None}, {"value_range": None}),
        ({"value_range": [10.0, 12.0]}, {"value_range": (10.0, 12.0)}),
        ({"value_range": [11.0, 11.0]}, {"value_range": (11.0, 11.0)}),
        ({"unit": "%", "value": 14.0}, {"unit": "%", "value": 14.0}),
        ({"unit": "count", "value": 300.0}, {"unit": "count", "value": 300.0}),
    ],
)
def test_optional_and_edge_values_are_accepted(overrides: dict[str, Any], expected: dict[str, Any]) -> None:
    claim = Claim.model_validate(_claim(**overrides), context={"text": TEXT})
    assert {key: getattr(claim, key) for key in expected} == expected
