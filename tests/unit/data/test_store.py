"""Opening and creating stores: encryption, pragmas, and every kind of bad file.

Most of these are about the SQLite file itself (``sqlite_only``); the server's own
cases are in ``test_server_store.py``.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from cpc_desktop.data import errors, integrity
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.schema import HEAD_REVISION
from cpc_desktop.data.store import create_store, open_store, raw_connection_info
from tests.helpers.stores import (
    FIXED_NOW,
    RAW_KEY,
    digest_tree,
    new_store,
    raw_sql,
    store_location,
)

sqlite_only = pytest.mark.sqlite_only


@pytest.fixture
def closed_store(tmp_path: Path) -> Path:
    new_store(tmp_path).close()
    return store_location(tmp_path)  # type: ignore[return-value]  # on a server, its URL


@sqlite_only
def test_store_is_encrypted_and_configured(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        info = raw_connection_info(store)
        with store.reading() as session:
            pragma = session.connection().exec_driver_sql
            cache_size = pragma("PRAGMA cache_size").scalar()
            secure_delete = pragma("PRAGMA secure_delete").scalar()
    assert info["cipher_version"]
    assert info["journal_mode"] == "wal"
    assert info["synchronous"] == 2  # FULL
    assert info["foreign_keys"] == 1
    assert cache_size == -2000  # 2 MiB, not SQLCipher's 8
    assert secure_delete == 1
    data = (tmp_path / "store.db").read_bytes()
    assert not data.startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "store.db").execute("select * from sqlite_master").fetchall()


@sqlite_only
def test_real_passphrase_round_trip(tmp_path: Path) -> None:
    key = StoreKey.from_passphrase("Cafe\u0301 au lait, 'quoted' \"too\"")
    create_store(tmp_path / "p.db", key, owner="Chair", now=FIXED_NOW).close()
    # The same passphrase typed in composed form opens it (NFC on both sides).
    composed = StoreKey.from_passphrase("Café au lait, 'quoted' \"too\"")
    open_store(tmp_path / "p.db", composed).close()
    with pytest.raises(errors.WrongKeyOrDamaged):
        open_store(tmp_path / "p.db", StoreKey.from_passphrase("cafe au lait"))


def test_key_is_never_shown() -> None:
    assert "000102" not in repr(RAW_KEY)
    with pytest.raises(ValueError, match="NUL"):
        StoreKey.from_passphrase("a\x00b")
    with pytest.raises(ValueError, match="32 bytes"):
        StoreKey.from_raw(b"short")
    with pytest.raises(ValueError, match="exactly one"):
        StoreKey()


@sqlite_only
def test_open_never_creates(tmp_path: Path) -> None:
    with pytest.raises(errors.StoreNotFound, match="no store at"):
        open_store(tmp_path / "missing.db", RAW_KEY)
    assert os.listdir(tmp_path) == []


@sqlite_only
def test_create_refuses_existing_file(closed_store: Path) -> None:
    before = digest_tree(closed_store.parent)
    with pytest.raises(errors.StoreExists, match="will not overwrite"):
        create_store(closed_store, RAW_KEY, owner="X", now=FIXED_NOW)
    assert digest_tree(closed_store.parent) == before


@sqlite_only
def test_create_refuses_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(errors.StoreNotFound, match="does not exist"):
        create_store(tmp_path / "nope" / "s.db", RAW_KEY, owner="X", now=FIXED_NOW)


@sqlite_only
def test_create_refuses_leftover_wal(tmp_path: Path) -> None:
    (tmp_path / "s.db-wal").write_bytes(b"old")
    with pytest.raises(errors.StoreExists, match=r"s\.db-wal"):
        create_store(tmp_path / "s.db", RAW_KEY, owner="X", now=FIXED_NOW)
    assert sorted(os.listdir(tmp_path)) == ["s.db-wal"]


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def _plain_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("create table t(x)")
    con.commit()
    con.close()


BAD_FILES = {
    "empty": (lambda p: p.write_bytes(b""), errors.NotAStore, "is empty"),
    "random bytes": (
        lambda p: p.write_bytes(os.urandom(8192)),
        errors.WrongKeyOrDamaged,
        "passphrase is wrong",
    ),
    "plain sqlite": (_plain_sqlite, errors.NotAStore, "unencrypted SQLite"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@sqlite_only
def test_bad_files_are_refused_and_unchanged(tmp_path: Path, case: str) -> None:
    make, error, words = BAD_FILES[case]
    path = tmp_path / "bad.db"
    make(path)
    before = digest_tree(tmp_path)
    with pytest.raises(error, match=words):
        open_store(path, RAW_KEY)
    assert digest_tree(tmp_path) == before


@sqlite_only
@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda p: _flip(p, 100), "passphrase is wrong"),  # first page
        (lambda p: _flip(p, 4096 * 3 + 200), "damaged (page 4 fails its check)"),
        (lambda p: p.write_bytes(p.read_bytes()[: 4096 * 2]), "damaged"),  # at a page
        (lambda p: p.write_bytes(p.read_bytes()[: 4096 * 2 + 1000]), "damaged"),
    ],
    ids=["flip-page-1", "flip-later-page", "truncated-at-page", "truncated-mid-page"],
)
def test_damaged_store_is_reported_and_unchanged(closed_store: Path, damage, words) -> None:
    damage(closed_store)
    before = digest_tree(closed_store.parent)
    try:
        store = open_store(closed_store, RAW_KEY)
    except errors.StoreError as error:
        message = error.message
    else:
        # Damage past the first page shows when the pages are read: check reads them all.
        try:
            report = integrity.check(store)
            assert not report.sound
            message = report.problems[0]
        except errors.StoreError as error:
            message = error.message
        finally:
            store.close()
    assert words in message
    assert "\n" not in message
    assert digest_tree(closed_store.parent) == before


@sqlite_only
def test_wrong_key_leaves_no_trace(closed_store: Path) -> None:
    before = digest_tree(closed_store.parent)
    with pytest.raises(errors.WrongKeyOrDamaged):
        open_store(closed_store, StoreKey.from_raw(b"\x01" * 32))
    assert digest_tree(closed_store.parent) == before


@sqlite_only
def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(errors.StoreIsDirectory, match="is a folder"):
        open_store(tmp_path, RAW_KEY)


@sqlite_only
def test_read_only_file_is_refused(closed_store: Path) -> None:
    closed_store.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = digest_tree(closed_store.parent)
    try:
        with pytest.raises(errors.StoreReadOnly, match="read-only"):
            open_store(closed_store, RAW_KEY)
    finally:
        closed_store.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert digest_tree(closed_store.parent) == before


@sqlite_only
def test_second_instance_is_refused(closed_store: Path) -> None:
    with (
        open_store(closed_store, RAW_KEY),
        pytest.raises(errors.StoreLocked, match="already open"),
    ):
        open_store(closed_store, RAW_KEY)
    open_store(closed_store, RAW_KEY).close()  # the lock went with the first


def test_store_newer_than_app_is_refused(tmp_path: Path, closed_store: Path) -> None:
    raw_sql(closed_store, "UPDATE alembic_version SET version_num = '9999'")
    before = digest_tree(tmp_path)
    with pytest.raises(errors.StoreTooNew, match="newer version"):
        open_store(closed_store, RAW_KEY)
    assert digest_tree(tmp_path) == before
    raw_sql(closed_store, f"UPDATE alembic_version SET version_num = '{HEAD_REVISION}'")
    open_store(closed_store, RAW_KEY).close()  # left as it was


def test_foreign_database_with_right_key_is_not_a_store(tmp_path: Path) -> None:
    location = store_location(tmp_path, "other.db")
    raw_sql(location, "create table notes(x integer)")
    with pytest.raises(errors.NotAStore, match="not a CPC Desktop store"):
        open_store(location, RAW_KEY)


class _DriverError(Exception):
    def __init__(self, name: str) -> None:
        super().__init__("disk I/O error")
        self.sqlite_errorname = name


@pytest.mark.parametrize("name", ["SQLITE_IOERR_WRITE", "SQLITE_CANTOPEN", "SQLITE_IOERR"])
def test_an_open_that_finds_the_disk_full_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Issue 17, point 9: SQLite reports no room for the -wal or -shm at open as an I/O
    error; with (almost) no free space in the folder the message says the disk is full."""
    from types import SimpleNamespace

    from cpc_desktop.data import store as store_module

    path = tmp_path / "store.db"
    roomy = store_module.translate_error(_DriverError(name), path)
    assert str(roomy) == "cannot read or write store.db (check the file and its folder)"
    monkeypatch.setattr(
        store_module.os, "statvfs", lambda _: SimpleNamespace(f_bavail=3, f_frsize=4096)
    )
    full = store_module.translate_error(_DriverError(name), path)
    assert str(full).startswith("the disk holding store.db is full; free some space")
    assert isinstance(full, errors.StoreError)
    permission = store_module.translate_error(_DriverError("SQLITE_PERM"), path)
    assert str(permission).startswith("cannot read or write store.db")
