"""Extraction: the stages in order over one text, and over many texts in worker processes.

`extract` runs the stage functions directly: normalize, recognize, entities, assemble, check. The spaCy
components of `extractor.pipeline` wrap the very same functions for users who build a spaCy pipeline
of their own, and a test holds the two paths to the same Documents. Running the functions directly
keeps spaCy (a second to import) and its per-character Doc out of the command line and of batch work.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar, overload

from extractor.assemble import assemble
from extractor.check import check
from extractor.entities import EntityFinder, EntityMention, MetricMention
from extractor.models import Claim, Document, Evidence, Finding
from extractor.normalize import NormalizedText, normalize
from extractor.recognize import Mention, recognize

Article = tuple[str, str | None]
Rendered = TypeVar("Rendered")
OnError = Callable[[str | None, str], None]


class ExtractionError(RuntimeError):
    """A text whose extraction failed inside `extract_many` (a bug, not bad input)."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A text whose extraction raised, with what it raised, as it travels back from a worker."""

    source: str | None
    message: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the stages found in one normalized text; spans index that text."""

    mentions: list[Mention]
    entities: list[EntityMention]
    metrics: list[MetricMention]
    claims: list[Claim]
    findings: list[Finding]


@cache
def entity_finder(extra: tuple[str, ...] = ()) -> EntityFinder:
    """The entity layer with the users' registries `extra`, built once per process."""
    return EntityFinder(extra)


def analyse(text: str, finder: EntityFinder) -> Analysis:
    """Every stage after normalization, over normalized `text`."""
    mentions = recognize(text)
    entities, metrics = finder.find(text)
    claims = assemble(text, mentions, entities, metrics)
    return Analysis(mentions, entities, metrics, claims, check(claims, normalized=True))


def extract(text: str, *, source: str | None = None, entities: Sequence[str | Path] = ()) -> Document:
    """The Document for one text: its script, entities, claims and findings, offsets into `text`.

    The claims were validated once, when assembled, and go nowhere else: their evidence moves to the
    original text in place, where `document_from` must copy them.
    """
    finder = entity_finder(tuple(str(path) for path in entities))
    normalized = normalize(text)
    analysis = analyse(normalized.text, finder)
    for claim in analysis.claims:
        _move_to_original(claim.evidence, normalized)
    return _document(normalized, analysis.entities, analysis.claims, analysis.findings, source)


@overload
def extract_many(
    texts: Iterable[str | Article],
    n_process: int = 1,
    *,
    entities: Sequence[str | Path] = (),
    batch_size: int = 16,
    on_error: OnError | None = None,
) -> Iterator[Document]: ...


@overload
def extract_many(
    texts: Iterable[str | Article],
    n_process: int = 1,
    *,
    entities: Sequence[str | Path] = (),
    batch_size: int = 16,
    on_error: OnError | None = None,
    render: Callable[[Document], Rendered],
) -> Iterator[Rendered]: ...


def extract_many(
    texts: Iterable[str | Article],
    n_process: int = 1,
    *,
    entities: Sequence[str | Path] = (),
    batch_size: int = 16,
    on_error: OnError | None = None,
    render: Callable[[Document], Any] | None = None,
) -> Iterator[Any]:
    """Documents for many texts, in order, streamed: memory stays flat however many texts there are.

    An item is a text or a `(text, source)` pair. With `n_process` > 1, each worker process builds the
    entity layer once and extracts batches of `batch_size` texts; at most two batches per worker are in
    flight, so `texts` is read only as fast as the Documents are consumed. With `render` (a picklable
    function, such as `extractor.output.text_renderer`), what it returns for each Document is yielded
    instead, computed in the workers: the parent then has next to nothing to do. A text whose
    extraction fails is passed to `on_error(source, message)` and skipped when it is given; otherwise
    the failure ends the stream with an `ExtractionError`.
    """
    registries = tuple(str(path) for path in entities)
    articles = (_article(item) for item in texts)
    if n_process <= 1:
        results: Iterator[Any] = (_extract_one(text, source, registries, render) for text, source in articles)
    else:
        results = _extract_in_pool(articles, n_process, registries, batch_size, render)
    for result in results:
        if not isinstance(result, Failure):
            yield result
        elif on_error is not None:
            on_error(result.source, result.message)
        else:
            raise ExtractionError(f"{result.source or 'text'}: {result.message}")


