"""Numerals: Arabic (2,134 / 1.95), Chinese (二千六百三十, 一百零五, 十五点八) and mixed (1.4万, 3万4000,
25万6千, 13万2, 一万五千亿, 4.8万亿), read exactly with `Decimal`.

Our own converter rather than `cn2an`: the digits and multipliers come from `numerals.yaml`, big units
compound (万亿, 一万五千亿) the way financial text uses them, mixed Arabic/Chinese forms and the spoken
abbreviation (13万2 = 132000) are read, and a numeral is found by the same regex the recognizers use, so
what is matched and what is parsed cannot disagree.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from extractor.data import load_table
from extractor.recognize.patterns import ARABIC, alternation, char_class, compile_pattern, vocabulary

_LIMIT = Decimal("1e20")  # beyond any stated figure: a run like 亿亿亿亿 is not a number


@cache
def _table() -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = load_table("numerals.yaml")
    return table


def digit_class() -> str:
    return char_class(_table()["digits"])


def unit_class() -> str:
    return char_class([*_table()["small_units"], *_table()["big_units"]])


def big_unit_class() -> str:
    return char_class(_table()["big_units"])


def point_class() -> str:
    return char_class(_table()["decimal_points"])


@cache
def numeral_pattern() -> str:
    """A numeral with its multipliers, as a regex without groups.

    A figure with its own multiplier may follow a bigger one (3兆1,259.16亿, 1亿2000万). After 万 a bare
    figure is part of the number (3万4000, 10万4,100, 13万2); after 亿 only when 万 follows
    (1亿2000万), so that 10亿2025年 is 10亿 and 2025年 apart. A multiplier may open a Chinese numeral
    (十五, 百亿, 兆); whether that makes an amount is for the amount rules.
    """
    digits, units, bigs, point = digit_class(), unit_class(), big_unit_class(), point_class()
    inner = alternation(vocabulary()["qualifiers"]["over"]["inner"])
    tail = (
        rf"{units}{{1,4}}(?:(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}})(?:\.\d+)?|{digits}){units}{{1,3}}){{0,2}}"
        rf"(?:(?<=[万萬])(?:\d,\d{{3}}|\d{{4}}|\d|{digits})(?![\d.,%年月日号]))?"
    )
    arabic = rf"{ARABIC}{inner}?(?:{tail})?{inner}?"
    chinese = (
        rf"(?<![{digits[1:-1]}{units[1:-1]}]){digits[:-1]}{units[1:]}{{1,16}}"
        rf"(?:{point}{digits}{{1,8}}{units}{{0,4}})?{inner}?(?:{bigs}{{1,2}})?{inner}?"
    )
    return rf"(?:{arabic}|{chinese})"


@cache
def _token_pattern() -> re.Pattern[str]:
    table = _table()
    return compile_pattern(
        rf"(?P<arabic>\d+(?:\.\d+)?)|(?P<point>{point_class()}(?P<fraction>{digit_class()}+))"
        rf"|(?P<digit>{digit_class()})|(?P<small>{char_class(table['small_units'])})"
        rf"|(?P<big>{big_unit_class()})"
    )


def has_multiplier(numeral: str) -> bool:
    """Whether the numeral carries 十 百 千 万 亿 兆."""
    return not _multiplier_characters().isdisjoint(numeral)


def has_big_unit(numeral: str) -> bool:
    return not _big_unit_characters().isdisjoint(numeral)


def is_chinese(numeral: str) -> bool:
    """Whether the numeral is written without Arabic digits."""
    return _ASCII_DIGITS.isdisjoint(numeral)


_ASCII_DIGITS = frozenset("0123456789")


@cache
def _big_unit_characters() -> frozenset[str]:
    return frozenset(_table()["big_units"])


@cache
def _multiplier_characters() -> frozenset[str]:
    return frozenset(_table()["small_units"]) | _big_unit_characters()


def starts_with_multiplier(numeral: str) -> bool:
    """百亿, 兆, 千万: a numeral whose figure one is left unsaid (十五 excepted, which is plain)."""
    return numeral[:1] in _leading_multipliers()


@cache
def _leading_multipliers() -> frozenset[str]:
    """The multipliers that leave a figure one unsaid when they open a numeral: all but 十."""
    small = _table()["small_units"]
    return _big_unit_characters() | {unit for unit, value in small.items() if value > 10}


def numeral_value(numeral: str) -> Decimal | None:
    """The exact value of a numeral (qualifier words such as 多 removed first), or None if unreadable.
    Most figures are plain (1025, 21.2) or scaled by one big unit (2134亿, 1.95万): those are read
    with one pattern, the rest by `_written_value`."""
    plain = numeral.replace(",", "")
    return _exact_value(plain, _scaled_number().fullmatch(plain))


def _exact_value(plain: str, scaled: re.Match[str] | None) -> Decimal | None:
    """The value of `plain` (no commas) from its `_scaled_number` match, or without one (None) from
    its Chinese digits and multipliers."""
    if scaled is None:
        return _written_value(plain)
    figure, unit = scaled.groups()
    value = Decimal(figure)
    if unit is not None:
        value *= _table()["big_units"][unit]
    return value if value <= _LIMIT else None


@cache
def _scaled_number() -> re.Pattern[str]:
    """A plain figure, then at most one big unit."""
    return compile_pattern(rf"(\d+(?:\.\d+)?)({big_unit_class()})?")


_PLAIN_DIGITS = 20  # a plain figure of at most 20 characters is below _LIMIT
_FLOAT_LIMIT = float(_LIMIT)  # exactly 1e20: a float below it stands for a value below _LIMIT


def numeral_float(numeral: str) -> float | None:
    """`numeral_value` as a float. A plain figure (14, 21.2), or one scaled by a big unit that is a
    power of ten (2134亿 = 2134e8), is read by `float` without a `Decimal`, which gives the same float:
    both round the same exact value once, and a `Decimal` costs three times as long to build and
    convert. Values near the limit are left to `numeral_value`."""
    plain = numeral.replace(",", "")
    scaled = _scaled_number().fullmatch(plain)
    if scaled is not None and len(plain) <= _PLAIN_DIGITS:
        figure, unit = scaled.groups()
        if unit is None:
            return float(figure)
        exponent = _big_unit_exponents().get(unit)
        if exponent is not None:
            value = float(f"{figure}e{exponent}")
            if value < _FLOAT_LIMIT:
                return value
    exact = _exact_value(plain, scaled)  # the pattern is not run again
    return None if exact is None else float(exact)


@cache
def _big_unit_exponents() -> dict[str, int]:
    """The big units that are a power of ten, with its exponent (亿 → 8)."""
    units = _table()["big_units"].items()
    return {unit: len(str(value)) - 1 for unit, value in units if str(value).rstrip("0") == "1"}


def _written_value(numeral: str) -> Decimal | None:
    """The value of a numeral with Chinese digits or multipliers, commas removed."""
    table = _table()
    result = section = Decimal(0)
    current: Decimal | None = None
    current_length = 0
    last_big: int | None = None
    last_unit: int | None = None
    previous = ""
    zero_seen = False
    for token in _token_pattern().finditer(numeral):
        kind = token.lastgroup
        text = token.group()
        if kind == "arabic":
            current, current_length = Decimal(text), len(text)
        elif kind == "digit":
            digit = table["digits"][text]
            if previous == "digit" and current is not None:
                current, current_length = current * 10 + digit, current_length + 1
            else:
                current, current_length = Decimal(digit), 1
                zero_seen = zero_seen or (digit == 0 and last_unit is not None)
        elif kind == "point":
            fraction = "".join(str(table["digits"][character]) for character in token.group("fraction"))
            current = section + (current or 0) + Decimal("0." + fraction)
            section, current_length = Decimal(0), 0
            kind = "fraction"
        elif kind == "small":
            last_unit = table["small_units"][text]
            section += (current if current is not None else 1) * last_unit
            current = None
        else:
            big = table["big_units"][text]
            value = section + (current or 0)
            if current is None and section == 0 and result == 0:  # a unit without a figure: 万亿, 兆
                value = Decimal(1)
            if last_big is not None and big > last_big:
                result = (result + value) * big
            else:
                result += value * big
            last_big = last_unit = big
            section, current = Decimal(0), None
        previous = kind or ""
        if abs(result) > _LIMIT or abs(section) > _LIMIT:
            return None
    abbreviated = previous in {"digit", "arabic"} and current_length == 1 and not zero_seen
    if current is not None and abbreviated and last_unit is not None and last_unit >= 100:
        current *= Decimal(last_unit) / 10  # 两千五 = 2500, 13万2 = 132000
    total = result + section + (current or 0)
    try:
        return total if abs(total) <= _LIMIT else None
    except InvalidOperation:  # pragma: no cover - Decimal comparisons of finite values do not fail
        return None


def numeral_starters() -> str:
    """The class body of characters a numeral may begin with."""
    return rf"0-9{digit_class()[1:-1]}{unit_class()[1:-1]}"


def numeral_regex() -> re.Pattern[str]:
    """The numeral pattern alone, for tests and for re-reading a matched magnitude."""
    return compile_pattern(numeral_pattern())
