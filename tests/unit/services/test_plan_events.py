"""A plan's events (issue 20, points 2 and 3): a baby's birth recorded after a pre-birth
conference, and the authority a transfer-in comes from; audited, refused in one line.

The pre-birth and transfer-in conferences were held on Friday 20/11/2026; the clock
reads 05/12/2026 (England's rules: the post-birth review within 20 working days).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.domain.letters import LetterKind
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import Conflict, PermissionDenied, RuleViolation
from cpc_desktop.services.session import Session
from tests.helpers.meeting import CHAIR, MINUTER, REF, events
from tests.helpers.plan_events import (
    BABY,
    PRE_BIRTH_REF,
    TRANSFER_REF,
    pre_birth_record,
    transfer_record,
)
from tests.helpers.records import small_record
from tests.helpers.stores import TickingClock, new_store

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path)
    conferences = ConferenceService(store, CHAIR, TickingClock(NOW))
    for record in (pre_birth_record(), transfer_record(), small_record()):
        conferences.import_record(record)
    yield store
    store.close()


def session(store: Store, actor=CHAIR) -> Session:  # type: ignore[no-untyped-def]
    return Session(store, actor, TickingClock(NOW))


def test_a_birth_names_the_child_and_brings_the_review_forward(store: Store) -> None:
    # Checklist item 6: the post-birth review is the earlier of the conference + 3 months
    # (20/02/2027) and the birth + 20 working days: born Tuesday 01/12/2026, that is
    # Thursday 31/12/2026 (Christmas Day and the Boxing Day holiday, Monday 28, skipped).
    s = session(store)
    before = s.schedule.summaries()
    assert next(x for x in before if x.reference == PRE_BIRTH_REF).due.next_review_due == date(
        2027, 2, 20
    )
    born = s.plan_events.record_birth(PRE_BIRTH_REF, BABY, " Amara ", "Oyelaran", date(2026, 12, 1))
    assert (born.child.given_name, born.child.date_of_birth) == ("Amara", date(2026, 12, 1))
    assert born.review_due == date(2026, 12, 31)
    assert born.planned_review == date(2027, 2, 19) and born.review_too_late
    record = s.conferences.get(PRE_BIRTH_REF)
    assert record.children[0].given_name == "Amara"
    assert record.children[0].expected_date_of_delivery == date(2027, 1, 14)  # kept
    listed = next(x for x in s.schedule.summaries() if x.reference == PRE_BIRTH_REF)
    assert listed.due.next_review_due == date(2026, 12, 31)
    (last,) = [e for e in events(store) if e["action"] == "edit_conference"]
    assert (last["actor"], last["action"], last["object_type"], last["object_id"]) == (
        CHAIR.name,
        "edit_conference",
        "child",
        BABY,
    )


@pytest.mark.parametrize(
    ("ref", "given", "born", "error", "message"),
    [
        (REF, "Amara", date(2026, 12, 1), Conflict, "only for a pre-birth conference"),
        (PRE_BIRTH_REF, "  ", date(2026, 12, 1), RuleViolation, "give the baby's given name"),
        (PRE_BIRTH_REF, "Amara", date(2026, 12, 6), RuleViolation, "cannot be after today"),
    ],
)
def test_a_birth_is_refused_in_one_line(
    store: Store, ref: str, given: str, born: date, error: type[Exception], message: str
) -> None:
    s = session(store)
    before, audit = s.conferences.get(PRE_BIRTH_REF), len(events(store))
    child = BABY if ref == PRE_BIRTH_REF else s.conferences.get(ref).children[0].id
    with pytest.raises(error) as caught:
        s.plan_events.record_birth(ref, child, given, "Oyelaran", born)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert s.conferences.get(PRE_BIRTH_REF) == before
    assert len([e for e in events(store)[audit:] if e["action"] == "edit_conference"]) == 0


def test_a_birth_is_recorded_once_and_only_by_the_chair(store: Store) -> None:
    with pytest.raises(PermissionDenied):
        session(store, MINUTER).plan_events.record_birth(
            PRE_BIRTH_REF, BABY, "Amara", "Oyelaran", date(2026, 12, 1)
        )
    s = session(store)
    s.plan_events.record_birth(PRE_BIRTH_REF, BABY, "Amara", "Oyelaran", date(2026, 12, 1))
    with pytest.raises(Conflict, match="already recorded"):
        s.plan_events.record_birth(PRE_BIRTH_REF, BABY, "Ama", "Oyelaran", date(2026, 12, 2))


def test_the_transfer_letter_goes_to_the_originating_authority(store: Store) -> None:
    # Checklist item 7 and issue 20, point 3.
    s = session(store)
    (need,) = [p for p in s.letters.plan(TRANSFER_REF) if p.need.kind is LetterKind.TRANSFER]
    assert need.need.recipient_name == ""
    assert "the authority the plan is transferred from" in need.missing
    conference = s.plan_events.set_transfer_origin(
        TRANSFER_REF, " Northshire Council ", "Ruth Ames", "County Hall\nNorthshire NS1 2AB"
    )
    assert (conference.transfer_from, conference.transfer_contact) == (
        "Northshire Council",
        "Ruth Ames",
    )
    (need,) = [p for p in s.letters.plan(TRANSFER_REF) if p.need.kind is LetterKind.TRANSFER]
    assert need.need.recipient_name == "Ruth Ames"
    # The address the Letters window and the command line start from: the record's.
    assert need.last_address == ("Northshire Council", "County Hall", "Northshire NS1 2AB")
    assert "the authority the plan is transferred from" not in need.missing
    (edit,) = [e for e in events(store) if e["action"] == "edit_conference"]
    assert (edit["actor"], edit["object_type"]) == (CHAIR.name, "conference")


def test_only_a_transfer_in_has_an_originating_authority(store: Store) -> None:
    s = session(store)
    with pytest.raises(Conflict, match="only a transfer-in conference"):
        s.plan_events.set_transfer_origin(REF, "Northshire Council")
    with pytest.raises(RuleViolation, match="name the authority"):
        s.plan_events.set_transfer_origin(TRANSFER_REF, "  ")
    assert s.conferences.get(TRANSFER_REF).conference.transfer_from == ""
