"""Previewing a PDF held in memory, then printing it or saving it.

The PDF is never written to disk until the user saves it: the pages are rasterised
from the bytes in memory with pypdfium2 (PySide6's wheels carry no QtPdf), only the
pages near what is on screen, and printing paints the same rasterised pages at the
printer's resolution, at actual size. When the document goes to someone by post the
dialog can ask the user to confirm the name and address before print and save are
allowed.
"""

from __future__ import annotations

import bisect
import math
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

from cpc_desktop.export.files import write_atomic
from cpc_desktop.ui.actions import SPECS, ActionId, make_action, tool_tip

#: The zoom levels that Zoom in and Zoom out step through (1.0 is actual size).
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)

_PIXELS_PER_POINT = 96 / 72  # actual size: a PDF point is 1/72 in, a logical pixel 1/96 in
_MARGIN = 16  # grey space around the pages, in logical pixels
_GAP = 12  # grey space between two pages
_BACKGROUND = QtGui.QColor("#6e7175")
_PAGE_EDGE = QtGui.QColor("#3c3f42")
_BAND_ROWS = 512  # pages are rasterised for the printer in bands this tall, to bound memory
_MAX_PRINT_DPI = 600
_RGBX = {"rev_byteorder": True, "prefer_bgrx": True}  # pdfium writes R, G, B, unused

CONFIRM_CHECKBOX_TEXT = "I have checked the recipient's name and address"


def _image(bitmap: Any) -> tuple[QtGui.QImage, bytes]:
    """A QImage over the pixels of a pypdfium2 bitmap, and the bytes it reads from.

    The image does not own the bytes: keep them while the image is used, or copy it.
    """
    data = bytes(bitmap.buffer)
    image = QtGui.QImage(
        data, bitmap.width, bitmap.height, bitmap.stride, QtGui.QImage.Format.Format_RGBX8888
    )
    return image, data


def _read(pdf: bytes) -> tuple[list[tuple[float, float]], str]:
    """The page sizes in points, or the problem if the PDF can't be read."""
    if not pdf:
        return [], "The document is empty, so there is nothing to show, print or save."
    try:
        document = pdfium.PdfDocument(pdf)
        try:
            return [document.get_page_size(i) for i in range(len(document))], ""
        finally:
            document.close()
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            return [], "The document is protected by a password, so it can't be shown here."
        return [], (
            "The document could not be read: it is not a valid PDF. "
            "Nothing can be printed or saved from here."
        )


