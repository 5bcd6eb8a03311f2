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
from cpc_desktop.ui.output.preview_build import open_preview

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


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_page_one_is_shown_before_the_rest_and_progress_reaches_100(
    qtbot: QtBot, parent: QtWidgets.QWidget, setter: typesetter.Typesetter
) -> None:
    dialog = _open(parent, _document(), setter)
    shown: list[tuple[bool, int, str, bool]] = []
    real = dialog.show_pdf

    def spy(pdf: bytes, *, whole: bool) -> None:
        real(pdf, whole=whole)
        shown.append(
            (whole, dialog.page_count(), dialog.page_label.text(), dialog.save_button.isEnabled())
        )

    dialog.show_pdf = spy
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
    # Page 1, then the whole's first two pages, came rasterised by the typesetting
    # process at the scale they are drawn at: the screen did not rasterise them.
    assert seeded == [[0], [0, 1]]
    assert dialog.canvas.rendered_pages() >= {0}
    given = QtGui.QImage(dialog.canvas._cache[0])
    assert not given.isNull() and given == dialog.canvas._render(0)  # the same pixels
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
