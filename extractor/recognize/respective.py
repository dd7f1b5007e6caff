"""Changes stated respectively: 营收和净利润同比分别下降3.1%和32.6%.

A change whose words include 分别 lists one magnitude per item named before it. The change pattern
reads the first magnitude into the change and the later ones as bare percentages; each later one is a
change too, with the first one's basis and direction. The claim assembly hands such a list out over as
many figures or metric terms, in order (`respective_groups`).
"""

from __future__ import annotations

import re
from functools import cache

from extractor.recognize.mentions import Mention, MentionKind
from extractor.recognize.patterns import alternation, compile_pattern, forms, vocabulary
from extractor.recognize.percents import signed_range

_CHANGE, _PERCENT = MentionKind.CHANGE, MentionKind.PERCENT


@cache
def _distributive_length() -> int:
    return max(map(len, forms(vocabulary()["change"]["distributive"])))


@cache
def _distributive_regex() -> re.Pattern[str]:
    return compile_pattern(alternation(vocabulary()["change"]["distributive"]))


@cache
def _joiners() -> frozenset[str]:
    return frozenset(forms(vocabulary()["change"]["list_joiners"]))


def with_respective_changes(
    text: str, changes: list[Mention], levels: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """`changes` with the percentages listed after a change stated respectively turned into changes,
    and `levels` without them. Both keep their order; most texts state no such change."""
    if _distributive_regex().search(text) is None:
        return changes, levels
    listing = [change for change in changes if change.percent and _states_respectively(text, change)]
    if not listing:
        return changes, levels
    by_start = {level.start: level for level in levels if level.kind is _PERCENT}
    taken: list[Mention] = []
    for change in listing:
        previous = change
        while (following := by_start.get(_listed_at(text, previous.end))) is not None:
            taken.append(_as_change(following, change))
            previous = following
    if not taken:
        return changes, levels
    starts = {mention.start for mention in taken}
    kept = [level for level in levels if level.start not in starts]
    return sorted([*changes, *taken], key=_start), kept


def respective_groups(text: str, changes: list[Mention]) -> dict[int, list[Mention]]:
    """The changes stated respectively among `changes` (in text order), each list keyed by the id of
    its first change: the one naming 分别, the others joined to it by list words."""
    groups: dict[int, list[Mention]] = {}
    group: list[Mention] = []
    for change in changes:
        if group and _listed_at(text, group[-1].end) == change.start:
            group.append(change)
            continue
        if len(group) >= 2:
            groups[id(group[0])] = group
        group = [change] if _states_respectively(text, change) else []
    if len(group) >= 2:
        groups[id(group[0])] = group
    return groups


def _states_respectively(text: str, change: Mention) -> bool:
    """Whether 分别 is among a change's words (同比分别下降) or right before it (分别增长40%)."""
    reach = _distributive_length()  # 分别 may stand right before the change
    return _distributive_regex().search(text, max(change.start - reach, 0), change.end) is not None


def _listed_at(text: str, end: int) -> int:
    """Where the next item of a list starts when a list word follows `end` (和32.6%, 、30%), else -1."""
    for joiner in _joiners():
        if text.startswith(joiner, end):
            return end + len(joiner)
    return -1


def _as_change(level: Mention, first: Mention) -> Mention:
    """A listed percentage as a change with the basis and direction of the first one."""
    assert level.value is not None and first.percent is not None
    sign = -1.0 if first.percent < 0 else 1.0
    ends = level.value_range
    return Mention(
        _CHANGE,
        level.start,
        level.end,
        level.text,
        value_range=None if ends is None else signed_range(ends, sign),
        qualifier=level.qualifier,
        basis=first.basis,
        percent=sign * level.value,
    )


def _start(mention: Mention) -> int:
    return mention.start
