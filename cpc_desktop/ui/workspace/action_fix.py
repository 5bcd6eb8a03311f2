"""Complete or change an action noted in the meeting: its owner, words and due date.

Opened from the closing check (issue 19, point 6) for an action without an owner or a
date, and from the actions list under the agenda (Enter or a double-click on a row:
:func:`open_action`). An action with no date keeps none unless one is typed. Save goes
through ``session.notes.update_action`` with only the fields changed, checked against
what the dialog showed: if someone else changed one of them meanwhile nothing is saved,
the dialog says so in one line and the list shows theirs; Save again keeps what was
typed over theirs, knowingly, and Cancel keeps theirs. Any other refusal is one line in
the dialog, which stays open with what was typed. Its own words are in the language of
the screens; a refusal's line is the service's, in English.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import ConferenceAction
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.ui.date_typing import TypedDateEdit
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.field_limits import bound

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session
    from cpc_desktop.ui.workspace.page import WorkspacePage

NO_DATE = QtCore.QDate(1900, 1, 1)


class ActionDialog(QtWidgets.QDialog):
    #: The action as someone else saved it meanwhile (a save was refused).
    changed_elsewhere = QtCore.Signal(object)

    def __init__(
        self,
        session: Session,
        action: ConferenceAction,
        number: int,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action {number}").format(number=number))
        self._session = session
        self._action = action
        self.saved: ConferenceAction | None = None
        self.owner = bound(QtWidgets.QLineEdit(action.owner), "$.actions[].owner")
        self.owner.setAccessibleName(self.tr("Action owner"))
        self.what = bound(QtWidgets.QLineEdit(action.action), "$.actions[].action")
        self.what.setAccessibleName(self.tr("Action"))
        self.due = TypedDateEdit()
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setCalendarPopup(True)
        self.due.setMinimumDate(NO_DATE)
        self.due.setSpecialValueText(self.tr("no date"))
        self.due.setAccessibleName(self.tr("Action due date"))
        # A box showing "no date" takes no typing, so one without a date starts at
        # today's: saved only if it is changed (``dated``), else the action stays undated.
        when = action.due_date or session.today()
        self.due.setDate(QtCore.QDate(when.year, when.month, when.day))
        self.dated = action.due_date is not None
        self.due.dateChanged.connect(self._dated)
        self.problem = QtWidgets.QLabel()
        self.problem.setObjectName("actionProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.hide()
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Who:"), self.owner)
        form.addRow(self.tr("&What:"), self.what)
        form.addRow(self.tr("&By:") if self.dated else self.tr("&By (no date yet):"), self.due)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        (self.what if action.owner.strip() else self.owner).setFocus()

    def _dated(self) -> None:
        self.dated = True

    def due_date(self) -> date | None:
        """The date in the box, or None when it is "no date" or was never given one."""
        value = self.due.date()
        if not self.dated or value == NO_DATE:
            return None
        return date(value.year(), value.month(), value.day())

    def changes(self) -> dict[str, object]:
        """The fields typed differently from the action shown."""
        typed = {
            "owner": self.owner.text().strip(),
            "action": self.what.text().strip(),
            "due_date": self.due_date(),
        }
        return {key: value for key, value in typed.items() if value != getattr(self._action, key)}

    def _save(self) -> None:
        changes = self.changes()
        if not changes:  # nothing to write
            self.accept()
            return
        shown = {key: getattr(self._action, key) for key in changes}
        try:
            self.saved = self._session.notes.update_action(
                self._action.id,
                expected=shown,
                **changes,  # type: ignore[arg-type]
            )
        except EditedElsewhere as clash:
            theirs: ConferenceAction = clash.theirs
            self._action = theirs  # Save again: mine over theirs, knowingly
            self.changed_elsewhere.emit(theirs)
            self.problem.setText(
                clash.message
                + " "
                + self.tr("Save again to keep what you typed, or Cancel to keep theirs.")
            )
            self.problem.show()
            return
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            self.problem.setText(message)
            self.problem.show()
            return
        self.accept()


def open_action(page: WorkspacePage, action_id: str) -> ActionDialog | None:
    """Open the action's owner, words and date (saved on Save); the actions list shows
    what is saved, theirs too if someone else changed it meanwhile."""
    record = page.session.conferences.get(page.reference)
    found = [(n, a) for n, a in enumerate(record.actions, start=1) if a.id == action_id]
    if not found:
        page.message.emit(
            QtCore.QCoreApplication.translate(
                "ActionDialog", "That action is no longer in the conference."
            )
        )
        return None
    number, action = found[0]
    dialog = ActionDialog(page.session, action, number, page.window())
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    listed = page.actions_agreed
    listed.replace(action)  # as stored now
    dialog.changed_elsewhere.connect(listed.replace)

    def saved() -> None:
        if dialog.saved is None:
            page.message.emit(
                QtCore.QCoreApplication.translate(
                    "ActionDialog", "Action {number} unchanged."
                ).format(number=number)
            )
            return
        listed.replace(dialog.saved)
        page.message.emit(
            QtCore.QCoreApplication.translate("ActionDialog", "Action {number} saved.").format(
                number=number
            )
        )

    dialog.accepted.connect(saved)
    page.closing_dialog = dialog
    dialog.open()
    return dialog
