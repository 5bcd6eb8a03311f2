"""The part of a person's details about how the family is written to and who must be:
whether they were invited, the language they chose, and parental responsibility.

:class:`StandingBox` sits in the roll call's details dialog. Under the Wales profile it
says that the language choice must be asked and recorded (Welsh Language Standards) and
that everyone with parental responsibility is invited and told the outcome; elsewhere
the same fields are there without the note.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtWidgets

from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.enums import Language, Side
from cpc_desktop.domain.labels import LANGUAGE_NAMES

__all__ = ["LANGUAGE_CHOICES", "StandingBox"]

#: The language box's choices, in order: what each says and the value it stores.
LANGUAGE_CHOICES: tuple[tuple[str, Language | None], ...] = (
    ("Not asked yet", None),
    *((name, language) for language, name in LANGUAGE_NAMES.items()),
)

_WALES_NOTE = (
    "Wales: ask each person which language they want to be written to in, English or "
    "Welsh, and record it (Welsh Language Standards). Everyone with parental "
    "responsibility must be invited and is sent the outcome."
)


class StandingBox(QtWidgets.QGroupBox):
    """Invited, language choice and parental responsibility for one person."""

    def __init__(
        self, person: Participant, *, wales: bool, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__("Invitation, language and parental responsibility", parent)
        self.invited = QtWidgets.QCheckBox("Invited to the &conference")
        self.invited.setObjectName("invited")
        self.invited.setAccessibleName("Invited to the conference")
        self.invited.setChecked(person.invited)
        self.language = QtWidgets.QComboBox()
        self.language.setObjectName("language")
        self.language.setAccessibleName("Language choice")
        for text, value in LANGUAGE_CHOICES:
            self.language.addItem(text, None if value is None else value.value)
        chosen = None if person.language is None else person.language.value
        self.language.setCurrentIndex(self.language.findData(chosen))
        self.responsibility = QtWidgets.QCheckBox("Has &parental responsibility")
        self.responsibility.setObjectName("parentalResponsibility")
        self.responsibility.setAccessibleName("Has parental responsibility")
        self.responsibility.setToolTip("Only for someone on the family side")
        self.responsibility.setChecked(person.parental_responsibility)
        self.note = QtWidgets.QLabel(_WALES_NOTE)
        self.note.setObjectName("walesNote")
        self.note.setWordWrap(True)
        self.note.setVisible(wales)
        if wales:
            self.language.setAccessibleDescription(_WALES_NOTE)
        form = QtWidgets.QFormLayout(self)
        form.addRow("", self.invited)
        form.addRow("Lang&uage choice:", self.language)
        form.addRow("", self.responsibility)
        form.addRow("", self.note)

    def values(self) -> dict[str, Any]:
        language = self.language.currentData()
        return {
            "invited": self.invited.isChecked(),
            "language": None if language is None else Language(language),
            "parental_responsibility": self.responsibility.isChecked(),
        }

    def problem(self, name: str, side: Side) -> str | None:
        """What stops saving: parental responsibility for someone on the professional side."""
        if self.responsibility.isChecked() and side is Side.PROFESSIONAL:
            who = name or "This person"
            return (
                f"{who} is on the professional side, so cannot have parental "
                "responsibility: untick it, or put them on the family side."
            )
        return None
