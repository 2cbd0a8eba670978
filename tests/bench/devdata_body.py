"""Body precision/recall/F1 of the text briefreader keeps from saved web pages, and of trafilatura alone.

Run: python tests/bench/devdata_body.py [--errors]
For each page of ../shared/devdata/html (or $BRIEFREADER_DEVDATA/../html) the hand-made body is the
lines labelled content in ../shared/devdata/boilerplate; texts are compared as sets of word 4-gram
shingles (lower-cased) and the scores are averaged per page. "briefreader" is the text of the passages
`read_webpage` does not flag as page leftovers; "trafilatura" is `trafilatura.extract` on the same
page (main text, no comments), and "jusText" (trafilatura's own fallback, installed with it) is
jusText's non-boilerplate paragraphs with its English stop list; all are timed in CPU milliseconds
per page. Nothing of the devdata is stored in the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import justext
import trafilatura

from annotations.corpus.webpage import read_webpage

_BESIDE = next(
    (up / "shared" / "devdata" / "boilerplate" for up in Path(__file__).resolve().parents[3:5]
     if (up / "shared" / "devdata").is_dir()),
    Path("shared/devdata/boilerplate"),
)
LINES = Path(os.environ.get("BRIEFREADER_DEVDATA", _BESIDE))
PAGES = LINES.parent / "html"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def scores(kept: str, body: str) -> tuple[float, float, float]:
    got, want = shingles(kept), shingles(body)
    shared = len(got & want)
    precision = shared / len(got) if got else 0.0
    recall = shared / len(want) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bodies() -> dict[str, str]:
    content: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line in (LINES / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["label"] == "content":
            content[record["file"]].append(record["line"])  # type: ignore[arg-type]
    result = {}
    for name, numbers in content.items():
        lines = (LINES / name).read_text(encoding="utf-8").split("\n")
        result[name.removesuffix(".txt")] = "\n".join(lines[n] for n in sorted(numbers))  # type: ignore[call-overload]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the pages with the lowest F1")
    args = parser.parse_args()
    if not (LINES / "labels.jsonl").is_file() or not PAGES.is_dir():
        print(f"devdata: {LINES} or {PAGES} not found; skipped")
        return
    Rows = list[tuple[float, float, float]]
    results: dict[str, Rows] = {"briefreader": [], "trafilatura": [], "jusText": []}
    seconds = dict.fromkeys(results, 0.0)
    stoplist = justext.get_stoplist("English")
    worst = []
    for page, body in sorted(bodies().items()):
        data = (PAGES / f"{page}.html").read_bytes()
        start = time.process_time()
        article = read_webpage(data, page, page)
        kept = "\n".join(p.text for p in article.passages if p.index not in article.page_leftovers)
        seconds["briefreader"] += time.process_time() - start
        start = time.process_time()
        alone = trafilatura.extract(data, include_comments=False) or ""
        seconds["trafilatura"] += time.process_time() - start
        start = time.process_time()
        paragraphs = justext.justext(data, stoplist)
        other = "\n".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate)
        seconds["jusText"] += time.process_time() - start
        results["briefreader"].append(scores(kept, body))
        results["trafilatura"].append(scores(alone, body))
        results["jusText"].append(scores(other, body))
        worst.append((results["briefreader"][-1][2], page))
    pages = len(results["briefreader"])
    print(f"{pages} pages; scores averaged per page (word 4-gram shingles against the hand-made body)")
    print(f"{'reader':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'cpu ms/page':>12}")
    for name, rows in results.items():
        p, r, f = (statistics.mean(row[i] for row in rows) for i in range(3))
        print(f"{name:<12} {p:9.3f} {r:7.3f} {f:6.3f} {seconds[name] * 1000 / pages:12.1f}")
    if args.errors:
        for f1, page in sorted(worst)[:15]:
            print(f"  {page}: F1 {f1:.2f}")


if __name__ == "__main__":
    main()
