"""The main window: home screen, new conference, lock and idle lock, help."""

from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data import probe
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.domain.enums import StrategyAnchor
from cpc_desktop.services.profiles import profile_choices
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
    assert model.rowCount() == 4
    refs = {model.value(r).reference for r in range(4)}
    # The three samples, and the review made from the first one's plan.
    assert refs == {"CPC-2026-0001", "CPC-2026-0002", "CPC-2026-0003", "CPC-2027-0004"}
    assert window.marking.text() == "OFFICIAL-SENSITIVE"
    assert "overdue" in window.home.summary.text()
    # The concluded conference's decision letter is overdue: its row says so.
    row = next(r for r in range(4) if model.value(r).reference == "CPC-2026-0001")
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
    from cpc_desktop.ui.action_help import help_sections
    from cpc_desktop.ui.actions import SPECS
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


def test_an_older_copy_found_at_opening_shows_at_once_and_the_window_is_read_only(
    qtbot: QtBot, store_path: Path, preferences: Preferences
) -> None:
    """The audit seal finds the store behind what this machine saw: said before any work."""
    older = store_path.with_name("older.db")
    with open_session(store_path, PASSPHRASE, clock=fixed_clock) as session:
        session.conferences.check()  # sealed on this machine
    older.write_bytes(store_path.read_bytes())
    with open_session(store_path, PASSPHRASE, clock=fixed_clock) as session:
        session.conferences.check()
        session.conferences.check()
    store_path.write_bytes(older.read_bytes())  # put back outside CPC Desktop
    session = open_session(store_path, PASSPHRASE, clock=fixed_clock)
    window: MainWindow | None = None
    try:
        window = MainWindow(session, preferences)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.damage_box is not None, timeout=5_000)
        box = window.damage_box
        assert box is not None and box.isVisible()
        box.activateWindow()
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is box)
        assert re.fullmatch(
            r"2 audit events saved up to .* UTC are missing from store\.db: it is an older "
            r"copy, or its -wal was lost or cut short after a crash; restore the latest backup\.",
            box.text(),
        )
        assert window.read_only.isVisible()
        qtbot.keyClick(box, Key.Key_Return)
        assert not box.isVisible()
        before = _audit_actions(session)
        window.open_conference("CPC-2026-0002")  # reading goes on, and records nothing
        assert window.workspace is not None
        assert _audit_actions(session) == before
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


def _answer_box(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    """Press ``button_text`` on the message box that opens next (its text goes to ``seen``)."""

    def press() -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(box, QtWidgets.QMessageBox):
            QtCore.QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)

    QtCore.QTimer.singleShot(0, press)


def test_a_conference_on_a_sunday_or_a_bank_holiday_asks_first(
    qtbot: QtBot, session: Session
) -> None:
    created = []

    def create(value):
        conference = session.conferences.create_conference(value)
        created.append(conference)
        return conference

    dialog = NewConferenceDialog(
        TODAY, session.schedule.preview_due, create, question=session.schedule.date_question
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setFocus()
    dialog.date.setDate(QtCore.QDate(2026, 12, 28))  # Boxing Day's substitute, a Monday
    assert dialog.date_note.text() == (
        "Mon 28 Dec 2026 is a bank holiday in England and Wales, not a working day."
    )
    dialog.date.setDate(QtCore.QDate(2026, 12, 27))
    assert dialog.date_note.text() == "Sun 27 Dec 2026 is a Sunday, not a working day."
    assert dialog.date_note.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.child_rows[0].given, "Nia")
    seen: list[str] = []
    _answer_box(qtbot, "&Change the date", seen)
    qtbot.keyClick(dialog.child_rows[0].given, Key.Key_Return)
    assert seen == [
        "Sun 27 Dec 2026 is a Sunday, not a working day. Hold the conference on that day?"
    ]
    assert not created and dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.focusWidget() is dialog.date
    _answer_box(qtbot, "&Hold it that day", seen)
    qtbot.keyClick(dialog.child_rows[0].given, Key.Key_Return)
    assert len(seen) == 2
    assert dialog.error.text() == "The date of the strategy discussion is missing."
    dialog.anchor.setDate(QtCore.QDate(2026, 12, 14))
    qtbot.keyClick(dialog.child_rows[0].given, Key.Key_Return)  # not asked again
    assert len(seen) == 2
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    (conference,) = created
    assert session.conferences.get(conference.reference).conference.date.isoformat() == (
        "2026-12-27"
    )
    # A working day asks nothing and says nothing.
    again = NewConferenceDialog(
        TODAY, session.schedule.preview_due, create, question=session.schedule.date_question
    )
    qtbot.addWidget(again)
    again.show()
    again.date.setFocus()
    again.date.setDate(QtCore.QDate(2026, 12, 29))
    assert again.date_note.text() == "" and not again.date_note.isVisibleTo(again)


