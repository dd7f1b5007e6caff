"""The article text of an HTML page, read with the standard library's HTML parser.

Offsets of an HTML input refer to the text this module returns, so it must be deterministic and plain:
scripts, styles, navigation, asides, forms and the page's own header and footer are dropped (an
article's header, which holds its headline, is kept); block elements become line breaks (a blank line
after a paragraph or heading); runs of white space inside a block become one space, as a browser shows
them. When the page marks its article (`<article>`, or `<main>`), only that is kept.
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "title", "nav", "aside", "form", "button"}
    | {"select", "iframe", "object"}
)
_PAGE_FRAME = frozenset({"header", "footer"})  # the site's, skipped; an article's own header is its title
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol"})
_LINES = frozenset(
    {"br", "div", "section", "article", "main", "li", "tr", "dt", "dd", "figcaption", "caption", "hr"}
)
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed"})
_ARTICLE = ("article", "main")
_SPACE = regex.compile(r"[ \t\r\n\f]+")
_PARAGRAPH, _LINE = "\x1e", "\x1f"  # break marks while parsing; a run of them is one break, the widest
_BREAKS = regex.compile(r"[ \t]*[\x1e\x1f](?:[ \t\n]*[\x1e\x1f])*[ \t]*")
_WIDE = r"[\p{Han}\u3000-\u303f\uff00-\uffef]"
# A line break in the source between two Chinese characters is no space (CSS Text's segment break rule).
_WIDE_BREAK = regex.compile(rf"(?<={_WIDE})[ \t\r\f]*\n[ \t\r\n\f]*(?={_WIDE})")


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML document rather than plain text (for stdin, which has no file name)."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def html_article_text(markup: str) -> str:
    """The readable text of the page's article (or of its body when no article is marked)."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    for tag in _ARTICLE:
        if parser.blocks[tag]:
            return _tidy(parser.blocks[tag])
    return _tidy(parser.blocks["body"])


class _TextParser(HTMLParser):
    """Collects text pieces for the whole page and for its first <article> and <main>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: dict[str, list[str]] = {"body": [], "article": [], "main": []}
        self._stack: list[str] = []
        self._done: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self._break(tag)
            return
        if tag == "body" and "head" in self._stack:  # a head left open ends where the body begins
            del self._stack[self._stack.index("head") :]
        self._stack.append(tag)
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return  # a stray closing tag
        while self._stack:
            closed = self._stack.pop()
            self._break(closed)
            if closed in _ARTICLE and closed not in self._stack:
                self._done.add(closed)
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        if "pre" not in self._stack:
            data = _SPACE.sub(" ", _WIDE_BREAK.sub("", data))
        self._add(data)

    def _skipping(self) -> bool:
        in_article = False
        for tag in self._stack:
            in_article = in_article or tag in _ARTICLE
            if tag in _SKIPPED or (tag in _PAGE_FRAME and not in_article):
                return True
        return False

    def _break(self, tag: str) -> None:
        if tag in _PARAGRAPHS:
            self._add(_PARAGRAPH)
        elif tag in _LINES:
            self._add(_LINE)

    def _add(self, piece: str) -> None:
        self.blocks["body"].append(piece)
        for tag in _ARTICLE:
            if tag in self._stack and tag not in self._done:
                self.blocks[tag].append(piece)


def _tidy(pieces: list[str]) -> str:
    text: str = _BREAKS.sub(lambda run: "\n\n" if _PARAGRAPH in run.group() else "\n", "".join(pieces))
    return text.strip(" \n") + "\n"
