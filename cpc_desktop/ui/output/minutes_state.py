"""How the minutes' state is shown: the versions table, the banner, the next step.

Everything here reads the ``MinutesStatus`` that ``session.minutes.status`` gives and
puts it in words; the steps themselves are :class:`MinutesWindow`'s.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtWidgets

from cpc_desktop.domain.enums import MinutesState
from cpc_desktop.ui.output.common import moment_text, plural

COLUMNS = ("Version", "State", "Approved by", "Approved", "Issued", "Correction (who asked, what)")

_STATE_NAMES = {
    MinutesState.DRAFT: "Draft",
    MinutesState.APPROVED: "Approved",
    MinutesState.ISSUED: "Issued",
}
_BANNER_STYLES = {
    None: "background: #eef2f7; color: #1f2937; border: 1px solid #9ca3af;",
    MinutesState.DRAFT: "background: #eef2f7; color: #1f2937; border: 1px solid #9ca3af;",
    MinutesState.APPROVED: "background: #fff4d6; color: #3d2e05; border: 2px solid #b7791f;",
    MinutesState.ISSUED: "background: #dcfce7; color: #0f3d1f; border: 2px solid #15803d;",
}


class VersionsTable(QtWidgets.QTableWidget):
    """Every version of the minutes, one a row, the latest selected."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("versionsTable")
        self.setAccessibleName("Versions of the minutes")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)

    def show_versions(self, versions: Any) -> None:
        self.setRowCount(len(versions))
        for row, version in enumerate(versions):
            values = (
                version.version,
                _STATE_NAMES.get(version.state, version.state.value),
                version.approved_by or "",
                moment_text(version.approved_at),
                moment_text(version.issued_at),
                version.amendment_note,
            )
            for column, value in enumerate(values):
                item = QtWidgets.QTableWidgetItem(value)
                item.setToolTip(value)
                self.setItem(row, column, item)
        if not versions:
            self.setRowCount(1)
            self.setItem(0, 0, QtWidgets.QTableWidgetItem("1.0"))
            self.setItem(0, 1, QtWidgets.QTableWidgetItem("Draft (not yet approved)"))
            for column in range(2, len(COLUMNS)):
                self.setItem(0, column, QtWidgets.QTableWidgetItem(""))
        self.resizeRowsToContents()
        self.selectRow(self.rowCount() - 1)


def show_banner(banner: QtWidgets.QLabel, current: Any, state: MinutesState | None) -> None:
    """The state of the current version in capitals and words, coloured by state."""
    if current is None:
        text = "DRAFT — not yet approved. The minutes can still be changed."
    elif state is MinutesState.DRAFT:
        text = f"DRAFT — version {current.version} is not yet approved and can still change."
        if current.amendment_note:
            text += f" It corrects the issued version: {current.amendment_note}"
    elif state is MinutesState.APPROVED:
        text = (
            f"APPROVED — version {current.version} was approved by {current.approved_by} "
            f"on {moment_text(current.approved_at)}. It is not issued yet: issue and sign "
            "it to send it, or reopen it to make changes."
        )
    else:
        text = (
            f"ISSUED — version {current.version} was issued and signed on "
            f"{moment_text(current.issued_at)}. It can never be changed: a correction "
            "opens a new version."
        )
    banner.setText(text)
    banner.setStyleSheet(_BANNER_STYLES[state] + " border-radius: 4px;")


def next_step(state: MinutesState | None, *, chair: bool, problems: int) -> str:
    """What the user can do next, or why they can't, in one or two sentences."""
    draft = state in (None, MinutesState.DRAFT)
    if not chair:
        return "Only the chair can approve, issue or correct the minutes."
    if draft and problems:
        return (
            f"Approve is not available: {plural(problems, 'thing')} listed above "
            "must be recorded first."
        )
    if draft:
        return "Next: check a preview, then approve the minutes as an accurate record."
    if state is MinutesState.APPROVED:
        return (
            "Next: issue and sign the approved minutes (your certificate's passphrase is "
            "asked for). Export is available once they are issued."
        )
    return (
        "Export gives a signed copy to send. Correct… opens a new version if someone "
        "asks for a correction."
    )


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."