def test_a_new_conference_is_made_under_the_chosen_authority_or_nation(
    qtbot: QtBot, session: Session, authorities: Path
) -> None:
    examples = Path(__file__).parents[2] / "docs" / "authorities"
    shutil.copy(examples / "glenmorven.toml", authorities / "glenmorven.toml")
    (authorities / "broken.toml").write_text('base = "wales"\nid = "broken"\nnation = 3\n')
    created = []

    def create(value):
        created.append(session.conferences.create_conference(value))
        return created[-1]

    dialog = NewConferenceDialog(
        TODAY,
        session.schedule.preview_due,
        create,
        choices=profile_choices(),
        chosen="wales",
        authority="Bro Tawel",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.profile
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[:2] == ["broken.toml: cannot be used", "Glenmorven Council (Scotland)"]
    broken = combo.model().item(0)
    assert not broken.isEnabled() and "line 3: nation" in broken.toolTip()
    assert combo.currentText() == "Wales"  # the last one chosen
    # A nation's own rules: the chair names the authority (the last one typed is offered).
    assert dialog.authority.isVisibleTo(dialog) and dialog.authority.text() == "Bro Tawel"
    combo.setFocus()
    qtbot.keyClicks(combo, "Glen")
    assert dialog.profile_id == "glenmorven"
    assert not dialog.authority.isVisibleTo(dialog)  # its settings file names it
    assert dialog.local_authority == ""
    dialog.anchor.setDate(QtCore.QDate(2026, 11, 16))
    qtbot.keyClicks(dialog.child_rows[0].given, "Nia")
    qtbot.keyClick(dialog.child_rows[0].given, Key.Key_Return)
    assert dialog.error.text() == ""
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    record = session.conferences.get(created[0].reference).conference
    assert (record.profile, record.local_authority) == ("glenmorven", "Glenmorven Council")


def test_under_a_nations_rules_the_authority_typed_reaches_the_conference(
    qtbot: QtBot, session: Session
) -> None:
    created = []

    def create(value):
        created.append(session.conferences.create_conference(value))
        return created[-1]

    dialog = NewConferenceDialog(
        TODAY, session.schedule.preview_due, create, choices=profile_choices(), chosen="england"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.authority.isVisibleTo(dialog) and dialog.authority.text() == ""
    dialog.authority.setFocus()
    qtbot.keyClicks(dialog.authority, "  Fenbridge   Borough Council ")
    dialog.anchor.setDate(QtCore.QDate(2026, 11, 16))
    qtbot.keyClicks(dialog.child_rows[0].given, "Nia")
    qtbot.keyClick(dialog.child_rows[0].given, Key.Key_Return)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    stored = session.conferences.get(created[0].reference).conference
    assert stored.local_authority == "Fenbridge Borough Council"


def test_a_later_strategy_discussion_and_which_one_starts_the_clock(
    qtbot: QtBot, session: Session
) -> None:
    created = []

    def create(value):
        created.append(session.conferences.create_conference(value))
        return created[-1]

    choices = profile_choices()
    dialog = NewConferenceDialog(
        TODAY, session.schedule.preview_due, create, choices=choices, chosen="england"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    assert dialog.later.isVisibleTo(dialog)
    assert not dialog.clock.isVisibleTo(dialog)  # nothing to choose with one discussion
    dialog.date.setDate(QtCore.QDate(2026, 12, 16))
    dialog.anchor.setDate(QtCore.QDate(2026, 11, 20))
    assert "Fri 11 Dec 2026" in dialog.due.text()
    dialog.later.setDate(QtCore.QDate(2026, 11, 27))
    # England counts from the discussion that started the enquiry unless the chair says.
    assert dialog.clock.isVisibleTo(dialog)
    assert dialog.clock_start is StrategyAnchor.INITIATED
    assert "usual rule" in dialog.clock.currentText()
    assert "Fri 11 Dec 2026 (counted from the first discussion)" in dialog.due.text()
    assert dialog.reason.isVisibleTo(dialog)
    # Alt+O reaches the choice; the later discussion moves the date on a week.
    qtbot.keyClick(dialog, Key.Key_O, QtCore.Qt.KeyboardModifier.AltModifier)
    assert dialog.clock.hasFocus()
    qtbot.keyClick(dialog.clock, Key.Key_Down)
    assert dialog.clock_start is StrategyAnchor.LAST
    assert "Fri 18 Dec 2026 (counted from the later discussion)" in dialog.due.text()
    assert not dialog.reason.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.child_rows[0].given, "Nia")
    qtbot.keyClicks(dialog.child_rows[0].family, "Okafor")
    qtbot.keyClick(dialog.child_rows[0].family, Key.Key_Return)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    conference = session.conferences.get(created[0].reference).conference
    assert conference.strategy_discussion_date.isoformat() == "2026-11-20"
    assert conference.last_strategy_discussion_date.isoformat() == "2026-11-27"
    assert conference.strategy_anchor is StrategyAnchor.LAST
    assert conference.delay_reason is None


def test_the_later_discussion_is_never_before_the_first(qtbot: QtBot, session: Session) -> None:
    before = len(session.conferences.overview().conferences)
    dialog = NewConferenceDialog(
        TODAY, session.schedule.preview_due, session.conferences.create_conference
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(QtCore.QDate(2026, 12, 10))
    dialog.anchor.setDate(QtCore.QDate(2026, 11, 27))
    dialog.later.setDate(QtCore.QDate(2026, 11, 20))
    qtbot.keyClicks(dialog.child_rows[0].given, "Nia")
    qtbot.keyClick(dialog.child_rows[0].given, Key.Key_Return)
    assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert "later strategy discussion, 20 November 2026, is before the first one" in (
        dialog.error.text()
    )
    assert len(session.conferences.overview().conferences) == before
