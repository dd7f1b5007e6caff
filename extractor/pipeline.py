"""The spaCy side: the project's components as factories, and the pipeline that chains them.

The components wrap the stage functions that `extractor.extraction.extract` runs directly, so a spaCy
pipeline gives the same claims as `extract`. They run on normalized text (see `extractor.normalize`);
`document_from_doc` maps every span back to the original. A user's own `spacy.blank("zh")` pipeline can
add them by name (`nlp.add_pipe("extractor_recognizer")`, ...): they are registered here and through
the `spacy_factories` entry point.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.assemble import assemble
from extractor.check import check
from extractor.entities.component import EntityRuler
from extractor.extraction import document_from
from extractor.models import Document
from extractor.normalize import NormalizedText
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
    return document_from(
        normalized, doc._.entity_mentions or [], doc._.claims or [], doc._.findings or [], source
    )
