"""Fixtures for driving the real widgets: a demo store, preferences in a temp file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.screen_fit import stop_keeping_windows_on_screen
from cpc_desktop.ui.settings import Preferences

PASSPHRASE = "correct horse battery"
TODAY = date(2026, 11, 23)


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with open_session(
        path, PASSPHRASE, create=True, user="Alex Chair", clock=fixed_clock
    ) as session:
        for record in build_demo_records(TODAY):
            session.conferences.import_record(record)
    return path


@pytest.fixture
def session(store_path: Path) -> Iterator[Session]:
    opened = open_session(store_path, PASSPHRASE, clock=fixed_clock)
    yield opened
    opened.close()


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    prefs = Preferences(
        QtCore.QSettings(str(tmp_path / "prefs.ini"), QtCore.QSettings.Format.IniFormat)
    )
    prefs.check_unfinished = False  # the closing check: tests/ui/test_closing_check.py
    return prefs


class Clock:
    """A clock the test moves on by hand (the live workspace tests' "now")."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


@pytest.fixture
def clock() -> Clock:
    """A hand-moved clock; a module with a clock of its own overrides this one."""
    return Clock()


@pytest.fixture
def live(store_path: Path, clock: Clock) -> Iterator[Session]:
    """The demo store opened on the hand-moved clock."""
    opened = open_session(store_path, PASSPHRASE, clock=clock)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _windows_fitted_only_where_a_test_asks(qapp: QtWidgets.QApplication) -> Iterator[None]:
    """A main window fits every later window to the screen for the rest of the process
    (as the application does from its start); each test starts without that, so a test
    sizing a dialog on the small offscreen screen is not shrunk by an earlier test's
    main window."""
    yield
    stop_keeping_windows_on_screen(qapp)
