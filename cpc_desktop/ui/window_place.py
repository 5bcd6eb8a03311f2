"""Where the main window opens: where it was last time with these screens, if that is
still on a screen, else as large as the screen's available area allows up to 1366×768."""

from __future__ import annotations

import re

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.screen_fit import FRAME_SIDE, TITLE_BAR, fitting, room_for
from cpc_desktop.ui.settings import Preferences

#: The size the window asks for on a screen with room to spare.
WANTED = QtCore.QSize(1366, 768)


def screens_key() -> str:
    """The screens attached now, as a settings key: "eDP-1 1366x768+HDMI-1 1920x1080"."""
    screens = QtGui.QGuiApplication.screens()
    names = [f"{s.name()} {s.size().width()}x{s.size().height()}" for s in screens]
    return re.sub(r"[/\\=]", "_", "+".join(sorted(names))) or "none"


def on_a_screen(window: QtWidgets.QWidget) -> bool:
    """True when the window, with room for its frame, lies within one screen's
    available area."""
    if window.isMaximized() or window.isFullScreen():
        return any(
            s.geometry().intersects(window.geometry()) for s in QtGui.QGuiApplication.screens()
        )
    framed = window.geometry().marginsAdded(
        QtCore.QMargins(FRAME_SIDE, TITLE_BAR, FRAME_SIDE, FRAME_SIDE)
    )
    return any(s.availableGeometry().contains(framed) for s in QtGui.QGuiApplication.screens())


def place_main_window(window: QtWidgets.QWidget, preferences: Preferences) -> None:
    """Give the main window its remembered size and place, or a fitting one, centred."""
    saved = preferences.window_geometry(screens_key())
    if saved is not None and window.restoreGeometry(saved) and on_a_screen(window):
        return
    window.setWindowState(QtCore.Qt.WindowState.WindowNoState)
    size = fitting(window, WANTED)
    room = room_for(window)
    window.setGeometry(
        QtWidgets.QStyle.alignedRect(
            QtCore.Qt.LayoutDirection.LeftToRight, QtCore.Qt.AlignmentFlag.AlignCenter, size, room
        )
    )


def remember_main_window(window: QtWidgets.QWidget, preferences: Preferences) -> None:
    """Keep the main window's size and place for the screens attached now."""
    preferences.set_window_geometry(screens_key(), window.saveGeometry())
