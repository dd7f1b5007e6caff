"""The command line: argument parsing and dispatch to the package's functions, nothing more.

Every user mistake ends in one line on stderr and a non-zero exit, never a traceback: 2 for a wrong
command line (argparse's own errors, an unknown encoding, an unreadable `--entities` file), 1 when some
input could not be processed (the others are still written) or a benchmark is below `--min-f1`, 130 on
Ctrl-C. Output cut short by a closed pipe (`| head`) ends quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from extractor import __version__
from extractor.output import Format

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
PROGRESS_FROM = 5  # inputs; fewer finish before a bar would tell anything


class UsageError(Exception):
    """A mistake in how the command was called."""


class Failed(Exception):
    """A command that cannot go on, with the one line that says why."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Structured, checkable claims from Chinese earnings news.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  extractor extract corpora/amazon-2025q4.zh-Hant.txt --format table\n"
            "  extractor render corpora/amazon-2025q4.zh-Hant.txt -o report.html\n"
            "  extractor bench corpora --min-f1 0.8\n"
            "  extractor schema > document.schema.json\n"
            "\n"
            "run 'extractor COMMAND --help' for a command's options and examples"
        ),
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(commands)
    _add_render(commands)
    _add_bench(commands)
    commands.add_parser(
        "schema",
        help="print the JSON Schema of Document",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  extractor schema > document.schema.json",
    )
    return parser


