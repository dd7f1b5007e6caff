"""Levels in per cent: 14%, 35.0%, 5-20%, 百分之十四, 七成 / 6成, 三分之一, with their qualifiers.

The span covers the qualifier words before and after (超6成, 约为28%, 30%以上). A percentage that is
the magnitude of a change (同比增长14%) is part of that CHANGE and not reported again as a level.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from extractor.models import Qualifier
from extractor.recognize.mentions import Mention, MentionKind
from extractor.recognize.numbers import (
    digit_class,
    numeral_float,
    numeral_starters,
    numeral_value,
    point_class,
    unit_class,
)
from extractor.recognize.patterns import (
    ARABIC,
    alternation,
    char_class,
    compile_pattern,
    first_characters,
    forms,
    minus_before,
    qualifier_of,
    qualifier_words,
    vocabulary,
)

_HUNDRED = Decimal(100)
_PERCENT, _EXACT, _RANGE = MentionKind.PERCENT, Qualifier.EXACT, Qualifier.RANGE  # read once, not per match


@cache
def bare_percent_pattern() -> str:
    """A percentage without qualifiers; named groups say which form matched."""
    table = vocabulary()["percent"]
    digits, units, point = digit_class(), unit_class(), point_class()
    chinese = rf"{digits[:-1]}{units[1:]}{{1,8}}(?:{point}{digits}{{1,8}})?"
    number = rf"(?:{ARABIC}|{chinese})"
    sign = alternation(table["signs"])
    separator = alternation(vocabulary()["range_separators"])
    spelled = alternation(table["spelled"])
    tenth_digit = rf"(?:(?<![\d.A-Za-z])[1-9](?:\.\d)?|{digits})"
    return (
        rf"(?:(?P<low>{number}){sign}? ?{separator} ?(?P<high>{number}){sign}"
        rf"|(?P<level>{number}){sign}"
        rf"|{spelled}(?P<spelled_low>{number})(?: ?{separator} ?{spelled}?(?P<spelled_high>{number}))?"
        rf"|(?P<den>{chinese}){alternation(table['fraction_of'])}(?P<num>{chinese})"
        rf"|(?P<tenths>{tenth_digit}){alternation(table['tenths'])}"
        rf"(?!{alternation(table['tenths_not_before'])})(?P<tenth_units>{digits})?)"
    )


@cache
def percent_pattern() -> str:
    before, after = alternation(qualifier_words("before")), alternation(qualifier_words("after"))
    return rf"(?P<before>{before})?{bare_percent_pattern()}(?P<after>{after})?"


@cache
def _percent_regex() -> re.Pattern[str]:
    starters = first_characters(qualifier_words("before"), numeral_starters())
    return compile_pattern(starters + digit_guard() + chinese_guard() + percent_pattern())


def digit_guard() -> str:
    """A lookahead failing a digit where no percentage starts: inside a number (after a digit, point or
    letter, where no form of the pattern starts), and the first digit of a number that no sign,
    space, separator or 成 follows, which is most numbers of a text: each would otherwise try every
    form of the pattern. A digit after a comma is left to the pattern, so that a long run of digits
    is read by the guard once, not once per digit (which would be quadratic)."""
    followers = char_class(form[0] for form in forms(_going_on()))
    return rf"(?![0-9](?:(?<=[\d.A-Za-z][0-9])|(?<![\d.,][0-9])(?![\d,.]*{followers})))"


def chinese_guard() -> str:
    """`digit_guard` for a Chinese numeral (二十五, and 亿 of 2134亿): a lookahead failing the first
    character of a run of numeral characters that nothing a percentage goes on with follows (a sign,
    space, separator, 成, 分之, a decimal point, or the rest of a word such as 百分之 opening with a
    numeral character). Only a run's first character is tested, so that a long run is read once."""
    table = vocabulary()["percent"]
    numeral = f"{digit_class()[1:-1]}{unit_class()[1:-1]}"
    words = _going_on(*table["fraction_of"])
    openers = forms([*table["spelled"], *qualifier_words("before")])
    rests = [word.lstrip(numeral) for word in openers if word[0] in numeral]
    followers = [form[0] for form in forms([*words, *rests]) if form] + list(point_class()[1:-1])
    return rf"(?![{numeral}](?<![{numeral}].)(?![{numeral}]*{char_class(followers)}))"


