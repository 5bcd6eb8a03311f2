"""Working-day and month arithmetic over a UK bank-holiday calendar.

A :class:`WorkingCalendar` knows the bank holidays of one division (England and
Wales, Scotland or Northern Ireland) for a closed range of years. Saturdays and
Sundays are never working days. A question about a date outside the covered years
raises :class:`CalendarRangeError`: a deadline counted past the last known bank
holiday would be silently wrong, so the caller must build a calendar wide enough.

:func:`uk_calendar` builds a calendar from the ``holidays`` package, which works
offline and already includes substitute ("observed") days. For the years 2000-2060 the
same days are read from a table made from that package
(``resources/holidays/united_kingdom.json``; a test checks the two agree), so that a
command such as ``list`` does not import the package at all (issue 21.4).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property, partial
from pathlib import Path
from typing import cast

from cpc_desktop.domain.enums import DayUnit, Division

_ONE_DAY = timedelta(days=1)

# The ``holidays`` package's codes for each division. Wales has no code of its
# own that differs: its bank holidays are England's.
_SUBDIVISION: dict[Division, str] = {
    Division.ENGLAND_AND_WALES: "ENG",
    Division.SCOTLAND: "SCT",
    Division.NORTHERN_IRELAND: "NIR",
}


class CalendarRangeError(ValueError):
    """A date falls outside the years a :class:`WorkingCalendar` covers."""


@dataclass(frozen=True)
class WorkingCalendar:
    """Bank holidays for the years ``first_year`` to ``last_year`` inclusive.

    Attributes:
        holidays: every bank-holiday date in the covered years (weekend dates
            may be included; they change nothing).
        first_year: the first calendar year covered.
        last_year: the last calendar year covered.
    """

    holidays: frozenset[date]
    first_year: int
    last_year: int

    def __post_init__(self) -> None:
        if self.first_year > self.last_year:
            raise ValueError(
                f"first_year ({self.first_year}) is after last_year ({self.last_year})"
            )
        stray = sorted(d for d in self.holidays if not self.covers(d))
        if stray:
            raise ValueError(f"holiday {stray[0].isoformat()} is outside the covered years")

    def covers(self, d: date) -> bool:
        """Return whether ``d`` lies in a year this calendar covers."""
        return self.first_year <= d.year <= self.last_year

    def is_working_day(self, d: date) -> bool:
        """Return whether ``d`` is a weekday that is not a bank holiday.

        Raises:
            CalendarRangeError: ``d`` is outside the covered years.
        """
        self._require(d)
        return d.weekday() < 5 and d not in self.holidays

    def next_working_day(self, d: date) -> date:
        """Return the first working day strictly after ``d``."""
        return self._nth_working_day_after(d, 1)

    def working_day_on_or_after(self, d: date) -> date:
        """Return ``d`` if it is a working day, else the next working day."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def add_working_days(self, start: date, n: int) -> date:
        """Return the date ``n`` working days after ``start``, not counting ``start``.

        ``n == 0`` returns ``start`` when it is a working day and otherwise the next
        working day, so the result is always a working day. Thus, for a working day
        ``a`` or for ``n >= 1``, ``working_days_between(a, add_working_days(a, n)) == n``.

        Raises:
            ValueError: ``n`` is negative.
            CalendarRangeError: the count runs outside the covered years.
        """
        if n < 0:
            raise ValueError(f"cannot add a negative number of working days ({n})")
        if n == 0:
            return self.working_day_on_or_after(start)
        return self._nth_working_day_after(start, n)

    def previous_working_day(self, d: date) -> date:
        """Return the last working day strictly before ``d``."""
        return self._nth_working_day_before(d, 1)

    def working_day_on_or_before(self, d: date) -> date:
        """Return ``d`` if it is a working day, else the working day before it."""
        return d if self.is_working_day(d) else self.previous_working_day(d)

    def subtract_working_days(self, start: date, n: int) -> date:
        """Return the date ``n`` working days before ``start``, not counting ``start``.

        The mirror of :meth:`add_working_days`: ``n == 0`` returns ``start`` when it is a
        working day and otherwise the working day before it, so the result is always a
        working day.

        Raises:
            ValueError: ``n`` is negative.
            CalendarRangeError: the count runs outside the covered years.
        """
        if n < 0:
            raise ValueError(f"cannot subtract a negative number of working days ({n})")
        if n == 0:
            return self.working_day_on_or_before(start)
        return self._nth_working_day_before(start, n)

    def working_days_between(self, a: date, b: date) -> int:
        """Count the working days ``d`` with ``a < d <= b``; negative when ``b < a``.

        Raises:
            CalendarRangeError: a counted day is outside the covered years.
        """
        if b < a:
            return -self.working_days_between(b, a)
        if b == a:
            return 0
        self._require(a + _ONE_DAY)
        if not self.covers(b):
            raise self._outside(self._first_day_after())
        days = self._working_ordinals
        return bisect_right(days, b.toordinal()) - bisect_right(days, a.toordinal())

    # --- counting by lookup -----------------------------------------------------------
    #
    # Each question, forwards or backwards, is answered by binary search in the sorted
    # ordinals of every working day of the covered years, built on first use, so a count
    # of n days costs O(log n) rather than n steps. The answers, and the errors (with the
    # first uncovered day a day-by-day walk would meet), are those of stepping one day at
    # a time.

    @cached_property
    def _working_ordinals(self) -> tuple[int, ...]:
        first = date(self.first_year, 1, 1).toordinal()
        last = date(self.last_year, 12, 31).toordinal()
        holidays = {d.toordinal() for d in self.holidays}
        # date.fromordinal(1) is a Monday, so (ordinal - 1) % 7 is the weekday.
        return tuple(o for o in range(first, last + 1) if (o - 1) % 7 < 5 and o not in holidays)

    def _nth_working_day_after(self, d: date, n: int) -> date:
        """The ``n``-th (``n >= 1``) working day strictly after ``d``."""
        self._require(d + _ONE_DAY)
        days = self._working_ordinals
        index = bisect_right(days, d.toordinal()) + n - 1
        if index >= len(days):
            raise self._outside(self._first_day_after())
        return date.fromordinal(days[index])

    def _nth_working_day_before(self, d: date, n: int) -> date:
        """The ``n``-th (``n >= 1``) working day strictly before ``d``."""
        self._require(d - _ONE_DAY)
        days = self._working_ordinals
        index = bisect_left(days, d.toordinal()) - n
        if index < 0:
            raise self._outside(self._last_day_before())
        return date.fromordinal(days[index])

    def _last_day_before(self) -> date:
        return date(self.first_year, 1, 1) - _ONE_DAY

    def _first_day_after(self) -> date:
        return date(self.last_year, 12, 31) + _ONE_DAY

    def _require(self, d: date) -> None:
        if not self.covers(d):
            raise self._outside(d)

    def _outside(self, d: date) -> CalendarRangeError:
        return CalendarRangeError(
            f"The bank-holiday calendar covers {self.first_year} to {self.last_year}; "
            f"{d.isoformat()} is outside it."
        )


