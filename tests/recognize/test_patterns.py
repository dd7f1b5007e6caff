"""The regex pieces built from word lists: an alternation is a prefix tree that still prefers the
longest word, as a flat longest-first alternation does."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.recognize.patterns import alternation

WORDS = ["上年同期", "上年", "上季", "上季度", "同比", "同期", "去年同期", "去年"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("较上年同期增长", "上年同期"),
        ("较上年增长", "上年"),
        ("较上季度下降", "上季度"),
        ("較上季度下降", "上季度"),
        ("去年同期为", "去年同期"),
        ("去年为", "去年"),
        ("同比增长", "同比"),
    ],
)
def test_alternation_matches_the_longest_word(text: str, expected: str) -> None:
    match = re.compile(alternation(WORDS)).search(text)
    assert match is not None
    assert match[0] == expected
    assert text[match.start() : match.end()] == expected


def test_alternation_holds_the_normal_form_of_each_word() -> None:
    pattern = re.compile(alternation(["營業利潤率", "營收"]))
    assert pattern.fullmatch("营业利润率") is not None
    assert pattern.fullmatch("營收") is not None
    assert pattern.fullmatch("营业利") is None


def test_alternation_backs_off_to_a_shorter_word_when_the_rest_fails() -> None:
    pattern = re.compile(f"(?:{alternation(WORDS)})增长")
    assert pattern.search("上年同增长") is None  # neither 上年同期 nor 上年 is followed by 增长
    match = pattern.search("去年增长")
    assert match is not None and match[0] == "去年增长"


def _flat(words: list[str]) -> str:
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(re.escape(word) for word in ordered) + ")"


@given(
    st.lists(st.text(alphabet="年季上同比期", min_size=1, max_size=4), min_size=1, max_size=12),
    st.text(alphabet="年季上同比期增", max_size=12),
)
def test_alternation_matches_as_a_flat_longest_first_alternation(words: list[str], text: str) -> None:
    tree = re.compile(alternation(words))
    flat = re.compile(_flat(words))
    for start in range(len(text) + 1):
        found, expected = tree.match(text, start), flat.match(text, start)
        assert (found and found.span()) == (expected and expected.span())
