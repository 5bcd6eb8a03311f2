"""The roll call's quick-entry row: type a person's name, role, agency and job, press Enter.

Enter in any box (or on the role or the direct-contact box) asks for the person to be
added, unless it is picking an agency from the completion list; the tab does the adding.

Signals (QuickEntry):
    add_requested: the user asked for the person typed to be added.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.enums import ParticipantRole
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.ui.field_limits import bound
from cpc_desktop.ui.workspace.roll_call_dialogs import (
    agency_edit,
    agency_note,
    popup_open,
    role_combo,
)

__all__ = ["QuickEntry"]

_ENTER_KEYS = (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)


class QuickEntry(QtWidgets.QWidget):
    """The row of boxes for the next person to add."""

    add_requested = QtCore.Signal()

    def __init__(
        self,
        completions: QtCore.QStringListModel,
        parent: QtWidgets.QWidget | None = None,
        *,
        describe: Callable[[str], str] = lambda _agency: "",
    ) -> None:
        super().__init__(parent)
        self.name = bound(QtWidgets.QLineEdit(), "$.participants[].name")
        self.name.setObjectName("quickName")
        self.name.setAccessibleName("Name of the person to add")
        self.name.setPlaceholderText("Full name")
        self.role = role_combo("Role of the person to add", ParticipantRole.PROFESSIONAL)
        self.role.setObjectName("quickRole")
        self.agency = bound(
            agency_edit(completions, "Agency of the person to add"),
            "$.participants[].agency",
        )
        self.agency.setObjectName("quickAgency")
        self.agency.setPlaceholderText("Type to choose")
        self.agency_note = agency_note(self.agency, describe)
        self.relationship = bound(QtWidgets.QLineEdit(), "$.participants[].relationship")
        self.relationship.setObjectName("quickRelationship")
        self.relationship.setAccessibleName("Relationship or job of the person to add")
        self.relationship.setPlaceholderText("e.g. GP for the family")
        self.direct_contact = QtWidgets.QCheckBox("&Direct contact with the family")
        self.direct_contact.setObjectName("quickDirectContact")
        self.direct_contact.setAccessibleName(
            "The person to add has direct contact with the family"
        )
        self.add_button = QtWidgets.QPushButton("&Add person")
        self.add_button.setObjectName("quickAdd")
        self.add_button.setAccessibleName("Add the person to the roll call")
        self.add_button.clicked.connect(self.add_requested)
        for edit in (self.name, self.agency, self.relationship):
            edit.returnPressed.connect(self._on_return)
        for widget in (self.role, self.direct_contact):
            widget.installEventFilter(self)

        entry = QtWidgets.QGridLayout(self)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.setHorizontalSpacing(6)
        entry.setVerticalSpacing(2)
        for column, (text, field) in enumerate(
            (
                ("&Name", self.name),
                ("R&ole", self.role),
                ("A&gency", self.agency),
                ("Re&lationship or job", self.relationship),
            )
        ):
            label = QtWidgets.QLabel(text)
            label.setBuddy(field)
            entry.addWidget(label, 0, column)
            entry.addWidget(field, 1, column)
        # The check box and the button sit under the boxes: the row fits a small screen.
        entry.addWidget(self.direct_contact, 2, 0, 1, 2)
        entry.addWidget(self.agency_note, 2, 2)
        entry.addWidget(self.add_button, 2, 3, QtCore.Qt.AlignmentFlag.AlignRight)
        entry.setColumnStretch(0, 3)
        entry.setColumnStretch(1, 2)
        entry.setColumnStretch(2, 3)
        entry.setColumnStretch(3, 3)

    def widgets_in_order(self) -> list[QtWidgets.QWidget]:
        """The boxes and the button, in tab order."""
        return [
            self.name,
            self.role,
            self.agency,
            self.relationship,
            self.direct_contact,
            self.add_button,
        ]

    def typed_name(self) -> str:
        return " ".join(self.name.text().split())

    def value(self) -> NewParticipant:
        """The person as typed (the name may be blank: check :meth:`typed_name` first)."""
        return NewParticipant(
            name=self.typed_name(),
            role=ParticipantRole(self.role.currentData()),
            agency=" ".join(self.agency.text().split()),
            relationship=self.relationship.text().strip(),
            direct_contact=self.direct_contact.isChecked(),
        )

    def clear(self) -> None:
        """Empty the row for the next person."""
        self.name.clear()
        self.agency.clear()
        self.relationship.clear()
        self.direct_contact.setChecked(False)
        self.role.setCurrentIndex(self.role.findData(ParticipantRole.PROFESSIONAL.value))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            watched in (self.role, self.direct_contact)
            and event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() in _ENTER_KEYS
            and not (watched is self.role and self.role.view().isVisible())
        ):
            self.add_requested.emit()
            return True
        return super().eventFilter(watched, event)

    def _on_return(self) -> None:
        if popup_open(self.agency):
            return  # Enter picks the highlighted agency; the next Enter adds the person
        self.add_requested.emit()
