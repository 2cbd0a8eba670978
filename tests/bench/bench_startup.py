"""Benchmark the reader as a user sees it in a real terminal, against a bare Textual app in the same run.

Run: python tests/bench/bench_startup.py [--articles 5000] [--presses 20] [--repeats 3]

Everything runs in a 120x40 tmux pane on a tmux server of its own and is timed from the outside,
by polling the pane. A first run of the reader times start-up until the first frame (the list's
border), the first article's text and the copy highlights (a passage marked as copied), with no key
pressed, then key-to-screen latency after the analysis. A second run presses the same keys while
the analysis still runs. The keys are `j` (next passage), `n`/`p` (next and previous article,
alternating, so a story's end never stops them), `3` (a tag key, toggled) and `s` (side panel),
each timed from sending the key until the pane shows its effect. The baseline is a bare Textual app
(Header, OptionList, a Static counting keys, Footer) started and pressed the same way. The corpus
(stories of about eight articles on a topic of their own, a quarter of their paragraphs lightly
edited copies of the story's wire text) is generated into a temp folder.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZE = ("120", "40")
TIMEOUT = 600.0
START_POLL, LONG_POLL = 0.01, 0.05
"""Seconds between reads of the pane while starting and while waiting for the analysis (2 ms for keys)."""

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, OptionList, Static

class Bare(App):
    presses = 0

    def compose(self):
        yield Header()
        yield OptionList(*[f"article {n}" for n in range(5)])
        yield Static("Some article text to read.", id="text")
        yield Footer()

    def on_key(self, event):
        self.presses += 1
        self.query_one("#text", Static).update(f"pressed {self.presses}")

Bare().run()
"""

READER = "from tui.cli import main; main()"


