"""Changes: a direction and a magnitude, with the basis the text states.

同比增长14% (percent +14, yoy), 年减64% (percent -64, yoy), 提升1.8个百分点 (points +1.8, never per
cent), 减少50亿美元 (amount -5e9), 增幅达到31% and 跌幅9.99% (rate nouns), 三位数增长 (percent 100,
over), 翻倍 (percent +100). Multiples: 增长2倍 reads "grew by two times" (+200), 增至4倍 "grew to four
times" (+300). A direction followed by 至/为 names the level reached (飙升至777亿美元): that is no
magnitude, the level is an AMOUNT or PERCENT of its own.

The span runs from the basis word (同比, 较去年同期) through the direction to the end of the magnitude.
Two changes joined by a range word (环比持平到增长2%, 季减1%至持平) are one change over that range.
环比 is read as quarter on quarter; a monthly 环比 is for the claim assembly to tell from context.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.models import Basis, Qualifier
from extractor.recognize.amounts import amount_pattern, read_amount
from extractor.recognize.mentions import Mention, MentionKind
from extractor.recognize.numbers import big_unit_class, digit_class, numeral_float, point_class, unit_class
from extractor.recognize.patterns import (
    alternation,
    anonymous,
    compile_pattern,
    currency_words,
    ends_with,
    first_characters,
    forms,
    lookup,
    qualifier_of,
    qualifier_words,
    vocabulary,
)
from extractor.recognize.percents import level_of, percent_pattern, signed_range

_CHANGE, _QOQ, _MOM, _EXACT, _OVER = (  # read once, not per match
    MentionKind.CHANGE,
    Basis.QOQ,
    Basis.MOM,
    Qualifier.EXACT,
    Qualifier.OVER,
)


def _bases_words() -> list[str]:
    return [word for words in vocabulary()["change"]["bases"].values() for word in words]


@cache
def _directions() -> dict[str, str]:
    change = vocabulary()["change"]
    return lookup(
        {"up": [*change["up"], *change["rate_up"]], "down": [*change["down"], *change["rate_down"]]}
    )


@cache
def _bases() -> dict[str, Basis]:
    change = vocabulary()["change"]
    words = {**lookup(change["bases"]), **{word: basis for word, basis in change["fused_bases"].items()}}
    return {word: Basis(basis) for word, basis in words.items()}


@cache
def _doubling() -> dict[str, int]:
    return {
        form: value for word, value in vocabulary()["change"]["doubling"].items() for form in forms([word])
    }


@cache
def _digit_counts() -> dict[str, int]:
    return {
        form: value
        for word, value in vocabulary()["change"]["digit_counts"].items()
        for form in forms([word])
    }


@cache
def change_pattern() -> str:
    change = vocabulary()["change"]
    digits, small = digit_class(), unit_class()
    simple = rf"(?:\d+(?:\.\d+)?|[{digits[1:-1]}{small[1:-1]}]{{1,6}}(?:{point_class()}{digits}{{1,4}})?)"
    before = alternation(qualifier_words("before"))
    currency = alternation(currency_words())
    amount_end = ends_with(
        [
            *currency_words(),
            *vocabulary()["implicit_currency"]["words"],
            *vocabulary()["measure_words"],
            *qualifier_words("after"),
        ]
    )
    times = alternation(change["multiple_marks"])
    to_range = alternation(vocabulary()["range_separators"])
    # The percentage keeps its groups, so `level_of` reads it from the change's match; the change's
    # own groups are named apart from them (magnitude_before, not before).
    magnitude = (
        rf"(?:(?P<percent>{percent_pattern()})"
        rf"|(?P<magnitude_before>{before})?(?:(?P<points>{simple})(?:{to_range}(?P<points_high>{simple}))?"
        rf"{alternation(change['points'])}"
        rf"|(?P<basis_points>{simple}){alternation(change['basis_points'])}"
        rf"|(?P<multiple>{simple}){times}"
        rf"|(?P<digits>{alternation(_digit_counts())})"
        rf"|(?P<doubling>{alternation(_doubling())}))"
        rf"|(?P<amount>(?:{before})?(?:{currency} ?)?{anonymous(amount_pattern())})"
        rf"(?:{amount_end}|(?<={big_unit_class()})))"
    )
    fused_not_after = "".join(change["fused_not_after"])

    def fused(name: str) -> str:
        """A basis fused with the direction (年增, 季减) in group `name`; one group, so that `?` after
        it makes the lookbehind optional too."""
        return rf"(?:(?<![\d{fused_not_after}])(?P<{name}>{alternation(change['fused_bases'])}))"

    up_down = alternation([*change["up"], *change["down"]])
    rates = alternation([*change["rate_up"], *change["rate_down"]])
    links = alternation([*change["links"], *change["adverbs"]])
    rate_links = alternation([*change["links"], *change["adverbs"], *change["rate_links"]])
    to_marks = alternation(change["to_marks"])
    not_direction = alternation(change["direction_not_before"])
    to_level = rf"(?P<to>{to_marks})(?P<to_before>{before})?(?P<to_multiple>{simple}){times}"
    # A rate noun or a direction, then the magnitude; a direction reaching a multiple (增至4倍) has none.
    moved = (
        rf"{fused('fused')}?(?:(?P<rate>{rates})(?>(?:{rate_links}){{0,3}})"
        rf"|(?P<direction>{up_down})(?!{not_direction})(?:{to_level}|(?>(?:{links}){{0,3}})))"
        rf"(?(to)|{magnitude})"
    )
    return (
        rf"(?:(?P<basis>{alternation(_bases_words())})(?:{alternation(change['adverbs'])}){{0,2}})?"
        rf"(?:{moved}"
        rf"|(?P<lead_before>{before})?(?P<lead_digits>{alternation(_digit_counts())})的?{fused('lead_fused')}?"
        rf"(?P<lead_direction>{rates}|{up_down})"
        rf"|(?P<lead_doubling>{alternation(_doubling())})|(?P<flat>{alternation(change['flat'])}))"
    )


@cache
def _change_regex() -> re.Pattern[str]:
    change = vocabulary()["change"]
    words = [*_bases_words(), *change["fused_bases"], *_directions(), *qualifier_words("before")]
    starters = first_characters([*words, *_digit_counts(), *_doubling(), *change["flat"]])
    return compile_pattern(starters + change_pattern())


def find_changes(text: str) -> list[Mention]:
    """Every change in normalized `text`, in order; two joined by a range word as one range."""
    found: list[Mention] = []
    separators = _range_separators()
    for match in _change_regex().finditer(text):
        mention = _change_from(match)
        if mention is None:
            continue
        last = found[-1] if found else None
        if last is not None and mention.start == last.end + 1 and text[last.end] in separators:
            joined = _joined_range(text, last, mention)
            if joined is not None:
                found[-1] = joined
                continue
        found.append(mention)
    return found


@cache
def _range_separators() -> frozenset[str]:
    """The range words, each one character (至, 到, -)."""
    separators = frozenset(forms(vocabulary()["range_separators"]))
    assert all(len(separator) == 1 for separator in separators)
    return separators


def _joined_range(text: str, first: Mention, second: Mention) -> Mention | None:
    """Two changes joined by a range word as the one range they state (环比持平到增长2%, 季减1%至持平),
    when the second names no basis of its own other than the first's and both are in per cent."""
    if (
        second.basis not in (None, first.basis)
        or first.percent is None
        or second.percent is None
        or first.value_range is not None
        or second.value_range is not None
    ):
        return None
    ends = signed_range((first.percent, second.percent), 1.0)
    return Mention(
        _CHANGE,
        first.start,
        second.end,
        text[first.start : second.end],
        value_range=ends,
        qualifier=Qualifier.RANGE,
        basis=first.basis,
        percent=sum(ends) / 2,
    )


