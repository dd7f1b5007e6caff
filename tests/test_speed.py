"""The speed harness, the fast Doc construction and the streaming, parallel `extract_many`.

No test here times anything against a threshold: the numbers depend on the machine.
"""

from __future__ import annotations

import gc
import itertools
import json
import platform
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractor.cli import YOUNG_COLLECTION_THRESHOLD, collect_less
from extractor.extraction import extract, extract_many
from extractor.models import Document
from extractor.output import Format, text_renderer
from extractor.pipeline import build_pipeline, doc_text, make_doc
from extractor.recognize import Mention
from extractor.speed import (
    Machine,
    SpeedError,
    SpeedReport,
    Throughput,
    corpus_files,
    fastest,
    format_speed,
    measure,
    python_build,
    repeated_order,
)

STAGES = ["decode", "normalize", "recognize", "entities", "assemble", "checks"]

ARTICLES = [
    "小米集团2024年全年营收3659亿元，同比增长35%，经调整净利润272亿元。",
    "台積電10月營收新台幣3,676億元，年增16.9%，月減2.1%。",
    "比亚迪上半年净利润同比下降30%至160亿元，毛利率提升1.8个百分点。",
    "阿里巴巴預計下一財年資本開支將超過1,200億元人民幣。",
    "京东 第二季度　收入 3,567亿元\n\n同比增长22.4%，市场预期为3,500亿元。",
    "聯發科第三季每股盈餘新台幣１６．７元，年減５％。",
    "Quarterly revenue was USD 35.1 billion, up 94% from a year ago.",
    "",
    "  \n",
    "美团第三季度经营亏损141亿元，去年同期为经营利润137亿元。",
    "國泰航空上半年載客量約1,180萬人次，較去年同期增加近三成。",
    "拼多多第二季度营收1040亿元，同比增长7%；净利润306亿元，同比下降4%。",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.zh-Hans.txt").write_text(ARTICLES[0] + "\n" + ARTICLES[2], encoding="utf-8")
    (folder / "nested").mkdir()
    (folder / "nested" / "b.zh-Hant.txt").write_text(ARTICLES[1] + "\n" + ARTICLES[3], encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(corpus: Path) -> SpeedReport:
    return measure(corpus, target_characters=400, startup_runs=1, jobs=2)


def test_measure_times_every_stage_and_the_whole_pipeline(report: SpeedReport) -> None:
    assert [stage.name for stage in report.stages] == STAGES
    assert report.overall.name == "extract"
    assert report.serial is not None and report.serial.name == "extract to JSON Lines, 1 process"
    assert report.parallel is not None and report.parallel.name == "extract to JSON Lines, 2 processes"
    for row in [*report.stages, report.overall, report.serial, report.parallel]:
        assert row.seconds > 0
        assert row.characters_per_second > 0
        assert row.articles_per_second > 0


def test_measure_repeats_the_corpus_to_the_target_size(corpus: Path, report: SpeedReport) -> None:
    lengths = [len(path.read_text(encoding="utf-8")) for path in corpus_files(corpus)]
    assert report.articles == 2
    assert report.timed_articles % 2 == 0
    assert report.characters == sum(lengths) * report.timed_articles // 2
    assert report.characters >= 400
    assert report.characters - sum(lengths) < 400


def test_measure_reports_startup_memory_and_machine(report: SpeedReport) -> None:
    assert report.startup_runs == 1
    assert report.startup_seconds > 0
    assert report.child_peak_mb > 10
    assert report.peak_mb > 10
    assert report.machine.cores >= 1
    assert report.machine.cpu
    assert report.machine.python.split()[-1].startswith("3.")
    assert report.machine.python_build.startswith(platform.python_compiler())
    assert report.machine.collector == gc.get_threshold()


@pytest.fixture
def thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ((700, 10, 10), (YOUNG_COLLECTION_THRESHOLD, 10, 10)),
        ((1_000, 20, 5), (YOUNG_COLLECTION_THRESHOLD, 20, 5)),
        ((200_000, 10, 10), (200_000, 10, 10)),
    ],
)
def test_the_command_line_raises_the_young_collection_threshold_only(
    thresholds: None, before: tuple[int, int, int], after: tuple[int, int, int]
) -> None:
    gc.set_threshold(*before)
    collect_less()
    assert gc.get_threshold() == after


