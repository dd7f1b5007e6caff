"""Script detection, width folding and the offset map back to the original text."""

from __future__ import annotations

from array import array
from itertools import chain

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import normalize as normalize_module
from extractor.models import Script
from extractor.normalize import (
    _changed_characters,
    _changed_in_context,
    _marked,
    _simplified_only,
    converter,
    detect_script,
    fold_width,
    normal_form,
    normalize,
)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("亞馬遜第四季度營收2134億美元，同比增長14%。", Script.TRADITIONAL),
        ("台積電10月營收新台幣3,675億元，年增16.9%。", Script.TRADITIONAL),
        ("亚马逊第四季度营收2134亿美元，同比增长14%。", Script.SIMPLIFIED),
        ("腾讯控股第三季度收入1928.7亿元，按年增长15%。", Script.SIMPLIFIED),
        ("騰訊第三季度收入1928.7亿元，同比增长15%，淨利潤按年增長。", Script.MIXED),
        ("Amazon reported Q4 revenue of $213.4 billion.", Script.NONE),
        ("", Script.NONE),
        ("公司2025年收入100美元", Script.SIMPLIFIED),
        # no character of it is one both standards would change: Traditional
        ("鴻海表示，伺服器出貨量按年增長。", Script.TRADITIONAL),
        # the Taiwan standard writes 臺 for 台, the Hong Kong one does not: not Simplified-only
        ("台積電表示，面板出貨量年增5%。", Script.TRADITIONAL),
        ("里程表显示，公司发布财报后股价上涨。", Script.SIMPLIFIED),
        # one Traditional character among many Simplified-only ones is noise
        (
            "腾讯第三季度收入1928.7亿元，同比增长15%，净利润按年增长，国际市场游戏收入增长较快，"
            "广告业务收入也实现增长，整体經营稳健。",
            Script.SIMPLIFIED,
        ),
        ("ＡＷＳ營收１２５億美元", Script.TRADITIONAL),
        # 宣布, 公布 are how Taiwan writes them: only a phrase rule (宣佈) changes the 布, never counted
        ("鴻海宣布第三季營收年增11%。", Script.TRADITIONAL),
        ("騰訊公布第三季業績，收入按年增長15%。", Script.TRADITIONAL),
        # 里 alone is changed by both standards, but kept in the name 阿里巴巴
        ("阿里巴巴第三季營收按年增長5%。", Script.TRADITIONAL),
        ("阿里巴巴第三季营收按年增长5%。", Script.SIMPLIFIED),
        ("台積電公布第三季財報，晶片出貨量增長；公司表示，后续发展稳健。", Script.MIXED),
        ("周𫖮出任董事长。", Script.SIMPLIFIED),  # a Simplified character of the ideographic planes
    ],
)
def test_detect_script(text: str, script: Script) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("營收２１３４億美元，增長１４％", "營收2134億美元，增長14%"),
        ("ＥＰＳ為１．９５美元", "EPS為1.95美元"),
        ("安迪・傑西", "安迪·傑西"),
        ("１，２", "1，2"),
        ("營收2134億美元，增長14%", "營收2134億美元，增長14%"),
        ("营收\ud800增长14%", "营收\ufffd增长14%"),  # a lone surrogate: no encoder takes it
        ("", ""),
    ],
)
def test_fold_width(text: str, folded: str) -> None:
    assert fold_width(text) == folded


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("亞馬遜實現營收2134億美元，同比增長14%。", "亚马逊实现营收2134亿美元，同比增长14%。"),
        ("雲端運算業務營業利潤１２５億美元", "云端运算业务营业利润125亿美元"),
        ("台積電淨利潤年增３９.１％", "台积电净利润年增39.1%"),
        ("亚马逊营收2134亿美元", "亚马逊营收2134亿美元"),
    ],
)
def test_normalize_to_simplified(text: str, normalized: str) -> None:
    result = normalize(text)
    assert result.text == normalized
    assert result.offsets.is_identity


def test_phrase_conversion_maps_to_the_original_phrase() -> None:
    original = "亞馬遜的晶片業務與輝達競爭，首席執行長表示營收增長。"
    result = normalize(original, config="tw2sp")
    assert "芯片" in result.text and "英伟达" in result.text
    start = result.text.index("英伟达")
    assert result.original_slice(start, start + 3) == "輝達"
    start = result.text.index("营收")
    assert result.original_slice(start, start + 2) == "營收"
    assert result.original_slice(0, len(result.text)) == original


