"""The reader in a real terminal (tmux, on a socket of its own): keys typed ahead are never lost.

Each test starts `python -m tui` in a detached tmux session, sends keys the way a user types them
(some before the first frame), waits for what the screen must show, quits with `q`, and then
reads the store file as a later briefreader would.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotations.corpus.loading import load_corpus, seeds_dir
from annotations.store.store import open_store

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

TIMEOUT = 30.0
REPEATS = int(os.environ.get("BRIEFREADER_TMUX_REPEATS", "2"))
"""Runs of each typed-ahead case (set BRIEFREADER_TMUX_REPEATS=10 to check for flakiness)."""
FIRST_TITLE = "U.S. Secretary of State"


class Terminal:
    """One briefreader in one tmux server of its own."""

    def __init__(self, home: Path, workdir: Path) -> None:
        self.socket = f"briefreader-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.home, self.workdir = home, workdir
        self.code_file = workdir / f"exit-code-{self.socket}"

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, *args]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    def start(self, *paths: str, keys: str = "", cwd: Path | None = None) -> None:
        """Start the reader (in `cwd`, else the checkout); `keys` are sent before its first frame."""
        root = str(Path(__file__).resolve().parents[1])
        env = {
            "PYTHONPATH": root,
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "HOME": str(self.home),
            "TERM": "xterm-256color",
        }
        exports = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
        arguments = " ".join(shlex.quote(path) for path in paths)
        # COLUMNS/LINES from the test run would override the pane's real size.
        app = f"env -u COLUMNS -u LINES {exports} {shlex.quote(sys.executable)} -m tui {arguments}"
        command = f"{app}; echo $? > {shlex.quote(str(self.code_file))}"
        folder = str(cwd or root)
        self.tmux("new-session", "-d", "-s", "reader", "-x", "120", "-y", "40", "-c", folder, command)
        if keys:
            self.send(*keys.split())

    def send(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "reader", key)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "reader")

    def wait_for(self, condition: Callable[[str], bool], what: str) -> str:
        """Poll the pane until `condition` holds; fail with the pane's text after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if condition(shown):
                return shown
            time.sleep(0.05)
        raise AssertionError(f"never saw {what}:\n{shown}")

    def quit(self) -> int:
        self.send("q")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.code_file.exists() and self.code_file.read_text().strip():
                return int(self.code_file.read_text())
            time.sleep(0.05)
        raise AssertionError(f"the reader did not quit:\n{self.screen()}")

    def stop(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def saved(self) -> list[tuple[str, int, str | None]]:
        store = open_store(self.home / "data" / "briefreader" / "annotations.json", read_only=True)
        try:
            return sorted((a.article, a.target.passage, a.tag) for a in store.all())
        finally:
            store.close()


@pytest.fixture
def terminal(tmp_path: Path, isolated_dirs: Path) -> Iterator[Terminal]:
    running = Terminal(isolated_dirs, tmp_path)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def seed_ids() -> list[str]:
    return [article.id for article in load_corpus().articles]


def test_briefreader_runs_in_tmux_and_quits_with_q(terminal: Terminal, seed_ids: list[str]) -> None:
    terminal.start()
    terminal.wait_for(lambda shown: FIRST_TITLE in shown and "also in" in shown, "the first article")
    terminal.send("j")
    terminal.wait_for(lambda shown: "¶2 of 17" in shown, "the second passage")
    terminal.send("1")
    terminal.wait_for(lambda shown: " key-fact " in shown, "the tag's chip")
    terminal.send("j", "s", "n", "o")
    terminal.wait_for(lambda shown: "Overview" in shown and "new" in shown, "the overview")
    terminal.send("Escape")
    terminal.wait_for(lambda shown: "Overview" not in shown, "the overview closing")
    assert terminal.quit() == 0
    assert terminal.saved() == [(seed_ids[0], 1, "key-fact")]


@pytest.mark.parametrize("run", range(REPEATS))
@pytest.mark.parametrize("corpus", ["files", "folder"])
def test_n_then_a_tag_key_typed_before_the_first_frame_tags_the_next_article(
    terminal: Terminal, seed_ids: list[str], corpus: str, run: int
) -> None:
    """The seeds as named files load before the first frame; as a folder, in a worker after it."""
    files = [str(path) for path in sorted(seeds_dir().glob("*.txt"))]
    paths = files if corpus == "files" else [str(seeds_dir())]
    terminal.start(*paths, keys="n 3")
    terminal.wait_for(lambda shown: " claim " in shown, "the claim chip on the second article")
    assert terminal.quit() == 0
    assert terminal.saved() == [(seed_ids[1], 0, "claim")]


@pytest.mark.parametrize("run", range(REPEATS))
def test_keys_in_the_first_moments_wait_and_apply_in_order(
    terminal: Terminal, seed_ids: list[str], run: int
) -> None:
    terminal.start(str(seeds_dir()), keys="j j j 2 n 3 n n 4")
    terminal.wait_for(lambda shown: " background " in shown, "the last tag's chip")
    assert terminal.quit() == 0
    assert terminal.saved() == sorted(
        [(seed_ids[0], 3, "quote"), (seed_ids[1], 0, "claim"), (seed_ids[3], 0, "background")]
    )


@pytest.mark.parametrize("run", range(REPEATS))
def test_e_and_enter_in_one_burst_export_everything(terminal: Terminal, run: int) -> None:
    """`e` opens the export dialog; the enter typed with it, before the dialog is drawn, confirms it."""
    terminal.start(cwd=terminal.workdir)
    terminal.wait_for(lambda shown: FIRST_TITLE in shown and "also in" in shown, "the first article")
    terminal.send("3")
    terminal.wait_for(lambda shown: " claim " in shown, "the claim chip")
    terminal.tmux("send-keys", "-t", "reader", "e", "Enter")
    target = terminal.workdir / "briefreader-export.jsonl"
    terminal.wait_for(lambda shown: "Exported 1 annotation" in shown and target.exists(), "the export")
    assert "Export annotations" not in terminal.screen()
    assert terminal.quit() == 0
    assert [json.loads(line)["tag"] for line in target.read_text().splitlines()] == ["claim"]
