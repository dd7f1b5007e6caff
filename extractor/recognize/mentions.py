"""What the recognizers find: typed mentions with normalized values and exact spans.

Spans index the normalized text (see `extractor.normalize`); the pipeline maps them to the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from extractor.models import Basis, Qualifier


class MentionKind(StrEnum):
    AMOUNT = "amount"  # money or a counted quantity: 2134亿美元, 1.4万人, 140万颗
    PERCENT = "percent"  # a level in per cent: 35.0%, 七成, 百分之十四
    CHANGE = "change"  # how something moved: 同比增长14%, 下降23%, 提升1.8个百分点, 翻倍
    PERIOD = "period"  # when: 2025年第四季度, 全年, 2月9日, 同期


class RelativePeriod(StrEnum):
    """Periods the text names by reference; the claim assembly resolves them from context."""

    SAME_PERIOD = "same_period"  # 同期
    SAME_YEAR = "same_year"  # 同年
    THIS_QUARTER = "this_quarter"  # 本季度, 当季
    PRIOR_YEAR_PERIOD = "prior_year_period"  # 上年同期, 去年同期
    LAST_YEAR = "last_year"  # 去年, 上年
    THIS_YEAR = "this_year"  # 今年, 本年
    NEXT_YEAR = "next_year"  # 明年
    LAST_QUARTER = "last_quarter"  # 上季, 上一季度
    SAME_DAY = "same_day"  # 当日, 当天: the day the text last named


@dataclass(frozen=True, slots=True)
class Period:
    """A period as stated. `part` is None for a full year, else Q1-Q4, H1/H2, 9M, a month (`10`) or a
    day (`02-09`). `year` is None when the text leaves it to context; `day` alone is a day whose month
    the text leaves to context (台积电8日收在1,395元). A `part` of "span" is a run of months the contract
    has no period for (1-10月, 前10个月): its label is None."""

    year: int | None = None
    part: str | None = None
    fiscal: bool = False
    relative: RelativePeriod | None = None
    day: int | None = None
    calendar: bool = False  # named by its months (12月季度): a calendar period even in a fiscal report

    def label(self, year: int | None = None) -> str | None:
        """The contract's period string (2025-Q4, FY2026-Q3, 2026-02-09), or None without a year."""
        resolved = self.year if self.year is not None else year
        if resolved is None or self.part == "span":
            return None
        prefix = "FY" if self.fiscal else ""
        return f"{prefix}{resolved}" if self.part is None else f"{prefix}{resolved}-{self.part}"


@dataclass(slots=True)  # not frozen: a frozen dataclass takes five times as long to build
class Mention:
    """One recognized number, change or period.

    AMOUNT and PERCENT carry `value` (base units; a loss negative; a range's midpoint), `value_range`,
    `unit` and `qualifier`. CHANGE carries `basis` (None when the text names none), and `percent`,
    `points` or `amount` (signed). PERIOD carries `period`.

    A CHANGE also carries its magnitude's `qualifier` (蒸发逾2500亿美元 → over), an amount change's
    `unit` and `implicit_unit`, and for a stated range (同比增长10%至12%) the midpoint with the signed
    ends in `value_range` and qualifier RANGE. A PERCENT or AMOUNT that is a change's magnitude is not
    reported again on its own. Spans include the qualifier words (约2000亿美元, 超6成); words governing
    a number from outside (亏损, 每股) stay outside the span and show in `value`'s sign and `per_share`.
    """

    kind: MentionKind
    start: int
    end: int
    text: str
    value: float | None = None
    value_range: tuple[float, float] | None = None
    unit: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    implicit_unit: bool = False  # a bare 元: the currency comes from the article's context
    per_share: bool = False  # 每股1.95美元
    basis: Basis | None = None
    percent: float | None = None
    points: float | None = None
    amount: float | None = None
    period: Period | None = None
