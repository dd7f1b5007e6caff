"""Throughput of `extract_many` in one process and in N, with the CPU time each side spent.

    python benchmarks/jobs.py --articles 1000 --jobs 2

On a busy machine the wall-clock speed-up understates what the pool does; the CPU columns show its
cost: the workers' CPU time against the single process's, and the parent's share.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import time
from collections import deque
from pathlib import Path

from extractor.extraction import extract, extract_many
from extractor.speed import corpus_files


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("corpora"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in corpus_files(args.corpus)]
    batch = list(itertools.islice(itertools.cycle(texts), args.articles))
    characters = sum(len(text) for text in batch)
    extract(batch[0])
    print("| processes | seconds | characters/s | parent CPU s | workers CPU s |")
    print("|---:|---:|---:|---:|---:|")
    rates = []
    for processes in (1, args.jobs):
        parent, workers = time.process_time(), children_cpu()
        start = time.perf_counter()
        deque(extract_many(batch, n_process=processes, batch_size=args.batch_size), maxlen=0)
        seconds = time.perf_counter() - start
        rates.append(characters / seconds)
        print(
            f"| {processes} | {seconds:.2f} | {characters / seconds:,.0f} "
            f"| {time.process_time() - parent:.2f} | {children_cpu() - workers:.2f} |"
        )
    print(f"\nspeed-up: {rates[1] / rates[0]:.2f}×")


if __name__ == "__main__":
    main()
