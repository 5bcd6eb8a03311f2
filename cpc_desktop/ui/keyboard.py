"""The keyboard in every window: Tab leaves tables, the focus is seen, keys say when idle.

:func:`install` puts three things on the running application, once per main window:

* Tab and Shift+Tab move on from every table, tree and list (none is a spreadsheet
  whose cells are walked with Tab; arrow keys move within it);
* a focus ring (:mod:`cpc_desktop.ui.focus_ring`, the application's style: see
  :func:`show_focus`) on buttons, boxes, text fields and item views, and round the
  current cell in a table or list;
* a declared shortcut pressed where it does not work (F6 outside Introductions) says so
  in one line, and so does an Alt+letter no label owns, which would otherwise be typed
  into the text. Keys a text field uses are never taken from it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.actions import SPECS, ActionSpec, Scope
from cpc_desktop.ui.app_events import app_events
from cpc_desktop.ui.focus_ring import RING, has_ring, show_ring

_Type = QtCore.QEvent.Type
#: The kinds of event the policy hears (through the application's one filter).
_HEARD = (_Type.Polish, _Type.KeyPress)

__all__ = ["RING", "KeyboardPolicy", "has_ring", "idle_key_note", "install", "show_focus"]

_TEXT_INPUTS = (
    QtWidgets.QLineEdit,
    QtWidgets.QPlainTextEdit,
    QtWidgets.QTextEdit,
    QtWidgets.QAbstractSpinBox,
)
_ALT = QtCore.Qt.KeyboardModifier.AltModifier
_PLAIN_ALT = (_ALT, _ALT | QtCore.Qt.KeyboardModifier.ShiftModifier)


def leave_by_tab(view: QtWidgets.QAbstractItemView) -> None:
    """Tab and Shift+Tab move the focus on from ``view`` (arrow keys move within it)."""
    view.setTabKeyNavigation(False)


def _declared_keys() -> dict[int, list[ActionSpec]]:
    """Every declared shortcut (one key, with its modifiers), with the commands on it."""
    keys: dict[int, list[ActionSpec]] = {}
    for spec in SPECS.values():
        for sequence in spec.sequences():
            if sequence.count() == 1 and _command_key(_first(sequence)):
                keys.setdefault(_first(sequence), []).append(spec)
    return keys


def _command_key(combined: int) -> bool:
    """A function key, or a key held with Ctrl or Alt: never a key that moves about
    (Home, PgDown), which a list or a text uses for itself."""
    both = QtCore.QKeyCombination.fromCombined(combined)
    held = QtCore.Qt.KeyboardModifier.ControlModifier | _ALT
    return bool(both.keyboardModifiers() & held) or (
        QtCore.Qt.Key.Key_F1.value <= both.key().value <= QtCore.Qt.Key.Key_F35.value
    )


def _where(scope: Scope) -> str:
    return scope.value[0].lower() + scope.value[1:]


def idle_key_note(combined: int) -> str | None:
    """What to say when the declared shortcut ``combined`` reached no command."""
    specs = _declared_keys().get(combined)
    if not specs:
        return None
    key = _key_text(combined)
    places = "; ".join(
        f"{spec.name} is not available just now"
        if spec.scope is Scope.WINDOW
        else f"{spec.name} works only {_where(spec.scope)}"
        for spec in specs
    )
    return f"{key} does nothing here: {places}."


def _combined(event: QtGui.QKeyEvent) -> int:
    modifiers = event.modifiers() & ~QtCore.Qt.KeyboardModifier.KeypadModifier
    return QtCore.QKeyCombination(modifiers, QtCore.Qt.Key(event.key())).toCombined()


class KeyboardPolicy(QtCore.QObject):
    """Does what the module says (the focus ring apart), hearing
    the application's events through :mod:`cpc_desktop.ui.app_events`; ``say`` shows
    one line."""

    def __init__(self, say: Callable[[str], None], parent: QtCore.QObject) -> None:
        super().__init__(parent)
        self._say = say
        self._keys = _declared_keys()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if kind == _Type.Polish and isinstance(watched, QtWidgets.QAbstractItemView):
            leave_by_tab(watched)
        elif kind == _Type.KeyPress and isinstance(watched, QtWidgets.QWidget):
            return self._key(watched, event)  # type: ignore[arg-type]
        return False

    def _key(self, widget: QtWidgets.QWidget, event: QtGui.QKeyEvent) -> bool:
        if (
            widget is QtWidgets.QApplication.focusWidget()  # the first to be offered it
            and event.modifiers() in _PLAIN_ALT
            and event.text().strip()
            and _types(widget)
        ):
            key = _key_text(_combined(event))
            self._say(f"{key} does nothing here (no label or command has that letter).")
            return True  # not typed into the text
        if widget.isWindow() and _combined(event) in self._keys:  # nothing took it
            action = _action_near(_combined(event))
            if action is not None:  # there, but off: no one selected, or not allowed
                self._say(f"{_key_text(_combined(event))}: {_name(action)} is not available now.")
            else:
                self._say(idle_key_note(_combined(event)) or "")
        return False


def _first(sequence: QtGui.QKeySequence) -> int:
    combined: int = sequence[0].toCombined()  # type: ignore[index]  # PySide6 indexes it
    return combined


def _key_text(combined: int) -> str:
    return QtGui.QKeySequence(combined).toString(QtGui.QKeySequence.SequenceFormat.NativeText)


def _name(action: QtGui.QAction) -> str:
    return action.text().replace("&", "").rstrip("…")


def _action_near(combined: int) -> QtGui.QAction | None:
    """The action on ``combined`` around the focus (so its keys apply here), if any."""
    widget = QtWidgets.QApplication.focusWidget()
    while widget is not None:
        for action in widget.actions():
            if any(key.count() == 1 and _first(key) == combined for key in action.shortcuts()):
                return action
        widget = widget.parentWidget()
    return None


def _types(widget: QtWidgets.QWidget) -> bool:
    """Whether ``widget`` would type a key's text in."""
    if isinstance(widget, QtWidgets.QComboBox):
        return widget.isEditable()
    return isinstance(widget, _TEXT_INPUTS)


def show_focus(app: QtCore.QCoreApplication) -> None:
    """Draw the focus ring in every window from now on (before a main window's
    :func:`install`, as for the sign-in and unlock dialogs)."""
    show_ring(app)


def install(window: QtWidgets.QWidget, say: Callable[[str], None]) -> KeyboardPolicy:
    """Put the keyboard policy on the application for as long as ``window`` lives."""
    app = QtWidgets.QApplication.instance()
    assert isinstance(app, QtWidgets.QApplication), "a QApplication is needed"
    show_ring(app)
    policy = KeyboardPolicy(say, window)
    app_events(app).add(policy, _HEARD)
    for view in window.findChildren(QtWidgets.QAbstractItemView):
        leave_by_tab(view)
    return policy
