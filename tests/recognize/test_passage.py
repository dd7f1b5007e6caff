"""A whole paragraph: every mention, in order, with its kind and surface, in both scripts."""

from __future__ import annotations

import pytest

from extractor.normalize import normalize
from extractor.recognize import MentionKind, recognize

A, P, C, T = MentionKind.AMOUNT, MentionKind.PERCENT, MentionKind.CHANGE, MentionKind.PERIOD

TRADITIONAL = (
    "微軟公佈了截至12月31日的2025財年第二財季財報。當季營收812億美元，同比增長17%；"
    "淨利潤從去年同期的241億美元增至309億美元，稀釋後每股收益4.14美元。"
    "雲業務毛利率為67%，同比下降1.2個百分點。公司預計明年資本支出約1500億美元。"
)
SIMPLIFIED = (
    "微软公布了截至12月31日的2025财年第二财季财报。当季营收812亿美元，同比增长17%；"
    "净利润从去年同期的241亿美元增至309亿美元，稀释后每股收益4.14美元。"
    "云业务毛利率为67%，同比下降1.2个百分点。公司预计明年资本支出约1500亿美元。"
)
EXPECTED = [
    (T, "截至12月31日的2025财年第二财季"),
    (T, "当季"),
    (A, "812亿美元"),
    (C, "同比增长17%"),
    (T, "去年同期"),
    (A, "241亿美元"),
    (A, "309亿美元"),
    (A, "4.14美元"),
    (P, "67%"),
    (C, "同比下降1.2个百分点"),
    (T, "明年"),
    (A, "约1500亿美元"),
]


@pytest.mark.parametrize("passage", [TRADITIONAL, SIMPLIFIED])
def test_every_mention_in_order(passage: str) -> None:
    normalized = normalize(passage)
    found = [(mention.kind, mention.text) for mention in recognize(normalized.text)]
    assert found == EXPECTED
    for mention in recognize(normalized.text):
        assert normalized.original_slice(mention.start, mention.end) == passage[mention.start : mention.end]
