"""The application's one event filter, passing each kind of event to those that want it.

Several parts of the window watch every widget's events: the keyboard policy (keys,
item views as they are polished, windows as they are shown), the idle lock (input) and
the screen fit (windows as they are shown). Each used to be a filter of its own on the
application, and Qt called every one of them, in Python, for each of the ~3,100 events
opening a conference sends (widgets made, moved, polished): 30-50 ms of the open's CPU
(bench/README.md, issue 21 point 3). Now :class:`AppEvents` is the only filter; it looks
the event's kind up once and calls only the listeners that asked for that kind.

A listener is a ``QObject`` with an ``eventFilter(watched, event) -> bool`` method, as if
it were installed itself; :func:`listen` adds it for some kinds of event, and it is
dropped when it is destroyed (or by :func:`stop_listening`). As with Qt's own filters,
the one added last is asked first, and one returning True stops the event.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6 import QtCore

Kind = QtCore.QEvent.Type


class AppEvents(QtCore.QObject):
    """The filter on the application; see the module."""

    def __init__(self, parent: QtCore.QObject) -> None:
        super().__init__(parent)
        self.setObjectName("cpcAppEvents")
        self._by_kind: dict[Kind, list[QtCore.QObject]] = {}

    def add(self, listener: QtCore.QObject, kinds: Iterable[Kind]) -> None:
        heard = any(listener is known for known in self._listening())
        for kind in kinds:
            listeners = self._by_kind.setdefault(kind, [])
            if not any(listener is known for known in listeners):
                listeners.insert(0, listener)  # the latest first, as Qt asks filters
        if not heard:  # dropped when destroyed: connected once, however often it is added
            key = id(listener)
            listener.destroyed.connect(lambda *_: self._drop(key))

    def _listening(self) -> list[QtCore.QObject]:
        return [known for listeners in self._by_kind.values() for known in listeners]

    def remove(self, listener: QtCore.QObject) -> None:
        self._drop(id(listener))

    def _drop(self, key: int) -> None:
        for kind, listeners in list(self._by_kind.items()):
            kept = [known for known in listeners if id(known) != key]
            if kept:
                self._by_kind[kind] = kept
            else:
                del self._by_kind[kind]

    def listeners(self, kind: Kind) -> list[QtCore.QObject]:
        """Who hears events of ``kind`` (for tests)."""
        return list(self._by_kind.get(kind, ()))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        listeners = self._by_kind.get(event.type())
        if listeners is None:  # nearly every event: one look-up, nothing called
            return False
        # A copy: a listener may add or drop one meanwhile.
        return any(listener.eventFilter(watched, event) for listener in tuple(listeners))


def app_events(app: QtCore.QCoreApplication | None = None) -> AppEvents:
    """The application's :class:`AppEvents`, installed on first use."""
    app = app or QtCore.QCoreApplication.instance()
    assert app is not None, "a QApplication is needed"
    direct = QtCore.Qt.FindChildOption.FindDirectChildrenOnly
    found = app.findChild(AppEvents, "cpcAppEvents", direct)
    if found is None:
        found = AppEvents(app)
        app.installEventFilter(found)
    return found


def listen(listener: QtCore.QObject, kinds: Iterable[Kind]) -> None:
    """Pass the application's events of ``kinds`` to ``listener.eventFilter``."""
    app_events().add(listener, kinds)


def stop_listening(listener: QtCore.QObject) -> None:
    """Undo :func:`listen` for ``listener``."""
    app_events().remove(listener)
