"""Rules for names the registry lacks: Latin-script proper names, Chinese organization names with a
company suffix, transliterated person names (安迪·杰西) and names after a role cue (首席执行官张三表示).

The rules are conservative and never take text a registry entity or a metric term already holds: they
run after the registry and see its spans as taken. Their word lists live in registry/unknown_names.yaml.

A rule's pattern is slow to try at every character, so one scan first finds the words its matches begin
with (a role cue, a company suffix) or hold (the dot of a transliterated name), and each pattern is tried
only there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Protocol

import regex

from extractor.data import load_table
from extractor.entities.matcher import WordStarts
from extractor.entities.mentions import EntityMention
from extractor.models import EntityType
from extractor.normalize import is_han

RULES = "registry/unknown_names.yaml"
_LATIN_WORD = regex.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:[-&'][A-Za-z0-9]+)*(?![A-Za-z0-9])")
_DIGIT = re.compile(r"\d")
_NAME_DOT = "·"  # joins the parts of a transliterated name
_END = attrgetter("end")


class Span(Protocol):
    start: int
    end: int


class Taken:
    """The spans registry entities, metric terms and the names found so far hold, for overlap tests.

    Each source keeps its spans sorted and disjoint (registry entities never overlap each other, nor do
    metric terms, nor found names), so a test is a bisection per source, with no per-character work.
    """

    def __init__(self, *sources: Sequence[Span], registry: Sequence[EntityMention] = ()) -> None:
        self.found: tuple[list[int], list[int]] = ([], [])  # starts and ends of the names found
        self.registry = registry  # the registry's entities, sorted and disjoint
        self.layers = [([span.start for span in spans], [span.end for span in spans]) for spans in sources]
        self.layers.append(self.found)

    def take(self, start: int, end: int) -> None:
        """Holds [start, end), which overlaps nothing held yet."""
        starts, ends = self.found
        at = bisect_left(starts, start)
        starts.insert(at, start)
        ends.insert(at, end)

    def overlaps(self, start: int, end: int) -> bool:
        for starts, ends in self.layers:
            after = bisect_right(ends, start)  # the first span that ends after `start`
            if after < len(starts) and starts[after] < end:
                return True
        return False

    def company_ends_at(self, position: int) -> bool:
        """Whether the name of a company of the registry ends at `position`."""
        index = bisect_left(self.registry, position, key=_END)
        return (
            index < len(self.registry)
            and (entity := self.registry[index]).end == position
            and (entity.type is EntityType.COMPANY)
        )

    def last_before(self, start: int, end: int) -> int:
        """The last taken position in [start, end), or -1."""
        last_end = 0
        for starts, ends in self.layers:
            before = bisect_left(starts, end) - 1  # the last span that starts before `end`
            if before >= 0 and ends[before] > last_end:
                last_end = ends[before]
        return last if (last := min(last_end, end) - 1) >= start else -1


def matches_at(
    pattern: re.Pattern[str] | regex.Pattern[str], text: str, starts: Sequence[int]
) -> Iterator[re.Match[str] | regex.Match[str]]:
    """What `pattern.finditer(text)` finds when every match begins at one of the sorted `starts`."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()


