"""Approved and issued minutes are read-only in their panes, with a banner (issue 17, point 5).

Typing, pasting and the entry keys change nothing, nothing typed is accepted and then
thrown away, and the banner names the version, when it was issued and the menu item
(with its keys) that opens a correction.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.export.signing import ChairCertificate, create_self_signed, load_certificate
from cpc_desktop.services.session import Session
from cpc_desktop.ui.actions import ActionId, declared_actions
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace import save_guard
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
CONCLUDED = "CPC-2026-0001"  # demo: decided, views recorded: it can be approved
CERT_PASSPHRASE = b"chair's secret phrase"


@pytest.fixture(scope="module")
def certificate() -> ChairCertificate:
    return load_certificate(create_self_signed("Alex Chair", CERT_PASSPHRASE), CERT_PASSPHRASE)


@pytest.fixture(autouse=True)
def _never_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Nothing is typed, so nothing is ever "not saved" and nobody is asked about it."""
    asked: list[str] = []

    def ask(_parent: object, reason: str, _what: str) -> save_guard.Choice:
        asked.append(reason)
        return save_guard.Choice.KEEP_TRYING

    monkeypatch.setattr(save_guard, "ask_unsaved", ask)
    yield asked
    assert asked == []


def _open(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> tuple[MainWindow, MinutesPane]:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    window.open_conference(CONCLUDED)
    window.workspace.show_minutes()
    pane = window.workspace.minutes.current_pane()
    assert pane is not None
    return window, pane


def _type_everything(qtbot: QtBot, pane: MinutesPane) -> None:
    """Every way of changing an entry from the keyboard, in the pane's editor."""
    pane.editor.setFocus()
    qtbot.keyClicks(pane.editor, "a late addition")
    QtWidgets.QApplication.clipboard().setText("pasted text")
    qtbot.keyClick(pane.editor, Key.Key_V, Ctrl)
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)  # next entry
    qtbot.keyClicks(pane.editor, "a new entry")
    qtbot.keyClick(pane.editor, Key.Key_1, Ctrl)  # tag: fact
    qtbot.keyClick(pane.editor, Key.Key_R, Ctrl)  # restricted
    qtbot.keyClick(pane.editor, Key.Key_D, Ctrl | QtCore.Qt.KeyboardModifier.ShiftModifier)


def test_typing_into_issued_minutes_changes_nothing_and_the_banner_says_how_to_correct(
    qtbot: QtBot, session: Session, preferences: Preferences, certificate: ChairCertificate
) -> None:
    session.minutes.approve(CONCLUDED)
    session.minutes.issue(CONCLUDED, certificate)
    before = session.entries.entries(CONCLUDED)
    window, pane = _open(qtbot, session, preferences)
    try:
        shown = pane.editor.toPlainText()
        messages: list[str] = []
        pane.message.connect(messages.append)
        _type_everything(qtbot, pane)
        assert pane.editor.toPlainText() == shown
        assert pane.editor.isReadOnly()
        assert session.entries.entries(CONCLUDED) == before
        assert not pane.guard.notice.isVisible()  # nothing typed, so nothing "not saved"
        assert messages == []  # and no notice that something was thrown away
        banner = pane.frozen_banner
        assert banner.isVisible()
        text = banner.text()
        assert "issued" in text and "version 1" in text
        assert "Minutes and approval… (Ctrl+Shift+M)" in text and "Correct…" in text
        # Every command that changes an entry is off; moving between entries is not.
        actions = declared_actions(pane)
        assert not actions[ActionId.ENTRY_DELETE].isEnabled()
        assert not actions[ActionId.ENTRY_NEXT].isEnabled()
        assert actions[ActionId.ENTRY_FOLLOWING].isEnabled()
        for widget in (pane.speaker, pane.tag, pane.restricted):
            assert not widget.isEnabled()
    finally:
        window.close()


def test_approval_while_open_locks_the_panes_and_reopening_unlocks_them(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window, pane = _open(qtbot, session, preferences)
    try:
        assert not pane.frozen_banner.isVisible() and not pane.editor.isReadOnly()
        session.minutes.approve(CONCLUDED)
        window.workspace.minutes_state_changed()  # what the minutes window's change does
        assert pane.editor.isReadOnly()
        assert "approved" in pane.frozen_banner.text() and "Reopen" in pane.frozen_banner.text()
        before = session.entries.entries(CONCLUDED)
        _type_everything(qtbot, pane)
        assert session.entries.entries(CONCLUDED) == before
        session.minutes.reopen(CONCLUDED)
        window.workspace.minutes_state_changed()
        assert not pane.editor.isReadOnly() and not pane.frozen_banner.isVisible()
        qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
        qtbot.keyClicks(pane.editor, "Written after reopening")
        assert pane.flush()
        texts = [e.text for e in session.entries.entries(CONCLUDED)]
        assert "Written after reopening" in texts
    finally:
        window.close()


def test_the_editors_context_menu_offers_no_paste_or_cut_on_issued_minutes(
    qtbot: QtBot, session: Session, preferences: Preferences, certificate: ChairCertificate
) -> None:
    session.minutes.approve(CONCLUDED)
    session.minutes.issue(CONCLUDED, certificate)
    window, pane = _open(qtbot, session, preferences)
    try:
        menu = pane.editor.createStandardContextMenu()
        names = {a.text().replace("&", "").split("\t")[0]: a for a in menu.actions() if a.text()}
        for changing in ("Paste", "Cut", "Delete", "Undo", "Redo"):
            assert changing not in names or not names[changing].isEnabled(), changing
        assert "Copy" in names and "Select All" in names  # reading and copying still work
        menu.deleteLater()
    finally:
        window.close()


def test_the_banner_is_in_every_pane_made_later(
    qtbot: QtBot, session: Session, preferences: Preferences, certificate: ChairCertificate
) -> None:
    session.minutes.approve(CONCLUDED)
    session.minutes.issue(CONCLUDED, certificate)
    window, first = _open(qtbot, session, preferences)
    try:
        agenda = window.workspace.agenda
        other = next(i for i in agenda.items if i.id != first.item.id)
        agenda.select_item(other.id)
        pane = window.workspace.minutes.current_pane()
        assert pane is not None and pane is not first
        assert pane.frozen_banner.isVisible() and pane.editor.isReadOnly()
    finally:
        window.close()
