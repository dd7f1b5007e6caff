"""The HTML report: highlights nest with exact offsets, claims link to their clauses, all is escaped."""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from cli_samples import HANT, SEED, tsmc_document
from conftest import Run
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.models import Document
from extractor.render import Analysis, Highlight, Layer, marked_text, render_html


class Page(HTMLParser):
    """What a test needs of the page: the article's text, its marks, the claim rows, the findings."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.marks: list[dict[str, str]] = []  # attributes, plus "content": the text inside
        self.rows: list[dict[str, str]] = []
        self.findings: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external: list[str] = []
        self._open_marks: list[dict[str, str]] = []
        self._in_text = 0
        self._in_findings = False
        self._finding: list[str] | None = None
        self._depth_stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a":
            self.links.append(attributes.get("href", ""))
        if tag in ("link", "script", "img") or attributes.get("src"):
            self.external.append(tag)
        if attributes.get("id") == "text":
            self._in_text = 1
        elif self._in_text and tag not in ("br",):
            self._in_text += 1
        if self._in_text and tag == "mark":
            mark = {**attributes, "content": ""}
            self.marks.append(mark)
            self._open_marks.append(mark)
        if tag == "tr" and attributes.get("id", "").startswith("row-"):
            self.rows.append(attributes)
        if attributes.get("id") == "findings":
            self._in_findings = True
        if self._in_findings and tag == "li":
            self._finding = []

    def handle_endtag(self, tag: str) -> None:
        if self._in_text:
            self._in_text -= 1
            if tag == "mark":
                self._open_marks.pop()
        if tag == "section":
            self._in_findings = False
        if tag == "li" and self._finding is not None:
            self.findings.append("".join(self._finding).strip())
            self._finding = None

    def handle_data(self, data: str) -> None:
        if self._in_text:
            self.text += data
            for mark in self._open_marks:
                mark["content"] += data
        if self._finding is not None:
            self._finding.append(data)


def analysis_of(document: Document, text: str = HANT, numbers: list[Highlight] | None = None) -> Analysis:
    return Analysis(text, document, numbers or [])


def test_the_page_shows_the_whole_article_with_every_mark_on_its_exact_slice() -> None:
    numbers = [Highlight(HANT.index("7596"), HANT.index("7596") + 6, Layer.NUMBER, "amount", "amount")]
    page = Page(render_html(analysis_of(tsmc_document(), numbers=numbers)))
    assert page.text == HANT
    assert {mark["class"] for mark in page.marks} == {"evidence evidence", "entity company", "number amount"}
    for mark in page.marks:
        assert HANT[int(mark["data-start"]) : int(mark["data-end"])] == mark["content"]
    amount = next(mark for mark in page.marks if mark["class"] == "number amount")
    assert amount["content"] == "7596億元"
    assert not page.external


def test_each_claim_row_links_to_its_highlighted_clause_and_findings_link_to_claims() -> None:
    page = Page(render_html(analysis_of(tsmc_document())))
    assert [row["id"] for row in page.rows] == ["row-1", "row-2"]
    evidence = [mark for mark in page.marks if mark["class"].startswith("evidence")]
    assert [(mark["id"], mark["content"]) for mark in evidence] == [
        ("claim-1", "台積電今年第三季營收達新台幣7596億元，年增30.3%"),
        ("claim-2", "毛利率59.5%，較上一季提升0.7個百分點"),
    ]
    assert {"#claim-1", "#claim-2"} <= set(page.links)
    assert all(link.removeprefix("#") in page.ids for link in page.links if link.startswith("#"))
    assert page.findings == ["arithmetic 59.5% < 60% & a <b> test claim 2"]


def test_text_and_messages_are_escaped() -> None:
    text = '<script>alert("營收")</script> & 毛利率'
    document = Document(source="<b>x</b>.txt", script="traditional")
    html = render_html(Analysis(text, document, []))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;營收&quot;)&lt;/script&gt; &amp; 毛利率" in html
    assert "<b>x</b>" not in html
    assert Page(html).text == text


def test_a_highlight_crossing_another_is_split_and_each_piece_keeps_exact_offsets() -> None:
    text = "營收2134億美元，同比增長14%"
    spans = [
        Highlight(0, 10, Layer.EVIDENCE, "evidence", "claim", anchor="claim-1"),
        Highlight(8, 14, Layer.NUMBER, "change", "change"),  # starts inside the clause, ends after it
    ]
    page = Page(f'<div id="text">{marked_text(text, spans)}</div>')
    assert page.text == text
    assert [(m["class"], m["data-start"], m["data-end"], m["content"]) for m in page.marks] == [
        ("evidence evidence", "0", "10", "營收2134億美元，"),
        ("number change", "8", "10", "元，"),
        ("number change", "10", "14", "同比增長"),
    ]
    assert sum(1 for mark in page.marks if mark.get("id") == "claim-1") == 1


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(HANT)), st.integers(0, len(HANT)), st.sampled_from(list(Layer))),
        max_size=12,
    )
)
def test_any_set_of_highlights_keeps_the_text_and_every_mark_on_its_slice(
    raw: list[tuple[int, int, Layer]],
) -> None:
    spans = [Highlight(min(a, b), max(a, b), layer, layer.name.lower(), "") for a, b, layer in raw]
    page = Page(f'<div id="text">{marked_text(HANT, spans)}</div>')
    assert page.text == HANT
    for mark in page.marks:
        assert HANT[int(mark["data-start"]) : int(mark["data-end"])] == mark["content"] != ""
    covered = {
        (layer, index) for span in spans if span.end > span.start for layer in [span.layer]
        for index in range(span.start, span.end)
    }  # fmt: skip
    marked = {
        (Layer[mark["class"].split()[0].upper()], index)
        for mark in page.marks
        for index in range(int(mark["data-start"]), int(mark["data-end"]))
    }
    assert marked == covered


def test_the_seed_article_renders_to_a_self_contained_page(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = cli("render", str(SEED), "-o", str(out))
    assert (run.status, run.err) == (0, "")
    page = Page(out.read_text(encoding="utf-8"))
    original = SEED.read_text(encoding="utf-8")
    assert page.text == original
    for mark in page.marks:
        assert original[int(mark["data-start"]) : int(mark["data-end"])] == mark["content"]
    evidence_ids = {mark["id"] for mark in page.marks if "id" in mark}
    assert {row["id"].replace("row-", "claim-") for row in page.rows} == evidence_ids
    assert {"article", "claims", "findings", "entities"} <= page.ids
    assert not page.external
    document = json.loads(cli("extract", str(SEED)).out)
    assert len(page.rows) == len(document["claims"])
    marked = {
        index
        for mark in page.marks
        if mark["class"].startswith("entity")
        for index in range(int(mark["data-start"]), int(mark["data-end"]))
    }
    assert all(set(range(e["start"], e["end"])) <= marked for e in document["entities"])
    expected_findings = [finding_line(finding) for finding in document["findings"]] or ["No findings."]
    assert page.findings == expected_findings


def finding_line(finding: dict[str, Any]) -> str:
    links = ", ".join(f"claim {index + 1}" for index in finding["claims"])
    return f"{finding['kind']} {finding['message']} {links}"


@pytest.mark.parametrize("args", [("render", "missing.txt"), ("render", "-", "--encoding", "nope")])
def test_render_errors_are_one_line(cli: Callable[..., Run], args: tuple[str, ...]) -> None:
    run = cli(*args)
    assert run.status in (1, 2)
    assert run.err.count("\n") == 1 and run.err.startswith("extractor: ")
