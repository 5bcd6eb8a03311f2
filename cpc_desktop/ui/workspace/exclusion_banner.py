"""The line over the minutes naming who is excluded now (F8 in the introductions).

What is written while a person is out of the room is left out of their copy of the
minutes (:mod:`cpc_desktop.domain.redaction`), so the minute-taker is told, in words,
for as long as the exclusion lasts. It follows the roll call (:meth:`set_participants`)
and, like the family screen, reads the clock again now and then: an exclusion given an
end time ends by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.quorum import excluded_at

#: How often the clock is read again (the family screen's pace).
REREAD_MS = 15_000


def excluded_line(names: Sequence[str]) -> str:
    """The banner's words for ``names`` (empty: nobody is excluded now)."""
    if not names:
        return ""
    if len(names) == 1:
        return (
            f"Excluded now: {names[0]}. What is written now is left out of "
            f"{names[0]}'s copy of the minutes."
        )
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return (
        f"Excluded now: {listed}. What is written now is left out of each of "
        "their copies of the minutes."
    )


class ExclusionBanner(QtWidgets.QLabel):
    """Hidden while nobody is excluded; otherwise one line naming them."""

    def __init__(
        self,
        participants: Sequence[Participant],
        now: Callable[[], datetime],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exclusionBanner")
        self.setAccessibleName("Excluded now")
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)  # a screen reader can reach it
        self.setStyleSheet(
            "QLabel { background: #fff4ce; color: #3b2f00; border: 1px solid #8a6d00;"
            " padding: 4px; font-weight: bold; }"
        )
        self._now = now
        self._participants = tuple(participants)
        self.clock = QtCore.QTimer(self)
        self.clock.setInterval(REREAD_MS)
        self.clock.timeout.connect(self.reread)
        self.clock.start()
        self.reread()

    def set_participants(self, participants: Sequence[Participant]) -> None:
        self._participants = tuple(participants)
        self.reread()

    def excluded(self) -> tuple[str, ...]:
        """The names of those excluded at the time now, in roll call order."""
        now = self._now()
        return tuple(
            p.name.strip() or "a participant" for p in self._participants if excluded_at(p, now)
        )

    def reread(self) -> None:
        """Work the line out again at the time now; shown only while someone is out."""
        line = excluded_line(self.excluded())
        if line != self.text():
            self.setText(line)
            self.setAccessibleDescription(line)
        self.setVisible(bool(line))
