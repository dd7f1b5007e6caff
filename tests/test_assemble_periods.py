"""Periods in context: a period stated without its year placed in the report's year."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from extractor.assemble.periods import PeriodContext, in_year, is_after
from extractor.recognize.mentions import Period, RelativePeriod

PLACED = [
    # 第四季度 in a calendar-year story
    (Period(part="Q4"), 2025, False, Period(year=2025, part="Q4")),
    # 上半财年 in a fiscal-year story
    (Period(part="H1", fiscal=True), 2026, True, Period(year=2026, part="H1", fiscal=True)),
    # 12月季度: a calendar quarter named by its months
    (Period(part="Q4", calendar=True), 2025, False, Period(year=2025, part="Q4", calendar=True)),
    # 10月9日
    (Period(part="10-09"), 2025, False, Period(year=2025, part="10-09")),
    # 8日, a day whose month the text leaves to context
    (Period(day=8), 2025, False, Period(year=2025, day=8)),
]


@pytest.mark.parametrize(("period", "year", "fiscal", "expected"), PLACED)
def test_in_year_places_a_period_as_replace_would(
    period: Period, year: int, fiscal: bool, expected: Period
) -> None:
    placed = in_year(period, year, fiscal)
    assert placed == expected
    assert placed == replace(period, year=year, fiscal=fiscal)


def test_in_year_knows_every_field_of_a_period() -> None:
    """`in_year` builds a period field by field: a field added to `Period` must be added there too."""
    assert [field.name for field in fields(Period)] == [
        "year",
        "part",
        "fiscal",
        "relative",
        "day",
        "calendar",
    ]
    period = Period(part="Q3", relative=RelativePeriod.SAME_PERIOD, day=30, calendar=True)
    assert in_year(period, 2025, True) == Period(2025, "Q3", True, RelativePeriod.SAME_PERIOD, 30, True)


RESOLVED = [
    # 第三季度 in a story on 2025年第四季度: the report's year
    (Period(year=2025, part="Q4"), Period(part="Q3"), Period(year=2025, part="Q3")),
    # 1月 after a 2025 full-year report: the next year
    (Period(year=2025), Period(part="01"), Period(year=2026, part="01")),
    # 二季度 in a 2025财年 story: the fiscal quarter
    (Period(year=2025, fiscal=True), Period(part="Q2"), Period(year=2025, part="Q2", fiscal=True)),
    # 12月季度 in a 2025财年 story: the calendar quarter
    (
        Period(year=2025, fiscal=True),
        Period(part="Q4", calendar=True),
        Period(year=2025, part="Q4", calendar=True),
    ),
]


# 本财年, 下财年 in a 2026财年 story: that fiscal year and the next; in a calendar story, counted from
# the year it was written in
_THIS_FISCAL_YEAR = Period(relative=RelativePeriod.THIS_YEAR, fiscal=True)
_NEXT_FISCAL_YEAR = Period(relative=RelativePeriod.NEXT_YEAR, fiscal=True)
RESOLVED += [
    (Period(year=2026, part="H1", fiscal=True), _THIS_FISCAL_YEAR, Period(year=2026, fiscal=True)),
    (Period(year=2026, part="H1", fiscal=True), _NEXT_FISCAL_YEAR, Period(year=2027, fiscal=True)),
    (Period(year=2025, part="Q4"), _THIS_FISCAL_YEAR, Period(year=2026, fiscal=True)),
]


@pytest.mark.parametrize(("report", "stated", "expected"), RESOLVED)
def test_a_period_without_a_year_takes_the_reports(report: Period, stated: Period, expected: Period) -> None:
    assert PeriodContext(report=report, current=report).resolve(stated) == expected


OUTLOOKS = [
    # 2026年资本支出 in a story on 2025-Q4: a year after the report
    (Period(year=2026), Period(year=2025, part="Q4"), True),
    # 2026年第一季度 guidance in a 2025-Q4 story
    (Period(year=2026, part="Q1"), Period(year=2025, part="Q4"), True),
    # 第四季度 of the report's own year: not after it
    (Period(year=2025, part="Q4"), Period(year=2025, part="Q4"), False),
    # 下半年 (H2) after a first-half report, in the same year
    (Period(year=2025, part="H2"), Period(year=2025, part="H1"), True),
    # 第三季度 after a first-half report: July starts after June
    (Period(year=2025, part="Q3"), Period(year=2025, part="H1"), True),
    # 第二季度 within a first-half report
    (Period(year=2025, part="Q2"), Period(year=2025, part="H1"), False),
    # 前三季度 (9M) against a Q2 report: it starts in January, before the report ends
    (Period(year=2025, part="9M"), Period(year=2025, part="Q2"), False),
    # 全年 of the report's year against its Q3: the year starts before the quarter ends
    (Period(year=2025), Period(year=2025, part="Q3"), False),
    # 2024年同期, a year before the report
    (Period(year=2024, part="Q4"), Period(year=2025, part="Q4"), False),
    # a month or a day is a date, never an outlook: 2026年1月, 2026年2月9日
    (Period(year=2026, part="01"), Period(year=2025, part="Q4"), False),
    (Period(year=2026, part="02-09"), Period(year=2025, part="Q4"), False),
    # 2026财年 against a calendar-year report: not comparable
    (Period(year=2026, fiscal=True), Period(year=2025, part="Q4"), False),
    # 2026财年第一季度 in a story on 2025财年第四季度
    (Period(year=2026, part="Q1", fiscal=True), Period(year=2025, part="Q4", fiscal=True), True),
    # a period without a year, or no report period at all
    (Period(part="Q1"), Period(year=2025, part="Q4"), False),
    (Period(year=2026), None, False),
]


@pytest.mark.parametrize(("period", "report", "expected"), OUTLOOKS)
def test_a_period_is_an_outlook_when_it_starts_after_the_report_ends(
    period: Period, report: Period | None, expected: bool
) -> None:
    assert is_after(period, report) is expected
