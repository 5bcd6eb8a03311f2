"""Windows open within the screen's available area, whatever its size and scale.

Every top-level window is made to fit when it is shown (:func:`keep_windows_on_screen`):
no larger than the room left by the task bar and a title bar, and moved onto the screen.
Layouts that cannot give way that far (a window's minimum size) are the windows' own
business: their long content scrolls.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.app_events import app_events

#: Room kept for a window manager's title bar before the real one is known.
TITLE_BAR = 30
#: Room kept for the sides and bottom of a window's frame before they are known.
FRAME_SIDE = 4


def available(window: QtWidgets.QWidget) -> QtCore.QRect:
    """The screen area ``window`` may use: its screen's, less the task bar."""
    screen = window.screen() or QtGui.QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QtCore.QRect(0, 0, 1024, 700)


def _margins(window: QtWidgets.QWidget) -> QtCore.QMargins:
    """The window frame's margins, or room for a usual frame while it is not yet known."""
    frame, inner = window.frameGeometry(), window.geometry()
    top = max(inner.top() - frame.top(), TITLE_BAR)
    left = max(inner.left() - frame.left(), FRAME_SIDE)
    right = max(frame.right() - inner.right(), FRAME_SIDE)
    bottom = max(frame.bottom() - inner.bottom(), FRAME_SIDE)
    return QtCore.QMargins(left, top, right, bottom)


def room_for(window: QtWidgets.QWidget) -> QtCore.QRect:
    """Where the window's inside (its geometry, without the frame) may go."""
    return available(window).marginsRemoved(_margins(window))


def fitting(window: QtWidgets.QWidget, wanted: QtCore.QSize) -> QtCore.QSize:
    """``wanted``, made smaller to fit the screen (never below the window's minimum)."""
    return wanted.boundedTo(room_for(window).size()).expandedTo(window.minimumSize())


def fit_window(window: QtWidgets.QWidget, *, move: bool = True) -> None:
    """Shrink ``window`` to the room the screen has and, with ``move``, bring it onto it
    (a maximised or full-screen window is the window manager's to place)."""
    if window.isMaximized() or window.isFullScreen():
        return
    size = fitting(window, window.size())
    if size != window.size():
        window.resize(size)
    if not move:
        return
    room = room_for(window)
    place = window.geometry()
    x = max(room.left(), min(place.x(), room.right() + 1 - size.width()))
    y = max(room.top(), min(place.y(), room.bottom() + 1 - size.height()))
    if (x, y) != (place.x(), place.y()):
        window.move(x + window.x() - place.x(), y + window.y() - place.y())


class _KeepOnScreen(QtCore.QObject):
    """Fits each top-level window to the screen as it is shown."""

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (  # every object's Show passes here (through the application's one filter)
            isinstance(watched, QtWidgets.QWidget)
            and watched.isWindow()
            and not isinstance(watched, QtWidgets.QMenu)
            and watched.windowType() in (QtCore.Qt.WindowType.Window, QtCore.Qt.WindowType.Dialog)
        ):
            # A dialog places itself over its parent as it shows: it is made smaller
            # now, and brought onto the screen once placed (its frame known by then).
            dialog = isinstance(watched, QtWidgets.QDialog)
            fit_window(watched, move=not dialog)
            if dialog:
                QtCore.QTimer.singleShot(0, watched, lambda: fit_window(watched))
        return False


def keep_windows_on_screen(app: QtCore.QCoreApplication | None) -> None:
    """Fit every window ``app`` shows from now on to its screen (once per application)."""
    if app is not None and app.findChild(_KeepOnScreen) is None:
        app_events(app).add(_KeepOnScreen(app), (QtCore.QEvent.Type.Show,))


def stop_keeping_windows_on_screen(app: QtCore.QCoreApplication | None) -> None:
    """Undo :func:`keep_windows_on_screen` (tests share one application between windows)."""
    if app is not None:
        for keeper in app.findChildren(_KeepOnScreen):
            app_events(app).remove(keeper)
            keeper.setParent(None)
            keeper.deleteLater()


def scrolling(widget: QtWidgets.QWidget) -> QtWidgets.QScrollArea:
    """``widget`` in a frameless scroll area: it fills the room when there is enough, and
    scrolls on a screen too small for its minimum size."""
    area = QtWidgets.QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    area.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
    area.setWidget(widget)
    return area
