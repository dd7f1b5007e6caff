"""Consistency checks on claims built by hand from realistic sentences in both scripts."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.check import check, check_all
from extractor.facts import Fact, Facts, _replaced, simplified_evidence
from extractor.models import Change, Claim, Evidence, FindingKind, Metric, Qualifier, Status
from extractor.normalize import normal_form
from extractor.stated import (
    Interval,
    add,
    consistent,
    div,
    numbers_written,
    show,
    stated,
    sub,
    written_numbers,
)

YI = 100_000_000


def claim(evidence: str, value: float | None, **fields: Any) -> Claim:
    """A claim stated by `evidence` (the whole string), Amazon's 2025-Q4 USD revenue unless told."""
    changes = [Change(basis=basis, **numbers) for basis, numbers in fields.pop("changes", [])]
    data: dict[str, Any] = {
        "subject": "Amazon",
        "metric": "revenue",
        "period": "2025-Q4",
        "unit": "USD",
        **fields,
    }
    return Claim(
        value=value, changes=changes, evidence=Evidence(start=0, end=len(evidence), text=evidence), **data
    )


NET_INCOME_HANT = "同期，亞馬遜淨利潤從2024年的592億美元躍升至777億美元，同比增幅達到31%"
AWS_HANT = "同期，AWS業務實現銷售額356億美元，營業利潤125億美元，營業利潤率35.0%"
SHARES_HANT = "2025年第四季度，亞馬遜市佔率約為28%，微軟為21%，Google約為14%，三家合計佔據68%的市場"
SHARES_HANS = "2025年第三季度，台积电晶圆代工市占率为67%，三星为12%，两者合计达79%"


def net_income(period: str, value: float, changes: list[Any] | None = None) -> Claim:
    return claim(NET_INCOME_HANT, value, metric="net_income", period=period, changes=changes or [])


def share(evidence: str, subject: str, value: float, period: str = "2025-Q4", **fields: Any) -> Claim:
    return claim(evidence, value, subject=subject, metric="market_share", unit="%", period=period, **fields)


def test_growth_implied_by_two_values_agrees_with_the_stated_growth() -> None:
    claims = [net_income("2024", 592 * YI), net_income("2025", 777 * YI, [("yoy", {"percent": 31})])]
    assert check(claims) == []
    [result] = check_all(claims)
    assert result.passed
    assert result.kind is FindingKind.ARITHMETIC
    assert result.message == "net_income of Amazon (2025 vs 2024): 777 / 592 - 1 = 31.3%, stated 31%"
    assert (result.claims, result.stated, result.expected) == ([0, 1], 31.0, 31.25)


def test_growth_that_the_values_cannot_give_is_a_finding() -> None:
    text = "腾讯全年营收从2024年的5000亿元增至6600亿元，同比增长25%"
    claims = [
        claim(text, 5000 * YI, subject="Tencent", period="2024", unit="CNY"),
        claim(
            text, 6600 * YI, subject="Tencent", period="2025", unit="CNY", changes=[("yoy", {"percent": 25})]
        ),
    ]
    [finding] = check(claims)
    assert finding.kind is FindingKind.ARITHMETIC
    assert finding.message == "revenue of Tencent (2025 vs 2024): 6600 / 5000 - 1 = 32.0%, stated 25%"
    assert (finding.claims, finding.stated, finding.expected) == ([0, 1], 25.0, 32.0)


@pytest.mark.parametrize(
    ("evidence", "prior", "current", "change", "periods", "passed", "message"),
    [
        (  # a month on month rise, Taiwan style
            "台積電1月營收新台幣2600億元，月增6.2%，去年12月為新台幣2449億元",
            2449 * YI, 2600 * YI, ("mom", {"percent": 6.2}), ("2024-12", "2025-01"), True,
            "revenue of TSMC (2025-01 vs 2024-12): 2600 / 2449 - 1 = 6.2%, stated 6.2%",
        ),
        (  # quarter on quarter across the year end, to a tenth of a per cent
            "小米第一季度营收1110亿元，环比增长3.5%，上季度为1090亿元",
            1090 * YI, 1110 * YI, ("qoq", {"percent": 3.5}), ("2024-Q4", "2025-Q1"), False,
            "revenue of Xiaomi (2025-Q1 vs 2024-Q4): 1110 / 1090 - 1 = 1.8%, stated 3.5%",
        ),
        (  # a stated amount of change
            "比亞迪全年營收7771億元，較去年的6023億元增加1748億元",
            6023 * YI, 7771 * YI, ("yoy", {"amount": 1748 * YI}), ("2024", "2025"), True,
            "revenue of BYD (2025 vs 2024): 7771 - 6023 = 1748, stated 1748",
        ),
    ],
)  # fmt: skip
def test_growth_per_basis(
    evidence: str,
    prior: float,
    current: float,
    change: Any,
    periods: tuple[str, str],
    passed: bool,
    message: str,
) -> None:
    subject = message.split(" of ")[1].split(" (")[0]
    unit = "TWD" if "新台幣" in evidence else "CNY"
    claims = [
        claim(evidence, prior, subject=subject, unit=unit, period=periods[0]),
        claim(evidence, current, subject=subject, unit=unit, period=periods[1], changes=[change]),
    ]
    [result] = check_all(claims)
    assert (result.passed, result.message) == (passed, message)


