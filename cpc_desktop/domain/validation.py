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
from collections.abc import Iterable
from datetime import date

from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.conference import Child, Conference, Participant
from cpc_desktop.domain.dates import plain_date
from cpc_desktop.domain.decision_checks import (
    MULTIPLE_CATEGORIES,
    check_decision,
    derived_cin_category,
)
from cpc_desktop.domain.enums import (
    AttendanceKind,
    ChildParticipation,
    ConferenceStatus,
    ConferenceType,
    DayUnit,
    ParticipantRole,
)
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.problems import (
    Place,
    Problem,
    Severity,
    blank,
    can_finalise,
    check_inquorate_reason,
    check_timescale,
    error,
    person_name,
    place_of,
    warning,
)
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.terms import Terms
from cpc_desktop.domain.timescales import (
    TimescaleParams,
    conference_due,
    pre_birth_timing,
)

__all__ = [
    "MULTIPLE_CATEGORIES",
    "Place",
    "Problem",
    "Severity",
    "can_finalise",
    "check_conference",
    "check_decision",
    "check_inquorate_reason",
    "check_timescale",
    "derived_cin_category",
    "place_of",
]

_SOLICITOR = re.compile(r"\bsolicitors?\b", re.IGNORECASE)


# --- the conference ----------------------------------------------------------------


def check_conference(
    conference: Conference,
    children: Iterable[Child],
    participants: Iterable[Participant],
    params: TimescaleParams,
    calendar: WorkingCalendar,
    quorum: QuorumResult | None = None,
    terms: Terms | None = None,
) -> tuple[Problem, ...]:
    """Check the conference record: dates, timescales, children and participants.

    Args:
        quorum: the quorum when the conference went (or is going) ahead; leave it
            out when the conference did not proceed.
        terms: the profile's words, so that the messages name the meeting that starts
            the clock as the nation does (Scotland's inter-agency referral discussion);
            left out, England's "strategy discussion".
    """
    children = tuple(children)
    strategy = "strategy discussion" if terms is None else terms.strategy_discussion.lower()
    problems = [
        *_check_anchor_dates(conference, strategy),
        *_check_conference_timing(conference, children, params, calendar),
        *_check_pre_birth(conference, children, params),
        *_check_children(children),
        *_check_participants(tuple(participants)),
        *_check_report_sharing(conference, tuple(participants), params, calendar),
    ]
    # An adjourned conference made no decision, so it gave no reason for going ahead.
    adjourned = conference.adjourned_for is not None or (
        conference.status is ConferenceStatus.ADJOURNED
    )
    if quorum is not None and not adjourned:
        problems += check_inquorate_reason(quorum, conference.quorum_reason)
        if not quorum.quorate and conference.reconvene_of is not None:
            problems.append(
                warning(
                    "conference.second_inquorate",
                    "This reconvened conference is not quorate either, and two inquorate "
                    "conferences in a row should be avoided.",
                    "conference.quorum_reason",
                )
            )
    return tuple(problems)


def _check_anchor_dates(conference: Conference, strategy: str) -> list[Problem]:
    """The dates the timescales run from; ``strategy`` is the profile's name for the
    strategy discussion, in running text."""
    anchors = (
        ("strategy_discussion_date", strategy),
        ("last_strategy_discussion_date", f"later {strategy}"),
        ("transfer_notice_date", "written transfer notice"),
        ("previous_conference_date", "previous conference"),
    )
    problems = []
    kind = conference.type
    if kind in (ConferenceType.INITIAL, ConferenceType.PRE_BIRTH) and (
        conference.strategy_discussion_date is None
    ):
        problems.append(
            error(
                "conference.strategy_discussion_missing",
                f"The date of the {strategy} is missing.",
                "conference.strategy_discussion_date",
            )
        )
    if kind is ConferenceType.TRANSFER_IN and conference.transfer_notice_date is None:
        problems.append(
            error(
                "conference.transfer_notice_missing",
                "The date the written transfer notice was received is missing.",
                "conference.transfer_notice_date",
            )
        )
    if conference.previous_conference_date is None and (
        kind is ConferenceType.REVIEW or conference.reconvene_of is not None
    ):
        problems.append(
            error(
                "conference.previous_conference_missing",
                "The date of the previous conference is missing.",
                "conference.previous_conference_date",
            )
        )
    for field_name, label in anchors:
        anchor: date | None = getattr(conference, field_name)
        if anchor is not None and anchor > conference.date:
            problems.append(
                error(
                    f"conference.{field_name}_after_conference",
                    f"The {label} date, {plain_date(anchor)}, is after the conference "
                    f"date of {plain_date(conference.date)}.",
                    f"conference.{field_name}",
                )
            )
    first, last = conference.strategy_discussion_date, conference.last_strategy_discussion_date
    if first is not None and last is not None and last < first:
        problems.append(
            error(
                "conference.last_strategy_discussion_before_first",
                f"The later {strategy}, {plain_date(last)}, is before the first one "
                f"on {plain_date(first)}.",
                "conference.last_strategy_discussion_date",
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
                error(
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
                warning(
                    "conference.pre_birth_late",
                    f"The pre-birth conference falls at {timing.gestation} weeks' gestation, "
                    f"later than the {params.pre_birth_latest_week} weeks the procedures allow.",
                    "conference.date",
                )
            )
        if timing.too_early:
            problems.append(
                warning(
                    "conference.pre_birth_early",
                    f"The pre-birth conference falls at {timing.gestation} weeks' gestation, "
                    f"before the {params.pre_birth_earliest_week} weeks the procedures expect.",
                    "conference.date",
                )
            )
    return problems


def _check_children(children: tuple[Child, ...]) -> list[Problem]:
    return [
        error(
            "child.participation_reason_missing",
            f"The reason {child_name(child)} is not taking part is missing.",
            f"children[{i}].participation_reason",
        )
        for i, child in enumerate(children)
        if child.participation is ChildParticipation.NOT_TAKING_PART
        and blank(child.participation_reason)
    ]


def _check_participants(participants: tuple[Participant, ...]) -> list[Problem]:
    problems = []
    for i, person in enumerate(participants):
        path = f"participants[{i}]"
        name = person_name(person)
        subject = person_name(person, start=True)
        shared, received = person.report_shared_with_family, person.report_received
        if shared is not None and received is None:
            problems.append(
                error(
                    "participant.report_not_received",
                    f"{subject}'s report is marked as shared with the family but the date it "
                    "was received is missing.",
                    f"{path}.report_received",
                )
            )
        elif shared is not None and received is not None and shared < received:
            problems.append(
                error(
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
                error(
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
                    error(
                        "participant.exclusion_grounds_missing",
                        f"The grounds for excluding {name} are missing.",
                        f"{path}.attendance[{j}].grounds",
                    )
                )
            if event.until is not None and event.until <= event.at:
                problems.append(
                    error(
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
                warning(
                    "participant.report_shared_late",
                    f"{person_name(person, start=True)}'s report was shared with the family "
                    f"on {plain_date(shared)}, {max(ahead, 0)} {unit} before the conference; "
                    f"it should be shared at least {needed} {unit} before.",
                    f"participants[{i}].report_shared_with_family",
                )
            )
    return problems
