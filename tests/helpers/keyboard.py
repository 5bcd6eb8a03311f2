"""Driving the real windows by keyboard: modal dialogs, mnemonics, the roll call.

A modal dialog (``exec()``) blocks the key press that opened it, so what to do in it is
handed to :func:`in_modal` beforehand; it runs once that dialog is the active modal one,
and a failed check inside it closes every dialog it opened, so a run never hangs, and
is raised again after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.ui.workspace.roll_call import RollCallTab
from tests.helpers.nations import Person

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier

D = TypeVar("D", bound=QtWidgets.QWidget)


def activate(qtbot: QtBot, widget: QtWidgets.QWidget) -> None:
    """The offscreen platform does not activate windows by itself."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is widget.window())


def focused() -> QtWidgets.QWidget:
    widget = QtWidgets.QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def alt(qtbot: QtBot, key: Key) -> None:
    """Alt+letter where the focus is; a button's mnemonic clicks it after a short
    animation, so wait that out."""
    qtbot.keyClick(focused(), key, Alt)
    qtbot.wait(150)


def type_into(qtbot: QtBot, widget: QtWidgets.QWidget, text: str) -> None:
    """Type ``text`` key by key; a letter QTest cannot name (â, ŵ) goes as a key event
    carrying that letter, as a keyboard layout sends it."""
    for letter in text:
        if letter.isascii():
            qtbot.keyClicks(widget, letter)
            continue
        for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
            event = QtGui.QKeyEvent(kind, 0, QtCore.Qt.KeyboardModifier.NoModifier, letter)
            QtWidgets.QApplication.sendEvent(widget, event)


def type_here(qtbot: QtBot, text: str) -> None:
    type_into(qtbot, focused(), text)


def tab_to(qtbot: QtBot, target: QtWidgets.QWidget, most: int = 16) -> None:
    """Tab from wherever the focus is until ``target`` has it (the way a chair gets to
    a box that has no shortcut of its own)."""
    seen = []
    for _ in range(most):
        if target.hasFocus():
            return
        seen.append(focused().accessibleName() or type(focused()).__name__)
        qtbot.keyClick(focused(), Key.Key_Tab)
    assert target.hasFocus(), f"{most} Tabs did not reach {target.accessibleName()!r}: {seen}"


class Expected:
    """A modal dialog awaited by :func:`expect`; :meth:`wait` until it was driven."""

    def __init__(self, qtbot: QtBot, kind: type[Any], drive: Callable[[Any], Any]) -> None:
        self.qtbot = qtbot
        self.kind = kind
        self.drive = drive
        self.before = QtWidgets.QApplication.activeModalWidget()
        self.owner = QtWidgets.QApplication.activeWindow()
        self.done = False
        self.error: BaseException | None = None
        self.timer = QtCore.QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, self.kind) or dialog is self.before:
            return
        self.timer.stop()
        try:
            activate(self.qtbot, dialog)
            self.drive(dialog)
        except BaseException as error:
            self.error = error
            for _ in range(10):  # close what it left open, so that nothing hangs
                top = QtWidgets.QApplication.activeModalWidget()
                if top is None or top is self.before or not isinstance(top, QtWidgets.QDialog):
                    break
                top.reject()
        finally:
            self.done = True

    def wait(self, timeout: int = 20000) -> None:
        try:
            self.qtbot.waitUntil(lambda: self.done, timeout=timeout)
        finally:
            self.timer.stop()
        if self.error is not None:
            raise self.error
        if self.owner is not None and self.owner.isVisible():
            activate(self.qtbot, self.owner)  # offscreen, activation is not handed back


def expect(qtbot: QtBot, kind: type[D], drive: Callable[[D], Any]) -> Expected:
    """Drive the next modal ``kind`` with ``drive`` once it is up (see :class:`Expected`).

    ``drive`` runs inside the dialog's own event loop, so it must not wait for anything
    that happens only after the dialog has closed: expect that separately."""
    return Expected(qtbot, kind, drive)


def in_modal(
    qtbot: QtBot,
    trigger: Callable[[], Any],
    kind: type[D],
    drive: Callable[[D], Any],
) -> None:
    """Do ``trigger`` (a key press that opens a modal ``kind``), and ``drive`` that dialog
    once it is up. ``drive`` should close it (by keyboard); if it fails, the dialogs it
    left open are closed and its error raised here. The window that was active is
    active again after."""
    expected = expect(qtbot, kind, drive)
    trigger()
    expected.wait()


def answer_yes(qtbot: QtBot, box: QtWidgets.QMessageBox) -> None:
    """A question answered Yes by its key, as a chair would."""
    qtbot.keyClick(box, Key.Key_Y)
    qtbot.waitUntil(lambda: not box.isVisible())


def add_person(qtbot: QtBot, tab: RollCallTab, person: Person) -> str:
    """Add someone on the Introductions tab by keyboard, keeping the agency exactly as
    typed (the completer's offer is dismissed); the line under the agency box."""
    activate(qtbot, tab)
    # A list's typed search goes on from the last one typed unless the keyboard rested
    # (a chair always pauses longer between two people than a test does).
    qtbot.wait(QtWidgets.QApplication.keyboardInputInterval() + 20)
    if not tab.name.hasFocus():
        qtbot.keyClick(focused(), Key.Key_N, Alt)  # "&Name"
    assert tab.name.hasFocus()
    type_into(qtbot, tab.name, person.name)
    qtbot.keyClick(tab.name, Key.Key_Tab)
    assert tab.role.hasFocus()
    qtbot.keyClicks(tab.role, person.role)
    assert tab.role.currentText().startswith(person.role), tab.role.currentText()
    qtbot.keyClick(tab.role, Key.Key_Tab)
    assert tab.agency.hasFocus()
    type_into(qtbot, tab.agency, person.agency)
    popup = tab.agency.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Key.Key_Escape)
    activate(qtbot, tab)  # offscreen, a popup that was shown keeps the activation
    assert tab.agency.text() == person.agency
    note = tab.quick.agency_note.text()
    qtbot.keyClick(tab.agency, Key.Key_Tab)
    assert tab.relationship.hasFocus()
    type_into(qtbot, tab.relationship, person.relationship)
    if person.direct:
        qtbot.keyClick(tab.relationship, Key.Key_Tab)
        assert tab.direct_contact.hasFocus()
        qtbot.keyClick(tab.direct_contact, Key.Key_Space)
        assert tab.direct_contact.isChecked()
        qtbot.keyClick(tab.direct_contact, Key.Key_Tab)
        assert tab.add_button.hasFocus()
        qtbot.keyClick(tab.add_button, Key.Key_Space)
    else:
        qtbot.keyClick(tab.relationship, Key.Key_Return)
    return note


def select_row(qtbot: QtBot, tab: RollCallTab, name: str) -> None:
    row = next(r for r in range(tab.model.rowCount()) if tab.model.value(r).name == name)
    tab_to(qtbot, tab.table)
    qtbot.keyClick(tab.table, Key.Key_Home, Ctrl)
    for _ in range(row):
        qtbot.keyClick(tab.table, Key.Key_Down)
    assert tab.selected().name == name