def test_points_change_against_two_margins() -> None:
    text = "蘋果第四季度毛利率為48.2%，同比提升1.8個百分點，去年同期為45.0%"
    margin = {"subject": "Apple", "metric": "gross_margin", "unit": "%"}
    claims = [
        claim(text, 45.0, period="2024-Q4", **margin),
        claim(text, 48.2, period="2025-Q4", changes=[("yoy", {"points": 1.8})], **margin),
    ]
    [finding] = check(claims)
    assert (
        finding.message
        == "gross_margin of Apple (2025-Q4 vs 2024-Q4): 48.2 - 45.0 = 3.2 points, stated 1.8 points"
    )
    assert (finding.stated, finding.expected) == (1.8, 3.2)


@pytest.mark.parametrize(
    ("prior", "note"),
    [(0.0, "a zero base has no growth rate"), (-224 * YI, "a loss base: papers disagree on the sign")],
)
def test_growth_from_a_zero_or_negative_base_is_not_checked(prior: float, note: str) -> None:
    text = "蔚来2025年净利润为-150亿元，同比减少33%"
    claims = [
        claim(text, prior, subject="NIO", metric="net_income", period="2024", unit="CNY"),
        claim(text, -150 * YI, subject="NIO", metric="net_income", period="2025", unit="CNY",
              changes=[("yoy", {"percent": -33})]),
    ]  # fmt: skip
    assert check_all(claims) == [], note


def test_margin_against_its_parts_to_a_tenth_of_a_per_cent() -> None:
    aws = {"segment": "AWS"}
    claims = [
        claim(AWS_HANT, 356 * YI, **aws),
        claim(AWS_HANT, 125 * YI, metric="operating_income", **aws),
        claim(AWS_HANT, 35.0, metric="operating_margin", unit="%", **aws),
    ]
    assert check(claims) == []
    [result] = check_all(claims)
    assert result.message == "operating_margin of Amazon AWS (2025-Q4): 125 / 356 = 35.1%, stated 35.0%"
    assert (result.claims, result.stated, result.expected) == ([1, 0, 2], 35.0, 35.1124)


def test_margin_that_its_parts_cannot_give_is_a_finding() -> None:
    text = "第三季度，京东营收2990亿元，经营利润146亿元，经营利润率为5.9%"
    jd = {"subject": "JD.com", "period": "2025-Q3"}
    claims = [
        claim(text, 2990 * YI, unit="CNY", **jd),
        claim(text, 146 * YI, metric="operating_income", unit="CNY", **jd),
        claim(text, 5.9, metric="operating_margin", unit="%", **jd),
    ]
    [finding] = check(claims)
    assert finding.message == "operating_margin of JD.com (2025-Q3): 146 / 2990 = 4.9%, stated 5.9%"
    assert (finding.claims, finding.stated, finding.expected) == ([1, 0, 2], 5.9, 4.8829)


ALIBABA_HANT = "阿里巴巴第三季營業利潤同比增長35%，達到353億元人民幣（49.6億美元），營業利潤率為14%"
TENCENT_HANS = "腾讯第三季度经营利润约88亿美元（630亿元人民币），去年同期为533亿元，经营利润率为32%"


@pytest.mark.parametrize(
    ("evidence", "company", "claims", "found"),
    [
        # the yuan figure is stated first, by its growth alone: the yuan claim comes first
        (
            ALIBABA_HANT,
            "Alibaba",
            [(None, "CNY", "2025-Q3"), (49.6 * YI, "USD", "2025-Q3"), (353 * YI, "CNY", "2025-Q3")],
            [2, 1],
        ),
        # a year earlier is another fact, whatever its unit
        (
            TENCENT_HANS,
            "Tencent",
            [(88 * YI, "USD", "2025-Q3"), (630 * YI, "CNY", "2025-Q3"), (533 * YI, "CNY", "2024-Q3")],
            [0, 1],
        ),
        (TENCENT_HANS, "Tencent", [(533 * YI, "CNY", "2024-Q3")], []),
    ],
)
def test_a_fact_in_any_unit_is_every_claim_stating_it_in_the_order_it_is_first_stated(
    evidence: str, company: str, claims: list[tuple[float | None, str, str]], found: list[int]
) -> None:
    margin = claim(evidence, 14.0, subject=company, metric="operating_margin", unit="%", period="2025-Q3")
    incomes = [
        claim(evidence, value, subject=company, metric="operating_income", unit=unit, period=period)
        for value, unit, period in claims
    ]
    facts = Facts([*incomes, margin])
    assert facts.find(len(incomes), any_unit=True, metric=Metric.OPERATING_INCOME) == found


