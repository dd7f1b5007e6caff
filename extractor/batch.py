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
) -> Iterator[Document]:
    """The Document of every readable input, in order; `report(source, reason)` for the others.

    With `jobs` > 1 the texts go through `extract_many` in that many processes.
    """
    from extractor.extraction import entity_finder, extract

    entity_finder(tuple(str(path) for path in entities))  # a bad registry fails here, once
    articles = _articles(items, encoding, report)
    if jobs > 1:
        yield from _in_processes(articles, jobs, entities)
        return
    for source, text in articles:
        try:
            document = extract(text, source=source, entities=entities)
        except Exception as error:  # one article that trips a bug must not sink the batch
            report(source, f"internal error: {type(error).__name__}: {error}")
            continue
        yield document


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


def _in_processes(
    articles: Iterator[tuple[str, str]], jobs: int, entities: Sequence[str | Path]
) -> Iterator[Document]:
    from extractor.extraction import extract_many

    pairs = ((text, source) for source, text in articles)
    yield from extract_many(pairs, n_process=jobs, entities=entities)
