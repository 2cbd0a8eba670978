"""Benchmark loading a folder of text files against a bare read of the same bytes.

Run: python tests/bench/bench_loading.py [--articles 4000] [--repeats 3]
The articles (about 600 words in 12 paragraphs, named like `0001_thesun.co.uk.txt`) are generated
into a temp folder; "bare read" walks the folder and reads every file's bytes, "load" is
`load_corpus` (find, decode, metadata, outlet labels, segmentation). Best of the repeats.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotations.corpus.loading import load_corpus

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "said",
    "with",
    "as",
    "was",
    "by",
    "he",
    "it",
    "at",
    "from",
    "his",
    "an",
    "were",
    "are",
    "which",
    "government",
    "officials",
    "minister",
    "talks",
    "trade",
    "security",
    "china",
    "united",
    "states",
    "visit",
    "week",
    "report",
]
OUTLETS = ("thesun.co.uk", "nytimes.com", "reuters", "apnews.com", "bbc.co.uk", "cnn")


def generate(folder: Path, articles: int) -> None:
    rng = random.Random(11)
    for number in range(articles):
        paragraphs = []
        for _ in range(12):
            words = [rng.choice(WORDS) for _ in range(50)]
            paragraphs.append(" ".join(words).capitalize() + ".")
        name = f"{number:04d}_{OUTLETS[number % len(OUTLETS)]}.txt"
        (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def bare_read(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            with open(os.path.join(root, name), "rb") as handle:
                total += len(handle.read())
    return total


def best(function, repeats: int) -> tuple[float, float]:
    """The best wall-clock and CPU seconds of the repeats (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(wall), min(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        generate(folder, args.articles)
        bare = best(lambda: bare_read(folder), args.repeats)
        loaded = best(lambda: load_corpus([folder]), args.repeats)
    print(f"{args.articles} text files, best of {args.repeats}")
    print(f"{'step':<12} {'wall s':>8} {'ratio':>7} {'cpu s':>8} {'ratio':>7}")
    for name, (wall, cpu) in (("bare read", bare), ("load", loaded)):
        print(f"{name:<12} {wall:8.3f} {wall / bare[0]:7.1f} {cpu:8.3f} {cpu / bare[1]:7.1f}")


if __name__ == "__main__":
    main()