_PIECES = st.sampled_from(
    [
        "亞馬遜",
        "营收",
        "雲端運算",
        "晶片",
        "資料",
        "輝達",
        "首席執行長",
        "演算法",
        "軟體",
        "記憶體",
        "同比增長",
        "2134",
        "億美元",
        "１４％",
        "ＡＷＳ",
        "，",
        "。",
        "\n",
        " ",
        "😀",
        "👍🏽",
        "Azure",
        "按年增长",
        "港元",
        "新台幣",
        "·",
        "・",
        "ｅｐｓ",
    ]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, config=st.sampled_from(["t2s", "tw2sp", "hk2s", "tw2s"]))
def test_every_normalized_span_maps_back_monotonically(text: str, config: str) -> None:
    result = normalize(text, config=config)
    length = len(result.text)
    previous = (0, 0)
    for index in range(length):
        start, end = result.original_span(index, index + 1)
        assert 0 <= start <= end <= len(text)
        assert start >= previous[0] and end >= previous[1]
        previous = (start, end)
    if length:
        begin, finish = result.original_span(0, length)
        folded = fold_width(text)  # a NUL is blanked, and a blank beside Han is dropped
        assert folded[:begin].strip(" ") == "" and folded[finish:].strip(" ") == ""
    for start in range(0, length + 1, 3):
        for end in range(start, min(length, start + 6) + 1):
            begin, finish = result.original_span(start, end)
            assert result.original[begin:finish] == text[begin:finish]
            assert begin <= finish


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS)
def test_default_conversion_keeps_every_character_but_spaces_beside_han(text: str) -> None:
    result = normalize(text)
    positions = [result.original_span(index, index + 1) for index in range(len(result.text))]
    assert all(end == start + 1 for start, end in positions)
    kept = {start for start, _ in positions}
    dropped = [index for index in range(len(text)) if index not in kept]
    assert all(fold_width(text)[index] == " " for index in dropped)
    assert len(result.text) + len(dropped) == len(text)


@pytest.mark.parametrize(
    ("text", "normalized", "span", "original"),
    [
        ("營收達 1,025 億美元，年增 8%", "营收达1,025亿美元，年增8%", "1,025亿美元", "1,025 億美元"),
        ("蘋果 2025 會計年度第 4 季財報", "苹果2025会计年度第4季财报", "第4季", "第 4 季"),
        ("亞馬遜 Trainium 3 晶片", "亚马逊Trainium 3晶片", "Trainium 3", "Trainium 3"),
        ("Synergy Research Group 資料", "Synergy Research Group资料", "Research Group", "Research Group"),
        # runs of spaces
        ("台積電  9 月營收  3,310 億元", "台积电9月营收3,310亿元", "3,310亿元", "3,310 億元"),
        ("腾讯 Q3 收入 1928.7 亿元", "腾讯Q3收入1928.7亿元", "Q3收入", "Q3 收入"),
    ],
)
def test_spaces_beside_han_are_typesetting_and_the_span_keeps_them(
    text: str, normalized: str, span: str, original: str
) -> None:
    result = normalize(text)
    assert result.text == normalized
    start = result.text.index(span)
    assert result.original_slice(start, start + len(span)) == original


_TYPESET = " 營收達 1,025 億美元，年增 8% "


@pytest.mark.parametrize(
    ("span", "original"),
    [
        ((0, 0), (1, 1)),
        ((0, 3), (1, 4)),
        ((3, 8), (5, 10)),
        ((3, 11), (5, 14)),
        ((12, 16), (15, 20)),
        ((16, 17), (20, 21)),
        ((17, 17), (21, 21)),
    ],
)
def test_a_span_maps_across_dropped_blanks_exactly(span: tuple[int, int], original: tuple[int, int]) -> None:
    result = normalize(_TYPESET)
    assert result.text == "营收达1,025亿美元，年增8% "
    assert result.original_span(*span) == original


@pytest.mark.parametrize("span", [(-1, 2), (3, 2), (0, 18)])
def test_a_span_outside_the_normalized_text_is_an_error(span: tuple[int, int]) -> None:
    with pytest.raises(IndexError, match="outside the normalized text of length 17"):
        normalize(_TYPESET).original_span(*span)


