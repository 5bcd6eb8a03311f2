"""The background page check of a large store (security design D5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpc_desktop.data import probe
from cpc_desktop.data.store import open_store
from cpc_desktop.services.page_watch import watch_pages
from tests.helpers.stores import RAW_KEY, new_store

pytestmark = pytest.mark.sqlite_only


def _closed_store(tmp_path: Path, *, damaged: bool = False) -> Path:
    with new_store(tmp_path) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE padding (x)")
        conn.exec_driver_sql("INSERT INTO padding VALUES (zeroblob(20000))")
    path = tmp_path / "store.db"
    if damaged:
        data = bytearray(path.read_bytes())
        data[-99] ^= 0x01
        path.write_bytes(bytes(data))
    return path


def test_a_store_checked_at_open_needs_no_watching(tmp_path: Path) -> None:
    with open_store(_closed_store(tmp_path), RAW_KEY, check_later=True) as store:
        assert not store.checking  # small: checked before it opened
        assert watch_pages(store) is None
    with new_store(tmp_path, "other.db") as store:  # made here: nothing to check
        assert watch_pages(store) is None


def test_a_large_sound_store_is_checked_and_becomes_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)
    heard: list[str | None] = []
    with open_store(_closed_store(tmp_path), RAW_KEY, check_later=True) as store:
        assert store.checking
        watch = watch_pages(store)
        assert watch is not None and watch.thread.daemon
        watch.listen(heard.append)
        watch.thread.join(timeout=30)
        assert not watch.thread.is_alive()
        assert not store.checking and store.damage is None
        assert store.check_percent() == 100
        late: list[str | None] = []
        watch.listen(late.append)  # after the end: told at once
    assert heard == [None] and late == [None]


def test_a_large_damaged_store_turns_read_only_before_the_caller_hears(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)
    heard: list[tuple[str | None, str | None, bool]] = []
    path = _closed_store(tmp_path, damaged=True)
    with open_store(path, RAW_KEY, check_later=True) as store:
        watch = watch_pages(store)
        assert watch is not None
        watch.listen(lambda message: heard.append((message, store.damage, store.checking)))
        watch.thread.join(timeout=30)
    ((message, damage_then, checking_then),) = heard
    assert message == damage_then and not checking_then
    assert message is not None and message.startswith("store.db is damaged (page ")
