"""After the meeting: minutes approval and issue, outcome letters, distribution, verifying.

The windows are driven as a chair would, with the mouse and keyboard. Message boxes and
file choosers are replaced by recorders (a real one would wait for a click), and every
window is shown, never run with exec(), so a failing check cannot hang the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import CopyKind, MinutesState
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.signing import ChairCertificate, create_self_signed, load_certificate
from cpc_desktop.services.session import Session
from cpc_desktop.ui.actions import Menu
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.output import certificates
from cpc_desktop.ui.output.certificates import (
    CreateCertificateDialog,
    SigningCertificateDialog,
    ask_certificate,
    create_certificate,
    forget_certificates,
)
from cpc_desktop.ui.output.distribution_window import DistributionWindow, MarkSentDialog
from cpc_desktop.ui.output.letters_window import LettersWindow
from cpc_desktop.ui.output.minutes_window import AmendmentDialog, MinutesWindow
from cpc_desktop.ui.output.pdf_preview import PdfPreviewDialog
from cpc_desktop.ui.output.verify_dialog import VerifyDialog
from cpc_desktop.ui.output_windows import OutputWindows
from cpc_desktop.ui.settings import Preferences
from tests.helpers.release import check_pending
from tests.helpers.shots import shots
from tests.helpers.typesetting import settle

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
Left = QtCore.Qt.MouseButton.LeftButton

CONCLUDED = "CPC-2026-0001"  # demo: decided, views recorded, letters' facts complete
UNDECIDED = "CPC-2026-0002"  # demo: no decision yet, views not recorded
SHOTS = shots("outputs")
CERT_PASSPHRASE = "chair's secret phrase"


@pytest.fixture(scope="module")
def p12() -> bytes:
    return create_self_signed("Alex Chair", CERT_PASSPHRASE.encode())


@pytest.fixture(scope="module")
def certificate(p12: bytes) -> ChairCertificate:
    return load_certificate(p12, CERT_PASSPHRASE.encode())


@pytest.fixture(autouse=True)
def _no_opened_certificates() -> Iterator[None]:
    forget_certificates()
    yield
    forget_certificates()


class Boxes:
    """Stands in for QMessageBox: records what was said and answers questions."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        self.asked: list[str] = []
        self.answer = QtWidgets.QMessageBox.StandardButton.Yes

    def warning(self, _parent: object, title: str, text: str, *_args: object) -> object:
        self.said.append((title, text))
        return QtWidgets.QMessageBox.StandardButton.Ok

    def question(self, _parent: object, _title: str, text: str, *_args: object) -> object:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = Boxes()
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QtWidgets.QMessageBox, name, recorder.warning)
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", recorder.question)
    return recorder


@pytest.fixture
def sign_with(
    monkeypatch: pytest.MonkeyPatch, certificate: ChairCertificate
) -> list[ChairCertificate]:
    """ask_certificate hands over the test's certificate (and counts the asks)."""
    asked: list[ChairCertificate] = []

    def give(_parent: object, _preferences: object) -> ChairCertificate:
        asked.append(certificate)
        return certificate

    monkeypatch.setattr(certificates, "ask_certificate", give)
    return asked


def _show(qtbot: QtBot, widget: QtWidgets.QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is widget)


def _click(qtbot: QtBot, button: QtWidgets.QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Left)
    settle(qtbot)  # a copy to issue or export is typeset in another process


def _close(dialog: Any) -> None:
    """Close a window that may be gone already (previews delete themselves on closing)."""
    if dialog is not None and shiboken6.isValid(dialog):
        dialog.close()


def _unnamed(root: QtWidgets.QWidget) -> list[str]:
    kinds = (
        QtWidgets.QLineEdit,
        QtWidgets.QComboBox,
        QtWidgets.QPlainTextEdit,
        QtWidgets.QAbstractItemView,
        QtWidgets.QAbstractSpinBox,
        QtWidgets.QAbstractButton,
    )
    missing = []
    for widget in root.findChildren(QtWidgets.QWidget):
        if (
            not isinstance(widget, kinds)
            or not widget.isVisible()
            or isinstance(widget, QtWidgets.QHeaderView)
        ):
            continue
        if isinstance(widget.parent(), (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)):
            continue
        if isinstance(widget, QtWidgets.QAbstractButton) and not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.text()!r}")
        elif not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    _show(qtbot, window)
    return window


