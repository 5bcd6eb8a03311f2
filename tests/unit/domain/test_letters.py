"""Outcome letters: who needs one, what is missing, the wording, readability and jargon.

The record is built by hand here in the shape of the demo conference (the Harland sibling
group: Kai with a child in need plan, Lily and Theo with child protection plans, their
father excluded for part of the meeting); domain tests do not import the services.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any

import pytest
import textstat
from textstat.backend.counts import _count_syllables

from cpc_desktop.domain import letter_facts, reporter, transfer
from cpc_desktop.domain.conference import (
    AttendanceEvent,
    Child,
    Conference,
    ConferenceRecord,
    Decision,
    Participant,
)
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    AttendanceKind,
    ConferenceStatus,
    ConferenceType,
    ExclusionGround,
    Language,
    Outcome,
    ParticipantRole,
)
from cpc_desktop.domain.letters import (
    FAMILY_KINDS,
    JARGON,
    POSTED_KINDS,
    LetterIncomplete,
    LetterKind,
    LetterNeed,
    LetterRequest,
    compose_letter,
    jargon_terms,
    letters_needed,
    missing_facts,
)
from cpc_desktop.domain.printed import LetterDocument, Para, ParaStyle
from cpc_desktop.domain.profile import (
    LETTER_KINDS,
    LETTER_PLACEHOLDERS,
    Category,
    LetterTemplate,
    Profile,
)
from cpc_desktop.domain.profile_reader import parse_profile
from tests.helpers.records import uid

PROFILE_IDS = ("england", "wales", "scotland", "northern_ireland")
TODAY = date(2026, 12, 9)  # a Wednesday
DAY = date(2026, 12, 7)  # the conference: a Monday
CORE_GROUP = date(2026, 12, 17)
REVIEW = date(2027, 3, 5)
CONTACT = "Amira Hussain, Children's Social Care. Telephone 01632 960418."
ADDRESS = ("12 Mill Lane", "Fenbridge", "FB1 2AB")


@pytest.fixture(autouse=True)
def _offline_syllables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count syllables with Pyphen's dictionary, which textstat falls back on.

    textstat would otherwise ask NLTK to download the CMU dictionary at first use; these
    machines are offline, and the fallback keeps the scores the same everywhere.
    """
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)


def load(profile_id: str) -> Profile:
    folder = resources.files("cpc_desktop") / "resources" / "profiles"
    return parse_profile(tomllib.loads((folder / f"{profile_id}.toml").read_text("utf-8")))


PROFILES = {profile_id: load(profile_id) for profile_id in PROFILE_IDS}
ENGLAND = PROFILES["england"]


# --------------------------------------------------------------------------- the record

KAI, LILY, THEO = uid("letters/kai"), uid("letters/lily"), uid("letters/theo")
CHAIR, SW, MUM, DAD = uid("p/chair"), uid("p/sw"), uid("p/mum"), uid("p/dad")


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 7, hour, minute, tzinfo=UTC)


def _person(key: str, name: str, role: ParticipantRole, agency: str = "", **kw: Any) -> Participant:
    return Participant(id=uid(f"p/{key}"), name=name, role=role, agency=agency, **kw)


def _people() -> tuple[Participant, ...]:
    r = ParticipantRole
    present = (AttendanceEvent(uid("a/present"), AttendanceKind.PRESENT, _at(10)),)
    excluded = (
        *present,
        AttendanceEvent(
            uid("a/excluded"),
            AttendanceKind.EXCLUDED,
            _at(10, 50),
            until=_at(11, 5),
            grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
        ),
    )
    return (
        _person("chair", "Demo Chair", r.CHAIR, "Independent Chair Service"),
        _person("minutes", "Sandra Pell", r.MINUTE_TAKER, "Business Support"),
        _person("sw", "Amira Hussain", r.SOCIAL_WORKER, "Children's Social Care"),
        _person("tm", "Gareth Lloyd", r.TEAM_MANAGER, "Children's Social Care"),
        _person("police", "DC Neil Brannigan", r.PROFESSIONAL, "Police"),
        _person("gp", "Dr Thomas Ewing", r.PROFESSIONAL, "Castle Street Surgery"),
        _person("school", "Joanne Pritchard", r.PROFESSIONAL, "Brookfield Primary School"),
        _person("mum", "Justyna Harland", r.PARENT, attendance=present),
        _person("dad", "Dean Harland", r.PARENT, attendance=excluded),
        _person("gran", "Carol Harland", r.FAMILY_MEMBER),
        _person("solicitor", "Alan Forsyth", r.SUPPORTER, "Forsyth Baines Solicitors"),
        _person("advocate", "Sophie Tran", r.ADVOCATE, "Children's Advocacy Service"),
        _person("interpreter", "Ewa Zielinska", r.INTERPRETER, "Interpreting Service"),
    )


def _plan(child_id: str, reason: str, *categories: str, **kw: Any) -> Decision:
    values: dict[str, Any] = {
        "id": uid(f"d/{child_id}"),
        "child_id": child_id,
        "threshold_met": True,
        "outcome": Outcome.CP_PLAN,
        "reason": reason,
        "categories": categories,
        "primary_category": categories[0] if categories else None,
        "lead_social_worker_id": SW,
        "lead_social_worker_contact": CONTACT,
        "first_core_group_date": CORE_GROUP,
        "review_date": REVIEW,
        "contingency_plan": "Call an urgent core group.",
        "final": True,
    }
    values.update(kw)
    return Decision(**values)


