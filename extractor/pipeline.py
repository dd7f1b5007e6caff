"""The spaCy side: the project's components as factories, the pipeline that chains them, and `extract`.

The pipeline runs on the normalized text (see `extractor.normalize`); `extract` maps every span back to
the original before it builds the Document. A user's own `spacy.blank("zh")` pipeline can add the
components by name (`nlp.add_pipe("extractor_recognizer")`, ...): they are registered here and through
the `spacy_factories` entry point.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.assemble import assemble
from extractor.check import check
from extractor.entities.component import EntityRuler
from extractor.models import Claim, Document, Entity, Evidence, Finding
from extractor.normalize import NormalizedText, normalize
from extractor.recognize import recognize

COMPONENTS = ("extractor_recognizer", "extractor_entities", "extractor_claims", "extractor_checks")

for _name in ("text", "mentions", "entity_mentions", "metric_mentions", "claims", "findings"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _span(doc: Doc, start: int, end: int, label: str, kb_id: str | None = None) -> Span | None:
    return doc.char_span(start, end, label=label, kb_id=kb_id or "", alignment_mode="expand")


class Recognizer:
    """Numbers, percentages, changes and periods: `doc._.mentions` and the span group `mentions`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = recognize(doc_text(doc))
        doc._.mentions = mentions
        doc.spans["mentions"] = [
            span for m in mentions if (span := _span(doc, m.start, m.end, m.kind.value)) is not None
        ]
        return doc


class ClaimAssembler:
    """Claims from the mentions and entities of the earlier components: `doc._.claims`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = assemble(
            doc_text(doc), doc._.mentions or [], doc._.entity_mentions or [], doc._.metric_mentions or []
        )
        return doc


class Checker:
    """Consistency findings over `doc._.claims`: `doc._.findings`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.findings = check(doc._.claims or [])
        return doc


@Language.factory("extractor_recognizer")
def make_recognizer(nlp: Language, name: str) -> Recognizer:
    return Recognizer(name)


@Language.factory("extractor_entities", default_config={"extra": []})
def make_entity_ruler(nlp: Language, name: str, *, extra: list[str]) -> EntityRuler:
    return EntityRuler(name, extra=extra)


@Language.factory("extractor_claims")
def make_claim_assembler(nlp: Language, name: str) -> ClaimAssembler:
    return ClaimAssembler(name)


@Language.factory("extractor_checks")
def make_checker(nlp: Language, name: str) -> Checker:
    return Checker(name)


@cache
def build_pipeline(extra_entities: tuple[str, ...] = ()) -> Language:
    """The project's pipeline on `spacy.blank("zh")`; built once per set of user registries."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("extractor_recognizer")
    nlp.add_pipe("extractor_entities", config={"extra": list(extra_entities)})
    nlp.add_pipe("extractor_claims")
    nlp.add_pipe("extractor_checks")
    return nlp


def extract(text: str, *, source: str | None = None, entities: Sequence[str | Path] = ()) -> Document:
    """The Document for one text: its script, entities, claims and findings, offsets into `text`."""
    nlp = build_pipeline(tuple(str(path) for path in entities))
    normalized = normalize(text)
    return document_from_doc(nlp(make_doc(nlp, normalized.text)), normalized, source)


def extract_many(
    texts: Iterable[str | tuple[str, str | None]],
    n_process: int = 1,
    *,
    entities: Sequence[str | Path] = (),
    batch_size: int = 16,
) -> Iterator[Document]:
    """Documents for many texts, in order, streamed: memory stays flat however many texts there are.

    An item is a text or a `(text, source)` pair. With `n_process` > 1, each worker process builds the
    pipeline once and extracts batches of `batch_size` texts; at most two batches per worker are in
    flight, so `texts` is read only as fast as the Documents are consumed.
    """
    registries = tuple(str(path) for path in entities)
    articles = (_article(item) for item in texts)
    if n_process <= 1:
        for text, source in articles:
            yield extract(text, source=source, entities=registries)
        return
    yield from _extract_in_pool(articles, n_process, registries, batch_size)


Article = tuple[str, str | None]


def _article(item: str | Article) -> Article:
    return (item, None) if isinstance(item, str) else item


def _extract_in_pool(
    articles: Iterator[Article], n_process: int, registries: tuple[str, ...], batch_size: int
) -> Iterator[Document]:
    """Batches extracted by a process pool, yielded in input order, with a bounded window in flight."""
    batches = _batches(articles, batch_size)
    pool = ProcessPoolExecutor(n_process, initializer=build_pipeline, initargs=(registries,))
    try:
        pending: deque[Future[list[Document]]] = deque(
            pool.submit(_extract_batch, batch, registries) for batch in islice(batches, 2 * n_process)
        )
        while pending:
            done = pending.popleft().result()
            pending.extend(pool.submit(_extract_batch, batch, registries) for batch in islice(batches, 1))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while batch := list(islice(articles, max(size, 1))):
        yield batch


def _extract_batch(batch: list[Article], registries: tuple[str, ...]) -> list[Document]:
    return [extract(text, source=source, entities=registries) for text, source in batch]


_WHITESPACE_RUN = re.compile(r"(\s+)")


def make_doc(nlp: Language, text: str) -> Doc:
    """The Doc spaCy's character tokenizer makes of `text` (same tokens, same whitespace), built in linear
    time and about twice as fast; `doc._.text` holds `text`, so components need not join it again."""
    words: list[str] = []
    spaces: list[bool] = []
    for index, piece in enumerate(_WHITESPACE_RUN.split(text)):
        if index % 2 == 0:
            words.extend(piece)
            spaces.extend([False] * len(piece))
            continue
        if piece[0] == " " and words:
            spaces[-1] = True
            piece = piece[1:]
        if piece:
            words.append(piece)
            spaces.append(False)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc._.text = text
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy rebuilds it token by token on every access."""
    if doc._.text is None:
        doc._.text = doc.text
    text: str = doc._.text
    return text


def document_from_doc(doc: Doc, normalized: NormalizedText, source: str | None) -> Document:
    """The Document of a processed Doc, every span mapped back to the original text."""
    entities = []
    for mention in doc._.entity_mentions or []:
        start, end = normalized.original_span(mention.start, mention.end)
        entities.append(
            Entity(
                text=normalized.original[start:end],
                canonical=mention.canonical,
                type=mention.type,
                start=start,
                end=end,
            )
        )
    claims = [_to_original(claim, normalized) for claim in doc._.claims or []]
    findings: list[Finding] = list(doc._.findings or [])
    return Document(
        source=source, script=normalized.script, entities=entities, claims=claims, findings=findings
    )


def _to_original(claim: Claim, normalized: NormalizedText) -> Claim:
    start, end = normalized.original_span(claim.evidence.start, claim.evidence.end)
    evidence = Evidence(start=start, end=end, text=normalized.original[start:end])
    return claim.model_copy(update={"evidence": evidence})
