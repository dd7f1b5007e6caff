"""One compiled `regex` for many literal phrases: a trie folded into nested alternations.

A flat alternation of thousands of names is tried name by name at every position; the trie form shares
prefixes, and a leading character-class lookahead lets the engine skip, in C, every position where no
phrase can start. The standard `re` engine runs this shape of pattern about five times faster than
`regex`. The end of a phrase is the last alternative of its branch, so the longest phrase wins at each
start. A phrase that begins (ends) with a Latin letter or digit must not touch another one there: "AMD"
is not found in "AMDX".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_BEFORE_LATIN = r"(?<![A-Za-z0-9])"
_AFTER_LETTER = r"(?![A-Za-z])"  # a version number may follow a name: Trainium2, Graviton4
_AFTER_DIGIT = r"(?![A-Za-z0-9])"

Trie = dict[str, "Trie"]


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of `phrases`, longest first at each position."""
    trie: Trie = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return re.compile(r"(?!)")
    firsts = sorted(char for char in trie if char)
    branches = [
        (_BEFORE_LATIN if char in _LATIN else "") + re.escape(char) + _rest(trie[char], char)
        for char in firsts
    ]
    starts = "".join(re.escape(char) for char in firsts)
    return re.compile(f"(?=[{starts}])(?:" + "|".join(branches) + ")")


def _rest(node: Trie, last: str) -> str:
    parts = [re.escape(char) + _rest(child, char) for char, child in sorted(node.items()) if char]
    if "" in node:
        parts.append(_end_guard(last))
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"


def _end_guard(last: str) -> str:
    if last in _LETTERS:
        return _AFTER_LETTER
    if last in _LATIN:
        return _AFTER_DIGIT
    return ""
