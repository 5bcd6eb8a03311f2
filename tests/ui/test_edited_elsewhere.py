"""A minute entry saved by someone else while the pane edits it (issue 17, point 2).

A real pane, keys typed; the other chair is a second session on the same store (its own
services, as another window or another laptop on a shared server). The pane's next
save is refused, never written over theirs and never retried blindly: the text stays in
the editor, the band says so, and the dialog offers theirs, mine or a merged text.
"""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session
from cpc_desktop.ui.workspace.edited_elsewhere import EditedElsewhereDialog
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane
from tests.ui.test_minutes import REVIEW, _pane

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier


def _stored(session: Session, entry_id: str) -> str:
    return next(e.text for e in session.entries.entries(REVIEW) if e.id == entry_id)


@pytest.fixture
def collided(qtbot: QtBot, session: Session) -> tuple[MinutesPane, Session, str]:
    """The pane typed an entry; the other chair saved it; the pane typed on and saved."""
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "Mum said the plan is working")
    assert pane.flush()
    entry_id = pane.current_id
    assert entry_id is not None
    other = Session(session.store, session.actor, session.clock)
    assert other.entries.entry(entry_id).text == "Mum said the plan is working"
    other.entries.save_text(entry_id, "Mum said the plan is working well.")
    qtbot.keyClicks(pane.editor, ", mostly.")
    assert not pane.flush()  # refused: nothing written over theirs
    qtbot.waitUntil(lambda: isinstance(pane.conflicts.dialog, EditedElsewhereDialog))
    return pane, other, entry_id


def test_the_refusal_keeps_the_text_and_is_not_retried(
    qtbot: QtBot, session: Session, collided: tuple[MinutesPane, Session, str]
) -> None:
    pane, _other, entry_id = collided
    dialog = pane.conflicts.dialog
    assert dialog is not None
    assert dialog.theirs.toPlainText() == "Mum said the plan is working well."
    assert dialog.mine.toPlainText() == "Mum said the plan is working, mostly."
    assert dialog.line.text().startswith("Someone else saved this entry after you opened it")
    assert pane.editor.toPlainText() == "Mum said the plan is working, mostly."
    assert pane.guard.notice.isVisible() and pane.guard.choose.isVisible()
    assert "Not saved" in pane.guard.text.text()
    # Decide later: typing on saves nothing (no blind retry), the band still offers it.
    qtbot.mouseClick(dialog.later, QtCore.Qt.MouseButton.LeftButton)
    assert pane.conflicts.dialog is None
    qtbot.keyClicks(pane.editor, " More.")
    assert not pane.flush()
    assert not pane.autosave.pending
    assert _stored(session, entry_id) == "Mum said the plan is working well."
    qtbot.mouseClick(pane.guard.choose, QtCore.Qt.MouseButton.LeftButton)
    assert pane.conflicts.dialog is not None
    assert pane.conflicts.dialog.mine.toPlainText().endswith("mostly. More.")


def test_keep_theirs_shows_their_text(
    qtbot: QtBot, session: Session, collided: tuple[MinutesPane, Session, str]
) -> None:
    pane, _other, entry_id = collided
    dialog = pane.conflicts.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.keep_theirs, QtCore.Qt.MouseButton.LeftButton)
    assert pane.editor.toPlainText() == "Mum said the plan is working well."
    assert _stored(session, entry_id) == "Mum said the plan is working well."
    assert not pane.guard.notice.isVisible()
    # Editing goes on from their version: the next save is stored.
    qtbot.keyClicks(pane.editor, " Agreed.")
    assert pane.flush()
    assert _stored(session, entry_id) == "Mum said the plan is working well. Agreed."


def test_keep_mine_writes_over_theirs_knowingly(
    qtbot: QtBot, session: Session, collided: tuple[MinutesPane, Session, str]
) -> None:
    pane, other, entry_id = collided
    dialog = pane.conflicts.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.keep_mine, QtCore.Qt.MouseButton.LeftButton)
    assert _stored(session, entry_id) == "Mum said the plan is working, mostly."
    assert not pane.guard.notice.isVisible()
    # The other chair, who saw only their own version, is refused in turn.
    from cpc_desktop.services.errors import EditedElsewhere

    with pytest.raises(EditedElsewhere):
        other.entries.save_text(entry_id, "Their second thoughts")


