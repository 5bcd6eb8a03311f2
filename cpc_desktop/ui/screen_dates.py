"""Dates on screen in the language of the screens.

The translated screens (:mod:`cpc_desktop.ui.i18n`) show a date the way their words
are written: "7 Dec 2026" in English, "7 Rhagfyr 2026" in Welsh (the Welsh glossary
uses no short month names), and with the day of the week "Mon 7 Dec 2026" or
"dydd Llun 7 Rhagfyr 2026". The words come from :mod:`cpc_desktop.domain.dates`.
"""

from __future__ import annotations

from datetime import date

from cpc_desktop.domain.dates import long_date, plain_date, short_date, weekday_date
from cpc_desktop.domain.enums import Language
from cpc_desktop.ui.i18n import language_in_use


def _welsh() -> bool:
    return language_in_use() is Language.WELSH


def screen_short_date(day: date | None) -> str:
    """A table cell's date: "7 Dec 2026" / "7 Rhagfyr 2026"."""
    return plain_date(day, Language.WELSH) if _welsh() else short_date(day)


def screen_plain_date(day: date | None) -> str:
    """A date in a sentence: "7 December 2026" / "7 Rhagfyr 2026"."""
    return plain_date(day, language_in_use())


def screen_weekday_date(day: date | None) -> str:
    """A date with its weekday: "Mon 7 Dec 2026" / "dydd Llun 7 Rhagfyr 2026"."""
    return long_date(day, Language.WELSH) if _welsh() else weekday_date(day)
