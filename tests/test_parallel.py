"""Work spread over forked processes gives the very result of doing it in one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from annotations.corpus.loading import load_corpus, seeds_dir
from annotations.parallel import map_slices

ROOT = Path(__file__).resolve().parents[1]

SPREAD = """
import json, os
from annotations.parallel import map_slices
found = map_slices(lambda part: [(item * item, os.getpid()) for item in part], range(1000), 2, 100)
print(json.dumps({"squares": [square for square, _ in found], "processes": len({p for _, p in found})}))
"""

SAME_ANALYSIS = """
import json, sys
from annotations.analysis import analyze
from annotations.copies import overlap
from annotations.corpus.loading import load_corpus
from annotations.leftovers import boilerplate
overlap._PAIRS_PER_WORKER = boilerplate.ARTICLES_PER_WORKER = 1
corpus = load_corpus([sys.argv[1]])
def summary(workers):
    found = analyze(corpus, workers=workers)
    return [sorted(map(repr, found.boilerplate.items())), sorted(map(repr, found.duplicates.items())),
            sorted(map(repr, found.headings)), [story.articles for story in found.stories]]
print(json.dumps(summary(1) == summary(2)))
"""


def _python(script: str, *arguments: str) -> object:
    """Run `script` in a fresh interpreter: one with no other threads, where forking is allowed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, *arguments], capture_output=True, env=env,
                          check=True, timeout=120)
    return json.loads(done.stdout)


def test_slices_run_in_two_processes_and_come_back_in_order() -> None:
    found = _python(SPREAD)
    assert found == {"squares": [item * item for item in range(1000)], "processes": 2}


def test_the_analysis_in_two_processes_equals_the_analysis_in_one() -> None:
    assert _python(SAME_ANALYSIS, str(seeds_dir())) is True


def test_a_process_with_other_threads_does_the_work_itself() -> None:
    """A fork would copy a lock another thread holds (the reader runs the analysis in a thread)."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        found = map_slices(lambda part: [os.getpid() for _ in part], range(1000), 2, 10)
    finally:
        stop.set()
        other.join()
    assert set(found) == {os.getpid()}


def test_too_little_work_is_not_spread() -> None:
    corpus = load_corpus([seeds_dir()])
    found = map_slices(lambda part: [os.getpid() for _ in part], corpus.articles, 2, 250)
    assert set(found) == {os.getpid()}


FORKED = """
import json, os
from annotations.parallel import Forked
here = os.getpid()
child = Forked(lambda: {"pid": os.getpid(), "words": ["Zürich", "naïve"] * 50_000})
other = [item * 2 for item in range(10)]  # this process goes on meanwhile
found = child.result()
failing = Forked(lambda: 1 / 0 if os.getpid() != here else "done here")
stopped = Forked(lambda: __import__("time").sleep(60))
stopped.close()
print(json.dumps({"elsewhere": found["pid"] != here, "words": len(found["words"]),
                  "fallback": failing.result(), "other": other[-1]}))
"""


def test_forked_work_comes_back_from_a_child_and_a_failed_child_is_redone_here() -> None:
    assert _python(FORKED) == {"elsewhere": True, "words": 100_000, "fallback": "done here", "other": 18}


def test_forked_work_in_a_process_with_threads_is_done_here() -> None:
    from annotations.parallel import Forked

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert Forked(os.getpid).result() == os.getpid()
    finally:
        stop.set()
        other.join()
