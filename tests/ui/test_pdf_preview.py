"""The PDF preview: pages drawn from memory, moved through and zoomed from the keyboard,
printed to a PDF printer and saved whole or not at all."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from cpc_desktop.ui.output import pdf_preview
from cpc_desktop.ui.output.pdf_preview import CONFIRM_CHECKBOX_TEXT, PdfPreviewDialog

Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Key = QtCore.Qt.Key
Opener = Callable[..., PdfPreviewDialog]
ADDRESS = "Check the name and address: Ms A Harland, 1 Mill Lane, Brigg DN20 8AA"


def _pdf(texts: list[str]) -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4)
    for text in texts:
        drawing.setFont("Helvetica-Bold", 28)
        drawing.drawString(72, A4[1] - 110, text)
        drawing.setFont("Helvetica", 12)
        for line in range(30):
            drawing.drawString(72, A4[1] - 160 - 18 * line, f"{text}: line {line + 1} of the body")
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def one_page() -> bytes:
    return _pdf(["Invitation to the conference"])


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    return _pdf(["First page: the invitation", "Second page: the agenda", "Third page: contacts"])


class Boxes:
    """Stands in for QMessageBox's static functions: records instead of blocking."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def warning(self, _parent: object, title: str, text: str, *_args: object) -> object:
        self.shown.append((title, text))
        return QtWidgets.QMessageBox.StandardButton.Ok


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    """In every test: a real message box is modal and, with no one to click it, would
    wait for ever (printing that cannot start, a save that fails, "Replace file?")."""
    recorder = Boxes()
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", recorder.warning)
    monkeypatch.setattr(QtWidgets.QMessageBox, "critical", recorder.warning)
    monkeypatch.setattr(QtWidgets.QMessageBox, "information", recorder.warning)
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", recorder.warning)
    return recorder


@pytest.fixture
def open_preview(qtbot: QtBot) -> Iterator[Opener]:
    opened: list[PdfPreviewDialog] = []

    def make(pdf: bytes, **options: object) -> PdfPreviewDialog:
        options.setdefault("title", "Invitation")
        options.setdefault("default_name", "invitation.pdf")
        dialog = PdfPreviewDialog(pdf, **options)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        opened.append(dialog)
        dialog.resize(900, 680)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
        return dialog

    yield make
    for dialog in opened:
        dialog.close()


def _click_box(qtbot: QtBot, check: QtWidgets.QCheckBox) -> None:
    """Click the tick box itself, where a user would."""
    option = QtWidgets.QStyleOptionButton()
    check.initStyleOption(option)
    box = check.style().subElementRect(
        QtWidgets.QStyle.SubElement.SE_CheckBoxIndicator, option, check
    )
    qtbot.mouseClick(check, QtCore.Qt.MouseButton.LeftButton, pos=box.center())


def _dark_pixels(image: QtGui.QImage, rect: QtCore.QRect) -> int:
    dark = 0
    for y in range(rect.top(), rect.bottom(), 2):
        for x in range(rect.left(), rect.right(), 2):
            if QtGui.QColor(image.pixel(x, y)).lightness() < 100:
                dark += 1
    return dark


def test_three_pages_counted_titled_and_the_first_page_drawn(
    open_preview: Opener, three_pages: bytes
) -> None:
    dialog = open_preview(three_pages, title="Decision letter")
    assert dialog.page_count() == 3
    assert dialog.windowTitle() == "Decision letter — preview"
    assert dialog.page_label.text() == "Page 1 of 3"
    shot = dialog.canvas.grab().toImage()
    page = dialog.canvas.page_rect(0)
    visible = page.intersected(QtCore.QRect(0, 0, shot.width(), shot.height()))
    # The heading and body lines are dark on white; the page is not blank.
    assert _dark_pixels(shot, visible) > 200
    blank = QtCore.QRect(page.left() + 4, page.top() + 4, 40, 40)  # top-left margin: white
    assert _dark_pixels(shot, blank) == 0
    assert QtGui.QColor(shot.pixel(page.center().x(), page.top() + 20)) == QtGui.QColor("white")
    # The grey ground shows beside the page.
    assert QtGui.QColor(shot.pixel(2, page.top() + 10)) != QtGui.QColor("white")


