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

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from extractor.models import Qualifier
from extractor.normalize import is_han
from extractor.recognize.mentions import Mention, MentionKind
from extractor.recognize.numbers import (
    big_unit_class,
    has_big_unit,
    has_multiplier,
    is_chinese,
    numeral_float,
    numeral_pattern,
    numeral_starters,
    numeral_value,
    starts_with_multiplier,
    unit_class,
)
from extractor.recognize.patterns import (
    alternation,
    cent_words,
    char_class,
    compile_pattern,
    currency_words,
    forms,
    minus_before,
    qualifier_of,
    qualifier_words,
    vocabulary,
)

_FROM = ("从", "由")  # 从A至B is two levels, not a range
_AMOUNT, _EXACT, _OVER, _RANGE = MentionKind.AMOUNT, Qualifier.EXACT, Qualifier.OVER, Qualifier.RANGE


@cache
def amount_pattern() -> str:
    """Number (or range), unit and qualifier after, with named groups. Matching starts only where a
    numeral does; the qualifier and currency written before the number are read by `_leads`, and
    group `maybe_prefix` marks a match after a character that may end a currency."""
    table = vocabulary()
    number = numeral_pattern()
    currency = alternation(currency_words())
    currency_end = _currency_end()
    implicit = alternation(table["implicit_currency"]["words"])
    measure = rf"{alternation(table['measure_words'])}(?!{alternation(table['measure_not_before'])})"
    ordinal = alternation(table["ordinal_marks"])
    separator = alternation(table["range_separators"])
    return (
        rf"(?=[{numeral_starters()}])(?P<maybe_prefix>(?<={currency_end})|(?<={currency_end} ))?"
        rf"(?<!{ordinal})(?P<low>{number})"
        rf"(?:(?P<low_unit>(?P<low_currency>{currency})|{implicit}|{measure})(?= ?{separator}))?"
        rf"(?: ?{separator} ?(?:{currency})?(?P<high>{number}))?"
        rf"(?: ?(?:(?P<currency>{currency})|(?P<implicit>{implicit}){_named(currency)}"
        rf"|(?P<measure>{measure})))?"
        rf"(?P<after>{alternation(qualifier_words('after'))})?"
    )


def _named(currency: str) -> str:
    """The currency a bare 元 is counted in, written after it (亿元人民币) or in brackets after it, alone
    or with a note that it holds for the figures below (1,928亿元(人民币，下同)); group `named`."""
    table = vocabulary()["implicit_currency"]
    opening, closing = char_class(table["note_openings"]), char_class(table["note_closings"])
    same_below = alternation(table["same_below"])
    return (
        rf"(?:(?P<named>{currency})|{opening}(?P<noted>{currency})"
        rf"(?:[，,] ?(?:{same_below}))?{closing})?"
    )


@cache
def _unit_ends() -> frozenset[str]:
    """Last characters of a unit, a multiplier or a qualifier: a match ends on one of them unless a
    currency came first ($150.5), so bare numbers, most of the digits in a text, never reach Python."""
    notes = vocabulary()["implicit_currency"]["note_closings"]
    ends = frozenset(form[-1] for form in forms([*_unit_words(), *notes]))
    return ends | frozenset(big_unit_class()[1:-1])


def _unit_words() -> list[str]:
    """The words an amount's number may be followed by: a currency, 元, a measure word, a qualifier."""
    table = vocabulary()
    return [
        *currency_words(),
        *table["implicit_currency"]["words"],
        *table["measure_words"],
        *qualifier_words("after"),
        *qualifier_words("inner"),
    ]


def _currency_end() -> str:
    """A class of the last characters of the currencies: a number after one is money ($150.5)."""
    return char_class(form[-1] for form in forms(currency_words()))


@cache
def _amount_regex() -> re.Pattern[str]:
    return compile_pattern(_digit_guard() + unit_tested_pattern())


def unit_tested_pattern() -> str:
    """`amount_pattern` ending on a unit, a multiplier or a qualifier unless a currency came first."""
    return f"(?>{amount_pattern()})(?(maybe_prefix)|(?<={char_class(_unit_ends())}))"


