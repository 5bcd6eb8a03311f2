"""Relative dates and UK meeting times, as the sample files write them.

A date is a name, then steps applied from left to right, then perhaps a move to a working
day: ``today -2 working days``, ``conference +3 months, or the working day before``,
``today -12 years -64 days``. The names are ``today`` and those the file's ``dates``
define before. A step is ``+N`` or ``-N`` with ``working day(s)``, ``day(s)``,
``week(s)``, ``month(s)`` (clamped to the month's end) or ``year(s)``. Working days are
those of a :class:`~cpc_desktop.domain.calendar.WorkingCalendar` closed only on weekends
and the days ``demo.json`` names (no bank-holiday table). A time is a UK civil time,
``HH:MM``, made a UTC instant with British Summer Time worked out by rule.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, time, timedelta

from cpc_desktop.domain.calendar import WorkingCalendar, add_months

_STEP = re.compile(r"([+-]\d+) (working days?|days?|weeks?|months?|years?)")

_SNAPS: dict[str, Callable[[WorkingCalendar, date], date]] = {
    "or the working day before": WorkingCalendar.working_day_on_or_before,
    "or the working day after": WorkingCalendar.working_day_on_or_after,
}


def month_day(text: str) -> tuple[int, int]:
    """``MM-DD``, a day every year has, as ``(month, day)``."""
    day = date.fromisoformat(f"2001-{text}")  # ValueError for 02-29 or no date at all
    return day.month, day.day


def demo_calendar(closed_days: Iterable[tuple[int, int]], today: date) -> WorkingCalendar:
    """Weekends and ``closed_days`` (month, day) closed, from the year before ``today``'s
    to the year after (the furthest any sample date reaches)."""
    first, last = max(MINYEAR, today.year - 1), min(MAXYEAR, today.year + 1)
    days = tuple(closed_days)
    holidays = frozenset(date(y, m, d) for y in range(first, last + 1) for m, d in days)
    return WorkingCalendar(holidays, first, last)


def resolve(text: str, known: Mapping[str, date], calendar: WorkingCalendar) -> date:
    """The date ``text`` names (see the module's description)."""
    expression, _, snap = text.partition(", ")
    name, _, rest = expression.partition(" ")
    steps = _STEP.findall(rest)
    if " ".join(f"{n} {unit}" for n, unit in steps) != rest or (snap and snap not in _SNAPS):
        raise ValueError(
            f"{text!r} is not a date: write a name, then steps such as '+3 working days' "
            f"or '-2 months', then optionally ', {next(iter(_SNAPS))}'"
        )
    if name not in known:
        raise ValueError(f"unknown date {name!r}: known are {', '.join(known)}")
    day = known[name]
    for count, unit in steps:
        n = int(count)
        if unit.startswith("working"):
            day = (
                calendar.subtract_working_days(day, -n)
                if count.startswith("-")
                else calendar.add_working_days(day, n)
            )
        elif unit.startswith(("month", "year")):
            day = add_months(day, n * 12 if unit.startswith("year") else n)
        else:
            day += timedelta(weeks=n) if unit.startswith("week") else timedelta(days=n)
    return _SNAPS[snap](calendar, day) if snap else day


def clock(text: str) -> time:
    """``HH:MM`` (the schema fixes the shape) as a time of day."""
    return time.fromisoformat(text)


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, _calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - 6) % 7)


def uk_instant(day: date, at: time) -> datetime:
    """UK civil time ``at`` on ``day`` (a daytime meeting: BST or GMT) as a UTC instant."""
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    local = datetime.combine(day, at, tzinfo=UTC)
    return local - timedelta(hours=1 if summer else 0)