def test_page_down_up_home_end_move_the_page_indicator(
    qtbot: QtBot, open_preview: Opener, three_pages: bytes
) -> None:
    dialog = open_preview(three_pages)
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.keyClick(dialog.scroll_area, Key.Key_PageDown)
    assert dialog.page_label.text() == "Page 2 of 3"
    assert bar.value() > 0
    qtbot.keyClick(dialog.scroll_area, Key.Key_PageDown)
    assert dialog.page_label.text() == "Page 3 of 3"
    qtbot.keyClick(dialog.scroll_area, Key.Key_PageDown)
    assert dialog.page_label.text() == "Page 3 of 3"
    qtbot.keyClick(dialog.scroll_area, Key.Key_PageUp)
    assert dialog.page_label.text() == "Page 2 of 3"
    qtbot.keyClick(dialog.scroll_area, Key.Key_Home)
    assert dialog.page_label.text() == "Page 1 of 3"
    assert bar.value() == 0
    qtbot.keyClick(dialog.scroll_area, Key.Key_End)
    assert dialog.page_label.text() == "Page 3 of 3"
    # Scrolling by hand follows the page mostly on screen.
    bar.setValue(dialog.canvas.page_top(1) + 10)
    assert dialog.page_label.text() == "Page 2 of 3"


def _fills_width(dialog: PdfPreviewDialog) -> bool:
    room = dialog.scroll_area.viewport().width()
    return room - 40 < dialog.canvas.page_rect(0).width() < room


def test_zoom_keys_change_the_zoom_shown_and_keep_the_page(
    qtbot: QtBot, open_preview: Opener, three_pages: bytes
) -> None:
    dialog = open_preview(three_pages)
    # Opened wider than an A4 page at actual size: actual size, not larger.
    assert dialog.zoom_label.text() == "100%"
    assert not dialog.fit_button.isChecked()
    qtbot.keyClick(dialog.scroll_area, Key.Key_PageDown)
    qtbot.keyClick(dialog, Key.Key_Equal, Ctrl)
    assert dialog.zoom_label.text() == "110%"
    assert dialog.page_label.text() == "Page 2 of 3"
    qtbot.keyClick(dialog, Key.Key_Minus, Ctrl)
    qtbot.keyClick(dialog, Key.Key_Minus, Ctrl)
    assert dialog.zoom_label.text() == "90%"
    width = dialog.canvas.page_rect(0).width()
    qtbot.keyClick(dialog, Key.Key_Minus, Ctrl)
    assert dialog.zoom_label.text() == "75%"
    assert dialog.canvas.page_rect(0).width() < width
    assert dialog.page_label.text() == "Page 2 of 3"
    qtbot.keyClick(dialog, Key.Key_0, Ctrl)
    assert dialog.fit_button.isChecked()
    assert int(dialog.zoom_label.text()[:-1]) > 100
    # Fit width: the page fills the width without a horizontal scroll bar.
    assert _fills_width(dialog)
    assert not dialog.scroll_area.horizontalScrollBar().isVisible()


def test_the_opening_zoom_follows_the_window_until_the_user_zooms(
    qtbot: QtBot, open_preview: Opener, one_page: bytes
) -> None:
    dialog = open_preview(one_page)
    dialog.resize(560, 600)
    qtbot.waitUntil(lambda: dialog.zoom() < 1.0)
    assert _fills_width(dialog)
    assert not dialog.scroll_area.horizontalScrollBar().isVisible()
    dialog.resize(1300, 700)
    qtbot.waitUntil(lambda: dialog.zoom() == 1.0)
    qtbot.keyClick(dialog, Key.Key_Minus, Ctrl)
    dialog.resize(700, 600)
    qtbot.wait(20)
    assert dialog.zoom_label.text() == "90%"