class Pane:
    """A program in a tmux pane of its own server; everything is timed by reading the pane."""

    def __init__(self, home: Path) -> None:
        self.socket = f"bench-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.home = home

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True).stdout

    def start(self, script: str, *args: str) -> float:
        config, data = shlex.quote(str(self.home / "config")), shlex.quote(str(self.home / "data"))
        program = " ".join(shlex.quote(part) for part in (sys.executable, "-c", script, *args))
        command = (
            f"cd {shlex.quote(str(ROOT))} && exec env -u COLUMNS -u LINES TERM=xterm-256color "
            f"XDG_CONFIG_HOME={config} XDG_DATA_HOME={data} PYTHONPATH={shlex.quote(str(ROOT))} {program}"
        )
        started = time.perf_counter()
        self.tmux("new-session", "-d", "-s", "bench", "-x", SIZE[0], "-y", SIZE[1], command)
        return started

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "bench")

    def until(self, condition: Callable[[str], bool], since: float, poll: float = 0.002) -> float:
        """Seconds from `since` until the pane satisfies `condition`, reading it every `poll` seconds
        (each read is a tmux process: long waits read it seldom, or they would slow what they time)."""
        while time.perf_counter() - since < TIMEOUT:
            if condition(self.screen()):
                return time.perf_counter() - since
            time.sleep(poll)
        raise TimeoutError(self.screen())

    def press(self, key: str, effect: Callable[[str, str], bool]) -> float:
        """Seconds from sending `key` until `effect(before, now)` holds on the pane."""
        before = self.screen()
        started = time.perf_counter()
        self.tmux("send-keys", "-t", "bench", key)
        return self.until(lambda now: effect(before, now), started)

    def peak_mb(self) -> float:
        """The program's largest resident set so far (the pane runs it in place of its shell)."""
        pid = self.tmux("list-panes", "-t", "bench", "-F", "#{pane_pid}").strip()
        found = re.search(r"VmHWM:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
        return int(found.group(1)) / 1024 if found else 0.0

    def stop(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def passage(screen: str) -> str | None:
    found = re.search(r"¶(\d+) of (\d+)", screen)
    return found.group(0) if found else None


def article(screen: str) -> str | None:
    """The reader's border title (the article's label): the titled border that is not a panel's."""
    lines = screen.splitlines()
    titles = re.findall(r"▔ ([^▔\s]+) ▔", lines[1]) if len(lines) > 1 else []
    return next((title for title in titles if title not in ("Articles", "Passage")), None)


def chips(screen: str) -> int:
    """Tag chips in the panels, leaving out the notice line that names the tag too."""
    return sum(line.count(" claim ") for line in screen.splitlines() if line.startswith("▊"))


def moved(before: str, now: str) -> bool:
    return article(now) is not None and article(now) != article(before)


KEYS: list[tuple[str, str, Callable[[str, str], bool]]] = [
    ("j", "j", lambda before, now: passage(now) != passage(before)),
    ("n/p", "n", moved),
    ("3", "3", lambda before, now: chips(now) != chips(before)),
    ("s", "s", lambda before, now: ("Passage" in now) != ("Passage" in before)),
    ("n/p", "p", moved),
]
"""(row, key sent, its effect on the pane) for one round: `3` and `s` toggle, `n` then `p` come back."""


def analysing(screen: str) -> bool:
    return "Analysing" in screen or "Loading" in screen


def highlighted(screen: str) -> bool:
    """Copies are on screen: a passage marked with the articles it is also in or folded as a repeat,
    or an article's share of new text in the list."""
    return "also in" in screen or "same as" in screen or re.search(r"\d% new", screen) is not None


def generate(folder: Path, count: int) -> None:
    """Synthetic coverage: stories of about eight articles, each with topic words of its own in its
    title and text, and a quarter of its paragraphs lightly edited copies of the story's wire text."""
    rng = random.Random(7)
    syllables = [consonant + vowel for consonant in "bdfgklmnprstvz" for vowel in "aeiou"]
    words = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 3))) for _ in range(12000)})

    def paragraph(topic: list[str]) -> list[str]:
        length = rng.randint(20, 60)
        return [rng.choice(topic) if rng.random() < 0.3 else rng.choice(words) for _ in range(length)]

    def edited(original: list[str]) -> list[str]:
        copy = list(original)
        for _ in range(rng.randint(0, 3)):
            copy[rng.randrange(len(copy))] = rng.choice(words)
        return copy

    topic: list[str] = []
    wire: list[list[str]] = []
    for number in range(count):
        if number % 8 == 0:
            topic = ["".join(rng.choices(syllables, k=3)).title() for _ in range(30)]
            wire = [paragraph(topic) for _ in range(10)]
        paragraphs = [
            edited(rng.choice(wire)) if rng.random() < 0.25 else paragraph(topic)
            for _ in range(rng.randint(8, 20))
        ]
        title = f"Story {number}: " + " ".join(rng.choices(topic, k=3) + rng.choices(words, k=3))
        body = "\n\n".join(" ".join(paragraph_words) + "." for paragraph_words in paragraphs)
        (folder / f"{number:05d}_story.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def bare_figures(home: Path, repeats: int, presses: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"start": [], "key": []}
    for _ in range(repeats):
        pane = Pane(home)
        try:
            started = pane.start(BARE)
            figures["start"].append(
                pane.until(lambda shown: "Some article text" in shown, started, START_POLL)
            )
            for number in range(1, presses + 1):
                figures["key"].append(pane.press("j", lambda _, now, n=number: f"pressed {n}" in now))
        finally:
            pane.stop()
    return figures


def press_round(pane: Pane, figures: dict[str, list[float]], phase: str) -> bool:
    """One round of KEYS; False when the analysis ended while pressing `during` it."""
    for row, key, effect in KEYS:
        if phase == "during" and not analysing(pane.screen()):
            return False
        figures.setdefault(f"{row} {phase}", []).append(pane.press(key, effect))
    return True


def reader_figures(home: Path, folder: Path, presses: int) -> dict[str, list[float]]:
    """Two runs of the reader on the corpus: start-up and keys after the analysis; keys during it."""
    figures: dict[str, list[float]] = {}
    pane = Pane(home)
    try:
        started = pane.start(READER, str(folder))
        figures["first frame"] = [pane.until(lambda shown: "Articles" in shown, started, START_POLL)]
        figures["first text"] = [pane.until(lambda shown: passage(shown) is not None, started, START_POLL)]
        figures["highlights"] = [pane.until(highlighted, started, LONG_POLL)]
        pane.until(lambda shown: not analysing(shown), started, LONG_POLL)
        for _ in range(presses):
            press_round(pane, figures, "after")
        figures["peak MB (reader process)"] = [pane.peak_mb()]
    finally:
        pane.stop()
    pane = Pane(home)
    try:
        started = pane.start(READER, str(folder))
        pane.until(lambda shown: passage(shown) is not None, started, START_POLL)
        for _ in range(presses):
            if not press_round(pane, figures, "during"):
                break
    finally:
        pane.stop()
    return figures


def analyze_seconds(home: Path, folder: Path) -> float:
    """`briefreader analyze DIR --json` on the same corpus as a whole process: what highlights compare to."""
    environment = os.environ | {"XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", READER, "analyze", str(folder), "--json"],
        cwd=ROOT,
        env=environment | {"PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        home, folder = Path(temp) / "home", Path(temp) / "corpus"
        folder.mkdir()
        generate(folder, options.articles)
        bare = bare_figures(home, options.repeats, options.presses)
        reader = reader_figures(home, folder, options.presses)
        analyzed = analyze_seconds(home, folder)
    base_start, base_key = statistics.median(bare["start"]), statistics.median(bare["key"])
    print(f"{options.articles} generated articles, 120x40 tmux pane; seconds (ratio to the bare app)")
    print(f"{'measurement':<34} {'p50':>8} {'p95':>8} {'ratio p50':>10} {'n':>4}")
    print(f"{'bare app: first frame':<34} {base_start:8.3f} {percentile(bare['start'], 0.95):8.3f} {1:10.2f}")
    print(f"{'bare app: key to screen':<34} {base_key:8.3f} {percentile(bare['key'], 0.95):8.3f} {1:10.2f}")
    peak = reader.pop("peak MB (reader process)")[0]
    for name, values in reader.items():
        base = base_start if name in ("first frame", "first text", "highlights") else base_key
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        print(f"{'reader: ' + name:<34} {p50:8.3f} {p95:8.3f} {p50 / base:10.2f} {len(values):4d}")
    highlights = reader["highlights"][0]
    print(
        f"`analyze --json` on the same corpus: {analyzed:.3f} s; "
        f"highlights at {highlights / analyzed:.2f}x that; the reader's process peaked at {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
