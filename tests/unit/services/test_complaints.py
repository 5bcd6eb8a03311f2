"""Complaints about a conference (§10 item 36): logged, acknowledged, decided, due dates.

The small record (England, 20/11/2026) and the NI record are stored; the clock reads
05/12/2026. Every refusal changes nothing, not even the audit log.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.data.store import Store
from cpc_desktop.domain.complaints import ComplaintStep
from cpc_desktop.domain.enums import AppealGround, AppealOutcome
from cpc_desktop.services.errors import NotFound, PermissionDenied, RuleViolation, ServiceError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.appeals import NI_DAD, NI_REF, ni_record
from tests.helpers.meeting import CHAIR, MINUTER, READER, REF, events
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
MUM = uid("mum")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path)
    chair = Session(store, CHAIR, TickingClock(NOW))
    chair.conferences.import_record(small_record())
    chair.conferences.import_record(ni_record())
    yield store
    store.close()


def session(store: Store, actor: Actor = CHAIR) -> Session:
    return Session(store, actor, TickingClock(NOW))


def stored(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        found = conn.execute(sa.select(m.ComplaintRow.__table__)).mappings().all()
    return [dict(row) for row in found]


def refused(store: Store, call: Any, error: type[ServiceError], words: str) -> None:
    before, logged = stored(store), len(events(store))
    with pytest.raises(error) as caught:
        call()
    assert words in caught.value.message and "\n" not in caught.value.message
    assert stored(store) == before
    added = [e["outcome"] for e in events(store)[logged:]]
    assert added == (["denied"] if error is PermissionDenied else [])


def test_a_complaint_is_logged_with_who_grounds_and_dates_and_audited(store: Store) -> None:
    chair = session(store)
    made = chair.complaints.record_complaint(
        REF,
        received=date(2026, 11, 28),
        grounds=[AppealGround.NOT_HEARD, "threshold"],
        complainant_id=MUM,
        relation="mother",
        details="Canary-complaint: she was not given the chance to speak.",
    )
    assert made.grounds == (AppealGround.NOT_HEARD, AppealGround.THRESHOLD)
    assert (made.outcome, made.acknowledged, made.decided) == (AppealOutcome.PENDING, None, None)
    last = events(store)[-1]
    assert (last["actor"], last["action"], last["object_type"], last["object_id"]) == (
        CHAIR.name,
        "record_complaint",
        "complaint",
        made.id,
    )
    assert "Canary-complaint" not in repr(events(store))

    # Someone not in the roll call: an advocate, by name.
    other = chair.complaints.record_complaint(
        REF, received=NOW.date(), grounds=["process"], complainant_name="Pat Advocate"
    )
    book = chair.complaints.complaints(REF)
    assert [(line.complainant, line.state) for line in book.lines] == [
        ("Ola Oyelaran", "received, not yet acknowledged"),
        ("Pat Advocate", "received, not yet acknowledged"),
    ]
    # 5 working days from Saturday 28/11: Friday 4/12 (overdue on 5/12).
    assert book.lines[0].next_step == ComplaintStep("acknowledge", date(2026, 12, 4))
    assert book.lines[0].next_step.words(NOW.date()) == "acknowledge by 4 Dec 2026 (overdue)"
    assert MUM in [p.id for p in book.people]
    assert book.lines[1].complaint == other


def test_a_complaint_is_acknowledged_then_decided(store: Store) -> None:
    chair = session(store)
    made = chair.complaints.record_complaint(
        REF, received=date(2026, 11, 28), grounds=["category"], complainant_id=MUM
    )
    acknowledged = chair.complaints.acknowledge_complaint(
        REF, made.id, date(2026, 12, 1), "Chair's review"
    )
    assert (acknowledged.acknowledged, acknowledged.handled_by) == (
        date(2026, 12, 1),
        "Chair's review",
    )
    line = chair.complaints.complaints(REF).lines[0]
    assert line.next_step == ComplaintStep("answer", date(2026, 12, 26))
    assert line.state == "acknowledged on 1 Dec 2026, being considered"
    assert [d.reference for d in chair.complaints.due_complaints()] == [REF]

    ended = chair.complaints.decide_complaint(
        REF, made.id, "not_upheld", NOW.date(), "Category stands.", "Complaints panel"
    )
    assert (ended.outcome, ended.decided, ended.handled_by) == (
        AppealOutcome.NOT_UPHELD,
        NOW.date(),
        "Complaints panel",
    )
    line = chair.complaints.complaints(REF).lines[0]
    assert (line.state, line.next_step) == ("not upheld on 5 Dec 2026", None)
    assert chair.complaints.due_complaints() == ()
    refused(
        store,
        lambda: chair.complaints.acknowledge_complaint(REF, made.id, NOW.date()),
        RuleViolation,
        "already ended",
    )


def test_due_complaints_come_from_every_conference_soonest_first(store: Store) -> None:
    chair = session(store)
    chair.complaints.record_complaint(
        NI_REF, received=date(2026, 11, 23), grounds=["process"], complainant_id=NI_DAD
    )
    chair.complaints.record_complaint(
        REF, received=NOW.date(), grounds=["process"], complainant_name="Pat Advocate"
    )
    due = chair.complaints.due_complaints()
    assert [(d.reference, d.complainant, d.step.kind) for d in due] == [
        (NI_REF, "Tobi Oyelaran", "acknowledge"),
        (REF, "Pat Advocate", "acknowledge"),
    ]


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"grounds": []}, "at least one ground"),
        ({"grounds": ["rude"]}, "is not one of"),
        ({"complainant_id": None}, "name the complainant"),
        ({"complainant_name": "Pat"}, "name the complainant"),  # both
        ({"received": date(2026, 11, 19)}, "before the conference"),
        ({"received": date(2026, 12, 6)}, "after today"),
        ({"received": None}, "say when"),
        ({"relation": "x" * 81}, "too long"),
    ],
)
def test_a_wrong_complaint_is_refused_in_one_line(
    store: Store, changes: dict[str, Any], words: str
) -> None:
    given: dict[str, Any] = {
        "received": NOW.date(),
        "grounds": ["process"],
        "complainant_id": MUM,
    } | changes
    refused(
        store,
        lambda: session(store).complaints.record_complaint(REF, **given),
        RuleViolation,
        words,
    )


def test_a_complaint_of_another_conference_or_person_is_refused(store: Store) -> None:
    chair = session(store)
    refused(
        store,
        lambda: chair.complaints.record_complaint(
            REF, received=NOW.date(), grounds=["process"], complainant_id=NI_DAD
        ),
        NotFound,
        "not in this conference's roll call",
    )
    made = chair.complaints.record_complaint(
        REF, received=NOW.date(), grounds=["process"], complainant_id=MUM
    )
    refused(
        store,
        lambda: chair.complaints.decide_complaint(NI_REF, made.id, "upheld", NOW.date()),
        NotFound,
        "not about this conference",
    )
    refused(
        store,
        lambda: chair.complaints.decide_complaint(REF, made.id, "pending", NOW.date()),
        RuleViolation,
        "choose how",
    )
    refused(
        store,
        lambda: chair.complaints.acknowledge_complaint(REF, made.id, date(2026, 12, 1)),
        RuleViolation,
        "before it was received",
    )
    refused(
        store,
        lambda: chair.complaints.decide_complaint(REF, made.id, "upheld", date(2026, 12, 1)),
        RuleViolation,
        "before it was received",
    )


def test_only_a_chair_logs_a_complaint_but_anyone_may_read_them(store: Store) -> None:
    for actor in (MINUTER, READER):
        other = session(store, actor)
        refused(
            store,
            lambda o=other: o.complaints.record_complaint(
                REF, received=NOW.date(), grounds=["process"], complainant_id=MUM
            ),
            PermissionDenied,
            "may not record a complaint",
        )
        assert other.complaints.complaints(REF).lines == ()