def _digit_guard() -> str:
    """A lookahead failing a digit where no amount starts: inside a number (after a digit, a point or a
    letter), where no Arabic numeral starts and no Chinese one can; and the first digit of a number
    that no currency comes before and nothing an amount goes on with comes after (a year, a bare
    count), which would match as a bare number only to fail the unit test at its end. The engine then
    leaves most digits of a text after one test each instead of trying the pattern. Led by the numeral
    starters, so that the other characters of a text are still failed by one class test."""
    currency_end = _currency_end()
    followers = char_class(going_on())
    bare = rf"(?<!{currency_end}[0-9])(?<!{currency_end} [0-9])(?![\d,.]*{followers})"
    return rf"(?=[{numeral_starters()}])(?![0-9](?:(?<=[\d.A-Za-z][0-9])|{bare}))"


def going_on() -> set[str]:
    """The characters an amount's number may go on with after its digits: a qualifier (余, 左右), a
    multiplier (万), a currency, 元 or a measure word, a range separator, or a space before one."""
    words = [*_unit_words(), *vocabulary()["range_separators"]]
    return {form[0] for form in forms(words)} | set(unit_class()[1:-1]) | {" "}


@cache
def _loss_regex() -> re.Pattern[str]:
    table = vocabulary()
    return compile_pattern(rf"{alternation(table['loss_words'])}{alternation(table['loss_links'])}?\Z")


@cache
def _per_share_regex() -> re.Pattern[str]:
    """A per-share word (每股) or lot (每10股) shortly before a number, in its clause; group `word`."""
    table = vocabulary()
    breaks = "".join(re.escape(mark) for mark in table["clause_breaks"])
    window = int(table["per_share_window"])
    words = alternation([*table["per_share_words"], *table["per_share_lots"]])
    return compile_pattern(rf"(?P<word>{words})[^{breaks}]{{0,{window}}}\Z")


@cache
def _lot_sizes() -> dict[str, int]:
    """The shares in a lot (每10股 → 10), by each written form of the lot."""
    return {form: int(size) for lot, size in vocabulary()["per_share_lots"].items() for form in forms([lot])}


@cache
def _range_ratio() -> Decimal:
    return Decimal(str(vocabulary()["range_max_ratio"]))


@cache
def _word_set(name: str) -> frozenset[str]:
    """The words of the list `name` of recognize.yaml, with their normal forms."""
    return frozenset(forms(vocabulary()[name]))


@cache
def _trailing_units() -> re.Pattern[str]:
    return compile_pattern(rf"{unit_class()}+\Z")


@cache
def _big_units() -> re.Pattern[str]:
    return compile_pattern(rf"{big_unit_class()}+\Z")


def find_amounts(text: str) -> list[Mention]:
    """Every amount in normalized `text`, in order."""
    found: list[Mention] = []
    unit_ends = _unit_ends()
    for match in _amount_regex().finditer(text):
        if _is_vague(text, match):
            continue
        leads = _leads(text, match.start())
        if leads.currency is not None or text[match.end() - 1] in unit_ends:
            parts = _parts(match, leads, found[-1].end if found else 0)
            found.extend(_amounts_from(match, parts, text))
    return found


def _is_vague(text: str, match: re.Match[str]) -> bool:
    """Whether the numeral opens with a multiplier right after a word of vague quantity (数十亿美元,
    几百万用户, 上千人): several of that multiplier, no figure."""
    start = match.start()
    return start > 0 and text[start - 1] in _word_set("vague_quantities") and has_multiplier(text[start])


def read_amount(surface: str) -> Mention | None:
    """The amount a phrase begins with (a change's magnitude: 逾50亿美元), or None."""
    mentions = find_amounts(surface)
    return mentions[0] if mentions and mentions[0].start == 0 else None


class Leads(NamedTuple):
    """The words written right before a number, each with where it starts: a currency (US$, 人民币) and
    a qualifier (约, 超过) before the currency or, without one, before the number."""

    currency: str | None = None
    currency_start: int = 0
    qualifier: str | None = None
    qualifier_start: int = 0


_NO_LEADS = Leads()


def _leads(text: str, start: int) -> Leads:
    """The words written right before the number at `start`, read backwards: a currency ending there
    or one space before (US$ 150), with a qualifier before it (约人民币100亿); else a qualifier ending
    there (约100亿). The longest word wins. Most numbers follow no such word, which one test tells."""
    if start == 0 or text[start - 1] not in _lead_last_characters():
        return _NO_LEADS
    end = start - 1 if start > 0 and text[start - 1] == " " else start
    currency = _word_ending(text, end, _currency_forms())
    if currency is None:
        before = _word_ending(text, start, _before_forms())
        return _NO_LEADS if before is None else Leads(qualifier=before, qualifier_start=start - len(before))
    currency_start = end - len(currency)
    before = _word_ending(text, currency_start, _before_forms())
    return Leads(currency, currency_start, before, currency_start - len(before or ""))


