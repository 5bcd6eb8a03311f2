"""The decision wizard as a pure state machine.

The wizard's pages only collect answers; this module says which step comes next,
what is wrong with the answers on each step, and turns the finished answers into
final :class:`Decision` values. Nothing here reads a clock or touches the store:
the service builds a :class:`FlowContext` (quorum now, the profile's categories and
timescales) and passes it in.

The path: the quorum first. A conference the chair adjourns (not quorate, or without
enough information to decide: adjournment.py) goes to the reconvene date and then the
summary. Otherwise each child in turn: the views, the
threshold question, the outcome, then the categories and the plan when the outcome
is a child protection plan, then dissent when some view differs from the outcome, then
(under a profile that considers it: Scotland) the referral to the Children's Reporter.
Every path ends with the summary.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from cpc_desktop.domain import reporter
from cpc_desktop.domain.adjournment import QuorumAnswer as QuorumAnswer
from cpc_desktop.domain.adjournment import (
    adjourned_for,
    quorum_problems,
    reconvene_problems,
)
from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.conference import (
    AgencyView,
    Child,
    Conference,
    Decision,
    Dissent,
    Participant,
    PlanAction,
)
from cpc_desktop.domain.decision_checks import check_decision
from cpc_desktop.domain.decision_words import check_words
from cpc_desktop.domain.enums import AdministrativeEnding, ConferenceType, Outcome, View
from cpc_desktop.domain.flow_dates import default_dates
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.problems import (
    Problem,
    blank,
    error,
    warning,
)
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.terms import Terms
from cpc_desktop.domain.timescales import TimescaleParams

NewId = Callable[[], str]


def _uuid() -> str:
    return str(uuid.uuid4())


class StepKind(StrEnum):
    QUORUM = "quorum"
    ADJOURN = "adjourn"
    VIEWS = "views"
    THRESHOLD = "threshold"
    OUTCOME = "outcome"
    CATEGORIES = "categories"
    PLAN = "plan"
    DISSENT = "dissent"
    REPORTER = "reporter"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Step:
    """One page of the wizard; ``child`` is the child's index for per-child steps."""

    kind: StepKind
    child: int | None = None


@dataclass(frozen=True)
class FlowContext:
    """Everything the flow needs to know about the conference, read once by the service.

    Attributes:
        professionals: the professionals present now, whose views are asked.
        allowed_categories: the profile's categories as ``(key, label)``.
        primary_required: the profile requires a primary category with a plan.
        previous_outcome: child id to the child's outcome before this conference.
        today: the date the wizard runs (the service's clock, not read here).
        terms: the profile's words for the plans, the people and the meeting.
        reporter: the profile asks whether to refer each child to the Children's Reporter.
    """

    conference: Conference
    children: tuple[Child, ...]
    participants: tuple[Participant, ...]
    professionals: tuple[Participant, ...]
    quorum: QuorumResult
    allowed_categories: tuple[tuple[str, str], ...]
    primary_required: bool
    params: TimescaleParams
    calendar: WorkingCalendar
    previous_outcome: Mapping[str, Outcome | None]
    today: date
    terms: Terms
    reporter: bool = False


@dataclass(frozen=True)
class ChildAnswer:
    child_id: str
    views: tuple[AgencyView, ...] = ()
    parents_view: str = ""
    child_view: str = ""
    threshold_met: bool | None = None
    threshold_rationale: str = ""
    outcome: Outcome | None = None
    reason: str = ""
    ending: AdministrativeEnding | None = None
    ending_date: date | None = None
    ending_note: str = ""
    categories: tuple[str, ...] = ()
    primary_category: str | None = None
    lead_social_worker_id: str | None = None
    lead_social_worker_contact: str = ""
    core_group: tuple[str, ...] = ()
    first_core_group_date: date | None = None
    first_core_group_reason: str | None = None
    review_date: date | None = None
    review_date_reason: str | None = None
    contingency_plan: str = ""
    core_group_frequency: str = ""
    actions: tuple[PlanAction, ...] = ()
    dissents: tuple[Dissent, ...] = ()
    reporter_referral: bool | None = None
    reporter_referral_reason: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class FlowAnswers:
    quorum: QuorumAnswer | None = None
    children: tuple[ChildAnswer, ...] = ()


