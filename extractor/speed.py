"""The speed benchmark: per-stage and end-to-end throughput, cold start-up and peak memory.

Each stage is timed alone over the same articles, its inputs prepared by the stages before it outside
the clock, after one warm-up call (tables, patterns and registries load once per process; the cold
start-up row measures that cost). `extract` end to end adds what lies between the stages: building
the Document and mapping every span back to the original text.

Every row is the fastest of `ROUNDS` passes over the articles: on a shared or virtual machine a pass
can be slowed by others' work, never sped up, so the fastest pass is the closest to the code's own cost
(as `timeit` reports).
"""

from __future__ import annotations

import gc
import os
import platform
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import deque
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

Input = TypeVar("Input")

TARGET_CHARACTERS = 1_000_000
ROUNDS = 5
STARTUP_RUNS = 5


class SpeedError(ValueError):
    """A corpus that cannot be benchmarked, or a start-up run that failed."""


class Throughput(BaseModel):
    """How fast one stage (or the whole pipeline) went over the timed articles."""

    name: str
    seconds: float
    characters_per_second: float
    articles_per_second: float


class Machine(BaseModel):
    cpu: str
    cores: int
    python: str
    python_build: str  # the interpreter's build: it moves every row here by a fifth (see README)
    platform: str
    collector: tuple[int, int, int]  # the garbage collector's thresholds (the command line's, see cli.py)


class SpeedReport(BaseModel):
    """Characters and articles per second, per stage and overall; start-up time; peak memory."""

    corpus: str
    articles: int
    timed_articles: int
    characters: int
    stages: list[Throughput]
    overall: Throughput
    jobs: int
    serial: Throughput | None  # `extractor extract --format jsonl`'s work in one process
    parallel: Throughput | None  # the same with `--jobs`
    startup_seconds: float
    startup_runs: int
    child_peak_mb: float
    peak_mb: float
    machine: Machine


def measure(
    corpus: Path,
    *,
    target_characters: int = TARGET_CHARACTERS,
    startup_runs: int = STARTUP_RUNS,
    jobs: int = 2,
) -> SpeedReport:
    """Time every stage of the pipeline over the articles of `corpus` repeated to `target_characters`.

    `jobs` > 1 also times what `extractor extract --format jsonl --jobs` does (extract and render JSON
    Lines, in the workers) against the same work in one process.
    """
    paths = corpus_files(corpus)
    raw = [path.read_bytes() for path in paths]
    texts = [_decoded(path, data) for path, data in zip(paths, raw, strict=True)]
    order = repeated_order([len(text) for text in texts], target_characters)
    characters = sum(len(texts[index]) for index in order)
    stages = _stage_throughputs(raw, texts, order, characters)
    overall = _extract_throughput(texts, order, characters)
    serial = _batch_throughput(texts, order, characters, 1) if jobs > 1 else None
    parallel = _batch_throughput(texts, order, characters, jobs) if jobs > 1 else None
    startups = [cold_extract(paths[0]) for _ in range(max(startup_runs, 1))]
    return SpeedReport(
        corpus=str(corpus),
        articles=len(texts),
        timed_articles=len(order),
        characters=characters,
        stages=stages,
        overall=overall,
        jobs=jobs,
        serial=serial,
        parallel=parallel,
        startup_seconds=statistics.median(seconds for seconds, _ in startups),
        startup_runs=len(startups),
        child_peak_mb=max(peak for _, peak in startups),
        peak_mb=_megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        machine=machine(),
    )


def corpus_files(corpus: Path) -> list[Path]:
    """The articles of `corpus`: the file itself, or every *.txt under the folder, sorted."""
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise SpeedError(f"{corpus}: no such file or folder")
    paths = sorted(path for path in corpus.rglob("*.txt") if path.is_file())
    if not paths:
        raise SpeedError(f"{corpus}: no *.txt articles in this folder")
    return paths


