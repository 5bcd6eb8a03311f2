"""Fixtures for driving the real widgets: a demo store, preferences in a temp file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6 import QtCore

from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.session import Session, open_session
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
