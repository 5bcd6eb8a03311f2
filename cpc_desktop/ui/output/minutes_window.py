"""Minutes and approval: the versions of one conference's minutes and the chair's steps.

Draft → approved by the chair → issued (signed, and never changed again); a correction
opens a new draft version that says who asked and what changes (domain.md §6, checklist
items 29 and 30). The window lists every version, says plainly what stops approval,
and offers only the steps the current state allows. Previews are for looking at; a
copy to send comes from Issue or Export, which record it.

Signals:
    changed: the minutes' state changed (approved, reopened, issued, corrected).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.enums import CopyKind, Language, MinutesState
from cpc_desktop.domain.labels import label
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.domain.sides import family_side, is_family_side
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.output import certificates
from cpc_desktop.ui.output.amendment_dialog import AmendmentDialog
from cpc_desktop.ui.output.common import (
    busy,
    open_pdf,
    print_recorder,
    show_error,
    text_label,
)
from cpc_desktop.ui.output.corrections_dialog import corrections_button
from cpc_desktop.ui.output.minutes_export import export_copy, left_out
from cpc_desktop.ui.output.minutes_state import (
    VersionsTable,
    next_step,
    sentence,
    show_banner,
)
from cpc_desktop.ui.output.preview_build import open_preview, warm
from cpc_desktop.ui.output.release_panel import AwaitingPanel
from cpc_desktop.ui.output.rulings import RulingsBox
from cpc_desktop.ui.output.typeset_job import NOT_TYPESET, typeset_then
from cpc_desktop.ui.permissions import may, why_not
from cpc_desktop.ui.settings import Preferences

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

TITLE = "Minutes and approval"
ANY_FAMILY = "Any family member"


#: What the window says of a copy's languages (nothing for a copy in English only).
IN_LANGUAGES = {
    (Language.WELSH,): "in Welsh",
    (Language.WELSH, Language.ENGLISH): "in Welsh and English, Welsh first",
}


def export_choices(family: list[Any], professionals: list[Any]) -> list[tuple[str, MinutesCopy]]:
    """What Export offers: the full copy, family copies, and named people's copies."""
    choices = [
        ("Full copy (professionals only)", MinutesCopy()),
        (f"Family copy for {ANY_FAMILY.lower()}", MinutesCopy(CopyKind.FAMILY)),
    ]
    for person in family:
        choices.append(
            (
                f"Family copy for {person.name} ({label(person.role)})",
                MinutesCopy(CopyKind.FAMILY, person.id),
            )
        )
    for person in professionals:
        choices.append(
            (
                f"Full copy for {person.name} ({label(person.role)})",
                MinutesCopy(CopyKind.FULL, person.id),
            )
        )
    return choices


def _button(text: str, name: str) -> QtWidgets.QPushButton:
    button = QtWidgets.QPushButton(text)
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    button.setObjectName(name.lower().replace(" ", "_") + "_button")
    return button