def _add_extract(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = commands.add_parser(
        "extract",
        help="extract claims from articles",
        description="Extract claims from articles: files, folders (read recursively), globs or - (stdin).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  extractor extract corpora/amazon-2025q4.zh-Hant.txt --format table\n"
            "  extractor extract corpora/ --format jsonl -o claims.jsonl\n"
            "  extractor extract 'news/**/*.html' --format csv -o claims.csv --jobs 4\n"
            "  extractor extract old-big5-article.txt --encoding big5\n"
            "  curl -s https://example.com/article.html | extractor extract - --format table"
        ),
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob, or - for stdin")
    extract.add_argument(
        "--format",
        choices=[f.value for f in Format],
        default=Format.JSON.value,
        help="json (one Document, a list for several), jsonl, csv (one claim per row), table",
    )
    extract.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    _add_reading_options(extract)
    extract.add_argument(
        "--jobs", type=_positive_int, default=1, metavar="N", help="extract in N processes (default: 1)"
    )


def _add_render(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    render = commands.add_parser(
        "render",
        help="an HTML page of an article with its entities, numbers and claims highlighted",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  extractor render corpora/amazon-2025q4.zh-Hant.txt -o report.html\n"
            "  extractor render saved-page.html -o report.html --entities my-companies.yaml"
        ),
    )
    render.add_argument("path", metavar="PATH", help="an article file, or - for stdin")
    render.add_argument("-o", "--output", metavar="OUT", help="write the page here instead of stdout")
    _add_reading_options(render)


def _add_bench(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bench = commands.add_parser(
        "bench",
        help="score extraction against gold claims (or time it with --speed)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  extractor bench\n"
            "  extractor bench corpora --gold gold --format json > bench.json\n"
            "  extractor bench --min-f1 0.8   # exit status 1 below 0.8, for CI\n"
            "  extractor bench --speed"
        ),
    )
    bench.add_argument("corpus", nargs="?", default="corpora", metavar="CORPUS", help="default: corpora")
    bench.add_argument("--gold", metavar="DIR", help="gold claims (default: gold/ beside CORPUS)")
    bench.add_argument("--format", choices=["text", "json"], default="text")
    bench.add_argument("--min-f1", type=_fraction, metavar="X", help="exit 1 when overall F1 is below X")
    bench.add_argument("--speed", action="store_true", help="time every stage instead of scoring")


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", metavar="ENC", help="input encoding (default: detected)")
    parser.add_argument(
        "--entities",
        metavar="FILE",
        action="append",
        default=[],
        help="a registry of your own (YAML), added to the shipped one; may be repeated",
    )


# The young-generation threshold of the cyclic garbage collector in this process (Python's is 700).
# Extraction builds no reference cycles (a test holds it): all it makes is freed by reference counting.
# Yet its records and models set off about two young collections per article, and every 80 articles or
# so a full one over every object of the process (about 18 ms): together 5 % of the time of `extract`.
# At this threshold a batch of Documents is freed before the collector looks at it. A library user
# whose process does much the same gets it with the same `gc.set_threshold` call.
YOUNG_COLLECTION_THRESHOLD = 50_000


def collect_less() -> None:
    """The collector's young threshold raised to `YOUNG_COLLECTION_THRESHOLD` (never lowered)."""
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_COLLECTION_THRESHOLD), *older)


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command and returns its exit status."""
    collect_less()
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except UsageError as error:
        return _fail(f"error: {error}", EXIT_USAGE)
    except Failed as error:
        return _fail(str(error), EXIT_FAILED)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # the package's own bad-input errors, else a last resort: never a traceback
        if isinstance(error, ValueError) and _is_ours(error):
            return _fail(str(error), EXIT_FAILED)
        return _fail(f"internal error: {type(error).__name__}: {error}", EXIT_FAILED)


def run_schema(args: argparse.Namespace) -> int:
    import json

    from extractor.models import Document

    print(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def run_extract(args: argparse.Namespace) -> int:
    from extractor.batch import extract_documents
    from extractor.inputs import expand, names_several
    from extractor.output import text_renderer, writer_for

    encoding, entities = _reading_options(args)
    items = expand(args.paths)
    failures: list[str] = []
    with _output(args.output) as stream, _progress(len(items)) as advance:

        def report(source: str, reason: str) -> None:
            failures.append(source)
            _warn(f"{source}: {reason}")
            advance()

        several = names_several(args.paths)
        writer = writer_for(Format(args.format), stream, several=several)
        render = text_renderer(Format(args.format), several=several)
        try:
            documents = extract_documents(
                items, report=report, encoding=encoding, entities=entities, jobs=args.jobs, render=render
            )
            for document in documents:
                writer.write(document)
                advance()
        finally:
            writer.close()
    return EXIT_FAILED if failures else EXIT_OK


def run_render(args: argparse.Namespace) -> int:
    from extractor.decode import DecodeError
    from extractor.inputs import Input, describe, read_article
    from extractor.render import analyse, render_html

    encoding, entities = _reading_options(args)
    try:
        text = read_article(Input(args.path), encoding)
    except (OSError, DecodeError) as error:
        raise Failed(f"{args.path}: {describe(error)}") from None
    page = render_html(analyse(text, source=args.path, entities=entities))
    with _output(args.output) as stream:
        stream.write(page)
    return EXIT_OK


def run_bench(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if args.speed:
        from extractor.speed import format_speed, measure

        speed = measure(corpus)
        print(speed.model_dump_json(indent=2) if args.format == "json" else format_speed(speed))
        return EXIT_OK
    from extractor.bench import evaluate, format_text

    report = evaluate(corpus, None if args.gold is None else Path(args.gold))
    print(report.model_dump_json(indent=2) if args.format == "json" else format_text(report))
    if args.min_f1 is not None and report.f1 < args.min_f1:
        raise Failed(f"F1 {report.f1:.3f} is below --min-f1 {args.min_f1:g}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": run_extract,
    "render": run_render,
    "bench": run_bench,
    "schema": run_schema,
}


def _reading_options(args: argparse.Namespace) -> tuple[str | None, list[str]]:
    """The checked `--encoding` and `--entities`: usage errors before any input is read."""
    from extractor.data import DataError
    from extractor.decode import DecodeError, check_encoding
    from extractor.extraction import entity_finder

    try:
        encoding = None if args.encoding is None else check_encoding(args.encoding)
    except DecodeError as error:
        raise UsageError(f"--encoding: {error}") from None
    for path in args.entities:
        if not Path(path).is_file():
            raise UsageError(f"--entities {path}: no such file")
    try:
        entity_finder(tuple(args.entities))  # the entity layer reads and checks the registries
    except DataError as error:
        raise UsageError(f"--entities: {error}") from None
    return encoding, list(args.entities)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """stdout, or the file at `path` (a clear error when it cannot be written); UTF-8 either way."""
    if path is None or path == "-":
        if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower() not in ("utf-8", "utf8"):
            sys.stdout.reconfigure(encoding="utf-8")  # a Latin-1 or ASCII locale cannot print the claims
        yield sys.stdout
        return
    try:
        stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        raise Failed(f"{path}: cannot write ({(error.strerror or str(error)).lower()})") from None
    with stream:
        yield stream


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A function to call per finished input: a progress bar on stderr for a batch at a terminal."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extract", total=total)
        yield lambda: progress.advance(task)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value:g}")
    return value


def _is_ours(error: BaseException) -> bool:
    """Whether the package raised `error` (DataError, DecodeError, GoldError, BenchError, ...)."""
    return type(error).__module__.split(".")[0] == "extractor"


def _warn(message: str) -> None:
    print(f"extractor: {message}", file=sys.stderr, flush=True)


def _fail(message: str, status: int) -> int:
    _warn(" ".join(message.split("\n")))
    return status


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's last flush cannot complain."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