def harland(**conference: Any) -> ConferenceRecord:
    """The demo's sibling group: Kai (child in need plan), Lily and Theo (plans)."""
    return ConferenceRecord(
        conference=Conference(
            id=uid("letters/conference"),
            reference="CPC-2026-0001",
            type=conference.pop("type", ConferenceType.INITIAL),
            status=ConferenceStatus.CONCLUDED,
            date=DAY,
            local_authority=conference.pop("local_authority", "Fenbridge Borough Council"),
            **conference,
        ),
        children=(
            Child(KAI, "Kai", "Harland", date(2014, 10, 6)),
            Child(LILY, "Lily", "Harland", date(2019, 5, 11)),
            Child(THEO, "Theo", "Harland", date(2023, 7, 25)),
        ),
        participants=_people(),
        decisions=(
            _plan(
                KAI,
                "A child in need plan will help Kai get to school on time and share out the "
                "jobs he does at home.",
                outcome=Outcome.CIN_PLAN,
                threshold_met=False,
            ),
            _plan(
                LILY,
                "Lily has often come to school hungry. The plan will make sure she gets the "
                "care she needs.",
                "neglect",
            ),
            _plan(
                THEO,
                "Theo has missed health checks and his speech is slow to come. He has also "
                "heard his parents fight.",
                "neglect",
                "emotional_abuse",
            ),
        ),
    )


def with_decision(record: ConferenceRecord, child_id: str, **changes: Any) -> ConferenceRecord:
    decisions = tuple(
        dataclasses.replace(d, **changes) if d.child_id == child_id else d for d in record.decisions
    )
    return dataclasses.replace(record, decisions=decisions)


def ended() -> ConferenceRecord:
    """A review at which Lily's plan ends and Theo's ends because he has moved away."""
    record = harland(type=ConferenceType.REVIEW, review_number=2)
    record = with_decision(
        record,
        LILY,
        outcome=Outcome.END_PLAN,
        threshold_met=False,
        reason="Lily's care has been good for six months.",
    )
    return with_decision(
        record,
        THEO,
        outcome=Outcome.ADMINISTRATIVE_END,
        reason="",
        ending=AdministrativeEnding.MOVED_AUTHORITY,
        ending_date=date(2026, 11, 30),
    )


def request(kind: LetterKind, name: str = "Justyna Harland", **kw: Any) -> LetterRequest:
    return LetterRequest(kind, kw.pop("recipient_id", None), name, kw.pop("address", ADDRESS), **kw)


#: Why a Scottish meeting, in these tests, did not refer a child to the Children's Reporter.
NOT_REFERRED = "The family is working well with the plan."


def considered(record: ConferenceRecord, profile: Profile) -> ConferenceRecord:
    """``record`` with the Children's Reporter question answered (not referred, with
    :data:`NOT_REFERRED`) for each child left unanswered, under a profile that asks it
    (Scotland); as it is under any other profile."""
    if not profile.consider_reporter_referral:
        return record
    decisions = tuple(
        dataclasses.replace(d, reporter_referral=False, reporter_referral_reason=NOT_REFERRED)
        if d.reporter_referral is None and reporter.asked(True, d.outcome)
        else d
        for d in record.decisions
    )
    return dataclasses.replace(record, decisions=decisions)


def compose(
    record: ConferenceRecord | None = None,
    kind: LetterKind = LetterKind.PARENT,
    name: str = "Justyna Harland",
    profile: Profile = ENGLAND,
    **kw: Any,
) -> LetterDocument:
    """The letter, the Reporter question answered where the profile asks it (:func:`considered`)."""
    sender = kw.pop("sender", ())
    # English unless a test asks otherwise: under Wales, a letter to someone whose choice
    # is not known (language=None) is bilingual (tests/unit/domain/test_letters_welsh.py).
    kw.setdefault("language", Language.ENGLISH)
    record = considered(record or harland(), profile)
    return compose_letter(record, profile, request(kind, name, **kw), TODAY, sender=sender)


def text_of(letter: LetterDocument) -> str:
    return "\n\n".join(para.text for para in letter.paragraphs)


# --------------------------------------------------------------------------- the kinds


def test_kinds_match_the_profile_templates() -> None:
    assert tuple(kind.value for kind in LetterKind) == LETTER_KINDS
    assert {LetterKind.PARENT, LetterKind.CHILD, LetterKind.EXCLUDED_PARENT} == FAMILY_KINDS
    assert POSTED_KINDS == FAMILY_KINDS


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_all_four_shipped_profiles_load_with_letters(profile_id: str) -> None:
    profile = PROFILES[profile_id]

    assert profile.id == profile_id
    for kind in LETTER_KINDS:
        template = profile.letters.for_kind(kind)
        assert "{reference}" in template.subject
        assert len(template.paragraphs) >= 4


# --------------------------------------------------------------------------- who gets one


def test_letters_needed_for_the_harland_conference() -> None:
    people = {p.name: p.id for p in _people()}

    def need(kind: LetterKind, name: str) -> LetterNeed:
        return LetterNeed(kind, people[name], name)

    assert letters_needed(harland()) == (
        need(LetterKind.PARENT, "Justyna Harland"),
        need(LetterKind.EXCLUDED_PARENT, "Dean Harland"),
        need(LetterKind.PROFESSIONAL, "Amira Hussain"),
        need(LetterKind.PROFESSIONAL, "Gareth Lloyd"),
        need(LetterKind.PROFESSIONAL, "DC Neil Brannigan"),
        need(LetterKind.PROFESSIONAL, "Dr Thomas Ewing"),
        need(LetterKind.PROFESSIONAL, "Joanne Pritchard"),
    )


