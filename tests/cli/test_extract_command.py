"""`extractor extract` end to end: every input form and encoding, every format, and a batch with bad files."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cli_samples import HANS, HANT, SEED
from conftest import Run

from extractor.models import Document
from extractor.output import CSV_COLUMNS


@pytest.fixture
def schema(cli: Callable[..., Run]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(cli("schema").out)
    return loaded


def valid_document(data: Any, text: str, schema: dict[str, Any]) -> Document:
    """`data` as a Document: valid against the schema, every span an exact slice of `text`."""
    jsonschema.validate(data, schema)
    document = Document.model_validate(data, context={"text": text})
    for entity in document.entities:
        assert text[entity.start : entity.end] == entity.text
    return document


def article(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("text", "encoding", "script"),
    [
        (HANT, "utf-8", "traditional"),
        (HANT, "utf-8-sig", "traditional"),
        (HANS, "utf-16", "simplified"),
        (HANS, "gb18030", "simplified"),
        (HANT, "gb18030", "traditional"),
        (HANT, "big5", "traditional"),
    ],
)
def test_a_file_in_each_encoding_gives_one_document_with_offsets_into_the_decoded_text(
    cli: Callable[..., Run], schema: dict[str, Any], tmp_path: Path, text: str, encoding: str, script: str
) -> None:
    path = article(tmp_path, f"news.{encoding}.txt", text, encoding)
    run = cli("extract", str(path))
    assert (run.status, run.err) == (0, "")
    document = valid_document(json.loads(run.out), text, schema)
    assert document.source == str(path)
    assert document.script.value == script


def test_the_encoding_option_reads_what_detection_could_not(cli: Callable[..., Run], tmp_path: Path) -> None:
    path = article(tmp_path, "short.txt", "營收", "big5")  # four bytes, valid Big5 and GBK alike
    run = cli("extract", str(path), "--encoding", "big5", "--format", "jsonl")
    assert run.status == 0
    assert json.loads(run.out)["script"] == "traditional"


def test_stdin_is_read_as_bytes_and_decoded_like_a_file(
    cli: Callable[..., Run], schema: dict[str, Any]
) -> None:
    run = cli("extract", "-", stdin=HANT.encode("big5"))
    assert run.status == 0
    document = valid_document(json.loads(run.out), HANT, schema)
    assert document.source == "-"


def test_an_html_page_on_stdin_is_read_as_its_article_text(cli: Callable[..., Run]) -> None:
    page = f"<!DOCTYPE html><html><body><nav>首頁</nav><article><p>{HANT}</p></article></body></html>"
    run = cli("extract", "-", stdin=page.encode("utf-8"))
    assert run.status == 0
    assert json.loads(run.out)["script"] == "traditional"


def test_a_folder_is_read_recursively_and_gives_a_list(
    cli: Callable[..., Run], schema: dict[str, Any], tmp_path: Path
) -> None:
    article(tmp_path, "b/second.md", HANS, "gb18030")
    article(tmp_path, "a.txt", HANT)
    one_paragraph = HANT.replace("\n", "")
    article(tmp_path, "b/c/third.html", f"<html><body><p>{one_paragraph}</p></body></html>")
    article(tmp_path, "notes.docx", "not an article")
    run = cli("extract", str(tmp_path))
    assert run.status == 0
    data = json.loads(run.out)
    assert [Path(item["source"]).relative_to(tmp_path).as_posix() for item in data] == [
        "a.txt",
        "b/c/third.html",
        "b/second.md",
    ]
    for item, text in zip(data, [HANT, one_paragraph + "\n", HANS], strict=True):
        valid_document(item, text, schema)


def test_a_glob_is_expanded_by_the_tool(cli: Callable[..., Run], tmp_path: Path) -> None:
    for name in ("q1.txt", "q2.txt", "q3.md"):
        article(tmp_path, name, HANT)
    run = cli("extract", str(tmp_path / "q*.txt"), "--format", "jsonl")
    assert run.status == 0
    assert [Path(json.loads(line)["source"]).name for line in run.out.splitlines()] == ["q1.txt", "q2.txt"]


def test_csv_output_has_the_contract_columns_and_one_row_per_claim(cli: Callable[..., Run]) -> None:
    run = cli("extract", str(SEED), "--format", "csv")
    assert run.status == 0
    reader = csv.DictReader(io.StringIO(run.out))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    text = SEED.read_text(encoding="utf-8")
    rows = list(reader)
    json_run = cli("extract", str(SEED), "--format", "json")
    assert len(rows) == len(json.loads(json_run.out)["claims"])
    for row in rows:
        assert text[int(row["evidence_start"]) : int(row["evidence_end"])] == row["evidence"]


def test_table_output_names_the_source(cli: Callable[..., Run]) -> None:
    run = cli("extract", str(SEED), "--format", "table")
    assert run.status == 0
    assert f"{SEED} (" in run.out and "claims" in run.out


def test_output_goes_to_the_file_given(
    cli: Callable[..., Run], schema: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "claims.json"
    run = cli("extract", str(SEED), "-o", str(out))
    assert (run.status, run.out, run.err) == (0, "", "")
    valid_document(json.loads(out.read_text(encoding="utf-8")), SEED.read_text(encoding="utf-8"), schema)


def test_a_batch_with_bad_files_in_the_middle_writes_the_good_ones_and_exits_1(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good_first = article(tmp_path, "1-good.txt", HANT)
    binary = tmp_path / "2-image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    undecodable = tmp_path / "3-broken.txt"
    undecodable.write_bytes(b"revenue \x80\x80\x80 up")
    large = article(tmp_path, "4-large.txt", HANT * 20)
    good_last = article(tmp_path, "5-good.txt", HANS)
    missing = tmp_path / "0-missing.txt"
    limit = len(HANT.encode()) * 10
    monkeypatch.setattr("extractor.inputs.MAX_BYTES", limit)
    run = cli(
        "extract", str(good_first), str(binary), str(missing), str(undecodable), str(large), str(good_last),
        "--format", "jsonl",
    )  # fmt: skip
    assert run.status == 1
    assert [json.loads(line)["source"] for line in run.out.splitlines()] == [str(good_first), str(good_last)]
    assert run.err.splitlines() == [
        f"extractor: {binary}: binary file, not text",
        f"extractor: {missing}: no such file or directory",
        f"extractor: {undecodable}: cannot detect the text encoding (try --encoding)",
        f"extractor: {large}: too large ({large.stat().st_size} bytes; the limit is {limit})",
    ]


def test_a_json_list_stays_valid_when_some_inputs_fail(cli: Callable[..., Run], tmp_path: Path) -> None:
    good = article(tmp_path, "good.txt", HANT)
    run = cli("extract", str(tmp_path / "nothing-*.txt"), str(good), str(tmp_path / "gone.txt"))
    assert run.status == 1
    assert [item["source"] for item in json.loads(run.out)] == [str(good)]
    assert len(run.err.splitlines()) == 2


def test_two_processes_give_the_same_documents_in_order(cli: Callable[..., Run], tmp_path: Path) -> None:
    paths = [str(article(tmp_path, f"{index}.txt", HANT if index % 2 else HANS)) for index in range(4)]
    serial = cli("extract", *paths, "--format", "jsonl")
    parallel = cli("extract", *paths, "--format", "jsonl", "--jobs", "2")
    assert (serial.status, parallel.status) == (0, 0)
    assert parallel.out == serial.out


@pytest.mark.parametrize(("count", "shown"), [(4, False), (5, True)])
def test_a_progress_bar_shows_on_a_terminal_for_five_inputs_or_more(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int, shown: bool
) -> None:
    paths = [str(article(tmp_path, f"{index}.txt", HANT)) for index in range(count)]
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    run = cli("extract", *paths, "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"))
    assert run.status == 0
    assert ("extracting" in run.err) is shown
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == count


def test_stdin_over_the_size_limit_is_refused_in_one_line(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("extractor.inputs.MAX_BYTES", 8)
    run = cli("extract", "-", stdin=HANT.encode("utf-8"))
    assert (run.status, run.out) == (1, "")
    assert run.err == "extractor: -: too large (over the limit of 8 bytes)\n"