def document_from(
    normalized: NormalizedText,
    entities: Sequence[EntityMention],
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    source: str | None,
) -> Document:
    """The Document of what the stages found, every span mapped back to the original text.

    `claims` are left as they are, spans in the normalized text (a spaCy Doc keeps them): the Document
    holds copies with their evidence in the original.
    """
    copies = [claim.model_copy(update={"evidence": claim.evidence.model_copy()}) for claim in claims]
    for copy in copies:
        _move_to_original(copy.evidence, normalized)
    return _document(normalized, entities, copies, findings, source)


def _document(
    normalized: NormalizedText,
    entities: Sequence[EntityMention],
    claims: list[Claim],
    findings: Sequence[Finding],
    source: str | None,
) -> Document:
    """The Document of `claims` whose evidence is in the original text already: it accepts them as they
    are, and validates the entities from their fields in the same pass."""
    return Document.model_validate(
        {
            "source": source,
            "script": normalized.script,
            "entities": _entities(entities, normalized),
            "claims": claims,
            "findings": list(findings),
        }
    )


def _entities(mentions: Sequence[EntityMention], normalized: NormalizedText) -> list[dict[str, object]]:
    """The fields of the Entity of each mention, their spans mapped in one call."""
    original = normalized.original
    spans = normalized.original_spans([(mention.start, mention.end) for mention in mentions])
    return [
        {
            "text": original[start:end],
            "canonical": mention.canonical,
            "type": mention.type,
            "start": start,
            "end": end,
        }
        for mention, (start, end) in zip(mentions, spans, strict=True)
    ]


def _move_to_original(evidence: Evidence, normalized: NormalizedText) -> None:
    """`evidence` moved from the normalized text to the original. It needs no new check: the offset
    map is exact, so a valid span maps to a valid span, and the text is the original's slice."""
    evidence.start, evidence.end = normalized.original_span(evidence.start, evidence.end)
    evidence.text = normalized.original[evidence.start : evidence.end]


def _article(item: str | Article) -> Article:
    return (item, None) if isinstance(item, str) else item


def _extract_one(
    text: str, source: str | None, registries: tuple[str, ...], render: Callable[[Document], Any] | None
) -> Any:
    """The Document of one text (or what `render` makes of it), or the Failure it raised."""
    try:
        document = extract(text, source=source, entities=registries)
        return document if render is None else render(document)
    except Exception as error:  # one article that trips a bug must not sink the others
        return Failure(source, f"{type(error).__name__}: {error}")


def _extract_in_pool(
    articles: Iterator[Article],
    n_process: int,
    registries: tuple[str, ...],
    batch_size: int,
    render: Callable[[Document], Any] | None,
) -> Iterator[Any]:
    """Batches extracted by a process pool, yielded in input order, with a bounded window in flight."""
    batches = _batches(articles, batch_size)
    pool = ProcessPoolExecutor(n_process, initializer=entity_finder, initargs=(registries,))
    try:
        pending: deque[Future[list[Any]]] = deque(
            pool.submit(_extract_batch, batch, registries, render) for batch in islice(batches, 2 * n_process)
        )
        while pending:
            done = pending.popleft().result()
            pending.extend(
                pool.submit(_extract_batch, batch, registries, render) for batch in islice(batches, 1)
            )
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while batch := list(islice(articles, max(size, 1))):
        yield batch


def _extract_batch(
    batch: list[Article], registries: tuple[str, ...], render: Callable[[Document], Any] | None
) -> list[Any]:
    return [_extract_one(text, source, registries, render) for text, source in batch]
