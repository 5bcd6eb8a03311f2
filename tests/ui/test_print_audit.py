"""Printing from the application is audited (domain.md §10 item 38; issue 20 point 8).

The chair issues the minutes in the minutes window, then prints the signed copy from its
preview with Ctrl+P (the printer chooser is replaced by one that prints to a PDF file):
the store records who printed which copy, on which printer, how many pages, and the
audit log names the person. A print that could not be recorded is said in one line.
"""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
import sqlalchemy as sa
from PySide6 import QtCore, QtWidgets
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from cpc_desktop.data import models as m
from cpc_desktop.export.signing import ChairCertificate
from cpc_desktop.services.session import Session
from cpc_desktop.ui.output import pdf_preview
from cpc_desktop.ui.settings import Preferences
from tests.ui.test_outputs_ui import (  # noqa: F401 - fixtures used by name
    CONCLUDED,
    Boxes,
    _click,
    _close,
    _minutes_window,
    _no_opened_certificates,
    boxes,
    certificate,
    p12,
    sign_with,
)

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def printer_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The print dialog accepted at once, printing to this PDF file."""
    output = tmp_path / "office-printer.pdf"

    class Accepting:
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(output))
            printer.setResolution(72)

        def __getattr__(self, _name: str) -> object:
            return lambda *_a, **_k: None

        def exec(self) -> QtWidgets.QDialog.DialogCode:
            return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "QPrintDialog", Accepting)
    return output


def printed(session: Session) -> list[tuple[str, str, int, str]]:
    with session.store.session() as s:
        found = s.execute(
            sa.select(
                m.PrintedCopyRow.printed_by,
                m.PrintedCopyRow.printer,
                m.PrintedCopyRow.pages,
                m.PrintedCopyRow.output_file_id,
            )
        ).all()
    return [(a, b, c, d) for a, b, c, d in found]


def print_events(session: Session) -> list[tuple[str, str, str]]:
    with session.store.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "select actor, object_id, outcome from audit_event where action = 'print'"
        ).all()
    return [(a, b, c) for a, b, c in found]


def test_printing_the_issued_minutes_is_recorded_with_the_chairs_name(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    sign_with: list[ChairCertificate],  # noqa: F811
    printer_file: Path,
) -> None:
    session.minutes.approve(CONCLUDED)
    window = _minutes_window(qtbot, session, preferences)
    try:
        _click(qtbot, window.issue_button)
        preview = window.preview_dialog
        assert preview.print_button.isEnabled()
        assert printed(session) == []
        qtbot.waitExposed(preview)
        preview.activateWindow()
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is preview)
        with qtbot.waitSignal(preview.printed) as blocker:
            qtbot.keyClick(preview, Key.Key_P, Ctrl)
        pages = blocker.args[0]
        assert pages == len(pypdf.PdfReader(printer_file).pages) > 0
        output_id = window.issued_pdf.output_id
        assert printed(session) == [("Alex Chair", str(printer_file), pages, output_id)]
        assert print_events(session) == [("Alex Chair", output_id, "ok")]
        assert boxes.said == []
    finally:
        _close(window.preview_dialog)
        window.close()


def test_a_print_that_cannot_be_recorded_says_so_in_one_line(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    sign_with: list[ChairCertificate],  # noqa: F811
    printer_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session.minutes.approve(CONCLUDED)
    window = _minutes_window(qtbot, session, preferences)
    try:
        _click(qtbot, window.issue_button)
        preview = window.preview_dialog
        from cpc_desktop.services.errors import ServiceError

        def fail(*_args: object) -> None:
            raise ServiceError("the store is read-only")

        monkeypatch.setattr(session.printing, "printed", fail)
        with qtbot.waitSignal(preview.printed):
            _click(qtbot, preview.print_button)
        assert boxes.said == [
            (
                "Printed, not recorded",
                "The copy was printed but not recorded: The store is read-only.",
            )
        ]
    finally:
        _close(window.preview_dialog)
        window.close()