def test_zoom_buttons_respond_to_the_mouse(
    qtbot: QtBot, open_preview: Opener, one_page: bytes
) -> None:
    dialog = open_preview(one_page)
    before = dialog.zoom()
    qtbot.mouseClick(dialog.zoom_in_button, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.zoom() > before
    qtbot.mouseClick(dialog.zoom_out_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.zoom_out_button, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.zoom() < before
    assert not _fills_width(dialog)
    qtbot.mouseClick(dialog.fit_button, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.fit_button.isChecked()
    assert _fills_width(dialog)


def test_a_long_document_renders_only_the_pages_in_view(qtbot: QtBot, open_preview: Opener) -> None:
    dialog = open_preview(_pdf([f"Page {n}" for n in range(1, 101)]))
    assert dialog.page_label.text() == "Page 1 of 100"
    dialog.canvas.grab()
    qtbot.wait(20)  # let the neighbour be drawn ahead
    assert dialog.canvas.rendered_pages() <= {0, 1, 2}
    qtbot.keyClick(dialog.scroll_area, Key.Key_End)
    assert dialog.page_label.text() == "Page 100 of 100"
    dialog.canvas.grab(dialog.canvas.page_rect(99))
    qtbot.waitUntil(lambda: 99 in dialog.canvas.rendered_pages())
    dialog.canvas.repaint()
    assert max(dialog.canvas.rendered_pages()) == 99
    assert len(dialog.canvas.rendered_pages()) <= 3


def test_save_to_writes_exactly_the_bytes_and_says_so(
    qtbot: QtBot, open_preview: Opener, three_pages: bytes, tmp_path: Path, boxes: Boxes
) -> None:
    dialog = open_preview(three_pages)
    target = tmp_path / "letter.pdf"
    with qtbot.waitSignal(dialog.saved) as blocker:
        assert dialog.save_to(target) is True
    assert blocker.args == [str(target)]
    assert target.read_bytes() == three_pages
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]
    assert boxes.shown == []


def test_ctrl_s_saves_where_the_file_dialog_says(
    qtbot: QtBot,
    open_preview: Opener,
    one_page: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[str, str]] = []

    def choose(_parent: object, _caption: str, start: str, filters: str) -> tuple[str, str]:
        asked.append((start, filters))
        return str(tmp_path / "chosen"), filters

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", choose)
    folder = tmp_path / "letters"
    dialog = open_preview(one_page, save_dir=folder, default_name="Harland.pdf")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog, Key.Key_S, Ctrl)
    assert asked == [(str(folder / "Harland.pdf"), "PDF documents (*.pdf)")]
    assert (tmp_path / "chosen.pdf").read_bytes() == one_page


def test_cancelling_the_file_dialog_saves_nothing(
    qtbot: QtBot,
    open_preview: Opener,
    one_page: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    dialog = open_preview(one_page, save_dir=tmp_path)
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, QtCore.Qt.MouseButton.LeftButton)
    assert list(tmp_path.iterdir()) == []


def test_saving_into_a_missing_folder_says_why_and_leaves_nothing(
    qtbot: QtBot, open_preview: Opener, one_page: bytes, tmp_path: Path, boxes: Boxes
) -> None:
    dialog = open_preview(one_page)
    with qtbot.assertNotEmitted(dialog.saved):
        assert dialog.save_to(tmp_path / "gone" / "letter.pdf") is False
    assert len(boxes.shown) == 1
    title, text = boxes.shown[0]
    assert title == "Could not save"
    assert "letter.pdf" in text and "No such file or directory" in text
    assert list(tmp_path.iterdir()) == []


def test_saving_where_a_file_stands_for_the_folder_fails_cleanly(
    open_preview: Opener, one_page: bytes, tmp_path: Path, boxes: Boxes
) -> None:
    (tmp_path / "notes").write_text("not a folder")
    dialog = open_preview(one_page)
    assert dialog.save_to(tmp_path / "notes" / "letter.pdf") is False
    assert "Not a directory" in boxes.shown[0][1]
    assert [p.name for p in tmp_path.iterdir()] == ["notes"]


def test_saving_into_a_read_only_folder_says_why_and_leaves_nothing(
    open_preview: Opener,
    one_page: bytes,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Root writes through folder permissions: give it the refusal anyone else gets.
        def refuse(*_args: object, **_kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(folder))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        dialog = open_preview(one_page)
        assert dialog.save_to(folder / "letter.pdf") is False
        assert "Permission denied" in boxes.shown[0][1]
        assert "locked" in boxes.shown[0][1]
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_write_failing_half_way_leaves_neither_file_nor_partial(
    qtbot: QtBot,
    open_preview: Opener,
    three_pages: bytes,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    existing = tmp_path / "letter.pdf"
    existing.write_bytes(b"the earlier letter")
    dialog = open_preview(three_pages)

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with qtbot.assertNotEmitted(dialog.saved):
        assert dialog.save_to(existing) is False
    assert "No space left on device" in boxes.shown[0][1]
    assert existing.read_bytes() == b"the earlier letter"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_print_to_a_pdf_printer_prints_every_page(
    qtbot: QtBot, open_preview: Opener, three_pages: bytes, tmp_path: Path, boxes: Boxes
) -> None:
    dialog = open_preview(three_pages)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    with qtbot.waitSignal(dialog.printed) as blocker:
        assert dialog.print_to(printer) == 3
    assert blocker.args == [3] and boxes.shown == []
    reader = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == 3
    # Actual size: the printed page is A4 like the document.
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(A4[0], abs=2)
    assert float(box.height) == pytest.approx(A4[1], abs=2)


def test_print_to_honours_a_page_range(
    open_preview: Opener, three_pages: bytes, tmp_path: Path
) -> None:
    dialog = open_preview(three_pages)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setResolution(72)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.print_to(printer) == 2
    assert len(pypdf.PdfReader(tmp_path / "range.pdf").pages) == 2


def test_ctrl_p_prints_what_the_print_dialog_chose(
    qtbot: QtBot,
    open_preview: Opener,
    three_pages: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    output = tmp_path / "chosen-printer.pdf"

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
    dialog = open_preview(three_pages)
    with qtbot.waitSignal(dialog.printed) as blocker:
        qtbot.keyClick(dialog, Key.Key_P, Ctrl)
    assert blocker.args == [3]
    assert len(pypdf.PdfReader(output).pages) == 3


def test_confirm_text_holds_print_and_save_until_ticked(
    qtbot: QtBot,
    open_preview: Opener,
    one_page: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chooser_opened: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QFileDialog,
        "getSaveFileName",
        lambda *_a, **_k: (chooser_opened.append("save") or str(tmp_path / "x.pdf"), ""),
    )
    dialog = open_preview(one_page, confirm_text=ADDRESS)
    assert dialog.confirm_panel.isVisible()
    assert dialog.confirm_label.text() == ADDRESS
    assert dialog.confirm_check.text().replace("&", "") == CONFIRM_CHECKBOX_TEXT
    assert not dialog.print_button.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert CONFIRM_CHECKBOX_TEXT in dialog.print_button.toolTip()  # says why
    qtbot.keyClick(dialog, Key.Key_S, Ctrl)  # the shortcut is held too
    assert chooser_opened == []
    _click_box(qtbot, dialog.confirm_check)
    assert dialog.confirm_check.isChecked()
    assert dialog.print_button.isEnabled()
    assert dialog.save_button.isEnabled()
    assert "Ctrl+P" in dialog.print_button.toolTip()
    _click_box(qtbot, dialog.confirm_check)
    assert not dialog.print_button.isEnabled()


def test_no_confirmation_asked_without_confirm_text(open_preview: Opener, one_page: bytes) -> None:
    dialog = open_preview(one_page)
    assert not dialog.confirm_panel.isVisible()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()


@pytest.mark.parametrize("data", [b"", b"this is not a PDF at all", b"%PDF-1.4\n%broken"])
def test_unreadable_bytes_are_explained_and_nothing_can_be_done(
    qtbot: QtBot,
    open_preview: Opener,
    data: bytes,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "x.pdf"), "")
    )
    dialog = open_preview(data, confirm_text=ADDRESS)
    assert dialog.page_count() == 0
    assert dialog.problem_label.isVisible()
    assert "PDF" in dialog.problem_label.text() or "empty" in dialog.problem_label.text()
    assert dialog.page_label.text() == "No pages"
    assert not dialog.zoom_label.isVisible()
    _click_box(qtbot, dialog.confirm_check)
    assert not dialog.print_button.isEnabled()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog, Key.Key_S, Ctrl)
    qtbot.keyClick(dialog, Key.Key_PageDown)
    qtbot.keyClick(dialog, Key.Key_Equal, Ctrl)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    assert dialog.print_to(printer) == 0
    assert list(tmp_path.iterdir()) == []


def test_escape_closes(qtbot: QtBot, open_preview: Opener, one_page: bytes) -> None:
    dialog = open_preview(one_page)
    qtbot.keyClick(dialog.scroll_area, Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Rejected
    # Closing lets go of the rendered pages; opened again, it draws them again.
    assert dialog.canvas.rendered_pages() == frozenset()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.canvas.update()
    qtbot.waitUntil(lambda: 0 in dialog.canvas.rendered_pages())


def test_every_control_has_an_accessible_name(open_preview: Opener, one_page: bytes) -> None:
    dialog = open_preview(one_page, confirm_text=ADDRESS)
    kinds = (QtWidgets.QAbstractButton, QtWidgets.QLabel, QtWidgets.QAbstractScrollArea)
    missing = [
        f"{type(w).__name__} {w.objectName()}"
        for w in dialog.findChildren(QtWidgets.QWidget)
        if isinstance(w, kinds) and w.isVisible() and not w.accessibleName()
    ]
    assert missing == []
    assert dialog.canvas.accessibleName()


def test_default_size_fits_a_small_laptop_screen(one_page: bytes, qtbot: QtBot) -> None:
    dialog = PdfPreviewDialog(one_page, title="Letter", default_name="letter.pdf")
    qtbot.addWidget(dialog)
    screen = QtGui.QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.width() <= min(1366, screen.width())
    assert dialog.height() <= min(768, screen.height())
    assert dialog.width() >= min(640, screen.width() * 0.8)
