"""The entity layer: registry-driven recognition of names and metric terms."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from extractor.entities.mentions import EntityMention, MetricMention

__all__ = ["EntityFinder", "EntityMention", "MetricMention"]


class EntityFinder:
    """Finds entities and metric terms in normalized text. Built once; `extra` adds users' registries."""

    def __init__(self, extra: Sequence[str | Path] = ()) -> None:
        self.extra = tuple(extra)

    def entities(self, text: str) -> list[EntityMention]:
        return []

    def metrics(self, text: str) -> list[MetricMention]:
        return []