def test_segment_share_of_the_whole_company() -> None:
    text = "2025年全年，AWS營收1287億美元，佔亞馬遜全年營收7169億美元的18%"
    claims = [
        claim(text, 1287 * YI, segment="AWS", period="2025"),
        claim(text, 7169 * YI, period="2025"),
        claim(text, 18.0, segment="AWS", period="2025", metric="revenue_share", unit="%"),
    ]
    [result] = check_all(claims)
    assert result.passed
    assert result.message == "revenue_share of Amazon AWS (2025): 1287 / 7169 = 18.0%, stated 18%"


def test_shares_that_do_not_add_up_to_the_stated_total() -> None:
    claims = [
        share(SHARES_HANT, "Amazon", 28, qualifier="approx"),
        share(SHARES_HANT, "Microsoft", 21),
        share(SHARES_HANT, "Google", 14, qualifier="approx"),
        share(SHARES_HANT, "Amazon, Microsoft, Google", 68),
    ]
    [finding] = check(claims)
    assert finding.kind is FindingKind.SUM
    assert (
        finding.message == "market_share of Amazon, Microsoft, Google (2025-Q4): 28 + 21 + 14 = 63, stated 68"
    )
    assert (finding.claims, finding.stated, finding.expected) == ([0, 1, 2, 3], 68.0, 63.0)


def test_shares_that_add_up_and_totals_with_a_missing_part() -> None:
    claims = [
        share(SHARES_HANS, "TSMC", 67, period="2025-Q3"),
        share(SHARES_HANS, "Samsung Electronics", 12, period="2025-Q3"),
        share(SHARES_HANS, "TSMC, Samsung Electronics", 79, period="2025-Q3"),
        share(SHARES_HANS, "TSMC, SMIC", 73, period="2025-Q3"),  # SMIC's own share is not stated
    ]
    assert check(claims) == []
    [result] = check_all(claims)
    assert result.message == "market_share of TSMC, Samsung Electronics (2025-Q3): 67 + 12 = 79, stated 79"


ADS_TABLE = "廣告業務實現營收213.17億美元，同比增長23%"
ADS_QUOTE_HANS = "首席执行官表示：“广告业务增长22%，AWS业务增长24%”"


def test_the_same_growth_stated_twice_with_different_numbers() -> None:
    ads = {"segment": "Advertising"}
    claims = [
        claim(ADS_TABLE, 213.17 * YI, changes=[("yoy", {"percent": 23})], **ads),
        claim(ADS_QUOTE_HANS, None, changes=[("yoy", {"percent": 22})], **ads),
    ]
    [finding] = check(claims)
    assert finding.kind is FindingKind.CONFLICT
    assert finding.message == "revenue of Amazon Advertising (2025-Q4): yoy change stated as +23% and +22%"
    assert (finding.claims, finding.stated, finding.expected) == ([0, 1], 22.0, 23.0)


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (  # the same figure restated in a headline
            ("北美地區實現銷售額1270.83億美元", 1270.83 * YI, "exact"),
            ("北美营收约1271亿美元", 1271 * YI, "exact"),
            None,
        ),
        (("营收约2000亿元", 2000 * YI, "approx"), ("營收2040億元", 2040 * YI, "exact"), None),
        (
            ("营收2000亿元", 2000 * YI, "exact"),
            ("營收2040億元", 2040 * YI, "exact"),
            "revenue of Amazon (2025-Q4): stated as 2000 and 2040",
        ),
        (("營收突破2000億美元", 2000 * YI, "over"), ("营收2134亿美元", 2134 * YI, "exact"), None),
        (
            ("营收不到1000亿元", 1000 * YI, "under"),
            ("营收1200亿元", 1200 * YI, "exact"),
            "revenue of Amazon (2025-Q4): stated as under 1000 and 1200",
        ),
        (  # a loss misplaced by a power of ten
            ("淨虧損166億元", -166 * YI, "exact"),
            ("净亏损16.6亿元", -16.6 * YI, "exact"),
            "revenue of Amazon (2025-Q4): stated as -166 and -16.6",
        ),
    ],
)
def test_values_stated_twice(first: Any, second: Any, message: str | None) -> None:
    claims = [claim(text, value, qualifier=qualifier) for text, value, qualifier in (first, second)]
    findings = check(claims)
    assert [f.message for f in findings] == ([message] if message else [])
    assert all(f.kind is FindingKind.CONFLICT for f in findings)


