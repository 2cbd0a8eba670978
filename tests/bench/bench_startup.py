"""Benchmark the reader's start-up and key latency against a bare Textual app.

Run: python tests/bench/bench_startup.py [--repeats 5] [--articles 5000]
Start-up on the seeds is measured the way a user sees it when tmux is installed: `briefreader`
and the bare app each start in a 100x30 tmux pane, timed until their text is on screen. Every
start-up is also measured headless at 100x30 in a fresh interpreter, from just before spawning it
to the refresh that first shows text (the article's passages; the Static for the bare app).
The large corpus (stories of about eight articles sharing paragraphs) is generated into a temp folder.
Key latency: `j` (next passage) and `n` (next article) pressed while the analysis still runs and
after it, timed from posting the key (as the terminal driver does) until the screen has refreshed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, OptionList, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield OptionList(*[f"article {n}" for n in range(5)])
        yield Static("Some article text to read.")
        yield Footer()

Bare().run()
"""

SEEDS = "from tui.cli import main; main()"
FIRST_SEED_TEXT = "U.S. Secretary of State Antony Blinken said"


def in_tmux(script: str, needle: str, home: Path) -> float:
    """Seconds from starting the script in a 100x30 tmux pane until `needle` is on screen."""
    session = f"bench-startup-{os.getpid()}"
    command = " ".join(shlex.quote(part) for part in (sys.executable, "-c", script))
    config, data = shlex.quote(str(home / "config")), shlex.quote(str(home / "data"))
    dirs = f"XDG_CONFIG_HOME={config} XDG_DATA_HOME={data}"
    env = f"cd {shlex.quote(str(ROOT))} && env -u COLUMNS -u LINES TERM=xterm-256color {dirs} "
    start = time.perf_counter()
    size = ["-x", "100", "-y", "30"]
    subprocess.run(["tmux", "new-session", "-d", "-s", session, *size, env + command], check=True)
    try:
        while time.perf_counter() - start < 30:
            capture = ["tmux", "capture-pane", "-p", "-t", session]
            pane = subprocess.run(capture, capture_output=True, text=True)
            if needle in pane.stdout:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(needle)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


HEADLESS_BARE = """
import time
from textual.app import App
from textual.widgets import Footer, Header, OptionList, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield OptionList(*[f"article {n}" for n in range(5)])
        yield Static("Some article text to read.")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.done)

    def done(self):
        print(time.time())
        self.exit()

Bare().run(headless=True, size=(100, 30))
"""

READER = """
import sys, time
from annotations.config import Config
from tui.app import BriefReaderApp
from tui.widgets.reader import Reader

class Timed(BriefReaderApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.check)

    def check(self):
        if self.has_text():
            self.done()
        else:
            self.set_timer(0.002, self.poll)

    def poll(self):
        if self.has_text():
            self.screen.refresh()
            self.call_after_refresh(self.done)
        else:
            self.set_timer(0.002, self.poll)

    def has_text(self):
        readers = self.screen.query(Reader)
        return bool(readers and readers.first().option_count)

    def done(self):
        print(time.time())
        self.exit()

Timed(sys.argv[1:], config=Config()).run(headless=True, size=(100, 30))
"""

FIRST_PAINT = """
import sys, time
from annotations.config import Config
from tui.app import BriefReaderApp

class Timed(BriefReaderApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.done)

    def done(self):
        print(time.time())
        self.exit()

Timed(sys.argv[1:], config=Config()).run(headless=True, size=(100, 30))
"""

