"""Previewing a PDF held in memory, then printing it or saving it.

The PDF is never written to disk until the user saves it. Only the pages near what is
on screen are rasterised: a preview being typeset asks the typesetting process for them
(``show_pages``), a PDF given whole is rasterised from the bytes in memory with
pypdfium2 (PySide6's wheels carry no QtPdf), and printing paints the pages at the
printer's resolution, at actual size, through pypdfium2 imported only then. When the
document goes to someone by post the dialog can ask the user to confirm the name and
address before print and save are allowed.

The pages, their zoom and the page being read are ``pdf_pages``'s; painting them on
a printer is ``pdf_printing``'s. This dialog holds the bytes, the check before
printing, the toolbar and the commands, saving, and printing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

from cpc_desktop.export.files import write_atomic
from cpc_desktop.ui.actions import SPECS, ActionId, make_action, tool_tip
from cpc_desktop.ui.output.pdf_pages import (
    ZOOM_STEPS,
    AskedPages,
    PageCanvas,
    PageView,
    open_document,
    read_pdf,
)

__all__ = ["CONFIRM_CHECKBOX_TEXT", "ZOOM_STEPS", "PageCanvas", "PdfPreviewDialog"]

CONFIRM_CHECKBOX_TEXT = "I have checked the recipient's name and address"

Sizes = tuple[list[tuple[float, float]], str]  # the page sizes in points, or the problem
Asked = AskedPages | None


class PdfPreviewDialog(QtWidgets.QDialog):
    """Shows a PDF held in memory so that it can be checked, then printed or saved.

    Signals:
        saved(str): the PDF was written to this path.
        printed(int): this many pages were sent to the printer.
        printed_on(str, int): that many pages (one or more) went to this printer.
    """

    saved = QtCore.Signal(str)
    printed = QtCore.Signal(int)
    printed_on = QtCore.Signal(str, int)  # the printer's name, and the pages (for the audit)

    def __init__(
        self,
        pdf: bytes | None,
        *,
        title: str,
        default_name: str,
        save_dir: Path | None = None,
        parent: QtWidgets.QWidget | None = None,
        confirm_text: str = "",
    ) -> None:
        super().__init__(parent)
        # None while it is being typeset (``show_pdf`` gives it, perhaps a page at a time).
        self._whole = pdf is not None
        self.look_only = False  # Print and Save taken away (see ``common.open_pdf``)
        self._pdf = bytes(pdf or b"")
        self._default_name = default_name
        self._save_dir = save_dir
        self._confirm_text = confirm_text
        self._sizes, self._problem = read_pdf(self._pdf) if pdf is not None else ([], "")
        self._document: Any = None  # pdfium's copy: opened while shown
        self._asked: AskedPages | None = None  # or where the pages are asked for instead
        self.printer_name = ""  # the printer of the last print, for its audit record
        self._tips = {
            "Print": tool_tip(ActionId.PREVIEW_PRINT),
            "Save": tool_tip(ActionId.PREVIEW_SAVE),
        }
        self.setWindowTitle(f"{title} — preview")
        self.setObjectName("pdfPreview")
        self._build_ui()
        self._build_actions()
        self._update_zoom_controls()
        self._update_page_label()
        self._update_enabled()
        _size_to_screen(self)

    # --- building ----------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.confirm_panel = QtWidgets.QFrame()
        self.confirm_panel.setObjectName("confirmPanel")
        self.confirm_panel.setStyleSheet(
            "#confirmPanel { background: #fff4d6; border: 2px solid #b7791f;"
            " border-radius: 4px; }"
            " #confirmPanel QLabel, #confirmPanel QCheckBox { color: #1f1a10; }"
        )
        self.confirm_label = QtWidgets.QLabel(self._confirm_text)
        self.confirm_label.setObjectName("confirmText")
        self.confirm_label.setWordWrap(True)
        self.confirm_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.confirm_label.setAccessibleName(self._confirm_text or "Check before printing")
        self.confirm_label.setAccessibleDescription("Check this before printing or saving")
        font = self.confirm_label.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        self.confirm_label.setFont(font)
        self.confirm_check = QtWidgets.QCheckBox("&" + CONFIRM_CHECKBOX_TEXT)
        self.confirm_check.setObjectName("confirmCheck")
        self.confirm_check.setAccessibleName(CONFIRM_CHECKBOX_TEXT)
        self.confirm_check.toggled.connect(self._update_enabled)
        confirm_layout = QtWidgets.QVBoxLayout(self.confirm_panel)
        confirm_layout.addWidget(self.confirm_label)
        confirm_layout.addWidget(self.confirm_check, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        self.confirm_panel.setVisible(bool(self._confirm_text))

        self.zoom_out_button = self._tool_button("−", ActionId.PREVIEW_ZOOM_OUT)
        self.zoom_in_button = self._tool_button("+", ActionId.PREVIEW_ZOOM_IN)
        self.fit_button = self._tool_button("Fit width", ActionId.PREVIEW_FIT_WIDTH)
        self.fit_button.setCheckable(True)
        self.zoom_label = QtWidgets.QLabel()
        self.zoom_label.setObjectName("zoomLevel")
        self.zoom_label.setAccessibleName("Zoom level")
        self.zoom_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400%  "))
        self.page_label = QtWidgets.QLabel()
        self.page_label.setObjectName("pageIndicator")
        self.page_label.setAccessibleName("Current page")
        bar = QtWidgets.QHBoxLayout()
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.page_label)

        self.scroll_area = PageView(self._sizes, readable=not self._problem)
        self.canvas = self.scroll_area.canvas
        self.scroll_area.zoom_changed.connect(self._update_zoom_controls)
        self.scroll_area.page_changed.connect(self._update_page_label)

        self.problem_label = QtWidgets.QLabel(self._problem)
        self.problem_label.setObjectName("previewProblem")
        self.problem_label.setAccessibleName("Problem")
        self.problem_label.setAccessibleDescription(self._problem)
        self.problem_label.setWordWrap(True)
        self.problem_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.problem_label.setStyleSheet("color: #b91c1c; font-weight: bold; font-size: 12pt;")
        self.problem_label.setMargin(24)

        self.stack = QtWidgets.QStackedWidget()
        self.stack.addWidget(self.scroll_area)
        self.stack.addWidget(self.problem_label)
        self.stack.setCurrentWidget(self.problem_label if self._problem else self.scroll_area)
        for control in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            control.setVisible(not self._problem)
        self.fit_button.setVisible(not self._problem)

        self.print_button = QtWidgets.QPushButton("&Print…")
        self.print_button.setObjectName("printButton")
        self.print_button.setAccessibleName("Print")
        self.save_button = QtWidgets.QPushButton("&Save as…")
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName("Save as")
        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")
        self.close_button.setAccessibleName("Close")
        self.close_button.setToolTip("Close the preview (Esc)")
        self.buttons.addButton(self.print_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.confirm_panel)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        (self.close_button if self._problem else self.scroll_area).setFocus()

    def _tool_button(self, text: str, command: ActionId) -> QtWidgets.QToolButton:
        button = QtWidgets.QToolButton()
        button.setText(text)
        button.setAccessibleName(SPECS[command].name)
        button.setToolTip(tool_tip(command))
        button.setMinimumWidth(32)
        return button

    def _build_actions(self) -> None:
        self.print_action = make_action(ActionId.PREVIEW_PRINT, self, self._on_print)
        self.save_action = make_action(ActionId.PREVIEW_SAVE, self, self._on_save)
        self.zoom_in_action = make_action(ActionId.PREVIEW_ZOOM_IN, self, self.zoom_in)
        self.zoom_out_action = make_action(ActionId.PREVIEW_ZOOM_OUT, self, self.zoom_out)
        self.fit_action = make_action(ActionId.PREVIEW_FIT_WIDTH, self, self.fit_width)
        make_action(
            ActionId.PREVIEW_NEXT_PAGE, self, lambda: self.go_to_page(self.current_page() + 1)
        )
        make_action(
            ActionId.PREVIEW_PREVIOUS_PAGE, self, lambda: self.go_to_page(self.current_page() - 1)
        )
        make_action(ActionId.PREVIEW_FIRST_PAGE, self, lambda: self.go_to_page(0))
        make_action(
            ActionId.PREVIEW_LAST_PAGE, self, lambda: self.go_to_page(self.page_count() - 1)
        )
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)

    # --- state -------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.scroll_area.page_count()

    def current_page(self) -> int:
        """The page being looked at, counting from 0."""
        return self.scroll_area.current_page()

    def zoom(self) -> float:
        return self.scroll_area.zoom()

    def is_whole(self) -> bool:
        """Whether the dialog holds the whole document (not still being typeset)."""
        return self._whole

    def show_pdf(self, pdf: bytes, *, whole: bool) -> None:
        """Show ``pdf`` in place of what is shown (the first pages, then the whole),
        keeping the reader's place. Print and save wait for the whole."""
        self.show_pages(pdf, read_pdf(pdf), whole=whole)

    def show_pages(self, pdf: bytes, sizes: Sizes, *, whole: bool, asked: Asked = None) -> None:
        """``show_pdf`` with the page sizes (or problem) known; with ``asked``, the pages
        are drawn by asking it (the typesetting process that made them), not here."""
        self._let_go()
        self._pdf = bytes(pdf)
        self._whole = whole
        self._sizes, self._problem = sizes
        self._asked = None if self._problem else asked
        if self._problem:
            self.show_problem(self._problem)
            return
        self.scroll_area.set_sizes(self._sizes)
        if self.isVisible():
            self._opened()
        self._update_page_label()
        self._update_enabled()

    def show_problem(self, problem: str) -> None:
        """Show one line instead of the pages: nothing can be printed or saved."""
        self._let_go()
        self._problem = problem
        self.problem_label.setText(problem)
        self.problem_label.setAccessibleDescription(problem)
        self.stack.setCurrentWidget(self.problem_label)
        for control in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            control.setVisible(False)
        self.fit_button.setVisible(False)
        self._update_enabled()

    def _update_enabled(self) -> None:
        readable = not self._problem
        allowed = (
            readable
            and self._whole
            and not self.look_only
            and (not self._confirm_text or self.confirm_check.isChecked())
        )
        waiting = readable and not allowed
        for widget, what in ((self.print_button, "Print"), (self.save_button, "Save")):
            widget.setEnabled(allowed)
            widget.setToolTip(
                f"Tick “{CONFIRM_CHECKBOX_TEXT}” first" if waiting else self._tips[what]
            )
        for act in (self.print_action, self.save_action):
            act.setEnabled(allowed)
        for control in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            control.setEnabled(readable)
        for act in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            act.setEnabled(readable)
        self.confirm_check.setEnabled(readable)

    def _update_zoom_controls(self) -> None:
        zoom = self.canvas.zoom()
        self.zoom_label.setText(f"{round(zoom * 100)}%")
        self.zoom_label.setAccessibleName(f"Zoom level {self.zoom_label.text()}")
        self.fit_button.setChecked(self.scroll_area.fitting())

    def _update_page_label(self) -> None:
        if self._sizes:
            of = self.page_count() if self._whole else "…"
            self.page_label.setText(f"Page {self.current_page() + 1} of {of}")
        elif not self._whole:
            self.page_label.setText("Typesetting…")
        else:
            self.page_label.setText("No pages")
        self.page_label.setAccessibleName(self.page_label.text())

    # --- zoom and pages (the page view's) -------------------------------------------

    def zoom_in(self) -> None:
        self.scroll_area.zoom_in()

    def zoom_out(self) -> None:
        self.scroll_area.zoom_out()

    def fit_width(self) -> None:
        self.scroll_area.fit_width()

    def go_to_page(self, index: int) -> None:
        """Scroll so that page ``index`` (from 0) is at the top."""
        self.scroll_area.go_to_page(index)

    # --- saving ------------------------------------------------------------------------

    def _start_folder(self) -> Path:
        if self._save_dir is not None:
            return self._save_dir
        documents = QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def _on_save(self) -> None:
        if not self.save_button.isEnabled():
            return
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            self,
            "Save as",
            str(self._start_folder() / self._default_name),
            "PDF documents (*.pdf)",
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
            if path.exists():
                answer = QtWidgets.QMessageBox.question(
                    self, "Replace file?", f"{path.name} already exists. Replace it?"
                )
                if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                    return
        self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the PDF to ``path`` whole or not at all; say so and return False if not."""
        if self._problem:
            QtWidgets.QMessageBox.warning(self, "Could not save", self._problem)
            return False
        try:
            write_atomic(path, self._pdf)
        except OSError as error:
            reason = error.strerror or str(error)
            QtWidgets.QMessageBox.warning(
                self,
                "Could not save",
                f"{path.name} could not be saved in {path.parent} ({reason}). "
                "Nothing was written there.",
            )
            return False
        self.saved.emit(str(path))
        return True

    # --- printing ----------------------------------------------------------------------

    def _on_print(self) -> None:
        if not self.print_button.isEnabled():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("CPC Desktop document")  # job names show in print queues and logs
        printer.setFromTo(1, self.page_count())
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle(self.tr("Print"))
        chooser.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        chooser.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        chooser.setMinMax(1, self.page_count())
        if chooser.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Paint the pages at the printer's resolution, actual size; return how many
        (pypdfium2 is imported now if the pages shown came from the typesetting process)."""
        from cpc_desktop.ui.output.pdf_printing import pages_to_print, print_pdf

        pages = pages_to_print(printer, self.page_count(), self.current_page())
        if self._problem or not self._sizes or not pages:
            return 0
        done = print_pdf(printer, self._pdf, pages)
        if done is None:
            _not_printed(self, None, 0)
            return 0
        printed, failed = done
        if failed is not None:
            _not_printed(self, failed + 1, printed)
        self.printer_name = printer.printerName() or printer.outputFileName()
        self.printed.emit(printed)
        if printed:
            self.printed_on.emit(self.printer_name, printed)
        return printed

    # --- opening and closing -----------------------------------------------------------

    # pdfium's copy of the document and the rendered pages exist only while the dialog
    # is shown: a closed preview keeps nothing but the bytes it was given.

    def _opened(self) -> None:
        """Give the canvas its pages: where they are asked for, or pdfium's document
        opened from the bytes (if readable and not open)."""
        if self._problem or not self._sizes or self.canvas.source() is not None:
            return
        if self._asked is not None:
            self.canvas.set_document(self._asked)
        elif self._document is None:
            self._document = open_document(self._pdf)
            self.canvas.set_document(self._document)

    def _let_go(self) -> None:
        self.canvas.set_document(None)
        if self._document is not None:
            self._document.close()
            self._document = None

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        self._opened()
        super().showEvent(event)

    def hideEvent(self, event: QtGui.QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # closed or hidden by the program, not minimised
            self._let_go()


def _not_printed(parent: QtWidgets.QWidget, page: int | None, printed: int) -> None:
    """Say in one line why printing did not start (``page`` None) or stopped at ``page``."""
    translate = QtCore.QCoreApplication.translate
    if page is None:
        said = translate(
            "PdfPreviewDialog", "The printer could not be started. Nothing was printed."
        )
    elif printed == 1:
        said = translate(
            "PdfPreviewDialog", "Page {page} could not be read, so printing stopped after 1 page."
        )
    else:
        said = translate(
            "PdfPreviewDialog",
            "Page {page} could not be read, so printing stopped after {printed} pages.",
        )
    QtWidgets.QMessageBox.warning(
        parent,
        translate("PdfPreviewDialog", "Could not print"),
        said.format(page=page, printed=printed),
    )


def _size_to_screen(dialog: QtWidgets.QDialog) -> None:
    """A preview's size: 960 × 1000, within the screen it opens on."""
    parent = dialog.parentWidget()
    screen = parent.screen() if parent is not None else QtGui.QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QtCore.QRect()
    width, height = 960, 1000
    if available.isValid():
        width = min(width, int(available.width() * 0.9))
        height = min(height, int(available.height() * 0.92))
    dialog.resize(width, height)
