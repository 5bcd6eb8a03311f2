"""The pages of a PDF held in memory, drawn one under another and rasterised on demand.

Only the pages near what is on screen are rasterised. A preview being typeset draws
from the typesetting process (:class:`AskedPages`): each page is asked for at the scale
it is drawn at, a blank page stands in its place until the picture comes, and the
application's process never loads pdfium for it. A PDF that exists already (an issued
copy, a held copy being checked) is rasterised here from the bytes in memory with
pypdfium2 (PySide6's wheels carry no QtPdf), imported only then. :class:`PageCanvas`
draws the pages; :class:`PageView` scrolls it, zooms it and keeps track of the page
being read.
"""

from __future__ import annotations

import bisect
import math
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

#: The zoom levels that Zoom in and Zoom out step through (1.0 is actual size).
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)

_PIXELS_PER_POINT = 96 / 72  # actual size: a PDF point is 1/72 in, a logical pixel 1/96 in
_MARGIN = 16  # grey space around the pages, in logical pixels
_GAP = 12  # grey space between two pages
_BACKGROUND = QtGui.QColor("#6e7175")
_PAGE_EDGE = QtGui.QColor("#3c3f42")
#: pdfium's bitmap options so that it writes R, G, B, unused (QImage's RGBX8888).
RGBX = {"rev_byteorder": True, "prefer_bgrx": True}
#: The image format of pixels ``depth`` bytes each (see :meth:`PageCanvas.seed`).
_FORMATS = {
    1: QtGui.QImage.Format.Format_Grayscale8,
    3: QtGui.QImage.Format.Format_RGB888,
    4: QtGui.QImage.Format.Format_RGBX8888,
}
#: At most this many pages are held drawn (those in view and their neighbours).
MOST_KEPT = 6


class AskedPages:
    """Pages drawn elsewhere: :meth:`ask` requests one at a scale, and the answer comes
    back later through :meth:`PageCanvas.seed` (or :meth:`PageCanvas.not_drawn`)."""

    def ask(self, index: int, scale: float) -> None:
        raise NotImplementedError


def open_document(pdf: bytes) -> Any:
    """pdfium's document over ``pdf`` (pypdfium2 is imported here, when first needed)."""
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(pdf)


def _unreadable() -> type[Exception]:
    import pypdfium2 as pdfium

    error: type[Exception] = pdfium.PdfiumError
    return error


def pdf_image(bitmap: Any) -> tuple[QtGui.QImage, bytes]:
    """A QImage over the pixels of a pypdfium2 bitmap, and the bytes it reads from.

    The image does not own the bytes: keep them while the image is used, or copy it.
    """
    data = bytes(bitmap.buffer)
    image = QtGui.QImage(
        data, bitmap.width, bitmap.height, bitmap.stride, QtGui.QImage.Format.Format_RGBX8888
    )
    return image, data


def read_pdf(pdf: bytes) -> tuple[list[tuple[float, float]], str]:
    """The page sizes in points, or the problem if the PDF can't be read."""
    if not pdf:
        return [], "The document is empty, so there is nothing to show, print or save."
    import pypdfium2.raw as pdfium_c

    try:
        document = open_document(pdf)
        try:
            return [document.get_page_size(i) for i in range(len(document))], ""
        finally:
            document.close()
    except _unreadable() as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            return [], "The document is protected by a password, so it can't be shown here."
        return [], (
            "The document could not be read: it is not a valid PDF. "
            "Nothing can be printed or saved from here."
        )


