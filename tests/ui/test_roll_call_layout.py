"""The Introductions tab on a short screen (ui/workspace/roll_call_layout.py): the table
of people keeps five rows whatever the pane below asks for, the pane below gets its full
height when there is room, and the buttons drop their second line (the shortcut) only
on a short screen. The whole tab at 150 % is in test_geometry.py (under Xvfb)."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.ui.workspace.roll_call_layout import (
    MIN_ROWS,
    PeopleSplit,
    below_table,
    button_text,
    label_buttons,
    rows_height,
    rows_shown,
)


def _split(qtbot: QtBot, height: int, *, short: bool) -> tuple[PeopleSplit, QtWidgets.QTableView]:
    table = QtWidgets.QTableView()
    model = QtGui.QStandardItemModel(20, 3)
    table.setModel(model)
    table.verticalHeader().setDefaultSectionSize(24)
    quorum = QtWidgets.QLabel("Quorate: children's social care and 5 other agencies")
    children = QtWidgets.QGroupBox("The child's participation")
    QtWidgets.QVBoxLayout(children).addWidget(QtWidgets.QPlainTextEdit())
    children.setMinimumHeight(160)
    split = PeopleSplit(table, below_table(children, quorum, short=short), quorum)
    qtbot.addWidget(split)
    split.resize(500, height)
    split.show()
    qtbot.waitExposed(split)
    return split, table


def test_a_squeezed_tab_keeps_five_people_and_the_quorum_line(qtbot: QtBot) -> None:
    split, table = _split(qtbot, 260, short=True)
    assert rows_shown(table) >= MIN_ROWS
    lower = split.lower_pane
    assert lower.height() >= lower.minimumHeight() > 0  # the quorum's line at the least
    assert lower.verticalScrollBar().maximum() > 0  # the rest scrolls


def test_with_room_the_pane_below_has_its_full_height(qtbot: QtBot) -> None:
    split, table = _split(qtbot, 700, short=False)
    assert split.lower_pane.verticalScrollBar().maximum() == 0  # nothing hidden below
    assert rows_shown(table) > MIN_ROWS
    assert table.minimumHeight() == rows_height(table, MIN_ROWS)


def test_buttons_name_their_shortcut_below_except_on_a_short_screen(qtbot: QtBot) -> None:
    assert button_text("Present", "Ctrl+Shift+P", short=False) == "Present\nCtrl+Shift+P"
    assert button_text("Share grounds…", "Shift+F8", short=True) == "Share grounds"
    assert button_text("Remove", "", short=False) == "Remove"
    action = QtGui.QAction("&Exclude…")
    action.setShortcut(QtGui.QKeySequence(QtCore.Qt.Key.Key_F8))
    button = QtWidgets.QToolButton()
    qtbot.addWidget(button)
    button.setDefaultAction(action)
    label_buttons([button], short=True)
    assert action.iconText() == "&Exclude"
    label_buttons([button], short=False)
    assert action.iconText() == "&Exclude\nF8"
