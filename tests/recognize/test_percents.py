"""Percentage levels in both scripts: signs, spelled-out forms, 成, fractions, ranges, qualifiers."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from recognize_support import mentions_of, only

from extractor.models import Qualifier
from extractor.normalize import normalize
from extractor.recognize import MentionKind
from extractor.recognize.percents import chinese_guard, digit_guard, find_percents, percent_pattern

P = MentionKind.PERCENT
EXACT, APPROX, OVER, UNDER, UP_TO, RANGE = (
    Qualifier.EXACT,
    Qualifier.APPROX,
    Qualifier.OVER,
    Qualifier.UNDER,
    Qualifier.UP_TO,
    Qualifier.RANGE,
)

# sentence, surface, value, qualifier
PERCENTS = [
    ("甲骨文雲業務營業利潤率35.0%", "35.0%", 35.0, EXACT),
    ("甲骨文云业务营业利润率35.0%", "35.0%", 35.0, EXACT),
    ("該項投資回報率達到1,250.5%", "1,250.5%", 1250.5, EXACT),  # thousands groups: read as a float
    ("该项投资回报率达到1,250.5%", "1,250.5%", 1250.5, EXACT),
    ("雲業務收入佔比達到18%", "18%", 18.0, EXACT),
    ("云业务收入占比达到18%", "18%", 18.0, EXACT),
    ("2017年阿里雲在國內市場的份額高達49.4%", "49.4%", 49.4, EXACT),
    ("騰訊雲市場份額僅為12.7%", "12.7%", 12.7, EXACT),
    ("腾讯云市场份额仅为12.7%", "12.7%", 12.7, EXACT),
    ("華為在國內市場的份額約為28%", "約為28%", 28.0, APPROX),
    ("华为在国内市场的份额约为28%", "约为28%", 28.0, APPROX),
    ("小米以21%的份額位居第二", "21%", 21.0, EXACT),
    ("阿里雲市場份額約為14%", "約為14%", 14.0, APPROX),
    ("阿里云市场份额约为14%", "约为14%", 14.0, APPROX),
    ("三大廠商控制了市場68%的份額", "68%", 68.0, EXACT),
    ("微軟Azure(39%)和谷歌雲(48%)", "39%", 39.0, EXACT),
    ("微软Azure(39%)和谷歌云(48%)", "48%", 48.0, EXACT),
    ("輝達為公司貢獻了超過60%的營業利潤", "超過60%", 60.0, OVER),
    ("辉达为公司贡献了超过60%的营业利润", "超过60%", 60.0, OVER),
    ("數據中心貢獻超6成利潤", "超6成", 60.0, OVER),
    ("数据中心贡献超6成利润", "超6成", 60.0, OVER),
    ("海外收入佔七成", "七成", 70.0, EXACT),
    ("海外收入占三成以上", "三成以上", 30.0, OVER),
    ("海外收入佔比兩成五", "兩成五", 25.0, EXACT),
    ("海外收入占比两成五", "两成五", 25.0, EXACT),
    ("新能源車滲透率接近五成", "接近五成", 50.0, APPROX),
    ("毛利率為14％", "14％", 14.0, EXACT),
    ("毛利率为14％", "14％", 14.0, EXACT),
    ("淨利率達到百分之十四", "百分之十四", 14.0, EXACT),
    ("净利率达到百分之十四", "百分之十四", 14.0, EXACT),
    ("持股比例為百分之二十五點五", "百分之二十五點五", 25.5, EXACT),
    ("持股比例为百分之二十五点五", "百分之二十五点五", 25.5, EXACT),
    ("裁員人數約佔員工總數的十分之一", "十分之一", 10.0, EXACT),
    ("裁员人数约占员工总数的十分之一", "十分之一", 10.0, EXACT),
    ("資料中心收入佔比不到30%", "不到30%", 30.0, UNDER),
    ("资料中心收入占比不足30%", "不足30%", 30.0, UNDER),
    ("回購比例最高10%", "最高10%", 10.0, UP_TO),
    ("利潤率在25%左右", "25%左右", 25.0, APPROX),
    ("持股比例逾5%", "逾5%", 5.0, OVER),
    ("費用率預計為5-20%", "5-20%", 12.5, RANGE),
    ("费用率预计为5-20%", "5-20%", 12.5, RANGE),
    ("營業利潤率指引為30%至32%", "30%至32%", 31.0, RANGE),
    ("营业利润率指引为30%至32%", "30%至32%", 31.0, RANGE),
    ("毛利率將維持在百分之四十到百分之四十二", "百分之四十到百分之四十二", 41.0, RANGE),
    ("毛利率约为45.25%", "约为45.25%", 45.25, APPROX),
    ("关税税率为0.5%", "0.5%", 0.5, EXACT),
    ("淨利率6成", "6成", 60.0, EXACT),
    # a minus sign after a link word or punctuation, and 负 anywhere, make the level negative
    ("經營利潤率為-20.9%", "-20.9%", -20.9, EXACT),
    ("经营利润率为-20.9%", "-20.9%", -20.9, EXACT),
    ("经营利润率下降至负20.9%", "负20.9%", -20.9, EXACT),
    ("經營利潤率（-5.2%）", "-5.2%", -5.2, EXACT),
    ("A股-2.3%", "2.3%", 2.3, EXACT),  # a hyphen after a word is no sign
]


@pytest.mark.parametrize(("sentence", "surface", "value", "qualifier"), PERCENTS)
def test_percent(sentence: str, surface: str, value: float, qualifier: Qualifier) -> None:
    mention = only(sentence, P, surface)
    assert (mention.value, mention.unit, mention.qualifier) == (value, "%", qualifier)


def test_range_ends() -> None:
    assert only("費用率預計為5-20%", P, "5-20%").value_range == (5.0, 20.0)


def test_one_third() -> None:
    assert only("市佔率達到三分之一", P, "三分之一").value == pytest.approx(100 / 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "毛利率提升1.8個百分點",  # points, never per cent
        "毛利率提升1.8个百分点",
        "營收同比增長14%",  # a change, reported as a CHANGE only
        "营收同比增长14%",
        "公司一成不變的策略",
        "降低生產成本",
        "营业利润率下降0.5个百分点",
        "年增16.9%",
    ],
)
def test_not_a_level(sentence: str) -> None:
    assert mentions_of(sentence, P) == []


@pytest.mark.parametrize(
    ("sentence", "skipped", "kept"),
    [
        ("淨利潤同比增長14%，毛利率35.0%", (3, 10), [("35.0%", 35.0)]),
        ("净利润同比增长14%，毛利率35.0%", (3, 10), [("35.0%", 35.0)]),
        ("淨利潤同比增長14%，毛利率35.0%", (0, 1), [("14%", 14.0), ("35.0%", 35.0)]),
    ],
)
def test_a_skipped_span_is_dropped(
    sentence: str, skipped: tuple[int, int], kept: list[tuple[str, float]]
) -> None:
    text = normalize(sentence).text

    def inside(start: int, end: int) -> bool:
        return skipped[0] <= start and end <= skipped[1]

    found = find_percents(text, skip=inside)
    assert [(mention.text, mention.value) for mention in found] == kept
    assert all(text[mention.start : mention.end] == mention.text for mention in found)


PERCENT_FRAGMENTS = [
    *"0123456789,. %％﹪-~至到成为年亿元约超七十QA",
    "百分之",
    "分之",
    "以上",
    "2025",
    "35.0",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PERCENT_FRAGMENTS), max_size=40))
@example(["毛利率", "35.0", "%"])
@example(["约", "5", "-", "20", "%"])
@example(["增长", "5", " ", "至", "7", "%"])
@example(["超", "7", "成"])
@example(["占", "1", ".", "5", "成"])
@example(["Q", "1", "成"])  # after a letter a digit starts no percentage
def test_the_digit_guard_fails_only_where_no_percentage_starts(fragments: list[str]) -> None:
    text = "".join(fragments)
    guard, bare = re.compile(digit_guard()), re.compile(percent_pattern())
    for position in range(len(text)):
        if guard.match(text, position) is None:
            assert bare.match(text, position) is None


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("營收2134億元", "2134"),
        ("营收2134亿元", "2134"),
        ("市值1,395,000億", "1,395,000"),
        ("毛利率35.08%", "35.08"),
    ],
)
def test_the_digit_guard_fails_a_digit_inside_a_number(sentence: str, number: str) -> None:
    """The guard reads a number's digits from its first one; every digit after a digit or a point fails
    at once (no percentage starts there), and one after a comma is left to the pattern, so that no
    run of digits is read once per digit."""
    text = normalize(sentence).text
    start = text.index(number)
    guard = re.compile(digit_guard())
    inner = [p for p in range(start + 1, start + len(number)) if text[p].isdigit()]
    assert [guard.match(text, p) is not None for p in inner] == [text[p - 1] == "," for p in inner]


CHINESE_FRAGMENTS = [
    *"一二三五十百千万亿兩點点分之成至到 %％-~约超家人",
    "百分之",
    "三分之一",
    "二十五",
    "十五点八",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CHINESE_FRAGMENTS), max_size=40))
@example(["二十五", "%"])
@example(["十五点八", "%"])
@example(["百分之", "二十"])
@example(["三分之一"])
@example(["两", "成"])
@example(["一", " ", "至", "三", "成"])
def test_the_chinese_guard_fails_only_where_no_percentage_starts(fragments: list[str]) -> None:
    text = "".join(fragments)
    guard, bare = re.compile(chinese_guard()), re.compile(percent_pattern())
    for position in range(len(text)):
        if guard.match(text, position) is None:
            assert bare.match(text, position) is None


# sentence, surface, value: percentages opening with a Chinese numeral, which the Chinese guard lets through
CHINESE_PERCENTS = [
    ("雲業務佔營收二十五%", "二十五%", 25.0),
    ("云业务占营收二十五%", "二十五%", 25.0),
    ("毛利率為十五點八%", "十五點八%", 15.8),
    ("毛利率为十五点八%", "十五点八%", 15.8),
    ("海外營收佔比百分之四十", "百分之四十", 40.0),
    ("市場份額約三分之一", "約三分之一", 100 / 3),
    ("市场份额约两成", "约两成", 20.0),
]


@pytest.mark.parametrize(("sentence", "surface", "value"), CHINESE_PERCENTS)
def test_chinese_percent(sentence: str, surface: str, value: float) -> None:
    assert only(sentence, P, surface).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("門店增至二十五家", "二十五"),
        ("员工一万五千人", "一万五千"),
        ("營收2134億元", "億"),
    ],
)
def test_the_chinese_guard_fails_a_numeral_no_percentage_follows(sentence: str, number: str) -> None:
    """The guard fails a Chinese numeral at its first character and leaves its other characters alone,
    so that a long run is read once."""
    text = normalize(sentence).text
    start = text.index(normalize(number).text)
    guard = re.compile(chinese_guard())
    assert guard.match(text, start) is None
    assert all(guard.match(text, position) for position in range(start + 1, start + len(number)))
    assert not mentions_of(sentence, P)
