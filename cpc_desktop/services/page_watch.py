"""The page check of a large store, run once in the background after it opens.

Stores up to :data:`~cpc_desktop.data.probe.VERIFY_AT_OPEN_BYTES` have every page checked
before they open. A larger one would hold up the unlock (about 10 ms a MiB), so it is
checked here on a worker thread while the chair works (security design D5). If a page
fails, the store turns read-only at once (:meth:`Store.refuse_writes`) and the caller is
told, on the worker thread, in one line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from cpc_desktop.data import probe
from cpc_desktop.data.page_check import damage_in
from cpc_desktop.data.store import Store


def needs_watching(store: Store) -> bool:
    """A file too large to have been page-checked when it opened."""
    path = store.path
    if path is None or store.key is None:
        return False  # on a server the pages are the server's to check
    try:
        return path.stat().st_size > probe.VERIFY_AT_OPEN_BYTES
    except OSError:
        return False


def watch_pages(store: Store, on_damage: Callable[[str], None]) -> threading.Thread | None:
    """Start checking every page of ``store`` if it needs it; the thread, or ``None``.

    ``on_damage(message)`` is called on the worker thread, after the store has been made
    read-only, only if damage is found. The thread is a daemon: closing the application
    does not wait for a check of a large file to end.
    """
    if not needs_watching(store):
        return None
    path, key = store.path, store.key
    assert path is not None and key is not None

    def check() -> None:
        found = damage_in(path, key)
        if found is not None:
            store.refuse_writes(found)
            on_damage(found)

    thread = threading.Thread(target=check, name="page-check", daemon=True)
    thread.start()
    return thread
