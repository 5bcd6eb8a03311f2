"""The home screen's complaints due and Retention… (§10 items 36 and 40), by keyboard.

The demo store (clock: 23/11/2026) gains the small record held on 10/01/1990, whose 35
years have passed, and a complaint about a demo conference. Home names the complaint's
next step and the conference due; Retention… (Alt+R) places and lifts a legal hold and
deletes the old conference (a reason, then a confirmation), which leaves a tombstone.
"""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session
from cpc_desktop.ui.home.retention_dialog import RetentionDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from tests.helpers.retention import OLD_REF, old_record

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier


def test_home_names_what_is_due_and_retention_deletes_with_a_tombstone(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    session.conferences.import_record(old_record())
    demo = session.conferences.overview().conferences[0].reference
    session.complaints.record_complaint(
        demo, received=date(2026, 11, 20), grounds=["process"], complainant_name="Pat Advocate"
    )
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    strip = window.home.records
    assert f"{demo} (Pat Advocate): acknowledge by 27 Nov 2026" in strip.complaints.text()
    assert strip.retention.text().startswith("1 conference has reached the end")

    window.home.table.setFocus()
    qtbot.keyClick(window.home.table, Key.Key_R, Alt)
    qtbot.waitUntil(lambda: strip.dialog is not None and strip.dialog.isVisible())
    dialog = strip.dialog
    assert isinstance(dialog, RetentionDialog)
    assert (
        "never deletes a conference on its own"
        in dialog.findChild(QtWidgets.QLabel, "retentionNeverOnItsOwn").text()
    )
    assert [line.reference for line in dialog.lines] == [OLD_REF]
    assert dialog.table.item(0, 3).text() == "10 Jan 2025"

    dialog.activateWindow()  # offscreen: a mnemonic goes to the active window
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)

    # The case closed later: the clock runs from then (here, not long enough: kept).
    dialog.closed.setDate(QtCore.QDate(1996, 3, 1))
    qtbot.keyClick(dialog, Key.Key_T, Alt)
    qtbot.waitUntil(lambda: dialog.lines == ())  # no longer due: not in the list of what is
    dialog.due_only.setChecked(False)
    row = [line.reference for line in dialog.lines].index(OLD_REF)
    assert [dialog.table.item(row, c).text() for c in (2, 3, 4)] == [
        "1 Mar 1996",
        "1 Mar 2031",
        "kept",
    ]
    session.retention.set_closed(OLD_REF, None)  # back as it was
    dialog.due_only.setChecked(True)
    qtbot.waitUntil(lambda: [line.reference for line in dialog.lines] == [OLD_REF])

    # A legal hold needs a reason; while it stands Delete is greyed out.
    qtbot.keyClick(dialog, Key.Key_H, Alt)
    qtbot.waitUntil(lambda: dialog.problem.text() != "")
    assert dialog.problem.text() == "Say why the record is held."
    qtbot.keyClick(dialog, Key.Key_W, Alt)
    qtbot.keyClicks(dialog.reason, "Inquiry into the family's care")
    qtbot.keyClick(dialog, Key.Key_H, Alt)
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() == "on legal hold")
    assert dialog.table.item(0, 5).text() == "Inquiry into the family's care"
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClick(dialog, Key.Key_L, Alt)
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() == "due for deletion")

    # Delete: a reason, then a second press once the window has said what goes.
    qtbot.keyClick(dialog, Key.Key_W, Alt)
    qtbot.keyClicks(dialog.reason, "Retention period ended")
    qtbot.keyClick(dialog, Key.Key_E, Alt)
    qtbot.waitUntil(lambda: "Only a tombstone will remain" in dialog.problem.text())
    assert dialog.tombstones.rowCount() == 0 and dialog.delete_button.text() == "Confirm d&elete"
    qtbot.keyClick(dialog, Key.Key_E, Alt)
    qtbot.waitUntil(lambda: dialog.tombstones.rowCount() == 1)
    assert dialog.lines == ()
    assert [dialog.tombstones.item(0, c).text() for c in (0, 1, 3, 4)] == [
        OLD_REF,
        "10 Jan 1990",
        "Alex Chair",
        "Retention period ended",
    ]
    listed = session.conferences.overview().conferences
    assert OLD_REF not in {c.reference for c in listed}
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    qtbot.waitUntil(lambda: strip.retention.text().startswith("No conference has reached"))


def test_locking_closes_the_retention_window(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.home.records.open_retention()
    dialog = window.home.records.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(dialog.finished):
        window.lock()
    assert window.home.records.dialog is None