# The views that agree with each outcome; any other firm view may be a dissent.
_AGREEING: Mapping[Outcome, frozenset[View]] = {
    Outcome.CP_PLAN: frozenset({View.PLAN}),
    Outcome.CIN_PLAN: frozenset({View.CHILD_IN_NEED}),
    Outcome.NO_FURTHER_ACTION: frozenset({View.NO_FURTHER_ACTION}),
    Outcome.END_PLAN: frozenset({View.CHILD_IN_NEED, View.NO_FURTHER_ACTION}),
}

_NEW_CONFERENCE_OUTCOMES = (Outcome.CP_PLAN, Outcome.CIN_PLAN, Outcome.NO_FURTHER_ACTION)
_REVIEW_OUTCOMES = (Outcome.CP_PLAN, Outcome.END_PLAN, Outcome.ADMINISTRATIVE_END)

# Which step answers for each code check_decision may report.
_CODE_STEP: Mapping[str, StepKind] = {
    "decision.view_participant_unknown": StepKind.VIEWS,
    "decision.threshold_outcome_mismatch": StepKind.OUTCOME,
    "decision.outcome_missing": StepKind.OUTCOME,
    "decision.end_plan_not_at_review": StepKind.OUTCOME,
    "decision.no_plan_to_end": StepKind.OUTCOME,
    "decision.end_plan_reason_missing": StepKind.OUTCOME,
    "decision.end_plan_first_review": StepKind.OUTCOME,
    "decision.end_plan_inquorate": StepKind.OUTCOME,
    "decision.ending_missing": StepKind.OUTCOME,
    "decision.ending_date_missing": StepKind.OUTCOME,
    "decision.ending_note_missing": StepKind.OUTCOME,
    "decision.turned_18_too_soon": StepKind.OUTCOME,
    "decision.turned_18_birth_unknown": StepKind.OUTCOME,
    "decision.plan_before_gestation_week": StepKind.OUTCOME,
    "decision.category_missing": StepKind.CATEGORIES,
    "decision.category_not_allowed": StepKind.CATEGORIES,
    "decision.primary_category_not_chosen": StepKind.CATEGORIES,
    "decision.dissent_not_recorded": StepKind.DISSENT,
    "decision.dissent_participant_unknown": StepKind.DISSENT,
    "decision.dissent_reasons_missing": StepKind.DISSENT,
    **dict.fromkeys(reporter.CODES, StepKind.REPORTER),
}


def _person(person: Participant) -> str:
    name = person.name.strip() or "an unnamed participant"
    return f"{name} ({person.agency.strip()})" if person.agency.strip() else name


# --- options and defaults -------------------------------------------------------------


def outcome_options(ctx: FlowContext) -> tuple[Outcome, ...]:
    """The outcomes this type of conference may reach for a child."""
    if ctx.conference.type is ConferenceType.REVIEW:
        return _REVIEW_OUTCOMES
    return _NEW_CONFERENCE_OUTCOMES


def _new_plan(ctx: FlowContext, child_id: str) -> bool:
    previous = ctx.previous_outcome.get(child_id)
    return ctx.conference.type is not ConferenceType.REVIEW or (
        previous is not None and previous is not Outcome.CP_PLAN
    )


def start(ctx: FlowContext) -> FlowAnswers:
    """Blank answers: one per child, with the default plan dates filled in."""
    core_group, review = default_dates(ctx)
    return FlowAnswers(
        quorum=None,
        children=tuple(
            ChildAnswer(
                child_id=child.id,
                first_core_group_date=core_group if _new_plan(ctx, child.id) else None,
                review_date=review,
            )
            for child in ctx.children
        ),
    )


# --- the path -------------------------------------------------------------------------


