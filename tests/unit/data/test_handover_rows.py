"""The hand-over log: packages recorded per direction, and the latest agreed base."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from cpc_desktop.data import audit, integrity, repository
from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.handover import agreed_base, handover_seen, record_handover
from cpc_desktop.data.store import Store
from tests.helpers.records import small_record, uid
from tests.helpers.stores import FIXED_NOW, new_store

T1 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
T2 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
CONF = uid("conf")


def _context() -> audit.AuditContext:
    return audit.AuditContext("Alex Chair", "chair", "handover", "conference", at=FIXED_NOW)


def _stored(tmp_path: Path) -> Store:
    store = new_store(tmp_path)
    with store.unit_of_work(_context()) as work:
        repository.insert_record(work.session, small_record(), "Alex Chair", FIXED_NOW)
    return store


def _record(store: Store, package: str, direction: str, base: str, now: datetime) -> None:
    with store.unit_of_work(_context()) as work:
        record_handover(
            work.session,
            conference_id=CONF,
            package_id=package,
            direction=direction,
            peer="Min Taker",
            base_document=base,
            who="Alex Chair",
            now=now,
        )


def test_the_latest_handover_gives_the_agreed_base(tmp_path: Path) -> None:
    with _stored(tmp_path) as store:
        with store.reading() as session:
            assert agreed_base(session, CONF) is None
        _record(store, uid("p2"), "imported", '{"v":2}', T2)
        _record(store, uid("p1"), "exported", '{"v":1}', T1)  # recorded later, but earlier
        with store.reading() as session:
            assert agreed_base(session, CONF) == '{"v":2}'
            assert agreed_base(session, uid("other")) is None
        assert integrity.check(store).sound


def test_a_package_is_seen_once_per_direction(tmp_path: Path) -> None:
    with _stored(tmp_path) as store:
        _record(store, uid("p1"), "exported", "{}", T1)
        with store.reading() as session:
            assert handover_seen(session, uid("p1"), "exported") == T1
            assert handover_seen(session, uid("p1"), "imported") is None
            assert handover_seen(session, uid("p9"), "exported") is None
        _record(store, uid("p1"), "imported", "{}", T2)  # the same package coming back
        with store.reading() as session:
            assert handover_seen(session, uid("p1"), "imported") == T2
        with pytest.raises(StoreError, match="clashes"):
            _record(store, uid("p1"), "imported", "{}", T2)


def test_a_direction_must_be_exported_or_imported(tmp_path: Path) -> None:
    with _stored(tmp_path) as store, pytest.raises(ValueError, match="direction"):
        _record(store, uid("p1"), "sent", "{}", T1)
