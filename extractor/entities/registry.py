"""The entity registry: the shipped YAML tables and users' own, read into entries and one alias index.

A table is a mapping whose keys name entry types (`companies`, `segments`, `products`, `people`,
`organizations`, `places`), each a list of entries (a user's table may also hold `segment_words`, the
rows of matching.yaml's table of that name):

    companies:
      - {canonical: Amazon, zh: [亚马逊, 亞馬遜], en: [Amazon, Amazon.com], tickers: [AMZN]}
    segments:
      - {canonical: AWS, parent: Amazon, zh: [亚马逊云科技, 亞馬遜雲科技], en: [AWS]}

`zh` holds Chinese names in both scripts, `en` Latin-script names, `former` earlier names; all three are
matched. Tickers are matched only when they cannot be ordinary words (matching.yaml). The index holds the
Simplified (OpenCC t2s) form of every alias, since the pipeline reads normalized text, and upper-case and
capitalized forms of long Latin aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.data import DataError, known_units, load_table
from extractor.models import EntityType
from extractor.normalize import converter

SHIPPED_TABLES = (
    "registry/companies.yaml",
    "registry/segments.yaml",
    "registry/products.yaml",
    "registry/people.yaml",
    "registry/organizations.yaml",
    "registry/places.yaml",
)
SECTIONS = {
    "companies": EntityType.COMPANY,
    "segments": EntityType.SEGMENT,
    "products": EntityType.PRODUCT,
    "people": EntityType.PERSON,
    "organizations": EntityType.ORGANIZATION,
    "places": EntityType.PLACE,
}
# Sections of a table that hold matching rules rather than entries (segment_words.py reads them).
RULE_SECTIONS = frozenset({"segment_words"})
ALIAS_FIELDS = ("zh", "en", "former")
_LIST_FIELDS = (*ALIAS_FIELDS, "tickers")
_TEXT_FIELDS = ("canonical", "parent", "country", "currency", "role", "note")
_FLAG_FIELDS = ("versioned",)
_KNOWN_FIELDS = frozenset((*_LIST_FIELDS, *_TEXT_FIELDS, *_FLAG_FIELDS))
MATCHING = "registry/matching.yaml"


@dataclass(frozen=True, slots=True)
class Entry:
    """One registry entry: a named thing and every way it is written."""

    canonical: str
    type: EntityType
    aliases: tuple[str, ...]
    tickers: tuple[str, ...] = ()
    parent: str | None = None
    versioned: bool = False
    source: str = ""
    country: str | None = None
    currency: str | None = None  # what a company reports in, when not its home market's currency


def entries_of(table: Any, source: str) -> list[Entry]:
    """The entries of one parsed table; DataError (one line, naming the entry) if its shape is wrong."""
    if not isinstance(table, dict):
        raise DataError(f"{source}: expected a mapping with keys {', '.join(SECTIONS)}")
    entries = []
    for section, items in table.items():
        if section in RULE_SECTIONS:
            continue
        if section not in SECTIONS:
            expected = ", ".join([*SECTIONS, *sorted(RULE_SECTIONS)])
            raise DataError(f"{source}: unknown section {section!r} (expected one of {expected})")
        if not isinstance(items, list):
            raise DataError(f"{source}: {section}: expected a list of entries")
        for number, item in enumerate(items, start=1):
            entries.append(_entry(item, SECTIONS[section], f"{source}: {section} entry {number}"))
    return entries


def _entry(item: Any, kind: EntityType, where: str) -> Entry:
    if not isinstance(item, dict):
        raise DataError(f"{where}: expected a mapping")
    unknown = sorted(set(item) - _KNOWN_FIELDS)
    if unknown:
        raise DataError(f"{where}: unknown field {unknown[0]!r}")
    if "canonical" not in item:
        raise DataError(f"{where}: missing 'canonical'")
    for field in _TEXT_FIELDS:
        if field in item and not (isinstance(item[field], str) and item[field].strip()):
            raise DataError(f"{where}: {field!r} must be a non-empty string")
    for field in _LIST_FIELDS:
        value = item.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise DataError(f"{where}: {field!r} must be a list of non-empty strings")
    if not isinstance(item.get("versioned", False), bool):
        raise DataError(f"{where}: 'versioned' must be true or false")
    if "currency" in item and item["currency"] not in known_units():
        raise DataError(f"{where}: 'currency' is no currency code of currencies.yaml: {item['currency']!r}")
    aliases = tuple(alias for field in ALIAS_FIELDS for alias in item.get(field, []))
    if not aliases and not item.get("tickers"):
        raise DataError(f"{where}: no names (give 'zh', 'en', 'former' or 'tickers')")
    return Entry(
        canonical=item["canonical"],
        type=kind,
        aliases=aliases,
        tickers=tuple(item.get("tickers", [])),
        parent=item.get("parent"),
        versioned=item.get("versioned", False),
        source=where,
        country=item.get("country"),
        currency=item.get("currency"),
    )


@cache
def shipped_entries() -> tuple[Entry, ...]:
    """Every entry of the shipped registry, parsed once per process."""
    return tuple(entry for name in SHIPPED_TABLES for entry in entries_of(load_table(name), name))


def matched_forms(entry: Entry) -> Iterator[str]:
    """The strings that stand for `entry` in normalized (Simplified) text."""
    policy = load_table(MATCHING)
    to_simplified = converter("t2s").convert
    for alias in entry.aliases:
        simplified = to_simplified(alias)
        yield simplified
        if simplified.isascii() and len(simplified) >= policy["case_variant_min_length"]:
            yield simplified.upper()
            yield simplified[0].upper() + simplified[1:]
    for ticker in entry.tickers:
        if "." in ticker or (
            len(ticker) >= policy["ticker_min_length"] and ticker not in policy["word_tickers"]
        ):
            yield ticker


def alias_table(entries: Iterable[Entry]) -> dict[str, Entry]:
    """Matched form → entry; a later entry takes over a form an earlier one had (users override)."""
    return {form: entry for entry in entries for form in matched_forms(entry)}


def not_names() -> frozenset[str]:
    """Ordinary words that contain a registry name (小米粥): found so that the name inside is not."""
    return frozenset(load_table(MATCHING)["not_names"])
