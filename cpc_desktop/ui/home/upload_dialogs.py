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

from PySide6 import QtWidgets

from cpc_desktop.domain.dates import short_date
from cpc_desktop.services.retention import Deleted, RetentionLine
from cpc_desktop.ui.workspace.appeal_forms import _day_edit, _Form, day_of

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

__all__ = ["ConfirmUploadForm", "WipeForm", "upload_state"]


def upload_state(line: RetentionLine | None) -> str:
    """The selected conference's upload, as the line under the list says it."""
    if line is None:
        return ""
    if not line.uploaded:
        return (
            f"Upload: none confirmed for {line.reference}'s newest issued minutes "
            "(Confirm upload…, Alt+U)."
        )
    return f"Upload: {line.reference}'s newest issued minutes were {line.uploaded}."


class ConfirmUploadForm(_Form):
    """The day the newest issued minutes went to the case system, and its reference."""

    def __init__(
        self, session: Session, reference: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(f"Confirm upload — {reference}", "Con&firm upload", parent)
        self.setObjectName("confirmUploadForm")
        self.session, self.reference = session, reference
        self.intro.setText(
            f"Record that the newest issued minutes of {reference} were uploaded to the "
            "authority's case system. The local copy may then be wiped before its "
            "retention date; CPC Desktop never wipes it on its own."
        )
        self.case_ref = QtWidgets.QLineEdit()
        self.case_ref.setObjectName("uploadCaseRef")
        self.case_ref.setAccessibleName("The case system's reference")
        self.case_ref.setMaxLength(200)
        today = session.today()
        self.uploaded_on = _day_edit("uploadOn", "Uploaded on", today, date(1900, 1, 1), today)
        self.row("Case system &reference:", self.case_ref)
        self.row("Uploaded o&n:", self.uploaded_on)

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
        super().__init__(f"Wipe the local copy of {ref}", f"&Wipe {ref}", parent)
        self.setObjectName("wipeForm")
        self.session, self.reference = session, ref
        self.result_of: Deleted | None = None
        self.intro.setText(
            f"Wipe the local copy of {ref}, held on {short_date(line.conference_date)}? "
            f"Its newest issued minutes were {line.uploaded}. Everything recorded about "
            f"{ref} in this store (its minutes, letters, output files, appeals and "
            "complaints) is deleted for good, from the backups beside the store too. Only "
            "a tombstone will remain, saying why. This cannot be undone."
        )
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.ok.setDefault(False)
        self.ok.setAutoDefault(False)
        cancel.setDefault(True)  # Enter alone does not wipe
        self.reason = QtWidgets.QLineEdit()
        self.reason.setObjectName("wipeReason")
        self.reason.setAccessibleName("Why (optional: the upload is said)")
        self.reason.setMaxLength(1000)
        self.row("Anything to &add:", self.reason)

    def _save(self) -> None:
        wipe = self.session.retention.delete_conference
        self.result_of = wipe(self.reference, self.reason.text())
