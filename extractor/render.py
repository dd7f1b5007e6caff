"""One self-contained HTML page per article: the text with its entities, numbers and claims highlighted,
a table of the claims linked to the clauses that state them, and the consistency findings.

Highlights may overlap (an entity inside a claim's clause, a clause that cuts through a number); the
markup nests them, splitting a highlight where it crosses another, so every `<mark>` carries the exact
offsets of the text it wraps (`data-start`, `data-end`). Every piece of text is escaped.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from html import escape
from importlib import resources
from pathlib import Path

from extractor.models import Claim, Document, Script
from extractor.output import TABLE_COLUMNS, claim_cells, format_change, readable_number


class Layer(IntEnum):
    """Kinds of highlight, outermost first when two start together."""

    EVIDENCE = 0
    ENTITY = 1
    NUMBER = 2


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span of the article to mark: `kind` is its CSS class (`company`, `amount`, ...)."""

    start: int
    end: int
    layer: Layer
    kind: str
    title: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """What a report shows: the article, its Document, and the recognized numbers and periods."""

    text: str
    document: Document
    numbers: list[Highlight]


_LANG = {Script.TRADITIONAL: "zh-Hant", Script.SIMPLIFIED: "zh-Hans"}


def analyse(text: str, *, source: str | None = None, entities: Sequence[str | Path] = ()) -> Analysis:
    """The Document of `text` and, besides, every number and period the recognizer found in it."""
    from extractor.extraction import extract
    from extractor.normalize import normalize
    from extractor.recognize import recognize

    normalized = normalize(text)
    numbers = []
    for mention in recognize(normalized.text):
        start, end = normalized.original_span(mention.start, mention.end)
        numbers.append(Highlight(start, end, Layer.NUMBER, mention.kind.value, mention.kind.value))
    return Analysis(text, extract(text, source=source, entities=entities), numbers)


def highlights(analysis: Analysis) -> list[Highlight]:
    """Every highlight of the page: claims' evidence (anchored `claim-N`), entities, numbers."""
    document = analysis.document
    evidence = [
        Highlight(
            claim.evidence.start,
            claim.evidence.end,
            Layer.EVIDENCE,
            "evidence",
            f"claim {index + 1}: {claim_summary(claim)}",
            anchor=f"claim-{index + 1}",
        )
        for index, claim in enumerate(document.claims)
    ]
    entities = [
        Highlight(
            entity.start,
            entity.end,
            Layer.ENTITY,
            entity.type.value,
            f"{entity.type.value}: {entity.canonical or 'unknown'}",
        )
        for entity in document.entities
    ]
    return evidence + entities + analysis.numbers


def claim_summary(claim: Claim) -> str:
    """A claim in one line: `Amazon AWS revenue 2025-Q4 = 35,600,000,000 USD (yoy +24%)`."""
    who = " ".join(part for part in (claim.subject, claim.segment) if part)
    value = "" if claim.value is None else f" = {readable_number(claim.value)} {claim.unit}"
    changes = "; ".join(format_change(change) for change in claim.changes)
    return f"{who} {claim.metric.value} {claim.period or ''}{value}" + (f" ({changes})" if changes else "")


def marked_text(text: str, spans: Iterable[Highlight]) -> str:
    """`text` escaped, with a `<mark>` per highlight, nested; a highlight crossing another is split."""
    queue = [(s.start, -s.end, s.layer, order, s) for order, s in enumerate(spans) if s.end > s.start]
    heapq.heapify(queue)
    order = len(queue)
    out: list[str] = []
    open_ends: list[int] = []
    position = 0
    while queue:
        _, _, _, _, span = heapq.heappop(queue)
        while open_ends and open_ends[-1] <= span.start:
            position = _close(text, position, open_ends.pop(), out)
        out.append(escape(text[position : span.start]))
        position = span.start
        limit = open_ends[-1] if open_ends else len(text)
        if span.end > limit:  # crosses the enclosing mark: the rest becomes its own piece after it
            rest = replace(span, start=limit, anchor=None)
            heapq.heappush(queue, (rest.start, -rest.end, rest.layer, order, rest))
            order += 1
            span = replace(span, end=limit)
        out.append(_open_tag(span))
        open_ends.append(span.end)
    while open_ends:
        position = _close(text, position, open_ends.pop(), out)
    out.append(escape(text[position:]))
    return "".join(out)


