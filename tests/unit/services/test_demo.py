"""The demo conference: realistic, complete, consistent and deterministic."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields, is_dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest

from cpc_desktop.domain.conference import ConferenceRecord, Participant
from cpc_desktop.domain.enums import (
    PROFESSIONAL_ROLES,
    AgendaStatus,
    AttendanceKind,
    ConferenceStatus,
    ConferenceType,
    ExclusionGround,
    Outcome,
    ParticipantRole,
)
from cpc_desktop.services.demo import build_demo_record, build_demo_records, sample_calendar

AGENDA_KEYS = (
    "welcome",
    "purpose",
    "equality",
    "apologies_reports",
    "reason",
    "agency_information",
    "childs_views",
    "parents_views",
    "analysis",
    "decision",
    "plan",
    "future_meetings",
)

# A Tuesday in GMT, a Monday in BST, a Saturday, a leap day and two year boundaries.
TODAYS = (
    date(2026, 3, 10),
    date(2026, 6, 15),
    date(2026, 10, 24),
    date(2028, 2, 29),
    date(2027, 1, 1),
    date(2026, 12, 31),
)


@pytest.fixture(params=TODAYS, ids=str)
def today(request: pytest.FixtureRequest) -> date:
    value = request.param
    assert isinstance(value, date)
    return value


@pytest.fixture
def record(today: date) -> ConferenceRecord:
    return build_demo_record(today)


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def add_working_days(start: date, n: int) -> date:
    """``n`` working days of the sample's calendar after (or, if negative, before) ``start``."""
    calendar = sample_calendar(start)
    return (
        calendar.add_working_days(start, n) if n >= 0 else calendar.subtract_working_days(start, -n)
    )


def is_professional(participant: Participant) -> bool:
    return participant.role in PROFESSIONAL_ROLES


def attended(participant: Participant) -> bool:
    kinds = {event.kind for event in participant.attendance}
    return bool(kinds & {AttendanceKind.PRESENT, AttendanceKind.ARRIVED})


def in_room(participant: Participant, at: datetime) -> bool:
    """Whether the attendance events put the participant in the meeting at ``at``."""
    inside = False
    for event in sorted(participant.attendance, key=lambda e: e.at):
        if event.at > at:
            break
        if event.kind in (AttendanceKind.PRESENT, AttendanceKind.ARRIVED):
            inside = True
        elif event.kind in (AttendanceKind.LEFT, AttendanceKind.APOLOGIES, AttendanceKind.ABSENT):
            inside = False
        elif event.kind is AttendanceKind.EXCLUDED:
            assert event.until is not None
            if at < event.until:
                inside = False
    return inside


def all_ids(value: object) -> list[str]:
    """Every ``id`` field anywhere in a record (dataclasses and tuples of them)."""
    found: list[str] = []
    if isinstance(value, tuple):
        for item in value:
            found.extend(all_ids(item))
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            attribute = getattr(value, f.name)
            if f.name == "id":
                found.append(attribute)
            else:
                found.extend(all_ids(attribute))
    return found


def all_datetimes(value: object) -> list[datetime]:
    found: list[datetime] = []
    if isinstance(value, datetime):
        found.append(value)
    elif isinstance(value, tuple):
        for item in value:
            found.extend(all_datetimes(item))
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            found.extend(all_datetimes(getattr(value, f.name)))
    return found


# --- the conference ---------------------------------------------------------------------


def test_conference_is_a_concluded_initial_held_two_working_days_ago(
    record: ConferenceRecord, today: date
) -> None:
    conference = record.conference
    assert conference.type is ConferenceType.INITIAL
    assert conference.status is ConferenceStatus.CONCLUDED
    assert conference.profile == "england"
    assert conference.date == add_working_days(today, -2)
    assert conference.date.weekday() < 5
    assert conference.date < today
    assert conference.reference == f"CPC-{conference.date.year}-0001"
    assert conference.local_authority
    assert conference.venue
    assert conference.strategy_discussion_date is not None
    assert conference.strategy_discussion_date <= add_working_days(conference.date, -1)
    assert add_working_days(conference.strategy_discussion_date, 15) >= conference.date


