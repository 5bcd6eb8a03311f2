"""Retention… (from the home screen): what falls due, legal holds, and deleting a
conference whose retention has ended (domain.md §10 item 40).

The application never deletes on its own: this window lists each conference's retention
date (its profile's rule), and a chair places or lifts a legal hold (with a reason) or
deletes one conference that is due and not held, after saying why and confirming. A
deleted conference leaves a tombstone, listed below. Deleting asks once more, in words,
before it is done. Every refusal is the service's one line under the buttons, and
nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.retention import RetentionState
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.retention import Deleted, RetentionLine
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.permissions import may, refuse_widget, why_not
from cpc_desktop.ui.record_table import record_table
from cpc_desktop.ui.screen_dates import screen_short_date as short_date
from cpc_desktop.ui.workspace.appeal_forms import _day_edit, day_of, plain

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

NEVER_ON_ITS_OWN = (
    "CPC Desktop never deletes a conference on its own. Each is kept until its retention "
    "date, by its profile's rule; a conference on legal hold is kept whatever its date."
)


def _columns() -> tuple[str, ...]:
    translate = QtCore.QCoreApplication.translate
    return (
        translate("RetentionDialog", "Reference"),
        translate("RetentionDialog", "Held on"),
        translate("RetentionDialog", "Case closed"),
        translate("RetentionDialog", "Kept until"),
        translate("RetentionDialog", "State"),
        translate("RetentionDialog", "Hold"),
        translate("RetentionDialog", "Rule"),
    )


def _tomb_columns() -> tuple[str, ...]:
    translate = QtCore.QCoreApplication.translate
    return (
        translate("RetentionDialog", "Reference"),
        translate("RetentionDialog", "Held on"),
        translate("RetentionDialog", "Deleted on"),
        translate("RetentionDialog", "By"),
        translate("RetentionDialog", "Why"),
    )


def _state_words(state: RetentionState) -> str:
    translate = QtCore.QCoreApplication.translate
    return {
        RetentionState.KEPT: translate("RetentionDialog", "kept"),
        RetentionState.DUE: translate("RetentionDialog", "due for deletion"),
        RetentionState.HELD: translate("RetentionDialog", "on legal hold"),
    }[state]


def _fill(table: QtWidgets.QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QtWidgets.QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()


class RetentionDialog(QtWidgets.QDialog):
    """Retention dates, holds and deletions of the store's conferences."""

    def __init__(self, session: Session, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lines: tuple[RetentionLine, ...] = ()
        self.setWindowTitle(self.tr("Retention"))
        never = QtWidgets.QLabel(
            self.tr(
                "CPC Desktop never deletes a conference on its own. Each is kept until its "
                "retention date, by its profile's rule; a conference on legal hold is kept "
                "whatever its date."
            )
        )
        never.setObjectName("retentionNeverOnItsOwn")
        never.setWordWrap(True)
        self.due_only = QtWidgets.QCheckBox(self.tr("Show only what falls &due (and what is held)"))
        self.due_only.setObjectName("retentionDueOnly")
        self.due_only.setChecked(True)
        self.due_only.toggled.connect(lambda _on: self.reload())
        self.table = record_table(
            "retentionTable", self.tr("Conferences and their retention"), _columns()
        )
        self.table.itemSelectionChanged.connect(self._update)
        self.empty = QtWidgets.QLabel(self.tr("No conference has reached its retention date."))
        self.empty.setObjectName("retentionEmpty")
        self.tombstones = record_table(
            "tombstoneTable", self.tr("Conferences deleted"), _tomb_columns()
        )
        label = QtWidgets.QLabel(self.tr("&Conferences:"))
        label.setBuddy(self.table)
        deleted = QtWidgets.QLabel(self.tr("Deleted from this &store (what is left of each):"))
        deleted.setBuddy(self.tombstones)
        self.reason = QtWidgets.QLineEdit()
        self.reason.setObjectName("retentionReason")
        self.reason.setAccessibleName(self.tr("Why (a hold or a deletion)"))
        self.reason.setPlaceholderText(
            self.tr("why it is held (an inquiry) or deleted (period ended)")
        )
        self.reason.setMaxLength(1000)
        why = QtWidgets.QLabel(self.tr("&Why:"))
        why.setBuddy(self.reason)
        self.problem = QtWidgets.QLabel()
        self.problem.setObjectName("retentionProblem")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.armed: str | None = None  # the conference a second Delete press deletes
        today = session.today()
        self.closed = _day_edit(
            "retentionClosed", self.tr("The case closed on"), today, date(1900, 1, 1), today
        )
        closed_label = QtWidgets.QLabel(self.tr("Case closed o&n:"))
        closed_label.setBuddy(self.closed)
        self.close_button = QtWidgets.QPushButton(self.tr("Set the closure da&te"))
        self.close_button.setObjectName("retentionSetClosed")
        self.close_button.setToolTip(
            self.tr("The retention clock runs from the later of the conference and this date")
        )
        self.close_button.clicked.connect(self.set_closed)
        self.hold_button = QtWidgets.QPushButton(self.tr("Place a legal &hold"))
        self.hold_button.setObjectName("retentionHold")
        self.lift_button = QtWidgets.QPushButton(self.tr("&Lift the hold"))
        self.lift_button.setObjectName("retentionLift")
        self.delete_button = QtWidgets.QPushButton(self.tr("D&elete"))
        self.delete_button.setObjectName("retentionDelete")
        close = QtWidgets.QPushButton(self.tr("Cl&ose"))
        close.clicked.connect(self.accept)
        self.hold_button.clicked.connect(self.hold)
        self.lift_button.clicked.connect(self.lift)
        self.delete_button.clicked.connect(self.delete)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(why)
        buttons.addWidget(self.reason, 1)
        for button in (self.hold_button, self.lift_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(never)
        layout.addWidget(self.due_only)
        layout.addWidget(label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        closing = QtWidgets.QHBoxLayout()
        closing.addWidget(closed_label)
        closing.addWidget(self.closed)
        closing.addWidget(self.close_button)
        closing.addStretch(1)
        layout.addLayout(closing)
        layout.addWidget(self.problem)
        layout.addWidget(deleted)
        layout.addWidget(self.tombstones, 1)
        self.resize(960, 520)
        self.reload()
        self.table.setFocus()

    def reload(self, select: str | None = None) -> None:
        try:
            self.lines = self.session.retention.retention_list(due_only=self.due_only.isChecked())
            stones = self.session.retention.tombstones()
        except ServiceError as error:
            QtWidgets.QMessageBox.warning(self, self.tr("Retention"), error.message)
            return
        _fill(
            self.table,
            [
                (
                    line.reference,
                    short_date(line.conference_date),
                    short_date(line.closed),
                    short_date(line.retain_until),
                    _state_words(line.state),
                    line.hold_reason,
                    f"{line.record_type}: {line.policy}",
                )
                for line in self.lines
            ],
        )
        _fill(
            self.tombstones,
            [
                (
                    stone.reference,
                    short_date(stone.conference_date),
                    short_date(stone.deleted_at.date()),
                    stone.deleted_by,
                    stone.reason,
                )
                for stone in stones
            ],
        )
        self.empty.setVisible(not self.lines)
        found = [n for n, line in enumerate(self.lines) if line.reference == select]
        if self.lines:
            self.table.selectRow(found[0] if found else 0)
        self._update()

    def selected(self) -> RetentionLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.lines[rows[0].row()] if rows else None

    def _update(self) -> None:
        actor, line = self.session.actor, self.selected()
        if line is None or line.reference != self.armed:  # another row: ask again
            self.armed = None
            self.delete_button.setText(self.tr("D&elete"))
        state = line.state if line is not None else None
        wanted = (
            (self.hold_button, Action.MANAGE_RETENTION, state is not RetentionState.HELD),
            (self.lift_button, Action.MANAGE_RETENTION, state is RetentionState.HELD),
            (self.delete_button, Action.DELETE_RECORDS, state is RetentionState.DUE),
            (self.close_button, Action.MANAGE_RETENTION, True),
        )
        for button, action, fits in wanted:
            if not may(actor, action):
                refuse_widget(button, why_not(actor, action))
            else:
                button.setEnabled(line is not None and fits)

    def _do(self, call: Callable[[], object]) -> bool:
        """Run ``call``; a refusal is its one line under the buttons, and changes nothing."""
        try:
            call()
        except ServiceError as error:
            self.problem.setText(plain(error))
            return False
        self.problem.clear()
        return True

    def hold(self) -> None:
        line = self.selected()
        if line is None or not self.hold_button.isEnabled():
            return
        reason = self.reason.text()
        if self._do(lambda: self.session.retention.set_hold(line.reference, True, reason)):
            self.reason.clear()
            self.reload(line.reference)

    def set_closed(self) -> None:
        """Record the day the selected conference's case closed (its clock starts there)."""
        line = self.selected()
        if line is None or not self.close_button.isEnabled():
            return
        day = day_of(self.closed)
        if self._do(lambda: self.session.retention.set_closed(line.reference, day)):
            self.reload(line.reference)

    def lift(self) -> None:
        line = self.selected()
        if line is None or not self.lift_button.isEnabled():
            return
        if self._do(lambda: self.session.retention.set_hold(line.reference, False)):
            self.reload(line.reference)

    def delete(self) -> None:
        """The first press asks for confirmation in words; the second deletes."""
        line = self.selected()
        if line is None or not self.delete_button.isEnabled():
            return
        if not self.reason.text().strip():
            self.problem.setText(
                self.tr("Say why {reference} is deleted (Why:).").format(reference=line.reference)
            )
            return
        if self.armed != line.reference:
            self.armed = line.reference
            self.delete_button.setText(self.tr("Confirm d&elete"))
            self.problem.setText(
                self.tr(
                    "Delete {reference} and everything recorded about it (its minutes, "
                    "letters, output files, appeals and complaints)? Only a tombstone will "
                    "remain; this cannot be undone. Press Confirm delete to go ahead."
                ).format(reference=line.reference)
            )
            return
        reason = self.reason.text()
        done: list[Deleted] = []
        call = self.session.retention.delete_conference
        if self._do(lambda: done.append(call(line.reference, reason))):
            self.reason.clear()
            copies = len(done[0].older_copies)
            said = self.tr("{reference} was deleted; its tombstone is below.").format(
                reference=line.reference
            )
            if copies == 1:
                said += " " + self.tr(
                    "1 older copy of the store beside it (.bak) still hold it until deleted."
                )
            elif copies:
                said += " " + self.tr(
                    "{count} older copies of the store beside it (.bak) still hold it until "
                    "deleted."
                ).format(count=copies)
            self.problem.setText(said)
            self.reload()
