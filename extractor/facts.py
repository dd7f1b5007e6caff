"""Claims indexed by the fact they state, and how checks show facts and numbers in their messages.

A fact is what a claim is about: subject, segment, metric, adjustment, whether the amount is per share,
period, status and unit. Two claims of one fact state the same thing, so their numbers must agree.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from itertools import combinations
from typing import Any, NamedTuple

from extractor.data import load_table
from extractor.models import Basis, Change, Claim, Metric, Status
from extractor.normalize import normal_form
from extractor.stated import Interval, Stated, WrittenNumbers, built, consistent, numbers_written, stated


class Fact(NamedTuple):
    """What makes two claims state the same fact."""

    subject: str
    segment: str | None
    metric: Metric
    adjusted: bool
    per_share: bool
    period: str | None
    status: Status
    unit: str


_OTHER = Metric.OTHER  # read once: an enum member is slow to look up on its class
_FIELD_INDEX = {name: k for k, name in enumerate(Fact._fields)}


class Facts:
    """The claims indexed by the fact they state. A claim of metric `other` names no fact the checks
    can compare (新业务价值 and 税后营运溢利 are both `other`), so it is left out of the index."""

    def __init__(self, claims: Sequence[Claim], *, normalized: bool = False) -> None:
        """`normalized`: the evidence of `claims` is in normal form already."""
        self.claims = claims
        self.evidence = (
            [claim.evidence.text for claim in claims] if normalized else simplified_evidence(claims)
        )
        per_share = _words_regex("per_share_words").search
        self.facts = [
            fact_of(claim, per_share(evidence) is not None)
            for claim, evidence in zip(claims, self.evidence, strict=True)
        ]
        self.index: defaultdict[Fact, list[int]] = defaultdict(list)
        self.valued: defaultdict[Fact, list[int]] = defaultdict(list)  # the claims with a value
        for i, fact in enumerate(self.facts):
            if fact.metric is _OTHER:
                continue
            self.index[fact].append(i)
            if claims[i].value is not None:
                self.valued[fact].append(i)
        self.periods = {fact.period for fact in self.valued if fact.period}  # the periods given a value
        self.units = {fact.unit for fact in self.valued}  # the units given a value
        self.values: dict[int, Stated] = {}
        self.written: dict[str, WrittenNumbers] = {}  # by evidence: the claims of a sentence share it

    def find(self, i: int, *, any_unit: bool = False, **changes: Any) -> list[int]:
        """Indices of claims with a value stating the fact of claim `i` with `changes` to its fields."""
        return self._found(i, any_unit, changes)

    def _found(self, i: int, any_unit: bool, changes: dict[str, Any]) -> list[int]:
        """`find`, with `changes` passed as they came (`single` calls it without packing them again)."""
        fact = _replaced(self.facts[i], changes) if changes else self.facts[i]
        if not any_unit:
            return self.valued.get(fact, [])
        return [j for f in self._in_any_unit(fact) for j in self.valued[f]]

    def _in_any_unit(self, fact: Fact) -> list[Fact]:
        """The facts given a value that differ from `fact` at most in their unit: one lookup per unit the
        text gives a value in (a few). In the order the text first states them, which `single` breaks ties
        by."""
        facts = [f for unit in self.units if (f := _replaced(fact, {"unit": unit})) in self.valued]
        return sorted(facts, key=lambda f: self.index[f][0])

    def single(self, i: int, *, any_unit: bool = False, **changes: Any) -> int | None:
        """The claim stating the fact of claim `i` with `changes`, when the text gives it one value.

        Restatements that agree count as one value, and the loosest bounded one stands for them: a
        restatement often drops the 约 of the first statement, and a check fails only when no reading
        of the text agrees. When they disagree, the fact has no single value to check against (the
        conflict check reports it).
        """
        found = self._found(i, any_unit, changes)
        if len(found) < 2:
            return found[0] if found else None
        intervals = [self.value(j).interval for j in found]
        if not all(consistent(a, b) for a, b in combinations(intervals, 2)):
            return None
        widths = [width(interval) for interval in intervals]
        return max(zip(found, widths, strict=True), key=lambda pair: (pair[1] != math.inf, pair[1]))[0]

    def value(self, i: int) -> Stated:
        """The value of claim `i` as its evidence states it, read once per claim."""
        if i not in self.values:
            claim = self.claims[i]
            assert claim.value is not None
            self.values[i] = stated(
                claim.value,
                self.written_in(i),
                scaled=claim.unit != "%",
                qualifier=claim.qualifier,
                value_range=claim.value_range,
            )
        return self.values[i]

    def change(self, i: int, number: float, change: Change, *, scaled: bool = False) -> Stated:
        """A number of `change`, a change of claim `i`, as its evidence states it; `scaled` for amounts."""
        scaled = scaled and self.claims[i].unit != "%"
        return stated(number, self.written_in(i), scaled=scaled, qualifier=change.qualifier)

    def says(self, i: int, words: str) -> bool:
        """Whether the evidence of claim `i` holds a word of the checks.yaml list `words` (either script)."""
        return holds(self.evidence[i], words)

    def written_in(self, i: int) -> WrittenNumbers:
        """The numbers the evidence of claim `i` writes, read once per evidence (in normal form: its
        digits are folded already)."""
        evidence = self.evidence[i]
        written = self.written.get(evidence)
        if written is None:
            written = self.written[evidence] = numbers_written(evidence)
        return written


def simplified_evidence(claims: Sequence[Claim]) -> list[str]:
    """Each claim's evidence in normal form, converted in one OpenCC pass per document: no OpenCC phrase
    holds a line break, so texts joined by line breaks convert as each does alone (a text that holds a
    line break is converted alone)."""
    texts = [claim.evidence.text for claim in claims]
    lines = [text for text in dict.fromkeys(texts) if "\n" not in text]
    forms = dict(zip(lines, normal_form("\n".join(lines)).split("\n"), strict=True)) if lines else {}
    return [forms[text] if text in forms else normal_form(text) for text in texts]


def fact_of(claim: Claim, per_share: bool) -> Fact:
    """The fact `claim` states; `per_share`: its evidence holds a checks.yaml `per_share_words` word, as
    per-share amounts are a fact apart from totals."""
    return built(
        Fact,
        (
            claim.subject,
            claim.segment,
            claim.metric,
            claim.adjusted,
            per_share,
            claim.period,
            claim.status,
            claim.unit,
        ),
    )


def _replaced(fact: Fact, changes: dict[str, Any]) -> Fact:
    """`fact` with `changes` to its fields: `Fact._replace`, at half the cost."""
    fields = list(fact)
    for name, value in changes.items():
        fields[_FIELD_INDEX[name]] = value
    return built(Fact, fields)


def holds(evidence: str, words: str) -> bool:
    """Whether `evidence`, in normal form, holds a word of the checks.yaml list `words`."""
    return _words_regex(words).search(evidence) is not None


@cache
def _words_regex(words: str) -> re.Pattern[str]:
    """The checks.yaml list `words` as one pattern."""
    return re.compile("|".join(re.escape(word) for word in load_table("checks.yaml")[words]))


def width(interval: Interval) -> float:
    return interval.high - interval.low


def common_scale(*numbers: Stated) -> float:
    """The scale to show numbers side by side in: the finest any of them was written in."""
    return min(number.scale for number in numbers)


def shown_together(*numbers: Stated, sep: str, scale: float | None = None) -> str:
    """The numbers in one scale (by default the finest they were written in), joined by `sep`."""
    scale = common_scale(*numbers) if scale is None else scale
    return sep.join(number.shown(scale) for number in numbers)


def label(claim: Claim) -> str:
    adjusted = "adjusted " if claim.adjusted else ""
    segment = f" {claim.segment}" if claim.segment else ""
    return f"{adjusted}{claim.metric.value} of {claim.subject}{segment}"


def when(claim: Claim, prior: str | None = None) -> str:
    """The period in brackets, with the prior period compared and the status when not actual."""
    period = f"{claim.period} vs {prior}" if prior else str(claim.period)
    status = "" if claim.status is Status.ACTUAL else f", {claim.status.value}"
    return f"({period}{status})"


@cache  # a few periods and bases recur in every text
def earlier(period: str, basis: Basis) -> str | None:
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


def signed(text: str) -> str:
    return text if text.startswith("-") else f"+{text}"