def test_the_sample_counts_weekdays_but_christmas_boxing_day_and_new_years_day() -> None:
    friday = date(2026, 3, 6)
    assert add_working_days(friday, 1) == date(2026, 3, 9)
    assert add_working_days(date(2026, 3, 9), -1) == friday
    assert add_working_days(date(2026, 3, 7), -2) == date(2026, 3, 5)
    assert add_working_days(friday, 0) == friday
    # Christmas Day, Boxing Day and New Year's Day are never meeting days.
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert add_working_days(date(2027, 1, 4), -1) == date(2026, 12, 31)
    # Other bank holidays are deliberately not closed: the sample needs no holiday table.
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 3)  # Good Friday
    assert add_working_days(date(2026, 5, 22), 1) == date(2026, 5, 25)  # spring bank holiday


# --- children ------------------------------------------------------------------------------


def test_sibling_group_of_three_with_one_under_five(record: ConferenceRecord, today: date) -> None:
    children = record.children
    assert len(children) >= 2
    assert len({child.family_name for child in children}) == 1
    ages = sorted(age_on(child.date_of_birth, today) for child in children if child.date_of_birth)
    assert ages == [3, 7, 12]
    assert any(age < 5 for age in ages)
    assert all(child.participation is not None for child in children)
    assert all(child.participation_reason for child in children)


# --- participants --------------------------------------------------------------------------


def test_participants_and_agencies(record: ConferenceRecord) -> None:
    participants = record.participants
    assert len(participants) >= 12
    professionals = [p for p in participants if is_professional(p)]
    assert len({p.agency for p in professionals}) >= 7
    roles = Counter(p.role for p in participants)
    assert roles[ParticipantRole.CHAIR] == 1
    assert roles[ParticipantRole.MINUTE_TAKER] == 1
    assert roles[ParticipantRole.SOCIAL_WORKER] == 1
    assert roles[ParticipantRole.PARENT] == 2
    assert roles[ParticipantRole.SUPPORTER] >= 1
    assert roles[ParticipantRole.ADVOCATE] >= 1
    social_worker = next(p for p in participants if p.role is ParticipantRole.SOCIAL_WORKER)
    assert social_worker.agency == "Children's Social Care"
    assert all(p.direct_contact for p in professionals if p.role is ParticipantRole.PROFESSIONAL)
    assert all(p.relationship for p in participants)


def test_attendance_has_late_arrival_early_departure_apologies_and_exclusion(
    record: ConferenceRecord,
) -> None:
    events = [event for p in record.participants for event in p.attendance]
    kinds = Counter(event.kind for event in events)
    assert kinds[AttendanceKind.PRESENT] >= 10
    assert kinds[AttendanceKind.ARRIVED] >= 1
    assert kinds[AttendanceKind.LEFT] >= 1
    assert kinds[AttendanceKind.APOLOGIES] >= 1
    exclusions = [event for event in events if event.kind is AttendanceKind.EXCLUDED]
    assert len(exclusions) == 1
    (exclusion,) = exclusions
    assert exclusion.grounds is ExclusionGround.CONFIDENTIAL_INFORMATION
    assert exclusion.until is not None
    assert exclusion.until - exclusion.at == timedelta(minutes=15)
    excluded = next(p for p in record.participants if exclusion in p.attendance)
    assert excluded.role is ParticipantRole.PARENT
    assert all(event.at.date() == record.conference.date for event in events)


def test_reports_mostly_on_time_and_one_shared_late(record: ConferenceRecord) -> None:
    day = record.conference.date
    with_reports = [p for p in record.participants if p.report_received is not None]
    assert len(with_reports) >= 6
    late = [
        p
        for p in with_reports
        if p.report_shared_with_family is None
        or p.report_shared_with_family > add_working_days(day, -3)
    ]
    assert len(late) == 1
    gp = late[0]
    assert any(event.kind is AttendanceKind.APOLOGIES for event in gp.attendance)


# --- agenda and minutes --------------------------------------------------------------------


