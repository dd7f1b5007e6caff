"""Extraction across a Dask cluster, for archives one machine cannot get through in time.

`extract_bag` maps the extractor over a bag of articles, `extract_dataframe` over a dataframe column.
Both only build task graphs; nothing runs until `.compute()`, on whatever scheduler is active (a
`distributed.Client` sends the work to its cluster). Each worker process builds the entity layer
once (`entity_finder` is cached per process) and reuses it for every partition it is given.

Needs the optional extra: `pip install 'extractor[dask]'`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from extractor.extraction import extract, extract_many
from extractor.models import Claim
from extractor.output import claim_fields

CLAIM_COLUMNS: dict[str, str] = {
    "claim": "int64",
    "subject": "string",
    "segment": "string",
    "metric": "string",
    "adjusted": "bool",
    "period": "string",
    "value": "float64",
    "value_low": "float64",
    "value_high": "float64",
    "unit": "string",
    "qualifier": "string",
    "status": "string",
    "changes": "string",
    "evidence_start": "int64",
    "evidence_end": "int64",
    "evidence": "string",
}


def extract_bag(bag: db.Bag, *, entities: Sequence[str | Path] = ()) -> db.Bag:
    """A bag of Documents as JSON-ready dicts, one per article, in the bag's order.

    An item is a text or a `(text, source)` pair, as for `extract_many`.
    """
    registries = tuple(str(path) for path in entities)
    documents: db.Bag = bag.map_partitions(_documents, registries)  # type: ignore[no-untyped-call]
    return documents


def extract_dataframe(
    frame: dd.DataFrame, text_column: str, *, entities: Sequence[str | Path] = ()
) -> dd.DataFrame:
    """One row per claim (columns `CLAIM_COLUMNS`), indexed by the row of the article that states it.

    `claim` is the claim's position in its Document; a missing text has no claims.
    """
    meta = claim_frame([], pd.Index([], dtype=frame.index.dtype))
    registries = tuple(str(path) for path in entities)
    claims: dd.DataFrame = frame[text_column].map_partitions(_claims, registries, meta=meta)
    return claims


def _documents(articles: Iterable[str | tuple[str, str | None]], registries: tuple[str, ...]) -> list[Any]:
    return [document.model_dump(mode="json") for document in extract_many(articles, entities=registries)]


def _claims(texts: pd.Series, registries: tuple[str, ...]) -> pd.DataFrame:
    records: list[dict[str, Any]] = []
    labels: list[Any] = []
    for label, text in texts.items():
        claims = extract(text, entities=registries).claims if isinstance(text, str) else []
        records.extend(claim_record(position, claim) for position, claim in enumerate(claims))
        labels.extend([label] * len(claims))
    return claim_frame(records, pd.Index(labels, dtype=texts.index.dtype, name=texts.index.name))


def claim_record(position: int, claim: Claim) -> dict[str, Any]:
    """A claim as a flat row with typed values: None where the claim has no value."""
    return {"claim": position, **claim_fields(claim)}


def claim_frame(records: Sequence[dict[str, Any]], index: pd.Index) -> pd.DataFrame:
    """Claim rows as a pandas DataFrame with the dtypes of `CLAIM_COLUMNS` (also Dask's `meta`)."""
    frame = pd.DataFrame.from_records(list(records), columns=list(CLAIM_COLUMNS), index=index)
    return frame.astype(CLAIM_COLUMNS)
