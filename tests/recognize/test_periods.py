"""Periods in both scripts: years, quarters, halves, fiscal years, months, days and relative forms."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from recognize_support import mentions_of, only

from extractor.recognize import MentionKind, Period, RelativePeriod
from extractor.recognize.periods import find_periods, period_pattern

T = MentionKind.PERIOD
R = RelativePeriod

# sentence, surface, period
PERIODS = [
    ("2025年第四季度，蘋果營收創新高", "2025年第四季度", Period(2025, "Q4")),
    ("2025年第四季度，苹果营收创新高", "2025年第四季度", Period(2025, "Q4")),
    ("資料顯示,2025年第四季度,微軟營收增長", "2025年第四季度", Period(2025, "Q4")),
    ("第四季度營收增長", "第四季度", Period(None, "Q4")),
    ("台積電第四季營收", "第四季", Period(None, "Q4")),
    ("台积电第四季营收", "第四季", Period(None, "Q4")),
    ("谷歌四季度的營收增速", "四季度", Period(None, "Q4")),
    ("联发科第4季营收", "第4季", Period(None, "Q4")),
    ("英特爾Q4營收", "Q4", Period(None, "Q4")),
    ("美光4Q25營收", "4Q25", Period(2025, "Q4")),
    ("公司2025Q4毛利率", "2025Q4", Period(2025, "Q4")),
    ("公司2025年Q4毛利率", "2025年Q4", Period(2025, "Q4")),
    ("公司2025 Q3營收", "2025 Q3", Period(2025, "Q3")),
    # a year right after a Latin name, with no space between
    ("Meta2025年第三季度营收", "2025年第三季度", Period(2025, "Q3")),
    ("LVMH2025年第三季營收", "2025年第三季", Period(2025, "Q3")),
    ("比亞迪2025年上半年淨利潤", "2025年上半年", Period(2025, "H1")),
    ("比亚迪上半年净利润", "上半年", Period(None, "H1")),
    ("任天堂將本財年銷量目標上調", "本財年", Period(relative=RelativePeriod.THIS_YEAR, fiscal=True)),
    ("任天堂预计下财年营收", "下财年", Period(relative=RelativePeriod.NEXT_YEAR, fiscal=True)),
    ("新鴻基預期新財年的合約銷售額", "新財年", Period(relative=RelativePeriod.NEXT_YEAR, fiscal=True)),
    # a fiscal year across two calendar years is named by the year it ends in
    ("联想公布2025/26财年第二财季业绩", "2025/26财年第二财季", Period(2026, "Q2", fiscal=True)),
    ("聯想公布2025/26財年第二財季業績", "2025/26財年第二財季", Period(2026, "Q2", fiscal=True)),
    ("公司2025/2026财年营收", "2025/2026财年", Period(2026, None, fiscal=True)),
    ("新鴻基2024/25年度中期業績", "2024/25年度中期", Period(2025, "H1", fiscal=True)),
    ("公司1999-00财年营收", "1999-00财年", Period(2000, None, fiscal=True)),
    ("新鸿基预期新财年的合约销售额", "新财年", Period(relative=RelativePeriod.NEXT_YEAR, fiscal=True)),
    # 中期 before interim results and payouts is the first half
    ("丰田宣布中期股息为每股45日元", "中期", Period(None, "H1")),
    ("豐田宣布中期股息為每股45日圓", "中期", Period(None, "H1")),
    ("茅台公布2025年中期利润分配方案", "2025年中期", Period(2025, "H1")),
    ("騰訊公布2025年中期業績", "2025年中期", Period(2025, "H1")),
    ("下半年需求回暖", "下半年", Period(None, "H2")),
    ("豐田上半財年營收", "上半財年", Period(None, "H1", fiscal=True)),
    ("丰田2026财年上半财年营收", "2026财年上半财年", Period(2026, "H1", fiscal=True)),
    ("騰訊公佈截至2025年9月30日止第三季業績", "截至2025年9月30日止第三季", Period(2025, "Q3")),
    ("公司H1營收", "H1", Period(None, "H1")),
    ("2025年前三季度，寧德時代營收", "2025年前三季度", Period(2025, "9M")),
    ("前三季度净利润", "前三季度", Period(None, "9M")),
    ("香港交易所公布2025年首三季業績", "2025年首三季", Period(2025, "9M")),
    ("香港交易所公布2025年首三季度业绩", "2025年首三季度", Period(2025, "9M")),
    ("港鐵首九個月收入", "首九個月", Period(None, "9M")),
    ("港铁首九个月收入", "首九个月", Period(None, "9M")),
    ("領展2025年首六個月淨利潤", "2025年首六個月", Period(2025, "H1")),
    ("领展2025年前六个月净利润", "2025年前六个月", Period(2025, "H1")),
    ("台積電累計前9月營收", "前9月", Period(None, "9M")),
    ("公司公佈了第四季度及全年財報", "全年", Period(None, None)),
    ("2025年全年，沃爾瑪營收", "2025年全年", Period(2025, None)),
    ("2025年全年，沃尔玛营收", "2025年全年", Period(2025, None)),
    ("預計2026年資本支出", "2026年", Period(2026, None)),
    ("京東最初於1994年以線上書店起家", "1994年", Period(1994, None)),
    ("2006年，公司宣布投資雲端運算", "2006年", Period(2006, None)),
    ("新晶片在2026年中旬前已被預訂一空", "2026年", Period(2026, None)),
    ("Trainium 4預計於2027年開始交付", "2027年", Period(2027, None)),
    ("微軟2026財年第三季度營收", "2026財年第三季度", Period(2026, "Q3", fiscal=True)),
    ("微软2026财年第三季度营收", "2026财年第三季度", Period(2026, "Q3", fiscal=True)),
    ("微软FY26 Q3营收", "FY26 Q3", Period(2026, "Q3", fiscal=True)),
    ("蘋果2026財年營收", "2026財年", Period(2026, None, fiscal=True)),
    ("英偉達第三財季淨利潤", "第三財季", Period(None, "Q3", fiscal=True)),
    (
        "苹果公布截至2025年9月27日的2025财年第四财季业绩",
        "截至2025年9月27日的2025财年第四财季",
        Period(2025, "Q4", fiscal=True),
    ),
    ("蘋果預計2026財年第一財季營收", "2026財年第一財季", Period(2026, "Q1", fiscal=True)),
    # a fiscal quarter's year is the one its fiscal year ends in, whatever year its closing date has
    (
        "截至2025年10月26日止第三財季，英偉達收入",
        "截至2025年10月26日止第三財季",
        Period(2026, "Q3", fiscal=True),
    ),
    ("截至2025年9月27日止第四财季，苹果营收", "截至2025年9月27日止第四财季", Period(2025, "Q4", fiscal=True)),
    ("截至2025年9月30日止第一财季，微软营收", "截至2025年9月30日止第一财季", Period(2026, "Q1", fiscal=True)),
    ("截至2025年9月30日止季度，騰訊收入", "截至2025年9月30日止季度", Period(2025, "Q3")),
    ("截至2025年9月30日止季度，腾讯收入", "截至2025年9月30日止季度", Period(2025, "Q3")),
    ("截至2025年12月31日止年度的收入", "截至2025年12月31日止年度", Period(2025, None)),
    # a year that ends in another month than December is a fiscal year
    ("截至2025年6月30日止年度，股東應佔溢利", "截至2025年6月30日止年度", Period(2025, None, fiscal=True)),
    ("截至2025年3月31日止年度的收入", "截至2025年3月31日止年度", Period(2025, None, fiscal=True)),
    # a year to a month, without its day, is the fiscal year ending then
    ("本田將截至2026年3月的全年營業利潤預期下調", "截至2026年3月的全年", Period(2026, None, fiscal=True)),
    ("本田将截至2026年3月的全年营业利润预期下调", "截至2026年3月的全年", Period(2026, None, fiscal=True)),
    ("截至2026年3月底的财年营收", "截至2026年3月底的财年", Period(2026, None, fiscal=True)),
    ("截至9月底的三个月营收", "截至9月底的三个月", Period(None, "Q3")),
    # twelve months to another month than December are trailing months, no fiscal year
    ("截至2025年9月30日止十二個月，活躍用戶數", "截至2025年9月30日止十二個月", Period(2025, "span")),
    ("截至2025年9月30日止十二个月，活跃用户数", "截至2025年9月30日止十二个月", Period(2025, "span")),
    ("截至2025年12月31日止十二个月的收入", "截至2025年12月31日止十二个月", Period(2025, None)),
    ("截至2025年6月30日止六個月，收入增長", "截至2025年6月30日止六個月", Period(2025, "H1")),
    ("截至2025年12月31日止六个月，收入增长", "截至2025年12月31日止六个月", Period(2025, "H2")),
    # six months to September, nine to December: runs of months the contract has no period for
    ("截至2025年9月30日止六個月，營業額下跌", "截至2025年9月30日止六個月", Period(2025, "span")),
    ("截至2025年9月30日止六個月中期業績", "截至2025年9月30日止六個月中期", Period(2025, "span")),
    ("截至2025年6月30日止六个月中期业绩", "截至2025年6月30日止六个月中期", Period(2025, "H1")),
    ("截至2025年12月31日止九个月，营收增长", "截至2025年12月31日止九个月", Period(2025, "span")),
    ("截至2025年9月30日止九个月，收入增长", "截至2025年9月30日止九个月", Period(2025, "9M")),
    ("截至2025年12月31日止三個月，收入增長", "截至2025年12月31日止三個月", Period(2025, "Q4")),
    ("比亞迪2025年1-9月銷量", "2025年1-9月", Period(2025, "9M")),
    ("比亚迪1至6月销量", "1至6月", Period(None, "H1")),
    ("寧德時代2024年度營收", "2024年度", Period(2024, None)),
    ("公司1H25營收", "1H25", Period(2025, "H1")),
    ("英偉達公佈了截至12月31日的2025年第四季度財報", "截至12月31日的2025年第四季度", Period(2025, "Q4")),
    ("英伟达公布了截至12月31日的2025年第四季度财报", "截至12月31日的2025年第四季度", Period(2025, "Q4")),
    ("鴻海2025年10月營收", "2025年10月", Period(2025, "10")),
    ("2026年1月宣布裁員", "2026年1月", Period(2026, "01")),
    ("截至12月31日，現金儲備", "12月31日", Period(None, "12-31")),
    ("截至2月9日收盤，英特爾股價", "2月9日", Period(None, "02-09")),
    ("AWS於2025年12月3日推出新晶片", "2025年12月3日", Period(2025, "12-03")),
    ("2021年7月，公司宣布", "2021年7月", Period(2021, "07")),
    ("二〇二五年營收", "二〇二五年", Period(2025, None)),
    ("同期，Meta淨利潤", "同期", Period(relative=R.SAME_PERIOD)),
    ("騰訊股價當日收報648港元", "當日", Period(relative=R.SAME_DAY)),
    ("小米股价当天收报42.1港元", "当天", Period(relative=R.SAME_DAY)),
    ("台積電8日收在1,395元", "8日", Period(day=8)),
    ("2025-10-30 16:05 财联社电", "2025-10-30", Period(2025, "10-30")),
    ("蘋果預估12月季度營收成長10%", "12月季度", Period(None, "Q4", calendar=True)),
    ("苹果3月季度营收", "3月季度", Period(None, "Q1", calendar=True)),
    ("蘋果預期12月當季營收將年增10%至12%", "12月當季", Period(None, "Q4", calendar=True)),
    ("苹果预期12月当季营收将同比增长10%至12%", "12月当季", Period(None, "Q4", calendar=True)),
    ("發布時間：2025/11/13", "2025/11/13", Period(2025, "11-13")),
    ("鴻海累計前10月營收6兆9,102億元", "前10月", Period(None, "span")),
    ("比亚迪1-10月累计销量370万辆", "1-10月", Period(None, "span")),
    ("公司前6个月净利润增长", "前6个月", Period(None, "H1")),
    ("丰田股价5日收盘上涨2.1%", "5日", Period(day=5)),
    ("美光17日盤後股價大漲", "17日", Period(day=17)),
    ("同年，公司發佈新產品", "同年", Period(relative=R.SAME_YEAR)),
    ("成為本季度財報最大亮點", "本季度", Period(relative=R.THIS_QUARTER)),
    ("當季營收創新高", "當季", Period(relative=R.THIS_QUARTER)),
    ("当季营收创新高", "当季", Period(relative=R.THIS_QUARTER)),
    ("較上年同期增長", "上年同期", Period(relative=R.PRIOR_YEAR_PERIOD)),
    ("与去年同期相比", "去年同期", Period(relative=R.PRIOR_YEAR_PERIOD)),
    ("去年營收為100億元", "去年", Period(relative=R.LAST_YEAR)),
    ("今年资本开支", "今年", Period(relative=R.THIS_YEAR)),
    ("明年營收預計", "明年", Period(relative=R.NEXT_YEAR)),
    ("較上一季度下滑", "上一季度", Period(relative=R.LAST_QUARTER)),
    ("较上季增长", "上季", Period(relative=R.LAST_QUARTER)),
    ("去年第四季度營收", "去年第四季度", Period(None, "Q4", relative=R.LAST_YEAR)),
    ("今年上半年营收", "今年上半年", Period(None, "H1", relative=R.THIS_YEAR)),
]


@pytest.mark.parametrize(("sentence", "surface", "period"), PERIODS)
def test_period(sentence: str, surface: str, period: Period) -> None:
    assert only(sentence, T, surface).period == period


def test_two_months_are_two_periods() -> None:
    found = mentions_of("2025年10月和2026年1月，公司兩次裁員", T)
    assert [(surface, mention.period) for surface, mention in found] == [
        ("2025年10月", Period(2025, "10")),
        ("2026年1月", Period(2026, "01")),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "營收增速創下13個季度以來新高",
        "创下六年来最慘跌幅",
        "年化收入運行率",
        "營收2025億元",
        "H100晶片",
        "公司的中期目标是营收翻倍",  # 中期 elsewhere is the medium term
        "發行中期票據50億元",
        "中长期来看需求稳健",
    ],
)
def test_no_period(sentence: str) -> None:
    assert mentions_of(sentence, T) == []


@pytest.mark.parametrize(
    ("period", "year", "label"),
    [
        (Period(2025, "Q4"), None, "2025-Q4"),
        (Period(None, "02-09"), 2026, "2026-02-09"),
        (Period(2026, "Q3", fiscal=True), None, "FY2026-Q3"),
        (Period(None, None), None, None),
    ],
)
def test_label(period: Period, year: int | None, label: str | None) -> None:
    assert period.label(year) == label


# A month may start on a digit that continues a number; no other period does (see `digit_guard`).
# sentence, surface, period
MONTHS_INSIDE_NUMBERS = [
    ("訂單編號2025112月到貨", "12月", Period(None, "12")),
    ("订单编号2025112月到货", "12月", Period(None, "12")),
    ("營收12341-3月累計", "1-3月", Period(None, "Q1")),
    ("营收12341-3月累计", "1-3月", Period(None, "Q1")),
    ("編號202512月季度營收", "12月季度", Period(None, "Q4", calendar=True)),
    ("编号202512月季度营收", "12月季度", Period(None, "Q4", calendar=True)),
]


@pytest.mark.parametrize(("sentence", "surface", "period"), MONTHS_INSIDE_NUMBERS)
def test_a_month_inside_a_number(sentence: str, surface: str, period: Period) -> None:
    assert [(text, mention.period) for text, mention in mentions_of(sentence, T)] == [(surface, period)]


@pytest.mark.parametrize(
    ("sentence", "surfaces"),
    [
        ("台積電2134億元營收中，12月佔三成", ["12月"]),
        ("台积电2134亿元营收中，12月占三成", ["12月"]),
        ("2025年營收為1,395.8億美元，2026年3月公佈", ["2025年", "2026年3月"]),
        ("2025年营收为1,395.8亿美元，2026年3月公布", ["2025年", "2026年3月"]),
    ],
)
def test_the_digits_of_an_amount_start_no_period(sentence: str, surfaces: list[str]) -> None:
    assert [text for text, _ in mentions_of(sentence, T)] == surfaces


PERIOD_FRAGMENTS = [
    *"0123456789 ,.-/~至到年月日号季度第前个QqHFY财上半亿元",
    "季度",
    "财年",
    "财季",
    "会计年度",
]
PERIOD_FRAGMENTS += ["截至", "止", "份", "2025", "2026", "10", "30", "去年", "同期", "全年", "首", "上涨"]
PERIOD_FRAGMENTS += ["中期", "股息", "目标"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PERIOD_FRAGMENTS), max_size=60))
@example(["于", "2025", ".", "10", ".", "30"])
@example(["于", "2025", "/", "10", "/", "30"])
@example(["增长", "1", ".", "5", "亿"])
@example(["10", "/", "30"])
@example(["美光", "4", "Q", "2", "5"])
@example(["2025", " ", "Q", "4"])
@example(["2026", "会计年度"])
def test_the_scan_guards_find_what_the_bare_pattern_finds(fragments: list[str]) -> None:
    """The lookaheads before the period pattern (first characters, a digit inside a number) only skip
    positions where it cannot match."""
    text = "".join(fragments)
    bare = re.compile(period_pattern())
    assert [(m.start, m.end) for m in find_periods(text)] == [m.span() for m in bare.finditer(text)]


# One sentence per shape of period match, each read by the group that closes last in it (`_period_from`).
SHAPES = [
    ("騰訊首季營收增長", "首季", Period(None, "Q1")),
    ("腾讯首季营收增长", "首季", Period(None, "Q1")),
    ("比亞迪2025年下半年銷量", "2025年下半年", Period(2025, "H2")),
    ("比亚迪2025年下半年销量", "2025年下半年", Period(2025, "H2")),
    ("匯豐2025年中期股息", "2025年中期", Period(2025, "H1")),
    ("汇丰中期派息", "中期", Period(None, "H1")),
    ("公司2025年H2營收", "2025年H2", Period(2025, "H2")),
    ("公司2025年H2营收", "2025年H2", Period(2025, "H2")),
    ("美光2H25營收", "2H25", Period(2025, "H2")),
    ("美光2H25营收", "2H25", Period(2025, "H2")),
    ("公司2025年Q2營收", "2025年Q2", Period(2025, "Q2")),
    ("公司第2季营收", "第2季", Period(None, "Q2")),
    ("公司三季度營收", "三季度", Period(None, "Q3")),
    ("鴻海前9個月營收", "前9個月", Period(None, "9M")),
    ("鸿海前9个月营收", "前9个月", Period(None, "9M")),
    ("比亞迪10-12月銷量", "10-12月", Period(None, "Q4")),
    ("比亚迪7至12月销量", "7至12月", Period(None, "H2")),
    ("蘋果9月季度營收", "9月季度", Period(None, "Q3", calendar=True)),
    ("苹果6月季度营收", "6月季度", Period(None, "Q2", calendar=True)),
    ("公司2025年10月營收", "2025年10月", Period(2025, "10")),
    ("公司十月营收", "十月", Period(None, "10")),
    ("公司2025年3月5日公布財報", "2025年3月5日", Period(2025, "03-05")),
    ("公司三月五日公布财报", "三月五日", Period(None, "03-05")),
    ("騰訊2025年全年營收", "2025年全年", Period(2025, None)),
    ("腾讯2025财年营收", "2025财年", Period(2025, None, fiscal=True)),
    ("騰訊2024年營收", "2024年", Period(2024, None)),
    ("微软FY26营收", "FY26", Period(2026, None, fiscal=True)),
]


@pytest.mark.parametrize(("sentence", "surface", "period"), SHAPES)
def test_each_shape_of_period(sentence: str, surface: str, period: Period) -> None:
    assert only(sentence, T, surface).period == period
