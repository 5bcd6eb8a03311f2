"""Encrypted copies of a store beside it, and putting one back.

A copy is keyed like the store, written under a ``.partial`` name and renamed into
place, so a crash leaves either no copy or a whole one. Restoring copies the backup
beside the (closed) store and renames it over the store, so a crash leaves either the
old store or the restored one. Migrations use the same copy (:mod:`.migrate`).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from cpc_desktop.data import seal
from cpc_desktop.data.errors import StoreError, StoreIsDirectory, StoreLocked, StoreNotFound
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.locking import InstanceLock
from cpc_desktop.data.store import Store, open_store, sidecars

_REASON = re.compile(r"[a-z0-9-]{1,40}")


def backup_name(path: Path, label: str, now: datetime) -> Path:
    """``<store>.before-<label>-<UTC stamp>.bak`` beside the store, made unique with -2, -3..."""
    stamp = (now.astimezone(UTC) if now.tzinfo else now).strftime("%Y%m%dT%H%M%SZ")
    stem = f"{path.name}.before-{label}-{stamp}"
    target = path.with_name(stem + ".bak")
    n = 1
    while target.exists() or target.is_symlink():
        n += 1
        target = path.with_name(f"{stem}-{n}.bak")
    return target


def write_copy(engine: sa.Engine, key: StoreKey, target: Path) -> Path:
    """Export the store behind ``engine`` to ``target``, encrypted with ``key``."""
    partial = target.with_name(target.name + ".partial")
    with suppress(FileNotFoundError):
        partial.unlink()  # left by a crash: exporting into it would mix two copies
    # Made empty first, readable by its owner alone as the store is (SQLite would make it
    # with the umask's permissions, usually readable by everyone on the machine).
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    with engine.connect() as conn:
        conn.exec_driver_sql("COMMIT") if conn.in_transaction() else None
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute(f"ATTACH DATABASE ? AS backup KEY {key.sql_literal()}", (str(partial),))
        try:
            raw.execute("SELECT sqlcipher_export('backup')")
        finally:
            raw.execute("DETACH DATABASE backup")
    _fsync(partial)  # whole on the disk before it takes the backup's name
    os.replace(partial, target)
    _fsync_dir(target.parent)
    return target


def backup_store(store: Store, reason: str, now: datetime) -> Path:
    """Write an encrypted copy of an open store beside it, e.g. before an import."""
    if not _REASON.fullmatch(reason):
        raise ValueError("a backup reason is 1-40 lower-case letters, digits or hyphens")
    if store.path is None or store.key is None:
        raise StoreError(
            "a store on a server is backed up by the server (pg_dump, point-in-time "
            "recovery), not with a copy beside a file"
        )
    return write_copy(store.engine, store.key, backup_name(store.path, reason, now))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":  # Windows cannot open a folder to sync it
        _fsync(folder)


def restore_backup(store_path: Path, backup: Path, key: StoreKey) -> None:
    """Replace a closed store with a backup of it; the backup itself is kept.

    The backup is first opened with ``key`` (raising the usual :class:`StoreError` if it
    is not a CPC Desktop store or the key is wrong). The store must not be open anywhere.
    """
    store_path, backup = Path(store_path), Path(backup)
    if not store_path.exists():
        raise StoreNotFound(f"no store at {store_path} to restore over")
    if store_path.is_dir():
        raise StoreIsDirectory(f"{store_path} is a folder, not a store file")
    if backup.exists() and backup.resolve() == store_path.resolve():
        raise StoreError(f"{backup.name} is the store itself, not a backup of it")
    opened = open_store(backup, key)  # opens, decrypts and checks it; leaves no -wal
    try:
        with opened.reading() as session:
            head = seal.read_head(session.connection())
        assert opened.sealer is not None
        sealer = opened.sealer.for_path(store_path)  # the same bytes: the same key
    finally:
        opened.close()
    if any(s.exists() for s in sidecars(backup)):
        raise StoreError(f"{backup.name} is still in use; close it and try again")
    try:
        lock = InstanceLock.acquire(store_path)
    except StoreLocked:
        raise StoreLocked(
            f"cannot restore {store_path.name} while it is open; "
            "close it in every CPC Desktop window first"
        ) from None
    partial = store_path.with_name(store_path.name + ".restore.partial")
    try:
        try:
            with backup.open("rb") as source, partial.open("wb") as copy:
                shutil.copyfileobj(source, copy)
                copy.flush()
                os.fsync(copy.fileno())
            os.chmod(partial, stat.S_IMODE(store_path.stat().st_mode))
        except OSError as error:
            raise StoreError(
                f"cannot restore {store_path.name}: writing beside it failed (check the disk "
                "and the folder); the store was left as it was"
            ) from error
        for sidecar in sidecars(store_path):  # the old store's journal must not meet the new
            with suppress(FileNotFoundError):
                sidecar.unlink()
        _fsync_dir(store_path.parent)
        os.replace(partial, store_path)
        _fsync_dir(store_path.parent)
        sealer.seal_head(head)  # put back on purpose: the seal now expects this copy
    except BaseException:
        with suppress(FileNotFoundError):
            partial.unlink()
        raise
    finally:
        lock.release()
