"""The pattern layer: numbers, percentages, changes and periods found with `regex` over normalized text.

Each family is one compiled pattern built from the data tables (`recognize.yaml`, `numerals.yaml`,
`currencies.yaml`) and run once over the text. A percentage or amount that is the magnitude of a
change (同比增长14%, 减少50亿美元) is reported inside the CHANGE only; the level a change reaches
(下降23%至10亿美元) stays an AMOUNT of its own. The later magnitudes of a change stated respectively
(同比分别下降3.1%和32.6%) are changes too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from operator import attrgetter

from extractor.recognize.amounts import find_amounts
from extractor.recognize.changes import find_changes
from extractor.recognize.mentions import Mention, MentionKind, Period, RelativePeriod
from extractor.recognize.percents import find_percents
from extractor.recognize.periods import find_periods
from extractor.recognize.respective import with_respective_changes
from extractor.recognize.tolerances import with_tolerances

__all__ = ["Mention", "MentionKind", "Period", "RelativePeriod", "recognize"]

_POSITION = attrgetter("start", "end")


def recognize(text: str) -> list[Mention]:
    """Every amount, percentage, change and period in normalized `text`, in order of position."""
    changes = find_changes(text)
    inside = _within(changes)
    levels = [amount for amount in find_amounts(text) if not inside(amount.start, amount.end)]
    levels.extend(find_percents(text, skip=inside))
    levels = with_tolerances(text, levels)
    changes, levels = with_respective_changes(text, changes, levels)
    mentions = [*levels, *changes, *find_periods(text)]
    return sorted(mentions, key=_POSITION)


def _within(changes: list[Mention]) -> Callable[[int, int], bool]:
    """Whether a span lies within a change's span (changes are sorted and do not overlap)."""
    starts = [change.start for change in changes]

    def inside(start: int, end: int) -> bool:
        index = bisect_right(starts, start) - 1
        return index >= 0 and end <= changes[index].end

    return inside
