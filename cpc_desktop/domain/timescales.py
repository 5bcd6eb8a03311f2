"""When conferences, core groups, reviews, letters and minutes fall due.

Every rule is a pure function of explicit dates and numbers; "today" is always an
argument. The numbers come from the profile through :class:`TimescaleParams`, whose
defaults are England's (domain reference §2 and §6). A Scottish profile counts in
calendar days (``unit=DayUnit.CALENDAR``, e.g. 28 days to the initial meeting).

Sources for the defaults: initial conference within 15 working days of the strategy
discussion; transfer-in within 15 working days of written notice; first core group
within 10 working days; first review within 3 months, later ones within 6; an
inquorate conference reconvened within 10 working days; decision letter next working
day; full minutes within 15 working days; pre-birth conference from 12 weeks and by
34 weeks' gestation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, timedelta

from cpc_desktop.domain.calendar import WorkingCalendar, add_days, add_months
from cpc_desktop.domain.conference import Child, Conference
from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType, DayUnit, StrategyAnchor

#: Days from the first day of the last menstrual period to the expected date of
#: delivery: gestation is counted from EDD minus this.
GESTATION_AT_EDD_DAYS = 280

_NOT_YET_HELD = frozenset({ConferenceStatus.SCHEDULED, ConferenceStatus.ADJOURNED})


@dataclass(frozen=True)
class TimescaleParams:
    """The numbers a profile sets for its timescales (defaults: England).

    Attributes:
        unit: whether the day counts below are working or calendar days.
        initial_conference_days: strategy discussion to initial conference.
        transfer_in_days: written notice received to transfer-in conference.
        first_core_group_days: initial conference to first core group.
        reconvene_days: inquorate conference to its reconvened meeting.
        decision_letter_days: conference to the chair's decision letter.
        minutes_days: conference to the full minutes (15 or 20 in England).
        first_review_months: plan start to first review.
        first_review_calendar_days: if set, the first review is this many calendar
            days after the plan starts instead (e.g. 90).
        pre_birth_first_review_months: if set, a plan made while a baby is unborn is
            first reviewed within this many months (Scotland: 3), not the usual first
            review's.
        later_review_months: one review to the next.
        post_birth_review_days: if set, a baby born after a pre-birth conference is
            reviewed by this many days after birth, when that is sooner.
        pre_birth_earliest_week: a pre-birth conference before this week of
            gestation is early.
        pre_birth_latest_week: a pre-birth conference after this week is late
            (28 in Scotland).
        pre_birth_no_plan_before_week: if set, a plan made before this week of
            gestation is flagged (24 in some profiles).
        report_shared_before_initial_days: reports reach the family at least this
            many days before an initial (or pre-birth, transfer-in) conference.
        report_shared_before_review_days: the same before a review.
        strategy_anchor: when there was more than one strategy discussion, which one
            starts the clock for an initial conference unless the conference says
            (domain.md §10 item 2).
    """

    unit: DayUnit = DayUnit.WORKING
    initial_conference_days: int = 15
    transfer_in_days: int = 15
    first_core_group_days: int = 10
    reconvene_days: int = 10
    decision_letter_days: int = 1
    minutes_days: int = 15
    first_review_months: int = 3
    first_review_calendar_days: int | None = None
    pre_birth_first_review_months: int | None = None
    later_review_months: int = 6
    post_birth_review_days: int | None = 20
    pre_birth_earliest_week: int = 12
    pre_birth_latest_week: int = 34
    pre_birth_no_plan_before_week: int | None = None
    report_shared_before_initial_days: int = 3
    report_shared_before_review_days: int = 5
    strategy_anchor: StrategyAnchor = StrategyAnchor.INITIATED

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int) and value < 0:
                raise ValueError(f"{f.name} must not be negative (got {value})")


# --- single rules --------------------------------------------------------------


def initial_conference_due(
    strategy_discussion: date,
    calendar: WorkingCalendar,
    *,
    days: int = 15,
    unit: DayUnit = DayUnit.WORKING,
) -> date:
    """Latest date for an initial (or pre-birth) conference after the strategy discussion."""
    return add_days(strategy_discussion, days, unit, calendar)


def transfer_in_due(
    notice_received: date,
    calendar: WorkingCalendar,
    *,
    days: int = 15,
    unit: DayUnit = DayUnit.WORKING,
) -> date:
    """Latest date for a transfer-in conference, counted from receipt of written notice."""
    return add_days(notice_received, days, unit, calendar)


def first_core_group_due(
    conference_date: date,
    calendar: WorkingCalendar,
    *,
    days: int = 10,
    unit: DayUnit = DayUnit.WORKING,
) -> date:
    """Latest date for the first core group after the conference that made the plan."""
    return add_days(conference_date, days, unit, calendar)


def reconvene_due(
    inquorate_date: date,
    calendar: WorkingCalendar,
    *,
    days: int = 10,
    unit: DayUnit = DayUnit.WORKING,
) -> date:
    """Latest date to reconvene a conference that could not go ahead for want of quorum."""
    return add_days(inquorate_date, days, unit, calendar)


def decision_letter_due(
    conference_date: date,
    calendar: WorkingCalendar,
    *,
    days: int = 1,
    unit: DayUnit = DayUnit.WORKING,
) -> date:
    """Latest date to send the chair's decision letter."""
    return add_days(conference_date, days, unit, calendar)