class PageCanvas(QtWidgets.QWidget):
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
        self._asked: set[tuple[int, float]] = set()  # asked of AskedPages, not yet come
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
        self._asked.clear()
        self._layout()
        self.update()

    def set_sizes(self, sizes: list[tuple[float, float]]) -> None:
        """Lay out these pages instead (the same document, more of it); none is kept drawn."""
        self._sizes = sizes
        self._cache.clear()
        self._asked.clear()
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

    def _scale(self) -> float:
        """The pixels per point the pages are drawn at now."""
        return self._zoom * _PIXELS_PER_POINT * self.devicePixelRatioF()

    def _render(self, index: int) -> QtGui.QImage | None:
        """Page ``index`` drawn, kept; None while it is asked for elsewhere."""
        ratio = self.devicePixelRatioF()
        image = QtGui.QImage()  # stays null, and is drawn as such, if the page can't be read
        if self._document is None:
            return image  # closed: nothing to draw, and nothing kept
        if isinstance(self._document, AskedPages):
            key = (index, self._scale())
            if key not in self._asked:
                self._asked.add(key)
                self._document.ask(index, key[1])
            return None
        try:
            page = self._document[index]
            try:
                bitmap = page.render(scale=self._scale(), **RGBX)
                image = pdf_image(bitmap)[0].copy()
                bitmap.close()
            finally:
                page.close()
        except _unreadable():
            pass
        image.setDevicePixelRatio(ratio)
        self._cache[index] = image
        return image

    def seed(
        self,
        index: int,
        scale: float,
        size: tuple[int, int, int],
        pixels: bytes,
        depth: int = 4,
    ) -> bool:
        """Keep a page rasterised elsewhere (``size``: width, height, stride of its
        pixels, ``depth`` bytes each: 4 pdfium's RGBX, 3 RGB, 1 grey) as if drawn here,
        if it is at the scale this canvas draws at now."""
        ratio = self.devicePixelRatioF()
        if (
            self._document is None
            or index >= len(self._sizes)
            or not math.isclose(scale, self._scale(), rel_tol=1e-6)
        ):
            return False
        width, height, stride = size
        # Over the bytes as they came, not a copy (PySide6 keeps them while it is used).
        image = QtGui.QImage(pixels, width, height, stride, _FORMATS[depth])
        if ratio != image.devicePixelRatio():
            image.setDevicePixelRatio(ratio)
        self._keep(index, image)
        return True

    def not_drawn(self, index: int, scale: float) -> None:
        """Page ``index``, asked for at ``scale``, could not be drawn: say so in its place."""
        shown = self._document is not None and index < len(self._sizes)
        if shown and math.isclose(scale, self._scale(), rel_tol=1e-6):
            self._keep(index, QtGui.QImage())

    def _keep(self, index: int, image: QtGui.QImage) -> None:
        self._asked = {key for key in self._asked if key[0] != index}
        self._cache[index] = image
        if len(self._cache) > MOST_KEPT:  # came after the reader had moved on
            visible = self._visible_pages()
            middle = (visible.start + visible.stop) / 2 if visible else index
            for far in sorted(self._cache, key=lambda i: -abs(i - middle))[
                : len(self._cache) - MOST_KEPT
            ]:
                del self._cache[far]
        if index in self._cache and index < len(self._tops):
            self.update(self.page_rect(index))

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

    def source(self) -> Any:
        """What the pages are drawn from: pdfium's document, :class:`AskedPages`, or None."""
        return self._document

    def set_document(self, document: Any) -> None:
        """Draw from ``document`` (the same pages reopened), or from nothing if None.

        Either way every rendered page is dropped; they are drawn again when painted.
        """
        self._prefetch.stop()
        self._cache.clear()
        self._asked.clear()
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
            if image is not None and not image.isNull():
                painter.drawImage(rect.topLeft(), image)
                continue
            painter.fillRect(rect, QtCore.Qt.GlobalColor.white)  # blank until it comes
            if image is not None and self._document is not None:  # it would not render
                painter.drawText(
                    rect, QtCore.Qt.AlignmentFlag.AlignCenter, "This page could not be shown."
                )
        painter.end()
        visible = self._visible_pages()
        keep = range(max(0, visible.start - 1), visible.stop + 1)
        for index in [i for i in self._cache if i not in keep]:
            del self._cache[index]
        self._prefetch.start()


