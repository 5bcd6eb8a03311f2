"""The row of buttons under the Decisions tab: what may follow a decision (a parent's
appeal where the profile allows one, complaints, a baby's birth after a pre-birth
conference), in one row whichever of them the conference has."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6 import QtWidgets


def command_button(
    text: str, name: str, accessible: str, tip: str, slot: Callable[[], None]
) -> QtWidgets.QPushButton:
    """A push button named ``name`` that runs ``slot``, with its screen-reader name and tip."""
    button = QtWidgets.QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def with_buttons(
    decisions: QtWidgets.QWidget, buttons: Sequence[QtWidgets.QPushButton]
) -> QtWidgets.QWidget:
    """The Decisions tab's page: the decisions, then ``buttons`` in one row at the right."""
    if not buttons:
        return decisions
    page = QtWidgets.QWidget()
    page.setObjectName("decisionsPage")
    row = QtWidgets.QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    layout = QtWidgets.QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(decisions, 1)
    layout.addLayout(row)
    return page
