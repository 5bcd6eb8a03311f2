"""Hand-over between two laptops: export, preview, merge, undo, and what is refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data import audit, repository
from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import MinutesState, Tag, UserRole
from cpc_desktop.domain.merge import ChangeKind, ConflictKind, Resolution, Side, UnitKey
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import PermissionDenied
from cpc_desktop.services.handover import HandoverError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Alex Chair", UserRole.CHAIR)
TAKER = Actor("Min Taker", UserRole.MINUTE_TAKER)
WORDS = "correct horse"
AT = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)


@dataclass
class Laptops:
    chair: Session
    taker: Session
    folder: Path

    def send(self, sender: Session, name: str) -> Path:
        path = self.folder / name
        sender.handover.export_package("CPC-2026-0042", path, WORDS, cost=FAST_COST)
        return path

    def record(self, who: Session) -> d.ConferenceRecord:
        return who.conferences.get("CPC-2026-0042")


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Laptops]:
    chair_store = new_store(tmp_path, "chair.db")
    ConferenceService(chair_store, CHAIR, TickingClock()).import_record(small_record())
    taker_store = new_store(tmp_path, "taker.db")
    pair = Laptops(
        Session(chair_store, CHAIR, TickingClock(AT)),
        Session(taker_store, TAKER, TickingClock(AT)),
        tmp_path,
    )
    yield pair
    pair.chair.close()
    pair.taker.close()


def add_entry(session: Session, text: str) -> d.MinuteEntry:
    record = session.conferences.get("CPC-2026-0042")
    return session.entries.add_entry("CPC-2026-0042", record.agenda[0].id, text)


def audit_actions(session: Session) -> list[tuple[str, str]]:
    with session.store.reading() as s:
        rows = s.execute(sa.select(m.AuditEvent.action, m.AuditEvent.outcome)).all()
    return [(a, o) for a, o in rows]


def test_a_first_hand_over_adds_the_conference_to_the_other_laptop(laptops: Laptops) -> None:
    path = laptops.send(laptops.chair, "to-taker.cpcx")
    assert not path.read_bytes().startswith(b"{")
    package = laptops.taker.handover.read(path, WORDS)
    preview = laptops.taker.handover.preview(package)
    assert (preview.new_conference, preview.blocked, preview.plan) == (True, None, None)
    result = laptops.taker.handover.import_package(package)
    assert result.added > 0
    if laptops.taker.store.file_backed:
        assert result.backup is not None and result.backup.exists()
    else:  # on a server, the server's own backups are the undo
        assert result.backup is None
    assert laptops.record(laptops.taker) == laptops.record(laptops.chair)
    assert ("handover", "ok") in audit_actions(laptops.taker)


def test_a_preview_and_an_import_are_each_one_handover_event(laptops: Laptops) -> None:
    package = laptops.taker.handover.read(laptops.send(laptops.chair, "to-taker.cpcx"), WORDS)
    before = len(audit_actions(laptops.taker))
    laptops.taker.handover.preview(package)
    assert audit_actions(laptops.taker)[before:] == [("handover", "ok")]
    laptops.taker.handover.import_package(package)
    assert audit_actions(laptops.taker)[before + 1 :] == [("handover", "ok")]


@pytest.mark.sqlite_only  # a server store is put back from the server's own backups
def test_undoing_an_import_is_the_chairs_alone_and_is_audited(laptops: Laptops) -> None:
    """Undoing restores a whole older copy, erasing what was recorded since (audit events
    too): the chair's to do, not the minute-taker's who imported, nor a reader's."""
    package = laptops.taker.handover.read(laptops.send(laptops.chair, "to-taker.cpcx"), WORDS)
    result = laptops.taker.handover.import_package(package)
    assert result.backup is not None
    reader = Session(laptops.taker.store, Actor("Vi Ewer", UserRole.READ_ONLY), TickingClock(AT))
    for refused in (reader, laptops.taker):
        with pytest.raises(PermissionDenied, match="may not restore the store from a backup"):
            refused.restore(result.backup)
        assert audit_actions(laptops.taker)[-1] == ("restore", "denied")
    assert laptops.record(laptops.taker) == laptops.record(laptops.chair)  # still imported
    chair = Session(laptops.taker.store, CHAIR, TickingClock(AT))  # the store's own chair
    chair.restore(result.backup)
    assert audit_actions(chair)[-1] == ("restore", "ok")
    assert chair.conferences.overview().total == 0
    assert chair.conferences.check().sound
    laptops.taker.store = chair.store  # the restore reopened the store: close that one


