"""The main window's home screen: current conferences first, all of them on request."""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType
from cpc_desktop.services.conferences import NewChild, NewConference
from cpc_desktop.services.session import Session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences


def test_home_lists_current_conferences_and_all_of_them_on_request(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    old = session.conferences.create_conference(
        NewConference(
            ConferenceType.INITIAL,
            date(2022, 3, 8),
            (NewChild("Ash", "Reed", date(2019, 1, 1)),),
            strategy_discussion_date=date(2022, 3, 1),
        )
    )
    session.conferences.set_status(old.reference, ConferenceStatus.CONCLUDED)
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    home = window.home
    refs = lambda: {home.model.value(r).reference for r in range(home.model.rowCount())}  # noqa: E731
    assert old.reference not in refs() and len(refs()) == 4
    assert home.shown.text().startswith("Showing 4 of 5 conferences")
    assert "1 conference concluded before then has its decision letter" in home.shown.text()
    home.table.setFocus()
    qtbot.keyClick(home.table, QtCore.Qt.Key.Key_A, QtCore.Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: old.reference in refs())
    assert home.shown.text() == "All 5 conferences." and home.showing_all
    window.refresh()  # F5 keeps the choice
    assert old.reference in refs()
