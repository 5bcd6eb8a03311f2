"""Validation of a conference record and of each child's decision."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from cpc_desktop.domain.calendar import uk_calendar
from cpc_desktop.domain.conference import (
    AgencyView,
    AttendanceEvent,
    Child,
    Conference,
    Decision,
    Dissent,
    Participant,
    PlanAction,
)
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    AttendanceKind,
    ChildParticipation,
    ConferenceStatus,
    ConferenceType,
    DayUnit,
    Division,
    ExclusionGround,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.terms import Terms, terms_of
from cpc_desktop.domain.timescales import TimescaleParams
from cpc_desktop.domain.validation import (
    Place,
    Problem,
    Severity,
    can_finalise,
    check_conference,
    check_decision,
    check_inquorate_reason,
    check_timescale,
    derived_cin_category,
    place_of,
)
from cpc_desktop.services.profiles import load_profile

ERROR, WARNING = Severity.ERROR, Severity.WARNING
ENG = uk_calendar(Division.ENGLAND_AND_WALES, 2025, 2027)
PARAMS = TimescaleParams()
ALLOWED = ("neglect", "physical", "emotional", "sexual")
QUORATE = QuorumResult(True, True, ("Police", "School"), "")
INQUORATE = QuorumResult(False, True, ("Police",), "Only 1 other agency ...")

# Monday 12 January 2026; due 13 January (15 working days after 18 December 2025).
CONF = Conference(
    id="c1",
    reference="CPC-1",
    type=ConferenceType.INITIAL,
    status=ConferenceStatus.CONCLUDED,
    date=date(2026, 1, 12),
    strategy_discussion_date=date(2025, 12, 18),
)
CHILD = Child(
    id="k1",
    given_name="Ada",
    family_name="Smith",
    date_of_birth=date(2019, 5, 4),
    participation=ChildParticipation.THROUGH_ADVOCATE,
)


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, 12, hour, minute, tzinfo=UTC)


EXCLUSION = AttendanceEvent(
    id="e2",
    kind=AttendanceKind.EXCLUDED,
    at=_at(10, 30),
    until=_at(10, 50),
    grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
)
PEOPLE = (
    Participant(id="chair", name="Chair", role=ParticipantRole.CHAIR),
    Participant(
        id="sw",
        name="Sam Worker",
        role=ParticipantRole.SOCIAL_WORKER,
        agency="Children's social care",
        report_received=date(2026, 1, 5),
        report_shared_with_family=date(2026, 1, 5),
    ),
    Participant(
        id="police",
        name="PC Lee",
        role=ParticipantRole.PROFESSIONAL,
        agency="Police",
        report_received=date(2026, 1, 8),
    ),
    Participant(id="school", name="Ms Khan", role=ParticipantRole.PROFESSIONAL, agency="School"),
    Participant(
        id="mother",
        name="Jo Smith",
        role=ParticipantRole.PARENT,
        relationship="Mother",
        attendance=(AttendanceEvent("e1", AttendanceKind.PRESENT, _at(10)), EXCLUSION),
    ),
    Participant(
        id="sol",
        name="Mr Grey",
        role=ParticipantRole.SUPPORTER,
        relationship="Mother's solicitor",
    ),
    Participant(
        id="la-legal",
        name="Ms Field",
        role=ParticipantRole.PROFESSIONAL,
        agency="Legal services",
        relationship="Local authority solicitor",
    ),
)

PLAN = Decision(
    id="d1",
    child_id="k1",
    threshold_met=True,
    threshold_rationale="Likely to suffer significant harm from neglect.",
    outcome=Outcome.CP_PLAN,
    reason="Continuing risk of neglect.",
    categories=("neglect", "emotional"),
    primary_category="neglect",
    lead_social_worker_id="sw",
    core_group=("sw", "school", "mother"),
    first_core_group_date=date(2026, 1, 23),  # due 26 January
    review_date=date(2026, 4, 8),  # due 12 April
    contingency_plan="If home conditions do not improve, a legal planning meeting is held.",
    views=(AgencyView("v1", "police", View.PLAN), AgencyView("v2", "school", View.PLAN)),
    actions=(PlanAction("a1", owner="sw", action="Visit weekly", due_date=date(2026, 2, 1)),),
)

REVIEW = replace(
    CONF,
    type=ConferenceType.REVIEW,
    strategy_discussion_date=None,
    previous_conference_date=date(2025, 10, 13),
    review_number=2,
)
END = Decision(
    id="d2",
    child_id="k1",
    threshold_met=False,
    outcome=Outcome.END_PLAN,
    reason="The plan's outcomes are met and the risk has reduced.",
    views=(AgencyView("v1", "police", View.CHILD_IN_NEED),),
)

Found = set[tuple[str, str, Severity]]


def found(problems: Iterable[Problem]) -> Found:
    return {(p.code, p.path, p.severity) for p in problems}


def conference_problems(
    conference: Conference = CONF,
    children: tuple[Child, ...] = (CHILD,),
    participants: tuple[Participant, ...] = PEOPLE,
    params: TimescaleParams = PARAMS,
    quorum: QuorumResult | None = QUORATE,
) -> tuple[Problem, ...]:
    return check_conference(conference, children, participants, params, ENG, quorum)


def decision_problems(
    decision: Decision,
    conference: Conference = CONF,
    child: Child = CHILD,
    params: TimescaleParams = PARAMS,
    previous_outcome: Outcome | None = None,
    quorum: QuorumResult | None = None,
) -> tuple[Problem, ...]:
    return check_decision(
        decision,
        conference,
        child,
        PEOPLE,
        ALLOWED,
        params,
        ENG,
        previous_outcome,
        quorum=quorum,
    )


# --- small pieces -----------------------------------------------------------------------


def test_problem_defaults_to_an_error() -> None:
    assert Problem("x.y", "Something is missing.", "x.y").severity is ERROR


@pytest.mark.parametrize(
    ("path", "place"),
    [
        ("participants[3].report_shared_with_family", Place("participants", 3)),
        ("children[0]", Place("children", 0)),
        ("decisions[12].dissents[1].reasons", Place("decisions", 12)),
        ("$.participants[2].name", Place("participants", 2)),
        ("agenda[4]", Place("agenda", 4)),
        ("conference.date", None),
        ("conference.quorum_reason", None),
        ("participants[x]", None),
        ("participants[3]x", None),
        ("participants", None),
        ("", None),
    ],
)
def test_the_item_a_problem_is_about(path: str, place: Place | None) -> None:
    assert place_of(path) == place
    assert Problem("code", "A message.", path).about == place


def test_a_problems_index_in_one_list() -> None:
    late = Problem("participant.report_late", "Late.", "participants[3].report_shared")
    assert late.index_in("participants") == 3
    assert late.index_in("children") is None
    assert Problem("conference.date", "Late.", "conference.date").index_in("participants") is None


def test_can_finalise_only_without_errors() -> None:
    warning = Problem("w", "A warning.", "p", WARNING)
    error = Problem("e", "An error.", "p")
    assert can_finalise(())
    assert can_finalise([warning, warning])
    assert not can_finalise([warning, error])


@pytest.mark.parametrize(
    ("categories", "census"),
    [
        ((), None),
        (("neglect",), "neglect"),
        (("neglect", "neglect"), "neglect"),
        (("neglect", "physical"), "Multiple"),
        (("sexual", "physical", "emotional"), "Multiple"),
    ],
)
def test_derived_cin_category(categories: tuple[str, ...], census: str | None) -> None:
    assert derived_cin_category(categories) == census


def test_check_timescale() -> None:
    due = date(2026, 1, 13)
    kwargs: dict[str, Any] = {"code": "x.late", "what": "The meeting", "path": "x.reason"}
    assert check_timescale(due, due, None, **kwargs) == ()
    assert check_timescale(due + timedelta(days=1), due, "Parent in hospital", **kwargs) == ()
    (problem,) = check_timescale(date(2026, 1, 14), due, "  ", **kwargs)
    assert problem == Problem(
        "x.late",
        "The meeting on 14 January 2026 is after its due date of 13 January 2026, "
        "so a reason for the delay must be recorded.",
        "x.reason",
        ERROR,
    )


def test_check_inquorate_reason() -> None:
    assert check_inquorate_reason(QUORATE, None) == ()
    assert check_inquorate_reason(INQUORATE, "Delay would harm the baby.") == ()
    (problem,) = check_inquorate_reason(INQUORATE, "", path="record.quorum_reason")
    assert problem.code == "conference.quorum_reason_missing"
    assert problem.path == "record.quorum_reason"
    assert problem.message == (
        "The conference is not quorate, so the chair's reason for going ahead must be recorded."
    )


# --- the conference ----------------------------------------------------------------------


def test_a_complete_conference_has_no_problems() -> None:
    assert conference_problems() == ()
    assert conference_problems(quorum=None) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"date": date(2026, 1, 14)},
            {("conference.delay_reason_missing", "conference.delay_reason", ERROR)},
        ),
        ({"date": date(2026, 1, 14), "delay_reason": "Interpreter unavailable."}, set()),
        (
            {"date": date(2026, 1, 14), "delay_reason": "   "},
            {("conference.delay_reason_missing", "conference.delay_reason", ERROR)},
        ),
        (
            {"strategy_discussion_date": None},
            {
                (
                    "conference.strategy_discussion_missing",
                    "conference.strategy_discussion_date",
                    ERROR,
                )
            },
        ),
        (
            {"strategy_discussion_date": date(2026, 1, 13)},
            {
                (
                    "conference.strategy_discussion_date_after_conference",
                    "conference.strategy_discussion_date",
                    ERROR,
                )
            },
        ),
        (
            {"last_strategy_discussion_date": date(2025, 12, 10)},
            {
                (
                    "conference.last_strategy_discussion_before_first",
                    "conference.last_strategy_discussion_date",
                    ERROR,
                )
            },
        ),
        (
            {"type": ConferenceType.TRANSFER_IN},
            {("conference.transfer_notice_missing", "conference.transfer_notice_date", ERROR)},
        ),
        (
            # Notice on 1 December: due 22 December, so 12 January is late.
            {"type": ConferenceType.TRANSFER_IN, "transfer_notice_date": date(2025, 12, 1)},
            {("conference.delay_reason_missing", "conference.delay_reason", ERROR)},
        ),
        (
            {"type": ConferenceType.REVIEW, "review_number": 2},
            {
                (
                    "conference.previous_conference_missing",
                    "conference.previous_conference_date",
                    ERROR,
                )
            },
        ),
        (
            {"reconvene_of": "c0"},
            {
                (
                    "conference.previous_conference_missing",
                    "conference.previous_conference_date",
                    ERROR,
                )
            },
        ),
        # Reconvened within 10 working days of the inquorate conference of 5 January.
        ({"reconvene_of": "c0", "previous_conference_date": date(2026, 1, 5)}, set()),
        (
            {"reconvene_of": "c0", "previous_conference_date": date(2025, 12, 1)},
            {("conference.delay_reason_missing", "conference.delay_reason", ERROR)},
        ),
        (
            {
                "type": ConferenceType.REVIEW,
                "review_number": 2,
                "previous_conference_date": date(2026, 2, 1),
            },
            {
                (
                    "conference.previous_conference_date_after_conference",
                    "conference.previous_conference_date",
                    ERROR,
                )
            },
        ),
    ],
)
def test_conference_dates(changes: dict[str, Any], expected: Found) -> None:
    assert found(conference_problems(replace(CONF, **changes))) == expected


def test_the_delay_message_names_both_dates() -> None:
    (problem,) = conference_problems(replace(CONF, date=date(2026, 1, 14)))
    assert problem.message == (
        "The conference on 14 January 2026 is after its due date of 13 January 2026, "
        "so a reason for the delay must be recorded."
    )


def test_a_late_first_review_needs_a_reason() -> None:
    first = replace(REVIEW, review_number=1, date=date(2026, 1, 14))  # due 13 January
    assert found(conference_problems(first)) == {
        ("conference.delay_reason_missing", "conference.delay_reason", ERROR)
    }
    later = replace(REVIEW, date=date(2026, 4, 13))  # second review: due 13 April
    assert conference_problems(later) == ()


# Gestation 30+0 on 12 January 2026.
EDD_30_WEEKS = date(2026, 1, 12) + timedelta(days=70)
PRE_BIRTH = replace(CONF, type=ConferenceType.PRE_BIRTH)


def _unborn(edd: date | None) -> Child:
    return Child(id="k2", given_name="Baby", family_name="Smith", expected_date_of_delivery=edd)


@pytest.mark.parametrize(
    ("edd", "params", "expected"),
    [
        (EDD_30_WEEKS, PARAMS, set()),
        (
            None,
            PARAMS,
            {("child.edd_missing", "children[1].expected_date_of_delivery", ERROR)},
        ),
        (
            EDD_30_WEEKS - timedelta(weeks=5),  # 35+0
            PARAMS,
            {("conference.pre_birth_late", "conference.date", WARNING)},
        ),
        (
            EDD_30_WEEKS,
            TimescaleParams(pre_birth_latest_week=28),  # Scotland
            {("conference.pre_birth_late", "conference.date", WARNING)},
        ),
        (
            EDD_30_WEEKS + timedelta(weeks=19),  # 11+0
            PARAMS,
            {("conference.pre_birth_early", "conference.date", WARNING)},
        ),
    ],
)
def test_pre_birth_conference(edd: date | None, params: TimescaleParams, expected: Found) -> None:
    # The first child is a born sibling: it needs no EDD.
    problems = conference_problems(PRE_BIRTH, children=(CHILD, _unborn(edd)), params=params)
    assert found(problems) == expected


def test_pre_birth_messages_give_the_gestation() -> None:
    late = conference_problems(PRE_BIRTH, children=(_unborn(EDD_30_WEEKS - timedelta(days=36)),))
    assert [p.message for p in late] == [
        "The pre-birth conference falls at 35+1 weeks' gestation, later than the 34 weeks "
        "the procedures allow."
    ]
    (missing,) = conference_problems(PRE_BIRTH, children=(_unborn(None),))
    assert missing.message == "The expected date of delivery for Baby Smith is missing."


def test_an_edd_only_matters_at_a_pre_birth_conference() -> None:
    assert conference_problems(children=(CHILD, _unborn(None))) == ()


def test_a_child_not_taking_part_needs_a_reason() -> None:
    absent = replace(CHILD, participation=ChildParticipation.NOT_TAKING_PART)
    assert found(conference_problems(children=(absent,))) == {
        ("child.participation_reason_missing", "children[0].participation_reason", ERROR)
    }
    explained = replace(absent, participation_reason="Too young to take part.")
    assert conference_problems(children=(explained,)) == ()


def _with(index: int, **changes: Any) -> tuple[Participant, ...]:
    """PEOPLE with participant ``index`` changed."""
    people = list(PEOPLE)
    people[index] = replace(people[index], **changes)
    return tuple(people)


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        (
            _with(2, report_received=None, report_shared_with_family=date(2026, 1, 6)),
            {("participant.report_not_received", "participants[2].report_received", ERROR)},
        ),
        (
            _with(1, report_shared_with_family=date(2026, 1, 4)),
            {
                (
                    "participant.report_shared_before_received",
                    "participants[1].report_shared_with_family",
                    ERROR,
                )
            },
        ),
        (_with(1, report_shared_with_family=date(2026, 1, 5)), set()),  # same day
        (
            _with(5, role=ParticipantRole.FAMILY_MEMBER),
            {("participant.solicitor_not_supporter", "participants[5].role", ERROR)},
        ),
        (
            _with(5, role=ParticipantRole.ADVOCATE, relationship="Solicitors for the father"),
            {("participant.solicitor_not_supporter", "participants[5].role", ERROR)},
        ),
        (_with(5, role=ParticipantRole.ADVOCATE, relationship="Advocate"), set()),
        (
            _with(4, attendance=(replace(EXCLUSION, grounds=None),)),
            {("participant.exclusion_grounds_missing", "participants[4].attendance[0].grounds",
              ERROR)},
        ),
        (
            _with(4, attendance=(replace(EXCLUSION, until=EXCLUSION.at),)),
            {("participant.exclusion_ends_before_start", "participants[4].attendance[0].until",
              ERROR)},
        ),
        (_with(4, attendance=(replace(EXCLUSION, until=None),)), set()),  # to the end
    ],
)  # fmt: skip
def test_participants(people: tuple[Participant, ...], expected: Found) -> None:
    assert found(conference_problems(participants=people)) == expected


def test_participant_messages() -> None:
    people = list(PEOPLE)
    people[1] = replace(people[1], name=" ", report_shared_with_family=date(2026, 1, 4))
    people[4] = replace(people[4], attendance=(replace(EXCLUSION, grounds=None),))
    people[5] = replace(people[5], role=ParticipantRole.PARENT)
    assert [p.message for p in conference_problems(participants=tuple(people))] == [
        "An unnamed participant's report is shown as shared with the family on 4 January 2026, "
        "before it was received on 5 January 2026.",
        "The grounds for excluding Jo Smith are missing.",
        "Mr Grey is a solicitor and must be recorded with the role of supporter.",
    ]


@pytest.mark.parametrize(
    ("changes", "quorum", "expected"),
    [
        ({}, INQUORATE, {("conference.quorum_reason_missing", "conference.quorum_reason", ERROR)}),
        ({"quorum_reason": "The baby is due in two weeks."}, INQUORATE, set()),
        (
            {"quorum_reason": "Delay would harm the child.", "reconvene_of": "c0",
             "previous_conference_date": date(2026, 1, 5)},
            INQUORATE,
            {("conference.second_inquorate", "conference.quorum_reason", WARNING)},
        ),
        ({"reconvene_of": "c0", "previous_conference_date": date(2026, 1, 5)}, QUORATE, set()),
    ],
)  # fmt: skip
def test_quorum(changes: dict[str, Any], quorum: QuorumResult, expected: Found) -> None:
    assert found(conference_problems(replace(CONF, **changes), quorum=quorum)) == expected


# --- a child's decision ------------------------------------------------------------------


def test_a_complete_plan_has_no_problems() -> None:
    assert decision_problems(PLAN) == ()


def test_the_path_prefix_locates_the_decision() -> None:
    problems = check_decision(
        replace(PLAN, contingency_plan=""),
        CONF,
        CHILD,
        PEOPLE,
        ALLOWED,
        PARAMS,
        ENG,
        path="decisions[2]",
    )
    assert found(problems) == {
        ("decision.contingency_missing", "decisions[2].contingency_plan", ERROR)
    }
    assert problems[0].message == "The contingency plan is missing."


def test_a_decision_about_another_child_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="not about child k1"):
        decision_problems(replace(PLAN, child_id="k9"))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"threshold_met": None},
         {("decision.threshold_missing", "decision.threshold_met", ERROR)}),
        ({"threshold_met": False},
         {("decision.threshold_outcome_mismatch", "decision.outcome", ERROR)}),
        ({"outcome": None}, {("decision.outcome_missing", "decision.outcome", ERROR)}),
        ({"categories": (), "primary_category": None},
         {("decision.category_missing", "decision.categories", ERROR)}),
        ({"categories": ("neglect", "financial")},
         {("decision.category_not_allowed", "decision.categories[1]", ERROR)}),
        ({"primary_category": "sexual"},
         {("decision.primary_category_not_chosen", "decision.primary_category", ERROR)}),
        ({"primary_category": None}, set()),
        ({"lead_social_worker_id": None},
         {("decision.lead_social_worker_missing", "decision.lead_social_worker_id", ERROR)}),
        ({"lead_social_worker_id": "nobody"},
         {("decision.lead_social_worker_not_participant", "decision.lead_social_worker_id",
           ERROR)}),
        ({"lead_social_worker_id": "police"},
         {("decision.lead_not_social_worker", "decision.lead_social_worker_id", WARNING)}),
        ({"core_group": ()}, {("decision.core_group_empty", "decision.core_group", WARNING)}),
        ({"core_group": ("sw", "ghost")},
         {("decision.core_group_member_unknown", "decision.core_group[1]", ERROR)}),
        ({"first_core_group_date": None},
         {("decision.first_core_group_date_missing", "decision.first_core_group_date", ERROR)}),
        ({"first_core_group_date": date(2026, 1, 12)},
         {("decision.first_core_group_not_after_conference", "decision.first_core_group_date",
           ERROR)}),
        ({"first_core_group_date": date(2026, 1, 26)}, set()),  # the last day allowed
        ({"first_core_group_date": date(2026, 1, 27)},
         {("decision.first_core_group_reason_missing", "decision.first_core_group_reason",
           ERROR)}),
        ({"first_core_group_date": date(2026, 1, 27), "first_core_group_reason": "School closed"},
         set()),
        ({"review_date": None},
         {("decision.review_date_missing", "decision.review_date", ERROR)}),
        ({"review_date": date(2026, 1, 1)},
         {("decision.review_not_after_conference", "decision.review_date", ERROR)}),
        ({"review_date": date(2026, 4, 12)}, set()),
        ({"review_date": date(2026, 4, 13)},
         {("decision.review_reason_missing", "decision.review_date_reason", ERROR)}),
        ({"review_date": date(2026, 4, 13), "review_date_reason": "Chair on leave"}, set()),
        ({"contingency_plan": " \n"},
         {("decision.contingency_missing", "decision.contingency_plan", ERROR)}),
        ({"actions": (*PLAN.actions, PlanAction("a2", owner=" ", action=""))},
         {("decision.action_owner_missing", "decision.actions[1].owner", ERROR),
          ("decision.action_text_missing", "decision.actions[1].action", ERROR),
          ("decision.action_due_date_missing", "decision.actions[1].due_date", ERROR)}),
        ({"views": (AgencyView("v3", "ghost", View.PLAN),)},
         {("decision.view_participant_unknown", "decision.views[0].participant_id", ERROR)}),
        ({"views": (AgencyView("v3", "police", View.CHILD_IN_NEED),)},
         {("decision.dissent_not_recorded", "decision.dissents", WARNING)}),
        ({"views": (AgencyView("v3", "police", View.CHILD_IN_NEED),),
          "dissents": (Dissent("x1", "police", "The risk is managed under a CIN plan."),)},
         set()),
        ({"views": (AgencyView("v3", "police", View.UNSURE),)}, set()),
        ({"dissents": (Dissent("x1", "ghost", "Reasons."),)},
         {("decision.dissent_participant_unknown", "decision.dissents[0].participant_id",
           ERROR)}),
        ({"dissents": (Dissent("x1", "police", "  "),)},
         {("decision.dissent_reasons_missing", "decision.dissents[0].reasons", ERROR)}),
    ],
)  # fmt: skip
def test_plan_checks(changes: dict[str, Any], expected: Found) -> None:
    assert found(decision_problems(replace(PLAN, **changes))) == expected


def test_plan_messages() -> None:
    decision = replace(
        PLAN,
        categories=("neglect", "financial"),
        lead_social_worker_id="police",
        review_date=date(2026, 4, 13),
        views=(AgencyView("v3", "school", View.NO_FURTHER_ACTION),),
        actions=(PlanAction("a1", owner="", action="Visit", due_date=date(2026, 2, 1)),),
    )
    assert [p.message for p in decision_problems(decision)] == [
        "The category “financial” is not one this profile allows.",
        "The lead social worker, PC Lee, is not recorded with the role of social worker.",
        "The review conference on 13 April 2026 is after its due date of 12 April 2026, "
        "so a reason for the delay must be recorded.",
        "Plan action 1 has no owner.",
        "Ms Khan's view differs from the decision and no dissent is recorded for them.",
    ]


@pytest.mark.parametrize(
    ("changes", "previous", "expected"),
    [
        # A continuing plan: no first core group; review within 6 months (12 July).
        ({"first_core_group_date": None, "review_date": date(2026, 7, 12)}, None, set()),
        ({"first_core_group_date": None, "review_date": date(2026, 7, 12)}, Outcome.CP_PLAN,
         set()),
        ({"first_core_group_date": None, "review_date": date(2026, 7, 13)}, None,
         {("decision.review_reason_missing", "decision.review_date_reason", ERROR)}),
        # A new plan made at a review: core group and 3-month review as at an initial.
        ({"first_core_group_date": None, "review_date": date(2026, 7, 12)}, Outcome.CIN_PLAN,
         {("decision.first_core_group_date_missing", "decision.first_core_group_date", ERROR),
          ("decision.review_reason_missing", "decision.review_date_reason", ERROR)}),
    ],
)  # fmt: skip
def test_plan_at_a_review(
    changes: dict[str, Any], previous: Outcome | None, expected: Found
) -> None:
    problems = decision_problems(replace(PLAN, **changes), REVIEW, previous_outcome=previous)
    assert found(problems) == expected


@pytest.mark.parametrize(
    ("weeks", "no_plan_before", "expected"),
    [
        (20, 24, {("decision.plan_before_gestation_week", "decision.outcome", WARNING)}),
        (24, 24, set()),
        (20, None, set()),
    ],
)
def test_pre_birth_plan_before_the_profile_week(
    weeks: int, no_plan_before: int | None, expected: Found
) -> None:
    params = TimescaleParams(pre_birth_no_plan_before_week=no_plan_before)
    edd = PRE_BIRTH.date + timedelta(days=280 - 7 * weeks)
    unborn = replace(_unborn(edd), id="k1")
    problems = decision_problems(PLAN, PRE_BIRTH, unborn, params)
    assert found(problems) == expected
    if expected:
        assert problems[0].message == (
            "The plan is made before 24 weeks' gestation, earlier than the procedures allow."
        )


def test_a_baby_already_born_is_not_checked_for_gestation() -> None:
    params = TimescaleParams(pre_birth_no_plan_before_week=24)
    edd = PRE_BIRTH.date + timedelta(days=280 - 7 * 20)  # would be 20 weeks if unborn
    unborn = replace(_unborn(edd), id="k1")
    assert decision_problems(PLAN, PRE_BIRTH, unborn, params) != ()
    born = replace(unborn, date_of_birth=date(2026, 1, 2))
    assert decision_problems(PLAN, PRE_BIRTH, born, params) == ()


def test_a_complete_end_of_plan_has_no_problems() -> None:
    assert decision_problems(END, REVIEW) == ()
    assert decision_problems(END, REVIEW, previous_outcome=Outcome.CP_PLAN, quorum=QUORATE) == ()


@pytest.mark.parametrize(
    ("decision", "conference", "previous", "quorum", "expected"),
    [
        (END, CONF, None, None,
         {("decision.end_plan_not_at_review", "decision.outcome", ERROR)}),
        (replace(END, reason=""), REVIEW, None, None,
         {("decision.end_plan_reason_missing", "decision.reason", ERROR)}),
        (END, replace(REVIEW, review_number=1), None, None,
         {("decision.end_plan_first_review", "decision.outcome", WARNING)}),
        (END, REVIEW, None, INQUORATE,
         {("decision.end_plan_inquorate", "decision.outcome", ERROR)}),
        (END, REVIEW, Outcome.CIN_PLAN, None,
         {("decision.no_plan_to_end", "decision.outcome", ERROR)}),
        (replace(END, threshold_met=True), REVIEW, None, None,
         {("decision.threshold_outcome_mismatch", "decision.outcome", ERROR)}),
        (replace(END, views=(AgencyView("v1", "police", View.PLAN),)), REVIEW, None, None,
         {("decision.dissent_not_recorded", "decision.dissents", WARNING)}),
        (replace(END, views=(AgencyView("v1", "police", View.NO_FURTHER_ACTION),)), REVIEW, None,
         None, set()),
    ],
)  # fmt: skip
def test_ending_a_plan(
    decision: Decision,
    conference: Conference,
    previous: Outcome | None,
    quorum: QuorumResult | None,
    expected: Found,
) -> None:
    problems = decision_problems(decision, conference, previous_outcome=previous, quorum=quorum)
    assert found(problems) == expected


def test_end_of_plan_warnings_allow_finalising_but_errors_do_not() -> None:
    # Checklist item 27: the first review only warns; an inquorate conference is refused.
    first = replace(REVIEW, review_number=1)
    warnings = decision_problems(END, first, quorum=QUORATE)
    assert len(warnings) == 1 and can_finalise(warnings)
    assert not can_finalise(decision_problems(END, first, quorum=INQUORATE))
    assert not can_finalise(decision_problems(replace(END, reason=""), first))


ADMIN = Decision(
    id="d3",
    child_id="k1",
    outcome=Outcome.ADMINISTRATIVE_END,
    ending=AdministrativeEnding.LEFT_UK,
    ending_date=date(2026, 1, 9),
    ending_note="The family's social worker and the school were told on 8 January.",
)


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        (ADMIN, set()),
        (
            replace(ADMIN, ending=None, ending_date=None),
            {
                ("decision.ending_missing", "decision.ending", ERROR),
                ("decision.ending_date_missing", "decision.ending_date", ERROR),
            },
        ),
        (
            replace(ADMIN, ending_note=" "),
            # A document made before the note existed still imports; the wizard insists.
            {("decision.ending_note_missing", "decision.ending_note", WARNING)},
        ),
        (Decision(id="d4", child_id="k1", outcome=Outcome.ADJOURN), set()),
        (Decision(id="d5", child_id="k1", threshold_met=False, outcome=Outcome.CIN_PLAN), set()),
        (
            Decision(id="d6", child_id="k1", threshold_met=True, outcome=Outcome.CIN_PLAN),
            {("decision.threshold_outcome_mismatch", "decision.outcome", ERROR)},
        ),
        (
            Decision(
                id="d7",
                child_id="k1",
                threshold_met=False,
                outcome=Outcome.NO_FURTHER_ACTION,
                views=(AgencyView("v", "school", View.NO_FURTHER_ACTION),),
            ),
            set(),
        ),
        (
            Decision(
                id="d8",
                child_id="k1",
                outcome=Outcome.ADJOURN,
                views=(AgencyView("v", "school", View.PLAN),),  # no decision to differ from
            ),
            set(),
        ),
    ],
)
def test_other_outcomes(decision: Decision, expected: Found) -> None:
    assert found(decision_problems(decision, REVIEW)) == expected


# Ada Smith was born on 4 May 2019 and turns 18 on 4 May 2037.
@pytest.mark.parametrize(
    ("ending_date", "born", "expected"),
    [
        (date(2037, 5, 4), date(2019, 5, 4), set()),
        (date(2037, 5, 3), date(2019, 5, 4),
         {("decision.turned_18_too_soon", "decision.ending_date", ERROR)}),
        (date(2037, 5, 4), None,
         {("decision.turned_18_birth_unknown", "decision.ending", ERROR)}),
    ],
)  # fmt: skip
def test_an_ending_at_18_is_checked_against_the_date_of_birth(
    ending_date: date, born: date | None, expected: Found
) -> None:
    # Checklist item 27 (issue 20): "turned 18" dated before the 18th birthday is refused.
    decision = replace(ADMIN, ending=AdministrativeEnding.TURNED_18, ending_date=ending_date)
    child = replace(CHILD, date_of_birth=born)
    problems = decision_problems(decision, REVIEW, child)
    assert found(problems) == expected
    if expected == {("decision.turned_18_too_soon", "decision.ending_date", ERROR)}:
        assert problems[0].message == (
            "Ada Smith turns 18 on 4 May 2037, after the ending date of 3 May 2037."
        )


# --- reports shared with the family (checklist item 14) -----------------------------------


def _with_report(shared: date | None) -> Participant:
    return Participant(
        id="rep",
        name="Pat Report",
        role=ParticipantRole.PROFESSIONAL,
        agency="School",
        report_received=date(2026, 1, 2),
        report_shared_with_family=shared,
    )


@pytest.mark.parametrize(
    ("kind", "shared", "late"),
    [
        # CONF is on a working day; count the working days strictly after sharing.
        (ConferenceType.INITIAL, None, False),
        (ConferenceType.INITIAL, "3 working days before", False),
        (ConferenceType.INITIAL, "2 working days before", True),
        (ConferenceType.REVIEW, "5 working days before", False),
        (ConferenceType.REVIEW, "4 working days before", True),
    ],
)
def test_report_shared_late_is_a_warning(
    kind: ConferenceType, shared: str | None, late: bool
) -> None:
    conference = replace(
        CONF,
        type=kind,
        previous_conference_date=None,
        review_number=2 if kind is ConferenceType.REVIEW else 0,
    )
    when = None
    if shared is not None:
        back = int(shared.split()[0])
        when = conference.date
        while ENG.working_days_between(when, conference.date) < back:
            when -= timedelta(days=1)
    problems = check_conference(conference, [CHILD], [_with_report(when)], PARAMS, ENG)
    found = [p for p in problems if p.code == "participant.report_shared_late"]
    assert bool(found) is late
    if late:
        assert found[0].severity is Severity.WARNING
        assert found[0].path == "participants[0].report_shared_with_family"
        assert "Pat Report's report was shared" in found[0].message


def test_report_sharing_in_calendar_days() -> None:
    params = replace(PARAMS, unit=DayUnit.CALENDAR)
    on_time = _with_report(CONF.date - timedelta(days=3))
    late = _with_report(CONF.date - timedelta(days=2))
    codes = [p.code for p in check_conference(CONF, [CHILD], [on_time], params, ENG)]
    assert "participant.report_shared_late" not in codes
    problems = check_conference(CONF, [CHILD], [late], params, ENG)
    message = next(p.message for p in problems if p.code == "participant.report_shared_late")
    assert "2 days before the conference" in message


# --- the profile's words -----------------------------------------------------------------

_ANCHOR_CODES = (
    "conference.strategy_discussion_missing",
    "conference.strategy_discussion_date_after_conference",
    "conference.last_strategy_discussion_before_first",
    "conference.last_strategy_discussion_date_after_conference",
)


def _anchor_messages(conference: Conference, terms: Terms | None) -> list[str]:
    problems = check_conference(conference, [CHILD], PEOPLE, PARAMS, ENG, QUORATE, terms=terms)
    return [p.message for p in problems if p.code in _ANCHOR_CODES]


@pytest.mark.parametrize(
    ("nation", "name"),
    [
        (None, "strategy discussion"),
        ("england", "strategy discussion"),
        ("scotland", "inter-agency referral discussion"),
    ],
)
def test_the_strategy_discussion_is_named_in_the_profiles_words(
    nation: str | None, name: str
) -> None:
    terms = None if nation is None else terms_of(load_profile(nation))
    missing = replace(CONF, strategy_discussion_date=None)
    assert _anchor_messages(missing, terms) == [f"The date of the {name} is missing."]
    after = replace(CONF, strategy_discussion_date=date(2026, 1, 13))
    assert _anchor_messages(after, terms) == [
        f"The {name} date, 13 January 2026, is after the conference date of 12 January 2026."
    ]
    later = replace(CONF, last_strategy_discussion_date=date(2025, 12, 10))
    assert _anchor_messages(later, terms) == [
        f"The later {name}, 10 December 2025, is before the first one on 18 December 2025."
    ]
    later_after = replace(CONF, last_strategy_discussion_date=date(2026, 1, 13))
    assert _anchor_messages(later_after, terms) == [
        f"The later {name} date, 13 January 2026, is after the conference date of 12 January 2026."
    ]
