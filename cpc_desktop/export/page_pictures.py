"""Pages of the previews' PDFs rasterised in the typesetting process, on request.

The application's own process does not load pdfium to show a preview: the typesetting
process, which made the PDF, keeps it (the last few previews' only) and rasterises any
page at the scale the screen draws it, when the screen asks for it. This module is that
process's side: :class:`Pictures` holds the PDFs and draws their pages. pdfium is not
safe to call from two threads at once, so every call into it here holds one lock (the
process's job thread draws the first pages, its listening thread the pages asked for).

:class:`Picture` is what goes back through the pipe; the screen turns it into an image.
A page with no colour on it (most pages of minutes and letters: black text on white)
is sent as one grey byte a pixel instead of pdfium's four, and a page in colour as
three (red, green, blue, without pdfium's unused fourth byte): the same pixels exactly,
a quarter or three quarters of the memory on the screen's side.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

#: How many previews' PDFs the typesetting process keeps for drawing (each is forgotten
#: when its preview closes; this bounds what a preview never closed could leave).
KEEP = 4


@dataclass(frozen=True)
class Picture:
    """A page rasterised by the typesetting process at ``scale``, so that the screen
    need not rasterise it, nor load pdfium, itself: ``depth`` bytes a pixel (1 grey,
    3 red, green, blue, 4 pdfium's RGBX)."""

    index: int
    scale: float  # pixels per PDF point
    width: int
    height: int
    stride: int
    pixels: bytes
    depth: int = 4


Sizes = tuple[tuple[float, float], ...]


class Pictures:
    """The PDFs kept for the previews, by job and part (the first page alone, or the
    whole), and their pages drawn on request."""

    def __init__(self, keep: int = KEEP) -> None:
        self._keep = keep
        self._lock = threading.Lock()
        self._held: OrderedDict[tuple[int, bool], bytes] = OrderedDict()
        self._open: tuple[tuple[int, bool], Any] | None = None  # the last one drawn from

    def keep(self, job: int, whole: bool, pdf: bytes) -> Sizes:
        """Keep ``pdf`` to draw from; its page sizes in points (none if unreadable)."""
        with self._lock:
            key = (job, whole)
            if whole:  # the whole replaces its first page alone
                self._drop((job, False))
            self._held[key] = pdf
            self._held.move_to_end(key)
            while len(self._held) > self._keep:
                self._drop(next(iter(self._held)))
            document = self._document(key)
            if document is None:
                return ()
            return tuple(document.get_page_size(i) for i in range(len(document)))

    def forget(self, job: int) -> None:
        """Let go of ``job``'s PDFs (its preview has closed)."""
        with self._lock:
            self._drop((job, False))
            self._drop((job, True))

    def held(self) -> list[tuple[int, bool]]:
        """The jobs and parts kept, oldest first (for tests)."""
        with self._lock:
            return list(self._held)

    def draw(self, job: int, whole: bool, index: int, scale: float) -> Picture | None:
        """Page ``index`` of ``job``'s PDF at ``scale``; None if it is not kept or that
        page cannot be drawn."""
        with self._lock:
            document = self._document((job, whole))
            if document is None or not 0 <= index < len(document) or scale <= 0:
                return None
            try:
                return _draw(document, index, scale)
            except Exception:  # one page that will not render: the screen says so
                return None

    def first(self, job: int, whole: bool, scale: float, count: int) -> tuple[Picture, ...]:
        """The first ``count`` pages at ``scale`` (sent with the PDF: no round trip)."""
        if scale <= 0:
            return ()
        made = (self.draw(job, whole, index, scale) for index in range(count))
        return tuple(picture for picture in made if picture is not None)

    def _document(self, key: tuple[int, bool]) -> Any:
        if self._open is not None and self._open[0] == key:
            return self._open[1]
        pdf = self._held.get(key)
        if pdf is None:
            return None
        import pypdfium2 as pdfium  # the typesetting process's only

        self._close()
        try:
            document = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError:
            return None
        self._open = (key, document)
        return document

    def _drop(self, key: tuple[int, bool]) -> None:
        self._held.pop(key, None)
        if self._open is not None and self._open[0] == key:
            self._close()

    def _close(self) -> None:
        if self._open is not None:
            self._open[1].close()
            self._open = None


def _draw(document: Any, index: int, scale: float) -> Picture:
    page = document[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            pixels = bytes(bitmap.buffer)
        finally:
            bitmap.close()
    finally:
        page.close()
    return _greyed(Picture(index, scale, width, height, stride, pixels))


def _greyed(picture: Picture) -> Picture:
    """``picture`` as one byte a pixel if every pixel is grey (R = G = B), else as three
    (the unused fourth byte dropped)."""
    pixels = picture.pixels
    if picture.stride != picture.width * 4 or len(pixels) != picture.stride * picture.height:
        return picture
    index, scale, width, height = picture.index, picture.scale, picture.width, picture.height
    red = pixels[0::4]
    if red == pixels[1::4] and red == pixels[2::4]:
        return Picture(index, scale, width, height, width, red, 1)
    rgb = bytearray(pixels)
    del rgb[3::4]
    return Picture(index, scale, width, height, width * 3, bytes(rgb), 3)
