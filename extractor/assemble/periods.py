"""Periods in context: a stated period with its year filled in, relative periods resolved."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from extractor.recognize.mentions import Period, RelativePeriod

_QUARTER_END_MONTH = {"Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "H1": 6, "H2": 12, "9M": 9}
# a quarter starts two months before it ends, the second half in July; the rest in January
_START_MONTH: dict[str | None, int] = {
    **{part: month - 2 for part, month in _QUARTER_END_MONTH.items() if part.startswith("Q")},
    "H2": 7,
}
_LATE_REPORT_MONTHS = 9
_LOOKING_BACK = frozenset(
    {RelativePeriod.PRIOR_YEAR_PERIOD, RelativePeriod.LAST_QUARTER, RelativePeriod.LAST_YEAR}
)
_LAST_DAYS = {
    3: 31,
    6: 30,
    9: 30,
    12: 31,
}  # a Q4 or full-year report comes out in the next year's first months


@dataclass(slots=True)
class PeriodContext:
    """What a period without a year or stated by reference is read against.

    `report` is the article's main period (its first period with a year); `current` the period the
    text last spoke of, which 同期 and 本季度 refer back to; `calendar_year` the first calendar year the
    text writes, which dates take when the report is a fiscal period.
    """

    report: Period | None = None
    current: Period | None = None
    calendar_year: int | None = None

    def resolve(self, period: Period) -> Period | None:
        """`period` with its year, or None when the context cannot give one. A half or quarter without a
        year in a fiscal report is the fiscal one (苹果四季度 in a 2025财年 story)."""
        if period.relative is not None:
            return self._resolve_relative(period.relative, period.part, fiscal=period.fiscal)
        if period.year is not None:
            return period
        anchor = self.current or self.report
        if anchor is None or anchor.year is None:
            return None
        month = _month_of(period.part)
        if (month is not None or period.calendar) and self.report is not None and self.report.fiscal:
            year = self.calendar_year if self.calendar_year is not None else anchor.year
            return in_year(period, year, fiscal=False)
        fiscal = period.fiscal or (
            month is None and not period.calendar and self.report is not None and self.report.fiscal
        )
        return in_year(period, self._year_for(period, anchor), fiscal)

    def _year_for(self, period: Period, anchor: Period) -> int:
        """A year, half or quarter without a year is the report's year; a month or a day after a Q4 or
        full-year report falls in the year after it."""
        assert anchor.year is not None
        report = self.report or anchor
        month = _month_of(period.part)
        if month is None and report.year is not None:
            return report.year
        if (
            month is not None
            and report.year is not None
            and _end_month(report.part) == 12
            and month <= _LATE_REPORT_MONTHS
            and anchor.year == report.year
        ):
            return report.year + 1
        return anchor.year

    def _resolve_relative(
        self, relative: RelativePeriod, part: str | None = None, *, fiscal: bool = False
    ) -> Period | None:
        """A period named by reference; 去年第四季度 keeps its quarter. A fiscal year named so (本财年,
        下财年) counts from the fiscal year of a fiscal report."""
        current = self.current or self.report
        if current is None or current.year is None:
            return None
        if relative is RelativePeriod.SAME_PERIOD:
            return current
        if relative is RelativePeriod.THIS_QUARTER:
            return self.report if self.report is not None and self.report.part is not None else current
        if relative is RelativePeriod.SAME_YEAR:
            return Period(year=current.year, fiscal=current.fiscal)
        if relative is RelativePeriod.SAME_DAY:
            return None
        if relative is RelativePeriod.PRIOR_YEAR_PERIOD:
            return replace(current, year=current.year - 1, relative=None)
        if relative is RelativePeriod.LAST_QUARTER:
            return previous_quarter(current)
        report = self.report
        year = report.year if fiscal and report is not None and report.fiscal else self.publication_year()
        if year is None:
            return None
        offset = {RelativePeriod.LAST_YEAR: -1, RelativePeriod.THIS_YEAR: 0, RelativePeriod.NEXT_YEAR: 1}[
            relative
        ]
        return Period(year=year + offset, part=part, fiscal=fiscal)

    def publication_year(self) -> int | None:
        """The year the article was written in, which 去年, 今年 and 明年 count from: a report on a
        period ending in December comes out in the next year."""
        report = self.report
        if report is None or report.year is None:
            return None
        if not report.fiscal and _end_month(report.part) == 12:
            return report.year + 1
        return report.year


@dataclass(slots=True)
class StatedPeriod:
    """A period as the text states it (`period` without context), with how the text uses it: as the
    base of a comparison (较上一季), or as the date something stands at (截至9月30日)."""

    start: int
    end: int
    text: str
    period: Period
    comparison: bool
    as_of: bool


def quarter_ending(period: Period) -> Period:
    """The quarter an as-of date closes (截至9月30日, 截至九月末 → Q3), else the date itself."""
    month = _month_of(period.part)
    if month is None or month % 3 or period.year is None:
        return period
    day = period.part[3:] if period.part is not None else ""
    if day and int(day) < _LAST_DAYS[month]:
        return period
    return Period(year=period.year, part=f"Q{month // 3}", fiscal=period.fiscal)


def in_year(period: Period, year: int, fiscal: bool) -> Period:
    """`period` placed in `year`, built field by field: `dataclasses.replace` takes twice as long, and
    the assembly places a period for most numbers it links."""
    return Period(year, period.part, fiscal, period.relative, period.day, period.calendar)


def looks_back(period: Period) -> bool:
    """A period named as the base of a comparison: 去年同期, 上一季, 去年."""
    return period.relative in _LOOKING_BACK


def previous_quarter(period: Period) -> Period | None:
    if period.year is None or period.part not in ("Q1", "Q2", "Q3", "Q4"):
        return None
    number = int(period.part[1])
    if number == 1:
        return replace(period, year=period.year - 1, part="Q4", relative=None)
    return replace(period, part=f"Q{number - 1}", relative=None)


def prior_year(period: Period) -> Period | None:
    return replace(period, year=period.year - 1) if period.year is not None else None


def is_after(period: Period, report: Period | None) -> bool:
    """Whether a year, half or quarter starts after the report period ends: an outlook, not a result."""
    if report is None or period.year is None or report.year is None or period.fiscal != report.fiscal:
        return False
    if period.year < report.year or _month_of(period.part) is not None:
        return False
    return period.year > report.year or _start_month(period.part) > _end_month(report.part)


def ends_before(period: Period, report: Period | None) -> bool:
    """Whether a quarter or half ends before the report period, in its year (Q1 of a Q4 report's year)."""
    if report is None or period.part is None or period.year != report.year or period.fiscal != report.fiscal:
        return False
    return _month_of(period.part) is None and _end_month(period.part) < _end_month(report.part)


def is_day(period: Period) -> bool:
    """A day (02-09), as opposed to a month or anything longer."""
    return period.part is not None and len(period.part) == len("02-09")


def is_dated(period: Period) -> bool:
    """A month or a day, as opposed to a year, half, quarter or nine months."""
    return _month_of(period.part) is not None


@cache
def _month_of(part: str | None) -> int | None:
    """The month of a month (`10`) or day (`02-09`) part; None for years, halves and quarters. Cached:
    parts are a closed set of labels, asked for several times per number."""
    if part is None or not part[:2].isdigit():
        return None
    return int(part[:2])


@cache
def _end_month(part: str | None) -> int:
    if part is None:
        return 12
    month = _month_of(part)
    return month if month is not None else _QUARTER_END_MONTH.get(part, 12)


def _start_month(part: str | None) -> int:
    return _START_MONTH.get(part, 1)
