"""The speed benchmark: per-stage throughput of the pipeline (stub; filled in by the speed work)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel


class SpeedReport(BaseModel):
    """Characters and articles per second, per stage and overall."""

    characters_per_second: float = 0.0


def measure(corpus: Path) -> SpeedReport:
    """Time every stage of the pipeline over the articles of `corpus`."""
    return SpeedReport()


def format_speed(report: SpeedReport) -> str:
    """The report as a table for a terminal or the README."""
    return f"{report.characters_per_second:,.0f} characters/s"
