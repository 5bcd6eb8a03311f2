"""Checks that one child's decision is complete and consistent with the conference.

:func:`check_decision` returns a tuple of :class:`~cpc_desktop.domain.problems.Problem`
values; a decision with no errors can be made final (:func:`can_finalise`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from cpc_desktop.domain.calendar import WorkingCalendar, add_months
from cpc_desktop.domain.conference import Child, Conference, Decision, Participant
from cpc_desktop.domain.dates import plain_date
from cpc_desktop.domain.decision_words import CheckWords, check_words
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    ConferenceType,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.problems import (
    Problem,
    blank,
    check_timescale,
    error,
    person_name,
    warning,
)
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.reporter import check_referral
from cpc_desktop.domain.terms import Terms
from cpc_desktop.domain.timescales import (
    TimescaleParams,
    first_core_group_due,
    first_review_after,
    later_review_due,
    plan_too_early,
)

#: The Children in Need census value when a child has more than one category.
MULTIPLE_CATEGORIES = "Multiple"

# The views that agree with each outcome; any other firm view is a difference
# the chair should resolve or record as dissent.
_AGREEING_VIEWS: Mapping[Outcome, frozenset[View]] = {
    Outcome.CP_PLAN: frozenset({View.PLAN}),
    Outcome.CIN_PLAN: frozenset({View.CHILD_IN_NEED}),
    Outcome.NO_FURTHER_ACTION: frozenset({View.NO_FURTHER_ACTION}),
    Outcome.END_PLAN: frozenset({View.CHILD_IN_NEED, View.NO_FURTHER_ACTION}),
}

# Outcomes that answer "is the threshold met?" one way or the other.
_THRESHOLD_MET = frozenset({Outcome.CP_PLAN})
_THRESHOLD_NOT_MET = frozenset({Outcome.CIN_PLAN, Outcome.NO_FURTHER_ACTION, Outcome.END_PLAN})


def derived_cin_category(categories: Sequence[str]) -> str | None:
    """The Children in Need census category: the one chosen, or ``"Multiple"``.

    Returns ``None`` when no category is chosen; repeats count once.
    """
    distinct = tuple(dict.fromkeys(categories))
    if not distinct:
        return None
    if len(distinct) == 1:
        return distinct[0]
    return MULTIPLE_CATEGORIES


# --- one child's decision ---------------------------------------------------------


def check_decision(
    decision: Decision,
    conference: Conference,
    child: Child,
    participants: Iterable[Participant],
    allowed_categories: Iterable[str],
    params: TimescaleParams,
    calendar: WorkingCalendar,
    previous_outcome: Outcome | None = None,
    *,
    quorum: QuorumResult | None = None,
    path: str = "decision",
    reporter: bool = False,
    terms: Terms | None = None,
) -> tuple[Problem, ...]:
    """Check one child's decision before it is made final.

    Args:
        decision: the decision for ``child``.
        conference: the conference making it.
        child: the child it is about.
        participants: everyone recorded for the conference.
        allowed_categories: the profile's categories of harm (or concerns).
        params: the profile's timescales.
        calendar: the working-day calendar of the profile's division.
        previous_outcome: this child's outcome at the previous conference, if
            known; a plan is new unless it was a plan. At an initial, pre-birth or
            transfer-in conference every plan is new.
        quorum: the conference's quorum, to warn when a plan ends without one.
        path: where this decision sits in the record, e.g. ``"decisions[0]"``.
        reporter: the profile has the meeting consider a referral to the Children's
            Reporter (Scotland): the answer and its reason are needed (see reporter.py).
        terms: the profile's words, so the messages name the lead worker, the core
            group, the plan, the categories and the meeting as the nation does
            (England's words when not given).

    Raises:
        ValueError: the decision is about a different child.
    """
    if decision.child_id != child.id:
        raise ValueError(f"decision {decision.id} is not about child {child.id}")
    people = {person.id: person for person in participants}
    outcome = decision.outcome
    words = check_words(terms)
    problems = [*_check_threshold(decision, words, path)]
    if outcome is None:
        problems.append(
            error("decision.outcome_missing", "The decision is missing.", f"{path}.outcome")
        )
    elif outcome is Outcome.CP_PLAN:
        new_plan = conference.type is not ConferenceType.REVIEW or (
            previous_outcome is not None and previous_outcome is not Outcome.CP_PLAN
        )
        problems += _check_categories(decision, tuple(allowed_categories), words, path)
        problems += _check_plan_people(decision, people, words, path)
        problems += _check_plan_dates(
            decision, conference, child, params, calendar, new_plan, words, path
        )
        if blank(decision.contingency_plan):
            problems.append(
                error(
                    "decision.contingency_missing",
                    "The contingency plan is missing.",
                    f"{path}.contingency_plan",
                )
            )
        problems += _check_pre_birth_plan(conference, child, params, path)
    elif outcome is Outcome.END_PLAN:
        problems += _check_end_plan(decision, conference, previous_outcome, quorum, words, path)
    elif outcome is Outcome.ADMINISTRATIVE_END:
        problems += _check_administrative_end(decision, child, path)
    problems += _check_actions(decision, path)
    problems += _check_views_and_dissent(decision, people, path)
    problems += check_referral(decision, child_name(child), reporter, path)
    return tuple(problems)


def _check_threshold(decision: Decision, words: CheckWords, path: str) -> list[Problem]:
    outcome = decision.outcome
    if outcome in (Outcome.ADJOURN, Outcome.ADMINISTRATIVE_END):
        return []  # no threshold judgement is made
    met = decision.threshold_met
    if met is None:
        return [
            error(
                "decision.threshold_missing",
                f"The answer to whether the threshold for {words.a_plan} is met is missing.",
                f"{path}.threshold_met",
            )
        ]
    if (met and outcome in _THRESHOLD_NOT_MET) or (not met and outcome in _THRESHOLD_MET):
        return [
            error(
                "decision.threshold_outcome_mismatch",
                "The decision does not match the answer on whether the threshold is met.",
                f"{path}.outcome",
            )
        ]
    return []


def _check_categories(
    decision: Decision, allowed: tuple[str, ...], words: CheckWords, path: str
) -> list[Problem]:
    problems = []
    if not decision.categories:
        problems.append(
            error(
                "decision.category_missing",
                f"At least one {words.category} is needed for {words.a_plan}.",
                f"{path}.categories",
            )
        )
    for i, category in enumerate(decision.categories):
        if category not in allowed:
            problems.append(
                error(
                    "decision.category_not_allowed",
                    f"The {words.category} “{category}” is not one this profile allows.",
                    f"{path}.categories[{i}]",
                )
            )
    primary = decision.primary_category
    if primary is not None and primary not in decision.categories:
        problems.append(
            error(
                "decision.primary_category_not_chosen",
                f"The primary {words.category} “{primary}” is not among the "
                f"{words.categories} chosen.",
                f"{path}.primary_category",
            )
        )
    return problems


def _check_plan_people(
    decision: Decision, people: Mapping[str, Participant], words: CheckWords, path: str
) -> list[Problem]:
    problems = []
    lead_id = decision.lead_social_worker_id
    lead = None if lead_id is None else people.get(lead_id)
    if lead_id is None:
        problems.append(
            error(
                "decision.lead_social_worker_missing",
                f"The {words.lead_worker} is missing.",
                f"{path}.lead_social_worker_id",
            )
        )
    elif lead is None:
        problems.append(
            error(
                "decision.lead_social_worker_not_participant",
                f"The {words.lead_worker} is not among the {words.meeting} participants.",
                f"{path}.lead_social_worker_id",
            )
        )
    elif lead.role is not ParticipantRole.SOCIAL_WORKER:
        problems.append(
            warning(
                "decision.lead_not_social_worker",
                f"The {words.lead_worker}, {person_name(lead)}, is not recorded with the "
                "role of social worker.",
                f"{path}.lead_social_worker_id",
            )
        )
    if not decision.core_group:
        problems.append(
            warning(
                "decision.core_group_empty",
                f"No {words.core_group} members are named.",
                f"{path}.core_group",
            )
        )
    for i, member in enumerate(decision.core_group):
        if member not in people:
            problems.append(
                error(
                    "decision.core_group_member_unknown",
                    f"A {words.core_group} member is not among the {words.meeting} participants.",
                    f"{path}.core_group[{i}]",
                )
            )
    return problems


def _check_plan_dates(
    decision: Decision,
    conference: Conference,
    child: Child,
    params: TimescaleParams,
    calendar: WorkingCalendar,
    new_plan: bool,
    words: CheckWords,
    path: str,
) -> list[Problem]:
    problems: list[Problem] = []
    if new_plan:
        core_group_due = first_core_group_due(
            conference.date, calendar, days=params.first_core_group_days, unit=params.unit
        )
        problems += _check_next_date(
            decision.first_core_group_date,
            decision.first_core_group_reason,
            conference.date,
            core_group_due,
            fields=("first_core_group_date", "first_core_group_reason"),
            code="decision.first_core_group",
            what=f"the first {words.core_group}",
            path=path,
        )
    if new_plan:
        review_due = first_review_after(conference.date, (child,), params, calendar)
    else:
        review_due = later_review_due(conference.date, months=params.later_review_months)
    problems += _check_next_date(
        decision.review_date,
        decision.review_date_reason,
        conference.date,
        review_due,
        fields=("review_date", "review_date_reason"),
        code="decision.review",
        what=f"the {words.review}",
        path=path,
    )
    return problems


def _check_next_date(
    when: date | None,
    reason: str | None,
    conference_date: date,
    due: date,
    *,
    fields: tuple[str, str],
    code: str,
    what: str,
    path: str,
) -> tuple[Problem, ...]:
    """A follow-up date must be set, after the conference, and on time or explained.

    ``fields`` names the date field and its reason field; ``code`` starts each code.
    """
    date_field, reason_field = fields
    if when is None:
        return (
            error(
                f"{code}_date_missing",
                f"The date of {what} is missing.",
                f"{path}.{date_field}",
            ),
        )
    if when <= conference_date:
        return (
            error(
                f"{code}_not_after_conference",
                f"The date of {what}, {plain_date(when)}, is not after the conference.",
                f"{path}.{date_field}",
            ),
        )
    return check_timescale(
        when,
        due,
        reason,
        code=f"{code}_reason_missing",
        what=what[0].upper() + what[1:],
        path=f"{path}.{reason_field}",
    )


def _check_pre_birth_plan(
    conference: Conference, child: Child, params: TimescaleParams, path: str
) -> list[Problem]:
    edd = child.expected_date_of_delivery
    if (
        conference.type is not ConferenceType.PRE_BIRTH
        or child.date_of_birth is not None
        or edd is None
        or not plan_too_early(edd, conference.date, params.pre_birth_no_plan_before_week)
    ):
        return []
    return [
        warning(
            "decision.plan_before_gestation_week",
            f"The plan is made before {params.pre_birth_no_plan_before_week} weeks' gestation, "
            "earlier than the procedures allow.",
            f"{path}.outcome",
        )
    ]


def _check_end_plan(
    decision: Decision,
    conference: Conference,
    previous_outcome: Outcome | None,
    quorum: QuorumResult | None,
    words: CheckWords,
    path: str,
) -> list[Problem]:
    problems = []
    if conference.type is not ConferenceType.REVIEW:
        problems.append(
            error(
                "decision.end_plan_not_at_review",
                f"A plan can only be ended at a {words.review}.",
                f"{path}.outcome",
            )
        )
    if previous_outcome is not None and previous_outcome is not Outcome.CP_PLAN:
        problems.append(
            error(
                "decision.no_plan_to_end",
                f"The child had no {words.plan} at the previous {words.meeting} to end.",
                f"{path}.outcome",
            )
        )
    if blank(decision.reason):
        problems.append(
            error(
                "decision.end_plan_reason_missing",
                "The reason for ending the plan is missing.",
                f"{path}.reason",
            )
        )
    if conference.review_number == 1:
        problems.append(
            warning(
                "decision.end_plan_first_review",
                "A plan is not normally ended at the first review unless every action is "
                "shown to be complete or the circumstances are exceptional.",
                f"{path}.outcome",
            )
        )
    if quorum is not None and not quorum.quorate:
        problems.append(
            error(
                "decision.end_plan_inquorate",
                f"The {words.meeting} is not quorate, and only a quorate {words.meeting} "
                "can end a plan.",
                f"{path}.outcome",
            )
        )
    return problems


def _check_administrative_end(decision: Decision, child: Child, path: str) -> list[Problem]:
    problems = _check_turned_18(decision, child, path)
    if decision.ending is None:
        problems.append(
            error(
                "decision.ending_missing",
                "The reason for the administrative ending is missing.",
                f"{path}.ending",
            )
        )
    if decision.ending_date is None:
        problems.append(
            error(
                "decision.ending_date_missing",
                "The date of the administrative ending is missing.",
                f"{path}.ending_date",
            )
        )
    if blank(decision.ending_note):  # the wizard insists; a document made before may lack it
        problems.append(
            warning(
                "decision.ending_note_missing",
                "The note of who was consulted about the administrative ending is missing.",
                f"{path}.ending_note",
            )
        )
    return problems


def _check_turned_18(decision: Decision, child: Child, path: str) -> list[Problem]:
    """An ending because the child turned 18 needs the date of birth, and a date on or
    after the 18th birthday."""
    if decision.ending is not AdministrativeEnding.TURNED_18 or decision.ending_date is None:
        return []
    born = child.date_of_birth
    if born is None:
        return [
            error(
                "decision.turned_18_birth_unknown",
                f"The date of birth of {child_name(child)} is not recorded, so the ending "
                "at 18 cannot be checked.",
                f"{path}.ending",
            )
        ]
    adult = add_months(born, 18 * 12)
    if decision.ending_date < adult:
        return [
            error(
                "decision.turned_18_too_soon",
                f"{child_name(child, 'The child')} turns 18 on "
                f"{plain_date(adult)}, after the ending date of "
                f"{plain_date(decision.ending_date)}.",
                f"{path}.ending_date",
            )
        ]
    return []


def _check_actions(decision: Decision, path: str) -> list[Problem]:
    problems = []
    for i, action in enumerate(decision.actions):
        where = f"{path}.actions[{i}]"
        if blank(action.action):
            problems.append(
                error(
                    "decision.action_text_missing",
                    f"Plan action {i + 1} does not say what is to be done.",
                    f"{where}.action",
                )
            )
        if blank(action.owner):
            problems.append(
                error(
                    "decision.action_owner_missing",
                    f"Plan action {i + 1} has no owner.",
                    f"{where}.owner",
                )
            )
        if action.due_date is None:
            problems.append(
                error(
                    "decision.action_due_date_missing",
                    f"Plan action {i + 1} has no due date.",
                    f"{where}.due_date",
                )
            )
    return problems


def _check_views_and_dissent(
    decision: Decision, people: Mapping[str, Participant], path: str
) -> list[Problem]:
    problems = []
    dissenters = {dissent.participant_id for dissent in decision.dissents}
    agreeing = _AGREEING_VIEWS.get(decision.outcome) if decision.outcome else None
    for i, view in enumerate(decision.views):
        person = people.get(view.participant_id)
        if person is None:
            problems.append(
                error(
                    "decision.view_participant_unknown",
                    "A recorded view belongs to someone who is not a conference participant.",
                    f"{path}.views[{i}].participant_id",
                )
            )
        elif (
            agreeing is not None
            and view.view is not View.UNSURE
            and view.view not in agreeing
            and person.id not in dissenters
        ):
            problems.append(
                warning(
                    "decision.dissent_not_recorded",
                    f"{person_name(person, start=True)}'s view differs from the decision "
                    "and no dissent is recorded for them.",
                    f"{path}.dissents",
                )
            )
    for i, dissent in enumerate(decision.dissents):
        if dissent.participant_id not in people:
            problems.append(
                error(
                    "decision.dissent_participant_unknown",
                    "A dissent is recorded for someone who is not a conference participant.",
                    f"{path}.dissents[{i}].participant_id",
                )
            )
        if blank(dissent.reasons):
            problems.append(
                error(
                    "decision.dissent_reasons_missing",
                    "The reasons for a recorded dissent are missing.",
                    f"{path}.dissents[{i}].reasons",
                )
            )
    return problems
