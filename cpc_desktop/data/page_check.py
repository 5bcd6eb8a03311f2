"""Every page of an open store checked on a read-only connection of its own.

The application opens a store larger than :data:`~cpc_desktop.data.probe.VERIFY_AT_OPEN_BYTES`
without its page check (about 10 ms a MiB would hold up the unlock) and with its writes
held; it checks it here, on a worker thread, while the chair reads (security design D5).
The connection is read-only and keyed separately, so it neither blocks nor changes the
store's own connection, and it leaves the ``-wal`` and ``-shm`` to that connection.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.probe import damaged_pages, first_page, key_for_file, keyed_connection


def damage_in(path: Path, key: StoreKey) -> str | None:
    """What is wrong with the store at ``path``, in one line, or ``None`` if every page is sound.

    Blocking: several seconds for a large store (SQLite does not hold the GIL meanwhile).
    """
    try:
        con = keyed_connection(path, key_for_file(key, path), "mode=ro")
    except (OSError, sqlcipher.Error):
        return f"{path.name} can no longer be read; restore it from a backup"
    try:
        bad = damaged_pages(con)
    except sqlcipher.Error:
        return f"{path.name} is damaged (its pages cannot be read); restore it from a backup"
    finally:
        con.close()
    if bad:
        return f"{path.name} is damaged ({first_page(bad)}); restore it from a backup"
    return None


class PageCheck:
    """:func:`damage_in` run on one thread, with how far it has gone.

    SQLCipher's check reports nothing until it ends, so the progress is the bytes the
    checking thread has read (Linux counts them per thread in ``/proc``) against the
    file's size; elsewhere it is ``None`` (unknown).
    """

    def __init__(self, path: Path, key: StoreKey) -> None:
        self.path = path
        self.key = key
        self._size = max(1, path.stat().st_size)
        self._thread_id: int | None = None
        self._start = 0
        self._done = False

    def run(self) -> str | None:
        """Check every page, on the calling thread: :func:`damage_in`'s answer."""
        self._thread_id = threading.get_native_id()
        self._start = bytes_read(self._thread_id) or 0
        try:
            return damage_in(self.path, self.key)
        finally:
            self._done = True

    def percent(self) -> int | None:
        """0-99 while the check runs, 100 once it has ended; None when it cannot tell."""
        if self._done:
            return 100
        if self._thread_id is None:
            return 0
        now = bytes_read(self._thread_id)
        if now is None:
            return None
        return max(0, min(99, (now - self._start) * 100 // self._size))


def bytes_read(thread_id: int) -> int | None:
    """The bytes thread ``thread_id`` of this process has read so far (Linux), else None."""
    with (
        suppress(OSError, ValueError),
        open(f"/proc/self/task/{thread_id}/io", encoding="ascii") as stats,
    ):
        for line in stats:
            if line.startswith("rchar:"):
                return int(line.split()[1])
    return None
