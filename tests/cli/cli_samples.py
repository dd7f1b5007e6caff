"""Articles and Documents of our own for the command-line tests, in both scripts."""

from __future__ import annotations

from pathlib import Path

from extractor.models import Change, Claim, Document, Evidence, Finding

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "corpora" / "amazon-2025q4.zh-Hant.txt"

HANT = (
    "台積電今年第三季營收達新台幣7596億元，年增30.3%。毛利率59.5%，較上一季提升0.7個百分點。\n"
    "公司預計第四季營收介於322億至334億美元之間，董事長表示人工智慧相關需求依然強勁。\n"
)
HANS = (
    "腾讯控股第二季度总收入1845亿元人民币，同比增长15%；经调整净利润为631亿元。\n"
    "公司表示，广告业务收入同比增长20%，主要受益于视频号与小程序的商业化。\n"
)
SHORT_HANT = "營收年增14%。"
SHORT_HANS = "营收同比增长14%。"


def tsmc_document(source: str = "tsmc.txt") -> Document:
    """A Document for HANT with two claims and a finding, built by hand (extraction is not under test)."""
    revenue_text = "台積電今年第三季營收達新台幣7596億元，年增30.3%"
    margin_start = HANT.index("毛利率")
    margin_text = "毛利率59.5%，較上一季提升0.7個百分點"
    return Document(
        source=source,
        script="traditional",
        entities=[{"text": "台積電", "canonical": "TSMC", "type": "company", "start": 0, "end": 3}],
        claims=[
            Claim(
                subject="TSMC",
                metric="revenue",
                period="2025-Q3",
                value=759600000000.0,
                unit="TWD",
                changes=[Change(basis="yoy", percent=30.3)],
                evidence=Evidence(start=0, end=len(revenue_text), text=revenue_text),
            ),
            Claim(
                subject="TSMC",
                metric="gross_margin",
                period="2025-Q3",
                value=59.5,
                unit="%",
                changes=[Change(basis="qoq", points=0.7)],
                evidence=Evidence(start=margin_start, end=margin_start + len(margin_text), text=margin_text),
            ),
        ],
        findings=[Finding(kind="arithmetic", message="59.5% < 60% & a <b> test", claims=[1], stated=59.5)],
    )
