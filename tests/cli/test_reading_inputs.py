"""Bytes to article text: every encoding Chinese news comes in, HTML pages, and what is not text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from cli_samples import HANS, HANT, SHORT_HANS, SHORT_HANT
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import decode as decode_module
from extractor.decode import DecodeError, decode
from extractor.html_text import html_article_text, looks_like_html
from extractor.inputs import Input, Problem, expand, names_several, read_article

# Sentences of our own, in both scripts, that a detector must tell apart when encoded in GB18030 or Big5.
TRADITIONAL_SENTENCES = [
    "鴻海上月營收新台幣6,520億元，月減4.1%，年增10.9%。",
    "聯發科全年每股盈餘為新台幣66.9元。",
    "小米集團第二季經調整淨利潤為108億港元。",
    "市場預期蘋果本季營收約為1,240億美元。",
    "網易遊戲收入按年上升13%。",
    "輝達資料中心營收創新高，年增逾一倍。",
    "淨虧損擴大至3億元。",
    "裁員約1.4萬人。",
]
SIMPLIFIED_SENTENCES = [
    "比亚迪上月销量约38万辆，环比下降2%。",
    "阿里巴巴云智能集团收入同比增长26%，达到人民币298亿元。",
    "京东零售经营利润率提升至4.5%。",
    "美团核心本地商业分部收入为人民币654亿元。",
    "贵州茅台前三季度营业总收入1309亿元，同比增长6.3%。",
    "股价下跌5%。",
]


@pytest.mark.parametrize("text", [HANT, HANS, SHORT_HANT, SHORT_HANS])
@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("gb18030", b""),
    ],
)
def test_each_unicode_and_gb_encoding_decodes_to_the_text_without_its_byte_order_mark(
    text: str, encoding: str, prefix: bytes
) -> None:
    assert decode(prefix + text.encode(encoding)) == text


@pytest.mark.parametrize("text", [HANT, SHORT_HANT, *TRADITIONAL_SENTENCES])
def test_traditional_text_in_big5_is_told_from_gb18030(text: str) -> None:
    assert decode(text.encode("big5")) == text


@pytest.mark.parametrize("text", [HANT, HANS, SHORT_HANT, SHORT_HANS, *TRADITIONAL_SENTENCES])
def test_text_in_gbk_is_told_from_big5(text: str) -> None:
    assert decode(text.encode("gbk")) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [HANT, HANS, "營收增長14%，一季度一二三。\n"])
def test_utf16_without_a_byte_order_mark_is_recognized_by_its_zero_bytes(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(TRADITIONAL_SENTENCES), min_size=1, max_size=4),
    st.sampled_from(["gb18030", "big5"]),
)
def test_any_traditional_article_round_trips_through_either_legacy_encoding(
    sentences: list[str], encoding: str
) -> None:
    text = "".join(sentences)
    assert decode(text.encode(encoding)) == text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SIMPLIFIED_SENTENCES), min_size=1, max_size=4))
def test_any_simplified_article_round_trips_through_gb18030(sentences: list[str]) -> None:
    text = "".join(sentences)
    assert decode(text.encode("gb18030")) == text


def test_a_given_encoding_overrides_detection() -> None:
    data = "營收".encode("big5")  # 4 bytes that are also valid GBK: only the user knows which
    assert decode(data, "big5") == "營收"
    assert decode(data, "gbk") == data.decode("gbk")


@pytest.mark.parametrize(
    ("data", "encoding", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), None, "binary file, not text"),
        (bytes(range(256)) * 4, None, "binary file, not text"),
        ("營收\x01\x02\x03\x04\x05".encode(), None, "binary file, not text"),
        (b"revenue \x80\x80 up", None, "cannot detect the text encoding (try --encoding)"),
        ("營收".encode("big5"), "utf-8", "not valid utf-8 at byte 0"),
        (b"text", "klingon", "unknown encoding 'klingon'"),
    ],
)
def test_what_is_not_readable_text_raises_a_one_line_reason(
    data: bytes, encoding: str | None, reason: str
) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(data, encoding)
    assert str(caught.value) == reason


def test_input_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode_module, "MAX_BYTES", 10)
    with pytest.raises(DecodeError, match=r"^too large \(12 bytes; the limit is 10\)$"):
        decode("營收增長".encode())


PAGE = """<!DOCTYPE html>
<html><head><title>新聞標題不算正文</title><style>p { color: red }</style>
<script>var revenue = "營收999億";</script></head>
<body><nav>首頁 | 科技 | 財經</nav><header>網站名稱</header>
<article><h1>台積電第三季營收創新高</h1>
<p>台積電今年第三季營收達新台幣7596億元，
年增30.3%。</p>
<p>毛利率59.5%&nbsp;，較上一季提升0.7個百分點；<b>研發</b>投入 &amp; 資本支出持續增加。</p>
<ul><li>營收：7596億元</li><li>毛利率：59.5%</li></ul>
</article>
<aside>相關新聞：聯發科營收</aside><footer>版權所有</footer></body></html>
"""


def test_html_article_text_keeps_paragraphs_and_drops_scripts_navigation_and_asides() -> None:
    assert html_article_text(PAGE) == (
        "台積電第三季營收創新高\n\n"
        "台積電今年第三季營收達新台幣7596億元，年增30.3%。\n\n"
        "毛利率59.5%\u00a0，較上一季提升0.7個百分點；研發投入 & 資本支出持續增加。\n\n"
        "營收：7596億元\n"
        "毛利率：59.5%\n"
    )


def test_an_article_header_keeps_its_headline_and_an_unclosed_head_ends_at_the_body() -> None:
    page = (
        "<html><head><meta charset=utf-8><title>網站</title><body><header>網站導覽</header>"
        "<article><header><h1>網易第三季營收增長</h1></header><p>網易遊戲收入按年上升13%。</p>"
        "<footer>記者：某某</footer></article></body></html>"
    )
    assert html_article_text(page) == "網易第三季營收增長\n\n網易遊戲收入按年上升13%。\n\n記者：某某\n"


def test_html_without_an_article_element_gives_the_body_text() -> None:
    page = (
        "<html><body><div>小米集團<br>第二季經調整淨利潤為108億港元。</div><script>x()</script></body></html>"
    )
    assert html_article_text(page) == "小米集團\n第二季經調整淨利潤為108億港元。\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<!DOCTYPE html><html></html>", True), ("  <HTML lang=zh>", True), ("營收<b>增長</b>", False)],
)
def test_html_is_recognized_by_its_opening(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_an_html_file_is_read_as_its_article_text_in_its_encoding(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_bytes(PAGE.encode("big5", errors="strict"))
    text = read_article(Input(str(page)))
    assert text.startswith("台積電第三季營收創新高\n\n台積電今年第三季")
    assert "<" not in text and "var revenue" not in text


def test_folders_globs_and_files_expand_in_order_and_name_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("a/2.txt", "a/deep/1.md", "a/deep/3.HTML", "a/skip.pdf", "b.txt"):
        (tmp_path / name).write_text(HANT, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    base = str(tmp_path)
    items = expand([f"{base}/a", f"{base}/*.txt", "-", f"{base}/empty", f"{base}/*.xlsx", f"{base}/gone.txt"])
    assert items == [
        Input(f"{base}/a/2.txt"),
        Input(f"{base}/a/deep/1.md"),
        Input(f"{base}/a/deep/3.HTML"),
        Input(f"{base}/b.txt"),
        Input("-"),
        Problem(f"{base}/empty", "folder has no .txt, .md, .html, .htm files"),
        Problem(f"{base}/*.xlsx", "no file matches this pattern"),
        Input(f"{base}/gone.txt"),
    ]


def test_json_output_is_a_list_for_folders_globs_and_several_paths_only(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(HANT, encoding="utf-8")
    one = str(tmp_path / "one.txt")
    assert names_several([one]) is False
    assert names_several(["-"]) is False
    assert names_several([str(tmp_path / "missing.txt")]) is False
    assert names_several([one, "-"]) is True
    assert names_several([str(tmp_path)]) is True
    assert names_several([f"{tmp_path}/*.txt"]) is True


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ascii_heavy_utf16_without_a_mark_is_not_taken_for_utf8(encoding: str) -> None:
    text = "Q3 revenue: TWD 759.6bn (+30.3% YoY)\n營收\n"
    assert decode(text.encode(encoding)) == text
