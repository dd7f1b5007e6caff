"""The accuracy benchmark: the articles of a corpus folder against the claims of a gold folder.

Each article (`*.txt`, `*.md`, `*.html`, `*.htm`; a page is read as its article text, as `extract` reads
it) is paired with `GOLD/<stem>.jsonl` (stem: the file name without its last suffix); GOLD defaults to
the `gold` folder beside the corpus folder. Articles without gold and gold without an article are listed
and skipped (for a corpus of one file, only its own gold is looked for). Claims are paired per document
by `extractor.matching`.

Scores:
- overall, per metric, per document: precision = matched / extracted; recall = matched / required,
  where required = core gold claims + optional (`core: false`) gold claims that were matched: an optional
  claim counts when found and is no miss when not. An empty denominator scores 1.0 (nothing extracted
  is nothing wrong; nothing required is nothing missed). A miss or a false positive is listed with its
  evidence; the metric of a miss is the gold one, of a false positive the extracted one.
- per field (subject, segment, metric, period, value, unit, change, status, qualifier), over the relaxed
  pairs: `accuracy` = pairs agreeing on the field / pairs; `precision`, `recall` and `f1` count a claim
  right when it is paired and the field agrees, against all extracted and all required gold claims.
- errors, over the relaxed pairs: a differing value is a `scale` slip (off by 10^k: 万/亿/兆 read as
  another unit), a `sign` slip, or a plain `value` error; differing changes are a `direction` slip (only
  the signs differ) or a plain `change` error. Slips are listed.
- throughput: characters of the scored articles per second spent in extraction, after one warm-up
  extraction of the first article (reading files, loading tables and building the pipeline excluded).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any, TypeVar

from pydantic import BaseModel, Field

from extractor.gold import GoldError, load_gold
from extractor.inputs import ARTICLE_SUFFIXES, Input, describe, read_article
from extractor.matching import (
    FIELDS,
    BenchClaim,
    Slip,
    agrees,
    change_slip,
    relaxed_pairs,
    strict_pairs,
    value_slip,
)
from extractor.models import Claim, ClaimFields, Document

__all__ = ["BenchError", "BenchReport", "GoldError", "evaluate", "format_text", "load_gold"]

Extract = Callable[[str], Document]


class BenchError(ValueError):
    """A corpus or gold folder the benchmark cannot use."""


class Score(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 1.0
    recall: float = 1.0
    f1: float = 1.0


class FieldScore(Score):
    pairs: int = 0
    accuracy: float = 1.0


class ClaimRef(BaseModel):
    document: str
    claim: ClaimFields
    evidence: str


class SlipRef(BaseModel):
    document: str
    kind: Slip
    gold: ClaimFields
    extracted: ClaimFields
    evidence: str


_S = TypeVar("_S", bound=Score)


class BenchReport(BaseModel):
    """Precision, recall and F1 of the extracted claims against the gold claims, and their details."""

    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    gold_claims: int = 0
    extracted_claims: int = 0
    fields: dict[str, FieldScore] = Field(default_factory=dict)
    metrics: dict[str, Score] = Field(default_factory=dict)
    documents: dict[str, Score] = Field(default_factory=dict)
    errors: dict[str, int] = Field(default_factory=dict)
    slips: list[SlipRef] = Field(default_factory=list)
    misses: list[ClaimRef] = Field(default_factory=list)
    false_positives: list[ClaimRef] = Field(default_factory=list)
    articles_without_gold: list[str] = Field(default_factory=list)
    gold_without_articles: list[str] = Field(default_factory=list)
    characters: int = 0
    seconds: float = 0.0
    chars_per_second: float = 0.0


def evaluate(corpus: Path, gold: Path | None = None, *, extract: Extract | None = None) -> BenchReport:
    """Score the articles in `corpus` (a folder or one file) against `gold` (default: `gold/` beside it).

    `extract` turns an article's text into its Document; by default the package's pipeline.
    """
    articles = _articles(corpus)
    gold_dir = gold if gold is not None else _default_gold(corpus)
    if not gold_dir.is_dir():
        raise BenchError(f"{gold_dir}: no such gold folder")
    run = extract if extract is not None else _pipeline_extract()
    gold_files = {path.stem: path for path in sorted(gold_dir.glob("*.jsonl"))}
    tally = _Tally()
    warm = False
    for article in articles:
        if article.stem not in gold_files:
            tally.articles_without_gold.append(article.name)
            continue
        text = _read(article)
        gold_claims = load_gold(gold_files[article.stem], text)
        if not warm:  # loading tables and building the pipeline is not throughput
            run(text)
            warm = True
        started = perf_counter()
        document = run(text)
        tally.seconds += perf_counter() - started
        tally.characters += len(text)
        tally.add(article.stem, gold_claims, [_bench_claim(claim) for claim in document.claims])
    if corpus.is_dir():
        stems = {article.stem for article in articles}
        tally.gold_without_articles = [path.name for stem, path in gold_files.items() if stem not in stems]
    return tally.report()


def format_text(report: BenchReport) -> str:
    """The report as a reader wants it in a terminal: scores, then what went wrong."""
    from extractor.bench_text import render

    return render(report)


@dataclass
class _Tally:
    overall: Score = field(default_factory=Score)
    metrics: defaultdict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    documents: dict[str, Score] = field(default_factory=dict)
    fields: defaultdict[str, FieldScore] = field(default_factory=lambda: defaultdict(FieldScore))
    errors: Counter[str] = field(default_factory=Counter)
    slips: list[SlipRef] = field(default_factory=list)
    misses: list[ClaimRef] = field(default_factory=list)
    false_positives: list[ClaimRef] = field(default_factory=list)
    articles_without_gold: list[str] = field(default_factory=list)
    gold_without_articles: list[str] = field(default_factory=list)
    gold_claims: int = 0
    extracted_claims: int = 0
    characters: int = 0
    seconds: float = 0.0

    def add(self, name: str, gold: list[BenchClaim], extracted: list[BenchClaim]) -> None:
        self.gold_claims += len(gold)
        self.extracted_claims += len(extracted)
        strict = strict_pairs(gold, extracted)
        document = self.documents.setdefault(name, Score())
        for i, g in enumerate(gold):
            found = i in strict
            for score in (self.overall, document, self.metrics[g.claim.metric.value]):
                score.tp += found
                score.fn += not found and g.core
            if not found and g.core:
                self.misses.append(ClaimRef(document=name, claim=_fields(g.claim), evidence=g.evidence))
        matched = set(strict.values())
        for j, e in enumerate(extracted):
            if j not in matched:
                for score in (self.overall, document, self.metrics[e.claim.metric.value]):
                    score.fp += 1
                self.false_positives.append(
                    ClaimRef(document=name, claim=_fields(e.claim), evidence=e.evidence)
                )
        self._add_fields(name, gold, extracted, relaxed_pairs(gold, extracted, strict))

    def _add_fields(
        self, name: str, gold: list[BenchClaim], extracted: list[BenchClaim], pairs: dict[int, int]
    ) -> None:
        required = sum(g.core or i in pairs for i, g in enumerate(gold))
        for attribute in FIELDS:
            score = self.fields[attribute]
            score.fp += len(extracted)
            score.fn += required
        for i, j in pairs.items():
            g, e = gold[i].claim, extracted[j].claim
            for attribute in FIELDS:
                score = self.fields[attribute]
                score.pairs += 1
                right = agrees(attribute, g, e)
                score.tp += right
                score.fp -= right
                score.fn -= right
            self._add_errors(name, g, e, extracted[j].evidence)

    def _add_errors(self, name: str, gold: ClaimFields, extracted: ClaimFields, evidence: str) -> None:
        for field_name, slip in (
            ("value", value_slip(gold, extracted)),
            ("change", change_slip(gold, extracted)),
        ):
            if agrees(field_name, gold, extracted):
                continue
            self.errors[slip.value if slip else field_name] += 1
            if slip is not None:
                self.slips.append(
                    SlipRef(
                        document=name,
                        kind=slip,
                        gold=_fields(gold),
                        extracted=_fields(extracted),
                        evidence=evidence,
                    )
                )

    def report(self) -> BenchReport:
        overall = _scored(self.overall)
        seconds = round(self.seconds, 3)
        return BenchReport(
            precision=overall.precision,
            recall=overall.recall,
            f1=overall.f1,
            tp=overall.tp,
            fp=overall.fp,
            fn=overall.fn,
            gold_claims=self.gold_claims,
            extracted_claims=self.extracted_claims,
            fields={name: _scored(self.fields[name]) for name in FIELDS} if self.documents else {},
            metrics={name: _scored(score) for name, score in sorted(self.metrics.items())},
            documents={name: _scored(score) for name, score in self.documents.items()},
            errors={kind: self.errors[kind] for kind in ("scale", "sign", "value", "direction", "change")},
            slips=self.slips,
            misses=self.misses,
            false_positives=self.false_positives,
            articles_without_gold=self.articles_without_gold,
            gold_without_articles=self.gold_without_articles,
            characters=self.characters,
            seconds=seconds,
            chars_per_second=round(self.characters / self.seconds, 1) if self.seconds > 0 else 0.0,
        )


def _scored(score: _S) -> _S:
    """`score` with precision, recall and F1 computed from its counts (1.0 over an empty denominator)."""
    precision = score.tp / (score.tp + score.fp) if score.tp + score.fp else 1.0
    recall = score.tp / (score.tp + score.fn) if score.tp + score.fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    update: dict[str, Any] = {"precision": precision, "recall": recall, "f1": f1}
    if isinstance(score, FieldScore):
        update["accuracy"] = score.tp / score.pairs if score.pairs else 1.0
    return score.model_copy(update=update)


def _default_gold(corpus: Path) -> Path:
    """The `gold` folder beside the corpus folder (beside the folder of a one-file corpus)."""
    folder = corpus if corpus.is_dir() else corpus.parent
    return (folder.parent if folder.name not in ("", ".", "..") else folder.resolve().parent) / "gold"


def _articles(corpus: Path) -> list[Path]:
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise BenchError(f"{corpus}: no such corpus folder or file")
    return sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def _read(article: Path) -> str:
    try:
        return read_article(Input(str(article)))
    except (OSError, ValueError) as error:
        raise BenchError(f"{article}: {describe(error)}") from None


def _pipeline_extract() -> Extract:
    from extractor.extraction import extract

    return extract


def _bench_claim(claim: Claim) -> BenchClaim:
    return BenchClaim(
        claim=claim, evidence=claim.evidence.text, span=(claim.evidence.start, claim.evidence.end)
    )


def _fields(claim: ClaimFields) -> ClaimFields:
    """The claim without its evidence (reports carry the evidence text on their own)."""
    return ClaimFields.model_validate(claim.model_dump(exclude={"evidence"}))