def test_different_status_or_period_is_not_the_same_fact() -> None:
    claims = [
        claim("预计2026年资本支出约2000亿美元", 2000 * YI, metric="capex", period="2026", status="guidance"),
        claim("分析师预估资本支出为1447亿美元", 1447 * YI, metric="capex", period="2026", status="estimate"),
        claim("2025年全年資本開支為1310億美元", 1310 * YI, metric="capex", period="2025"),
        claim("资本开支1200亿美元", 1200 * YI, metric="capex", period=None),
        claim("资本开支1300亿美元", 1300 * YI, metric="capex", period=None),
    ]
    assert check_all(claims) == []


@pytest.mark.parametrize(
    ("value", "evidence", "scaled", "low", "high"),
    [
        (777 * YI, "淨利潤777億美元", True, 776.5 * YI, 777.5 * YI),
        (777 * YI, "净利润７７７亿美元", True, 776.5 * YI, 777.5 * YI),
        (1270.83 * YI, "銷售額1,270.83億美元", True, 1270.825 * YI, 1270.835 * YI),
        (14_000, "裁員1.4萬人", True, 13_500, 14_500),
        (35.0, "營業利潤率35.0%", False, 34.95, 35.05),
        (30.0, "营收增长三成", False, 25, 35),  # not in digits: the last non-zero digit sets the precision
        (1.95, "每股收益1.95美元", True, 1.945, 1.955),
        (-10.5 * YI, "淨虧損10.5億元", True, -10.55 * YI, -10.45 * YI),  # a loss is written without its sign
        (7.12, "汇率由7.12345678降至7.1200", False, 7.11995, 7.12005),
    ],
)
def test_stated_precision_from_the_evidence(
    value: float, evidence: str, scaled: bool, low: float, high: float
) -> None:
    interval = stated(value, written_numbers(evidence), scaled=scaled).interval
    assert interval.low == pytest.approx(low)
    assert interval.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("evidence", "written"),
    [
        ("淨利潤從592億美元躍升至777.0億美元", {"592.000000": 0, "777.000000": 1}),
        ("營收1,270.83億美元，同比增長１０．５０%", {"1270.830000": 2, "10.500000": 2}),
        ("营业利润率35.0%，上年同期为35%", {"35.000000": 1}),  # the first writing of a number counts
        ("2025年第四季度亏损0.0亿元，版本v1.2.3", {"2025.000000": 0, "1.200000": 1}),
        # a comma groups thousands only between a digit and three digits; a number never starts after a point
        ("營收12,345,678萬元，分紅1,23元，比率.75", {"12345678.000000": 0, "1.000000": 0, "23.000000": 0}),
        ("3,310亿元，同比增长1,2345%，市占率.5个百分点", {"3310.000000": 0, "12345.000000": 0}),
        ("8.营收,123亿元", {"8.000000": 0, "123.000000": 0}),
        # zero and a number of more than six decimals say nothing of a scale
        ("汇率由7.12345678降至7.1200，利润0元", {"7.120000": 4}),
    ],
)
def test_written_numbers_keep_the_first_writing(evidence: str, written: dict[str, int]) -> None:
    assert written_numbers(evidence) == written


@pytest.mark.parametrize(
    ("evidence", "written"),
    [
        ("營收1,270.83億美元，同比增長１０．５０%", {"1270.830000": 2, "10.500000": 2}),
        ("营收１,２７０．８３亿美元，同比增长10.50%", {"1270.830000": 2, "10.500000": 2}),
        ("淨利潤從592億美元躍升至777.0億美元", {"592.000000": 0, "777.000000": 1}),
    ],
)
def test_numbers_written_in_normal_form_are_the_written_numbers(
    evidence: str, written: dict[str, int]
) -> None:
    """The checks read the numbers of the evidence in normal form, whose digits are folded already."""
    assert numbers_written(normal_form(evidence)) == written_numbers(evidence) == written


