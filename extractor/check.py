"""Consistency checks: stated numbers that do not add up.

Each check recomputes one stated number from others and compares within what the stated precision allows
(`extractor.stated`: 777亿 is [776.5亿, 777.5亿], 31% is [30.5, 31.5]); the recomputation runs on the
intervals, so a check fails only when no reading of the rounded figures makes them agree.

- arithmetic, growth: a claim's stated change against the value it states and the value of the same
  fact one period earlier (yoy: a year, qoq: a quarter, mom: a month): percent as current / prior − 1,
  points and amounts as current − prior. A percent growth from a zero or negative base (扭亏, 减亏) is
  reported differently from paper to paper and is not checked.
- arithmetic, ratio: a margin or share against its parts (checks.yaml `ratios`); a segment's share of the
  company is only checked from below, as it may be a share of a narrower total.
- sum: a claim about several companies together ("Amazon, Microsoft, Google") against the sum of each
  one's claim, when every one is stated (checks.yaml `summable`).
- conflict: the same fact (subject, segment, metric, adjustment, period, status, unit; per-share amounts
  apart from totals) stated with two numbers that cannot both be right, values or changes of the same
  basis: one result per two different numbers, naming every claim that states either. Claims without a
  period are not compared (nothing says they are the same fact), nor revised figures (上调至, 此前: the
  checks.yaml `revision_words`). `expected` is the number stated first, `stated` the other.

`check_all` lists every check with whether it passed; `check` keeps the failures as Findings.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from extractor.data import load_table
from extractor.models import Basis, Change, Claim, Finding, FindingKind, Metric, Status
from extractor.normalize import normalize
from extractor.stated import Interval, Stated, add, consistent, div, scale_interval, show, stated, sub


class CheckResult(BaseModel):
    """One check, passed or failed, with its derivation."""

    kind: FindingKind
    passed: bool
    message: str
    claims: list[int]
    stated: float | None = None
    expected: float | None = None

    def finding(self) -> Finding:
        return Finding(
            kind=self.kind,
            message=self.message,
            claims=self.claims,
            stated=self.stated,
            expected=self.expected,
        )


def check(claims: Sequence[Claim]) -> list[Finding]:
    """The failed checks among `claims`, as findings."""
    return [result.finding() for result in check_all(claims) if not result.passed]


def check_all(claims: Sequence[Claim]) -> list[CheckResult]:
    """Every check that `claims` allow, passed or failed."""
    facts = _Facts(claims)
    return [*_growth(facts), *_ratios(facts), *_sums(facts), *_conflicts(facts)]


class _Facts:
    """The claims indexed by the fact they state."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = claims
        self.index: defaultdict[tuple[Any, ...], list[int]] = defaultdict(list)
        for i, claim in enumerate(claims):
            self.index[_key(claim)].append(i)

    def find(self, claim: Claim, *, any_unit: bool = False, **changes: Any) -> list[int]:
        """Indices of claims with a value stating the fact of `claim` with `changes` to its key fields."""
        key = _key(claim.model_copy(update=changes))
        keys = [k for k in self.index if k[:-1] == key[:-1]] if any_unit else [key]
        return [i for k in keys for i in self.index.get(k, []) if self.claims[i].value is not None]

    def single(self, claim: Claim, *, any_unit: bool = False, **changes: Any) -> int | None:
        """The claim stating the fact of `claim` with `changes`, when the text gives it one value.

        Restatements that agree count as one value (the most precise stands for them); when they
        disagree, the fact has no single value to check against (the conflict check reports it).
        """
        found = self.find(claim, any_unit=any_unit, **changes)
        numbers = [self.value(i) for i in found]
        if not found or not all(consistent(a.interval(), b.interval()) for a in numbers for b in numbers):
            return None
        return min(zip(found, numbers, strict=True), key=lambda pair: _width(pair[1].interval()))[0]

    def value(self, i: int) -> Stated:
        claim = self.claims[i]
        assert claim.value is not None
        return stated(
            claim.value,
            claim.evidence.text,
            scaled=claim.unit != "%",
            qualifier=claim.qualifier,
            value_range=claim.value_range,
        )


