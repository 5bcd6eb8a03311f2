"""A store whose pages are still being checked writes nothing, and loses no audit event."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data import audit
from cpc_desktop.data.errors import StoreChecking
from cpc_desktop.data.models import AuditEvent
from cpc_desktop.data.store import Store, open_store
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.roles import Actor
from tests.helpers.records import small_record, uid
from tests.helpers.stores import RAW_KEY, TickingClock, new_store

pytestmark = pytest.mark.sqlite_only

CHAIR = Actor("Alex Chair", UserRole.CHAIR)
REF = "CPC-2026-0042"


def _actions(store: Store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.seq)))


def test_held_writes_are_refused_and_reads_recorded_after_the_check(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        conferences = ConferenceService(store, CHAIR, TickingClock())
        conferences.import_record(small_record())
        before = _actions(store)
        main_file = (tmp_path / "store.db").read_bytes()
        store.hold_writes(lambda: 42)
        assert store.checking and store.check_percent() == 42
        entries = MinuteEntryService(store, CHAIR, TickingClock())
        with pytest.raises(StoreChecking) as refused:
            entries.add_entry(REF, uid("item"), "Typed while the pages are checked.")
        assert refused.value.message == (
            "nothing was saved yet: CPC Desktop is still checking store.db for damage "
            "(42 % done); try again in a moment"
        )
        conferences.get(REF)
        side = store.second_connection()  # the autosave writer's connection is held too
        try:
            with pytest.raises(StoreChecking):
                MinuteEntryService(side, CHAIR, TickingClock()).save_text(uid("m1"), "x")
        finally:
            side.close()
        assert _actions(store) == before
        assert (tmp_path / "store.db").read_bytes() == main_file

        store.pages_checked(None)
        assert not store.checking and store.check_percent() == 100
        entries.add_entry(REF, uid("item"), "Typed after the check.")
        assert _actions(store)[len(before) :] == ["view", "write_minutes"]


def test_held_back_events_survive_a_failed_unit_of_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with new_store(tmp_path) as store:
        conferences = ConferenceService(store, CHAIR, TickingClock())
        conferences.import_record(small_record())
        before = _actions(store)
        store.hold_writes()
        conferences.get(REF)
        store.pages_checked(None)
        real = audit.record

        def fail(*args: object) -> None:  # after the held-back events were written
            raise RuntimeError("the unit of work fails at its own event")

        monkeypatch.setattr(audit, "record", fail)
        entries = MinuteEntryService(store, CHAIR, TickingClock())
        with pytest.raises(RuntimeError):
            entries.add_entry(REF, uid("item"), "Not saved.")
        assert _actions(store) == before  # rolled back with it, but kept
        monkeypatch.setattr(audit, "record", real)
        entries.add_entry(REF, uid("item"), "Typed after the failure.")
        assert _actions(store)[len(before) :] == ["view", "write_minutes"]


def test_damage_found_drops_the_held_back_events(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        conferences = ConferenceService(store, CHAIR, TickingClock())
        conferences.import_record(small_record())
        before = _actions(store)
        store.hold_writes()
        conferences.get(REF)
        store.pages_checked("store.db is damaged (page 6 fails its check)")
        assert store.damage is not None and not store.checking
        conferences.get(REF)
    with open_store(tmp_path / "store.db", RAW_KEY) as reopened:
        assert _actions(reopened) == before
