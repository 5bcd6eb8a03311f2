"""How each person takes part (in the room, on video, by phone), and when they join and
leave, as the roll-call service records it; joining and leaving drive the quorum."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import (
    AttendanceKind,
    AttendanceMode,
    ExclusionGround,
    ParticipantRole,
)
from cpc_desktop.domain.family_view import family_view
from cpc_desktop.services.errors import RuleViolation
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.session import Session
from tests.helpers.meeting import AT, POLICE, REF, SW, assert_sound, last_event, record, refused


def _nurse(meeting: Session) -> str:
    new = NewParticipant(
        "Hana Visitor", ParticipantRole.PROFESSIONAL, agency="Health", direct_contact=True
    )
    return meeting.roll_call.add_participant(REF, new).id


def test_a_mode_is_recorded_with_an_arrival_and_a_change_is_a_new_arrival(
    store: Store, meeting: Session
) -> None:
    nurse = _nurse(meeting)
    on_video = meeting.roll_call.record_attendance(
        nurse, AttendanceKind.PRESENT, AT, mode=AttendanceMode.VIDEO
    )
    assert on_video.mode is AttendanceMode.VIDEO
    assert last_event(store)["object_id"] == nurse
    by_phone = meeting.roll_call.record_attendance(
        nurse,
        AttendanceKind.ARRIVED,
        AT + timedelta(minutes=40),
        mode="phone",  # type: ignore[arg-type]
    )
    assert by_phone.mode is AttendanceMode.PHONE
    (hana,) = (p for p in record(store).participants if p.id == nurse)
    assert [(e.kind, e.mode) for e in hana.attendance] == [
        (AttendanceKind.PRESENT, AttendanceMode.VIDEO),
        (AttendanceKind.ARRIVED, AttendanceMode.PHONE),
    ]
    # The family screen says how they take part at each moment.
    view = family_view(record(store), AT + timedelta(minutes=10))
    assert [(a.name, a.mode) for a in view.present if a.name == "Hana Visitor"] == [
        ("Hana Visitor", AttendanceMode.VIDEO)
    ]
    view = family_view(record(store), AT + timedelta(minutes=41))
    assert [(a.name, a.mode) for a in view.present if a.name == "Hana Visitor"] == [
        ("Hana Visitor", AttendanceMode.PHONE)
    ]
    assert_sound(store)


@pytest.mark.parametrize(
    "kind",
    [
        AttendanceKind.APOLOGIES,
        AttendanceKind.ABSENT,
        AttendanceKind.LEFT,
        AttendanceKind.EXCLUDED,
    ],
)
def test_a_mode_is_refused_on_an_event_that_is_not_taking_part(
    store: Store, meeting: Session, kind: AttendanceKind
) -> None:
    grounds = ExclusionGround.CHILD_ASKED if kind is AttendanceKind.EXCLUDED else None
    refused(
        store,
        lambda: meeting.roll_call.record_attendance(
            POLICE, kind, AT, grounds=grounds, mode=AttendanceMode.PHONE
        ),
        RuleViolation,
        "only someone present or arriving takes part in the room, on video or by phone",
    )


def test_an_unknown_mode_is_refused(store: Store, meeting: Session) -> None:
    refused(
        store,
        lambda: meeting.roll_call.record_attendance(
            POLICE,
            AttendanceKind.PRESENT,
            AT,
            mode="carrier pigeon",  # type: ignore[arg-type]
        ),
        RuleViolation,
        "is not one of: in_room, video, phone",
    )


def test_a_dropped_call_makes_the_meeting_inquorate_until_they_ring_back_in(
    store: Store, meeting: Session
) -> None:
    nurse = _nurse(meeting)
    roll_call = meeting.roll_call
    roll_call.record_attendance(POLICE, AttendanceKind.PRESENT, AT, mode=AttendanceMode.IN_ROOM)
    roll_call.record_attendance(nurse, AttendanceKind.PRESENT, AT, mode=AttendanceMode.VIDEO)

    def quorate(minutes: int) -> bool:
        return meeting.rules.quorum(record(store), AT + timedelta(minutes=minutes)).quorate

    assert quorate(10)
    roll_call.record_attendance(nurse, AttendanceKind.LEFT, AT + timedelta(minutes=30))
    assert not quorate(31)
    roll_call.record_attendance(
        nurse, AttendanceKind.ARRIVED, AT + timedelta(minutes=35), mode=AttendanceMode.PHONE
    )
    assert quorate(36)
    assert quorate(10)  # the earlier moment is judged as it was
    assert not quorate(32)
    # Children's social care leaving ends the quorum too, whatever the others do.
    roll_call.record_attendance(SW, AttendanceKind.LEFT, AT + timedelta(minutes=50))
    assert not quorate(51)
