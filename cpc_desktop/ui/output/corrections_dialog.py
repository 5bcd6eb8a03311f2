"""Corrections of issued minutes, in the minutes window: **Corrections…** (issue 20).

The requests to correct the minutes and their rulings, in a table; under it the chair
records a new request (who asked: someone in the roll call or anyone named; when; the
entry or passage disputed, and the entry itself chosen from the issued minutes' numbered
entries if one is; what they ask for) and rules on the selected one (accepted,
partly accepted or refused, with reasons; for a refusal or partial acceptance, the
person's statement of disagreement). An accepted request opens the next version as a
draft; the minutes window shows it at once. Only the chair records and rules; anyone may
look. Every refusal is one line under the buttons, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.enums import CorrectionRuling
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.output.common import error_text, text_label
from cpc_desktop.ui.permissions import may, refuse_widget, why_not

TITLE = "Corrections"


def rulings() -> tuple[tuple[str, CorrectionRuling], ...]:
    """The rulings the chair may give, in the screens' language."""
    translate = QtCore.QCoreApplication.translate
    return (
        (
            translate("CorrectionsDialog", "Accepted: open a corrected version"),
            CorrectionRuling.ACCEPTED,
        ),
        (
            translate("CorrectionsDialog", "Partly accepted: open a corrected version"),
            CorrectionRuling.PARTLY,
        ),
        (
            translate("CorrectionsDialog", "Refused: the minutes stay as issued"),
            CorrectionRuling.REFUSED,
        ),
    )


def columns() -> tuple[str, ...]:
    translate = QtCore.QCoreApplication.translate
    return (
        translate("CorrectionsDialog", "Received"),
        translate("CorrectionsDialog", "From"),
        translate("CorrectionsDialog", "About version"),
        translate("CorrectionsDialog", "Ruling"),
        translate("CorrectionsDialog", "Version opened"),
    )


def state_words(request: Any) -> str:
    """Where a request stands (the service's state, in the screens' language)."""
    translate = QtCore.QCoreApplication.translate
    ruled = {
        CorrectionRuling.ACCEPTED: translate("CorrectionsDialog", "accepted"),
        CorrectionRuling.PARTLY: translate("CorrectionsDialog", "partly accepted"),
        CorrectionRuling.REFUSED: translate("CorrectionsDialog", "refused"),
    }.get(request.ruling, translate("CorrectionsDialog", "waiting for the chair's ruling"))
    if request.ruled_at is None:
        return str(ruled)
    day = request.ruled_at.astimezone().date().strftime("%d/%m/%Y")
    return translate("CorrectionsDialog", "{ruling} on {day}").format(ruling=ruled, day=day)


def _text_box(name: str, accessible: str, hint: str) -> QtWidgets.QPlainTextEdit:
    box = QtWidgets.QPlainTextEdit()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setPlaceholderText(hint)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(64)
    return box


