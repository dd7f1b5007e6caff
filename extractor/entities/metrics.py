"""Metric terms: the lexicon of metrics.yaml as one pattern over normalized (Simplified) text.

A term maps to a contract Metric, some with `adjusted: true` (扣非净利润). A modifier (经调整, non-GAAP)
is not a metric itself: it marks the metric term that follows it within a few characters of the same
clause as adjusted. A not-term (盈利能力) hides the term inside it.
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


@dataclass(frozen=True, slots=True)
class Term:
    metric: Metric
    adjusted: bool


class MetricLexicon:
    """Finds metric terms, longest first (营业利润率 before 营业利润 before 利润)."""

    def __init__(
        self, terms: dict[str, Term], modifiers: frozenset[str], not_terms: frozenset[str], reach: int
    ) -> None:
        self.terms = terms
        self.modifiers = modifiers
        self.not_terms = not_terms
        self.reach = reach
        # a word listed as a modifier or a not-term is that, even when it is a term too
        other_words = modifiers | not_terms
        self._plain_terms = {word: term for word, term in terms.items() if word not in other_words}
        self.matcher = PhraseMatcher([*terms, *modifiers, *not_terms])

    def find(self, text: str) -> list[MetricMention]:
        """Every metric term in `text`, in order, with the adjusted flag a preceding modifier gives."""
        mentions = []
        modifier_end: int | None = None
        for surface, start, end in self.matcher.find(text):
            term = self._plain_terms.get(surface)
            if term is None:  # a modifier or a not-term
                if surface in self.modifiers:
                    modifier_end = end
                continue
            adjusted = term.adjusted or (
                modifier_end is not None and self._modified(text, modifier_end, start)
            )
            mentions.append(MetricMention(start, end, surface, term.metric, adjusted))
            modifier_end = None
        return mentions

    def _modified(self, text: str, modifier_end: int, start: int) -> bool:
        if start - modifier_end > self.reach:
            return False
        return _CLAUSE_BREAK.search(text, modifier_end, start) is None


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
    return MetricLexicon(terms, modifiers, not_terms, int(table["modifier_reach"]))
