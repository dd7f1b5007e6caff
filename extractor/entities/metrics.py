"""Metric terms: the lexicon of metrics.yaml as one pattern over normalized (Simplified) text.

A term maps to a contract Metric, some with `adjusted: true` (扣非净利润). A modifier (经调整, non-GAAP)
is not a metric itself: it marks the metric term that follows it within a few characters of the same
clause as adjusted, or, stating a basis (非GAAP下, 按非公认会计准则，…), every term up to the end of its
sentence. A not-term (盈利能力) hides the term inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractor.data import DataError, load_table
from extractor.entities.matcher import PhraseMatcher
from extractor.entities.mentions import MetricMention
from extractor.models import Metric
from extractor.normalize import converter

LEXICON = "metrics.yaml"
_CLAUSE_BREAK = regex.compile(r"[，,。；;：:！!？?\n()（）]")
_SENTENCE_END = regex.compile(r"[。！!？?\n]")
_COMMAS = frozenset("，,：:")


@dataclass(frozen=True, slots=True)
class Term:
    metric: Metric
    adjusted: bool


class MetricLexicon:
    """Finds metric terms, longest first (营业利润率 before 营业利润 before 利润)."""

    def __init__(
        self,
        terms: dict[str, Term],
        modifiers: frozenset[str],
        not_terms: frozenset[str],
        reach: int,
        scope_after: tuple[str, ...],
        scope_before: tuple[str, ...],
        reported: frozenset[str],
    ) -> None:
        self.terms = terms
        self.modifiers = modifiers
        self.not_terms = not_terms
        self.reach = reach
        self.scope_after = scope_after
        self.scope_before = scope_before
        self.matcher = PhraseMatcher([*terms, *modifiers, *not_terms, *reported])
        # by the matcher's phrase index: the term, None for a modifier, a not-term or a reported basis
        # (which a word listed as one of those is, even when it is a term too); what kind of word it is
        other_words = modifiers | not_terms | reported
        phrases = self.matcher.by_index
        self._terms = [None if word in other_words else terms.get(word) for word in phrases]
        self._is_modifier = [word in modifiers for word in phrases]
        self._is_reported = [word in reported for word in phrases]

    def find(self, text: str) -> list[MetricMention]:
        """Every metric term in `text`, in order, with the adjusted flag a preceding modifier gives."""
        mentions = []
        modifier_end: int | None = None
        scope_end = -1  # a modifier stating the basis of its sentence holds up to here
        phrases, terms = self.matcher.by_index, self._terms
        for index, start, end in self.matcher.find_indexes(text):
            term = terms[index]
            if term is None:  # a modifier, a not-term or a reported basis
                if self._is_modifier[index]:
                    modifier_end = end
                    if self._states_basis(text, start, end):
                        scope_end = _sentence_end(text, end)
                elif self._is_reported[index]:
                    scope_end = -1
                continue
            adjusted = (
                term.adjusted
                or start < scope_end
                or (modifier_end is not None and self._modified(text, modifier_end, start))
            )
            mentions.append(MetricMention(start, end, phrases[index], term.metric, adjusted))
            modifier_end = None
        return mentions

    def _states_basis(self, text: str, start: int, end: int) -> bool:
        """Whether a modifier states the basis of its sentence: 非GAAP下, 按非公认会计准则，."""
        if text.startswith(self.scope_after, end):
            return True
        return text[end : end + 1] in _COMMAS and text.endswith(self.scope_before, 0, start)

    def _modified(self, text: str, modifier_end: int, start: int) -> bool:
        if start - modifier_end > self.reach:
            return False
        return _CLAUSE_BREAK.search(text, modifier_end, start) is None


def _sentence_end(text: str, position: int) -> int:
    match = _SENTENCE_END.search(text, position)
    return match.start() if match is not None else len(text)


@cache
def metric_lexicon() -> MetricLexicon:
    """The shipped lexicon, built once per process."""
    table = load_table(LEXICON)
    to_simplified = converter("t2s").convert
    terms: dict[str, Term] = {}
    for number, group in enumerate(table["terms"], start=1):
        try:
            term = Term(Metric(group["metric"]), bool(group.get("adjusted", False)))
        except ValueError:
            raise DataError(f"{LEXICON}: terms entry {number}: unknown metric {group['metric']!r}") from None
        for word in group["terms"]:
            terms[to_simplified(word)] = term
    modifiers = frozenset(to_simplified(word) for word in table["modifiers"]["adjusted"])
    not_terms = frozenset(to_simplified(word) for word in table["not_terms"])
    scope_after = tuple(to_simplified(word) for word in table["scope_after"])
    scope_before = tuple(to_simplified(word) for word in table["scope_before"])
    reported = frozenset(to_simplified(word) for word in table["reported_basis"])
    reach = int(table["modifier_reach"])
    return MetricLexicon(terms, modifiers, not_terms, reach, scope_after, scope_before, reported)
