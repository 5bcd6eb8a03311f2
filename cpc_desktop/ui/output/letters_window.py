"""Outcome letters: which the conference needs, what each lacks, and issuing one.

Each row is a letter the conference calls for (domain.md §7). A letter with missing
facts cannot be previewed or issued, and says which facts, by name (checklist item
32). Otherwise the person issuing it confirms the recipient's name and address (filled
in from the last letter to them) before it is issued, and again in the preview before
it can be printed or saved (item 34, the Norfolk lesson). Issuing signs the letter when
a signing certificate is chosen; without one the user is asked whether to issue it
unsigned.

Signals:
    changed: a letter was issued.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.letters import POSTED_KINDS, LetterKind, LetterRequest
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.field_limits import tell_readers
from cpc_desktop.ui.output import certificates
from cpc_desktop.ui.output.common import (
    busy,
    open_pdf,
    plural,
    print_recorder,
    show_error,
    text_label,
)
from cpc_desktop.ui.output.preview_build import open_preview, warm
from cpc_desktop.ui.output.release_panel import AwaitingPanel
from cpc_desktop.ui.output.typeset_job import NOT_TYPESET, typeset_then
from cpc_desktop.ui.permissions import why_not
from cpc_desktop.ui.settings import Preferences

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

TITLE = "Outcome letters"
COLUMNS = ("Letter", "To", "Status")
KIND_NAMES = {
    LetterKind.PARENT: "Decision letter to a parent or carer",
    LetterKind.CHILD: "Letter to the child",
    LetterKind.PROFESSIONAL: "Decision letter to a professional",
    LetterKind.EXCLUDED_PARENT: "Letter to a parent who was excluded",
    LetterKind.PLAN_ENDED: "Plan ended: notice to an agency",
    LetterKind.TRANSFER: "Transfer: letter to the other authority",
}
_MISSING_COLOUR = QtGui.QColor("#9b1c1c")
_ISSUED_COLOUR = QtGui.QColor("#166534")


def status_text(plan: Any, held: Any = None) -> str:
    """ "Missing: …", "Awaiting a check…", "Checked: ready to issue", "Issued 2 times" or
    "Ready". ``held`` is this letter as held for the release check, if it is."""
    if plan.missing:
        return "Missing: " + "; ".join(plan.missing)
    if held is not None:
        return (
            "Checked: ready to issue" if held.confirmed else "Awaiting a check by a second person"
        )
    if plan.issued:
        return f"Issued {plural(plan.issued, 'time')}"
    return "Ready"


def _held_letters(session: Any, ref: str) -> dict[tuple[str | None, str | None], Any]:
    """Letters held for the release check and not yet released, by (recipient, kind)."""
    return {
        (item.recipient_id, item.letter_kind): item
        for item in session.release.pending(ref)
        if item.letter_kind is not None
    }


def confirm_text(name: str, address: tuple[str, ...]) -> str:
    """What the preview asks the user to check before it may be printed or saved."""
    if address:
        return "This letter is for:\n" + "\n".join((name, *address))
    return f"This letter is for: {name} (no postal address)."


class LettersWindow(QtWidgets.QDialog):
    """The outcome letters of conference ``ref``."""

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
        self.plans: tuple[Any, ...] = ()
        self.job: Any = None  # the last letter typeset to issue (typeset_job)
        self.preview_dialog: Any = None
        self._drafts: dict[tuple[str, str | None], tuple[str, str, bool]] = {}
        self._shown: tuple[str, str | None] | None = None
        self.setWindowTitle(f"{TITLE} — {ref}")
        self.setObjectName("lettersWindow")
        warm()  # the typesetting process starts while the chair reads this window
        self._build_ui()
        self.refresh()
        self.resize(1180, 640)

    # --- building ------------------------------------------------------------------

    def _build_ui(self) -> None:
        intro = QtWidgets.QLabel(
            "Every letter this conference needs. Choose one, check the recipient's name and "
            "address, then preview or issue it. A letter cannot be written while a fact it "
            "must state is missing."
        )
        intro.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("lettersTable")
        self.table.setAccessibleName("Letters needed")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selected)

        self.heading = QtWidgets.QLabel()
        self.heading.setObjectName("letterHeading")
        self.heading.setAccessibleName("Selected letter")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.missing = text_label("letterMissing", "What is missing")
        self.missing.setStyleSheet(
            "background: #fde8e8; color: #7f1d1d; border: 1px solid #c53030;"
            " border-radius: 4px; padding: 6px;"
        )
        self.name = QtWidgets.QLineEdit()
        self.name.setObjectName("recipientName")
        self.name.setAccessibleName("Recipient's name")
        self.address = QtWidgets.QPlainTextEdit()
        self.address.setObjectName("recipientAddress")
        self.address.setAccessibleName("Recipient's address, one line per line")
        self.address.setTabChangesFocus(True)
        self.address.setPlaceholderText("One line per line of the address, postcode last")
        self.address.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        tell_readers(self.name, "$.letters[].recipient_name")
        tell_readers(self.address, "$.letters[].recipient_address")
        self.large_print = QtWidgets.QCheckBox("&Large print")
        self.large_print.setAccessibleName("Large print")
        self.confirmed = QtWidgets.QCheckBox("I have &checked this name and address")
        self.confirmed.setObjectName("addressConfirmed")
        self.confirmed.setAccessibleName("I have checked this name and address")
        self.form = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Name:", self.name)
        form.addRow("A&ddress:", self.address)
        form.addRow("", self.large_print)
        form.addRow("", self.confirmed)
        self.preview_button = QtWidgets.QPushButton("&Preview")
        self.preview_button.setObjectName("previewLetter")
        self.preview_button.setAccessibleName("Preview the letter")
        self.issue_button = QtWidgets.QPushButton("&Issue…")
        self.issue_button.setObjectName("issueLetter")
        self.issue_button.setAccessibleName("Issue the letter")
        for button in (self.preview_button, self.issue_button):
            button.setAutoDefault(False)
        self.preview_button.clicked.connect(self.preview)
        self.issue_button.clicked.connect(self.issue)
        self.reason = text_label("letterReason", "Why the letter cannot be issued")
        self.signing = QtWidgets.QLabel()
        self.signing.setObjectName("letterSigning")
        self.signing.setAccessibleName("Signing")
        self.signing.setWordWrap(True)
        self.message = text_label("lettersMessage", "Last action")
        self.message.setStyleSheet("font-weight: bold;")
        for edit in (self.name,):
            edit.textEdited.connect(self._on_edited)
        self.address.textChanged.connect(self._on_address_changed)
        self.confirmed.toggled.connect(self._enable)

        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.issue_button)
        buttons.addStretch(1)
        self.details = QtWidgets.QGroupBox("Recipient")
        details = QtWidgets.QVBoxLayout(self.details)
        details.addWidget(self.heading)
        details.addWidget(self.missing)
        details.addWidget(self.form)
        details.addLayout(buttons)
        details.addWidget(self.reason)
        details.addStretch(1)
        details.addWidget(self.signing)

        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 460])
        splitter.setChildrenCollapsible(False)

        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close_button.setAccessibleName("Close")
        close_button.setAutoDefault(False)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.release_panel = AwaitingPanel(self.session, self.ref)
        layout.addWidget(self.release_panel)
        layout.addWidget(close)

    # --- reading -------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the letters needed again, keeping the selected one."""
        keep = self.selected_plan()
        try:
            self.plans = tuple(self.session.letters.plan(self.ref))
            held = _held_letters(self.session, self.ref)
        except Exception as error:
            show_error(self, error, TITLE)
            return
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.plans))
        for row, plan in enumerate(self.plans):
            values = (
                KIND_NAMES.get(plan.need.kind, str(plan.need.kind)),
                plan.need.recipient_name or "(name to be given)",
                status_text(plan, held.get((plan.need.recipient_id, plan.need.kind.value))),
            )
            for column, value in enumerate(values):
                item = QtWidgets.QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 2 and plan.missing:
                    item.setForeground(_MISSING_COLOUR)
                elif column == 2 and plan.issued:
                    item.setForeground(_ISSUED_COLOUR)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        row = 0
        if keep is not None:
            for index, plan in enumerate(self.plans):
                if _key(plan) == _key(keep):
                    row = index
        if self.plans:
            self.table.selectRow(row)
        self._show_selected()
        self._show_signing()

    def _show_signing(self) -> None:
        path = self.preferences.signing_certificate
        if path is None:
            self.signing.setText(
                "No signing certificate is chosen: letters can only be issued unsigned "
                "(File › Signing certificate…)."
            )
        else:
            self.signing.setText(f"Letters are signed with {path.name}.")

    def selected_plan(self) -> Any:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.plans):
            return None
        return self.plans[rows[0].row()]

    def select(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setFocus()

    # --- the selected letter ---------------------------------------------------------

    def _on_selected(self) -> None:
        self._keep_draft()
        self._show_selected()

    def _keep_draft(self) -> None:
        if self._shown is not None:
            self._drafts[self._shown] = (
                self.name.text(),
                self.address.toPlainText(),
                self.large_print.isChecked(),
            )

    def _show_selected(self) -> None:
        plan = self.selected_plan()
        self._shown = None if plan is None else _key(plan)
        if plan is None:
            self.heading.setText("No letter is needed yet.")
            self.missing.hide()
            self.form.setEnabled(False)
            self._enable()
            return
        need = plan.need
        self.heading.setText(
            f"{KIND_NAMES.get(need.kind, str(need.kind))}: {need.recipient_name or 'the recipient'}"
            + _in_languages(plan.languages)
        )
        if plan.missing:
            self.missing.setText(
                "This letter cannot be written until these are recorded:\n"
                + "\n".join(f"• {fact[:1].upper() + fact[1:]}" for fact in plan.missing)
            )
            self.missing.show()
        else:
            self.missing.hide()
        self.form.setEnabled(not plan.missing)
        name, address, large = self._drafts.get(
            _key(plan), (need.recipient_name, "\n".join(plan.last_address), False)
        )
        for widget in (self.name, self.address, self.large_print, self.confirmed):
            widget.blockSignals(True)
        self.name.setText(name)
        self.address.setPlainText(address)
        self.large_print.setChecked(large)
        self.confirmed.setChecked(False)
        for widget in (self.name, self.address, self.large_print, self.confirmed):
            widget.blockSignals(False)
        self._enable()

    def _on_edited(self) -> None:
        self.confirmed.setChecked(False)  # a changed name or address is checked again
        self._enable()

    def _on_address_changed(self) -> None:
        if self.address.hasFocus():
            self.confirmed.setChecked(False)
        self._enable()

    def recipient(self) -> tuple[str, tuple[str, ...]]:
        name = " ".join(self.name.text().split())
        lines = tuple(" ".join(line.split()) for line in self.address.toPlainText().splitlines())
        return name, tuple(line for line in lines if line)

    def request(self) -> LetterRequest | None:
        plan = self.selected_plan()
        if plan is None:
            return None
        name, address = self.recipient()
        return LetterRequest(
            kind=plan.need.kind,
            recipient_id=plan.need.recipient_id,
            recipient_name=name,
            address=address,
            large_print=self.large_print.isChecked(),
        )

    def why_not(self) -> str:
        """Why the selected letter cannot be issued now, or "" when it can."""
        refused = why_not(self.session.actor, Action.ISSUE_DOCUMENTS)
        if refused:
            return refused
        plan = self.selected_plan()
        if plan is None:
            return "Choose a letter."
        if plan.missing:
            return "Issue is not available: first record " + "; ".join(plan.missing) + "."
        name, address = self.recipient()
        if not name:
            return "Type the recipient's name."
        if not address and plan.need.kind in POSTED_KINDS:
            return "This letter goes by post: type the recipient's address."
        if not self.confirmed.isChecked():
            return "Tick that you have checked the name and address."
        return ""

    def _enable(self) -> None:
        plan = self.selected_plan()
        name, _ = self.recipient()
        can_look = plan is not None and not plan.missing and bool(name)
        reason = self.why_not()
        self.preview_button.setEnabled(can_look)
        self.issue_button.setEnabled(not reason)
        self.reason.setText(reason)
        self.reason.setStyleSheet(
            "color: #7f1d1d;" if plan is not None and plan.missing else "color: #374151;"
        )
        self.issue_button.setToolTip(reason)

    # --- steps ---------------------------------------------------------------------

    def preview(self) -> None:
        request = self.request()
        if request is None or not self.preview_button.isEnabled():
            return
        try:
            with busy():
                made = self.session.letters.preview_document(self.ref, request)
        except Exception as error:
            show_error(self, error, TITLE)
            return
        self.preview_dialog = open_preview(
            self,
            made,
            title=f"Letter to {request.recipient_name}",
            confirm_text=confirm_text(request.recipient_name, request.address),
            look_only=True,
        )

    def issue(self) -> None:
        request = self.request()
        if request is None or not self.issue_button.isEnabled():
            return
        certificate = None
        if self.preferences.signing_certificate is not None:
            certificate = certificates.ask_certificate(self, self.preferences)
            if certificate is None:
                self.message.setText("Not issued: the letter was to be signed.")
                return
        else:
            answer = QtWidgets.QMessageBox.question(
                self,
                "Issue the letter",
                "No signing certificate is chosen, so this letter cannot be signed. "
                "Issue it unsigned?",
            )
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                return
        try:
            with busy():
                made = self.session.letters.preview_document(self.ref, request)
        except Exception as error:
            show_error(self, error, "Issue the letter")
            return
        release = self.session.release

        def typeset(pages: Any) -> None:  # then signed and recorded in one step
            self.release_panel.attempt(
                "Issue the letter",
                lambda: self.session.letters.issue(self.ref, request, certificate, pages),
                lambda: self._held(release.hold_letter(self.ref, request, certificate, pages)),
                lambda pdf: self._issued(pdf, request),
            )

        self.job = typeset_then(
            self,
            made,
            title="Issue the letter",
            failed=NOT_TYPESET.format(what="letter", done="issued"),
            done=typeset,
            cancelled=lambda: self.message.setText("Not issued: the typesetting was cancelled."),
        )

    def _held(self, item: Any) -> Any:
        """The letter is held for a check: the table says so."""
        self.refresh()
        return item

    def _issued(self, pdf: Any, request: LetterRequest) -> None:
        signed = "signed" if pdf.signed else "not signed"
        self.message.setText(
            f"Letter to {request.recipient_name} issued and recorded ({signed}). "
            "Print or save it from the preview once you have checked the address."
        )
        self.refresh()
        self.changed.emit()
        self.preview_dialog = open_pdf(
            self,
            pdf.data,
            title=f"Letter to {request.recipient_name} (issued)",
            file_name=pdf.file_name,
            confirm_text=confirm_text(request.recipient_name, request.address),
            audit_print=print_recorder(self, self.session, pdf.output_id),
        )


def _key(plan: Any) -> tuple[str, str | None]:
    return (str(plan.need.kind), plan.need.recipient_id)


_LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}


def _in_languages(languages: tuple[str, ...]) -> str:
    """ " (in Welsh and English)" when a letter is not simply in English, else ""."""
    if tuple(languages) == ("en",):
        return ""
    return " (in " + " and ".join(_LANGUAGE_NAMES.get(str(x), str(x)) for x in languages) + ")"
