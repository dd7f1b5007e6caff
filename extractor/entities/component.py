"""The spaCy component of the entity layer: registry entities and metric terms on a Doc.

It writes `doc._.entity_mentions` and `doc._.metric_mentions` (lists of EntityMention / MetricMention)
and the span groups `entities` (label: entity type, kb_id: canonical name) and `metrics` (label:
metric). Like spaCy's SpanRuler it saves what it was given, the users' registries, with the pipeline
(`to_disk`/`to_bytes`), so a saved pipeline does not need the original files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from extractor.entities import EntityFinder

REGISTRIES_FILE = "registries.json"

for _name in ("entity_mentions", "metric_mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class EntityRuler:
    """Registry entities and metric terms: `doc._.entity_mentions`, `doc._.metric_mentions`, span groups."""

    def __init__(self, name: str, *, extra: Sequence[str | Path] = ()) -> None:
        self.name = name
        self.finder = EntityFinder(extra)

    def __call__(self, doc: Doc) -> Doc:
        from extractor.pipeline import doc_text  # the pipeline imports this module: import when used

        entities, metrics = self.finder.find(doc_text(doc))
        doc._.entity_mentions = entities
        doc._.metric_mentions = metrics
        doc.spans["entities"] = _spans(doc, ((e.start, e.end, e.type.value, e.canonical) for e in entities))
        doc.spans["metrics"] = _spans(doc, ((m.start, m.end, m.metric.value, None) for m in metrics))
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.finder.tables, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EntityRuler:
        self.finder = EntityFinder.from_tables(_tables(json.loads(data.decode("utf-8"))))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / REGISTRIES_FILE).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRuler:
        return self.from_bytes((Path(path) / REGISTRIES_FILE).read_bytes())


def _spans(doc: Doc, items: Iterable[tuple[int, int, str, str | None]]) -> list[Span]:
    spans = []
    for start, end, label, kb_id in items:
        span = doc.char_span(start, end, label=label, kb_id=kb_id or "", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _tables(data: Any) -> list[tuple[str, Any]]:
    return [(str(source), table) for source, table in data]