class PageView(QtWidgets.QScrollArea):
    """The canvas in a scroll area: zoom, moving between pages, and the page being read.

    Until the user zooms, the zoom is the page width but no larger than actual size
    ("auto"); Fit width keeps it at the page width whatever that is ("fit"); Zoom in
    and out set it ("fixed"). Ctrl+wheel zooms.

    Signals:
        zoom_changed(): the zoom or its mode changed.
        page_changed(): the page being looked at changed.
    """

    zoom_changed = QtCore.Signal()
    page_changed = QtCore.Signal()

    def __init__(
        self,
        sizes: list[tuple[float, float]],
        *,
        readable: bool = True,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sizes = sizes
        self._readable = readable
        self._mode = "auto"
        self._current = 0
        self._nav_value: int | None = None
        self.canvas = PageCanvas(None, sizes)
        self.setObjectName("previewScroll")
        self.setAccessibleName("Document preview")
        self.setWidgetResizable(False)
        self.setWidget(self.canvas)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        palette = self.viewport().palette()
        palette.setColor(QtGui.QPalette.ColorRole.Window, _BACKGROUND)
        self.viewport().setPalette(palette)
        self.viewport().installEventFilter(self)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # --- state -------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        """The page being looked at, counting from 0."""
        return self._current

    def zoom(self) -> float:
        return self.canvas.zoom()

    def fitting(self) -> bool:
        """Whether Fit width is on: the zoom follows the width of the window."""
        return self._mode == "fit"

    def set_sizes(self, sizes: list[tuple[float, float]]) -> None:
        """Show these pages instead (more of the same document), keeping the place read."""
        bar = self.verticalScrollBar()
        value = bar.value()
        first = not self._sizes
        self._sizes = sizes
        self._readable = True
        self.canvas.set_sizes(sizes)
        if first and self._mode != "fixed":  # the zoom follows the first page's width
            fit = self._fit_zoom()
            self._set_zoom(fit if self._mode == "fit" else min(fit, 1.0), self._mode)
        self._relayout()
        bar.setValue(value)
        self._current = min(self._current, max(0, len(sizes) - 1))
        self.page_changed.emit()

    def scale_for(self, width: float) -> float:
        """The pixels per point a first page ``width`` points wide will be drawn at (or
        the pages shown are drawn at now)."""
        zoom = self.canvas.zoom()
        if not self._sizes and self._mode != "fixed" and width > 0:
            room: int = self.viewport().width() - 2 * _MARGIN - 1
            fit = min(max(room / (width * _PIXELS_PER_POINT), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
            zoom = fit if self._mode == "fit" else min(fit, 1.0)
        return zoom * _PIXELS_PER_POINT * self.canvas.devicePixelRatioF()

    # --- zoom --------------------------------------------------------------------------

    def _fit_zoom(self) -> float:
        widest = self.canvas.widest_page()
        if widest <= 0:
            return 1.0
        room: int = self.viewport().width() - 2 * _MARGIN - 1
        zoom = room / (widest * _PIXELS_PER_POINT)
        return min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])

    def _set_zoom(self, zoom: float, mode: str) -> None:
        bar = self.verticalScrollBar()
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
        self.zoom_changed.emit()

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
        viewport = self.viewport().size()
        content = self.canvas.content_size()
        self.canvas.resize(
            max(content.width(), viewport.width()), max(content.height(), viewport.height())
        )

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.viewport():
            if event.type() == QtCore.QEvent.Type.Resize:
                if self._readable and self._mode != "fixed":
                    fit = self._fit_zoom()
                    self._set_zoom(fit if self._mode == "fit" else min(fit, 1.0), self._mode)
                self._relayout()
            elif (
                event.type() == QtCore.QEvent.Type.Wheel
                and isinstance(event, QtGui.QWheelEvent)
                and event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier
            ):
                if self._readable:
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
        bar = self.verticalScrollBar()
        bar.setValue(0 if index == 0 else self.canvas.page_top(index) - _GAP // 2)
        self._nav_value = bar.value()
        self.page_changed.emit()

    def _on_scrolled(self, value: int) -> None:
        if value == self._nav_value:
            return
        self._nav_value = None
        top, bottom = value, value + self.viewport().height()
        best, shown = self._current, -1
        for index in self.canvas.pages_between(top, bottom):
            rect = self.canvas.page_rect(index)
            visible = min(bottom, rect.bottom() + 1) - max(top, rect.top())
            if visible > shown:
                best, shown = index, visible
        self._current = best
        self.page_changed.emit()
