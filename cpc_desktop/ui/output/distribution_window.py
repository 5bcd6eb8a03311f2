"""Distribution: who was sent the decision letter and the minutes, and what is late.

One row per invited person, and per person on the family side with parental
responsibility (invited or not) (domain.md §10 item 31): the copy they should get (the family
side a family copy), when the decision letter and the minutes are due, when each
went, which minutes version, and whether it is late. A cell still to send and past its
date says "OVERDUE" as well as being coloured red; one sent after its date says "sent
late" (amber). "Mark sent…" records that one item went to the selected person; the
minutes version and the letter are the latest issued ones where there are any.

Signals:
    changed: something was recorded as sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.domain.enums import CopyKind, MinutesState
from cpc_desktop.domain.labels import label
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.services.distribution import DECISION_LETTER
from cpc_desktop.services.distribution import FULL_MINUTES as MINUTES
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.held import MINUTES_FAMILY, ReleaseItem
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.output import certificates
from cpc_desktop.ui.output.common import busy, plural, show_error, text_label
from cpc_desktop.ui.output.release_panel import AwaitingPanel
from cpc_desktop.ui.output.typeset_job import NOT_TYPESET, typeset_then
from cpc_desktop.ui.permissions import why_not
from cpc_desktop.ui.settings import Preferences

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

TITLE = "Distribution"
ITEM_NAMES = {DECISION_LETTER: "Decision letter", MINUTES: "Minutes"}
METHODS = ("Post", "Secure e-mail", "By hand")
COPY_NAMES = {CopyKind.FULL: "Full", CopyKind.FAMILY: "Family"}


class Column:
    NAME, ROLE, COPY, LETTER_DUE, LETTER_SENT, MINUTES_DUE, MINUTES_SENT, VERSION = range(8)


COLUMNS = (
    "Name",
    "Role",
    "Copy",
    "Letter due",
    "Decision letter sent",
    "Minutes due",
    "Minutes sent",
    "Version",
)
_OVERDUE_BACKGROUND = QtGui.QColor("#fde2e2")
_OVERDUE_FOREGROUND = QtGui.QColor("#8b1111")
_SENT_LATE_BACKGROUND = QtGui.QColor("#fff4d6")
_SENT_LATE_FOREGROUND = QtGui.QColor("#5c3d00")


def sent_text(sent: Any, overdue: bool) -> str:
    """ "OVERDUE — not sent", "Not sent", "Mon 23 Nov 2026, post" or "… (sent late)"."""
    if sent is None:
        return "OVERDUE — not sent" if overdue else "Not sent"
    local = sent.at.astimezone() if sent.at.tzinfo is not None else sent.at
    text = f"{weekday_date(local.date())}, {sent.method.lower() or 'sent'}"
    return f"{text} (sent late)" if overdue else text


class MarkSentDialog(QtWidgets.QDialog):
    """What went to one person, and how."""

    def __init__(
        self,
        line: Any,
        *,
        minutes_version: Any,
        letter: Any,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.line = line
        self.minutes_version = minutes_version
        self.letter = letter
        self.setWindowTitle(f"Mark sent to {line.name}")
        self.setObjectName("markSentDialog")
        self.item = QtWidgets.QComboBox()
        self.item.setAccessibleName("What was sent")
        for key, name in ITEM_NAMES.items():
            self.item.addItem(name, key)
        if line.letter_sent is not None and line.minutes_sent is None:
            self.item.setCurrentIndex(1)
        self.method = QtWidgets.QComboBox()
        self.method.setAccessibleName("How it was sent")
        self.method.addItems(METHODS)
        self.copy = QtWidgets.QLabel(
            f"{COPY_NAMES[line.copy]} copy"
            + (" (on the family side)" if line.copy is CopyKind.FAMILY else "")
        )
        self.copy.setAccessibleName("Copy")
        self.which = QtWidgets.QLabel()
        self.which.setObjectName("sentWhich")
        self.which.setAccessibleName("Which document")
        self.which.setWordWrap(True)
        form = QtWidgets.QFormLayout()
        form.addRow("&What:", self.item)
        form.addRow("&How:", self.method)
        form.addRow("Copy:", self.copy)
        form.addRow("Document:", self.which)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Mark sent")
        self.ok.setAccessibleName("Mark sent")
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.item.currentIndexChanged.connect(self._update)
        self._update()
        self.resize(460, self.sizeHint().height())

    def chosen_item(self) -> str:
        return str(self.item.currentData())

    def _update(self) -> None:
        if self.chosen_item() == MINUTES:
            if self.minutes_version is None:
                self.which.setText(
                    "No version of the minutes is issued yet: issue them before sending them."
                )
                self.ok.setEnabled(False)
                return
            self.which.setText(f"Version {self.minutes_version.version} (the latest issued)")
        elif self.letter is None:
            self.which.setText(
                "No letter to this person was issued from CPC Desktop; the sending is "
                "recorded without one."
            )
        else:
            created = self.letter.created_at
            local = created.astimezone() if created.tzinfo is not None else created
            self.which.setText(f"The letter issued on {weekday_date(local.date())}")
        self.ok.setEnabled(True)


class DistributionWindow(QtWidgets.QDialog):
    """The distribution tracker of conference ``ref``."""

    changed = QtCore.Signal()

    def __init__(
        self,
        session: Session,
        ref: str,
        preferences: Preferences | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ref = ref
        self.preferences = preferences
        self.job: Any = None  # a family copy typeset to be held (typeset_job)
        self.lines: tuple[Any, ...] = ()
        self.setWindowTitle(f"{TITLE} — {ref}")
        self.setObjectName("distributionWindow")
        self._build_ui()
        self.refresh()
        self.resize(1240, 620)

    def _build_ui(self) -> None:
        self.summary = text_label("distributionSummary", "What is late", bold=True, margin=6)
        self.table = QtWidgets.QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("distributionTable")
        self.table.setAccessibleName("Who was sent what")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        for column in (Column.LETTER_SENT, Column.MINUTES_SENT):  # the room goes to what went
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.mark_sent())
        self.mark_button = QtWidgets.QPushButton("&Mark sent…")
        self.mark_button.setObjectName("markSent")
        self.mark_button.setAccessibleName("Mark sent")
        self.mark_button.setToolTip(
            "Record that the decision letter or the minutes went to the selected person"
        )
        self.mark_button.setAutoDefault(False)
        self.mark_button.clicked.connect(self.mark_sent)
        self.message = text_label("distributionMessage", "Last action")
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.mark_button)
        row.addWidget(self.message, 1)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close_button.setAccessibleName("Close")
        close_button.setAutoDefault(False)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.release_panel = AwaitingPanel(self.session, self.ref)
        layout.addWidget(self.release_panel)
        layout.addWidget(close)

    def refresh(self) -> None:
        keep = self.selected_line()
        try:
            self.lines = tuple(self.session.distribution.tracker(self.ref))
        except Exception as error:
            show_error(self, error, TITLE)
            return
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            version = line.minutes_sent.minutes_version if line.minutes_sent else None
            values = (
                line.name,
                label(line.role),
                COPY_NAMES.get(line.copy, str(line.copy)),
                weekday_date(line.letter_due),
                sent_text(line.letter_sent, line.letter_overdue),
                weekday_date(line.minutes_due),
                sent_text(line.minutes_sent, line.minutes_overdue),
                version or "",
            )
            for column, value in enumerate(values):
                item = QtWidgets.QTableWidgetItem(value)
                sent, late = {
                    Column.LETTER_SENT: (line.letter_sent, line.letter_overdue),
                    Column.MINUTES_SENT: (line.minutes_sent, line.minutes_overdue),
                }.get(column, (None, False))
                if late and sent is None:  # still to send, and past its date
                    item.setBackground(_OVERDUE_BACKGROUND)
                    item.setForeground(_OVERDUE_FOREGROUND)
                    bold = item.font()
                    bold.setBold(True)
                    item.setFont(bold)
                    item.setToolTip("Overdue: not sent yet, and past the date it was due")
                elif late:
                    item.setBackground(_SENT_LATE_BACKGROUND)
                    item.setForeground(_SENT_LATE_FOREGROUND)
                    item.setToolTip("Sent after the date it was due")
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._summarise()
        row = 0
        if keep is not None:
            for index, line in enumerate(self.lines):
                if line.participant_id == keep.participant_id:
                    row = index
        if self.lines:
            self.table.selectRow(row)
        refused = why_not(self.session.actor, Action.ISSUE_DOCUMENTS)
        self.mark_button.setEnabled(bool(self.lines) and not refused)
        self.mark_button.setToolTip(refused)

    def overdue_counts(self) -> tuple[int, int]:
        """(decision letters, copies of the minutes) past their date and not sent."""
        letters = sum(1 for x in self.lines if x.letter_overdue and x.letter_sent is None)
        minutes = sum(1 for x in self.lines if x.minutes_overdue and x.minutes_sent is None)
        return letters, minutes

    def _summarise(self) -> None:
        letters, minutes = self.overdue_counts()
        if not self.lines:
            text = "Nobody is invited yet, so nothing is to be sent."
            style = "color: #1f2937;"
        elif letters or minutes:
            parts = []
            if letters:
                parts.append(f"{plural(letters, 'decision letter')}")
            if minutes:
                parts.append(f"{plural(minutes, 'copy', 'copies')} of the minutes")
            first = self.lines[0]
            text = (
                "OVERDUE: " + " and ".join(parts) + " not sent. Decision letters were due by "
                f"{weekday_date(first.letter_due)}, "
                f"the minutes by {weekday_date(first.minutes_due)}."
            )
            style = (
                "background: #fde2e2; color: #8b1111; border: 1px solid #c53030;"
                " border-radius: 4px;"
            )
        else:
            first = self.lines[0]
            text = (
                "Nothing is overdue. Decision letters are due by "
                f"{weekday_date(first.letter_due)}, "
                f"the minutes by {weekday_date(first.minutes_due)}."
            )
            style = "color: #14532d;"
        self.summary.setText(text)
        self.summary.setStyleSheet(style)

    def selected_line(self) -> Any:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.lines):
            return None
        return self.lines[rows[0].row()]

    def select_person(self, name: str) -> None:
        for row, line in enumerate(self.lines):
            if line.name == name:
                self.table.selectRow(row)
                self.table.setFocus()
                return

    def _latest(self, participant_id: str) -> tuple[Any, Any]:
        """The latest issued minutes version and the latest letter to this person."""
        status = self.session.minutes.status(self.ref)
        issued = [v for v in status.versions if v.state is MinutesState.ISSUED]
        record = self.session.conferences.get(self.ref)
        letters = [x for x in record.letters if x.recipient_id == participant_id]
        letters.sort(key=lambda x: x.created_at)
        return (issued[-1] if issued else None), (letters[-1] if letters else None)

    def mark_sent(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        try:
            version, letter = self._latest(line.participant_id)
        except Exception as error:
            show_error(self, error, TITLE)
            return
        dialog = MarkSentDialog(line, minutes_version=version, letter=letter, parent=self)
        try:
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return
            item = dialog.chosen_item()
            method = dialog.method.currentText()
        finally:
            dialog.deleteLater()

        def again() -> None:
            self.release_panel.attempt(
                "Mark sent",
                lambda: self.session.distribution.record_sent(
                    self.ref,
                    line.participant_id,
                    item,
                    copy=line.copy,
                    method=method,
                    minutes_version_id=version.id if item == MINUTES and version else None,
                    letter_id=letter.id if item == DECISION_LETTER and letter else None,
                ),
                lambda: self._held(line, item, version, again),
                lambda _sent: self._recorded(line, item, method),
            )

        again()

    def _held(
        self, line: Any, item: str, version: Any, again: Callable[[], None]
    ) -> ReleaseItem | None:
        """The family's copy of ``item`` for ``line``'s person, held for a check.

        A copy already held and not yet checked is the one offered; otherwise a family
        copy of the issued minutes is made for them now (signed, so the chair's
        certificate is asked for): typeset in the typesetting process, then held, and
        ``again`` runs once it is checked (None is returned meanwhile). A decision
        letter is held where it is issued, in Outcome letters.
        """
        minutes = item == MINUTES
        for held in reversed(self.session.release.pending(self.ref)):
            if held.confirmed or (held.kind == MINUTES_FAMILY) != minutes:
                continue
            if held.recipient_id == line.participant_id or (
                minutes
                and held.recipient_id is None
                and held.minutes_version_id == (version.id if version else None)
            ):
                return held
        if not minutes:
            raise ServiceError(
                f"no decision letter to {line.name} is waiting for a check: issue it from "
                "Outcome letters, where a second person checks it before it goes"
            )
        if self.preferences is None:
            raise ServiceError(
                "a family copy of issued minutes must be signed: open this "
                "window from the Conference menu to choose your certificate"
            )
        certificate = certificates.ask_certificate(self, self.preferences)
        if certificate is None:
            self.message.setText("Not recorded: a family copy of the minutes must be signed.")
            return None
        which = MinutesCopy(CopyKind.FAMILY, line.participant_id)
        made = self.session.minutes.preview_document(self.ref, which)

        def hold(pages: Any) -> None:
            try:
                with busy():
                    held = self.session.release.hold_minutes(self.ref, which, certificate, pages)
            except Exception as error:
                show_error(self, error, "Mark sent")
                return
            self.release_panel.wait_for(held, again)

        self.job = typeset_then(
            self,
            made,
            title="Mark sent",
            failed=NOT_TYPESET.format(what="family copy", done="held"),
            done=hold,
            cancelled=lambda: self.message.setText("Not recorded: the typesetting was cancelled."),
        )
        return None

    def _recorded(self, line: Any, item: str, method: str) -> None:
        self.message.setText(
            f"Recorded: {ITEM_NAMES[item].lower()} sent to {line.name} ({method.lower()})."
        )
        self.refresh()
        self.changed.emit()