def minutes_due(
    conference_date: date,
    calendar: WorkingCalendar,
    *,
    days: int = 15,
    unit: DayUnit = DayUnit.WORKING,
) -> date:
    """Latest date to issue the full minutes."""
    return add_days(conference_date, days, unit, calendar)


def first_review_due(
    conference_date: date, *, months: int = 3, calendar_days: int | None = None
) -> date:
    """Latest date for the first review: ``months`` later (clamped), or ``calendar_days``."""
    if calendar_days is not None:
        return conference_date + timedelta(days=calendar_days)
    return add_months(conference_date, months)


def later_review_due(previous_review: date, *, months: int = 6) -> date:
    """Latest date for the review after ``previous_review`` (month-end clamped)."""
    return add_months(previous_review, months)


def post_birth_review_due(
    conference_date: date,
    birth: date | None,
    calendar: WorkingCalendar,
    *,
    months: int = 3,
    days: int = 20,
    unit: DayUnit = DayUnit.WORKING,
) -> date:
    """First review after a pre-birth conference: the sooner of conference + ``months``
    and birth + ``days`` (just the former while the baby is unborn)."""
    by_months = add_months(conference_date, months)
    if birth is None:
        return by_months
    return min(by_months, add_days(birth, days, unit, calendar))


def is_overdue(due: date, today: date, done_on: date | None = None) -> bool:
    """Return whether something due on ``due`` is late.

    If it was done (``done_on``), it is late when done after the due date;
    otherwise it is late once ``today`` is past the due date.
    """
    return (today if done_on is None else done_on) > due


def proposed_day(limit: date, calendar: WorkingCalendar, *, after: date) -> date:
    """The day to propose for something due by ``limit``: a working day, never later.

    A limit on a weekend or bank holiday moves *earlier*, to the last working day
    before it: "within three months" ending on Easter Monday is proposed for the
    Thursday before, never the Tuesday after. If no working day lies between ``after``
    (the conference) and the limit, or the calendar does not reach it, the limit stands.
    """
    if not calendar.covers(limit) or not calendar.covers(after):
        return limit
    day = calendar.working_day_on_or_before(limit)
    return day if day > after else limit


def non_working(d: date, calendar: WorkingCalendar) -> str | None:
    """Why ``d`` is not a working day ("a Sunday", "a bank holiday"), or ``None``."""
    if d.weekday() >= 5:
        return "a Saturday" if d.weekday() == 5 else "a Sunday"
    if calendar.covers(d) and not calendar.is_working_day(d):
        return "a bank holiday"
    return None


# --- pre-birth -----------------------------------------------------------------


@dataclass(frozen=True)
class Gestation:
    """A length of pregnancy in days since gestation day 0 (EDD − 280 days)."""

    days: int

    @property
    def weeks(self) -> int:
        """Completed weeks."""
        return self.days // 7

    def __str__(self) -> str:
        """The usual obstetric notation, e.g. ``33+4``."""
        return f"{self.weeks}+{self.days % 7}"


def gestation_on(expected_delivery: date, on: date) -> Gestation:
    """Gestation reached on ``on`` for a pregnancy due on ``expected_delivery``."""
    return Gestation((on - expected_delivery).days + GESTATION_AT_EDD_DAYS)


