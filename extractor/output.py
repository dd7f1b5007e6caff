"""Documents written as JSON, JSON Lines, CSV (one claim per row) or a terminal table, as they come.

Every writer writes and flushes each Document the moment it is given one, so a batch that fails or is
interrupted later keeps what was already extracted; `close` ends the output (the `]` of a JSON list).
"""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any, TextIO

from extractor.models import Basis, Change, Claim, Document, Qualifier

if TYPE_CHECKING:
    from rich.table import Table


class Format(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TABLE = "table"


CHANGE_PARTS = ("percent", "points", "amount")
CHANGE_COLUMNS = tuple(f"{basis.value}_{part}" for basis in Basis for part in CHANGE_PARTS)
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
    *CHANGE_COLUMNS,
    "evidence_start",
    "evidence_end",
    "evidence",
)
TABLE_COLUMNS = ("subject", "segment", "metric", "period", "value", "unit", "qual.", "status", "changes")

_QUALIFIER_SIGNS = {
    Qualifier.EXACT: "",
    Qualifier.APPROX: "~",
    Qualifier.OVER: ">",
    Qualifier.UNDER: "<",
    Qualifier.UP_TO: "≤",
    Qualifier.RANGE: "",
}


def format_change(change: Change) -> str:
    """A change as a reader writes it: `yoy +14%`, `yoy +1.8pt`, `qoq ~-2%`, `vs_prior +2.5e+09`."""
    sign = _QUALIFIER_SIGNS[change.qualifier]
    parts = [change.basis.value]
    if change.percent is not None:
        parts.append(f"{sign}{change.percent:+g}%")
    if change.points is not None:
        parts.append(f"{sign}{change.points:+g}pt")
    if change.amount is not None:
        parts.append(f"{sign}{change.amount:+g}")
    return " ".join(parts)


def claim_fields(claim: Claim) -> dict[str, Any]:
    """A claim as one flat row of typed values, None where it has none: the CSV rows and the Dask
    claim frames both start from it."""
    low, high = claim.value_range if claim.value_range is not None else (None, None)
    return {
        "subject": claim.subject,
        "segment": claim.segment,
        "metric": claim.metric.value,
        "adjusted": claim.adjusted,
        "period": claim.period,
        "value": claim.value,
        "value_low": low,
        "value_high": high,
        "unit": claim.unit,
        "qualifier": claim.qualifier.value,
        "status": claim.status.value,
        "changes": "; ".join(format_change(change) for change in claim.changes),
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "evidence": claim.evidence.text,
    }


def claim_row(source: str | None, claim: Claim) -> dict[str, object]:
    """The CSV row of a claim: every field as text, changes both readable and one number per column."""
    fields = claim_fields(claim)
    for name in ("value", "value_low", "value_high"):
        fields[name] = _number(fields[name])
    texts = {name: "" if value is None else value for name, value in fields.items()}
    return {"source": source or "", **texts, **change_columns(claim.changes)}


def change_columns(changes: list[Change]) -> dict[str, str]:
    """`yoy_percent`, `qoq_points`, ...: each stated change's number in its own column, for spreadsheets."""
    columns = dict.fromkeys(CHANGE_COLUMNS, "")
    for change in changes:
        for part in CHANGE_PARTS:
            value = getattr(change, part)
            column = f"{change.basis.value}_{part}"
            if value is not None and not columns[column]:
                columns[column] = _number(value)
    return columns


def document_text(format_: Format, document: Document, *, several: bool = False) -> str:
    """A Document as `format_` writes it, without what goes between Documents: a pure function, so
    that worker processes render while the parent only writes. `several`: an item of a JSON list."""
    match format_:
        case Format.JSON:
            text = document.model_dump_json(indent=2)
            return textwrap.indent(text, "  ") if several else text + "\n"
        case Format.JSONL:
            return document.model_dump_json() + "\n"
        case Format.CSV:
            rows = (claim_row(document.source, claim) for claim in document.claims)
            return _csv_text(lambda writer: writer.writerows(rows))
        case Format.TABLE:
            raise ValueError("a table is drawn by its writer, on its console")


