"""Documents as JSON (validated against `extractor schema`), JSON Lines, CSV (parsed back) and a table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from cli_samples import HANT, tsmc_document
from conftest import Run

from extractor.models import Change, Document
from extractor.output import CSV_COLUMNS, Format, change_columns, format_change, writer_for


@pytest.fixture
def schema(cli: Callable[..., Run]) -> dict[str, Any]:
    run = cli("schema")
    assert run.status == 0
    loaded: dict[str, Any] = json.loads(run.out)
    return loaded


def written(format_: Format, documents: list[Document], *, several: bool) -> str:
    stream = io.StringIO()
    writer = writer_for(format_, stream, several=several)
    for document in documents:
        writer.write(document)
    writer.close()
    return stream.getvalue()


def test_json_of_one_document_is_an_object_valid_against_the_schema(schema: dict[str, Any]) -> None:
    data = json.loads(written(Format.JSON, [tsmc_document()], several=False))
    jsonschema.validate(data, schema)
    assert data["claims"][0]["value"] == 759600000000.0
    assert data["claims"][1]["evidence"]["text"] == "毛利率59.5%，較上一季提升0.7個百分點"
    assert Document.model_validate(data, context={"text": HANT}) == tsmc_document()


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_of_several_inputs_is_a_list_whatever_number_arrives(schema: dict[str, Any], count: int) -> None:
    documents = [tsmc_document(f"{index}.txt") for index in range(count)]
    data = json.loads(written(Format.JSON, documents, several=True))
    assert [item["source"] for item in data] == [f"{index}.txt" for index in range(count)]
    for item in data:
        jsonschema.validate(item, schema)


def test_json_lines_hold_one_valid_document_per_line(schema: dict[str, Any]) -> None:
    lines = written(Format.JSONL, [tsmc_document("a.txt"), tsmc_document("b.txt")], several=True)
    parsed = [json.loads(line) for line in lines.splitlines()]
    assert [item["source"] for item in parsed] == ["a.txt", "b.txt"]
    for item in parsed:
        jsonschema.validate(item, schema)
    assert "台積電" in lines  # not escaped to \\u sequences


def test_csv_has_one_row_per_claim_and_reads_back_exactly() -> None:
    rows = list(csv.DictReader(io.StringIO(written(Format.CSV, [tsmc_document()], several=False))))
    assert len(rows) == 2
    revenue, margin = rows
    assert tuple(revenue) == CSV_COLUMNS
    assert revenue["source"] == "tsmc.txt"
    assert revenue["subject"] == "TSMC"
    assert revenue["metric"] == "revenue"
    assert revenue["period"] == "2025-Q3"
    assert revenue["value"] == "759600000000"
    assert revenue["unit"] == "TWD"
    assert revenue["qualifier"] == "exact"
    assert revenue["changes"] == "yoy +30.3%"
    assert revenue["yoy_percent"] == "30.3"
    assert revenue["qoq_points"] == ""
    assert margin["value"] == "59.5"
    assert margin["qoq_points"] == "0.7"
    start, end = int(margin["evidence_start"]), int(margin["evidence_end"])
    assert HANT[start:end] == margin["evidence"] == "毛利率59.5%，較上一季提升0.7個百分點"


def test_csv_quotes_evidence_with_commas_quotes_and_line_breaks() -> None:
    document = tsmc_document()
    tricky = 'He said "up, again"\nnext line'
    claim = document.claims[0]
    evidence = claim.evidence.model_copy(update={"text": tricky, "end": claim.evidence.start + len(tricky)})
    document = document.model_copy(update={"claims": [claim.model_copy(update={"evidence": evidence})]})
    rows = list(csv.DictReader(io.StringIO(written(Format.CSV, [document], several=False))))
    assert rows[0]["evidence"] == tricky


def test_csv_of_documents_without_claims_is_the_header_alone() -> None:
    empty = Document(source="x.txt", script="none")
    assert written(Format.CSV, [empty], several=False) == ",".join(CSV_COLUMNS) + "\n"


@pytest.mark.parametrize(
    ("change", "text", "columns"),
    [
        (Change(basis="yoy", percent=14.0), "yoy +14%", {"yoy_percent": "14"}),
        (Change(basis="qoq", percent=-23.0, qualifier="approx"), "qoq ~-23%", {"qoq_percent": "-23"}),
        (Change(basis="yoy", points=1.8), "yoy +1.8pt", {"yoy_points": "1.8"}),
        (Change(basis="vs_prior", amount=-2.5e9), "vs_prior -2.5e+09", {"vs_prior_amount": "-2500000000"}),
        (Change(basis="yoy", percent=100.0, qualifier="over"), "yoy >+100%", {"yoy_percent": "100"}),
    ],
)
def test_a_change_reads_as_text_and_as_numbers_in_its_own_columns(
    change: Change, text: str, columns: dict[str, str]
) -> None:
    assert format_change(change) == text
    filled = {name: value for name, value in change_columns([change]).items() if value}
    assert filled == columns


def test_the_table_shows_each_claim_and_the_findings() -> None:
    table = written(Format.TABLE, [tsmc_document()], several=False)
    assert "tsmc.txt (2 claims, traditional)" in table
    assert "759,600,000,000" in table
    assert "gross_margin" in table
    assert "qoq +0.7pt" in table
    assert "arithmetic: 59.5% < 60% & a <b> test" in table


@pytest.mark.parametrize("format_", list(Format))
def test_each_document_is_in_the_stream_before_the_next_arrives(format_: Format) -> None:
    stream = io.StringIO()
    writer = writer_for(format_, stream, several=True)
    writer.write(tsmc_document("first.txt"))
    after_first = stream.getvalue()
    assert "first.txt" in after_first or "759600000000" in after_first
    writer.write(tsmc_document("second.txt"))
    writer.close()
    assert stream.getvalue().startswith(after_first)
