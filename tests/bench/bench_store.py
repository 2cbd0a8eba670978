"""Benchmark the store's actions (write and fsync included) with 20,000 and with 200 annotations stored.

Run: python tests/bench/bench_store.py [--annotations 20000] [--actions 300] [--sessions 3] [--dir FOLDER]
Each action goes through the same path the reader uses (Tagger: tag, untag, note, undo) on the
journaled store; the baseline is TinyDB's stock JSONStorage (one insert rewrites the whole file in
place, not crash-safe) on the same data in the same run. Milliseconds; the last column is the
ratio of the median to the stock insert's median. Opening and closing are timed for both too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402
from tinydb import TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402

from annotations.corpus.loading import load_corpus, load_text  # noqa: E402
from annotations.corpus.models import SCHEMA, Annotation, Corpus, PassageKey  # noqa: E402
from annotations.store.anchor import make_target, text_hash  # noqa: E402
from annotations.store.store import open_store  # noqa: E402
from annotations.store.tagging import Tagger  # noqa: E402
from annotations.store.values import Outcome  # noqa: E402

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
    path.write_bytes(orjson.dumps(tables))


def timed(act: Callable[[], object]) -> float:
    start = time.perf_counter()
    act()
    return time.perf_counter() - start


Times = dict[str, list[float]]


def time_stock(path: Path, docs: list[dict[str, object]], actions: int, sessions: int) -> Times:
    """TinyDB as shipped: open (read the file), one insert per tag, close; `sessions` times."""
    times: Times = {"open": [], "open (CPU time)": [], "insert (tag)": [], "close": []}
    for session in range(sessions):
        start, cpu = time.perf_counter(), time.process_time()
        db = TinyDB(path, storage=JSONStorage)
        table = db.table("annotations", cache_size=0)
        len(table)
        times["open"].append(time.perf_counter() - start)
        times["open (CPU time)"].append(time.process_time() - cpu)
        for number in range(actions // sessions):
            doc = docs[number % len(docs)] | {"id": f"stock-{session}-{number}"}
            start = time.perf_counter()
            table.insert(doc)
            times["insert (tag)"].append(time.perf_counter() - start)
        times["close"].append(timed(db.close))
    return times


def time_store(path: Path, corpus: Corpus, actions: int, sessions: int) -> Times:
    """`sessions` times: open, rounds of tag / untag / note / undo through Tagger, close."""
    times: Times = {"open": [], "open (CPU time)": []}
    for _ in range(sessions):
        start, cpu = time.perf_counter(), time.process_time()
        store = open_store(path)
        times["open"].append(time.perf_counter() - start)
        times["open (CPU time)"].append(time.process_time() - cpu)
        session(Tagger(store, corpus, "bench"), actions // sessions, times)
        times.setdefault("close", []).append(timed(store.close))
    return times


def session(tagger: Tagger, rounds: int, times: Times) -> None:
    """Each round tags a passage, untags it, writes a note on it and undoes the note."""
    keys: list[PassageKey] = [(a.id, p.index) for a in tagger.corpus.articles for p in a.passages]
    steps: dict[str, Callable[[PassageKey], Outcome]] = {
        "tag": lambda key: tagger.toggle(key, "bench"),
        "untag": lambda key: tagger.toggle(key, "bench"),
        "note": lambda key: tagger.set_note(key, f"note {time.perf_counter()}"),
        "undo (the note)": lambda key: tagger.undo(),
    }
    for number in range(rounds):
        key = keys[number % len(keys)]
        for name, step in steps.items():
            start = time.perf_counter()
            outcome = step(key)
            times.setdefault(name, []).append(time.perf_counter() - start)
            assert outcome.ok, outcome.message


def time_long_article(path: Path, lines: int, actions: int) -> Times:
    """Tag and untag passages spread over one article of `lines` lines (the first tag hashes the text)."""
    text = "".join(f"Line {number} of a long transcript, said the clerk.\n" for number in range(lines))
    corpus = Corpus("long", (load_text(text, "long", path="/bench/long.txt"),))
    store = open_store(path)
    tagger = Tagger(store, corpus, "bench")
    passages = corpus.articles[0].passages
    times: Times = {}
    for number in range(actions):
        key = ("long", passages[(number * 7919) % len(passages)].index)
        for name in ("tag", "untag"):
            start = time.perf_counter()
            outcome = tagger.toggle(key, "bench")
            times.setdefault(f"{name} ({lines:,}-line article)", []).append(time.perf_counter() - start)
            assert outcome.ok, outcome.message
    store.close()
    return times


def ms(values: list[float]) -> tuple[float, float]:
    ordered = sorted(v * 1000 for v in values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--annotations", type=int, default=20_000)
    parser.add_argument("--actions", type=int, default=300, help="rounds of tag/untag/note/undo")
    parser.add_argument("--baseline-actions", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=3, help="opens and closes of each store")
    parser.add_argument("--small", type=int, default=200, help="annotations in the small store compared")
    parser.add_argument("--lines", type=int, default=200_000, help="lines of the one long article")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the store files (default: temp)")
    options = parser.parse_args()
    corpus = load_corpus()
    docs = stored_annotations(corpus, options.annotations)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    with tempfile.TemporaryDirectory(dir=options.dir) as folder:
        stock_path, path = Path(folder) / "stock.json", Path(folder) / "annotations.json"
        write_store(stock_path, docs)
        write_store(path, docs)
        small_path, long_path = Path(folder) / "small.json", Path(folder) / "long.json"
        write_store(small_path, docs[: options.small])
        size = path.stat().st_size
        stock = time_stock(stock_path, docs, options.baseline_actions, options.sessions)
        used = time_store(path, corpus, options.actions, options.sessions)
        small = time_store(small_path, corpus, options.actions, options.sessions)
        long = time_long_article(long_path, options.lines, options.actions // 3)
    print(f"Store actions with {options.annotations:,} annotations stored ({size / 1e6:.1f} MB file), "
          f"fsync included; milliseconds; ratio = p50 / the same stock TinyDB operation's p50 "
          f"(actions: / its insert)")
    if load is not None:
        print(f"load average at start: {load[0]:.1f} (1 min), {os.cpu_count()} CPUs")
    print("| operation | storage | count | p50 | p95 | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    for label, measured in (("TinyDB JSONStorage (stock, unsafe)", stock),
                            ("journal + atomic snapshot (used)", used),
                            (f"used, {options.small:,} stored", small),
                            ("used, empty store, one long article", long)):
        for name, values in measured.items():
            p50, p95 = ms(values)
            baseline = ms(stock[name] if name.startswith(("open", "close")) else stock["insert (tag)"])[0]
            ratio = f"{p50 / baseline:.3f}" if baseline >= 0.1 else "-"
            print(f"| {name} | {label} | {len(values)} | {p50:.1f} | {p95:.1f} | {ratio} |")
    print("Each open of the used store replays the journal the sessions before left (big stores keep it at "
          "close); stock TinyDB's close does nothing (every insert rewrote the file).")

if __name__ == "__main__":
    main()
