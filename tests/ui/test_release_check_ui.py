"""The release check in the windows, by keyboard, in a real encrypted store (disclosure.md).

The chair (the author) asks for a family copy of the issued minutes: it is held, not
written, and the window says it awaits a check by a second person. "Check and
release…" lets a second user of the store sign in with their own password (the author
is not offered), look at the exact file and what it leaves out, and confirm it with
Enter; only then does the copy come out to be saved, byte for byte the file checked,
and only then can it be recorded as sent. A store with one user says no one can check.

Message boxes and the file chooser are replaced (a real one would wait for a click);
every window is shown, never run with exec().
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.export.signing import ChairCertificate, create_self_signed, load_certificate
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.release import ALONE, OWN_WORK
from cpc_desktop.services.session import Session
from cpc_desktop.services.users import NO_MATCH
from cpc_desktop.ui.output import certificates
from cpc_desktop.ui.output.distribution_window import DistributionWindow, MarkSentDialog
from cpc_desktop.ui.output.letters_window import LettersWindow
from cpc_desktop.ui.output.minutes_window import MinutesWindow
from cpc_desktop.ui.output.release_dialog import AWAITING, LEFT_OUT_HEADING
from cpc_desktop.ui.settings import Preferences
from tests.helpers.release import CHECKER, CHECKER_SECRET, add_checker
from tests.helpers.typesetting import settle

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier

CONCLUDED = "CPC-2026-0001"  # demo: decided, views recorded, letters' facts complete
AUTHOR = "Alex Chair"
CERT_PASSPHRASE = "chair's secret phrase"


@pytest.fixture(scope="module")
def certificate() -> ChairCertificate:
    p12 = create_self_signed(AUTHOR, CERT_PASSPHRASE.encode())
    return load_certificate(p12, CERT_PASSPHRASE.encode())


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch, certificate: ChairCertificate) -> Iterator[list[str]]:
    """Message boxes record what they would say; the certificate is handed over."""
    said: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> object:
        said.append(text)
        return QtWidgets.QMessageBox.StandardButton.Yes

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QtWidgets.QMessageBox, name, record)
    monkeypatch.setattr(certificates, "ask_certificate", lambda *_a: certificate)
    yield said


@pytest.fixture
def issued(session: Session, certificate: ChairCertificate) -> Session:
    session.minutes.approve(CONCLUDED)
    session.minutes.issue(CONCLUDED, certificate)
    return session


def _show(qtbot: QtBot, widget: QtWidgets.QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is widget)


def _close(widget: Any) -> None:
    if widget is not None and shiboken6.isValid(widget):
        widget.close()


def _press(qtbot: QtBot, button: QtWidgets.QAbstractButton) -> None:
    """Reach ``button`` as Tab would, then press Space."""
    assert button.isVisible() and button.isEnabled(), button.text()
    assert button.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus
    button.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Key.Key_Space)
    settle(qtbot)  # a copy to issue or export is typeset in another process


def _minutes(qtbot: QtBot, session: Session, preferences: Preferences) -> MinutesWindow:
    window = MinutesWindow(session, CONCLUDED, preferences)
    _show(qtbot, window)
    return window


def _ask_for_justynas_copy(monkeypatch: pytest.MonkeyPatch, window: MinutesWindow) -> None:
    named = next(n for n, _ in window.export_choices() if n.startswith("Family copy for Justyna"))
    monkeypatch.setattr(QtWidgets.QInputDialog, "getItem", lambda *_a, **_k: (named, True))


def _mark_minutes_sent(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: DistributionWindow
) -> None:
    """Mark sent… to Justyna Harland, choosing the minutes by keyboard."""

    def choose(dialog: MarkSentDialog) -> int:
        dialog.show()
        dialog.item.setFocus()
        qtbot.keyClick(dialog.item, Key.Key_Down)  # decision letter → minutes
        assert dialog.chosen_item() == "minutes"
        _press(qtbot, dialog.ok)
        return int(dialog.result())

    monkeypatch.setattr(MarkSentDialog, "exec", choose)
    window.select_person("Justyna Harland")
    _press(qtbot, window.mark_button)


def _minutes_sent(window: DistributionWindow) -> str:
    row = next(r for r, line in enumerate(window.lines) if line.name == "Justyna Harland")
    return str(window.table.item(row, 6).text())


def test_a_family_copy_is_released_only_once_a_second_person_checks_it(
    qtbot: QtBot,
    issued: Session,
    preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    session = issued
    add_checker(session.store)
    window = _minutes(qtbot, session, preferences)
    tracker: DistributionWindow | None = None
    try:
        _ask_for_justynas_copy(monkeypatch, window)
        _press(qtbot, window.export_button)
        panel = window.release_panel
        assert panel.isVisible() and panel.heading.text() == AWAITING
        assert "Justyna Harland" in panel.text.text()
        assert window.preview_dialog is None  # nothing to save or print yet
        (item,) = session.release.pending(CONCLUDED)
        assert item.author == AUTHOR and not item.confirmed and item.released_at is None

        # Not yet checked, so it cannot be recorded as sent either.
        tracker = DistributionWindow(session, CONCLUDED, preferences)
        _show(qtbot, tracker)
        _mark_minutes_sent(qtbot, monkeypatch, tracker)
        assert tracker.release_panel.isVisible()
        assert tracker.release_panel.item is not None
        assert tracker.release_panel.item.id == item.id
        assert session.conferences.get(CONCLUDED).distributions == ()
        assert _minutes_sent(tracker) == "Not sent"
        tracker.hide()

        # Check and release…: a second person signs in; the author is not offered.
        _show(qtbot, window)
        assert panel.check_button.hasFocus()
        _press(qtbot, panel.check_button)
        assert panel.check is not None
        sign_in = panel.check.sign_in
        assert sign_in is not None
        qtbot.waitExposed(sign_in)
        assert sign_in.windowTitle() == "Check before release"
        offered = [sign_in.name.itemData(i) for i in range(sign_in.name.count())]
        assert offered == [CHECKER.name]
        assert AUTHOR not in offered
        # The service refuses the author too, should anyone try.
        with pytest.raises(ServiceError, match=OWN_WORK.rstrip(".")):
            session.release.confirm(item.id, session.actor)

        qtbot.keyClicks(sign_in.password, "not Casey's password")
        qtbot.keyClick(sign_in.password, Key.Key_Return)
        assert sign_in.isVisible() and sign_in.error.text() == NO_MATCH
        assert sign_in.password.text() == ""
        assert not session.release.pending(CONCLUDED)[0].confirmed  # nothing recorded

        qtbot.keyClicks(sign_in.password, CHECKER_SECRET)
        qtbot.keyClick(sign_in.password, Key.Key_Return)
        review = panel.check.review
        assert review is not None
        qtbot.waitExposed(review)
        assert session.actor.name == AUTHOR  # the author stays signed in
        heading = review.findChild(QtWidgets.QLabel, "leftOutHeading")
        assert heading.text().replace("&", "") == LEFT_OUT_HEADING
        left_out = [review.left_out.item(i).text() for i in range(review.left_out.count())]
        assert left_out and left_out == list(session.release.review(item.id).left_out)
        assert "Justyna Harland" in review.recipient.text()
        assert review.fingerprint.text() == item.sha256[:12]
        assert review.confirm_button.isDefault()
        assert (
            review.confirm_button.text()
            .replace("&", "")
            .startswith("Confirm: this is right for Justyna Harland")
        )
        assert review.pages.page_count() >= 1
        # It fits a 1366 × 768 laptop at 150 % (911 × 512), every button on screen.
        hint = review.minimumSizeHint()
        assert hint.width() <= 911 and hint.height() <= 512
        for button in (review.confirm_button, review.cancel_button):
            corner = button.mapTo(review, button.rect().bottomRight())
            assert review.rect().contains(corner), button.text()

        qtbot.keyClick(review.pages, Key.Key_Return)  # Enter: the default button
        assert not review.isVisible()
        checked = session.release.review(item.id).item
        assert checked.checked_by == CHECKER.name

        # The window's export went on: the checked file, to be saved.
        preview = window.preview_dialog
        assert preview is not None
        qtbot.waitExposed(preview)
        assert not panel.isVisible()
        target = tmp_path / "family-copy.pdf"
        monkeypatch.setattr(
            QtWidgets.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "")
        )
        _press(qtbot, preview.confirm_check)  # the recipient checked
        qtbot.keyClick(preview, Key.Key_S, Ctrl)
        assert hashlib.sha256(target.read_bytes()).hexdigest() == item.sha256
        assert session.release.pending(CONCLUDED) == ()  # released

        # Now, and only now, it can be recorded as sent.
        _show(qtbot, tracker)
        _mark_minutes_sent(qtbot, monkeypatch, tracker)
        (sent,) = session.conferences.get(CONCLUDED).distributions
        assert sent.item == "minutes"
        assert _minutes_sent(tracker) != "Not sent"
        assert not tracker.release_panel.isVisible()
    finally:
        _close(window.preview_dialog)
        _close(tracker)
        window.close()


def test_a_letter_to_a_parent_waits_for_the_check_then_is_issued(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    add_checker(session.store)
    window = LettersWindow(session, CONCLUDED, preferences)
    _show(qtbot, window)
    try:
        window.select(0)
        assert window.name.text() == "Justyna Harland"
        window.address.setPlainText("14 Larch Close\nBrackenford BF3 7QT")
        window.confirmed.setChecked(True)
        _press(qtbot, window.issue_button)
        assert window.release_panel.isVisible()
        assert session.conferences.get(CONCLUDED).letters == ()
        status = window.table.item(0, 2).text()
        assert status == "Awaiting a check by a second person"
        assert window.preview_dialog is None

        _press(qtbot, window.release_panel.check_button)
        check = window.release_panel.check
        assert check is not None and check.sign_in is not None
        qtbot.keyClicks(check.sign_in.password, CHECKER_SECRET)
        qtbot.keyClick(check.sign_in.password, Key.Key_Return)
        assert check.review is not None
        assert "letter" in check.review.intro.text()
        qtbot.keyClick(check.review.pages, Key.Key_Return)
        (letter,) = session.conferences.get(CONCLUDED).letters
        assert window.table.item(0, 2).text() == "Issued 1 time"
        assert letter.recipient_name == "Justyna Harland"
        assert window.preview_dialog is not None
        assert hashlib.sha256(window.preview_dialog._pdf).hexdigest() == letter.file_sha256
    finally:
        _close(window.preview_dialog)
        window.close()


def test_with_one_user_no_one_can_check_and_the_window_says_so(
    qtbot: QtBot, issued: Session, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = issued
    assert [u.name for u in session.users.users()] == [AUTHOR]
    window = _minutes(qtbot, session, preferences)
    try:
        _ask_for_justynas_copy(monkeypatch, window)
        _press(qtbot, window.export_button)
        panel = window.release_panel
        assert panel.heading.text() == AWAITING
        _press(qtbot, panel.check_button)
        assert panel.check is not None and panel.check.sign_in is None  # no sign-in offered
        assert panel.isVisible() and panel.text.text() == ALONE
        assert window.preview_dialog is None
        assert not session.release.pending(CONCLUDED)[0].confirmed
    finally:
        window.close()
