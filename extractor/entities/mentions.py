"""What the entity layer finds: named things and metric terms, with spans in the normalized text.

Named tuples: immutable like a frozen dataclass, and several times cheaper to build (an article has
hundreds of mentions).
"""

from __future__ import annotations

from typing import NamedTuple

from extractor.models import EntityType, Metric


class EntityMention(NamedTuple):
    """A company, segment, person, product, organization or place as written.

    `canonical` is the English common name (None for an unknown name a rule caught); `parent` is the
    canonical name of the company a segment, product or person belongs to, when the registry says.
    """

    start: int
    end: int
    text: str
    type: EntityType
    canonical: str | None
    parent: str | None = None
    country: str | None = None  # where a company is listed or based (registry `country`)


class MetricMention(NamedTuple):
    """A metric term (营收, 净利润, 每股收益) and whether it names an adjusted (non-GAAP) figure."""

    start: int
    end: int
    text: str
    metric: Metric
    adjusted: bool = False
