"""Closing with minutes that could not be saved: the save guard asks first (the text is
never lost), then the closing check lists the text as not in the store until a save of
it commits (issue 19, point 6)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.unfinished import Place
from cpc_desktop.services.session import Session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace import save_guard
from cpc_desktop.ui.workspace.closing import UnfinishedDialog
from cpc_desktop.ui.workspace.save_guard import Choice
from tests.faults.support import REVIEW
from tests.faults.test_failed_saves import (  # noqa: F401 - fixtures
    RETRY_WAIT_MS,
    FullDisk,
    _texts,
    _window_pane,
    disk,
    session,
)

Key = QtCore.Qt.Key


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Path) -> Iterator[MainWindow]:  # noqa: F811
    preferences = Preferences(
        QtCore.QSettings(str(tmp_path / "prefs.ini"), QtCore.QSettings.Format.IniFormat)
    )
    assert preferences.check_unfinished  # on unless turned off
    win = MainWindow(session, preferences)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_conference(REVIEW)
    win.workspace.show_minutes()
    yield win


def _shown(window: MainWindow) -> UnfinishedDialog | None:
    return next((d for d in window.findChildren(UnfinishedDialog) if d.isVisible()), None)


def test_unsaved_text_is_asked_about_first_then_listed_until_it_is_saved(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,  # noqa: F811
    disk: FullDisk,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    questions: list[str] = []

    def copy_it(_parent: QtWidgets.QWidget, _reason: str, what: str) -> Choice:
        questions.append(what)
        return Choice.COPY

    monkeypatch.setattr(save_guard, "ask_unsaved", copy_it)
    pane = _window_pane(qtbot, window)
    qtbot.keyClicks(pane.editor, "Start")
    qtbot.waitUntil(lambda: _texts(session) == ["Start"], timeout=3000)
    disk.full = True
    qtbot.keyClicks(pane.editor, " and more")
    assert window.close() is False
    assert questions == ["close"]  # the save guard first
    qtbot.waitUntil(lambda: _shown(window) is not None)
    dialog = _shown(window)
    assert dialog is not None
    assert dialog.items[0].place is Place.MINUTES
    assert dialog.items[0].line.endswith("has minute text that is not saved in the store.")
    dialog.stay_button.click()
    qtbot.waitUntil(lambda: _shown(window) is None)
    assert window.isVisible() and pane.editor.toPlainText() == "Start and more"

    disk.full = False
    qtbot.keyClicks(pane.editor, "!")
    qtbot.waitUntil(lambda: _texts(session) == ["Start and more!"], timeout=RETRY_WAIT_MS)
    window.show_home()
    qtbot.waitUntil(lambda: _shown(window) is not None)
    dialog = _shown(window)
    assert dialog is not None
    assert Place.MINUTES not in [item.place for item in dialog.items]  # saved now
    dialog.close_button.click()
    qtbot.waitUntil(lambda: window.workspace is None)
