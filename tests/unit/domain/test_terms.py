"""Every word the chair or a family reads comes from the profile (issue 18, point 3).

The demo conference's minutes are laid out under each nation: each prints its own
meeting, plan, lead worker and category words, and none of England's where the nation's
differ.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date

import pytest

from cpc_desktop.domain.conference import Child
from cpc_desktop.domain.enums import ConferenceType, Outcome, View
from cpc_desktop.domain.minutes_document import build_minutes
from cpc_desktop.domain.terms import terms_of
from cpc_desktop.domain.timescales import first_review_after
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile
from cpc_desktop.services.rules import RuleBook, timescale_params
from tests.unit.domain.test_minutes_document import words

DEMO = build_demo_records(date(2026, 11, 23))[0]


def _minutes(profile_id: str) -> str:
    record = dataclasses.replace(
        DEMO, conference=dataclasses.replace(DEMO.conference, profile=profile_id)
    )
    built = build_minutes(record, load_profile(profile_id), local=lambda t: t.astimezone(UTC))
    return words(built.document)


@pytest.mark.parametrize(
    ("profile_id", "present", "absent"),
    [
        (
            "scotland",
            (
                "Initial child protection planning meeting",
                "Lead professional",
                "Review child protection planning meeting (",
            ),
            ("Initial child protection conference", "Lead social worker", "\nCategories\n"),
        ),
        (
            "wales",
            ("Care and support protection plan co-ordinator", "Care and support protection plan"),
            ("Lead social worker", "Child protection plan\n"),
        ),
        (
            "northern_ireland",
            (
                "Initial child protection case conference",
                "Review child protection case conference (",
            ),
            ("Initial child protection conference,",),
        ),
        (
            "england",
            ("Initial child protection conference", "Lead social worker", "Child protection plan"),
            ("planning meeting", "co-ordinator"),
        ),
    ],
)
def test_the_minutes_speak_each_nations_words(
    profile_id: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    text = _minutes(profile_id)
    for said in present:
        assert said in text, said
    for unsaid in absent:
        assert unsaid not in text, unsaid


def test_terms_follow_the_terminology() -> None:
    scotland = terms_of(load_profile("scotland"))
    assert scotland.categories == "Areas of concern"
    assert scotland.main_category == "Main area of concern"
    assert scotland.strategy_discussion == "Inter-agency referral discussion"
    assert scotland.outcome(Outcome.CIN_PLAN) == "Child's plan"
    assert scotland.view(View.CHILD_IN_NEED) == "Child's plan"
    wales = terms_of(load_profile("wales"))
    assert wales.outcome(Outcome.END_PLAN) == "Care and support protection plan ended"
    assert wales.conference_type(ConferenceType.TRANSFER_IN) == (
        "Transfer-in child protection conference"
    )
    assert terms_of(load_profile("england")).outcome(Outcome.NO_FURTHER_ACTION) == (
        "No further action"
    )


def test_a_profile_names_the_strategy_discussion_only_if_it_differs() -> None:
    assert load_profile("england").terminology.strategy_discussion_name == "strategy discussion"
    assert load_profile("scotland").terminology.strategy_discussion_name == (
        "inter-agency referral discussion"
    )


def test_who_decides_is_said_in_each_nations_way() -> None:
    assert "Decided by the chair, having heard the views" in _minutes("england")
    assert (
        "Decided by the practitioners at the conference, each giving a view for each child; "
        "the chair records their decision." in _minutes("wales")
    )


def test_a_scottish_plan_for_an_unborn_baby_is_reviewed_within_three_months() -> None:
    rules = RuleBook()
    unborn = Child("u", "", "Quinn", expected_date_of_delivery=date(2027, 4, 1))
    born = Child("b", "Ada", "Quinn", date_of_birth=date(2020, 1, 1))
    start = date(2026, 12, 1)
    for pid, unborn_due, born_due in (
        ("scotland", date(2027, 3, 1), date(2027, 6, 1)),
        ("england", date(2027, 3, 1), date(2027, 3, 1)),
    ):
        profile = rules.profile(pid)
        params, calendar = timescale_params(profile), rules.calendar(profile.division, [start])
        assert first_review_after(start, (unborn,), params, calendar) == unborn_due, pid
        assert first_review_after(start, (born,), params, calendar) == born_due, pid
