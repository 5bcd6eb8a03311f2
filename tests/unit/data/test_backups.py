"""Backups beside a store before risky work, and restoring one over a closed store."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cpc_desktop.data import audit, integrity, repository
from cpc_desktop.data.backups import backup_store, restore_backup
from cpc_desktop.data.errors import StoreLocked, WrongKeyOrDamaged
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import Store, open_store, sidecars
from tests.helpers.records import small_record
from tests.helpers.stores import FIXED_NOW, RAW_KEY, new_store

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself

NOW = datetime(2026, 11, 21, 8, 15, 30, tzinfo=UTC)


def _context() -> audit.AuditContext:
    return audit.AuditContext("Alex Chair", "chair", "import", "conference", at=FIXED_NOW)


def _venue(store: Store) -> str:
    with store.reading() as session:
        record = repository.load_record(session, small_record().conference.id)
    assert record is not None
    return record.conference.venue


def _set_venue(store: Store, venue: str) -> None:
    record = small_record()
    merged = replace(record, conference=replace(record.conference, venue=venue))
    with store.unit_of_work(_context()) as work:
        repository.sync_record(work.session, merged, "Alex Chair", NOW)


def _with_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A closed store whose venue changed after its backup was taken."""
    with new_store(tmp_path) as store:
        with store.unit_of_work(_context()) as work:
            repository.insert_record(work.session, small_record(), "Alex Chair", FIXED_NOW)
        _set_venue(store, "Town Hall")
        backup = backup_store(store, "import", NOW)
        _set_venue(store, "Online")
    return store.path, backup


def test_a_backup_is_an_encrypted_copy_with_a_unique_name(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        first = backup_store(store, "import", NOW)
        second = backup_store(store, "import", NOW)
    assert first.name == "store.db.before-import-20261121T081530Z.bak"
    assert second.name == "store.db.before-import-20261121T081530Z-2.bak"
    assert not first.read_bytes().startswith(b"SQLite format 3")
    assert not list(tmp_path.glob("*.partial"))
    with open_store(first, RAW_KEY) as copy, copy.engine.connect() as conn:
        users = conn.exec_driver_sql("select name from app_user").fetchall()
    assert users == [("Alex Chair",)]


@pytest.mark.parametrize("reason", ["", "Import", "../x", "a b", "x" * 41])
def test_a_backup_reason_is_a_short_slug(tmp_path: Path, reason: str) -> None:
    with new_store(tmp_path) as store, pytest.raises(ValueError, match="reason"):
        backup_store(store, reason, NOW)


def test_restore_brings_back_the_earlier_content(tmp_path: Path) -> None:
    path, backup = _with_backup(tmp_path)
    restore_backup(path, backup, RAW_KEY)
    assert backup.exists()  # kept (checking it opens it, so its header may change)
    assert not list(tmp_path.glob("*.partial"))
    assert not [s for s in sidecars(path) if s.exists()]
    with open_store(path, RAW_KEY) as store:
        assert _venue(store) == "Town Hall"
        assert integrity.check(store).sound
    with open_store(backup, RAW_KEY) as copy:
        assert _venue(copy) == "Town Hall"


def test_restore_refuses_an_open_store(tmp_path: Path) -> None:
    path, backup = _with_backup(tmp_path)
    with open_store(path, RAW_KEY) as store:
        before = path.read_bytes()
        with pytest.raises(StoreLocked, match=r"cannot restore store\.db while it is open"):
            restore_backup(path, backup, RAW_KEY)
        assert path.read_bytes() == before
        assert _venue(store) == "Online"
    assert not list(tmp_path.glob("*.partial"))


def test_restore_refuses_a_backup_it_cannot_open(tmp_path: Path) -> None:
    path, backup = _with_backup(tmp_path)
    before = path.read_bytes()
    with pytest.raises(WrongKeyOrDamaged, match="passphrase is wrong"):
        restore_backup(path, backup, StoreKey.from_raw(bytes(32)))
    assert path.read_bytes() == before
    with open_store(path, RAW_KEY) as store:
        assert _venue(store) == "Online"
