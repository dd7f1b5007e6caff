"""Documents written as JSON, JSON Lines, CSV (one claim per row) or a terminal table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import TextIO

from extractor.models import Change, Claim, Document


class Format(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TABLE = "table"


CSV_COLUMNS = (
    "source",
    "subject",
    "segment",
    "metric",
    "adjusted",
    "period",
    "value",
    "value_low",
    "value_high",
    "unit",
    "qualifier",
    "status",
    "changes",
    "evidence_start",
    "evidence_end",
    "evidence",
)


def document_json(document: Document) -> str:
    return document.model_dump_json(indent=2)


def document_jsonl(document: Document) -> str:
    return document.model_dump_json()


def format_change(change: Change) -> str:
    """A change as a reader writes it: `yoy +14%`, `yoy +1.8pt`, `vs_prior -2.5e+11`."""
    parts = [change.basis.value]
    if change.percent is not None:
        parts.append(f"{change.percent:+g}%")
    if change.points is not None:
        parts.append(f"{change.points:+g}pt")
    if change.amount is not None:
        parts.append(f"{change.amount:+g}")
    return " ".join(parts)


def claim_row(source: str | None, claim: Claim) -> dict[str, object]:
    low, high = claim.value_range if claim.value_range is not None else (None, None)
    return {
        "source": source or "",
        "subject": claim.subject,
        "segment": claim.segment or "",
        "metric": claim.metric.value,
        "adjusted": claim.adjusted,
        "period": claim.period or "",
        "value": "" if claim.value is None else f"{claim.value:g}",
        "value_low": "" if low is None else f"{low:g}",
        "value_high": "" if high is None else f"{high:g}",
        "unit": claim.unit,
        "qualifier": claim.qualifier.value,
        "status": claim.status.value,
        "changes": "; ".join(format_change(change) for change in claim.changes),
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "evidence": claim.evidence.text,
    }


def csv_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(CSV_COLUMNS)
    return buffer.getvalue()


def document_csv_rows(document: Document) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    for claim in document.claims:
        writer.writerow(claim_row(document.source, claim))
    return buffer.getvalue()


def write_table(documents: Sequence[Document], stream: TextIO) -> None:
    """A readable terminal table of every claim, one table per document."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, width=160 if not stream.isatty() else None)
    for document in documents:
        table = Table(title=document.source or "text", show_lines=False)
        for column in (
            "subject",
            "segment",
            "metric",
            "period",
            "value",
            "unit",
            "qual.",
            "status",
            "changes",
        ):
            table.add_column(column, overflow="fold")
        for claim in document.claims:
            row = claim_row(document.source, claim)
            table.add_row(
                claim.subject,
                claim.segment or "",
                claim.metric.value + (" (adj.)" if claim.adjusted else ""),
                claim.period or "",
                str(row["value"]),
                claim.unit,
                claim.qualifier.value,
                claim.status.value,
                str(row["changes"]),
            )
        console.print(table)
        for finding in document.findings:
            console.print(f"[yellow]{finding.kind.value}[/yellow]: {finding.message}")


def documents_json(documents: Sequence[Document]) -> str:
    """One Document as an object, several as a list."""
    if len(documents) == 1:
        return document_json(documents[0])
    return json.dumps(
        [json.loads(document.model_dump_json()) for document in documents], ensure_ascii=False, indent=2
    )
