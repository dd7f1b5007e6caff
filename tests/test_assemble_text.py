"""Sentences and clauses, the units the assembly links within: each clause's span in both scripts."""

from __future__ import annotations

import pytest

from extractor.assemble import _by_sentence
from extractor.assemble.text import split_sentences
from extractor.recognize import recognize
from extractor.recognize.mentions import Mention, MentionKind

CASES: list[tuple[str, list[list[str]]]] = [
    (
        "亚马逊第四季度营收2134亿美元，同比增长14%；净利润212亿美元。AWS营收356亿美元",
        [["亚马逊第四季度营收2134亿美元", "同比增长14%", "净利润212亿美元"], ["AWS营收356亿美元"]],
    ),
    (
        "亞馬遜第四季度營收2134億美元，同比增長14%；淨利潤212億美元。AWS營收356億美元",
        [["亞馬遜第四季度營收2134億美元", "同比增長14%", "淨利潤212億美元"], ["AWS營收356億美元"]],
    ),
    (
        "台积电股价收在1,395元,上涨2.1%（创新高，市值约36兆元）！",
        [["台积电股价收在1,395元", "上涨2.1%（创新高，市值约36兆元）"]],
    ),
    (
        "台積電股價收在1,395元,上漲2.1%（創新高，市值約36兆元）！",
        [["台積電股價收在1,395元", "上漲2.1%（創新高，市值約36兆元）"]],
    ),
    # Nested brackets hide their commas until the outer one closes; an ASCII comma between digits is a
    # thousands separator, one after or before a word ends a clause.
    (
        "台积电(TSMC（晶圆代工，全球第一）,市占率约6成)营收1,287亿元,同比增长20%。下一季营收为2025,年增长,5%",
        [
            ["台积电(TSMC（晶圆代工，全球第一）,市占率约6成)营收1,287亿元", "同比增长20%"],
            ["下一季营收为2025", "年增长", "5%"],
        ],
    ),
    (
        "台積電(TSMC（晶圓代工，全球第一）,市佔率約6成)營收1,287億元,同比增長20%。下一季營收為2025,年增長,5%",
        [
            ["台積電(TSMC（晶圓代工，全球第一）,市佔率約6成)營收1,287億元", "同比增長20%"],
            ["下一季營收為2025", "年增長", "5%"],
        ],
    ),
    # A comma before a digit ends a clause unless a digit precedes it too, also when the text has
    # thousands separators elsewhere, and at the very start of the text, where nothing precedes it.
    (
        "台积电营收1,287亿元,2025年全年增长20%,2,500名员工",
        [["台积电营收1,287亿元", "2025年全年增长20%", "2,500名员工"]],
    ),
    (
        "台積電營收1,287億元,2025年全年增長20%,2,500名員工",
        [["台積電營收1,287億元", "2025年全年增長20%", "2,500名員工"]],
    ),
    (",2025年营收1,287亿元", [["", "2025年营收1,287亿元"]]),
    (",2025年營收1,287億元", [["", "2025年營收1,287億元"]]),
    # A bracket left open hides the rest of its sentence's commas, not the next sentence's.
    (
        "营收(未经审计,含税为1,500亿元;净利润增长8%。毛利率为45%,同比提升1个百分点",
        [["营收(未经审计,含税为1,500亿元;净利润增长8%"], ["毛利率为45%", "同比提升1个百分点"]],
    ),
    (
        "營收(未經審計,含稅為1,500億元;淨利潤增長8%。毛利率為45%,同比提升1個百分點",
        [["營收(未經審計,含稅為1,500億元;淨利潤增長8%"], ["毛利率為45%", "同比提升1個百分點"]],
    ),
    # A headline in 【】 is a sentence of its own.
    (
        "【中兴通讯：前三季度净利润同比下降32.7%】财联社10月27日电，中兴通讯公告",
        [["【中兴通讯", "前三季度净利润同比下降32.7%"], ["财联社10月27日电", "中兴通讯公告"]],
    ),
    (
        "【中興通訊：前三季度淨利潤同比下降32.7%】財聯社10月27日電，中興通訊公告",
        [["【中興通訊", "前三季度淨利潤同比下降32.7%"], ["財聯社10月27日電", "中興通訊公告"]],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_clauses_span_their_text_without_closing_punctuation(text: str, expected: list[list[str]]) -> None:
    clauses = [
        [text[start : sentence.clause_end(start)] for start in sentence.clause_starts]
        for sentence in split_sentences(text)
    ]
    assert clauses == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_every_position_of_a_clause_finds_its_start_and_end(text: str, expected: list[list[str]]) -> None:
    for sentence, clauses in zip(split_sentences(text), expected, strict=True):
        for start, clause in zip(sentence.clause_starts, clauses, strict=True):
            for position in range(start, start + len(clause)):
                assert sentence.clause_start(position) == start
                assert text[start : sentence.clause_end(position)] == clause


GROUPED: list[tuple[str, list[list[str]]]] = [
    # Each mention goes to the sentence that holds it; the empty sentences between line breaks hold none.
    (
        "亚马逊第四季度营收2134亿美元，同比增长14%。AWS营收356亿美元。\n\n净利润212亿美元",
        [["第四季度", "2134亿美元", "同比增长14%"], ["356亿美元"], ["212亿美元"]],
    ),
    (
        "亞馬遜第四季度營收2134億美元，同比增長14%。AWS營收356億美元。\n\n淨利潤212億美元",
        [["第四季度", "2134億美元", "同比增長14%"], ["356億美元"], ["212億美元"]],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GROUPED)
def test_mentions_are_grouped_by_sentence(text: str, expected: list[list[str]]) -> None:
    sentences = split_sentences(text)
    groups = _by_sentence(recognize(text), [s.start for s in sentences], [s.end for s in sentences])
    assert [[mention.text for mention in group] for group in groups] == expected


@pytest.mark.parametrize("text", ["营收2134亿美元。净利润212亿美元", "營收2134億美元。淨利潤212億美元"])
def test_a_span_across_two_sentences_belongs_to_neither(text: str) -> None:
    sentences = split_sentences(text)
    across = Mention(MentionKind.AMOUNT, 2, 13, text[2:13])  # 2134亿美元。净利润
    groups = _by_sentence([across], [s.start for s in sentences], [s.end for s in sentences])
    assert groups == [[], []]
