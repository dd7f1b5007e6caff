"""The unknown-name rules tried only where their words occur: the same names as a scan of every character."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.entities import EntityFinder
from extractor.entities.matcher import WordStarts
from extractor.entities.unknown import Taken, matches_at, matches_before, unknown_name_rules
from extractor.models import EntityType
from extractor.normalize import is_han, normalize

FINDER = EntityFinder()
RULES = unknown_name_rules()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3奈米製程出貨占晶圓銷售金額的23%，5奈米占37%", [("3奈米製程", "3nm"), ("5奈米", "5nm")]),
        ("3纳米制程出货占晶圆销售金额的23%，5纳米占37%", [("3纳米制程", "3nm"), ("5纳米", "5nm")]),
        ("公司的2nm工艺将于明年量产，1.6纳米节点随后", [("2nm工艺", "2nm"), ("1.6纳米节点", "1.6nm")]),
        # a length that is part of a longer number is none
        ("公司研发的12.35纳米颗粒", []),
    ],
)
def test_a_process_node_is_a_segment(text: str, expected: list[tuple[str, str]]) -> None:
    found = [e for e in FINDER.entities(normalize(text).text) if e.type is EntityType.SEGMENT and e.canonical]
    assert [(text[e.start : e.end], e.canonical) for e in found if e.canonical.endswith("nm")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("高级副总裁张伟表示，公司营收增长。", [("张伟", EntityType.PERSON)]),
        ("高級副總裁張偉表示，公司營收增長。", [("張偉", EntityType.PERSON)]),
        ("董事长兼总裁王强说，晨光能源(02345)与玛丽·安德森会面。", [
            ("王强", EntityType.PERSON), ("晨光能源", EntityType.COMPANY), ("玛丽·安德森", EntityType.PERSON)
        ]),
        ("董事長兼總裁王強說，晨光能源(02345)與瑪麗·安德森會面。", [
            ("王強", EntityType.PERSON), ("晨光能源", EntityType.COMPANY), ("瑪麗·安德森", EntityType.PERSON)
        ]),
        ("蔚蓝科技股份有限公司营收增长10%，星河半导体（688999）净利润下降。", [
            ("蔚蓝科技股份有限公司", EntityType.COMPANY), ("星河半导体", EntityType.COMPANY)
        ]),
        ("蔚藍科技股份有限公司營收增長10%，星河半導體（688999）淨利潤下降。", [
            ("蔚藍科技股份有限公司", EntityType.COMPANY), ("星河半導體", EntityType.COMPANY)
        ]),
        # an abbreviation of the trade in brackets is no stock code
        ("其中極紫外光（EUV）設備訂單為36億歐元，星河半導體（688999）營收增長。", [
            ("星河半導體", EntityType.COMPANY)
        ]),
        ("其中极紫外光（EUV）设备订单为36亿欧元，星河半导体（688999）营收增长。", [
            ("星河半导体", EntityType.COMPANY)
        ]),
        # a suffix right after a registry company's name writes that company in full: no other name;
        # after a place it ends a name of its own
        ("腾讯音乐娱乐集团公布第三季度业绩。", [("腾讯音乐", EntityType.COMPANY)]),
        ("騰訊音樂娛樂集團公布第三季業績。", [("騰訊音樂", EntityType.COMPANY)]),
        ("深圳星河科技公布第三季度业绩。", [("深圳", EntityType.PLACE), ("星河科技", EntityType.COMPANY)]),
    ],
)  # fmt: skip
def test_names_after_overlapping_cues_and_suffixes(text: str, expected: list[tuple[str, EntityType]]) -> None:
    found = FINDER.entities(normalize(text).text)
    assert [(text[e.start : e.end], e.type) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "星河股份有限公司的副总裁表示",
            [[9, 10], [2, 4], [], [], []],
        ),  # 有限公司 in 股份有限公司, 总裁 in 副总裁
        ("星河股份有限公司的副總裁表示", [[], [2, 4], [], [], []]),  # the scan reads normalized text only
        ("首席执行官安迪·杰西", [[0], [], [], [7], []]),
        ("晨光能源(02345)与星河（688999）", [[], [], [4, 14], [], []]),
        ("营收增长10%", [[], [], [], [], []]),
        ("星河股份10月30日公布三季报", [[], [], [], [], [10]]),
    ],
)
def test_word_starts_include_overlapping_words(text: str, starts: list[list[int]]) -> None:
    assert RULES.triggers.find(text) == starts


def test_word_starts_of_a_word_in_two_groups() -> None:
    assert WordStarts([["科技"], ["科技", "集团"]]).find("蔚蓝科技集团") == [[2], [2, 4]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("首席执行官安迪·杰西表示", [(5, 10)]),
        ("執行長安迪·傑西與瑪麗·安德森會面", [(3, 8), (9, 15)]),
        ("执行长安迪·杰西与玛丽·安德森会面", [(3, 8), (9, 15)]),
        ("評論員·觀點", []),  # 评论员 is no transliteration: the run before the dot is empty
        ("克里斯托弗·诺兰·史密斯说", [(0, 12)]),  # one name over two dots
        ("阿比巴拜班邦鲍·贝本说", [(1, 10)]),  # a part holds at most six characters
        ("年報·安迪·傑西", [(3, 8)]),  # the first dot starts nothing, the second does
    ],
)
def test_transliterated_names_are_tried_once_per_dot(text: str, names: list[tuple[int, int]]) -> None:
    normalized = normalize(text).text
    dots = RULES.triggers.find(normalized)[3]
    reach = RULES.transliterated_reach
    found = matches_before(RULES.transliterated, normalized, dots, RULES.transliteration_chars, reach)
    assert [match.span() for match in found] == names


@pytest.mark.parametrize(
    ("char", "han"),
    [
        ("营", True), ("營", True), ("\u9fff", True),  # CJK Unified Ideographs, told by range
        ("㐀", True), ("𠀀", True), ("々", True), ("〇", True), ("⺀", True),  # Han elsewhere, told by regex
        ("\u4dff", False), ("ア", False), ("A", False), ("，", False), ("·", False),
    ],
)  # fmt: skip
def test_is_han_agrees_with_the_unicode_script(char: str, han: bool) -> None:
    assert is_han(char) is han


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("据悉，蔚蓝星河科技集团营收增长。", [(3, 11)]),
        ("據悉，蔚藍星河科技集團營收增長。", [(3, 11)]),
        ("这家公司与晨光新材料科技合作", [(5, 12)]),  # 与 breaks the name
        ("這家公司與晨光新材料科技合作", [(5, 12)]),
        ("2025年星河科技营收", [(5, 9)]),  # 年 breaks the name
        ("アリ星河科技营收", [(2, 6)]),  # a name holds Han characters only
        ("㐀星科技营收增长", [(0, 4)]),  # Han outside the common block
        ("𠀀星科技營收增長", [(0, 4)]),
        ("全球最大的云端平台科技", []),
        # a suffix right after a registry company writes that company in full (亚马逊...科技), no name
        ("亚马逊星河科技营收增长", [(0, 3)]),
        ("亞馬遜星河科技營收增長", [(0, 3)]),
        ("营收与云科技集团", []),  # one Han character is too short for a name
        ("營收與雲科技集團", []),  # 云端平台 ends like a description
    ],
)
def test_company_name_runs_back_over_han_characters(text: str, names: list[tuple[int, int]]) -> None:
    found = FINDER.entities(normalize(text).text)
    assert [(e.start, e.end) for e in found] == names
    assert all(e.type is EntityType.COMPANY for e in found)


FRAGMENTS = st.sampled_from(
    ["副总裁", "高级副总裁", "总裁", "兼", "首席执行官", "CEO", " ", "张伟", "李明", "表示", "说",
     "股份有限公司", "有限公司", "集团", "科技", "公司", "股", "星河", "蔚蓝", "的", "，",
     "安迪", "·", "杰西", "玛丽", "安德森", "亚历山德罗", "维奇", "丁", "（688999）", "(2025)", "(02345)",
     "(ABCD-US)", "(", "营收", "增长"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=20).map("".join))
def test_rules_tried_at_their_words_find_what_a_full_scan_finds(text: str) -> None:
    cues, suffixes, brackets, dots, _ = RULES.triggers.find(text)
    assert [m.span() for m in matches_at(RULES.role_named, text, cues)] == [
        m.span() for m in RULES.role_named.finditer(text)
    ]
    assert [m.span() for m in matches_at(RULES.suffixes, text, suffixes)] == [
        m.span() for m in RULES.suffixes.finditer(text)
    ]
    assert [m.span() for m in matches_at(RULES.ticker, text, brackets)] == [
        m.span() for m in RULES.ticker.finditer(text)
    ]
    reach = RULES.transliterated_reach
    found = matches_before(RULES.transliterated, text, dots, RULES.transliteration_chars, reach)
    assert [m.span() for m in found] == [m.span() for m in RULES.transliterated.finditer(text)]


SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)).map(lambda s: (s[0], s[0] + s[1])))


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


class _Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


@settings(max_examples=300, deadline=None)
@given(SPANS, SPANS, SPANS, st.integers(0, 36), st.integers(1, 8))
def test_taken_agrees_with_a_mask_of_characters(
    first: list[tuple[int, int]],
    second: list[tuple[int, int]],
    found: list[tuple[int, int]],
    start: int,
    size: int,
) -> None:
    first, second = _disjoint(first), _disjoint(second)
    taken = Taken([_Span(*s) for s in first], [_Span(*s) for s in second])
    mask = [False] * 50
    for a, b in first + second:
        mask[a:b] = [True] * (b - a)
    for a, b in _disjoint(found):
        if not any(mask[a:b]):
            taken.take(a, b)
            mask[a:b] = [True] * (b - a)
    end = start + size
    assert taken.overlaps(start, end) == any(mask[start:end])
    held = [position for position in range(start, end) if mask[position]]
    assert taken.last_before(start, end) == (held[-1] if held else -1)