def test_letters_needed_when_plans_end_after_a_transfer_in() -> None:
    r = ParticipantRole
    extra = (
        _person("carer", "Pat Foster", r.CARER),
        _person("young", "Kai Harland", r.CHILD),
        _person("nurse", "Priya Shah", r.PROFESSIONAL, "  children's  SOCIAL care "),
        _person("freelance", "Jo Bloggs", r.PROFESSIONAL),
        _person("freelance2", "Max Moe", r.PROFESSIONAL),
        _person("uninvited", "Nat Noone", r.PROFESSIONAL, "Housing", invited=False),
    )
    record = dataclasses.replace(
        with_decision(harland(type=ConferenceType.TRANSFER_IN), LILY, outcome=Outcome.END_PLAN),
        participants=_people() + extra,
    )

    needs = letters_needed(record)

    assert [(n.kind.value, n.recipient_name) for n in needs] == [
        ("parent", "Justyna Harland"),
        ("parent", "Pat Foster"),
        ("excluded_parent", "Dean Harland"),
        ("child", "Kai Harland"),
        ("professional", "Amira Hussain"),
        ("professional", "Gareth Lloyd"),
        ("professional", "DC Neil Brannigan"),
        ("professional", "Dr Thomas Ewing"),
        ("professional", "Joanne Pritchard"),
        ("professional", "Priya Shah"),
        ("professional", "Jo Bloggs"),
        ("professional", "Max Moe"),
        # One per agency: Gareth Lloyd and Priya Shah share Amira Hussain's agency; the
        # two with no agency are each written to.
        ("plan_ended", "Amira Hussain"),
        ("plan_ended", "DC Neil Brannigan"),
        ("plan_ended", "Dr Thomas Ewing"),
        ("plan_ended", "Joanne Pritchard"),
        ("plan_ended", "Jo Bloggs"),
        ("plan_ended", "Max Moe"),
        ("transfer", ""),
    ]
    assert needs[-1] == LetterNeed(LetterKind.TRANSFER, None, "")  # no authority recorded
    assert letters_needed(record) == needs  # deterministic


def test_the_transfer_letter_goes_to_the_originating_authority() -> None:
    # Issue 20, point 3: the record names who to write to, so every route can write it.
    record = transferred()
    assert letters_needed(record)[-1] == LetterNeed(LetterKind.TRANSFER, None, "Ruth Ames")
    assert transfer.postal_address(record.conference) == (
        "Northshire Council Children's Services",
        "County Hall",
        "Northshire NS1 2AB",
    )
    only_authority = dataclasses.replace(
        record.conference, transfer_contact="", transfer_contact_details="Tel 01632 960 001"
    )
    assert transfer.addressee(only_authority) == "Northshire Council Children's Services"
    assert transfer.postal_address(only_authority) == ("Northshire Council Children's Services",)
    starts_with_it = dataclasses.replace(
        record.conference, transfer_contact_details="northshire council children's services\nX"
    )
    lines = transfer.postal_address(starts_with_it)
    assert lines == ("northshire council children's services", "X")


# --------------------------------------------------------------------------- every kind


def transferred() -> ConferenceRecord:
    """The Harlands' conference as a transfer-in from Northshire (issue 20, point 3)."""
    return harland(
        type=ConferenceType.TRANSFER_IN,
        transfer_from="Northshire Council Children's Services",
        transfer_contact="Ruth Ames",
        transfer_contact_details="County Hall\nNorthshire NS1 2AB\nruth.ames@northshire.example\n"
        "01632 960 001",
    )


def _record_for(kind: LetterKind) -> ConferenceRecord:
    if kind is LetterKind.PLAN_ENDED:
        return ended()
    if kind is LetterKind.TRANSFER:
        return transferred()
    return harland()


_RECIPIENTS = {
    LetterKind.PARENT: "Justyna Harland",
    LetterKind.CHILD: "Kai Harland",
    LetterKind.EXCLUDED_PARENT: "Dean Harland",
    LetterKind.PROFESSIONAL: "Dr Thomas Ewing",
    LetterKind.PLAN_ENDED: "DC Neil Brannigan",
    LetterKind.TRANSFER: "Northshire Council Children's Services",
}


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_kind_can_be_written_for_every_profile(profile_id: str, kind: LetterKind) -> None:
    profile = PROFILES[profile_id]
    record = _record_for(kind)

    letter = compose(record, kind, _RECIPIENTS[kind], profile, large_print=True)

    assert letter.marking == profile.protective_marking == "OFFICIAL-SENSITIVE"
    assert letter.reference == "CPC-2026-0001"
    assert letter.sender == ("Fenbridge Borough Council",)
    assert letter.recipient_name == _RECIPIENTS[kind]
    assert letter.recipient_address == ADDRESS
    assert letter.date_text == "Wednesday 9 December 2026"
    assert letter.signatory == ("Demo Chair", "Independent chair")
    assert letter.large_print is True
    assert "CPC-2026-0001" in letter.subject
    assert "Harland" not in letter.subject  # a subject may become a file name
    assert letter.salutation.startswith("Dear ")
    assert letter.sign_off
    assert all(isinstance(p, Para) and p.style is ParaStyle.BODY for p in letter.paragraphs)
    body = text_of(letter)
    assert "{" not in body and "}" not in body  # every placeholder was filled in
    if kind is not LetterKind.CHILD:  # the child letter just says "the meeting"
        assert profile.terminology.meeting_name in body
    if kind in (LetterKind.PARENT, LetterKind.EXCLUDED_PARENT, LetterKind.CHILD):
        assert profile.complaints_route.split()[-1] in body


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
def test_the_parent_letter_states_every_fact(profile_id: str) -> None:
    profile = PROFILES[profile_id]
    terms = profile.terminology

    body = text_of(compose(profile=profile))

    assert f"Lily is now {terms.registered_phrase}." in body
    assert f"Kai does not need a {terms.plan_name}." in body
    assert f"Kai will have a {terms.support_plan_name}" in body
    assert "About Theo: Theo has missed health checks" in body
    assert f"Your {terms.lead_worker_title} is Amira Hussain." in body
    assert CONTACT in body
    assert "Thursday 17 December 2026" in body
    assert "Friday 5 March 2027" in body
    assert " ".join(profile.complaints_route.split()) in body
    assert "Monday 7 December 2026" in body