def adjourning(answers: FlowAnswers, ctx: FlowContext) -> bool:
    """Whether the answers adjourn the whole conference (see adjournment.py)."""
    return adjourned_for(answers, ctx) is not None


def answer_for(index: int, answers: FlowAnswers, ctx: FlowContext) -> ChildAnswer:
    """The answers for child ``index`` of the context (blank if there are none)."""
    child_id = ctx.children[index].id
    for answer in answers.children:
        if answer.child_id == child_id:
            return answer
    return ChildAnswer(child_id=child_id)


def dissent_candidates(answer: ChildAnswer) -> tuple[str, ...]:
    """Who gave a firm view that differs from the outcome, in the order of the views."""
    agreeing = _AGREEING.get(answer.outcome) if answer.outcome is not None else None
    if agreeing is None:
        return ()
    found = [
        view.participant_id
        for view in answer.views
        if view.view is not View.UNSURE and view.view not in agreeing
    ]
    return tuple(dict.fromkeys(found))


def _child_steps(index: int, answer: ChildAnswer, ctx: FlowContext) -> list[Step]:
    steps = [Step(kind, index) for kind in (StepKind.VIEWS, StepKind.THRESHOLD, StepKind.OUTCOME)]
    if answer.outcome is Outcome.CP_PLAN:
        steps += [Step(StepKind.CATEGORIES, index), Step(StepKind.PLAN, index)]
    if dissent_candidates(answer):
        steps.append(Step(StepKind.DISSENT, index))
    if reporter.asked(ctx.reporter, answer.outcome):
        steps.append(Step(StepKind.REPORTER, index))
    return steps


def path(answers: FlowAnswers, ctx: FlowContext) -> tuple[Step, ...]:
    """Every step the answers so far lead through, in order, ending with the summary."""
    steps = [Step(StepKind.QUORUM)]
    if adjourning(answers, ctx):
        steps.append(Step(StepKind.ADJOURN))
    else:
        for index in range(len(ctx.children)):
            steps += _child_steps(index, answer_for(index, answers, ctx), ctx)
    steps.append(Step(StepKind.SUMMARY))
    return tuple(steps)


def next_step(current: Step, answers: FlowAnswers, ctx: FlowContext) -> Step | None:
    """The step after ``current``; ``None`` after the summary or off the path."""
    steps = path(answers, ctx)
    if current not in steps:
        return None
    at = steps.index(current)
    return steps[at + 1] if at + 1 < len(steps) else None


# --- copying ---------------------------------------------------------------------------


def same_as_previous(index: int, answers: FlowAnswers, *, new_id: NewId = _uuid) -> ChildAnswer:
    """Child ``index``'s answers copied from child ``index - 1``, still to be confirmed.

    Views, dissents and actions get new ids; the child's own view is not copied,
    since it is the view of a different child.

    Raises:
        ValueError: ``index`` has no previous child.
    """
    if not 0 < index < len(answers.children):
        raise ValueError(f"child {index} has no previous child to copy")
    source, target = answers.children[index - 1], answers.children[index]
    return replace(
        source,
        child_id=target.child_id,
        child_view=target.child_view,
        views=tuple(replace(view, id=new_id()) for view in source.views),
        dissents=tuple(replace(dissent, id=new_id()) for dissent in source.dissents),
        actions=tuple(replace(action, id=new_id()) for action in source.actions),
        confirmed=False,
    )


# --- checking ---------------------------------------------------------------------------


