"""A preview typeset in another process: page 1 at once, progress to 100 %, the whole
document after; closing it stops the typesetting; a failure is one line."""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Iterator
from typing import Any

import pypdf
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.printed import Para, PrintedDocument, Section
from cpc_desktop.export import typesetter
from cpc_desktop.services.outputs import ToPreview
from cpc_desktop.ui.output.pdf_pages import open_document, pdf_image
from cpc_desktop.ui.output.preview_build import ChildPages, open_preview

WAIT = 60_000  # ms: the child process starts (imports, fonts) on a loaded machine
SENTENCE = "The social worker described the home visit and the children's routines. "


def _document(sections: int = 40) -> PrintedDocument:
    """About a page a section: long enough that the rest takes a while after page 1."""
    return PrintedDocument(
        title="Minutes of the conference",
        subtitle="Initial child protection conference",
        marking="OFFICIAL-SENSITIVE",
        reference="CPC-TEST-1",
        sections=tuple(
            Section(
                f"Item {n}",
                tuple(Para(SENTENCE * 6, label=f"Speaker {k}") for k in range(8)),
            )
            for n in range(sections)
        ),
    )


@pytest.fixture
def setter() -> Iterator[typesetter.Typesetter]:
    own = typesetter.Typesetter()
    own.start()
    yield own
    own.stop()


@pytest.fixture
def parent(qtbot: QtBot) -> QtWidgets.QWidget:
    widget = QtWidgets.QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _open(parent: QtWidgets.QWidget, document: Any, setter: typesetter.Typesetter) -> Any:
    made = ToPreview("minutes.pdf", document)
    return open_preview(parent, made, title="Minutes", look_only=False, setter=setter)


def _drawn_here(pdf: bytes, index: int, scale: float) -> QtGui.QImage:
    """Page ``index`` rasterised in the test's own process, to compare with the child's."""
    document = open_document(pdf)
    page = document[index]
    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
    image = pdf_image(bitmap)[0].copy()
    bitmap.close()
    page.close()
    document.close()
    return image


def _same(shown: QtGui.QImage, here: QtGui.QImage) -> bool:
    """The same pixels, whatever the format each is held in."""
    wanted = QtGui.QImage.Format.Format_RGBX8888
    return shown.convertToFormat(wanted) == here.convertToFormat(wanted)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_page_one_is_shown_before_the_rest_and_progress_reaches_100(
    qtbot: QtBot, parent: QtWidgets.QWidget, setter: typesetter.Typesetter
) -> None:
    dialog = _open(parent, _document(), setter)
    shown: list[tuple[bool, int, str, bool]] = []
    real = dialog.show_pages

    def spy(pdf: bytes, sizes: Any, *, whole: bool, asked: Any = None) -> None:
        real(pdf, sizes, whole=whole, asked=asked)
        shown.append(
            (whole, dialog.page_count(), dialog.page_label.text(), dialog.save_button.isEnabled())
        )

    dialog.show_pages = spy
    seeded: list[list[int]] = []
    real_seed = dialog.build._seed

    def seed_spy(pictures: Any) -> None:
        real_seed(pictures)
        seeded.append(list(dialog.build.seeded))

    dialog.build._seed = seed_spy
    values: list[int] = []
    dialog.build.progress.valueChanged.connect(values.append)
    assert dialog.isVisible() and not dialog.is_whole()
    assert dialog.page_label.text() == "Typesetting…"
    assert not dialog.save_button.isEnabled() and not dialog.print_action.isEnabled()

    qtbot.waitUntil(dialog.is_whole, timeout=WAIT)
    # First the first page alone, numbered "of …", while nothing may be saved.
    assert shown[0] == (False, 1, "Page 1 of …", False)
    whole, count, label, may_save = shown[-1]
    assert whole and count > 20 and label == f"Page 1 of {count}" and may_save
    # Page 1, then the whole's first page, came rasterised by the typesetting process
    # at the scale they are drawn at: the screen did not rasterise them.
    assert seeded == [[0], [0]]
    assert dialog.canvas.rendered_pages() >= {0}
    assert isinstance(dialog.canvas.source(), ChildPages)  # no pdfium document here
    given = QtGui.QImage(dialog.canvas._cache[0])
    assert given.format() == QtGui.QImage.Format.Format_Grayscale8  # black on white: grey
    assert not given.isNull() and _same(given, _drawn_here(dialog._pdf, 0, dialog.canvas._scale()))
    assert values[-1] == 100 and dialog.build.progress.value() == 100
    assert values == sorted(values) and len(values) > 3  # it moved on as pages were set
    assert dialog.build.status.text() == f"All {count} pages typeset."
    text = _pages(dialog._pdf)
    assert len(text) == count and f"Page {count} of {count}" in text[-1]
    dialog.close()


