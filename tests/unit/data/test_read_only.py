"""A store found damaged while open turns read-only: it reads, and writes nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data.errors import StoreDamaged
from cpc_desktop.data.models import AuditEvent
from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.roles import Actor
from tests.helpers.records import small_record, uid
from tests.helpers.stores import ON_SERVER, TickingClock, new_store

CHAIR = Actor("Alex Chair", UserRole.CHAIR)
REF = "CPC-2026-0042"
DAMAGE = "store.db is damaged (page 6 fails its check); restore it from a backup"


def _events(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) or 0


def test_a_damaged_store_refuses_changes_but_still_reads(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        conferences = ConferenceService(store, CHAIR, TickingClock())
        conferences.import_record(small_record())
        entries = MinuteEntryService(store, CHAIR, TickingClock())
        minutes = conferences.get(REF).minutes
        assert store.damage is None
        events = _events(store)
        main_file = None if ON_SERVER else (tmp_path / "store.db").read_bytes()

        store.refuse_writes(DAMAGE)
        assert store.damage == DAMAGE
        refused = r"^nothing was saved: store\.db is damaged \(page 6"
        with pytest.raises(StoreDamaged, match=refused):
            conferences.import_record(small_record("CPC-2026-0043", salt="other"))
        with pytest.raises(StoreDamaged, match="nothing was saved"):
            entries.add_entry(REF, uid("item"), "A line typed after the damage was found.")
        record = conferences.get(REF)  # an audited read: it runs, and records nothing
        assert record.conference.reference == REF
        assert record.minutes == minutes
        assert _events(store) == events
        if main_file is not None:
            assert (tmp_path / "store.db").read_bytes() == main_file


def test_a_second_connection_shares_the_refusal(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        ConferenceService(store, CHAIR, TickingClock()).import_record(small_record())
        side = store.second_connection()
        try:
            entries = MinuteEntryService(side, CHAIR, TickingClock())
            entry = entries.add_entry(REF, uid("item"), "Saved before the damage was found.")
            store.refuse_writes(DAMAGE)
            assert side.damage == DAMAGE
            with pytest.raises(StoreDamaged, match="nothing was saved"):
                entries.save_text(entry.id, "Typed after it was found.")
        finally:
            side.close()
        minutes = ConferenceService(store, CHAIR, TickingClock()).get(REF).minutes
        (kept,) = [e for e in minutes if e.id == entry.id]
        assert kept.text == "Saved before the damage was found."
