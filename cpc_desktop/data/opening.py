"""Opening a store file with the driver alone: the checks before touching it, the
connection with its pragmas, and a driver error in one line for the user.

No SQLAlchemy here: :mod:`cpc_desktop.data.store` opens stores through it, and so does
the command line's quick listing (:mod:`cpc_desktop.data.quick_list`).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from cpc_desktop.data.errors import (
    NotAStore,
    StoreDamaged,
    StoreError,
    StoreIsDirectory,
    StoreLocked,
    StoreNotFound,
    StoreReadOnly,
    WrongKeyOrDamaged,
)
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.probe import keyed_connection

SQLITE_HEADER = b"SQLite format 3\x00"
_PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=FULL",
    "foreign_keys=ON",
    "temp_store=MEMORY",
    "secure_delete=ON",
    # SQLite's own default page cache, 2 MiB (SQLCipher raises it to 8): the cost
    # shows in peak memory, and the search budget holds with the smaller one.
    "cache_size=-2000",
)


def connect(path: Path, key: StoreKey, *, create: bool) -> sqlcipher.Connection:
    con = keyed_connection(path, key, "mode=" + ("rwc" if create else "rw"))
    try:
        # A wrong key only shows on the first read.
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in _PRAGMAS:
            con.execute("PRAGMA " + pragma).fetchall()
        if sys.platform == "darwin":  # pragma: no cover - macOS only
            con.execute("PRAGMA fullfsync=ON")
    except BaseException:
        con.close()
        raise
    return con


def _errorname(error: BaseException) -> str:
    orig = getattr(error, "orig", None) or error
    return str(getattr(orig, "sqlite_errorname", ""))


#: Less free space than this beside a store that failed to open or write means the disk
#: is full: opening alone needs room for the -shm (32 KiB) and the first -wal frames.
FULL_BELOW = 1024 * 1024


def _disk_full(path: Path) -> bool:
    try:
        space = os.statvfs(path.parent)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return False
    return space.f_bavail * space.f_frsize < FULL_BELOW


def translate_error(error: BaseException, path: Path) -> StoreError:
    """Map a driver error to one line for the user (never the driver's text)."""
    name = _errorname(error)
    shown = path.name
    if name == "SQLITE_NOTADB":
        return WrongKeyOrDamaged(
            f"cannot open {shown}: the passphrase is wrong, "
            "or the file is damaged or not a CPC Desktop store"
        )
    if name.startswith("SQLITE_CORRUPT"):
        return StoreDamaged(f"{shown} is damaged; restore it from a backup")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreLocked(f"{shown} is in use by another program; close it there first")
    if name.startswith("SQLITE_READONLY"):
        return StoreReadOnly(f"{shown} cannot be written; CPC Desktop needs write access")
    if name.startswith("SQLITE_CONSTRAINT"):
        return StoreError(
            f"the change clashes with what {shown} holds (a duplicate or a missing "
            "reference); nothing was saved"
        )
    if name.startswith("SQLITE_FULL"):
        return StoreError(f"the disk holding {shown} is full; nothing was saved")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")) and _disk_full(path):
        # SQLite reports a write that found no space while opening (its -wal or -shm) as
        # an I/O error, not SQLITE_FULL; the folder's free space tells the two apart.
        return StoreError(
            f"the disk holding {shown} is full; free some space and try again (nothing was saved)"
        )
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR")):
        return StoreError(f"cannot read or write {shown} (check the file and its folder)")
    return StoreError(f"cannot use {shown}: the store reported an unexpected error ({name})")


def _is_read_only(path: Path) -> bool:
    mode = path.stat().st_mode
    no_write_bits = not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    return no_write_bits or not os.access(path, os.W_OK)


def check_can_open(path: Path) -> None:
    """Refuse, before touching the file, anything that cannot be a store we may open."""
    if not path.exists():
        raise StoreNotFound(f"no store at {path} (use 'demo' or 'import' to create one)")
    if path.is_dir():
        raise StoreIsDirectory(f"{path} is a folder, not a store file")
    if not os.access(path, os.R_OK):
        raise StoreReadOnly(f"{path.name} cannot be read (check its permissions)")
    if _is_read_only(path) or not os.access(path.parent, os.W_OK):
        raise StoreReadOnly(f"{path.name} is read-only; CPC Desktop needs to write to it")
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if not head:
        raise NotAStore(f"{path.name} is empty: it is not a CPC Desktop store")
    if head == SQLITE_HEADER:
        raise NotAStore(f"{path.name} is an unencrypted SQLite file, not a CPC Desktop store")