def round_trip(laptops: Laptops) -> tuple[d.MinuteEntry, d.MinuteEntry, Path]:
    """Chair hands over; both sides edit; the taker hands back. Returns the package path."""
    first = laptops.send(laptops.chair, "to-taker.cpcx")
    laptops.taker.handover.import_package(laptops.taker.handover.read(first, WORDS))
    target = laptops.record(laptops.chair).minutes[0]
    other = laptops.record(laptops.chair).minutes[1]
    # the taker adds an entry, rewrites both entries; the chair rewrites one of them
    added = add_entry(laptops.taker, "Mum said the school run is now shared.")
    laptops.taker.entries.save_text(target.id, "taker's wording")
    laptops.taker.entries.save_text(other.id, "taker corrected this")
    laptops.chair.entries.save_text(target.id, "chair's wording")
    mine_added = add_entry(laptops.chair, "Chair's own note.")
    back = laptops.send(laptops.taker, "to-chair.cpcx")
    return added, mine_added, back


def test_the_chair_sees_what_comes_back_entry_by_entry(laptops: Laptops) -> None:
    added, mine_added, back = round_trip(laptops)
    package = laptops.chair.handover.read(back, WORDS)
    preview = laptops.chair.handover.preview(package)
    plan = preview.plan
    assert plan is not None and preview.blocked is None
    kinds = {(c.kind, c.key.kind, c.key.id) for c in plan.changes}
    assert (ChangeKind.ADDED, "minute_entry", added.id) in kinds
    assert any(k == ChangeKind.CHANGED and i == small_record().minutes[1].id for k, _, i in kinds)
    [conflict] = plan.conflicts
    assert conflict.kind is ConflictKind.BOTH_CHANGED
    assert (conflict.mine.text, conflict.theirs.text) == ("chair's wording", "taker's wording")
    assert mine_added.id not in {c.key.id for c in plan.changes}  # the chair's own stays


def test_nothing_is_written_until_every_conflict_has_a_choice(laptops: Laptops) -> None:
    _, _, back = round_trip(laptops)
    before = laptops.record(laptops.chair)
    package = laptops.chair.handover.read(back, WORDS)
    with pytest.raises(HandoverError, match="1 conflict"):
        laptops.chair.handover.import_package(package)
    assert laptops.record(laptops.chair) == before
    assert not list(laptops.folder.glob("chair.db.before-import-*"))


def test_an_import_merges_once_and_can_be_undone(laptops: Laptops) -> None:
    added, mine_added, back = round_trip(laptops)
    before = laptops.record(laptops.chair)
    package = laptops.chair.handover.read(back, WORDS)
    [conflict] = laptops.chair.handover.preview(package).plan.conflicts  # type: ignore[union-attr]
    edited = Resolution.edited(text="agreed wording")
    result = laptops.chair.handover.import_package(package, {conflict.key: edited})
    assert (result.added, result.deleted) == (1, 0)
    merged = laptops.record(laptops.chair)
    texts = {e.id: e.text for e in merged.minutes}
    assert texts[conflict.key.id] == "agreed wording"
    assert texts[added.id] == added.text and texts[mine_added.id] == mine_added.text
    assert texts[small_record().minutes[1].id] == "taker corrected this"
    assert ("handover", "ok") in audit_actions(laptops.chair)

    # the same package again changes nothing
    again = laptops.chair.handover.import_package(package, {conflict.key: edited})
    assert again.already_imported and again.backup is None
    assert laptops.chair.handover.preview(package).nothing_to_do
    assert laptops.record(laptops.chair) == merged

    # and the backup undoes it (a file's: on a server, the server's own backups do)
    if laptops.chair.store.file_backed:
        assert result.backup is not None
        laptops.chair.restore(result.backup)
        assert laptops.record(laptops.chair) == before
    else:
        assert result.backup is None


def test_the_next_hand_over_carries_the_chairs_choices_back(laptops: Laptops) -> None:
    _, _, back = round_trip(laptops)
    package = laptops.chair.handover.read(back, WORDS)
    [conflict] = laptops.chair.handover.preview(package).plan.conflicts  # type: ignore[union-attr]
    laptops.chair.handover.import_package(package, {conflict.key: Resolution(Side.MINE)})
    later = add_entry(laptops.taker, "noted after the hand-back")
    again = laptops.send(laptops.chair, "to-taker-2.cpcx")
    reply = laptops.taker.handover.read(again, WORDS)
    plan = laptops.taker.handover.preview(reply).plan
    assert plan is not None and plan.conflicts == ()
    laptops.taker.handover.import_package(reply)
    taker = {e.id: e.text for e in laptops.record(laptops.taker).minutes}
    chair = {e.id: e.text for e in laptops.record(laptops.chair).minutes}
    assert taker[conflict.key.id] == "chair's wording"
    assert later.id in taker and set(chair) <= set(taker)


