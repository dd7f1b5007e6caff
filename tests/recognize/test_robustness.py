"""Invariants on any input: the recognizers finish, never raise, and every span is exact."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor.normalize import normalize
from extractor.recognize import recognize

SINGLE_CHARACTERS = "120,.，%-至到亿万兆千百十一两零点元人个成年第月日QH约多倍止$ "
FRAGMENTS = [
    *SINGLE_CHARACTERS,
    "美元",
    "百分点",
    "同比",
    "增长",
    "下降",
    "季度",
    "FY",
    "超过",
    "翻倍",
    "百分之",
]
FRAGMENTS += ["百分之", "分之", "截至", "亏损", "每股", "US", "三位数"]


def _check(text: str) -> None:
    """Exact spans, in order of position, and no two mentions of one kind overlapping."""
    mentions = recognize(text)
    assert [mention.start for mention in mentions] == sorted(mention.start for mention in mentions)
    last_end: dict[str, int] = {}
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= last_end.get(mention.kind, 0)
        last_end[mention.kind] = mention.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=400))
@example(["1", "$", "1"])  # the second amount may not take back the currency the first one read
def test_financial_fragments_never_raise(fragments: list[str]) -> None:
    _check("".join(fragments))


@contextmanager
def _hang_guard(seconds: int) -> Iterator[None]:
    """Turns a hang (a catastrophic backtrack runs for hours) into a failure; not a speed check."""

    def fail(signum: int, frame: object) -> None:
        raise AssertionError(f"still matching after {seconds} s: catastrophic backtracking")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["1", "9,", "1.", "亿", "万亿", "一", "十", "1,000", "%", "至1", "同比增长", "第"]),
    st.integers(min_value=2000, max_value=10000),
)
def test_long_adversarial_runs_finish(unit: str, length: int) -> None:
    """Runs of digits, separators and numerals up to 10k characters are read in linear time."""
    with _hang_guard(60):
        _check((unit * (length // len(unit) + 1))[:length])


TRADITIONAL = "0123456789,.%％１２３億萬兆千百十一二三四五六七八九兩零點元美人年月日第季度同比增長減少至到-"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=TRADITIONAL, max_size=200))
def test_spans_in_traditional_text_map_back(text: str) -> None:
    normalized = normalize(text)
    for mention in recognize(normalized.text):
        original = normalized.original_slice(mention.start, mention.end)
        assert normalize(original).text == mention.text
