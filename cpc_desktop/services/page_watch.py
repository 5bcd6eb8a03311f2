"""The page check of a large store, run once in the background after it opens.

The command line checks every page of a store before it writes anything. The
application checks a store up to :data:`~cpc_desktop.data.probe.VERIFY_AT_OPEN_BYTES`
the same way when it unlocks; a larger one would hold up the unlock (about 10 ms a MiB),
so it opens with its writes held (:meth:`Store.hold_writes`) and is checked here, on a
worker thread, while the chair reads (security design D5). When the check passes,
writes resume (the minutes typed meanwhile are kept by their panes and saved on the next
try); if a page fails, the store turns read-only for good (:meth:`Store.refuse_writes`)
and the listeners are told, on the worker thread, in one line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from cpc_desktop.data.page_check import PageCheck
from cpc_desktop.data.store import Store

Listener = Callable[[str | None], None]


class PageWatch:
    """One background check of one store's pages, and who wants to hear how it ended."""

    def __init__(self, store: Store) -> None:
        path, key = store.path, store.key
        assert path is not None and key is not None
        self._store = store
        self._check = PageCheck(path, key)
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self._ended = False
        self._found: str | None = None
        store.hold_writes(self._check.percent)
        self.thread = threading.Thread(target=self._run, name="page-check", daemon=True)

    def start(self) -> PageWatch:
        self.thread.start()
        return self

    def percent(self) -> int | None:
        return self._check.percent()

    def listen(self, listener: Listener) -> None:
        """Call ``listener(damage)`` once the check ends (``None``: every page is sound).

        Called on the worker thread, after the store has been made writable or read-only;
        at once, on this thread, if the check has already ended.
        """
        with self._lock:
            if not self._ended:
                self._listeners.append(listener)
                return
            found = self._found
        listener(found)

    def _run(self) -> None:
        found: str | None = "the store's pages could not be checked"
        try:
            found = self._check.run()
        finally:
            self._store.pages_checked(found)
            with self._lock:
                self._ended = True
                self._found = found
                listeners, self._listeners = self._listeners, []
            for listener in listeners:
                listener(found)


def watch_pages(store: Store) -> PageWatch | None:
    """Start checking every page of ``store`` if it opened with its writes held."""
    if not store.checking or store.path is None or store.key is None:
        return None
    return PageWatch(store).start()
