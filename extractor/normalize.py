"""Script detection and normalization to one canonical script, with an exact map back to the original.

Every rule of the package is written once, against Simplified text with ASCII digits. This module turns
any input into that form and remembers where each normalized character came from, so that a span found
in the normalized text is reported as the exact slice of the original it was read from.

The default OpenCC configuration, `t2s`, converts character for character, so the map is the identity
almost everywhere; configurations that rewrite phrases (`tw2sp`: 晶片 → 芯片) change lengths, and the
map then ties each rewritten phrase to the original phrase as a unit. Taiwan and Hong Kong vocabulary
that `t2s` leaves alone (云端运算, 晶片) is known to the lexicons instead.
"""

from __future__ import annotations

import difflib
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import opencc
import regex

from extractor.data import load_table
from extractor.models import Script

DEFAULT_CONFIG = "t2s"

# Full-width forms folded to ASCII, one character for one. Chinese clause punctuation (，。；：！？（）)
# stays as it is: it separates clauses, and a full-width comma must never read as a thousands separator.
_WIDTH_FOLD = {
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)},  # ０-９
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF41, 0xFF5B)},  # ａ-ｚ
    "％": "%",
    "﹪": "%",
    "＄": "$",
    "．": ".",
    "＋": "+",
    "－": "-",
    "／": "/",
    "～": "~",
    "＃": "#",
    "＆": "&",
    "＊": "*",
    "＠": "@",
    "￥": "¥",
    "＜": "<",
    "＞": ">",
    "＝": "=",
    "\x00": " ",  # OpenCC stops at a NUL: blank it, one character for one
    "\u3000": " ",
    "\u00a0": " ",
    "・": "·",
    "‧": "·",
    "•": "·",
    "∙": "·",
    "･": "·",
}
# a lone surrogate has no UTF-8, which OpenCC reads: the replacement character, one for one
_SURROGATES = {chr(code): "\ufffd" for code in range(0xD800, 0xE000)}
_FOLD_TABLE = str.maketrans({**_WIDTH_FOLD, **_SURROGATES})
_FOLDABLE = re.compile("[" + re.escape("".join(_WIDTH_FOLD)) + "\ud800-\udfff]")  # `re` scans a set faster
_HAN = regex.compile(r"\p{Han}")
_SPACES_BESIDE_HAN = regex.compile(r"(?<=\p{Han}) +| +(?=\p{Han})")  # a whole run either way
_PIECE_ENDS = "\n。！？!?"  # no OpenCC phrase holds one: a text converts as its pieces do one by one
_PIECE = regex.compile(f"[^{_PIECE_ENDS}]*[{_PIECE_ENDS}]?")
_MINORITY_SHARE = 0.05  # below this share of script-specific characters, the other script is noise


