"""One row of a long list redrawn alone: its new text shows, and a taller row moves the rows below."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tests.app_helpers import sync
from tui.widgets.row_list import RowList


class Rows(App[None]):
    def compose(self) -> ComposeResult:
        yield RowList(*[f"row {number}" for number in range(2000)], markup=False)


def shown(app: Rows) -> list[str]:
    rows = app.query_one(RowList)
    return [rows.render_line(y).text.strip() for y in range(4)]


@sync
async def test_a_replaced_row_shows_its_new_text_and_the_rest_stay() -> None:
    app = Rows()
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.query_one(RowList)
        await pilot.pause()
        assert shown(app)[:3] == ["row 0", "row 1", "row 2"]
        rows.replace_row(1, "row one, tagged")
        await pilot.pause()
        assert shown(app)[:3] == ["row 0", "row one, tagged", "row 2"]
        assert rows.virtual_size.height == 2000


@sync
async def test_a_row_that_grows_moves_the_rows_below_it() -> None:
    app = Rows()
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.query_one(RowList)
        await pilot.pause()
        rows.replace_row(1, "row one\nand a second line")
        await pilot.pause()
        assert shown(app) == ["row 0", "row one", "and a second line", "row 2"]
        assert rows.virtual_size.height == 2001


@sync
async def test_rows_are_drawn_right_after_the_list_hides_shows_and_narrows() -> None:
    app = Rows()
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.query_one(RowList)
        rows.replace_row(0, "wraps at twenty columns, here")
        await pilot.pause()
        assert rows.virtual_size.height == 2000
        rows.display = False
        await pilot.pause()
        rows.display = True
        await pilot.pause()
        assert shown(app)[:2] == ["wraps at twenty columns, here", "row 1"]
        await pilot.resize_terminal(20, 10)
        await pilot.pause()
        assert rows.virtual_size.height > 2000
        assert shown(app)[0] == "wraps at"
