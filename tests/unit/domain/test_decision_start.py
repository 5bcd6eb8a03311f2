"""What the decision wizard starts from: the views minuted and the safety scales."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

from cpc_desktop.domain.conference import (
    AgendaItem,
    AttendanceEvent,
    MinuteEntry,
    Participant,
    SafetyScale,
)
from cpc_desktop.domain.decision_start import minuted_views, scale_reasons
from cpc_desktop.domain.enums import AttendanceKind, ExclusionGround, ParticipantRole
from cpc_desktop.services.demo import build_demo_records

AT = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def _entry(n: int, item: str, text: str, *, restricted: bool = False) -> MinuteEntry:
    return MinuteEntry(f"e{n}", item, text, "Chair", AT, AT, restricted=restricted)


def test_only_unrestricted_entries_under_the_item_are_taken_in_order() -> None:
    demo = build_demo_records(date(2026, 11, 23))[0]
    record = dataclasses.replace(
        demo,
        agenda=(AgendaItem("p", "parents_views", "Parents"), AgendaItem("o", "other", "Other")),
        minutes=(
            _entry(1, "p", " First. "),
            _entry(2, "o", "Not a view"),
            _entry(3, "p", "Secret", restricted=True),
            _entry(4, "p", "   "),
            _entry(5, "p", "Second."),
        ),
    )
    assert minuted_views(record, "parents_views") == "First.\nSecond."
    assert minuted_views(record, "childs_views") == ""


def test_a_scale_is_said_in_words_for_the_professionals_asked_only() -> None:
    police = Participant("pc", "DC Hart", ParticipantRole.PROFESSIONAL, agency="Police")
    scales = (
        SafetyScale("s1", "pc", 3, "Injuries not explained"),
        SafetyScale("s2", "mum", 6),
        SafetyScale("s3", "hv", 7),
    )
    health = Participant("hv", "Hana", ParticipantRole.PROFESSIONAL, agency="Health")
    assert scale_reasons(scales, (police, health)) == {
        "pc": "Scaled safety at 3 out of 10: Injuries not explained",
        "hv": "Scaled safety at 7 out of 10",
    }


def test_what_was_said_while_a_parent_was_out_is_not_taken() -> None:
    demo = build_demo_records(date(2026, 11, 23))[0]
    parent = next(p for p in demo.participants if p.role is ParticipantRole.PARENT)
    out = AttendanceEvent(
        "x",
        AttendanceKind.EXCLUDED,
        AT,
        until=AT + timedelta(minutes=15),
        grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
    )
    people = tuple(
        dataclasses.replace(p, attendance=(*p.attendance, out)) if p.id == parent.id else p
        for p in demo.participants
    )
    later = AT + timedelta(minutes=20)
    record = dataclasses.replace(
        demo,
        participants=people,
        agenda=(AgendaItem("p", "parents_views", "Parents"),),
        minutes=(
            MinuteEntry(
                "e1",
                "p",
                "Said while out",
                "Chair",
                AT + timedelta(minutes=5),
                AT + timedelta(minutes=5),
            ),
            MinuteEntry("e2", "p", "Said after", "Chair", later, later),
        ),
    )
    assert minuted_views(record, "parents_views") == "Said after"
