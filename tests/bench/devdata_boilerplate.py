"""Measure the boilerplate detector: quality on the labelled sets against a baseline, and its cost.

Run: python tests/bench/devdata_boilerplate.py [--errors] [--threshold 0.5] [--baseline main]
     [--articles 4000] [--no-timing]

Quality: line precision and recall on the boilerplate class, and the article text kept (F1 of word
4-gram shingles, averaged per page), for this checkout and for the detector at --baseline (a git
revision, exported to a temporary folder and run in a subprocess), in the same run. The development
pages are read from shared/devdata/boilerplate in a parent folder or $BRIEFREADER_DEVDATA; nothing of
them is stored in the repository.
Cost: CPU time of the boilerplate stage and of the whole analysis on generated page-like articles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE = os.environ.get("BRIEFREADER_BENCH_CODE", str(ROOT))
"""Where `annotations` is imported from: this checkout, or a baseline's exported copy."""
sys.path[:0] = [CODE, str(ROOT / "tests"), str(ROOT / "tests" / "bench")]

from boilerplate_devset import (  # noqa: E402
    SCRAPER_PAGES,
    DevSet,
    article_from_lines,
    body_kept,
    devdata_dir,
    load_devdata,
    load_devset,
    score_flags,
)

from annotations.analysis import analyze  # noqa: E402
from annotations.corpus.loading import load_text  # noqa: E402
from annotations.corpus.models import Article, Corpus  # noqa: E402
from annotations.leftovers.boilerplate import detect_boilerplate  # noqa: E402

HEADER = (
    f"{'set':<22} {'detector':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'kept':>6} {'fp':>5} {'fn':>5}"
)


def quality(threshold: float) -> dict[str, tuple[float, float, float, float, int, int]]:
    """Every set's figures for the detector importable here."""
    sets: dict[str, tuple[DevSet, tuple[Article, ...] | None]] = {}
    repo = load_devset()
    sets["repo set"] = (repo, None)
    scraper = tuple(a for a in repo.articles if a.id.startswith(SCRAPER_PAGES))
    sets["repo scraper-like"] = (repo, scraper)
    folder = devdata_dir()
    if folder is not None:
        window = load_devdata(folder)
        sets["2008 pages (devdata)"] = (window, None)
        whole = whole_pages(window, folder.parent / "html")
        if whole.articles:
            sets[f"{len(whole.articles)} whole pages"] = (whole, None)
    rows = {}
    for name, (devset, subset) in sets.items():
        flagged, _ = detect_boilerplate(subset or devset.articles, threshold=threshold)
        scores = score_flags(devset, flagged, subset)
        part = devset if subset is None else DevSet(subset, devset.labels)
        kept = body_kept(part, flagged)
        rows[name] = (scores.precision, scores.recall, scores.f1, kept, scores.fp, scores.fn)
    return rows


def whole_pages(window: DevSet, html_folder: Path) -> DevSet:
    """The pages dumped whole from their HTML, labelled where the window is found in the dump.

    Lines outside the window lie before the article's first line or after its last: page chrome.
    """
    from page_dump import decode, page_lines

    articles, labels = [], {}
    for article in window.articles:
        path = html_folder / article.id.replace(".txt", ".html")
        if not path.is_file():
            continue
        lines = page_lines(decode(path.read_bytes()))
        texts = [passage.text for passage in article.passages]
        start = next((i for i in range(len(lines)) if lines[i : i + len(texts)] == texts), None)
        if start is None:
            continue
        page = article_from_lines(article.id, lines)
        articles.append(page)
        for index in range(len(lines)):
            inside = start <= index < start + len(texts)
            labels[(page.id, index)] = window.labels[(article.id, index - start)] if inside else "B"
    return DevSet(tuple(articles), labels)