@dataclass(frozen=True)
class PreBirthTiming:
    """Where a pre-birth conference falls in the pregnancy.

    Attributes:
        gestation: gestation on the conference date.
        too_early: before the earliest week the profile allows.
        too_late: after the latest week the profile allows (any day past
            ``latest_week + 0`` counts as after).
    """

    gestation: Gestation
    too_early: bool
    too_late: bool


def pre_birth_timing(
    expected_delivery: date,
    conference_date: date,
    *,
    earliest_week: int = 12,
    latest_week: int = 34,
) -> PreBirthTiming:
    """Check a pre-birth conference date against the profile's gestation window."""
    gestation = gestation_on(expected_delivery, conference_date)
    return PreBirthTiming(
        gestation=gestation,
        too_early=gestation.days < earliest_week * 7,
        too_late=gestation.days > latest_week * 7,
    )


def plan_too_early(
    expected_delivery: date, conference_date: date, earliest_week: int | None
) -> bool:
    """Return whether a plan made on ``conference_date`` precedes ``earliest_week``.

    ``earliest_week=None`` means the profile sets no such limit.
    """
    if earliest_week is None:
        return False
    return gestation_on(expected_delivery, conference_date).days < earliest_week * 7


# --- whole conferences -----------------------------------------------------------


def first_review_after(
    plan_start: date,
    children: Iterable[Child],
    params: TimescaleParams,
    calendar: WorkingCalendar,
) -> date:
    """First review due after a plan starts on ``plan_start``.

    A child born on or after ``plan_start`` was unborn when the plan was made, so
    the post-birth rule applies to them when the profile sets one; a baby still unborn
    follows the profile's pre-birth first review if it sets one; the earliest date over
    all children wins.
    """
    children = tuple(children)
    due = first_review_due(
        plan_start,
        months=params.first_review_months,
        calendar_days=params.first_review_calendar_days,
    )
    unborn = any(
        c.date_of_birth is None and c.expected_date_of_delivery is not None for c in children
    )
    if unborn and params.pre_birth_first_review_months is not None:
        due = min(due, add_months(plan_start, params.pre_birth_first_review_months))
    if params.post_birth_review_days is None:
        return due
    for child in children:
        if child.date_of_birth is not None and child.date_of_birth >= plan_start:
            after_birth = add_days(
                child.date_of_birth, params.post_birth_review_days, params.unit, calendar
            )
            due = min(due, after_birth)
    return due


def conference_due(
    conference: Conference,
    children: Iterable[Child],
    params: TimescaleParams,
    calendar: WorkingCalendar,
) -> date | None:
    """Latest date this conference should be held, or ``None`` if its anchor is unknown.

    A reconvened conference counts from the inquorate one
    (``previous_conference_date``); an initial or pre-birth conference from the
    strategy discussion; a transfer-in from the written notice; a review from the
    previous conference (first review when ``review_number <= 1``).
    """
    unit = params.unit
    if conference.reconvene_of is not None:
        if conference.previous_conference_date is None:
            return None
        return reconvene_due(
            conference.previous_conference_date,
            calendar,
            days=params.reconvene_days,
            unit=unit,
        )
    if conference.type is ConferenceType.TRANSFER_IN:
        if conference.transfer_notice_date is None:
            return None
        return transfer_in_due(
            conference.transfer_notice_date, calendar, days=params.transfer_in_days, unit=unit
        )
    if conference.type is ConferenceType.REVIEW:
        previous = conference.previous_conference_date
        if previous is None:
            return None
        if conference.review_number <= 1:
            return first_review_after(previous, children, params, calendar)
        return later_review_due(previous, months=params.later_review_months)
    start = clock_start(conference, params)
    if start is None:
        return None
    return initial_conference_due(
        start,
        calendar,
        days=params.initial_conference_days,
        unit=unit,
    )


def strategy_anchor(conference: Conference, params: TimescaleParams) -> StrategyAnchor:
    """Which strategy discussion starts an initial conference's clock: the conference's
    own choice, or the profile's default."""
    return conference.strategy_anchor or params.strategy_anchor


def clock_start(conference: Conference, params: TimescaleParams) -> date | None:
    """The strategy discussion an initial (or pre-birth) conference counts from.

    With one discussion recorded it is that one; with a later one as well, the one the
    anchor names (:func:`strategy_anchor`). ``None`` when neither date is recorded.
    """
    first, last = conference.strategy_discussion_date, conference.last_strategy_discussion_date
    if last is not None and (
        first is None or strategy_anchor(conference, params) is StrategyAnchor.LAST
    ):
        return last
    return first