def test_save_merged_stores_the_combined_text(
    qtbot: QtBot, session: Session, collided: tuple[MinutesPane, Session, str]
) -> None:
    pane, _other, entry_id = collided
    dialog = pane.conflicts.dialog
    assert dialog is not None
    assert "working well." in dialog.merged.toPlainText()
    assert "mostly." in dialog.merged.toPlainText()
    dialog.merged.setFocus()
    qtbot.keyClick(dialog.merged, Key.Key_A, Ctrl)
    qtbot.keyClicks(dialog.merged, "Mum said the plan is working well, mostly.")
    qtbot.mouseClick(dialog.save_merged, QtCore.Qt.MouseButton.LeftButton)
    assert _stored(session, entry_id) == "Mum said the plan is working well, mostly."
    assert pane.editor.toPlainText() == "Mum said the plan is working well, mostly."
    assert not pane.guard.notice.isVisible()


def test_moving_on_asks_for_the_choice_first(
    qtbot: QtBot, session: Session, collided: tuple[MinutesPane, Session, str]
) -> None:
    pane, _other, entry_id = collided
    dialog = pane.conflicts.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.later, QtCore.Qt.MouseButton.LeftButton)  # decide later
    asked: list[str] = []

    def choose_mine() -> None:
        modal = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(modal, EditedElsewhereDialog):
            QtCore.QTimer.singleShot(20, choose_mine)
            return
        asked.append(modal.mine.toPlainText())
        modal.keep_mine.click()

    pane.activateWindow()  # offscreen: the pane's window is active again after the dialog
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is pane)
    pane.editor.setFocus()
    QtCore.QTimer.singleShot(0, choose_mine)
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)  # the next entry: asks first
    assert asked == ["Mum said the plan is working, mostly."]
    assert _stored(session, entry_id) == "Mum said the plan is working, mostly."
    assert pane.current_id is None and pane.editor.toPlainText() == ""


def test_a_collision_found_while_moving_on_asks_once(qtbot: QtBot, session: Session) -> None:
    """The other chair saves; the pane's last keys are only saved as it moves on."""
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "Dad was not invited")
    assert pane.flush()
    entry_id = pane.current_id
    assert entry_id is not None
    other = Session(session.store, session.actor, session.clock)
    other.entries.entry(entry_id)
    other.entries.save_text(entry_id, "Dad was invited by letter.")
    qtbot.keyClicks(pane.editor, " in time.")
    asked: list[str] = []

    def choose_theirs() -> None:
        modal = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(modal, EditedElsewhereDialog):
            QtCore.QTimer.singleShot(20, choose_theirs)
            return
        asked.append(modal.theirs.toPlainText())
        modal.keep_theirs.click()

    QtCore.QTimer.singleShot(0, choose_theirs)
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
    assert asked == ["Dad was invited by letter."]  # one choice, no second dialog
    assert pane.conflicts.dialog is None
    assert QtWidgets.QApplication.activeModalWidget() is None
    assert _stored(session, entry_id) == "Dad was invited by letter."
    assert pane.current_id is None


def test_a_tag_changed_after_someone_else_saved_offers_the_same_choice(
    qtbot: QtBot, session: Session
) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "The school reports good attendance")
    assert pane.flush()
    entry_id = pane.current_id
    assert entry_id is not None
    other = Session(session.store, session.actor, session.clock)
    other.entries.entry(entry_id)
    other.entries.save_text(entry_id, "The school reports good attendance this term.")
    qtbot.keyClick(pane.editor, QtCore.Qt.Key.Key_1, Ctrl)  # tag: fact
    qtbot.waitUntil(lambda: isinstance(pane.conflicts.dialog, EditedElsewhereDialog))
    dialog = pane.conflicts.dialog
    assert dialog is not None
    stored = next(e for e in session.entries.entries(REVIEW) if e.id == entry_id)
    assert stored.tag is None  # refused: nothing written over theirs
    qtbot.mouseClick(dialog.keep_theirs, QtCore.Qt.MouseButton.LeftButton)
    assert pane.editor.toPlainText() == "The school reports good attendance this term."
    qtbot.keyClick(pane.editor, QtCore.Qt.Key.Key_1, Ctrl)  # now from their version
    stored = next(e for e in session.entries.entries(REVIEW) if e.id == entry_id)
    assert stored.tag is not None and stored.text.endswith("this term.")