def _growth(facts: _Facts) -> Iterator[CheckResult]:
    for i, claim in enumerate(facts.claims):
        if claim.value is None or claim.period is None:
            continue
        for change in claim.changes:
            prior_period = _earlier(claim.period, change.basis)
            if prior_period is None:
                continue
            j = facts.single(claim, period=prior_period)
            result = None if j is None else _growth_result(facts, j, i, change)
            if result is not None:
                yield result


def _growth_result(facts: _Facts, prior_index: int, index: int, change: Change) -> CheckResult | None:
    """The stated change of claim `index` against its value and the prior value of claim `prior_index`."""
    claim = facts.claims[index]
    current, prior = facts.value(index), facts.value(prior_index)
    head = f"{_label(claim)} {_when(claim, facts.claims[prior_index].period)}: "
    indices = [prior_index, index]
    if change.percent is not None:
        implied = div(current.interval(), prior.interval())
        if implied is None or prior.interval().low <= 0:
            return None  # no growth rate from a zero or negative base
        said = _change(change.percent, change, claim)
        point = (current.value / prior.value - 1) * 100
        growth = f"{_shown(current, prior, sep=' / ')} - 1 = {show(point, max(1, said.decimals))}%"
        implied = scale_interval(implied, 100, -100)
        return _result(f"{head}{growth}, stated {said.shown()}%", implied, said, point, indices)
    number, suffix = (change.points, " points") if change.points is not None else (change.amount, "")
    if number is None:
        return None
    said = _change(number, change, claim, scaled=change.points is None)
    point = current.value - prior.value
    scale = _scale(current, prior, said)
    decimals = max(n.decimals_in(scale) for n in (current, prior, said))
    difference = f"{_shown(current, prior, sep=' - ', scale=scale)} = {show(point / scale, decimals)}"
    message = f"{head}{difference}{suffix}, stated {said.shown(scale)}{suffix}"
    return _result(message, sub(current.interval(), prior.interval()), said, point, indices)


def _ratios(facts: _Facts) -> Iterator[CheckResult]:
    for rule in _ratio_rules():
        whole = bool(rule.get("whole"))
        numerator, denominator = Metric(rule["numerator"]), Metric(rule["denominator"])
        for k, claim in enumerate(facts.claims):
            if claim.metric != rule["metric"] or claim.value is None or claim.unit != "%":
                continue
            if whole and claim.segment is None:
                continue
            segment = None if whole else claim.segment
            i = facts.single(claim, any_unit=True, metric=numerator)
            if i is None:
                continue
            j = facts.single(claim, metric=denominator, segment=segment, unit=facts.claims[i].unit)
            result = None if j is None else _ratio_result(facts, (i, j, k), at_least=whole)
            if result is not None:
                yield result


def _ratio_result(facts: _Facts, indices: tuple[int, int, int], *, at_least: bool) -> CheckResult | None:
    """numerator / denominator against the stated ratio; `at_least`: the stated one may be larger."""
    part, whole, said = (facts.value(i) for i in indices)
    implied = div(part.interval(), whole.interval())
    if implied is None or not whole.value:
        return None
    implied = scale_interval(implied, 100)
    if at_least:
        implied = Interval(implied.low, math.inf)
    point = part.value / whole.value * 100
    claim = facts.claims[indices[2]]
    shown = f"{_shown(part, whole, sep=' / ')} = {show(point, max(1, said.decimals))}%"
    message = f"{_label(claim)} {_when(claim)}: {shown}, stated {said.shown()}%"
    return _result(message, implied, said, point, list(indices), FindingKind.ARITHMETIC)


