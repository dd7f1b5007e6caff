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
from extractor.entities import EntityFinder, EntityMention
from extractor.models import Claim, Document, Finding
from extractor.normalize import NormalizedText, normalize
from extractor.recognize import recognize

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


@cache
def entity_finder(extra: tuple[str, ...] = ()) -> EntityFinder:
    """The entity layer with the users' registries `extra`, built once per process."""
    return EntityFinder(extra)


def extract(text: str, *, source: str | None = None, entities: Sequence[str | Path] = ()) -> Document:
    """The Document for one text: its script, entities, claims and findings, offsets into `text`."""
    return _documents([(text, source)], entity_finder(tuple(str(path) for path in entities)))[0]


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

    An item is a text or a `(text, source)` pair. Texts are extracted in batches of `batch_size`, each
    stage over the whole batch (see `_documents`). With `n_process` > 1, each worker process builds the
    entity layer once and extracts whole batches; at most two batches per worker are in flight, so
    `texts` is read only as fast as the Documents are consumed. With `render` (a picklable
    function, such as `extractor.output.text_renderer`), what it returns for each Document is yielded
    instead, computed in the workers: the parent then has next to nothing to do (without it, the
    workers send Documents as JSON, which the parent validates again). A text whose
    extraction fails is passed to `on_error(source, message)` and skipped when it is given; otherwise
    the failure ends the stream with an `ExtractionError`.
    """
    registries = tuple(str(path) for path in entities)
    articles = (_article(item) for item in texts)
    if n_process <= 1:
        results: Iterator[Any] = (
            result
            for batch in _batches(articles, batch_size)
            for result in _extract_batch(batch, registries, render)
        )
    elif render is None:
        results = map(_from_json, _extract_in_pool(articles, n_process, registries, batch_size, _json))
    else:
        results = _extract_in_pool(articles, n_process, registries, batch_size, render)
    for result in results:
        if not isinstance(result, Failure):
            yield result
        elif on_error is not None:
            on_error(result.source, result.message)
        else:
            raise ExtractionError(f"{result.source or 'text'}: {result.message}")


def _documents(articles: Sequence[Article], finder: EntityFinder) -> list[Document]:
    """The Documents of `articles`, each stage run over all of them before the next stage starts.

    A stage's tables and code then stay in the processor's cache: on a batch of 16 articles this
    measured 5 to 15 % faster than one article after another, whose stages push each other out.
    The claims were validated once, when assembled, and go nowhere else: their evidence moves to the
    original text in place, where `document_from` must copy them.
    """
    normalized = [normalize(text) for text, _ in articles]
    texts = [each.text for each in normalized]
    mentions = [recognize(text) for text in texts]
    found = [finder.find(text) for text in texts]
    claims = [
        assemble(text, numbers, entities, metrics)
        for text, numbers, (entities, metrics) in zip(texts, mentions, found, strict=True)
    ]
    findings = [check(stated, normalized=True) for stated in claims]
    documents = []
    for (_, source), each, (entities, _), stated, found_wrong in zip(
        articles, normalized, found, claims, findings, strict=True
    ):
        _move_to_original(stated, each)
        documents.append(_document(each, entities, stated, found_wrong, source))
    return documents


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
    _move_to_original(copies, normalized)
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


def _move_to_original(claims: Sequence[Claim], normalized: NormalizedText) -> None:
    """The evidence of `claims` moved from the normalized text to the original, in place, every span
    mapped in one call. It needs no new check: the offset map is exact, so a valid span maps to a valid
    span, and the text is the original's slice. So the new fields go straight into each Evidence's
    `__dict__`, where pydantic keeps them: its `__setattr__` (three per claim) cost more than the rest
    of the move together."""
    original = normalized.original
    spans = normalized.original_spans([(claim.evidence.start, claim.evidence.end) for claim in claims])
    for claim, (start, end) in zip(claims, spans, strict=True):
        claim.evidence.__dict__.update(start=start, end=end, text=original[start:end])


def _json(document: Document) -> str:
    """`document` as JSON, the form a worker sends it in: a string pickles at once, and writing JSON in
    the worker and validating it in the parent costs half of what pickling the models does on both
    sides (0.08 + 0.18 ms against 0.21 + 0.25 ms per article of our corpora)."""
    return document.model_dump_json()


def _from_json(result: str | Failure) -> Document | Failure:
    """The Document a worker sent as JSON (see `_json`), validated again; a Failure as it came."""
    return result if isinstance(result, Failure) else Document.model_validate_json(result)


def _article(item: str | Article) -> Article:
    return (item, None) if isinstance(item, str) else item


def _extract_batch(
    batch: list[Article], registries: tuple[str, ...], render: Callable[[Document], Any] | None
) -> list[Any]:
    """The Documents of `batch` (or what `render` makes of them), stage by stage; when one of its texts
    raises, text by text, so that only that text fails."""
    try:
        documents = _documents(batch, entity_finder(registries))
    except Exception:  # one article that trips a bug must not sink the others
        return [_extract_one(article, registries, render) for article in batch]
    return [
        _finished(document, source, render) for document, (_, source) in zip(documents, batch, strict=True)
    ]


def _extract_one(
    article: Article, registries: tuple[str, ...], render: Callable[[Document], Any] | None
) -> Any:
    """The Document of one text (or what `render` makes of it), or the Failure it raised."""
    text, source = article
    try:
        document = extract(text, source=source, entities=registries)
    except Exception as error:
        return Failure(source, f"{type(error).__name__}: {error}")
    return _finished(document, source, render)


def _finished(document: Document, source: str | None, render: Callable[[Document], Any] | None) -> Any:
    """`document`, or what `render` makes of it, or the Failure that raised."""
    if render is None:
        return document
    try:
        return render(document)
    except Exception as error:
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