def test_agenda_is_complete_and_done(record: ConferenceRecord) -> None:
    assert tuple(item.key for item in record.agenda) == AGENDA_KEYS
    assert all(item.status is AgendaStatus.DONE for item in record.agenda)
    assert all(item.title and item.allowance_minutes > 0 for item in record.agenda)


def test_minutes_cover_every_item_in_order(record: ConferenceRecord) -> None:
    minutes = record.minutes
    assert 30 <= len(minutes) <= 45
    item_ids = [item.id for item in record.agenda]
    assert {entry.agenda_item_id for entry in minutes} == set(item_ids)
    positions = [item_ids.index(entry.agenda_item_id) for entry in minutes]
    assert positions == sorted(positions)
    for earlier, later in pairwise(minutes):
        assert earlier.updated_at <= later.created_at
    assert all(entry.created_at <= entry.updated_at for entry in minutes)
    minute_taker = next(p for p in record.participants if p.role is ParticipantRole.MINUTE_TAKER)
    assert {entry.author for entry in minutes} == {minute_taker.name}
    assert len({entry.tag for entry in minutes if entry.tag is not None}) == 4
    assert all(entry.text.strip() for entry in minutes)


def test_speakers_are_participants_in_the_room(record: ConferenceRecord) -> None:
    by_id = {p.id: p for p in record.participants}
    for entry in record.minutes:
        assert entry.speaker_id in by_id
        assert in_room(by_id[entry.speaker_id], entry.created_at), entry.text


def test_restricted_entries_fall_inside_an_exclusion_window(record: ConferenceRecord) -> None:
    windows = [
        (event.at, event.until)
        for p in record.participants
        for event in p.attendance
        if event.kind is AttendanceKind.EXCLUDED and event.until is not None
    ]
    restricted = [entry for entry in record.minutes if entry.restricted]
    assert len(restricted) >= 2
    for entry in restricted:
        assert any(start <= entry.created_at <= end for start, end in windows)


def test_childs_and_parents_views_are_recorded(record: ConferenceRecord) -> None:
    by_key = {item.key: item.id for item in record.agenda}
    by_id = {p.id: p for p in record.participants}
    child_entries = [e for e in record.minutes if e.agenda_item_id == by_key["childs_views"]]
    parent_entries = [e for e in record.minutes if e.agenda_item_id == by_key["parents_views"]]
    assert len(child_entries) >= 2
    speakers = {by_id[e.speaker_id].role for e in parent_entries if e.speaker_id}
    assert ParticipantRole.PARENT in speakers


# --- decisions -----------------------------------------------------------------------------


def test_one_final_decision_per_child(record: ConferenceRecord) -> None:
    assert sorted(d.child_id for d in record.decisions) == sorted(c.id for c in record.children)
    assert all(d.final for d in record.decisions)
    assert all(d.threshold_met is not None and d.threshold_rationale for d in record.decisions)


def test_every_present_professional_gives_a_view_on_every_child(
    record: ConferenceRecord,
) -> None:
    present = {p.id for p in record.participants if is_professional(p) and attended(p)}
    participant_ids = {p.id for p in record.participants}
    for decision in record.decisions:
        view_ids = [view.participant_id for view in decision.views]
        assert set(view_ids) <= participant_ids
        assert len(view_ids) == len(set(view_ids))
        assert present <= set(view_ids)
        assert all(view.reason for view in decision.views)


def test_outcomes_categories_and_one_dissent(record: ConferenceRecord, today: date) -> None:
    children = {c.id: c for c in record.children}
    by_age = {
        age_on(children[d.child_id].date_of_birth or today, today): d for d in record.decisions
    }
    youngest, middle, eldest = by_age[3], by_age[7], by_age[12]

    assert youngest.outcome is Outcome.CP_PLAN
    assert set(youngest.categories) == {"neglect", "emotional_abuse"}
    assert youngest.primary_category == "neglect"
    assert middle.outcome is Outcome.CP_PLAN
    assert middle.categories == ("neglect",)
    assert eldest.outcome is Outcome.CIN_PLAN
    assert eldest.categories == ()
    assert eldest.threshold_met is False

    dissents = [dissent for d in record.decisions for dissent in d.dissents]
    assert len(dissents) == 1
    assert eldest.dissents == tuple(dissents)
    participant_ids = {p.id for p in record.participants}
    assert dissents[0].participant_id in participant_ids
    assert dissents[0].reasons