class _PageCanvas(QtWidgets.QWidget):
    """The pages one under another on a grey ground, each rasterised only when painted.

    Rendered pages are kept only while they are on screen or next to it, so a long
    document costs no more than the few pages being looked at.
    """

    def __init__(
        self,
        document: Any,
        sizes: list[tuple[float, float]],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._sizes = sizes
        self._zoom = 1.0
        self._tops: list[int] = []
        self._extents: list[QtCore.QSize] = []
        self._content = QtCore.QSize()
        self._cache: dict[int, QtGui.QImage] = {}
        self._prefetch = QtCore.QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(0)
        self._prefetch.timeout.connect(self._render_neighbours)
        self.setObjectName("previewPages")
        self.setAccessibleName("Pages of the document")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._layout()

    # --- geometry ----------------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        if math.isclose(zoom, self._zoom):
            return
        self._zoom = zoom
        self._cache.clear()
        self._layout()
        self.update()

    def widest_page(self) -> float:
        """The width of the widest page, in points."""
        return max((width for width, _ in self._sizes), default=0.0)

    def content_size(self) -> QtCore.QSize:
        return QtCore.QSize(self._content)

    def _layout(self) -> None:
        scale = self._zoom * _PIXELS_PER_POINT
        self._extents = [
            QtCore.QSize(math.ceil(width * scale), math.ceil(height * scale))
            for width, height in self._sizes
        ]
        self._tops = []
        y = _MARGIN
        for extent in self._extents:
            self._tops.append(y)
            y += extent.height() + _GAP
        widest = max((extent.width() for extent in self._extents), default=0)
        self._content = QtCore.QSize(widest + 2 * _MARGIN, y - _GAP + _MARGIN)

    def page_top(self, index: int) -> int:
        return self._tops[index]

    def page_rect(self, index: int) -> QtCore.QRect:
        extent = self._extents[index]
        left = max(_MARGIN, (self.width() - extent.width()) // 2)
        return QtCore.QRect(QtCore.QPoint(left, self._tops[index]), extent)

    def pages_between(self, top: int, bottom: int) -> range:
        """The pages that have some part between ``top`` and ``bottom`` (inclusive)."""
        if not self._tops:
            return range(0)
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        if self._tops[first] + self._extents[first].height() <= top:
            first += 1
        last = bisect.bisect_right(self._tops, bottom)
        return range(first, max(first, last))

    # --- rendering ---------------------------------------------------------------------

    def rendered_pages(self) -> frozenset[int]:
        """The pages currently held as rendered images."""
        return frozenset(self._cache)

    def _render(self, index: int) -> QtGui.QImage:
        ratio = self.devicePixelRatioF()
        image = QtGui.QImage()  # stays null, and is drawn as such, if the page can't be read
        if self._document is None:
            return image  # closed: nothing to draw, and nothing kept
        try:
            page = self._document[index]
            try:
                bitmap = page.render(scale=self._zoom * _PIXELS_PER_POINT * ratio, **_RGBX)
                image = _image(bitmap)[0].copy()
                bitmap.close()
            finally:
                page.close()
        except pdfium.PdfiumError:
            pass
        image.setDevicePixelRatio(ratio)
        self._cache[index] = image
        return image

    def _visible_pages(self) -> range:
        visible = self.visibleRegion().boundingRect()
        if visible.isEmpty():
            return range(0)
        return self.pages_between(visible.top(), visible.bottom())

    def _render_neighbours(self) -> None:
        visible = self._visible_pages()
        if not visible:
            return
        for index in (visible.stop, visible.start - 1):
            if 0 <= index < len(self._sizes) and index not in self._cache:
                self._render(index)

    def set_document(self, document: Any) -> None:
        """Draw from ``document`` (the same pages reopened), or from nothing if None.

        Either way every rendered page is dropped; they are drawn again when painted.
        """
        self._prefetch.stop()
        self._cache.clear()
        self._document = document

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.fillRect(event.rect(), _BACKGROUND)
        area = event.rect()
        for index in self.pages_between(area.top(), area.bottom()):
            rect = self.page_rect(index)
            painter.fillRect(rect.translated(2, 3), _PAGE_EDGE)
            image = self._cache.get(index)
            if image is None:
                image = self._render(index)
            if not image.isNull():
                painter.drawImage(rect.topLeft(), image)
                continue
            painter.fillRect(rect, QtCore.Qt.GlobalColor.white)
            if self._document is not None:  # open, yet this page would not render
                painter.drawText(
                    rect, QtCore.Qt.AlignmentFlag.AlignCenter, "This page could not be shown."
                )
        painter.end()
        visible = self._visible_pages()
        keep = range(max(0, visible.start - 1), visible.stop + 1)
        for index in [i for i in self._cache if i not in keep]:
            del self._cache[index]
        self._prefetch.start()


class PdfPreviewDialog(QtWidgets.QDialog):
    """Shows a PDF held in memory so that it can be checked, then printed or saved.

    Signals:
        saved(str): the PDF was written to this path.
        printed(int): this many pages were sent to the printer.
    """

    saved = QtCore.Signal(str)
    printed = QtCore.Signal(int)

    def __init__(
        self,
        pdf: bytes,
        *,
        title: str,
        default_name: str,
        save_dir: Path | None = None,
        parent: QtWidgets.QWidget | None = None,
        confirm_text: str = "",
    ) -> None:
        super().__init__(parent)
        self._pdf = bytes(pdf)
        self._default_name = default_name
        self._save_dir = save_dir
        self._confirm_text = confirm_text
        self._sizes, self._problem = _read(self._pdf)
        self._document: Any = None  # pdfium's copy: opened while shown or printing
        # "auto" (until the user zooms): the page width, but no larger than actual size;
        # "fit": the page width whatever that is; "fixed": the zoom the user chose.
        self._mode = "auto"
        self._current = 0
        self._nav_value: int | None = None
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
        self._size_to_screen()

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

        self.canvas = _PageCanvas(None, self._sizes)
        self.scroll_area = QtWidgets.QScrollArea()
        self.scroll_area.setObjectName("previewScroll")
        self.scroll_area.setAccessibleName("Document preview")
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        palette = self.scroll_area.viewport().palette()
        palette.setColor(QtGui.QPalette.ColorRole.Window, _BACKGROUND)
        self.scroll_area.viewport().setPalette(palette)
        self.scroll_area.viewport().installEventFilter(self)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._on_scrolled)

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
        make_action(ActionId.PREVIEW_NEXT_PAGE, self, lambda: self.go_to_page(self._current + 1))
        make_action(
            ActionId.PREVIEW_PREVIOUS_PAGE, self, lambda: self.go_to_page(self._current - 1)
        )
        make_action(ActionId.PREVIEW_FIRST_PAGE, self, lambda: self.go_to_page(0))
        make_action(
            ActionId.PREVIEW_LAST_PAGE, self, lambda: self.go_to_page(self.page_count() - 1)
        )
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)

    def _size_to_screen(self) -> None:
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QtGui.QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QtCore.QRect()
        width, height = 960, 1000
        if available.isValid():
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.92))
        self.resize(width, height)

    # --- state -------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        """The page being looked at, counting from 0."""
        return self._current

    def zoom(self) -> float:
        return self.canvas.zoom()

    def _update_enabled(self) -> None:
        readable = not self._problem
        allowed = readable and (not self._confirm_text or self.confirm_check.isChecked())
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
        self.fit_button.setChecked(self._mode == "fit")

    def _update_page_label(self) -> None:
        if self._sizes:
            self.page_label.setText(f"Page {self._current + 1} of {self.page_count()}")
        else:
            self.page_label.setText("No pages")
        self.page_label.setAccessibleName(self.page_label.text())

    # --- zoom --------------------------------------------------------------------------

    def _fit_zoom(self) -> float:
        widest = self.canvas.widest_page()
        if widest <= 0:
            return 1.0
        room: int = self.scroll_area.viewport().width() - 2 * _MARGIN - 1
        zoom = room / (widest * _PIXELS_PER_POINT)
        return min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])

    def _set_zoom(self, zoom: float, mode: str) -> None:
        bar = self.scroll_area.verticalScrollBar()
        fraction = 0.0
        if self._sizes:
            top = self.canvas.page_top(self._current)
            height = max(1, self.canvas.page_rect(self._current).height())
            fraction = (bar.value() - top) / height
        self._mode = mode
        self.canvas.set_zoom(zoom)
        self._relayout()
        if self._sizes:
            top = self.canvas.page_top(self._current)
            height = self.canvas.page_rect(self._current).height()
            at_start = self._current == 0 and fraction <= 0
            bar.setValue(0 if at_start else round(top + fraction * height))
            self._nav_value = bar.value()
        self._update_zoom_controls()

    def zoom_in(self) -> None:
        current = self.canvas.zoom()
        larger = [step for step in ZOOM_STEPS if step > current + 0.005]
        if larger:
            self._set_zoom(larger[0], "fixed")

    def zoom_out(self) -> None:
        current = self.canvas.zoom()
        smaller = [step for step in ZOOM_STEPS if step < current - 0.005]
        if smaller:
            self._set_zoom(smaller[-1], "fixed")

    def fit_width(self) -> None:
        self._set_zoom(self._fit_zoom(), "fit")

    def _relayout(self) -> None:
        viewport = self.scroll_area.viewport().size()
        content = self.canvas.content_size()
        self.canvas.resize(
            max(content.width(), viewport.width()), max(content.height(), viewport.height())
        )

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.scroll_area.viewport():
            if event.type() == QtCore.QEvent.Type.Resize:
                if not self._problem and self._mode != "fixed":
                    fit = self._fit_zoom()
                    self._set_zoom(fit if self._mode == "fit" else min(fit, 1.0), self._mode)
                self._relayout()
            elif (
                event.type() == QtCore.QEvent.Type.Wheel
                and isinstance(event, QtGui.QWheelEvent)
                and event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier
            ):
                if not self._problem:
                    step = event.angleDelta().y()
                    if step > 0:
                        self.zoom_in()
                    elif step < 0:
                        self.zoom_out()
                return True
        return bool(super().eventFilter(watched, event))

    # --- moving between pages ----------------------------------------------------------

    def go_to_page(self, index: int) -> None:
        """Scroll so that page ``index`` (from 0) is at the top."""
        if not self._sizes:
            return
        index = min(max(index, 0), self.page_count() - 1)
        self._current = index
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(0 if index == 0 else self.canvas.page_top(index) - _GAP // 2)
        self._nav_value = bar.value()
        self._update_page_label()

    def _on_scrolled(self, value: int) -> None:
        if value == self._nav_value:
            return
        self._nav_value = None
        top, bottom = value, value + self.scroll_area.viewport().height()
        best, shown = self._current, -1
        for index in self.canvas.pages_between(top, bottom):
            rect = self.canvas.page_rect(index)
            visible = min(bottom, rect.bottom() + 1) - max(top, rect.top())
            if visible > shown:
                best, shown = index, visible
        self._current = best
        self._update_page_label()

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
        chooser.setWindowTitle("Print")
        chooser.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        chooser.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        chooser.setMinMax(1, self.page_count())
        if chooser.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def _pages_to_print(self, printer: QPrinter) -> list[int]:
        count = self.page_count()
        chosen = printer.printRange()
        if chosen == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(1, printer.fromPage())
            last = min(count, printer.toPage() or count)
            pages = list(range(first - 1, last))
        elif chosen == QPrinter.PrintRange.CurrentPage:
            pages = [self._current]
        else:
            pages = list(range(count))
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
            pages.reverse()
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        if printer.collateCopies():
            return pages * copies
        return [page for page in pages for _ in range(copies)]

    def print_to(self, printer: QPrinter) -> int:
        """Paint the pages at the printer's resolution, actual size; return how many."""
        document = self._opened()
        if document is None:
            return 0
        pages = self._pages_to_print(printer)
        if not pages:
            return 0
        painter = QtGui.QPainter()
        if not painter.begin(printer):
            QtWidgets.QMessageBox.warning(
                self, "Could not print", "The printer could not be started. Nothing was printed."
            )
            return 0
        printed = 0
        failed: int | None = None
        QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            for index in pages:
                if printed and not printer.newPage():
                    break
                if printer.printerState() == QPrinter.PrinterState.Aborted:
                    break
                try:
                    self._paint_for_printer(painter, printer, document[index])
                except pdfium.PdfiumError:
                    failed = index
                    break
                printed += 1
        finally:
            painter.end()
            QtWidgets.QApplication.restoreOverrideCursor()
            if not self.isVisible():
                self._let_go()
        if failed is not None:
            QtWidgets.QMessageBox.warning(
                self,
                "Could not print",
                f"Page {failed + 1} could not be read, so printing stopped after "
                f"{printed} page{'s' if printed != 1 else ''}.",
            )
        self.printed.emit(printed)
        return printed

    def _paint_for_printer(self, painter: QtGui.QPainter, printer: QPrinter, page: Any) -> None:
        """Paint one pdfium page on the printer's current sheet, and close the page."""
        width, height = page.get_size()
        paper = printer.paperRect(QPrinter.Unit.Point)
        shrink = 1.0
        if width > paper.width() + 1 or height > paper.height() + 1:
            shrink = min(paper.width() / width, paper.height() / height)
        dpi = printer.resolution()
        device_per_point = dpi / 72
        left = max(0.0, (paper.width() - width * shrink) / 2) * device_per_point
        top = max(0.0, (paper.height() - height * shrink) / 2) * device_per_point
        if not printer.fullPage():  # the painter's origin is the printable area's corner
            origin = printer.pageRect(QPrinter.Unit.DevicePixel).topLeft()
            left -= origin.x()
            top -= origin.y()
        render_dpi = min(dpi, _MAX_PRINT_DPI)
        scale = render_dpi / 72 * shrink
        rows = math.ceil(height * scale)
        painter.save()
        painter.translate(round(left), round(top))
        painter.scale(dpi / render_dpi, dpi / render_dpi)
        try:
            for first in range(0, rows, _BAND_ROWS):
                last = min(rows, first + _BAND_ROWS)
                # Crop is in points and rounded up to pixels by pdfium: half a pixel
                # short of each boundary lands exactly on it.
                crop_top = (first - 0.5) / scale if first else 0
                crop_bottom = (rows - last - 0.5) / scale if last < rows else 0
                bitmap = page.render(
                    scale=scale, crop=(0, crop_bottom, 0, crop_top), optimize_mode="print", **_RGBX
                )
                image, data = _image(bitmap)
                painter.drawImage(QtCore.QPointF(0, first), image)
                del image, data
                bitmap.close()
        finally:
            page.close()
            painter.restore()

    # --- opening and closing -----------------------------------------------------------

    # pdfium's copy of the document and the rendered pages exist only while the dialog
    # is shown (or printing): a closed preview keeps nothing but the bytes it was given.

    def _opened(self) -> Any:
        """The pdfium document, opened from the bytes if it is not open; None if unreadable."""
        if self._document is None and not self._problem:
            self._document = pdfium.PdfDocument(self._pdf)
            self.canvas.set_document(self._document)
        return self._document

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
