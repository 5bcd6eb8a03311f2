"""Proposed follow-up dates fall on working days and never after the statutory limit.

A review "within three months" whose last day is a weekend or bank holiday is proposed
for the last working day before it, never the one after (issue 18, point 5).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpc_desktop.domain.calendar import uk_calendar
from cpc_desktop.domain.enums import DayUnit, Division
from cpc_desktop.domain.timescales import (
    first_core_group_due,
    first_review_due,
    later_review_due,
    non_working,
    proposed_day,
)

CALENDARS = {division: uk_calendar(division, 2023, 2032) for division in Division}


@pytest.mark.parametrize(
    ("division", "conference", "proposed"),
    [
        # 6 Jan + 3 months = Easter Monday 6 April 2026; Good Friday is 3 April.
        (Division.ENGLAND_AND_WALES, date(2026, 1, 6), date(2026, 4, 2)),
        # Easter Monday is not a bank holiday in Scotland: the limit stands.
        (Division.SCOTLAND, date(2026, 1, 6), date(2026, 4, 6)),
        # St Patrick's Day, Tuesday 17 March 2026: Northern Ireland only.
        (Division.NORTHERN_IRELAND, date(2025, 12, 17), date(2026, 3, 16)),
        (Division.ENGLAND_AND_WALES, date(2025, 12, 17), date(2026, 3, 17)),
        # 12 July 2027 (Monday, the Twelfth): Northern Ireland moves to Friday 9 July.
        (Division.NORTHERN_IRELAND, date(2027, 4, 12), date(2027, 7, 9)),
        # A Sunday limit (12 April 2026) moves to the Friday.
        (Division.ENGLAND_AND_WALES, date(2026, 1, 12), date(2026, 4, 10)),
        # 29 February 2028 + 3 months = 29 May 2028, the spring bank holiday.
        (Division.ENGLAND_AND_WALES, date(2028, 2, 29), date(2028, 5, 26)),
    ],
)
def test_a_review_limit_on_a_holiday_moves_earlier(
    division: Division, conference: date, proposed: date
) -> None:
    calendar = CALENDARS[division]
    limit = first_review_due(conference)
    assert proposed_day(limit, calendar, after=conference) == proposed
    assert non_working(proposed, calendar) is None


@settings(max_examples=300, deadline=None)
@given(
    division=st.sampled_from(list(Division)),
    conference=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    months=st.sampled_from([3, 6]),
    calendar_days=st.one_of(st.none(), st.just(90)),
)
def test_every_proposed_review_is_the_last_working_day_by_the_limit(
    division: Division, conference: date, months: int, calendar_days: int | None
) -> None:
    calendar = CALENDARS[division]
    limit = (
        first_review_due(conference, months=months, calendar_days=calendar_days)
        if months == 3
        else later_review_due(conference, months=months)
    )
    proposed = proposed_day(limit, calendar, after=conference)
    assert conference < proposed <= limit
    assert calendar.is_working_day(proposed)
    # No working day is skipped between the proposal and the limit.
    day = proposed + timedelta(days=1)
    while day <= limit:
        assert not calendar.is_working_day(day)
        day += timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(
    division=st.sampled_from(list(Division)),
    conference=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    days=st.integers(1, 28),
)
def test_calendar_day_limits_are_proposed_on_working_days_too(
    division: Division, conference: date, days: int
) -> None:
    """Scotland counts calendar days: a limit on a Saturday is proposed for the Friday."""
    calendar = CALENDARS[division]
    limit = first_core_group_due(conference, calendar, days=days, unit=DayUnit.CALENDAR)
    proposed = proposed_day(limit, calendar, after=conference)
    assert proposed <= limit
    if proposed != limit:
        assert calendar.is_working_day(proposed) and not calendar.is_working_day(limit)
    elif not calendar.is_working_day(limit):
        # Only when no working day lies between the conference and the limit.
        day = conference + timedelta(days=1)
        while day < limit:
            assert not calendar.is_working_day(day)
            day += timedelta(days=1)


def test_non_working_names_the_reason() -> None:
    calendar = CALENDARS[Division.ENGLAND_AND_WALES]
    assert non_working(date(2026, 12, 5), calendar) == "a Saturday"
    assert non_working(date(2026, 12, 6), calendar) == "a Sunday"
    assert non_working(date(2026, 12, 25), calendar) == "a bank holiday"
    assert non_working(date(2026, 12, 7), calendar) is None
    # Outside the calendar's years a weekday is taken as working (nothing to say).
    assert non_working(date(2040, 1, 3), calendar) is None


def test_a_limit_outside_the_calendar_or_without_a_working_day_before_it_stands() -> None:
    calendar = uk_calendar(Division.ENGLAND_AND_WALES, 2026, 2026)
    # The calendar does not reach 2027: the limit is proposed as it is.
    assert proposed_day(date(2027, 1, 2), calendar, after=date(2026, 12, 1)) == date(2027, 1, 2)
    # Saturday 5 December, the day after a Friday conference: no working day between.
    assert proposed_day(date(2026, 12, 5), calendar, after=date(2026, 12, 4)) == date(2026, 12, 5)