def test_the_first_page_sent_is_numbered_without_a_total(
    setter: typesetter.Typesetter, qtbot: QtBot
) -> None:
    job = setter.submit(_document())
    got: list[typesetter.Message] = []

    def finished() -> bool:
        got.extend(setter.messages())
        return any(isinstance(m, typesetter.Done) for m in got)

    qtbot.waitUntil(finished, timeout=WAIT)
    assert {m.job for m in got} == {job}
    first = next(m for m in got if isinstance(m, typesetter.FirstPage))
    assert isinstance(got[0], typesetter.FirstPage)  # before any progress
    pages = _pages(first.pdf)
    assert len(pages) == 1 and "Page 1 of …" in pages[0] and "Item 0" in pages[0]


def test_closing_mid_build_stops_the_typesetting(
    qtbot: QtBot, parent: QtWidgets.QWidget, setter: typesetter.Typesetter
) -> None:
    dialog = _open(parent, _document(120), setter)
    job = dialog.build.job
    qtbot.waitUntil(lambda: dialog.page_count() == 1, timeout=WAIT)
    assert not dialog.is_whole()
    child = setter.pid()
    deleted: list[bool] = []
    dialog.destroyed.connect(lambda *_: deleted.append(True))
    qtbot.keyClick(dialog, QtCore.Qt.Key.Key_Escape)  # closed, and deleted on close
    qtbot.waitUntil(lambda: bool(deleted), timeout=WAIT)
    got: list[typesetter.Message] = []

    def stopped() -> bool:
        got.extend(m for m in setter.messages() if m.job == job)
        return any(isinstance(m, typesetter.Cancelled) for m in got)

    qtbot.waitUntil(stopped, timeout=WAIT)
    assert not any(isinstance(m, typesetter.Done) for m in got)  # the rest was never made
    assert setter.pid() == child  # the same process, free for the next preview
    again = _open(parent, _document(2), setter)
    qtbot.waitUntil(again.is_whole, timeout=WAIT)
    assert again.page_count() >= 2
    again.close()


def test_a_document_that_cannot_be_typeset_says_so_in_one_line(
    qtbot: QtBot, parent: QtWidgets.QWidget, setter: typesetter.Typesetter
) -> None:
    broken = PrintedDocument(
        title="Minutes",
        subtitle="",
        marking="",
        reference="CPC-TEST-2",
        sections=(Section("One", ("not a block",)),),  # type: ignore[arg-type]
    )
    dialog = _open(parent, broken, setter)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.problem_label, timeout=WAIT)
    line = dialog.problem_label.text()
    assert line == "The document could not be typeset (AttributeError): no preview."
    assert "\n" not in line and not dialog.build.panel.isVisible()
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    assert not dialog.is_whole() and dialog.page_count() == 0
    dialog.close()


def test_the_typesetter_dying_mid_build_says_so_and_the_next_preview_works(
    qtbot: QtBot, parent: QtWidgets.QWidget, setter: typesetter.Typesetter
) -> None:
    dialog = _open(parent, _document(120), setter)
    qtbot.waitUntil(lambda: dialog.page_count() == 1, timeout=WAIT)
    child = setter.pid()
    assert child is not None
    os.kill(child, signal.SIGKILL)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.problem_label, timeout=WAIT)
    assert dialog.problem_label.text() == typesetter.STOPPED
    assert not dialog.save_button.isEnabled()
    dialog.close()
    again = _open(parent, _document(2), setter)  # a new child is started
    qtbot.waitUntil(again.is_whole, timeout=WAIT)
    assert setter.pid() not in (None, child)
    again.close()


