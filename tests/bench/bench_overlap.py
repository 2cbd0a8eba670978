"""Benchmark the analysis on a generated corpus of English-like articles with planted, lightly edited copies.

Run: python tests/bench/bench_overlap.py [--sizes 1000,4000,10000] [--share 0.2] [--compare]
The corpus is a word-level Markov chain trained on real article text (the development pages' article
lines when present, else the bundled seed articles), 10-20 paragraphs of 35-90
words per article; a share of the paragraphs carries an edited copy of a passage of another article
(synonym swaps every 5-7 words, a cut clause, swapped halves, quote marks, case, hyphens).
Each size measures, as whole processes in one run:
  bound     the lower bound: read every file, split paragraphs on blank lines, NFKC-normalise and
            lowercase, re.findall(r"[a-z0-9']+"), and put the hash of every 5-word window into a set
            per paragraph;
  analyze   `python -m tui analyze DIR --json` (loading, leftovers, copies, stories, the JSON report);
  stages    the analysis in one process (its workers forked on every core, as `analyze` does), with
            each stage timed on its own and planted-copy recall.
With --compare the copy detector's pure-Python candidate generation runs beside the numpy one.
Peak memory is each process's own maximum resident set (wait4).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PARAGRAPHS = (10, 20)
WORDS = (35, 90)
JUMP = 0.25

BOUND = r"""
import re, sys, unicodedata
from pathlib import Path
words = re.compile(r"[a-z0-9']+")
for path in sorted(Path(sys.argv[1]).iterdir()):
    if path.suffix != ".txt":
        continue
    for paragraph in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        found = words.findall(unicodedata.normalize("NFKC", paragraph).lower())
        hashes = {hash(window) for window in zip(found, found[1:], found[2:], found[3:], found[4:])}
"""


class Generator:
    """Markov-chain articles; some paragraphs carry an edited copy of a passage of an earlier article."""

    def __init__(self, seed: int, share: float) -> None:
        self.rng = random.Random(seed)
        self.share = share
        self.chain = _chain()
        self.starts = [word for word in self.chain if word[:1].isupper()]
        self.vocabulary = sorted(self.chain)
        self.running = [word for following in self.chain.values() for word in following]
        self.passages: list[list[list[str]]] = []
        self.planted: list[tuple[tuple[int, int], tuple[int, int]]] = []

    def words(self, count: int) -> list[str]:
        """A first-order chain that now and then (JUMP) takes any word of the text instead: a small
        training text would otherwise replay its own sentences, and unrelated paragraphs share them."""
        word = self.rng.choice(self.starts)
        out = [word]
        while len(out) < count:
            following = self.chain.get(word)
            jump = not following or self.rng.random() < JUMP
            word = self.rng.choice(self.running) if jump else self.rng.choice(following)
            out.append(word)
        return out

    def article(self) -> list[list[str]]:
        number = len(self.passages)
        passages = []
        for index in range(self.rng.randint(*PARAGRAPHS)):
            words = self.words(self.rng.randint(*WORDS))
            if number and self.rng.random() < self.share:
                words = self.plant(words, (number, index))
            passages.append(words)
        self.passages.append(passages)
        return passages

    def plant(self, words: list[str], target: tuple[int, int]) -> list[str]:
        source_article = self.rng.randrange(len(self.passages))
        source = (source_article, self.rng.randrange(len(self.passages[source_article])))
        original = self.passages[source[0]][source[1]]
        length = min(self.rng.randint(20, 45), len(original))
        start = self.rng.randint(0, len(original) - length)
        copy = self.edit(list(original[start : start + length]))
        keep = self.rng.randint(0, len(words) // 2)
        self.planted.append((source, target))
        return words[:keep] + copy

    def edit(self, run: list[str]) -> list[str]:
        """A light rewrite: a synonym (any other word) every 5-7 words, then one more edit."""
        position = self.rng.randint(3, 7)
        while position < len(run):
            run[position] = self.rng.choice(self.vocabulary)
            position += self.rng.randint(5, 8)
        edit = self.rng.choice(("cut", "swap", "quote", "case", "hyphen", "none"))
        middle = len(run) // 2
        if edit == "cut" and len(run) >= 30:
            del run[middle : middle + self.rng.randint(3, 6)]
        elif edit == "swap":
            run = run[middle:] + run[:middle]
        elif edit == "quote":
            run[0], run[-1] = "“" + run[0], run[-1] + "”"
        elif edit == "case":
            run[0] = run[0].upper()
        elif edit == "hyphen":
            run[middle : middle + 2] = ["-".join(run[middle : middle + 2])]
        return run


DEVDATA = Path(os.environ.get("BRIEFREADER_DEVDATA", "/work/shared/devdata/boilerplate"))
"""Labelled real pages (development only, never copied): their article lines train the chain when present."""


def training_text() -> list[str]:
    """The article lines of the development pages if present, else the five seed articles."""
    labels = DEVDATA / "labels.jsonl"
    if not labels.is_file():
        return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    content: dict[str, set[int]] = {}
    for line in labels.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["label"] == "content":
            content.setdefault(record["file"], set()).add(record["line"])
    return [
        " ".join(line for number, line in enumerate((DEVDATA / name).read_text(encoding="utf-8").splitlines())
                 if number in lines)
        for name, lines in sorted(content.items())
    ]


def _chain() -> dict[str, list[str]]:
    """Word -> the words that follow it in the training text (with repeats, so common ones come often)."""
    chain: dict[str, list[str]] = {}
    for text in training_text():
        words = text.split()
        for word, following in itertools.pairwise(words):
            chain.setdefault(word, []).append(following)
    return chain


def write_corpus(folder: Path, articles: int, share: float) -> list:
    generator = Generator(seed=articles, share=share)
    for number in range(articles):
        body = "\n\n".join(" ".join(words) for words in generator.article())
        text = f"Title: Article {number}\n\n{body}\n"
        (folder / f"{number:05d}_bench.txt").write_text(text, encoding="utf-8")
    return generator.planted


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, bytes, float]:
    """Wall seconds, peak resident MB, stdout and CPU seconds (its workers' included) of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env)
    out = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command[:4]} failed with {process.returncode}")
    return seconds, usage.ru_maxrss / 1024, out, usage.ru_utime + usage.ru_stime


