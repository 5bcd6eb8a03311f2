"""A preview opened at once while its document is typeset in another process.

The dialog opens empty ("Typesetting…"), shows the first page as soon as it is set, a
progress bar as the pages are finished, then the whole document; Print and Save wait
for the whole. Closing the dialog stops the typesetting. A failure is one line in the
dialog. The typesetting itself is :mod:`cpc_desktop.export.typesetter`'s, and so is the
rasterising: the pages are asked of the typesetting process as they come into view
(:class:`ChildPages`), so the application's process never loads pdfium for a preview.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.printed import LetterDocument, PrintedDocument
from cpc_desktop.export import typesetter
from cpc_desktop.services.outputs import ToPreview
from cpc_desktop.ui.output.common import open_pdf
from cpc_desktop.ui.output.pdf_pages import AskedPages

#: The width of A4 in PDF points (210 mm), the width of every page typeset here.
A4_WIDTH = 210 / 25.4 * 72

#: How often the screen looks for what the typesetter has sent, in ms.
POLL_MS = 30


def warm() -> None:
    """Start the typesetting process now, so that a first preview does not wait for it."""
    typesetter.shared().start()


def open_preview(
    parent: QtWidgets.QWidget,
    made: ToPreview,
    *,
    title: str,
    confirm_text: str = "",
    look_only: bool = False,
    note: str = "",
    setter: typesetter.Typesetter | None = None,
) -> Any:
    """Open the preview of ``made`` (as :func:`~.common.open_pdf` does) and return it at
    once: its document is typeset meanwhile (the dialog's ``build``); a copy that exists
    already (the issued file) is shown as it is."""
    dialog = open_pdf(
        parent,
        made.data if made.document is None else None,
        title=title,
        file_name=made.file_name,
        confirm_text=confirm_text,
        look_only=look_only,
        note=note,
    )
    if made.document is not None:
        dialog.build = PreviewBuild(dialog, made.document, setter or typesetter.shared())
    return dialog


class ChildPages(AskedPages):
    """The pages of one PDF the typesetting process made for a preview (its first page
    alone, or the whole), asked of that process."""

    def __init__(self, build: PreviewBuild, whole: bool) -> None:
        self._build = build
        self.whole = whole

    def ask(self, index: int, scale: float) -> None:
        self._build.ask(self, index, scale)


class PreviewBuild(QtCore.QObject):
    """Feeds one preview dialog from the typesetter; lives and dies with the dialog."""

    def __init__(
        self,
        dialog: Any,
        document: PrintedDocument | LetterDocument,
        setter: typesetter.Typesetter,
    ) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._setter = setter
        self.finished = False
        self.seeded: list[int] = []  # the pages last drawn from the child's pictures
        self.asked = 0  # pages asked of the child and not yet come
        self.drawn: list[int] = []  # the pages that came when asked, in order (for tests)
        self._pages: ChildPages | None = None  # what the dialog shows now
        self.status = QtWidgets.QLabel("Typesetting the document…")
        self.status.setObjectName("typesetStatus")
        self.status.setAccessibleName("Typesetting")
        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("typesetProgress")
        self.progress.setAccessibleName("Typesetting progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.panel = QtWidgets.QWidget()
        self.panel.setObjectName("typesetPanel")
        row = QtWidgets.QHBoxLayout(self.panel)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.progress, 1)
        layout = dialog.layout()
        if isinstance(layout, QtWidgets.QBoxLayout):
            layout.insertWidget(layout.indexOf(dialog.stack), self.panel)
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(setter.deliver)
        # The first pages come rasterised at the scale they will be drawn at (A4 wide).
        scale = dialog.scroll_area.scale_for(A4_WIDTH)
        self.job = setter.submit(document, self._heard, scale)
        dialog.finished.connect(self.cancel)  # closed: the typesetting of this job stops
        self._timer.start()

    def cancel(self) -> None:
        """Stop typesetting (the dialog closed before the whole document was set), and
        let the typesetting process forget the pages."""
        self._timer.stop()
        self._pages = None
        if not self.finished:
            self._setter.cancel(self.job)
        self._setter.forget(self.job)

    def ask(self, pages: ChildPages, index: int, scale: float) -> None:
        """Ask the typesetting process for one page the dialog needs drawn."""
        if pages is not self._pages:
            return
        self.asked += 1
        self._setter.draw(self.job, pages.whole, index, scale, self._drawn)
        self._timer.start()

    def _drawn(self, message: typesetter.Message) -> None:
        if not isinstance(message, typesetter.Drawn):
            return
        self.asked = max(0, self.asked - 1)
        if self.finished and not self.asked:
            self._timer.stop()
        if not shiboken6.isValid(self) or not shiboken6.isValid(self._dialog):
            return
        if self._pages is None or message.whole != self._pages.whole:
            return  # drawn from what the dialog no longer shows
        canvas = self._dialog.canvas
        picture = message.picture
        if picture is None:
            canvas.not_drawn(message.index, message.scale)
        else:
            size = (picture.width, picture.height, picture.stride)
            if canvas.seed(picture.index, picture.scale, size, picture.pixels, picture.depth):
                self.drawn.append(picture.index)

    def _show(self, message: typesetter.FirstPage | typesetter.Done, whole: bool) -> None:
        """Show what came; its pages drawn by the child, or here if it sent no sizes."""
        if not message.sizes:  # not kept by the child: read here (pdfium, as a fallback)
            self._pages = None
            self._dialog.show_pdf(message.pdf, whole=whole)
            return
        self._pages = ChildPages(self, whole)
        sizes = ([(width, height) for width, height in message.sizes], "")
        self._dialog.show_pages(message.pdf, sizes, whole=whole, asked=self._pages)

    def _heard(self, message: typesetter.Message) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self._dialog):
            self._setter.cancel(self.job)  # deleted with its window without being closed
            return
        if isinstance(message, typesetter.FirstPage):
            if not self._dialog.is_whole():
                self._show(message, False)
                self._seed(message.pictures)
                self.status.setText("Page 1 is shown; typesetting the rest…")
        elif isinstance(message, typesetter.Typeset):
            self.progress.setValue(min(99, round(message.fraction * 100)))
            pages = "1 page" if message.pages == 1 else f"{message.pages} pages"
            self.status.setText(f"Typesetting: {pages} set so far…")
        elif isinstance(message, typesetter.Done):
            self._end()
            self.progress.setValue(100)
            self._show(message, True)
            self._seed(message.pictures)
            count = self._dialog.page_count()
            self.status.setText(f"All {count} page{'s' if count != 1 else ''} typeset.")
        elif isinstance(message, typesetter.Failed):
            self._end()
            self.panel.setVisible(False)
            self._dialog.show_problem(message.message)

    def _seed(self, pictures: tuple[typesetter.Picture, ...]) -> None:
        canvas = self._dialog.canvas
        self.seeded = [
            p.index
            for p in pictures
            if canvas.seed(p.index, p.scale, (p.width, p.height, p.stride), p.pixels, p.depth)
        ]

    def _end(self) -> None:
        self.finished = True
        if not self.asked:  # else it polls until the pages asked for have come
            self._timer.stop()
