"""The main window: home screen, new conference, lock and idle lock, help."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data import probe
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from tests.ui.conftest import PASSPHRASE, TODAY, fixed_clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    return window


def _audit_actions(session: Session) -> list[str]:
    with session.store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select action from audit_event order by seq").fetchall()
    return [r[0] for r in rows]


def test_home_lists_conferences_with_what_is_overdue(
    qtbot: QtBot, session: Session, preferences: Preferences, qtmodeltester
) -> None:
    window = _window(qtbot, session, preferences)
    model = window.home.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    refs = {model.value(r).reference for r in range(3)}
    assert refs == {"CPC-2026-0001", "CPC-2026-0002", "CPC-2026-0003"}
    assert window.marking.text() == "OFFICIAL-SENSITIVE"
    assert "overdue" in window.home.summary.text()
    # The concluded conference's decision letter is overdue: its row says so.
    row = next(r for r in range(3) if model.value(r).reference == "CPC-2026-0001")
    assert "Decision letter" in model.index(row, 6).data()


def test_new_conference_by_keyboard_shows_due_date_and_needs_reason(
    qtbot: QtBot, session: Session
) -> None:
    created = []

    def create(value):
        conference = session.conferences.create_conference(value)
        created.append(conference)
        return conference

    dialog = NewConferenceDialog(TODAY, session.schedule.preview_due, create)
    qtbot.addWidget(dialog)
    dialog.show()
    # Initial conference on 24 Dec 2026, strategy discussion on 20 Nov 2026.
    dialog.date.setFocus()
    qtbot.keyClicks(dialog.date, "24/12/2026")
    dialog.anchor.setFocus()
    dialog.anchor.setDate(QtCore.QDate(2026, 11, 20))
    assert "Fri 11 Dec 2026" in dialog.due.text()
    assert "give the reason" in dialog.due.text()
    assert dialog.reason.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.child_rows[0].given, "Nia")
    qtbot.keyClicks(dialog.child_rows[0].family, "Okafor")
    qtbot.keyClick(dialog.child_rows[0].family, Key.Key_Return)
    assert "reason" in dialog.error.text().lower()
    assert not created
    qtbot.keyClicks(dialog.reason, "The police report was not ready; agreed with the manager.")
    qtbot.keyClick(dialog.child_rows[0].family, Key.Key_Return)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    (conference,) = created
    record = session.conferences.get(conference.reference)
    assert record.children[0].given_name == "Nia"
    assert record.conference.delay_reason.startswith("The police report")


def test_lock_now_hides_everything_until_the_passphrase(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    qtbot.keyClick(window, Key.Key_L, Ctrl)
    assert window.locked
    assert not window.home.isVisible()
    assert window.windowTitle() == "CPC Desktop — locked"
    qtbot.keyClicks(window.lock_page.passphrase, "wrong guess")
    qtbot.keyClick(window.lock_page.passphrase, Key.Key_Return)
    assert window.locked
    assert "not the passphrase" in window.lock_page.error.text()
    qtbot.keyClicks(window.lock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.lock_page.passphrase, Key.Key_Return)
    assert not window.locked
    assert window.home.isVisible()
    actions = _audit_actions(session)
    assert actions[-2:] == ["lock", "unlock"]
    with session.store.engine.connect() as conn:
        outcome = conn.exec_driver_sql(
            "select outcome from audit_event order by seq desc limit 1"
        ).scalar()
    assert outcome == "ok after 1 failed"


def test_idle_time_locks(qtbot: QtBot, session: Session, preferences: Preferences) -> None:
    window = _window(qtbot, session, preferences)
    window.idle.set_interval_ms(150)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)


def test_input_keeps_it_unlocked(qtbot: QtBot, session: Session, preferences: Preferences) -> None:
    window = _window(qtbot, session, preferences)
    window.idle.set_interval_ms(400)
    for _ in range(6):
        qtbot.wait(150)
        qtbot.keyClick(window.home.table, Key.Key_Down)
    assert not window.locked


def test_help_lists_every_shortcut(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    from cpc_desktop.ui.actions import SPECS, help_sections
    from cpc_desktop.ui.help_dialog import HelpDialog

    dialog = HelpDialog(help_sections())
    qtbot.addWidget(dialog)
    text = dialog.findChild(QtWidgets.QTextBrowser, "helpText").toPlainText()
    for spec in SPECS.values():
        if spec.keys:
            assert spec.name in text
    window = _window(qtbot, session, preferences)
    for action in window.actions_by_id.values():
        assert action.text() and action.statusTip()


def test_open_conference_has_a_conference_menu_and_no_clashing_shortcuts(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    from collections import Counter

    from cpc_desktop.ui.main_window import all_shortcuts

    window = _window(qtbot, session, preferences)
    window.open_conference("CPC-2026-0001")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Conference", "&Help"]
    menu_texts = [a.text() for a in window.conference_menu.actions()]
    assert "&Minutes" in menu_texts and any("next item" in t.lower() for t in menu_texts)
    live = [
        a
        for a in window.findChildren(QtGui.QAction)
        if not a.shortcut().isEmpty()
        and a.shortcutContext() != QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut
        and any(w.isVisible() for w in a.associatedObjects() if isinstance(w, QtWidgets.QWidget))
    ]
    clashes = [k for k, n in Counter(a.shortcut().toString() for a in live).items() if n > 1]
    assert clashes == []
    help_keys = " ".join(keys for _name, keys in all_shortcuts())
    for action in live:
        assert action.shortcut().toString() in help_keys, action.text()
    window.show_home()
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&Help"]


def test_search_finds_minutes_and_opens_the_conference(
    qtbot: QtBot, session: Session, preferences: Preferences, qtmodeltester
) -> None:
    window = _window(qtbot, session, preferences)
    qtbot.keyClick(window, Key.Key_F, Ctrl | QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert window.home.search_box.hasFocus()
    qtbot.keyClicks(window.home.search_box, "climbing frame")
    qtbot.keyClick(window.home.search_box, Key.Key_Return)
    results = window.home.results
    qtmodeltester.check(results)
    assert results.rowCount() >= 1
    assert "climbing frame" in results.index(0, 2).data()
    assert "\ue000" not in results.index(0, 2).data()  # highlight marks are not shown raw
    qtbot.keyClick(window.home.results_view, Key.Key_Return)
    assert window.workspace is not None
    assert window.workspace.reference == "CPC-2026-0001"


def test_every_visible_control_has_an_accessible_name(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference("CPC-2026-0001")
    kinds = (
        QtWidgets.QLineEdit,
        QtWidgets.QComboBox,
        QtWidgets.QPlainTextEdit,
        QtWidgets.QAbstractItemView,
        QtWidgets.QAbstractSpinBox,
        QtWidgets.QAbstractButton,
    )
    missing = []
    for tab in range(window.workspace.tabs.count()):
        window.workspace.tabs.setCurrentIndex(tab)
        for widget in window.findChildren(QtWidgets.QWidget):
            if (
                not isinstance(widget, kinds)
                or not widget.isVisible()
                or isinstance(widget, QtWidgets.QHeaderView)
            ):
                continue
            if isinstance(widget.parent(), (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)):
                continue  # the inner line edit of a spin box or combo
            text = widget.text() if isinstance(widget, QtWidgets.QAbstractButton) else ""
            if not (widget.accessibleName() or text.replace("&", "").strip()):
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert missing == []


def test_decisions_tab_reads_back_each_childs_decision(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference("CPC-2026-0001")
    page = window.workspace
    page.tabs.setCurrentWidget(page.decisions)
    text = page.decisions.toPlainText()
    for child in page.record.children:
        assert child.given_name in text
    assert "a child protection plan" in text and "a child in need plan" in text
    assert "Neglect" in text and "Emotional abuse" in text
    assert text.count("Dissent from") == 1
    assert "Conference" in [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert any("Decision wizard" in a.text() for a in window.conference_menu.actions())


def test_damage_found_in_the_background_turns_the_window_read_only(
    qtbot: QtBot, store_path: Path, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A table CPC Desktop never reads, behind its back: its pages are the file's last.
    con = sqlcipher.connect(str(store_path))
    con.execute("PRAGMA key = " + StoreKey.from_passphrase(PASSPHRASE).sql_literal())
    con.execute("CREATE TABLE padding (x)")
    con.execute("INSERT INTO padding VALUES (zeroblob(20000))")
    con.commit()
    con.close()
    data = bytearray(store_path.read_bytes())
    data[-99] ^= 0x01
    store_path.write_bytes(bytes(data))
    monkeypatch.setattr(probe, "VERIFY_AT_OPEN_BYTES", 0)  # "large": not checked at open
    session = open_session(store_path, PASSPHRASE, clock=fixed_clock, check_later=True)
    window: MainWindow | None = None
    try:
        window = _window(qtbot, session, preferences)
        qtbot.waitUntil(lambda: window.damage_box is not None, timeout=10_000)
        box = window.damage_box
        assert box is not None and box.isVisible()
        assert re.fullmatch(
            r"store\.db is damaged \(page \d+ fails its check\); restore it from a backup\.",
            box.text(),
        )
        assert "stopped saving" in box.informativeText()
        assert window.read_only.isVisible()
        assert session.store.damage is not None
        qtbot.keyClick(box, Key.Key_Return)
        assert not box.isVisible()
        window.open_conference("CPC-2026-0002")  # reading goes on
        assert window.workspace is not None
        assert window.workspace.reference == "CPC-2026-0002"
    finally:
        if window is not None:
            window.close()
        session.close()


def test_a_small_store_starts_no_background_check(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    qtbot.wait(50)
    assert not any(t.name == "page-check" for t in threading.enumerate())
    assert window.damage_box is None
    assert not window.read_only.isVisible()
