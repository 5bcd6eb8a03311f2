"""What the family screen may show, worked out from the record at one instant."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AttendanceKind,
    AttendanceMode,
    ParticipantRole,
)
from cpc_desktop.domain.family_view import Attendee, family_view
from tests.helpers.records import small_record, uid

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _at(minute: int) -> datetime:
    return AT.replace(minute=minute)


def _person(name: str, role: ParticipantRole, *events: d.AttendanceEvent) -> d.Participant:
    return d.Participant(
        uid(name),
        name,
        role,
        agency="Brookfield Primary School",
        relationship="mother of Kai",
        attendance=events,
        address="1 Private Road",
        telephone="01234 567890",
        email="mum@example.org",
        school_or_workplace="Brookfield Primary School",
    )


def _event(
    name: str, kind: AttendanceKind, minute: int = 0, until: int | None = None
) -> d.AttendanceEvent:
    return d.AttendanceEvent(
        uid(f"{name}-{kind}-{minute}"),
        kind,
        _at(minute),
        until=None if until is None else _at(until),
        note="a private note",
    )


def _record(*people: d.Participant) -> d.ConferenceRecord:
    return dataclasses.replace(small_record(), participants=people)


def test_present_left_apologies_and_an_exclusion() -> None:
    mum = _person("Jo Reed", ParticipantRole.PARENT, _event("jo", AttendanceKind.PRESENT, 0))
    dad = _person(
        "Sam Reed",
        ParticipantRole.PARENT,
        _event("sam", AttendanceKind.PRESENT, 0),
        _event("sam", AttendanceKind.EXCLUDED, 20, until=40),
    )
    gp = _person(
        "Dr Ewing", ParticipantRole.PROFESSIONAL, _event("gp", AttendanceKind.APOLOGIES, 0)
    )
    nurse = _person(
        "Ann Shaw",
        ParticipantRole.PROFESSIONAL,
        _event("ann", AttendanceKind.PRESENT, 0),
        _event("ann", AttendanceKind.LEFT, 15),
    )
    late = _person("Kim Lee", ParticipantRole.ADVOCATE, _event("kim", AttendanceKind.ARRIVED, 25))
    absent = _person("Pat Moss", ParticipantRole.CARER, _event("pat", AttendanceKind.ABSENT, 0))
    unmarked = _person("Lou Hart", ParticipantRole.OBSERVER)
    record = _record(mum, dad, gp, nurse, late, absent, unmarked)

    during = family_view(record, _at(30))
    assert during.present == (
        Attendee("Jo Reed", ParticipantRole.PARENT),
        Attendee("Kim Lee", ParticipantRole.ADVOCATE),
    )  # Sam Reed is out of the room: not listed anywhere
    assert during.left == (Attendee("Ann Shaw", ParticipantRole.PROFESSIONAL),)
    assert during.apologies == (Attendee("Dr Ewing", ParticipantRole.PROFESSIONAL),)
    everyone = during.present + during.left + during.apologies
    assert "Sam Reed" not in {a.name for a in everyone}

    after = family_view(record, _at(45))
    assert Attendee("Sam Reed", ParticipantRole.PARENT) in after.present
    before_arrival = family_view(record, _at(10))
    assert "Kim Lee" not in {a.name for a in before_arrival.present}
    assert "Ann Shaw" in {a.name for a in before_arrival.present}


def test_an_attendee_carries_only_a_name_a_role_and_how_they_take_part() -> None:
    assert [f.name for f in dataclasses.fields(Attendee)] == ["name", "role", "mode"]


def test_how_each_person_takes_part_is_their_latest_arrival_s() -> None:
    on_video = dataclasses.replace(_event("jo", AttendanceKind.PRESENT), mode=AttendanceMode.VIDEO)
    in_room = dataclasses.replace(
        _event("jo", AttendanceKind.ARRIVED, 30), mode=AttendanceMode.IN_ROOM
    )
    jo = _person(
        "Jo Reed", ParticipantRole.PARENT, on_video, _event("jo", AttendanceKind.LEFT, 20), in_room
    )
    unsaid = _person("Kim Lee", ParticipantRole.ADVOCATE, _event("kim", AttendanceKind.PRESENT))
    record = _record(jo, unsaid)
    assert family_view(record, _at(10)).present == (
        Attendee("Jo Reed", ParticipantRole.PARENT, AttendanceMode.VIDEO),
        Attendee("Kim Lee", ParticipantRole.ADVOCATE),
    )
    assert family_view(record, _at(25)).left == (Attendee("Jo Reed", ParticipantRole.PARENT),)
    assert family_view(record, _at(35)).present[0].mode is AttendanceMode.IN_ROOM


def test_the_agenda_and_its_current_item() -> None:
    record = small_record()
    item = dataclasses.replace(record.agenda[0], status=AgendaStatus.CURRENT)
    view = family_view(dataclasses.replace(record, agenda=(item,)), AT)
    assert view.current is not None and view.current.title == item.title
    assert view.conference_type is record.conference.type
    assert view.date == record.conference.date
    pending = dataclasses.replace(item, status=AgendaStatus.PENDING)
    assert family_view(dataclasses.replace(record, agenda=(pending,)), AT).current is None
