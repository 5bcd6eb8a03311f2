"""The save state in the workspace's header: "Saved 14:03:12", or why it is not saved."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

#: Before anything is typed in the open conference.
NOTHING_YET = "Nothing typed yet"
_FAILED = "color: #b91c1c; font-weight: bold;"
_SAVED = "color: #166534;"


class SaveStateLabel(QtWidgets.QLabel):
    """Always on screen above the tabs, whichever tab is open (also in the status line)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceSaveState")
        self.setAccessibleName("Save state")
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignTop)
        self.setWordWrap(True)  # a long error wraps rather than widening the window
        metrics = self.fontMetrics()
        self.setMinimumWidth(metrics.horizontalAdvance(NOTHING_YET) + 8)  # one line
        self.setMaximumWidth(metrics.horizontalAdvance("x") * 48)
        self.show_state(NOTHING_YET)

    def show_state(self, text: str) -> None:
        """Show ``text`` as it came from the minutes: red when something is not saved."""
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setStyleSheet(_FAILED if text.startswith("Not saved") else _SAVED)
