"""Working-day calendars: UK bank holidays per division, and date arithmetic."""

from __future__ import annotations

import functools
import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cpc_desktop.domain.calendar import (
    CalendarRangeError,
    WorkingCalendar,
    add_days,
    add_months,
    days_in_month,
    uk_calendar,
    united_kingdom_holidays,
)
from cpc_desktop.domain.enums import DayUnit, Division

ENG = uk_calendar(Division.ENGLAND_AND_WALES, 2019, 2030)
SCT = uk_calendar(Division.SCOTLAND, 2019, 2030)
NIR = uk_calendar(Division.NORTHERN_IRELAND, 2019, 2030)
BY_DIVISION = {
    Division.ENGLAND_AND_WALES: ENG,
    Division.SCOTLAND: SCT,
    Division.NORTHERN_IRELAND: NIR,
}

# Dates early enough that adding up to 60 working days stays inside 2030.
dates = st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 9, 30))
calendars = st.sampled_from([ENG, SCT, NIR])
counts = st.integers(min_value=0, max_value=60)


# --- bank holidays by division -------------------------------------------------------


@pytest.mark.parametrize(
    ("division", "day", "holiday"),
    [
        # Christmas 2021 fell on a Saturday: both substitute days are holidays everywhere.
        (Division.ENGLAND_AND_WALES, date(2021, 12, 27), True),
        (Division.ENGLAND_AND_WALES, date(2021, 12, 28), True),
        (Division.SCOTLAND, date(2021, 12, 28), True),
        (Division.NORTHERN_IRELAND, date(2021, 12, 27), True),
        # Christmas 2022 fell on a Sunday: Boxing Day Monday, substitute Tuesday.
        (Division.ENGLAND_AND_WALES, date(2022, 12, 26), True),
        (Division.ENGLAND_AND_WALES, date(2022, 12, 27), True),
        (Division.ENGLAND_AND_WALES, date(2022, 12, 28), False),
        # New Year 2022 on a Saturday: substitute Monday 3 January.
        (Division.ENGLAND_AND_WALES, date(2022, 1, 3), True),
        (Division.ENGLAND_AND_WALES, date(2022, 1, 4), False),
        (Division.SCOTLAND, date(2022, 1, 4), True),  # and 2 January's substitute
        # Good Friday everywhere; Easter Monday not in Scotland.
        (Division.ENGLAND_AND_WALES, date(2025, 4, 18), True),
        (Division.SCOTLAND, date(2025, 4, 18), True),
        (Division.ENGLAND_AND_WALES, date(2025, 4, 21), True),
        (Division.NORTHERN_IRELAND, date(2025, 4, 21), True),
        (Division.SCOTLAND, date(2025, 4, 21), False),
        # 2 January: Scotland only.
        (Division.SCOTLAND, date(2025, 1, 2), True),
        (Division.ENGLAND_AND_WALES, date(2025, 1, 2), False),
        (Division.NORTHERN_IRELAND, date(2025, 1, 2), False),
        # St Patrick's Day and the Battle of the Boyne: Northern Ireland only.
        (Division.NORTHERN_IRELAND, date(2025, 3, 17), True),
        (Division.ENGLAND_AND_WALES, date(2025, 3, 17), False),
        (Division.NORTHERN_IRELAND, date(2024, 7, 12), True),
        (Division.SCOTLAND, date(2024, 7, 12), False),
        (Division.NORTHERN_IRELAND, date(2025, 7, 14), True),  # 12 July was a Saturday
        # St Andrew's Day: Scotland only (Sunday 30 Nov 2025 moves to Monday).
        (Division.SCOTLAND, date(2023, 11, 30), True),
        (Division.SCOTLAND, date(2025, 12, 1), True),
        (Division.ENGLAND_AND_WALES, date(2023, 11, 30), False),
        # Summer bank holiday: first Monday of August in Scotland, last elsewhere.
        (Division.SCOTLAND, date(2025, 8, 4), True),
        (Division.ENGLAND_AND_WALES, date(2025, 8, 4), False),
        (Division.ENGLAND_AND_WALES, date(2025, 8, 25), True),
        (Division.SCOTLAND, date(2025, 8, 25), False),
    ],
)
def test_bank_holidays_by_division(division: Division, day: date, holiday: bool) -> None:
    assert day.weekday() < 5
    assert BY_DIVISION[division].is_working_day(day) is not holiday