@pytest.mark.parametrize(
    ("evidence", "written"),
    [
        ("營收１,２７０．８３億美元，同比增長１０．５０%", {"1270.830000": 2, "10.500000": 2}),
        ("营收1,270.83亿美元，同比增长10.50%", {"1270.830000": 2, "10.500000": 2}),
    ],
)
def test_facts_read_the_numbers_of_the_evidence_in_either_script(
    evidence: str, written: dict[str, int]
) -> None:
    facts = Facts([claim(evidence, 1270.83 * YI)])
    assert facts.written_in(0) == written
    assert facts.value(0).interval == stated(1270.83 * YI, written, scaled=True).interval
    assert (facts.value(0).scale, facts.value(0).decimals) == (1e8, 2)


@pytest.mark.parametrize(
    ("evidence", "value", "qualifier", "value_range", "low", "high"),
    [
        ("淨利潤777億美元", 777 * YI, Qualifier.EXACT, None, 776.5 * YI, 777.5 * YI),
        ("净利润约777亿美元", 777 * YI, Qualifier.APPROX, None, 761.46 * YI, 792.54 * YI),
        ("營收突破2000億美元", 2000 * YI, Qualifier.OVER, None, 1999.5 * YI, math.inf),
        ("亏损超过10亿元", -10 * YI, Qualifier.OVER, None, -math.inf, -9.5 * YI),
        ("毛利率不到40%", 40.0, Qualifier.UNDER, None, -math.inf, 40.5),
        ("裁員最多1.4萬人", 14_000, Qualifier.UP_TO, None, -math.inf, 14_500),
        ("营收介于180亿至200亿元", 180 * YI, Qualifier.RANGE, (180 * YI, 200 * YI), 179.5 * YI, 200.5 * YI),
    ],
)
def test_stated_interval_by_qualifier(
    evidence: str,
    value: float,
    qualifier: Qualifier,
    value_range: tuple[float, float] | None,
    low: float,
    high: float,
) -> None:
    number = stated(
        value,
        written_numbers(evidence),
        scaled=value_range is not None or abs(value) > 100,
        qualifier=qualifier,
        value_range=value_range,
    )
    assert number.interval.low == pytest.approx(low)
    assert number.interval.high == pytest.approx(high)
    assert (number.value, number.qualifier) == (value, qualifier)


def test_show_rounds_half_up() -> None:
    assert [show(31.25, 1), show(35.1124, 1), show(-0.04, 1), show(63.0, 0)] == ["31.3", "35.1", "0.0", "63"]


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
widths = st.floats(min_value=0, max_value=1e3, allow_nan=False)


@st.composite
def intervals_with_a_point(draw: st.DrawFn) -> tuple[Interval, float]:
    low = draw(finite)
    high = low + draw(widths)
    point = draw(st.floats(min_value=low, max_value=high)) if high > low else low
    return Interval(low, high), point


@given(intervals_with_a_point(), intervals_with_a_point())
def test_interval_arithmetic_contains_every_pointwise_result(
    a: tuple[Interval, float], b: tuple[Interval, float]
) -> None:
    (ia, x), (ib, y) = a, b
    for result, exact in ((add(ia, ib), x + y), (sub(ia, ib), x - y)):
        assert result.low - 1e-6 * (1 + abs(exact)) <= exact <= result.high + 1e-6 * (1 + abs(exact))
    quotient = div(ia, ib)
    if ib.low <= 0 <= ib.high:
        assert quotient is None
    elif min(abs(ib.low), abs(ib.high)) > 1e-9:  # nearer zero the quotient overflows to infinity
        assert quotient is not None
        exact = x / y
        slack = 1e-9 * (1 + abs(exact))
        assert quotient.low - slack <= exact <= quotient.high + slack
    assert consistent(ia, ia)


def test_an_open_bound_stays_open_through_division() -> None:
    assert div(Interval(0.0, math.inf), Interval(1.0, 2.0)) == Interval(0.0, math.inf)


def test_a_fact_restated_and_contradicted_is_one_finding_naming_every_claim() -> None:
    margin = {"subject": "NIO", "metric": "gross_margin", "unit": "%", "period": "2025-Q3"}
    claims = [
        claim("毛利率升至13.9%", 13.9, **margin),
        claim(
            "第三季綜合毛利率為13.9%，按年上升3.2個百分點", 13.9, changes=[("yoy", {"points": 3.2})], **margin
        ),
        claim("蔚来本季毛利率14.2%创下近三年新高", 14.2, **margin),
    ]
    [finding] = check(claims)
    assert finding.message == "gross_margin of NIO (2025-Q3): stated as 13.9% and 14.2%"
    assert (finding.claims, finding.stated, finding.expected) == ([0, 1, 2], 14.2, 13.9)


