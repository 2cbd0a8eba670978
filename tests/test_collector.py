"""Full garbage collections wait for a pause in the keys, and automatic ones are back when the app ends."""

from __future__ import annotations

import gc

import pytest

from tui import collector
from tui.collector import IdleCollector


def test_a_full_collection_runs_only_once_the_keys_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    clock = [100.0]
    monkeypatch.setattr(collector.time, "monotonic", lambda: clock[0])
    full: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    idle = IdleCollector()
    idle.start()
    gc.callbacks.append(count)
    try:
        assert gc.get_threshold()[2] == collector.NEVER
        monkeypatch.setattr(collector.gc, "get_count", lambda: (0, 0, collector.WANTED))
        idle.key()
        clock[0] += collector.QUIET / 2
        idle.tick()
        assert full == []
        clock[0] += collector.QUIET
        idle.tick()
        assert full == [1]
    finally:
        gc.callbacks.remove(count)
        idle.close()
        gc.unfreeze()
    assert gc.get_threshold() == before