def test_the_professional_letter_names_categories_in_full() -> None:
    letter = compose(kind=LetterKind.PROFESSIONAL, name="Dr Thomas Ewing")
    body = text_of(letter)

    assert letter.salutation == "Dear Dr Thomas Ewing,"
    assert letter.sign_off == "Yours sincerely,"
    assert "Lily Harland is now subject to a child protection plan." in body
    assert "The category for Lily Harland is neglect." in body
    assert (
        "The categories for Theo Harland are neglect and emotional abuse. The main category"
        " is neglect." in body
    )
    assert "Theo Harland: Theo has missed health checks" in body
    assert "First core group meeting for Kai Harland, Lily Harland and Theo Harland:" in body
    assert "Review Child Protection Conference for Kai Harland, Lily Harland and Theo" in body


def test_scotland_speaks_of_areas_of_concern_and_the_register() -> None:
    body = text_of(compose(kind=LetterKind.PROFESSIONAL, profile=PROFILES["scotland"]))

    assert "The area of concern for Lily Harland is neglect." in body
    assert "Lily Harland is now on the child protection register." in body
    assert "Child Protection Planning Meeting" in body


def test_northern_ireland_family_letters_give_written_notice_of_appeal() -> None:
    ni = PROFILES["northern_ireland"]
    for kind, name in ((LetterKind.PARENT, "Justyna Harland"), (LetterKind.CHILD, "Kai Harland")):
        body = text_of(compose(kind=kind, name=name, profile=ni))
        assert "appeal" in body
        assert "Child Protection Case Conference" in body or kind is LetterKind.CHILD


def test_the_excluded_parent_letter_explains_the_partial_record() -> None:
    body = text_of(compose(kind=LetterKind.EXCLUDED_PARENT, name="Dean Harland"))

    assert "asked to leave the room for part of the meeting" in body
    assert "leave out what was said while you were out of the room" in body
    assert "Lily is now subject to a child protection plan." in body


def test_the_plan_ended_letter_covers_only_the_plans_that_ended() -> None:
    body = text_of(compose(ended(), LetterKind.PLAN_ENDED, "DC Neil Brannigan"))

    assert "Kai" not in body
    assert (
        "Lily Harland's child protection plan has ended. Lily Harland is no longer subject"
        " to a child protection plan." in body
    )
    assert (
        "Theo Harland: Theo Harland moved to live in another area on Monday 30 November 2026,"
        " and that area took over the plan." in body
    )
    assert "Lily Harland: Lily's care has been good for six months." in body
    assert "review" not in body.lower().replace("review ", "")  # no next dates for ended plans


def test_the_transfer_letter_confirms_who_is_now_responsible() -> None:
    letter = compose(
        transferred(),
        LetterKind.TRANSFER,
        "Northshire Council",
        address=(),
    )

    assert letter.salutation == "Dear colleagues,"
    assert letter.recipient_address == ()
    assert "Fenbridge Borough Council has taken over responsibility" in text_of(letter)


def test_sender_lines_replace_the_authority() -> None:
    letter = compose(sender=("Fenbridge Borough Council", "Conference Service"))

    assert letter.sender == ("Fenbridge Borough Council", "Conference Service")


# --------------------------------------------------------------------------- the child letter


def test_a_child_letter_to_a_child_of_the_conference_is_about_that_child_alone() -> None:
    letter = compose(kind=LetterKind.CHILD, name="  lily   HARLAND ")
    body = text_of(letter)

    assert letter.salutation == "Dear Lily,"
    assert letter.sign_off == "With best wishes,"
    assert letter.recipient_name == "lily HARLAND"
    assert "You are now subject to a child protection plan." in body
    assert "the meeting about you on Monday 7 December 2026" in body
    assert "The people helping with your plan will first meet on Thursday 17 December" in body
    assert "Kai" not in body and "Theo" not in body  # nothing about the other children
    assert "About" not in body  # one child: the reason needs no label


def test_a_child_may_be_matched_by_first_name_when_no_other_child_shares_it() -> None:
    assert compose(kind=LetterKind.CHILD, name="Theo").salutation == "Dear Theo,"


def test_a_child_letter_to_someone_else_talks_about_all_the_children() -> None:
    letter = compose(kind=LetterKind.CHILD, name="Sam Harland")
    body = text_of(letter)

    assert letter.salutation == "Dear Sam Harland,"
    assert "the meeting about Kai, Lily and Theo" in body
    assert "Lily is now subject to a child protection plan." in body


def test_a_shared_first_name_matches_no_child() -> None:
    record = harland()
    twin = Child(uid("twin"), "Lily", "Other")
    record = dataclasses.replace(
        record,
        children=(*record.children, twin),
        decisions=(*record.decisions, _plan(twin.id, "Same as her cousin.", "neglect")),
    )

    letter = compose(record, LetterKind.CHILD, "Lily")

    assert letter.salutation == "Dear Lily,"  # the recipient's name, not a match
    assert "the meeting about Kai, Lily, Theo and Lily" in text_of(letter)


def test_a_child_letter_needs_only_that_childs_facts() -> None:
    record = with_decision(harland(), THEO, review_date=None)

    assert compose(record, LetterKind.CHILD, "Kai Harland").salutation == "Dear Kai,"
    with pytest.raises(LetterIncomplete) as caught:
        compose(record, LetterKind.CHILD, "Theo Harland")
    assert caught.value.missing == ("the date of the next review for Theo Harland",)
    assert missing_facts(record, ENGLAND, LetterKind.CHILD) == caught.value.missing


def test_no_letter_goes_to_a_child_whose_death_is_recorded() -> None:
    record = with_decision(
        ended(), THEO, ending=AdministrativeEnding.DIED, ending_date=date(2026, 11, 30)
    )

    with pytest.raises(ValueError, match="has died"):
        compose(record, LetterKind.CHILD, "Theo Harland")


# --------------------------------------------------------------------------- readability