LATENCY = """
import asyncio, json, sys, time
from textual import events
from annotations.config import Config
from tui.app import BriefReaderApp
from tui.widgets.reader import Reader

async def press(app, key):
    # Posted the way the terminal driver posts it (Pilot.press waits for an idle CPU instead).
    reader = app.screen.query_one(Reader)
    before = reader.current_key
    start = time.perf_counter()
    app.post_message(events.Key(key, key))
    while reader.current_key == before:
        await asyncio.sleep(0.001)
    refreshed = asyncio.Event()
    app.call_after_refresh(refreshed.set)
    await refreshed.wait()
    return time.perf_counter() - start

async def main():
    app = BriefReaderApp(sys.argv[1:], config=Config())
    timings = {"j": [], "n": []}
    started = time.perf_counter()
    async with app.run_test(size=(100, 30)) as pilot:
        while not (app.screen.query(Reader) and app.screen.query_one(Reader).option_count):
            await asyncio.sleep(0.01)
        for round in range(20):
            for key in ("j", "n"):
                if app.screen.analysed:
                    break
                timings[key].append(await press(app, key))
                await asyncio.sleep(0.1)
        while not app.screen.analysed:
            await asyncio.sleep(0.05)
        analysed = time.perf_counter() - started
        after = {key: [await press(app, key) for _ in range(5)] for key in ("j", "n")}
        print(json.dumps({"timings": timings, "after": after, "analysed": analysed}))
        app.exit()

asyncio.run(main())
"""


def timed(script: str, *args: str) -> float:
    """Seconds from spawning a fresh interpreter to the moment the script prints its time."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return float(out.strip().splitlines()[-1]) - start


def median(script: str, repeats: int, *args: str) -> float:
    return statistics.median(timed(script, *args) for _ in range(repeats))


def generate(folder: Path, count: int) -> None:
    """Synthetic coverage: stories of about eight articles, each reusing ~30% of its story's pool."""
    rng = random.Random(7)
    words = [f"{stem}{n}" for n in range(2000) for stem in ("port", "strike", "talks", "union", "deal")]

    def paragraph() -> str:
        return " ".join(rng.choices(words, k=rng.randint(20, 60))) + "."

    pool: list[str] = []
    for number in range(count):
        if number % 8 == 0:
            pool = [paragraph() for _ in range(10)]
        paragraphs = [
            rng.choice(pool) if rng.random() < 0.3 else paragraph() for _ in range(rng.randint(8, 20))
        ]
        title = f"Story {number}: " + " ".join(rng.choices(words, k=6))
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{number:05d}_story.txt").write_text(text, encoding="utf-8")


def latency(folder: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", LATENCY, str(folder)], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--articles", type=int, default=5000)
    options = parser.parse_args()
    print(f"{'measurement':<52} {'seconds':>8}")
    if shutil.which("tmux"):
        keeper = f"bench-keeper-{os.getpid()}"  # keeps the tmux server up between runs
        subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 3600"], check=True)
        try:
            with tempfile.TemporaryDirectory() as home:
                runs = range(options.repeats)
                bare = statistics.median(in_tmux(BARE, "Some article text", Path(home)) for _ in runs)
                seeds = statistics.median(in_tmux(SEEDS, FIRST_SEED_TEXT, Path(home)) for _ in runs)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)
        print(f"{'tmux: bare app (Header, Footer, OptionList, Static)':<52} {bare:8.3f}")
        label = "tmux: briefreader on the seeds, first article text"
        print(f"{label:<52} {seeds:8.3f}   ratio {seeds / bare:.2f}")
    bare = median(HEADLESS_BARE, options.repeats)
    seeds = median(READER, options.repeats)
    print(f"{'headless: bare app':<52} {bare:8.3f}")
    label = "headless: reader on the seeds, first article text"
    print(f"{label:<52} {seeds:8.3f}   ratio {seeds / bare:.2f}")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        generate(folder, options.articles)
        label = f"{options.articles} articles"
        print(f"{label + ', first paint (progress bar)':<52} {median(FIRST_PAINT, 3, str(folder)):8.3f}")
        print(f"{label + ', first article text':<52} {median(READER, 3, str(folder)):8.3f}")
        result = latency(folder)
        print(f"{label + ', analysis done (highlights shown)':<52} {result['analysed']:8.3f}")
        for phase, note in (("timings", "while analysing"), ("after", "after analysis")):
            for key, name in (("j", "next passage"), ("n", "next article")):
                values = result[phase][key]
                if values:
                    stats = f"{statistics.median(values):8.3f} / {max(values):.3f}"
                    print(f"{label + f', {key} ({name}) {note}':<52} {stats}  median / max of {len(values)}")


if __name__ == "__main__":
    main()
