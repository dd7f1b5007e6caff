"""Tolerances: a value stated with a margin either side (650亿美元，上下浮动2%; 46%，上下浮动1.5个百分点).

The value becomes a range around itself, its span reaching over the margin, as the contract writes it
(650亿美元，上下浮动2% → 650亿, [637亿, 663亿]); the margin's own number is no mention of its own. On an
amount the margin is a percentage of it or an amount in its unit; on a percentage it is in points (a
bare % too: 74.8%，上下浮动0.5% is read as half a point, as margin guidance means it).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from operator import attrgetter

from extractor.models import Qualifier
from extractor.recognize.mentions import Mention, MentionKind
from extractor.recognize.patterns import alternation, compile_pattern, forms, vocabulary

_AMOUNT, _PERCENT = MentionKind.AMOUNT, MentionKind.PERCENT
_DIGITS = 6  # rounding of the bounds: 74.8 - 0.5 is 74.3, not 74.30000000000001


@cache
def _word_starts() -> frozenset[str]:
    """The first characters of the words that open a margin."""
    return frozenset(word[0] for word in forms(vocabulary()["tolerance_words"]))


@cache
def _lead_regex() -> re.Pattern[str]:
    """The words that open a margin, after an optional comma, right after a value."""
    return compile_pattern(rf"[，,]? ?(?:{alternation(vocabulary()['tolerance_words'])}) ?")


@cache
def _points_regex() -> re.Pattern[str]:
    """A margin in points: 1.5个百分点 (points) or 50个基点 (hundredths of a point)."""
    change = vocabulary()["change"]
    return compile_pattern(
        rf"(?P<number>\d+(?:\.\d+)?) ?(?:(?P<points>{alternation(change['points'])})"
        rf"|(?P<basis>{alternation(change['basis_points'])}))"
    )


def with_tolerances(text: str, levels: list[Mention]) -> list[Mention]:
    """`levels` (amounts and percentages), each value followed by a margin turned into its range, and
    the margins' own numbers left out; sorted by start when a margin was found."""
    if not any(_may_lead(text, level.end) for level in levels):  # most texts state no margin
        return levels
    ordered = sorted(levels, key=attrgetter("start"))
    by_start = {level.start: level for level in ordered}
    result: list[Mention] = []
    skip_until = -1
    for level in ordered:
        if level.start < skip_until:
            continue
        lead = _lead_regex().match(text, level.end) if _may_lead(text, level.end) else None
        ranged = None if lead is None else _ranged(text, level, lead.end(), by_start)
        if ranged is not None:
            skip_until = ranged.end
        result.append(ranged or level)
    return result


def _may_lead(text: str, position: int) -> bool:
    """Whether a margin's word may start at `position`, after a comma or a space: one or two character
    tests, where the pattern would cost a call for every value."""
    character = text[position : position + 1]
    if character in ("，", ",", " "):
        character = text[position + 1 : position + 2]
    return character in _word_starts()


def _ranged(text: str, value: Mention, position: int, by_start: dict[int, Mention]) -> Mention | None:
    """`value` as the range its margin at `position` gives, or None when none can be read there."""
    if value.value is None or value.value_range is not None:
        return None
    margin, end = _margin(text, value, position, by_start)
    if margin is None:
        return None
    low, high = round(value.value - margin, _DIGITS), round(value.value + margin, _DIGITS)
    return replace(
        value, end=end, text=text[value.start : end], value_range=(low, high), qualifier=Qualifier.RANGE
    )


def _margin(
    text: str, value: Mention, position: int, by_start: dict[int, Mention]
) -> tuple[float | None, int]:
    """The margin either side of `value` stated at `position`, and where its statement ends."""
    size = by_start.get(position)
    if value.kind is _PERCENT:
        points = _points_regex().match(text, position)
        if points is not None:
            number = float(points["number"])
            return (number if points["points"] else number / 100), points.end()
        if size is not None and size.kind is _PERCENT and size.value_range is None:
            return size.value, size.end
        return None, position
    if size is None or size.value is None or size.value_range is not None:
        return None, position
    if size.kind is _PERCENT:
        return abs(value.value or 0.0) * size.value / 100, size.end
    if size.unit in (value.unit, None):
        return abs(size.value), size.end
    return None, position
