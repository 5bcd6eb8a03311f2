"""The decision wizard's state machine: every path, and the worked examples of issue 4.

The property tests walk the wizard with random answers through ``next_step``: a step
is only left when it has no errors (after putting right whatever was wrong), so
every walk must reach the summary with nothing blocking the finish, and the steps
visited must be exactly the path the answers describe.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpc_desktop.domain import reporter
from cpc_desktop.domain.adjournment import adjourned_for
from cpc_desktop.domain.calendar import add_months, uk_calendar
from cpc_desktop.domain.conference import (
    AgencyView,
    Child,
    Conference,
    Dissent,
    Participant,
    PlanAction,
)
from cpc_desktop.domain.decision_flow import (
    ChildAnswer,
    FlowAnswers,
    FlowContext,
    QuorumAnswer,
    Step,
    StepKind,
    answer_for,
    dissent_candidates,
    finish_problems,
    next_step,
    outcome_options,
    path,
    same_as_previous,
    start,
    step_problems,
    to_decisions,
)
from cpc_desktop.domain.enums import (
    AdjournReason,
    AdministrativeEnding,
    ConferenceStatus,
    ConferenceType,
    Division,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.domain.flow_dates import default_dates, latest_dates, reconvene_by
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.terms import terms_of
from cpc_desktop.domain.timescales import TimescaleParams
from cpc_desktop.domain.validation import Problem, Severity, check_decision
from cpc_desktop.services.profiles import load_profile

T = TypeVar("T")
K = StepKind
CAL = uk_calendar(Division.ENGLAND_AND_WALES, 2025, 2028)
DAY = date(2026, 1, 12)  # a Monday
SW = Participant("sw", "Sam Worker", ParticipantRole.SOCIAL_WORKER, "Children's Social Care")
HV = Participant("hv", "Hana Visitor", ParticipantRole.PROFESSIONAL, "Health")
PC = Participant("pc", "PC Dee", ParticipantRole.PROFESSIONAL, "Police")
MUM = Participant("mum", "Ola Oyelaran", ParticipantRole.PARENT)
PEOPLE = (SW, HV, PC, MUM)
CATEGORIES = (
    ("neglect", "Neglect"),
    ("physical", "Physical abuse"),
    ("emotional", "Emotional abuse"),
    ("sexual", "Sexual abuse"),
)
BETH = Child("k1", "Bethany", "Oyelaran", date_of_birth=date(2022, 3, 4))
TOMI = Child("k2", "Tomi", "Oyelaran", date_of_birth=date(2024, 5, 6))
BABY = Child("k3", "Baby", "Oyelaran", expected_date_of_delivery=date(2026, 3, 30))
QUORATE = QuorumResult(True, True, ("Health", "Police"), "")
INQUORATE = QuorumResult(False, True, ("Police",), "One more agency is needed.")


def context(
    kind: ConferenceType = ConferenceType.INITIAL,
    *,
    quorate: bool = True,
    children: tuple[Child, ...] = (BETH,),
    review_number: int = 0,
    primary_required: bool = False,
    reconvene_of: str | None = None,
    reporter: bool = False,
) -> FlowContext:
    conference = Conference(
        id="c1",
        reference="CPC-2026-0001",
        type=kind,
        status=ConferenceStatus.IN_PROGRESS,
        date=DAY,
        strategy_discussion_date=date(2026, 1, 2),
        previous_conference_date=date(2025, 10, 10) if kind is ConferenceType.REVIEW else None,
        review_number=review_number,
        reconvene_of=reconvene_of,
    )
    review = kind is ConferenceType.REVIEW
    return FlowContext(
        conference=conference,
        children=children,
        participants=PEOPLE,
        professionals=(SW, HV, PC),
        quorum=QUORATE if quorate else INQUORATE,
        allowed_categories=CATEGORIES,
        primary_required=primary_required,
        params=TimescaleParams(),
        calendar=CAL,
        previous_outcome={c.id: Outcome.CP_PLAN if review else None for c in children},
        today=DAY,
        terms=terms_of(load_profile("scotland" if reporter else "england")),
        reporter=reporter,
    )


def errors(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def codes(problems: Sequence[Problem]) -> set[str]:
    return {p.code for p in problems}


def ids() -> Callable[[], str]:
    counter = itertools.count(1)
    return lambda: f"id-{next(counter)}"


def set_child(answers: FlowAnswers, answer: ChildAnswer) -> FlowAnswers:
    return replace(
        answers,
        children=tuple(answer if a.child_id == answer.child_id else a for a in answers.children),
    )


def views(
    *pairs: tuple[Participant, View], reason: str = "From the assessment"
) -> tuple[AgencyView, ...]:
    return tuple(AgencyView(f"v-{p.id}", p.id, view, reason) for p, view in pairs)


# --- random answers and how to put them right -------------------------------------------

Draw = Callable[[st.SearchStrategy[Any]], Any]
TEXT = ("", "  ", "Recorded at the conference")


def pick(draw: Draw, options: Sequence[T]) -> T:
    value: T = draw(st.sampled_from(list(options)))
    return value


def fill(step: Step, answers: FlowAnswers, ctx: FlowContext, draw: Draw) -> FlowAnswers:
    """Random answers for ``step`` (often wrong or incomplete)."""
    if step.kind is K.QUORUM:
        quorum = QuorumAnswer(
            proceed=pick(draw, (True, False)),
            reason=pick(draw, TEXT),
            adjourn=pick(draw, (True, False)),
            adjourn_for=pick(draw, (None, *AdjournReason)),
            adjourn_reason=pick(draw, TEXT),
        )
        return replace(answers, quorum=quorum)
    if step.kind is K.ADJOURN:
        latest = reconvene_by(ctx)
        when = pick(draw, (None, DAY, DAY + timedelta(days=1), latest, latest + timedelta(days=7)))
        assert answers.quorum is not None
        return replace(answers, quorum=replace(answers.quorum, reconvene_date=when))
    assert step.child is not None
    answer = answer_for(step.child, answers, ctx)
    new_id = ids()
    if step.kind is K.VIEWS:
        given = [
            AgencyView(f"v{step.child}-{person}", person, pick(draw, list(View)), pick(draw, TEXT))
            for person in ("sw", "hv", "pc", "mum", "ghost")
            if pick(draw, (True, True, False))
        ]
        answer = replace(
            answer,
            views=tuple(given),
            parents_view=pick(draw, TEXT),
            child_view=pick(draw, TEXT),
        )
    elif step.kind is K.THRESHOLD:
        answer = replace(
            answer,
            threshold_met=pick(draw, (None, True, False)),
            threshold_rationale=pick(draw, TEXT),
        )
    elif step.kind is K.OUTCOME:
        answer = replace(
            answer,
            outcome=pick(draw, [None, *Outcome]),
            reason=pick(draw, TEXT),
            ending=pick(draw, [None, *AdministrativeEnding]),
            ending_date=pick(draw, (None, DAY)),
        )
    elif step.kind is K.CATEGORIES:
        chosen = draw(st.lists(st.sampled_from(["neglect", "physical", "emotional", "bogus"])))
        answer = replace(
            answer,
            categories=tuple(chosen),
            primary_category=pick(draw, (None, "neglect", "sexual")),
        )
    elif step.kind is K.PLAN:
        core_group, review = default_dates(ctx)
        answer = replace(
            answer,
            lead_social_worker_id=pick(draw, (None, "sw", "hv", "ghost")),
            core_group=tuple(draw(st.lists(st.sampled_from(["sw", "hv", "mum", "ghost"])))),
            first_core_group_date=pick(draw, (None, DAY, core_group, core_group + timedelta(3))),
            first_core_group_reason=pick(draw, (None, *TEXT)),
            review_date=pick(draw, (None, DAY, review, review + timedelta(days=3))),
            review_date_reason=pick(draw, (None, *TEXT)),
            contingency_plan=pick(draw, TEXT),
            actions=tuple(
                PlanAction(new_id(), pick(draw, TEXT), pick(draw, TEXT), pick(draw, (None, DAY)))
                for _ in range(pick(draw, (0, 1, 2)))
            ),
        )
    elif step.kind is K.DISSENT:
        people = [*dissent_candidates(answer), "mum"]
        answer = replace(
            answer,
            dissents=tuple(
                Dissent(new_id(), person, pick(draw, TEXT))
                for person in people
                if pick(draw, (True, False))
            ),
        )
    elif step.kind is K.REPORTER:
        answer = replace(
            answer,
            reporter_referral=pick(draw, (None, True, False)),
            reporter_referral_reason=pick(draw, TEXT),
        )
    return set_child(answers, replace(answer, confirmed=pick(draw, (True, False))))


def fix(step: Step, answers: FlowAnswers, ctx: FlowContext) -> FlowAnswers:
    """Put right everything wrong on ``step``, as a careful chair would."""
    good = "Agreed at the conference"
    if step.kind is K.QUORUM:
        given = answers.quorum or QuorumAnswer()
        return replace(
            answers,
            quorum=QuorumAnswer(
                True,
                good,
                adjourn=given.adjourn,
                adjourn_for=given.adjourn_for,
                adjourn_reason=good,
            ),
        )
    if step.kind is K.ADJOURN:
        assert answers.quorum is not None
        return replace(answers, quorum=replace(answers.quorum, reconvene_date=reconvene_by(ctx)))
    assert step.child is not None
    answer = answer_for(step.child, answers, ctx)
    if step.kind is K.VIEWS:
        known = {p.id for p in ctx.participants}
        kept = [replace(v, reason=good) for v in answer.views if v.participant_id in known]
        given = {v.participant_id for v in kept}
        kept += [
            AgencyView(f"v{step.child}+{p.id}", p.id, View.PLAN, good)
            for p in ctx.professionals
            if p.id not in given
        ]
        answer = replace(answer, views=tuple(kept))
    elif step.kind is K.THRESHOLD:
        met = True if answer.threshold_met is None else answer.threshold_met
        answer = replace(answer, threshold_met=met, threshold_rationale=good)
    elif step.kind is K.OUTCOME:
        answer = _fix_outcome(answer, ctx)
    elif step.kind is K.CATEGORIES:
        allowed = {key for key, _ in ctx.allowed_categories}
        chosen = tuple(c for c in answer.categories if c in allowed) or ("neglect",)
        primary = answer.primary_category
        if primary not in chosen or (primary is None and ctx.primary_required):
            primary = chosen[0]
        answer = replace(answer, categories=chosen, primary_category=primary)
    elif step.kind is K.PLAN:
        core_group, review = default_dates(ctx)
        first = answer.first_core_group_date
        when = answer.review_date
        answer = replace(
            answer,
            lead_social_worker_id="sw",
            core_group=tuple(p for p in answer.core_group if p != "ghost"),
            first_core_group_date=core_group if first is None or first <= DAY else first,
            first_core_group_reason=good,
            review_date=review if when is None or when <= DAY else when,
            review_date_reason=good,
            contingency_plan=good,
            actions=tuple(
                replace(a, owner=good, action=good, due_date=DAY + timedelta(days=20))
                for a in answer.actions
            ),
        )
    elif step.kind is K.DISSENT:
        answer = replace(answer, dissents=tuple(replace(d, reasons=good) for d in answer.dissents))
    elif step.kind is K.REPORTER:
        refer = answer.reporter_referral
        answer = replace(
            answer,
            reporter_referral=False if refer is None else refer,
            reporter_referral_reason=good,
        )
    return set_child(answers, replace(answer, confirmed=True))


def _fix_outcome(answer: ChildAnswer, ctx: FlowContext) -> ChildAnswer:
    met, outcome = answer.threshold_met, answer.outcome
    review = ctx.conference.type is ConferenceType.REVIEW
    consistent = outcome in outcome_options(ctx) and (
        outcome is Outcome.ADMINISTRATIVE_END or (outcome is Outcome.CP_PLAN) == met
    )
    if not consistent:
        fallback = Outcome.END_PLAN if review else Outcome.CIN_PLAN
        outcome = Outcome.CP_PLAN if met else fallback
    if outcome is Outcome.END_PLAN and not ctx.quorum.quorate:
        outcome = Outcome.ADMINISTRATIVE_END  # only a quorate conference ends a plan
    ending = answer.ending or AdministrativeEnding.MOVED_AUTHORITY
    when = answer.ending_date or DAY
    born = next(c.date_of_birth for c in ctx.children if c.id == answer.child_id)
    if ending is AdministrativeEnding.TURNED_18:  # not before the 18th birthday
        if born is None:
            ending = AdministrativeEnding.MOVED_AUTHORITY
        else:
            when = max(when, add_months(born, 18 * 12))
    return replace(
        answer,
        outcome=outcome,
        reason="The risk has reduced",
        ending=ending,
        ending_date=when,
        ending_note="The core group was consulted",
    )


def walk(ctx: FlowContext, draw: Draw) -> FlowAnswers:
    answers = start(ctx)
    step: Step | None = Step(K.QUORUM)
    visited: list[Step] = []
    while step is not None:
        visited.append(step)
        if step.kind is K.SUMMARY:
            break
        answers = fill(step, answers, ctx, draw)
        if errors(step_problems(step, answers, ctx)):
            answers = fix(step, answers, ctx)
        assert not errors(step_problems(step, answers, ctx)), step_problems(step, answers, ctx)
        step = next_step(step, answers, ctx)
    assert tuple(visited) == path(answers, ctx)
    assert visited[-1] == Step(K.SUMMARY)
    return answers


CONTEXTS = [
    pytest.param(context(kind, quorate=quorate, children=children, review_number=n), id=name)
    for kind, n in (
        (ConferenceType.INITIAL, 0),
        (ConferenceType.TRANSFER_IN, 0),
        (ConferenceType.PRE_BIRTH, 0),
        (ConferenceType.REVIEW, 1),
        (ConferenceType.REVIEW, 3),
    )
    for quorate in (True, False)
    for children in ((BETH,), (BETH, TOMI), (BABY,))
    for name in [f"{kind.value}-{n}-{'q' if quorate else 'inq'}-{len(children)}-{children[0].id}"]
] + [
    # Scotland: each child's last step asks whether to refer the child to the Reporter.
    pytest.param(context(kind, children=(BETH, TOMI), review_number=n, reporter=True), id=name)
    for kind, n, name in (
        (ConferenceType.INITIAL, 0, "scotland-initial"),
        (ConferenceType.REVIEW, 2, "scotland-review"),
    )
]


@pytest.mark.parametrize("ctx", CONTEXTS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_walk_finishes_cleanly(ctx: FlowContext, data: st.DataObject) -> None:
    answers = walk(ctx, data.draw)
    problems = finish_problems(answers, ctx)
    assert not errors(problems), problems
    assert not errors(step_problems(Step(K.SUMMARY), answers, ctx))
    decisions = to_decisions(answers, ctx, new_id=ids())
    for decision, child in zip(decisions, ctx.children, strict=False):
        found = check_decision(
            decision,
            ctx.conference,
            child,
            ctx.participants,
            [key for key, _ in ctx.allowed_categories],
            ctx.params,
            ctx.calendar,
            ctx.previous_outcome[child.id],
            quorum=ctx.quorum,
            reporter=ctx.reporter,
        )
        assert not errors(found), found
        assert decision.final
        asked = reporter.asked(ctx.reporter, decision.outcome)
        assert (decision.reporter_referral is not None) == asked


@pytest.mark.parametrize("ctx", CONTEXTS)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_random_answers_never_finish_with_errors_unnoticed(
    ctx: FlowContext, data: st.DataObject
) -> None:
    """Whatever the answers, finish_problems holds every error of every step on the path."""
    answers = start(ctx)
    for step in path(answers, ctx)[:-1]:
        answers = fill(step, answers, ctx, data.draw)
    blocking = any(errors(step_problems(s, answers, ctx)) for s in path(answers, ctx)[:-1])
    assert bool(errors(finish_problems(answers, ctx))) == blocking


# --- the worked examples ---------------------------------------------------------------


def finish_through(ctx: FlowContext, answers: FlowAnswers) -> list[Step]:
    """Walk the path as the wizard would, failing on any step with an error."""
    step: Step | None = Step(K.QUORUM)
    seen = []
    while step is not None:
        seen.append(step)
        assert not errors(step_problems(step, answers, ctx)), (
            step,
            step_problems(step, answers, ctx),
        )
        step = next_step(step, answers, ctx)
    return seen


def test_initial_two_children_plan_with_dissent_and_child_in_need() -> None:
    ctx = context(children=(BETH, TOMI))
    answers = replace(start(ctx), quorum=QuorumAnswer())
    core_group, review = default_dates(ctx)
    # Three months on is Sunday 12 April: proposed on the Friday before, never after.
    assert latest_dates(ctx) == (date(2026, 1, 26), date(2026, 4, 12))
    assert core_group == date(2026, 1, 26) and review == date(2026, 4, 10)
    beth = replace(
        answers.children[0],
        views=views((SW, View.PLAN), (HV, View.CHILD_IN_NEED), (PC, View.PLAN)),
        parents_view="They do not agree there is a risk.",
        child_view="Bethany drew her family.",
        threshold_met=True,
        threshold_rationale="Repeated injuries without explanation.",
        outcome=Outcome.CP_PLAN,
        categories=("physical", "neglect"),
        primary_category="physical",
        lead_social_worker_id="sw",
        core_group=("sw", "hv", "mum"),
        contingency_plan="Legal planning meeting if the actions are not met.",
        actions=(PlanAction("a1", "Sam Worker", "Visit weekly", date(2026, 2, 1)),),
    )
    assert dissent_candidates(beth) == ("hv",)
    answers = set_child(answers, beth)
    assert path(answers, ctx)[:7] == (
        Step(K.QUORUM),
        Step(K.VIEWS, 0),
        Step(K.THRESHOLD, 0),
        Step(K.OUTCOME, 0),
        Step(K.CATEGORIES, 0),
        Step(K.PLAN, 0),
        Step(K.DISSENT, 0),
    )
    assert "decision.dissent_not_recorded" in codes(step_problems(Step(K.DISSENT, 0), answers, ctx))
    assert "flow.not_confirmed" in codes(step_problems(Step(K.DISSENT, 0), answers, ctx))
    beth = replace(
        beth, dissents=(Dissent("d1", "hv", "Support would be enough."),), confirmed=True
    )
    answers = set_child(answers, beth)
    assert not step_problems(Step(K.DISSENT, 0), answers, ctx)
    tomi = same_as_previous(1, answers, new_id=ids())
    assert tomi.child_id == "k2" and not tomi.confirmed and tomi.child_view == ""
    assert [v.id for v in tomi.views] == ["id-1", "id-2", "id-3"]
    tomi = replace(
        tomi,
        views=views((SW, View.CHILD_IN_NEED), (HV, View.CHILD_IN_NEED), (PC, View.UNSURE)),
        child_view="Too young to say.",
        threshold_met=False,
        threshold_rationale="No evidence of significant harm to Tomi.",
        outcome=Outcome.CIN_PLAN,
        confirmed=True,
    )
    answers = set_child(answers, tomi)
    seen = finish_through(ctx, answers)
    assert seen[7:] == [Step(K.VIEWS, 1), Step(K.THRESHOLD, 1), Step(K.OUTCOME, 1), Step(K.SUMMARY)]
    first, second = to_decisions(answers, ctx, new_id=ids())
    assert (first.child_id, first.outcome, first.categories) == (
        "k1",
        Outcome.CP_PLAN,
        ("physical", "neglect"),
    )
    assert first.first_core_group_date == core_group and first.review_date == review
    assert [d.participant_id for d in first.dissents] == ["hv"]
    assert (second.child_id, second.outcome, second.categories, second.actions) == (
        "k2",
        Outcome.CIN_PLAN,
        (),
        (),
    )
    assert second.review_date is None and second.dissents == () and second.final


def test_review_ending_a_plan_warns_at_the_first_review() -> None:
    ctx = context(ConferenceType.REVIEW, review_number=1)
    assert outcome_options(ctx) == (
        Outcome.CP_PLAN,
        Outcome.END_PLAN,
        Outcome.ADMINISTRATIVE_END,
    )
    answers = start(ctx)
    assert answers.children[0].first_core_group_date is None
    assert answers.children[0].review_date == date(2026, 7, 10)  # not Sunday 12 July
    ending = replace(
        answers.children[0],
        views=views((SW, View.CHILD_IN_NEED), (HV, View.NO_FURTHER_ACTION), (PC, View.PLAN)),
        parents_view="Pleased.",
        child_view="Happy at home.",
        threshold_met=False,
        threshold_rationale="Every action is complete.",
        outcome=Outcome.END_PLAN,
    )
    answers = set_child(replace(answers, quorum=QuorumAnswer()), ending)
    outcome = step_problems(Step(K.OUTCOME, 0), answers, ctx)
    assert codes(errors(outcome)) == {"decision.end_plan_reason_missing"}
    assert "decision.end_plan_first_review" in codes(outcome)
    answers = set_child(
        answers, replace(ending, reason="The risk is now managed.", confirmed=False)
    )
    assert path(answers, ctx)[-2] == Step(K.DISSENT, 0)
    pc_dissent = Dissent("d1", "pc", "The father is still in contact.")
    answers = set_child(
        answers,
        replace(answer_for(0, answers, ctx), dissents=(pc_dissent,), confirmed=True),
    )
    finish_through(ctx, answers)
    (decision,) = to_decisions(answers, ctx)
    assert decision.outcome is Outcome.END_PLAN and decision.reason == "The risk is now managed."
    warnings = codes(finish_problems(answers, ctx))
    assert "decision.end_plan_first_review" in warnings


def test_inquorate_review_cannot_end_a_plan() -> None:
    # Checklist item 27 (issue 20): only a quorate conference ends a plan.
    ctx = context(ConferenceType.REVIEW, quorate=False, review_number=2)
    answers = replace(start(ctx), quorum=QuorumAnswer(reason="The police sent a report."))
    ending = replace(
        answers.children[0],
        threshold_met=False,
        threshold_rationale="x",
        outcome=Outcome.END_PLAN,
        reason="y",
        confirmed=True,
    )
    problems = step_problems(Step(K.OUTCOME, 0), set_child(answers, ending), ctx)
    assert codes(errors(problems)) == {"decision.end_plan_inquorate"}


def test_administrative_ending_needs_its_reason_and_date() -> None:
    ctx = context(ConferenceType.REVIEW, review_number=2)
    answers = replace(start(ctx), quorum=QuorumAnswer())
    ended = replace(
        answers.children[0],
        threshold_met=False,
        outcome=Outcome.ADMINISTRATIVE_END,
        confirmed=True,
    )
    problems = step_problems(Step(K.OUTCOME, 0), set_child(answers, ended), ctx)
    assert codes(errors(problems)) == {
        "decision.ending_missing",
        "decision.ending_date_missing",
        "flow.ending_note_missing",
    }
    assert all("missing" in p.message for p in problems)
    ended = replace(
        ended,
        ending=AdministrativeEnding.TURNED_18,
        ending_date=date(2040, 3, 4),  # Bethany's 18th birthday
        ending_note=" The core group agreed by email. ",
    )
    assert not errors(step_problems(Step(K.OUTCOME, 0), set_child(answers, ended), ctx))
    (decision,) = to_decisions(set_child(answers, ended), ctx)
    assert (decision.ending, decision.ending_date) == (
        AdministrativeEnding.TURNED_18,
        date(2040, 3, 4),
    )
    assert decision.ending_note == "The core group agreed by email."
    too_soon = replace(ended, ending_date=DAY)
    problems = step_problems(Step(K.OUTCOME, 0), set_child(answers, too_soon), ctx)
    assert codes(errors(problems)) == {"decision.turned_18_too_soon"}


def test_pre_birth_plan_for_an_unborn_baby() -> None:
    ctx = context(ConferenceType.PRE_BIRTH, children=(BABY,))
    answers = replace(start(ctx), quorum=QuorumAnswer())
    core_group, review = default_dates(ctx)
    plan = replace(
        answers.children[0],
        views=views((SW, View.PLAN), (HV, View.PLAN), (PC, View.PLAN)),
        parents_view="Mother accepts support.",
        threshold_met=True,
        threshold_rationale="Older siblings were removed.",
        outcome=Outcome.CP_PLAN,
        categories=("neglect",),
        lead_social_worker_id="sw",
        contingency_plan="Legal planning meeting at birth if needed.",
        confirmed=True,
    )
    answers = set_child(answers, plan)
    views_step = step_problems(Step(K.VIEWS, 0), answers, ctx)
    assert codes(views_step) == {"flow.child_view_blank"}
    assert errors(views_step) == []
    plan_step = step_problems(Step(K.PLAN, 0), answers, ctx)
    assert codes(plan_step) == {"decision.core_group_empty"}
    finish_through(ctx, answers)
    (decision,) = to_decisions(answers, ctx)
    assert decision.review_date == review == date(2026, 4, 10)
    assert decision.first_core_group_date == core_group


def test_inquorate_initial_adjourned_with_its_reconvene_date() -> None:
    ctx = context(quorate=False, children=(BETH, TOMI))
    answers = replace(start(ctx), quorum=QuorumAnswer(proceed=False, adjourn=True))
    assert path(answers, ctx) == (Step(K.QUORUM), Step(K.ADJOURN), Step(K.SUMMARY))
    assert not step_problems(Step(K.QUORUM), answers, ctx)
    assert codes(step_problems(Step(K.ADJOURN), answers, ctx)) == {"flow.reconvene_date_missing"}
    latest = reconvene_by(ctx)
    assert latest == date(2026, 1, 26)
    too_late = replace(
        answers,
        quorum=replace(answers.quorum or QuorumAnswer(), reconvene_date=latest + timedelta(1)),
    )
    (problem,) = step_problems(Step(K.ADJOURN), too_late, ctx)
    assert problem.code == "flow.reconvene_too_late" and "26 January 2026" in problem.message
    same_day = replace(answers, quorum=QuorumAnswer(adjourn=True, reconvene_date=DAY))
    assert codes(step_problems(Step(K.ADJOURN), same_day, ctx)) == {
        "flow.reconvene_not_after_conference"
    }
    answers = replace(answers, quorum=QuorumAnswer(adjourn=True, reconvene_date=latest))
    assert finish_through(ctx, answers) == list(path(answers, ctx))
    assert finish_problems(answers, ctx) == ()
    assert to_decisions(answers, ctx) == ()


def test_adjourning_a_reconvened_conference_again_warns() -> None:
    ctx = context(quorate=False, reconvene_of="c0")
    answers = FlowAnswers(QuorumAnswer(adjourn=True, reconvene_date=reconvene_by(ctx)))
    (problem,) = step_problems(Step(K.ADJOURN), answers, ctx)
    assert (problem.code, problem.severity) == ("flow.second_adjournment", Severity.WARNING)


def test_a_quorate_conference_adjourns_for_want_of_information() -> None:
    # Issue 20, point 4 (checklist item 26's "adjourn"): quorate or not, the chair may
    # adjourn because there is not enough information to decide, saying why.
    ctx = context(children=(BETH, TOMI))
    wanting = QuorumAnswer(proceed=False, adjourn=True, adjourn_for=AdjournReason.MORE_INFORMATION)
    answers = replace(start(ctx), quorum=wanting)
    assert path(answers, ctx) == (Step(K.QUORUM), Step(K.ADJOURN), Step(K.SUMMARY))
    assert adjourned_for(answers, ctx) is AdjournReason.MORE_INFORMATION
    assert codes(step_problems(Step(K.QUORUM), answers, ctx)) == {"flow.adjourn_reason_missing"}
    latest = reconvene_by(ctx)
    answers = replace(
        answers,
        quorum=replace(
            wanting, adjourn_reason="The police report is not ready.", reconvene_date=latest
        ),
    )
    assert finish_problems(answers, ctx) == ()
    assert to_decisions(answers, ctx) == ()
    # Information may take longer than a quorum to find: a later date is only warned of.
    later = replace(answers, quorum=replace(answers.quorum, reconvene_date=latest + timedelta(7)))
    (problem,) = step_problems(Step(K.ADJOURN), later, ctx)
    assert (problem.code, problem.severity) == ("flow.reconvene_later_than_usual", Severity.WARNING)
    # Without the information choice, a quorate conference does not adjourn.
    plain = replace(answers, quorum=replace(answers.quorum, adjourn_for=None))
    assert adjourned_for(plain, ctx) is None


def test_an_inquorate_conference_adjourns_for_either_reason() -> None:
    ctx = context(quorate=False)
    inquorate = FlowAnswers(QuorumAnswer(proceed=False, adjourn=True))
    assert adjourned_for(inquorate, ctx) is AdjournReason.INQUORATE
    wanting = FlowAnswers(
        QuorumAnswer(adjourn=True, adjourn_for=AdjournReason.MORE_INFORMATION, adjourn_reason="x")
    )
    assert adjourned_for(wanting, ctx) is AdjournReason.MORE_INFORMATION
    assert adjourned_for(FlowAnswers(QuorumAnswer()), ctx) is None
    assert adjourned_for(FlowAnswers(), ctx) is None


# --- the smaller rules ------------------------------------------------------------------


def test_quorum_step() -> None:
    ctx = context(quorate=False)
    blank = start(ctx)
    assert codes(step_problems(Step(K.QUORUM), blank, ctx)) == {"flow.quorum_unanswered"}
    undecided = replace(blank, quorum=QuorumAnswer(proceed=False))
    assert codes(step_problems(Step(K.QUORUM), undecided, ctx)) == {"flow.quorum_choice_missing"}
    no_reason = replace(blank, quorum=QuorumAnswer(reason="  "))
    assert codes(step_problems(Step(K.QUORUM), no_reason, ctx)) == {
        "conference.quorum_reason_missing"
    }
    quorate = context()
    adjourn_anyway = replace(blank, quorum=QuorumAnswer(adjourn=True))
    assert step_problems(Step(K.QUORUM), adjourn_anyway, quorate) == ()
    assert Step(K.ADJOURN) not in path(adjourn_anyway, quorate)


def test_views_name_who_is_missing() -> None:
    ctx = context()
    answers = start(ctx)
    partial = replace(
        answers.children[0],
        views=(AgencyView("v1", "sw", View.PLAN, ""), AgencyView("v2", "ghost", View.PLAN, "r")),
    )
    problems = step_problems(Step(K.VIEWS, 0), set_child(answers, partial), ctx)
    messages = [p.message for p in errors(problems)]
    assert "The reason for the view of Sam Worker (Children's Social Care) is missing." in messages
    assert "The view of Hana Visitor (Health) is missing." in messages
    assert "The view of PC Dee (Police) is missing." in messages
    assert "decision.view_participant_unknown" in codes(problems)
    warnings = [p.message for p in problems if p.severity is Severity.WARNING]
    assert warnings == [
        "The parents' view on Bethany Oyelaran is not recorded.",
        "The view of Bethany Oyelaran is not recorded.",
    ]


def test_threshold_and_outcome_must_agree() -> None:
    ctx = context()
    answers = start(ctx)
    blank = step_problems(Step(K.THRESHOLD, 0), answers, ctx)
    assert codes(blank) == {"decision.threshold_missing", "flow.threshold_rationale_missing"}
    plan_without_threshold = replace(
        answers.children[0], threshold_met=False, outcome=Outcome.CP_PLAN
    )
    problems = step_problems(Step(K.OUTCOME, 0), set_child(answers, plan_without_threshold), ctx)
    assert "decision.threshold_outcome_mismatch" in codes(errors(problems))
    nfa_with_threshold = replace(
        answers.children[0], threshold_met=True, outcome=Outcome.NO_FURTHER_ACTION
    )
    problems = step_problems(Step(K.OUTCOME, 0), set_child(answers, nfa_with_threshold), ctx)
    assert "decision.threshold_outcome_mismatch" in codes(problems)
    missing = step_problems(Step(K.OUTCOME, 0), answers, ctx)
    assert "decision.outcome_missing" in codes(missing)


def test_outcomes_not_offered_at_this_type_of_conference() -> None:
    ctx = context()
    answers = start(ctx)
    for outcome in (Outcome.ADJOURN, Outcome.END_PLAN, Outcome.ADMINISTRATIVE_END):
        chosen = replace(answers.children[0], threshold_met=False, outcome=outcome)
        problems = step_problems(Step(K.OUTCOME, 0), set_child(answers, chosen), ctx)
        assert "flow.outcome_not_offered" in codes(problems)


def test_categories_and_the_primary_category() -> None:
    ctx = context(primary_required=True)
    answers = start(ctx)
    plan = replace(answers.children[0], threshold_met=True, outcome=Outcome.CP_PLAN)
    step = Step(K.CATEGORIES, 0)
    assert codes(step_problems(step, set_child(answers, plan), ctx)) == {
        "decision.category_missing"
    }
    chosen = replace(plan, categories=("neglect", "emotional"))
    assert codes(step_problems(step, set_child(answers, chosen), ctx)) == {
        "flow.primary_category_missing"
    }
    wrong = replace(chosen, primary_category="sexual")
    assert codes(step_problems(step, set_child(answers, wrong), ctx)) == {
        "decision.primary_category_not_chosen"
    }


def test_plan_step_needs_lead_contingency_dates_and_complete_actions() -> None:
    ctx = context()
    answers = start(ctx)
    core_group, review = latest_dates(ctx)
    plan = replace(
        answers.children[0],
        threshold_met=True,
        outcome=Outcome.CP_PLAN,
        categories=("neglect",),
        first_core_group_date=core_group + timedelta(days=1),
        review_date=review + timedelta(days=1),
        actions=(PlanAction("a1", "", "", None),),
        confirmed=True,
    )
    found = codes(step_problems(Step(K.PLAN, 0), set_child(answers, plan), ctx))
    assert {
        "decision.lead_social_worker_missing",
        "decision.contingency_missing",
        "decision.first_core_group_reason_missing",
        "decision.review_reason_missing",
        "decision.action_owner_missing",
        "decision.action_due_date_missing",
        "decision.action_text_missing",
    } <= found
    outsider = replace(plan, lead_social_worker_id="ghost")
    found = codes(step_problems(Step(K.PLAN, 0), set_child(answers, outsider), ctx))
    assert "decision.lead_social_worker_not_participant" in found


def test_switching_away_from_a_plan_drops_the_plan_answers() -> None:
    ctx = context()
    answers = start(ctx)
    was_plan = replace(
        answers.children[0],
        views=views((SW, View.PLAN)),
        threshold_met=False,
        outcome=Outcome.NO_FURTHER_ACTION,
        categories=("neglect",),
        actions=(PlanAction("a1", "", "", None),),
        dissents=(Dissent("d1", "mum", ""),),
    )
    answers = set_child(answers, was_plan)
    assert Step(K.PLAN, 0) not in path(answers, ctx)
    (decision,) = to_decisions(answers, ctx)
    assert decision.categories == () and decision.actions == () and decision.dissents == ()
    assert decision.review_date is None and decision.first_core_group_date is None


def test_dissent_candidates() -> None:
    answer = ChildAnswer(
        "k1",
        views=(
            *views((SW, View.PLAN), (HV, View.UNSURE), (PC, View.NO_FURTHER_ACTION)),
            AgencyView("again", "pc", View.CHILD_IN_NEED, "r"),
        ),
    )
    assert dissent_candidates(answer) == ()
    assert dissent_candidates(replace(answer, outcome=Outcome.CP_PLAN)) == ("pc",)
    assert dissent_candidates(replace(answer, outcome=Outcome.END_PLAN)) == ("sw",)
    assert dissent_candidates(replace(answer, outcome=Outcome.ADMINISTRATIVE_END)) == ()


def test_next_step_off_the_path_and_after_the_summary() -> None:
    ctx = context()
    answers = start(ctx)
    assert next_step(Step(K.SUMMARY), answers, ctx) is None
    assert next_step(Step(K.PLAN, 0), answers, ctx) is None
    assert next_step(Step(K.QUORUM), answers, ctx) == Step(K.VIEWS, 0)


def test_answers_for_a_child_without_any_are_blank() -> None:
    ctx = context(children=(BETH, TOMI))
    answers = FlowAnswers(QuorumAnswer())
    assert answer_for(1, answers, ctx) == ChildAnswer("k2")
    assert "flow.view_missing" in codes(finish_problems(answers, ctx))


def test_same_as_previous_needs_a_previous_child() -> None:
    answers = start(context(children=(BETH, TOMI)))
    with pytest.raises(ValueError, match="no previous child"):
        same_as_previous(0, answers)
    with pytest.raises(ValueError, match="no previous child"):
        same_as_previous(2, answers)
    copied = same_as_previous(1, answers)
    assert copied.child_id == "k2"


def test_a_child_step_needs_a_child() -> None:
    ctx = context()
    with pytest.raises(ValueError, match="needs the index of a child"):
        step_problems(Step(K.VIEWS), start(ctx), ctx)
    with pytest.raises(ValueError, match="needs the index of a child"):
        step_problems(Step(K.VIEWS, 5), start(ctx), ctx)
