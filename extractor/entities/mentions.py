"""What the entity layer finds: named things and metric terms, with spans in the normalized text.

Plain slotted dataclasses, not frozen: an article has hundreds of mentions, and a frozen one costs five
times as much to build. Nothing changes a mention once found.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.models import EntityType, Metric


@dataclass(slots=True)
class EntityMention:
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
    country: str | None = None  # where a company (or the parent company) is listed or based
    currency: str | None = None  # what a company reports in, when not its home market's currency


@dataclass(slots=True)
class MetricMention:
    """A metric term (营收, 净利润, 每股收益) and whether it names an adjusted (non-GAAP) figure."""

    start: int
    end: int
    text: str
    metric: Metric
    adjusted: bool = False
