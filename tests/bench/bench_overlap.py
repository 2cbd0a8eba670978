"""Benchmark copy detection on a synthetic corpus with planted, lightly edited copies.

Run: python tests/bench/bench_overlap.py [--sizes 100,1000,10000] [--share 0.2] [--stock]
Steps, each in its own subprocess so its peak memory (ru_maxrss) is its own, and each including
reading the files from disk (load_corpus), so the ratios compare like with like:
  bare      reading, folding and shingling the text, no matching: the lower bound;
  overlaps  find_overlaps alone;
  analyze   the whole analysis.analyze: boilerplate detection, then find_overlaps.
Recall is the share of planted copies whose source passage lists the passage carrying the copy.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PASSAGES = 15
WORDS = (40, 80)
VOCABULARY = 20_000
EDITS = ("substitute", "quote", "hyphen", "case", "possessive", "nbsp", "drop")


# The most frequent words of English news, most frequent first; rarer words are made up.
_COMMON_TEXT = """the of to and a in that for is on said was with he it as at by from his be have has but are
not an they who which will had their this were been its would or more after we about also one
than there all when up out new into over first she two could last other some can our"""
COMMON = _COMMON_TEXT.split()


def vocabulary(rng: random.Random) -> list[str]:
    """Common English words first, then pseudo-words with English-like lengths (short ones most common)."""
    letters = "etaoinshrdlcumwfgypbvkjxqz"
    weights = [12, 9, 8, 7.5, 7, 6.7, 6.3, 6, 6, 4.3, 4, 2.8, 2.8, 2.4, 2.4, 2.2, 2, 2, 1.9, 1.5, 1, 0.8]
    weights += [0.2, 0.2, 0.1, 0.1]
    common = list(dict.fromkeys(COMMON))
    words: set[str] = set()
    while len(words) < VOCABULARY - len(common):
        length = max(2, min(14, round(rng.gauss(5.5 + len(words) / VOCABULARY * 2, 2.2))))
        words.add("".join(rng.choices(letters, weights, k=length)))
    return common + sorted(words - set(common), key=len)


class Generator:
    """Articles of random Zipf-distributed words, some passages carrying edited copies of others."""

    def __init__(self, seed: int, share: float) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        self.weights = [1 / rank for rank in range(1, len(self.words) + 1)]
        self.share = share
        self.passages: list[list[list[str]]] = []
        self.planted: list[tuple[tuple[int, int], tuple[int, int]]] = []

    def filler(self, count: int) -> list[str]:
        return self.rng.choices(self.words, self.weights, k=count)

    def article(self) -> list[list[str]]:
        number = len(self.passages)
        passages = []
        for index in range(PASSAGES):
            words = self.filler(self.rng.randint(*WORDS))
            if number and self.rng.random() < self.share:
                words = self.plant(words, (number, index))
            passages.append(words)
        self.passages.append(passages)
        return passages

    def plant(self, words: list[str], target: tuple[int, int]) -> list[str]:
        source = (self.rng.randrange(len(self.passages)), self.rng.randrange(PASSAGES))
        original = self.passages[source[0]][source[1]]
        length = min(self.rng.randint(10, 40), len(original))
        start = self.rng.randint(0, len(original) - length)
        copy = self.edit(list(original[start : start + length]))
        at = self.rng.randint(0, len(words))
        self.planted.append((source, target))
        return words[:at] + copy + words[at:]

    def edit(self, run: list[str]) -> list[str]:
        """One or two light edits that leave the copy recognisable (8+ shared words)."""
        for edit in self.rng.sample(EDITS, 2):
            middle = self.rng.randint(len(run) // 3, max(len(run) // 3, 2 * len(run) // 3 - 1))
            if edit == "substitute":
                run[middle] = self.filler(1)[0]
            elif edit == "quote":
                run[0], run[-1] = "“" + run[0], run[-1] + "”"
            elif edit == "hyphen" and middle + 1 < len(run):
                run[middle : middle + 2] = [run[middle] + "-" + run[middle + 1]]
            elif edit == "case":
                run[0] = run[0].capitalize()
            elif edit == "possessive":
                run[middle] += "’s"
            elif edit == "nbsp" and middle + 1 < len(run):
                run[middle : middle + 2] = [run[middle] + "\u00a0" + run[middle + 1]]
            elif edit == "drop" and len(run) >= 24:
                del run[middle : middle + self.rng.randint(3, 6)]
        return run


def render(words: list[str], rng: random.Random) -> str:
    """Words as sentences: capitals, commas and full stops."""
    out, start = [], True
    for word in words:
        out.append(word.capitalize() if start else word)
        start = rng.random() < 0.07
        if start:
            out[-1] += "."
        elif rng.random() < 0.05:
            out[-1] += ","
    return " ".join(out) + "."


STOCK = (
    "Secretary of State Antony Blinken said on Friday.",
    "The United States and China remain far apart on trade.",
    "President Joe Biden met Chinese President Xi Jinping in Bali.",
)
"""With --stock, every passage ends with one of these: copied text shared by a third of the corpus."""


def write_corpus(folder: Path, articles: int, share: float, stock: bool = False) -> list:
    generator = Generator(seed=articles, share=share)
    for number in range(articles):
        passages = generator.article()
        rendered = [render(words, generator.rng) for words in passages]
        if stock:
            rendered = [f"{text} {generator.rng.choice(STOCK)}" for text in rendered]
        body = "\n\n".join(rendered)
        text = f"Title: Article {number}\n\n{body}\n"
        (folder / f"{number:05d}_bench.txt").write_text(text, encoding="utf-8")
    return generator.planted


def measure(mode: str, folder: str, planted_file: str) -> dict:
    """One measurement (run in a fresh subprocess)."""
    from annotations.corpus.loading import load_corpus

    started = time.perf_counter()
    corpus = load_corpus([folder])
    result: dict = {"passages": sum(len(article.passages) for article in corpus.articles)}
    result["load_seconds"] = time.perf_counter() - started
    if mode == "bare":
        from annotations.copies.fingerprint import ShingleIndex, fingerprints
        from annotations.copies.overlap import _collector_paused

        with _collector_paused():
            index = ShingleIndex()
            for article in corpus.articles:
                for passage in article.passages:
                    index.read(passage.text)
            for ids in index.words:
                fingerprints(ids)
    elif mode == "overlaps":
        from annotations.copies.overlap import find_overlaps

        found = find_overlaps(corpus.articles)
        result["recall"] = recall(corpus, found.duplicates, planted_file)
    else:
        from annotations.analysis import analyze

        timings: dict[str, float] = {}
        last = [time.perf_counter(), ""]

        def progress(stage: str, done: float) -> None:
            if stage != last[1]:
                now = time.perf_counter()
                timings[last[1]] = timings.get(last[1], 0.0) + now - last[0]
                last[:] = [now, stage]

        analysis = analyze(corpus, progress=progress)
        result["boilerplate_seconds"] = timings.get("boilerplate", 0.0)
        result["recall"] = recall(corpus, analysis.duplicates, planted_file)
    result["seconds"] = time.perf_counter() - started
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def recall(corpus, duplicates: dict, planted_file: str) -> float:
    planted = json.loads(Path(planted_file).read_text())
    ids = [article.id for article in corpus.articles]
    found = sum(
        1
        for (source, target) in planted
        if any(
            (dup.article, dup.passage) == (ids[target[0]], target[1])
            for dup in duplicates.get((ids[source[0]], source[1]), ())
        )
    )
    return found / max(len(planted), 1)


def run(size: int, share: float, stock: bool) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        planted = write_corpus(Path(folder), size, share, stock)
        planted_file = Path(folder) / "planted.json"
        planted_file.write_text(json.dumps(planted))
        rows = []
        for mode in ("bare", "overlaps", "analyze"):
            output = subprocess.run(
                [sys.executable, __file__, "--measure", mode, folder, str(planted_file)],
                check=True, capture_output=True, text=True,
            ).stdout
            rows.append({"mode": mode, "articles": size, **json.loads(output)})
        return rows


def table(rows: list[dict]) -> str:
    bare = {row["articles"]: row["seconds"] for row in rows if row["mode"] == "bare"}
    lines = [
        "| articles | passages | step | seconds | loading s | x bare | peak MB | boilerplate s | recall |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        recall = f"{row['recall']:.3f}" if "recall" in row else "-"
        lines.append(
            f"| {row['articles']:,} | {row['passages']:,} | {row['mode']} | {row['seconds']:.2f} "
            f"| {row['load_seconds']:.2f} | {row['seconds'] / bare[row['articles']]:.2f} "
            f"| {row['peak_mb']:.0f} "
            f"| {row.get('boilerplate_seconds', 0):.2f} | {recall} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="article counts, comma-separated")
    parser.add_argument("--share", type=float, default=0.2, help="share of passages carrying a planted copy")
    parser.add_argument("--stock", action="store_true", help="end each passage with a stock sentence")
    parser.add_argument("--measure", nargs=3, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(*options.measure)))
        return
    rows: list[dict] = []
    sizes = sorted(int(size) for size in options.sizes.split(","))
    for size in sizes:
        rows.extend(run(size, options.share, options.stock))
        print(f"{size:,} articles measured", file=sys.stderr, flush=True)
    print(table(rows))
    seconds = {(row["mode"], row["articles"]): row["seconds"] for row in rows}
    for small, large in itertools.pairwise(sizes):
        growth = seconds[("analyze", large)] / seconds[("analyze", small)]
        print(f"analyze: x{growth:.1f} time for x{large / small:.0f} articles ({small:,} -> {large:,})")


if __name__ == "__main__":
    main()
