"""Checks that a conference and its decisions are complete and consistent.

Each check returns a tuple of :class:`Problem` values. A problem of severity
``error`` blocks finalising; a ``warning`` is shown and may be accepted. A
decision with no errors can be made final (:func:`can_finalise`).

Problem codes are stable machine keys (``"decision.contingency_missing"``); the
message is one plain English sentence naming what is missing or wrong; the path
points at the field (``"decisions[0].contingency_plan"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.conference import Child, Conference, Decision, Participant
from cpc_desktop.domain.dates import plain_date
from cpc_desktop.domain.enums import (
    AttendanceKind,
    ChildParticipation,
    ConferenceType,
    DayUnit,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.timescales import (
    TimescaleParams,
    conference_due,
    first_core_group_due,
    first_review_after,
    later_review_due,
    plan_too_early,
    pre_birth_timing,
)

#: The Children in Need census value when a child has more than one category.
MULTIPLE_CATEGORIES = "Multiple"

_SOLICITOR = re.compile(r"\bsolicitors?\b", re.IGNORECASE)

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


class Severity(StrEnum):
    """How much a problem matters: errors block finalising, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record.

    Attributes:
        code: a stable machine key, e.g. ``"decision.contingency_missing"``.
        message: one English sentence saying what is missing or wrong.
        path: the field at fault, e.g. ``"decisions[0].contingency_plan"``; which item
            of a list that is, read it from :attr:`about` or :meth:`index_in`, not by
            slicing the text.
        severity: whether it blocks finalising.
    """

    code: str
    message: str
    path: str
    severity: Severity = Severity.ERROR

    @property
    def about(self) -> Place | None:
        """The item of a list the problem is about, read from the start of its path:
        ``Place("participants", 3)`` for ``"participants[3].report_shared_with_family"``;
        ``None`` for a path that does not start at an item (``"conference.date"``)."""
        return place_of(self.path)

    def index_in(self, collection: str) -> int | None:
        """The index in ``collection`` the problem is about (3 for ``participants[3]...``
        asked about ``"participants"``), or ``None`` when it is about something else."""
        place = self.about
        return place.index if place is not None and place.collection == collection else None


@dataclass(frozen=True)
class Place:
    """One item of a record's list: ``collection`` ("participants", "children",
    "decisions", "agenda") and the item's ``index`` in it."""

    collection: str
    index: int


# "participants[3]", "$.children[0].name", "decisions[1]": a list and an item at the start.
_PLACE = re.compile(r"(?:\$\.)?([a-z_]+)\[(\d+)\](?=$|[.\[])")


def place_of(path: str) -> Place | None:
    """The list item a problem path starts at (:attr:`Problem.about`), with or without
    the ``$.`` the services put in front; ``None`` when it starts at no item."""
    found = _PLACE.match(path)
    return None if found is None else Place(found.group(1), int(found.group(2)))


def _error(code: str, message: str, path: str) -> Problem:
    return Problem(code, message, path, Severity.ERROR)


def _warning(code: str, message: str, path: str) -> Problem:
    return Problem(code, message, path, Severity.WARNING)


def can_finalise(problems: Iterable[Problem]) -> bool:
    """Return whether none of ``problems`` is an error."""
    return all(p.severity is not Severity.ERROR for p in problems)


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


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


# --- building blocks ---------------------------------------------------------------


def check_timescale(
    scheduled: date,
    due: date,
    reason: str | None,
    *,
    code: str,
    what: str,
    path: str,
) -> tuple[Problem, ...]:
    """A date later than its due date needs a recorded reason.

    Args:
        scheduled: the date set.
        due: the latest date the timescale allows.
        reason: the recorded reason for lateness, if any.
        code: the problem code to report.
        what: the thing scheduled, capitalised, e.g. ``"The first core group"``.
        path: the reason field.
    """
    if scheduled <= due or not _blank(reason):
        return ()
    return (
        _error(
            code,
            f"{what} on {plain_date(scheduled)} is after its due date of "
            f"{plain_date(due)}, so a reason for the delay must be recorded.",
            path,
        ),
    )


