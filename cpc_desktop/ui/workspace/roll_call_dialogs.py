"""The roll call's details dialog and the small widgets it shares with the quick entry.

:class:`DetailsDialog` edits everything about one person apart from their attendance;
:class:`OptionalDateEdit` is a date that may be missing; :func:`agency_edit` and
:func:`role_combo` are the agency and role boxes of both the dialog and the quick entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import Child, Participant
from cpc_desktop.domain.enums import ParticipantRole, Side
from cpc_desktop.domain.sides import side_for_role
from cpc_desktop.ui.date_typing import TypedDateEdit
from cpc_desktop.ui.field_limits import bound
from cpc_desktop.ui.workspace.participant_disclosure import DisclosureBox
from cpc_desktop.ui.workspace.participant_model import ROLE_LABELS
from cpc_desktop.ui.workspace.participant_standing import StandingBox

__all__ = [
    "ERROR_STYLE",
    "DetailsDialog",
    "OptionalDateEdit",
    "agency_edit",
    "popup_open",
    "role_combo",
]

_NO_DATE = QtCore.QDate(1900, 1, 1)
#: How a problem line looks, in the dialog and in the tab.
ERROR_STYLE = "color: #b91c1c; font-weight: bold;"


def _qdate(day: date) -> QtCore.QDate:
    return QtCore.QDate(day.year, day.month, day.day)


class OptionalDateEdit(TypedDateEdit):
    """A date that may be missing: the lowest date shows ``none_text``.

    From "missing", an arrow key or a typed digit starts at ``start`` (usually
    today) rather than in 1900; Delete makes the date missing again.
    """

    def __init__(
        self,
        none_text: str,
        start: date,
        value: date | None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._start = _qdate(start)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText(none_text)
        self.setToolTip(f"Press Delete for “{none_text}”")
        self.set_value(value)

    def value(self) -> date | None:
        chosen = self.date()
        if chosen == self.minimumDate():
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(_NO_DATE if value is None else _qdate(value))

    def _missing(self) -> bool:
        return self.date() == self.minimumDate()

    def stepBy(self, steps: int) -> None:
        if self._missing():
            self.setDate(self._start)
            return
        super().stepBy(steps)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves a missing date at once: showing "not known" it has no parts to
        move between, and Qt's date box would keep the focus for ever."""
        if self._missing():
            return QtWidgets.QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key.Key_Delete and not event.modifiers():
            self.setDate(_NO_DATE)
            return
        if self._missing() and event.text().isdigit():
            self.setDate(self._start)
            self.setSelectedSection(QtWidgets.QDateTimeEdit.Section.DaySection)
        super().keyPressEvent(event)


