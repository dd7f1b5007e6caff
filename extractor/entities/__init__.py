"""The entity layer: registry-driven recognition of names and metric terms.

`EntityFinder` reads normalized (Simplified) text. Registry names are found by one Aho-Corasick automaton
(longest name first, see matcher.py); rules for unknown names run over what the registry and the metric
terms left (unknown.py); metric terms come from metrics.yaml (metrics.py). The shipped registry is
compiled once per process; a finder with users' registries compiles its own.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

import regex

from extractor.data import load_user_table
from extractor.entities.matcher import PhraseMatcher
from extractor.entities.mentions import EntityMention, MetricMention
from extractor.entities.metrics import metric_lexicon
from extractor.entities.registry import Entry, alias_table, entries_of, not_names, shipped_entries
from extractor.entities.segment_words import (
    SegmentWords,
    find_segment_words,
    find_subset_segments,
    segment_words_of,
    shipped_segment_words,
)
from extractor.entities.unknown import Taken, unknown_name_rules

__all__ = ["EntityFinder", "EntityMention", "MetricMention"]

_START = attrgetter("start")
_VERSION = regex.compile(r" ?(\d{1,2})(?![\d.%年月日季号亿万])")


@dataclass(frozen=True)
class AliasIndex:
    """Every matched form of a set of entries, and the matcher that finds them."""

    matcher: PhraseMatcher
    entries: list[Entry | None]  # the entry of each phrase by its index in the matcher, None for a not-name

    @classmethod
    def of(cls, entries: Sequence[Entry]) -> AliasIndex:
        table = alias_table(_with_parent_countries(entries))
        matcher = PhraseMatcher([*table, *not_names()])
        return cls(matcher, [table.get(phrase) for phrase in matcher.by_index])

    def find(self, text: str) -> list[EntityMention]:
        """Registry entities in `text`, longest name at each position, in order."""
        mentions: list[EntityMention] = []
        taken_until = 0
        names, entries = self.matcher.by_index, self.entries
        for index, start, end in self.matcher.find_indexes(text):
            if start < taken_until:
                continue  # inside the version number of the previous product
            entry = entries[index]
            if entry is None:
                continue  # an ordinary word that contains a name
            name, canonical = names[index], entry.canonical
            if entry.versioned and (version := _VERSION.match(text, end)):
                end, canonical = version.end(), f"{canonical} {version.group(1)}"
                name = text[start:end]
            mentions.append(
                EntityMention(
                    start, end, name, entry.type, canonical, entry.parent, entry.country, entry.currency
                )
            )
            taken_until = end
        return mentions


def _with_parent_countries(entries: Sequence[Entry]) -> list[Entry]:
    """`entries`, a business line, product or person of a company given the company's country: a text
    naming Azure before Microsoft is about a company at home in the United States."""
    countries = {entry.canonical: entry.country for entry in entries if entry.country is not None}
    return [
        replace(entry, country=countries.get(entry.parent))
        if entry.parent is not None and entry.country is None
        else entry
        for entry in entries
    ]


@cache
def _shipped_index() -> AliasIndex:
    return AliasIndex.of(shipped_entries())


class EntityFinder:
    """Finds entities and metric terms in normalized text. Built once; `extra` adds users' registries.

    A user's entry wins over a shipped one for the names they share. Unreadable or malformed files
    raise `DataError` with a one-line message naming the file and the entry.
    """

    def __init__(self, extra: Sequence[str | Path] = ()) -> None:
        self.extra = tuple(extra)
        self._use([(str(path), load_user_table(path)) for path in self.extra])

    @classmethod
    def from_tables(cls, tables: Sequence[tuple[str, Any]]) -> EntityFinder:
        """A finder over the shipped registry and already-parsed user tables (source name, content)."""
        finder = cls()
        finder._use(tables)
        return finder

    def _use(self, tables: Sequence[tuple[str, Any]]) -> None:
        """The alias index and segment words over the shipped registry and users' `tables`, whose
        entries are read once for both."""
        self.tables: list[tuple[str, Any]] = [(source, table) for source, table in tables]
        if not self.tables:
            self._index, self._segment_words = _shipped_index(), shipped_segment_words()
            return
        user = [entry for source, table in self.tables for entry in entries_of(table, source)]
        self._index = AliasIndex.of([*shipped_entries(), *user])
        self._segment_words = self._segment_words_with(user)

    def _segment_words_with(self, user: list[Entry]) -> SegmentWords:
        """Users' segment words first, so that theirs win for a word both tables have; a user's row may
        name a segment of the shipped registry or of a user's table (`user`)."""
        rows = [
            (source, table["segment_words"])
            for source, table in self.tables
            if isinstance(table, dict) and "segment_words" in table
        ]
        if not rows:
            return shipped_segment_words()
        entries = [*shipped_entries(), *user]
        words = [word for source, table in rows for word in segment_words_of(table, entries, source)]
        return SegmentWords.of([*words, *shipped_segment_words().rows])

    def find(self, text: str) -> tuple[list[EntityMention], list[MetricMention]]:
        """Entities and metric terms of `text`: entities never overlap each other, both sorted by start."""
        entities = self._index.find(text)
        metrics = metric_lexicon().find(text)
        added = find_segment_words(text, entities, metrics, self._segment_words)
        added.extend(find_subset_segments(text, [*entities, *added]))
        added.extend(unknown_name_rules().find(text, Taken(entities, metrics, registry=entities)))
        for name in added:
            insort(entities, name, key=_START)  # a few names into a sorted list: cheaper than a sort
        return entities, metrics

    def entities(self, text: str) -> list[EntityMention]:
        return self.find(text)[0]

    def metrics(self, text: str) -> list[MetricMention]:
        return metric_lexicon().find(text)
