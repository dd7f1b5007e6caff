"""Claim assembly: mentions, entities and metric terms linked into claims."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.entities.mentions import EntityMention, MetricMention
from extractor.models import Claim
from extractor.recognize.mentions import Mention


def assemble(
    text: str,
    mentions: Sequence[Mention],
    entities: Sequence[EntityMention],
    metrics: Sequence[MetricMention],
) -> list[Claim]:
    """The claims `text` states; evidence spans index `text`."""
    return []
