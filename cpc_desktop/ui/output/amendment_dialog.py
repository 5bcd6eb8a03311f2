"""The dialog a chair fills in to correct issued minutes: who asked, and what changes."""

from __future__ import annotations

from PySide6 import QtWidgets

from cpc_desktop.ui.field_limits import tell_readers


class AmendmentDialog(QtWidgets.QDialog):
    """Who asked for a correction to issued minutes, and what changes (the amendment log)."""

    def __init__(self, version: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Correct the issued minutes")
        self.setObjectName("amendmentDialog")
        intro = QtWidgets.QLabel(
            f"Version {version} stays as it was issued. A new draft version is opened for "
            "the correction; it is approved and issued like the first, and what changed is "
            "listed then. A person's request is recorded under Correction requests…"
        )
        intro.setWordWrap(True)
        self.asked_by = QtWidgets.QLineEdit()
        self.asked_by.setAccessibleName("Who asked for the correction")
        self.asked_by.setPlaceholderText("e.g. Justyna Harland (mother), by letter of 2 Dec")
        self.changes = QtWidgets.QPlainTextEdit()
        self.changes.setAccessibleName("What changes")
        self.changes.setTabChangesFocus(True)
        self.changes.setPlaceholderText("What is wrong and what it will say instead")
        for box in (self.asked_by, self.changes):  # together, the version's amendment note
            tell_readers(box, "$.minutes_versions[].amendment_note")
        form = QtWidgets.QFormLayout()
        form.addRow("&Who asked:", self.asked_by)
        form.addRow("What &changes:", self.changes)
        self.problem = QtWidgets.QLabel()
        self.problem.setObjectName("amendmentProblem")
        self.problem.setAccessibleName("What is missing")
        self.problem.setStyleSheet("color: #9b1c1c;")
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Open the correction")
        self.ok.setAccessibleName("Open the correction")
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(560, 320)

    def note(self) -> str:
        who = " ".join(self.asked_by.text().split())
        what = self.changes.toPlainText().strip()
        return f"Asked for by {who}. {what}" if who and what else ""

    def accept(self) -> None:
        if not self.asked_by.text().strip():
            self.problem.setText("Say who asked for the correction.")
            self.asked_by.setFocus()
            return
        if not self.changes.toPlainText().strip():
            self.problem.setText("Say what is wrong and what changes.")
            self.changes.setFocus()
            return
        super().accept()
