"""Which children a complaint concerns (revision 0014): every child of the conference
unless some are named; a child of another conference is refused and nothing changes.

A two-child record (England, 20/11/2026) beside the one-child small record and the NI
record; the clock reads 05/12/2026.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from cpc_desktop.data import integrity
from cpc_desktop.data import models as m
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.services.errors import NotFound, RuleViolation, ServiceError
from cpc_desktop.services.session import Session
from tests.helpers.appeals import NI_CHILD, ni_record
from tests.helpers.meeting import CHAIR, REF, events
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
TWO_REF = "CPC-2026-0070"
BETH, JOSH = uid("two-child"), uid("two-josh")
TWO_MUM = uid("two-mum")


def two_children() -> d.ConferenceRecord:
    record = small_record(TWO_REF, salt="two-")
    josh = d.Child(
        id=JOSH, given_name="Joshua", family_name="Oyelaran", date_of_birth=date(2019, 6, 1)
    )
    return replace(record, children=(*record.children, josh))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path)
    chair = Session(store, CHAIR, TickingClock(NOW))
    for record in (small_record(), ni_record(), two_children()):
        chair.conferences.import_record(record)
    yield store
    store.close()


def chair(store: Store) -> Session:
    return Session(store, CHAIR, TickingClock(NOW))


def stored(store: Store) -> list[tuple[str, ...]]:
    with store.engine.connect() as conn:
        found = conn.execute(
            sa.select(m.ComplaintRow.id, m.ComplaintChildRow.child_id).outerjoin(
                m.ComplaintChildRow
            )
        ).all()
    return sorted(tuple(str(v) for v in row) for row in found)


def record(session: Session, ref: str = TWO_REF, **given: Any) -> Any:
    return session.complaints.record_complaint(
        ref, received=NOW.date(), grounds=["process"], complainant_id=TWO_MUM, **given
    )


def test_a_complaint_concerns_every_child_unless_some_are_named(store: Store) -> None:
    session = chair(store)
    every = record(session)
    assert every.child_ids == (BETH, JOSH)
    one = record(session, child_ids=[JOSH])
    assert one.child_ids == (JOSH,)
    both = record(session, child_ids=[JOSH, BETH, JOSH])  # the conference's order, once
    assert both.child_ids == (BETH, JOSH)
    book = session.complaints.complaints(TWO_REF)
    assert [p.name for p in book.children] == ["Bethany Oyelaran", "Joshua Oyelaran"]
    assert [line.children for line in book.lines] == [
        ("Bethany Oyelaran", "Joshua Oyelaran"),
        ("Joshua Oyelaran",),
        ("Bethany Oyelaran", "Joshua Oyelaran"),
    ]
    assert [line.complaint.child_ids for line in book.lines] == [
        (BETH, JOSH),
        (JOSH,),
        (BETH, JOSH),
    ]
    # The children are kept through the later steps and audited with the complaint.
    acknowledged = session.complaints.acknowledge_complaint(TWO_REF, one.id, NOW.date())
    assert acknowledged.child_ids == (JOSH,)
    decided = session.complaints.decide_complaint(TWO_REF, one.id, "withdrawn", NOW.date())
    assert decided.child_ids == (JOSH,)
    made = next(e for e in events(store) if e["object_id"] == one.id)
    assert (made["action"], made["actor"]) == ("record_complaint", CHAIR.name)
    assert [t for t, _, _ in json.loads(made["rows"])] == ["complaint", "complaint_child"]
    assert integrity.check(store).sound  # every new row is in the audit chain


def test_a_one_child_conference_needs_no_choice(store: Store) -> None:
    made = chair(store).complaints.record_complaint(
        REF, received=NOW.date(), grounds=["process"], complainant_name="Pat Advocate"
    )
    assert made.child_ids == (uid("child"),)
    assert chair(store).complaints.complaints(REF).lines[0].children == ("Bethany Oyelaran",)


def test_a_complaint_stored_before_children_were_named_concerns_every_child(
    store: Store,
) -> None:
    session = chair(store)
    made = record(session, child_ids=[BETH])
    with store.engine.begin() as conn:  # as a complaint recorded before revision 0014
        conn.execute(sa.delete(m.ComplaintChildRow.__table__))
    line = session.complaints.complaints(TWO_REF).lines[0]
    assert line.complaint.id == made.id
    assert line.complaint.child_ids == ()
    assert line.children == ("Bethany Oyelaran", "Joshua Oyelaran")


@pytest.mark.parametrize(
    ("children", "error", "words"),
    [
        ([NI_CHILD], NotFound, "that child is not part of this conference"),
        ([BETH, "no-such-child"], NotFound, "that child is not part of this conference"),
        ("not-a-list", RuleViolation, "must be a list of ids"),
        ([""], RuleViolation, "must be a list of ids"),
    ],
)
def test_a_child_not_of_this_conference_is_refused_and_nothing_changes(
    store: Store, children: Any, error: type[ServiceError], words: str
) -> None:
    session = chair(store)
    record(session)
    before, logged = stored(store), len(events(store))
    with pytest.raises(error) as caught:
        record(session, child_ids=children)
    assert words in caught.value.message and "\n" not in caught.value.message
    assert stored(store) == before
    assert len(events(store)) == logged


def test_deleting_a_child_deletes_what_named_it_and_nothing_else(store: Store) -> None:
    session = chair(store)
    made = record(session)
    with store.engine.begin() as conn:
        conn.execute(sa.delete(m.ChildRow.__table__).where(m.ChildRow.id == JOSH))
    assert stored(store) == [(made.id, BETH)]