def matches_before(
    pattern: re.Pattern[str], text: str, joints: Sequence[int], lead: frozenset[str], reach: int
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds when every match is a run of at most `reach` characters of
    `lead` followed by one of the sorted `joints` (安迪 before the dot of 安迪·杰西) and so on.

    Such a match can only begin where the run of `lead` characters before a joint begins, and whether it
    matches depends only on what follows the joint: one try per joint, where its run begins.
    """
    end = 0
    for joint in joints:
        start, floor = joint, max(end, joint - reach)
        while start > floor and text[start - 1] in lead:
            start -= 1
        if start < joint and (match := pattern.match(text, start)):
            yield match
            end = match.end()


_NODE_REACH = 4  # a node's number (1.6) and space before its unit, its word (制程) after it


@dataclass(frozen=True)
class UnknownNameRules:
    """The compiled rules; built once per process from their word lists."""

    triggers: WordStarts  # groups: role cues, company suffixes, stock code brackets, the name dot, verbs
    suffixes: re.Pattern[str]
    ticker: regex.Pattern[str]
    name_breaks: frozenset[str]
    break_words: re.Pattern[str]
    break_reach: int
    generic_names: frozenset[str]
    generic_endings: tuple[str, ...]
    name_min: int
    name_max: int
    transliterated: re.Pattern[str]
    transliteration_chars: frozenset[str]
    transliterated_reach: int
    role_named: regex.Pattern[str]
    latin_stopwords: frozenset[str]
    latin_acronym_min: int
    latin_period_label: re.Pattern[str]
    role_cue_end: regex.Pattern[str]
    node_units: tuple[str, ...]
    process_node: re.Pattern[str]
    announced: re.Pattern[str]  # a verb, then a results word within reach
    announce_fillers: re.Pattern[str]  # a run of fillers ending where it is searched up to
    announce_not_endings: tuple[str, ...]  # descriptions' endings and authorities' (统计局)
    clause_openers: frozenset[str]

    def find(self, text: str, taken: Taken) -> list[EntityMention]:
        """Names the rules catch in `text`, none overlapping `taken` or each other."""
        cues, suffixes, brackets, dots, verbs = self.triggers.find(text)
        found: list[EntityMention] = []
        for mention in (
            *self._people(text, cues, dots),
            *self._organizations(text, suffixes, brackets, taken),
            *self._announcers(text, verbs, taken),
            *self._latin(text, taken),
            *self._process_nodes(text),
        ):
            if not taken.overlaps(mention.start, mention.end):
                found.append(mention)
                taken.take(mention.start, mention.end)
        return found

    def _process_nodes(self, text: str) -> Iterator[EntityMention]:
        """Process nodes (3纳米制程 → 3nm), read only around the places a node unit is written: most
        texts write none, and a pattern over every digit of a text costs more than finding the units."""
        found: set[int] = set()
        for unit in self.node_units:
            at = text.find(unit)
            while at >= 0:
                match = self.process_node.search(text, max(0, at - _NODE_REACH), at + len(unit) + _NODE_REACH)
                if match is not None and match.start() not in found:
                    found.add(match.start())
                    canonical = f"{match.group('size')}nm"
                    yield EntityMention(
                        match.start(), match.end(), match.group(), EntityType.SEGMENT, canonical
                    )
                at = text.find(unit, at + len(unit))

    def _people(self, text: str, cues: list[int], dots: list[int]) -> Iterator[EntityMention]:
        chars, reach = self.transliteration_chars, self.transliterated_reach
        for match in matches_before(self.transliterated, text, dots, chars, reach):
            yield EntityMention(match.start(), match.end(), match.group(), EntityType.PERSON, None)
        for match in matches_at(self.role_named, text, cues):
            start, end = match.span("name")
            yield EntityMention(start, end, match.group("name"), EntityType.PERSON, None)

    def _organizations(
        self, text: str, suffixes: list[int], brackets: list[int], taken: Taken
    ) -> Iterator[EntityMention]:
        for match in matches_at(self.suffixes, text, suffixes):
            start = self._name_start(text, match.start(), taken)
            if start is not None:
                yield EntityMention(start, match.end(), text[start : match.end()], EntityType.COMPANY, None)
        for match in matches_at(self.ticker, text, brackets):
            if match[0][1:-1] in self.latin_stopwords:  # 极紫外光(EUV): an abbreviation, no stock code
                continue
            start = self._name_start(text, match.start(), taken, listed=True)
            if start is not None and not taken.overlaps(start, match.start()):
                name = text[start : match.start()]
                yield EntityMention(start, match.start(), name, EntityType.COMPANY, None)

    def _announcers(self, text: str, verbs: list[int], taken: Taken) -> Iterator[EntityMention]:
        """Companies that open a clause announcing their results (星河股份10月30日公布三季报); a name the
        registry holds a part of (a place: 中国) begins after that part."""
        for verb in verbs:
            if self.announced.match(text, verb) is None:
                continue
            fillers = self.announce_fillers.search(text, max(0, verb - self.name_max * 2), verb)
            end = verb if fillers is None else fillers.start()
            start = self._han_run_start(text, end, self.name_max + 1)  # one more: a longer run is no name
            opens_clause = start == 0 or text[start - 1] in self.clause_openers
            if opens_clause and start < end:
                start = max(start, taken.last_before(start, end) + 1)
            name = text[start:end]
            if not opens_clause or not self.name_min <= len(name) <= self.name_max:
                continue
            if name in self.generic_names or name.endswith(self.announce_not_endings):
                continue
            yield EntityMention(start, end, name, EntityType.COMPANY, None)

    def _name_start(self, text: str, suffix_start: int, taken: Taken, *, listed: bool = False) -> int | None:
        """Where the name before a company suffix (or a stock code: `listed`) begins, or None when
        there is no name there. A name with a stock code may end like a description (晨光能源).

        The name cannot begin before the Han characters that end at the suffix, so the taken spans are
        looked up only when those are enough for a name."""
        start = self._han_run_start(text, suffix_start, self.name_max)
        if suffix_start - start < self.name_min:
            return None
        start = max(start, taken.last_before(start, suffix_start) + 1)
        if taken.company_ends_at(start):  # 腾讯音乐娱乐集团: the registry's company in full, no other
            return None
        for word in self.break_words.finditer(text, max(0, start - self.break_reach), suffix_start):
            start = max(start, word.end())
        name = text[start:suffix_start]
        if len(name) < self.name_min or name in self.generic_names:
            return None
        if not listed and name.endswith(self.generic_endings):
            return None
        return start

    def _han_run_start(self, text: str, end: int, reach: int) -> int:
        """Where the run of Han characters a name may hold, ending at `end`, begins: at most `reach`
        characters back, and after any character that breaks a name (年, 的, 这)."""
        start, floor = end, max(0, end - reach)
        while start > floor and (char := text[start - 1]) not in self.name_breaks and is_han(char):
            start -= 1
        return start

    def _latin(self, text: str, taken: Taken) -> Iterator[EntityMention]:
        run: list[regex.Match[str]] = []
        name_words: dict[str, bool] = {}  # an article repeats its Latin words
        for word in _LATIN_WORD.finditer(text):
            surface = word.group()
            if (is_name := name_words.get(surface)) is None:
                is_name = name_words[surface] = self._latin_name_word(surface)
            if not is_name or taken.overlaps(word.start(), word.end()):
                if run:
                    yield self._latin_name(text, run)
                run = []
            elif run and text[run[-1].end() : word.start()] != " ":
                yield self._latin_name(text, run)
                run = [word]
            else:
                run.append(word)
        if run:
            yield self._latin_name(text, run)

    def _latin_name_word(self, word: str) -> bool:
        if word in self.latin_stopwords or self.latin_period_label.fullmatch(word):
            return False
        return len(word) >= (self.latin_acronym_min if word.isupper() else 2)

    def _latin_name(self, text: str, run: list[regex.Match[str]]) -> EntityMention:
        """The name a run of Latin words makes: a product when it has a digit, a person when two or
        more words follow a role (CEO Andy Jassy), else a company."""
        start, end = run[0].start(), run[-1].end()
        if _DIGIT.search(text, start, end):
            kind = EntityType.PRODUCT
        elif len(run) > 1 and self.role_cue_end.search(text[max(0, start - 8) : start]):
            kind = EntityType.PERSON
        else:
            kind = EntityType.COMPANY
        return EntityMention(start, end, text[start:end], kind, None)


@cache
def unknown_name_rules() -> UnknownNameRules:
    """The rules of unknown_names.yaml, compiled once per process."""
    table = load_table(RULES)
    suffixes = _alternation(table["org_suffixes"])
    not_before = _alternation(table["org_suffix_not_before"])
    chars = re.escape(table["transliteration_chars"])
    part_max = int(table["transliterated_part_max"])
    part = f"[{chars}]{{1,{part_max}}}"
    cues = _alternation(table["role_cues"])
    brackets = _alternation(table["org_ticker_brackets"])
    joiners = "|".join(map(re.escape, table["role_joiners"]))
    verbs = "|".join(map(re.escape, table["speech_verbs"]))
    return UnknownNameRules(
        triggers=WordStarts(
            [
                table["role_cues"],
                table["org_suffixes"],
                table["org_ticker_brackets"],
                [_NAME_DOT],
                table["announce_verbs"],
            ]
        ),
        suffixes=re.compile(f"(?:{suffixes})+(?:{re.escape(table['org_trailing'])})?(?!{not_before})"),
        ticker=regex.compile(f"(?<=\\p{{Han}})(?:{brackets}){table['org_ticker'].strip()}"),
        name_breaks=frozenset("".join(table["org_name_breaks"])),
        break_words=re.compile(_alternation(table["org_name_break_words"])),
        break_reach=max(map(len, table["org_name_break_words"])) - 1,
        generic_names=frozenset(table["org_generic_names"]),
        generic_endings=tuple(table["org_generic_endings"]),
        name_min=int(table["org_name_min"]),
        name_max=int(table["org_name_max"]),
        transliterated=re.compile(f"{part}(?:{_NAME_DOT}{part})+"),
        transliteration_chars=frozenset(table["transliteration_chars"]),
        transliterated_reach=part_max,
        role_named=regex.compile(
            f"(?:{cues})(?:(?:{joiners})(?:{cues}))*\\s?(?P<name>\\p{{Han}}{{2,3}}?)(?=(?:{verbs}))"
        ),
        latin_stopwords=frozenset(table["latin_stopwords"]),
        latin_acronym_min=int(table["latin_acronym_min"]),
        latin_period_label=re.compile(table["latin_period_label"]),
        role_cue_end=regex.compile(f"(?:{cues})\\s?$"),
        node_units=tuple(table["process_node_units"]),
        announced=re.compile(
            f"(?:{_alternation(table['announce_verbs'])})[^，。；！？\\n]{{0,{int(table['announce_reach'])}}}?"
            f"(?:{_alternation(table['announce_results'])})"
        ),
        announce_fillers=re.compile(f"(?:{'|'.join(table['announce_fillers'])})*\\Z"),
        announce_not_endings=(*table["org_generic_endings"], *table["announce_not_endings"]),
        clause_openers=frozenset(table["clause_openers"]),
        process_node=re.compile(
            f"(?P<size>\\d(?<![\\d.]\\d)\\d?(?:\\.\\d)?) ?(?:{_alternation(table['process_node_units'])})"
            f"(?:{_alternation(table['process_node_words'])})?"
        ),
    )


def _alternation(words: list[str]) -> str:
    """Any of `words`, the longest first (a regular expression tries alternatives in order)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
