"""Numerals read exactly: Arabic, Chinese, mixed, compound big units, abbreviations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.recognize.numbers import _written_value, numeral_float, numeral_regex, numeral_value


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("2134亿", "213400000000"),
        ("2,134", "2134"),
        ("1,100.9亿", "110090000000"),
        ("二千六百三十亿", "263000000000"),
        ("兩千", "2000"),
        ("两千", "2000"),
        ("一百零五", "105"),
        ("一千零五", "1005"),
        ("十五", "15"),
        ("十五点八万", "158000"),
        ("1.4万", "14000"),
        ("1.4萬", "14000"),
        ("3千亿", "300000000000"),
        ("4.8万亿", "4800000000000"),
        ("3万4000", "34000"),
        ("10万4,100", "104100"),
        ("10萬4,100", "104100"),
        ("25万6千", "256000"),
        ("13万2", "132000"),
        ("3兆1,259.16亿", "3125916000000"),
        ("3兆1,259.16億", "3125916000000"),
        ("两千五", "2500"),
        ("一万五千亿", "1500000000000"),
        ("二十万亿", "20000000000000"),
        ("三万亿", "3000000000000"),
        ("万亿", "1000000000000"),
        ("0万", "0"),
        ("0亿", "0"),
        ("零万", "0"),
        ("兆", "1000000000000"),
        ("2.06兆", "2060000000000"),
        ("百亿", "10000000000"),
        ("1亿2000万", "120000000"),
        ("3541.07万", "35410700"),
        ("0.123456789", "0.123456789"),
        ("二〇二五", "2025"),
        ("壹佰贰拾", "120"),
    ],
)
def test_numeral_value(numeral: str, value: str) -> None:
    assert numeral_value(numeral) == Decimal(value)


def test_decimals_beyond_four_places_are_exact() -> None:
    assert float(numeral_value("1.234567万") or 0) == 12345.67


@pytest.mark.parametrize(
    ("text", "numerals"),
    [
        ("3541.07万元2", ["3541.07万", "2"]),  # glued digits stay apart after the unit
        ("10亿2025年", ["10亿", "2025"]),  # after 亿, a figure joins only when 万 follows
        ("1，200", ["1", "200"]),  # a Chinese comma never joins digits
        ("1,200", ["1,200"]),
        ("1,20", ["1", "20"]),  # not a thousands group
    ],
)
def test_numeral_boundaries(text: str, numerals: list[str]) -> None:
    assert [match.group() for match in numeral_regex().finditer(text)] == numerals


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("14", 14.0),  # plain figures: read without a Decimal
        ("21.2", 21.2),
        ("0.1", 0.1),
        ("2,134", 2134.0),
        ("99999999999999999999", 1e20),  # 20 digits: still plain
        ("100000000000000000000", 1e20),  # 21 characters: read as a Decimal, at the limit
        ("100000000000000000001", None),  # beyond the limit
        ("1.95亿", 195000000.0),  # one big unit: read as the figure times its power of ten
        ("829.88亿", 82988000000.0),
        ("1.4萬", 14000.0),
        ("1.5兆", 1500000000000.0),
        ("0万", 0.0),  # a zero figure before a unit is zero (a nil line of a results table)
        ("99999999999999亿", None),  # past the limit
        ("十五点八", 15.8),
        ("两千五", 2500.0),
    ],
)
def test_numeral_float(numeral: str, value: float | None) -> None:
    assert numeral_float(numeral) == value


@given(st.from_regex(r"\A[0-9]{1,24}(\.[0-9]{1,12})?\Z"))
def test_numeral_float_is_the_decimal_value_converted(numeral: str) -> None:
    value = numeral_value(numeral)
    assert numeral_float(numeral) == (None if value is None else float(value))


@given(st.from_regex(r"\A[0-9]{1,14}(\.[0-9]{1,8})?[万萬亿億兆]\Z"))
def test_numeral_float_of_a_scaled_figure_is_the_decimal_value_converted(numeral: str) -> None:
    value = numeral_value(numeral)
    assert numeral_float(numeral) == (None if value is None else float(value))


@given(st.from_regex(r"\A[0-9]{1,12}(\.[0-9]{1,6})?[万萬亿億兆]?\Z"))
def test_scaled_figures_read_as_written_numerals_are(numeral: str) -> None:
    written = _written_value(numeral)
    assert numeral_value(numeral) == written
