"""Numbers as the text states them: the interval a stated figure stands for, and interval arithmetic.

A figure is as precise as it is written: 777亿 stands for [776.5亿, 777.5亿], 35.0% for [34.95, 35.05].
The written form is found in the claim's evidence: the value is tried in each scale of checks.yaml
(兆, 亿, 万, ...) until its digits appear there, and the decimals written there give the half-unit.
When the digits are not in the evidence (Chinese numerals, 三成, 翻倍), the last non-zero digit of the
value sets the precision: 30 is ±5, 100 is ±50.

Qualifiers widen the interval: `approx` to at least `approx_relative` of the value; `over` leaves it
open above (below, for a negative value: a loss of over 10亿 is at most -10亿), `under` and `up_to` the
other way; `range` spans the stated range.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any, NamedTuple, TypeAlias, TypeVar

from extractor.data import load_table
from extractor.models import Qualifier
from extractor.normalize import fold_width

# Each pattern starts with what it matches, not with a lookbehind, so that `re` skips ahead to the next
# digit or comma instead of trying the pattern at every character: a number not after a digit or a point,
# a comma after a digit and before three.
_WRITTEN_NUMBER = re.compile(r"(\d(?<![\d.]\d)\d*)(?:\.(\d+))?(?!\d)")
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3})")
_BOUND_WORDS = {Qualifier.OVER: "over", Qualifier.UNDER: "under", Qualifier.UP_TO: "up to"}
# Read once: an enum member is slow to look up on its class, and every stated number asks for them.
_EXACT, _APPROX, _RANGE, _OVER = Qualifier.EXACT, Qualifier.APPROX, Qualifier.RANGE, Qualifier.OVER
_BELOW = (Qualifier.UNDER, Qualifier.UP_TO)
_UNSCALED = (1.0,)
_ZERO = f"{0:.6f}"  # zero written says nothing of the scale

Record = TypeVar("Record", bound=tuple[Any, ...])
WrittenNumbers: TypeAlias = dict[str, int]
"""The numbers a text writes, each as `f"{number:.6f}"` would show it → the decimals written."""


class Interval(NamedTuple):
    low: float
    high: float


class Stated(NamedTuple):
    """A stated number: its value, how it was written (scale, decimals), its qualifier, and `interval`,
    every true value the statement is compatible with (worked out once by `stated`, as checks compare it
    often)."""

    value: float
    scale: float
    decimals: int
    qualifier: Qualifier
    interval: Interval

    def decimals_in(self, scale: float) -> int:
        """The decimals that keep every written digit when the number is shown in `scale`."""
        return max(self.decimals + round(math.log10(scale / self.scale)), 0)

    def shown(self, scale: float | None = None) -> str:
        """The number as written, or in `scale` with every written digit."""
        scale = self.scale if scale is None else scale
        number = show(self.value / scale, self.decimals_in(scale) if scale != self.scale else self.decimals)
        return f"{_BOUND_WORDS[self.qualifier]} {number}" if self.qualifier in _BOUND_WORDS else number


@cache
def approx_relative() -> float:
    return float(load_table("checks.yaml")["approx_relative"])


@cache
def scales() -> tuple[float, ...]:
    return tuple(float(scale) for scale in load_table("checks.yaml")["scales"])


def stated(
    value: float,
    written: WrittenNumbers,
    *,
    scaled: bool,
    qualifier: Qualifier = _EXACT,
    value_range: tuple[float, float] | None = None,
) -> Stated:
    """`value` as its evidence writes it (`written`: the evidence's `written_numbers`); `scaled` for money
    and counts, which may be written in 万/亿/兆."""
    magnitude = abs(value)
    for scale in scales() if scaled else _UNSCALED:
        decimals = written.get(f"{magnitude / scale:.6f}")  # as `written_numbers` writes its keys
        if decimals is not None:
            break
    else:
        scale, decimals = _significant(value, scaled)
    half = 0.5 * scale * 10.0**-decimals  # the last written digit stands for ± half its unit
    if qualifier is _EXACT:  # most numbers are stated exactly
        interval = built(Interval, (value - half, value + half))
    else:
        interval = _compatible(value, half, qualifier, value_range)
    return built(Stated, (value, scale, decimals, qualifier, interval))


def _compatible(
    v: float, h: float, qualifier: Qualifier, value_range: tuple[float, float] | None
) -> Interval:
    """Every true value that `v` ± `h` stated with `qualifier` allows (`stated` makes the interval of an
    exact number itself, the commonest case: the last line below)."""
    if qualifier is _APPROX:
        h = max(h, approx_relative() * abs(v))
    if qualifier is _RANGE and value_range is not None:
        return Interval(value_range[0] - h, value_range[1] + h)
    larger = qualifier is _OVER
    smaller = qualifier in _BELOW
    if (larger and v >= 0) or (smaller and v < 0):
        return Interval(v - h, math.inf)
    if larger or smaller:
        return Interval(-math.inf, v + h)
    return Interval(v - h, v + h)


def built(kind: type[Record], fields: Iterable[Any]) -> Record:
    """A NamedTuple `kind` of `fields` in order, made without its Python-level `__new__`, which costs
    twice as much: the checks make several per claim."""
    return tuple.__new__(kind, fields)


def show(number: float, decimals: int) -> str:
    """`number` rounded half up to `decimals` places (31.25 → 31.3), without a negative zero."""
    rounded = Decimal(repr(number)).quantize(_quantum(max(decimals, 0)), rounding=ROUND_HALF_UP)
    return str(rounded).removeprefix("-") if rounded.is_zero() else str(rounded)


@cache
def _quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def consistent(a: Interval, b: Interval) -> bool:
    """The intervals share more than a point (23 and 22 both touch 22.5: no common value survives)."""
    return max(a.low, b.low) < min(a.high, b.high) or a == b


def add(a: Interval, b: Interval) -> Interval:
    return Interval(a.low + b.low, a.high + b.high)


def sub(a: Interval, b: Interval) -> Interval:
    return Interval(a.low - b.high, a.high - b.low)


def div(a: Interval, b: Interval) -> Interval | None:
    """a / b; None when b may be zero (the quotient is unbounded) or a bound is undefined."""
    if b.low <= 0 <= b.high:
        return None
    corners = [x / y for x in a for y in b]
    if any(math.isnan(c) for c in corners):
        return None
    return Interval(min(corners), max(corners))


def scale_interval(a: Interval, factor: float, offset: float = 0.0) -> Interval:
    """a · factor + offset, for a positive factor."""
    return Interval(a.low * factor + offset, a.high * factor + offset)


def written_numbers(evidence: str) -> WrittenNumbers:
    """The numbers `evidence` writes, each with the six decimals a value divided by a scale is shown with
    to be looked up → how many decimals it writes the first of them with (35.0 → "35.000000" → 1,
    1,270.83 → "1270.830000" → 2); the checks read it once per evidence, as every number of a claim and
    every scale is looked up in it. A number of more than six decimals, or zero, says nothing of a scale
    and is left out."""
    return numbers_written(fold_width(evidence))


def numbers_written(text: str) -> WrittenNumbers:
    """`written_numbers` of a text whose digits are folded already (a text in normal form)."""
    if "," in text:
        text = _THOUSANDS.sub("", text)
    written: WrittenNumbers = {}
    for whole, decimals in _WRITTEN_NUMBER.findall(text):
        fraction = decimals.rstrip("0")
        if len(fraction) <= 6:
            written.setdefault(f"{whole}.{fraction.ljust(6, '0')}", len(decimals))
    written.pop(_ZERO, None)
    return written


def _significant(value: float, scaled: bool) -> tuple[float, int]:
    """(scale, decimals) from the last non-zero digit of `value`: 77700000000 → (10^8, 0), 1.95 → (1, 2)."""
    digits = Decimal(repr(abs(value))).normalize()
    exponent = int(digits.as_tuple().exponent)
    if exponent < 0 or value == 0:
        return 1.0, max(-exponent, 0)
    unit = 10.0**exponent
    scale = next((s for s in scales() if s <= unit), 1.0) if scaled else 1.0
    return scale, -round(math.log10(unit / scale))
