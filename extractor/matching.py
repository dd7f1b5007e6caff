"""Pairing extracted claims with gold claims, and how a pair agrees field by field.

Two one-to-one pairings per document (see `extractor.bench` for how they are scored):

- strict, what precision and recall count: subject, segment, metric and period equal, and the value
  within the benchmark's relative tolerance (0.5 %); when both values are null, the changes' primary
  numbers (first change's percent, else points, else amount) within it.
- relaxed, what the per-field scores read: the strict pairs, then among the claims left over, pairs whose
  evidence overlaps and that agree on the metric or on the number (within tolerance, off by a power of
  ten, or negated). A relaxed pair is one stated fact read with some field wrong.

Both are maximum matchings (augmenting paths) whose candidates are tried best first, so exact values
and overlapping evidence win ties, and core gold claims are served before the optional ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from extractor.data import load_table
from extractor.models import Change, ClaimFields

FIELDS = ("subject", "segment", "metric", "period", "value", "unit", "change", "status", "qualifier")


class Slip(StrEnum):
    """How a number was misread, scored apart from plain value errors."""

    SCALE = "scale"  # off by a power of ten: a 万/亿/兆 read as another unit
    SIGN = "sign"  # the value negated (a loss read as a profit)
    DIRECTION = "direction"  # a change's sign flipped (增长 read as 下降)


@dataclass(frozen=True)
class BenchClaim:
    """A claim on either side of the benchmark, with where its evidence lies in the article."""

    claim: ClaimFields
    evidence: str
    span: tuple[int, int] | None
    core: bool = True


@cache
def tolerance() -> float:
    """The relative difference under which two numbers are the same number."""
    return float(load_table("bench.yaml")["value_tolerance"])


@cache
def scale_factors() -> tuple[float, ...]:
    """Ratios that make a value a scale slip: 10^k and 10^-k for each configured k."""
    exponents = load_table("bench.yaml")["scale_exponents"]
    return tuple(factor for k in exponents for factor in (10.0**k, 10.0**-k))


def close(a: float | None, b: float | None) -> bool:
    """Both null, or within the relative tolerance of each other."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance() * max(abs(a), abs(b))


def primary_change(claim: ClaimFields) -> float | None:
    """The number a value-less claim states: its first change's percent, points or amount."""
    for change in claim.changes:
        for number in (change.percent, change.points, change.amount):
            if number is not None:
                return number
    return None


def same_number(gold: ClaimFields, extracted: ClaimFields) -> bool:
    """The values agree; for two value-less claims, their primary changes agree."""
    if gold.value is None and extracted.value is None:
        return close(primary_change(gold), primary_change(extracted))
    return close(gold.value, extracted.value)


def value_slip(gold: ClaimFields, extracted: ClaimFields) -> Slip | None:
    """A scale or sign slip between two different values, or None."""
    if gold.value is None or extracted.value is None or not gold.value:
        return None
    if close(-gold.value, extracted.value):
        return Slip.SIGN
    ratio = extracted.value / gold.value
    if any(close(abs(ratio), factor) for factor in scale_factors()):
        return Slip.SCALE
    return None


def changes_agree(gold: Sequence[Change], extracted: Sequence[Change], sign: float = 1.0) -> bool:
    """The same changes (order aside): basis equal, percent, points and amount close (times `sign`)."""
    if len(gold) != len(extracted):
        return False
    pairs = zip(sorted(gold, key=_basis), sorted(extracted, key=_basis), strict=True)
    return all(
        g.basis == e.basis
        and close(_signed(g.percent, sign), e.percent)
        and close(_signed(g.points, sign), e.points)
        and close(_signed(g.amount, sign), e.amount)
        for g, e in pairs
    )


def change_slip(gold: ClaimFields, extracted: ClaimFields) -> Slip | None:
    """DIRECTION when the changes differ only by their signs, else None."""
    if changes_agree(gold.changes, extracted.changes):
        return None
    return Slip.DIRECTION if changes_agree(gold.changes, extracted.changes, -1.0) else None


