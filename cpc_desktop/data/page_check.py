"""Every page of an open store checked on a read-only connection of its own.

A store larger than :data:`~cpc_desktop.data.probe.VERIFY_AT_OPEN_BYTES` is not
page-checked when it opens (about 10 ms a MiB would hold up the unlock); the application
checks it here, on a worker thread, while the chair works (security design D5). The
connection is read-only and keyed separately, so it neither blocks nor changes the
store's own connection, and it leaves the ``-wal`` and ``-shm`` to that connection.
"""

from __future__ import annotations

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