def test_wales_has_the_same_bank_holidays_as_england() -> None:
    import holidays

    wales = holidays.country_holidays("GB", subdiv="WLS", years=range(2019, 2031))
    assert frozenset(wales.keys()) == ENG.holidays
    assert len(ENG.holidays) > 90


def test_weekends_are_not_working_days() -> None:
    assert not ENG.is_working_day(date(2025, 6, 7))  # Saturday
    assert not ENG.is_working_day(date(2025, 6, 8))  # Sunday
    assert ENG.is_working_day(date(2025, 6, 9))


def test_importing_the_module_does_not_import_holidays() -> None:
    code = "import sys, cpc_desktop.domain.calendar; print('holidays' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --- adding and counting working days --------------------------------------------------


def test_fifteen_working_days_from_18_december_2025_skip_christmas_and_new_year() -> None:
    # 25 and 26 December and 1 January are skipped in England...
    assert ENG.add_working_days(date(2025, 12, 18), 15) == date(2026, 1, 13)
    # ...and Scotland also loses 2 January.
    assert SCT.add_working_days(date(2025, 12, 18), 15) == date(2026, 1, 14)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2025, 6, 9), 0, date(2025, 6, 9)),  # a working Monday stays put
        (date(2025, 6, 7), 0, date(2025, 6, 9)),  # Saturday rolls to Monday
        (date(2025, 12, 25), 0, date(2025, 12, 29)),  # Christmas rolls past Boxing Day
        (date(2025, 6, 6), 1, date(2025, 6, 9)),  # Friday + 1 is Monday
        (date(2025, 6, 7), 1, date(2025, 6, 9)),  # Saturday + 1 is Monday, start not counted
        (date(2025, 4, 17), 1, date(2025, 4, 22)),  # over Good Friday and Easter Monday
        (date(2025, 12, 24), 1, date(2025, 12, 29)),
        (date(2025, 6, 9), 5, date(2025, 6, 16)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert ENG.add_working_days(start, n) == expected


def test_next_working_day_is_strictly_after() -> None:
    assert ENG.next_working_day(date(2025, 6, 9)) == date(2025, 6, 10)
    assert ENG.next_working_day(date(2025, 12, 24)) == date(2025, 12, 29)
    assert ENG.working_day_on_or_after(date(2025, 12, 24)) == date(2025, 12, 24)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2025, 6, 9), 0, date(2025, 6, 9)),  # a working Monday stays put
        (date(2025, 6, 8), 0, date(2025, 6, 6)),  # Sunday rolls back to Friday
        (date(2026, 1, 1), 0, date(2025, 12, 31)),  # New Year's Day rolls back a day
        (date(2025, 6, 9), 1, date(2025, 6, 6)),  # Monday - 1 is Friday
        (date(2025, 6, 8), 1, date(2025, 6, 6)),  # Sunday - 1 is Friday, start not counted
        (date(2025, 4, 22), 1, date(2025, 4, 17)),  # back over Easter Monday and Good Friday
        (date(2025, 12, 29), 1, date(2025, 12, 24)),
        (date(2025, 6, 16), 5, date(2025, 6, 9)),
    ],
)
def test_subtract_working_days(start: date, n: int, expected: date) -> None:
    assert ENG.subtract_working_days(start, n) == expected


def test_previous_working_day_is_strictly_before() -> None:
    assert ENG.previous_working_day(date(2025, 6, 10)) == date(2025, 6, 9)
    assert ENG.previous_working_day(date(2025, 12, 29)) == date(2025, 12, 24)
    assert ENG.working_day_on_or_before(date(2025, 12, 29)) == date(2025, 12, 29)
    assert ENG.working_day_on_or_before(date(2025, 12, 28)) == date(2025, 12, 24)


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        ENG.add_working_days(date(2025, 6, 9), -1)
    with pytest.raises(ValueError, match="negative"):
        ENG.subtract_working_days(date(2025, 6, 9), -1)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2025, 6, 9), date(2025, 6, 9), 0),
        (date(2025, 6, 9), date(2025, 6, 10), 1),
        (date(2025, 6, 6), date(2025, 6, 9), 1),  # Friday to Monday
        (date(2025, 12, 19), date(2026, 1, 2), 7),  # 22-24, 29-31 Dec and 2 Jan
        (date(2026, 1, 2), date(2025, 12, 19), -7),
    ],
)
def test_working_days_between(a: date, b: date, expected: int) -> None:
    assert ENG.working_days_between(a, b) == expected