def baseline_quality(revision: str, threshold: float) -> dict[str, list[float]] | None:
    """The same figures for the detector at `revision`, run from an exported copy of its code."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, "annotations", "seeds"], capture_output=True
        )
        if archive.returncode:
            print(f"baseline {revision}: {archive.stderr.decode(errors='replace').strip()}")
            return None
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        script = (
            "import json, sys; sys.path.insert(0, sys.argv[1]);"
            "import devdata_boilerplate as bench; print(json.dumps(bench.quality(float(sys.argv[2]))))"
        )
        result = subprocess.run(
            [sys.executable, "-c", script, str(ROOT / "tests" / "bench"), str(threshold)],
            capture_output=True,
            text=True,
            env={**os.environ, "BRIEFREADER_BENCH_CODE": folder, "PYTHONPATH": ""},
        )
        if result.returncode:
            print(f"baseline {revision} failed: {result.stderr.strip().splitlines()[-1:]}")
            return None
        return json.loads(result.stdout.strip().splitlines()[-1])


def show_errors(threshold: float) -> None:
    for devset in [load_devset()] + ([load_devdata(d)] if (d := devdata_dir()) else []):
        flagged, _ = detect_boilerplate(devset.articles, threshold=threshold)
        for article in devset.articles:
            for passage in article.passages:
                key = (article.id, passage.index)
                truth, guess = devset.labels[key], key in flagged
                if truth != "?" and guess != (truth not in ("C", "H")):
                    why = flagged[key].reason if guess else truth
                    where = f"{article.id}:{passage.index}"
                    print(f"  {'FP' if guess else 'FN'} {where} {passage.text[:90]!r} {why}")


LEFTOVERS = (
    "Advertisement", "Share this article", "Facebook Twitter Email", "By Jane Doe, Reuters",
    "Updated 2h ago", "Sign up for our morning briefing", "Enter your email address",
    "Image: Getty Images", "Story continues below", "Read more: Port strike spreads to Antwerp",
    "Most read", "Home > World > Europe", "© 2024 Example News. All rights reserved.",
)
HEADLINES = (
    "Minister resigns after row over budget", "Storm leaves thousands without power",
    "Court blocks plan to close the library", "Striking dockers reject latest pay offer",
    "Floods force evacuation of riverside homes", "City council approves new cycle lanes",
)


def page_corpus(articles: int) -> list[Article]:
    """Generated articles shaped like page dumps: a menu, prose, captions, leftovers, other headlines.

    The menu and the page's widgets repeat across articles as on real sites; the captions and the
    other stories' headlines are made of the article's own random words, so each is new.
    """
    from bench_overlap import Generator, render  # imported late: it puts this checkout first on the path

    generator, rng = Generator(seed=articles, share=0.2), random.Random(11)
    corpus = []
    for number in range(articles):
        prose = [render(words, generator.rng) for words in generator.article()]
        words = generator.filler(60)
        caption = " ".join(words[:12]).capitalize() + " on Tuesday. Photo: Jane Doe/Reuters"
        headlines = [" ".join(words[12 + 7 * k : 19 + 7 * k]).title() for k in range(5)]
        lines = ["Home", "World", "Politics", " ".join(words[47:55]).capitalize(), *prose[:3], caption]
        lines += prose[3:] + rng.sample(LEFTOVERS, 6) + ["Related stories", *headlines]
        corpus.append(load_text("\n\n".join(lines), f"{number:05d}_page"))
    return corpus


def prose_corpus(articles: int) -> list[Article]:
    """Generated articles of prose only (15 paragraphs of 40-80 words, a fifth lightly copied)."""
    from bench_overlap import Generator, render

    generator = Generator(seed=articles, share=0.2)
    corpus = []
    for number in range(articles):
        text = "\n\n".join(render(words, generator.rng) for words in generator.article())
        corpus.append(load_text(text, f"{number:05d}_prose"))
    return corpus


def timing(articles: int, repeats: int = 2) -> None:
    """CPU seconds of the boilerplate stage inside the whole analysis (best of `repeats` runs)."""
    print(f"\nspeed at {articles:,} articles (CPU seconds, best of {repeats}):")
    columns = ("passages", 9), ("short", 8), ("boilerplate", 12), ("µs/passage", 11), ("analysis", 9)
    columns += (("share", 7),)
    print(f"  {'corpus':<11} " + " ".join(f"{name:>{width}}" for name, width in columns))
    for name, build in (("prose", prose_corpus), ("page-like", page_corpus)):
        corpus = Corpus("bench", tuple(build(articles)))
        passages = [p for article in corpus.articles for p in article.passages]
        short = sum(len(p.text.split()) < 12 for p in passages)
        stage, total = _best_stage(corpus, repeats)
        print(
            f"  {name:<11} {len(passages):>9,} {short:>8,} {stage:>12.2f} "
            f"{stage / len(passages) * 1e6:>11.1f} {total:>9.2f} {stage / total:>7.1%}"
        )


def _best_stage(corpus: Corpus, repeats: int) -> tuple[float, float]:
    best_stage, best_total = float("inf"), float("inf")
    for _ in range(repeats):
        marks: dict[str, float] = {}
        start = time.process_time()
        analyze(corpus, progress=lambda stage, _, marks=marks: marks.setdefault(stage, time.process_time()))
        total = time.process_time() - start
        stage = marks.get("duplicates", start) - marks.get("boilerplate", start)
        best_stage, best_total = min(best_stage, stage), min(best_total, total)
    return best_stage, best_total


def worst_cases() -> None:
    """Inputs that once took quadratic or exponential time: each should take well under a second."""
    cases = {
        "20,000 short lines": [f"Item number {n} here" for n in range(20_000)],
        "20,000 headline-like lines": [f"Minister Resigns After Row Number {n}" for n in range(20_000)],
        "20,000 dates and lines": ["June 14, 2023" if n % 2 else "Item here" for n in range(20_000)],
        "bylines of repeated names": ["By " + " ".join(["Weston Anderson"] * 7) + " zzz"] * 200,
        "trails of '» x' ending in '!'": ["Home " + "» x " * 12 + "!"] * 200,
        "captions of many words": ["A " + "big " * 40 + "crowd gathers near the port on Tuesday."] * 500,
    }
    print()
    for name, lines in cases.items():
        article = article_from_lines(name, lines)
        start = time.process_time()
        detect_boilerplate([article])
        print(f"worst case: {name:<30} {time.process_time() - start:6.2f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong passage")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--baseline", default="main", help="git revision to compare with ('' for none)")
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    if args.errors:
        show_errors(args.threshold)
    now = quality(args.threshold)
    before = baseline_quality(args.baseline, args.threshold) if args.baseline else None
    print(HEADER)
    for name, row in now.items():
        if before and name in before:
            print(_row(name, args.baseline, before[name]))
        print(_row(name, "this", list(row)))
    if not args.no_timing:
        timing(args.articles)
        worst_cases()


def _row(name: str, detector: str, row: list[float]) -> str:
    precision, recall, f1, kept, fp, fn = row
    return (
        f"{name:<22} {detector:<10} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {kept:>6.3f} "
        f"{int(fp):>5} {int(fn):>5}"
    )


if __name__ == "__main__":
    main()
