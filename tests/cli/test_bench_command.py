"""`extractor bench`: a thin command over the benchmark; its errors and its CI gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_samples import HANT
from conftest import Run

from extractor.bench import BenchReport


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "corpora").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "corpora" / "tsmc.txt").write_text(HANT, encoding="utf-8")
    return tmp_path / "corpora"


def test_a_malformed_gold_line_is_named_with_its_file_and_line(cli: Callable[..., Run], corpus: Path) -> None:
    gold = corpus.parent / "gold" / "tsmc.jsonl"
    good = {
        "subject": "TSMC",
        "metric": "gross_margin",
        "value": 59.5,
        "unit": "%",
        "evidence": {"text": "毛利率59.5%"},
    }
    gold.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    run = cli("bench", str(corpus))
    assert run.status == 1
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"extractor: {gold}:2: ")


def test_a_missing_corpus_is_one_line(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("bench", str(tmp_path / "nowhere"))
    assert run.status == 1
    assert run.err.count("\n") == 1 and str(tmp_path / "nowhere") in run.err


@pytest.mark.parametrize(("f1", "minimum", "status"), [(0.8, "0.75", 0), (0.8, "0.8", 0), (0.7, "0.75", 1)])
def test_min_f1_fails_the_run_below_the_threshold(
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    corpus: Path,
    f1: float,
    minimum: str,
    status: int,
) -> None:
    monkeypatch.setattr("extractor.bench.evaluate", lambda corpus, gold=None: BenchReport(f1=f1))
    run = cli("bench", str(corpus), "--format", "json", "--min-f1", minimum)
    assert run.status == status
    assert json.loads(run.out)["f1"] == f1
    assert run.err == ("" if status == 0 else f"extractor: F1 {f1:.3f} is below --min-f1 {minimum}\n")


def test_the_gold_folder_is_passed_through(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, corpus: Path, tmp_path: Path
) -> None:
    seen: list[tuple[Path, Path | None]] = []

    def evaluate(corpus: Path, gold: Path | None = None) -> BenchReport:
        seen.append((corpus, gold))
        return BenchReport(f1=1.0)

    monkeypatch.setattr("extractor.bench.evaluate", evaluate)
    assert cli("bench", str(corpus), "--gold", str(tmp_path / "g")).status == 0
    assert cli("bench").status == 0
    assert seen == [(corpus, tmp_path / "g"), (Path("corpora"), None)]
