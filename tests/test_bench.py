"""The benchmark on small corpora written in tmp_path, with the extraction injected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.bench import BenchError, GoldError, evaluate, format_text
from extractor.bench_text import describe
from extractor.html_text import html_article_text
from extractor.matching import BenchClaim, relaxed_pairs, same_number, strict_pairs
from extractor.models import Claim, ClaimFields, Document, Evidence, Script

YI = 100_000_000

HANT = "2025年第四季度，亞馬遜實現營收2134億美元，同比增長14%。同期，亞馬遜實現淨利潤212億美元，同比增長6%。"
HANS = "2025年第三季度，腾讯营收1929亿元，同比增长15%；广告业务增长21%。"


def fields(evidence: str, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "subject": "Amazon",
        "metric": "revenue",
        "period": "2025-Q4",
        "value": None,
        "unit": "USD",
        "evidence": evidence,
    }
    return data | overrides


AMAZON_REVENUE = fields(
    "亞馬遜實現營收2134億美元，同比增長14%", value=2134 * YI, changes=[{"basis": "yoy", "percent": 14}]
)
AMAZON_NET = fields(
    "亞馬遜實現淨利潤212億美元，同比增長6%",
    metric="net_income",
    value=212 * YI,
    changes=[{"basis": "yoy", "percent": 6}],
)
TENCENT_REVENUE = fields(
    "腾讯营收1929亿元，同比增长15%",
    subject="Tencent",
    period="2025-Q3",
    value=1929 * YI,
    unit="CNY",
    changes=[{"basis": "yoy", "percent": 15}],
)
TENCENT_ADS = fields(
    "广告业务增长21%",
    subject="Tencent",
    segment="Marketing Services",
    period="2025-Q3",
    unit="CNY",
    changes=[{"basis": "yoy", "percent": 21}],
)


def as_claim(text: str, data: dict[str, Any]) -> Claim:
    """The claim `data` describes, its evidence located in `text`."""
    evidence = data["evidence"]
    start = text.index(evidence)
    return Claim.model_validate(
        data | {"evidence": Evidence(start=start, end=start + len(evidence), text=evidence)}
    )


def write_corpus(root: Path, articles: dict[str, str], gold: dict[str, list[dict[str, Any]]]) -> Path:
    (root / "corpora").mkdir()
    (root / "gold").mkdir()
    for name, text in articles.items():
        (root / "corpora" / name).write_text(text, encoding="utf-8")
    for stem, claims in gold.items():
        lines = (json.dumps(claim, ensure_ascii=False) for claim in claims)
        (root / "gold" / f"{stem}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root / "corpora"


def extractor_returning(outputs: dict[str, list[dict[str, Any]]]) -> Any:
    """An extract function: for each article text, the claims listed under it."""

    def extract(text: str) -> Document:
        claims = [
            as_claim(text, data) for article, listed in outputs.items() if article in text for data in listed
        ]
        return Document(script=Script.MIXED, claims=claims)

    return extract


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(
        tmp_path,
        {"amazon.zh-Hant.txt": HANT, "tencent.md": HANS},
        {"amazon.zh-Hant": [AMAZON_REVENUE, AMAZON_NET], "tencent": [TENCENT_REVENUE, TENCENT_ADS]},
    )


def test_a_perfect_extraction_scores_one(corpus: Path) -> None:
    outputs = {HANT: [AMAZON_REVENUE, AMAZON_NET], HANS: [TENCENT_REVENUE, TENCENT_ADS]}
    report = evaluate(corpus, extract=extractor_returning(outputs))
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert (report.tp, report.fp, report.fn, report.gold_claims, report.extracted_claims) == (4, 0, 0, 4, 4)
    assert report.characters == len(HANT) + len(HANS)
    assert set(report.documents) == {"amazon.zh-Hant", "tencent"}
    assert all(score.accuracy == 1.0 and score.pairs == 4 for score in report.fields.values())
    assert json.loads(report.model_dump_json())["f1"] == 1.0


def test_misses_and_false_positives_are_counted_and_listed(corpus: Path) -> None:
    wrong_period = AMAZON_NET | {"period": "2025"}
    outputs = {HANT: [AMAZON_REVENUE, wrong_period], HANS: [TENCENT_REVENUE]}
    report = evaluate(corpus, extract=extractor_returning(outputs))
    assert (report.tp, report.fp, report.fn) == (2, 1, 2)
    assert (report.precision, report.recall, report.f1) == pytest.approx((2 / 3, 1 / 2, 4 / 7))
    assert [(m.document, m.claim.metric.value, m.evidence) for m in report.misses] == [
        ("amazon.zh-Hant", "net_income", "亞馬遜實現淨利潤212億美元，同比增長6%"),
        ("tencent", "revenue", "广告业务增长21%"),
    ]
    assert [(f.claim.period, f.evidence) for f in report.false_positives] == [
        ("2025", "亞馬遜實現淨利潤212億美元，同比增長6%")
    ]
    # the wrong period pairs with its gold claim by evidence: only the period field is wrong
    assert (report.fields["period"].pairs, report.fields["period"].accuracy) == (3, pytest.approx(2 / 3))
    assert report.fields["value"].accuracy == 1.0
    assert report.documents["tencent"].model_dump(include={"tp", "fp", "fn"}) == {"tp": 1, "fp": 0, "fn": 1}
    assert report.metrics["net_income"].model_dump(include={"tp", "fp", "fn"}) == {"tp": 0, "fp": 1, "fn": 1}
    text = format_text(report)
    assert "missed (2)" in text and "false positives (1)" in text
    assert "      广告业务增长21%" in text


def test_optional_gold_counts_when_found_and_is_no_miss_when_not(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path, {"amazon.txt": HANT}, {"amazon": [AMAZON_REVENUE, AMAZON_NET | {"core": False}]}
    )
    found = evaluate(corpus, extract=extractor_returning({HANT: [AMAZON_REVENUE, AMAZON_NET]}))
    assert (found.tp, found.fp, found.fn, found.recall) == (2, 0, 0, 1.0)
    not_found = evaluate(corpus, extract=extractor_returning({HANT: [AMAZON_REVENUE]}))
    assert (not_found.tp, not_found.fp, not_found.fn, not_found.recall) == (1, 0, 0, 1.0)


@pytest.mark.parametrize(
    ("extracted", "matched", "errors"),
    [
        (2135 * YI, True, {}),  # 0.05 % off: the same number
        (2160 * YI, False, {"value": 1}),  # 1.2 % off
        (2134 * 10_000, False, {"scale": 1}),  # 亿 read as 万
        (-2134 * YI, False, {"sign": 1}),
    ],
)
def test_value_tolerance_and_slips(
    tmp_path: Path, extracted: float, matched: bool, errors: dict[str, int]
) -> None:
    corpus = write_corpus(tmp_path, {"amazon.txt": HANT}, {"amazon": [AMAZON_REVENUE]})
    report = evaluate(corpus, extract=extractor_returning({HANT: [AMAZON_REVENUE | {"value": extracted}]}))
    assert report.tp == int(matched)
    assert {kind: n for kind, n in report.errors.items() if n} == errors
    assert [slip.kind.value for slip in report.slips] == [k for k in errors if k in ("scale", "sign")]


def test_a_flipped_change_is_a_direction_slip(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"tencent.txt": HANS}, {"tencent": [TENCENT_ADS]})
    flipped = TENCENT_ADS | {"changes": [{"basis": "yoy", "percent": -21}]}
    report = evaluate(corpus, extract=extractor_returning({HANS: [flipped]}))
    assert (report.tp, report.fp, report.fn) == (0, 1, 1)
    assert report.errors["direction"] == 1
    assert report.fields["change"].accuracy == 0.0


def test_the_matching_is_one_to_one_and_maximal(tmp_path: Path) -> None:
    # gold 100.3 and 100.6; extracted 100.3 and 100.0: 100.6 only accepts 100.3, so 100.3 must go to it
    gold = [AMAZON_REVENUE | {"value": 100.3 * YI}, AMAZON_REVENUE | {"value": 100.6 * YI}]
    extracted = [AMAZON_REVENUE | {"value": 100.3 * YI}, AMAZON_REVENUE | {"value": 100.0 * YI}]
    corpus = write_corpus(tmp_path, {"amazon.txt": HANT}, {"amazon": gold})
    report = evaluate(corpus, extract=extractor_returning({HANT: extracted}))
    assert (report.tp, report.fp, report.fn) == (2, 0, 0)


def test_unpaired_articles_and_gold_are_reported(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path, {"amazon.txt": HANT, "notes.html": "<p>无关</p>"}, {"amazon": [], "tesla": []}
    )
    (corpus / "image.png").write_bytes(b"\x89PNG")
    report = evaluate(corpus, extract=extractor_returning({}))
    assert (report.articles_without_gold, report.gold_without_articles) == (["notes.html"], ["tesla.jsonl"])
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)


def test_an_explicit_gold_folder_and_a_single_article(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"amazon.txt": HANT}, {})
    mine = tmp_path / "my-gold"
    mine.mkdir()
    (mine / "amazon.jsonl").write_text(json.dumps(AMAZON_REVENUE, ensure_ascii=False), encoding="utf-8")
    extract = extractor_returning({HANT: [AMAZON_REVENUE]})
    assert evaluate(corpus, mine, extract=extract).tp == 1
    (mine / "tesla.jsonl").write_text("", encoding="utf-8")
    assert evaluate(corpus, mine, extract=extract).gold_without_articles == ["tesla.jsonl"]
    one = evaluate(corpus / "amazon.txt", mine, extract=extract)
    assert (one.tp, one.gold_without_articles) == (1, [])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"subject": "Amazon", ', "not valid JSON"),
        ('["Amazon"]', "a gold line must be a JSON object"),
        (
            json.dumps(AMAZON_REVENUE | {"metric": "sales"}),
            "metric: 'sales' is not a value the claim contract allows here",
        ),
        (json.dumps(AMAZON_REVENUE | {"period": "Q4 2025"}), "period: period 'Q4 2025' is not of the form"),
        (json.dumps(AMAZON_REVENUE | {"note": "x"}), "note: Extra inputs are not permitted"),
        (json.dumps(AMAZON_REVENUE | {"unit": "美元"}), "unit: unknown unit '美元'"),
        (json.dumps(AMAZON_REVENUE | {"core": "yes"}), "core must be true or false"),
        (
            json.dumps(AMAZON_REVENUE | {"evidence": {"start": 0, "end": 4, "text": "亞馬遜營收"}}),
            "evidence text has 5 characters, span has 4",
        ),
        (
            json.dumps(AMAZON_REVENUE | {"evidence": {"start": 0, "end": 5, "text": "亞馬遜營收"}}),
            "evidence text '亞馬遜營收' is not original[0:5]",
        ),
    ],
)
def test_a_malformed_gold_line_names_its_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps(AMAZON_NET, ensure_ascii=False)
    corpus = write_corpus(tmp_path, {"amazon.txt": HANT}, {})
    (tmp_path / "gold" / "amazon.jsonl").write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(GoldError) as error:
        evaluate(corpus, extract=extractor_returning({}))
    assert str(error.value).startswith(f"{tmp_path / 'gold' / 'amazon.jsonl'}:3: {reason}")
    assert "\n" not in str(error.value)


def test_missing_folders_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match="no such corpus folder"):
        evaluate(tmp_path / "nowhere")
    (tmp_path / "corpora").mkdir()
    with pytest.raises(BenchError, match="no such gold folder"):
        evaluate(tmp_path / "corpora")


def test_a_page_is_scored_on_its_article_text(tmp_path: Path) -> None:
    page = f"<html><head><title>財報</title></head><body><article><p>{HANT}</p></article></body></html>"
    corpus = write_corpus(tmp_path, {"amazon.html": page}, {"amazon": [AMAZON_REVENUE]})
    report = evaluate(corpus, extract=extractor_returning({HANT: [AMAZON_REVENUE]}))
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    assert report.characters == len(html_article_text(page)) < len(page)


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (AMAZON_REVENUE, "Amazon | - | revenue | 2025-Q4 | 213,400,000,000 USD | yoy +14%"),
        (TENCENT_ADS, "Tencent | Marketing Services | revenue | 2025-Q3 | null | yoy +21%"),
        (
            fields("预计全年资本支出约2000亿美元", metric="capex", period="2026", value=2000 * YI,
                   qualifier="approx", status="guidance"),
            "Amazon | - | capex | 2026 | approx 200,000,000,000 USD | guidance",
        ),
        (
            fields("每股收益1.95美元", metric="eps_diluted", value=1.95, adjusted=True),
            "Amazon | - | eps_diluted | 2025-Q4 | 1.95 USD | adjusted",
        ),
    ],
)  # fmt: skip
def test_a_claim_in_one_line(data: dict[str, Any], line: str) -> None:
    assert describe(ClaimFields.model_validate(_no_evidence(data))) == line


def _no_evidence(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "evidence"}


values = st.sampled_from([None, 14.0, 2134 * YI, 2135 * YI, 2160 * YI, 212 * YI])
claim_fields = st.builds(
    lambda subject, metric, period, value: ClaimFields(
        subject=subject, metric=metric, period=period, value=value, unit="USD"
    ),
    st.sampled_from(["Amazon", "Tencent"]),
    st.sampled_from(["revenue", "net_income"]),
    st.sampled_from(["2025-Q4", "2025", None]),
    values,
)


def strict_key(claim: ClaimFields) -> tuple[Any, ...]:
    return claim.subject, claim.segment, claim.metric, claim.period


def bench_claims(fields_list: list[ClaimFields]) -> list[BenchClaim]:
    return [BenchClaim(claim=c, evidence=f"第{n}句", span=(n, n + 1)) for n, c in enumerate(fields_list)]


@given(st.lists(claim_fields, max_size=8), st.randoms())
def test_claims_pair_with_themselves_in_any_order(gold: list[ClaimFields], rng: Any) -> None:
    extracted = gold[:]
    rng.shuffle(extracted)
    pairs = strict_pairs(bench_claims(gold), bench_claims(extracted))
    assert len(pairs) == len(gold)


@given(st.lists(claim_fields, max_size=8), st.lists(claim_fields, max_size=8))
def test_pairs_are_one_to_one_and_relaxed_pairs_keep_the_strict_ones(
    gold: list[ClaimFields], extracted: list[ClaimFields]
) -> None:
    g, e = bench_claims(gold), bench_claims(extracted)
    strict = strict_pairs(g, e)
    assert len(set(strict.values())) == len(strict)
    for i, j in strict.items():
        assert strict_key(gold[i]) == strict_key(extracted[j])
        assert same_number(gold[i], extracted[j])
    relaxed = relaxed_pairs(g, e, strict)
    assert relaxed.items() >= strict.items()
    assert len(set(relaxed.values())) == len(relaxed)


def test_the_default_gold_is_beside_the_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_corpus(tmp_path, {"amazon.txt": HANT}, {"amazon": [AMAZON_REVENUE]})
    extract = extractor_returning({HANT: [AMAZON_REVENUE]})
    monkeypatch.chdir(corpus)
    assert evaluate(Path("."), extract=extract).tp == 1
    assert evaluate(Path("amazon.txt"), extract=extract).tp == 1
    monkeypatch.chdir(tmp_path)
    assert evaluate(Path("corpora"), extract=extract).tp == 1
