"""Claim assembly on sentences written the way earnings news writes them, in both scripts.

Each case is a short article and the claims expected from it, as tuples of
(subject, segment, metric, period, value, unit, qualifier, status, changes), where changes is a tuple
of (basis, percent, points, amount).
"""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.models import Claim

ClaimTuple = tuple[
    str,
    str | None,
    str,
    str | None,
    float | None,
    str,
    str,
    str,
    tuple[tuple[str, float | None, float | None, float | None], ...],
]


def _tuple(claim: Claim) -> ClaimTuple:
    return (
        claim.subject,
        claim.segment,
        claim.metric.value,
        claim.period,
        claim.value,
        claim.unit,
        claim.qualifier.value,
        claim.status.value,
        tuple((c.basis.value, c.percent, c.points, c.amount) for c in claim.changes),
    )


CASES: list[tuple[str, list[ClaimTuple]]] = [
    (
        "腾讯控股公布2025年第三季度业绩，期内收入1928.7亿元，同比增长15%。",
        [
            (
                "Tencent",
                None,
                "revenue",
                "2025-Q3",
                192870000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 15.0, None, None),),
            )
        ],
    ),
    (
        "騰訊控股公布2025年第三季度業績，期內收入1928.7億元，同比增長15%。",
        [
            (
                "Tencent",
                None,
                "revenue",
                "2025-Q3",
                192870000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 15.0, None, None),),
            )
        ],
    ),
    (
        "苹果公司2025财年第四季度营收1025亿美元，同比增长8%；净利润为274.7亿美元。",
        [
            (
                "Apple",
                None,
                "revenue",
                "FY2025-Q4",
                102500000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 8.0, None, None),),
            ),
            ("Apple", None, "net_income", "FY2025-Q4", 27470000000.0, "USD", "exact", "actual", ()),
        ],
    ),
    (
        "2025年第二季度，特斯拉营业利润同比下降42%至9.23亿美元。",
        [
            (
                "Tesla",
                None,
                "operating_income",
                "2025-Q2",
                923000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", -42.0, None, None),),
            )
        ],
    ),
    (
        "2025年第二季度，特斯拉营业利润同比下降42%至9.23亿美元。同期，特斯拉交付汽车38.4万辆。",
        [
            (
                "Tesla",
                None,
                "operating_income",
                "2025-Q2",
                923000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", -42.0, None, None),),
            ),
            ("Tesla", None, "units", "2025-Q2", 384000.0, "count", "exact", "actual", ()),
        ],
    ),
    (
        "輝達2026財年第三季度資料中心業務營收為512億美元，年增66%。",
        [
            (
                "NVIDIA",
                "Data Center",
                "revenue",
                "FY2026-Q3",
                51200000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 66.0, None, None),),
            )
        ],
    ),
    (
        "微软预计2026年资本支出约为1200亿美元。",
        [("Microsoft", None, "capex", "2026", 120000000000.0, "USD", "approx", "guidance", ())],
    ),
    (
        "阿里巴巴2025年第二季度每股收益为2.1美元，低于市场预期的2.25美元。",
        [
            ("Alibaba", None, "eps", "2025-Q2", 2.1, "USD", "exact", "actual", ()),
            ("Alibaba", None, "eps", "2025-Q2", 2.25, "USD", "exact", "estimate", ()),
        ],
    ),
    (
        "比亚迪净利润从2023年的300亿元增至2024年的402.5亿元，同比增长34%。",
        [
            ("BYD", None, "net_income", "2023", 30000000000.0, "CNY", "exact", "actual", ()),
            (
                "BYD",
                None,
                "net_income",
                "2024",
                40250000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 34.0, None, None),),
            ),
        ],
    ),
    (
        "2025年3月和2025年9月，英特尔两次裁员，裁员人数分别为1.5万人和2.4万人。",
        [
            ("Intel", None, "layoffs", "2025-03", 15000.0, "count", "exact", "actual", ()),
            ("Intel", None, "layoffs", "2025-09", 24000.0, "count", "exact", "actual", ()),
        ],
    ),
    (
        "台積電2025年第三季毛利率為59.5%，較上季提升0.9個百分點。",
        [
            (
                "TSMC",
                None,
                "gross_margin",
                "2025-Q3",
                59.5,
                "%",
                "exact",
                "actual",
                (("qoq", None, 0.9, None),),
            )
        ],
    ),
    (
        "2025年第三季度，京东收入2991亿元，同比增长15%，广告业务增长9%。",
        [
            (
                "JD.com",
                None,
                "revenue",
                "2025-Q3",
                299100000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 15.0, None, None),),
            ),
            (
                "JD.com",
                "Advertising",
                "revenue",
                "2025-Q3",
                None,
                "CNY",
                "exact",
                "actual",
                (("yoy", 9.0, None, None),),
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims_of_a_sentence(text: str, expected: list[ClaimTuple]) -> None:
    document = extract(text)
    assert [_tuple(claim) for claim in document.claims] == expected
    for claim in document.claims:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_a_sentence_without_a_metric_makes_no_claim() -> None:
    assert extract("亚马逊创立于1994年，总部位于西雅图，员工遍布全球。").claims == []