def _flesch(letter: LetterDocument) -> float:
    return float(textstat.flesch_reading_ease(text_of(letter)))


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
@pytest.mark.parametrize(
    ("kind", "name"),
    [(LetterKind.PARENT, "Justyna Harland"), (LetterKind.EXCLUDED_PARENT, "Dean Harland")],
)
def test_letters_to_parents_are_easy_to_read(profile_id: str, kind: LetterKind, name: str) -> None:
    letter = compose(kind=kind, name=name, profile=PROFILES[profile_id])

    assert _flesch(letter) >= 60
    assert jargon_terms(text_of(letter)) == ()


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
@pytest.mark.parametrize("name", ["Kai Harland", "Lily Harland", "Theo Harland", "Sam Harland"])
def test_letters_to_children_are_easier_still(profile_id: str, name: str) -> None:
    letter = compose(kind=LetterKind.CHILD, name=name, profile=PROFILES[profile_id])

    assert _flesch(letter) >= 70
    assert jargon_terms(text_of(letter)) == ()


@pytest.mark.parametrize("profile_id", PROFILE_IDS)
@pytest.mark.parametrize("kind", sorted(FAMILY_KINDS))
def test_family_letters_after_every_outcome_use_no_jargon(profile_id: str, kind: str) -> None:
    profile = PROFILES[profile_id]
    records = [ended(), harland(type=ConferenceType.REVIEW)]
    for outcome in (Outcome.NO_FURTHER_ACTION, Outcome.ADJOURN):
        records.append(with_decision(harland(), KAI, outcome=outcome))
    for record in records:
        letter = compose(record, LetterKind(kind), "Dean Harland", profile)
        assert jargon_terms(text_of(letter)) == ()
        assert _flesch(letter) >= 60


# --------------------------------------------------------------------------- missing facts

_NO_COMPLAINTS = dataclasses.replace(ENGLAND, complaints_route="  ")


def _without_chair() -> ConferenceRecord:
    record = harland()
    people = tuple(p for p in record.participants if p.role is not ParticipantRole.CHAIR)
    blank_chair = _person("chair2", "   ", ParticipantRole.CHAIR)
    return dataclasses.replace(record, participants=(blank_chair, *people))


_GAPS: list[tuple[str, ConferenceRecord, Profile, str]] = [
    (
        "no outcome",
        with_decision(harland(), THEO, outcome=None),
        ENGLAND,
        "the outcome for Theo Harland",
    ),
    (
        "no decision",
        dataclasses.replace(harland(), decisions=harland().decisions[:2]),
        ENGLAND,
        "the outcome for Theo Harland",
    ),
    (
        "no reasons",
        with_decision(harland(), THEO, reason="  "),
        ENGLAND,
        "the reasons for the decision about Theo Harland",
    ),
    (
        "no lead worker",
        with_decision(harland(), THEO, lead_social_worker_id=None),
        ENGLAND,
        "the lead social worker for Theo Harland",
    ),
    (
        "unknown lead worker",
        with_decision(harland(), THEO, lead_social_worker_id=uid("nobody")),
        ENGLAND,
        "the lead social worker for Theo Harland",
    ),
    (
        "no contact",
        with_decision(harland(), THEO, lead_social_worker_contact=" "),
        ENGLAND,
        "how to contact the lead social worker for Theo Harland",
    ),
    (
        "no first core group",
        with_decision(harland(), THEO, first_core_group_date=None),
        ENGLAND,
        "the date of the first core group meeting for Theo Harland",
    ),
    (
        "no review",
        with_decision(harland(), THEO, review_date=None),
        ENGLAND,
        "the date of the next review for Theo Harland",
    ),
    (
        "no complaints route",
        harland(),
        _NO_COMPLAINTS,
        "how to complain (the profile's complaints route)",
    ),
    ("no chair", _without_chair(), ENGLAND, "the chair's name"),
    (
        "no children",
        dataclasses.replace(harland(), children=()),
        ENGLAND,
        "the children the conference was about",
    ),
]


@pytest.mark.parametrize(
    ("record", "profile", "fact"), [gap[1:] for gap in _GAPS], ids=[gap[0] for gap in _GAPS]
)
def test_a_letter_missing_a_fact_is_refused_naming_that_fact(
    record: ConferenceRecord, profile: Profile, fact: str
) -> None:
    assert missing_facts(record, profile, LetterKind.PARENT) == (fact,)
    with pytest.raises(LetterIncomplete) as caught:
        compose(record, profile=profile)

    assert caught.value.missing == (fact,)
    message = str(caught.value)
    assert fact in message
    assert "\n" not in message
    assert isinstance(caught.value, ValueError)


def test_the_message_names_every_missing_fact() -> None:
    record = with_decision(harland(), THEO, review_date=None, lead_social_worker_contact="")
    record = with_decision(record, LILY, reason="")

    with pytest.raises(LetterIncomplete) as caught:
        compose(record)

    assert str(caught.value) == (
        "The letter cannot be written until these are recorded: the reasons for the decision"
        " about Lily Harland; how to contact the lead social worker for Theo Harland; the"
        " date of the next review for Theo Harland."
    )


def test_the_lead_worker_is_named_in_the_profiles_words() -> None:
    scotland = PROFILES["scotland"]
    record = considered(with_decision(harland(), LILY, lead_social_worker_id=None), scotland)

    assert missing_facts(record, scotland, LetterKind.PARENT) == (
        "the lead professional for Lily Harland",
    )


def test_each_kind_needs_only_the_facts_it_states() -> None:
    record = with_decision(harland(), THEO, review_date=None)
    assert missing_facts(record, _NO_COMPLAINTS, LetterKind.PROFESSIONAL) == (
        "the date of the next review for Theo Harland",
    )
    assert missing_facts(harland(), _NO_COMPLAINTS, LetterKind.PROFESSIONAL) == ()

    gaps = with_decision(ended(), KAI, reason="", lead_social_worker_id=None)
    assert missing_facts(gaps, _NO_COMPLAINTS, LetterKind.PLAN_ENDED) == ()
    assert missing_facts(
        with_decision(ended(), LILY, reason=""), ENGLAND, LetterKind.PLAN_ENDED
    ) == ("the reasons for the decision about Lily Harland",)
    assert missing_facts(harland(), ENGLAND, LetterKind.PLAN_ENDED) == (
        "a decision that ends a plan",
    )

    transfer = harland(type=ConferenceType.TRANSFER_IN, local_authority="  ")
    assert missing_facts(transfer, _NO_COMPLAINTS, LetterKind.TRANSFER) == (
        "the authority the plan is transferred from",
        "the name of the local authority",
    )
    assert missing_facts(transferred(), _NO_COMPLAINTS, LetterKind.TRANSFER) == ()
    assert missing_facts(transfer, ENGLAND, LetterKind.PARENT) == ()