def next_review_due(
    conference: Conference,
    children: Iterable[Child],
    params: TimescaleParams,
    calendar: WorkingCalendar,
) -> date:
    """Latest date for the review that follows this conference, if a plan continues."""
    if conference.type is ConferenceType.REVIEW:
        return later_review_due(conference.date, months=params.later_review_months)
    return first_review_after(conference.date, children, params, calendar)


@dataclass(frozen=True)
class DueDates:
    """Every deadline that hangs on one conference, with flags against "today".

    Attributes:
        conference_due: latest date for the conference itself (``None`` when its
            anchor date is not recorded).
        conference_late: the conference is scheduled after ``conference_due``.
        conference_overdue: ``conference_due`` has passed and the conference has
            not been held (scheduled or adjourned).
        next_review_due: latest date of the next review (``None`` once the conference
            has concluded leaving no child on a plan: the plan ended, or none was made).
        first_core_group_due: latest date of the first core group (``None`` at a
            review, where the core group already meets).
        decision_letter_due: latest date for the decision letter.
        decision_letter_overdue: the conference is concluded and the letter was
            sent late, or is unsent past its due date.
        minutes_due: latest date for the full minutes.
        minutes_overdue: as ``decision_letter_overdue``, for the minutes.
        pre_birth_late: for a pre-birth conference later in the pregnancy than the
            profile allows, the gestation it falls at (the furthest on, if several
            babies are expected); else ``None``.
    """

    conference_due: date | None
    conference_late: bool
    conference_overdue: bool
    next_review_due: date | None
    first_core_group_due: date | None
    decision_letter_due: date
    decision_letter_overdue: bool
    minutes_due: date
    minutes_overdue: bool
    pre_birth_late: Gestation | None = None


def late_pre_birth(
    conference: Conference, children: Iterable[Child], params: TimescaleParams
) -> Gestation | None:
    """The gestation a pre-birth conference falls at, when later than the profile allows."""
    if conference.type is not ConferenceType.PRE_BIRTH:
        return None
    late = [
        timing.gestation
        for child in children
        if child.date_of_birth is None and child.expected_date_of_delivery is not None
        for timing in (
            pre_birth_timing(
                child.expected_date_of_delivery,
                conference.date,
                earliest_week=params.pre_birth_earliest_week,
                latest_week=params.pre_birth_latest_week,
            ),
        )
        if timing.too_late
    ]
    return max(late, key=lambda g: g.days, default=None)


def due_dates(
    conference: Conference,
    children: Iterable[Child],
    params: TimescaleParams,
    calendar: WorkingCalendar,
    today: date,
    *,
    decision_letter_sent: date | None = None,
    minutes_issued: date | None = None,
    plan_ended: bool = False,
) -> DueDates:
    """Work out every deadline of ``conference`` and whether each is overdue on ``today``.

    ``plan_ended``: the conference's decisions leave no child on a plan, so once it has
    concluded no review is due."""
    children = tuple(children)
    unit = params.unit
    due = conference_due(conference, children, params, calendar)
    concluded = conference.status is ConferenceStatus.CONCLUDED
    letter_due = decision_letter_due(
        conference.date, calendar, days=params.decision_letter_days, unit=unit
    )
    minutes_by = minutes_due(conference.date, calendar, days=params.minutes_days, unit=unit)
    core_group_due = None
    if conference.type is not ConferenceType.REVIEW:
        core_group_due = first_core_group_due(
            conference.date, calendar, days=params.first_core_group_days, unit=unit
        )
    return DueDates(
        conference_due=due,
        conference_late=due is not None and conference.date > due,
        conference_overdue=(
            due is not None and conference.status in _NOT_YET_HELD and is_overdue(due, today)
        ),
        next_review_due=(
            None
            if plan_ended and concluded
            else next_review_due(conference, children, params, calendar)
        ),
        first_core_group_due=core_group_due,
        decision_letter_due=letter_due,
        decision_letter_overdue=concluded and is_overdue(letter_due, today, decision_letter_sent),
        minutes_due=minutes_by,
        minutes_overdue=concluded and is_overdue(minutes_by, today, minutes_issued),
        pre_birth_late=late_pre_birth(conference, children, params),
    )