def check_inquorate_reason(
    quorum: QuorumResult, reason: str | None, path: str = "conference.quorum_reason"
) -> tuple[Problem, ...]:
    """Going ahead without a quorum needs the chair's recorded reason."""
    if quorum.quorate or not _blank(reason):
        return ()
    return (
        _error(
            "conference.quorum_reason_missing",
            "The conference is not quorate, so the chair's reason for going ahead "
            "must be recorded.",
            path,
        ),
    )


# --- the conference ----------------------------------------------------------------


def check_conference(
    conference: Conference,
    children: Iterable[Child],
    participants: Iterable[Participant],
    params: TimescaleParams,
    calendar: WorkingCalendar,
    quorum: QuorumResult | None = None,
) -> tuple[Problem, ...]:
    """Check the conference record: dates, timescales, children and participants.

    Args:
        quorum: the quorum when the conference went (or is going) ahead; leave it
            out when the conference did not proceed.
    """
    children = tuple(children)
    problems = [
        *_check_anchor_dates(conference),
        *_check_conference_timing(conference, children, params, calendar),
        *_check_pre_birth(conference, children, params),
        *_check_children(children),
        *_check_participants(tuple(participants)),
        *_check_report_sharing(conference, tuple(participants), params, calendar),
    ]
    if quorum is not None:
        problems += check_inquorate_reason(quorum, conference.quorum_reason)
        if not quorum.quorate and conference.reconvene_of is not None:
            problems.append(
                _warning(
                    "conference.second_inquorate",
                    "This reconvened conference is not quorate either, and two inquorate "
                    "conferences in a row should be avoided.",
                    "conference.quorum_reason",
                )
            )
    return tuple(problems)


_ANCHORS = (
    ("strategy_discussion_date", "strategy discussion"),
    ("transfer_notice_date", "written transfer notice"),
    ("previous_conference_date", "previous conference"),
)


def _check_anchor_dates(conference: Conference) -> list[Problem]:
    problems = []
    kind = conference.type
    if kind in (ConferenceType.INITIAL, ConferenceType.PRE_BIRTH) and (
        conference.strategy_discussion_date is None
    ):
        problems.append(
            _error(
                "conference.strategy_discussion_missing",
                "The date of the strategy discussion is missing.",
                "conference.strategy_discussion_date",
            )
        )
    if kind is ConferenceType.TRANSFER_IN and conference.transfer_notice_date is None:
        problems.append(
            _error(
                "conference.transfer_notice_missing",
                "The date the written transfer notice was received is missing.",
                "conference.transfer_notice_date",
            )
        )
    if conference.previous_conference_date is None and (
        kind is ConferenceType.REVIEW or conference.reconvene_of is not None
    ):
        problems.append(
            _error(
                "conference.previous_conference_missing",
                "The date of the previous conference is missing.",
                "conference.previous_conference_date",
            )
        )
    for field_name, label in _ANCHORS:
        anchor: date | None = getattr(conference, field_name)
        if anchor is not None and anchor > conference.date:
            problems.append(
                _error(
                    f"conference.{field_name}_after_conference",
                    f"The {label} date, {plain_date(anchor)}, is after the conference "
                    f"date of {plain_date(conference.date)}.",
                    f"conference.{field_name}",
                )
            )
    return problems


def _check_conference_timing(
    conference: Conference,
    children: tuple[Child, ...],
    params: TimescaleParams,
    calendar: WorkingCalendar,
) -> tuple[Problem, ...]:
    due = conference_due(conference, children, params, calendar)
    if due is None:
        return ()
    return check_timescale(
        conference.date,
        due,
        conference.delay_reason,
        code="conference.delay_reason_missing",
        what="The conference",
        path="conference.delay_reason",
    )