# --- coverage of the calendar ------------------------------------------------------


def test_dates_outside_the_covered_years_are_refused() -> None:
    with pytest.raises(CalendarRangeError, match="covers 2019 to 2030; 2031-01-02"):
        ENG.is_working_day(date(2031, 1, 2))
    with pytest.raises(CalendarRangeError):
        ENG.add_working_days(date(2030, 12, 30), 5)
    with pytest.raises(CalendarRangeError, match="covers 2019 to 2030; 2018-12-31"):
        ENG.subtract_working_days(date(2019, 1, 3), 5)
    assert ENG.covers(date(2030, 12, 31))
    assert not ENG.covers(date(2018, 12, 31))


def test_a_calendar_must_have_its_years_in_order() -> None:
    with pytest.raises(ValueError, match="after last_year"):
        WorkingCalendar(frozenset(), 2026, 2025)
    with pytest.raises(ValueError, match="after last_year"):
        uk_calendar(Division.SCOTLAND, 2026, 2025)


def test_a_calendar_refuses_holidays_outside_its_years() -> None:
    with pytest.raises(ValueError, match="2027-01-01 is outside"):
        WorkingCalendar(frozenset({date(2026, 12, 25), date(2027, 1, 1)}), 2026, 2026)


# --- months and calendar days ------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 3, date(2025, 4, 30)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 5, 17), 0, date(2025, 5, 17)),
        (date(2025, 10, 1), 27, date(2028, 1, 1)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("year", "month", "days"),
    [(2024, 2, 29), (2025, 2, 28), (2100, 2, 28), (2000, 2, 29), (2025, 4, 30), (2025, 12, 31)],
)
def test_days_in_month(year: int, month: int, days: int) -> None:
    assert days_in_month(year, month) == days


def test_add_days_in_each_unit() -> None:
    saturday = date(2025, 6, 7)
    assert add_days(date(2025, 6, 2), 5, DayUnit.CALENDAR, ENG) == saturday
    assert add_days(date(2025, 6, 2), 5, DayUnit.WORKING, ENG) == date(2025, 6, 9)
    with pytest.raises(ValueError, match="negative"):
        add_days(saturday, -1, DayUnit.CALENDAR, ENG)
    with pytest.raises(ValueError, match="negative"):
        add_days(saturday, -1, DayUnit.WORKING, ENG)


# --- properties --------------------------------------------------------------------


@given(calendars, dates, counts)
def test_a_working_day_count_always_ends_on_a_working_day(
    calendar: WorkingCalendar, start: date, n: int
) -> None:
    assert calendar.is_working_day(calendar.add_working_days(start, n))


@given(calendars, dates, dates, counts)
def test_adding_working_days_is_monotonic_in_the_start(
    calendar: WorkingCalendar, a: date, b: date, n: int
) -> None:
    early, late = sorted((a, b))
    assert calendar.add_working_days(early, n) <= calendar.add_working_days(late, n)


@given(calendars, dates, counts)
def test_one_more_working_day_is_later(calendar: WorkingCalendar, start: date, n: int) -> None:
    now, then = calendar.add_working_days(start, n), calendar.add_working_days(start, n + 1)
    if n == 0 and not calendar.is_working_day(start):
        assert then == now  # n=0 rolls a non-working start forward to the same day
    else:
        assert then > now


@given(calendars, dates, counts)
def test_counting_back_gives_the_number_added(
    calendar: WorkingCalendar, start: date, n: int
) -> None:
    assume(n >= 1 or calendar.is_working_day(start))
    assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n


@given(calendars, dates, dates, dates)
def test_working_days_between_adds_up(calendar: WorkingCalendar, a: date, b: date, c: date) -> None:
    ab, bc = calendar.working_days_between(a, b), calendar.working_days_between(b, c)
    assert ab + bc == calendar.working_days_between(a, c)
    assert calendar.working_days_between(b, a) == -ab