def _sums(facts: _Facts) -> Iterator[CheckResult]:
    summable = set(load_table("checks.yaml")["summable"])
    for k, claim in enumerate(facts.claims):
        names = claim.subject.split(", ")
        if len(names) < 2 or claim.value is None or claim.metric.value not in summable:
            continue
        parts = [facts.single(claim, subject=name) for name in names]
        indices = [i for i in parts if i is not None]
        if len(indices) < len(names):
            continue
        values = [facts.value(i) for i in indices]
        said = facts.value(k)
        total = Interval(0.0, 0.0)
        for value in values:
            total = add(total, value.interval())
        point = sum(value.value for value in values)
        scale = _scale(*values, said)
        total_shown = show(point / scale, max(value.decimals_in(scale) for value in values))
        shown = f"{_shown(*values, sep=' + ', scale=scale)} = {total_shown}, stated {said.shown(scale)}"
        message = f"{_label(claim)} {_when(claim)}: {shown}"
        yield _result(message, total, said, point, [*indices, k], FindingKind.SUM)


def _conflicts(facts: _Facts) -> Iterator[CheckResult]:
    for key, indices in facts.index.items():
        if key[-3] is None:
            continue
        unrevised = [i for i in indices if not _says(facts.claims[i], "revision_words")]
        statements: defaultdict[str, list[tuple[Stated, int]]] = defaultdict(list)
        for i in unrevised:
            for what, number in _statements(facts, i):
                statements[what].append((number, i))
        for what, said in statements.items():
            yield from _disagreements(facts, what, said)


def _statements(facts: _Facts, i: int) -> Iterator[tuple[str, Stated]]:
    """What claim `i` states, each number under the name of what it is: `value`, `yoy percent`, ..."""
    claim = facts.claims[i]
    if claim.value is not None:
        yield "value", facts.value(i)
    for change in claim.changes:
        if change.basis not in _PERIOD_BASES:
            continue  # compared with an expectation or a point the claim does not name
        for name in ("percent", "points", "amount"):
            number = getattr(change, name)
            if number is not None:
                yield f"{change.basis.value} {name}", _change(number, change, claim, scaled=name == "amount")


def _disagreements(facts: _Facts, what: str, said: list[tuple[Stated, int]]) -> Iterator[CheckResult]:
    """One result per two different numbers stated for the same thing, naming every claim stating each."""
    numbers: dict[float, list[tuple[Stated, int]]] = {}
    for number, i in said:
        numbers.setdefault(number.value, []).append((number, i))
    groups = list(numbers.values())
    for n, first in enumerate(groups):
        for second in groups[n + 1 :]:
            a, b = first[0][0], second[0][0]
            if not _one_fact(a.value, b.value):
                continue
            claim = facts.claims[first[0][1]]
            shown = _shown_pair(what, a, b, claim.unit)
            message = f"{_label(claim)} {_when(claim)}: {shown}"
            yield _conflict(message, a, b, [i for _, i in first] + [i for _, i in second])


def _one_fact(a: float, b: float) -> bool:
    """Whether two numbers can be one fact misstated: close (checks.yaml `conflict_max_ratio`), of one
    magnitude with opposite signs (增长 vs 下降), or the same digits a power of ten apart (166 vs 16.6).
    Numbers further apart are two facts that the claims confuse, such as a segment's and the company's."""
    if a == 0 or b == 0:
        return True
    ratio = abs(a / b)
    if a * b > 0 and max(ratio, 1 / ratio) <= float(load_table("checks.yaml")["conflict_max_ratio"]):
        return True
    exponent = math.log10(ratio)
    return abs(exponent - round(exponent)) < 1e-9


def _shown_pair(what: str, a: Stated, b: Stated, unit: str) -> str:
    if what == "value":
        suffix = "%" if unit == "%" else ""
        return f"stated as {a.shown(_scale(a, b))}{suffix} and {b.shown(_scale(a, b))}{suffix}"
    basis, name = what.split()
    suffix = {"percent": "%", "points": " points"}.get(name, "")
    scale = _scale(a, b)
    return f"{basis} change stated as {_signed(a.shown(scale))}{suffix} and {_signed(b.shown(scale))}{suffix}"


