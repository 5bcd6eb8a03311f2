"""The application's one event filter (issue 21 point 3): each listener hears only the
kinds of event it asked for, the latest first; one returning True stops the event; a
listener destroyed is heard no more; the keyboard policy, the idle lock and the screen
fit all listen through it, not as filters of their own."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session
from cpc_desktop.ui.app_events import app_events, listen, stop_listening
from cpc_desktop.ui.keyboard import KeyboardPolicy
from cpc_desktop.ui.lock import IdleWatcher
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences

Type = QtCore.QEvent.Type
Key = QtCore.Qt.Key


class _Heard(QtCore.QObject):
    def __init__(self, stop: bool = False, said: list[str] | None = None) -> None:
        super().__init__()
        self.kinds: list[QtCore.QEvent.Type] = []
        self._stop = stop
        self._said = said

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        self.kinds.append(event.type())
        if self._said is not None:
            self._said.append(self.objectName())
        return self._stop


def test_a_listener_hears_only_its_kinds_and_not_after_it_is_gone(
    qtbot: QtBot, qapp: QtWidgets.QApplication
) -> None:
    field = QtWidgets.QLineEdit()
    qtbot.addWidget(field)
    heard = _Heard()
    listen(heard, (Type.KeyPress,))
    field.show()
    qtbot.waitExposed(field)
    qtbot.keyClick(field, Key.Key_A)
    assert heard.kinds and set(heard.kinds) == {Type.KeyPress}
    assert field.text() == "a"  # heard, not taken
    assert app_events() is app_events(qapp)  # one filter for the application
    assert heard in app_events().listeners(Type.KeyPress)
    heard.deleteLater()
    qtbot.waitUntil(
        lambda: (
            not app_events().listeners(Type.KeyPress)
            or all(listener is not heard for listener in app_events().listeners(Type.KeyPress))
        )
    )
    gone = len(heard.kinds)
    qtbot.keyClick(field, Key.Key_B)
    assert field.text() == "ab"
    assert len(heard.kinds) == gone


def test_the_latest_listener_is_asked_first_and_true_stops_the_event(
    qtbot: QtBot, qapp: QtWidgets.QApplication
) -> None:
    field = QtWidgets.QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    said: list[str] = []
    first, taker = _Heard(said=said), _Heard(stop=True, said=said)
    first.setObjectName("first")
    taker.setObjectName("taker")
    listen(first, (Type.KeyPress,))
    listen(taker, (Type.KeyPress,))
    try:
        qtbot.keyClick(field, Key.Key_A)
        assert said == ["taker"]  # asked first; it took the key, so no one else heard it
        assert field.text() == ""  # and the field never got it
        stop_listening(taker)
        qtbot.keyClick(field, Key.Key_A)
        assert said[1:] and set(said[1:]) == {"first"}
        assert field.text() == "a"
    finally:
        stop_listening(first)
        stop_listening(taker)


def test_the_window_s_watchers_listen_only_to_what_they_use(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    events = app_events()
    idle = window.findChild(IdleWatcher)
    policy = window.findChild(KeyboardPolicy)
    assert idle is not None and policy is not None
    assert idle in events.listeners(Type.KeyPress)
    assert idle in events.listeners(Type.MouseButtonPress)
    assert idle not in events.listeners(Type.Polish)
    assert policy in events.listeners(Type.Polish)
    # The kinds a workspace sends most as it is built are heard by no one.
    for busy in (Type.ChildAdded, Type.Move, Type.Resize, Type.LayoutRequest, Type.Paint):
        assert events.listeners(busy) == []
