"""The shipped registry and metric lexicon are valid data: schema, unique aliases, both scripts, metrics."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
import regex

from extractor.data import DataError, load_table
from extractor.entities.metrics import LEXICON
from extractor.entities.registry import (
    ALIAS_FIELDS,
    SECTIONS,
    SHIPPED_TABLES,
    entries_of,
    matched_forms,
    shipped_entries,
)
from extractor.entities.segment_words import shipped_segment_words
from extractor.models import EntityType, Metric
from extractor.normalize import converter, normal_form

HAN = regex.compile(r"\p{Han}")
to_simplified = converter("t2s").convert
to_traditional = converter("s2t").convert


@pytest.mark.parametrize("name", SHIPPED_TABLES)
def test_every_shipped_table_has_the_registry_shape(name: str) -> None:
    table = load_table(name)
    assert isinstance(table, dict) and set(table) <= set(SECTIONS)
    for _section, items in table.items():
        for item in items:
            assert isinstance(item["canonical"], str) and item["canonical"].strip()
            assert any(item.get(field) for field in (*ALIAS_FIELDS, "tickers")), item["canonical"]
    assert entries_of(table, name)  # raises DataError on any malformed entry


def test_registry_covers_at_least_300_companies() -> None:
    companies = {e.canonical for e in shipped_entries() if e.type is EntityType.COMPANY}
    assert len(companies) >= 300


def test_canonical_names_are_unique_per_type() -> None:
    seen: dict[tuple[EntityType, str], int] = defaultdict(int)
    for entry in shipped_entries():
        seen[(entry.type, entry.canonical)] += 1
    assert [key for key, count in seen.items() if count > 1] == []


def test_no_matched_form_points_to_two_entries() -> None:
    owners: dict[str, set[tuple[str, EntityType]]] = defaultdict(set)
    for entry in shipped_entries():
        for form in matched_forms(entry):
            owners[form].add((entry.canonical, entry.type))
    assert {form: who for form, who in owners.items() if len(who) > 1} == {}


def test_every_chinese_name_is_listed_in_both_scripts() -> None:
    """For each name, its Simplified form is listed, and a Traditional form where the scripts differ."""
    missing = []
    for entry in shipped_entries():
        spellings: dict[str, list[str]] = defaultdict(list)
        for alias in entry.aliases:
            if HAN.search(alias):
                spellings[to_simplified(alias)].append(alias)
        for simplified, written in spellings.items():
            if simplified not in written:
                missing.append((entry.canonical, "simplified", simplified))
            if to_traditional(simplified) != simplified and written == [simplified]:
                missing.append((entry.canonical, "traditional", simplified))
    assert missing == []


def test_parents_are_registry_companies() -> None:
    companies = {e.canonical for e in shipped_entries() if e.type is EntityType.COMPANY}
    orphans = [(e.canonical, e.parent) for e in shipped_entries() if e.parent and e.parent not in companies]
    assert orphans == []


def test_company_segments_of_the_conventions_have_parents_and_generic_ones_do_not() -> None:
    segments = {e.canonical: e.parent for e in shipped_entries() if e.type is EntityType.SEGMENT}
    assert segments["AWS"] == "Amazon"
    assert segments["Azure"] == "Microsoft"
    assert segments["Google Cloud"] == "Google"
    assert segments["iPhone"] == "Apple"
    for generic in ("Advertising", "Online Stores", "North America", "International", "Data Center", "Cloud"):
        assert segments[generic] is None


def test_every_metric_term_maps_to_a_contract_metric() -> None:
    table = load_table(LEXICON)
    for group in table["terms"]:
        assert Metric(group["metric"]) in Metric
        assert isinstance(group.get("adjusted", False), bool)
        assert group["terms"] and all(isinstance(term, str) and term for term in group["terms"])
    assert table["modifiers"]["adjusted"]


def test_metric_terms_map_to_one_metric_each() -> None:
    meaning: dict[str, set[tuple[str, bool]]] = defaultdict(set)
    table = load_table(LEXICON)
    for group in table["terms"]:
        for term in group["terms"]:
            meaning[to_simplified(term)].add((group["metric"], bool(group.get("adjusted", False))))
    assert {term: m for term, m in meaning.items() if len(m) > 1} == {}
    modifiers = {to_simplified(word) for word in table["modifiers"]["adjusted"]}
    not_terms = {to_simplified(word) for word in table["not_terms"]}
    assert modifiers.isdisjoint(meaning)
    assert not_terms.isdisjoint(meaning) and not_terms.isdisjoint(modifiers)


def test_metric_terms_are_listed_in_both_scripts() -> None:
    terms = {term for group in load_table(LEXICON)["terms"] for term in group["terms"]}
    missing_simplified = sorted(t for t in terms if HAN.search(t) and to_simplified(t) not in terms)
    assert missing_simplified == []


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([], "user.yaml: expected a mapping with keys companies"),
        ({"firms": []}, "user.yaml: unknown section 'firms'"),
        ({"companies": {"canonical": "X"}}, "user.yaml: companies: expected a list of entries"),
        ({"companies": [{"zh": ["某某"]}]}, "user.yaml: companies entry 1: missing 'canonical'"),
        (
            {"companies": [{"canonical": "A", "zh": ["甲"]}, "B"]},
            "user.yaml: companies entry 2: expected a mapping",
        ),
        (
            {"people": [{"canonical": "A", "zh": "甲"}]},
            "user.yaml: people entry 1: 'zh' must be a list of non-empty",
        ),
        ({"products": [{"canonical": "A"}]}, "user.yaml: products entry 1: no names"),
        (
            {"segments": [{"canonical": "A", "en": ["A"], "owner": "B"}]},
            "segments entry 1: unknown field 'owner'",
        ),
        (
            {"products": [{"canonical": "A", "en": ["A"], "versioned": "yes"}]},
            "'versioned' must be true or false",
        ),
        ({"companies": [{"canonical": "", "en": ["A"]}]}, "'canonical' must be a non-empty string"),
        (
            {"companies": [{"canonical": "A", "en": ["A"], "currency": "Dollars"}]},
            "'currency' is no currency code of currencies.yaml: 'Dollars'",
        ),
    ],
)
def test_malformed_tables_raise_one_line_data_errors(table: Any, message: str) -> None:
    with pytest.raises(DataError) as error:
        entries_of(table, "user.yaml")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_segment_words_are_simplified_and_name_segments_for_contract_metrics() -> None:
    rows = shipped_segment_words().rows
    assert rows
    for row in rows:
        assert normal_form(row.word) == row.word
        assert row.segment.type is EntityType.SEGMENT
        assert row.metrics and row.metrics <= set(Metric)


def test_a_segment_word_for_no_registry_segment_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    table = {"segment_words": [{"segment": "Hovercraft", "words": ["气垫船"], "metrics": ["revenue"]}]}
    monkeypatch.setattr("extractor.entities.segment_words.load_table", lambda name: table)
    with pytest.raises(DataError, match="segment_words row 1: names no segment of the registry: Hovercraft"):
        shipped_segment_words.__wrapped__()