@given(
    st.frozensets(st.dates(min_value=date(2020, 1, 1), max_value=date(2021, 12, 31))),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 12, 31)),
    st.integers(min_value=0, max_value=40),
)
def test_any_holiday_set_is_skipped(holidays: frozenset[date], start: date, n: int) -> None:
    calendar = WorkingCalendar(holidays, 2020, 2021)
    try:
        due = calendar.add_working_days(start, n)
    except CalendarRangeError:
        return  # too many holidays to fit n working days into the two years
    assert due not in holidays
    assert due.weekday() < 5
    skipped = [start + timedelta(days=k) for k in range(1, (due - start).days)]
    assert sum(calendar.is_working_day(d) for d in skipped) == max(n - 1, 0)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), st.integers(-600, 600))
def test_add_months_lands_in_the_target_month_and_never_overshoots(d: date, n: int) -> None:
    result = add_months(d, n)
    assert result.year * 12 + result.month == d.year * 12 + d.month + n
    assert result.day == min(d.day, days_in_month(result.year, result.month))
    if result.day < d.day:
        assert result.day == days_in_month(result.year, result.month)  # clamped to month end


@given(dates, st.integers(min_value=0, max_value=400))
def test_calendar_days_are_plain_arithmetic(start: date, n: int) -> None:
    assert (add_days(start, n, DayUnit.CALENDAR, ENG) - start).days == n


# --- the lookup agrees with counting one day at a time --------------------------------


def _stepped_is_working_day(calendar: WorkingCalendar, d: date) -> bool:
    if not calendar.covers(d):
        raise CalendarRangeError(
            f"The bank-holiday calendar covers {calendar.first_year} to {calendar.last_year}; "
            f"{d.isoformat()} is outside it."
        )
    return d.weekday() < 5 and d not in calendar.holidays


def _stepped_add(calendar: WorkingCalendar, start: date, n: int) -> date:
    """The definition: walk forward a day at a time, checking each day as it is met."""
    if n == 0 and _stepped_is_working_day(calendar, start):
        return start
    d = start
    for _ in range(max(n, 1)):
        d += timedelta(days=1)
        while not _stepped_is_working_day(calendar, d):
            d += timedelta(days=1)
    return d


def _stepped_subtract(calendar: WorkingCalendar, start: date, n: int) -> date:
    """The definition backwards: walk back a day at a time, checking each day as met."""
    if n == 0 and _stepped_is_working_day(calendar, start):
        return start
    d = start
    for _ in range(max(n, 1)):
        d -= timedelta(days=1)
        while not _stepped_is_working_day(calendar, d):
            d -= timedelta(days=1)
    return d


def _stepped_between(calendar: WorkingCalendar, a: date, b: date) -> int:
    if b < a:
        return -_stepped_between(calendar, b, a)
    count, d = 0, a + timedelta(days=1)
    while d <= b:
        count += _stepped_is_working_day(calendar, d)
        d += timedelta(days=1)
    return count


def _outcome(call: object, *args: object) -> object:
    """The value of ``call(*args)``, or the range error's message."""
    try:
        return call(*args)  # type: ignore[operator]
    except CalendarRangeError as error:
        return ("CalendarRangeError", str(error))


# The three divisions the profiles use (england-and-wales, scotland, northern-ireland),
# over a short span so that counts run off either end; dates a little outside it too.
SHORT = {
    division: uk_calendar(division, 2024, 2026)
    for division in (Division.ENGLAND_AND_WALES, Division.SCOTLAND, Division.NORTHERN_IRELAND)
}
around = st.dates(min_value=date(2023, 12, 1), max_value=date(2027, 1, 31))
# Dates near the holidays (Christmas, New Year, Easter, St Patrick's, the Twelfth,
# St Andrew's), where skipping matters most.
near_holidays = st.builds(
    lambda calendar, holiday, shift: holiday + timedelta(days=shift),
    st.sampled_from(list(SHORT.values())),
    st.sampled_from(sorted(set().union(*(c.holidays for c in SHORT.values())))),
    st.integers(min_value=-10, max_value=10),
)
short_calendars = st.sampled_from(list(SHORT.values()))
offsets = st.integers(min_value=0, max_value=800)


@given(short_calendars, st.one_of(around, near_holidays), offsets)
def test_adding_working_days_matches_stepping_day_by_day(
    calendar: WorkingCalendar, start: date, n: int
) -> None:
    assert _outcome(calendar.add_working_days, start, n) == _outcome(
        _stepped_add, calendar, start, n
    )
    assert _outcome(calendar.next_working_day, start) == _outcome(_stepped_add, calendar, start, 1)