_CYCLE_COUNT = """
import gc, json, sys
from extractor.extraction import extract
articles = json.load(sys.stdin)
for text in articles:  # tables and patterns load on first use
    extract(text)
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
documents = [extract(text) for text in articles]
del documents
print(gc.collect(), len(gc.garbage))
"""


def test_extraction_leaves_no_reference_cycles_behind() -> None:
    """What makes raising the collector's threshold safe: every object extraction builds is freed by
    reference counting, so the collector finds nothing to collect after it. Counted in a fresh
    interpreter: threads that other tests leave running (a Dask cluster's) make garbage of their own."""
    counted = subprocess.run(
        [sys.executable, "-c", _CYCLE_COUNT],
        input=json.dumps(ARTICLES),
        capture_output=True,
        text=True,
        check=True,
    )
    assert counted.stdout.split() == ["0", "0"]


@pytest.mark.parametrize(
    ("compiler", "configure_options", "libpython_shared", "expected"),
    [
        # pyenv's default source build
        (
            "GCC 12.2.0",
            "'--prefix=/root/.pyenv/versions/3.11.7' '--enable-shared'",
            True,
            "GCC 12.2.0, libpython shared",
        ),
        # a distribution's interpreter, its configure options not recorded where this looks
        ("GCC 12.2.0", "'--enable-shared' '--prefix=/usr'", False, "GCC 12.2.0, libpython linked in"),
        # an optimized source build
        (
            "Clang 17.0.6",
            "'--enable-optimizations' '--with-lto'",
            False,
            "Clang 17.0.6, --enable-optimizations, --with-lto, libpython linked in",
        ),
        # outside Linux, where the mapped libraries cannot be read
        ("MSC v.1937 64 bit (AMD64)", "", None, "MSC v.1937 64 bit (AMD64)"),
        ("", "", None, "unknown build"),
    ],
)
def test_python_build_names_what_changes_the_speed(
    compiler: str, configure_options: str, libpython_shared: bool | None, expected: str
) -> None:
    assert python_build(compiler, configure_options, libpython_shared) == expected


def test_format_speed_renders_every_stage_of_a_measured_report(report: SpeedReport) -> None:
    table = format_speed(report)
    for stage in STAGES:
        assert f"\n| {stage} | " in table
    assert "| **extract, end to end** | " in table
    assert "| extract to JSON Lines, 1 process | " in table
    assert "| extract to JSON Lines, 2 processes | " in table
    assert "cold process (median of 1)" in table


def _row(name: str, seconds: float, characters: int, articles: int) -> Throughput:
    return Throughput(
        name=name,
        seconds=seconds,
        characters_per_second=characters / seconds,
        articles_per_second=articles / seconds,
    )


