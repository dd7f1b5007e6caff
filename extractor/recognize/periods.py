"""Periods: 2025年第四季度, Q4, 4Q25, 2025Q4, 上半年, H1, 前三季度, 全年, 2026财年第三季度, FY26 Q3,
截至2025年9月30日止季度, 2025年10月, 12月31日, and relative ones (同期, 去年同期, 本季度) left for the
claim assembly to resolve.

A year needs 年, 财年 or a part after it (2025年, 2025Q4): a bare 2025 is not a period. 全年 alone is the
full year of the context (year None, part None). A date ending a quarter or a year (截至…止季度,
截至12月31日的2025年第四季度) gives that quarter or year, and the span covers the whole phrase.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.recognize.mentions import Mention, MentionKind, Period, RelativePeriod
from extractor.recognize.numbers import numeral_value
from extractor.recognize.patterns import (
    alternation,
    char_class,
    compile_pattern,
    first_characters,
    forms,
    lookup,
    vocabulary,
)

_CN_DIGITS = "〇零一二三四五六七八九"
SPAN = "span"  # months the contract has no period for (1-10月, 前10个月, 10-11月)
_PERIOD = MentionKind.PERIOD  # read once, not per match
_QUARTER_DIGIT = "1234一二三四"


@cache
def period_pattern() -> str:
    # A form that must not follow a digit or letter starts with its first character and looks behind
    # after it: a branch opening with a character is failed by one test, one opening with a lookbehind
    # is tried in full.
    table = vocabulary()["period"]
    quarter_word = alternation(table["quarter_words"])
    year = rf"(?:(?P<year>(?:19|20)(?<![\d.]\d\d)\d{{2}})(?!\d)|(?P<cn_year>[{_CN_DIGITS}]{{4}}))"
    fiscal = alternation(table["fiscal_year"])
    month = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
    day = r"(?:(?P<day>[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])"
    quarter = (
        rf"(?:第 ?(?P<quarter>[{_QUARTER_DIGIT}]) ?{quarter_word}"
        rf"|(?P<quarter_digit>[{_QUARTER_DIGIT}])(?<!\d.){quarter_word}"
        rf"|[Qq](?<![A-Za-z].)(?P<quarter_q>[1-4])(?![\d])|首季度?(?P<first>))"
    )
    halves = "|".join(rf"(?P<{half}>{alternation(words)})" for half, words in table["halves"].items())
    interim = (
        rf"(?P<interim>{alternation(table['interim']['words'])}(?={alternation(table['interim']['before'])}))"
    )
    separator = alternation(vocabulary()["range_separators"])
    # 12月季度, 12月当季: the quarter ending then
    month_quarter = r"(?P<month_quarter>12|[369]|十二|[三六九])月份?(?:当季度?|當季度?|季度|季)"
    to_date = r"前(?P<to_date>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])个?月"
    months = rf"(?P<first_month>1[0-2]|0?[1-9]) ?{separator} ?(?P<last_month>1[0-2]|0?[1-9])月份?"
    nine = alternation(table["first_three_quarters"])
    part = (
        rf"(?:{months}|(?P<nine>{nine})|{to_date}|{month_quarter}"
        rf"|{quarter}|{halves}|{interim}"
        rf"|(?P<full>{alternation(table['full_year'])})|{month}{day}?"
        rf"|(?P<h>H(?<![A-Za-z]H)[12])(?![\dA-Za-z]))"
    )
    # 2025/26财年: a fiscal year across two calendar years, named by the one it ends in
    split = rf"[/-](?P<split_end>(?:19|20)?\d{{2}})(?P<fiscal3>{fiscal}|年度)"
    year_phrase = (
        rf"{year}(?:{split}|(?P<fiscal>{fiscal})|年(?P<fiscal2>{fiscal})?度?|(?= ?(?:[Qq][1-4]|H[12])))"
    )
    fy = r"F(?<![A-Za-z]F)Y ?(?P<fy>\d{4}|\d{2})(?!\d)"
    compact = r"(?<![\dA-Za-z])(?:(?P<short_quarter>[1-4])Q|(?P<short_half>[12])H)(?P<short_year>\d{2})(?!\d)"
    relative_year = alternation([word for words in table["relative_years"].values() for word in words])
    relative = alternation([word for words in table["relative"].values() for word in words])
    ending_word = alternation(table["ending"])

    def ending(name: str) -> str:
        """截至2025年9月30日 (or 截至2026年3月, 3月底), its year and month in groups `{name}_year` and
        `{name}_month`."""
        return (
            rf"{ending_word} ?(?:(?P<{name}_year>(?:19|20)\d{{2}})年)?"
            rf"(?P<{name}_month>1[0-2]|0?[1-9])月(?:(?:[12]\d|3[01]|0?[1-9])日|底|末)?"
        )

    # 截至2025年9月30日止六个月中期业绩: the interim is the span the phrase names, not a first half
    interim_word = alternation(table["interim"]["words"])
    stop = rf"{ending('end')}(?P<end_span>{alternation(_ending_spans())})(?:{interim_word})?"
    lead = rf"{ending('lead')}{alternation(table['ending_link'])}(?=\d|第|[Qq]\d|FY)"
    followers = alternation(table["lone_day_followers"])
    lone_day = rf"(?<![\d月{_CN_DIGITS}十个個第])(?P<lone_day>[12]\d|3[01]|0?[1-9])日(?={followers})"
    numeric_date = (
        r"(?P<date_year>(?:19|20)(?<![\d.]\d\d)\d{2})(?P<date_sep>[-/.])(?P<date_month>1[0-2]|0?[1-9])"
        r"(?P=date_sep)(?P<date_day>3[01]|[12]\d|0?[1-9])(?![\d.])"
    )
    # A part after a year (2025年第四季度) or a relative year (去年第四季度), or alone; after a year it may
    # be missing (2025年), after a relative year it may not (去年 alone is `relative`).
    dated_part = (
        rf"(?:(?P<year_phrase>(?:{year_phrase}|{fy})) ?|(?P<relative_year>{relative_year}))?"
        rf"(?:(?P<part>{part})|(?(year_phrase)|(?!)))"
    )
    core = rf"{numeric_date}|{dated_part}|{compact}|(?P<relative>{relative})|{lone_day}"
    return rf"(?:{stop}|(?:{lead})?(?:{core}))"


@cache
def _period_regex() -> re.Pattern[str]:
    """The period pattern, tried only where a digit, a period mark (第, Q, FY, 前) or a whole period
    word begins: a word's first character alone (上 of 上涨, 同 of 同比) admits too many positions.
    One class test on every first character comes before the word test, which most positions fail."""
    table = vocabulary()["period"]
    words = [
        *table["first_three_quarters"],
        *(word for words in table["halves"].values() for word in words),
        *table["interim"]["words"],
        *table["full_year"],
        *table["ending"],
        *(word for words in table["relative"].values() for word in words),
        *(word for words in table["relative_years"].values() for word in words),
    ]
    marks = f"0-9{_CN_DIGITS}第QqFH首十前"
    starts = first_characters(words, marks) + rf"(?=[{marks}]|{alternation(words)})"
    return compile_pattern(starts + digit_guard() + period_pattern())


def digit_guard() -> str:
    """A lookahead failing a digit where no period starts, which is most digits of a text: every
    period but a month (112月, 12341-3月) starts at a number's first digit (a year, a date, 4Q25 and a
    quarter digit look behind for one), and every period starting at a digit has one of a few
    characters after its first one to four digits (年, 月, 日, Q, H, a separator, a quarter or fiscal
    word; a date's point or slash after four digits). Each digit would otherwise try every part of
    the pattern."""
    table = vocabulary()["period"]
    separator = alternation(vocabulary()["range_separators"])
    words = [*table["quarter_words"], *table["fiscal_year"], *vocabulary()["range_separators"]]
    followers = char_class([*(form[0] for form in forms(words)), *"年月日号QqH -"])
    rest_of_month = rf"\d?(?: ?{separator} ?\d{{1,2}})?月"  # after the digit the guard has read
    inside_number = rf"(?<=[0-9]{{2}})(?!{rest_of_month})"
    first_digit = rf"(?<![0-9]{{2}})(?!\d{{0,3}}{followers}|\d{{3}}[./])"
    return rf"(?![0-9](?:{inside_number}|{first_digit}))"


@cache
def _fiscal_regex() -> re.Pattern[str]:
    """Words that make any period they appear in a fiscal one (第三财季, 上半财年)."""
    return compile_pattern(alternation(vocabulary()["period"]["fiscal_marks"]))


@cache
def _relatives() -> dict[str, RelativePeriod]:
    table = vocabulary()["period"]
    words = {**lookup(table["relative"]), **lookup(table["relative_years"])}
    return {word: RelativePeriod(name) for word, name in words.items()}


@cache
def _relative_periods() -> dict[str, Period]:
    """Each relative period word (同期, 去年) → the period it states alone (periods are immutable)."""
    fiscal = _fiscal_regex()
    return {
        word: Period(relative=relative, fiscal=fiscal.search(word) is not None)
        for word, relative in _relatives().items()
    }


def find_periods(text: str) -> list[Mention]:
    """Every period in normalized `text`, in order."""
    return [
        Mention(_PERIOD, *match.span(), match[0], period=_period_from(match))
        for match in _period_regex().finditer(text)
    ]


def _period_from(match: re.Match[str]) -> Period:
    """The period a match states; groups are read one by one, only as far as the match needs."""
    relative_word = match["relative"]
    if relative_word:  # 同期, 去年: a relative period alone is the same for the same word
        return _relative_periods()[relative_word]
    if match["lone_day"]:
        return Period(day=int(match["lone_day"]))
    if match["date_year"]:  # a dateline: 2025-10-30, 2025/10/30
        month, day = int(match["date_month"]), int(match["date_day"])
        return Period(year=int(match["date_year"]), part=f"{month:02d}-{day:02d}")
    relative_year = match["relative_year"]
    relative = _relatives()[relative_year] if relative_year else None
    if match["end_span"]:
        year = int(match["end_year"]) if match["end_year"] else None
        month, span = int(match["end_month"]), match["end_span"]
        part = _ending_part(month, span)
        fiscal = month != 12 and part is None  # 截至2025年6月30日止年度: FY2025
        return Period(year=year, part=part, fiscal=fiscal)
    fiscal = bool(
        match["fiscal"]
        or match["fiscal2"]
        or match["fiscal3"]
        or match["fy"]
        or _fiscal_regex().search(match[0])
    )
    year = _year(match)
    part = _part(match)
    if year is None and match["lead_year"]:  # 截至2025年9月30日止第三季
        year = int(match["lead_year"])
        if fiscal:
            year = _fiscal_year_ending(year, int(match["lead_month"]), part)
    calendar = bool(match["month_quarter"])
    return Period(year, part, fiscal, relative, None, calendar)  # positional: built twice as fast


def _fiscal_year_ending(year: int, month: int, part: str | None) -> int:
    """The fiscal year (named by the year it ends in) of a fiscal quarter or half that ends in `month`
    of `year`: 截至2025年10月26日止第三财季 is in the year ending three months later, 2026财年."""
    months_left = {"Q1": 9, "Q2": 6, "Q3": 3, "H1": 6}.get(part or "", 0)
    return year + (month + months_left - 1) // 12


def _year(match: re.Match[str]) -> int | None:
    if match["split_end"]:  # 2025/26财年 is the fiscal year ending in 2026
        start, end = int(match["year"]), int(match["split_end"])
        return end if end >= 100 else start - start % 100 + end + (100 if end < start % 100 else 0)
    if match["year"]:
        return int(match["year"])
    if match["cn_year"]:
        value = numeral_value(match["cn_year"])
        return None if value is None else int(value)
    short = match["fy"] or match["short_year"]
    if short:
        return int(short) + (2000 if len(short) == 2 else 0)
    return None


def _ending_part(month: int, phrase: str) -> str | None:
    """The part a phrase ending in `month` spans: 截至9月30日止季度 → Q3, 止六个月 → H1 (ending in June),
    H2 (in December) or no part of the contract (in September: a fiscal half the text does not call one)."""
    span = _ending_spans()[phrase]
    if span == 3:
        return f"Q{(month + 2) // 3}"
    if span == 6:
        return {6: "H1", 12: "H2"}.get(month, SPAN)
    if span == 9:
        return "9M" if month == 9 else SPAN
    return None if month == 12 or "年" in phrase else SPAN  # 止十二个月 to September: trailing months


@cache
def _ending_spans() -> dict[str, int]:
    return {
        form: int(months)
        for months, words in vocabulary()["period"]["ending_spans"].items()
        for form in forms(words)
    }


@cache
def _month_ranges() -> dict[tuple[int, int], str | None]:
    ranges = vocabulary()["period"]["month_ranges"]
    return {(first, last): None if name == "FY" else name for name, (first, last) in ranges.items()}


def _part(match: re.Match[str]) -> str | None:
    """Q1-Q4, H1/H2, 9M, a month (10), a day (12-31) or a span of months; None for a full year."""
    if match["short_year"]:  # 4Q25, 2H25
        return f"H{match['short_half']}" if match["short_half"] else f"Q{match['short_quarter']}"
    if match["part"] is None:  # 2025年, FY26
        return None
    if match["last_month"]:
        first, last = int(match["first_month"]), int(match["last_month"])
        return _month_ranges().get((first, last), SPAN)
    if match["month_quarter"]:
        month = numeral_value(match["month_quarter"])
        return f"Q{int(month) // 3}" if month is not None else None
    if match["to_date"]:
        months = numeral_value(match["to_date"])
        return _month_ranges().get((1, int(months)), SPAN) if months is not None else SPAN
    if match["nine"]:
        return "9M"
    quarter = match["quarter"] or match["quarter_digit"] or match["quarter_q"]
    if quarter:
        return f"Q{_QUARTER_DIGIT.index(quarter) % 4 + 1}"
    if match["first"] is not None:
        return "Q1"
    for half in ("H1", "H2"):
        if match[half]:
            return half
    if match["interim"]:
        return "H1"
    if match["h"]:
        return str(match["h"])
    if match["month"]:
        month = numeral_value(match["month"])
        day = numeral_value(match["day"]) if match["day"] else None
        if month is None:
            return None
        return f"{int(month):02d}" if day is None else f"{int(month):02d}-{int(day):02d}"
    return None