def uk_calendar(division: Division, first_year: int, last_year: int) -> WorkingCalendar:
    """Build the calendar of one UK division: from the table made from the ``holidays``
    package when it covers the years, else from the package itself."""
    if first_year > last_year:
        raise ValueError(f"first_year ({first_year}) is after last_year ({last_year})")
    table = holiday_table()
    if table.first <= first_year and last_year <= table.last:
        days = frozenset(
            d for d in table.days[_SUBDIVISION[division]] if first_year <= d.year <= last_year
        )
        return WorkingCalendar(days, first_year, last_year)
    return package_calendar(division, first_year, last_year)


def package_calendar(division: Division, first_year: int, last_year: int) -> WorkingCalendar:
    """The calendar of one UK division straight from the ``holidays`` package."""
    found = united_kingdom_holidays()(
        subdiv=_SUBDIVISION[division], years=range(first_year, last_year + 1)
    )
    return WorkingCalendar(frozenset(found.keys()), first_year, last_year)


@dataclass(frozen=True)
class HolidayTable:
    """The bank holidays of each division's package code for the years ``first``-``last``."""

    first: int
    last: int
    days: Mapping[str, tuple[date, ...]]


#: The table of bank holidays shipped with CPC Desktop (made from the ``holidays`` package).
HOLIDAY_TABLE = Path(__file__).parents[1] / "resources" / "holidays" / "united_kingdom.json"


@cache
def holiday_table() -> HolidayTable:
    import json

    raw = json.loads(HOLIDAY_TABLE.read_text(encoding="utf-8"))
    days = {code: tuple(map(date.fromisoformat, raw[code])) for code in _SUBDIVISION.values()}
    return HolidayTable(int(raw["first"]), int(raw["last"]), days)


@cache
def united_kingdom_holidays() -> Callable[..., Mapping[date, str]]:
    """The ``holidays`` package's United Kingdom class, loaded on its own.

    Asking the package for one country imports all of its ~250 countries (about 17 MiB
    and a fifth of a second), so the UK module is loaded from its file alone; it
    imports only the package's shared parts. Should a later release move that file,
    the package's own lookup is used instead (a test checks both give the same days).
    """
    import importlib.util

    import holidays.holiday_base

    source = Path(holidays.holiday_base.__file__).parent / "countries" / "united_kingdom.py"
    spec = importlib.util.spec_from_file_location("cpc_desktop._united_kingdom", source)
    assert spec is not None and spec.loader is not None  # always, for a path ending .py
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return cast("Callable[..., Mapping[date, str]]", module.UnitedKingdom)
    except (ImportError, OSError, AttributeError):
        import holidays

        return partial(holidays.country_holidays, "GB")


def days_in_month(year: int, month: int) -> int:
    """Return the number of days in ``month`` of ``year``."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - _ONE_DAY).day


def add_months(d: date, n: int) -> date:
    """Add ``n`` calendar months, clamping to the last day of a shorter month.

    31 January + 3 months is 30 April; 30 November + 3 months is 28 or 29 February.
    """
    year, month_index = divmod(d.year * 12 + d.month - 1 + n, 12)
    month = month_index + 1
    return date(year, month, min(d.day, days_in_month(year, month)))


def add_days(start: date, n: int, unit: DayUnit, calendar: WorkingCalendar) -> date:
    """Add ``n`` days of the given unit to ``start``.

    Working days follow :meth:`WorkingCalendar.add_working_days` (so the result is
    always a working day). Calendar days are plain date arithmetic and may land on
    a weekend: a Scottish "within 28 days" limit is not moved.

    Raises:
        ValueError: ``n`` is negative.
    """
    if unit is DayUnit.WORKING:
        return calendar.add_working_days(start, n)
    if n < 0:
        raise ValueError(f"cannot add a negative number of days ({n})")
    return start + timedelta(days=n)
