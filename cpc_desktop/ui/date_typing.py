"""A date box that takes a date typed the usual way, separators and all.

Qt's date box moves to the next part of the date by itself once two digits of the day
(or month) are typed; a "/" typed next moved on once more, so "11/12/2026" became 11
November, silently. Here a separator typed just after such a move is taken as the
separator it is. Any of "/", "." and "-" separates ("3.5.2019" is 3 May 2019, whatever
the box shows between the parts), and a year of two digits is this century's unless
that is more than ten years ahead ("3/5/19" is 3 May 2019, "1/1/85" 1 January 1985).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

_SEPARATORS = frozenset("/.-")
_SHORT_YEAR = re.compile(r"^\s*(\d{1,2})\D(\d{1,2})\D(\d{1,2})\s*$")
_COMMIT_KEYS = frozenset({QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter})


def full_year(short: int, today: date | None = None) -> int:
    """The year a two-digit ``short`` year means: this century's, unless that is more
    than ten years ahead, then the last century's."""
    this_year = (today or date.today()).year
    year = this_year // 100 * 100 + short
    return year - 100 if year > this_year + 10 else year


def short_year_date(text: str, today: date | None = None) -> date | None:
    """The day-month-year date in ``text`` when its year has one or two digits."""
    found = _SHORT_YEAR.match(text)
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(full_year(year, today), month, day)
    except ValueError:
        return None


class TypedDateEdit(QtWidgets.QDateEdit):
    """:class:`QDateEdit` where "11/12/2026", "3.5.2019" and "3/5/19" typed in mean
    11 December 2026, 3 May 2019 and 3 May 2019."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._moved_on = False  # the last digit typed finished a part of the date

    def _separator(self) -> str:
        """The character the box shows between the parts of the date."""
        return next((c for c in self.displayFormat() if not c.isalnum()), "/")

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        text = event.text()
        if text in _SEPARATORS and text and self._moved_on:
            self._moved_on = False
            event.accept()  # the box has moved on already
            return
        if text in _SEPARATORS and text and text != self._separator():
            event = QtGui.QKeyEvent(
                event.type(), QtCore.Qt.Key.Key_Slash, event.modifiers(), self._separator()
            )
        if event.key() in _COMMIT_KEYS:
            self._take_short_year()
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        self._moved_on = False
        super().focusInEvent(event)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        self._take_short_year()
        super().focusOutEvent(event)

    def _take_short_year(self) -> None:
        """A two-digit year typed in: the date it means, before Qt reads it as year 19."""
        meant = short_year_date(self.text())
        if meant is not None:
            self.setDate(QtCore.QDate(meant.year, meant.month, meant.day))
