"""Many inputs to Documents, one bad input never stopping the others.

Inputs are read and decoded one at a time; an input that cannot be read is reported through `report`
(its source and a reason) and skipped. Documents are yielded as soon as each is extracted, so the caller
writes them while the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from extractor.decode import DecodeError
from extractor.inputs import Input, Problem, describe, read_article
from extractor.models import Document

Report = Callable[[str, str], None]


def extract_documents(
    items: Sequence[Input | Problem],
    *,
    report: Report,
    encoding: str | None = None,
    entities: Sequence[str | Path] = (),
    jobs: int = 1,
    render: Callable[[Document], str] | None = None,
) -> Iterator[Document | str]:
    """The Document of every readable input, in order, or its text made by `render` (in the worker
    processes when `jobs` > 1); `report(source, reason)` for the inputs that cannot be read."""
    from extractor.extraction import entity_finder

    entity_finder(tuple(str(path) for path in entities))  # a bad registry fails here, once
    yield from _extracted(_articles(items, encoding, report), jobs, entities, report, render)


def _articles(
    items: Sequence[Input | Problem], encoding: str | None, report: Report
) -> Iterator[tuple[str, str]]:
    for item in items:
        if isinstance(item, Problem):
            report(item.source, item.reason)
            continue
        try:
            yield item.source, read_article(item, encoding)
        except (OSError, DecodeError) as error:
            report(item.source, describe(error))


def _extracted(
    articles: Iterator[tuple[str, str]],
    jobs: int,
    entities: Sequence[str | Path],
    report: Report,
    render: Callable[[Document], str] | None,
) -> Iterator[Document | str]:
    """Documents of the readable articles, in `jobs` processes; one that trips a bug is reported and
    skipped, and the batch goes on."""
    from extractor.extraction import extract_many

    def failed(source: str | None, message: str) -> None:
        report(source or "-", f"internal error: {message}")

    pairs = ((text, source) for source, text in articles)
    if render is None:
        yield from extract_many(pairs, n_process=jobs, entities=entities, on_error=failed)
    else:
        yield from extract_many(pairs, n_process=jobs, entities=entities, on_error=failed, render=render)
