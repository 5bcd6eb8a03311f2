"""Printing a PDF held in memory: which pages, and each page painted at actual size.

The pages are rasterised by pypdfium2 at the printer's resolution (at most
``_MAX_PRINT_DPI``), in bands so that a page never costs more memory than one band.
The preview imports this module (and so pypdfium2) only when something is printed.
"""

from __future__ import annotations

import math
from typing import Any

import pypdfium2 as pdfium
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtPrintSupport import QPrinter

from cpc_desktop.ui.output.pdf_pages import RGBX, pdf_image

_BAND_ROWS = 512  # pages are rasterised for the printer in bands this tall, to bound memory
_MAX_PRINT_DPI = 600


def pages_to_print(printer: QPrinter, count: int, current: int) -> list[int]:
    """The pages (from 0) to send, in order, copies included, as the print dialog chose."""
    chosen = printer.printRange()
    if chosen == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        pages = list(range(first - 1, last))
    elif chosen == QPrinter.PrintRange.CurrentPage:
        pages = [current]
    else:
        pages = list(range(count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def paint_page(painter: QtGui.QPainter, printer: QPrinter, page: Any) -> None:
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
                scale=scale, crop=(0, crop_bottom, 0, crop_top), optimize_mode="print", **RGBX
            )
            image, data = pdf_image(bitmap)
            painter.drawImage(QtCore.QPointF(0, first), image)
            del image, data
            bitmap.close()
    finally:
        page.close()
        painter.restore()


def paint_pages(
    painter: QtGui.QPainter, printer: QPrinter, document: Any, pages: list[int]
) -> tuple[int, int | None]:
    """Paint ``pages`` of pdfium's ``document``, each on a new sheet: how many were printed,
    and the page that could not be read (printing stopped there), if any."""
    printed = 0
    for index in pages:
        if printed and not printer.newPage():
            break
        if printer.printerState() == QPrinter.PrinterState.Aborted:
            break
        try:
            paint_page(painter, printer, document[index])
        except pdfium.PdfiumError:
            return printed, index
        printed += 1
    return printed, None


def print_pdf(printer: QPrinter, pdf: bytes, pages: list[int]) -> tuple[int, int | None] | None:
    """Paint ``pages`` of ``pdf`` (from its bytes, a pdfium copy of its own, closed when
    done): as ``paint_pages``, or None if the printer could not be started."""
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        return None
    QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
    document = pdfium.PdfDocument(pdf)
    try:
        return paint_pages(painter, printer, document, pages)
    finally:
        painter.end()
        document.close()
        QtWidgets.QApplication.restoreOverrideCursor()