def _decision(answer: ChildAnswer, decision_id: str, ctx: FlowContext) -> Decision:
    """The decision the answers make, without answers the path no longer asks for."""
    plan = answer.outcome is Outcome.CP_PLAN
    refer = reporter.asked(ctx.reporter, answer.outcome)
    ended = answer.outcome is Outcome.ADMINISTRATIVE_END
    candidates = set(dissent_candidates(answer))
    return Decision(
        id=decision_id,
        child_id=answer.child_id,
        threshold_met=answer.threshold_met,
        threshold_rationale=answer.threshold_rationale.strip(),
        outcome=answer.outcome,
        reason=answer.reason.strip(),
        categories=answer.categories if plan else (),
        primary_category=answer.primary_category if plan else None,
        lead_social_worker_id=answer.lead_social_worker_id if plan else None,
        lead_social_worker_contact=answer.lead_social_worker_contact.strip() if plan else "",
        core_group=answer.core_group if plan else (),
        first_core_group_date=answer.first_core_group_date if plan else None,
        first_core_group_reason=answer.first_core_group_reason if plan else None,
        review_date=answer.review_date if plan else None,
        review_date_reason=answer.review_date_reason if plan else None,
        contingency_plan=answer.contingency_plan.strip() if plan else "",
        core_group_frequency=answer.core_group_frequency.strip() if plan else "",
        parents_view=answer.parents_view.strip(),
        child_view=answer.child_view.strip(),
        ending=answer.ending if ended else None,
        ending_date=answer.ending_date if ended else None,
        ending_note=answer.ending_note.strip() if ended else "",
        final=True,
        reporter_referral=answer.reporter_referral if refer else None,
        reporter_referral_reason=answer.reporter_referral_reason.strip() if refer else "",
        views=answer.views,
        dissents=tuple(d for d in answer.dissents if d.participant_id in candidates),
        actions=answer.actions if plan else (),
    )


def _rule_problems(index: int, answers: FlowAnswers, ctx: FlowContext) -> tuple[Problem, ...]:
    answer = answer_for(index, answers, ctx)
    return check_decision(
        _decision(answer, "", ctx),
        ctx.conference,
        ctx.children[index],
        ctx.participants,
        (key for key, _label in ctx.allowed_categories),
        ctx.params,
        ctx.calendar,
        ctx.previous_outcome.get(answer.child_id),
        quorum=ctx.quorum,
        path=f"children[{index}]",
        reporter=ctx.reporter,
        terms=ctx.terms,
    )


def _from_rules(
    kind: StepKind, index: int, answers: FlowAnswers, ctx: FlowContext
) -> list[Problem]:
    """The problems check_decision finds that belong to this step (PLAN takes the rest)."""
    found = []
    for problem in _rule_problems(index, answers, ctx):
        if problem.code == "decision.threshold_missing":
            continue  # the threshold step asks its own question
        if _CODE_STEP.get(problem.code, StepKind.PLAN) is kind:
            found.append(problem)
    return found


def _views_problems(index: int, answer: ChildAnswer, ctx: FlowContext) -> list[Problem]:
    where = f"children[{index}]"
    given = {view.participant_id: view for view in answer.views}
    problems = []
    for person in ctx.professionals:
        view = given.get(person.id)
        if view is None:
            problems.append(
                error(
                    "flow.view_missing",
                    f"The view of {_person(person)} is missing.",
                    f"{where}.views",
                )
            )
        elif blank(view.reason):
            problems.append(
                error(
                    "flow.view_reason_missing",
                    f"The reason for the view of {_person(person)} is missing.",
                    f"{where}.views",
                )
            )
    child = child_name(ctx.children[index])
    if blank(answer.parents_view):
        problems.append(
            warning(
                "flow.parents_view_blank",
                f"The parents' view on {child} is not recorded.",
                f"{where}.parents_view",
            )
        )
    if blank(answer.child_view):
        problems.append(
            warning(
                "flow.child_view_blank",
                f"The view of {child} is not recorded.",
                f"{where}.child_view",
            )
        )
    return problems


def _threshold_problems(index: int, answer: ChildAnswer, ctx: FlowContext) -> list[Problem]:
    where = f"children[{index}]"
    child = child_name(ctx.children[index])
    problems = []
    if answer.threshold_met is None:
        problems.append(
            error(
                "decision.threshold_missing",
                f"The answer to whether {child} is suffering, or likely to suffer, significant "
                "harm is missing.",
                f"{where}.threshold_met",
            )
        )
    if blank(answer.threshold_rationale):
        problems.append(
            error(
                "flow.threshold_rationale_missing",
                f"The rationale for the threshold answer for {child} is missing.",
                f"{where}.threshold_rationale",
            )
        )
    return problems


