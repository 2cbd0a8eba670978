"""Opening the annotation store in a thread: the reader answers keys meanwhile, and tag keys wait.

Reading a big store takes a few hundred milliseconds; on the UI thread every key would wait that
long. The worker only opens and posts `StoreOpened`; the app hands the store to the screen, or
shows the dialog that offers to set an unreadable store aside.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from annotations.config import data_path
from annotations.store.storage import StoreError
from annotations.store.store import Store, open_store
from tui.messages import StoreOpened
from tui.screens.store_problem import StoreProblem


class StoreOpener:
    """Opens the store at `path` (default: the user data folder) off the UI thread, and again after a fix.

    `opened` gets the store, or None when the analyst chose to quit rather than set a bad file aside.
    A store whose opening ends after the app has closes again at once: its lock is never left held.
    """

    def __init__(self, app: App[Any], path: Path | None, opened: Callable[[Store | None], None]) -> None:
        self.app = app
        self.target = path or data_path()
        self.opened = opened
        self._guard = threading.Lock()
        self._ended = False
        self._pending: Store | None = None
        """Opened in the worker and not yet taken by the app (closed by `end` if it never is)."""

    def start(self) -> None:
        self.app.run_worker(self._open, thread=True, group="store", description="opening the store")

    def _open(self) -> None:
        """In the worker: open, keep the store for the app (or close it if the app ended), then say so."""
        try:
            store = open_store(self.target)
        except StoreError as error:
            self.app.post_message(StoreOpened(None, error))
            return
        with self._guard:
            if self._ended:
                store.close()
                return
            self._pending = store
        self.app.post_message(StoreOpened(store, None))

    def arrived(self, message: StoreOpened) -> None:
        """On the UI thread: hand the store over, or ask what to do with a store that cannot be read."""
        if message.error is not None:
            self.app.push_screen(StoreProblem(message.error, self.target), self._answered)
            return
        with self._guard:
            store, self._pending = self._pending, None
        if store is not None:
            self.opened(store)

    def _answered(self, fresh: bool | None) -> None:
        if fresh:
            self.start()
        else:
            self.opened(None)

    def end(self) -> None:
        """The app is closing: a store still on its way is closed, now or as soon as it is open."""
        with self._guard:
            self._ended = True
            store, self._pending = self._pending, None
        if store is not None:
            store.close()
