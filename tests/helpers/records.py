"""A small, hand-made conference record for data and service tests."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AttendanceKind,
    ConferenceStatus,
    ConferenceType,
    ExclusionGround,
    ParticipantRole,
    Tag,
)

CANARY = "Zq7-canary-Bethany-Oyelaran-Xv9"


def uid(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "cpc-test/" + name))


def small_record(reference: str = "CPC-2026-0042", salt: str = "") -> d.ConferenceRecord:
    at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    sw, mum, police = uid(salt + "sw"), uid(salt + "mum"), uid(salt + "police")
    item = uid(salt + "item")
    return d.ConferenceRecord(
        conference=d.Conference(
            id=uid(salt + "conf"),
            reference=reference,
            type=ConferenceType.INITIAL,
            status=ConferenceStatus.IN_PROGRESS,
            date=date(2026, 11, 20),
            start_time=time(10, 0),
            strategy_discussion_date=date(2026, 11, 2),
        ),
        children=(
            d.Child(
                id=uid(salt + "child"),
                given_name="Bethany",
                family_name="Oyelaran",
                date_of_birth=date(2022, 3, 4),
            ),
        ),
        participants=(
            d.Participant(
                id=sw,
                name="Sam Worker",
                role=ParticipantRole.SOCIAL_WORKER,
                agency="Children's Social Care",
                direct_contact=True,
                attendance=(d.AttendanceEvent(uid(salt + "a1"), AttendanceKind.PRESENT, at),),
            ),
            d.Participant(
                id=police,
                name="PC Dee",
                role=ParticipantRole.PROFESSIONAL,
                agency="Police",
                direct_contact=True,
            ),
            d.Participant(
                id=mum,
                name="Ola Oyelaran",
                role=ParticipantRole.PARENT,
                attendance=(
                    d.AttendanceEvent(
                        uid(salt + "a2"),
                        AttendanceKind.EXCLUDED,
                        at,
                        until=at.replace(minute=20),
                        grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
                    ),
                ),
            ),
        ),
        agenda=(
            d.AgendaItem(
                id=item,
                key="reason",
                title="Reason for the conference",
                status=AgendaStatus.CURRENT,
            ),
        ),
        minutes=(
            d.MinuteEntry(
                id=uid(salt + "m1"),
                agenda_item_id=item,
                text=CANARY,
                author="Min Taker",
                created_at=at,
                updated_at=at,
                speaker_id=sw,
                tag=Tag.FACT,
            ),
            d.MinuteEntry(
                id=uid(salt + "m2"),
                agenda_item_id=item,
                text="Restricted note",
                author="Min Taker",
                created_at=at,
                updated_at=at,
                speaker_id=police,
                tag=Tag.ALLEGATION,
                restricted=True,
            ),
        ),
    )
