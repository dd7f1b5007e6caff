"""Regex pieces built from the data tables, once per process.

Every word list of `recognize.yaml` and `currencies.yaml` becomes an alternation that also holds each
word's normalized (Simplified) form, longest first, so that a longer word always wins over its prefix
(美元 before 元, 上年同期 before 上年).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import regex

from extractor.data import load_table
from extractor.normalize import converter, fold_width

# Seconds a single search may take. The patterns are linear, so this guard is never reached on real
# text; it turns a pathological case into a clear TimeoutError instead of a hang.
TIMEOUT = 2.0

ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"


def normal_form(word: str) -> str:
    """`word` as the recognizers see it: full-width folded, Simplified."""
    return str(converter("t2s").convert(fold_width(word)))


def forms(words: Iterable[str]) -> list[str]:
    """Each word and its normal form, longest first."""
    found = {form for word in words for form in (word, normal_form(word))}
    return sorted(found, key=lambda form: (-len(form), form))


def alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of `words` (or their normal forms), longest first."""
    return "(?:" + "|".join(regex.escape(form) for form in forms(words)) + ")"


def char_class(characters: Iterable[str]) -> str:
    return "[" + "".join(regex.escape(character) for character in sorted(set(characters))) + "]"


def lookup(groups: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Word (and normal form) → the name of the group listing it."""
    return {form: name for name, words in groups.items() for form in forms(words)}


@cache
def vocabulary() -> dict[str, Any]:
    """The recognizers' vocabulary table."""
    table: dict[str, Any] = load_table("recognize.yaml")
    return table


@cache
def currency_words() -> dict[str, str]:
    """Currency word, code or symbol → ISO code."""
    table = load_table("currencies.yaml")["currencies"]
    return {
        form: code
        for code, entry in table.items()
        for form in forms([*entry.get("words", []), *entry.get("symbols", []), *entry.get("cents", [])])
    }


@cache
def cent_words() -> frozenset[str]:
    """Words for a hundredth of a currency (美仙, 港仙): the amount is that many hundredths."""
    table = load_table("currencies.yaml")["currencies"]
    return frozenset(forms([word for entry in table.values() for word in entry.get("cents", [])]))


@cache
def qualifier_words(position: str) -> dict[str, str]:
    """Qualifier word at `position` (before, after, inner) → qualifier name."""
    table = vocabulary()["qualifiers"]
    return lookup({name: entry.get(position, []) for name, entry in table.items()})


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


def anonymous(pattern: str) -> str:
    """`pattern` with its named groups made non-capturing, for embedding in a larger pattern."""
    return str(regex.sub(r"\(\?P<\w+>", "(?:", pattern))


def qualifier_of(word: str | None, position: str) -> str | None:
    """The qualifier name a matched word stands for, None without a word."""
    return None if not word else qualifier_words(position).get(word)


def first_characters(words: Iterable[str], extra: str = "") -> str:
    """A lookahead admitting only positions where one of `words` (or a character of the class body
    `extra`) begins: the engine then skips most of the text at C speed."""
    body = char_class(form[0] for form in forms(words))[1:-1]
    return f"(?=[{body}{extra}])"
