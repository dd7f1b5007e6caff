"""Memory of a long `extract_many` stream: resident memory of this process and of its workers, sampled
as Documents arrive. Flat numbers after the first samples mean the stream holds nothing per article.

    python benchmarks/stream_memory.py --articles 100000 --jobs 2

Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import time
from collections.abc import Iterator
from pathlib import Path

from extractor.extraction import extract_many
from extractor.speed import corpus_files

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def resident_mb(pid: int) -> float:
    """Current resident memory of process `pid`, in MB."""
    fields = Path(f"/proc/{pid}/statm").read_text(encoding="ascii").split()
    return int(fields[1]) * PAGE_MB


def articles(texts: list[str], count: int) -> Iterator[tuple[str, str]]:
    for index, text in enumerate(itertools.islice(itertools.cycle(texts), count)):
        yield text, f"article-{index}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("corpora"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=int, default=10_000)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in corpus_files(args.corpus)]
    print("| documents | seconds | parent MB | workers MB | claims |")
    print("|---:|---:|---:|---:|---:|")
    start = time.perf_counter()
    claims = 0
    stream = extract_many(articles(texts, args.articles), n_process=args.jobs)
    for count, document in enumerate(stream, start=1):
        claims += len(document.claims)
        if count % args.every == 0 or count == args.articles:
            workers = [resident_mb(child.pid) for child in multiprocessing.active_children() if child.pid]
            print(
                f"| {count:,} | {time.perf_counter() - start:.0f} | {resident_mb(os.getpid()):.0f} "
                f"| {' + '.join(f'{mb:.0f}' for mb in workers) or '-'} | {claims:,} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