def test_format_speed_prints_exact_numbers() -> None:
    report = SpeedReport(
        corpus="corpora",
        articles=2,
        timed_articles=200,
        characters=1_000_000,
        stages=[_row(stage, 0.5, 1_000_000, 200) for stage in STAGES],
        overall=_row("extract", 2.0, 1_000_000, 200),
        jobs=2,
        serial=_row("extract to JSON Lines, 1 process", 2.5, 1_000_000, 200),
        parallel=_row("extract to JSON Lines, 2 processes", 1.25, 1_000_000, 200),
        startup_seconds=1.234,
        startup_runs=5,
        child_peak_mb=181.4,
        peak_mb=240.6,
        machine=Machine(
            cpu="Example CPU",
            cores=2,
            python="CPython 3.11.7",
            python_build="GCC 12.2.0, libpython shared",
            platform="Linux",
            collector=(50_000, 10, 10),
        ),
    )
    lines = format_speed(report).splitlines()
    assert lines[0] == (
        "Machine: Example CPU, 2 cores, CPython 3.11.7 (GCC 12.2.0, libpython shared), Linux, "
        "collector thresholds 50000/10/10"
    )
    assert lines[1].startswith("Corpus: corpora, 2 article(s) repeated to 200 articles, 1,000,000 characters")
    assert "| decode | 2,000,000 | 400.0 | 2.50 |" in lines
    assert "| **extract, end to end** | 500,000 | 100.0 | 10.00 |" in lines
    assert "| extract to JSON Lines, 1 process | 400,000 | 80.0 | 12.50 |" in lines
    assert "| extract to JSON Lines, 2 processes | 800,000 | 160.0 | 6.25 |" in lines
    assert "| `extractor extract` on one article, cold process (median of 5) | 1.23 s |" in lines
    assert "| peak memory, `extractor extract` on one article | 181 MB |" in lines
    assert "| peak memory, this benchmark run | 241 MB |" in lines
    assert "| speed-up of 2 processes over one | 2.00× |" in lines


def test_fastest_reports_the_quickest_of_the_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.speed as speed

    ticks = iter([0.0, 3.0, 10.0, 11.5, 20.0, 22.0])
    monkeypatch.setattr(speed.time, "perf_counter", lambda: next(ticks))
    runs: list[int] = []
    assert fastest(lambda: runs.append(1), rounds=3) == 1.5
    assert runs == [1, 1, 1]


@pytest.mark.parametrize(
    ("lengths", "target", "expected"),
    [
        ([300, 200], 1000, [0, 1, 0, 1]),
        ([300, 200], 500, [0, 1]),
        ([300, 200], 501, [0, 1, 0, 1]),
        ([300, 200], 0, [0, 1]),
        ([9703], 1_000_000, [0] * 104),
    ],
)
def test_repeated_order_repeats_the_whole_corpus(
    lengths: list[int], target: int, expected: list[int]
) -> None:
    assert repeated_order(lengths, target) == expected


def test_an_empty_corpus_is_a_speed_error(tmp_path: Path) -> None:
    with pytest.raises(SpeedError, match="no text"):
        repeated_order([0, 0], 1000)
    with pytest.raises(SpeedError, match=r"no \*\.txt articles"):
        corpus_files(tmp_path)
    with pytest.raises(SpeedError, match="no such file or folder"):
        corpus_files(tmp_path / "missing")


def test_corpus_files_reads_a_folder_recursively_or_one_file(corpus: Path) -> None:
    assert [path.relative_to(corpus).as_posix() for path in corpus_files(corpus)] == [
        "a.zh-Hans.txt",
        "nested/b.zh-Hant.txt",
    ]
    assert corpus_files(corpus / "a.zh-Hans.txt") == [corpus / "a.zh-Hans.txt"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \n\t\r\u3000\u00a0營收营收1,.%Q亿")), max_size=40))
def test_make_doc_builds_the_tokens_of_spacys_character_tokenizer(text: str) -> None:
    reference = _blank_zh().make_doc(text)
    doc = make_doc(build_pipeline(), text)
    assert doc.text == text
    assert doc_text(doc) == text
    assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in reference]


@cache
def _blank_zh() -> Language:
    return spacy.blank("zh")


def test_doc_text_of_a_doc_from_any_tokenizer_is_its_text() -> None:
    doc = build_pipeline().make_doc(ARTICLES[4])
    assert doc_text(doc) == ARTICLES[4] == doc.text


LOADED_SPACY = (
    "import sys; from extractor.cli import main; main(sys.argv[1:]); "
    "print(sorted(name for name in sys.modules if name.split('.')[0] == 'spacy'), file=sys.stderr)"
)