def _change_from(match: re.Match[str]) -> Mention | None:
    word = match["direction"] or match["rate"] or match["lead_direction"]
    sign = -1.0 if word is not None and _directions().get(word) == "down" else 1.0
    basis_word = match["basis"] or match["fused"] or match["lead_fused"]
    magnitude = _magnitude(match, sign)
    if magnitude is None:
        return None
    start, end = match.start(), magnitude.pop("end", match.end())
    basis = _bases()[basis_word] if basis_word else None
    if basis is _QOQ and basis_word in _sequential_words() and _monthly_before(match):
        basis = _MOM
    return Mention(_CHANGE, start, end, match.string[start:end], basis=basis, **magnitude)


@cache
def _sequential_words() -> frozenset[str]:
    return frozenset(forms(vocabulary()["change"]["sequential_bases"]))


@cache
def _monthly_regex() -> re.Pattern[str]:
    change = vocabulary()["change"]
    breaks = "".join(re.escape(mark) for mark in vocabulary()["sentence_breaks"])
    month = rf"(?:\d{{1,2}}|{digit_class()[:-1]}十]{{1,2}})月(?!\d{{0,2}}[日号])"
    monthly = rf"{month}|{alternation(change['monthly_words'])}"
    return compile_pattern(rf"(?:{monthly})(?:(?!{alternation(change['quarterly_words'])})[^{breaks}])*\Z")