def _outcome_problems(index: int, answer: ChildAnswer, ctx: FlowContext) -> list[Problem]:
    outcome = answer.outcome
    offered = outcome is None or outcome in outcome_options(ctx)
    if offered and outcome is Outcome.ADMINISTRATIVE_END and blank(answer.ending_note):
        return [  # checklist item 27: the wizard records the consultation every time
            error(
                "flow.ending_note_missing",
                "The note of who was consulted about the administrative ending is missing.",
                f"children[{index}].ending_note",
            )
        ]
    if not offered:
        assert outcome is not None  # None is always offered (nothing chosen yet)
        return [
            error(
                "flow.outcome_not_offered",
                f"The decision “{outcome.value.replace('_', ' ')}” cannot be made at this "
                f"type of {check_words(ctx.terms).meeting}.",
                f"children[{index}].outcome",
            )
        ]
    return []


def _categories_problems(index: int, answer: ChildAnswer, ctx: FlowContext) -> list[Problem]:
    if ctx.primary_required and answer.categories and answer.primary_category is None:
        return [
            error(
                "flow.primary_category_missing",
                f"The primary {check_words(ctx.terms).category} is missing.",
                f"children[{index}].primary_category",
            )
        ]
    return []


def _confirmation_problems(
    step: Step, index: int, answer: ChildAnswer, answers: FlowAnswers, ctx: FlowContext
) -> list[Problem]:
    last = [s for s in path(answers, ctx) if s.child == index][-1]
    if step != last or answer.confirmed:
        return []
    return [
        error(
            "flow.not_confirmed",
            f"The confirmation of the decision for {child_name(ctx.children[index])} is missing.",
            f"children[{index}].confirmed",
        )
    ]


def step_problems(step: Step, answers: FlowAnswers, ctx: FlowContext) -> tuple[Problem, ...]:
    """What is wrong on ``step``: errors keep the chair on it, warnings are shown.

    The summary's problems are everything (:func:`finish_problems`).
    """
    kind = step.kind
    if kind is StepKind.SUMMARY:
        return finish_problems(answers, ctx)
    if kind is StepKind.QUORUM:
        return tuple(quorum_problems(answers, ctx))
    if kind is StepKind.ADJOURN:
        return tuple(reconvene_problems(answers, ctx))
    if step.child is None or not 0 <= step.child < len(ctx.children):
        raise ValueError(f"the {kind.value} step needs the index of a child")
    index = step.child
    answer = answer_for(index, answers, ctx)
    own: dict[StepKind, Callable[[int, ChildAnswer, FlowContext], list[Problem]]] = {
        StepKind.VIEWS: _views_problems,
        StepKind.THRESHOLD: _threshold_problems,
        StepKind.OUTCOME: _outcome_problems,
        StepKind.CATEGORIES: _categories_problems,
    }
    problems = own[kind](index, answer, ctx) if kind in own else []
    problems += _from_rules(kind, index, answers, ctx)
    problems += _confirmation_problems(step, index, answer, answers, ctx)
    return tuple(problems)


def finish_problems(answers: FlowAnswers, ctx: FlowContext) -> tuple[Problem, ...]:
    """Every problem on the path; finishing is allowed when none is an error."""
    return tuple(
        problem for step in path(answers, ctx)[:-1] for problem in step_problems(step, answers, ctx)
    )


def to_decisions(
    answers: FlowAnswers, ctx: FlowContext, *, new_id: NewId = _uuid
) -> tuple[Decision, ...]:
    """One final decision per child, in the children's order (none when adjourning)."""
    if adjourning(answers, ctx):
        return ()
    return tuple(
        _decision(answer_for(index, answers, ctx), new_id(), ctx)
        for index in range(len(ctx.children))
    )
