"""The assembly's word lists (data/assembly.yaml), read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

import regex

from extractor.data import load_table, market_currencies
from extractor.models import Metric


class ValueKind(StrEnum):
    """What kind of value a metric takes."""

    MONEY = "money"
    PER_SHARE = "per_share"
    PERCENT = "percent"
    COUNT = "count"
    ANY = "any"


@dataclass(frozen=True)
class Vocabulary:
    metric_values: dict[Metric, ValueKind]
    share_of: dict[Metric, Metric]
    share_nouns: tuple[str, ...]
    share_verbs: re.Pattern[str]
    share_metrics: frozenset[Metric]
    count_words: dict[Metric, frozenset[str]]
    count_nouns: dict[Metric, re.Pattern[str]]  # matched right after a count
    cut_metrics: frozenset[Metric]
    counted_nouns: dict[Metric, re.Pattern[str]]  # matched right after a count
    guidance_cues: re.Pattern[str]
    compared_with: tuple[str, ...]  # words comparing results with expectations (胜, 高于)
    view_not_before: frozenset[str]  # after a view word: its own figure or a comparison ends there
    actual_markers: re.Pattern[str]
    estimate_cues: re.Pattern[str]
    estimate_attributions: re.Pattern[str]  # a holder's view that speaks for the rest of the sentence
    estimate_view_length: int
    estimate_view_ends: frozenset[str]  # the last characters of the views
    company_self_words: re.Pattern[str]
    distributive: re.Pattern[str]
    continuation_words: re.Pattern[str]
    business_unit_suffixes: tuple[str, ...]
    price_moves: tuple[str, ...]
    achieved_verbs: re.Pattern[str]
    whole_company_terms: tuple[str, ...]
    blocking_nouns: re.Pattern[str]
    blocking_outside: re.Pattern[str]  # the nouns, or a phrase they stand in that blocks nothing
    level_nouns: tuple[str, ...]
    each_markers: re.Pattern[str]
    from_marker: str
    revision_words: re.Pattern[str]
    comparison_markers: tuple[str, ...]
    basis_period_markers: tuple[str, ...]
    basis_period_links: frozenset[str]
    comparison_openers: tuple[str, ...]
    as_of_markers: tuple[str, ...]
    results_release: re.Pattern[str]
    to_connectors: tuple[str, ...]
    topic_markers: tuple[str, ...]
    level_connectors: tuple[str, ...]
    loss_words: tuple[str, ...]
    loss_terms: re.Pattern[str]
    expectation_possessives: tuple[str, ...]
    estimate_holders: tuple[str, ...]
    brand_words: tuple[str, ...]
    segment_references: re.Pattern[str]
    point_in_time_metrics: frozenset[Metric]
    markets: re.Pattern[str]  # market_currencies' words (currencies.yaml), not in a name or 股价
    declared_metrics: frozenset[Metric]
    rate_nouns: tuple[str, ...]
    collective: regex.Pattern[str]
    collective_sizes: dict[str, int]
    company_segment_names: dict[str, dict[str, str]]
    sentence_ends: str
    clause_ends: str
    item_ends: str


@cache
def vocabulary() -> Vocabulary:
    table = load_table("assembly.yaml")
    return Vocabulary(
        metric_values={Metric(k): ValueKind(v) for k, v in table["metric_values"].items()},
        share_of={Metric(k): Metric(v) for k, v in table["share_of"].items()},
        share_nouns=tuple(sorted(table["share_nouns"], key=len, reverse=True)),
        share_verbs=_any_of(table["share_verbs"]),
        share_metrics=frozenset(Metric(v) for v in table["share_of"].values()),
        count_words={Metric(k): frozenset(v) for k, v in table["count_words"].items()},
        count_nouns={Metric(k): _count_nouns(v) for k, v in table["count_nouns"].items()},
        cut_metrics=frozenset(Metric(m) for m in table["cut_metrics"]),
        counted_nouns={Metric(k): _count_nouns(v) for k, v in table["counted_nouns"].items()},
        guidance_cues=_not_after(table["guidance_cues"], table["guidance_not_after"]),
        compared_with=tuple(table["guidance_not_after"]),
        actual_markers=_any_of(table["actual_markers"]),
        view_not_before=frozenset(table["view_not_before"])
        | frozenset(table["clause_ends"] + table["sentence_ends"]),
        estimate_cues=_estimate_cues(table),
        estimate_attributions=_estimate_attributions(table),
        estimate_view_length=int(table["estimate_view_length"]),
        estimate_view_ends=frozenset(view[-1] for view in table["estimate_views"]),
        company_self_words=_any_of(table["company_self_words"]),
        distributive=_any_of(table["distributive"]),
        continuation_words=_any_of(table["continuation_words"]),
        business_unit_suffixes=tuple(table["business_unit_suffixes"]),
        price_moves=tuple(table["price_moves"]),
        achieved_verbs=_any_of(table["achieved_verbs"]),
        whole_company_terms=tuple(table["whole_company_terms"]),
        blocking_nouns=_any_of(table["blocking_nouns"]),
        blocking_outside=re.compile(
            f"{'|'.join(table['blocking_exceptions'])}|(?P<noun>{_alternation(table['blocking_nouns'])})"
        ),
        level_nouns=tuple(table["level_nouns"]),
        each_markers=_any_of(table["each_markers"]),
        from_marker=table["from_marker"],
        revision_words=_any_of(load_table("checks.yaml")["revision_words"]),
        comparison_markers=tuple(table["comparison_markers"]),
        basis_period_markers=tuple(table["basis_period_markers"]),
        basis_period_links=frozenset(["", *table["basis_period_links"]]),
        comparison_openers=tuple(table["comparison_openers"]),
        as_of_markers=tuple(table["as_of_markers"]),
        results_release=re.compile(table["results_release"]),
        to_connectors=tuple(sorted(table["to_connectors"], key=len, reverse=True)),
        topic_markers=tuple(table["topic_markers"]),
        level_connectors=tuple(table["level_connectors"]),
        loss_words=tuple(table["loss_words"]),
        loss_terms=_any_of(table["loss_words"]),
        expectation_possessives=tuple(table["expectation_possessives"]),
        estimate_holders=tuple(table["estimate_holders"]),
        brand_words=tuple(table["brand_words"]),
        segment_references=_any_of(table["segment_references"]),
        point_in_time_metrics=frozenset(Metric(m) for m in table["point_in_time_metrics"]),
        markets=re.compile(rf"(?<![A-Za-z])(?:{_alternation(list(market_currencies()))})(?!价)"),
        declared_metrics=frozenset(Metric(m) for m in table["declared_metrics"]),
        rate_nouns=tuple(table["rate_nouns"]),
        collective=regex.compile(table["collective_pattern"]),
        collective_sizes={str(k): int(v) for k, v in table["collective_sizes"].items()},
        company_segment_names={str(k): dict(v) for k, v in table["company_segment_names"].items()},
        sentence_ends=table["sentence_ends"],
        clause_ends=table["clause_ends"],
        item_ends=table["item_ends"],
    )


def _estimate_cues(table: dict[str, Any]) -> re.Pattern[str]:
    """A holder's expectation (市场原先预估) or an estimate phrase of its own."""
    return _held(table, table["estimate_words"], f"|{_alternation(table['estimate_cues'])}")


