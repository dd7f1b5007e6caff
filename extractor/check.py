"""Consistency checks: stated numbers that do not add up.

Each check recomputes one stated number from others and compares within what the stated precision allows
(`extractor.stated`: 777亿 is [776.5亿, 777.5亿], 31% is [30.5, 31.5]); the recomputation runs on the
intervals, so a check fails only when no reading of the rounded figures makes them agree.

- arithmetic, growth: a claim's stated change against the value it states and the value of the same
  fact one period earlier (yoy: a year, qoq: a quarter, mom: a month): percent as current / prior − 1,
  points and amounts as current − prior. A percent growth from a zero or negative base (扭亏, 减亏) is
  reported differently from paper to paper and is not checked.
- arithmetic, ratio: a margin or share against its parts (checks.yaml `ratios`).
- sum: a claim about several companies together ("Amazon, Microsoft, Google") against the sum of each
  one's claim, when every one is stated (checks.yaml `summable`).
- conflict: the same fact (subject, segment, metric, adjustment, period, status, unit) stated twice with
  numbers that cannot both be right, values or changes of the same basis. Claims without a period are
  not compared: nothing says they are the same fact. `expected` is the first statement, `stated` the later.

`check_all` lists every check with whether it passed; `check` keeps the failures as Findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel

from extractor.data import load_table
from extractor.models import Basis, Change, Claim, Finding, FindingKind, Metric, Status
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
            for j in facts.find(claim, period=prior_period):
                result = _growth_result(facts, j, i, change)
                if result is not None:
                    yield result


def _growth_result(facts: _Facts, prior_index: int, index: int, change: Change) -> CheckResult | None:
    claim = facts.claims[index]
    current, prior = facts.value(index), facts.value(prior_index)
    head = f"{_label(claim)} {_when(claim, facts.claims[prior_index].period)}: "
    numbers = f"{current.shown()} {{}} {prior.shown(current.scale)}"
    assert current.value is not None
    if change.percent is not None:
        if prior.interval().low <= 0:
            return None
        said = _change(change.percent, change, claim)
        implied = div(current.interval(), prior.interval())
        assert implied is not None
        point = (current.value / prior.value - 1) * 100
        shown = f"{numbers.format('/')} - 1 = {show(point, max(1, said.decimals))}%, stated {said.shown()}%"
        return _result(head + shown, scale_interval(implied, 100, -100), said, point, [prior_index, index])
    number, suffix = (change.points, " points") if change.points is not None else (change.amount, "")
    if number is None:
        return None
    said = _change(number, change, claim, scaled=change.points is None)
    point = current.value - prior.value
    decimals = max(current.decimals_in(said.scale), said.decimals)
    difference = f"{show(point / said.scale, decimals)}{suffix}"
    shown = f"{numbers.format('-')} = {difference}, stated {said.shown()}{suffix}"
    implied = sub(current.interval(), prior.interval())
    return _result(head + shown, implied, said, point, [prior_index, index])


def _ratios(facts: _Facts) -> Iterator[CheckResult]:
    for rule in _ratio_rules():
        for k, claim in enumerate(facts.claims):
            if claim.metric != rule["metric"] or claim.value is None or claim.unit != "%":
                continue
            denominator_segment = None if rule.get("whole") else claim.segment
            if rule.get("whole") and claim.segment is None:
                continue
            for i in facts.find(claim, any_unit=True, metric=Metric(rule["numerator"])):
                denominator = Metric(rule["denominator"])
                unit = facts.claims[i].unit
                for j in facts.find(claim, metric=denominator, segment=denominator_segment, unit=unit):
                    result = _ratio_result(facts, i, j, k)
                    if result is not None:
                        yield result


def _ratio_result(facts: _Facts, i: int, j: int, k: int) -> CheckResult | None:
    part, whole, said = facts.value(i), facts.value(j), facts.value(k)
    implied = div(part.interval(), whole.interval())
    if implied is None or not whole.value:
        return None
    point = part.value / whole.value * 100
    claim = facts.claims[k]
    shown = f"{part.shown()} / {whole.shown(part.scale)} = {show(point, max(1, said.decimals))}%"
    message = f"{_label(claim)} {_when(claim)}: {shown}, stated {said.shown()}%"
    return _result(message, scale_interval(implied, 100), said, point, [i, j, k], FindingKind.ARITHMETIC)


def _sums(facts: _Facts) -> Iterator[CheckResult]:
    summable = set(load_table("checks.yaml")["summable"])
    for k, claim in enumerate(facts.claims):
        names = claim.subject.split(", ")
        if len(names) < 2 or claim.value is None or claim.metric.value not in summable:
            continue
        parts = [facts.find(claim, subject=name) for name in names]
        if not all(parts):
            continue
        indices = [found[0] for found in parts]
        values = [facts.value(i) for i in indices]
        said = facts.value(k)
        total = Interval(0.0, 0.0)
        for value in values:
            total = add(total, value.interval())
        point = sum(value.value for value in values)
        decimals = max(value.decimals_in(said.scale) for value in values)
        terms = " + ".join(value.shown(said.scale) for value in values)
        shown = f"{terms} = {show(point / said.scale, decimals)}, stated {said.shown()}"
        message = f"{_label(claim)} {_when(claim)}: {shown}"
        yield _result(message, total, said, point, [*indices, k], FindingKind.SUM)


def _conflicts(facts: _Facts) -> Iterator[CheckResult]:
    for key, indices in facts.index.items():
        if key[-3] is None:
            continue
        for n, i in enumerate(indices):
            for j in indices[n + 1 :]:
                yield from _conflict_results(facts, i, j)


def _conflict_results(facts: _Facts, i: int, j: int) -> Iterator[CheckResult]:
    first, second = facts.claims[i], facts.claims[j]
    head = f"{_label(first)} {_when(first)}"
    if first.value is not None and second.value is not None:
        a, b = facts.value(i), facts.value(j)
        unit = "%" if first.unit == "%" else ""
        message = f"{head}: stated as {a.shown()}{unit} and {b.shown(a.scale)}{unit}"
        yield _conflict(message, a, b, [i, j])
    for change_a in first.changes:
        for change_b in second.changes:
            if change_a.basis != change_b.basis:
                continue
            for name, suffix in (("percent", "%"), ("points", " points"), ("amount", "")):
                x, y = getattr(change_a, name), getattr(change_b, name)
                if x is None or y is None:
                    continue
                a = _change(x, change_a, first, scaled=name == "amount")
                b = _change(y, change_b, second, scaled=name == "amount")
                said = f"{_signed(a.shown())}{suffix} and {_signed(b.shown(a.scale))}{suffix}"
                yield _conflict(f"{head}: {change_a.basis.value} change stated as {said}", a, b, [i, j])


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


def _key(claim: Claim) -> tuple[Any, ...]:
    return (
        claim.subject,
        claim.segment,
        claim.metric,
        claim.adjusted,
        claim.period,
        claim.status,
        claim.unit,
    )


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