@pytest.mark.parametrize(
    ("text", "surfaces", "originals"),
    [
        ("營收達 1,025 億美元，年增 8%", ["营收", "1,025亿美元", "8%"], ["營收", "1,025 億美元", "8%"]),
        ("营收达 1,025 亿美元，同比增长 8%", ["1,025亿美元", "增长8%"], ["1,025 亿美元", "增长 8%"]),
        ("騰訊 Q3 收入 1928.7 億元", ["腾讯Q3", "收入1928.7亿元"], ["騰訊 Q3", "收入 1928.7 億元"]),
        ("腾讯第三季度收入1928.7亿元", ["腾讯", "1928.7亿元"], ["腾讯", "1928.7亿元"]),
        ("台積電 9 月營收 3,310 億元", [], []),
    ],
)
def test_many_spans_map_back_in_one_call(text: str, surfaces: list[str], originals: list[str]) -> None:
    result = normalize(text)
    spans = [(result.text.index(surface), result.text.index(surface) + len(surface)) for surface in surfaces]
    assert [text[start:end] for start, end in result.original_spans(spans)] == originals


def test_many_spans_at_the_end_and_empty_map_like_one() -> None:
    result = normalize(_TYPESET)
    assert result.original_spans([(17, 17), (3, 3), (16, 17), (0, 3)]) == [(21, 21), (5, 5), (20, 21), (1, 4)]


@pytest.mark.parametrize("span", [(-1, 2), (3, 2), (0, 18)])
def test_many_spans_with_one_outside_the_normalized_text_is_an_error(span: tuple[int, int]) -> None:
    with pytest.raises(IndexError, match="outside the normalized text of length 17"):
        normalize(_TYPESET).original_spans([(0, 3), span])


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS, config=st.sampled_from(["t2s", "tw2sp"]), data=st.data())
def test_many_spans_map_as_each_does_alone(text: str, config: str, data: st.DataObject) -> None:
    result = normalize(text, config=config)
    bound = st.integers(0, len(result.text))
    spans = [(min(a, b), max(a, b)) for a, b in data.draw(st.lists(st.tuples(bound, bound), max_size=12))]
    assert result.original_spans(spans) == [result.original_span(start, end) for start, end in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("營收１０２５億美元", "营收1025亿美元"),
        ("营收1025亿美元", "营收1025亿美元"),
        ("年增１４％", "年增14%"),
        ("Ｑ４淨利", "Q4净利"),
    ],
)
def test_normal_form_folds_and_simplifies_without_a_map(text: str, expected: str) -> None:
    assert normal_form(text) == expected
    assert normal_form(text) == normalize(text).text


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        ("亞馬遜第四季度營收2134億美元", "亚马逊第四季度营收2134亿美元", 5),
        ("亚马逊第四季度营收2134亿美元", "亚马逊第四季度营收2134亿美元", 0),
        ("騰訊淨利潤按年增長", "腾讯净利润按年增长", 5),
        ("营收𠮷野家", "營收𠮶野家", 2),  # a character of the ideographic planes against another one
        ("\U0010ffff元", "\U000fffff元", 1),  # the highest bit a code point has
        ("\x01营收", "\x00营收", 1),  # the lowest one
        ("晶片", "芯片", 1),
        ("云端运算", "云计算", 2),  # lengths differ: the characters of one not matched in the other
    ],
)
def test_changed_characters_counts_every_position_where_two_texts_differ(
    before: str, after: str, changed: int
) -> None:
    assert _changed_characters(before, after) == changed


_CHARACTERS = st.characters(exclude_categories=["Cs"])  # a lone surrogate is no text OpenCC reads


@settings(max_examples=300, deadline=None)
@given(pairs=st.lists(st.tuples(_CHARACTERS, _CHARACTERS), max_size=40))
def test_changed_characters_of_equal_lengths_is_the_count_of_differing_positions(
    pairs: list[tuple[str, str]],
) -> None:
    before, after = "".join(a for a, _ in pairs), "".join(b for _, b in pairs)
    assert _changed_characters(before, after) == sum(a != b for a, b in pairs)


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("聯發科公布12月營收。營收年增7%，里程碑。", "里"),
        (
            "台積電公布第三季財報！晶片出貨量增長；公司表示，后续发展稳健。",
            "后续发稳",
        ),  # not 台: 台 in Hong Kong
        ("阿里巴巴第三季營收按年增長5%。\n阿里雲收入增長", "里里"),
        ("周𫖮出任董事长。", "𫖮长"),
        ("營收𠮷野家", ""),  # a character of the ideographic planes neither standard changes
        ("騰訊淨利潤按年增長", ""),
    ],
)
def test_characters_both_standards_change_alone_are_marked(text: str, marked: str) -> None:
    assert "".join(text[i] for i in _marked(text)) == marked


