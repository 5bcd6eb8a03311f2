"""Minute-taking by keyboard: entries, speakers, tags, restricted, actions, autosave, undo."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import Tag
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane
from tests.helpers.held_saves import HeldSaves, holding
from tests.ui.conftest import PASSPHRASE, TODAY, fixed_clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
REVIEW = f"CPC-{TODAY.year}-0002"  # a review: agenda pending, no minutes


def _pane(qtbot: QtBot, session: Session, key: str = "welcome") -> MinutesPane:
    record = session.conferences.get(REVIEW)
    number, item = next((i, a) for i, a in enumerate(record.agenda, 1) if a.key == key)
    pane = MinutesPane(session, REVIEW, item, number, QtGui.QUndoStack(), session.clock)
    pane.undo_stack = pane._undo  # for the tests
    pane.set_participants(record.participants)
    pane.set_entries(record.minutes)
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is pane)
    pane.editor.setFocus()
    return pane


def _stored(session: Session) -> list:
    return list(session.entries.entries(REVIEW))


def test_model_passes_the_model_tester(qtbot: QtBot, session: Session, qtmodeltester) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "First line")
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
    qtbot.keyClicks(pane.editor, "Second line")
    qtmodeltester.check(pane.model)
    assert pane.model.rowCount() == 2


def test_typing_creates_an_entry_and_autosaves_within_the_limit(
    qtbot: QtBot, session: Session
) -> None:
    pane = _pane(qtbot, session)
    saved: list[str] = []
    pane.saved.connect(saved.append)
    qtbot.keyClicks(pane.editor, "The chair welcomed everyone.")
    (entry,) = _stored(session)
    assert entry.text.startswith("T")  # the first key made the entry, durably
    qtbot.waitUntil(
        lambda: _stored(session)[0].text == "The chair welcomed everyone.", timeout=2000
    )
    assert saved[-1].startswith("Saved ")
    qtbot.waitUntil(lambda: pane.words.text().startswith("4 words"), timeout=2000)


def test_speaker_tag_restricted_by_keyboard_and_next_entry(qtbot: QtBot, session: Session) -> None:
    pane = _pane(qtbot, session)
    record = session.conferences.get(REVIEW)
    worker = next(p for p in record.participants if p.role.value == "social_worker")
    qtbot.keyClicks(pane.editor, "Progress against the plan has been steady.")
    qtbot.keyClick(pane.editor, Key.Key_K, Ctrl)
    assert pane.speaker.hasFocus() or pane.speaker.view().isVisible()
    pane.speaker.hidePopup()
    pane.speaker.setCurrentIndex(pane.speaker.findData(worker.id))
    pane.speaker.activated.emit(pane.speaker.currentIndex())
    assert pane.editor.hasFocus()
    qtbot.keyClick(pane.editor, Key.Key_2, Ctrl)
    qtbot.keyClick(pane.editor, Key.Key_R, Ctrl)
    pane.flush()
    (entry,) = _stored(session)
    assert (entry.speaker_id, entry.tag, entry.restricted) == (worker.id, Tag.OBSERVATION, True)
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
    assert pane.editor.toPlainText() == ""
    qtbot.keyClicks(pane.editor, "Second point.")
    qtbot.keyClick(pane.editor, Key.Key_1, Ctrl)
    pane.flush()
    first, second = _stored(session)
    assert first.id == entry.id
    # The tag and restricted start afresh; the speaker is the item's current speaker.
    assert (second.text, second.tag, second.restricted, second.speaker_id) == (
        "Second point.",
        Tag.FACT,
        False,
        worker.id,
    )


def test_action_captured_without_leaving_the_keyboard(qtbot: QtBot, session: Session) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "The school will send weekly attendance figures.")
    qtbot.keyClick(pane.editor, Key.Key_J, Ctrl)
    assert pane.action_bar.isVisible() and pane.action_bar.owner.hasFocus()
    qtbot.keyClicks(pane.action_bar.owner, "Martin Osei")
    qtbot.keyClick(pane.action_bar.owner, Key.Key_Tab)
    qtbot.keyClicks(pane.action_bar.action_text, "Send attendance figures every Friday")
    qtbot.keyClick(pane.action_bar.action_text, Key.Key_Return)
    assert not pane.action_bar.isVisible()
    assert pane.editor.hasFocus()
    (action,) = session.conferences.get(REVIEW).actions
    assert (action.owner, action.action) == ("Martin Osei", "Send attendance figures every Friday")
    assert action.minute_entry_id == _stored(session)[0].id


def test_action_without_owner_is_refused(qtbot: QtBot, session: Session) -> None:
    pane = _pane(qtbot, session)
    messages: list[str] = []
    pane.message.connect(messages.append)
    qtbot.keyClick(pane.editor, Key.Key_J, Ctrl)
    qtbot.keyClicks(pane.action_bar.action_text, "Something")
    qtbot.keyClick(pane.action_bar.action_text, Key.Key_Return)
    assert "owner" in messages[-1]
    assert pane.action_bar.isVisible()
    assert session.conferences.get(REVIEW).actions == ()
    qtbot.keyClick(pane.action_bar, Key.Key_Escape)
    assert not pane.action_bar.isVisible()


def test_undo_and_redo_of_new_and_deleted_entries(qtbot: QtBot, session: Session) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "Kept")
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
    qtbot.keyClicks(pane.editor, "Removed then restored")
    pane.flush()
    first, second = _stored(session)
    qtbot.keyClick(pane.editor, Key.Key_D, Ctrl | Shift)
    assert [e.id for e in _stored(session)] == [first.id]
    pane.undo_stack.undo()
    assert [(e.id, e.text) for e in _stored(session)] == [
        (first.id, "Kept"),
        (second.id, "Removed then restored"),
    ]
    pane.undo_stack.redo()
    assert [e.id for e in _stored(session)] == [first.id]
    pane.undo_stack.undo()  # back again
    pane.undo_stack.undo()  # undo the tag-less second entry's creation
    assert [e.id for e in _stored(session)] == [first.id]
    pane.undo_stack.redo()
    assert [(e.id, e.text) for e in _stored(session)][1] == (second.id, "Removed then restored")


def test_views_not_obtained_reason_is_kept(qtbot: QtBot, session: Session) -> None:
    pane = _pane(qtbot, session, key="childs_views")
    assert pane.not_obtained.isVisible()
    problems = session.minutes.ready_to_finalise(REVIEW)
    assert any("child" in p.message.lower() for p in problems)
    pane.not_obtained.setFocus()
    qtbot.keyClicks(pane.not_obtained, "Ada was unwell and could not meet her advocate.")
    qtbot.keyClick(pane.not_obtained, Key.Key_Tab)
    item = next(a for a in session.conferences.get(REVIEW).agenda if a.key == "childs_views")
    assert item.not_obtained_reason == "Ada was unwell and could not meet her advocate."
    remaining = session.minutes.ready_to_finalise(REVIEW)
    assert not any("child's views" in p.message.lower() for p in remaining)


def test_a_read_only_user_cannot_write_and_is_told(
    qtbot: QtBot, session: Session, store_path: Path
) -> None:
    from cpc_desktop.domain.enums import UserRole

    session.conferences.add_user("Rae Reader", UserRole.READ_ONLY)
    session.close()  # one session per store at a time
    reader = open_session(store_path, PASSPHRASE, user="Rae Reader", clock=fixed_clock)
    try:
        pane = _pane(qtbot, reader)
        messages: list[str] = []
        pane.message.connect(messages.append)
        qtbot.keyClicks(pane.editor, "x")
        assert "may not" in messages[-1]
        assert _stored(reader) == []
    finally:
        reader.close()


@pytest.fixture(autouse=True)
def _quiet_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda *a, **k: None)


def test_signs_of_safety_analysis_sections_and_scaling(qtbot: QtBot, session: Session) -> None:
    from cpc_desktop.domain.enums import AnalysisSection

    record = session.conferences.get(REVIEW)
    number, item = next((i, a) for i, a in enumerate(record.agenda, 1) if a.key == "analysis")
    pane = MinutesPane(
        session,
        REVIEW,
        item,
        number,
        QtGui.QUndoStack(),
        session.clock,
        signs_of_safety=True,
    )
    pane.set_participants(record.participants)
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is pane)
    assert pane.analysis is not None and pane.analysis.isVisible()
    pane.editor.setFocus()
    qtbot.keyClick(pane.editor, Key.Key_1, Ctrl | Shift)  # the first section: past harm
    qtbot.keyClicks(pane.editor, "Ada had a bruise that was explained.")
    pane.flush()
    (entry,) = _stored(session)
    assert entry.section is AnalysisSection.HARM
    assert pane.model.index(0, 2).data().startswith("[")
    # A page on a profile without Signs of Safety has no analysis tools.
    plain = MinutesPane(session, REVIEW, item, number, QtGui.QUndoStack(), session.clock)
    qtbot.addWidget(plain)
    assert plain.analysis is None


def test_the_word_count_waits_for_a_pause_in_typing(qtbot: QtBot, session: Session) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "One two three")
    before = pane.words.text()
    qtbot.keyClicks(pane.editor, " four")
    assert pane.words.text() == before  # not recounted on every key
    qtbot.waitUntil(lambda: pane.words.text().startswith("4 words"), timeout=2000)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldSaves]:
    yield from holding(monkeypatch)


def test_autosave_runs_off_the_gui_thread_in_order_and_flush_waits_for_it(
    qtbot: QtBot, session: Session, held: HeldSaves
) -> None:
    pane = _pane(qtbot, session)
    committed: list[str] = []
    saved: list[str] = []
    pane.autosave.committed.connect(lambda entry: committed.append(entry.text))
    pane.saved.connect(saved.append)
    qtbot.keyClicks(pane.editor, "The chair welcomed")
    saved.clear()
    qtbot.waitUntil(lambda: bool(held.threads), timeout=3000)  # a save is running
    assert pane.autosave.pending and "MainThread" not in held.threads
    qtbot.keyClicks(pane.editor, " everyone.")  # keys are taken while it runs
    assert pane.editor.toPlainText() == "The chair welcomed everyone."
    assert saved == []  # nothing is reported saved before it is committed
    threading.Timer(0.2, held.release.set).start()
    assert pane.flush()  # waits for the running save, then writes the rest
    (entry,) = _stored(session)
    assert entry.text == "The chair welcomed everyone."
    assert committed == ["The chair welcomed", "The chair welcomed everyone."]
    assert saved[-1].startswith("Saved ")
    assert pane.model.value(0).text == "The chair welcomed everyone."


def test_a_tag_chosen_while_a_save_runs_is_kept(
    qtbot: QtBot, session: Session, held: HeldSaves
) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "Ada's school attendance is 82%.")
    qtbot.waitUntil(lambda: bool(held.threads), timeout=3000)
    qtbot.keyClick(pane.editor, Key.Key_1, Ctrl)  # fact: written now, on the GUI thread
    held.release.set()
    qtbot.waitUntil(lambda: not pane.autosave.pending, timeout=5000)
    shown = pane.model.value(0)
    (stored,) = _stored(session)
    assert (shown.text, shown.tag) == ("Ada's school attendance is 82%.", Tag.FACT)
    assert (stored.text, stored.tag) == (shown.text, Tag.FACT)
    qtbot.keyClick(pane.editor, Key.Key_2, Ctrl)  # the next change starts from "fact"
    pane.undo_stack.undo()
    assert _stored(session)[0].tag is Tag.FACT


def test_undoing_a_new_entry_waits_for_its_save_and_redo_brings_back_the_text(
    qtbot: QtBot, session: Session, held: HeldSaves
) -> None:
    pane = _pane(qtbot, session)
    messages: list[str] = []
    pane.saved.connect(messages.append)
    qtbot.keyClicks(pane.editor, "Said and then withdrawn.")
    qtbot.waitUntil(lambda: bool(held.threads), timeout=3000)
    threading.Timer(0.2, held.release.set).start()
    pane.undo_stack.undo()  # flushes first: no save is left to fail on a deleted entry
    assert _stored(session) == []
    pane.undo_stack.redo()
    assert [e.text for e in _stored(session)] == ["Said and then withdrawn."]
    assert not any(m.startswith("Not saved") for m in messages)
