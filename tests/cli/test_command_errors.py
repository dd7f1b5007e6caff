"""Every user mistake: one line on stderr, the right exit status, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_samples import HANT, REPO, SEED, tsmc_document
from conftest import Run

from extractor import __version__


def one_line(run: Run) -> str:
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("extractor: ")
    return lines[0]


def test_a_missing_path_is_named_and_exits_1(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("extract", str(tmp_path / "missing.txt"))
    assert run.status == 1
    assert one_line(run) == f"extractor: {tmp_path / 'missing.txt'}: no such file or directory"
    assert run.out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("extract", "x.txt", "--format", "xml"), "invalid choice: 'xml'"),
        (("extract",), "the following arguments are required: PATH"),
        (("extract", "x.txt", "--jobs", "0"), "must be at least 1, not 0"),
        (("bench", "--min-f1", "high"), "not a number: 'high'"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
    ],
)
def test_a_wrong_command_line_exits_2_with_argparse_usage(
    cli: Callable[..., Run], args: tuple[str, ...], message: str
) -> None:
    run = cli(*args)
    assert run.status == 2
    assert message in run.err
    assert "Traceback" not in run.err


def test_an_unknown_encoding_is_a_usage_error(cli: Callable[..., Run]) -> None:
    run = cli("extract", str(SEED), "--encoding", "klingon")
    assert run.status == 2
    assert one_line(run) == "extractor: error: --encoding: unknown encoding 'klingon'"


def test_a_missing_entities_file_is_a_usage_error(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("extract", str(SEED), "--entities", str(tmp_path / "mine.yaml"))
    assert run.status == 2
    assert one_line(run) == f"extractor: error: --entities {tmp_path / 'mine.yaml'}: no such file"


def test_an_unreadable_entities_file_is_a_usage_error_naming_its_line(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    registry = tmp_path / "mine.yaml"
    registry.write_text("companies:\n  - name: 台積電\n    aliases: [TSMC\n", encoding="utf-8")
    run = cli("extract", str(SEED), "--entities", str(registry))
    assert run.status == 2
    line = one_line(run)
    assert line.startswith(f"extractor: error: --entities: {registry}: ")
    assert "line" in line


def test_an_output_file_that_cannot_be_written_is_one_line(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("extract", str(SEED), "-o", str(tmp_path / "no-such-folder" / "out.json"))
    assert run.status == 1
    assert "cannot write (no such file or directory)" in one_line(run)


def test_ctrl_c_exits_130_keeping_what_was_written(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> Iterator[object]:
        yield tsmc_document("first.txt")
        raise KeyboardInterrupt

    monkeypatch.setattr("extractor.batch.extract_documents", interrupted)
    run = cli("extract", str(SEED), str(SEED))
    assert run.status == 130
    assert one_line(run) == "extractor: interrupted"
    assert [item["source"] for item in json.loads(run.out)] == ["first.txt"]  # the list is closed


def test_an_unexpected_error_is_one_line_not_a_traceback(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> Iterator[object]:
        raise RuntimeError("something deep broke")
        yield

    monkeypatch.setattr("extractor.batch.extract_documents", broken)
    run = cli("extract", str(SEED))
    assert run.status == 1
    assert one_line(run) == "extractor: internal error: RuntimeError: something deep broke"


@pytest.mark.parametrize("command", ["extract", "render", "bench", "schema"])
def test_every_command_has_help_with_examples(cli: Callable[..., Run], command: str) -> None:
    run = cli(command, "--help")
    assert run.status == 0
    assert "example" in run.out
    assert f"extractor {command}" in run.out


def test_version(cli: Callable[..., Run]) -> None:
    run = cli("--version")
    assert (run.status, run.out) == (0, f"extractor {__version__}\n")


def extractor_process(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "extractor.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        timeout=120,
    )


def test_a_real_process_exits_1_on_a_missing_file_and_2_on_a_bad_format(tmp_path: Path) -> None:
    missing = extractor_process("extract", str(tmp_path / "gone.txt"))
    assert missing.returncode == 1
    assert missing.stderr.decode() == f"extractor: {tmp_path / 'gone.txt'}: no such file or directory\n"
    bad_format = extractor_process("extract", str(SEED), "--format", "xml")
    assert bad_format.returncode == 2
    assert b"Traceback" not in bad_format.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "extractor.cli", "extract", str(SEED), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head` that has already stopped reading
    error = process.stderr.read()
    assert process.wait(timeout=120) == 0
    assert error == b""


def test_a_real_process_reads_stdin_and_writes_utf8_whatever_the_locale_says() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "render", "-"],
        input=HANT.encode("big5"),
        capture_output=True,
        cwd=REPO,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert (done.returncode, done.stderr) == (0, b"")
    page = done.stdout.decode("utf-8")
    assert "<title>extractor report: -</title>" in page
    assert all(character in page for character in HANT if not character.isspace())