def _monthly_before(match: re.Match[str]) -> bool:
    """Whether the sentence before the change speaks of a month and, after it, of no quarter."""
    start = match.start()
    return bool(_monthly_regex().search(match.string, max(0, start - 60), start))


def _magnitude(match: re.Match[str], sign: float) -> dict[str, Any] | None:
    """The mention fields of the signed magnitude (percent, points or amount) and its qualifier."""
    if match["percent"]:
        level = level_of(match, descending=sign < 0)
        if level is None:
            return None
        ends = level.value_range
        value_range = None if ends is None else signed_range(ends, sign)
        return {"percent": sign * level.value, "value_range": value_range, "qualifier": level.qualifier}
    if match["amount"]:
        amount = read_amount(match["amount"])
        if amount is None or amount.value is None:
            return None
        return {
            "end": match.start("amount") + amount.end,  # 上涨0.5美元 of 上涨0.5美元至10美元
            "amount": sign * abs(amount.value),
            "unit": amount.unit,
            "qualifier": amount.qualifier,
            "implicit_unit": amount.implicit_unit,
        }
    qualifier = _qualifier(match["magnitude_before"] or match["to_before"] or match["lead_before"])
    if match["points_high"]:  # 提升0.5至1个百分点
        low, high = numeral_float(match["points"]), numeral_float(match["points_high"])
        if low is None or high is None:
            return None
        ends = signed_range((low, high), sign)
        return {"points": sum(ends) / 2, "value_range": ends, "qualifier": Qualifier.RANGE}
    for group, scale in (("points", 1.0), ("basis_points", 0.01)):
        if match[group]:
            value = numeral_float(match[group])
            return None if value is None else {"points": sign * value * scale, "qualifier": qualifier}
    multiple = match["multiple"] or match["to_multiple"]
    if multiple:
        value = numeral_float(multiple)
        if value is None:
            return None
        times = value - 1 if match["to_multiple"] else value
        return {"percent": sign * times * 100, "qualifier": qualifier}
    digits = match["digits"] or match["lead_digits"]
    if digits:
        return {"percent": sign * _digit_counts()[digits], "qualifier": _OVER}
    if match["flat"]:
        return {"percent": 0.0}
    doubling = match["doubling"] or match["lead_doubling"]
    if doubling:
        return {"percent": float(_doubling()[doubling]), "qualifier": qualifier}
    return None


def _qualifier(word: str | None) -> Qualifier:
    return qualifier_of(word, "before") or _EXACT
