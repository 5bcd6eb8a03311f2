"""Retention…'s Confirm upload… and Wipe local copy…, by keyboard (issue 20 point 7,
§10 item 40), and a deletion that stays deleted when a backup is put back.

The demo store (clock: 23/11/2026) has its concluded conference's minutes issued. It is
kept until 2061; the chair confirms its upload to the case system (a reference is
required), then wipes the local copy: the window names the conference and what goes,
Enter alone cancels, and the tombstone says it was uploaded. A minute-taker sees the
buttons greyed out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import UserRole
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.handover.import_dialog import ImportDialog
from cpc_desktop.ui.home.retention_dialog import RetentionDialog
from cpc_desktop.ui.home.upload_dialogs import ConfirmUploadForm, WipeForm
from tests.helpers.records import small_record
from tests.helpers.retention import OLD_REF, old_record

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier
CONCLUDED = "CPC-2026-0001"
REF = "CPC-2026-0042"  # the small record, handed over from a laptop
HAND_PASS = "blue kettle on the stairs"


def _issue(session: Session) -> None:
    session.minutes.approve(CONCLUDED)
    certificate = load_certificate(create_self_signed("Alex Chair", b"words"), b"words")
    session.minutes.issue(CONCLUDED, certificate)


def _active(qtbot: QtBot, window: QtWidgets.QWidget) -> None:
    window.activateWindow()  # offscreen: a mnemonic goes to the active window
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)


def _open(qtbot: QtBot, session: Session) -> RetentionDialog:
    dialog = RetentionDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _active(qtbot, dialog)
    return dialog


def _select(qtbot: QtBot, dialog: RetentionDialog, ref: str) -> int:
    """Show every conference (Alt+D), then move down the list to ``ref`` by keyboard."""
    if dialog.due_only.isChecked():
        qtbot.keyClick(dialog, Key.Key_D, Alt)
    qtbot.waitUntil(lambda: not dialog.due_only.isChecked())
    row = [line.reference for line in dialog.lines].index(ref)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(dialog.table, Key.Key_Down)
    line = dialog.selected()
    assert line is not None and line.reference == ref
    return row


def test_confirm_upload_then_wipe_the_local_copy(qtbot: QtBot, session: Session) -> None:
    _issue(session)
    dialog = _open(qtbot, session)
    _select(qtbot, dialog, CONCLUDED)
    assert dialog.upload_button.isEnabled() and not dialog.wipe_button.isEnabled()
    assert dialog.upload_state.text().startswith(f"Upload: none confirmed for {CONCLUDED}'s")
    assert not dialog.delete_button.isEnabled()  # kept until 2061

    qtbot.keyClick(dialog, Key.Key_U, Alt)
    qtbot.waitUntil(lambda: isinstance(dialog.form, ConfirmUploadForm))
    form = dialog.form
    assert isinstance(form, ConfirmUploadForm)
    qtbot.waitExposed(form)
    _active(qtbot, form)
    assert CONCLUDED in form.intro.text()
    qtbot.keyClick(form, Key.Key_F, Alt)  # no reference: refused in one line
    qtbot.waitUntil(lambda: form.error.text() != "")
    assert form.error.text() == "Give the case system's reference for the upload."
    assert form.isVisible() and session.uploads.uploads(CONCLUDED) == ()
    qtbot.keyClick(form, Key.Key_R, Alt)
    qtbot.keyClicks(form.case_ref, "LCS-2026-4471")
    qtbot.keyClick(form, Key.Key_F, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    sent = "uploaded to the case system on 23 Nov 2026, ref LCS-2026-4471 (version 1.0)"
    line = dialog.selected()
    assert line is not None and line.reference == CONCLUDED
    assert dialog.upload_state.text() == f"Upload: {CONCLUDED}'s newest issued minutes were {sent}."
    assert dialog.problem.text().startswith(f"The upload of {CONCLUDED} is confirmed")
    assert dialog.wipe_button.isEnabled()

    _active(qtbot, dialog)
    qtbot.keyClick(dialog, Key.Key_K, Alt)
    qtbot.waitUntil(lambda: isinstance(dialog.form, WipeForm))
    wipe = dialog.form
    assert isinstance(wipe, WipeForm)
    qtbot.waitExposed(wipe)
    _active(qtbot, wipe)
    assert wipe.intro.text().startswith(f"Wipe the local copy of {CONCLUDED}, held on ")
    assert f"were {sent}" in wipe.intro.text()
    qtbot.keyClick(wipe.reason, Key.Key_Return)  # Enter alone cancels
    qtbot.waitUntil(lambda: dialog.form is None)
    assert CONCLUDED in {c.reference for c in session.conferences.overview().conferences}

    _active(qtbot, dialog)
    qtbot.keyClick(dialog, Key.Key_K, Alt)
    qtbot.waitUntil(lambda: isinstance(dialog.form, WipeForm))
    wipe = dialog.form
    assert isinstance(wipe, WipeForm)
    qtbot.waitExposed(wipe)
    _active(qtbot, wipe)
    qtbot.keyClick(wipe, Key.Key_W, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert dialog.problem.text() == f"{CONCLUDED} was wiped; its tombstone is below."
    assert CONCLUDED not in {c.reference for c in session.conferences.overview().conferences}
    stones = {
        dialog.tombstones.item(r, 0).text(): dialog.tombstones.item(r, 4).text()
        for r in range(dialog.tombstones.rowCount())
    }
    assert stones == {CONCLUDED: "Local copy wiped: " + sent}


def test_a_hold_or_a_minute_taker_cannot_wipe(qtbot: QtBot, session: Session) -> None:
    _issue(session)
    session.uploads.confirm_upload(CONCLUDED, "LCS-1")
    session.retention.set_hold(CONCLUDED, True, "Subject access request")
    dialog = _open(qtbot, session)
    _select(qtbot, dialog, CONCLUDED)
    assert not dialog.wipe_button.isEnabled()
    qtbot.keyClick(dialog, Key.Key_K, Alt)
    assert dialog.form is None

    session.retention.set_hold(CONCLUDED, False)
    session.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER)
    minuter = Session(session.store, Actor("Morgan Minutes", UserRole.MINUTE_TAKER), session.clock)
    other = _open(qtbot, minuter)
    _select(qtbot, other, CONCLUDED)
    assert not other.upload_button.isEnabled() and not other.wipe_button.isEnabled()
    assert "may not" in other.wipe_button.toolTip()


def test_undo_import_after_a_deletion_by_keyboard_keeps_it_deleted(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    """A hand-over import makes a backup; the chair deletes a conference that is due in
    Retention… (the backup is purged too); Undo import (Alt+U) does not bring it back."""
    session.conferences.import_record(old_record())
    laptop_folder = tmp_path / "laptop"
    laptop_folder.mkdir()
    package = laptop_folder / "small.cpcx"
    with open_session(laptop_folder / "laptop.db", "laptop words", create=True) as laptop:
        laptop.conferences.import_record(small_record())
        laptop.handover.export_package(REF, package, HAND_PASS, cost=FAST_COST)
    importing = ImportDialog(session, restore=session.restore)
    qtbot.addWidget(importing)
    importing.show()
    qtbot.waitExposed(importing)
    importing.set_path(package)
    qtbot.keyClicks(importing.passphrase, HAND_PASS)
    qtbot.keyClick(importing.passphrase, Key.Key_Return)
    qtbot.waitUntil(lambda: importing.pages.currentIndex() == 1)
    _active(qtbot, importing)
    qtbot.keyClick(importing, Key.Key_I, Alt)
    qtbot.waitUntil(lambda: importing.pages.currentIndex() == 2)
    assert REF in {c.reference for c in session.conferences.overview().conferences}, (
        importing.details.text()
    )

    dialog = _open(qtbot, session)
    assert [line.reference for line in dialog.lines] == [OLD_REF]
    dialog.table.setFocus()
    qtbot.keyClick(dialog, Key.Key_W, Alt)
    qtbot.keyClicks(dialog.reason, "Retention period ended")
    qtbot.keyClick(dialog, Key.Key_E, Alt)
    qtbot.waitUntil(lambda: "Only a tombstone will remain" in dialog.problem.text())
    qtbot.keyClick(dialog, Key.Key_E, Alt)
    qtbot.waitUntil(lambda: dialog.tombstones.rowCount() == 1)
    assert dialog.problem.text() == (
        f"{OLD_REF} was deleted; its tombstone is below. "
        "It was purged from 1 backup beside the store."
    )
    dialog.close()

    _active(qtbot, importing)
    qtbot.keyClick(importing, Key.Key_U, Alt)  # Undo import
    qtbot.waitUntil(lambda: "undone" in importing.done_banner.text())
    refs = {c.reference for c in session.conferences.overview().conferences}
    assert OLD_REF not in refs and REF not in refs  # not back; the import undone
    assert [stone.reference for stone in session.retention.tombstones()] == [OLD_REF]
    importing.close()
