"""The background page check of a large store (security design D5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpc_desktop.data import probe
from cpc_desktop.data.store import open_store
from cpc_desktop.services.page_watch import needs_watching, watch_pages
from tests.helpers.stores import ON_SERVER, RAW_KEY, new_store


def test_a_small_store_or_a_server_needs_no_watching(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        assert not needs_watching(store)
        assert watch_pages(store, lambda message: None) is None


@pytest.mark.sqlite_only
def test_a_large_sound_store_is_checked_and_stays_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)
    found: list[str] = []
    with new_store(tmp_path) as store:
        assert needs_watching(store) is not ON_SERVER
        thread = watch_pages(store, found.append)
        assert thread is not None and thread.daemon
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert store.damage is None
    assert found == []


@pytest.mark.sqlite_only
def test_a_large_damaged_store_turns_read_only_before_the_caller_hears(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)
    with new_store(tmp_path) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE padding (x)")
        conn.exec_driver_sql("INSERT INTO padding VALUES (zeroblob(20000))")
    data = bytearray((tmp_path / "store.db").read_bytes())
    data[-99] ^= 0x01
    (tmp_path / "store.db").write_bytes(bytes(data))
    heard: list[tuple[str, str | None]] = []
    with open_store(tmp_path / "store.db", RAW_KEY) as store:
        thread = watch_pages(store, lambda message: heard.append((message, store.damage)))
        assert thread is not None
        thread.join(timeout=30)
    ((message, damage_then),) = heard
    assert message == damage_then
    assert message.startswith("store.db is damaged (page ")