def _word_ending(text: str, end: int, words: Words) -> str | None:
    """The longest of `words` that ends at `end` in `text`."""
    if end == 0 or text[end - 1] not in words.last_characters:
        return None
    for length in range(min(words.longest, end), 0, -1):
        if text[end - length : end] in words.forms:
            return text[end - length : end]
    return None


class Words(NamedTuple):
    """A word list for looking words up by where they end."""

    forms: frozenset[str]
    longest: int
    last_characters: frozenset[str]

    @classmethod
    def of(cls, forms: Iterable[str]) -> Words:
        found = frozenset(forms)
        return cls(found, max(map(len, found)), frozenset(form[-1] for form in found))


@cache
def _lead_last_characters() -> frozenset[str]:
    """The characters a word before a number may end with, and the space before one (US$ 150)."""
    return _currency_forms().last_characters | _before_forms().last_characters | {" "}


@cache
def _currency_forms() -> Words:
    return Words.of(currency_words())


@cache
def _before_forms() -> Words:
    return Words.of(qualifier_words("before"))


class Parts(NamedTuple):
    """What an amount match says, read once: where the mention starts, the words before the number it
    takes, and the match's groups (see `amount_pattern`)."""

    start: int
    prefix: str | None  # a currency before the number
    before: str | None  # a qualifier before the currency or the number
    plain: str  # `low` without its inner qualifier words (2000多亿 → 2000亿)
    low: str
    high: str | None
    low_unit: str | None
    low_currency: str | None
    currency: str | None
    implicit: str | None
    named: str | None
    noted: str | None  # the currency of a bare 元 written in brackets after it: 1,928亿元(人民币)
    measure: str | None
    after: str | None


_GROUPS = Parts._fields[4:]  # the pattern's groups, in the order of Parts


def _parts(match: re.Match[str], leads: Leads, floor: int) -> Parts:
    """The match's parts; the mention starts at the first word before the number that it takes, and a
    word that the previous amount (ending at `floor`) took is dropped."""
    start, prefix, before = match.start(), None, None
    if leads.currency is not None and leads.currency_start >= floor:
        start, prefix = leads.currency_start, leads.currency
    if leads.qualifier is not None and leads.qualifier_start >= floor:
        start, before = leads.qualifier_start, leads.qualifier
    groups = match.group(*_GROUPS)
    return Parts(start, prefix, before, _plain(groups[0]), *groups)


def _amounts_from(match: re.Match[str], parts: Parts, text: str) -> list[Mention]:
    """The amount (or two levels) a match states."""
    unit, implicit = _unit_of(parts)
    start, high = parts.start, parts.high
    if high is not None and start > 0 and text[start - 1] in _FROM:
        return _levels_from(match, parts, text, unit, implicit)
    if not _is_amount(match, parts, text, unit):
        return []
    cents = _in_cents(parts)
    if high is None and not cents:  # one figure, most amounts: no arithmetic, so read as a float at once
        value = numeral_float(parts.plain)
        if value is None:
            return []
        return [_mention(text, start, match.end(), value, None, unit, _qualifier(parts), implicit)]
    low_value, high_value = _values(parts.plain, high)
    if low_value is None or (high is not None and (high_value is None or high_value < low_value)):
        return []
    if cents:
        low_value, high_value = low_value / 100, None if high_value is None else high_value / 100
    if high_value is None:
        return [_mention(text, start, match.end(), float(low_value), None, unit, _qualifier(parts), implicit)]
    if parts.low_unit and high_value > _range_ratio() * low_value:
        return _levels_from(match, parts, text, unit, implicit)
    middle, ends = float((low_value + high_value) / 2), (float(low_value), float(high_value))
    return [_mention(text, start, match.end(), middle, ends, unit, _RANGE, implicit)]


def _mention(
    text: str,
    start: int,
    end: int,
    value: float,
    ends: tuple[float, float] | None,
    unit: str | None,
    qualifier: Qualifier,
    implicit: bool,
) -> Mention:
    """The amount of one value or a range's midpoint and two ends, made negative after a minus sign
    (-3亿元, whose span it joins) or a loss word (亏损166亿), and marked per share after 每股; after
    每10股 divided by the shares of the lot."""
    counted = unit is None or unit == "count"
    sign = 1.0
    if not counted and ends is None and minus_before(text, start):  # 录得-3亿元
        start, sign = start - 1, -1.0
    elif unit != "count" and _after_loss_word(text, start):
        sign = -1.0
    per = None if counted else _per_share_regex().search(text, max(0, start - 16), start)
    per_share = per is not None
    if per is not None and (lot := _lot_sizes().get(per["word"])) is not None:
        value = _per_share_of(value, lot)
        if ends is not None:
            ends = (_per_share_of(ends[0], lot), _per_share_of(ends[1], lot))
    value_range = None
    if ends is not None:
        low, high = sorted((sign * ends[0], sign * ends[1]))
        value_range = (low, high)
    # Positional: keyword arguments make the mention take twice as long to build.
    return Mention(
        _AMOUNT, start, end, text[start:end], sign * value, value_range, unit, qualifier, implicit, per_share
    )


