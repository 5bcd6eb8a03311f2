"""The workspace's header: the conference on one line, and the save state ("Saved
14:03:12", or why it is not saved)."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

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


class ElidedLabel(QtWidgets.QLabel):
    """One line of text that ends in "…" when the window is too narrow for it; the whole
    text is its tooltip and its accessible description."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, QtCore.Qt.TextElideMode.ElideRight, max(self.width(), 40)
        )
        if shown != self.text():
            self.setText(shown)