def _check_pre_birth(
    conference: Conference, children: tuple[Child, ...], params: TimescaleParams
) -> list[Problem]:
    if conference.type is not ConferenceType.PRE_BIRTH:
        return []
    problems = []
    for i, child in enumerate(children):
        if child.date_of_birth is not None:
            continue  # a born sibling considered at the same conference
        edd = child.expected_date_of_delivery
        if edd is None:
            problems.append(
                _error(
                    "child.edd_missing",
                    f"The expected date of delivery for {child_name(child)} is missing.",
                    f"children[{i}].expected_date_of_delivery",
                )
            )
            continue
        timing = pre_birth_timing(
            edd,
            conference.date,
            earliest_week=params.pre_birth_earliest_week,
            latest_week=params.pre_birth_latest_week,
        )
        if timing.too_late:
            problems.append(
                _warning(
                    "conference.pre_birth_late",
                    f"The pre-birth conference falls at {timing.gestation} weeks' gestation, "
                    f"later than the {params.pre_birth_latest_week} weeks the procedures allow.",
                    "conference.date",
                )
            )
        if timing.too_early:
            problems.append(
                _warning(
                    "conference.pre_birth_early",
                    f"The pre-birth conference falls at {timing.gestation} weeks' gestation, "
                    f"before the {params.pre_birth_earliest_week} weeks the procedures expect.",
                    "conference.date",
                )
            )
    return problems


def _check_children(children: tuple[Child, ...]) -> list[Problem]:
    return [
        _error(
            "child.participation_reason_missing",
            f"The reason {child_name(child)} is not taking part is missing.",
            f"children[{i}].participation_reason",
        )
        for i, child in enumerate(children)
        if child.participation is ChildParticipation.NOT_TAKING_PART
        and _blank(child.participation_reason)
    ]


def _check_participants(participants: tuple[Participant, ...]) -> list[Problem]:
    problems = []
    for i, person in enumerate(participants):
        path = f"participants[{i}]"
        name = _person_name(person)
        subject = _person_name(person, start=True)
        shared, received = person.report_shared_with_family, person.report_received
        if shared is not None and received is None:
            problems.append(
                _error(
                    "participant.report_not_received",
                    f"{subject}'s report is marked as shared with the family but the date it "
                    "was received is missing.",
                    f"{path}.report_received",
                )
            )
        elif shared is not None and received is not None and shared < received:
            problems.append(
                _error(
                    "participant.report_shared_before_received",
                    f"{subject}'s report is shown as shared with the family on "
                    f"{plain_date(shared)}, before it was received on {plain_date(received)}.",
                    f"{path}.report_shared_with_family",
                )
            )
        # A family's solicitor may only be a supporter; a local-authority solicitor
        # advising the conference is recorded as a professional.
        if _SOLICITOR.search(person.relationship) and person.role not in (
            ParticipantRole.SUPPORTER,
            ParticipantRole.PROFESSIONAL,
        ):
            problems.append(
                _error(
                    "participant.solicitor_not_supporter",
                    f"{subject} is a solicitor and must be recorded with the role of supporter.",
                    f"{path}.role",
                )
            )
        for j, event in enumerate(person.attendance):
            if event.kind is not AttendanceKind.EXCLUDED:
                continue
            if event.grounds is None:
                problems.append(
                    _error(
                        "participant.exclusion_grounds_missing",
                        f"The grounds for excluding {name} are missing.",
                        f"{path}.attendance[{j}].grounds",
                    )
                )
            if event.until is not None and event.until <= event.at:
                problems.append(
                    _error(
                        "participant.exclusion_ends_before_start",
                        f"The exclusion of {name} ends before it starts.",
                        f"{path}.attendance[{j}].until",
                    )
                )
    return problems