class MinutesWindow(QtWidgets.QDialog):
    """The versions of the minutes of conference ``ref`` and the chair's next step."""

    changed = QtCore.Signal()

    def __init__(
        self,
        session: Session,
        ref: str,
        preferences: Preferences,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ref = ref
        self.preferences = preferences
        self.status: Any = None
        self.preview_dialog: Any = None
        self.issued_pdf: Any = None  # the signed file, once issued from this window
        self.job: Any = None  # the last copy typeset to issue or export (typeset_job)
        # What the role may do here, from the one permission table (services/roles.py).
        self.is_chair = may(session.actor, Action.APPROVE_MINUTES)
        self.may_issue = may(session.actor, Action.ISSUE_DOCUMENTS)
        self.may_export = may(session.actor, Action.EXPORT)
        record = session.conferences.get(ref)
        # Entitlement follows each person's side, not their role (disclosure.md).
        self.family = list(family_side(record))
        self.professionals = [p for p in record.participants if not is_family_side(p)]
        self.setWindowTitle(f"{TITLE} — {ref}")
        self.setObjectName("minutesWindow")
        warm()  # the typesetting process starts while the chair reads this window
        self._build_ui()
        self.refresh()
        self.resize(1100, 640)

    # --- building ------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.banner = text_label(
            "minutesBanner", "State of the minutes", bold=True, scale=1.15, margin=8
        )

        self.table = VersionsTable()

        self.problems_box = QtWidgets.QGroupBox("What stops approval")
        self.problems_box.setObjectName("approvalProblemsBox")
        self.problems = QtWidgets.QLabel()
        self.problems.setObjectName("approvalProblems")
        self.problems.setAccessibleName("What stops approval")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.problems.setStyleSheet("color: #7f1d1d;")
        box = QtWidgets.QVBoxLayout(self.problems_box)
        box.addWidget(self.problems)
        self.rulings = RulingsBox(self.session)
        self.rulings.ruled.connect(self._ruled)
        self.rulings.failed.connect(lambda error: show_error(self, error, "Decide on an entry"))

        self.preview_full_button = _button("&Preview full copy", "Preview the full copy")
        self.preview_family_button = _button("Preview fami&ly copy", "Preview the family copy")
        self.family_choice = QtWidgets.QComboBox()
        self.family_choice.setObjectName("familyChoice")
        self.family_choice.setAccessibleName("Family copy for")
        self.family_choice.addItem(ANY_FAMILY, None)
        for person in self.family:
            self.family_choice.addItem(f"{person.name} ({label(person.role)})", person.id)
        family_label = QtWidgets.QLabel("Family copy &for:")
        family_label.setBuddy(self.family_choice)
        self.approve_button = _button("&Approve…", "Approve")
        self.reopen_button = _button("&Reopen", "Reopen")
        self.issue_button = _button("&Issue and sign…", "Issue and sign")
        self.correct_button = _button("&Correct…", "Correct")
        self.export_button = _button("&Export…", "Export")
        self.corrections_button = corrections_button(self, self.session, self.ref, self.refresh)
        self.preview_full_button.clicked.connect(self.preview_full)
        self.preview_family_button.clicked.connect(self.preview_family)
        self.approve_button.clicked.connect(self.approve)
        self.reopen_button.clicked.connect(self.reopen)
        self.issue_button.clicked.connect(self.issue)
        self.correct_button.clicked.connect(self.correct)
        self.export_button.clicked.connect(self.export)

        look = QtWidgets.QHBoxLayout()
        look.addWidget(self.preview_full_button)
        look.addSpacing(16)
        look.addWidget(family_label)
        look.addWidget(self.family_choice)
        look.addWidget(self.preview_family_button)
        look.addStretch(1)
        steps = QtWidgets.QHBoxLayout()
        for button in (
            self.approve_button,
            self.reopen_button,
            self.issue_button,
            self.correct_button,
            self.export_button,
            self.corrections_button,
        ):
            steps.addWidget(button)
        steps.addStretch(1)

        self.reason = QtWidgets.QLabel()
        self.reason.setObjectName("nextStep")
        self.reason.setAccessibleName("Next step")
        self.reason.setWordWrap(True)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("minutesMessage")
        self.message.setAccessibleName("Last action")
        self.message.setWordWrap(True)
        self.message.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.message.setStyleSheet("font-weight: bold;")
        self.message.hide()

        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button = close.button(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        self.close_button.setAutoDefault(False)
        close.rejected.connect(self.reject)

        look_box = QtWidgets.QGroupBox(
            "Look at a copy (for checking only: nothing is recorded or sent)"
        )
        look_box.setLayout(look)
        steps_box = QtWidgets.QGroupBox("Approve, issue and send")
        steps_layout = QtWidgets.QVBoxLayout(steps_box)
        steps_layout.addLayout(steps)
        steps_layout.addWidget(self.reason)
        steps_layout.addWidget(self.message)
        self.release_panel = AwaitingPanel(self.session, self.ref)
        steps_layout.addWidget(self.release_panel)
        versions = QtWidgets.QLabel("&Versions")
        versions.setBuddy(self.table)
        versions.setStyleSheet("font-weight: bold;")

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.problems_box)
        layout.addWidget(self.rulings)
        layout.addWidget(steps_box)
        layout.addWidget(look_box)
        layout.addWidget(versions)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)

    # --- state ---------------------------------------------------------------------

    @property
    def state(self) -> MinutesState | None:
        current = None if self.status is None else self.status.current
        return None if current is None else current.state

    def refresh(self) -> None:
        """Read the minutes' state again and show it."""
        try:
            self.status = self.session.minutes.status(self.ref)
        except Exception as error:
            show_error(self, error, TITLE)
            return
        self.table.show_versions(self.status.versions)
        show_banner(self.banner, self.status.current, self.state)
        self._enable()

    def _enable(self) -> None:
        state = self.state
        problems = self.status.problems
        draft = state in (None, MinutesState.DRAFT)
        chair = self.is_chair
        self.problems_box.setVisible(draft and bool(problems))
        self.problems.setText("\n".join(f"• {sentence(p.message)}" for p in problems))
        self.rulings.show_rulings(self.status.rulings if draft and chair else ())
        self.approve_button.setEnabled(draft and chair and not problems)
        self.reopen_button.setEnabled(chair and state is MinutesState.APPROVED)
        self.issue_button.setEnabled(self.may_issue and state is MinutesState.APPROVED)
        self.correct_button.setEnabled(chair and state is MinutesState.ISSUED)
        self.export_button.setEnabled(self.may_export and state is not MinutesState.APPROVED)
        actor = self.session.actor
        for button, action in (
            (self.reopen_button, Action.APPROVE_MINUTES),
            (self.issue_button, Action.ISSUE_DOCUMENTS),
            (self.correct_button, Action.APPROVE_MINUTES),
            (self.export_button, Action.EXPORT),
        ):
            button.setToolTip(why_not(actor, action))
        self.preview_family_button.setEnabled(True)
        reason = next_step(state, chair=chair, problems=len(problems))
        self.reason.setText(reason)
        self.approve_button.setToolTip(reason if not self.approve_button.isEnabled() else "")

    def _ruled(self, said: str) -> None:
        self.refresh()
        self._say(said)
        if not self.rulings.focus_first():
            self.approve_button.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- looking -------------------------------------------------------------------

    def _family_copy(self) -> MinutesCopy:
        return MinutesCopy(CopyKind.FAMILY, self.family_choice.currentData())

    def _family_name(self, which: MinutesCopy) -> str:
        for person in (*self.family, *self.professionals):
            if person.id == which.recipient_id:
                return str(person.name)
        return ANY_FAMILY.lower()

    def preview_full(self) -> None:
        self._preview(MinutesCopy(), "full copy")

    def preview_family(self) -> None:
        which = self._family_copy()
        self._preview(which, f"family copy for {self._family_name(which)}")

    def _preview(self, which: MinutesCopy, what: str) -> None:
        try:
            with busy():
                made = self.session.minutes.preview_document(self.ref, which)
        except Exception as error:
            show_error(self, error, TITLE)
            return
        note = ""
        if which.copy is CopyKind.FAMILY:
            languages = IN_LANGUAGES.get(self.session.minutes.languages(self.ref, which), "")
            copy = f"Family copy for {self._family_name(which)}"
            copy += f", {languages}" if languages else ""
            note = f"{copy}: {left_out(made.redactions)}"
            self._say(note)
        issued = self.state is MinutesState.ISSUED and which.copy is CopyKind.FULL
        # Typeset in another process: the first page at once, then the rest.
        self.preview_dialog = open_preview(
            self,
            made,
            title=f"Minutes {self.ref}, {what}",
            look_only=True,
            note=note if not issued else "This is the issued, signed copy.",
        )

    # --- steps ---------------------------------------------------------------------

    def approve(self) -> None:
        if not self.approve_button.isEnabled():
            return
        current = self.status.current
        number = current.version if current else "1.0"
        answer = QtWidgets.QMessageBox.question(
            self,
            "Approve the minutes",
            f"Approve version {number} of the minutes of {self.ref} as an accurate record?\n\n"
            "Once approved, nothing in the record can change unless you reopen it.",
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        try:
            with busy():
                version = self.session.minutes.approve(self.ref)
        except Exception as error:
            show_error(self, error, "Approve the minutes")
            self.refresh()
            return
        self._say(f"Version {version.version} approved. Next: issue and sign it.")
        self._after_change()

    def reopen(self) -> None:
        if not self.reopen_button.isEnabled():
            return
        try:
            version = self.session.minutes.reopen(self.ref)
        except Exception as error:
            show_error(self, error, "Reopen the minutes")
            self.refresh()
            return
        self._say(f"Version {version.version} is a draft again: the record can be changed.")
        self._after_change()

    def issue(self) -> None:
        if not self.issue_button.isEnabled():
            return
        current = self.status.current
        answer = QtWidgets.QMessageBox.question(
            self,
            "Issue the minutes",
            f"Issue version {current.version} of the minutes of {self.ref}, signed by you?\n\n"
            "Issued minutes can never be changed: a correction makes a new version.",
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        certificate = certificates.ask_certificate(self, self.preferences)
        if certificate is None:
            self._say("Not issued: the minutes need your signing certificate.")
            return
        try:
            with busy():
                made = self.session.minutes.issue_document(self.ref)
        except Exception as error:
            show_error(self, error, "Issue the minutes")
            self.refresh()
            return
        # Typeset in the typesetting process; then signed and recorded in one step.
        self.job = typeset_then(
            self,
            made,
            title="Issue the minutes",
            failed=NOT_TYPESET.format(what="minutes", done="issued"),
            done=lambda pages: self._issue_typeset(certificate, pages),
            cancelled=lambda: self._say("Not issued: the typesetting was cancelled."),
        )

    def _issue_typeset(self, certificate: Any, pages: Any) -> None:
        current = self.status.current
        try:
            with busy():
                pdf = self.session.minutes.issue(self.ref, certificate, pages)
        except Exception as error:
            show_error(self, error, "Issue the minutes")
            self.refresh()
            return
        self.issued_pdf = pdf
        self._say(
            f"Version {current.version} issued and signed as {certificate.subject}. "
            "Print or save the signed copy from the preview."
        )
        self._after_change()
        self.preview_dialog = open_pdf(
            self,
            pdf.data,
            title=f"Minutes {self.ref}, version {current.version} (issued)",
            file_name=pdf.file_name,
            note="The full copy as issued and signed: for professionals only.",
            audit_print=print_recorder(self, self.session, pdf.output_id),
        )

    def correct(self) -> None:
        if not self.correct_button.isEnabled():
            return
        dialog = AmendmentDialog(self.status.current.version, self)
        try:
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return
            note = dialog.note()
        finally:
            dialog.deleteLater()
        try:
            version = self.session.minutes.amend(self.ref, note)
        except Exception as error:
            show_error(self, error, "Correct the minutes")
            self.refresh()
            return
        self._say(
            f"Version {version.version} opened as a draft. Make the correction in the minutes, "
            "then approve and issue it."
        )
        self._after_change()

    def export_choices(self) -> list[tuple[str, MinutesCopy]]:
        return export_choices(self.family, self.professionals)

    def export(self) -> None:
        """Export a copy chosen from :meth:`export_choices` (``minutes_export``)."""
        if self.export_button.isEnabled():
            export_copy(self)

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
