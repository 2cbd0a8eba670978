"""Story keys in a real terminal: ] and [ typed ahead land on the story the keys before them chose."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.analysis import analyze
from annotations.corpus.loading import load_corpus
from tests.stories_devset import ARTICLES
from tests.tmux_helpers import wait_for
from tui.story_view import story_groups

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def expected_after(keys: str) -> tuple[str, str]:
    """The reader's title (the article's label) at the start, and after the story keys `keys`."""
    corpus = load_corpus([ARTICLES])
    groups = story_groups(list(corpus.articles), analyze(corpus).stories)
    at = next(number for number, (_, articles) in enumerate(groups) if corpus.articles[0] in articles)
    start = at
    for key in keys:
        at = min(len(groups) - 1, at + 1) if key == "]" else max(0, at - 1)
    return groups[start][1][0].label, groups[at][1][0].label


def test_story_keys_typed_ahead_in_tmux(isolated_dirs: Path) -> None:
    socket = f"briefreader-stories-{os.getpid()}"
    env = {
        "XDG_CONFIG_HOME": str(isolated_dirs / "config"),
        "XDG_DATA_HOME": str(isolated_dirs / "data"),
        "HOME": str(isolated_dirs),
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    python = shlex.quote(sys.executable)
    app = f"env -u COLUMNS -u LINES {exports} {python} -m tui {shlex.quote(str(ARTICLES))}"

    def tmux(*args: str) -> str:
        done = subprocess.run(["tmux", "-L", socket, *args], check=True, capture_output=True, text=True)
        return done.stdout

    start, end = expected_after("]][]")
    assert start != end
    tmux("new-session", "-d", "-s", "stories", "-x", "120", "-y", "40", "-c", str(Path.cwd()), app)
    try:
        def screen() -> str:
            return tmux("capture-pane", "-p", "-t", "stories")

        assert wait_for(lambda: "▾" in screen() and f"▔ {start} ▔" in screen()), screen()
        tmux("send-keys", "-t", "stories", "]", "]", "[", "]")
        assert wait_for(lambda: f"▔ {end} ▔" in screen()), screen()
        tmux("send-keys", "-t", "stories", "q")
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
