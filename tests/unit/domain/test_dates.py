"""Dates and times in words: English whatever the computer's locale, one table of names."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from cpc_desktop.domain.dates import (
    MONTHS,
    WEEKDAYS,
    clock,
    day_month,
    long_date,
    numeric_moment,
    plain_date,
    short_date,
    short_moment,
    weekday_date,
)

MONDAY = date(2026, 12, 7)
MOMENT = datetime(2026, 12, 7, 9, 5, 30, tzinfo=UTC)


def test_each_format() -> None:
    assert long_date(MONDAY) == "Monday 7 December 2026"
    assert plain_date(MONDAY) == "7 December 2026"
    assert short_date(MONDAY) == "7 Dec 2026"
    assert weekday_date(MONDAY) == "Mon 7 Dec 2026"
    assert day_month(date(2026, 11, 9)) == "09 Nov"
    assert clock(MOMENT) == "09:05"
    assert clock(MOMENT, seconds=True) == "09:05:30"
    assert clock(time(14, 0)) == "14:00"
    assert short_moment(MOMENT) == "Mon 7 Dec 2026 09:05"
    assert numeric_moment(MOMENT) == "2026-12-07 09:05"


def test_what_the_messages_and_tables_always_said() -> None:
    assert plain_date(date(2026, 1, 2)) == "2 January 2026"
    assert plain_date(date(2025, 12, 25)) == "25 December 2025"
    assert short_date(date(2026, 1, 31)) == "31 Jan 2026"
    assert weekday_date(date(2026, 11, 23)) == "Mon 23 Nov 2026"
    assert day_month(date(2026, 9, 30)) == "30 Sep"


@pytest.mark.parametrize(
    "function",
    [long_date, plain_date, short_date, weekday_date, day_month, clock, short_moment,
     numeric_moment],
)  # fmt: skip
def test_nothing_recorded_is_blank(function) -> None:
    assert function(None) == ""


def test_every_month_and_weekday() -> None:
    for month in range(1, 13):
        day = date(2027, month, 1)
        assert plain_date(day) == f"1 {MONTHS[month - 1]} 2027"
        assert short_date(day) == f"1 {MONTHS[month - 1][:3]} 2027"
    for offset in range(7):
        day = MONDAY + timedelta(days=offset)
        assert long_date(day).split()[0] == WEEKDAYS[offset]
        assert weekday_date(day).split()[0] == WEEKDAYS[offset][:3]


def test_no_time_zone_is_converted() -> None:
    east = MOMENT.astimezone(timezone(timedelta(hours=5)))
    assert clock(east) == "14:05"
    assert short_moment(east) == "Mon 7 Dec 2026 14:05"
