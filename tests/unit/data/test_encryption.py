"""No minute text in the bytes of the store or its WAL and shared-memory files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpc_desktop.data import audit, repository
from tests.helpers.records import CANARY, small_record
from tests.helpers.stores import FIXED_NOW, new_store

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself


def _forms(text: str) -> list[bytes]:
    return [
        text.encode("utf-8"),
        text.encode("utf-16-le"),
        text.encode("utf-16-be"),
        text.lower().encode("utf-8"),
    ]


def test_canary_absent_from_db_wal_and_shm_while_open(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    try:
        context = audit.AuditContext("Alex Chair", "chair", "import", "conference", at=FIXED_NOW)
        with store.unit_of_work(context) as work:
            repository.insert_record(work.session, small_record(), "Alex Chair", FIXED_NOW)
        files = sorted(tmp_path.iterdir())
        assert {p.name for p in files} >= {"store.db", "store.db-wal", "store.db-shm"}
        assert (tmp_path / "store.db-wal").stat().st_size > 0  # the import is in the WAL
        for path in files:
            data = path.read_bytes()
            for form in _forms(CANARY) + _forms("Bethany"):
                assert form not in data, path.name
    finally:
        store.close()
    data = (tmp_path / "store.db").read_bytes()
    assert all(form not in data for form in _forms(CANARY))
