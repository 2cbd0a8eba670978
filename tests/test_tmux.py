"""The reader in a real terminal: it starts, shows the first article, tags a passage and quits cleanly."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.store.store import open_store

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

FIRST_TITLE = "U.S. Secretary of State"
TIMEOUT = 20.0


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_for(condition, timeout: float = TIMEOUT) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_briefreader_runs_in_tmux_and_quits_with_q(tmp_path: Path, isolated_dirs: Path) -> None:
    session = f"briefreader-test-{os.getpid()}"
    code_file = tmp_path / "exit-code"
    env = {
        "XDG_CONFIG_HOME": str(isolated_dirs / "config"),
        "XDG_DATA_HOME": str(isolated_dirs / "data"),
        "HOME": str(isolated_dirs),
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    # COLUMNS/LINES from the test run would override the pane's real size.
    app = f"env -u COLUMNS -u LINES {exports} {shlex.quote(sys.executable)} -m tui"
    command = f"{app}; echo $? > {shlex.quote(str(code_file))}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", str(Path.cwd()), command)
    try:
        def screen() -> str:
            return tmux("capture-pane", "-p", "-t", session)

        assert wait_for(lambda: FIRST_TITLE in screen()), screen()
        assert wait_for(lambda: "also in" in screen()), screen()
        tmux("send-keys", "-t", session, "j")
        assert wait_for(lambda: "¶2 of 17" in screen()), screen()
        tmux("send-keys", "-t", session, "1")
        assert wait_for(lambda: " key-fact " in screen()), screen()
        for key in ("j", "s", "n", "o"):
            tmux("send-keys", "-t", session, key)
            time.sleep(0.2)
        assert wait_for(lambda: "new" in screen() and "Overview" in screen()), screen()
        tmux("send-keys", "-t", session, "Escape")
        assert wait_for(lambda: "Overview" not in screen()), screen()
        tmux("send-keys", "-t", session, "q")
        assert wait_for(code_file.exists), screen()
        assert wait_for(lambda: code_file.read_text().strip() != "")
        assert code_file.read_text().strip() == "0"
        store = open_store(isolated_dirs / "data" / "briefreader" / "annotations.json", read_only=True)
        try:
            assert [(a.target.passage, a.tag) for a in store.all()] == [(1, "key-fact")]
        finally:
            store.close()
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
