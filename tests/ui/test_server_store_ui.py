"""The application window on a store shared on a PostgreSQL server (issue 17, point 2).

``cpc-desktop --db postgresql://...`` connects without a passphrase (the server
authenticates), then each person signs in by name as for a file, and the window works
on the server's store. The server tests run with ``CPC_TEST_POSTGRES_URL`` (CI); the
command-line and preference tests run everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop import app, cli
from cpc_desktop.data.location import shown
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.roles import Actor
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.sign_in import sign_in_to
from cpc_desktop.ui.unlock_dialog import UnlockDialog
from tests.helpers.stores import POSTGRES_URL, TickingClock, new_store, store_location
from tests.ui.conftest import TODAY
from tests.ui.test_roll_call import _activate

Key = QtCore.Qt.Key


def test_the_command_line_hands_a_server_url_to_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(app, "run", lambda db=None: opened.append(db) or 0)
    url = "postgresql://chair@db.example.org/cpc?sslmode=verify-full"
    assert cli.main(["--db", url]) == 0
    assert opened == [url]  # as text: a Path would fold its '//'


def test_a_server_store_is_remembered_as_its_url(preferences: Preferences) -> None:
    url = "postgresql://chair@db.example.org/cpc"
    preferences.last_store = url
    assert preferences.last_store == url
    preferences.last_store = Path("/home/alex/store.db")
    assert preferences.last_store == Path("/home/alex/store.db")


@pytest.mark.postgres_only
def test_the_window_opens_a_server_store_after_connecting_and_signing_in(
    qtbot: QtBot, tmp_path: Path, preferences: Preferences
) -> None:
    with new_store(tmp_path) as store:
        conferences = ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())
        for record in build_demo_records(TODAY):
            conferences.import_record(record)
        references = sorted(c.reference for c in conferences.overview().conferences)
    url = str(store_location(tmp_path))
    dialog = UnlockDialog(url, app.open_or_create, server=shown(url))
    qtbot.addWidget(dialog)
    dialog.show()
    _activate(qtbot, dialog)
    assert not dialog.passphrase.isVisible() and dialog.ok.text() == "&Connect"
    qtbot.mouseClick(dialog.ok, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    session = dialog.session
    assert session is not None and session.store.url is not None
    try:
        sign_in = sign_in_to(session)
        qtbot.addWidget(sign_in)
        sign_in.show()
        _activate(qtbot, sign_in)
        for widget in (sign_in.password, sign_in.again):
            widget.setFocus()
            qtbot.keyClicks(widget, "chair-secret-1")
        qtbot.keyClick(sign_in.again, Key.Key_Return)
        assert not sign_in.isVisible() and session.actor.name == "Alex Chair"
        window = MainWindow(session, preferences)
        qtbot.addWidget(window)
        assert window.signed_in.text() == "Signed in: Alex Chair (chair)"
        assert "cpc" in window.statusBar().currentMessage()
        assert "password" not in window.statusBar().currentMessage()
        listed = sorted(c.reference for c in session.conferences.overview().conferences)
        assert listed == references
    finally:
        session.close()


@pytest.mark.postgres_only
def test_a_server_that_refuses_says_so_in_one_line(qtbot: QtBot) -> None:
    assert POSTGRES_URL is not None
    url = POSTGRES_URL.rsplit("/", 1)[0] + "/no_such_cpc_database"
    dialog = UnlockDialog(url, app.open_or_create, server=shown(url))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ok, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.session is None
    line = dialog.error.text()
    assert line.startswith("The server refused the connection to no_such_cpc_database on")
    assert "\n" not in line and "cpc:cpc" not in line  # one line, never the password
