"""``sync_record`` makes a stored conference equal to a merged record, writing only changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data import audit, integrity, repository
from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.models import TRACKED_TABLES
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AttendanceKind, MinutesState, View
from tests.helpers.records import small_record, uid
from tests.helpers.stores import FIXED_NOW, new_store

LATER = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _context(action: str) -> audit.AuditContext:
    return audit.AuditContext("Alex Chair", "chair", action, "conference", at=FIXED_NOW)


def _base() -> d.ConferenceRecord:
    """The small record with a decision (one view, one plan action)."""
    record = small_record()
    decision = d.Decision(
        id=uid("decision"),
        child_id=record.children[0].id,
        views=(d.AgencyView(uid("view"), uid("sw"), View.PLAN, "Risk is significant."),),
        actions=(d.PlanAction(uid("pa1"), "Sam Worker", "Visit weekly"),),
    )
    return replace(record, decisions=(decision,))


def _insert(store: Store, record: d.ConferenceRecord) -> None:
    with store.unit_of_work(_context("import")) as work:
        repository.insert_record(work.session, record, "Alex Chair", FIXED_NOW)


def _sync(store: Store, merged: d.ConferenceRecord) -> repository.SyncCounts:
    with store.unit_of_work(_context("handover_import")) as work:
        return repository.sync_record(work.session, merged, "Min Taker", LATER)


def _load(store: Store, record: d.ConferenceRecord) -> d.ConferenceRecord | None:
    with store.reading() as session:
        return repository.load_record(session, record.conference.id)


def _updated(store: Store) -> dict[tuple[str, str], object]:
    """(table, id) -> row_updated_at of every tracked row."""
    with store.reading() as session:
        return {
            (table.name, row.id): row.row_updated_at
            for table in TRACKED_TABLES
            for row in session.execute(sa.select(table.c.id, table.c.row_updated_at))
        }


def _sound(store: Store) -> bool:
    return integrity.check(store).sound


def test_an_unchanged_sync_writes_nothing(tmp_path: Path) -> None:
    base = _base()
    with new_store(tmp_path) as store:
        _insert(store, base)
        before = _updated(store)
        assert _sync(store, base) == repository.SyncCounts(0, 0, 0)
        assert _updated(store) == before
        assert _load(store, base) == base
        assert _sound(store)


def test_every_kind_of_change_is_applied_and_counted(tmp_path: Path) -> None:
    base = _base()
    m1, m2 = base.minutes
    sw, police, _mum = base.participants
    decision = base.decisions[0]
    m3 = d.MinuteEntry(
        id=uid("m3"),
        agenda_item_id=uid("item"),
        text="Police attended the home twice.",
        author="Min Taker",
        created_at=LATER,
        updated_at=LATER,
        speaker_id=police.id,
    )
    arrived = d.AttendanceEvent(uid("a3"), AttendanceKind.ARRIVED, AT.replace(minute=5))
    merged = replace(
        base,
        # m2 deleted, m3 added first, m1 changed (and moved from 0 to 1)
        minutes=(m3, replace(m1, text="Corrected wording.", updated_at=LATER)),
        # mum (and her attendance) deleted; police now first, with a new event
        participants=(replace(police, attendance=(arrived,)), sw),
        decisions=(
            replace(
                decision,
                views=(replace(decision.views[0], reason="Risk is now lower."),),
                actions=(
                    *decision.actions,
                    d.PlanAction(uid("pa2"), "Health visitor", "Check weight", date(2026, 12, 1)),
                ),
            ),
        ),
    )
    assert m2.id not in {e.id for e in merged.minutes}
    with new_store(tmp_path) as store:
        _insert(store, base)
        before = _updated(store)
        counts = _sync(store, merged)
        assert _load(store, base) == merged
        after = _updated(store)
        assert _sound(store)
    # added: m3, the arrival, plan action 2; deleted: m2, mum, her exclusion event;
    # changed: m1 and the view; police and sam only moved (written, not counted).
    assert counts == repository.SyncCounts(added=3, changed=2, deleted=3)
    changed = {key for key, at in after.items() if key in before and before[key] != at}
    assert changed == {
        ("minute_entry", m1.id),
        ("participant", police.id),
        ("participant", sw.id),
        ("agency_view", decision.views[0].id),
    }
    assert all(after[key] == LATER for key in changed)
    assert ("minute_entry", m2.id) not in after
    assert ("attendance_event", uid("a2")) not in after


def test_a_deleted_speaker_is_cleared_and_audited(tmp_path: Path) -> None:
    # The database sets minute_entry.speaker_id to null itself; the audit must know.
    base = _base()
    m1, m2 = base.minutes
    merged = replace(
        base,
        participants=tuple(p for p in base.participants if p.id != uid("police")),
        minutes=(m1, replace(m2, speaker_id=None)),
    )
    with new_store(tmp_path) as store:
        _insert(store, base)
        counts = _sync(store, merged)
        assert _load(store, base) == merged
        assert _sound(store)
    assert counts.deleted == 1


def test_entries_moved_off_a_deleted_agenda_item_come_through(tmp_path: Path) -> None:
    base = _base()
    item = d.AgendaItem(id=uid("item2"), key="views", title="Views of the family")
    merged = replace(
        base,
        agenda=(item,),
        minutes=tuple(replace(e, agenda_item_id=item.id) for e in base.minutes),
    )
    with new_store(tmp_path) as store:
        _insert(store, base)
        _sync(store, merged)
        assert _load(store, base) == merged
        assert _sound(store)


def test_an_issued_version_is_never_rewritten(tmp_path: Path) -> None:
    issued = d.MinutesVersion(
        id=uid("v1"),
        version="1.0",
        state=MinutesState.ISSUED,
        created_at=AT,
        content_hash="a" * 64,
        approved_by="Alex Chair",
        approved_at=AT,
        issued_at=AT,
        file_sha256="b" * 64,
    )
    base = replace(_base(), minutes_versions=(issued,))
    m1, m2 = base.minutes
    merged = replace(base, minutes=(replace(m1, text="Amended after issue."), m2))
    with new_store(tmp_path) as store:
        _insert(store, base)
        assert _sync(store, merged) == repository.SyncCounts(added=0, changed=1, deleted=0)
        assert _load(store, base) == merged
        # The store really refuses to change an issued version, so the sync above
        # proves that no UPDATE reached it.
        with pytest.raises(StoreError):
            _sync(store, replace(merged, minutes_versions=(replace(issued, version="1.1"),)))
        assert _load(store, base) == merged
        assert _sound(store)


def test_the_conference_must_be_stored(tmp_path: Path) -> None:
    with new_store(tmp_path) as store, pytest.raises(LookupError):
        _sync(store, small_record(salt="other-"))


def test_rows_that_only_move_are_written_but_not_counted_as_changed(tmp_path: Path) -> None:
    record = _base()
    with new_store(tmp_path) as store:
        _insert(store, record)
        merged = replace(record, minutes=record.minutes[1:])  # the second entry moves up
        counts = _sync(store, merged)
        assert (counts.added, counts.changed, counts.deleted) == (0, 0, 1)
        assert _load(store, record) == merged
