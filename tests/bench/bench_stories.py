"""Benchmark story grouping against the rest of the analysis, on bench_overlap's synthetic corpus.

Run: python tests/bench/bench_stories.py [--sizes 1000,4000,5000]
Each size runs in its own subprocess: load the files, then analysis.analyze with its stage timings.
The baseline is the same run's analysis without the stories stage (boilerplate and copies); the
table shows what grouping stories and finding origins add to it, and the growth between sizes.
In one process the times are CPU seconds (time.process_time), so a busy machine skews them less;
with a worker per core (as `briefreader analyze` runs) they are wall seconds, since the term
similarities are then worked out in a child while the copies are found.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_overlap import write_corpus  # noqa: E402 (the path is set just above)


def measure(folder: str) -> dict[str, float]:
    """Stage timings of the analysis in one process (CPU) and with a worker per core (wall), run in a
    fresh subprocess."""
    from annotations.corpus.loading import load_corpus
    from annotations.parallel import cores

    corpus = load_corpus([folder])
    timings = stage_times(corpus, time.process_time, 1)
    timings.update({f"{stage} wall": seconds for stage, seconds in
                    stage_times(corpus, time.perf_counter, cores()).items()})
    return timings


def stage_times(corpus: object, clock: Callable[[], float], workers: int) -> dict[str, float]:
    from annotations.analysis import analyze

    timings: dict[str, float] = {}
    last: list[float | str] = [clock(), ""]

    def progress(stage: str, done: float) -> None:
        if stage != last[1]:
            now = clock()
            timings[str(last[1])] = timings.get(str(last[1]), 0.0) + now - float(last[0])
            last[:] = [now, stage]

    analysis = analyze(corpus, progress=progress, workers=workers)  # type: ignore[arg-type]
    timings["stories_found"] = len(analysis.stories)
    timings["workers"] = workers
    return timings


def run(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), size, 0.2)
        output = subprocess.run(
            [sys.executable, __file__, "--measure", folder], check=True, capture_output=True, text=True
        ).stdout
        return {"articles": size, **json.loads(output)}


def table(rows: list[dict[str, float]]) -> str:
    cores = int(rows[0].get("workers wall", 1)) if rows else 1
    lines = [
        "| articles | one process: boilerplate + copies CPU s | stories CPU s | stories / rest "
        f"| {cores} workers: boilerplate + copies wall s | stories wall s | stories / rest | stories found |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        cells = [f"{int(row['articles']):,}"]
        for suffix in ("", " wall"):
            rest = row.get("boilerplate" + suffix, 0.0) + row.get("duplicates" + suffix, 0.0)
            stories = row.get("stories" + suffix, 0.0)
            cells += [f"{rest:.2f}", f"{stories:.2f}", f"{stories / rest:.1%}"]
        cells.append(f"{int(row['stories_found']):,}")
        lines.append("| " + " | ".join(cells) + " |")
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
