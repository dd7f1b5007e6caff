"""PhraseMatcher: leftmost-longest literal phrases with Latin word bounds."""

from __future__ import annotations

import itertools
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.entities.matcher import PhraseMatcher

PHRASES = ["Amazon", "Amazon S3", "AMD", "Trainium", "亚马逊", "亚马逊云科技", "S3", "营业利润", "营业利润率"]
MATCHER = PhraseMatcher(PHRASES)
# thousands of phrases build another kind of automaton (a contiguous NFA, not a DFA): it finds the same
LARGE_MATCHER = PhraseMatcher([*PHRASES, *(f"测试{number}号产品" for number in range(2000))])


@pytest.mark.parametrize("matcher", [MATCHER, LARGE_MATCHER], ids=["small", "large"])
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("亚马逊云科技与亚马逊", ["亚马逊云科技", "亚马逊"]),
        ("营业利润率和营业利润", ["营业利润率", "营业利润"]),
        ("Amazon S3X上线", ["Amazon"]),
        ("AMDX与AMD", ["AMD"]),
        ("XAmazon不是", []),
        ("Trainium2已交付", ["Trainium"]),
        ("亚马逊Amazon", ["亚马逊", "Amazon"]),
        ("AMD3与S30", ["AMD"]),  # a digit after a letter is a version; after a digit it is more digits
        ("亞馬遜雲科技與亚马逊云科技", ["亚马逊云科技"]),  # the matcher reads normalized text only
        ("测试号产品的营业利润", ["营业利润"]),
    ],
)
def test_longest_phrase_within_latin_word_bounds(matcher: PhraseMatcher, text: str, found: list[str]) -> None:
    assert [phrase for phrase, _, _ in _found(matcher, text)] == found


@pytest.mark.parametrize("matcher", [MATCHER, LARGE_MATCHER], ids=["small", "large"])
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("亚马逊云科技与亚马逊", [("亚马逊云科技", 0, 6), ("亚马逊", 7, 10)]),
        ("Amazon S3X上线", [("Amazon", 0, 6)]),  # the shorter phrase at that start, by its own index
        ("AMD3与S30", [("AMD", 0, 3)]),
        ("亞馬遜雲科技與亚马逊", [("亚马逊", 7, 10)]),
        ("营业利润率为30%", [("营业利润率", 0, 5)]),
    ],
)
def test_indexes_name_the_phrases_found(
    matcher: PhraseMatcher, text: str, found: list[tuple[str, int, int]]
) -> None:
    assert _found(matcher, text) == found
    assert [text[start:end] for _, start, end in matcher.find_indexes(text)] == [
        phrase for phrase, _, _ in found
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["亚马逊", "云科技", "Amazon", " S3", "AMD", "X", "2", "营业利润", "率", "，"])
    ).map("".join)
)
def test_matches_are_listed_phrases_in_order_without_overlap(text: str) -> None:
    found = _found(MATCHER, text)
    assert all(text[start:end] == phrase and phrase in MATCHER.phrases for phrase, start, end in found)
    assert all(end <= next_start for (_, _, end), (_, next_start, _) in itertools.pairwise(found))


def test_a_pickled_matcher_finds_the_same_phrases() -> None:
    copy = pickle.loads(pickle.dumps(MATCHER))
    text = "亚马逊云科技的营业利润率与AMD"
    assert _found(copy, text) == _found(MATCHER, text)


def _found(matcher: PhraseMatcher, text: str) -> list[tuple[str, int, int]]:
    return [(matcher.by_index[index], start, end) for index, start, end in matcher.find_indexes(text)]
