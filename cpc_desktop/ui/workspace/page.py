"""One open conference: the agenda on the left, introductions and minutes on the right.

Signals:
    saved(str): the save state to show in the status line ("Saved 14:03:12").
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.home.conference_model import TYPE_NAMES, long_date


class WorkspacePage(QtWidgets.QWidget):
    saved = QtCore.Signal(str)

    def __init__(self, session: Any, ref: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record = session.conferences.get(ref)
        self.reference: str = self.record.conference.reference
        self.undo_stack = QtGui.QUndoStack(self)
        self._build_ui()

    def _build_ui(self) -> None:
        c = self.record.conference
        names = ", ".join(
            f"{child.given_name} {child.family_name}".strip() for child in self.record.children
        )
        self.header = QtWidgets.QLabel()
        self.header.setObjectName("conferenceHeader")
        self.header.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.header.setText(
            f"{c.reference} — {TYPE_NAMES.get(c.type.value, c.type.value)} conference, "
            f"{long_date(c.date)} — {names}"
        )
        self.header.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("workspaceTabs")
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    def flush(self) -> None:
        """Write anything typed but not yet saved (before closing, locking or leaving)."""