def _per_share_of(value: float, lot: int) -> float:
    """A lot's payout per share, rounded off the float error of the division (276.24 / 10)."""
    return round(value / lot, 10)


def _after_loss_word(text: str, start: int) -> bool:
    """Whether a loss word (with its link: 亏损了) ends at `start`; the character before `start` is
    tested first, which rules out most numbers without running the pattern."""
    return (
        start > 0
        and text[start - 1] in _loss_last_characters()
        and _loss_regex().search(text, max(0, start - 6), start) is not None
    )


@cache
def _loss_last_characters() -> frozenset[str]:
    table = vocabulary()
    return frozenset(form[-1] for form in forms([*table["loss_words"], *table["loss_links"]]))


def _levels_from(
    match: re.Match[str], parts: Parts, text: str, unit: str | None, implicit: bool
) -> list[Mention]:
    """从100亿至200亿美元, 上涨0.5美元至10美元: two levels, not a range; the low one takes its own
    currency or the last unit."""
    assert parts.high is not None  # only a range is two levels
    low_unit = currency_words()[parts.low_currency] if parts.low_currency else unit
    low_end = match.end("low_unit") if parts.low_unit else match.end("low")
    ends = (
        (parts.plain, parts.start, low_end, low_unit, implicit and low_unit == unit, _qualifier(parts)),
        (_plain(parts.high), match.start("high"), match.end(), unit, implicit, _EXACT),
    )
    levels = []
    for numeral, level_start, end, level_unit, level_implicit, qualifier in ends:
        value = numeral_float(numeral)
        if value is None or (level_unit is None and not has_big_unit(numeral)):
            continue
        levels.append(_mention(text, level_start, end, value, None, level_unit, qualifier, level_implicit))
    return levels


def _in_cents(parts: Parts) -> bool:
    """Whether the currency is written as its hundredth (34.1美仙)."""
    cents = cent_words()
    return parts.prefix in cents or parts.currency in cents or parts.named in cents


def _unit_of(parts: Parts) -> tuple[str | None, bool]:
    """The unit (ISO code, "count" or None) and whether it is a bare 元 that context may override."""
    for word in (parts.prefix, parts.currency, parts.named, parts.noted, parts.low_currency):
        if word:
            return currency_words()[word.strip()], False
    if parts.implicit:
        return _implicit_code(), True
    if parts.measure:
        return "count", False
    return None, False


@cache
def _implicit_code() -> str:
    return str(vocabulary()["implicit_currency"]["code"])


def _is_amount(match: re.Match[str], parts: Parts, text: str, unit: str | None) -> bool:
    low, high = parts.low, parts.high
    last = high or low
    if unit is None and not has_big_unit(last):
        return False
    if unit in {None, "count"} and starts_with_multiplier(low):
        return False
    if is_chinese(low) and not has_multiplier(last) and high is None:
        if unit in {None, "count"}:
            return False
        before = text[match.start() - 1] if match.start() > 0 else ""
        qualified = bool(parts.prefix or parts.before)
        return qualified or not is_han(before) or before in _word_set("numeral_lead_ins")
    return True


def _values(low_plain: str, high: str | None) -> tuple[Decimal | None, Decimal | None]:
    """The values of the ends. A low end without multipliers takes all of the high end's (八到九百亿 →
    八百亿); one without 万/亿 takes the high end's big units (十到十五亿 → 十亿)."""
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
    return _inner_regex().sub("", numeral)


def _qualifier(parts: Parts) -> Qualifier:
    return (
        qualifier_of(parts.before, "before")
        or qualifier_of(parts.after, "after")
        or (_OVER if parts.plain != parts.low else _EXACT)
    )


@cache
def _inner_regex() -> re.Pattern[str]:
    """Qualifier words inside a numeral (2000多亿): at least that much."""
    return compile_pattern(alternation(qualifier_words("inner")))