def agrees(field: str, gold: ClaimFields, extracted: ClaimFields) -> bool:
    """Whether one of FIELDS is read right: numbers within tolerance, changes as sets, the rest equal."""
    if field == "value":
        return close(gold.value, extracted.value)
    if field == "change":
        return changes_agree(gold.changes, extracted.changes)
    return bool(getattr(gold, field) == getattr(extracted, field))


def strict_pairs(gold: Sequence[BenchClaim], extracted: Sequence[BenchClaim]) -> dict[int, int]:
    """Gold index → extracted index for the strict pairing."""

    def candidate(g: BenchClaim, e: BenchClaim) -> bool:
        return _strict_key(g.claim) == _strict_key(e.claim) and same_number(g.claim, e.claim)

    return _pair(gold, extracted, candidate, _strict_preference)


def relaxed_pairs(
    gold: Sequence[BenchClaim], extracted: Sequence[BenchClaim], strict: dict[int, int]
) -> dict[int, int]:
    """The strict pairs plus the relaxed pairs among the claims they leave over."""
    taken = set(strict.values())
    gold_left = [i for i in range(len(gold)) if i not in strict]
    extracted_left = [j for j in range(len(extracted)) if j not in taken]
    extra = _pair(
        [gold[i] for i in gold_left],
        [extracted[j] for j in extracted_left],
        _relaxed_candidate,
        lambda g, e: -sum(agrees(field, g.claim, e.claim) for field in FIELDS),
    )
    return strict | {gold_left[i]: extracted_left[j] for i, j in extra.items()}


def evidence_overlaps(a: BenchClaim, b: BenchClaim) -> bool:
    """The spans intersect; without both spans, one evidence text contains the other."""
    if a.span is not None and b.span is not None:
        return a.span[0] < b.span[1] and b.span[0] < a.span[1]
    return bool(a.evidence and b.evidence) and (a.evidence in b.evidence or b.evidence in a.evidence)


def _relaxed_candidate(g: BenchClaim, e: BenchClaim) -> bool:
    if not evidence_overlaps(g, e):
        return False
    number_related = same_number(g.claim, e.claim) or value_slip(g.claim, e.claim) is not None
    return g.claim.metric == e.claim.metric or number_related


def _strict_key(claim: ClaimFields) -> tuple[str, str | None, str, str | None]:
    return claim.subject, claim.segment, claim.metric.value, claim.period


def _strict_preference(g: BenchClaim, e: BenchClaim) -> float:
    """Smaller is better: the relative value difference, then overlapping evidence."""
    difference = 0.0
    if g.claim.value is not None and e.claim.value is not None and g.claim.value != e.claim.value:
        difference = abs(g.claim.value - e.claim.value) / max(abs(g.claim.value), abs(e.claim.value))
    return difference + (0.0 if evidence_overlaps(g, e) else 1.0)


def _pair(
    gold: Sequence[BenchClaim],
    extracted: Sequence[BenchClaim],
    candidate: Callable[[BenchClaim, BenchClaim], bool],
    preference: Callable[[BenchClaim, BenchClaim], float],
) -> dict[int, int]:
    """A maximum one-to-one matching, core gold first, each gold's candidates best first."""
    options = {i: _ranked(g, extracted, candidate, preference) for i, g in enumerate(gold)}
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(options, key=lambda i: not gold[i].core):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _ranked(
    g: BenchClaim,
    extracted: Sequence[BenchClaim],
    candidate: Callable[[BenchClaim, BenchClaim], bool],
    preference: Callable[[BenchClaim, BenchClaim], float],
) -> list[int]:
    found = [j for j, e in enumerate(extracted) if candidate(g, e)]
    return sorted(found, key=lambda j: preference(g, extracted[j]))


def _basis(change: Change) -> str:
    return change.basis.value


def _signed(number: float | None, sign: float) -> float | None:
    return None if number is None else number * sign