def test_a_continuing_plan_at_a_review_needs_no_first_core_group() -> None:
    record = with_decision(harland(type=ConferenceType.REVIEW), LILY, first_core_group_date=None)

    assert missing_facts(record, ENGLAND, LetterKind.PARENT) == ()
    body = text_of(compose(record))
    assert "Lily is still subject to a child protection plan." in body
    assert "The first core group meeting for Kai and Theo will be on" in body


def test_other_outcomes_need_no_plan_details() -> None:
    record = with_decision(
        harland(),
        KAI,
        lead_social_worker_id=None,
        lead_social_worker_contact="",
        first_core_group_date=None,
        review_date=None,
    )

    assert missing_facts(record, ENGLAND, LetterKind.PARENT) == ()


def test_an_administrative_ending_without_a_reason_is_explained_by_the_ending() -> None:
    record = with_decision(ended(), THEO, ending=None, reason="")

    assert missing_facts(record, ENGLAND, LetterKind.PLAN_ENDED) == (
        "the reasons for the decision about Theo Harland",
    )


# --------------------------------------------------------------------------- requests


@pytest.mark.parametrize("kind", sorted(POSTED_KINDS))
def test_a_posted_letter_needs_an_address(kind: str) -> None:
    with pytest.raises(ValueError, match="has no address; confirm the address first"):
        compose(kind=LetterKind(kind), address=("  ", ""))


def test_address_lines_are_tidied() -> None:
    letter = compose(address=(" 12 Mill Lane ", "", "Fenbridge"))

    assert letter.recipient_address == ("12 Mill Lane", "Fenbridge")


def test_a_professional_letter_may_go_without_a_postal_address() -> None:
    letter = compose(kind=LetterKind.PROFESSIONAL, name="Dr Thomas Ewing", address=())

    assert letter.recipient_address == ()


@pytest.mark.parametrize("kind", list(LetterKind))
def test_a_letter_needs_a_recipient_name(kind: LetterKind) -> None:
    with pytest.raises(ValueError, match="no recipient name"):
        compose(_record_for(kind), kind, "   ")


def test_the_recipient_must_be_a_participant() -> None:
    assert compose(recipient_id=MUM).recipient_name == "Justyna Harland"
    with pytest.raises(ValueError, match="is not a participant"):
        compose(recipient_id=uid("stranger"))


def test_a_transfer_letter_needs_a_transfer_in_conference() -> None:
    with pytest.raises(ValueError, match="only written after a transfer-in conference"):
        compose(kind=LetterKind.TRANSFER, name="Northshire Council")


def test_request_basics_are_checked_before_the_facts() -> None:
    with pytest.raises(ValueError) as caught:
        compose(dataclasses.replace(harland(), children=()), name="")
    assert not isinstance(caught.value, LetterIncomplete)


# --------------------------------------------------------------------------- safe filling


HOSTILE = "Because {complaints_route} and {0} and <b>bold</b> & {{x}} \\1 %s {reasons"


def test_user_text_is_inserted_literally() -> None:
    record = with_decision(harland(), THEO, reason=HOSTILE)

    letter = compose(record, name="{reference} <i>Ms</i> \\g<0>")

    body = text_of(letter)
    assert f"About Theo: {HOSTILE}" in body
    assert body.count(" ".join(ENGLAND.complaints_route.split())) == 1  # not substituted again
    assert letter.salutation == "Dear {reference} <i>Ms</i> \\g<0>,"
    assert letter.recipient_name == "{reference} <i>Ms</i> \\g<0>"


def test_hostile_names_and_contacts_stay_as_typed() -> None:
    record = with_decision(harland(), LILY, lead_social_worker_contact="{0} {lead_worker_name}")
    kai = Child(KAI, "{children_names}", "<script>")
    record = dataclasses.replace(record, children=(kai, *record.children[1:]))

    body = text_of(compose(record, kind=LetterKind.PROFESSIONAL))

    assert "{children_names} <script> does not need a child protection plan" in body
    assert "For Lily Harland: {0} {lead_worker_name}" in body


# --------------------------------------------------------------------------- wording


def _custom(**terms: str) -> Profile:
    terminology = dataclasses.replace(ENGLAND.terminology, **terms)
    return dataclasses.replace(ENGLAND, terminology=terminology)


CUSTOM = _custom(
    plan_name="PLAN-X",
    support_plan_name="SUPPORT-Y",
    registered_phrase="REGISTERED-Z",
    lead_worker_title="LEAD-W",
    core_group_name="GROUP-V",
    meeting_name="MEETING-U",
)