@pytest.mark.parametrize(
    ("earlier", "later", "fields"),
    [
        (
            ("丰田将2026财年营业收入预期由48.5万亿日元", 48.5e12),
            ("上调至49.0万亿日元", 49.0e12),
            {"subject": "Toyota", "unit": "JPY", "period": "FY2026", "status": "guidance"},
        ),
        (
            ("美光將全年資本支出由先前規劃的180億美元", 180 * YI),
            ("調升至約200億美元", 200 * YI),
            {"subject": "Micron", "metric": "capex", "period": "FY2026", "status": "guidance"},
        ),
    ],
)
def test_a_revised_figure_is_no_conflict(earlier: Any, later: Any, fields: dict[str, Any]) -> None:
    claims = [claim(text, value, **fields) for text, value in (earlier, later)]
    assert check_all(claims) == []


def test_a_dividend_per_share_is_not_the_total_dividend() -> None:
    dividend = {"subject": "Kweichow Moutai", "metric": "dividend", "unit": "CNY", "period": "2025-H1"}
    claims = [
        claim("向全体股东每股派发现金红利23.957元（含税）", 23.957, **dividend),
        claim("合计派发现金红利300.9亿元", 300.9 * YI, **dividend),
    ]
    assert check_all(claims) == []


def test_a_dividend_per_share_in_traditional_script_is_not_the_total_dividend() -> None:
    dividend = {"subject": "Kweichow Moutai", "metric": "dividend", "unit": "CNY", "period": "2025-H1"}
    claims = [
        claim("向全體股東每股派發現金紅利23.957元（含稅）", 23.957, **dividend),
        claim("合計派發現金紅利300.9億元", 300.9 * YI, **dividend),
    ]
    assert check_all(claims) == []


_DIVIDEND = {"subject": "Kweichow Moutai", "metric": "dividend", "unit": "CNY", "period": "2025-H1"}
_CAPEX = {"subject": "Micron", "metric": "capex", "period": "FY2026", "status": "guidance"}


@pytest.mark.parametrize(
    ("traditional", "simplified", "fields", "findings", "unconverted"),
    [
        (
            [
                ("向全體股東每股派發現金紅利23.957元（含稅）", 23.957),
                ("合計派發現金紅利300.9億元", 300.9 * YI),
            ],
            [
                ("向全体股东每股派发现金红利23.957元（含税）", 23.957),
                ("合计派发现金红利300.9亿元", 300.9 * YI),
            ],
            _DIVIDEND,
            [],
            [],  # 每股 is written alike in both scripts
        ),
        (
            [("美光將全年資本支出由180億美元", 180 * YI), ("調升至約200億美元", 200 * YI)],
            [("美光将全年资本支出由180亿美元", 180 * YI), ("调升至约200亿美元", 200 * YI)],
            _CAPEX,
            [],
            ["capex of Micron (FY2026, guidance): stated as 180 and 200"],  # 調升 is not the listed 调升
        ),
        (
            [("美光全年資本支出約180億美元", 180 * YI), ("全年資本支出約200億美元", 200 * YI)],
            [("美光全年资本支出约180亿美元", 180 * YI), ("全年资本支出约200亿美元", 200 * YI)],
            _CAPEX,
            ["capex of Micron (FY2026, guidance): stated as 180 and 200"],
            ["capex of Micron (FY2026, guidance): stated as 180 and 200"],
        ),
    ],
)
def test_evidence_in_normal_form_is_checked_as_it_is_and_other_evidence_converted(
    traditional: list[tuple[str, float]],
    simplified: list[tuple[str, float]],
    fields: dict[str, Any],
    findings: list[str],
    unconverted: list[str],
) -> None:
    read_back = [claim(text, value, **fields) for text, value in traditional]
    normal = [claim(text, value, **fields) for text, value in simplified]
    assert [normal_form(text) for text, _ in traditional] == [text for text, _ in simplified]
    assert [finding.message for finding in check(read_back)] == findings
    assert [finding.message for finding in check(normal)] == findings
    assert [finding.message for finding in check(normal, normalized=True)] == findings
    assert [finding.message for finding in check(read_back, normalized=True)] == unconverted


@pytest.mark.parametrize(
    "evidence",
    [
        [],
        ["營業利潤率35.0%", "营业利润率35.0%", "營業利潤率35.0%"],  # restated evidence is converted once
        ["台積電第三季營收\n年增30.3%", "乾隆年間的錢莊"],  # a line break: converted alone
        ["ＡＷＳ營收３５６億美元", "\n", "發行後的後續計劃"],
    ],
)
def test_evidence_converted_in_one_pass_reads_as_each_converted_alone(evidence: list[str]) -> None:
    claims = [claim(text, None) for text in evidence]
    assert simplified_evidence(claims) == [normal_form(text) for text in evidence]