@pytest.mark.parametrize(
    ("text", "configs", "changed"),
    [
        ("聯發科公布12月營收。營收年增7%，里程碑。", ("s2tw",), 0),  # 里程碑 keeps its 里
        ("台積電公布第三季財報！晶片出貨量增長；公司表示，后续发展稳健。", ("s2tw", "s2hk"), 4),
        ("阿里巴巴第三季营收按年增长5%。", ("s2hk",), 2),  # 营 and 长, not the 里 of 阿里巴巴
        ("阿里巴巴第三季營收按年增長5%。\n阿里雲收入增長", ("s2tw",), 0),
        ("阿里巴巴U盘出货量", ("s2tw",), 2),
        (
            "阿里巴巴U盘出货量",
            ("s2twp",),
            3,
        ),  # U盘 → 隨身碟: the sentence no longer aligns, every mark counts
        ("周𫖮出任董事长。", ("s2tw", "s2hk"), 2),
    ],
)
def test_marked_characters_count_where_every_standard_changes_them_in_their_sentence(
    text: str, configs: tuple[str, ...], changed: int
) -> None:
    assert _changed_in_context(text, _marked(text), configs) == changed


@pytest.mark.parametrize(
    ("text", "script", "converted"),
    [
        ("鴻海表示，伺服器出貨量按年增長。", Script.TRADITIONAL, []),  # nothing marked
        # 准 against 21 Traditional characters: too few to matter even were it Simplified-only in context
        (
            "台積電表示，第三季營收與淨利潤雙雙創歷史新高，先進製程營收佔比達到七成，董事會核准資本預算與員工獎金。",
            Script.TRADITIONAL,
            [],
        ),
        ("台積電表示，面板出貨量年增5%。", Script.TRADITIONAL, []),  # 台 is no mark: Hong Kong keeps it
        ("台積電公布第三季財報！晶片出貨量增長；公司表示，后续发展稳健。", Script.MIXED, ["s2tw", "s2hk"]),
        ("騰訊第三季度收入1928.7亿元，同比增长15%，淨利潤按年增長。", Script.MIXED, ["s2tw", "s2hk"]),
        (
            "阿里巴巴第三季營收按年增長5%。阿里雲收入增長。",
            Script.TRADITIONAL,
            ["s2tw", "s2hk", "s2tw", "s2hk"],
        ),
        ("亚马逊第四季度营收2134亿美元", Script.SIMPLIFIED, []),
    ],
)
def test_only_the_sentences_whose_marks_can_decide_are_converted(
    text: str, script: Script, converted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _simplified_only()
    real = normalize_module.converter
    conversions: list[str] = []

    class Counting:
        """An OpenCC converter that notes its configuration at every conversion."""

        def __init__(self, config: str = "t2s") -> None:
            self.config = config

        def convert(self, text: str) -> str:
            conversions.append(self.config)
            return str(real(self.config).convert(text))

    simplified = normal_form(text)
    monkeypatch.setattr(normalize_module, "converter", Counting)
    assert normalize_module._script_of(text, simplified) == script
    assert conversions == converted


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("亞馬遜營收\udc80為2134億美元", "亚马逊营收\ufffd为2134亿美元"),
        ("腾讯收入\ud83d为1928亿元", "腾讯收入\ufffd为1928亿元"),
    ],
)
def test_normalize_reads_a_lone_surrogate_as_a_replacement_character(text: str, normalized: str) -> None:
    result = normalize(text)
    assert result.text == normalized
    assert result.original_slice(0, len(normalized)) == text


def _changed_alone(config: str, characters: str) -> str:
    """The `characters` the OpenCC `config` changes, each converted alone: one per line, as no OpenCC
    phrase holds a line break."""
    converted = converter(config).convert("\n".join(characters)).split("\n")
    return "".join(before for before, after in zip(characters, converted, strict=True) if after != before)


def test_the_simplified_only_table_is_what_opencc_changes_in_both_standards() -> None:
    """data/scripts.yaml, derived again: every Han character of the ideographic blocks and planes that
    `s2tw` changes alone and `s2hk` changes alone too."""
    code_points = array("I", chain(range(0x2E80, 0xD800), range(0xE000, 0x32400)))
    han = "".join(regex.findall(r"\p{Han}+", code_points.tobytes().decode("utf-32-le")))
    derived = frozenset(_changed_alone("s2hk", _changed_alone("s2tw", han)))
    shipped, _ = _simplified_only()
    assert "".join(sorted(derived - shipped)) == ""  # missing from the table
    assert "".join(sorted(shipped - derived)) == ""  # in the table, changed by neither or one standard
    assert len(shipped) == 4865
    assert {"们", "这", "后", "发", "里"} <= shipped  # 里 alone; 阿里巴巴 keeps it (see _script_of)
    assert not {"台", "峰", "群"} & shipped  # Taiwan writes 臺 but Hong Kong 台; 峰, 群 stay
