"""Benchmark story grouping against the rest of the analysis, on bench_overlap's synthetic corpus.

Run: python tests/bench/bench_stories.py [--sizes 1000,4000,5000]
Each size runs in its own subprocess: load the files, then analysis.analyze with its stage timings.
The baseline is the same run's analysis without the stories stage (boilerplate and copies); the
table shows what grouping stories and finding origins add to it, and the growth between sizes.
Times are CPU seconds of the process (time.process_time), so a busy machine skews them less.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_overlap import write_corpus  # noqa: E402 (the path is set just above)


def measure(folder: str) -> dict[str, float]:
    """Stage timings of one analysis (run in a fresh subprocess)."""
    from annotations.analysis import analyze
    from annotations.corpus.loading import load_corpus

    corpus = load_corpus([folder])
    timings: dict[str, float] = {}
    last: list[float | str] = [time.process_time(), ""]

    def progress(stage: str, done: float) -> None:
        if stage != last[1]:
            now = time.process_time()
            timings[str(last[1])] = timings.get(str(last[1]), 0.0) + now - float(last[0])
            last[:] = [now, stage]

    analysis = analyze(corpus, progress=progress)
    timings["stories_found"] = len(analysis.stories)
    return timings


def run(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), size, 0.2)
        output = subprocess.run(
            [sys.executable, __file__, "--measure", folder], check=True, capture_output=True, text=True
        ).stdout
        return {"articles": size, **json.loads(output)}


def table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| articles | boilerplate + copies CPU s | stories CPU s | stories / rest | stories found |",
        "|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        rest = row.get("boilerplate", 0.0) + row.get("duplicates", 0.0)
        stories = row.get("stories", 0.0)
        lines.append(
            f"| {int(row['articles']):,} | {rest:.2f} | {stories:.2f} | {stories / rest:.1%} "
            f"| {int(row['stories_found']):,} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,5000", help="article counts, comma-separated")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(options.measure)))
        return
    sizes = sorted(int(size) for size in options.sizes.split(","))
    rows = []
    for size in sizes:
        rows.append(run(size))
        print(f"{size:,} articles measured", file=sys.stderr, flush=True)
    print(table(rows))
    seconds = {int(row["articles"]): row.get("stories", 0.0) for row in rows}
    for small, large in itertools.pairwise(sizes):
        print(f"stories: x{seconds[large] / seconds[small]:.1f} time for x{large / small:.1f} articles")


if __name__ == "__main__":
    main()
