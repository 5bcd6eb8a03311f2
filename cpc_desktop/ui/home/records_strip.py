"""The home screen's line on the records kept after conferences: the complaint steps due
(by each profile's timescales) and the conferences whose retention date has come, with
the Retention… button (domain.md §10 items 36 and 40).

Filled by :meth:`RecordsStrip.show` whenever the home screen is; it only reports. The
Retention… window it opens is closed when the screen locks (:meth:`close_dialog`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6 import QtWidgets

from cpc_desktop.domain.retention import RetentionState
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.ui.workspace.complaint_words import step_words

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

#: How many due complaint steps the line names before "and N more".
SHOWN = 3


class RecordsStrip(QtWidgets.QWidget):
    """Complaints due, and what falls due for deletion; hidden while there is neither
    (so the home screen is no taller). Its Retention… :attr:`button` sits with the home
    screen's other buttons."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.dialog: QtWidgets.QDialog | None = None
        self.complaints = QtWidgets.QLabel()
        self.complaints.setObjectName("complaintsDue")
        self.complaints.setAccessibleName(self.tr("Complaints due"))
        self.complaints.setWordWrap(True)
        self.retention = QtWidgets.QLabel()
        self.retention.setObjectName("retentionDue")
        self.retention.setAccessibleName(self.tr("Retention"))
        self.retention.setWordWrap(True)
        self.button = QtWidgets.QPushButton(self.tr("&Retention…"))
        self.button.setObjectName("retentionButton")
        self.button.setToolTip(self.tr("Retention dates, legal holds and deleting old conferences"))
        self.button.clicked.connect(self.open_retention)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.complaints)
        layout.addWidget(self.retention)
        self.setVisible(False)

    def show_for(self, session: Session) -> None:
        """Read what is due again, as ``session`` may see it."""
        self.session = session
        try:
            due = session.complaints.due_complaints()
            lines = session.retention.retention_list(due_only=True)
        except Exception as error:  # a store error too: one line, the list stays usable
            self.complaints.setText(getattr(error, "message", str(error)))
            self.retention.clear()
            self.setVisible(True)
            return
        today = session.today()
        if due:
            named = "; ".join(
                f"{d.reference} ({d.complainant}): {step_words(d.step, today)}" for d in due[:SHOWN]
            )
            more = (
                self.tr("; and {count} more").format(count=len(due) - SHOWN)
                if len(due) > SHOWN
                else ""
            )
            heading = self.tr("Complaints")
            self.complaints.setText(f"<b>{heading}</b> — {named}{more}")
        else:
            self.complaints.setText(self.tr("No complaint has a step due."))
        ready = sum(1 for line in lines if line.state is RetentionState.DUE)
        held = len(lines) - ready
        self.retention.setText(self._retention_words(ready, held))

        self.complaints.setVisible(bool(due))
        self.retention.setVisible(bool(lines))
        self.setVisible(bool(due or lines))

    def _retention_words(self, ready: int, held: int) -> str:
        if ready == 1:
            said = self.tr(
                "1 conference has reached the end of its retention: a chair may delete it "
                "(Retention…)"
            )
        elif ready:
            said = self.tr(
                "{count} conferences have reached the end of its retention: a chair may "
                "delete it (Retention…)"
            ).format(count=ready)
        else:
            said = self.tr("No conference has reached the end of its retention.")
        if held:
            said += " " + self.tr("{count} on legal hold.").format(count=held)
        return said

    def open_retention(self) -> None:
        if self.session is None:
            return
        from cpc_desktop.ui.home.retention_dialog import RetentionDialog

        try:
            dialog = RetentionDialog(self.session, self)
        except ServiceError as error:
            QtWidgets.QMessageBox.warning(self, self.tr("Retention"), error.message)
            return
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._after_dialog)
        dialog.open()

    def _after_dialog(self) -> None:
        self.dialog = None
        if self.session is not None:
            self.show_for(self.session)

    def close_dialog(self) -> None:
        """Close the Retention window (before the screen locks)."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reject()
