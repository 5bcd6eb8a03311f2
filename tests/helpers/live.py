"""The Wales meeting opened in a main window, for the tests of the live room.

:func:`wales_store` makes a store holding the demo's pre-birth conference under the
Wales profile (:func:`tests.helpers.family.wales_meeting`), with or without the private
details to hunt for, and opens it on the test's clock; :func:`open_meeting` shows a main
window at a laptop's size, active, with that conference open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from PySide6 import QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from tests.helpers.family import PRE_BIRTH, wales_meeting, with_secrets

PASSPHRASE = "correct horse battery"  # as tests/ui/conftest.py


def wales_store(
    path: Path, clock: Callable[[], datetime], *, secrets: bool = False
) -> Iterator[Session]:
    """A new store at ``path`` with the Wales meeting, open on ``clock`` (closed after)."""
    record = with_secrets(wales_meeting()) if secrets else wales_meeting()
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair", clock=clock) as made:
        made.conferences.import_record(record)
    opened = open_session(path, PASSPHRASE, clock=clock)
    yield opened
    opened.close()


def active(qtbot: QtBot, window: QtWidgets.QWidget) -> None:
    """Wait until ``window`` is shown and is the active window."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)


def open_meeting(
    qtbot: QtBot, session: Session, preferences: Preferences, ref: str = PRE_BIRTH
) -> MainWindow:
    """A main window at 1280×800, active, with conference ``ref`` open."""
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    active(qtbot, window)
    window.open_conference(ref)
    return window
