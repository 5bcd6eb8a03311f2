"""The agenda panel's dialog: the title and time allowed for a new item."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from cpc_desktop.ui.field_limits import bound

__all__ = ["AddItemDialog"]


class AddItemDialog(QtWidgets.QDialog):
    """Title and time allowed for a new agenda item; Enter adds, Escape cancels."""

    def __init__(self, after_title: str | None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add agenda item")
        self.title = bound(QtWidgets.QLineEdit(), "$.agenda[].title")
        self.title.setAccessibleName("Item title")
        self.title.setPlaceholderText("What the item is about")
        self.allowance = QtWidgets.QSpinBox()
        self.allowance.setAccessibleName("Time allowed in minutes")
        self.allowance.setRange(1, 240)
        self.allowance.setValue(10)
        self.allowance.setSuffix(" min")
        where = f"It goes after “{after_title}”." if after_title else "It goes at the end."
        self.where = QtWidgets.QLabel(where)
        self.where.setWordWrap(True)
        self.where.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText("Add item")
        ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        form = QtWidgets.QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("Time &allowed:", self.allowance)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.where)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        if self.title.text().strip():
            super().accept()