_WORDING = {
    Outcome.CP_PLAN: (
        "Kai is now REGISTERED-Z. A PLAN-X will set out how everyone will help to keep Kai"
        " safe and well.",
        "You are now REGISTERED-Z. A PLAN-X will set out how the adults around you will help"
        " to keep you safe and well.",
        "Kai Harland is now REGISTERED-Z.",
    ),
    Outcome.CIN_PLAN: (
        "Kai does not need a PLAN-X. Instead, Kai will have a SUPPORT-Y, so that the family"
        " keeps getting help.",
        "You do not need a PLAN-X. Instead, you will have a SUPPORT-Y, so that you and your"
        " family keep getting help.",
        "Kai Harland does not need a PLAN-X; a SUPPORT-Y will be put in place.",
    ),
    Outcome.NO_FURTHER_ACTION: (
        "Kai does not need a PLAN-X, and no other plan is needed at the moment.",
        "You do not need a PLAN-X. We do not need to make any other plan for you right now.",
        "Kai Harland does not need a PLAN-X; no further action is needed.",
    ),
    Outcome.ADJOURN: (
        "The meeting has not yet made a decision about Kai. It will meet again to decide.",
        "We have not decided yet. We will meet again soon to decide.",
        "No decision was made about Kai Harland: the meeting was adjourned and will reconvene.",
    ),
    Outcome.END_PLAN: (
        "Kai's PLAN-X has ended. Kai is no longer REGISTERED-Z.",
        "Your PLAN-X has ended. You are no longer REGISTERED-Z.",
        "Kai Harland's PLAN-X has ended. Kai Harland is no longer REGISTERED-Z.",
    ),
    Outcome.ADMINISTRATIVE_END: (
        "Kai's PLAN-X has ended. Kai is no longer REGISTERED-Z.",
        "Your PLAN-X has ended. You are no longer REGISTERED-Z.",
        "Kai Harland's PLAN-X has ended. Kai Harland is no longer REGISTERED-Z.",
    ),
}


@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_is_worded_from_the_profile_terminology(outcome: Outcome) -> None:
    record = with_decision(harland(), KAI, outcome=outcome, ending=AdministrativeEnding.TURNED_18)
    family, child, professional = _WORDING[outcome]

    assert family in text_of(compose(record, profile=CUSTOM))
    assert child in text_of(compose(record, LetterKind.CHILD, "Kai Harland", CUSTOM))
    assert professional in text_of(compose(record, LetterKind.PROFESSIONAL, profile=CUSTOM))


def test_the_plan_is_called_the_plan_when_the_registered_phrase_names_it() -> None:
    body = text_of(compose())

    assert "Lily is now subject to a child protection plan. The plan will set out" in body


@pytest.mark.parametrize(
    ("ending", "when", "family", "child"),
    [
        (
            AdministrativeEnding.TURNED_18,
            date(2026, 11, 30),
            "Kai turned 18 on Monday 30 November 2026.",
            "You turned 18 on Monday 30 November 2026.",
        ),
        (
            AdministrativeEnding.LEFT_UK,
            None,
            "Kai moved to live outside the UK.",
            "You moved to live outside the UK.",
        ),
        (
            AdministrativeEnding.MOVED_AUTHORITY,
            None,
            "Kai moved to live in another area, and that area took over the plan.",
            "You moved to live in another area, and that area took over the plan.",
        ),
    ],
)
def test_administrative_endings_give_their_reason(
    ending: AdministrativeEnding, when: date | None, family: str, child: str
) -> None:
    record = with_decision(
        harland(),
        KAI,
        outcome=Outcome.ADMINISTRATIVE_END,
        ending=ending,
        ending_date=when,
        reason="The manager agreed after speaking to the agencies.",
    )

    assert f"About Kai: {family} The manager agreed" in text_of(compose(record))
    assert child in text_of(compose(record, LetterKind.CHILD, "Kai"))


def test_a_death_is_not_followed_by_the_register_sentence() -> None:
    record = with_decision(
        ended(), THEO, ending=AdministrativeEnding.DIED, ending_date=date(2026, 11, 30)
    )

    body = text_of(compose(record, LetterKind.PLAN_ENDED, "DC Neil Brannigan"))

    assert "Theo Harland's child protection plan has ended.\n" in body
    assert "Theo Harland is no longer" not in body
    assert "Theo Harland: Theo Harland died on Monday 30 November 2026." in body


def test_different_dates_and_workers_are_listed_child_by_child() -> None:
    other = _person("sw2", "Ben Okoro", ParticipantRole.SOCIAL_WORKER, "Children's Social Care")
    record = dataclasses.replace(harland(), participants=(*_people(), other))
    record = with_decision(
        record,
        THEO,
        review_date=date(2027, 3, 8),
        lead_social_worker_id=other.id,
        lead_social_worker_contact="Ben Okoro, 01632 960999",
    )

    body = text_of(compose(record))

    assert (
        "Your lead social worker is Amira Hussain (for Kai and Lily) and Ben Okoro (for Theo)."
        in body
    )
    assert (
        f"You can reach them here: For Kai and Lily: {CONTACT} For Theo: Ben Okoro, 01632"
        " 960999.\n" in body
    )
    assert "There will be a review meeting for Kai and Lily on Friday 5 March 2027" in body
    assert "There will be a review meeting for Theo on Monday 8 March 2027" in body


def test_categories_unknown_to_the_profile_and_acronyms_keep_their_spelling() -> None:
    profile = dataclasses.replace(
        ENGLAND, categories=(*ENGLAND.categories, Category("cse", "CSE risk"))
    )
    record = with_decision(
        harland(), THEO, categories=("cse", "financial_abuse"), primary_category=None
    )

    body = text_of(compose(record, LetterKind.PROFESSIONAL, profile=profile))

    assert "The categories for Theo Harland are CSE risk and financial abuse." in body
    assert "The main category" not in body.split("Theo Harland are")[1].split("\n")[0]


def test_a_paragraph_with_nothing_to_say_is_left_out() -> None:
    record = harland(local_authority="")
    for child_id in (KAI, LILY, THEO):
        record = with_decision(
            record,
            child_id,
            outcome=Outcome.NO_FURTHER_ACTION,
            threshold_met=False,
            lead_social_worker_id=None,
            lead_social_worker_contact="",
            first_core_group_date=None,
            review_date=None,
        )

    letter = compose(record)
    body = text_of(letter)

    assert letter.sender == ()
    assert "lead social worker" not in body
    assert "You can reach them" not in body
    assert "core group" not in body
    assert "Kai does not need a child protection plan, and no other plan is needed" in body