def agency_edit(completions: QtCore.QStringListModel, name: str) -> QtWidgets.QLineEdit:
    edit = QtWidgets.QLineEdit()
    edit.setAccessibleName(name)
    completer = QtWidgets.QCompleter(completions, edit)
    completer.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(QtCore.Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return edit


def agency_note(edit: QtWidgets.QLineEdit, describe: Callable[[str], str]) -> QtWidgets.QLabel:
    """A line under an agency box saying what the typed name was taken as (see
    :meth:`cpc_desktop.domain.agencies.AgencyMatch.note`), kept up to date as it is typed."""
    note = QtWidgets.QLabel()
    note.setObjectName("agencyNote")
    note.setAccessibleName("How the agency counts")
    note.setWordWrap(True)
    note.setStyleSheet("color: palette(placeholder-text);")

    def update(text: str) -> None:
        said = describe(text)
        note.setText(said)
        note.setVisible(bool(said))
        edit.setAccessibleDescription(said)

    edit.textChanged.connect(update)
    update(edit.text())
    return note


def popup_open(edit: QtWidgets.QLineEdit) -> bool:
    completer = edit.completer()
    popup = None if completer is None else completer.popup()
    return popup is not None and popup.isVisible()


def role_combo(name: str, current: ParticipantRole) -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox()
    combo.setAccessibleName(name)
    for role, label in ROLE_LABELS.items():
        combo.addItem(label, role.value)
    combo.setCurrentIndex(combo.findData(current.value))
    return combo


class DetailsDialog(QtWidgets.QDialog):
    """Everything about one person apart from their attendance.

    :meth:`changes` gives only the fields that differ from the person as opened.
    Saving calls :attr:`save` (the tab's), which closes the dialog if it returns true.
    If someone else changed a field being saved meanwhile, the tab calls
    :meth:`show_conflict`: the typed values stay, the dialog says whose change is stored
    and offers **Keep mine** (save over theirs, knowingly: :attr:`base` is then theirs)
    or **Keep theirs** (close, saving nothing).
    """

    def __init__(
        self,
        person: Participant,
        completions: QtCore.QStringListModel,
        today: date,
        parent: QtWidgets.QWidget | None = None,
        *,
        children: tuple[Child, ...] = (),
        others: tuple[Participant, ...] = (),
        describe: Callable[[str], str] = lambda _agency: "",
        wales: bool = False,
    ) -> None:
        """``wales``: the conference follows the Wales profile (the standing box says
        the language choice must be asked and recorded)."""
        super().__init__(parent)
        self.person = person
        #: What a save is checked against: the person as opened, or theirs after a clash.
        self.base = person
        self.save: Callable[[DetailsDialog], bool] = lambda _dialog: True
        self.disclosure = DisclosureBox(person, children, others)
        self.standing = StandingBox(person, wales=wales)
        self.setWindowTitle(f"Details for {person.name}")
        self.name = bound(QtWidgets.QLineEdit(person.name), "$.participants[].name")
        self.name.setAccessibleName("Name")
        self.role = role_combo("Role", person.role)
        self.role.currentIndexChanged.connect(
            lambda: self.disclosure.show_role(ParticipantRole(self.role.currentData()))
        )
        self.agency = bound(agency_edit(completions, "Agency"), "$.participants[].agency")
        self.agency.setText(person.agency)
        self.agency_note = agency_note(self.agency, describe)
        self.relationship = bound(
            QtWidgets.QLineEdit(person.relationship), "$.participants[].relationship"
        )
        self.relationship.setAccessibleName("Relationship or job")
        self.direct_contact = QtWidgets.QCheckBox("Has &direct contact with the child or family")
        self.direct_contact.setAccessibleName("Direct contact with the family")
        self.direct_contact.setChecked(person.direct_contact)
        self.report_received = OptionalDateEdit("not received", today, person.report_received)
        self.report_received.setObjectName("reportReceived")
        self.report_received.setAccessibleName("Report received on")
        self.report_shared = OptionalDateEdit("not shared", today, person.report_shared_with_family)
        self.report_shared.setObjectName("reportShared")
        self.report_shared.setAccessibleName("Report shared with the family on")
        self.interpreter = bound(
            QtWidgets.QLineEdit(person.interpreter_language or ""),
            "$.participants[].interpreter_language",
        )
        self.interpreter.setAccessibleName("Interpreter language")
        self.interpreter.setPlaceholderText("blank if no interpreter is needed")
        self.advocate = QtWidgets.QCheckBox("Needs an &advocate")
        self.advocate.setAccessibleName("Advocate needed")
        self.advocate.setChecked(person.advocate_needed)
        self.error = QtWidgets.QLabel()
        self.error.setAccessibleName("Problem")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

        form = QtWidgets.QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("A&gency:", self.agency)
        form.addRow("", self.agency_note)
        form.addRow("Re&lationship:", self.relationship)
        form.addRow("", self.direct_contact)
        form.addRow("Report r&eceived:", self.report_received)
        form.addRow("Report &shared with family:", self.report_shared)
        form.addRow("&Interpreter language:", self.interpreter)
        form.addRow("", self.advocate)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText("Sa&ve")
        ok.setDefault(True)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        self.keep_mine = buttons.addButton(
            "Keep &mine", QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.keep_mine.setAccessibleName("Keep mine: save these details over theirs")
        self.keep_mine.clicked.connect(self._on_accept)
        self.keep_theirs = buttons.addButton(
            "Keep &theirs", QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.keep_theirs.setAccessibleName("Keep theirs: close saving nothing")
        self.keep_theirs.clicked.connect(self.reject)
        self.ok = ok
        for button in (self.keep_mine, self.keep_theirs):
            button.hide()
        # The fields scroll (focus keeps the field in view); the problem line and the
        # buttons stay put, so the dialog fits a 768-pixel screen at any scale.
        body = QtWidgets.QWidget()
        fields = QtWidgets.QVBoxLayout(body)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addLayout(form)
        fields.addWidget(self.standing)
        fields.addWidget(self.disclosure)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        wanted = body.sizeHint()
        width = wanted.width() + scroll.verticalScrollBar().sizeHint().width() + 24
        self.setMinimumWidth(max(460, width))
        self._fit(width, wanted.height() + buttons.sizeHint().height() + 60)
        self.name.setFocus()

    def _fit(self, width: int, height: int) -> None:
        """Resize to ``width`` × ``height``, or as much of the screen as there is."""
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 40), min(height, room.height() - 80)
        self.resize(width, height)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "role": ParticipantRole(self.role.currentData()),
            "agency": " ".join(self.agency.text().split()),
            "relationship": self.relationship.text().strip(),
            "direct_contact": self.direct_contact.isChecked(),
            "report_received": self.report_received.value(),
            "report_shared_with_family": self.report_shared.value(),
            "interpreter_language": self.interpreter.text().strip() or None,
            "advocate_needed": self.advocate.isChecked(),
            **self.standing.values(),
            **self.disclosure.values(),
        }

    def changes(self) -> dict[str, Any]:
        return {
            key: value for key, value in self.values().items() if getattr(self.person, key) != value
        }

    def _on_accept(self) -> None:
        values = self.values()
        if not values["name"]:
            self.error.setText("The name cannot be blank.")
            self.name.setFocus()
            return
        problem = self.disclosure.problem(values["role"])
        if problem:
            self.error.setText(problem)
            self.disclosure.side_reason.setFocus()
            return
        side = values["side"] or side_for_role(values["role"])
        problem = self.standing.problem(values["name"], Side(side))
        if problem:
            self.error.setText(problem)
            self.standing.responsibility.setFocus()
            return
        received, shared = values["report_received"], values["report_shared_with_family"]
        if shared is not None and (received is None or shared < received):
            self.error.setText("A report cannot be shared with the family before it is received.")
            self.report_received.setFocus()
            return
        if self.save(self):
            self.accept()

    def show_conflict(self, theirs: Participant, message: str) -> None:
        """Someone else saved ``theirs`` meanwhile: say so, keep what was typed, offer
        to keep mine (saved over theirs) or theirs (close)."""
        self.base = theirs
        self.error.setText(f"{message} Keep mine to save yours over it, or keep theirs.")
        self.ok.hide()
        self.keep_mine.show()
        self.keep_theirs.show()
        self.keep_mine.setDefault(True)
        self.keep_mine.setFocus()
