"""Frozen means frozen: once the minutes are approved or issued, nothing a copy shows changes.

Every service method that changes what a copy of the minutes contains is refused, and
changes nothing, while the current version is approved (or issued); reopening the
approval, or a correction's new draft version, lets it change again. Real encrypted
stores holding the first demo conference.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cpc_desktop.domain import approval
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AttendanceKind,
    ConferenceStatus,
    ExclusionGround,
    MinutesState,
    Side,
    UserRole,
)
from cpc_desktop.services.base import frozen_message
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.session import Session
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
DEMO = build_demo_records(date(2026, 11, 23))[0]
REF = DEMO.conference.reference

Change = Callable[[Session, d.ConferenceRecord], object]


def _excluded(r: d.ConferenceRecord) -> tuple[d.Participant, d.AttendanceEvent]:
    return next(
        (p, e) for p in r.participants for e in p.attendance if e.kind is AttendanceKind.EXCLUDED
    )


def _remove_item(s: Session, r: d.ConferenceRecord) -> None:
    item = r.agenda[-1]
    for entry in r.minutes:
        if entry.agenda_item_id == item.id:
            s.entries.delete_entry(entry.id)
    s.agenda.remove_agenda_item(item.id)


def _end_exclusion(s: Session, r: d.ConferenceRecord) -> object:
    _, event = _excluded(r)
    return s.roll_call.end_exclusion(event.id, (event.until or event.at) + timedelta(minutes=5))


CHANGES: dict[str, Change] = {
    "add participant": lambda s, r: s.roll_call.add_participant(
        REF, NewParticipant("Sam New", r.participants[1].role)
    ),
    "update participant": lambda s, r: s.roll_call.update_participant(
        r.participants[1].id, name="Sandra Pell-Jones"
    ),
    "remove participant": lambda s, r: s.roll_call.remove_participant(r.participants[7].id),
    "add exclusion": lambda s, r: s.roll_call.record_attendance(
        _excluded(r)[0].id,
        AttendanceKind.EXCLUDED,
        LATER,
        grounds=ExclusionGround.PREJUDICE_TO_WELFARE,
    ),
    "remove exclusion": lambda s, r: s.roll_call.remove_attendance(_excluded(r)[1].id),
    "end exclusion": _end_exclusion,
    "child participation": lambda s, r: s.roll_call.set_child_participation(
        r.children[0].id, None, None
    ),
    "quorum reason": lambda s, r: s.roll_call.set_quorum_reason(REF, "Police sent apologies"),
    "add agenda item": lambda s, r: s.agenda.add_agenda_item(REF, "Any other business", 5),
    "remove agenda item": _remove_item,
    "move agenda item": lambda s, r: s.agenda.move_agenda_item(r.agenda[-1].id, 0),
    "rename agenda item": lambda s, r: s.agenda.update_agenda_item(r.agenda[0].id, title="Hello"),
    "add entry": lambda s, r: s.entries.add_entry(REF, r.agenda[0].id, "Said while out"),
    "save entry text": lambda s, r: s.entries.save_text(r.minutes[0].id, "changed"),
    "restrict entry": lambda s, r: s.entries.update_entry(
        r.minutes[0].id, restricted=not r.minutes[0].restricted
    ),
    "delete entry": lambda s, r: s.entries.delete_entry(r.minutes[0].id),
    "add action": lambda s, r: s.notes.add_action(REF, "Sandra Pell", "Visit weekly"),
    "safety scale": lambda s, r: s.notes.set_scale(REF, r.participants[1].id, 4),
    "record decision": lambda s, r: s.conferences.record_decision(REF, r.decisions[0]),
    "conference status": lambda s, r: s.conferences.set_status(REF, ConferenceStatus.CANCELLED),
}


def _session(tmp_path: Path, record: d.ConferenceRecord) -> Session:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(record)
    return Session(store, CHAIR, TickingClock(LATER))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = _session(tmp_path, DEMO)
    yield opened
    opened.close()


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_approved_minutes_refuse_then_reopened_allow(session: Session, name: str) -> None:
    change = CHANGES[name]
    session.minutes.approve(REF)
    before = session.conferences.get(REF)
    with pytest.raises(Conflict) as caught:
        change(session, before)
    assert caught.value.message == frozen_message(MinutesState.APPROVED)
    assert "\n" not in caught.value.message
    assert session.conferences.get(REF) == before  # the refusal changed nothing
    session.minutes.reopen(REF)
    change(session, session.conferences.get(REF))


def test_a_corrections_new_draft_allows_every_change(tmp_path: Path) -> None:
    at = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    approved = approval.approve(
        DEMO, new_id="0190a000-0000-7000-8000-000000000001", chair="Demo Chair", at=at
    )
    issued = approval.issue(
        dataclasses.replace(DEMO, minutes_versions=(approved,)), file_sha256="0" * 64, at=at
    )
    draft = approval.amend(
        dataclasses.replace(DEMO, minutes_versions=(issued,)),
        new_id="0190a000-0000-7000-8000-000000000002",
        note="Parent's exclusion times corrected at the chair's request",
        at=at,
    )
    corrected = dataclasses.replace(DEMO, minutes_versions=(issued, draft))
    for n, name in enumerate(sorted(CHANGES)):
        (tmp_path / str(n)).mkdir()
        s = _session(tmp_path / str(n), corrected)
        try:
            CHANGES[name](s, s.conferences.get(REF))
        finally:
            s.close()


def test_issued_minutes_refuse_with_their_state(tmp_path: Path) -> None:
    at = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    approved = approval.approve(
        DEMO, new_id="0190a000-0000-7000-8000-000000000001", chair="Demo Chair", at=at
    )
    issued = approval.issue(
        dataclasses.replace(DEMO, minutes_versions=(approved,)), file_sha256="0" * 64, at=at
    )
    s = _session(tmp_path, dataclasses.replace(DEMO, minutes_versions=(issued,)))
    try:
        before = s.conferences.get(REF)
        with pytest.raises(Conflict, match="the minutes are issued"):
            CHANGES["remove exclusion"](s, before)
        with pytest.raises(Conflict, match="the minutes are issued"):
            CHANGES["add exclusion"](s, before)
        assert s.conferences.get(REF) == before
    finally:
        s.close()


@pytest.mark.parametrize("name", ["remove exclusion", "add exclusion", "record decision"])
def test_the_approval_fingerprint_covers_attendance_and_decisions(name: str) -> None:
    changed = {
        "remove exclusion": lambda r: dataclasses.replace(
            r,
            participants=tuple(
                dataclasses.replace(
                    p,
                    attendance=tuple(
                        e for e in p.attendance if e.kind is not AttendanceKind.EXCLUDED
                    ),
                )
                for p in r.participants
            ),
        ),
        "add exclusion": lambda r: dataclasses.replace(
            r,
            participants=(
                dataclasses.replace(
                    r.participants[0],
                    attendance=(
                        *r.participants[0].attendance,
                        d.AttendanceEvent(
                            id="0190a000-0000-7000-8000-000000000003",
                            kind=AttendanceKind.EXCLUDED,
                            at=LATER,
                            grounds=ExclusionGround.PREJUDICE_TO_WELFARE,
                        ),
                    ),
                ),
                *r.participants[1:],
            ),
        ),
        "record decision": lambda r: dataclasses.replace(r, decisions=r.decisions[1:]),
    }[name](DEMO)
    assert changed != DEMO
    assert approval.content_hash(changed) != approval.content_hash(DEMO)


#: What decides who receives what (issue 16): each is part of the approval fingerprint.
DISCLOSURE_CHANGES: dict[str, Callable[[d.ConferenceRecord], d.ConferenceRecord]] = {
    "side": lambda r: _person(r, side=Side.PROFESSIONAL, side_reason="Engaged by the police"),
    "children": lambda r: _person(r, child_ids=(r.children[0].id,)),
    "address": lambda r: _person(r, address="1 New Road"),
    "withheld": lambda r: _person(r, withhold_from=(r.participants[0].id,)),
    "exclusion shared": lambda r: _exclusion(r, shared_with_family=True),
    "grounds shown": lambda r: _exclusion(r, shown_to_excluded=True),
    "view shared": lambda r: _decision(
        r, views=(dataclasses.replace(r.decisions[0].views[0], shared_with_family=True),)
    ),
    "delay reason shared": lambda r: dataclasses.replace(
        r, conference=dataclasses.replace(r.conference, delay_reason_shared=True)
    ),
    "entry changed": lambda r: _entry(r, changes=((LATER, LATER),)),
    "ruling": lambda r: _entry(r, shown_to=(r.participants[0].id,)),
}


def _person(r: d.ConferenceRecord, **changes: object) -> d.ConferenceRecord:
    first = dataclasses.replace(r.participants[1], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(r, participants=(r.participants[0], first, *r.participants[2:]))


def _exclusion(r: d.ConferenceRecord, **changes: object) -> d.ConferenceRecord:
    person, event = _excluded(r)
    events = tuple(
        dataclasses.replace(e, **changes) if e is event else e  # type: ignore[arg-type]
        for e in person.attendance
    )
    changed = dataclasses.replace(person, attendance=events)
    return dataclasses.replace(
        r, participants=tuple(changed if p is person else p for p in r.participants)
    )


def _decision(r: d.ConferenceRecord, **changes: object) -> d.ConferenceRecord:
    first = dataclasses.replace(r.decisions[0], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(r, decisions=(first, *r.decisions[1:]))


def _entry(r: d.ConferenceRecord, **changes: object) -> d.ConferenceRecord:
    first = dataclasses.replace(r.minutes[0], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(r, minutes=(first, *r.minutes[1:]))


@pytest.mark.parametrize("name", sorted(DISCLOSURE_CHANGES))
def test_the_approval_fingerprint_covers_who_receives_what(name: str) -> None:
    changed = DISCLOSURE_CHANGES[name](DEMO)
    assert changed != DEMO
    assert approval.content_hash(changed) != approval.content_hash(DEMO)


def test_a_copy_of_approved_minutes_is_made_only_from_what_was_approved(tmp_path: Path) -> None:
    """A record changed behind the services' back (here: an approval whose fingerprint
    is not the record's) gives no copy of that version, full or family."""
    at = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    approved = approval.approve(
        DEMO, new_id="0190a000-0000-7000-8000-000000000001", chair="Demo Chair", at=at
    )
    other = DISCLOSURE_CHANGES["exclusion shared"](DEMO)
    s = _session(tmp_path, dataclasses.replace(other, minutes_versions=(approved,)))
    try:
        from cpc_desktop.domain.enums import CopyKind
        from cpc_desktop.domain.minutes_document import MinutesCopy
        from cpc_desktop.services.errors import ServiceError

        for which in (MinutesCopy(), MinutesCopy(CopyKind.FAMILY)):
            with pytest.raises(ServiceError, match=r"no longer matches version 1\.0"):
                s.minutes.preview(REF, which)
    finally:
        s.close()
