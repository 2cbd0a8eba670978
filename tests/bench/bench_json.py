"""Benchmark the encoders for `briefreader analyze --json` on the report of a synthetic corpus.

Run: python tests/bench/bench_json.py [--articles 2000]
The report is built once (the analysis is not timed); each encoder then turns it into UTF-8 bytes,
best of five runs. The baseline is the standard library's C encoder with indentation, as the
command wrote it before.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_overlap import write_corpus  # noqa: E402


def encoders() -> dict[str, Callable[[Any], bytes]]:
    import orjson

    from annotations.exchange.writing import dumps as encode

    return {
        "json indent=1 (before)": lambda d: json.dumps(d, ensure_ascii=False, indent=1).encode(),
        "json compact (C encoder)": lambda d: json.dumps(
            d, ensure_ascii=False, separators=(",", ":")
        ).encode(),
        "orjson compact": orjson.dumps,
        "orjson indent 2": lambda d: orjson.dumps(d, option=orjson.OPT_INDENT_2),
        "writing.dumps (shipped)": encode,
    }


def best_of(encode: Callable[[Any], bytes], data: Any, runs: int = 5) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(encode(data))
        times.append(time.perf_counter() - start)
    return min(times), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    options = parser.parse_args()
    from annotations.analysis import analyze
    from annotations.corpus.loading import load_corpus
    from annotations.exchange.report import to_json

    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), options.articles, 0.2)
        corpus = load_corpus([folder])
        data = to_json(corpus, analyze(corpus))
    rows = [(name, *best_of(encode, data)) for name, encode in encoders().items()]
    baseline = rows[0][1]
    print(f"{'encoder':<26} {'seconds':>8} {'MB':>7} {'ratio':>6}")
    for name, seconds, size in rows:
        print(f"{name:<26} {seconds:8.3f} {size / 1e6:7.1f} {seconds / baseline:6.2f}")


if __name__ == "__main__":
    main()
