"""A date box that takes a date typed the usual way, separators and all.

Qt's date box moves to the next part of the date by itself once two digits of the day
(or month) are typed; a "/" typed next moved on once more, so "11/12/2026" became 11
November, silently. Here a separator typed just after such a move is taken as the
separator it is.
"""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

_SEPARATORS = frozenset("/.-")


class TypedDateEdit(QtWidgets.QDateEdit):
    """:class:`QDateEdit` where "11/12/2026" typed in means 11 December 2026."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._moved_on = False  # the last digit typed finished a part of the date

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        text = event.text()
        if text in _SEPARATORS and text and self._moved_on:
            self._moved_on = False
            event.accept()  # the box has moved on already
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        self._moved_on = False
        super().focusInEvent(event)
