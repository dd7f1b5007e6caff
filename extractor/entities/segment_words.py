"""Business lines named by a word that names one only in a certain place.

- Right before a metric term (汽车毛利率): the word alone is too common to be a registry name (汽车行业,
  新能源汽车); right before the metric terms of a business line it names that line. The table is
  `segment_words` of registry/matching.yaml; a user's registry file may add rows of its own.
- Right after a word singling out part of a total (其中半导体约40.9兆韩元): a segment's registry name
  without its 业务 (`subset_markers` and `business_suffixes` of the same file).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.data import DataError, load_table
from extractor.entities.mentions import EntityMention, MetricMention
from extractor.entities.registry import MATCHING, Entry, matched_forms, shipped_entries
from extractor.models import EntityType, Metric
from extractor.normalize import converter, is_han

_JOINING = frozenset("的和与及")


@dataclass(frozen=True, slots=True)
class SegmentWord:
    """A word, the segment it names before a metric term, and the metrics it names it for."""

    word: str
    segment: Entry
    metrics: frozenset[Metric]
    alone: bool  # only where no other word ends right before it (服务营收, 苹果服务营收; not 金融服务收入)


@dataclass(frozen=True, slots=True)
class SegmentWords:
    """A table of segment words, in the order they are tried, with the characters they end with."""

    rows: tuple[SegmentWord, ...]
    last_characters: frozenset[str]

    @classmethod
    def of(cls, rows: Sequence[SegmentWord]) -> SegmentWords:
        return cls(tuple(rows), frozenset(row.word[-1] for row in rows))


@cache
def shipped_segment_words() -> SegmentWords:
    """The shipped table, each segment checked against the registry."""
    return SegmentWords.of(
        segment_words_of(load_table(MATCHING)["segment_words"], shipped_entries(), MATCHING)
    )


def segment_words_of(rows: Any, entries: Sequence[Entry], source: str) -> list[SegmentWord]:
    """The rows of a `segment_words` table, each naming a segment among `entries`; DataError (one line,
    naming the row) when a row is malformed. Words are read in their Simplified form."""
    segments = {entry.canonical: entry for entry in entries if entry.type is EntityType.SEGMENT}
    if not isinstance(rows, list):
        raise DataError(f"{source}: segment_words: expected a list of rows")
    to_simplified = converter("t2s").convert
    words: list[SegmentWord] = []
    for number, row in enumerate(rows, start=1):
        where = f"{source}: segment_words row {number}"
        if not isinstance(row, dict) or not {"segment", "words", "metrics"} <= set(row):
            raise DataError(f"{where}: expected a mapping with segment, words and metrics")
        segment = segments.get(row["segment"])
        if segment is None:
            raise DataError(f"{where}: names no segment of the registry: {row['segment']}")
        try:
            metrics = frozenset(Metric(metric) for metric in row["metrics"])
        except (TypeError, ValueError):
            raise DataError(f"{where}: metrics must be metrics of the contract") from None
        alone = bool(row.get("alone", False))
        words.extend(SegmentWord(to_simplified(str(word)), segment, metrics, alone) for word in row["words"])
    return words


def find_segment_words(
    text: str,
    entities: Sequence[EntityMention],
    metrics: Sequence[MetricMention],
    table: SegmentWords | None = None,
) -> list[EntityMention]:
    """The segments named by a word right before one of their metric terms (the shipped `table` unless
    one is given), where no entity already covers the word; in order. Most metric terms follow no such
    word, which one test of the character before tells."""
    table = shipped_segment_words() if table is None else table
    last_characters = table.last_characters
    found: list[EntityMention] = []
    for metric in metrics:
        if metric.start == 0 or text[metric.start - 1] not in last_characters:
            continue
        for row in table.rows:
            start = metric.start - len(row.word)
            if start >= 0 and text.startswith(row.word, start) and metric.metric in row.metrics:
                if _free(entities, start, metric.start) and (
                    not row.alone or _stands_alone(text, start, entities)
                ):
                    found.append(_mention(row.segment, start, metric.start, row.word))
                break
    return found


def find_subset_segments(text: str, entities: Sequence[EntityMention]) -> list[EntityMention]:
    """The segments named without their 业务 right after 其中, where no entity already covers the name;
    in order."""
    bare = _bare_segment_names()
    found: list[EntityMention] = []
    for marker in load_table(MATCHING)["subset_markers"]:
        start = text.find(marker)
        while start >= 0:
            position = start + len(marker)
            candidates = bare.get(text[position : position + 1], {})
            name = next((name for name in candidates if text.startswith(name, position)), None)
            if name is not None and _free(entities, position, position + len(name)):
                found.append(_mention(candidates[name], position, position + len(name), name))
            start = text.find(marker, position)
    return sorted(found, key=lambda mention: mention.start)


def _stands_alone(text: str, start: int, entities: Sequence[EntityMention]) -> bool:
    """Whether a word at `start` follows no other word: it opens the text or a clause, or follows a
    name (苹果服务营收) or a joining word (的, 和, 与, 及)."""
    if start == 0:
        return True
    before = text[start - 1]
    if not is_han(before) or before in _JOINING:
        return True
    return any(entity.end == start for entity in entities)


def _free(entities: Sequence[EntityMention], start: int, end: int) -> bool:
    """Whether no entity covers any character of `start`..`end`."""
    return not any(e.start < end and start < e.end for e in entities)


def _mention(segment: Entry, start: int, end: int, text: str) -> EntityMention:
    return EntityMention(start, end, text, segment.type, segment.canonical, segment.parent)


@cache
def _bare_segment_names() -> dict[str, dict[str, Entry]]:
    """Each shipped segment's names less their 业务, at least two characters, by their first character
    and longest first."""
    suffixes = tuple(load_table(MATCHING)["business_suffixes"])
    names: dict[str, Entry] = {}
    for entry in shipped_entries():
        if entry.type is not EntityType.SEGMENT:
            continue
        for form in matched_forms(entry):
            for suffix in suffixes:
                if form.endswith(suffix) and len(form) - len(suffix) >= 2:
                    names.setdefault(form[: -len(suffix)], entry)
    by_first: dict[str, dict[str, Entry]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], {})[name] = names[name]
    return by_first
