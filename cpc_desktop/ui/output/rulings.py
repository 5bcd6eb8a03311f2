"""The chair's rulings on entries changed while someone was out of the room.

An entry begun before a family member was excluded and written, edited or moved while
they were out is left out of their family copy until the chair decides (disclosure.md;
``domain/redaction.py``). Where the chair approves the minutes, this box lists each
such entry with two buttons, reached by Tab: include it in that person's copy, or leave
it out. Approval waits until every entry is decided.

Signals:
    ruled: a ruling was recorded (its one-line summary); the window reads the state again.
    failed: a ruling was refused (the error), nothing changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.ui.output.common import text_label
from cpc_desktop.ui.output.minutes_state import sentence

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

INTRO = (
    "Each entry below was begun before the person left the room and changed while they "
    "were out. Read it in the full copy, then decide whether it goes into their family "
    "copy. Until you decide, it is left out of their copy and the minutes cannot be "
    "approved. A later change to the entry asks again."
)


class RulingsBox(QtWidgets.QGroupBox):
    """The rulings still to make, each with "Include" and "Leave out" buttons."""

    ruled = QtCore.Signal(str)
    failed = QtCore.Signal(object)

    def __init__(self, session: Session, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__("Entries changed while someone was out of the room", parent)
        self.setObjectName("rulingsBox")
        self.setAccessibleName("Entries changed while someone was out of the room")
        self.session = session
        self.buttons: list[tuple[QtWidgets.QPushButton, QtWidgets.QPushButton]] = []
        self._layout = QtWidgets.QVBoxLayout(self)
        intro = text_label("rulingsIntro", "What to decide")
        intro.setText(INTRO)
        self._layout.addWidget(intro)
        self._rows = QtWidgets.QVBoxLayout()
        self._layout.addLayout(self._rows)
        self.hide()

    def show_rulings(self, rulings: tuple[Any, ...]) -> None:
        """List ``rulings`` (``services.minutes.RulingAsked``); hidden when there are none."""
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        for number, ruling in enumerate(rulings, start=1):
            row = self._row(number, ruling)
            self._rows.addWidget(row)
            row.show()  # now, not when the event loop next runs: focus may go to it
        self.setVisible(bool(rulings))

    def _row(self, number: int, ruling: Any) -> QtWidgets.QWidget:
        row = QtWidgets.QFrame()
        row.setObjectName(f"ruling{number}")
        row.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        question = text_label(f"rulingQuestion{number}", f"Ruling {number}")
        question.setText(f"{sentence(ruling.question)}\n“{ruling.opening}”")
        include = QtWidgets.QPushButton(f"Include in {ruling.person}'s copy")
        leave = QtWidgets.QPushButton(f"Leave out of {ruling.person}'s copy")
        for button, show, verb in ((include, True, "Include"), (leave, False, "Leave out")):
            button.setAutoDefault(False)
            button.setObjectName(f"ruling{number}{'Include' if show else 'LeaveOut'}")
            button.setAccessibleName(f"{button.text()} (ruling {number})")
            button.setAccessibleDescription(ruling.question)
            button.setToolTip(f"{verb}: {ruling.question}")
            button.clicked.connect(lambda _=False, r=ruling, s=show: self.rule(r, s))
        self.buttons.append((include, leave))
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(include)
        buttons.addWidget(leave)
        buttons.addStretch(1)
        layout = QtWidgets.QVBoxLayout(row)
        layout.addWidget(question)
        layout.addLayout(buttons)
        return row

    def rule(self, ruling: Any, show: bool) -> None:
        """Record the chair's ruling through the service; say what was decided."""
        try:
            self.session.entries.rule_on_exclusion(ruling.entry_id, ruling.participant_id, show)
        except Exception as error:
            self.failed.emit(error)
            return
        where = "included in" if show else "left out of"
        self.ruled.emit(f"The entry is {where} {ruling.person}'s family copies.")

    def focus_first(self) -> bool:
        """Put the keyboard on the first ruling's first button; whether there was one."""
        if not self.buttons:
            return False
        self.buttons[0][0].setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        return True
