"""Quorum counts agencies, never spellings (issue 18, point 2).

Every shipped profile's directory, and each example authority file's (docs/authorities,
with its own local agencies), is checked: each listed agency, under any of its names, in
any case, with "&" for "and", without apostrophes, with extra spaces or a local
authority's name before it, counts in its own group; a whole table typed two ways has
one quorum, in which only professionals on the professional side count and each agency
group once; the quorum names children's social care in the nation's words; the demo
conference is quorate under every nation.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpc_desktop.domain.agencies import AgencyKind, words
from cpc_desktop.domain.conference import AttendanceEvent, Conference, ConferenceRecord, Participant
from cpc_desktop.domain.enums import (
    PROFESSIONAL_ROLES,
    AttendanceKind,
    ConferenceStatus,
    ConferenceType,
    ParticipantRole,
    Side,
)
from cpc_desktop.domain.profile import Profile
from cpc_desktop.domain.quorum import record_quorum
from cpc_desktop.domain.sides import FAMILY_SIDE_ROLES
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile
from cpc_desktop.services.rules import quorum_of

NATIONS = ("england", "wales", "scotland", "northern_ireland")
PROFILES: dict[str, Profile] = {pid: load_profile(pid) for pid in NATIONS}
#: The example settings files shipped in docs/authorities, one per nation, each adding
#: its own agencies (local names, Welsh names, abbreviations) to its nation's.
EXAMPLES = Path(__file__).parents[3] / "docs" / "authorities"
AUTHORITIES: dict[str, Profile] = {
    path.stem: load_profile(path.stem, path) for path in sorted(EXAMPLES.glob("*.toml"))
}
EVERY_PROFILE = {**PROFILES, **AUTHORITIES}
AT = datetime(2026, 12, 14, 10, 30, tzinfo=UTC)


def _respell(draw: st.DrawFn, spelling: str) -> str:
    """``spelling`` as a person might type it."""
    text = spelling
    if draw(st.booleans()):
        text = text.replace(" and ", " & ")
    if draw(st.booleans()):
        text = text.replace("'", "").replace("’", "")
    case = draw(st.sampled_from(["as is", "upper", "lower", "title"]))
    text = {"upper": text.upper(), "lower": text.lower(), "title": text.title()}.get(case, text)
    if draw(st.booleans()):
        text = "  " + "   ".join(text.split()) + " "
    prefix = draw(st.sampled_from(["", "Fenbridge ", "North Fenbridge ", "Cyngor "]))
    return prefix + text


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, str, str]:
    """(profile id, an agency's group, one way of typing that agency), under a nation's
    profile or an authority's (whose own agencies are in its list)."""
    pid = draw(st.sampled_from(sorted(EVERY_PROFILE)))
    agency = draw(st.sampled_from(EVERY_PROFILE[pid].quorum.agencies))
    spelling = draw(st.sampled_from((agency.name, *agency.also)))
    group = agency.group if agency.entry().counts_for_quorum else None
    return pid, group, _respell(draw, spelling)


@settings(max_examples=600, deadline=None)
@given(spellings())
def test_every_way_of_typing_a_listed_agency_counts_in_its_group(
    case: tuple[str, str | None, str],
) -> None:
    pid, group, typed = case
    assert EVERY_PROFILE[pid].quorum.group_of(typed) == group, typed


def test_each_authority_file_adds_its_own_agencies() -> None:
    """The examples load, and their own agencies are listed with the nation's."""
    assert sorted(AUTHORITIES) == ["bro-tawel", "fenbridge", "glenmorven", "northern-lough"]
    for profile in AUTHORITIES.values():
        nation = PROFILES[profile.nation.value]
        names = {a.name for a in profile.quorum.agencies}
        assert {a.name for a in nation.quorum.agencies} < names, profile.id


@pytest.mark.parametrize("pid", NATIONS)
def test_no_name_means_two_agencies(pid: str) -> None:
    """Every name and other name is one agency's only (the reader refuses a clash)."""
    seen: dict[str, str] = {}
    for agency in PROFILES[pid].quorum.agencies:
        for spelling in agency.entry().spellings:
            assert seen.setdefault(spelling, agency.name) == agency.name, spelling


@pytest.mark.parametrize(
    ("pid", "typed", "group", "note"),
    [
        (
            "england",
            "Fenbridge Children's Social Care",
            "childrens_social_care",
            "Taken as Children's social care (a listed agency).",
        ),
        ("england", "CSC", "childrens_social_care", "Children's social care: a listed agency."),
        (
            "northern_ireland",
            "Fenbridge Children's Social Care",
            "childrens_social_care",
            "Not in the list: taken as children's social care, counted with HSC Trust "
            "children's social work.",
        ),
        (
            "england",
            "health visitor",
            "health_visiting",
            "Health visiting service: a listed agency.",
        ),
        (
            "england",
            "Castle Street Surgery",
            "general_practice",
            "Taken as GP practice (a listed agency).",
        ),
        (
            "england",
            "Fenbridge School Nursing Team",
            "school_nursing",
            "Taken as School nursing service (a listed agency).",
        ),
        (
            "scotland",
            "Fenbridge NHS Foundation Trust",
            "health",
            "Not in the list: taken as health, counted with Health.",
        ),
        (
            "england",
            "Fenbridge NHS Foundation Trust",
            "fenbridge nhs foundation trust",
            "Not in the list: taken as health, counted as an agency of its own.",
        ),
        (
            "wales",
            "Dyfed-Powys Constabulary",
            "police",
            "Taken as Police (a listed agency).",
        ),
        (
            "england",
            "Forsyth Baines Solicitors",
            None,
            "Taken as legal advice: does not count towards quorum.",
        ),
        (
            "england",
            "Fenbridge Fire and Rescue",
            "fenbridge fire and rescue",
            "Not in the list: counted as an agency of its own; check the spelling.",
        ),
    ],
)
def test_what_an_agency_was_taken_as_is_said(
    pid: str, typed: str, group: str | None, note: str
) -> None:
    found = PROFILES[pid].quorum.directory.match(typed)
    assert found.group == group
    assert found.note() == note


def test_a_blank_agency_counts_nowhere_and_says_nothing() -> None:
    found = PROFILES["england"].quorum.directory.match("   ")
    assert found.group is None and found.note() == ""


def _present(name: str, agency: str, role: ParticipantRole, side: Side | None) -> Participant:
    return Participant(
        id=name,
        name=name,
        role=role,
        agency=agency,
        side=side,
        direct_contact=True,
        attendance=(AttendanceEvent(f"{name}-in", AttendanceKind.PRESENT, AT),),
    )


@settings(max_examples=200, deadline=None)
@given(
    pid=st.sampled_from(NATIONS),
    family=st.lists(
        st.tuples(
            st.sampled_from(
                ["Police", "Health visiting service", "School", "Solicitors", "Probation"]
            ),
            st.sampled_from(
                [
                    ParticipantRole.PROFESSIONAL,
                    ParticipantRole.SOCIAL_WORKER,
                    ParticipantRole.PARENT,
                ]
            ),
        ),
        max_size=4,
    ),
)
def test_people_on_the_familys_side_never_count(
    pid: str, family: list[tuple[str, ParticipantRole]]
) -> None:
    """Adding family-side people, whatever their role and agency, changes nothing."""
    profile = PROFILES[pid]
    csc = next(a.name for a in profile.quorum.agencies if a.childrens_social_care)
    base = (_present("sw", csc, ParticipantRole.SOCIAL_WORKER, None),)
    conference = Conference(
        "c", "CPC-1", ConferenceType.INITIAL, ConferenceStatus.IN_PROGRESS, AT.date()
    )
    extra = tuple(
        _present(f"f{n}", agency, role, Side.FAMILY) for n, (agency, role) in enumerate(family)
    )
    alone = record_quorum(ConferenceRecord(conference, participants=base), profile.quorum, AT)
    with_family = record_quorum(
        ConferenceRecord(conference, participants=base + extra), profile.quorum, AT
    )
    assert with_family == alone
    assert not with_family.quorate


@pytest.mark.parametrize("pid", sorted(EVERY_PROFILE))
def test_the_demo_conference_is_quorate_under_every_nation(pid: str) -> None:
    """… and under each example authority's own rules."""
    record = build_demo_records(date(2026, 11, 23))[0]
    moved = replace(record, conference=replace(record.conference, profile=pid))
    result = quorum_of(moved, EVERY_PROFILE[pid])
    assert result is not None and result.quorate, result
    # The family's solicitor is there, on the family's side, and is not counted.
    assert not any("Solicitor" in group for group in result.other_groups)
    # Groups are named as the chair knows them, never by internal keys.
    assert all("_" not in group for group in result.other_groups)


def test_a_kind_is_named_for_every_kind() -> None:
    from cpc_desktop.domain.agencies import KIND_NAMES

    assert set(KIND_NAMES) == set(AgencyKind)
    assert words("Children’s  Social-Care & Health") == "childrens social care and health"


@pytest.mark.parametrize(
    ("pid", "name"),
    [
        ("england", "children's social care"),
        ("wales", "children's services"),
        ("scotland", "social work services"),
        ("northern_ireland", "HSC Trust children's social work"),
    ],
)
def test_the_quorum_names_childrens_social_care_in_the_nations_words(pid: str, name: str) -> None:
    """What the roll call and the wizard say about children's social care is the
    profile's own agency ("Social work services"), never England's name."""
    profile = PROFILES[pid]
    conference = Conference(
        "c", "CPC-1", ConferenceType.INITIAL, ConferenceStatus.IN_PROGRESS, AT.date()
    )
    police = next(a.name for a in profile.quorum.agencies if a.group == "police")
    alone = (_present("pc", police, ParticipantRole.PROFESSIONAL, None),)
    result = record_quorum(ConferenceRecord(conference, participants=alone), profile.quorum, AT)
    assert result.csc_name == name
    assert result.missing.startswith(f"{name[:1].upper()}{name[1:]} is not present.")


@st.composite
def tables(
    draw: st.DrawFn,
) -> tuple[str, tuple[Participant, ...], tuple[Participant, ...], bool, int]:
    """People round the table under one nation's or authority's profile, each agency
    typed two ways (one record each); whether children's social care is there, and
    how many other agencies should count, worked out here from the lists alone."""
    pid = draw(st.sampled_from(sorted(EVERY_PROFILE)))
    rule = EVERY_PROFILE[pid].quorum
    seats = draw(
        st.lists(
            st.tuples(
                st.sampled_from(rule.agencies),
                st.sampled_from(list(ParticipantRole)),
                st.sampled_from([None, Side.FAMILY, Side.PROFESSIONAL]),
                st.booleans(),
            ),
            max_size=8,
        )
    )
    first: list[Participant] = []
    second: list[Participant] = []
    csc = False
    others: set[str] = set()
    for number, (agency, role, side, direct) in enumerate(seats):
        names = (agency.name, *agency.also)
        for people in (first, second):
            typed = _respell(draw, draw(st.sampled_from(names)))
            seated = replace(_present(f"p{number}", typed, role, side), direct_contact=direct)
            people.append(seated)
        professional = role in PROFESSIONAL_ROLES
        family = (side or (Side.FAMILY if role in FAMILY_SIDE_ROLES else None)) is Side.FAMILY
        if not professional or family or not agency.entry().counts_for_quorum:
            continue
        if agency.group == rule.csc_group:
            csc = True
        elif direct:
            others.add(agency.group)
    return pid, tuple(first), tuple(second), csc, len(others)


@settings(max_examples=300, deadline=None)
@given(tables())
def test_quorum_counts_agencies_on_the_professional_side_never_spellings(
    table: tuple[str, tuple[Participant, ...], tuple[Participant, ...], bool, int],
) -> None:
    """However each agency is typed, the quorum is the same; only professionals on the
    professional side count, each agency group once; a family-side person never does."""
    pid, first, second, csc, others = table
    profile = EVERY_PROFILE[pid]
    conference = Conference(
        "c", "CPC-1", ConferenceType.INITIAL, ConferenceStatus.IN_PROGRESS, AT.date()
    )
    result = record_quorum(ConferenceRecord(conference, participants=first), profile.quorum, AT)
    assert (result.csc_present, len(result.other_groups)) == (csc, others)
    assert result.quorate == (csc and others >= profile.quorum.min_other_agencies)
    again = record_quorum(ConferenceRecord(conference, participants=second), profile.quorum, AT)
    assert again == result
