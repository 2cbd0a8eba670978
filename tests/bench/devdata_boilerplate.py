"""Measure the boilerplate detector: on the repo's labelled set, on the devdata lines, and its speed.

Run: python tests/bench/devdata_boilerplate.py [--errors] [--threshold 0.5]

The devdata folder (one passage per line, labels in labels.jsonl) is read at run time from
../shared/devdata/boilerplate beside the checkout, or $BRIEFREADER_DEVDATA;
nothing of it is stored in the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]

from boilerplate_devset import Scores, load_devset, score_devset  # noqa: E402

from annotations.corpus.models import Article, Passage  # noqa: E402
from annotations.leftovers.boilerplate import detect_boilerplate  # noqa: E402

_BESIDE = Path(__file__).resolve().parents[3] / "shared" / "devdata" / "boilerplate"
DEVDATA = Path(os.environ.get("BRIEFREADER_DEVDATA", _BESIDE))


def _article_from_lines(article_id: str, lines: list[str]) -> Article:
    """One passage per line, as the devdata gives them (no re-segmentation)."""
    passages, offset = [], 0
    for index, line in enumerate(lines):
        passages.append(Passage(index, offset, offset + len(line), line))
        offset += len(line) + 1
    return Article(article_id, article_id, "\n".join(lines), lines[0][:80], None, None, tuple(passages))


def devdata_scores(threshold: float, show_errors: bool) -> Scores | None:
    labels_path = DEVDATA / "labels.jsonl"
    if not labels_path.is_file():
        print(f"devdata: {DEVDATA} not found; skipped")
        return None
    labels: dict[tuple[str, int], str] = {}
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        labels[(record["file"], record["line"])] = record["label"]
    articles = [
        _article_from_lines(name, (DEVDATA / name).read_text(encoding="utf-8").split("\n")[:-1])
        for name in sorted({name for name, _ in labels})
    ]
    flagged, _ = detect_boilerplate(articles, threshold=threshold)
    scores = Scores()
    for article in articles:
        for passage in article.passages:
            truth = labels[(article.id, passage.index)]
            if truth == "ambiguous":
                continue
            guess = (article.id, passage.index) in flagged
            scores.add(truth == "boilerplate", guess)
            if show_errors and guess != (truth == "boilerplate"):
                why = flagged[(article.id, passage.index)].reason if guess else ""
                print(f"  {'FP' if guess else 'FN'} {article.id}:{passage.index} {passage.text[:90]!r} {why}")
    return scores


def synthetic_corpus(articles: int, passages: int, words: int) -> list[Article]:
    """Random prose with a few leftovers per article, for timing only."""
    rng = random.Random(7)
    vocabulary = [
        *("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "said", "with", "as"),
        *("was", "by", "he", "it", "at", "from", "his", "an", "were", "are", "which", "government"),
        *("officials", "minister", "talks", "trade", "security", "china", "united", "states"),
        *("visit", "week", "report", "policy", "economic", "foreign", "relations", "military"),
        *("summit", "beijing", "washington", "analysts", "told"),
    ]
    extras = ["Advertisement", "Read more", "Share this article", "By Jane Doe, Reuters"]
    corpus = []
    for number in range(articles):
        lines = [" ".join(rng.choices(vocabulary, k=words)).capitalize() + "." for _ in range(passages)]
        lines[rng.randrange(passages)] = rng.choice(extras)
        corpus.append(_article_from_lines(f"a{number}", lines))
    return corpus


def timing(articles: int = 10_000, repeats: int = 3) -> None:
    """CPU seconds (the best of a few runs, so other work on the machine does not count)."""
    corpus = synthetic_corpus(articles, 15, 60)
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        flagged, _ = detect_boilerplate(corpus)
        best = min(best, time.process_time() - start)
    print(
        f"\nspeed: {articles:,} articles x 15 passages x 60 words: {best:.2f} s CPU "
        f"({best / (articles * 15) * 1e6:.1f} µs per passage, {len(flagged):,} flagged)"
    )


def worst_cases() -> None:
    """Inputs that once took quadratic or exponential time: each should take well under a second."""
    cases = {
        "20,000 short lines": [f"Item number {n} here" for n in range(20_000)],
        "20,000 dates and lines": ["June 14, 2023" if n % 2 else "Item here" for n in range(20_000)],
        "bylines of repeated names": ["By " + " ".join(["Weston Anderson"] * 7) + " zzz"] * 200,
        "trails of '» x' ending in '!'": ["Home " + "» x " * 12 + "!"] * 200,
    }
    print()
    for name, lines in cases.items():
        article = _article_from_lines(name, lines)
        start = time.process_time()
        detect_boilerplate([article])
        print(f"worst case: {name:<30} {time.process_time() - start:6.2f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong passage")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    print(f"{'set':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>6} {'fp':>5} {'fn':>5} {'tn':>6}")
    repo = score_devset(load_devset(), threshold=args.threshold, show_errors=args.errors)
    print(repo.row("repo devset"))
    kinds = Counter(repo.kind_hits)
    if kinds:
        print("  kinds right:", ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
    dev = devdata_scores(args.threshold, args.errors)
    if dev is not None:
        print(dev.row("devdata"))
    if not args.no_timing:
        timing()
        worst_cases()


if __name__ == "__main__":
    main()