def render_html(analysis: Analysis) -> str:
    """The whole report page: inline CSS, no scripts, no external resources."""
    document = analysis.document
    title = f"extractor report: {document.source or 'text'}"
    counts = (
        f"{len(document.entities)} entities · {len(analysis.numbers)} numbers and periods · "
        f"{len(document.claims)} claims · {len(document.findings)} findings · script: {document.script.value}"
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{_LANG.get(document.script, "zh")}">',
            '<head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{_stylesheet()}</style></head>",
            "<body>",
            f"<header><h1>{escape(title)}</h1><p class='counts'>{escape(counts)}</p>{_LEGEND}</header>",
            _findings_section(document),
            '<section id="article"><h2>Article</h2>',
            f'<div class="text" id="text">{marked_text(analysis.text, highlights(analysis))}</div>',
            "</section>",
            _claims_section(document),
            _entities_section(document),
            "</body></html>",
            "",
        ]
    )


def _open_tag(span: Highlight) -> str:
    anchor = (
        f' id="{escape(span.anchor)}" data-claim="{escape(span.anchor.removeprefix("claim-"))}"'
        if span.anchor
        else ""
    )
    return (
        f'<mark class="{span.layer.name.lower()} {escape(span.kind)}"{anchor} '
        f'data-start="{span.start}" data-end="{span.end}" title="{escape(span.title)}">'
    )


def _close(text: str, position: int, end: int, out: list[str]) -> int:
    out.append(escape(text[position:end]) + "</mark>")
    return end


def _claims_section(document: Document) -> str:
    header = "".join(f"<th>{name}</th>" for name in ("#", *TABLE_COLUMNS[:-1]))
    rows = [_claim_row(index, claim) for index, claim in enumerate(document.claims, start=1)]
    body = "\n".join(rows) or '<tr><td colspan="11" class="none">No claims.</td></tr>'
    return (
        '<section id="claims"><h2>Claims</h2><table class="claims">'
        f"<thead><tr>{header}<th>changes</th><th>evidence</th></tr></thead>"
        f"<tbody>\n{body}\n</tbody></table></section>"
    )


def _claim_row(index: int, claim: Claim) -> str:
    *cells, changes = claim_cells(claim)
    return (
        f'<tr id="row-{index}"><td><a href="#claim-{index}">{index}</a></td>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
        + f'<td class="changes">{escape(changes)}</td>'
        + f'<td class="evidence-cell"><a href="#claim-{index}">{escape(claim.evidence.text)}</a></td></tr>'
    )


def _findings_section(document: Document) -> str:
    items = [
        f'<li class="finding"><span class="kind">{escape(finding.kind.value)}</span> '
        + f"{escape(finding.message)} "
        + ", ".join(f'<a href="#claim-{index + 1}">claim {index + 1}</a>' for index in finding.claims)
        + "</li>"
        for finding in document.findings
    ]
    body = "\n".join(items) or '<li class="none">No findings.</li>'
    return f'<section id="findings"><h2>Consistency findings</h2><ul>\n{body}\n</ul></section>'


def _entities_section(document: Document) -> str:
    counts = Counter((e.type.value, e.canonical or "", e.text) for e in document.entities)
    items = [
        f'<li><mark class="entity {escape(kind)}">{escape(text)}</mark> '
        f"{escape(canonical or 'unknown')} <span class='muted'>{escape(kind)} ×{count}</span></li>"
        for (kind, canonical, text), count in sorted(counts.items())
    ]
    body = "\n".join(items) or '<li class="none">No entities.</li>'
    return f'<section id="entities"><h2>Entities</h2><ul class="entities">\n{body}\n</ul></section>'


_LEGEND = (
    '<p class="legend">'
    '<mark class="evidence">claim clause</mark> '
    '<mark class="entity company">company</mark> '
    '<mark class="entity segment">segment</mark> '
    '<mark class="entity person">person</mark> '
    '<mark class="entity product">product</mark> '
    '<mark class="entity organization">organization</mark> '
    '<mark class="entity place">place</mark> '
    '<mark class="number amount">amount</mark> '
    '<mark class="number percent">percent</mark> '
    '<mark class="number change">change</mark> '
    '<mark class="number period">period</mark>'
    "</p>"
)


def _stylesheet() -> str:
    return resources.files("extractor").joinpath("report.css").read_text(encoding="utf-8")
