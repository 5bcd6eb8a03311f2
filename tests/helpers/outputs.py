"""After the meeting, by keyboard: approve and issue the minutes, preview a parent's
letter, and read the PDFs' words back (tests/ui/test_four_nations.py)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

import shiboken6
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.output.letters_window import LettersWindow
from cpc_desktop.ui.output.minutes_window import MinutesWindow
from cpc_desktop.ui.settings import Preferences
from tests.helpers.keyboard import Ctrl, Key, alt, answer_yes, expect, in_modal, tab_to, type_here

Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
CERT_PASSPHRASE = "chair's secret phrase"


def pdf_text(data: bytes) -> str:
    """The words of a PDF as pdftotext reads them, on one line."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "read.pdf"
        path.write_bytes(data)
        out = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
        )
    return " ".join(out.stdout.split())


def _close_preview(qtbot: QtBot, dialog: Any) -> None:
    """Escape closes the PDF preview opened over an output window."""
    assert dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def _passphrase(qtbot: QtBot, box: QtWidgets.QInputDialog) -> None:
    type_here(qtbot, CERT_PASSPHRASE)
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Return)


def issue_minutes(
    qtbot: QtBot, window: MainWindow, preferences: Preferences, certificate: Path
) -> str:
    """Ctrl+Shift+M; approve (Alt+A, Yes), issue and sign (Alt+I, Yes, the certificate's
    passphrase); the issued PDF's words."""
    preferences.signing_certificate = certificate
    issued: dict[str, bytes] = {}

    def drive(minutes: MinutesWindow) -> None:
        assert minutes.approve_button.isEnabled(), minutes.problems.text()
        in_modal(
            qtbot,
            lambda: alt(qtbot, Key.Key_A),
            QtWidgets.QMessageBox,
            lambda box: answer_yes(qtbot, box),
        )
        assert "APPROVED" in minutes.banner.text()

        question = expect(qtbot, QtWidgets.QMessageBox, lambda box: answer_yes(qtbot, box))
        passphrase = expect(qtbot, QtWidgets.QInputDialog, lambda ask: _passphrase(qtbot, ask))
        alt(qtbot, Key.Key_I)
        question.wait()
        passphrase.wait()
        qtbot.waitUntil(lambda: minutes.issued_pdf is not None, timeout=60_000)
        assert "ISSUED" in minutes.banner.text()
        issued["pdf"] = minutes.issued_pdf.data
        _close_preview(qtbot, minutes.preview_dialog)
        minutes.activateWindow()
        qtbot.keyClick(minutes, Key.Key_Escape)

    in_modal(qtbot, lambda: qtbot.keyClick(window, Key.Key_M, Ctrl | Shift), MinutesWindow, drive)
    return pdf_text(issued["pdf"])


def preview_parent_letter(qtbot: QtBot, window: MainWindow, session: Session) -> str:
    """Ctrl+Shift+L; the parent's letter chosen in the table and previewed (Alt+P); the
    PDF's words (what the preview typeset and showed)."""
    made: list[bytes] = []

    def drive(letters: LettersWindow) -> None:
        tab_to(qtbot, letters.table)
        qtbot.keyClick(letters.table, Key.Key_Home, Ctrl)
        for _ in range(letters.table.rowCount()):
            plan = letters.selected_plan()
            if plan is not None and plan.need.kind.value == "parent":
                break
            qtbot.keyClick(letters.table, Key.Key_Down)
        plan = letters.selected_plan()
        assert plan is not None and plan.need.kind.value == "parent", plan
        assert not plan.missing, plan.missing
        alt(qtbot, Key.Key_D)
        assert letters.address.hasFocus()
        type_here(qtbot, "14 Larch Close")
        qtbot.keyClick(letters.address, Key.Key_Return)
        type_here(qtbot, "Anytown AT1 1AA")
        alt(qtbot, Key.Key_P)
        preview = letters.preview_dialog
        qtbot.waitUntil(lambda: preview is not None and preview.is_whole(), timeout=60_000)
        made.append(bytes(preview._pdf))
        _close_preview(qtbot, preview)
        letters.activateWindow()
        qtbot.keyClick(letters, Key.Key_Escape)

    in_modal(qtbot, lambda: qtbot.keyClick(window, Key.Key_L, Ctrl | Shift), LettersWindow, drive)
    return pdf_text(made[-1])