class CorrectionsDialog(QtWidgets.QDialog):
    """The correction requests of conference ``ref``; ``changed`` when a version opened."""

    changed = QtCore.Signal()

    def __init__(self, session: Any, ref: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ref = ref
        self.book: Any = None
        self.may_rule = may(session.actor, Action.APPROVE_MINUTES)
        self.setWindowTitle(self.tr("Corrections — {reference}").format(reference=ref))
        self.setObjectName("correctionsDialog")
        self._build()
        self.refresh()
        self.resize(900, 640)

    def _build(self) -> None:
        intro = text_label("correctionsIntro", self.tr("About corrections"))
        intro.setText(
            self.tr(
                "Issued minutes never change. A request accepted (or partly) opens the next "
                "version: correct the minutes, then approve and issue it; its changes are "
                "listed for you. A refused request may carry the person's statement of "
                "disagreement, printed with the full record and their own family copy from "
                "then on."
            )
        )
        self.table = QtWidgets.QTableWidget(0, len(columns()))
        self.table.setObjectName("correctionsTable")
        self.table.setAccessibleName(self.tr("Requests to correct the minutes"))
        self.table.setHorizontalHeaderLabels(columns())
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.details = text_label("correctionDetails", self.tr("The selected request"))

        self.who = QtWidgets.QComboBox()
        self.who.setObjectName("correctionWho")
        self.who.setAccessibleName(self.tr("Who asked"))
        self.who.setEditable(True)
        self.who.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        today = self.session.today()  # the session's clock: a request is never in the future
        self.received = QtWidgets.QDateEdit(QtCore.QDate(today))
        self.received.setMaximumDate(QtCore.QDate(today))
        self.received.setObjectName("correctionReceived")
        self.received.setAccessibleName(self.tr("Received on"))
        self.received.setDisplayFormat("dd/MM/yyyy")
        self.received.setCalendarPopup(True)
        self.disputed = _text_box(
            "correctionDisputed",
            self.tr("What is disputed"),
            self.tr("The entry or passage, in their words"),
        )
        self.entry = QtWidgets.QComboBox()
        self.entry.setObjectName("correctionEntry")
        self.entry.setAccessibleName(self.tr("The entry disputed"))
        self.entry.setToolTip(self.tr("The issued minutes' entry the request is about, if one is"))
        self.entry.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.entry.setMinimumContentsLength(16)
        self.asked = _text_box(
            "correctionAsked", self.tr("What they ask for"), self.tr("What it should say")
        )
        self.record_button = QtWidgets.QPushButton(self.tr("&Record the request"))
        self.record_button.setObjectName("recordCorrection")
        self.record_button.setAccessibleName(self.tr("Record the request"))
        self.record_button.clicked.connect(self.record)
        asked = QtWidgets.QFormLayout()
        asked.addRow(self.tr("&Who asked:"), self.who)
        # The entry beside the date: one row more would not fit 1366×768 at 150 %.
        when_and_what = QtWidgets.QHBoxLayout()
        when_and_what.addWidget(self.received)
        entry_label = QtWidgets.QLabel(self.tr("&Entry:"))
        entry_label.setBuddy(self.entry)
        when_and_what.addWidget(entry_label)
        when_and_what.addWidget(self.entry, 1)
        asked.addRow(self.tr("Re&ceived:"), when_and_what)
        asked.addRow(self.tr("&Disputed:"), self.disputed)
        asked.addRow(self.tr("&Asks for:"), self.asked)
        asked.addRow("", self.record_button)
        asked_box = QtWidgets.QGroupBox(self.tr("A new request"))
        asked_box.setLayout(asked)

        self.ruling = QtWidgets.QComboBox()
        self.ruling.setObjectName("correctionRuling")
        self.ruling.setAccessibleName(self.tr("Ruling"))
        for words, value in rulings():
            self.ruling.addItem(words, value)
        self.ruling.currentIndexChanged.connect(self._ruling_changed)
        self.reasons = _text_box(
            "correctionReasons",
            self.tr("Reasons"),
            self.tr("Why: an accepted correction prints this in every copy of the new version"),
        )
        self.statement = _text_box(
            "correctionStatement",
            self.tr("Statement of disagreement"),
            self.tr("Their statement, if they gave one (refused or partly accepted only)"),
        )
        self.rule_button = QtWidgets.QPushButton(self.tr("R&ule on the selected request"))
        self.rule_button.setObjectName("ruleCorrection")
        self.rule_button.setAccessibleName(self.tr("Rule on the selected request"))
        self.rule_button.clicked.connect(self.rule)
        ruled = QtWidgets.QFormLayout()
        ruled.addRow(self.tr("Ru&ling:"), self.ruling)
        ruled.addRow(self.tr("Rea&sons:"), self.reasons)
        ruled.addRow(self.tr("S&tatement:"), self.statement)
        ruled.addRow("", self.rule_button)
        ruled_box = QtWidgets.QGroupBox(self.tr("The chair's ruling"))
        ruled_box.setLayout(ruled)

        self.problem = text_label("correctionProblem", self.tr("What went wrong"))
        self.problem.setStyleSheet("color: #9b1c1c; font-weight: bold;")
        self.message = text_label("correctionMessage", self.tr("Last action"), bold=True)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("Close"))
        close_button.setAccessibleName(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        forms = QtWidgets.QHBoxLayout()
        forms.addWidget(asked_box)
        forms.addWidget(ruled_box)
        layout.addLayout(forms)
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._ruling_changed()
        if not self.may_rule:
            reason = why_not(self.session.actor, Action.APPROVE_MINUTES)
            for widget in (asked_box, ruled_box):
                refuse_widget(widget, reason)

    # --- state ---------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.book = self.session.corrections.requests(self.ref)
        except Exception as error:
            self._failed(error)
            return
        names = [name for _, name in self.book.people]
        typed = self.who.currentText()
        self.who.clear()
        self.who.addItems(names)
        self.who.setCurrentText(typed)
        self._fill_entries()
        self.table.setRowCount(len(self.book.lines))
        for row, line in enumerate(self.book.lines):
            r = line.request
            cells = (
                r.received.strftime("%d/%m/%Y"),
                r.requested_by,
                line.version or "-",
                state_words(r),
                line.correction or "-",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QtWidgets.QTableWidgetItem(text))
        self._selected()

    def _fill_entries(self) -> None:
        """The newest issued version's entries, numbered as ``correction entries``
        numbers them (the chair's look, audited); none before the minutes are issued."""
        chosen = self.entry.currentData()
        self.entry.clear()
        self.entry.addItem(self.tr("None: a passage, or the minutes as a whole"), None)
        if not self.may_rule:
            return
        try:
            listed = self.session.corrections.entries(self.ref)
        except Exception as error:
            if error_text(error) is None:
                raise
            return
        for line in listed.lines:
            by = f" {line.speaker}:" if line.speaker else ""
            item = line.item or self.tr("(no item)")
            words = f"{line.number}. {item} —{by} {line.opening}"
            self.entry.addItem(words, line.id)
            self.entry.setItemData(
                self.entry.count() - 1, words, QtCore.Qt.ItemDataRole.ToolTipRole
            )
        self.entry.setCurrentIndex(max(0, self.entry.findData(chosen)))

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.book is None:
            return None
        return self.book.lines[rows[0].row()].request

    def _selected(self) -> None:
        request = self.selected()
        if request is None:
            self.details.setText(self.tr("Select a request to see it, and to rule on it."))
            self.rule_button.setEnabled(False)
            return
        parts = [
            self.tr("Disputed: {text}").format(text=request.disputed),
            self.tr("Asks for: {text}").format(text=request.asked),
        ]
        if request.reasons:
            parts.append(self.tr("Reasons: {text}").format(text=request.reasons))
        if request.statement:
            parts.append(
                self.tr("Statement of disagreement: {text}").format(text=request.statement)
            )
        self.details.setText("\n".join(parts))
        pending = request.ruling is CorrectionRuling.PENDING
        self.rule_button.setEnabled(pending and self.may_rule)

    def _ruling_changed(self) -> None:
        accepted = CorrectionRuling(self.ruling.currentData()) is CorrectionRuling.ACCEPTED
        self.statement.setEnabled(not accepted)

    # --- steps ---------------------------------------------------------------------

    def record(self) -> None:
        typed = " ".join(self.who.currentText().split())
        people = {name.casefold(): pid for pid, name in (self.book.people if self.book else ())}
        received = self.received.date().toPython()
        assert isinstance(received, date)

        def act() -> Any:
            return self.session.corrections.record_request(
                self.ref,
                requested_by=typed,
                participant_id=people.get(typed.casefold()),
                received=received,
                disputed=self.disputed.toPlainText(),
                asked=self.asked.toPlainText(),
                entry_id=entry,
            )

        entry = self.entry.currentData()
        made = self._attempt(act)
        if made is not None:
            self.disputed.clear()
            self.asked.clear()
            self.entry.setCurrentIndex(0)
            self._said(
                self.tr("Recorded the request from {name}; it awaits your ruling.").format(
                    name=made.requested_by
                )
            )
            self.refresh()
            self.table.selectRow(len(self.book.lines) - 1)

    def rule(self) -> None:
        request = self.selected()
        if request is None:
            return
        ruling = CorrectionRuling(self.ruling.currentData())
        statement = self.statement.toPlainText() if self.statement.isEnabled() else ""
        ruled = self._attempt(
            lambda: self.session.corrections.rule(
                self.ref, request.id, ruling, self.reasons.toPlainText(), statement
            )
        )
        if ruled is None:
            return
        self.reasons.clear()
        self.statement.clear()
        if ruled.opened is not None:
            self._said(
                self.tr(
                    "Version {version} is open as a draft: correct the minutes, then approve "
                    "and issue it."
                ).format(version=ruled.opened.version)
            )
            self.changed.emit()
        else:
            self._said(self.tr("The request is refused; the minutes stay as issued."))
        self.refresh()

    def _attempt(self, act: Callable[[], Any]) -> Any:
        self.problem.clear()
        try:
            return act()
        except Exception as error:
            self._failed(error)
            return None

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        if message is None:
            raise error
        self.message.clear()
        self.problem.setText(message)

    def _said(self, text: str) -> None:
        self.problem.clear()
        self.message.setText(text)


def corrections_button(
    parent: QtWidgets.QWidget, session: Any, ref: str, changed: Callable[[], None]
) -> QtWidgets.QPushButton:
    """The minutes window's **Corrections…** button, opening :class:`CorrectionsDialog`."""
    translate = QtCore.QCoreApplication.translate
    button = QtWidgets.QPushButton(translate("CorrectionsDialog", "Correction re&quests…"))
    button.setObjectName("corrections_button")
    button.setAccessibleName(translate("CorrectionsDialog", "Correction requests"))
    button.setAutoDefault(False)
    button.setToolTip(
        translate("CorrectionsDialog", "Requests to correct the issued minutes, and your rulings")
    )

    def open_dialog() -> None:
        dialog = CorrectionsDialog(session, ref, parent)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(changed)
        parent.setProperty("corrections_dialog", dialog)
        dialog.open()

    button.clicked.connect(open_dialog)
    return button
