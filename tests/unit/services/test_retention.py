"""Retention, legal hold and deletion (domain.md §10 item 40).

The demo conference (19/11/2026, minutes approved and issued) and the small record
(20/11/2026) are stored; each is kept 35 years after its date (every shipped profile).
The app never deletes on its own: a chair deletes one conference, once its date has come
and no legal hold stands, and a tombstone stays. Every refusal changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from cpc_desktop.data import integrity
from cpc_desktop.data import models as m
from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import ConferenceStatus
from cpc_desktop.domain.retention import RetentionState
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.errors import Conflict, PermissionDenied, RuleViolation, ServiceError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.meeting import CHAIR, MINUTER, READER, REF, events
from tests.helpers.records import small_record
from tests.helpers.stores import RAW_KEY, TickingClock, new_store

DEMO = "CPC-2026-0001"
BUILT = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
LATER = datetime(2061, 11, 24, 10, 0, tzinfo=UTC)  # both retention dates have come
#: The demo's family, a worker and words of its minutes (stored whole; the full-text
#: index stores words prefix-compressed, so its words are not searched for here).
NAMES = ("Harland", "Sandra Pell", "introduced themselves and their involvement")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path)
    chair = Session(store, CHAIR, TickingClock(BUILT))
    demo = build_demo_record(date(2026, 11, 23), CHAIR.name)
    chair.conferences.import_record(
        replace(demo, conference=replace(demo.conference, status=ConferenceStatus.CONCLUDED))
    )
    chair.conferences.import_record(small_record())
    chair.minutes.approve(DEMO)
    certificate = load_certificate(create_self_signed(CHAIR.name, b"words"), b"words")
    chair.minutes.issue(DEMO, certificate)
    chair.complaints.record_complaint(
        DEMO, received=date(2026, 12, 1), grounds=["process"], complainant_name="Ann Harland"
    )
    yield store
    store.close()


def session(store: Store, actor: Actor = CHAIR, when: datetime = LATER) -> Session:
    return Session(store, actor, TickingClock(when))


def table_counts(store: Store) -> dict[str, int]:
    with store.reading() as s:
        return {
            t.name: s.scalar(sa.select(sa.func.count()).select_from(t)) or 0
            for t in m.TRACKED_TABLES
        }


def refused(store: Store, call: Any, error: type[ServiceError], words: str) -> None:
    """``call`` is refused in one line holding ``words``; nothing changes (a refusal by
    role is itself audited, as ``denied``)."""
    before, logged = table_counts(store), len(events(store))
    with pytest.raises(error) as caught:
        call()
    assert words in caught.value.message and "\n" not in caught.value.message
    assert table_counts(store) == before
    added = events(store)[logged:]
    assert [e["outcome"] for e in added] == (["denied"] if error is PermissionDenied else [])


def _decrypt(page: bytes, first: bool) -> bytes:
    assert RAW_KEY.raw is not None and len(page) == 4096
    iv = page[4096 - 80 : 4096 - 64]
    decryptor = Cipher(algorithms.AES(RAW_KEY.raw), modes.CBC(iv)).decryptor()
    return decryptor.update(page[16 if first else 0 : 4096 - 80]) + decryptor.finalize()


def decrypted_pages(path: Path) -> bytes:
    """Every page of a SQLCipher 4 store (raw key, 4096-byte pages) decrypted, free pages
    included, and every page image in its write-ahead log: what someone holding the key
    could read off the disk."""
    raw = path.read_bytes()
    out = [_decrypt(raw[at : at + 4096], at == 0) for at in range(0, len(raw), 4096)]
    wal = path.with_name(path.name + "-wal")
    log = wal.read_bytes() if wal.exists() else b""
    for at in range(32, len(log) - 4096 - 24 + 1, 4096 + 24):  # 32-byte header, frames
        number = int.from_bytes(log[at : at + 4], "big")
        out.append(_decrypt(log[at + 24 : at + 24 + 4096], number == 1))
    return b"".join(out)


# --- the list ---------------------------------------------------------------------------


def test_every_conference_has_a_retention_date_from_its_profile(store: Store) -> None:
    lines = session(store, when=BUILT).retention.retention_list()
    assert [(line.reference, line.retain_until, line.state) for line in lines] == [
        (DEMO, date(2061, 11, 19), RetentionState.KEPT),
        (REF, date(2061, 11, 20), RetentionState.KEPT),
    ]
    assert lines[0].record_type == "Child protection conference record"
    assert "35 years" in lines[0].policy
    assert session(store, when=BUILT).retention.retention_list(due_only=True) == ()
    due = session(store).retention.retention_list(due_only=True)
    assert [(line.reference, line.state) for line in due] == [
        (DEMO, RetentionState.DUE),
        (REF, RetentionState.DUE),
    ]


def test_a_closure_date_moves_the_retention_date_and_is_audited(store: Store) -> None:
    chair = session(store, when=BUILT)
    line = chair.retention.set_closed(REF, date(2026, 12, 1))
    assert (line.closed, line.retain_until) == (date(2026, 12, 1), date(2061, 12, 1))
    assert events(store)[-1]["action"] == "manage_retention"
    refused(
        store,
        lambda: chair.retention.set_closed(REF, date(2026, 11, 1)),
        RuleViolation,
        "cannot close before the conference",
    )
    refused(
        store,
        lambda: chair.retention.set_closed(REF, date(2027, 1, 1)),
        RuleViolation,
        "cannot close after today",
    )
    assert chair.retention.set_closed(REF, None).retain_until == date(2061, 11, 20)


def test_a_legal_hold_needs_a_reason_and_stops_deletion(store: Store) -> None:
    chair = session(store)
    refused(store, lambda: chair.retention.set_hold(DEMO, True, " "), RuleViolation, "say why")
    refused(store, lambda: chair.retention.set_hold(DEMO, False), Conflict, "not on legal hold")
    line = chair.retention.set_hold(DEMO, True, "Inquiry into the Harland family's care")
    assert (line.state, line.hold_reason) == (RetentionState.HELD, line.hold_reason)
    assert "Harland" not in repr(events(store))  # the audit holds ids only
    assert [x.reference for x in chair.retention.retention_list(due_only=True)] == [DEMO, REF]
    refused(store, lambda: chair.retention.delete_conference(DEMO, "Due"), Conflict, "legal hold")
    assert chair.retention.set_hold(DEMO, False).state is RetentionState.DUE


def test_only_a_chair_holds_or_deletes(store: Store) -> None:
    for actor in (MINUTER, READER):
        other = session(store, actor)
        refused(
            store,
            lambda o=other: o.retention.set_hold(DEMO, True, "x"),
            PermissionDenied,
            "may not set a legal hold",
        )
        refused(
            store,
            lambda o=other: o.retention.delete_conference(DEMO, "Due"),
            PermissionDenied,
            "may not delete a conference",
        )


def test_a_conference_not_yet_due_is_not_deleted(store: Store) -> None:
    chair = session(store, when=BUILT)
    refused(store, lambda: chair.retention.delete_conference(DEMO, "Due"), Conflict, "kept until")
    refused(store, lambda: chair.retention.delete_conference(DEMO, ""), RuleViolation, "say why")


# --- deleting -------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_deleting_leaves_a_tombstone_no_content_and_a_sound_store(store: Store) -> None:
    assert store.path is not None
    before = decrypted_pages(store.path)
    assert [name for name in NAMES if name.encode() not in before] == []  # the scan sees them

    done = session(store).retention.delete_conference(DEMO, "Retention period ended")
    wal = store.path.with_name(store.path.name + "-wal")
    assert wal.stat().st_size == 0  # the pages as they were before are gone from the log

    stone = done.tombstone
    assert (stone.reference, stone.conference_date, stone.retain_until) == (
        DEMO,
        date(2026, 11, 19),
        date(2061, 11, 19),
    )
    assert (stone.deleted_by, stone.reason) == (CHAIR.name, "Retention period ended")
    assert stone.rows_deleted > 100
    assert done.log_emptied
    chair = session(store)
    assert chair.retention.tombstones() == (stone,)
    assert [line.reference for line in chair.retention.retention_list()] == [REF]
    counts = table_counts(store)
    assert counts["output_file"] == counts["complaint"] == counts["minutes_version"] == 0
    assert counts["participant"] == len(small_record().participants)
    last = [e for e in events(store) if e["action"] == "delete_records"][-1]
    assert (last["actor"], last["outcome"]) == (CHAIR.name, "ok")
    assert integrity.check(store).sound, integrity.check(store).problems

    after = decrypted_pages(store.path)
    found = [name for name in NAMES if name.encode() in after]
    assert found == []
    assert b"Oyelaran" in after  # the other conference is still there


def test_a_deleted_conference_is_not_brought_back_by_an_import_or_a_hand_over(
    tmp_path: Path,
) -> None:
    from cpc_desktop.export.package import FAST_COST
    from tests.helpers.retention import OLD_REF, old_record

    store = new_store(tmp_path)
    laptop = new_store(tmp_path, "laptop.db")
    try:
        session(laptop).conferences.import_record(old_record())
        package_path = tmp_path / "old.cpcx"
        session(laptop).handover.export_package(OLD_REF, package_path, "words", cost=FAST_COST)
        chair = session(store)
        chair.conferences.import_record(old_record())
        chair.retention.delete_conference(OLD_REF, "Retention period ended")

        refused(
            store,
            lambda: chair.conferences.import_record(old_record()),
            Conflict,
            f"{OLD_REF} was deleted from this store on 24 Nov 2061 at the end of its retention",
        )
        preview = chair.handover.preview(chair.handover.read(package_path, "words"))
        assert preview.blocked is not None and "cannot be brought back" in preview.blocked
    finally:
        laptop.close()
        store.close()


def test_what_falls_due_counts_a_later_closure_and_always_shows_a_hold(store: Store) -> None:
    chair = session(store)  # 24/11/2061: both conferences' 35 years have passed
    chair.retention.set_closed(REF, date(2026, 12, 1))  # kept until 1/12/2061
    assert [line.reference for line in chair.retention.retention_list(due_only=True)] == [DEMO]
    early = session(store, when=BUILT)
    early.retention.set_hold(REF, True, "Proceedings")
    assert [(x.reference, x.state) for x in early.retention.retention_list(due_only=True)] == [
        (REF, RetentionState.HELD)
    ]


def test_issued_minutes_go_with_their_conference_on_every_store(store: Store) -> None:
    """The issued-minutes guards let a tombstoned conference's minutes go (SQLite
    triggers; the server's trigger function), and no other conference's."""
    done = session(store).retention.delete_conference(DEMO, "Retention period ended")
    assert done.tombstone.rows_deleted > 100
    counts = table_counts(store)
    assert counts["minutes_version"] == 0 and counts["tombstone"] == 1
    assert integrity.check(store).sound, integrity.check(store).problems