@given(short_calendars, st.one_of(around, near_holidays), offsets)
def test_subtracting_working_days_matches_stepping_day_by_day(
    calendar: WorkingCalendar, start: date, n: int
) -> None:
    assert _outcome(calendar.subtract_working_days, start, n) == _outcome(
        _stepped_subtract, calendar, start, n
    )
    assert _outcome(calendar.previous_working_day, start) == _outcome(
        _stepped_subtract, calendar, start, 1
    )


@given(short_calendars, st.one_of(around, near_holidays), st.one_of(around, near_holidays))
def test_counting_working_days_matches_stepping_day_by_day(
    calendar: WorkingCalendar, a: date, b: date
) -> None:
    assert _outcome(calendar.working_days_between, a, b) == _outcome(
        _stepped_between, calendar, a, b
    )


@given(
    st.frozensets(st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 12, 31))),
    st.dates(min_value=date(2019, 12, 20), max_value=date(2021, 1, 10)),
    st.dates(min_value=date(2019, 12, 20), max_value=date(2021, 1, 10)),
    st.integers(min_value=0, max_value=300),
)
def test_any_holiday_set_gives_the_stepped_answers(
    holidays: frozenset[date], a: date, b: date, n: int
) -> None:
    calendar = WorkingCalendar(holidays, 2020, 2020)
    assert _outcome(calendar.add_working_days, a, n) == _outcome(_stepped_add, calendar, a, n)
    assert _outcome(calendar.subtract_working_days, a, n) == _outcome(
        _stepped_subtract, calendar, a, n
    )
    assert _outcome(calendar.working_days_between, a, b) == _outcome(
        _stepped_between, calendar, a, b
    )


def test_a_calendar_of_nothing_but_holidays_has_no_working_day_to_reach() -> None:
    year = date(2020, 1, 1)
    every_day = frozenset(year + timedelta(days=k) for k in range(366))
    calendar = WorkingCalendar(every_day, 2020, 2020)
    with pytest.raises(CalendarRangeError, match="2021-01-01 is outside"):
        calendar.add_working_days(date(2020, 6, 1), 1)
    with pytest.raises(CalendarRangeError, match="2019-12-31 is outside"):
        calendar.subtract_working_days(date(2020, 6, 1), 1)
    assert calendar.working_days_between(date(2019, 12, 31), date(2020, 12, 31)) == 0


def test_a_long_count_counts_back_to_itself() -> None:
    # 2,000 working days from 2020 lands in 2027 (about 252 a year, less holidays).
    long = uk_calendar(Division.ENGLAND_AND_WALES, 2020, 2030)
    due = long.add_working_days(date(2020, 1, 1), 2000)
    assert long.working_days_between(date(2020, 1, 1), due) == 2000
    assert long.is_working_day(due)


@pytest.mark.parametrize("subdivision", ["ENG", "WLS", "SCT", "NIR"])
def test_the_uk_module_loaded_alone_gives_the_packages_own_days(subdivision: str) -> None:
    import holidays

    years = range(1990, 2081)
    alone = united_kingdom_holidays()(subdiv=subdivision, years=years)
    by_package = holidays.country_holidays("GB", subdiv=subdivision, years=years)
    assert dict(alone) == dict(by_package)
    assert len(alone) > 700


def test_the_calendar_falls_back_to_the_packages_lookup_if_the_file_moves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import holidays.holiday_base

    monkeypatch.setattr(holidays.holiday_base, "__file__", "/nowhere/holiday_base.py")
    united_kingdom_holidays.cache_clear()
    try:
        moved = united_kingdom_holidays()
        scotland = moved(subdiv="SCT", years=range(2026, 2027))
        assert date(2026, 11, 30) in scotland  # St Andrew's Day
        assert isinstance(moved, functools.partial)  # the package's own lookup
    finally:
        monkeypatch.undo()
        united_kingdom_holidays.cache_clear()


def test_loading_the_calendar_imports_no_other_country() -> None:
    code = (
        "import sys\n"
        "from cpc_desktop.domain.calendar import uk_calendar\n"
        "from cpc_desktop.domain.enums import Division\n"
        "uk_calendar(Division.SCOTLAND, 2026, 2027)\n"
        "print(sorted(m for m in sys.modules if m.startswith('holidays.countries')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
