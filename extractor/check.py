"""Consistency checks: stated numbers that do not add up.

Each check recomputes one stated number from others and compares within what the stated precision allows
(`extractor.stated`: 777亿 is [776.5亿, 777.5亿], 31% is [30.5, 31.5]); the recomputation runs on the
intervals, so a check fails only when no reading of the rounded figures makes them agree.

- arithmetic, growth: a claim's stated change against the value of its fact (its own, or that of the
  claims stating the same fact when it states only the change) and the value of the same fact one
  period earlier (yoy: a year, qoq: a quarter, mom: a month; for guidance and estimates, the actual
  figure when no earlier outlook is stated): percent as current / prior − 1, points and amounts as
  current − prior. A percent growth from a zero or negative base (扭亏, 减亏) is reported differently
  from paper to paper and is not checked.
- arithmetic, ratio: a margin or share against its parts (checks.yaml `ratios`); a segment's share of the
  company is only checked from below, as it may be a share of a narrower total.
- sum: a claim about several companies together ("Amazon, Microsoft, Google") against the sum of each
  one's claim, when every one is stated (checks.yaml `summable`).
- conflict: the same fact (subject, segment, metric, adjustment, period, status, unit; per-share amounts
  apart from totals) stated with two numbers that cannot both be right, values or changes of the same
  basis: one result per two different numbers, naming every claim that states either. Claims without a
  period are not compared (nothing says they are the same fact), nor revised figures (上调至, 此前: the
  checks.yaml `revision_words`). `expected` is the number stated first, `stated` the other.

A fact stated several times is checked once: agreeing restatements stand for one value (`Facts.single`),
disagreeing ones for none. Qualifiers (约, 超过, 不到, ranges) widen a number's interval as
`extractor.stated` describes, so an approximate or one-sided figure fails a check only when no value it
allows could pass.

`check_all` lists every check with whether it passed; `check` keeps the failures as Findings.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import chain, combinations
from typing import NamedTuple

from extractor.data import load_table
from extractor.facts import (
    Facts,
    common_scale,
    earlier,
    label,
    shown_together,
    signed,
    when,
)
from extractor.models import Basis, Change, Claim, Finding, FindingKind, Metric, Status
from extractor.stated import Interval, Stated, add, consistent, div, scale_interval, show, sub


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check, passed or failed, with its derivation. `describe` writes the derivation when it is read
    (`message`): most checks pass and are never shown."""

    kind: FindingKind
    passed: bool
    describe: Callable[[], str]
    claims: list[int]
    stated: float | None = None
    expected: float | None = None

    @property
    def message(self) -> str:
        return self.describe()

    def finding(self) -> Finding:
        return Finding(
            kind=self.kind,
            message=self.message,
            claims=self.claims,
            stated=self.stated,
            expected=self.expected,
        )


def check(claims: Sequence[Claim], *, normalized: bool = False) -> list[Finding]:
    """The failed checks among `claims`, as findings. `normalized`: their evidence is already in normal
    form (cut from `normalize(...).text`, as `extract` does), so it is not converted again; claims read
    back from JSON, in either script, leave it False."""
    return [result.finding() for result in check_all(claims, normalized=normalized) if not result.passed]


def check_all(claims: Sequence[Claim], *, normalized: bool = False) -> list[CheckResult]:
    """Every check that `claims` allow, passed or failed; `normalized` as for `check`."""
    facts = Facts(claims, normalized=normalized)
    return [*_growth(facts), *_ratios(facts), *_sums(facts), *_conflicts(facts)]


def _growth(facts: Facts) -> Iterator[CheckResult]:
    for i, claim in enumerate(facts.claims):
        if claim.period is None:
            continue
        for change in claim.changes:
            prior_period = earlier(claim.period, change.basis)
            if prior_period not in facts.periods:  # None (no earlier period) or a period with no value
                continue
            prior = facts.single(i, period=prior_period)
            if prior is None and claim.status is not Status.ACTUAL:  # an outlook grows from actual figures
                prior = facts.single(i, period=prior_period, status=Status.ACTUAL)
            if prior is None:
                continue
            current = i if claim.value is not None else facts.single(i)
            result = None if current is None else _growth_result(facts, (prior, current, i), change)
            if result is not None:
                yield result


def _growth_result(facts: Facts, indices: tuple[int, int, int], change: Change) -> CheckResult | None:
    """A stated change (of claim indices[2]) against the current (indices[1]) and prior (indices[0]) value.

    A claim stating only a change takes its value from the claims stating the same fact.
    """
    prior_index, current_index, index = indices
    claim = facts.claims[index]
    current, prior = facts.value(current_index), facts.value(prior_index)
    prior_period = facts.claims[prior_index].period
    used = list(dict.fromkeys(indices))
    if change.percent is not None:
        implied = div(current.interval, prior.interval)
        if implied is None or prior.interval.low <= 0:
            return None  # no growth rate from a zero or negative base
        said = facts.change(index, change.percent, change)
        point = (current.value / prior.value - 1) * 100
        message = partial(_growth_message, claim, prior_period, (current, prior, said), point)
        return _result(message, scale_interval(implied, 100, -100), said, point, used)
    number, suffix = (change.points, " points") if change.points is not None else (change.amount, "")
    if number is None:
        return None
    said = facts.change(index, number, change, scaled=change.points is None)
    point = current.value - prior.value
    message = partial(_difference_message, claim, prior_period, (current, prior, said), point, suffix)
    return _result(message, sub(current.interval, prior.interval), said, point, used)


