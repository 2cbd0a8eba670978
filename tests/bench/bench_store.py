"""Benchmark one tag action (store write and fsync included) with 20,000 annotations already stored.

Run: python tests/bench/bench_store.py [--annotations 20000] [--actions 200] [--dir FOLDER]
Compares TinyDB's stock JSONStorage (rewrites the file in place, not crash-safe), a whole-file
atomic rewrite (temp file, fsync, os.replace) and the journaled storage the app uses. Each
action toggles a tag through the same path the reader uses; the table shows milliseconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tinydb import TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402

from annotations.corpus.loading import load_corpus  # noqa: E402
from annotations.corpus.models import SCHEMA, Annotation, Corpus  # noqa: E402
from annotations.store.anchor import make_target, text_hash  # noqa: E402
from annotations.store.storage import COMPACT_EVERY, AtomicJSONStorage, JournalStorage  # noqa: E402
from annotations.store.store import Store  # noqa: E402
from annotations.store.tagging import Tagger  # noqa: E402

TAGS = ("key-fact", "quote", "claim", "background", "follow-up", "contradiction", "source", "opinion")


def stored_annotations(corpus: Corpus, count: int) -> list[dict[str, object]]:
    """`count` plausible annotations spread over every passage of the corpus, as stored documents."""
    keys = [(a, p.index) for a in corpus.articles for p in a.passages]
    docs = []
    for number in range(count):
        article, index = keys[number % len(keys)]
        annotation = Annotation(
            id=f"bench-{number}",
            article=article.id,
            article_hash=text_hash(article.text),
            target=make_target(article, index),
            tag=TAGS[number % len(TAGS)],
            note="a note of moderate length about this passage" if number % 5 == 0 else "",
            analyst=f"analyst-{number % 7}",
            created="2026-01-01T00:00:00.000Z",
            modified="2026-01-01T00:00:00.000Z",
            article_path=article.path,
            article_title=article.title,
        )
        docs.append(asdict(annotation))
    return docs


def write_store(path: Path, docs: list[dict[str, object]]) -> None:
    tables = {"meta": {"1": {"schema": SCHEMA, "app": "briefreader"}},
              "annotations": {str(n + 1): doc for n, doc in enumerate(docs)}}
    path.write_text(json.dumps(tables), encoding="utf-8")


def time_stock(path: Path, corpus: Corpus, actions: int) -> list[float]:
    """TinyDB as shipped: one insert per tag, the whole file rewritten in place."""
    db = TinyDB(path, storage=JSONStorage)
    table = db.table("annotations", cache_size=0)
    times = []
    for number in range(actions):
        doc = stored_annotations(corpus, 1)[0] | {"id": f"stock-{number}"}
        start = time.perf_counter()
        table.insert(doc)
        times.append(time.perf_counter() - start)
    db.close()
    return times


def time_store(make: Callable[[], Store], corpus: Corpus, actions: int) -> tuple[list[float], float, float]:
    """Tag actions through Tagger.toggle; also the time to open and to close (compaction)."""
    start = time.perf_counter()
    store = make()
    opened = time.perf_counter() - start
    tagger = Tagger(store, corpus, "bench")
    keys = [(a.id, p.index) for a in corpus.articles for p in a.passages]
    times = []
    for number in range(actions):
        key = keys[number % len(keys)]
        start = time.perf_counter()
        outcome = tagger.toggle(key, f"bench-{number // len(keys)}")
        times.append(time.perf_counter() - start)
        assert outcome.ok, outcome.message
    start = time.perf_counter()
    store.close()
    return times, opened, time.perf_counter() - start


def row(name: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    median = statistics.median(ms)
    return f"| {name:<34} | {len(ms):>7} | {median:>8.1f} | {p95:>8.1f} | {ms[-1]:>8.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=20_000)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--baseline-actions", type=int, default=30)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the store files (default: temp)")
    options = parser.parse_args()
    corpus = load_corpus()
    docs = stored_annotations(corpus, options.annotations)
    with tempfile.TemporaryDirectory(dir=options.dir) as folder:
        base = Path(folder)
        size = 0
        rows = []
        note = ""
        for name in ("stock", "atomic", "journal"):
            path = base / f"{name}.json"
            write_store(path, docs)
            size = path.stat().st_size
            if name == "stock":
                rows.append(row("TinyDB JSONStorage (stock, unsafe)", time_stock(path, corpus,
                                                                             options.baseline_actions)))
            elif name == "atomic":
                times, _, _ = time_store(lambda p=path: Store(AtomicJSONStorage(p)), corpus,
                                         options.baseline_actions)
                rows.append(row("whole-file atomic rewrite", times))
            else:
                times, opened, closed = time_store(lambda p=path: Store(JournalStorage(p)), corpus,
                                                   options.actions)
                rows.append(row("journal + atomic snapshot (used)", times))
                note = (f"journaled store: open (load, replay) {opened * 1000:.0f} ms, "
                        f"close (compact) {closed * 1000:.0f} ms; compaction also every "
                        f"{COMPACT_EVERY} actions")
    print(f"One tag action with {options.annotations:,} annotations stored ({size / 1e6:.1f} MB file), "
          f"fsync included; milliseconds")
    print("| storage                            | actions |      p50 |      p95 |      max |")
    print("|------------------------------------|---------|----------|----------|----------|")
    print("\n".join(rows))
    print(note)


if __name__ == "__main__":
    main()