def _check_report_sharing(
    conference: Conference,
    participants: tuple[Participant, ...],
    params: TimescaleParams,
    calendar: WorkingCalendar,
) -> list[Problem]:
    """Warn when a report reached the family later than the profile asks (item 14)."""
    review = conference.type is ConferenceType.REVIEW
    needed = (
        params.report_shared_before_review_days
        if review
        else params.report_shared_before_initial_days
    )
    problems = []
    for i, person in enumerate(participants):
        shared = person.report_shared_with_family
        if shared is None:
            continue
        if params.unit is DayUnit.WORKING:
            ahead = calendar.working_days_between(shared, conference.date)
        else:
            ahead = (conference.date - shared).days
        if ahead < needed:
            unit = "working days" if params.unit is DayUnit.WORKING else "days"
            problems.append(
                _warning(
                    "participant.report_shared_late",
                    f"{_person_name(person, start=True)}'s report was shared with the family "
                    f"on {plain_date(shared)}, {max(ahead, 0)} {unit} before the conference; "
                    f"it should be shared at least {needed} {unit} before.",
                    f"participants[{i}].report_shared_with_family",
                )
            )
    return problems


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

    Raises:
        ValueError: the decision is about a different child.
    """
    if decision.child_id != child.id:
        raise ValueError(f"decision {decision.id} is not about child {child.id}")
    people = {person.id: person for person in participants}
    outcome = decision.outcome
    problems = [*_check_threshold(decision, path)]
    if outcome is None:
        problems.append(
            _error("decision.outcome_missing", "The decision is missing.", f"{path}.outcome")
        )
    elif outcome is Outcome.CP_PLAN:
        new_plan = conference.type is not ConferenceType.REVIEW or (
            previous_outcome is not None and previous_outcome is not Outcome.CP_PLAN
        )
        problems += _check_categories(decision, tuple(allowed_categories), path)
        problems += _check_plan_people(decision, people, path)
        problems += _check_plan_dates(decision, conference, child, params, calendar, new_plan, path)
        if _blank(decision.contingency_plan):
            problems.append(
                _error(
                    "decision.contingency_missing",
                    "The contingency plan is missing.",
                    f"{path}.contingency_plan",
                )
            )
        problems += _check_pre_birth_plan(conference, child, params, path)
    elif outcome is Outcome.END_PLAN:
        problems += _check_end_plan(decision, conference, previous_outcome, quorum, path)
    elif outcome is Outcome.ADMINISTRATIVE_END:
        problems += _check_administrative_end(decision, path)
    problems += _check_actions(decision, path)
    problems += _check_views_and_dissent(decision, people, path)
    return tuple(problems)


def _check_threshold(decision: Decision, path: str) -> list[Problem]:
    outcome = decision.outcome
    if outcome in (Outcome.ADJOURN, Outcome.ADMINISTRATIVE_END):
        return []  # no threshold judgement is made
    met = decision.threshold_met
    if met is None:
        return [
            _error(
                "decision.threshold_missing",
                "The answer to whether the threshold for a child protection plan is met "
                "is missing.",
                f"{path}.threshold_met",
            )
        ]
    if (met and outcome in _THRESHOLD_NOT_MET) or (not met and outcome in _THRESHOLD_MET):
        return [
            _error(
                "decision.threshold_outcome_mismatch",
                "The decision does not match the answer on whether the threshold is met.",
                f"{path}.outcome",
            )
        ]
    return []


def _check_categories(decision: Decision, allowed: tuple[str, ...], path: str) -> list[Problem]:
    problems = []
    if not decision.categories:
        problems.append(
            _error(
                "decision.category_missing",
                "At least one category is needed for a child protection plan.",
                f"{path}.categories",
            )
        )
    for i, category in enumerate(decision.categories):
        if category not in allowed:
            problems.append(
                _error(
                    "decision.category_not_allowed",
                    f"The category “{category}” is not one this profile allows.",
                    f"{path}.categories[{i}]",
                )
            )
    primary = decision.primary_category
    if primary is not None and primary not in decision.categories:
        problems.append(
            _error(
                "decision.primary_category_not_chosen",
                f"The primary category “{primary}” is not among the categories chosen.",
                f"{path}.primary_category",
            )
        )
    return problems


def _check_plan_people(
    decision: Decision, people: Mapping[str, Participant], path: str
) -> list[Problem]:
    problems = []
    lead_id = decision.lead_social_worker_id
    lead = None if lead_id is None else people.get(lead_id)
    if lead_id is None:
        problems.append(
            _error(
                "decision.lead_social_worker_missing",
                "The lead social worker is missing.",
                f"{path}.lead_social_worker_id",
            )
        )
    elif lead is None:
        problems.append(
            _error(
                "decision.lead_social_worker_not_participant",
                "The lead social worker is not among the conference participants.",
                f"{path}.lead_social_worker_id",
            )
        )
    elif lead.role is not ParticipantRole.SOCIAL_WORKER:
        problems.append(
            _warning(
                "decision.lead_not_social_worker",
                f"The lead social worker, {_person_name(lead)}, is not recorded with the "
                "role of social worker.",
                f"{path}.lead_social_worker_id",
            )
        )
    if not decision.core_group:
        problems.append(
            _warning(
                "decision.core_group_empty",
                "No core group members are named.",
                f"{path}.core_group",
            )
        )
    for i, member in enumerate(decision.core_group):
        if member not in people:
            problems.append(
                _error(
                    "decision.core_group_member_unknown",
                    "A core group member is not among the conference participants.",
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
            what="the first core group",
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
        what="the review conference",
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
            _error(
                f"{code}_date_missing",
                f"The date of {what} is missing.",
                f"{path}.{date_field}",
            ),
        )
    if when <= conference_date:
        return (
            _error(
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
        _warning(
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
    path: str,
) -> list[Problem]:
    problems = []
    if conference.type is not ConferenceType.REVIEW:
        problems.append(
            _error(
                "decision.end_plan_not_at_review",
                "A plan can only be ended at a review conference.",
                f"{path}.outcome",
            )
        )
    if previous_outcome is not None and previous_outcome is not Outcome.CP_PLAN:
        problems.append(
            _error(
                "decision.no_plan_to_end",
                "The child had no child protection plan at the previous conference to end.",
                f"{path}.outcome",
            )
        )
    if _blank(decision.reason):
        problems.append(
            _error(
                "decision.end_plan_reason_missing",
                "The reason for ending the plan is missing.",
                f"{path}.reason",
            )
        )
    if conference.review_number == 1:
        problems.append(
            _warning(
                "decision.end_plan_first_review",
                "A plan is not normally ended at the first review unless every action is "
                "shown to be complete or the circumstances are exceptional.",
                f"{path}.outcome",
            )
        )
    if quorum is not None and not quorum.quorate:
        problems.append(
            _warning(
                "decision.end_plan_inquorate",
                "The conference is not quorate, and a plan should only be ended by a "
                "quorate conference.",
                f"{path}.outcome",
            )
        )
    return problems


def _check_administrative_end(decision: Decision, path: str) -> list[Problem]:
    problems = []
    if decision.ending is None:
        problems.append(
            _error(
                "decision.ending_missing",
                "The reason for the administrative ending is missing.",
                f"{path}.ending",
            )
        )
    if decision.ending_date is None:
        problems.append(
            _error(
                "decision.ending_date_missing",
                "The date of the administrative ending is missing.",
                f"{path}.ending_date",
            )
        )
    return problems


def _check_actions(decision: Decision, path: str) -> list[Problem]:
    problems = []
    for i, action in enumerate(decision.actions):
        where = f"{path}.actions[{i}]"
        if _blank(action.action):
            problems.append(
                _error(
                    "decision.action_text_missing",
                    f"Plan action {i + 1} does not say what is to be done.",
                    f"{where}.action",
                )
            )
        if _blank(action.owner):
            problems.append(
                _error(
                    "decision.action_owner_missing",
                    f"Plan action {i + 1} has no owner.",
                    f"{where}.owner",
                )
            )
        if action.due_date is None:
            problems.append(
                _error(
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
                _error(
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
                _warning(
                    "decision.dissent_not_recorded",
                    f"{_person_name(person, start=True)}'s view differs from the decision "
                    "and no dissent is recorded for them.",
                    f"{path}.dissents",
                )
            )
    for i, dissent in enumerate(decision.dissents):
        if dissent.participant_id not in people:
            problems.append(
                _error(
                    "decision.dissent_participant_unknown",
                    "A dissent is recorded for someone who is not a conference participant.",
                    f"{path}.dissents[{i}].participant_id",
                )
            )
        if _blank(dissent.reasons):
            problems.append(
                _error(
                    "decision.dissent_reasons_missing",
                    "The reasons for a recorded dissent are missing.",
                    f"{path}.dissents[{i}].reasons",
                )
            )
    return problems


def _person_name(person: Participant, *, start: bool = False) -> str:
    """The participant's name, or a description when it is blank."""
    return person.name.strip() or ("An unnamed participant" if start else "an unnamed participant")