SEED = str(Path(__file__).parent.parent / "corpora" / "amazon-2025q4.zh-Hant.txt")


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["schema"],
        ["extract", "--help"],
        ["bench", "--help"],
        ["extract", SEED, "--format", "jsonl"],
    ],
)
def test_the_command_line_answers_without_importing_spacy(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOADED_SPACY, *argv], capture_output=True, text=True, check=True
    )
    assert result.stderr.splitlines()[-1] == "[]"


def _local(texts: list[str], sources: list[str] | None = None) -> list[Document]:
    return [
        extract(text, source=source)
        for text, source in zip(texts, sources or [None] * len(texts), strict=True)
    ]


def test_extract_many_in_two_processes_gives_the_same_documents_in_order() -> None:
    one = list(extract_many(ARTICLES, n_process=1))
    two = list(extract_many(ARTICLES, n_process=2, batch_size=2))
    assert one == _local(ARTICLES)
    assert two == one
    assert [d.model_dump(exclude_unset=True) for d in two] == [d.model_dump(exclude_unset=True) for d in one]


def test_extract_many_carries_sources_through_the_pool() -> None:
    pairs = [(text, f"article-{index}.txt") for index, text in enumerate(ARTICLES)]
    documents = list(extract_many(pairs, n_process=2, batch_size=3))
    assert [document.source for document in documents] == [source for _, source in pairs]
    assert [document.script for document in documents] == [d.script for d in _local(ARTICLES)]


@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_renders_in_the_workers(n_process: int) -> None:
    render = text_renderer(Format.JSONL, several=False)
    assert render is not None
    lines = list(extract_many(ARTICLES, n_process=n_process, batch_size=2, render=render))
    assert lines == [document.model_dump_json() + "\n" for document in _local(ARTICLES)]


def _failing_after(count: int) -> Iterator[str]:
    yield from itertools.islice(itertools.cycle(ARTICLES), count)
    raise RuntimeError("the input broke")


@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_yields_documents_before_the_input_fails(n_process: int) -> None:
    received: list[Document] = []
    with pytest.raises(RuntimeError, match="the input broke"):
        for document in extract_many(_failing_after(10), n_process=n_process, batch_size=1):
            received.append(document)
    assert received
    assert received == _local(ARTICLES[: len(received)])


def test_extract_many_reads_an_endless_input_only_as_far_as_consumed() -> None:
    pulled: list[int] = []

    def endless() -> Iterator[str]:
        for index in itertools.count():
            pulled.append(index)
            yield ARTICLES[index % len(ARTICLES)]

    documents = list(itertools.islice(extract_many(endless(), n_process=2, batch_size=2), 5))
    assert documents == _local(ARTICLES[:5])
    # four batches of two in flight at first, one more batch read per batch consumed
    assert len(pulled) == 14


@pytest.mark.parametrize(("n_process", "batch_size"), [(1, 1), (1, 3), (2, 1), (2, 3)])
def test_extract_many_reports_a_text_that_fails_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, n_process: int, batch_size: int
) -> None:
    import extractor.extraction as extraction

    real = extraction.recognize

    def flaky(text: str) -> list[Mention]:
        if text == "BROKEN":
            raise ValueError("a bug in a rule")
        return real(text)

    monkeypatch.setattr(extraction, "recognize", flaky)
    failures: list[tuple[str | None, str]] = []
    items = [(ARTICLES[0], "a.txt"), ("BROKEN", "b.txt"), (ARTICLES[1], "c.txt")]
    documents = list(
        extract_many(
            items, n_process=n_process, batch_size=batch_size, on_error=lambda s, m: failures.append((s, m))
        )
    )
    assert documents == _local(ARTICLES[:2], sources=["a.txt", "c.txt"])
    assert failures == [("b.txt", "ValueError: a bug in a rule")]


def test_extract_many_without_on_error_ends_on_a_failing_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.extraction as extraction

    monkeypatch.setattr(extraction, "normalize", lambda text: 1 / 0)
    with pytest.raises(extraction.ExtractionError, match=r"^b.txt: ZeroDivisionError: division by zero$"):
        list(extract_many([("x", "b.txt")]))
