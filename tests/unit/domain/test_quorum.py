"""Presence derived from attendance events, and the quorum rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpc_desktop.domain.conference import (
    AttendanceEvent,
    Conference,
    ConferenceRecord,
    Participant,
)
from cpc_desktop.domain.enums import (
    AttendanceKind,
    AttendanceMode,
    ConferenceStatus,
    ConferenceType,
    ExclusionGround,
    ParticipantRole,
)
from cpc_desktop.domain.profile import Agency, Quorum
from cpc_desktop.domain.quorum import (
    QuorumResult,
    agency_grouping,
    excluded_at,
    present_at,
    quorum_at,
    record_quorum,
)

CSC = "Children's social care"


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, 12, hour, minute, tzinfo=UTC)


def event(kind: AttendanceKind, when: datetime, until: datetime | None = None) -> AttendanceEvent:
    grounds = ExclusionGround.VIOLENCE_OR_THREATS if kind is AttendanceKind.EXCLUDED else None
    return AttendanceEvent(
        id=f"{kind}-{when:%H%M}", kind=kind, at=when, until=until, grounds=grounds
    )


def person(
    *events: AttendanceEvent,
    agency: str = "",
    role: ParticipantRole = ParticipantRole.PROFESSIONAL,
    direct_contact: bool = True,
    pid: str = "p",
) -> Participant:
    return Participant(
        id=pid,
        name=pid,
        role=role,
        agency=agency,
        direct_contact=direct_contact,
        attendance=events,
    )


def professional(
    agency: str,
    *,
    direct_contact: bool = True,
    role: ParticipantRole = ParticipantRole.PROFESSIONAL,
) -> Participant:
    """Someone from ``agency`` present from 10:00."""
    return person(
        event(AttendanceKind.PRESENT, at(10)),
        agency=agency,
        role=role,
        direct_contact=direct_contact,
        pid=agency,
    )


SOCIAL_WORKER = professional(CSC, role=ParticipantRole.SOCIAL_WORKER)


# --- presence ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "instant", "present"),
    [
        ((), at(10), False),
        ((event(AttendanceKind.PRESENT, at(10)),), at(9, 59), False),
        ((event(AttendanceKind.PRESENT, at(10)),), at(10), True),
        ((event(AttendanceKind.ARRIVED, at(10, 20)),), at(10, 30), True),
        ((event(AttendanceKind.APOLOGIES, at(9)),), at(10, 30), False),
        ((event(AttendanceKind.ABSENT, at(10)),), at(10, 30), False),
        # Sent apologies but came after all.
        ((event(AttendanceKind.APOLOGIES, at(9)), event(AttendanceKind.ARRIVED, at(10, 40))),
         at(10, 45), True),
        ((event(AttendanceKind.PRESENT, at(10)), event(AttendanceKind.LEFT, at(11))),
         at(10, 59), True),
        ((event(AttendanceKind.PRESENT, at(10)), event(AttendanceKind.LEFT, at(11))),
         at(11), False),
        # Left and came back; the events are stored out of order.
        ((event(AttendanceKind.ARRIVED, at(11, 30)), event(AttendanceKind.LEFT, at(11)),
          event(AttendanceKind.PRESENT, at(10))), at(11, 15), False),
        ((event(AttendanceKind.ARRIVED, at(11, 30)), event(AttendanceKind.LEFT, at(11)),
          event(AttendanceKind.PRESENT, at(10))), at(11, 30), True),
        ((event(AttendanceKind.LEFT, at(11)), event(AttendanceKind.PRESENT, at(10))),
         at(11, 30), False),
    ],
)  # fmt: skip
def test_present_at(events: tuple[AttendanceEvent, ...], instant: datetime, present: bool) -> None:
    assert present_at(person(*events), instant) is present


def test_an_exclusion_window_is_half_open() -> None:
    mother = person(
        event(AttendanceKind.PRESENT, at(10)),
        event(AttendanceKind.EXCLUDED, at(10, 30), until=at(10, 45)),
        role=ParticipantRole.PARENT,
    )
    assert present_at(mother, at(10, 29)) and not excluded_at(mother, at(10, 29))
    assert not present_at(mother, at(10, 30)) and excluded_at(mother, at(10, 30))
    assert not present_at(mother, at(10, 44)) and excluded_at(mother, at(10, 44))
    assert present_at(mother, at(10, 45)) and not excluded_at(mother, at(10, 45))


def test_an_open_exclusion_lasts_to_the_end() -> None:
    father = person(
        event(AttendanceKind.PRESENT, at(10)),
        event(AttendanceKind.EXCLUDED, at(11)),
        role=ParticipantRole.PARENT,
    )
    assert present_at(father, at(10, 59))
    assert excluded_at(father, at(23, 59)) and not present_at(father, at(23, 59))


def test_an_exclusion_does_not_make_an_absent_person_present() -> None:
    late = person(
        event(AttendanceKind.EXCLUDED, at(10), until=at(10, 30)),
        event(AttendanceKind.ARRIVED, at(11)),
    )
    assert not present_at(late, at(10, 45))
    assert present_at(late, at(11))


instants = st.integers(min_value=0, max_value=600).map(lambda m: at(8) + timedelta(minutes=m))


@given(
    st.lists(st.tuples(st.sampled_from(list(AttendanceKind)), instants), max_size=8),
    instants,
    instants,
)
def test_excluded_never_present(
    raw: list[tuple[AttendanceKind, datetime]], start: datetime, instant: datetime
) -> None:
    events = [event(kind, when) for kind, when in raw]
    events.append(event(AttendanceKind.EXCLUDED, start, until=start + timedelta(minutes=30)))
    someone = person(*events)
    if start <= instant < start + timedelta(minutes=30):
        assert excluded_at(someone, instant)
        assert not present_at(someone, instant)


# --- grouping agencies ----------------------------------------------------------------


def test_agency_grouping_ignores_case_and_spacing() -> None:
    group_of = agency_grouping({"Health Visiting": "Health", "school nursing": "Health"})
    assert group_of("  health   visiting ") == "Health"
    assert group_of("School Nursing") == "Health"
    assert group_of("Police  ") == "Police"  # not listed: a group of its own
    assert group_of("   ") is None


# --- quorum -------------------------------------------------------------------------


def test_csc_and_two_other_agencies_with_contact_are_quorate() -> None:
    result = quorum_at(
        [SOCIAL_WORKER, professional("Police"), professional("School")],
        at(10, 30),
        grouping={},
        csc_group=CSC,
    )
    assert result == QuorumResult(
        quorate=True, csc_present=True, other_groups=("Police", "School"), missing=""
    )


def test_a_profile_counting_all_health_as_one_agency() -> None:
    people = [SOCIAL_WORKER, professional("Health visitor"), professional("School nurse")]
    # Swindon-style: each is a separate agency.
    assert quorum_at(people, at(10, 30), grouping={}, csc_group=CSC).quorate
    # Guernsey-style: all health is one agency.
    health = {"Health visitor": "Health", "School nurse": "Health"}
    result = quorum_at(people, at(10, 30), grouping=health, csc_group=CSC)
    assert not result.quorate
    assert result.other_groups == ("Health",)
    assert result.missing == (
        "Only 1 other agency is present with direct contact with the family (Health); "
        "at least 2 are needed."
    )


def test_without_csc_it_is_inquorate() -> None:
    result = quorum_at(
        [professional("Police"), professional("School"), professional("GP")],
        at(10, 30),
        grouping={},
        csc_group=CSC,
    )
    assert not result.quorate and not result.csc_present
    assert result.missing == "Children's social care is not present."


def test_nobody_present() -> None:
    result = quorum_at([], at(10), grouping={}, csc_group=CSC)
    assert result.missing == (
        "Children's social care is not present. No other agency with direct contact "
        "with the family is present; at least 2 are needed."
    )


def test_who_counts_towards_quorum() -> None:
    people = [
        SOCIAL_WORKER,
        professional("Police"),
        professional("Housing", direct_contact=False),  # no direct contact
        professional("Advocacy service", role=ParticipantRole.ADVOCATE),  # not a professional
        professional("Independent reviewing", role=ParticipantRole.CHAIR),
        professional(""),  # no agency at all
        person(  # a school teacher who has left
            event(AttendanceKind.PRESENT, at(10)),
            event(AttendanceKind.LEFT, at(10, 15)),
            agency="School",
        ),
    ]
    result = quorum_at(people, at(10, 30), grouping={}, csc_group=CSC)
    assert result.other_groups == ("Police",)
    assert not result.quorate
    # Before the teacher left, the conference was quorate.
    assert quorum_at(people, at(10, 10), grouping={}, csc_group=CSC).quorate


def test_csc_presence_needs_no_direct_contact_flag_and_matches_loosely() -> None:
    manager = professional(
        "children's  SOCIAL care", role=ParticipantRole.TEAM_MANAGER, direct_contact=False
    )
    result = quorum_at([manager], at(10, 30), grouping={}, csc_group=CSC)
    assert result.csc_present


def test_the_same_group_spelt_two_ways_counts_once() -> None:
    people = [SOCIAL_WORKER, professional("Police"), professional("POLICE ")]
    result = quorum_at(people, at(10, 30), grouping={}, csc_group=CSC, min_other_groups=1)
    assert result.other_groups == ("Police",)
    assert result.quorate


def test_a_callable_grouping_and_a_lower_minimum() -> None:
    def group_of(agency: str) -> str | None:
        if agency == "Legal":
            return None
        return "Health" if agency.startswith("Health") else agency

    people = [SOCIAL_WORKER, professional("Health visitor"), professional("Legal")]
    result = quorum_at(people, at(10, 30), grouping=group_of, csc_group=CSC, min_other_groups=1)
    assert result == QuorumResult(True, True, ("Health",), "")
    result = quorum_at([SOCIAL_WORKER], at(10, 30), grouping=group_of, csc_group=CSC,
                       min_other_groups=1)  # fmt: skip
    assert result.missing == (
        "No other agency with direct contact with the family is present; at least 1 is needed."
    )


def test_only_two_of_three_needed_shows_plural_wording() -> None:
    people = [professional("Police"), professional("School")]
    result = quorum_at(people, at(10, 30), grouping={}, csc_group=CSC, min_other_groups=3)
    assert result.missing == (
        "Children's social care is not present. Only 2 other agencies are present with "
        "direct contact with the family (Police, School); at least 3 are needed."
    )


def test_an_excluded_professional_does_not_count() -> None:
    officer = person(
        event(AttendanceKind.PRESENT, at(10)),
        event(AttendanceKind.EXCLUDED, at(10, 20), until=at(10, 40)),
        agency="Police",
        pid="officer",
    )
    people = [SOCIAL_WORKER, officer, professional("School")]
    assert not quorum_at(people, at(10, 30), grouping={}, csc_group=CSC).quorate
    assert quorum_at(people, at(10, 40), grouping={}, csc_group=CSC).quorate


def test_a_records_quorum_follows_its_profiles_rule() -> None:
    conference = Conference(
        "c", "CPC-1", ConferenceType.INITIAL, ConferenceStatus.IN_PROGRESS, at(10).date()
    )
    people = (SOCIAL_WORKER, professional("Health visitor"), professional("School nurse"))
    record = ConferenceRecord(conference, participants=people)
    agencies = (
        Agency(CSC, "csc", childrens_social_care=True),
        Agency("Health visitor", "Health"),
        Agency("School nurse", "Health"),
    )
    rule = Quorum(csc_group="csc", min_other_agencies=2, agencies=agencies)
    # All health is one group: one other group where two are needed.
    assert record_quorum(record, rule, at(10, 30)) == quorum_at(
        people, at(10, 30), grouping=rule.group_of, csc_group="csc", min_other_groups=2
    )
    assert record_quorum(record, rule, at(10, 30)).other_groups == ("Health",)
    assert not record_quorum(record, rule, at(10, 30)).quorate
    lower = Quorum(csc_group="csc", min_other_agencies=1, agencies=agencies)
    assert record_quorum(record, lower, at(10, 30)).quorate
    assert not record_quorum(record, lower, at(9)).quorate  # nobody there yet


def test_a_dropped_call_counts_only_while_they_are_back() -> None:
    """How someone takes part does not change whether they count: a health visitor on
    video, whose call drops, counts again only from when she rings back in by phone; a
    change of mode while still here keeps her counted throughout."""
    video = replace(event(AttendanceKind.PRESENT, at(10)), mode=AttendanceMode.VIDEO)
    dropped = event(AttendanceKind.LEFT, at(10, 20))
    phone = replace(event(AttendanceKind.ARRIVED, at(10, 25)), mode=AttendanceMode.PHONE)
    people = [SOCIAL_WORKER, professional("Police"), person(video, dropped, phone, agency="Health")]
    quorate = [
        quorum_at(people, at(10, minute), grouping={}, csc_group=CSC).quorate
        for minute in (10, 20, 22, 25, 40)
    ]
    assert quorate == [True, False, False, True, True]
    # Rung in by phone without leaving first: here throughout.
    switched = person(video, replace(phone, at=at(10, 20)), agency="Health")
    assert all(present_at(switched, at(10, minute)) for minute in (0, 19, 20, 40))
