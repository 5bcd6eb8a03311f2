"""The roll call (RollCallService): participants edited and removed, attendance, exclusions,
the child's participation and the reason for going ahead without a quorum.

Every call is checked for what it returns, what the store then holds, the audit event
it writes, and (for each refusal) its one-line message with nothing changed. Who may
call what is the role table's (test_role_table.py).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AttendanceKind,
    ChildParticipation,
    ParticipantRole,
    View,
)
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import Conflict, NotFound, RuleViolation
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.session import Session
from tests.helpers.meeting import (
    AT,
    CHAIR,
    M1,
    M2,
    MUM,
    POLICE,
    REF,
    SW,
    assert_sound,
    last_event,
    record,
    refused,
)
from tests.helpers.records import uid
from tests.helpers.stores import TickingClock

# --- the roll call --------------------------------------------------------------------


def test_update_participant(store: Store, meeting: Session) -> None:
    changed = meeting.roll_call.update_participant(
        POLICE,
        name="DC Dee",
        role=ParticipantRole.PROFESSIONAL,
        agency="Police (CAIT)",
        report_received=date(2026, 11, 18),
        direct_contact=False,
        interpreter_language="  ",
    )
    assert (changed.name, changed.agency, changed.direct_contact) == (
        "DC Dee",
        "Police (CAIT)",
        False,
    )
    assert changed.report_received == date(2026, 11, 18)
    assert changed.interpreter_language is None
    assert record(store).participants[1] == changed
    event = last_event(store)
    assert (event["action"], event["object_type"], event["object_id"]) == (
        "record_attendance",
        "participant",
        POLICE,
    )
    assert_sound(store)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": uid("other")}, "$.participants[].id: cannot be changed here"),
        ({"attendance": ()}, "$.participants[].attendance: cannot be changed here"),
        ({"shoe_size": 9}, "$.participants[].shoe_size: cannot be changed here"),
        ({"name": " "}, "$.participants[].name: a participant needs a name"),
        ({"name": "x" * 201}, "too long (201 characters; at most 200)"),
        ({"name": 7}, "$.participants[].name: must be text"),
        ({"role": "judge"}, "'judge' is not one of: chair"),
        ({"invited": "yes"}, "$.participants[].invited: must be true or false"),
        ({"report_received": AT}, "$.participants[].report_received: must be a calendar date"),
        ({"report_shared_with_family": "2026-11-01"}, "must be a calendar date"),
    ],
)
def test_update_participant_refusals(
    store: Store, meeting: Session, changes: dict[str, Any], message: str
) -> None:
    refused(
        store,
        lambda: meeting.roll_call.update_participant(POLICE, **changes),
        RuleViolation,
        message,
    )


def test_update_unknown_participant(store: Store, meeting: Session) -> None:
    refused(
        store,
        lambda: meeting.roll_call.update_participant(uid("x"), name="A"),
        NotFound,
        "no participant",
    )


def test_remove_participant_with_their_attendance(store: Store, meeting: Session) -> None:
    meeting.entries.update_entry(M2, speaker_id=None)  # PC Dee no longer spoke
    meeting.roll_call.remove_participant(POLICE)
    people = record(store).participants
    assert [p.id for p in people] == [SW, MUM]
    meeting.entries.update_entry(M1, speaker_id=None)
    meeting.roll_call.remove_participant(SW)
    assert [p.id for p in record(store).participants] == [MUM]
    with store.engine.connect() as conn:
        left = conn.exec_driver_sql("select id from attendance_event").scalars().all()
    assert left == [uid("a2")]  # Sam Worker's attendance went with them
    assert_sound(store)


def test_a_removed_participant_comes_back_with_their_id(store: Store, meeting: Session) -> None:
    meeting.entries.update_entry(M2, speaker_id=None)  # PC Dee no longer spoke
    police = next(p for p in record(store).participants if p.id == POLICE)
    meeting.roll_call.remove_participant(POLICE)
    new = NewParticipant(police.name, police.role, agency=police.agency)
    back = meeting.roll_call.add_participant(REF, new, participant_id=POLICE)
    assert back.id == POLICE
    assert POLICE in [p.id for p in record(store).participants]
    assert last_event(store)["object_id"] == POLICE
    refused(
        store,
        lambda: meeting.roll_call.add_participant(REF, new, participant_id=POLICE),
        Conflict,
        "that participant is already in this store",
    )
    event = meeting.roll_call.record_attendance(
        POLICE, AttendanceKind.LEFT, AT + timedelta(hours=1), event_id=uid("came-back")
    )
    assert event.id == uid("came-back")
    refused(
        store,
        lambda: meeting.roll_call.record_attendance(
            SW, AttendanceKind.LEFT, AT, event_id=uid("came-back")
        ),
        Conflict,
        "that attendance event is already in this store",
    )
    assert_sound(store)


@pytest.mark.parametrize("bad", ["not-a-uuid", uid("x").upper()])
def test_a_participant_id_must_be_a_lower_case_uuid(
    store: Store, meeting: Session, bad: str
) -> None:
    new = NewParticipant("Jo Nurse", ParticipantRole.PROFESSIONAL)
    refused(
        store,
        lambda: meeting.roll_call.add_participant(REF, new, participant_id=bad),
        RuleViolation,
        "$.participants[].id: must be a lower-case UUID",
    )


def test_remove_participant_refusals(store: Store, meeting: Session) -> None:
    refused(
        store,
        lambda: meeting.roll_call.remove_participant(SW),
        Conflict,
        "Sam Worker cannot be removed from the roll call: they spoke in the minutes",
    )
    child = uid("child")
    ConferenceService(store, CHAIR, TickingClock()).record_decision(
        REF,
        d.Decision(
            id=uid("dec"),
            child_id=child,
            views=(d.AgencyView(uid("v1"), MUM, View.UNSURE),),
            dissents=(d.Dissent(uid("d1"), POLICE, "More is needed."),),
            core_group=(uid("newcomer"),),
        ),
    )
    meeting.entries.update_entry(M2, speaker_id=None)
    refused(
        store,
        lambda: meeting.roll_call.remove_participant(MUM),
        Conflict,
        "a view of theirs is recorded",
    )
    refused(
        store, lambda: meeting.roll_call.remove_participant(POLICE), Conflict, "a dissent of theirs"
    )
    refused(
        store,
        lambda: meeting.roll_call.remove_participant(uid("nobody")),
        NotFound,
        "no participant",
    )


def test_remove_participant_refused_for_scale_lead_and_core_group(
    store: Store, meeting: Session
) -> None:
    meeting.entries.update_entry(M2, speaker_id=None)
    meeting.notes.set_scale(REF, POLICE, 4)
    refused(
        store,
        lambda: meeting.roll_call.remove_participant(POLICE),
        Conflict,
        "they gave a safety scale (clear it first)",
    )
    meeting.notes.set_scale(REF, POLICE, None)
    ConferenceService(store, CHAIR, TickingClock()).record_decision(
        REF, d.Decision(id=uid("dec"), child_id=uid("child"), core_group=(POLICE,))
    )
    refused(
        store,
        lambda: meeting.roll_call.remove_participant(POLICE),
        Conflict,
        "they are in a core group",
    )
    ConferenceService(store, CHAIR, TickingClock()).record_decision(
        REF, d.Decision(id=uid("dec2"), child_id=uid("child"), lead_social_worker_id=POLICE)
    )
    refused(
        store,
        lambda: meeting.roll_call.remove_participant(POLICE),
        Conflict,
        "a lead social worker",
    )


def test_remove_attendance(store: Store, meeting: Session) -> None:
    extra = meeting.roll_call.record_attendance(SW, AttendanceKind.LEFT, AT + timedelta(hours=1))
    meeting.roll_call.remove_attendance(uid("a1"))
    (sam,) = (p for p in record(store).participants if p.id == SW)
    assert [event.id for event in sam.attendance] == [extra.id]
    assert last_event(store)["object_type"] == "attendance_event"
    refused(
        store,
        lambda: meeting.roll_call.remove_attendance(uid("a1")),
        NotFound,
        "no attendance event",
    )
    assert_sound(store)


def test_end_exclusion(store: Store, meeting: Session) -> None:
    until = AT + timedelta(minutes=45)
    ended = meeting.roll_call.end_exclusion(uid("a2"), until)
    assert ended.until == until
    (mum,) = (p for p in record(store).participants if p.id == MUM)
    assert mum.attendance[0] == ended
    refused(
        store,
        lambda: meeting.roll_call.end_exclusion(uid("a1"), until),
        RuleViolation,
        "only an exclusion can be ended",
    )
    refused(
        store,
        lambda: meeting.roll_call.end_exclusion(uid("a2"), AT),
        RuleViolation,
        "an exclusion must end after it starts",
    )
    refused(
        store,
        lambda: meeting.roll_call.end_exclusion(uid("a2"), datetime(2026, 11, 20, 11)),
        RuleViolation,
        "must be a time with its time zone",
    )
    refused(
        store,
        lambda: meeting.roll_call.end_exclusion(uid("zz"), until),
        NotFound,
        "no attendance event",
    )
    assert_sound(store)


def test_set_child_participation(store: Store, meeting: Session) -> None:
    child = uid("child")
    refused(
        store,
        lambda: meeting.roll_call.set_child_participation(
            child, ChildParticipation.NOT_TAKING_PART, " "
        ),
        RuleViolation,
        "$.children[].participation_reason: say why the child is not taking part",
    )
    done = meeting.roll_call.set_child_participation(
        child, ChildParticipation.NOT_TAKING_PART, "She is three years old."
    )
    assert (done.participation, done.participation_reason) == (
        ChildParticipation.NOT_TAKING_PART,
        "She is three years old.",
    )
    done = meeting.roll_call.set_child_participation(child, ChildParticipation.WRITTEN_OR_DRAWN, "")
    assert (done.participation, done.participation_reason) == (
        ChildParticipation.WRITTEN_OR_DRAWN,
        None,
    )
    assert record(store).children[0] == done
    assert meeting.roll_call.set_child_participation(child, None, None).participation is None
    refused(
        store,
        lambda: meeting.roll_call.set_child_participation(child, "singing", None),  # type: ignore[arg-type]
        RuleViolation,
        "'singing' is not one of",
    )
    refused(
        store,
        lambda: meeting.roll_call.set_child_participation(uid("x"), None, None),
        NotFound,
        "no child",
    )
    assert_sound(store)


def test_set_quorum_reason(store: Store, meeting: Session) -> None:
    conference = meeting.roll_call.set_quorum_reason(
        REF, "Police could not attend; the chair went ahead."
    )
    assert conference.quorum_reason == "Police could not attend; the chair went ahead."
    assert record(store).conference == conference
    assert meeting.roll_call.set_quorum_reason(REF, "  ").quorum_reason is None
    event = last_event(store)
    assert (event["action"], event["object_id"]) == ("edit_conference", uid("conf"))
    refused(
        store, lambda: meeting.roll_call.set_quorum_reason("nope", "x"), NotFound, "no conference"
    )
    assert_sound(store)


# --- sharing with the family (issue 16, point 3) ------------------------------------


def test_an_exclusion_is_recorded_closed_and_shared_when_the_chair_says(
    store: Store, meeting: Session
) -> None:
    from cpc_desktop.domain.enums import ExclusionGround

    closed = meeting.roll_call.record_attendance(
        MUM, AttendanceKind.EXCLUDED, AT + timedelta(hours=1), grounds=ExclusionGround.CHILD_ASKED
    )
    assert (closed.shared_with_family, closed.shown_to_excluded) == (False, False)
    shared = meeting.roll_call.record_attendance(
        MUM,
        AttendanceKind.EXCLUDED,
        AT + timedelta(hours=2),
        grounds=ExclusionGround.CHILD_ASKED,
        note="Kai asked to speak without his mother there",
        shared_with_family=True,
        shown_to_excluded=True,
    )
    (mum,) = (p for p in record(store).participants if p.id == MUM)
    assert shared in mum.attendance and closed in mum.attendance
    assert (shared.shared_with_family, shared.shown_to_excluded) == (True, True)

    changed = meeting.roll_call.share_exclusion(shared.id, True)
    assert (changed.shared_with_family, changed.shown_to_excluded) == (True, False)
    event = last_event(store)
    assert (event["action"], event["object_id"]) == ("record_attendance", shared.id)
    assert meeting.roll_call.share_exclusion(shared.id, False).shared_with_family is False
    (mum,) = (p for p in record(store).participants if p.id == MUM)
    assert next(e for e in mum.attendance if e.id == shared.id) == dataclasses.replace(
        shared, shared_with_family=False, shown_to_excluded=False
    )
    assert_sound(store)


def test_sharing_is_held_to_its_rules(store: Store, meeting: Session) -> None:
    from cpc_desktop.domain.enums import ExclusionGround

    refused(
        store,
        lambda: meeting.roll_call.share_exclusion(uid("a2"), False, True),
        RuleViolation,
        "share the grounds with the family before showing them to the excluded person",
    )
    refused(
        store,
        lambda: meeting.roll_call.share_exclusion(uid("a1"), True),
        RuleViolation,
        "only an exclusion's grounds can be shared",
    )
    refused(
        store,
        lambda: meeting.roll_call.record_attendance(
            SW, AttendanceKind.LEFT, AT + timedelta(hours=1), shared_with_family=True
        ),
        RuleViolation,
        "only an exclusion's grounds can be shared",
    )
    refused(
        store,
        lambda: meeting.roll_call.record_attendance(
            MUM,
            AttendanceKind.EXCLUDED,
            AT + timedelta(hours=1),
            grounds=ExclusionGround.CHILD_ASKED,
            shared_with_family="yes",  # type: ignore[arg-type]
        ),
        RuleViolation,
        "must be true or false",
    )
    refused(
        store,
        lambda: meeting.roll_call.share_exclusion(uid("zz"), True),
        NotFound,
        "no attendance event",
    )
    refused(
        store,
        lambda: meeting.roll_call.set_quorum_reason(REF, " ", shared=True),
        RuleViolation,
        "there is no reason to share",
    )
    assert_sound(store)


def test_a_quorum_reason_can_be_shared(store: Store, meeting: Session) -> None:
    shared = meeting.roll_call.set_quorum_reason(REF, "The risk of waiting", shared=True)
    assert (shared.quorum_reason, shared.quorum_reason_shared) == ("The risk of waiting", True)
    assert record(store).conference == shared
    closed = meeting.roll_call.set_quorum_reason(REF, "The risk of waiting")
    assert closed.quorum_reason_shared is False  # the default stays closed
    assert_sound(store)