def _minutes_window(
    qtbot: QtBot, session: Session, preferences: Preferences, ref: str = CONCLUDED
) -> MinutesWindow:
    window = MinutesWindow(session, ref, preferences)
    _show(qtbot, window)
    return window


def _row(table: QtWidgets.QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


# --------------------------------------------------------------------------- menus


def test_conference_menu_opens_the_output_windows_by_shortcut(
    qtbot: QtBot, session: Session, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QtWidgets.QDialog] = []

    def run(_self: OutputWindows, dialog: QtWidgets.QDialog) -> None:
        qtbot.addWidget(dialog)
        opened.append(dialog)
        dialog.show()

    monkeypatch.setattr(OutputWindows, "run", run)
    window = _window(qtbot, session, preferences)
    file_menu = window.menus[Menu.FILE]
    file_texts = [a.text().replace("&", "") for a in file_menu.actions()]
    for text in (
        "Verify a signed PDF…",
        "Signing certificate…",
        "Create a self-signed certificate…",
    ):
        assert text in file_texts
    # Without an open conference the conference's outputs are not offered.
    qtbot.keyClick(window, Key.Key_M, Ctrl | Shift)
    assert opened == []

    window.open_conference(CONCLUDED)
    menu = [a.text().replace("&", "") for a in window.conference_menu.actions()]
    for text in ("Minutes and approval…", "Outcome letters…", "Distribution…"):
        assert text in menu
    for key, kind in (
        (Key.Key_M, MinutesWindow),
        (Key.Key_L, LettersWindow),
        (Key.Key_T, DistributionWindow),
    ):
        qtbot.keyClick(window, key, Ctrl | Shift)
        assert isinstance(opened[-1], kind)
        assert opened[-1].ref == CONCLUDED
        opened[-1].close()
    assert len(opened) == 3

    # Locked: the shortcuts do nothing and the signing commands are off.
    window.lock()
    qtbot.keyClick(window, Key.Key_M, Ctrl | Shift)
    assert len(opened) == 3
    assert not any(a.isEnabled() for a in window.signing_actions.values())


def test_locking_closes_an_open_output_window(
    qtbot: QtBot, session: Session, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference(CONCLUDED)
    dialog = MinutesWindow(session, CONCLUDED, preferences, window)
    qtbot.addWidget(dialog)
    window.outputs.current = dialog
    dialog.show()
    certificates._opened[("x", "y")] = object()  # type: ignore[assignment]
    window.lock()
    assert not dialog.isVisible()
    assert certificates._opened == {}


# --------------------------------------------------------------------------- minutes


def test_approve_issue_signed_and_correct(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,
    sign_with: list[ChairCertificate],
) -> None:
    window = _minutes_window(qtbot, session, preferences)
    try:
        assert "DRAFT" in window.banner.text()
        assert not window.problems_box.isVisible()
        assert window.approve_button.isEnabled()
        assert not window.issue_button.isEnabled() and not window.correct_button.isEnabled()

        # Approve (the confirmation is answered Yes).
        _click(qtbot, window.approve_button)
        assert len(boxes.asked) == 1 and "accurate record" in boxes.asked[0]
        assert _row(window.table, 0)[:3] == ["1.0", "Approved", "Alex Chair"]
        assert "APPROVED" in window.banner.text()
        assert window.issue_button.isEnabled() and window.reopen_button.isEnabled()
        assert not window.approve_button.isEnabled()
        assert not window.export_button.isEnabled()  # issue first

        # Issue and sign with the chair's certificate.
        _click(qtbot, window.issue_button)
        assert len(sign_with) == 1
        row = _row(window.table, 0)
        assert row[1] == "Issued" and row[4]
        assert "ISSUED" in window.banner.text() and "never be changed" in window.banner.text()
        pdf = window.issued_pdf
        assert pdf.signed
        check = session.verification.verify(pdf.data)
        assert check.valid, check.problem
        assert check.signer == "Alex Chair"
        status = session.minutes.status(CONCLUDED)
        assert status.current.state is MinutesState.ISSUED
        preview = window.preview_dialog
        assert isinstance(preview, PdfPreviewDialog)
        assert preview.isVisible() and preview.print_button.isEnabled()  # this copy may go
        _close(preview)
        assert not window.approve_button.isEnabled() and not window.issue_button.isEnabled()
        assert window.correct_button.isEnabled() and window.export_button.isEnabled()

        # Correct: who asked and what changes, typed into the real dialog.
        def fill(dialog: AmendmentDialog) -> int:
            dialog.show()
            _click(qtbot, dialog.ok)  # nothing typed: refused, stays open
            assert "who asked" in dialog.problem.text().lower()
            qtbot.keyClicks(dialog.asked_by, "Justyna Harland (mother)")
            qtbot.keyClicks(dialog.changes, "Her name is misspelt in the attendance list.")
            _click(qtbot, dialog.ok)
            return int(dialog.result())

        original = AmendmentDialog.exec
        AmendmentDialog.exec = fill  # type: ignore[method-assign,assignment]
        try:
            _click(qtbot, window.correct_button)
        finally:
            AmendmentDialog.exec = original  # type: ignore[method-assign]
        assert window.table.rowCount() == 2
        assert _row(window.table, 0)[1] == "Issued"
        new = _row(window.table, 1)
        assert new[:2] == ["1.1", "Draft"]
        assert "Justyna Harland (mother)" in new[5] and "misspelt" in new[5]
        assert "1.1" in window.message.text()
        assert "DRAFT" in window.banner.text() and "corrects" in window.banner.text()
        assert window.approve_button.isEnabled() and not window.correct_button.isEnabled()
        assert boxes.said == []
    finally:
        _close(window.preview_dialog)
        window.close()


def test_what_stops_approval_is_listed_and_approve_is_off(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _minutes_window(qtbot, session, preferences, UNDECIDED)
    try:
        assert window.problems_box.isVisible()
        text = window.problems.text()
        assert "no decision is recorded for maisie brennan" in text.lower()
        assert "views" in text
        assert not window.approve_button.isEnabled()
        assert "not available" in window.reason.text()
        assert window.approve_button.toolTip() == window.reason.text()
        window.approve()  # the button's slot called anyway: nothing happens
        assert session.minutes.status(UNDECIDED).current is None
    finally:
        window.close()


def test_previews_are_look_only_and_a_family_copy_says_what_it_left_out(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _minutes_window(qtbot, session, preferences)
    try:
        _click(qtbot, window.preview_family_button)
        dialog = window.preview_dialog
        assert isinstance(dialog, PdfPreviewDialog) and dialog.isVisible()
        qtbot.waitUntil(dialog.is_whole, timeout=60_000)  # typeset in another process
        assert dialog.page_count() >= 1
        assert not dialog.print_button.isVisible() and not dialog.save_button.isVisible()
        assert not dialog.print_action.isEnabled() and not dialog.save_action.isEnabled()
        note = dialog.findChild(QtWidgets.QLabel, "previewNote").text()
        assert "entries left out" in note and "restricted" in note
        assert "entries left out" in window.message.text()
        _close(dialog)

        # One named family member's copy.
        window.family_choice.setFocus()
        qtbot.keyClick(window.family_choice, Key.Key_Down)
        assert window.family_choice.currentData() is not None
        _click(qtbot, window.preview_family_button)
        name = window.family_choice.currentText().split(" (")[0]
        assert name in window.message.text()
        _close(window.preview_dialog)

        _click(qtbot, window.preview_full_button)
        assert window.preview_dialog.windowTitle().startswith(f"Minutes {CONCLUDED}, full copy")
        _close(window.preview_dialog)
        # Looking records nothing.
        assert session.verification.outputs(CONCLUDED) == ()
    finally:
        _close(window.preview_dialog)
        window.close()


def test_export_a_family_copy_of_issued_minutes_is_signed_and_recorded(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,
    sign_with: list[ChairCertificate],
    monkeypatch: pytest.MonkeyPatch,
    certificate: ChairCertificate,
) -> None:
    session.minutes.approve(CONCLUDED)
    session.minutes.issue(CONCLUDED, certificate)
    window = _minutes_window(qtbot, session, preferences)
    try:
        choices = [name for name, _ in window.export_choices()]
        named = next(c for c in choices if c.startswith("Family copy for Justyna"))
        # Checked by a second person beforehand (the check itself: test_release_check_ui).
        session.release.hold_minutes(CONCLUDED, dict(window.export_choices())[named], certificate)
        check_pending(session, CONCLUDED)
        monkeypatch.setattr(QtWidgets.QInputDialog, "getItem", lambda *_a, **_k: (named, True))
        _click(qtbot, window.export_button)
        assert len(sign_with) == 1
        dialog = window.preview_dialog
        assert "Justyna Harland" in dialog.confirm_label.text()
        assert not dialog.save_button.isEnabled()  # until the recipient is checked
        dialog.confirm_check.click()
        assert dialog.save_button.isEnabled()
        outputs = session.verification.outputs(CONCLUDED)
        assert [o.copy for o in outputs] == [CopyKind.FULL, CopyKind.FAMILY]
        assert outputs[-1].signer_fingerprint == sign_with[0].fingerprint
        assert boxes.said == []
    finally:
        _close(window.preview_dialog)
        window.close()


def test_a_refused_step_is_one_line_and_nothing_changes(
    qtbot: QtBot, session: Session, preferences: Preferences, boxes: Boxes
) -> None:
    window = _minutes_window(qtbot, session, preferences)
    try:
        session.minutes.approve(CONCLUDED)  # behind the window's back
        _click(qtbot, window.approve_button)
        ((title, text),) = boxes.said
        assert title == "Approve the minutes" and "\n" not in text
        assert "already approved" in text
        assert "APPROVED" in window.banner.text()  # the window caught up
    finally:
        window.close()


# --------------------------------------------------------------------------- letters


def _letters(qtbot: QtBot, session: Session, preferences: Preferences, ref: str) -> LettersWindow:
    window = LettersWindow(session, ref, preferences)
    _show(qtbot, window)
    return window


def test_a_letter_with_a_missing_fact_names_it_and_cannot_be_issued(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _letters(qtbot, session, preferences, UNDECIDED)
    try:
        assert window.table.rowCount() == 4
        window.table.setFocus()
        qtbot.keyClick(window.table, Key.Key_Down)
        qtbot.keyClick(window.table, Key.Key_Up)
        assert window.table.item(0, 2).text() == "Missing: the outcome for Maisie Brennan"
        assert window.missing.isVisible()
        assert "The outcome for Maisie Brennan" in window.missing.text()
        assert not window.issue_button.isEnabled()
        assert not window.preview_button.isEnabled()
        assert "the outcome for Maisie Brennan" in window.reason.text()
        assert "the outcome for Maisie Brennan" in window.issue_button.toolTip()
    finally:
        window.close()


def test_a_complete_letter_previews_then_issues_with_the_address_to_confirm(
    qtbot: QtBot, session: Session, preferences: Preferences, boxes: Boxes
) -> None:
    window = _letters(qtbot, session, preferences, CONCLUDED)
    try:
        window.select(0)
        plan = window.selected_plan()
        assert plan.need.kind.value == "parent" and not plan.missing
        assert window.table.item(0, 2).text() == "Ready"
        assert not window.missing.isVisible()
        assert window.name.text() == "Justyna Harland"
        assert not window.issue_button.isEnabled()
        assert "address" in window.reason.text()
        window.address.setFocus()
        qtbot.keyClicks(window.address, "14 Larch Close")
        qtbot.keyClick(window.address, Key.Key_Return)
        qtbot.keyClicks(window.address, "Brackenford BF3 7QT")
        assert "Tick" in window.reason.text()

        # Preview: look only, but showing whom it is for.
        _click(qtbot, window.preview_button)
        dialog = window.preview_dialog
        assert isinstance(dialog, PdfPreviewDialog) and dialog.isVisible()
        assert "14 Larch Close" in dialog.confirm_label.text()
        assert "Justyna Harland" in dialog.confirm_label.text()
        assert not dialog.print_button.isVisible()
        _close(dialog)

        # Issue: confirm the address, no certificate chosen so asked to issue unsigned.
        window.confirmed.click()
        # A second person checked this letter beforehand (see test_release_check_ui).
        session.release.hold_letter(CONCLUDED, window.request(), None)
        check_pending(session, CONCLUDED)
        assert window.issue_button.isEnabled() and window.reason.text() == ""
        _click(qtbot, window.issue_button)
        assert any("unsigned" in q for q in boxes.asked)
        dialog = window.preview_dialog
        assert isinstance(dialog, PdfPreviewDialog) and dialog.isVisible()
        assert "BF3 7QT" in dialog.confirm_label.text()
        assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
        dialog.confirm_check.click()
        assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
        assert window.table.item(0, 2).text() == "Issued 1 time"
        record = session.conferences.get(CONCLUDED)
        (letter,) = record.letters
        assert letter.recipient_name == "Justyna Harland"
        assert letter.recipient_address == "14 Larch Close\nBrackenford BF3 7QT"
        # The next letter to her starts from the address just confirmed.
        assert window.address.toPlainText() == "14 Larch Close\nBrackenford BF3 7QT"
        assert not window.confirmed.isChecked()
    finally:
        _close(window.preview_dialog)
        window.close()


def test_a_letter_is_signed_when_a_certificate_is_chosen(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,
    sign_with: list[ChairCertificate],
    tmp_path: Path,
) -> None:
    preferences.signing_certificate = tmp_path / "chair.p12"
    window = _letters(qtbot, session, preferences, CONCLUDED)
    try:
        professional = next(
            i for i, p in enumerate(window.plans) if p.need.kind.value == "professional"
        )
        window.select(professional)
        assert window.issue_button.isEnabled() is False  # not yet confirmed
        window.confirmed.click()  # a professional's letter needs no postal address
        _click(qtbot, window.issue_button)
        assert len(sign_with) == 1 and boxes.asked == []
        assert "(signed)" in window.message.text()
        assert "no postal address" in window.preview_dialog.confirm_label.text()
        record = session.conferences.get(CONCLUDED)
        data = session.letters.letter_bytes(CONCLUDED, record.letters[0].id)
        assert session.verification.verify(data).valid
    finally:
        _close(window.preview_dialog)
        window.close()


# --------------------------------------------------------------------------- distribution


def test_distribution_flags_what_is_overdue_and_mark_sent_clears_it(
    qtbot: QtBot, session: Session, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = DistributionWindow(session, CONCLUDED, preferences)
    _show(qtbot, window)
    try:
        letters_late, _minutes_late = window.overdue_counts()
        assert letters_late > 0
        assert window.summary.text().startswith("OVERDUE:")
        row = next(r for r, line in enumerate(window.lines) if line.name == "Amira Hussain")
        cell = window.table.item(row, 4)
        assert cell.text() == "OVERDUE — not sent"
        assert cell.background().color() == QtGui.QColor("#fde2e2")
        assert window.table.item(row, 6).text() == "Not sent"  # minutes not due yet

        window.select_person("Amira Hussain")

        def fill(dialog: MarkSentDialog) -> int:
            dialog.show()
            assert dialog.chosen_item() == "decision_letter"
            dialog.method.setFocus()
            qtbot.keyClick(dialog.method, Key.Key_Down)  # post → secure e-mail
            assert dialog.method.currentText() == "Secure e-mail"
            _click(qtbot, dialog.ok)
            return int(dialog.result())

        monkeypatch.setattr(MarkSentDialog, "exec", fill)
        _click(qtbot, window.mark_button)
        cell = window.table.item(row, 4)
        assert "OVERDUE" not in cell.text()
        assert cell.text() == "Mon 23 Nov 2026, secure e-mail (sent late)"
        assert window.overdue_counts()[0] == letters_late - 1
        assert "Amira Hussain" in window.message.text()
        (sent,) = session.conferences.get(CONCLUDED).distributions
        assert sent.item == "decision_letter" and sent.method == "Secure e-mail"
    finally:
        window.close()


def test_mark_sent_minutes_needs_an_issued_version_and_links_it(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
    certificate: ChairCertificate,
) -> None:
    window = DistributionWindow(session, CONCLUDED, preferences)
    _show(qtbot, window)
    seen: list[tuple[bool, str]] = []

    def choose_minutes(dialog: MarkSentDialog) -> int:
        dialog.show()
        dialog.item.setCurrentIndex(1)
        seen.append((dialog.ok.isEnabled(), dialog.which.text()))
        if dialog.ok.isEnabled():
            _click(qtbot, dialog.ok)
        else:
            dialog.reject()
        return int(dialog.result())

    monkeypatch.setattr(MarkSentDialog, "exec", choose_minutes)
    try:
        window.select_person("Justyna Harland")
        _click(qtbot, window.mark_button)
        assert seen[-1][0] is False and "issue them" in seen[-1][1]
        assert session.conferences.get(CONCLUDED).distributions == ()

        session.minutes.approve(CONCLUDED)
        session.minutes.issue(CONCLUDED, certificate)
        justyna = next(x for x in window.lines if x.name == "Justyna Harland")
        family = MinutesCopy(CopyKind.FAMILY, justyna.participant_id)
        session.release.hold_minutes(CONCLUDED, family, certificate)
        check_pending(session, CONCLUDED)  # by a second person (see test_release_check_ui)
        _click(qtbot, window.mark_button)
        assert seen[-1] == (True, "Version 1.0 (the latest issued)")
        row = next(r for r, line in enumerate(window.lines) if line.name == "Justyna Harland")
        assert window.table.item(row, 2).text() == "Family"
        assert window.table.item(row, 7).text() == "1.0"
        (sent,) = session.conferences.get(CONCLUDED).distributions
        assert sent.copy is CopyKind.FAMILY and sent.minutes_version_id
    finally:
        window.close()


# --------------------------------------------------------------------------- verifying


def test_verify_says_valid_for_the_issued_file_and_invalid_for_a_changed_one(
    qtbot: QtBot,
    session: Session,
    certificate: ChairCertificate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session.minutes.approve(CONCLUDED)
    issued = session.minutes.issue(CONCLUDED, certificate)
    good = tmp_path / "issued.pdf"
    good.write_bytes(issued.data)
    changed = bytearray(issued.data)
    at = changed.index(b"/Producer") if b"/Producer" in changed else len(changed) // 3
    changed[at + 1] ^= 0x20
    bad = tmp_path / "changed.pdf"
    bad.write_bytes(bytes(changed))
    chosen = [str(good)]
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *_a, **_k: (chosen[0], ""))
    dialog = VerifyDialog(session)
    _show(qtbot, dialog)
    try:
        _click(qtbot, dialog.choose_button)
        assert dialog.verdict.text() == "✔ VALID"
        assert "Signed by: Alex Chair" in dialog.details.text()
        assert issued.sha256 in dialog.details.text()

        chosen[0] = str(bad)
        _click(qtbot, dialog.choose_button)
        assert dialog.verdict.text() == "✘ INVALID"
        assert "Problem:" in dialog.details.text()
        assert dialog.check is not None and not dialog.check.valid
        assert dialog.check.problem.lower().rstrip(".") in dialog.details.text().lower()
        assert dialog.path.text() == str(bad)
    finally:
        dialog.close()


def test_verify_says_a_genuine_file_of_a_corrected_version_is_superseded(
    qtbot: QtBot, session: Session, certificate: ChairCertificate
) -> None:
    """Issue 17, point 8, in the application: still VALID, and the later version named."""
    session.minutes.approve(CONCLUDED)
    first = session.minutes.issue(CONCLUDED, certificate)
    session.minutes.amend(CONCLUDED, "A school's name corrected")
    entry = session.conferences.get(CONCLUDED).minutes[0]
    session.entries.save_text(entry.id, entry.text + " (the school's name corrected)")
    session.minutes.approve(CONCLUDED)
    session.minutes.issue(CONCLUDED, certificate)
    dialog = VerifyDialog(session)
    _show(qtbot, dialog)
    try:
        dialog.verify_bytes(first.data)
        assert dialog.verdict.text() == "✔ VALID"
        text = dialog.details.text()
        assert "Minutes version: 1.0" in text
        assert "Superseded: version 1.1 was issued on " in text
    finally:
        dialog.close()


def test_verify_a_file_that_cannot_be_read_says_so(
    qtbot: QtBot, session: Session, boxes: Boxes, tmp_path: Path
) -> None:
    dialog = VerifyDialog(session)
    _show(qtbot, dialog)
    try:
        dialog.verify_path(tmp_path / "missing.pdf")
        ((_title, text),) = boxes.said
        assert "could not be used" in text and "\n" not in text
        assert dialog.verdict.text() == "Not checked."
    finally:
        dialog.close()


# --------------------------------------------------------------------------- certificates


def test_ask_certificate_asks_the_passphrase_says_why_and_keeps_it_in_memory(
    qtbot: QtBot,
    preferences: Preferences,
    boxes: Boxes,
    p12: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "chair.p12"
    path.write_bytes(p12)
    preferences.signing_certificate = path
    typed = ["wrong one", CERT_PASSPHRASE]
    prompts: list[tuple[str, object]] = []

    def get_text(_parent: object, _title: str, text: str, **options: object) -> Any:
        prompts.append((text, options.get("echo")))
        return typed.pop(0), True

    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", get_text)
    got = ask_certificate(None, preferences)
    assert got is not None and got.subject == "Alex Chair"
    assert len(prompts) == 2
    assert prompts[0][1] == QtWidgets.QLineEdit.EchoMode.Password
    assert boxes.said == [("Signing certificate", "Wrong passphrase for this certificate file.")]
    # Kept for the session: not asked again; never written to the preferences.
    assert ask_certificate(None, preferences) is got and len(prompts) == 2
    settings_file = tmp_path / "prefs.ini"
    preferences._settings.sync()
    assert CERT_PASSPHRASE not in settings_file.read_text()
    forget_certificates()
    typed.append(CERT_PASSPHRASE)
    assert ask_certificate(None, preferences) is not None and len(prompts) == 3


def test_ask_certificate_with_a_damaged_file_says_so_once(
    preferences: Preferences, boxes: Boxes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "damaged.p12"
    path.write_bytes(b"not a certificate")
    preferences.signing_certificate = path
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", lambda *_a, **_k: ("x", True))
    assert ask_certificate(None, preferences) is None
    ((_title, text),) = boxes.said
    assert text.startswith("Not a certificate file")


def test_ask_certificate_without_a_file_offers_to_choose_one(
    preferences: Preferences, boxes: Boxes
) -> None:
    boxes.answer = QtWidgets.QMessageBox.StandardButton.No
    assert ask_certificate(None, preferences) is None
    assert "No signing certificate is chosen" in boxes.asked[0]


def test_create_a_self_signed_certificate_never_overwrites(
    qtbot: QtBot,
    preferences: Preferences,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill(dialog: CreateCertificateDialog) -> int:
        dialog.show()
        assert dialog.name.text() == "Alex Chair"
        assert not dialog.ok.isEnabled()
        qtbot.keyClicks(dialog.passphrase, "long enough phrase")
        qtbot.keyClicks(dialog.repeat, "long enough phrasE")
        assert "not the same" in dialog.problem.text() and not dialog.ok.isEnabled()
        qtbot.keyClick(dialog.repeat, Key.Key_Backspace)
        qtbot.keyClicks(dialog.repeat, "e")
        assert dialog.ok.isEnabled()
        _click(qtbot, dialog.ok)
        return int(dialog.result())

    monkeypatch.setattr(CreateCertificateDialog, "exec", fill)
    taken = tmp_path / "taken.p12"
    taken.write_bytes(b"someone else's file")
    answers = [str(taken), str(tmp_path / "mine")]
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getSaveFileName", lambda *_a, **_k: (answers.pop(0), "")
    )
    path = create_certificate(None, preferences, "Alex Chair")
    assert path == tmp_path / "mine.p12"
    assert taken.read_bytes() == b"someone else's file"
    assert "already exists" in boxes.said[0][1]
    assert preferences.signing_certificate == path
    opened = load_certificate(path.read_bytes(), b"long enough phrase")
    assert opened.subject == "Alex Chair"


def test_signing_certificate_dialog_chooses_and_forgets_the_file(
    qtbot: QtBot, preferences: Preferences, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chair.p12"
    path.write_bytes(b"x")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    dialog = SigningCertificateDialog(preferences, "Alex Chair")
    _show(qtbot, dialog)
    try:
        assert dialog.path.text() == "" and not dialog.forget_button.isEnabled()
        _click(qtbot, dialog.choose_button)
        assert preferences.signing_certificate == path
        assert dialog.path.text() == str(path)
        assert "passphrase" in dialog.details.text()
        _click(qtbot, dialog.forget_button)
        assert preferences.signing_certificate is None and dialog.path.text() == ""
        assert _unnamed(dialog) == []
    finally:
        dialog.close()


# --------------------------------------------------------------------------- looks


def test_every_control_is_named_and_the_windows_fit_a_laptop_screen(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,
    sign_with: list[ChairCertificate],
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    made: list[QtWidgets.QWidget] = []

    def shoot(widget: QtWidgets.QWidget, name: str, size: tuple[int, int] = (1366, 768)) -> None:
        made.append(widget)
        widget.resize(*size)
        if not widget.isVisible():
            _show(qtbot, widget)
        qtbot.wait(20)
        assert _unnamed(widget) == [], name
        assert widget.grab().save(str(SHOTS / f"{name}.png"))

    try:
        blocked = MinutesWindow(session, UNDECIDED, preferences)
        shoot(blocked, "minutes_blocked")
        minutes = MinutesWindow(session, CONCLUDED, preferences)
        shoot(minutes, "minutes_draft")
        minutes.approve()
        shoot(minutes, "minutes_approved")
        minutes.issue()
        settle(qtbot)
        shoot(minutes.preview_dialog, "minutes_issued_preview", (960, 700))
        minutes.preview_dialog.close()
        shoot(minutes, "minutes_issued")
        minutes.family_choice.setCurrentIndex(0)
        minutes.preview_family()
        shoot(minutes.preview_dialog, "minutes_family_preview", (960, 700))
        minutes.preview_dialog.close()
        letters = LettersWindow(session, UNDECIDED, preferences)
        shoot(letters, "letters_missing")
        letters = LettersWindow(session, CONCLUDED, preferences)
        letters.select(0)
        letters.address.setPlainText("14 Larch Close\nBrackenford BF3 7QT")
        letters.confirmed.setChecked(True)
        shoot(letters, "letters_ready")
        session.release.hold_letter(CONCLUDED, letters.request(), None)
        check_pending(session, CONCLUDED)
        letters.issue()
        settle(qtbot)
        shoot(letters.preview_dialog, "letter_issued_preview", (960, 700))
        letters.preview_dialog.close()
        tracker = DistributionWindow(session, CONCLUDED, preferences)
        shoot(tracker, "distribution")
        verify = VerifyDialog(session)
        verify.verify_bytes(minutes.issued_pdf.data)
        shoot(verify, "verify_valid", (640, 360))
        verify.verify_bytes(minutes.issued_pdf.data + b"\n% changed\n")
        shoot(verify, "verify_invalid", (640, 360))
        certificate_dialog = SigningCertificateDialog(preferences, "Alex Chair")
        shoot(certificate_dialog, "signing_certificate", (680, 240))
        create = CreateCertificateDialog("Alex Chair")
        shoot(create, "create_certificate", (480, 320))
        for widget in [w for w in made if shiboken6.isValid(w)]:
            hint = widget.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 740, widget.objectName()
    finally:
        for widget in made:
            _close(widget)
