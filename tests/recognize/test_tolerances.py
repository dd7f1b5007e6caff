"""Values stated with a margin either side (上下浮动2%, 上下浮動1.5個百分點, ±3亿美元), in both scripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from recognize_support import mentions_of

from extractor.models import Qualifier
from extractor.normalize import normalize
from extractor.recognize import MentionKind, recognize

A, P = MentionKind.AMOUNT, MentionKind.PERCENT

# sentence, the value's surface with its margin, kind, value, range
TOLERANCES = [
    ("英伟达预计第四财季营收为650亿美元，上下浮动2%", "650亿美元，上下浮动2%", A, 65e9, (63.7e9, 66.3e9)),
    ("輝達預計第四財季營收為650億美元，上下浮動2%", "650億美元，上下浮動2%", A, 65e9, (63.7e9, 66.3e9)),
    (
        "超微预估第四季度营收约96亿美元，上下浮动3亿美元",
        "约96亿美元，上下浮动3亿美元",
        A,
        9.6e9,
        (9.3e9, 9.9e9),
    ),
    (
        "超微預估第四季營收約96億美元，上下浮動3億美元",
        "約96億美元，上下浮動3億美元",
        A,
        9.6e9,
        (9.3e9, 9.9e9),
    ),
    ("公司预计营收96亿美元±3亿美元", "96亿美元±3亿美元", A, 9.6e9, (9.3e9, 9.9e9)),
    ("公司預計營收96億美元，正負3億美元", "96億美元，正負3億美元", A, 9.6e9, (9.3e9, 9.9e9)),
    # on a percentage the margin is in points: 个百分点, 基点 (a hundredth of a point), or a bare %
    ("联发科预估毛利率46%，上下浮动1.5个百分点", "46%，上下浮动1.5个百分点", P, 46.0, (44.5, 47.5)),
    ("聯發科預估毛利率46%，上下浮動1.5個百分點", "46%，上下浮動1.5個百分點", P, 46.0, (44.5, 47.5)),
    ("GAAP毛利率预计为74.8%，上下浮动50个基点", "74.8%，上下浮动50个基点", P, 74.8, (74.3, 75.3)),
    ("GAAP毛利率預計為74.8%，上下浮動50個基點", "74.8%，上下浮動50個基點", P, 74.8, (74.3, 75.3)),
    ("毛利率预计为74.8%，上下浮动0.5%", "74.8%，上下浮动0.5%", P, 74.8, (74.3, 75.3)),
]


@pytest.mark.parametrize(("sentence", "surface", "kind", "value", "bounds"), TOLERANCES)
def test_a_margin_makes_the_value_a_range(
    sentence: str, surface: str, kind: MentionKind, value: float, bounds: tuple[float, float]
) -> None:
    found = mentions_of(sentence, A) + mentions_of(sentence, P)
    assert [text for text, _ in found] == [surface]
    mention = found[0][1]
    assert mention.kind is kind
    assert mention.value == value
    assert mention.value_range == bounds
    assert mention.qualifier is Qualifier.RANGE


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a value that is a range already keeps its own bounds
        (
            "营收介于183亿至191亿美元，上下浮动2%",
            [("183亿至191亿美元", Qualifier.RANGE), ("2%", Qualifier.EXACT)],
        ),
        # a margin in another currency is no margin of this value
        ("营收96亿美元，上下浮动3亿日元", [("96亿美元", Qualifier.EXACT), ("3亿日元", Qualifier.EXACT)]),
        # 上下 right after a number, with no margin after it, is a qualifier of its own (2000亿左右)
        ("营收2000亿元上下，同比增长5%", [("2000亿元上下", Qualifier.APPROX)]),
    ],
)
def test_what_is_no_margin_stays_as_it_is(sentence: str, expected: list[tuple[str, Qualifier]]) -> None:
    found = sorted(mentions_of(sentence, A) + mentions_of(sentence, P), key=lambda pair: pair[1].start)
    assert [(text, mention.qualifier) for text, mention in found] == expected


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=9999),
    st.integers(min_value=1, max_value=20),
    st.sampled_from(["上下浮动", "上下浮動", "正负", "±"]),
)
def test_a_margin_of_a_percent_of_an_amount_is_symmetric(amount: int, margin: int, word: str) -> None:
    text = normalize(f"公司预计营收为{amount}亿美元，{word}{margin}%").text
    (mention,) = [m for m in recognize(text) if m.kind is A]
    assert text[mention.start : mention.end] == mention.text
    low, high = mention.value_range or (0.0, 0.0)
    assert mention.value == amount * 1e8
    assert high - mention.value == pytest.approx(mention.value - low)
    assert high - low == pytest.approx(amount * 1e8 * margin / 50)