def _going_on(*more: str) -> list[str]:
    """What a number goes on with when it is a percentage's (a sign, a space, a range separator, 成),
    and `more`."""
    table = vocabulary()["percent"]
    return [*table["signs"], *vocabulary()["range_separators"], *table["tenths"], " ", *more]


def find_percents(text: str, skip: Callable[[int, int], bool] | None = None) -> list[Mention]:
    """Every percentage level in normalized `text`, in order. A match whose span `skip(start, end)`
    rules out (a change's magnitude, which the change reports) is dropped before its value is read."""
    found = []
    for match in _percent_regex().finditer(text):
        if skip is not None and skip(*match.span()):
            continue
        mention = _percent_from(match)
        if mention is not None:
            found.append(mention)
    return found


class Level(NamedTuple):
    """A percentage as stated: its value (a range's midpoint), the range's ends and the qualifier."""

    value: float
    value_range: tuple[float, float] | None
    qualifier: Qualifier


def _percent_from(match: re.Match[str]) -> Mention | None:
    level = level_of(match)
    if level is None:
        return None
    start, end = match.span()
    if level.value_range is None and match["before"] is None and minus_before(match.string, start):
        return Mention(
            _PERCENT, start - 1, end, match.string[start - 1 : end], -level.value, None, "%", level.qualifier
        )
    return Mention(_PERCENT, start, end, match[0], level.value, level.value_range, "%", level.qualifier)


def signed_range(ends: tuple[float, float], sign: float) -> tuple[float, float]:
    """The ends of a range given `sign`, the lower first: a fall of 10% to 12% runs from -12 to -10."""
    low, high = sorted((sign * ends[0], sign * ends[1]))
    return low, high


def level_of(match: re.Match[str], *, descending: bool = False) -> Level | None:
    """The percentage a match of `percent_pattern` states, or None. A change's pattern holds the
    percent pattern with its groups (a change's magnitude), so its match is read here too; a fall
    may be stated from the larger fall down (`descending`: 下降约33.7%至26.9%)."""
    level = match["level"]
    if level is not None:  # 14%, most percentages: no range, no arithmetic, so read as a float at once
        value = numeral_float(level)
        return None if value is None else Level(value, None, _qualifier(match))
    low, high = _ends(match)
    if low is None:
        return None
    if high is None:
        return Level(float(low), None, _qualifier(match))
    if high < low:
        if not descending:
            return None
        low, high = high, low
    return Level(float((low + high) / 2), (float(low), float(high)), _RANGE)


def _qualifier(match: re.Match[str]) -> Qualifier:
    return qualifier_of(match["before"], "before") or qualifier_of(match["after"], "after") or _EXACT


def _ends(match: re.Match[str]) -> tuple[Decimal | None, Decimal | None]:
    """The two ends of a range, or the level of a form other than `level`, in per cent."""
    if match["low"] is not None:
        return numeral_value(match["low"]), numeral_value(match["high"])
    if match["spelled_low"] is not None:
        high = match["spelled_high"]
        return numeral_value(match["spelled_low"]), None if high is None else numeral_value(high)
    if match["den"] is not None:
        denominator, numerator = numeral_value(match["den"]), numeral_value(match["num"])
        if not denominator or numerator is None:
            return None, None
        return numerator / denominator * _HUNDRED, None
    tenths = numeral_value(match["tenths"])
    if tenths is None:
        return None, None
    units = numeral_value(match["tenth_units"]) if match["tenth_units"] else None  # 一成三: 13 per cent
    return tenths * 10 + (units or 0), None
