"""Pictures of the key screens on the bundled seeds (regenerate with --snapshot-update)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from annotations.config import Config
from tui.app import BriefReaderApp

SIZE = (100, 30)


async def analysed(pilot: Pilot[Any]) -> None:
    """Wait for loading and analysis, so the highlights are in the picture."""
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await analysed(pilot)
        await pilot.press(*pressed)
        await analysed(pilot)

    return run_before


@pytest.mark.parametrize(
    ("pressed", "size"),
    [
        pytest.param((), SIZE, id="main"),
        pytest.param((), (80, 24), id="main_80x24"),
        pytest.param(("j", "j", "j", "s"), SIZE, id="side_panel"),
        pytest.param(("j", "j", "j", "s"), (120, 40), id="side_panel_120x40"),
        pytest.param(("o",), SIZE, id="overview"),
        pytest.param(("question_mark",), SIZE, id="help"),
    ],
)
def test_screen(snap_compare: Any, pressed: tuple[str, ...], size: tuple[int, int]) -> None:
    assert snap_compare(BriefReaderApp(config=Config()), terminal_size=size, run_before=keys(*pressed))
