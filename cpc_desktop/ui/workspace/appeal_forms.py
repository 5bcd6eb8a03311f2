"""The two forms of the Appeals dialog: record an appeal, and record how it ended.

Each form saves through the appeal service when accepted and stays open with the
service's one line if it is refused, so nothing half-typed is lost. Dates are typed
(or picked) as days; an appeal cannot be received before the conference, nor decided
before it was received, nor either after today (the service says so too).
"""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.appeals import GROUND_WORDS, OUTCOME_WORDS
from cpc_desktop.domain.enums import AppealOutcome
from cpc_desktop.services.appeals import AppealBook, AppealLine, AppealService
from cpc_desktop.services.errors import RuleViolation, ServiceError

#: The outcomes a decided appeal may have (not "waiting").
ENDINGS = (AppealOutcome.UPHELD, AppealOutcome.NOT_UPHELD, AppealOutcome.WITHDRAWN)


def _day_edit(name: str, accessible: str, day: date, low: date, high: date) -> QtWidgets.QDateEdit:
    edit = QtWidgets.QDateEdit(QtCore.QDate(day))
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setDateRange(QtCore.QDate(low), QtCore.QDate(high))
    return edit


def _checks(name: str, accessible: str, items: list[tuple[str, str]]) -> QtWidgets.QListWidget:
    """A list of ticks (Space ticks the current one); each item's data is its key."""
    box = QtWidgets.QListWidget()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    for key, words in items:
        item = QtWidgets.QListWidgetItem(words)
        item.setData(QtCore.Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(QtCore.Qt.CheckState.Unchecked)
        box.addItem(item)
    if items:
        box.setCurrentRow(0)
    # Every tick and its words in view (a laptop at 150 % showed three grounds, cut):
    # as tall as its rows, up to seven, and as wide as its longest line.
    row = max(box.sizeHintForRow(0), box.fontMetrics().height() + 4) if items else 22
    frame = 2 * box.frameWidth() + 4
    box.setFixedHeight(row * max(1, min(len(items), 7)) + frame)
    box.setMinimumWidth(min(box.sizeHintForColumn(0) + frame + 20, 720))
    return box


def day_of(edit: QtWidgets.QDateEdit) -> date:
    chosen = edit.date().toPython()
    assert isinstance(chosen, date)
    return chosen


def ticked(box: QtWidgets.QListWidget) -> list[str]:
    return [
        box.item(row).data(QtCore.Qt.ItemDataRole.UserRole)
        for row in range(box.count())
        if box.item(row).checkState() is QtCore.Qt.CheckState.Checked
    ]


def plain(error: ServiceError) -> str:
    """The refusal as a sentence: a field rule's line without the field's path."""
    if isinstance(error, RuleViolation):
        words = error.problems[0][1]
        return words[:1].upper() + words[1:] + ("" if words.endswith(".") else ".")
    return error.message


class _Form(QtWidgets.QDialog):
    """A form with a problem line and OK/Cancel; :meth:`_save` does the work."""

    def __init__(self, title: str, ok: str, parent: QtWidgets.QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QtWidgets.QFormLayout()
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("appealError")
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok)
        self.ok.setDefault(True)
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        self.intro = QtWidgets.QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def row(self, label: str, widget: QtWidgets.QWidget) -> None:
        shown = QtWidgets.QLabel(label)
        shown.setBuddy(widget)
        self.form.addRow(shown, widget)

    def _save(self) -> None:
        raise NotImplementedError

    def _on_accept(self) -> None:
        try:
            self._save()
        except ServiceError as error:
            self.error.setText(plain(error))
            return
        self.accept()


class RecordAppealForm(_Form):
    """Who appeals, when it was received, about which children, on which grounds."""

    def __init__(
        self,
        service: AppealService,
        book: AppealBook,
        today: date,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(f"Record an appeal — {book.reference}", "&Record", parent)
        self.service, self.book = service, book
        self.intro.setText(
            "Record the appeal as it was received. The conference's decision stands "
            "while the appeal is considered."
        )
        self.appellant = QtWidgets.QComboBox()
        self.appellant.setObjectName("appealAppellant")
        self.appellant.setAccessibleName("Who is appealing")
        for person in book.appellants:
            self.appellant.addItem(person.name, person.id)
        self.received = _day_edit(
            "appealReceived", "Appeal received on", today, book.conference_date, today
        )
        self.which_children = _checks(
            "appealChildren",
            "Children the appeal is about (none ticked: every child)",
            [(child.id, child.name) for child in book.children],
        )
        self.grounds = _checks(
            "appealGrounds",
            "Grounds of the appeal",
            [(ground.value, words) for ground, words in GROUND_WORDS.items()],
        )
        self.details = QtWidgets.QPlainTextEdit()
        self.details.setObjectName("appealDetails")
        self.details.setAccessibleName("Details of the appeal")
        self.details.setTabChangesFocus(True)
        self.details.setMaximumHeight(90)
        self.details.setPlaceholderText("What the appeal says, in the appellant's words")
        self.row("&Who is appealing:", self.appellant)
        self.row("Re&ceived on:", self.received)
        self.row("C&hildren (none ticked: all):", self.which_children)
        self.row("&Grounds (Space ticks):", self.grounds)
        self.row("&Details:", self.details)
        # Wide enough for the longest ground beside its label (the screen's room permitting).
        label = self.fontMetrics().horizontalAdvance("C&hildren (none ticked: all):") + 40
        self.setMinimumWidth(max(self.minimumWidth(), self.grounds.minimumWidth() + label))
        self.appellant.setFocus()

    def _save(self) -> None:
        if self.appellant.currentData() is None:
            raise ServiceError("No one in this conference can appeal: add the parent first")
        self.service.record_appeal(
            self.book.reference,
            self.appellant.currentData(),
            ticked(self.which_children),
            ticked(self.grounds),
            self.details.toPlainText().strip(),
            day_of(self.received),
        )


class AppealOutcomeForm(_Form):
    """How the appeal ended, when, and a note; refused if someone else set it meanwhile."""

    def __init__(
        self,
        service: AppealService,
        reference: str,
        line: AppealLine,
        today: date,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(f"Outcome of an appeal — {reference}", "&Save the outcome", parent)
        self.service, self.reference, self.line = service, reference, line
        appeal = line.appeal
        who = line.appellant or "someone not on the roll call"
        self.intro.setText(
            f"The appeal by {who}, received on {appeal.received.strftime('%d/%m/%Y')}. "
            "Until its outcome is recorded, the conference's decision stands."
        )
        self.outcome = QtWidgets.QComboBox()
        self.outcome.setObjectName("appealOutcome")
        self.outcome.setAccessibleName("How the appeal ended")
        for ending in ENDINGS:
            self.outcome.addItem(OUTCOME_WORDS[ending].capitalize(), ending.value)
        if appeal.outcome in ENDINGS:
            self.outcome.setCurrentIndex(ENDINGS.index(appeal.outcome))
        self.decided = _day_edit(
            "appealDecided",
            "Appeal decided on",
            appeal.decided or today,
            appeal.received,
            max(today, appeal.received),
        )
        self.note = QtWidgets.QPlainTextEdit(appeal.outcome_note)
        self.note.setObjectName("appealNote")
        self.note.setAccessibleName("Note on the outcome")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.row("&Outcome:", self.outcome)
        self.row("D&ecided on:", self.decided)
        self.row("&Note:", self.note)
        self.outcome.setFocus()

    def _save(self) -> None:
        appeal = self.line.appeal
        self.service.decide_appeal(
            self.reference,
            appeal.id,
            self.outcome.currentData(),
            day_of(self.decided),
            self.note.toPlainText().strip(),
            expected={
                "outcome": appeal.outcome,
                "decided": appeal.decided,
                "outcome_note": appeal.outcome_note,
            },
        )