def _conflict(message: str, first: Stated, second: Stated, indices: list[int]) -> CheckResult:
    passed = consistent(first.interval(), second.interval())
    return CheckResult(
        kind=FindingKind.CONFLICT,
        passed=passed,
        message=message,
        claims=indices,
        stated=second.value,
        expected=first.value,
    )


def _result(
    message: str,
    implied: Interval,
    said: Stated,
    point: float,
    indices: list[int],
    kind: FindingKind = FindingKind.ARITHMETIC,
) -> CheckResult:
    return CheckResult(
        kind=kind,
        passed=consistent(implied, said.interval()),
        message=message,
        claims=indices,
        stated=said.value,
        expected=round(point, 4),
    )


def _change(number: float, change: Change, claim: Claim, *, scaled: bool = False) -> Stated:
    scaled = scaled and claim.unit != "%"
    return stated(number, claim.evidence.text, scaled=scaled, qualifier=change.qualifier)


_PERIOD_BASES = (Basis.YOY, Basis.QOQ, Basis.MOM)


def _key(claim: Claim) -> tuple[Any, ...]:
    """What makes two claims state the same fact; the period third from the end, the unit last."""
    per_share = _says(claim, "per_share_words")
    fact = (claim.subject, claim.segment, claim.metric, claim.adjusted, per_share)
    return (*fact, claim.period, claim.status, claim.unit)


def _says(claim: Claim, words: str) -> bool:
    """Whether the claim's evidence holds a word of the checks.yaml list `words` (in either script)."""
    return any(word in _simplified(claim.evidence.text) for word in load_table("checks.yaml")[words])


@lru_cache(maxsize=4096)
def _simplified(text: str) -> str:
    return normalize(text).text


def _width(interval: Interval) -> float:
    return interval.high - interval.low


def _scale(*numbers: Stated) -> float:
    """The scale to show numbers side by side in: the finest any of them was written in."""
    return min(number.scale for number in numbers)


def _shown(*numbers: Stated, sep: str, scale: float | None = None) -> str:
    """The numbers in one scale (by default the finest they were written in), joined by `sep`."""
    scale = _scale(*numbers) if scale is None else scale
    return sep.join(number.shown(scale) for number in numbers)


def _label(claim: Claim) -> str:
    adjusted = "adjusted " if claim.adjusted else ""
    segment = f" {claim.segment}" if claim.segment else ""
    return f"{adjusted}{claim.metric.value} of {claim.subject}{segment}"


def _when(claim: Claim, prior: str | None = None) -> str:
    """The period in brackets, with the prior period compared and the status when not actual."""
    period = f"{claim.period} vs {prior}" if prior else str(claim.period)
    status = "" if claim.status is Status.ACTUAL else f", {claim.status.value}"
    return f"({period}{status})"


def _earlier(period: str, basis: Basis) -> str | None:
    """The period a change of `basis` compares `period` with: 2025-Q1 qoq → 2024-Q4; None if none."""
    prefix = "FY" if period.startswith("FY") else ""
    year, _, part = period.removeprefix("FY").partition("-")
    if basis is Basis.YOY:
        return f"{prefix}{int(year) - 1}" + (f"-{part}" if part else "")
    if basis is Basis.QOQ and part.startswith("Q"):
        quarter = int(part[1]) - 1
        return f"{prefix}{year}-Q{quarter}" if quarter else f"{prefix}{int(year) - 1}-Q4"
    if basis is Basis.MOM and len(part) == 2 and part.isdigit():
        month = int(part) - 1
        return f"{prefix}{year}-{month:02d}" if month else f"{prefix}{int(year) - 1}-12"
    return None


def _signed(text: str) -> str:
    return text if text.startswith("-") else f"+{text}"


@cache
def _ratio_rules() -> tuple[dict[str, Any], ...]:
    return tuple(load_table("checks.yaml")["ratios"])
