"""The letters window under Wales says which languages each letter will be in."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from cpc_desktop.ui.output.letters_window import LettersWindow
from cpc_desktop.ui.settings import Preferences
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
TODAY = date(2026, 11, 23)


def _session(tmp_path: Path, profile: str) -> Iterator[tuple[Session, str]]:
    record = build_demo_records(TODAY)[0]
    conference = dataclasses.replace(record.conference, profile=profile)
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(
        dataclasses.replace(record, conference=conference)
    )
    session = Session(store, CHAIR, TickingClock(datetime(2026, 11, 23, 12, tzinfo=UTC)))
    yield session, conference.reference
    session.close()


@pytest.mark.parametrize(
    ("profile", "said"), [("wales", " (in Welsh and English)"), ("england", "")]
)
def test_the_heading_says_a_wales_letter_is_in_welsh_and_english(
    qtbot: QtBot, tmp_path: Path, preferences: Preferences, profile: str, said: str
) -> None:
    for session, ref in _session(tmp_path, profile):
        window = LettersWindow(session, ref, preferences)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda w=window: QtWidgets.QApplication.activeWindow() is w)
        window.table.setFocus()
        qtbot.keyClick(window.table, QtCore.Qt.Key.Key_Down)
        qtbot.keyClick(window.table, QtCore.Qt.Key.Key_Up)
        heading = window.heading.text()
        assert heading.endswith(f"Justyna Harland{said}")
        window.close()
