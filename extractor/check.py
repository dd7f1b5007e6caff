"""Consistency checks: stated numbers that do not add up."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.models import Claim, Finding


def check(claims: Sequence[Claim]) -> list[Finding]:
    """What the checks find among `claims`."""
    return []
