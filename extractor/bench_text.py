"""The benchmark report as text: overall, per field, per metric, per document, then what went wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractor.models import Change, ClaimFields, Qualifier, Status

if TYPE_CHECKING:
    from extractor.bench import BenchReport, ClaimRef, Score


def render(report: BenchReport) -> str:
    """A compact report, one section after another."""
    lines = [
        f"precision {report.precision:.3f}  recall {report.recall:.3f}  f1 {report.f1:.3f}"
        f"  ({report.tp} matched, {report.fp} false positives, {report.fn} missed;"
        f" {report.gold_claims} gold, {report.extracted_claims} extracted)",
        f"throughput {report.chars_per_second:,.0f} characters/s"
        f" ({report.characters:,} characters in {report.seconds:.2f} s)",
        "errors among paired claims: " + ", ".join(f"{n} {kind}" for kind, n in report.errors.items()),
    ]
    if report.fields:
        lines += ["", f"{'field':<24}{'pairs':>6}{'accuracy':>10}{'precision':>11}{'recall':>8}{'f1':>7}"]
        lines += [
            f"{name:<24}{s.pairs:>6}{s.accuracy:>10.3f}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
            for name, s in report.fields.items()
        ]
    lines += _score_table("metric", report.metrics)
    lines += _score_table("document", report.documents)
    lines += _claim_list("missed", report.misses)
    lines += _claim_list("false positives", report.false_positives)
    if report.slips:
        lines += ["", f"slips ({len(report.slips)})"]
        for slip in report.slips:
            lines.append(f"  {slip.document}: {slip.kind.value}: gold {describe(slip.gold)}")
            lines.append(f"      extracted {describe(slip.extracted)}")
            lines.append(f"      {slip.evidence}")
    if report.articles_without_gold:
        lines += ["", "articles without gold (skipped): " + ", ".join(report.articles_without_gold)]
    if report.gold_without_articles:
        lines += ["", "gold without articles (skipped): " + ", ".join(report.gold_without_articles)]
    return "\n".join(lines)


def describe(claim: ClaimFields) -> str:
    """One line naming a claim's fields: subject | segment | metric | period | value | changes."""
    value = "null"
    if claim.value is not None:
        value = f"{_number(claim.value)} {claim.unit}"
        if claim.qualifier is not Qualifier.EXACT:
            value = f"{claim.qualifier.value} {value}"
    parts = [claim.subject, claim.segment or "-", claim.metric.value, claim.period or "-", value]
    parts += [_change_text(change) for change in claim.changes]
    if claim.status is not Status.ACTUAL:
        parts.append(claim.status.value)
    if claim.adjusted:
        parts.append("adjusted")
    return " | ".join(parts)


def _number(number: float, sign: str = "") -> str:
    """Digits grouped by thousands; large whole amounts in full (144,700,000,000), never 1.447e+11."""
    if abs(number) >= 1e4 and abs(number - round(number)) < 1e-6 * abs(number):
        return f"{round(number):{sign},d}"
    return f"{number:{sign},.10g}"


def _change_text(change: Change) -> str:
    numbers = [
        f"{_number(number, '+')}{suffix}"
        for number, suffix in ((change.percent, "%"), (change.points, "pt"), (change.amount, ""))
        if number is not None
    ]
    return f"{change.basis.value} {' '.join(numbers)}".strip()


def _score_table(title: str, scores: dict[str, Score]) -> list[str]:
    if not scores:
        return []
    width = max(24, *(len(name) + 2 for name in scores))
    head = f"{title:<{width}}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'f1':>7}"
    return ["", head] + [
        f"{name:<{width}}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
        for name, s in scores.items()
    ]


def _claim_list(title: str, claims: list[ClaimRef]) -> list[str]:
    if not claims:
        return []
    lines = ["", f"{title} ({len(claims)})"]
    for ref in claims:
        lines.append(f"  {ref.document}: {describe(ref.claim)}")
        if ref.evidence:
            lines.append(f"      {ref.evidence}")
    return lines
