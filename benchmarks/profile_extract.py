"""Where `extract` spends its time: cProfile over the corpus repeated to about 1 MB.

python benchmarks/profile_extract.py [CORPUS] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from pathlib import Path

from extractor.extraction import extract
from extractor.speed import corpus_files, repeated_order


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("corpora"))
    parser.add_argument("--characters", type=int, default=1_000_000)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in corpus_files(args.corpus)]
    order = repeated_order([len(text) for text in texts], args.characters)
    extract(texts[0])
    profile = cProfile.Profile()
    profile.enable()
    for index in order:
        extract(texts[index])
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