def test_plan_details(record: ConferenceRecord) -> None:
    day = record.conference.date
    social_worker = next(p for p in record.participants if p.role is ParticipantRole.SOCIAL_WORKER)
    participant_ids = {p.id for p in record.participants}
    for decision in record.decisions:
        assert decision.lead_social_worker_id == social_worker.id
        assert "01632 960" in decision.lead_social_worker_contact
        assert "example.org" in decision.lead_social_worker_contact
        assert decision.core_group
        assert set(decision.core_group) < participant_ids
        assert decision.first_core_group_date == add_working_days(day, 8)
        assert decision.review_date is not None
        assert day < decision.review_date <= day + timedelta(days=92)
        assert decision.review_date.weekday() < 5
        assert decision.contingency_plan
        assert decision.parents_view
        assert decision.child_view
        assert 3 <= len(decision.actions) <= 5
        for action in decision.actions:
            assert action.owner and action.action
            assert action.due_date is not None and action.due_date > day


def test_nothing_issued_yet(record: ConferenceRecord) -> None:
    assert record.minutes_versions == ()
    assert record.letters == ()
    assert record.distributions == ()


# --- ids, instants, determinism ------------------------------------------------------------


def test_every_id_is_unique(today: date) -> None:
    ids = all_ids(build_demo_records(today))
    assert len(ids) > 100
    assert len(ids) == len(set(ids))


def test_every_instant_is_utc(today: date) -> None:
    instants = all_datetimes(build_demo_records(today))
    assert instants
    assert all(i.utcoffset() == timedelta(0) for i in instants)


def test_meeting_starts_at_ten_local_time() -> None:
    winter = build_demo_record(date(2026, 1, 14))
    summer = build_demo_record(date(2026, 7, 15))
    assert min(e.at for p in winter.participants for e in p.attendance).hour == 10
    assert min(e.at for p in summer.participants for e in p.attendance).hour == 9


def test_deterministic_for_the_same_today(today: date) -> None:
    assert build_demo_record(today) == build_demo_record(today)
    assert build_demo_records(today) == build_demo_records(today)


def test_author_is_the_chair() -> None:
    record = build_demo_record(date(2026, 3, 10), author="Jo Example")
    chair = next(p for p in record.participants if p.role is ParticipantRole.CHAIR)
    assert chair.name == "Jo Example"


# --- the smaller samples -------------------------------------------------------------------


def test_demo_records_list(today: date) -> None:
    records = build_demo_records(today)
    assert len(records) == 4
    main, review, pre_birth, plan_review = records
    assert main == build_demo_record(today)
    assert len({r.conference.reference for r in records}) == 4
    # Last, the review of the main sample's plan (tests/unit/services/test_demo_review.py).
    assert plan_review.conference.previous_conference_id == main.conference.id
    assert plan_review.conference.date > today and plan_review.conference.date.weekday() < 5

    assert review.conference.type is ConferenceType.REVIEW
    assert review.conference.status is ConferenceStatus.SCHEDULED
    assert review.conference.date > today
    assert review.conference.previous_conference_date is not None
    assert review.conference.review_number == 1
    assert len(review.children) == 1
    assert review.children[0].date_of_birth is not None

    assert pre_birth.conference.type is ConferenceType.PRE_BIRTH
    assert pre_birth.conference.status is ConferenceStatus.SCHEDULED
    assert pre_birth.conference.date > today
    (unborn,) = pre_birth.children
    assert unborn.date_of_birth is None
    assert unborn.expected_date_of_delivery is not None
    assert unborn.expected_date_of_delivery > pre_birth.conference.date

    for extra in (review, pre_birth):
        assert extra.conference.date.weekday() < 5
        assert len(extra.participants) >= 4
        assert extra.minutes == () and extra.decisions == ()
        assert all(item.status is AgendaStatus.PENDING for item in extra.agenda)