def _growth_message(
    claim: Claim, prior_period: str | None, numbers: tuple[Stated, Stated, Stated], point: float
) -> str:
    """current / prior - 1 = point, stated `said`."""
    current, prior, said = numbers
    growth = f"{shown_together(current, prior, sep=' / ')} - 1 = {show(point, max(1, said.decimals))}%"
    return f"{label(claim)} {when(claim, prior_period)}: {growth}, stated {said.shown()}%"


def _difference_message(
    claim: Claim, prior_period: str | None, numbers: tuple[Stated, Stated, Stated], point: float, suffix: str
) -> str:
    """current - prior = point, stated `said`, all in the finest scale any of them was written in."""
    current, prior, said = numbers
    scale = common_scale(*numbers)
    decimals = max(n.decimals_in(scale) for n in numbers)
    difference = f"{shown_together(current, prior, sep=' - ', scale=scale)} = {show(point / scale, decimals)}"
    stated = f"{said.shown(scale)}{suffix}"
    return f"{label(claim)} {when(claim, prior_period)}: {difference}{suffix}, stated {stated}"


def _ratios(facts: Facts) -> Iterator[CheckResult]:
    percents: defaultdict[str, list[int]] = defaultdict(list)  # metric → the claims stating it in per cent
    for k, claim in enumerate(facts.claims):
        if claim.value is not None and claim.unit == "%":
            percents[claim.metric].append(k)
    for rule in _ratio_rules():
        for k in percents.get(rule.metric, []):
            claim = facts.claims[k]
            if rule.whole and claim.segment is None:
                continue
            segment = None if rule.whole else claim.segment
            i = facts.single(k, any_unit=True, metric=rule.numerator)
            if i is None:
                continue
            j = facts.single(k, metric=rule.denominator, segment=segment, unit=facts.claims[i].unit)
            result = None if j is None else _ratio_result(facts, (i, j, k), at_least=rule.whole)
            if result is not None:
                yield result


def _ratio_result(facts: Facts, indices: tuple[int, int, int], *, at_least: bool) -> CheckResult | None:
    """numerator / denominator against the stated ratio; `at_least`: the stated one may be larger."""
    part, whole, said = (facts.value(i) for i in indices)
    implied = div(part.interval, whole.interval)
    if implied is None or not whole.value:
        return None
    implied = scale_interval(implied, 100)
    if at_least:
        implied = Interval(implied.low, math.inf)
    point = part.value / whole.value * 100
    message = partial(_ratio_message, facts.claims[indices[2]], (part, whole, said), point)
    return _result(message, implied, said, point, list(indices), FindingKind.ARITHMETIC)


def _ratio_message(claim: Claim, numbers: tuple[Stated, Stated, Stated], point: float) -> str:
    part, whole, said = numbers
    shown = f"{shown_together(part, whole, sep=' / ')} = {show(point, max(1, said.decimals))}%"
    return f"{label(claim)} {when(claim)}: {shown}, stated {said.shown()}%"


def _sums(facts: Facts) -> Iterator[CheckResult]:
    for k, claim in enumerate(facts.claims):
        if ", " not in claim.subject or claim.value is None or claim.metric not in _summable():
            continue
        names = claim.subject.split(", ")
        parts = [facts.single(k, subject=name) for name in names]
        indices = [i for i in parts if i is not None]
        if len(indices) < len(names):
            continue
        values = [facts.value(i) for i in indices]
        said = facts.value(k)
        total = Interval(0.0, 0.0)
        for value in values:
            total = add(total, value.interval)
        point = sum(value.value for value in values)
        message = partial(_sum_message, claim, values, said, point)
        yield _result(message, total, said, point, [*indices, k], FindingKind.SUM)


def _sum_message(claim: Claim, values: list[Stated], said: Stated, point: float) -> str:
    scale = common_scale(*values, said)
    total = show(point / scale, max(value.decimals_in(scale) for value in values))
    shown = f"{shown_together(*values, sep=' + ', scale=scale)} = {total}, stated {said.shown(scale)}"
    return f"{label(claim)} {when(claim)}: {shown}"


def _conflicts(facts: Facts) -> Iterator[CheckResult]:
    for fact, indices in facts.index.items():
        if fact.period is None or _stated_once(facts, indices):
            continue
        # what is stated → each number stated for it → the claims stating it (read from the evidence only
        # when two numbers are stated for one thing)
        statements: defaultdict[str, dict[float, list[tuple[int, Change | None]]]] = defaultdict(dict)
        for i in indices:
            if facts.says(i, "revision_words"):
                continue
            for what, number, change in _statements(facts.claims[i]):
                statements[what].setdefault(number, []).append((i, change))
        for what, numbers in statements.items():
            if len(numbers) > 1:
                yield from _disagreements(facts, what, numbers)


