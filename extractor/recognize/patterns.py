"""Regex pieces built from the data tables, once per process.

Every word list of `recognize.yaml` and `currencies.yaml` becomes an alternation that also holds each
word's normalized (Simplified) form, written as a prefix tree in which a longer word always wins over
its prefix (美元 before 元, 上年同期 before 上年), as in a flat alternation sorted longest first.

The recognizers' patterns are compiled with the standard library's `re`: they need no Unicode property
or variable-width lookbehind, and `re` runs them two to three times faster than `regex` (measured with
`extractor bench --speed`), which is most of the time an article takes. They are linear: no nested
unbounded repeats, and the property tests in `tests/recognize/test_robustness.py` run them over long
adversarial strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, NamedTuple

from extractor.data import load_table
from extractor.models import Qualifier
from extractor.normalize import normal_form

# Alternations of at most this many words are not worth a lookahead on their first characters.
_UNGUARDED = 3

# An Arabic numeral (2,134 / 1.95) that no digit, point or letter comes before. It starts with its
# first digit and looks behind only then: a pattern or branch that opens with a character class lets
# `re` fail other positions with one test, where one opening with a lookbehind is tried in full.
ARABIC = r"\d(?<![\d.A-Za-z]\d)(?:\d{0,2}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d*(?:\.\d+)?)"


def forms(words: Iterable[str]) -> list[str]:
    """Each word and its normal form, longest first."""
    found = {form for word in words for form in (word, normal_form(word))}
    return sorted(found, key=lambda form: (-len(form), form))


def alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of `words` (or their normal forms), longest first.

    The words are a prefix tree (`_tree`): the engine reads each character once, where a flat
    alternation tries every word that starts with it. A list of more than a few words is led by a
    lookahead on their first characters: the engine then fails a position with one class test."""
    found = forms(words)
    words_pattern = "(?:" + _tree(found) + ")"
    if len(found) <= _UNGUARDED:
        return words_pattern
    return f"(?:{first_characters(found)}{words_pattern})"


def _tree(words: Iterable[str]) -> str:
    """`words` as a pattern of their prefix tree: one branch per next character, and where a word ends
    inside a longer one, the rest of the longer one as a greedy option, so it is tried first."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here
    return _branches(root)


def _branches(node: dict[str, Any]) -> str:
    children = [re.escape(character) + _branches(child) for character, child in node.items() if character]
    if not children:
        return ""
    body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
    return f"(?:{body})?" if "" in node else body


def char_class(characters: Iterable[str]) -> str:
    return "[" + "".join(re.escape(character) for character in sorted(set(characters))) + "]"


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


def minus_before(text: str, start: int) -> bool:
    """Whether the number starting at `start` has a minus sign right before it (为-20.9%, 负20.9%)."""
    if start == 0:
        return False
    signs = _minus_signs()
    before = text[start - 1]
    if before in signs.words:
        return start == 1 or text[start - 2] not in signs.words_not_after
    return before in signs.hyphens and (start == 1 or text[start - 2] in signs.after)


class _MinusSigns(NamedTuple):
    hyphens: frozenset[str]
    after: frozenset[str]  # what a hyphen that is a sign comes after
    words: frozenset[str]  # 负, a sign right before a number
    words_not_after: frozenset[str]  # 正 of 正负, a margin


@cache
def _minus_signs() -> _MinusSigns:
    table = vocabulary()
    return _MinusSigns(
        frozenset(table["minus_signs"]),
        frozenset(forms(table["minus_after"])),
        frozenset(forms(table["negative_words"])),
        frozenset(forms(table["negative_word_not_after"])),
    )


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def ends_with(words: Iterable[str]) -> str:
    """A lookbehind true where one of `words` (or its normal form) ends: one fixed-width lookbehind
    per word length, as `re` requires."""
    by_length: dict[int, list[str]] = {}
    for form in forms(words):
        by_length.setdefault(len(form), []).append(re.escape(form))
    return "(?:" + "|".join(f"(?<={'|'.join(same)})" for _, same in sorted(by_length.items())) + ")"


def anonymous(pattern: str) -> str:
    """`pattern` with its named groups made non-capturing, for embedding in a larger pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def qualifier_of(word: str | None, position: str) -> Qualifier | None:
    """The qualifier a matched word at `position` stands for, None without a word."""
    return None if not word else _qualifiers(position).get(word)


@cache
def _qualifiers(position: str) -> dict[str, Qualifier]:
    return {word: Qualifier(name) for word, name in qualifier_words(position).items()}


def first_characters(words: Iterable[str], extra: str = "") -> str:
    """A lookahead admitting only positions where one of `words` (or a character of the class body
    `extra`) begins: the engine then skips most of the text at C speed."""
    body = char_class(form[0] for form in forms(words))[1:-1]
    return f"(?=[{body}{extra}])"
