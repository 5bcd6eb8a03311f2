"""Whether a recorded exclusion's grounds and note go into family copies (Shift+F8).

The chair decides this when excluding someone (the exclusion dialog), and may change it
later while the minutes are a draft: after hearing the person's views, say, or when the
police agree that what was said may now be shared. The same two choices as when
excluding: family copies, and also the excluded person's own copy.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import AttendanceEvent
from cpc_desktop.domain.labels import label
from cpc_desktop.ui.field_limits import SHARE_LABEL


class ExclusionSharingDialog(QtWidgets.QDialog):
    """The two sharing choices for one exclusion of ``name``, as recorded."""

    def __init__(
        self,
        name: str,
        event: AttendanceEvent,
        when: str,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Sharing the grounds of {name}'s exclusion")
        grounds = label(event.grounds) if event.grounds is not None else "no grounds recorded"
        about = QtWidgets.QLabel(
            f"{name} was excluded {when}. Grounds: {grounds}."
            + (f" Note: {event.note}" if event.note else "")
        )
        about.setWordWrap(True)
        about.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.shared = QtWidgets.QCheckBox(SHARE_LABEL.replace("&Share", "S&hare"))
        self.shared.setObjectName("exclusionShared")
        self.shared.setAccessibleName("Share the grounds and note with the family")
        self.shared.setChecked(event.shared_with_family)
        self.shown = QtWidgets.QCheckBox("&Also show the grounds in the excluded person's own copy")
        self.shown.setObjectName("exclusionShownToExcluded")
        self.shown.setAccessibleName("Also show them in the excluded person's own copy")
        self.shown.setChecked(event.shown_to_excluded)
        self.shown.setEnabled(event.shared_with_family)
        self.shared.toggled.connect(self._on_shared)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText("Sa&ve")
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.shared)
        layout.addWidget(self.shown)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.shared.setFocus()

    def choice(self) -> tuple[bool, bool]:
        """``(shared with the family, shown to the excluded person too)``."""
        shared = self.shared.isChecked()
        return shared, shared and self.shown.isChecked()

    def _on_shared(self, shared: bool) -> None:
        self.shown.setEnabled(shared)
        if not shared:
            self.shown.setChecked(False)