def _stated_once(facts: Facts, indices: list[int]) -> bool:
    """Whether a fact is stated by one claim with at most one change: it states no number twice."""
    return len(indices) == 1 and len(facts.claims[indices[0]].changes) < 2


def _statements(claim: Claim) -> Iterator[tuple[str, float, Change | None]]:
    """What `claim` states, each number under the name of what it is (`value`, `yoy percent`, ...) and
    with the change that states it (None for the value)."""
    if claim.value is not None:
        yield "value", claim.value, None
    for change in claim.changes:
        if change.basis not in _PERIOD_BASES:
            continue  # compared with an expectation or a point the claim does not name
        for name in ("percent", "points", "amount"):
            number = getattr(change, name)
            if number is not None:
                yield f"{change.basis} {name}", number, change  # a StrEnum formats as its value


def _disagreements(
    facts: Facts, what: str, numbers: dict[float, list[tuple[int, Change | None]]]
) -> Iterator[CheckResult]:
    """One result per two different numbers stated for the same thing, naming every claim stating each;
    a number is read from its evidence only when it is compared."""
    pairs = [(a, b) for a, b in combinations(numbers, 2) if _one_fact(a, b)]
    read = {number: _stated_as(facts, what, number, *numbers[number][0]) for number in chain(*pairs)}
    for a, b in pairs:
        first, second = [i for i, _ in numbers[a]], [i for i, _ in numbers[b]]
        message = partial(_conflict_message, facts.claims[first[0]], what, read[a], read[b])
        yield _conflict(message, read[a], read[b], first + second)


def _stated_as(facts: Facts, what: str, number: float, i: int, change: Change | None) -> Stated:
    """`number`, stated by claim `i` as its value or as a number of `change`, as its evidence writes it."""
    if change is None:
        return facts.value(i)
    return facts.change(i, number, change, scaled=what.endswith(" amount"))


def _one_fact(a: float, b: float) -> bool:
    """Whether two numbers can be one fact misstated: close (checks.yaml `conflict_max_ratio`), of one
    magnitude with opposite signs (增长 vs 下降), or the same digits a power of ten apart (166 vs 16.6).
    Numbers further apart are two facts that the claims confuse, such as a segment's and the company's."""
    if a == 0 or b == 0:
        return True
    ratio = abs(a / b)
    if a * b > 0 and max(ratio, 1 / ratio) <= _conflict_max_ratio():
        return True
    exponent = math.log10(ratio)
    return abs(exponent - round(exponent)) < 1e-9


def _conflict_message(claim: Claim, what: str, a: Stated, b: Stated) -> str:
    return f"{label(claim)} {when(claim)}: {_shown_pair(what, a, b, claim.unit)}"


def _shown_pair(what: str, a: Stated, b: Stated, unit: str) -> str:
    if what == "value":
        suffix = "%" if unit == "%" else ""
        return f"stated as {a.shown(common_scale(a, b))}{suffix} and {b.shown(common_scale(a, b))}{suffix}"
    basis, name = what.split()
    suffix = {"percent": "%", "points": " points"}.get(name, "")
    scale = common_scale(a, b)
    return f"{basis} change stated as {signed(a.shown(scale))}{suffix} and {signed(b.shown(scale))}{suffix}"


def _conflict(message: Callable[[], str], first: Stated, second: Stated, indices: list[int]) -> CheckResult:
    passed = consistent(first.interval, second.interval)
    return CheckResult(
        kind=FindingKind.CONFLICT,
        passed=passed,
        describe=message,
        claims=indices,
        stated=second.value,
        expected=first.value,
    )


def _result(
    message: Callable[[], str],
    implied: Interval,
    said: Stated,
    point: float,
    indices: list[int],
    kind: FindingKind = FindingKind.ARITHMETIC,
) -> CheckResult:
    return CheckResult(
        kind=kind,
        passed=consistent(implied, said.interval),
        describe=message,
        claims=indices,
        stated=said.value,
        expected=round(point, 4),
    )


_PERIOD_BASES = (Basis.YOY, Basis.QOQ, Basis.MOM)


class _Ratio(NamedTuple):
    """A checks.yaml `ratios` rule: metric = numerator / denominator; `whole`: of the whole company."""

    metric: str
    numerator: Metric
    denominator: Metric
    whole: bool


@cache
def _ratio_rules() -> tuple[_Ratio, ...]:
    return tuple(
        _Ratio(
            rule["metric"], Metric(rule["numerator"]), Metric(rule["denominator"]), bool(rule.get("whole"))
        )
        for rule in load_table("checks.yaml")["ratios"]
    )


@cache
def _conflict_max_ratio() -> float:
    return float(load_table("checks.yaml")["conflict_max_ratio"])


@cache
def _summable() -> frozenset[str]:
    return frozenset(load_table("checks.yaml")["summable"])
