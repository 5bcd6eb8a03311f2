"""Issuing and exporting typeset away from the screen's thread (ui/output/typeset_job.py).

The real buttons are pressed; the typesetter is a stand-in that answers only when the
test says, so that "mid-way" is exact: progress shows while it works, Cancel or a
failure records nothing, and the pages it sends are the ones signed and recorded. The
real typesetting process is used by the issuing tests in test_outputs_ui.py.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import MinutesState
from cpc_desktop.export import typesetter
from cpc_desktop.export.typeset import render_document, render_letter
from cpc_desktop.services.outputs import sha256
from cpc_desktop.services.session import Session
from cpc_desktop.ui.output import typeset_job
from cpc_desktop.ui.output.distribution_window import DistributionWindow, MarkSentDialog
from cpc_desktop.ui.output.typeset_job import TypesetJob
from cpc_desktop.ui.settings import Preferences
from tests.ui.test_outputs_ui import (  # noqa: F401 - fixtures used by name
    CONCLUDED,
    Boxes,
    _close,
    _letters,
    _minutes_window,
    _no_opened_certificates,
    boxes,
    certificate,
    p12,
    sign_with,
)

Left = QtCore.Qt.MouseButton.LeftButton
FULL = "Full copy (professionals only)"


class Stand:
    """A typesetter that sends only what the test tells it to (no process)."""

    def __init__(self) -> None:
        self.numbers = itertools.count(1)
        self.documents: dict[int, Any] = {}
        self.listeners: dict[int, Any] = {}
        self.cancelled: list[int] = []
        self.firsts: list[bool] = []
        self.waiting: list[typesetter.Message] = []

    def start(self) -> None:
        pass

    def submit(self, document: Any, listener: Any = None, scale: float = 0.0, *, first=True):
        job = next(self.numbers)
        self.documents[job], self.listeners[job] = document, listener
        self.firsts.append(first)
        return job

    def cancel(self, job: int) -> None:
        self.cancelled.append(job)
        self.listeners.pop(job, None)

    def send(self, message: typesetter.Message) -> None:
        self.waiting.append(message)  # delivered by the dialog's own timer

    def deliver(self) -> None:
        waiting, self.waiting = self.waiting, []
        for message in waiting:
            listener = self.listeners.get(message.job)
            if listener is not None:
                listener(message)


@pytest.fixture
def stand(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stand]:
    own = Stand()
    monkeypatch.setattr(typesetter, "shared", lambda: own)
    yield own


def _press(qtbot: QtBot, button: QtWidgets.QAbstractButton) -> None:
    """Click ``button`` without waiting for the typesetting it starts."""
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Left)


def _job(qtbot: QtBot, window: Any) -> TypesetJob:
    """The progress dialog the button opened, shown over the window."""
    job = window.job
    assert isinstance(job, TypesetJob)
    qtbot.waitUntil(job.isVisible)
    assert job.isModal() and typeset_job.running()
    return job


def _progress(qtbot: QtBot, stand: Stand, job: TypesetJob, pages: int, fraction: float) -> None:
    assert job.job is not None
    stand.send(typesetter.Typeset(job.job, pages, fraction))
    qtbot.waitUntil(lambda: job.progress.value() == round(fraction * 100))
    assert job.status.text() == f"Typesetting: {pages} pages set so far…"


def _outputs(session: Session) -> int:
    return len(session.verification.outputs(CONCLUDED))


def test_cancelling_an_issue_mid_way_signs_and_records_nothing(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    sign_with: list[Any],  # noqa: F811
    stand: Stand,
) -> None:
    session.minutes.approve(CONCLUDED)
    window = _minutes_window(qtbot, session, preferences)
    try:
        _press(qtbot, window.issue_button)  # Yes to the question, the certificate given
        job = _job(qtbot, window)
        assert stand.firsts == [False]  # no first page sent alone: this is not a preview
        _progress(qtbot, stand, job, 3, 0.4)
        number = job.job
        qtbot.mouseClick(job.cancel_button, Left)
        assert stand.cancelled == [number] and not job.isVisible()
        assert job.outcome == "cancelled" and not typeset_job.running()
        assert window.message.text() == "Not issued: the typesetting was cancelled."
        # Pages arriving late for the cancelled job are dropped.
        stand.send(typesetter.Done(number, b"%PDF-1.4 late"))
        stand.deliver()
        assert window.issued_pdf is None and window.preview_dialog is None
        assert session.minutes.status(CONCLUDED).current.state is MinutesState.APPROVED
        assert _outputs(session) == 0 and boxes.said == []
    finally:
        window.close()


def test_escape_cancels_an_export_and_nothing_is_recorded(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    stand: Stand,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QtWidgets.QInputDialog, "getItem", lambda *_a, **_k: (FULL, True))
    window = _minutes_window(qtbot, session, preferences)
    try:
        _press(qtbot, window.export_button)
        job = _job(qtbot, window)
        _progress(qtbot, stand, job, 2, 0.25)
        qtbot.keyClick(job, QtCore.Qt.Key.Key_Escape)
        assert job.outcome == "cancelled" and len(stand.cancelled) == 1
        assert window.message.text() == "Not exported: the typesetting was cancelled."
        assert _outputs(session) == 0 and window.preview_dialog is None
    finally:
        window.close()


def test_a_failing_typesetter_says_one_line_and_records_nothing(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    sign_with: list[Any],  # noqa: F811
    stand: Stand,
) -> None:
    session.minutes.approve(CONCLUDED)
    window = _minutes_window(qtbot, session, preferences)
    try:
        _press(qtbot, window.issue_button)
        job = _job(qtbot, window)
        assert job.job is not None
        stand.send(typesetter.Failed(job.job, typesetter.STOPPED))
        qtbot.waitUntil(lambda: job.outcome == "failed")
        assert boxes.said == [
            (
                "Issue the minutes",
                "The minutes could not be typeset, so nothing was issued or recorded.",
            )
        ]
        assert not job.isVisible() and window.issued_pdf is None
        assert session.minutes.status(CONCLUDED).current.state is MinutesState.APPROVED
        assert _outputs(session) == 0
    finally:
        window.close()


def test_the_pages_typeset_are_the_ones_signed_and_recorded(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    sign_with: list[Any],  # noqa: F811
    stand: Stand,
) -> None:
    session.minutes.approve(CONCLUDED)
    window = _minutes_window(qtbot, session, preferences)
    try:
        _press(qtbot, window.issue_button)
        job = _job(qtbot, window)
        assert job.job is not None
        pages = render_document(stand.documents[job.job])
        stand.send(typesetter.Done(job.job, pages))
        qtbot.waitUntil(lambda: window.issued_pdf is not None)
        pdf = window.issued_pdf
        assert pdf.data.startswith(pages) and pdf.signed  # the signature follows the pages
        assert session.verification.verify(pdf.data).valid
        current = session.minutes.status(CONCLUDED).current
        assert current.state is MinutesState.ISSUED and current.file_sha256 == pdf.sha256
        assert window.preview_dialog is not None and window.preview_dialog.isVisible()
        assert boxes.said == []
    finally:
        _close(window.preview_dialog)
        window.close()


def test_a_record_changed_while_typesetting_is_refused_in_one_line(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    stand: Stand,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QtWidgets.QInputDialog, "getItem", lambda *_a, **_k: (FULL, True))
    window = _minutes_window(qtbot, session, preferences)
    try:
        _press(qtbot, window.export_button)
        job = _job(qtbot, window)
        assert job.job is not None
        pages = render_document(stand.documents[job.job])
        record = session.conferences.get(CONCLUDED)
        session.entries.save_text(record.minutes[0].id, "Changed while it was typeset.")
        stand.send(typesetter.Done(job.job, pages))
        qtbot.waitUntil(lambda: job.outcome == "done")
        assert [title for title, _ in boxes.said] == ["Export the minutes"]
        assert "changed while its copy was typeset" in boxes.said[0][1]
        assert "\n" not in boxes.said[0][1]
        assert _outputs(session) == 0 and window.preview_dialog is None
    finally:
        window.close()


def test_a_letter_is_typeset_then_issued_or_cancelled(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    stand: Stand,
) -> None:
    window = _letters(qtbot, session, preferences, CONCLUDED)
    try:
        professional = next(
            i for i, p in enumerate(window.plans) if p.need.kind.value == "professional"
        )
        window.select(professional)
        window.confirmed.click()
        _press(qtbot, window.issue_button)  # asked to issue unsigned: Yes
        job = _job(qtbot, window)
        qtbot.mouseClick(job.cancel_button, Left)
        assert window.message.text() == "Not issued: the typesetting was cancelled."
        assert session.conferences.get(CONCLUDED).letters == ()

        _press(qtbot, window.issue_button)
        job = _job(qtbot, window)
        assert job.job is not None
        pages = render_letter(stand.documents[job.job])
        stand.send(typesetter.Done(job.job, pages))
        qtbot.waitUntil(lambda: job.outcome == "done")
        (letter,) = session.conferences.get(CONCLUDED).letters
        assert letter.file_sha256 == sha256(pages)
        assert session.letters.letter_bytes(CONCLUDED, letter.id) == pages
        assert "issued and recorded (not signed)" in window.message.text()
    finally:
        _close(window.preview_dialog)
        window.close()


def test_marking_a_family_copy_sent_typesets_it_then_holds_it(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    sign_with: list[Any],  # noqa: F811
    certificate: Any,  # noqa: F811
    stand: Stand,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session.minutes.approve(CONCLUDED)
    session.minutes.issue(CONCLUDED, certificate)

    def choose(dialog: MarkSentDialog) -> int:
        dialog.item.setCurrentIndex(dialog.item.findData("minutes"))
        assert dialog.chosen_item() == "minutes"
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(MarkSentDialog, "exec", choose)
    window = DistributionWindow(session, CONCLUDED, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.select_person("Justyna Harland")
        _press(qtbot, window.mark_button)  # not checked yet: a family copy is made to hold
        job = _job(qtbot, window)
        assert job.job is not None and session.release.pending(CONCLUDED) == ()
        pages = render_document(stand.documents[job.job])
        stand.send(typesetter.Done(job.job, pages))
        qtbot.waitUntil(window.release_panel.isVisible)
        (item,) = session.release.pending(CONCLUDED)
        assert window.release_panel.item == item and not item.confirmed
        assert session.release.review(item.id).data.startswith(pages)  # signed after
        assert session.conferences.get(CONCLUDED).distributions == ()
        assert boxes.said == [] and len(sign_with) == 1
    finally:
        window.close()