def _estimate_attributions(table: dict[str, Any]) -> re.Pattern[str]:
    """A holder's view before a comma or colon (法人预估，...)."""
    return _held(table, table["estimate_views"], "", after="[，,：:]")


def _held(table: dict[str, Any], words: list[str], more: str, after: str = "") -> re.Pattern[str]:
    """One of the estimate holders, up to two words between, and one of `words`; then the alternatives
    `more`. Each alternative opens with a holder's own characters, not a group, so that the engine skips
    to the positions where one can start instead of trying the pattern at every character."""
    rest = f"(?:{_alternation(table['estimate_between'])}){{0,2}}(?:{_alternation(words)}){after}"
    return re.compile("|".join(f"{re.escape(holder)}{rest}" for holder in table["estimate_holders"]) + more)


def _count_nouns(nouns: list[str]) -> re.Pattern[str]:
    """One of `nouns`, after up to two Han characters of modifier (企业职位)."""
    return re.compile(f"[\u4e00-\u9fff]{{0,2}}?(?:{_alternation(nouns)})")


def _not_after(words: list[str], not_after: list[str]) -> re.Pattern[str]:
    """`_any_of(words)` where none of `not_after` ends right before the word. Each branch opens with
    its word's first character and looks behind only after it, so that the search skips to those
    characters as fast as for plain words (lookbehinds tried at every character cost ten times that)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    branches = [
        re.escape(first)
        + "".join(f"(?<!{re.escape(word + first)})" for word in not_after)
        + f"(?:{_alternation(ends)})"
        for first, ends in rests.items()
    ]
    return re.compile("|".join(branches))


def _any_of(words: list[str]) -> re.Pattern[str]:
    """One pattern for a word list, longest word first (the standard library's engine: for plain words
    it answers each call in about half the time)."""
    return re.compile(_alternation(words))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
