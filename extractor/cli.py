"""The command line: thin commands over the package's functions.

Every user mistake ends in one line on stderr and a non-zero exit, never a traceback: 2 for usage
errors, 1 when some input could not be processed (the others are still written).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from extractor import __version__
from extractor.output import Format

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake in how the command was called."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Structured, checkable claims from Chinese earnings news.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract claims from articles",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  extractor extract corpora/amazon-2025q4.zh-Hant.txt --format table\n"
            "  extractor extract corpora/ --format jsonl -o claims.jsonl\n"
            "  cat article.txt | extractor extract - --format csv"
        ),
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob, or - for stdin")
    extract.add_argument("--format", choices=[f.value for f in Format], default=Format.JSON.value)
    extract.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    extract.add_argument("--encoding", metavar="ENC", help="input encoding (default: detected)")
    extract.add_argument(
        "--entities", metavar="FILE", action="append", default=[], help="extra registry file"
    )

    commands.add_parser(
        "schema",
        help="print the JSON Schema of Document",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  extractor schema > document.schema.json",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.command == "schema":
            return run_schema()
        if args.command == "extract":
            return run_extract(args)
    except UsageError as error:
        print(f"extractor: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return EXIT_USAGE


def run_schema() -> int:
    from extractor.models import Document

    print(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def run_extract(args: argparse.Namespace) -> int:
    from extractor.decode import DecodeError, read_text
    from extractor.output import documents_json, write_table
    from extractor.pipeline import extract

    documents = []
    failed = False
    for path in args.paths:
        try:
            text = sys.stdin.read() if path == "-" else read_text(Path(path), args.encoding)
        except (OSError, DecodeError) as error:
            print(f"extractor: {path}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            failed = True
            continue
        documents.append(extract(text, source=path, entities=args.entities))
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        if args.format == Format.TABLE:
            write_table(documents, out)
        elif args.format == Format.JSONL:
            out.writelines(d.model_dump_json() + "\n" for d in documents)
        elif args.format == Format.CSV:
            from extractor.output import csv_header, document_csv_rows

            out.write(csv_header())
            out.writelines(document_csv_rows(d) for d in documents)
        else:
            out.write(documents_json(documents) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