def text_renderer(format_: Format, *, several: bool) -> Callable[[Document], str] | None:
    """What renders a Document in a worker process; None for the table, which the writer draws."""
    return None if format_ is Format.TABLE else partial(document_text, format_, several=several)


class Writer:
    """Writes Documents (or their text, rendered by `text_renderer`) to a stream one at a time."""

    def __init__(self, stream: TextIO, format_: Format, *, several: bool = False) -> None:
        self.stream = stream
        self.format = format_
        self.several = several
        self.count = 0

    def write(self, item: Document | str) -> None:
        text = item if isinstance(item, str) else document_text(self.format, item, several=self.several)
        self.stream.write(self._framed(text))
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        """Ends the output; nothing is written after."""
        self.stream.flush()

    def _framed(self, text: str) -> str:
        return text


class JsonWriter(Writer):
    """One Document as an object; several as a JSON list, streamed item by item."""

    def _framed(self, text: str) -> str:
        if not self.several:
            return text
        return ("[\n" if self.count == 0 else ",\n") + text

    def close(self) -> None:
        if self.several:
            self.stream.write("\n]\n" if self.count else "[]\n")
        super().close()


class CsvWriter(Writer):
    """One claim per row under a header, written before the first Document (so it is there with none)."""

    def __init__(self, stream: TextIO, format_: Format, *, several: bool = False) -> None:
        super().__init__(stream, format_, several=several)
        stream.write(_csv_text(lambda writer: writer.writeheader()))
        stream.flush()


class TableWriter(Writer):
    """A readable terminal table of each Document's claims, then its findings."""

    def __init__(self, stream: TextIO, format_: Format, *, several: bool = False) -> None:
        from rich.console import Console

        super().__init__(stream, format_, several=several)
        self.console = Console(file=stream, width=None if stream.isatty() else 160, highlight=False)

    def write(self, item: Document | str) -> None:
        assert isinstance(item, Document)  # `text_renderer` renders no table
        self.console.print(claims_table(item))
        for finding in item.findings:
            self.console.print(f"[yellow]{finding.kind.value}[/yellow]: ", end="")
            self.console.print(finding.message, markup=False)
        self.stream.flush()
        self.count += 1


def claims_table(document: Document) -> Table:
    """The rich Table of a Document's claims."""
    from rich.table import Table

    title = f"{document.source or 'text'} ({len(document.claims)} claims, {document.script.value})"
    table = Table(title=title, title_justify="left")
    for column in TABLE_COLUMNS:
        table.add_column(column, overflow="fold")
    for claim in document.claims:
        table.add_row(*claim_cells(claim))
    return table


def claim_cells(claim: Claim) -> list[str]:
    """A claim as a reader wants it in a table, one cell per column of TABLE_COLUMNS."""
    return [
        claim.subject,
        claim.segment or "",
        claim.metric.value + (" (adj.)" if claim.adjusted else ""),
        claim.period or "",
        "" if claim.value is None else readable_number(claim.value),
        claim.unit,
        claim.qualifier.value,
        claim.status.value,
        "; ".join(format_change(change) for change in claim.changes),
    ]


def writer_for(format_: Format, stream: TextIO, *, several: bool) -> Writer:
    """The writer of `format_` on `stream`; `several` makes JSON a list even when fewer documents come."""
    kinds: dict[Format, type[Writer]] = {
        Format.JSON: JsonWriter,
        Format.JSONL: Writer,
        Format.CSV: CsvWriter,
        Format.TABLE: TableWriter,
    }
    return kinds[format_](stream, format_, several=several)


def _csv_text(write: Callable[[csv.DictWriter[str]], object]) -> str:
    buffer = io.StringIO()
    write(csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n"))
    return buffer.getvalue()


def readable_number(value: float) -> str:
    """A number for a reader: thousands separators, whole numbers without a decimal point."""
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.6g}"


def _number(value: float | None) -> str:
    """A number as a spreadsheet reads it back exactly: whole amounts without an exponent (213400000000)."""
    if value is None:
        return ""
    return f"{value:.0f}" if value.is_integer() else repr(value)