@pytest.mark.parametrize(("share_stated", "passed"), [(40.4, True), (39.7, True), (35.0, False)])
def test_a_segment_share_may_be_of_a_narrower_total_but_not_smaller(
    share_stated: float, passed: bool
) -> None:
    text = f"前三季度营业总收入1310.5亿元；直销渠道实现收入520.1亿元，占营业收入的比重为{share_stated}%"
    moutai = {"subject": "Kweichow Moutai", "unit": "CNY", "period": "2025-9M"}
    claims = [
        claim(text, 1310.5 * YI, **moutai),
        claim(text, 520.1 * YI, segment="Direct Sales", **moutai),
        claim(text, share_stated, segment="Direct Sales", metric="revenue_share", **moutai | {"unit": "%"}),
    ]
    [result] = check_all(claims)
    assert result.passed is passed
    assert result.message == (
        "revenue_share of Kweichow Moutai Direct Sales (2025-9M): 520.1 / 1310.5 = 39.7%,"
        f" stated {share_stated}%"
    )


def test_changes_against_an_unnamed_point_are_not_compared() -> None:
    price = {"subject": "Xiaomi", "metric": "share_price", "unit": "HKD", "period": "2025-11-18"}
    claims = [
        claim("小米股价当日收跌2.4%，报39.5港元", 39.5, changes=[("vs_prior", {"percent": -2.4})], **price),
        claim("較年內高位累計回落30%", None, changes=[("vs_prior", {"percent": -30})], **price),
    ]
    assert check_all(claims) == []


def test_a_restated_part_is_checked_once() -> None:
    aws = {"segment": "AWS"}
    claims = [
        claim(AWS_HANT, 356 * YI, **aws),
        claim("AWS季度銷售額356億美元", 356 * YI, **aws),
        claim(AWS_HANT, 125 * YI, metric="operating_income", **aws),
        claim(AWS_HANT, 35.0, metric="operating_margin", unit="%", **aws),
    ]
    assert [result.claims for result in check_all(claims)] == [[2, 0, 3]]


def test_a_number_is_not_read_inside_a_longer_one() -> None:
    # "10" is not the 10 of "10.5亿": the 10% is found after it, with no decimals
    interval = stated(10.0, written_numbers("营收10.5亿元，同比增长10%"), scaled=False).interval
    assert (interval.low, interval.high) == (9.5, 10.5)
    interval = stated(10.0, written_numbers("营收10.5亿元，同比增长10.0%"), scaled=False).interval
    assert (interval.low, interval.high) == pytest.approx((9.95, 10.05))


def test_numbers_far_apart_are_two_facts_not_a_conflict() -> None:
    # a segment's revenue assembled as the company's: 460 is not a misstatement of 1131
    claims = [claim("小米第三季度總營收1131億元", 1131 * YI), claim("智能手机业务收入460亿元", 460 * YI)]
    assert check_all(claims) == []


def test_numbers_in_different_scales_are_shown_in_the_finer_one() -> None:
    units = {"subject": "XPeng", "metric": "units", "unit": "count", "period": "2025-10"}
    claims = [
        claim("小鵬汽車10月交付量突破4萬輛", 40_000, qualifier="over", **units),
        claim("10月共交付新车42013台", 42_013, **units),
    ]
    [result] = check_all(claims)
    assert result.passed
    assert result.message == "units of XPeng (2025-10): stated as over 40000 and 42013"


def test_no_growth_check_against_a_prior_fact_stated_with_two_values() -> None:
    claims = [
        net_income("2024", 592 * YI),
        claim("2024年淨利潤為529億美元", 529 * YI, metric="net_income", period="2024"),
        net_income("2025", 777 * YI, [("yoy", {"percent": 31})]),
    ]
    [conflict] = check(claims)
    assert conflict.message == "net_income of Amazon (2024): stated as 592 and 529"
    assert [result.kind for result in check_all(claims)] == [FindingKind.CONFLICT]


def test_the_loosest_bounded_of_agreeing_restatements_stands_for_the_fact() -> None:
    claims = [
        claim("單季度營收首次突破2000億美元", 2000 * YI, qualifier="over"),
        claim("第四季度营收2134亿美元", 2134 * YI),
        claim("营收约2100亿美元", 2100 * YI, qualifier="approx"),
        claim("AWS营收356亿美元，占总营收的16.7%", 356 * YI, segment="AWS"),
        claim("AWS营收356亿美元，占总营收的16.7%", 16.7, segment="AWS", metric="revenue_share", unit="%"),
    ]
    shares = [result for result in check_all(claims) if result.kind is FindingKind.ARITHMETIC]
    assert [(result.passed, result.message, result.claims) for result in shares] == [
        (True, "revenue_share of Amazon AWS (2025-Q4): 356 / 2100 = 17.0%, stated 16.7%", [3, 2, 4])
    ]


