"""The part of a person's details that decides what they receive: their side (with the
chair's reason when it differs from what the role implies), the children they are related
to, their private details, and whom those details are withheld from.

:class:`DisclosureBox` sits in the roll call's details dialog, so the table stays narrow.
Every box and list is reached by Tab; the lists are ticked with the space bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import Child, Participant
from cpc_desktop.domain.enums import ParticipantRole, Side
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.sides import side_for_role
from cpc_desktop.ui.field_limits import bound, tell_readers

__all__ = ["DisclosureBox"]

_AS_ROLE = "As the role implies"
_SIDES = ((None, _AS_ROLE), (Side.FAMILY, "Family side"), (Side.PROFESSIONAL, "Professional side"))


def _ticks(name: str, items: Sequence[tuple[str, str]], ticked: set[str]) -> QtWidgets.QListWidget:
    box = QtWidgets.QListWidget()
    box.setAccessibleName(name)
    box.setObjectName(name.replace(" ", "_").lower())
    for key, text in items:
        item = QtWidgets.QListWidgetItem(text)
        item.setData(QtCore.Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
        checked = QtCore.Qt.CheckState.Checked if key in ticked else QtCore.Qt.CheckState.Unchecked
        item.setCheckState(checked)
        box.addItem(item)
    box.setMaximumHeight(22 * max(2, min(len(items), 5)) + 8)
    return box


def _ticked(box: QtWidgets.QListWidget) -> list[str]:
    return [
        str(box.item(row).data(QtCore.Qt.ItemDataRole.UserRole))
        for row in range(box.count())
        if box.item(row).checkState() is QtCore.Qt.CheckState.Checked
    ]


class DisclosureBox(QtWidgets.QGroupBox):
    """Side, children, private details and withhold-from for one person."""

    def __init__(
        self,
        person: Participant,
        children: Sequence[Child],
        others: Sequence[Participant],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__("Who receives what", parent)
        self.person = person
        self.side = QtWidgets.QComboBox()
        self.side.setObjectName("side")
        self.side.setAccessibleName("Side")
        for value, text in _SIDES:
            self.side.addItem(text, None if value is None else value.value)
        self.show_role(person.role)
        self.side.setCurrentIndex(
            self.side.findData(None if person.side is None else person.side.value)
        )
        self.side_reason = QtWidgets.QLineEdit(person.side_reason or "")
        tell_readers(self.side_reason, "$.participants[].side_reason")
        self.side_reason.setObjectName("sideReason")
        self.side_reason.setAccessibleName("Why this side")
        all_children = not person.child_ids
        self.child_list = _ticks(
            "Related to children",
            [(c.id, child_name(c, blank="A child")) for c in children],
            {c.id for c in children} if all_children else set(person.child_ids),
        )
        self.address = bound(
            QtWidgets.QLineEdit(", ".join(person.address.splitlines())), "$.participants[].address"
        )
        self.address.setAccessibleName("Address")
        self.address.setPlaceholderText("lines separated by commas")
        self.telephone = bound(QtWidgets.QLineEdit(person.telephone), "$.participants[].telephone")
        self.telephone.setAccessibleName("Telephone")
        self.email = bound(QtWidgets.QLineEdit(person.email), "$.participants[].email")
        self.email.setAccessibleName("E-mail")
        self.school = bound(
            QtWidgets.QLineEdit(person.school_or_workplace), "$.participants[].school_or_workplace"
        )
        self.school.setAccessibleName("School or workplace")
        self.withhold = _ticks(
            "Do not disclose details to",
            [(p.id, p.name) for p in others if p.id != person.id],
            set(person.withhold_from),
        )
        note = QtWidgets.QLabel(
            "Private details go only on this person's own letters and in the professionals' "
            "full copy."
        )
        note.setWordWrap(True)
        form = QtWidgets.QFormLayout(self)
        form.addRow("Si&de:", self.side)
        form.addRow("Why t&his side:", self.side_reason)
        form.addRow("Related to c&hildren:", self.child_list)
        form.addRow("", note)
        form.addRow("Addre&ss:", self.address)
        form.addRow("&Telephone:", self.telephone)
        form.addRow("E-&mail:", self.email)
        form.addRow("School or &workplace:", self.school)
        form.addRow("Do not disclose details t&o:", self.withhold)

    def show_role(self, role: ParticipantRole) -> None:
        """Say which side ``role`` implies, on the "as the role implies" choice."""
        implied = side_for_role(role).value
        self.side.setItemText(self.side.findData(None), f"{_AS_ROLE} ({implied} side)")

    def problem(self, role: Any) -> str | None:
        """What stops saving, if anything: a side other than the role's needs a reason."""
        side = self.side.currentData()
        unexplained = not self.side_reason.text().strip()
        if side is not None and Side(side) is not side_for_role(role) and unexplained:
            return "Say why this person is on a different side from the one their role implies."
        return None

    def values(self) -> dict[str, Any]:
        side = self.side.currentData()
        ticked = _ticked(self.child_list)
        every = ticked and len(ticked) == self.child_list.count()
        address = [line.strip() for line in self.address.text().split(",") if line.strip()]
        return {
            "side": None if side is None else Side(side),
            "side_reason": self.side_reason.text().strip() or None,
            "child_ids": () if every or not ticked else tuple(ticked),
            "address": "\n".join(address),
            "telephone": self.telephone.text().strip(),
            "email": self.email.text().strip(),
            "school_or_workplace": self.school.text().strip(),
            "withhold_from": tuple(_ticked(self.withhold)),
        }
