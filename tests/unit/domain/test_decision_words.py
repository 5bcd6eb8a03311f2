"""The decision checks name the plan's people, group, plan and meeting in each nation's
own words (issue 19): no "lead social worker" or "core group" under a nation that says
otherwise, and England's words, as before, when no profile is given."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cpc_desktop.domain.conference import Decision
from cpc_desktop.domain.decision_checks import check_decision
from cpc_desktop.domain.decision_words import CheckWords, article, check_words
from cpc_desktop.domain.enums import ConferenceType, Outcome
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.terms import Terms, terms_of
from cpc_desktop.services.profiles import load_profile
from tests.unit.domain.test_validation import (
    ALLOWED,
    CHILD,
    CONF,
    END,
    ENG,
    INQUORATE,
    PARAMS,
    PEOPLE,
    PLAN,
    REVIEW,
)

#: The messages a plan with nothing filled in gets, with the words left as blanks.
GAPS = {
    "decision.threshold_missing": "The answer to whether the threshold for {a_plan} is met "
    "is missing.",
    "decision.category_missing": "At least one {category} is needed for {a_plan}.",
    "decision.lead_social_worker_missing": "The {lead} is missing.",
    "decision.core_group_empty": "No {core} members are named.",
    "decision.first_core_group_date_missing": "The date of the first {core} is missing.",
    "decision.review_date_missing": "The date of the review {meeting} is missing.",
}
BARE = replace(
    PLAN,
    threshold_met=None,
    categories=(),
    primary_category=None,
    lead_social_worker_id=None,
    core_group=(),
    first_core_group_date=None,
    review_date=None,
)

NATIONS = {
    None: ("a child protection plan", "category", "lead social worker", "core group", "conference"),
    "england": (
        "a child protection plan",
        "category",
        "lead social worker",
        "core group",
        "conference",
    ),
    "wales": (
        "a care and support protection plan",
        "category",
        "care and support protection plan co-ordinator",
        "core group",
        "conference",
    ),
    "scotland": (
        "a child protection plan",
        "area of concern",
        "lead professional",
        "core group",
        "meeting",
    ),
    "northern_ireland": (
        "a child protection plan",
        "category",
        "lead social worker",
        "core group",
        "conference",
    ),
}


def _terms(nation: str | None) -> Terms | None:
    return None if nation is None else terms_of(load_profile(nation))


def _messages(decision: Decision, nation: str | None, **kwargs: object) -> dict[str, str]:
    problems = check_decision(
        decision,
        kwargs.pop("conference", CONF),  # type: ignore[arg-type]
        CHILD,
        PEOPLE,
        ALLOWED,
        PARAMS,
        ENG,
        kwargs.pop("previous", None),  # type: ignore[arg-type]
        quorum=kwargs.pop("quorum", None),  # type: ignore[arg-type]
        terms=_terms(nation),
    )
    return {p.code: p.message for p in problems}


@pytest.mark.parametrize("nation", list(NATIONS))
def test_a_plan_with_gaps_is_described_in_the_nations_words(nation: str | None) -> None:
    a_plan, category, lead, core, meeting = NATIONS[nation]
    said = _messages(BARE, nation)
    for code, template in GAPS.items():
        assert said[code] == template.format(
            a_plan=a_plan, category=category, lead=lead, core=core, meeting=meeting
        )


def test_a_welsh_plan_never_says_englands_words() -> None:
    said = _messages(BARE, "wales")
    assert said["decision.lead_social_worker_missing"] == (
        "The care and support protection plan co-ordinator is missing."
    )
    for message in said.values():
        assert "lead social worker" not in message
        assert "a child protection plan" not in message


def test_the_people_of_a_scottish_plan_are_named_as_scotland_names_them() -> None:
    wrong = replace(
        PLAN,
        categories=("neglect", "financial"),
        primary_category="sexual",
        lead_social_worker_id="police",
        core_group=("sw", "ghost"),
    )
    said = _messages(wrong, "scotland")
    assert said["decision.category_not_allowed"] == (
        "The area of concern “financial” is not one this profile allows."
    )
    assert said["decision.primary_category_not_chosen"] == (
        "The primary area of concern “sexual” is not among the areas of concern chosen."
    )
    assert said["decision.lead_not_social_worker"] == (
        "The lead professional, PC Lee, is not recorded with the role of social worker."
    )
    assert said["decision.core_group_member_unknown"] == (
        "A core group member is not among the meeting participants."
    )
    stranger = _messages(replace(PLAN, lead_social_worker_id="nobody"), "scotland")
    assert stranger["decision.lead_social_worker_not_participant"] == (
        "The lead professional is not among the meeting participants."
    )


def test_ending_a_plan_names_the_nations_plan_and_meeting() -> None:
    wales = _messages(END, "wales", conference=REVIEW, previous=Outcome.CIN_PLAN, quorum=INQUORATE)
    assert wales["decision.no_plan_to_end"] == (
        "The child had no care and support protection plan at the previous conference to end."
    )
    assert wales["decision.end_plan_inquorate"] == (
        "The conference is not quorate, and only a quorate conference can end a plan."
    )
    scotland = _messages(END, "scotland", conference=replace(REVIEW, type=ConferenceType.INITIAL))
    assert scotland["decision.end_plan_not_at_review"] == (
        "A plan can only be ended at a review meeting."
    )
    inquorate = QuorumResult(False, True, (), "")
    scotland = _messages(END, "scotland", conference=REVIEW, quorum=inquorate)
    assert scotland["decision.end_plan_inquorate"] == (
        "The meeting is not quorate, and only a quorate meeting can end a plan."
    )


def test_without_a_profile_the_words_are_englands() -> None:
    assert check_words(None) == CheckWords()
    assert CheckWords().review == "review conference"
    assert CheckWords().a_plan == "a child protection plan"


@pytest.mark.parametrize(
    ("word", "expected"), [("plan", "a"), ("area", "an"), ("Early help plan", "an"), ("", "a")]
)
def test_the_article_follows_the_first_letter(word: str, expected: str) -> None:
    assert article(word) == expected


@pytest.mark.parametrize(
    ("nation", "primary", "meeting"),
    [
        ("england", "primary category", "conference"),
        ("scotland", "primary area of concern", "meeting"),
    ],
)
def test_the_wizard_names_the_primary_category_and_the_meeting_in_the_nations_words(
    nation: str, primary: str, meeting: str
) -> None:
    from cpc_desktop.domain.decision_flow import Step, StepKind, start, step_problems
    from tests.unit.domain.test_decision_flow import context, set_child

    ctx = replace(context(primary_required=True), terms=terms_of(load_profile(nation)))
    answers = start(ctx)
    plan = replace(
        answers.children[0],
        threshold_met=True,
        outcome=Outcome.CP_PLAN,
        categories=("neglect", "emotional"),
    )
    said = {
        p.code: p.message
        for p in step_problems(Step(StepKind.CATEGORIES, 0), set_child(answers, plan), ctx)
    }
    assert said["flow.primary_category_missing"] == f"The {primary} is missing."
    ended = replace(answers.children[0], threshold_met=False, outcome=Outcome.END_PLAN)
    said = {
        p.code: p.message
        for p in step_problems(Step(StepKind.OUTCOME, 0), set_child(answers, ended), ctx)
    }
    assert said["flow.outcome_not_offered"] == (
        f"The decision “end plan” cannot be made at this type of {meeting}."
    )