def stages(folder: str, planted_file: str, compare: bool) -> dict:
    """The analysis in this process, stage by stage, or with `compare` the two candidate generations
    (run in a fresh subprocess)."""
    from annotations.analysis import analyze
    from annotations.corpus.loading import load_corpus
    from annotations.parallel import cores

    started = time.perf_counter()
    corpus = load_corpus([folder])
    if compare:
        return compare_candidates(corpus)
    result: dict = {"passages": sum(len(article.passages) for article in corpus.articles)}
    result["load"] = time.perf_counter() - started
    timings: dict[str, float] = {}
    last = [time.perf_counter(), "start"]

    def progress(stage: str, done: float) -> None:
        if stage != last[1]:
            now = time.perf_counter()
            timings[str(last[1])] = timings.get(str(last[1]), 0.0) + now - float(last[0])
            last[:] = [now, stage]

    analysis = analyze(corpus, progress=progress, workers=cores())
    result.update({stage: seconds for stage, seconds in timings.items() if stage != "start"})
    result["recall"] = recall(corpus, analysis.duplicates, planted_file)
    return result


def compare_candidates(corpus) -> dict:
    """Seconds of the numpy and the pure-Python candidate generation on the same passages."""
    from annotations.copies.fingerprint import ShingleIndex

    index = ShingleIndex([passage.text for article in corpus.articles for passage in article.passages])
    out = {}
    for name, pure in (("numpy", False), ("python", True)):
        started = time.perf_counter()
        pairs = index.candidates(pure=pure)
        out[f"candidates_{name}"] = time.perf_counter() - started
        out[f"pairs_{name}"] = len(pairs)
    return out


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


def run(size: int, share: float, compare: bool) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        folder = str(Path(scratch) / "corpus")
        Path(folder).mkdir()
        planted = write_corpus(Path(folder), size, share)
        planted_file = Path(scratch) / "planted.json"  # outside the corpus: analyze would read it
        planted_file.write_text(json.dumps(planted))
        row: dict = {"articles": size, "planted": len(planted)}
        row["bound"], row["bound_mb"], _, _ = timed([sys.executable, "-c", BOUND, folder])
        env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": scratch, "XDG_CONFIG_HOME": scratch}
        db = str(Path(scratch) / "store.json")
        command = [sys.executable, "-m", "tui", "analyze", folder, "--json", "--db", db]
        row["analyze"], row["analyze_mb"], out, row["analyze_cpu"] = timed(command, env)
        row["json_mb"] = len(out) / 1e6
        measure = [sys.executable, __file__, "--stages", folder, str(planted_file), "0"]
        _, row["stages_mb"], out, _ = timed(measure, env)
        row.update(json.loads(out))
        if compare:
            _, _, out, _ = timed([*measure[:-1], "1"], env)
            row.update(json.loads(out))
        return row


def table(rows: list[dict]) -> str:
    stage_names = sorted({key for row in rows for key in row} - {
        "articles", "planted", "bound", "bound_mb", "analyze", "analyze_mb", "json_mb", "stages_mb",
        "passages", "load", "recall", "done"} - {key for row in rows for key in row if "_" in key})
    lines = [
        "| articles | passages | lower bound s | `analyze --json` s | x bound | CPU s | peak MB "
        "| in-process: load s | "
        + " | ".join(f"{name} s" for name in stage_names) + " | peak MB | planted-copy recall |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(stage_names) + "---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['articles']:,} | {row['passages']:,} | {row['bound']:.2f} | {row['analyze']:.2f} "
            f"| {row['analyze'] / row['bound']:.2f} | {row['analyze_cpu']:.2f} | {row['analyze_mb']:.0f} "
            f"| {row['load']:.2f} | "
            + " | ".join(f"{row.get(name, 0.0):.2f}" for name in stage_names)
            + f" | {row['stages_mb']:.0f} | {row['recall']:.3f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,10000", help="article counts, comma-separated")
    parser.add_argument("--share", type=float, default=0.2, help="share of paragraphs carrying a copy")
    parser.add_argument("--compare", action="store_true", help="also time pure-Python candidate generation")
    parser.add_argument("--stages", nargs=3, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.stages:
        print(json.dumps(stages(options.stages[0], options.stages[1], options.stages[2] == "1")))
        return
    rows: list[dict] = []
    sizes = sorted(int(size) for size in options.sizes.split(","))
    for size in sizes:
        rows.append(run(size, options.share, options.compare))
        print(f"{size:,} articles measured", file=sys.stderr, flush=True)
    print(table(rows))
    for small, large in itertools.pairwise(rows):
        growth = large["analyze"] / small["analyze"]
        print(f"analyze --json: x{growth:.2f} time for x{large['articles'] / small['articles']:.0f} articles "
              f"({small['articles']:,} -> {large['articles']:,})")
    if options.compare:
        print("\n| articles | candidate pairs | numpy s | pure Python s |\n|---:|---:|---:|---:|")
        for row in rows:
            print(f"| {row['articles']:,} | {row['pairs_numpy']:,} | {row['candidates_numpy']:.2f} "
                  f"| {row['candidates_python']:.2f} |")


if __name__ == "__main__":
    main()