def repeated_order(lengths: Sequence[int], target_characters: int) -> list[int]:
    """Article indices, the corpus repeated whole until it holds at least `target_characters`."""
    total = sum(lengths)
    if total == 0:
        raise SpeedError("the corpus has no text")
    rounds = max(1, -(-target_characters // total))
    return [index for _ in range(rounds) for index in range(len(lengths))]


def _decoded(path: Path, data: bytes) -> str:
    from extractor.decode import DecodeError, decode

    try:
        return decode(data)
    except DecodeError as error:
        raise SpeedError(f"{path}: {error}") from None


def _stage_throughputs(
    raw: Sequence[bytes], texts: Sequence[str], order: Sequence[int], characters: int
) -> list[Throughput]:
    from extractor.assemble import assemble
    from extractor.check import check
    from extractor.decode import decode
    from extractor.entities import EntityFinder
    from extractor.normalize import normalize
    from extractor.recognize import recognize

    finder = EntityFinder()
    normalized = [normalize(text).text for text in texts]
    mentions = [recognize(text) for text in normalized]
    entities = [finder.find(text) for text in normalized]
    claims = [
        assemble(text, found, *named)
        for text, found, named in zip(normalized, mentions, entities, strict=True)
    ]

    def assemble_claims(index: int) -> object:
        return assemble(normalized[index], mentions[index], *entities[index])

    runs: list[tuple[str, Callable[[int], object]]] = [
        ("decode", lambda index: decode(raw[index])),
        ("normalize", lambda index: normalize(texts[index])),
        ("recognize", lambda index: recognize(normalized[index])),
        ("entities", lambda index: finder.find(normalized[index])),
        ("assemble", assemble_claims),
        ("checks", lambda index: check(claims[index], normalized=True)),
    ]
    return [timed(name, run, order, characters) for name, run in runs]


def _extract_throughput(texts: Sequence[str], order: Sequence[int], characters: int) -> Throughput:
    from extractor.extraction import extract

    return timed("extract", lambda index: extract(texts[index]), order, characters)


def _batch_throughput(texts: Sequence[str], order: Sequence[int], characters: int, jobs: int) -> Throughput:
    """Extraction rendered to JSON Lines by `extract_many` in `jobs` processes, as `--jobs` does."""
    from extractor.extraction import extract_many
    from extractor.output import Format, document_text

    render = partial(document_text, Format.JSONL)
    deque(extract_many(texts[:1], n_process=1, render=render), maxlen=0)

    def one_pass() -> None:
        articles = (texts[index] for index in order)
        deque(extract_many(articles, n_process=jobs, render=render), maxlen=0)

    seconds = fastest(one_pass)
    name = f"extract to JSON Lines, {jobs} process{'es' if jobs > 1 else ''}"
    return _throughput(name, seconds, characters, len(order))


def timed(name: str, run: Callable[[Input], object], inputs: Sequence[Input], characters: int) -> Throughput:
    """`run` over every input, after one untimed warm-up call; the fastest of `ROUNDS` passes."""
    run(inputs[0])

    def one_pass() -> None:
        for item in inputs:
            run(item)

    return _throughput(name, fastest(one_pass), characters, len(inputs))


def fastest(work: Callable[[], object], rounds: int = ROUNDS) -> float:
    """Seconds of the fastest of `rounds` runs of `work`."""
    seconds = []
    for _ in range(max(rounds, 1)):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return min(seconds)


def _throughput(name: str, seconds: float, characters: int, articles: int) -> Throughput:
    seconds = max(seconds, 1e-9)
    return Throughput(
        name=name,
        seconds=seconds,
        characters_per_second=characters / seconds,
        articles_per_second=articles / seconds,
    )


def cold_extract(path: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of `extractor extract PATH --format jsonl` in a new process."""
    command = [sys.executable, "-m", "extractor.cli", "extract", str(path), "--format", "jsonl"]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            lines = errors.read().decode("utf-8", "replace").strip().splitlines() or ["no message"]
            raise SpeedError(f"extractor extract {path} failed: {lines[-1]}")
    return seconds, _megabytes(usage.ru_maxrss)


def _megabytes(max_rss: int) -> float:
    """`ru_maxrss` in MB: Linux counts kilobytes, macOS bytes."""
    return max_rss / (1024 * 1024) if sys.platform == "darwin" else max_rss / 1024


def machine() -> Machine:
    """What the numbers were measured on."""
    return Machine(
        cpu=_cpu_model(),
        cores=os.cpu_count() or 1,
        python=f"{platform.python_implementation()} {platform.python_version()}",
        python_build=python_build(
            platform.python_compiler(), sysconfig.get_config_var("CONFIG_ARGS") or "", _libpython_shared()
        ),
        platform=platform.platform(),
        collector=gc.get_threshold(),
    )


# Configure options that make CPython faster, as the build records them.
_OPTIMIZING_OPTIONS = ("--enable-optimizations", "--with-lto")


def python_build(compiler: str, configure_options: str, libpython_shared: bool | None) -> str:
    """What is known of how the interpreter was built: its compiler, the optimizing configure options
    its build records, and whether it runs from a shared libpython (whose calls go through the PLT and
    cannot be inlined into each other). The same code runs a fifth slower or faster from one build to
    another on the same machine, so a number means little without it."""
    parts = [compiler] if compiler else []
    parts.extend(option for option in _OPTIMIZING_OPTIONS if option in configure_options)
    if libpython_shared is not None:
        parts.append("libpython shared" if libpython_shared else "libpython linked in")
    return ", ".join(parts) or "unknown build"


def _libpython_shared() -> bool | None:
    """Whether this process runs Python from a shared libpython; None where that cannot be read (only
    Linux lists a process's mapped libraries in /proc)."""
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return "/libpython" in maps


def _cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        key, _, value = line.partition(":")
        if key.strip() == "model name" and value.strip():
            return value.strip()
    return platform.processor() or platform.machine() or "unknown CPU"


def format_speed(report: SpeedReport) -> str:
    """The report as Markdown tables: readable in a terminal, pasted as is into the README."""
    machine = report.machine
    lines = [
        f"Machine: {machine.cpu}, {machine.cores} cores, {machine.python} ({machine.python_build}), "
        f"{machine.platform}, collector thresholds {'/'.join(map(str, machine.collector))}",
        f"Corpus: {report.corpus}, {report.articles} article(s) repeated to {report.timed_articles} "
        f"articles, {report.characters:,} characters; one process unless stated",
        "",
        "| stage | characters/s | articles/s | ms per article |",
        "|---|---:|---:|---:|",
    ]
    rows = [*report.stages, report.overall]
    rows.extend(row for row in (report.serial, report.parallel) if row is not None)
    lines.extend(_stage_row(row) for row in rows)
    lines += [
        "",
        "| measure | value |",
        "|---|---:|",
        f"| `extractor extract` on one article, cold process (median of {report.startup_runs}) "
        f"| {report.startup_seconds:.2f} s |",
        f"| peak memory, `extractor extract` on one article | {report.child_peak_mb:.0f} MB |",
        f"| peak memory, this benchmark run | {report.peak_mb:.0f} MB |",
    ]
    if report.serial is not None and report.parallel is not None:
        speedup = report.parallel.characters_per_second / report.serial.characters_per_second
        lines.append(f"| speed-up of {report.jobs} processes over one | {speedup:.2f}× |")
    return "\n".join(lines)


def _stage_row(row: Throughput) -> str:
    name = "**extract, end to end**" if row.name == "extract" else row.name
    per_article = 1000 / row.articles_per_second
    return (
        f"| {name} | {row.characters_per_second:,.0f} | {row.articles_per_second:,.1f} | {per_article:.2f} |"
    )