def test_a_wrong_passphrase_or_a_foreign_file_changes_nothing(laptops: Laptops) -> None:
    path = laptops.send(laptops.chair, "to-taker.cpcx")
    with pytest.raises(HandoverError, match="passphrase is wrong"):
        laptops.taker.handover.read(path, "not it")
    foreign = laptops.folder / "notes.cpcx"
    foreign.write_bytes(b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(HandoverError, match="not a CPC hand-over package"):
        laptops.taker.handover.read(foreign, WORDS)
    with pytest.raises(HandoverError, match="does not exist"):
        laptops.taker.handover.read(laptops.folder / "missing.cpcx", WORDS)
    with pytest.raises(HandoverError, match="is a folder"):
        laptops.taker.handover.read(laptops.folder, WORDS)
    assert laptops.taker.conferences.overview().conferences == ()


def test_a_package_made_here_is_not_imported_here(laptops: Laptops) -> None:
    path = laptops.send(laptops.chair, "to-taker.cpcx")
    package = laptops.chair.handover.read(path, WORDS)
    preview = laptops.chair.handover.preview(package)
    assert preview.blocked is not None and "made from this store" in preview.blocked
    # the date as every message writes it (domain/dates.plain_date): "7 December 2026"
    made = r" on [1-9]\d? [A-Z][a-z]+ \d{4}; it is for the other laptop$"
    assert re.search(made, preview.blocked)
    with pytest.raises(HandoverError, match="made from this store"):
        laptops.chair.handover.import_package(package)


def approve(session: Session) -> None:
    """Mark the minutes approved (the demo's approval rules are not the point here)."""
    record = session.conferences.get("CPC-2026-0042")
    version = d.MinutesVersion(uid("v1"), "1.0", MinutesState.APPROVED, AT, approved_by="Alex")
    context = audit.AuditContext("Alex Chair", "chair", "approve_minutes", "conference", "", AT)
    with session.store.unit_of_work(context) as work:
        repository.add_value(work.session, version, record.conference.id, 0, "Alex", AT)


def test_approved_minutes_cannot_be_changed_by_an_import(laptops: Laptops) -> None:
    _, _, back = round_trip(laptops)
    approve(laptops.chair)
    before = laptops.record(laptops.chair)
    package = laptops.chair.handover.read(back, WORDS)
    preview = laptops.chair.handover.preview(package)
    assert preview.blocked is not None and "approved" in preview.blocked
    with pytest.raises(HandoverError, match="an import cannot change them"):
        laptops.chair.handover.import_package(package)
    assert laptops.record(laptops.chair) == before


def test_a_new_conference_whose_reference_is_taken_is_refused(laptops: Laptops) -> None:
    ConferenceService(laptops.taker.store, CHAIR, TickingClock()).import_record(
        small_record(salt="other")
    )
    path = laptops.send(laptops.chair, "to-taker.cpcx")
    preview = laptops.taker.handover.preview(laptops.taker.handover.read(path, WORDS))
    assert preview.blocked == "another conference in this store is already CPC-2026-0042"


def test_a_read_only_user_may_not_hand_over(laptops: Laptops, tmp_path: Path) -> None:
    viewer = Session(laptops.chair.store, Actor("Vi Ewer", UserRole.READ_ONLY), TickingClock())
    with pytest.raises(PermissionDenied):
        viewer.handover.export_package("CPC-2026-0042", tmp_path / "x.cpcx", WORDS, cost=FAST_COST)
    assert not (tmp_path / "x.cpcx").exists()


def test_an_unwritable_destination_is_one_line_and_records_nothing(laptops: Laptops) -> None:
    with pytest.raises(HandoverError, match="does not exist"):
        laptops.send(laptops.chair, "no-such-folder/out.cpcx")
    with pytest.raises(HandoverError, match="is a folder"):
        laptops.chair.handover.export_package(
            "CPC-2026-0042", laptops.folder, WORDS, cost=FAST_COST
        )
    with laptops.chair.store.reading() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.HandoverRow)) == 0


def test_tags_changed_on_one_side_and_text_on_the_other_merge_silently(laptops: Laptops) -> None:
    first = laptops.send(laptops.chair, "to-taker.cpcx")
    laptops.taker.handover.import_package(laptops.taker.handover.read(first, WORDS))
    entry = laptops.record(laptops.chair).minutes[0]
    laptops.taker.entries.save_text(entry.id, "taker's text")
    laptops.chair.entries.update_entry(entry.id, tag=Tag.OPINION)
    back = laptops.send(laptops.taker, "back.cpcx")
    package = laptops.chair.handover.read(back, WORDS)
    assert laptops.chair.handover.preview(package).plan.conflicts == ()  # type: ignore[union-attr]
    laptops.chair.handover.import_package(package)
    merged = next(e for e in laptops.record(laptops.chair).minutes if e.id == entry.id)
    assert (merged.text, merged.tag) == ("taker's text", Tag.OPINION)
    assert UnitKey("minute_entry", entry.id)  # same id on both laptops
    assert timedelta(0) <= merged.updated_at - entry.updated_at