def test_template_paragraphs_fill_once_and_spread_lists() -> None:
    template = LetterTemplate(
        subject="{{Ref}} {reference}",
        body="Intro {{braces}} for {children_names}.\n\n{children_outcomes}\n\n"
        "Inline: {children_outcomes}\n\n{local_authority} is optional.\n\nEnd.",
        salutation="Hi {recipient_given_name} / {recipient_name},",
        sign_off="Bye,",
    )
    letters = dataclasses.replace(ENGLAND.letters, parent=template)
    profile = dataclasses.replace(ENGLAND, letters=letters)

    letter = compose(harland(local_authority=""), profile=profile)

    assert letter.subject == "{Ref} CPC-2026-0001"
    assert letter.salutation == "Hi Justyna Harland / Justyna Harland,"
    assert letter.sign_off == "Bye,"
    texts = [p.text for p in letter.paragraphs]
    assert texts[0] == "Intro {braces} for Kai, Lily and Theo."
    assert texts[1].startswith("Kai does not need")
    assert texts[2].startswith("Lily is now")
    assert texts[3].startswith("Theo is now")
    assert texts[4].startswith("Inline: Kai does not need") and "Theo is now" in texts[4]
    assert texts[5:] == ["End."]


def test_every_placeholder_has_a_value() -> None:
    subjects = letter_facts.subjects(harland(), harland().children)
    for reader in letter_facts.Reader:
        values = letter_facts.values(harland(), ENGLAND, subjects, reader)
        assert set(values) | {"recipient_name", "recipient_given_name"} == set(LETTER_PLACEHOLDERS)
    no_chair = letter_facts.values(_without_chair(), ENGLAND, subjects, letter_facts.Reader.FAMILY)
    assert no_chair["chair_name"] == ()


def test_names_are_joined_in_plain_english() -> None:
    join = letter_facts.join
    assert (join([]), join(["a"]), join(["a", "b"]), join(["a", "b", "c"])) == (
        "",
        "a",
        "a and b",
        "a, b and c",
    )


# --------------------------------------------------------------------------- jargon


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Following the s47 enquiry and a section 47 visit.", ("s47", "section 47")),
        ("An S.47 and s 17 and Section 17 note.", ("s47", "s17", "section 17")),
        ("The ICPC, then RCPCs, then the CPC.", ("ICPC", "RCPC", "CPC")),
        ("A CPCC or a CPPM.", ("CPCC", "CPPM")),
        ("A CP plan, a CPP, or CIN.", ("CP plan", "CPP", "CIN")),
        ("Ask the LADO, the MASH, the IRD or the PLO.", ("LADO", "MASH", "IRD", "PLO")),
        ("The Threshold was met after a strategy meeting.", ("threshold", "strategy discussion")),
        ("The core group and the contingency plan.", ("core group", "contingency plan")),
        # Not jargon: a lowercase 'cin', a bigger word, a plain sentence.
        ("A cinema trip, a SCIN form, sections 470, 1CPC.", ()),
        ("Dear Kai, we met today.", ()),
        # Explained: a gloss in brackets, "means", or the term as a bracketed short name.
        ("The core group (the people who help) meets. The core group is small.", ()),
        ("The initial child protection conference (ICPC) met.", ()),
        ("The threshold means the point at which we must act.", ()),
        ("The CIN (child in need) plan and an unexplained LADO.", ("LADO",)),
        # Brackets that are not a gloss of the term do not explain it.
        ("(see the ICPC notes)", ("ICPC",)),
    ],
)
def test_jargon_terms(text: str, terms: tuple[str, ...]) -> None:
    assert jargon_terms(text) == terms


def test_the_jargon_list_is_documented_and_unique() -> None:
    names = [term for term, _ in JARGON]

    assert len(names) == len(set(names))
    assert {"s47", "section 47", "ICPC", "RCPC", "CIN", "CP plan", "LADO"} <= set(names)
    assert {"threshold", "strategy discussion", "core group"} <= set(names)


def test_professional_letters_may_use_professional_terms() -> None:
    body = text_of(compose(kind=LetterKind.PROFESSIONAL, name="Dr Thomas Ewing"))

    assert jargon_terms(body) == ("core group",)


def _all_letters() -> Iterator[tuple[str, LetterKind, LetterDocument]]:
    for profile_id in PROFILE_IDS:
        for kind in LetterKind:
            record = _record_for(kind)
            yield profile_id, kind, compose(record, kind, _RECIPIENTS[kind], PROFILES[profile_id])


def test_no_letter_has_an_empty_paragraph() -> None:
    for _profile_id, _kind, letter in _all_letters():
        assert all(p.text.strip() for p in letter.paragraphs)


def test_facts_not_asked_for_are_not_reported() -> None:
    record = with_decision(
        harland(),
        THEO,
        reason="",
        lead_social_worker_id=None,
        lead_social_worker_contact="",
        review_date=None,
    )
    scope = letter_facts.subjects(record, record.children)

    only_outcome = frozenset({letter_facts.Fact.OUTCOME})
    assert letter_facts.missing(record, ENGLAND, scope, only_outcome, "nobody") == ()
    assert letter_facts.missing(record, ENGLAND, (), only_outcome, "nobody") == ("nobody",)


def test_a_child_without_a_decision_adds_nothing_to_the_values() -> None:
    record = dataclasses.replace(harland(), decisions=harland().decisions[:1])
    scope = letter_facts.subjects(record, record.children)

    values = letter_facts.values(record, ENGLAND, scope, letter_facts.Reader.FAMILY)

    assert values["children_names"] == ("Kai, Lily and Theo",)
    assert len(values["children_outcomes"]) == len(values["reasons"]) == 1


def test_a_recipient_name_with_a_bidi_override_keeps_the_salutation_in_order(tmp_path) -> None:
    # Issue 16.7: a right-to-left override in a name reversed the salutation after it.
    from cpc_desktop.export.typeset import render_letter
    from tests.unit.export.test_typeset import pdftotext

    letter = compose(name="\u202eJustyna Harland")
    text = "\n".join(pdftotext(render_letter(letter), tmp_path))
    assert "Dear dnalraH anytsuJ," in " ".join(text.split())
