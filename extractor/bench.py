"""The accuracy benchmark: a corpus of articles against gold claims (stub; filled in by the bench work)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel


class BenchReport(BaseModel):
    """Precision, recall and F1 of the extracted claims against the gold claims."""

    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0


def evaluate(corpus: Path, gold: Path | None = None) -> BenchReport:
    """Score the articles in `corpus` against `gold` (default: the `gold/` folder beside `corpus`)."""
    return BenchReport()


def format_text(report: BenchReport) -> str:
    """The report as a reader wants it in a terminal."""
    return f"precision {report.precision:.3f}  recall {report.recall:.3f}  f1 {report.f1:.3f}"
