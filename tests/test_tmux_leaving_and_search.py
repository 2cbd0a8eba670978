"""In a real terminal: search steps (ctrl+g, F3, ctrl+shift+g), typed ahead too; q quits the reader only."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tmux_helpers import wait_for

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

def test_search_steps_and_q_only_quits_the_reader(tmp_path: Path, isolated_dirs: Path) -> None:
    socket = f"briefreader-dialogs-{os.getpid()}"
    session = "reader"
    code_file = tmp_path / "exit-code"

    def tmux(*args: str) -> str:
        done = subprocess.run(["tmux", "-L", socket, *args], check=True, capture_output=True, text=True)
        return done.stdout

    env = {
        "XDG_CONFIG_HOME": str(isolated_dirs / "config"),
        "XDG_DATA_HOME": str(isolated_dirs / "data"),
        "HOME": str(isolated_dirs),
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    app = f"env -u COLUMNS -u LINES {exports} {shlex.quote(sys.executable)} -m tui"
    command = f"{app}; echo $? > {shlex.quote(str(code_file))}"
    where = str(Path.cwd())
    tmux("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", where, command)
    try:
        def screen() -> str:
            return tmux("capture-pane", "-p", "-t", session)

        def keys(*pressed: str) -> None:
            tmux("send-keys", "-t", session, *pressed)

        assert wait_for(lambda: "also in" in screen()), screen()
        keys("/")
        assert wait_for(lambda: "Search all articles" in screen()), screen()
        keys(*"Blinken")
        assert wait_for(lambda: "passages · ctrl+g or f3" in screen()), screen()
        keys("Enter", "Enter", "C-g")  # typed ahead: the step acts on the jump the enters made
        assert wait_for(lambda: "Match 2 of" in screen()), screen()
        keys("F3")
        assert wait_for(lambda: "Match 3 of" in screen()), screen()
        # ctrl+shift+g as a terminal with the kitty keyboard protocol sends it (tmux has no name for it)
        tmux("send-keys", "-t", session, "-H", *(f"{byte:02x}" for byte in b"\x1b[103;6u"))
        assert wait_for(lambda: "Match 2 of" in screen() and "¶2 of 17" in screen()), screen()
        for opened, mark in (("o", "Overview"), ("?", "Leaving")):
            keys(opened)
            assert wait_for(lambda mark=mark: mark in screen()), screen()
            keys("q", "Escape")
            assert wait_for(lambda mark=mark: mark not in screen()), screen()
            assert not code_file.exists(), "q quit from a screen other than the reader"
        keys("q")
        assert wait_for(code_file.exists), screen()
        assert wait_for(lambda: code_file.read_text().strip() != "")
        assert code_file.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
