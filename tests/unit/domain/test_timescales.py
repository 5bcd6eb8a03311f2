"""Timescales: when conferences, core groups, reviews, letters and minutes fall due."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpc_desktop.domain.calendar import add_months, uk_calendar
from cpc_desktop.domain.conference import Child, Conference
from cpc_desktop.domain.enums import (
    ConferenceStatus,
    ConferenceType,
    DayUnit,
    Division,
    StrategyAnchor,
)
from cpc_desktop.domain.timescales import (
    DueDates,
    Gestation,
    TimescaleParams,
    clock_start,
    conference_due,
    decision_letter_due,
    due_dates,
    first_core_group_due,
    first_review_after,
    first_review_due,
    gestation_on,
    initial_conference_due,
    is_overdue,
    later_review_due,
    minutes_due,
    next_review_due,
    plan_too_early,
    post_birth_review_due,
    pre_birth_timing,
    reconvene_due,
    transfer_in_due,
)

#: A day-count rule: (start, calendar, *, days=..., unit=...) -> due date.
Rule = Callable[..., date]

ENG = uk_calendar(Division.ENGLAND_AND_WALES, 2024, 2028)
SCT = uk_calendar(Division.SCOTLAND, 2024, 2028)
ENGLAND = TimescaleParams()
SCOTLAND = TimescaleParams(
    unit=DayUnit.CALENDAR,
    initial_conference_days=28,
    transfer_in_days=21,
    first_review_months=6,
    pre_birth_latest_week=28,
)

ICPC = Conference(
    id="c1",
    reference="CPC-1",
    type=ConferenceType.INITIAL,
    status=ConferenceStatus.SCHEDULED,
    date=date(2026, 1, 12),
    strategy_discussion_date=date(2025, 12, 18),
)
CHILD = Child(id="k1", given_name="Ada", family_name="Smith", date_of_birth=date(2019, 5, 4))


# --- parameters ----------------------------------------------------------------------


def test_england_defaults() -> None:
    assert ENGLAND.unit is DayUnit.WORKING
    assert (ENGLAND.initial_conference_days, ENGLAND.transfer_in_days) == (15, 15)
    assert (ENGLAND.first_core_group_days, ENGLAND.reconvene_days) == (10, 10)
    assert (ENGLAND.decision_letter_days, ENGLAND.minutes_days) == (1, 15)
    assert (ENGLAND.first_review_months, ENGLAND.later_review_months) == (3, 6)
    assert ENGLAND.first_review_calendar_days is None
    assert (ENGLAND.pre_birth_earliest_week, ENGLAND.pre_birth_latest_week) == (12, 34)
    assert ENGLAND.pre_birth_no_plan_before_week is None


def test_negative_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="minutes_days must not be negative"):
        TimescaleParams(minutes_days=-1)
    with pytest.raises(ValueError, match="post_birth_review_days"):
        TimescaleParams(post_birth_review_days=-5)


# --- single rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "start", "kwargs", "expected"),
    [
        # Thursday 18 Dec 2025: skips 25, 26 Dec and 1 Jan.
        (initial_conference_due, date(2025, 12, 18), {}, date(2026, 1, 13)),
        (
            initial_conference_due,
            date(2025, 12, 18),
            {"days": 28, "unit": DayUnit.CALENDAR},
            date(2026, 1, 15),
        ),
        (transfer_in_due, date(2025, 4, 10), {}, date(2025, 5, 6)),  # Easter and May Day
        (
            transfer_in_due,
            date(2025, 4, 10),
            {"days": 21, "unit": DayUnit.CALENDAR},
            date(2025, 5, 1),
        ),
        (first_core_group_due, date(2025, 12, 15), {}, date(2025, 12, 31)),
        (reconvene_due, date(2025, 5, 1), {}, date(2025, 5, 16)),  # over the May holiday
        (decision_letter_due, date(2025, 4, 17), {}, date(2025, 4, 22)),
        (decision_letter_due, date(2025, 12, 24), {}, date(2025, 12, 29)),
        (decision_letter_due, date(2025, 6, 13), {}, date(2025, 6, 16)),  # Friday to Monday
        (minutes_due, date(2025, 6, 2), {}, date(2025, 6, 23)),
        (minutes_due, date(2025, 6, 2), {"days": 20}, date(2025, 6, 30)),
    ],
)
def test_day_count_rules(rule: Rule, start: date, kwargs: dict[str, Any], expected: date) -> None:
    assert rule(start, ENG, **kwargs) == expected


@pytest.mark.parametrize(
    ("icpc", "kwargs", "expected"),
    [
        (date(2025, 1, 31), {}, date(2025, 4, 30)),
        (date(2025, 11, 30), {}, date(2026, 2, 28)),
        (date(2025, 1, 31), {"calendar_days": 90}, date(2025, 5, 1)),
        (date(2025, 6, 10), {"months": 6}, date(2025, 12, 10)),
    ],
)
def test_first_review_due(icpc: date, kwargs: dict[str, int], expected: date) -> None:
    assert first_review_due(icpc, **kwargs) == expected


def test_later_review_due_is_six_months_clamped() -> None:
    assert later_review_due(date(2025, 8, 31)) == date(2026, 2, 28)
    assert later_review_due(date(2025, 3, 3), months=4) == date(2025, 7, 3)


@pytest.mark.parametrize(
    ("birth", "expected"),
    [
        (None, date(2025, 12, 1)),  # unborn: conference + 3 months
        (date(2025, 10, 20), date(2025, 11, 17)),  # birth + 20 working days is sooner
        (date(2025, 11, 10), date(2025, 12, 1)),  # birth + 20 working days is later
    ],
)
def test_post_birth_review_is_the_sooner_date(birth: date | None, expected: date) -> None:
    assert post_birth_review_due(date(2025, 9, 1), birth, ENG) == expected


def test_post_birth_review_with_a_ten_day_rule() -> None:
    # Tees-style: ten working days after birth.
    assert post_birth_review_due(date(2025, 9, 1), date(2025, 10, 20), ENG, days=10) == date(
        2025, 11, 3
    )


@pytest.mark.parametrize(
    ("due", "today", "done", "overdue"),
    [
        (date(2025, 6, 10), date(2025, 6, 10), None, False),
        (date(2025, 6, 10), date(2025, 6, 11), None, True),
        (date(2025, 6, 10), date(2025, 6, 30), date(2025, 6, 10), False),
        (date(2025, 6, 10), date(2025, 6, 5), date(2025, 6, 11), True),
    ],
)
def test_is_overdue(due: date, today: date, done: date | None, overdue: bool) -> None:
    assert is_overdue(due, today, done) is overdue


# --- pre-birth -----------------------------------------------------------------------

EDD = date(2026, 3, 1)


def _at(weeks: int, days: int = 0) -> date:
    """The date on which a pregnancy due on EDD reaches ``weeks+days``."""
    return EDD - timedelta(days=280) + timedelta(weeks=weeks, days=days)


@pytest.mark.parametrize(
    ("on", "days", "text"),
    [
        (EDD, 280, "40+0"),
        (EDD - timedelta(days=280), 0, "0+0"),
        (EDD - timedelta(days=43), 237, "33+6"),
        (date(2025, 8, 10), 77, "11+0"),
    ],
)
def test_gestation_counts_from_edd_minus_280_days(on: date, days: int, text: str) -> None:
    gestation = gestation_on(EDD, on)
    assert gestation == Gestation(days)
    assert str(gestation) == text
    assert gestation.weeks == int(text.split("+")[0])


@pytest.mark.parametrize(
    ("on", "latest", "early", "late"),
    [
        (_at(34), 34, False, False),
        (_at(34, 1), 34, False, True),
        (_at(28, 1), 28, False, True),  # Scotland
        (_at(27, 6), 28, False, False),
        (_at(11, 6), 34, True, False),
        (_at(12), 34, False, False),
    ],
)
def test_pre_birth_timing(on: date, latest: int, early: bool, late: bool) -> None:
    timing = pre_birth_timing(EDD, on, latest_week=latest)
    assert (timing.too_early, timing.too_late) == (early, late)
    assert timing.gestation == gestation_on(EDD, on)


@pytest.mark.parametrize(
    ("on", "week", "too_early"),
    [(_at(23, 6), 24, True), (_at(24), 24, False), (_at(10), None, False)],
)
def test_plan_too_early(on: date, week: int | None, too_early: bool) -> None:
    assert plan_too_early(EDD, on, week) is too_early


# --- whole conferences ---------------------------------------------------------------


def _review(number: int, previous: date | None = date(2025, 11, 30)) -> Conference:
    return replace(
        ICPC,
        type=ConferenceType.REVIEW,
        strategy_discussion_date=None,
        previous_conference_date=previous,
        review_number=number,
    )


@pytest.mark.parametrize(
    ("conference", "expected"),
    [
        (ICPC, date(2026, 1, 13)),
        (replace(ICPC, type=ConferenceType.PRE_BIRTH), date(2026, 1, 13)),
        (replace(ICPC, strategy_discussion_date=None), None),
        (
            replace(ICPC, type=ConferenceType.TRANSFER_IN, transfer_notice_date=date(2025, 4, 10)),
            date(2025, 5, 6),
        ),
        (replace(ICPC, type=ConferenceType.TRANSFER_IN), None),
        (_review(1), date(2026, 2, 28)),
        (_review(0), date(2026, 2, 28)),  # number unknown: the stricter first-review rule
        (_review(2), date(2026, 5, 30)),
        (_review(3, previous=None), None),
        (
            replace(ICPC, reconvene_of="c0", previous_conference_date=date(2025, 5, 1)),
            date(2025, 5, 16),
        ),
        (replace(ICPC, reconvene_of="c0"), None),
    ],
)
def test_conference_due(conference: Conference, expected: date | None) -> None:
    assert conference_due(conference, (CHILD,), ENGLAND, ENG) == expected


def test_first_review_after_a_pre_birth_conference_counts_from_birth() -> None:
    baby = Child(id="k2", given_name="Baby", family_name="Smith", date_of_birth=date(2025, 12, 8))
    # Born after the pre-birth conference of 30 Nov 2025: 20 working days after birth.
    assert conference_due(_review(1), (CHILD, baby), ENGLAND, ENG) == date(2026, 1, 8)
    # Born on the day of the pre-birth conference: still counted from birth.
    same_day = replace(baby, date_of_birth=date(2025, 11, 30))
    assert conference_due(_review(1), (same_day,), ENGLAND, ENG) == date(2025, 12, 30)
    # A sibling born long before changes nothing.
    assert conference_due(_review(1), (CHILD,), ENGLAND, ENG) == date(2026, 2, 28)
    # Without a post-birth rule, only the months count.
    no_rule = replace(ENGLAND, post_birth_review_days=None)
    assert conference_due(_review(1), (baby,), no_rule, ENG) == date(2026, 2, 28)


def test_scottish_timescales_count_calendar_days() -> None:
    assert conference_due(ICPC, (), SCOTLAND, SCT) == date(2026, 1, 15)
    assert next_review_due(ICPC, (), SCOTLAND, SCT) == date(2026, 7, 12)
    transfer = replace(ICPC, type=ConferenceType.TRANSFER_IN, transfer_notice_date=date(2026, 1, 2))
    assert conference_due(transfer, (), SCOTLAND, SCT) == date(2026, 1, 23)


def test_next_review_due() -> None:
    assert next_review_due(ICPC, (CHILD,), ENGLAND, ENG) == date(2026, 4, 12)
    assert next_review_due(_review(2), (CHILD,), ENGLAND, ENG) == date(2026, 7, 12)
    ninety = replace(ENGLAND, first_review_calendar_days=90)
    june = replace(ICPC, date=date(2025, 6, 1))
    assert next_review_due(june, (), ENGLAND, ENG) == date(2025, 9, 1)
    assert next_review_due(june, (), ninety, ENG) == date(2025, 8, 30)
    pre_birth = replace(ICPC, type=ConferenceType.PRE_BIRTH)
    born_soon = Child(id="b", given_name="", family_name="", date_of_birth=date(2026, 1, 20))
    assert next_review_due(pre_birth, (CHILD, born_soon), ENGLAND, ENG) == date(2026, 2, 17)
    assert first_review_after(pre_birth.date, (born_soon,), ENGLAND, ENG) == date(2026, 2, 17)


def test_due_dates_for_a_scheduled_initial_conference() -> None:
    dues = due_dates(ICPC, (CHILD,), ENGLAND, ENG, today=date(2026, 1, 5))
    assert dues == DueDates(
        conference_due=date(2026, 1, 13),
        conference_late=False,
        conference_overdue=False,
        next_review_due=date(2026, 4, 12),
        first_core_group_due=date(2026, 1, 26),
        decision_letter_due=date(2026, 1, 13),
        decision_letter_overdue=False,
        minutes_due=date(2026, 2, 2),
        minutes_overdue=False,
    )


def test_a_late_conference_not_yet_held_is_overdue() -> None:
    late = replace(ICPC, date=date(2026, 1, 20))
    dues = due_dates(late, (CHILD,), ENGLAND, ENG, today=date(2026, 1, 14))
    assert dues.conference_late and dues.conference_overdue
    assert not dues.decision_letter_overdue  # nothing to send before the conference
    not_held = due_dates(ICPC, (CHILD,), ENGLAND, ENG, today=date(2026, 3, 1))
    assert not not_held.decision_letter_overdue and not not_held.minutes_overdue
    held = replace(late, status=ConferenceStatus.CONCLUDED)
    assert not due_dates(held, (CHILD,), ENGLAND, ENG, today=date(2026, 1, 20)).conference_overdue
    unknown = replace(ICPC, strategy_discussion_date=None)
    dues = due_dates(unknown, (), ENGLAND, ENG, today=date(2027, 1, 1))
    assert dues.conference_due is None
    assert not dues.conference_late and not dues.conference_overdue


@pytest.mark.parametrize(
    ("today", "letter_sent", "minutes_issued", "letter_late", "minutes_late"),
    [
        (date(2026, 1, 13), None, None, False, False),
        (date(2026, 1, 14), None, None, True, False),
        (date(2026, 1, 30), date(2026, 1, 13), None, False, False),
        (date(2026, 2, 3), date(2026, 1, 14), None, True, True),
        (date(2026, 3, 1), date(2026, 1, 12), date(2026, 2, 2), False, False),
        (date(2026, 3, 1), date(2026, 1, 12), date(2026, 2, 3), False, True),
    ],
)
def test_letter_and_minutes_overdue_after_a_concluded_conference(
    today: date,
    letter_sent: date | None,
    minutes_issued: date | None,
    letter_late: bool,
    minutes_late: bool,
) -> None:
    held = replace(ICPC, status=ConferenceStatus.CONCLUDED)
    dues = due_dates(
        held,
        (CHILD,),
        ENGLAND,
        ENG,
        today,
        decision_letter_sent=letter_sent,
        minutes_issued=minutes_issued,
    )
    assert (dues.decision_letter_overdue, dues.minutes_overdue) == (letter_late, minutes_late)


def test_a_review_has_no_first_core_group() -> None:
    dues = due_dates(_review(2), (CHILD,), ENGLAND, ENG, today=date(2026, 1, 1))
    assert dues.first_core_group_due is None
    assert dues.next_review_due == date(2026, 7, 12)


# --- properties --------------------------------------------------------------------

dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 6, 30))
day_counts = st.integers(min_value=0, max_value=30)
rules = st.sampled_from(
    [
        initial_conference_due,
        transfer_in_due,
        first_core_group_due,
        reconvene_due,
        decision_letter_due,
        minutes_due,
    ]
)


@given(rules, dates, day_counts)
def test_a_working_day_deadline_is_never_a_non_working_day(
    rule: Rule, start: date, days: int
) -> None:
    assert ENG.is_working_day(rule(start, ENG, days=days))
    assert SCT.is_working_day(rule(start, SCT, days=days))


@given(rules, dates, dates, day_counts)
def test_deadlines_are_monotonic_in_the_start(rule: Rule, a: date, b: date, days: int) -> None:
    early, late = sorted((a, b))
    assert rule(early, ENG, days=days) <= rule(late, ENG, days=days)


@given(dates, day_counts)
def test_calendar_day_deadlines_are_exact(start: date, days: int) -> None:
    due = initial_conference_due(start, SCT, days=days, unit=DayUnit.CALENDAR)
    assert (due - start).days == days


@given(dates, st.one_of(st.none(), dates), st.integers(min_value=0, max_value=40))
def test_post_birth_review_is_never_after_the_months_rule(
    icpc: date, birth: date | None, days: int
) -> None:
    due = post_birth_review_due(icpc, birth, ENG, days=days)
    assert due <= add_months(icpc, 3)
    if birth is not None:
        assert due <= ENG.add_working_days(birth, days)


@given(dates, st.integers(min_value=1, max_value=12))
def test_reviews_fall_in_the_right_month_and_never_later(start: date, months: int) -> None:
    due = later_review_due(start, months=months)
    assert due > start
    assert due.year * 12 + due.month == start.year * 12 + start.month + months
    assert due.day <= start.day


def test_the_clock_starts_at_the_discussion_the_anchor_names() -> None:
    """Checklist item 2: with two strategy discussions, the conference's choice, or else
    the profile's default, says which starts the clock."""
    first, later = date(2025, 12, 1), date(2025, 12, 18)
    one = replace(ICPC, strategy_discussion_date=first)
    two = replace(one, last_strategy_discussion_date=later)
    last_by_default = replace(ENGLAND, strategy_anchor=StrategyAnchor.LAST)
    assert clock_start(one, last_by_default) == first  # only one discussion: that one
    assert clock_start(two, ENGLAND) == first
    assert clock_start(two, last_by_default) == later
    assert clock_start(replace(two, strategy_anchor=StrategyAnchor.LAST), ENGLAND) == later
    assert clock_start(replace(two, strategy_anchor=StrategyAnchor.INITIATED), last_by_default) == (
        first
    )
    assert clock_start(replace(two, strategy_discussion_date=None), ENGLAND) == later
    assert clock_start(replace(one, strategy_discussion_date=None), ENGLAND) is None
    # 15 working days from each (Christmas and New Year's Day are bank holidays).
    assert conference_due(two, (CHILD,), ENGLAND, ENG) == date(2025, 12, 22)
    assert conference_due(two, (CHILD,), last_by_default, ENG) == date(2026, 1, 13)


def test_no_review_is_due_once_a_concluded_conference_leaves_no_plan() -> None:
    # Issue 20, point 5: a plan ended (at 18, say) shows no next review; a conference not
    # yet held still shows the review its plan would need.
    held = replace(ICPC, status=ConferenceStatus.CONCLUDED)
    ended = due_dates(held, (CHILD,), ENGLAND, ENG, today=date(2026, 1, 20), plan_ended=True)
    assert ended.next_review_due is None
    assert due_dates(held, (CHILD,), ENGLAND, ENG, today=date(2026, 1, 20)).next_review_due
    scheduled = due_dates(ICPC, (CHILD,), ENGLAND, ENG, today=date(2026, 1, 5), plan_ended=True)
    assert scheduled.next_review_due == date(2026, 4, 12)
