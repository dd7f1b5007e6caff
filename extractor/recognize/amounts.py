"""Money and counted quantities: 2134亿美元, US$1.95, 约2000亿元, 1.4万人, 10至15亿, 亏损166亿.

The span covers the qualifier words, a currency written before the number, the number, its unit and a
qualifier after it (约2000亿美元左右) — everything that sets a field of the mention. Words that only
govern the number (亏损 making it negative, 每股 making it per share) stay outside: they belong to the
metric, which the entity layer finds.

What is an amount: a number with a currency, a bare 元/块 (`implicit_unit`, CNY until the article's
context says otherwise), or a measure word (unit "count"); or a number with 万/亿/兆 and no unit
(unit None). A bare number (2025, Trainium 3, 3纳米, 13个季度) is not one. A Chinese numeral without
a multiplier (四, 二) is money only with a currency and a lead-in before it (为, 达, 约, a non-Han
character), so that names (李四人民币) stay out, and never a count (一家独大, 交出一份成绩单); one opening
with a multiplier (百亿, 兆) needs a currency.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex

from extractor.models import Qualifier
from extractor.recognize.mentions import Mention, MentionKind
from extractor.recognize.numbers import (
    big_unit_class,
    has_big_unit,
    has_multiplier,
    is_chinese,
    numeral_pattern,
    numeral_starters,
    numeral_value,
    starts_with_multiplier,
    unit_class,
)
from extractor.recognize.patterns import (
    TIMEOUT,
    alternation,
    cent_words,
    char_class,
    compile_pattern,
    currency_words,
    forms,
    qualifier_of,
    qualifier_words,
    vocabulary,
)

_HAN = regex.compile(r"\p{Han}")
_FROM = ("从", "由")  # 从A至B is two levels, not a range


@cache
def amount_pattern() -> str:
    """Number (or range), unit and qualifier after, with named groups; the qualifier and a currency
    before the number are read in a lookbehind, so that matching starts only where a numeral does."""
    table = vocabulary()
    number = numeral_pattern()
    currency = alternation(currency_words())
    implicit = alternation(table["implicit_currency"]["words"])
    measure = rf"{alternation(table['measure_words'])}(?!{alternation(table['measure_not_before'])})"
    ordinal = alternation(table["ordinal_marks"])
    separator = alternation(table["range_separators"])
    before = alternation(qualifier_words("before"))
    return (
        rf"(?<=(?:(?P<before>{before})?(?P<prefix>{currency}) ?|(?P<before2>{before}))?)(?<!{ordinal})"
        rf"(?P<low>{number})"
        rf"(?:(?P<low_unit>(?P<low_currency>{currency})|{implicit}|{measure})(?= ?{separator}))?"
        rf"(?: ?{separator} ?(?:{currency})?(?P<high>{number}))?"
        rf"(?: ?(?:(?P<currency>{currency})|(?P<implicit>{implicit})(?P<named>{currency})?"
        rf"|(?P<measure>{measure})))?"
        rf"(?P<after>{alternation(qualifier_words('after'))})?"
    )


@cache
def _unit_guard() -> str:
    """Ends a match only on the last character of a unit, a multiplier or a qualifier, unless a
    currency came first ($150.5): bare numbers, most of the digits in a text, never reach Python.
    A one-character class keeps the check cheap; the amount rules make the exact decision."""
    table = vocabulary()
    ends = [
        *currency_words(),
        *table["implicit_currency"]["words"],
        *table["measure_words"],
        *qualifier_words("after"),
        *qualifier_words("inner"),
    ]
    last = char_class(form[-1] for form in forms(ends))[1:-1]
    return rf"(?(prefix)|(?<=[{big_unit_class()[1:-1]}{last}]))"


@cache
def _amount_regex() -> regex.Pattern[str]:
    return compile_pattern(f"(?=[{numeral_starters()}])(?>{amount_pattern()}){_unit_guard()}")


@cache
def _loss_regex() -> regex.Pattern[str]:
    table = vocabulary()
    return compile_pattern(rf"{alternation(table['loss_words'])}{alternation(table['loss_links'])}?\Z")


@cache
def _per_share_regex() -> regex.Pattern[str]:
    table = vocabulary()
    breaks = "".join(regex.escape(mark) for mark in table["clause_breaks"])
    window = int(table["per_share_window"])
    return compile_pattern(rf"{alternation(table['per_share_words'])}[^{breaks}]{{0,{window}}}\Z")


@cache
def _range_ratio() -> Decimal:
    return Decimal(str(vocabulary()["range_max_ratio"]))


@cache
def _lead_ins() -> frozenset[str]:
    return frozenset(forms(vocabulary()["numeral_lead_ins"]))


@cache
def _trailing_units() -> regex.Pattern[str]:
    return compile_pattern(rf"{unit_class()}+\Z")


@cache
def _big_units() -> regex.Pattern[str]:
    return compile_pattern(rf"{big_unit_class()}+\Z")


def find_amounts(text: str) -> list[Mention]:
    """Every amount in normalized `text`, in order."""
    found: list[Mention] = []
    for match in _amount_regex().finditer(text, timeout=TIMEOUT):
        found.extend(_amounts_from(match, text, found[-1].end if found else 0))
    return found


def read_amount(surface: str) -> Mention | None:
    """The amount a phrase begins with (a change's magnitude: 逾50亿美元), or None."""
    mentions = find_amounts(surface)
    return mentions[0] if mentions and mentions[0].start == 0 else None


def _lead(match: regex.Match[str], group: str, floor: int) -> str | None:
    """A word read before the number (qualifier or currency), unless the previous amount took it."""
    word = match.group(group)
    return word if word is not None and match.start(group) >= floor else None


def _start(match: regex.Match[str], floor: int) -> int:
    """Where the mention starts: at the qualifier or currency read before the number, if any."""
    for group in ("before", "prefix", "before2"):
        if _lead(match, group, floor) is not None:
            return int(match.start(group))
    return int(match.start())


def _amounts_from(match: regex.Match[str], text: str, floor: int) -> list[Mention]:
    """The amount (or two levels) a match states; `floor` is where the previous amount ended."""
    unit, implicit = _unit_of(match, floor)
    low, high = match.group("low"), match.group("high")
    start = _start(match, floor)
    if high is not None and start > 0 and text[start - 1] in _FROM:
        return _levels_from(match, text, unit, implicit, floor)
    if not _is_amount(match, text, unit, floor):
        return []
    low_value, high_value = _values(low, high)
    if low_value is None or (high is not None and (high_value is None or high_value < low_value)):
        return []
    if _in_cents(match, floor):
        low_value, high_value = low_value / 100, None if high_value is None else high_value / 100
    if high_value is None:
        return [_mention(text, start, match.end(), (low_value,), unit, _qualifier(match, floor), implicit)]
    if match.group("low_unit") and high_value > _range_ratio() * low_value:
        return _levels_from(match, text, unit, implicit, floor)
    ends = (low_value, high_value)
    return [_mention(text, start, match.end(), ends, unit, Qualifier.RANGE, implicit)]


def _mention(
    text: str,
    start: int,
    end: int,
    values: tuple[Decimal, ...],
    unit: str | None,
    qualifier: Qualifier,
    implicit: bool,
) -> Mention:
    """The amount of one value or a range's two ends, made negative after a loss word (亏损166亿) and
    marked per share after 每股."""
    sign = (
        -1.0
        if unit != "count" and _loss_regex().search(text, max(0, start - 6), start, timeout=TIMEOUT)
        else 1.0
    )
    per_share = unit not in {None, "count"} and bool(
        _per_share_regex().search(text, max(0, start - 16), start, timeout=TIMEOUT)
    )
    value_range = None
    if len(values) == 2:
        value_range = tuple(sorted((sign * float(values[0]), sign * float(values[1]))))
    return Mention(
        kind=MentionKind.AMOUNT,
        start=start,
        end=end,
        text=text[start:end],
        value=sign * float(sum(values) / len(values)),
        value_range=value_range,  # type: ignore[arg-type]
        unit=unit,
        qualifier=qualifier,
        implicit_unit=implicit,
        per_share=per_share,
    )


def _levels_from(
    match: regex.Match[str], text: str, unit: str | None, implicit: bool, floor: int
) -> list[Mention]:
    """从100亿至200亿美元, 上涨0.5美元至10美元: two levels, not a range; the low one takes its own
    currency or the last unit."""
    low_unit = currency_words()[match.group("low_currency")] if match.group("low_currency") else unit
    low_end = match.end("low_unit") if match.group("low_unit") else match.end("low")
    ends = (
        (
            "low",
            _start(match, floor),
            low_end,
            low_unit,
            implicit and low_unit == unit,
            _qualifier(match, floor),
        ),
        ("high", match.start("high"), match.end(), unit, implicit, Qualifier.EXACT),
    )
    levels = []
    for group, start, end, level_unit, level_implicit, qualifier in ends:
        numeral = match.group(group)
        value = numeral_value(_plain(numeral))
        if value is None or (level_unit is None and not has_big_unit(numeral)):
            continue
        levels.append(_mention(text, start, end, (value,), level_unit, qualifier, level_implicit))
    return levels


def _in_cents(match: regex.Match[str], floor: int) -> bool:
    """Whether the currency is written as its hundredth (34.1美仙)."""
    words = (_lead(match, "prefix", floor), match.group("currency"), match.group("named"))
    return any(word and word.strip() in cent_words() for word in words)


def _unit_of(match: regex.Match[str], floor: int) -> tuple[str | None, bool]:
    """The unit (ISO code, "count" or None) and whether it is a bare 元 that context may override."""
    for group in ("prefix", "currency", "named", "low_currency"):
        word = _lead(match, group, floor) if group == "prefix" else match.group(group)
        if word:
            return currency_words()[word.strip()], False
    if match.group("implicit"):
        return str(vocabulary()["implicit_currency"]["code"]), True
    if match.group("measure"):
        return "count", False
    return None, False


def _is_amount(match: regex.Match[str], text: str, unit: str | None, floor: int) -> bool:
    low, high = match.group("low"), match.group("high")
    last = high or low
    if unit is None and not has_big_unit(last):
        return False
    if starts_with_multiplier(low) and unit in {None, "count"}:
        return False
    if is_chinese(low) and not has_multiplier(last) and high is None:
        if unit in {None, "count"}:
            return False
        before = text[match.start() - 1] if match.start() > 0 else ""
        qualified = any(_lead(match, group, floor) for group in ("before", "before2", "prefix"))
        return qualified or not _HAN.match(before) or before in _lead_ins()
    return True


def _values(low: str, high: str | None) -> tuple[Decimal | None, Decimal | None]:
    """The values of the ends. A low end without multipliers takes all of the high end's (八到九百亿 →
    八百亿); one without 万/亿 takes the high end's big units (十到十五亿 → 十亿)."""
    low_plain = _plain(low)
    if high is None:
        return numeral_value(low_plain), None
    high_plain = _plain(high)
    pattern = _big_units if has_multiplier(low_plain) else _trailing_units
    if not has_big_unit(low_plain):
        units = pattern().search(high_plain)
        if units is not None and units.start() > 0:
            low_plain += units.group()
    return numeral_value(low_plain), numeral_value(high_plain)


def _plain(numeral: str) -> str:
    """The numeral without its inner qualifier words (2000多亿 → 2000亿)."""
    for word in qualifier_words("inner"):
        numeral = numeral.replace(word, "")
    return numeral


def _qualifier(match: regex.Match[str], floor: int) -> Qualifier:
    inner = any(word in (match.group("low") or "") for word in qualifier_words("inner"))
    name = (
        qualifier_of(_lead(match, "before", floor) or _lead(match, "before2", floor), "before")
        or qualifier_of(match.group("after"), "after")
        or ("over" if inner else None)
    )
    return Qualifier(name) if name else Qualifier.EXACT