def test_a_preview_deleted_with_its_window_stops_its_typesetting(
    qtbot: QtBot, setter: typesetter.Typesetter
) -> None:
    window = QtWidgets.QWidget()
    window.show()
    dialog = _open(window, _document(120), setter)
    job = dialog.build.job
    qtbot.waitUntil(lambda: dialog.page_count() == 1, timeout=WAIT)
    deleted: list[bool] = []
    dialog.destroyed.connect(lambda *_: deleted.append(True))
    window.deleteLater()  # never closed: no "finished"
    qtbot.waitUntil(lambda: bool(deleted), timeout=WAIT)

    def ended() -> bool:
        setter.deliver()  # as another preview's timer would: the lost listener cancels
        return not setter.pending(job)

    qtbot.waitUntil(ended, timeout=WAIT)
    assert setter.pid() is not None  # stopped at a page, not killed


def test_a_copy_to_issue_comes_whole_without_a_first_page_alone(
    qtbot: QtBot, setter: typesetter.Typesetter
) -> None:
    job = setter.submit(_document(3), first=False)
    got: list[typesetter.Message] = []

    def done() -> bool:
        got.extend(m for m in setter.messages() if m.job == job)
        return any(isinstance(m, typesetter.Done) for m in got)

    qtbot.waitUntil(done, timeout=WAIT)
    assert not any(isinstance(m, typesetter.FirstPage) for m in got)
    assert any(isinstance(m, typesetter.Typeset) for m in got)  # progress still comes
    (whole,) = [m for m in got if isinstance(m, typesetter.Done)]
    assert len(_pages(whole.pdf)) >= 3


def test_pages_come_from_the_typesetting_process_as_they_come_into_view(
    qtbot: QtBot, parent: QtWidgets.QWidget, setter: typesetter.Typesetter
) -> None:
    dialog = _open(parent, _document(), setter)
    qtbot.waitUntil(dialog.is_whole, timeout=WAIT)
    last = dialog.page_count() - 1
    dialog.scroll_area.setFocus()
    qtbot.keyClick(dialog.scroll_area, QtCore.Qt.Key.Key_End)
    assert dialog.current_page() == last
    # Blank until it comes; then drawn by the child, the same pixels as pdfium's here.
    qtbot.waitUntil(lambda: last in dialog.build.drawn, timeout=WAIT)
    image = QtGui.QImage(dialog.canvas._cache[last])
    assert _same(image, _drawn_here(dialog._pdf, last, dialog.canvas._scale()))
    assert len(dialog.canvas.rendered_pages()) <= 6  # a few pages held, not the document
    # Zoomed, the page is asked for again at the new scale, and comes at that size.
    width = image.width()
    qtbot.keyClick(
        dialog.scroll_area, QtCore.Qt.Key.Key_Equal, QtCore.Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: dialog.build.drawn.count(last) == 2, timeout=WAIT)
    assert dialog.canvas._cache[last].width() > width
    job = dialog.build.job
    dialog.close()  # the child lets go of the pages: a page asked for now is not drawn
    got: list[typesetter.Message] = []
    setter.draw(job, True, 0, 1.0, got.append)
    qtbot.waitUntil(lambda: (setter.deliver(), bool(got))[1], timeout=WAIT)
    assert isinstance(got[0], typesetter.Drawn) and got[0].picture is None


_NO_PDFIUM = """
import sys
import time
from PySide6 import QtWidgets
from cpc_desktop.domain.printed import Para, PrintedDocument, Section
from cpc_desktop.services.outputs import ToPreview
from cpc_desktop.ui.output.preview_build import open_preview

app = QtWidgets.QApplication([])
window = QtWidgets.QWidget()
window.show()
document = PrintedDocument(
    title="Minutes", subtitle="", marking="", reference="CPC-TEST-3",
    sections=tuple(Section(f"Item {n}", (Para("Words. " * 300),)) for n in range(12)),
)
dialog = open_preview(window, ToPreview("minutes.pdf", document), title="Minutes")
def wait(done):
    while not done():
        app.processEvents()
        time.sleep(0.01)

wait(dialog.is_whole)
dialog.go_to_page(dialog.page_count() - 1)
wait(lambda: dialog.page_count() - 1 in dialog.build.drawn)
print(dialog.page_count(), "pypdfium2" in sys.modules)
dialog.close()
"""


def test_the_application_process_shows_a_preview_without_loading_pdfium(
    tmp_path: Any,
) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _NO_PDFIUM],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    pages, loaded = done.stdout.split()
    assert int(pages) > 2 and loaded == "False"
