"""Setting up a conference: its type, date, children and the date its clock runs from.

The date by which it must be held shows as soon as the anchor date is known; a date
after it needs a recorded reason before the conference can be created.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.domain.enums import ConferenceType, MeetingMode, StrategyAnchor
from cpc_desktop.services.conferences import NewChild, NewConference
from cpc_desktop.services.profiles import ProfileChoice
from cpc_desktop.ui.date_typing import TypedDateEdit
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.field_limits import SHARE_LABEL, bound, share_box
from cpc_desktop.ui.home.conference_model import TYPE_NAMES
from cpc_desktop.ui.workspace.roll_call_dialogs import OptionalDateEdit

_ANCHOR_LABELS = {
    ConferenceType.INITIAL: "&Strategy discussion:",
    ConferenceType.PRE_BIRTH: "&Strategy discussion:",
    ConferenceType.TRANSFER_IN: "Written &notice received:",
    ConferenceType.REVIEW: "&Previous conference:",
}


def _anchored(name: str) -> str:
    """The anchor's label for a profile's strategy discussion, keeping its S key."""
    text = name[:1].upper() + name[1:] + ":"
    at = text.casefold().find("s")
    return text if at < 0 else f"{text[:at]}&{text[at:]}"


_MODES = {
    MeetingMode.IN_PERSON: "In person",
    MeetingMode.REMOTE: "Remote",
    MeetingMode.HYBRID: "Hybrid",
}


def _to_date(edit: QtWidgets.QDateEdit) -> date | None:
    value = edit.date()
    if value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


def _date_edit(name: str, optional: bool, today: date) -> QtWidgets.QDateEdit:
    """A date box; an optional one shows "not known" until a date is typed (a digit
    typed there starts from today, so the date can be typed straight in)."""
    if optional:
        edit: QtWidgets.QDateEdit = OptionalDateEdit("not known", today, None)
    else:
        edit = TypedDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setDate(QtCore.QDate(today.year, today.month, today.day))
    edit.setAccessibleName(name)
    return edit


class ChildRow(QtWidgets.QWidget):
    """One child: given name, family name, date of birth (or expected delivery)."""

    def __init__(self, number: int, today: date, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.given = bound(QtWidgets.QLineEdit(), "$.children[].given_name")
        self.given.setPlaceholderText("Given name")
        self.given.setAccessibleName(f"Child {number} given name")
        self.family = bound(QtWidgets.QLineEdit(), "$.children[].family_name")
        self.family.setPlaceholderText("Family name")
        self.family.setAccessibleName(f"Child {number} family name")
        self.born = _date_edit(f"Child {number} date of birth or expected delivery", True, today)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.given, 2)
        layout.addWidget(self.family, 2)
        layout.addWidget(self.born, 1)

    def value(self, unborn: bool) -> NewChild | None:
        given, family = self.given.text().strip(), self.family.text().strip()
        if not given and not family:
            return None
        born = _to_date(self.born)
        if unborn:
            return NewChild(given or "Unborn", family, expected_date_of_delivery=born)
        return NewChild(given, family, date_of_birth=born)


class NewConferenceDialog(QtWidgets.QDialog):
    """Collects a :class:`NewConference`; ``create`` is called on accept."""

    def __init__(
        self,
        today: date,
        preview: Callable[[NewConference], date | None],
        create: Callable[[NewConference], Any],
        parent: QtWidgets.QWidget | None = None,
        question: Callable[[NewConference], str | None] = lambda _new: None,
        choices: Sequence[ProfileChoice] = (),
        chosen: str = "",
        authority: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New conference")
        self._today = today
        self._preview = preview
        self._create = create
        self._question = question
        self._held_anyway: date | None = None
        self._choices = tuple(choices)
        self._chosen = chosen
        self._authority = authority
        self.created: Any = None
        self._build_ui()
        self._refresh()

    def _rules_combo(self) -> QtWidgets.QComboBox:
        """The nation's rules or a local authority's; one whose file has a problem is
        listed, greyed, with the problem as its tooltip."""
        combo = QtWidgets.QComboBox()
        combo.setObjectName("profile")
        combo.setAccessibleName("Rules and local authority")
        model = QtGui.QStandardItemModel(combo)
        for choice in self._choices:
            item = QtGui.QStandardItem(choice.label)
            item.setData(choice.id, QtCore.Qt.ItemDataRole.UserRole)
            if choice.problem is not None:
                item.setEnabled(False)
                item.setText(f"{choice.label}: cannot be used")
                item.setToolTip(choice.problem)
            model.appendRow(item)
        combo.setModel(model)
        usable = [c.id for c in self._choices if c.problem is None]
        wanted = self._chosen if self._chosen in usable else (usable or [""])[0]
        combo.setCurrentIndex(max(combo.findData(wanted), 0))
        combo.setVisible(bool(self._choices))
        return combo

    @property
    def local_authority(self) -> str:
        """The authority typed for a nation's own rules ("" under an authority's file,
        which names its own)."""
        if self._chosen_authority():
            return ""
        return " ".join(self.authority.text().split())

    def _chosen_authority(self) -> str:
        chosen = {c.id: c for c in self._choices}.get(self.profile_id)
        return chosen.authority if chosen is not None else ""

    @property
    def profile_id(self) -> str:
        """The chosen profile's id (England when no choice is offered)."""
        value = self.profile.currentData()
        return str(value) if value else "england"

    def _build_ui(self) -> None:
        self.profile = self._rules_combo()
        self.type = QtWidgets.QComboBox()
        for kind in ConferenceType:
            self.type.addItem(TYPE_NAMES[kind.value], kind)
        self.type.setAccessibleName("Conference type")
        self.date = _date_edit("Conference date", False, self._today)
        self.date_note = QtWidgets.QLabel()
        self.date_note.setObjectName("dateNote")
        self.date_note.setAccessibleName("About the date")
        self.date_note.setWordWrap(True)
        self.start = QtWidgets.QTimeEdit(QtCore.QTime(10, 0))
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName("Start time")
        self.authority = bound(QtWidgets.QLineEdit(self._authority), "$.conference.local_authority")
        self.authority.setAccessibleName("Local authority")
        self.authority.setPlaceholderText("The council or Trust holding the conference")
        self.venue = bound(QtWidgets.QLineEdit(), "$.conference.venue")
        self.venue.setAccessibleName("Venue")
        self.mode = QtWidgets.QComboBox()
        for mode, label in _MODES.items():
            self.mode.addItem(label, mode)
        self.mode.setAccessibleName("Meeting mode")
        self.anchor = _date_edit("Anchor date", True, self._today)
        self.anchor_label = QtWidgets.QLabel()
        self.anchor_label.setBuddy(self.anchor)
        # A second strategy discussion, and which of the two the timescale runs from.
        self.later = _date_edit("Later strategy discussion", True, self._today)
        self.later_label = QtWidgets.QLabel()
        self.later_label.setBuddy(self.later)
        self.clock = QtWidgets.QComboBox()
        self.clock.setObjectName("clockStart")
        self.clock.setAccessibleName("The timescale runs from")
        self.clock_label = QtWidgets.QLabel("Cl&ock runs from:")
        self.clock_label.setBuddy(self.clock)
        self._clock_chosen = False  # until the chair picks, the profile's default holds
        self.clock.activated.connect(lambda _index: setattr(self, "_clock_chosen", True))
        # A transfer-in: the authority the plan comes from (it keeps responsibility until
        # the conference), the person to write to there, and how to reach them.
        self.transfer_from = bound(QtWidgets.QLineEdit(), "$.conference.transfer_from")
        self.transfer_from.setAccessibleName("Transferred from")
        self.transfer_from.setPlaceholderText(
            "The authority holding the plan until this conference"
        )
        self.transfer_contact = bound(QtWidgets.QLineEdit(), "$.conference.transfer_contact")
        self.transfer_contact.setAccessibleName("Contact at that authority")
        self.transfer_details = QtWidgets.QPlainTextEdit()
        self.transfer_details.setAccessibleName("Contact details")
        self.transfer_details.setPlaceholderText(
            "Postal address, one line each, then email and telephone"
        )
        self.transfer_details.setTabChangesFocus(True)
        self.transfer_details.setMaximumHeight(70)
        self.review_number = QtWidgets.QSpinBox()
        self.review_number.setRange(1, 99)
        self.review_number.setAccessibleName("Review number")
        self.due = QtWidgets.QLabel()
        self.due.setObjectName("dueDate")
        self.due.setAccessibleName("Due date")
        self.due.setWordWrap(True)
        self.reason = QtWidgets.QPlainTextEdit()
        self.reason.setAccessibleName("Reason for the delay")
        self.reason.setPlaceholderText(
            "Why the conference is later than the timescale (agreed by the manager and the chair)"
        )
        self.reason.setTabChangesFocus(True)
        # "&Strategy discussion" has the S.
        self.reason_shared = share_box(
            self.reason, "$.conference.delay_reason", text=SHARE_LABEL.replace("&Share", "S&hare")
        )
        self.reason_shared.setObjectName("delayReasonShared")
        self.reason.setMaximumHeight(70)
        self.reason_label = QtWidgets.QLabel("&Reason for delay:")
        self.reason_label.setBuddy(self.reason)

        self.children_box = QtWidgets.QVBoxLayout()
        self.child_rows: list[ChildRow] = []
        add_child = QtWidgets.QPushButton("Add &another child")
        add_child.clicked.connect(self.add_child)
        self.add_child()

        form = QtWidgets.QFormLayout()
        if self._choices:
            form.addRow("R&ules:", self.profile)
        form.addRow("Local authorit&y:", self.authority)
        self._authority_row = form.rowCount() - 1
        form.addRow("&Type:", self.type)
        form.addRow("&Date:", self.date)
        form.addRow("", self.date_note)
        form.addRow("Start &time:", self.start)
        form.addRow("&Venue:", self.venue)
        form.addRow("&Mode:", self.mode)
        form.addRow(self.anchor_label, self.anchor)
        form.addRow(self.later_label, self.later)
        self._later_row = form.rowCount() - 1
        form.addRow(self.clock_label, self.clock)
        self._clock_row = form.rowCount() - 1
        form.addRow("Review &number:", self.review_number)
        self._review_row = form.rowCount() - 1
        form.addRow("Trans&ferred from:", self.transfer_from)
        form.addRow("Contact &person:", self.transfer_contact)
        form.addRow("Contact detai&ls:", self.transfer_details)
        self._transfer_rows = range(form.rowCount() - 3, form.rowCount())
        form.addRow("Due by:", self.due)
        form.addRow(self.reason_label, self.reason)
        form.addRow("", self.reason_shared)
        self._form = form
        children = QtWidgets.QGroupBox("Children")
        children_layout = QtWidgets.QVBoxLayout(children)
        children_layout.addLayout(self.children_box)
        children_layout.addWidget(add_child, 0, QtCore.Qt.AlignmentFlag.AlignLeft)

        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem")
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Create conference")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(children)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for signal in (
            self.profile.currentIndexChanged,
            self.type.currentIndexChanged,
            self.date.dateChanged,
            self.anchor.dateChanged,
            self.later.dateChanged,
            self.clock.currentIndexChanged,
            self.review_number.valueChanged,
        ):
            signal.connect(self._refresh)
        self.setMinimumWidth(620)

    def add_child(self) -> ChildRow:
        row = ChildRow(len(self.child_rows) + 1, self._today)
        row.born.dateChanged.connect(self._refresh)  # a pre-birth conference may be late
        self.child_rows.append(row)
        self.children_box.addWidget(row)
        row.given.setFocus()
        return row

    @property
    def kind(self) -> ConferenceType:
        # Qt hands the item's data back as plain text: made the enum again, so that every
        # "is ConferenceType.X" below holds (a transfer-in kept its notice date only so).
        return ConferenceType(self.type.currentData())

    @property
    def clock_start(self) -> StrategyAnchor:
        """The discussion the chair chose to start the clock from."""
        return StrategyAnchor(self.clock.currentData() or StrategyAnchor.INITIATED)

    def value(self) -> NewConference:
        kind = self.kind
        anchor = _to_date(self.anchor)
        strategy = kind in (ConferenceType.INITIAL, ConferenceType.PRE_BIRTH)
        later = _to_date(self.later) if strategy else None
        unborn = kind is ConferenceType.PRE_BIRTH
        transfer = kind is ConferenceType.TRANSFER_IN
        children = tuple(c for c in (row.value(unborn) for row in self.child_rows) if c)
        start = self.start.time()
        return NewConference(
            type=kind,
            profile=self.profile_id,
            date=_to_date(self.date) or self._today,
            children=children,
            start_time=None if not start.isValid() else start.toPython(),  # type: ignore[arg-type]
            venue=self.venue.text().strip(),
            local_authority=self.local_authority,
            mode=self.mode.currentData(),
            strategy_discussion_date=anchor if strategy else None,
            last_strategy_discussion_date=later,
            strategy_anchor=self.clock_start if later is not None else None,
            transfer_notice_date=anchor if kind is ConferenceType.TRANSFER_IN else None,
            previous_conference_date=anchor if kind is ConferenceType.REVIEW else None,
            review_number=self.review_number.value() if kind is ConferenceType.REVIEW else 0,
            transfer_from=self.transfer_from.text().strip() if transfer else "",
            transfer_contact=self.transfer_contact.text().strip() if transfer else "",
            transfer_contact_details=self.transfer_details.toPlainText().strip()
            if transfer
            else "",
            delay_reason=self.reason.toPlainText().strip() or None,
            delay_reason_shared=bool(self.reason.toPlainText().strip())
            and self.reason_shared.isChecked(),
        )

    def _refresh(self) -> None:
        kind = self.kind
        self._form.setRowVisible(self._authority_row, not self._chosen_authority())
        text = _ANCHOR_LABELS[kind]
        strategy = kind in (ConferenceType.INITIAL, ConferenceType.PRE_BIRTH)
        chosen = {c.id: c for c in self._choices}.get(self.profile_id)
        if strategy and chosen is not None:
            text = _anchored(chosen.strategy_discussion)
        self.anchor_label.setText(text)
        self._refresh_clock(strategy, chosen)
        self._form.setRowVisible(self._review_row, kind is ConferenceType.REVIEW)
        for row in self._transfer_rows:
            self._form.setRowVisible(row, kind is ConferenceType.TRANSFER_IN)
        value = self.value()
        self.date_note.setText(self._question(value) or "")
        self.date_note.setVisible(bool(self.date_note.text()))
        try:
            due = self._preview(value) if _to_date(self.anchor) else None
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            self.due.setText(message)
            due = None
        late = due is not None and value.date > due
        if due is None:
            self.due.setText("Give the anchor date to see when it is due.")
        else:
            warning = "  — later than the timescale: give the reason" if late else ""
            counted = ""
            if value.last_strategy_discussion_date is not None:
                which = "later" if value.strategy_anchor is StrategyAnchor.LAST else "first"
                counted = f" (counted from the {which} discussion)"
            self.due.setText(weekday_date(due) + counted + warning)
        self.due.setStyleSheet("color: #b91c1c; font-weight: bold;" if late else "")
        self.reason.setVisible(late)
        self.reason_label.setVisible(late)
        self.reason_shared.setVisible(late)

    def _refresh_clock(self, strategy: bool, chosen: ProfileChoice | None) -> None:
        """A later discussion may be given for an initial conference; once it is, the
        chair chooses which discussion starts the clock (the profile's default first)."""
        name = chosen.strategy_discussion if chosen is not None else "strategy discussion"
        self.later_label.setText(f"&Later {name}:")
        self._form.setRowVisible(self._later_row, strategy)
        default = chosen.strategy_anchor if chosen is not None else StrategyAnchor.INITIATED
        options = {
            StrategyAnchor.INITIATED: f"The {name} that started the enquiry",
            StrategyAnchor.LAST: f"The later {name}",
        }
        wanted = self.clock_start if self._clock_chosen else default
        labels = [options[a] + ("  (the usual rule here)" if a is default else "") for a in options]
        if [self.clock.itemText(i) for i in range(self.clock.count())] != labels:
            self.clock.blockSignals(True)
            self.clock.clear()
            for anchor, label in zip(options, labels, strict=True):
                self.clock.addItem(label, anchor)
            self.clock.setCurrentIndex(max(self.clock.findData(wanted), 0))
            self.clock.blockSignals(False)
        self._form.setRowVisible(self._clock_row, strategy and _to_date(self.later) is not None)

    def _on_accept(self) -> None:
        value = self.value()
        if not value.children:
            self.error.setText("Add at least one child.")
            self.child_rows[0].given.setFocus()
            return
        question = self._question(value)
        if question is not None and value.date != self._held_anyway:
            if not self._hold_anyway(question):
                self.date.setFocus()
                return
            self._held_anyway = value.date  # asked once for this date
        try:
            self.created = self._create(value)
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            self.error.setText(message)
            return
        self.accept()

    def _hold_anyway(self, question: str) -> bool:
        """Ask before a conference is set on a weekend or bank holiday (default: no)."""
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Question,
            "Unusual date",
            f"{question} Hold the conference on that day?",
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QtWidgets.QMessageBox.StandardButton.No)
        hold = box.button(QtWidgets.QMessageBox.StandardButton.Yes)
        hold.setText("&Hold it that day")
        box.button(QtWidgets.QMessageBox.StandardButton.No).setText("&Change the date")
        box.exec()
        return box.clickedButton() is hold
