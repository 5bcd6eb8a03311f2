"""The audit seal kept outside the store: what it holds, when it is written, what it forgives."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from cpc_desktop.data import audit, seal
from cpc_desktop.data.store import open_store
from tests.helpers.stores import RAW_KEY, new_store, raw_sql

pytestmark = pytest.mark.sqlite_only


def _touch(store: object, action: str = "check") -> None:
    from cpc_desktop.data.store import Store

    assert isinstance(store, Store)
    with store.unit_of_work(audit.AuditContext("Alex Chair", "chair", action, "store")):
        pass


def _sealed(path: Path) -> dict[str, object]:
    return dict(json.loads(seal.seal_file(path).read_bytes()))


def test_a_new_store_is_sealed_from_its_first_event_for_this_user_alone(tmp_path: Path) -> None:
    with new_store(tmp_path) as store, store.reading() as session:
        head = seal.read_head(session.connection())
    record = _sealed(tmp_path / "store.db")
    assert record["count"] == 1 == head.count
    assert record["store"] == head.store_id == record["head"]
    assert set(record) == {"v", "store", "generation", "count", "head", "at", "mac"}
    assert RAW_KEY.raw is not None and RAW_KEY.raw.hex() not in json.dumps(record)
    mode = stat.S_IMODE(seal.seal_file(tmp_path / "store.db").stat().st_mode)
    assert mode == 0o600


def test_every_commit_moves_the_seal_on_and_a_read_only_store_does_not(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with new_store(tmp_path) as store:
        _touch(store)
        _touch(store)
        assert _sealed(path)["count"] == 3
        second = store.second_connection()  # the autosave's connection seals too
        try:
            _touch(second)
        finally:
            second.close()
        assert _sealed(path)["count"] == 4
        store.refuse_writes("found damaged")
        _touch(store)  # reads only: runs, and records nothing
        assert _sealed(path)["count"] == 4


def test_a_seal_that_cannot_be_written_does_not_undo_the_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.db"
    with new_store(tmp_path) as store:
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("a file where the seal folder should be")
        monkeypatch.setenv(seal.SEAL_DIR_ENV, str(blocked))
        store._sealer = seal.Sealer(path, RAW_KEY)  # reads the folder from the environment
        _touch(store)  # committed, though the seal could not follow
        with store.reading() as session:
            assert seal.read_head(session.connection()).count == 2
    assert blocked.read_text() == "a file where the seal folder should be"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_a_seal_behind_the_store_is_sound(tmp_path: Path) -> None:
    """A crash between the commit and the seal: the store's chain extends the seal's."""
    path = tmp_path / "store.db"
    with new_store(tmp_path) as store:
        _touch(store)
        behind = seal.seal_file(path).read_bytes()
        _touch(store)
        _touch(store)
    seal.seal_file(path).write_bytes(behind)
    reopened = open_store(path, RAW_KEY)
    try:
        assert reopened.damage is None
        assert reopened.seal_note is None
        _touch(reopened)
    finally:
        reopened.close()
    assert _sealed(path)["count"] == 5


def test_another_store_at_the_same_path_is_sealed_afresh(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    new_store(tmp_path).close()
    other = tmp_path / "other"
    other.mkdir()
    new_store(other).close()
    os.replace(other / "store.db", path)  # a different store, moved in by hand
    reopened = open_store(path, RAW_KEY)
    try:
        assert reopened.damage is None
        assert reopened.seal_note == (
            "store.db is not the store last sealed at this path on this machine; "
            "its audit log was sealed afresh"
        )
    finally:
        reopened.close()


def test_a_missing_trigger_at_open_makes_the_store_read_only(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    new_store(tmp_path).close()
    raw_sql(path, "DROP TRIGGER audit_event_no_update", "DROP TRIGGER minute_fts_insert")
    reopened = open_store(path, RAW_KEY)
    try:
        assert reopened.damage == (
            "store.db has lost its safeguard triggers audit_event_no_update, minute_fts_insert "
            "(removed outside CPC Desktop, so its audit log or issued minutes could be changed "
            "unseen); restore the latest backup"
        )
    finally:
        reopened.close()
