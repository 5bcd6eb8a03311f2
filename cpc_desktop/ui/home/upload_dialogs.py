"""Confirm upload… and Wipe local copy… (from Retention…): domain.md §10 item 40, "after
confirmed upload, local copies can be securely wiped".

A chair records that the conference's newest issued minutes were uploaded to the
authority's case system (the day, and the case system's reference, which is required).
Once that is confirmed, Wipe local copy… names the conference, says what goes and why,
and deletes it for good (from the backups beside the store too), leaving a tombstone
that says it was uploaded. Nothing is wiped on its own; a legal hold still stops it.
Every refusal is the service's one line in the window, and nothing changes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.services.retention import Deleted, RetentionLine
from cpc_desktop.ui.screen_dates import screen_short_date as short_date
from cpc_desktop.ui.workspace.appeal_forms import _day_edit, _Form, day_of

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

__all__ = ["ConfirmUploadForm", "WipeForm", "upload_state"]


def upload_state(line: RetentionLine | None) -> str:
    """The selected conference's upload, as the line under the list says it."""
    if line is None:
        return ""
    translate = QtCore.QCoreApplication.translate
    if not line.uploaded:
        return translate(
            "RetentionDialog",
            "Upload: none confirmed for {reference}'s newest issued minutes "
            "(Confirm upload…, Alt+U).",
        ).format(reference=line.reference)
    return translate(
        "RetentionDialog", "Upload: {reference}'s newest issued minutes were {uploaded}."
    ).format(reference=line.reference, uploaded=line.uploaded)


class ConfirmUploadForm(_Form):
    """The day the newest issued minutes went to the case system, and its reference."""

    def __init__(
        self, session: Session, reference: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__("", "", parent)
        self.setWindowTitle(self.tr("Confirm upload — {reference}").format(reference=reference))
        self.ok.setText(self.tr("Con&firm upload"))
        self.setObjectName("confirmUploadForm")
        self.session, self.reference = session, reference
        self.intro.setText(
            self.tr(
                "Record that the newest issued minutes of {reference} were uploaded to the "
                "authority's case system. The local copy may then be wiped before its "
                "retention date; CPC Desktop never wipes it on its own."
            ).format(reference=reference)
        )
        self.case_ref = QtWidgets.QLineEdit()
        self.case_ref.setObjectName("uploadCaseRef")
        self.case_ref.setAccessibleName(self.tr("The case system's reference"))
        self.case_ref.setMaxLength(200)
        today = session.today()
        self.uploaded_on = _day_edit(
            "uploadOn", self.tr("Uploaded on"), today, date(1900, 1, 1), today
        )
        self.row(self.tr("Case system &reference:"), self.case_ref)
        self.row(self.tr("Uploaded o&n:"), self.uploaded_on)

    def _save(self) -> None:
        self.session.uploads.confirm_upload(
            self.reference, self.case_ref.text(), uploaded_on=day_of(self.uploaded_on)
        )


class WipeForm(_Form):
    """Wipe one uploaded conference's local copy, after saying what goes and why."""

    def __init__(
        self, session: Session, line: RetentionLine, parent: QtWidgets.QWidget | None = None
    ) -> None:
        ref = line.reference
        super().__init__("", "", parent)
        self.setWindowTitle(self.tr("Wipe the local copy of {reference}").format(reference=ref))
        self.ok.setText(self.tr("&Wipe {reference}").format(reference=ref))
        self.setObjectName("wipeForm")
        self.session, self.reference = session, ref
        self.result_of: Deleted | None = None
        self.intro.setText(
            self.tr(
                "Wipe the local copy of {reference}, held on {day}? Its newest issued "
                "minutes were {uploaded}. Everything recorded about {reference} in this "
                "store (its minutes, letters, output files, appeals and complaints) is "
                "deleted for good, from the backups beside the store too. Only a tombstone "
                "will remain, saying why. This cannot be undone."
            ).format(reference=ref, day=short_date(line.conference_date), uploaded=line.uploaded)
        )
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.ok.setDefault(False)
        self.ok.setAutoDefault(False)
        cancel.setDefault(True)  # Enter alone does not wipe
        self.reason = QtWidgets.QLineEdit()
        self.reason.setObjectName("wipeReason")
        self.reason.setAccessibleName(self.tr("Why (optional: the upload is said)"))
        self.reason.setMaxLength(1000)
        self.row(self.tr("Anything to &add:"), self.reason)

    def _save(self) -> None:
        wipe = self.session.retention.delete_conference
        self.result_of = wipe(self.reference, self.reason.text())
