"""The child's participation on the Introductions tab: one row of widgets per child."""

from __future__ import annotations

from PySide6 import QtWidgets

from cpc_desktop.domain.conference import Child
from cpc_desktop.domain.enums import ChildParticipation
from cpc_desktop.domain.labels import child_name
from cpc_desktop.ui.field_limits import tell_readers

__all__ = ["PARTICIPATION_LABELS", "ChildRow"]

#: How a child takes part, in plain words.
PARTICIPATION_LABELS: dict[ChildParticipation, str] = {
    ChildParticipation.ATTENDS_ALL: "Attends all",
    ChildParticipation.ATTENDS_PART: "Attends part",
    ChildParticipation.WRITTEN_OR_DRAWN: "Writes or draws",
    ChildParticipation.THROUGH_ADVOCATE: "Through an advocate",
    ChildParticipation.NOT_TAKING_PART: "Not taking part",
}


class ChildRow:
    """The widgets for one child's participation."""

    def __init__(self, child: Child) -> None:
        self.child = child
        name = child_name(child)
        self.label = QtWidgets.QLabel(name)
        self.mode = QtWidgets.QComboBox()
        self.mode.setAccessibleName(f"How {name} takes part")
        self.mode.setPlaceholderText("not recorded yet")
        for mode, label in PARTICIPATION_LABELS.items():
            self.mode.addItem(label, mode.value)
        self.label.setBuddy(self.mode)
        self.reason = QtWidgets.QLineEdit()
        self.reason.setAccessibleName(f"Reason for how {name} takes part")
        self.reason.setPlaceholderText("Reason (needed if not taking part)")
        tell_readers(self.reason, "$.children[].participation_reason")
        self.show(child)

    def show(self, child: Child) -> None:
        self.child = child
        if self.mode.hasFocus() or self.reason.hasFocus():
            return  # the chair is working here: keep what they see
        self.mode.setCurrentIndex(
            -1 if child.participation is None else self.mode.findData(child.participation.value)
        )
        self.reason.setText(child.participation_reason or "")
        self.reason.setCursorPosition(0)
        self.reason.setToolTip(child.participation_reason or "")

    def chosen(self) -> tuple[ChildParticipation | None, str | None]:
        data = self.mode.currentData()
        mode = None if data is None else ChildParticipation(data)
        return mode, self.reason.text().strip() or None
