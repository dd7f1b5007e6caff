"""The gold files are data the benchmark trusts: every line must be a valid claim about its own article.

A gold line is a Claim without offsets (`evidence` is `{"text": ...}`) plus `core`. These tests read the
repository's `gold/` and `corpora/` folders, so a broken or lost line fails here before it skews a score.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.models import PERIOD_PATTERN, ClaimFields

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"
CORPORA = ROOT / "corpora"

# file stem -> number of gold claims; a missing or extra line fails the count test.
EXPECTED_COUNTS = {
    "amazon-2025q4.zh-Hant": 60,
    "apple-fy2025q4.zh-Hans": 20,
    "catl-2025-9m.zh-Hans": 14,
    "intel-2025q2.zh-Hans": 23,
    "kweichow-moutai-2025-9m.zh-Hans": 18,
    "mediatek-2025-12.zh-Hant": 13,
    "meta-2025q3.zh-Hans": 19,
    "micron-fy2026q1.zh-Hant": 20,
    "nio-2025q3.zh-Hant": 18,
    "nvidia-fy2026q3.zh-Hans": 24,
    "samsung-electronics-2025q3.zh-Hant": 20,
    "tencent-2025q3.zh-Hant": 18,
    "toyota-fy2026h1.zh-Hans": 17,
    "tsmc-2025-09.zh-Hant": 18,
    "xiaomi-2025q3.zh-Hant": 20,
    "xpeng-2025-10.zh-Hans": 13,
}

GOLD_KEYS = set(ClaimFields.model_fields) | {"evidence", "core"}


def _gold_lines(stem: str) -> list[dict[str, Any]]:
    lines = (GOLD / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _article(stem: str) -> str:
    return (CORPORA / f"{stem}.txt").read_text(encoding="utf-8")


def _all_gold() -> list[tuple[str, int, dict[str, Any]]]:
    return [
        (stem, number, line)
        for stem in sorted(EXPECTED_COUNTS)
        for number, line in enumerate(_gold_lines(stem), start=1)
    ]


GOLD_LINES = _all_gold()
LINE_IDS = [f"{stem}:{number}" for stem, number, _ in GOLD_LINES]


def test_every_article_has_gold_and_every_gold_file_has_its_article() -> None:
    articles = {path.name.removesuffix(".txt") for path in CORPORA.glob("*.txt")}
    golds = {path.name.removesuffix(".jsonl") for path in GOLD.glob("*.jsonl")}
    assert articles == golds
    assert golds == set(EXPECTED_COUNTS)


@pytest.mark.parametrize(("stem", "count"), sorted(EXPECTED_COUNTS.items()))
def test_each_gold_file_holds_exactly_its_claims(stem: str, count: int) -> None:
    raw = (GOLD / f"{stem}.jsonl").read_text(encoding="utf-8")
    assert raw.endswith("\n")
    assert len([line for line in raw.splitlines() if line.strip()]) == count
    assert all(line.strip() for line in raw.splitlines()), "no blank lines inside a gold file"


@pytest.mark.parametrize(("stem", "number", "line"), GOLD_LINES, ids=LINE_IDS)
def test_each_gold_line_is_a_valid_claim(stem: str, number: int, line: dict[str, Any]) -> None:
    assert set(line) == GOLD_KEYS, f"{stem}:{number} fields"
    fields = {key: value for key, value in line.items() if key not in {"evidence", "core"}}
    claim = ClaimFields.model_validate(fields)
    assert isinstance(line["core"], bool)
    assert claim.period is None or PERIOD_PATTERN.match(claim.period)


@pytest.mark.parametrize(("stem", "number", "line"), GOLD_LINES, ids=LINE_IDS)
def test_each_evidence_is_a_substring_of_its_article(stem: str, number: int, line: dict[str, Any]) -> None:
    evidence = line["evidence"]
    assert set(evidence) == {"text"}
    assert evidence["text"]
    assert evidence["text"] in _article(stem), f"{stem}:{number}"


@pytest.mark.parametrize(("stem", "number", "line"), GOLD_LINES, ids=LINE_IDS)
def test_each_value_agrees_with_its_qualifier_and_range(stem: str, number: int, line: dict[str, Any]) -> None:
    claim = ClaimFields.model_validate({k: v for k, v in line.items() if k not in {"evidence", "core"}})
    if claim.qualifier == "range":
        assert claim.value_range is not None
        low, high = claim.value_range
        assert claim.value == pytest.approx((low + high) / 2)
    else:
        assert claim.value_range is None
    if claim.value is None:
        assert claim.changes, f"{stem}:{number} states neither a value nor a change"


@pytest.mark.parametrize(("stem", "number", "line"), GOLD_LINES, ids=LINE_IDS)
def test_each_change_states_a_number(stem: str, number: int, line: dict[str, Any]) -> None:
    for change in line["changes"]:
        stated = [change.get(key) for key in ("percent", "points", "amount")]
        assert any(value is not None for value in stated), f"{stem}:{number} {change}"


def test_the_seed_gold_holds_the_hard_cases() -> None:
    """A few facts of the seed article that the annotation guidelines decide; they must not drift."""
    gold = _gold_lines("amazon-2025q4.zh-Hant")

    def find(**fields: Any) -> list[dict[str, Any]]:
        return [line for line in gold if all(line[key] == value for key, value in fields.items())]

    assert [line["value"] for line in find(metric="net_income", segment=None, status="actual")] == [
        21_200_000_000.0,
        59_200_000_000.0,
        77_700_000_000.0,
    ]
    assert [line["status"] for line in find(metric="eps_diluted")] == ["actual", "estimate"]
    assert [(line["period"], line["value"]) for line in find(metric="layoffs")] == [
        ("2025-10", 14_000.0),
        ("2026-01", 16_000.0),
    ]
    advertising = find(segment="Advertising")
    assert [change["percent"] for line in advertising for change in line["changes"]] == [23.0, 22.0]
    assert all(line["core"] for line in advertising)
    assert find(subject="Amazon, Microsoft, Google", metric="market_share")[0]["value"] == 68.0


@pytest.mark.parametrize(
    ("stem", "fields", "key", "expected"),
    [
        (
            "nvidia-fy2026q3.zh-Hans",
            {"segment": "Data Center", "metric": "revenue"},
            "yoy",
            [66.0, 66.0, 64.0],
        ),
        ("nio-2025q3.zh-Hant", {"segment": None, "metric": "gross_margin"}, "value", [13.9, 13.9, 14.2]),
        ("amazon-2025q4.zh-Hant", {"segment": "Advertising"}, "yoy", [23.0, 22.0]),
    ],
)
def test_planted_contradictions_stay_in_the_gold(
    stem: str, fields: dict[str, Any], key: str, expected: list[float]
) -> None:
    """The consistency checks are benchmarked on these; an edit that smooths one away must fail."""
    lines = [line for line in _gold_lines(stem) if all(line[k] == v for k, v in fields.items())]
    if key == "value":
        assert [line["value"] for line in lines] == expected
    else:
        assert [c["percent"] for line in lines for c in line["changes"] if c["basis"] == key] == expected
