"""Rules for names the registry lacks: Latin-script proper names, Chinese organization names with a
company suffix, transliterated person names (安迪·杰西) and names after a role cue (首席执行官张三表示).

The rules are conservative and never take text a registry entity or a metric term already holds: they
run after the registry and see its spans as taken. Their word lists live in registry/unknown_names.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from extractor.data import load_table
from extractor.entities.mentions import EntityMention
from extractor.models import EntityType

RULES = "registry/unknown_names.yaml"
_LATIN_WORD = regex.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:[-&'][A-Za-z0-9]+)*(?![A-Za-z0-9])")
_HAN = regex.compile(r"\p{Han}")
_DIGIT = regex.compile(r"\d")
_TAKEN = b"\x01"


class Taken:
    """The characters registry entities and metric terms hold, for cheap overlap tests."""

    def __init__(self, length: int, spans: list[tuple[int, int]]) -> None:
        self.mask = bytearray(length)
        for start, end in spans:
            self.take(start, end)

    def take(self, start: int, end: int) -> None:
        self.mask[start:end] = _TAKEN * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.mask.find(_TAKEN, start, end) != -1

    def last_before(self, start: int, end: int) -> int:
        """The last taken position in [start, end), or -1."""
        return self.mask.rfind(_TAKEN, start, end)


@dataclass(frozen=True)
class UnknownNameRules:
    """The compiled rules; built once per process from their word lists."""

    suffixes: regex.Pattern[str]
    ticker: regex.Pattern[str]
    name_breaks: frozenset[str]
    break_words: regex.Pattern[str]
    break_reach: int
    generic_names: frozenset[str]
    generic_endings: tuple[str, ...]
    name_min: int
    name_max: int
    transliterated: regex.Pattern[str]
    role_named: regex.Pattern[str]
    latin_stopwords: frozenset[str]
    latin_acronym_min: int
    latin_period_label: regex.Pattern[str]
    role_cue_end: regex.Pattern[str]

    def find(self, text: str, taken: Taken) -> list[EntityMention]:
        """Names the rules catch in `text`, none overlapping `taken` or each other."""
        found: list[EntityMention] = []
        for mention in (*self._people(text), *self._organizations(text, taken), *self._latin(text, taken)):
            if not taken.overlaps(mention.start, mention.end):
                found.append(mention)
                taken.take(mention.start, mention.end)
        return found

    def _people(self, text: str) -> Iterator[EntityMention]:
        for match in self.transliterated.finditer(text):
            yield EntityMention(match.start(), match.end(), match.group(), EntityType.PERSON, None)
        for match in self.role_named.finditer(text):
            start, end = match.span("name")
            yield EntityMention(start, end, match.group("name"), EntityType.PERSON, None)

    def _organizations(self, text: str, taken: Taken) -> Iterator[EntityMention]:
        for match in self.suffixes.finditer(text):
            start = self._name_start(text, match.start(), taken)
            if start is not None:
                yield EntityMention(start, match.end(), text[start : match.end()], EntityType.COMPANY, None)
        for match in self.ticker.finditer(text):
            start = self._name_start(text, match.start(), taken, listed=True)
            if start is not None and not taken.overlaps(start, match.start()):
                name = text[start : match.start()]
                yield EntityMention(start, match.start(), name, EntityType.COMPANY, None)

    def _name_start(self, text: str, suffix_start: int, taken: Taken, *, listed: bool = False) -> int | None:
        """Where the name before a company suffix (or a stock code: `listed`) begins, or None when
        there is no name there. A name with a stock code may end like a description (晨光能源)."""
        start = suffix_start
        floor = max(0, suffix_start - self.name_max)
        floor = max(floor, taken.last_before(floor, suffix_start) + 1)
        while start > floor and _HAN.match(text, start - 1) and text[start - 1] not in self.name_breaks:
            start -= 1
        for word in self.break_words.finditer(text, max(0, start - self.break_reach), suffix_start):
            start = max(start, word.end())
        name = text[start:suffix_start]
        if len(name) < self.name_min or name in self.generic_names:
            return None
        if not listed and name.endswith(self.generic_endings):
            return None
        return start

    def _latin(self, text: str, taken: Taken) -> Iterator[EntityMention]:
        run: list[regex.Match[str]] = []
        for word in _LATIN_WORD.finditer(text):
            if not self._latin_name_word(word.group()) or taken.overlaps(*word.span()):
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
    suffixes = "|".join(map(regex.escape, sorted(table["org_suffixes"], key=len, reverse=True)))
    not_before = "|".join(map(regex.escape, sorted(table["org_suffix_not_before"], key=len, reverse=True)))
    chars = regex.escape(table["transliteration_chars"])
    part = f"[{chars}]{{1,{int(table['transliterated_part_max'])}}}"
    cues = "|".join(regex.escape(cue) for cue in sorted(table["role_cues"], key=len, reverse=True))
    joiners = "|".join(regex.escape(joiner) for joiner in table["role_joiners"])
    verbs = "|".join(regex.escape(verb) for verb in table["speech_verbs"])
    return UnknownNameRules(
        suffixes=regex.compile(f"(?:{suffixes})+(?:{regex.escape(table['org_trailing'])})?(?!{not_before})"),
        ticker=regex.compile(f"(?<=\\p{{Han}}){table['org_ticker'].strip()}"),
        name_breaks=frozenset(table["org_name_breaks"]),
        break_words=_alternation(table["org_name_break_words"]),
        break_reach=max(map(len, table["org_name_break_words"])) - 1,
        generic_names=frozenset(table["org_generic_names"]),
        generic_endings=tuple(table["org_generic_endings"]),
        name_min=int(table["org_name_min"]),
        name_max=int(table["org_name_max"]),
        transliterated=regex.compile(f"{part}(?:·{part})+"),
        role_named=regex.compile(
            f"(?:{cues})(?:(?:{joiners})(?:{cues}))*\\s?(?P<name>\\p{{Han}}{{2,3}}?)(?=(?:{verbs}))"
        ),
        latin_stopwords=frozenset(table["latin_stopwords"]),
        latin_acronym_min=int(table["latin_acronym_min"]),
        latin_period_label=regex.compile(table["latin_period_label"]),
        role_cue_end=regex.compile(f"(?:{cues})\\s?$"),
    )


def _alternation(words: list[str]) -> regex.Pattern[str]:
    return regex.compile("|".join(map(regex.escape, sorted(words, key=len, reverse=True))))