def test_an_outlook_growth_against_the_actual_figure_it_grows_from() -> None:
    capex = {"metric": "capex", "period": "2026", "status": "guidance"}
    claims = [
        claim("預計2026年資本支出約2000億美元", 2000 * YI, qualifier="approx", **capex),
        claim("2025年全年資本開支為1310億美元", 1310 * YI, metric="capex", period="2025"),
        claim("2026年资本开支增幅将达到52%", None, changes=[("yoy", {"percent": 52})], **capex),
        claim("其愿意投入2000亿美元", 2000 * YI, **capex),  # a restatement without the 约
    ]
    assert check(claims) == []
    [growth] = [result for result in check_all(claims) if result.kind is FindingKind.ARITHMETIC]
    assert growth.message == "capex of Amazon (2026 vs 2025, guidance): 2000 / 1310 - 1 = 52.7%, stated 52%"
    assert growth.claims == [1, 0, 2]


def test_two_figures_of_metric_other_are_not_one_fact() -> None:
    text = "友邦新業務價值按年增長14%至28.38億美元，稅後營運溢利按年升6%至36.23億美元"
    claims = [
        claim(text, 28.38 * YI, subject="AIA", metric="other", period="2025-H1"),
        claim(text, 36.23 * YI, subject="AIA", metric="other", period="2025-H1"),
    ]
    assert check_all(claims) == []


@pytest.mark.parametrize(
    ("evidence", "changes", "results"),
    [
        (  # one clause, two growth figures for the same quarter that cannot both be right
            "亞馬遜第四季營收年增14%，較去年同期成長12%",
            [("yoy", {"percent": 14}), ("yoy", {"percent": 12})],
            [(False, "yoy change stated as +14% and +12%")],
        ),
        (  # the second figure a finer restatement of the first
            "亚马逊第四季度营收同比增长14%，较上年同期增长约14.2%",
            [("yoy", {"percent": 14}), ("yoy", {"percent": 14.2, "qualifier": "approx"})],
            [(True, "yoy change stated as +14% and +14.2%")],
        ),
        (
            "亚马逊第四季度营收同比增长14%，环比增长9%",
            [("yoy", {"percent": 14}), ("qoq", {"percent": 9})],
            [],
        ),
    ],
)
def test_one_claim_stating_two_numbers_for_one_change(
    evidence: str, changes: list[Any], results: list[tuple[bool, str]]
) -> None:
    found = check_all([claim(evidence, None, changes=changes)])
    assert [(result.kind, result.passed) for result in found] == [
        (FindingKind.CONFLICT, p) for p, _ in results
    ]
    assert [result.message for result in found] == [f"revenue of Amazon (2025-Q4): {m}" for _, m in results]


_FACT_FIELDS = {
    "subject": st.sampled_from(["Amazon", "Tencent"]),
    "segment": st.sampled_from([None, "AWS"]),
    "metric": st.sampled_from(list(Metric)),
    "period": st.sampled_from([None, "2024-Q4", "FY2025"]),
    "status": st.sampled_from(list(Status)),
    "unit": st.sampled_from(["USD", "%"]),
}


@given(
    fact=st.builds(Fact, adjusted=st.booleans(), per_share=st.booleans(), **_FACT_FIELDS),
    changes=st.fixed_dictionaries({}, optional=_FACT_FIELDS),
)
def test_a_fact_with_changed_fields_is_the_namedtuple_replace(fact: Fact, changes: dict[str, Any]) -> None:
    replaced = _replaced(fact, changes)
    assert replaced == fact._replace(**changes) and type(replaced) is Fact
    assert replaced.period == changes.get("period", fact.period)


@pytest.mark.parametrize(
    ("evidence", "per_share"),
    [
        ("亞馬遜第四季度每股收益1.95美元，營收2134億美元", [True, False]),
        ("亚马逊第四季度每股收益1.95美元，营收2134亿美元", [True, False]),
        ("腾讯第三季度每ADS盈利3.5美元", [True]),
    ],
)
def test_a_per_share_amount_is_a_fact_apart_in_either_script(evidence: str, per_share: list[bool]) -> None:
    clauses = evidence.split("，")
    for normalized in (False, True):
        texts = [normal_form(text) for text in clauses] if normalized else clauses
        facts = Facts([claim(text, 1.0) for text in texts], normalized=normalized)
        assert [fact.per_share for fact in facts.facts] == per_share
        assert len(facts.index) == len(per_share)
