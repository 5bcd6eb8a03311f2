"""Records for the family screen's tests: a Wales meeting, and private details to hunt for.

:func:`wales_meeting` is the demo's pre-birth conference under the Wales profile, with
the Wales agenda; :func:`with_secrets` fills every private field of every person (and
an exclusion's grounds and note, minute text and a decision) with text the tests then
look for on the family screen, which must never show any of it.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AttendanceKind,
    AttendanceMode,
    ConferenceType,
    ExclusionGround,
    Outcome,
)
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile
from tests.helpers.records import uid

TODAY = date(2026, 11, 23)
#: How the people in :func:`with_secrets` take part, in turn (the last: not said).
MODES = (AttendanceMode.IN_ROOM, AttendanceMode.VIDEO, AttendanceMode.PHONE, None)
PRE_BIRTH = "CPC-2026-0003"  # 26 Nov 2026, 10:30; seven invitees, nobody marked
MEETING_STARTS = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)

#: Text that must never reach the family screen.
SECRETS = (
    "12 Hidden Row",
    "07700 900321",
    "private@example.org",
    "Secret Valley Primary",
    "GROUNDS-NOTE-never-shown",
    "MINUTE-TEXT-never-shown",
    "RESTRICTED-never-shown",
    "DECISION-REASON-never-shown",
    "ATTENDANCE-NOTE-never-shown",
    "Confidential information",  # an exclusion ground, as the roll call labels it
    "confidential_information",
)


def wales_meeting() -> d.ConferenceRecord:
    """The demo's pre-birth conference under the Wales profile, with its agenda."""
    record = next(r for r in build_demo_records(TODAY) if r.conference.reference == PRE_BIRTH)
    wales = load_profile("wales")
    agenda = tuple(
        d.AgendaItem(uid(f"wales-agenda-{item.key}"), item.key, item.title, item.minutes)
        for item in wales.agenda.for_type(ConferenceType.PRE_BIRTH)
    )
    conference = dataclasses.replace(record.conference, profile="wales")
    return dataclasses.replace(record, conference=conference, agenda=agenda)


def with_secrets(record: d.ConferenceRecord) -> d.ConferenceRecord:
    """``record`` with every private detail filled, the second parent excluded from 10:50
    to 11:05 (with grounds and a note), minute text, a restricted entry and a decision."""
    at = MEETING_STARTS
    people = []
    parents = [p.id for p in record.participants if p.role.value == "parent"]
    for person in record.participants:
        how = MODES[len(people) % len(MODES)]
        events: tuple[d.AttendanceEvent, ...] = (
            d.AttendanceEvent(uid(f"{person.id}-present"), AttendanceKind.PRESENT, at, mode=how),
        )
        if person.id == parents[-1]:
            events += (
                d.AttendanceEvent(
                    uid(f"{person.id}-excluded"),
                    AttendanceKind.EXCLUDED,
                    at.replace(hour=10, minute=50),
                    until=at.replace(hour=11, minute=5),
                    grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
                    note="GROUNDS-NOTE-never-shown",
                ),
            )
        people.append(
            dataclasses.replace(
                person,
                attendance=events,
                address="12 Hidden Row\nFenbridge",
                telephone="07700 900321",
                email="private@example.org",
                school_or_workplace="Secret Valley Primary",
                relationship=f"{person.relationship} ATTENDANCE-NOTE-never-shown",
                agency=f"{person.agency} Secret Valley Primary" if person.agency else "",
            )
        )
    first, second = record.agenda[0], record.agenda[1]
    agenda = (
        dataclasses.replace(first, status=AgendaStatus.DONE),
        dataclasses.replace(second, status=AgendaStatus.CURRENT),
        *record.agenda[2:],
    )
    minutes = tuple(
        d.MinuteEntry(
            uid(f"minute-{n}"), first.id, text, "Demo Chair", at, at, restricted=restricted
        )
        for n, (text, restricted) in enumerate(
            (("MINUTE-TEXT-never-shown", False), ("RESTRICTED-never-shown", True))
        )
    )
    decision = d.Decision(
        uid("decision"),
        record.children[0].id,
        threshold_met=True,
        outcome=Outcome.CP_PLAN,
        reason="DECISION-REASON-never-shown",
    )
    return dataclasses.replace(
        record,
        participants=tuple(people),
        agenda=agenda,
        minutes=minutes,
        decisions=(decision,),
    )
