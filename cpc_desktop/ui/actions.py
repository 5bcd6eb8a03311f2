"""Every window-level command: its name, shortcut and menu, declared once.

The window builds a ``QAction`` for each :class:`ActionId`, puts it in its menu and
on the window itself (so the shortcut works wherever the focus is), and the help
page lists them all, so menus, shortcuts and help cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6 import QtGui, QtWidgets


class ActionId(Enum):
    NEW_CONFERENCE = "new_conference"
    OPEN_CONFERENCE = "open_conference"
    HOME = "home"
    SEARCH = "search"
    REFRESH = "refresh"
    LOCK = "lock"
    PREFERENCES = "preferences"
    QUIT = "quit"
    HELP = "help"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: str
    menu: str
    tip: str


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_CONFERENCE: ActionSpec(
        "&New conference…", "Ctrl+N", "&File", "Set up a new conference"
    ),
    ActionId.OPEN_CONFERENCE: ActionSpec(
        "&Open conference", "Ctrl+O", "&File", "Open the conference selected on the home screen"
    ),
    ActionId.HOME: ActionSpec("&Home", "Ctrl+Shift+H", "&File", "Back to the list of conferences"),
    ActionId.SEARCH: ActionSpec(
        "&Search minutes…", "Ctrl+Shift+F", "&File", "Search the minutes of every conference"
    ),
    ActionId.REFRESH: ActionSpec("&Refresh", "F5", "&File", "Read the list again"),
    ActionId.LOCK: ActionSpec(
        "&Lock now", "Ctrl+L", "&File", "Hide everything until the passphrase is typed"
    ),
    ActionId.PREFERENCES: ActionSpec(
        "&Preferences…", "Ctrl+,", "&File", "How soon to lock when idle"
    ),
    ActionId.QUIT: ActionSpec("&Quit", "Ctrl+Q", "&File", "Save and close CPC Desktop"),
    ActionId.HELP: ActionSpec("CPC Desktop &help", "F1", "&Help", "How to use CPC Desktop"),
    ActionId.ABOUT: ActionSpec("&About CPC Desktop", "", "&Help", "Version and store"),
}


def build_actions(window: QtWidgets.QMainWindow) -> dict[ActionId, QtGui.QAction]:
    """Create the actions and their menus on ``window``; the caller connects them."""
    actions: dict[ActionId, QtGui.QAction] = {}
    menus: dict[str, QtWidgets.QMenu] = {}
    for action_id, spec in SPECS.items():
        action = QtGui.QAction(spec.text, window)
        action.setObjectName(action_id.value)
        if spec.shortcut:
            action.setShortcut(QtGui.QKeySequence(spec.shortcut))
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        if action_id is ActionId.QUIT or action_id is ActionId.PREFERENCES:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(action)
        window.addAction(action)
        actions[action_id] = action
    return actions


def shortcut_table() -> list[tuple[str, str]]:
    """(command, shortcut) rows for the help page."""
    return [
        (spec.text.replace("&", "").rstrip("…"), spec.shortcut)
        for spec in SPECS.values()
        if spec.shortcut
    ]
