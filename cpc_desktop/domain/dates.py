"""Dates and times as the product prints and shows them, in English whatever the locale.

Every date or time a person reads (on paper, on screen, in a message, on the command
line) is written by one of these functions, from the one month-name table below.
Python's ``strftime`` names (``%A``, ``%B``, ``%a``, ``%b``) follow the computer's
locale, so they are never used for words; its numeric fields are.

The formats, and where each belongs:

======================  ======================  ==============================
function                example                 used for
======================  ======================  ==============================
:func:`long_date`       Monday 7 December 2026  letters and printed minutes
:func:`plain_date`      7 December 2026         a date inside a sentence
:func:`short_date`      7 Dec 2026              a table cell, a compact detail
:func:`weekday_date`    Mon 7 Dec 2026          on-screen lists and labels
:func:`day_month`       09 Dec                  a roll-call table cell
:func:`clock`           09:05 (or 09:05:30)     a time of day
:func:`short_moment`    Mon 7 Dec 2026 09:05    an instant on screen
:func:`numeric_moment`  2026-12-07 09:05        an instant on the command line
======================  ======================  ==============================

Each returns ``""`` for a missing value; the caller says what a blank reads as
(``short_date(day) or "-"``). None of them converts time zones: give them the
instant in the zone it is to be read in.
"""

from __future__ import annotations

from datetime import date, datetime, time

from cpc_desktop.domain.enums import Language

#: The month names, January first.
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
#: The day names, Monday first (as :meth:`date.weekday` counts).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


#: Welsh month and day names (the Welsh Language Standards: a Welsh letter's dates are
#: in Welsh). A day name is written whole, "dydd Llun"; names are not capitalised after it.
WELSH_MONTHS = (
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
    "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
)  # fmt: skip
WELSH_WEEKDAYS = (
    "dydd Llun", "dydd Mawrth", "dydd Mercher", "dydd Iau", "dydd Gwener", "dydd Sadwrn",
    "dydd Sul",
)  # fmt: skip


def _month(day: date, short: bool = False) -> str:
    name = MONTHS[day.month - 1]
    return name[:3] if short else name


def _weekday(day: date, short: bool = False) -> str:
    name = WEEKDAYS[day.weekday()]
    return name[:3] if short else name


def long_date(day: date | None, language: Language = Language.ENGLISH) -> str:
    """ "Monday 7 December 2026": the date on paper (letters, printed minutes).

    A letter or the minutes name the day of the week as well, so a family reading
    "Monday 7 December" knows which day is meant without a calendar. In Welsh,
    "dydd Llun 7 Rhagfyr 2026" (as a name for the day; "on" that day is
    :func:`welsh_on_date`).
    """
    if day is None:
        return ""
    if language is Language.WELSH:
        return f"{WELSH_WEEKDAYS[day.weekday()]} {plain_date(day, language)}"
    return f"{_weekday(day)} {plain_date(day)}"


def welsh_on_date(day: date | None) -> str:
    """ "ddydd Llun 7 Rhagfyr 2026": "on Monday 7 December 2026" in Welsh, where "dydd"
    takes the soft mutation of a time said as an adverb."""
    if day is None:
        return ""
    return "d" + long_date(day, Language.WELSH)


def plain_date(day: date | None, language: Language = Language.ENGLISH) -> str:
    """ "7 December 2026": a date inside a sentence (a rule's message, a certificate's
    validity, a decision read back), where a weekday would only lengthen the sentence.
    In Welsh, "7 Rhagfyr 2026"."""
    if day is None:
        return ""
    if language is Language.WELSH:
        return f"{day.day} {WELSH_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {_month(day)} {day.year}"


def short_date(day: date | None) -> str:
    """ "7 Dec 2026": a cell of a printed or on-screen table, where width is short."""
    if day is None:
        return ""
    return f"{day.day} {_month(day, short=True)} {day.year}"


def weekday_date(day: date | None) -> str:
    """ "Mon 7 Dec 2026": a date on screen (the home list, the wizard, the distribution
    window), where the chair plans by the day of the week but space is short."""
    if day is None:
        return ""
    return f"{_weekday(day, short=True)} {short_date(day)}"


def day_month(day: date | None) -> str:
    """ "09 Dec": a roll-call table cell. The year is left out (reports fall close to the
    conference) and the day has two digits, so the dates in a column line up."""
    if day is None:
        return ""
    return f"{day.day:02d} {_month(day, short=True)}"


def clock(value: time | datetime | None, *, seconds: bool = False) -> str:
    """ "09:05" (or "09:05:30" with ``seconds``): a time of day, on the 24-hour clock."""
    if value is None:
        return ""
    return f"{value:%H:%M:%S}" if seconds else f"{value:%H:%M}"


def short_moment(moment: datetime | None) -> str:
    """ "Mon 7 Dec 2026 09:05": an instant on screen (:func:`weekday_date` and the time)."""
    if moment is None:
        return ""
    return f"{weekday_date(moment.date())} {clock(moment)}"


def numeric_moment(moment: datetime | None) -> str:
    """ "2026-12-07 09:05": an instant on the command line, which the CLI labels "UTC"."""
    if moment is None:
        return ""
    return f"{moment:%Y-%m-%d %H:%M}"