class OffsetMap:
    """Maps spans of normalized text to spans of the original text; exact and monotonic.

    `starts[i]`/`ends[i]` give the original span of the unit normalized character i belongs to. A unit
    is one character wherever conversion kept lengths, and a whole rewritten phrase where it did not:
    a span that cuts into a rewritten phrase widens to the whole original phrase. Where characters were
    only dropped (blanks beside Han), the map holds `runs` instead: the normalized start of each run of
    kept characters, found by bisection, and how far the run lies further on in the original.
    """

    __slots__ = ("_ends", "_original_length", "_runs", "_starts")

    def __init__(
        self,
        starts: array[int] | None,
        ends: array[int] | None,
        original_length: int,
        runs: tuple[list[int], list[int], int] | None = None,
    ) -> None:
        self._starts = starts
        self._ends = ends
        self._original_length = original_length
        self._runs = runs

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(None, None, length)

    @classmethod
    def of_kept(cls, kept: Iterable[range], original_length: int) -> OffsetMap:
        """The normalized text is the original characters of the ranges `kept`, in order."""
        normalized_starts: list[int] = []
        shifts: list[int] = []
        length = 0
        for positions in kept:
            if positions:
                normalized_starts.append(length)
                shifts.append(positions.start - length)
                length += len(positions)
        return cls(None, None, original_length, (normalized_starts, shifts, length))

    def through(self, kept: OffsetMap) -> OffsetMap:
        """This map, read through `kept`, a map of single characters from the intermediate text to
        the original."""
        assert self._starts is not None and self._ends is not None
        starts = array("q", (kept._kept_position(start) for start in self._starts))
        ends = array(
            "q",
            (
                kept._kept_position(end - 1) + 1 if end > start else starts[index]
                for index, (start, end) in enumerate(zip(self._starts, self._ends, strict=True))
            ),
        )
        return OffsetMap(starts, ends, kept._original_length)

    @property
    def is_identity(self) -> bool:
        return self._starts is None and self._runs is None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span that normalized `[start, end)` was read from."""
        if self._runs is not None:
            return self.to_original_many(((start, end),))[0]
        if self._starts is None or self._ends is None:
            return start, end
        _check_span(start, end, len(self._starts))
        if start == end:
            position = self._starts[start] if start < len(self._starts) else self._original_length
            return position, position
        return self._starts[start], self._ends[end - 1]

    def to_original_many(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """`to_original` of each span, in one call: a text maps hundreds of spans. In a map of runs,
        each end of a span moves by the shift of the run its character is in."""
        if self._runs is None:
            return [self.to_original(start, end) for start, end in spans]
        normalized_starts, shifts, length = self._runs
        mapped: list[tuple[int, int]] = []
        for start, end in spans:
            _check_span(start, end, length)
            if start == length:  # empty, at the end
                mapped.append((self._original_length, self._original_length))
                continue
            begin = start + shifts[bisect_right(normalized_starts, start) - 1]
            finish = end + shifts[bisect_right(normalized_starts, end - 1) - 1] if end > start else begin
            mapped.append((begin, finish))
        return mapped

    def _kept_position(self, index: int) -> int:
        """The original position of normalized character `index` of a map of runs; past the last
        character, the end of the original."""
        assert self._runs is not None
        normalized_starts, shifts, length = self._runs
        if index >= length:
            return self._original_length
        return index + shifts[bisect_right(normalized_starts, index) - 1]


def _check_span(start: int, end: int, length: int) -> None:
    if not 0 <= start <= end <= length:
        raise IndexError(f"span [{start}, {end}) is outside the normalized text of length {length}")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The original text, its normalized form and the map between them."""

    original: str
    text: str
    script: Script
    offsets: OffsetMap

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_original(start, end)

    def original_spans(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        return self.offsets.to_original_many(spans)

    def original_slice(self, start: int, end: int) -> str:
        begin, finish = self.offsets.to_original(start, end)
        return self.original[begin:finish]


@cache
def converter(config: str = DEFAULT_CONFIG) -> opencc.OpenCC:
    """One OpenCC converter per configuration per process: it is thread-safe and costly to build."""
    return opencc.OpenCC(config)


def fold_width(text: str) -> str:
    """Full-width digits, letters and signs as ASCII, and a lone surrogate as U+FFFD; one character for
    one. Most texts have none, and looking for one is much cheaper than translating every character."""
    return text.translate(_FOLD_TABLE) if _FOLDABLE.search(text) else text


def is_han(char: str) -> bool:
    """Whether `char` is a Han character (regex `\\p{Han}`); the CJK Unified Ideographs block, all Han,
    is told without a regex call."""
    return "\u4e00" <= char <= "\u9fff" or _HAN.match(char) is not None


def normal_form(text: str) -> str:
    """`text` as the rules read it (full-width folded, Simplified), without the script detection and
    offset map of `normalize`: for words of the data tables and short snippets compared with them."""
    return str(converter().convert(fold_width(text)))


def detect_script(text: str) -> Script:
    """Traditional, Simplified, mixed, or none (no Han characters at all)."""
    if not _HAN.search(text):
        return Script.NONE
    return _script_of(text, converter("t2s").convert(text))


def normalize(text: str, *, config: str = DEFAULT_CONFIG) -> NormalizedText:
    """`text` in Simplified script with ASCII digits, and the map from it back to `text`."""
    folded = fold_width(text)
    if not _HAN.search(folded):
        return NormalizedText(text, folded, Script.NONE, OffsetMap.identity(len(text)))
    compact, kept = _without_typographic_spaces(folded)
    convert = converter(config).convert
    converted = convert(compact)
    script = _script_of(compact, converted if config == DEFAULT_CONFIG else converter("t2s").convert(compact))
    if len(converted) == len(compact):
        offsets = OffsetMap.identity(len(text)) if not kept else OffsetMap.of_kept(kept, len(text))
        return NormalizedText(text, converted, script, offsets)
    normalized, offsets = _convert_with_map(compact, convert)
    return NormalizedText(
        text, normalized, script, offsets if not kept else offsets.through(OffsetMap.of_kept(kept, len(text)))
    )


def _without_typographic_spaces(text: str) -> tuple[str, list[range]]:
    """`text` without the runs of spaces set beside Han characters (营收 1,025 亿美元, 第 4 季, 年增 8%:
    the typesetting of Taiwan and Hong Kong papers), and the ranges of the original characters kept;
    none when there is no space to drop. Spaces between Latin words and digits (Trainium 3) stay."""
    kept: list[range] = []
    position = 0
    for match in _SPACES_BESIDE_HAN.finditer(text):
        start, end = match.span()
        kept.append(range(position, start))
        position = end
    if not kept:
        return text, kept
    kept.append(range(position, len(text)))
    return "".join(text[positions.start : positions.stop] for positions in kept), kept


def _script_of(text: str, simplified: str) -> Script:
    """The script, from the characters only one script writes.

    Traditional-only characters are those `t2s` changes. Simplified-only characters are those that
    both the Taiwan and the Hong Kong standard change, alone and in the sentence they stand in: so 台,
    群, 峰, which Traditional text also writes, count for neither, nor 里 of 阿里巴巴 (a name both
    standards keep), nor 布 of 宣布 (changed only as part of a phrase, which Taiwan writes as it is).
    Han text with neither kind (公司, 美元) is read as Simplified, the form the rules are written in; a
    minority below 5 % of the marked characters is noise.
    """
    traditional = _changed_characters(text, simplified)
    if traditional == 0:
        return Script.SIMPLIFIED
    marked = _marked(text)
    if _is_minority(len(marked), traditional):
        return Script.TRADITIONAL  # too few even were all of them changed in context: nothing to convert
    simplified_only = _changed_in_context(text, marked, ("s2tw", "s2hk"))
    if _is_minority(traditional, simplified_only):
        return Script.SIMPLIFIED
    if _is_minority(simplified_only, traditional):
        return Script.TRADITIONAL
    return Script.MIXED


def _is_minority(count: int, other: int) -> bool:
    """Whether `count` is under 5 % of `count + other`, never 0 here: the Traditional count is not."""
    return count / (count + other) < _MINORITY_SHARE


@cache
def _simplified_only() -> tuple[frozenset[str], re.Pattern[str]]:
    """The Han characters both the Taiwan (`s2tw`) and the Hong Kong (`s2hk`) standard change when
    converting each on its own (data/scripts.yaml), and a pattern to find them."""
    characters = frozenset(load_table("scripts.yaml")["simplified_only"].replace("\n", ""))
    return characters, _where(characters)


def _where(characters: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching `characters` of the Basic plane and every character beyond it: `re` tests a
    class of Basic-plane characters with one table lookup, but a class of others one by one."""
    basic = sorted(ord(c) for c in characters if ord(c) <= 0xFFFF)
    ranges: list[list[int]] = []
    for code in basic:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    members = "".join(
        re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "") for low, high in ranges
    )
    return re.compile(f"[{members}]|[\U00010000-\U0010ffff]")


def _marked(text: str) -> list[int]:
    """The positions of `text` holding a character both standards change alone."""
    characters, where = _simplified_only()
    return [match.start() for match in where.finditer(text) if match.group() in characters]


def _changed_in_context(text: str, marked: list[int], configs: tuple[str, ...]) -> int:
    """How many `marked` positions (in order) every one of the OpenCC `configs` changes, converting
    only the pieces (sentences or lines, `_PIECE`) holding them: OpenCC phrases never cross the end of
    a piece. A piece whose conversion changes its length cannot be aligned: its marks all count."""
    count = 0
    for match in _PIECE.finditer(text):
        start, end = match.span()
        positions = marked[bisect_left(marked, start) : bisect_left(marked, end)]
        if not positions:
            continue
        piece = match.group()
        conversions = [converter(config).convert(piece) for config in configs]
        if any(len(converted) != len(piece) for converted in conversions):
            count += len(positions)
            continue
        count += sum(all(converted[i - start] != text[i] for converted in conversions) for i in positions)
    return count


def _changed_characters(before: str, after: str) -> int:
    if before == after:
        return 0
    if len(before) != len(after):
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        return len(before) - sum(block.size for block in matcher.get_matching_blocks())
    return _nonzero_words(_code_points(before) ^ _code_points(after), len(before))


def _code_points(text: str) -> int:
    """The text as one integer of 32-bit code points: XOR of two texts leaves a zero word exactly where
    they agree, and counting those words runs in C, not character by character in Python."""
    return int.from_bytes(text.encode("utf-32-le"), "little")


def _nonzero_words(difference: int, length: int) -> int:
    """The nonzero words of an XOR of `_code_points` of two texts of `length` characters. Code points
    have 21 bits: ORed down by 8 and 16 bits, a word is nonzero exactly where its lowest byte is (bits
    of the word above land at bit 16 or higher), and `bytes.count` counts the zero bytes in C."""
    folded = difference | difference >> 8 | difference >> 16
    return length - folded.to_bytes(4 * length, "little")[::4].count(0)


def _convert_with_map(text: str, convert: Callable[[str], str]) -> tuple[str, OffsetMap]:
    """Convert piece by piece (sentences), aligning the pieces whose length changed."""
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    parts: list[str] = []
    for match in _PIECE.finditer(text):
        piece = match.group()
        if not piece:
            continue
        converted = convert(piece)
        parts.append(converted)
        if len(converted) == len(piece):
            positions = range(match.start(), match.end())
            starts.extend(positions)
            ends.extend(position + 1 for position in positions)
        else:
            _align_piece(piece, converted, match.start(), convert, starts, ends)
    return "".join(parts), OffsetMap(starts, ends, len(text))


def _align_piece(
    piece: str,
    converted: str,
    offset: int,
    convert: Callable[[str], str],
    starts: array[int],
    ends: array[int],
) -> None:
    """Tie each converted character to its original: one for one where the text matches character by
    character, and each rewritten phrase to the whole original phrase it replaced."""
    by_character = "".join(_one_for_one(convert(character), character) for character in piece)
    matcher = difflib.SequenceMatcher(None, by_character, converted, autojunk=False)
    units: list[tuple[int, int, int, int]] = []
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            units.extend(
                (a_start + i, a_start + i + 1, b_start + i, b_start + i + 1) for i in range(a_end - a_start)
            )
        else:
            units.append((a_start, a_end, b_start, b_end))
    for a_start, a_end, b_start, b_end in _merge_one_sided(units):
        for _ in range(b_end - b_start):
            starts.append(offset + a_start)
            ends.append(offset + a_end)


def _merge_one_sided(units: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Units where only one side has text (a phrase that grew or shrank) joined to a neighbour, so that
    every normalized character maps to original text and every original character is covered."""
    merged: list[tuple[int, int, int, int]] = []
    pending: tuple[int, int, int, int] | None = None
    for unit in units:
        if pending is not None:
            unit = (pending[0], unit[1], pending[2], unit[3])
            pending = None
        if unit[0] == unit[1] or unit[2] == unit[3]:
            if merged:
                last = merged.pop()
                merged.append((last[0], unit[1], last[2], unit[3]))
            else:
                pending = unit
            continue
        merged.append(unit)
    if pending is not None:
        merged.append(pending)
    return merged


def _one_for_one(converted: str, character: str) -> str:
    return converted if len(converted) == 1 else character
