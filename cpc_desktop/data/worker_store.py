"""A second connection to an open store, for one worker thread (the autosave writer).

The store's own engine holds a single SQLite connection (``StaticPool``) that the GUI
thread uses, and two threads must never use one connection at once. A worker gets a
connection of its own here: the same file, key and pragmas (WAL, ``synchronous=FULL``,
every transaction ``BEGIN IMMEDIATE``), so the two connections' writes serialise on
SQLite's write lock and each audit event reads the chain's head inside its own write
transaction. A server store gets an engine of its own (the server serialises writers).

The worker store holds no instance lock: it lives inside the open store's, and
:func:`when_closed` lets its owner close it before that lock is released.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy import event

from cpc_desktop.data.probe import key_for_file
from cpc_desktop.data.store import Store, _make_engine


def open_worker_store(store: Store) -> Store:
    """Another :class:`Store` on ``store``'s file (or server), with its own connection.

    For a passphrase the file's key is derived again (0.1-0.5 s of PBKDF2, which does
    not hold the GIL): call this on the worker thread. Close it with :meth:`Store.close`.
    """
    if store.path is None:
        from cpc_desktop.data import server

        assert store.url is not None
        return Store(path=None, engine=server.make_engine(store.url), key=None, url=store.url)
    assert store.key is not None
    engine = _make_engine(store.path, key_for_file(store.key, store.path), create=False)
    return Store(path=store.path, engine=engine, key=store.key)


def when_closed(store: Store, callback: Callable[[], None]) -> None:
    """Call ``callback`` when ``store`` closes: after its connection, before its lock goes."""

    def disposed(_engine: sa.Engine) -> None:
        callback()

    event.listen(store.engine, "engine_disposed", disposed)
