"""The agenda panel: stepping through a meeting, the timer, editing the list, undo."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import AgendaStatus, UserRole
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.actions import SPECS, ActionId
from cpc_desktop.ui.workspace.agenda_model import Column
from cpc_desktop.ui.workspace.agenda_panel import AddItemDialog, AgendaPanel
from tests.helpers.shots import shots
from tests.ui.conftest import PASSPHRASE, fixed_clock

Key = QtCore.Qt.Key
Mod = QtCore.Qt.KeyboardModifier
CTRL_SHIFT = Mod.ControlModifier | Mod.ShiftModifier
REVIEW = "CPC-2026-0002"  # a review conference whose twelve items are all pending
MINUTED = "CPC-2026-0001"  # a concluded conference with minutes under its items
SHOTS = shots()


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **amount: float) -> None:
        self.now += timedelta(**amount)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _statuses(session: Session, ref: str = REVIEW) -> list[AgendaStatus]:
    return [item.status for item in session.conferences.get(ref).agenda]


def _titles(session: Session, ref: str = REVIEW) -> list[str]:
    return [item.title for item in session.conferences.get(ref).agenda]


def _panel(
    qtbot: QtBot, session: Session, clock: FakeClock, ref: str = REVIEW
) -> tuple[AgendaPanel, QtGui.QUndoStack]:
    """A shown, active panel with the window's Undo and Redo keys on it; the services
    keep the meeting's clock on the same clock as the panel."""
    session.clock = clock
    session.act_as(session.actor)
    stack = QtGui.QUndoStack()
    panel = AgendaPanel(session, ref, stack, clock=clock)
    qtbot.addWidget(panel)
    undo = stack.createUndoAction(panel)
    undo.setShortcut(QtGui.QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(panel)
    redo.setShortcut(QtGui.QKeySequence("Ctrl+Shift+Z"))
    panel.addActions([undo, redo])
    panel.resize(340, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is panel)
    panel.view.setFocus()
    return panel, stack


def _press(qtbot: QtBot, panel: AgendaPanel, key: Key, modifier: Mod = CTRL_SHIFT) -> None:
    qtbot.keyClick(panel.view, key, modifier)


def _select_by_keyboard(qtbot: QtBot, panel: AgendaPanel, row: int) -> None:
    # Up to the top, then down: Ctrl+Home would deselect an already selected first row.
    for _ in range(panel.model.rowCount()):
        qtbot.keyClick(panel.view, Key.Key_Up)
    for _ in range(row):
        qtbot.keyClick(panel.view, Key.Key_Down)
    assert panel.selected_item() == panel.items[row]


# --- the list ------------------------------------------------------------------------


def test_model_shows_number_title_allowance_and_marks_the_current_item(
    qtbot: QtBot, session: Session, clock: FakeClock, qtmodeltester
) -> None:
    panel, _stack = _panel(qtbot, session, clock)
    model = panel.model
    qtmodeltester.check(model)
    assert model.rowCount() == 12
    assert model.index(0, Column.NUMBER).data() == "1"
    assert model.index(0, Column.TITLE).data() == "Welcome and introductions"
    assert model.index(0, Column.ALLOWANCE).data() == "5 min"
    assert model.index(4, Column.ALLOWANCE).data() == "20 min"

    _press(qtbot, panel, Key.Key_Right)
    _press(qtbot, panel, Key.Key_Right)
    qtmodeltester.check(model)
    done, current = model.index(0, Column.NUMBER), model.index(1, Column.NUMBER)
    assert done.data() == "✓ 1"
    assert done.data(QtCore.Qt.ItemDataRole.ForegroundRole) is not None
    assert current.data() == "▶ 2"
    assert current.data(QtCore.Qt.ItemDataRole.FontRole).bold()
    assert current.data(QtCore.Qt.ItemDataRole.BackgroundRole) is not None
    assert "current item" in current.data(QtCore.Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, Column.NUMBER).data(QtCore.Qt.ItemDataRole.FontRole) is None


# --- stepping through the meeting ----------------------------------------------------


def test_start_next_previous_by_keyboard_change_the_store_and_undo(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, stack = _panel(qtbot, session, clock)
    pending = AgendaStatus.PENDING
    assert panel.next_button.text() == "Start meeting ▶"

    with qtbot.waitSignal(panel.current_item_changed) as started:
        _press(qtbot, panel, Key.Key_Right)
    assert started.args == [panel.items[0].id]
    assert _statuses(session)[:2] == [AgendaStatus.CURRENT, pending]

    clock.advance(minutes=4)
    _press(qtbot, panel, Key.Key_Right)
    _press(qtbot, panel, Key.Key_Right)
    assert _statuses(session)[:4] == [
        AgendaStatus.DONE,
        AgendaStatus.DONE,
        AgendaStatus.CURRENT,
        pending,
    ]
    assert panel.progress.value() == 2
    assert panel.progress.text() == "2 of 12 items done"

    # Back one: item 2 is current again and item 3 waits its turn.
    _press(qtbot, panel, Key.Key_Left)
    assert _statuses(session)[:3] == [AgendaStatus.DONE, AgendaStatus.CURRENT, pending]

    # Ctrl+Z undoes each step, Ctrl+Shift+Z redoes it.
    qtbot.keyClick(panel.view, Key.Key_Z, Mod.ControlModifier)
    assert _statuses(session)[:3] == [AgendaStatus.DONE, AgendaStatus.DONE, AgendaStatus.CURRENT]
    qtbot.keyClick(panel.view, Key.Key_Z, CTRL_SHIFT)
    assert _statuses(session)[:3] == [AgendaStatus.DONE, AgendaStatus.CURRENT, pending]
    while stack.canUndo():
        stack.undo()
    assert set(_statuses(session)) == {pending}
    assert panel.next_button.text() == "Start meeting ▶"
    assert panel.meeting_label.text() == "Meeting time 0:00 of 2:00 planned"


def test_make_selected_current_and_finish_the_last_item(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, stack = _panel(qtbot, session, clock)
    _select_by_keyboard(qtbot, panel, 11)
    with qtbot.waitSignal(panel.current_item_changed):
        _press(qtbot, panel, Key.Key_Return)
    assert _statuses(session)[11] is AgendaStatus.CURRENT
    assert panel.next_button.text() == "Next item ▶"
    # Items 1 to 11 are still to come, so "next" goes back to the first of them.
    _press(qtbot, panel, Key.Key_Right)
    assert _statuses(session)[0] is AgendaStatus.CURRENT
    assert _statuses(session)[11] is AgendaStatus.DONE
    stack.undo()
    stack.undo()
    assert set(_statuses(session)) == {AgendaStatus.PENDING}


def test_timer_counts_from_the_clock_and_shows_time_over(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, _stack = _panel(qtbot, session, clock)
    assert panel.timer.isActive() and panel.timer.interval() == 1000
    assert panel.meeting_label.text() == "Meeting time 0:00 of 2:00 planned"
    _select_by_keyboard(qtbot, panel, 6)  # "Maisie's views ...", ten minutes
    _press(qtbot, panel, Key.Key_Return)
    assert panel.timer_label.text() == "Item 7 of 12 — 00:00 of 10:00"
    assert panel.over_label.text() == "10:00 left"
    assert "Maisie" in panel.now_label.text()

    clock.advance(minutes=7, seconds=32)
    qtbot.waitUntil(lambda: "07:32" in panel.timer_label.text(), timeout=2500)
    assert panel.timer_label.text() == "Item 7 of 12 — 07:32 of 10:00"
    assert panel.over_label.text() == "02:28 left"
    assert "color" not in panel.timer_label.styleSheet()

    clock.advance(minutes=4, seconds=28)  # twelve minutes into a ten-minute item
    qtbot.waitUntil(lambda: "over" in panel.over_label.text(), timeout=2500)
    assert panel.timer_label.text() == "Item 7 of 12 — 12:00 of 10:00"
    assert panel.over_label.text() == "+02:00 over"
    assert "#b91c1c" in panel.timer_label.styleSheet()
    assert "#b91c1c" in panel.over_label.styleSheet()
    assert panel.meeting_label.text() == "Meeting time 0:12 of 2:00 planned (started 10:00)"

    # The next item starts its own count; the meeting clock runs on.
    _press(qtbot, panel, Key.Key_Right)
    clock.advance(minutes=1, seconds=5)
    qtbot.waitUntil(lambda: "01:05" in panel.timer_label.text(), timeout=2500)
    assert panel.timer_label.text() == "Item 8 of 12 — 01:05 of 10:00"
    assert panel.progress.value() == 1
    assert panel.meeting_label.text() == "Meeting time 0:13 of 2:00 planned (started 10:00)"


def test_the_clock_pauses_and_is_kept_when_the_conference_is_opened_again(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    """Issue 19, point 2: the clock lives in the store, not in the panel."""
    panel, _stack = _panel(qtbot, session, clock)
    pause = panel.agenda_actions[ActionId.CLOCK_PAUSE]
    assert not pause.isEnabled()  # nothing to pause before the meeting starts
    _select_by_keyboard(qtbot, panel, 6)
    _press(qtbot, panel, Key.Key_Return)
    clock.advance(minutes=5)
    qtbot.keyClick(panel, Key.Key_Space, CTRL_SHIFT)  # a break
    assert "Clock paused since 10:05" in panel.now_label.text()
    clock.advance(minutes=20)
    panel._tick()
    assert "Meeting time 0:05" in panel.meeting_label.text()
    qtbot.keyClick(panel, Key.Key_Space, CTRL_SHIFT)
    clock.advance(minutes=2)
    panel._tick()
    assert panel.timer_label.text() == "Item 7 of 12 — 07:00 of 10:00"
    # Leave and come back (a new panel reads the store): the same times, still running.
    panel.close()
    again, _ = _panel(qtbot, session, clock)
    assert again.timer_label.text() == "Item 7 of 12 — 07:00 of 10:00"
    assert again.meeting_label.text() == "Meeting time 0:07 of 2:00 planned (started 10:00)"
    clock.advance(minutes=1)
    again._tick()
    assert again.timer_label.text() == "Item 7 of 12 — 08:00 of 10:00"


def test_skip_pending_and_current_items(qtbot: QtBot, session: Session, clock: FakeClock) -> None:
    panel, stack = _panel(qtbot, session, clock)
    _select_by_keyboard(qtbot, panel, 2)
    _press(qtbot, panel, Key.Key_K)
    assert _statuses(session)[2] is AgendaStatus.SKIPPED
    title = panel.model.index(2, Column.TITLE)
    assert title.data(QtCore.Qt.ItemDataRole.FontRole).strikeOut()
    assert title.data(QtCore.Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.model.index(2, Column.ALLOWANCE).data() == "skipped"
    assert "skipped" in title.data(QtCore.Qt.ItemDataRole.ToolTipRole)
    assert panel.progress.value() == 1
    assert panel.skip_button.text() == "Unskip"

    # Skipping the current item moves the meeting on to the next one still to come.
    _press(qtbot, panel, Key.Key_Right)
    _press(qtbot, panel, Key.Key_Right)
    assert panel.current_item() == panel.items[1]
    _select_by_keyboard(qtbot, panel, 1)
    _press(qtbot, panel, Key.Key_K)
    assert _statuses(session)[:4] == [
        AgendaStatus.DONE,
        AgendaStatus.SKIPPED,
        AgendaStatus.SKIPPED,
        AgendaStatus.CURRENT,
    ]
    stack.undo()
    assert _statuses(session)[:4] == [
        AgendaStatus.DONE,
        AgendaStatus.CURRENT,
        AgendaStatus.SKIPPED,
        AgendaStatus.PENDING,
    ]
    while stack.canUndo():
        stack.undo()
    assert set(_statuses(session)) == {AgendaStatus.PENDING}


# --- editing the list ----------------------------------------------------------------


def _add_dialog(qtbot: QtBot, panel: AgendaPanel, after_row: int) -> AddItemDialog:
    """Select ``after_row`` and open the Add dialog with its key; the dialog, active."""
    _select_by_keyboard(qtbot, panel, after_row)
    _press(qtbot, panel, Key.Key_I)
    dialog = panel.add_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    return dialog


def test_add_an_item_by_keyboard_after_the_selected_one(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, stack = _panel(qtbot, session, clock)
    dialog = _add_dialog(qtbot, panel, 3)
    assert "Apologies and reports" in dialog.where.text()
    qtbot.keyClicks(dialog.title, "Interpreter arrangements")
    qtbot.keyClick(dialog.title, Key.Key_Tab)
    assert dialog.allowance.hasFocus()
    qtbot.keyClick(dialog.allowance, Key.Key_A, Mod.ControlModifier)
    qtbot.keyClicks(dialog.allowance, "7")
    qtbot.keyClick(dialog.allowance, Key.Key_Return)
    assert not dialog.isVisible()

    agenda = session.conferences.get(REVIEW).agenda
    assert len(agenda) == 13
    assert (agenda[4].title, agenda[4].allowance_minutes) == ("Interpreter arrangements", 7)
    assert panel.selected_item() == agenda[4]
    assert panel.model.index(4, Column.ALLOWANCE).data() == "7 min"

    stack.undo()
    assert "Interpreter arrangements" not in _titles(session)
    stack.redo()
    assert _titles(session)[4] == "Interpreter arrangements"
    stack.undo()
    assert len(_titles(session)) == 12


def test_add_dialog_needs_a_title_and_escape_cancels(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, stack = _panel(qtbot, session, clock)
    _press(qtbot, panel, Key.Key_I)
    dialog = panel.add_dialog
    assert dialog is not None
    ok = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClick(dialog.title, Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.title, Key.Key_Escape)
    assert not dialog.isVisible()
    assert len(_titles(session)) == 12
    assert stack.count() == 0


def test_move_with_alt_arrows_and_undo(qtbot: QtBot, session: Session, clock: FakeClock) -> None:
    panel, stack = _panel(qtbot, session, clock)
    original = _titles(session)
    _select_by_keyboard(qtbot, panel, 0)
    _press(qtbot, panel, Key.Key_Down, Mod.AltModifier)
    _press(qtbot, panel, Key.Key_Down, Mod.AltModifier)
    assert _titles(session)[2] == original[0]
    assert panel.selected_item() == panel.items[2]
    _press(qtbot, panel, Key.Key_Up, Mod.AltModifier)
    assert _titles(session)[1] == original[0]
    qtbot.keyClick(panel.view, Key.Key_Z, Mod.ControlModifier)
    assert _titles(session)[2] == original[0]
    stack.undo()
    stack.undo()
    assert _titles(session) == original
    stack.redo()
    assert _titles(session)[1] == original[0]


def test_drag_and_drop_moves_an_item(qtbot: QtBot, session: Session, clock: FakeClock) -> None:
    panel, stack = _panel(qtbot, session, clock)
    model = panel.model
    original = _titles(session)
    move = QtCore.Qt.DropAction.MoveAction

    # Dragging the first item and dropping it between rows 3 and 4 (before row 4).
    data = model.mimeData([model.index(0, Column.TITLE)])
    assert model.canDropMimeData(data, move, 4, 0, QtCore.QModelIndex())
    assert model.dropMimeData(data, move, 4, 0, QtCore.QModelIndex())
    assert _titles(session) == [*original[1:4], original[0], *original[4:]]

    # Dropped below the last row: to the end.
    data = model.mimeData([model.index(1, Column.TITLE)])
    assert model.dropMimeData(data, move, -1, -1, QtCore.QModelIndex())
    assert _titles(session)[-1] == original[2]

    # The view's other route: moveRows, here the last item to the top.
    assert model.moveRows(QtCore.QModelIndex(), 11, 1, QtCore.QModelIndex(), 0)
    assert _titles(session)[0] == original[2]
    assert stack.count() == 3

    # A drop where the item already is changes nothing.
    data = model.mimeData([model.index(5, Column.TITLE)])
    assert not model.dropMimeData(data, move, 5, 0, QtCore.QModelIndex())
    assert stack.count() == 3

    for _ in range(3):
        stack.undo()
    assert _titles(session) == original


def test_remove_an_item_and_undo_puts_it_back(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, stack = _panel(qtbot, session, clock)
    original = session.conferences.get(REVIEW).agenda
    _press(qtbot, panel, Key.Key_Right)  # item 1 current
    _select_by_keyboard(qtbot, panel, 0)
    _press(qtbot, panel, Key.Key_Delete)
    assert _titles(session) == [item.title for item in original[1:]]
    assert panel.model.rowCount() == 11
    stack.undo()
    restored = session.conferences.get(REVIEW).agenda
    assert [item.title for item in restored] == [item.title for item in original]
    assert restored[0] == dataclasses.replace(original[0], status=AgendaStatus.CURRENT)

    # Back with its own id and key, so the commands around it still find it.
    _select_by_keyboard(qtbot, panel, 0)
    _press(qtbot, panel, Key.Key_Down, Mod.AltModifier)
    _press(qtbot, panel, Key.Key_Delete)
    stack.undo()
    stack.undo()
    assert _titles(session) == [item.title for item in original]
    stack.redo()
    assert _titles(session)[1] == original[0].title


def test_remove_is_refused_for_an_item_with_minutes(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, stack = _panel(qtbot, session, clock, ref=MINUTED)
    before = session.conferences.get(MINUTED).agenda
    minuted = {entry.agenda_item_id for entry in session.conferences.get(MINUTED).minutes}
    row = next(r for r, item in enumerate(before) if item.id in minuted)
    _select_by_keyboard(qtbot, panel, row)
    with qtbot.waitSignal(panel.message) as said:
        _press(qtbot, panel, Key.Key_Delete)
    (text,) = said.args
    assert "minute" in text and "\n" not in text
    assert before[row].title in text
    assert panel.message_label.text() == text
    assert panel.message_label.isVisible()
    assert session.conferences.get(MINUTED).agenda == before
    assert stack.count() == 0


# --- who may change it ---------------------------------------------------------------


@pytest.fixture
def minute_taker(store_path: Path, session: Session) -> Iterator[Session]:
    session.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER)
    session.close()  # one session at a time holds the store
    opened = open_session(store_path, PASSPHRASE, user="Morgan Minutes", clock=fixed_clock)
    yield opened
    opened.close()


def test_a_minute_taker_is_refused_in_one_line_and_nothing_changes(
    qtbot: QtBot, minute_taker: Session, clock: FakeClock
) -> None:
    panel, stack = _panel(qtbot, minute_taker, clock)
    before = minute_taker.conferences.get(REVIEW).agenda
    said: list[str] = []
    panel.message.connect(said.append)
    _press(qtbot, panel, Key.Key_Right)
    _select_by_keyboard(qtbot, panel, 2)
    _press(qtbot, panel, Key.Key_Down, Mod.AltModifier)
    _press(qtbot, panel, Key.Key_K)
    _press(qtbot, panel, Key.Key_Delete)
    data = panel.model.mimeData([panel.model.index(0, Column.TITLE)])
    panel.model.dropMimeData(data, QtCore.Qt.DropAction.MoveAction, 5, 0, QtCore.QModelIndex())
    assert len(said) == 5
    for text in said:
        assert "Morgan Minutes" in text and "may not" in text and "\n" not in text
    assert panel.message_label.text() == said[-1]
    assert minute_taker.conferences.get(REVIEW).agenda == before
    assert panel.items == before
    assert stack.count() == 0
    assert panel.current_item() is None


# --- access and layout ---------------------------------------------------------------


def test_actions_shortcuts_names_and_tab_order(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, _stack = _panel(qtbot, session, clock)
    actions = panel.agenda_actions
    assert set(actions) == {i for i in ActionId if i.value.startswith("agenda_")}
    for action_id, action in actions.items():
        assert action in panel.actions()
        keys = [k.toString() for k in action.shortcuts()]
        assert keys == [str(k).replace("Delete", "Del") for k in SPECS[action_id].keys]
        assert action.statusTip()
    controls = [
        panel.previous_button,
        panel.next_button,
        panel.view,
        panel.current_button,
        panel.skip_button,
        panel.add_button,
        panel.remove_button,
        panel.up_button,
        panel.down_button,
    ]
    labels = [
        panel.timer_label,
        panel.over_label,
        panel.now_label,
        panel.meeting_label,
        panel.progress,
        panel.message_label,
    ]
    for widget in controls + labels:
        assert widget.accessibleName(), widget
    chain = [panel.previous_button]
    while len(chain) < len(controls):
        chain.append(chain[-1].nextInFocusChain())
        while chain[-1].focusPolicy() == QtCore.Qt.FocusPolicy.NoFocus or not chain[-1].isVisible():
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain == controls


def test_fits_a_narrow_column_and_screenshots(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, _stack = _panel(qtbot, session, clock)
    hint = panel.minimumSizeHint()
    assert hint.width() <= 340 and hint.height() <= 560
    _press(qtbot, panel, Key.Key_Right)
    clock.advance(minutes=4)
    _press(qtbot, panel, Key.Key_Right)
    clock.advance(minutes=6, seconds=40)
    _select_by_keyboard(qtbot, panel, 3)
    _press(qtbot, panel, Key.Key_K)
    _select_by_keyboard(qtbot, panel, 6)
    panel._tick()
    for button in (
        panel.current_button,
        panel.skip_button,
        panel.add_button,
        panel.remove_button,
        panel.up_button,
        panel.down_button,
        panel.previous_button,
        panel.next_button,
    ):
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), button
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.resize(340, 600)
    qtbot.wait(10)
    assert panel.grab().save(str(SHOTS / "agenda_panel.png"))

    window = QtWidgets.QMainWindow()
    qtbot.addWidget(window)
    splitter = QtWidgets.QSplitter()
    splitter.addWidget(panel)
    minutes = QtWidgets.QPlainTextEdit("(the introductions and minutes go here)")
    splitter.addWidget(minutes)
    splitter.setSizes([340, 1026])
    window.setCentralWidget(splitter)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.grab().save(str(SHOTS / "agenda_window.png"))
    panel.setParent(None)  # the panel outlives the window: qtbot closes it after the test


def test_a_long_title_wraps_onto_a_taller_row_that_follows_the_width(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    panel, _stack = _panel(qtbot, session, clock)
    dialog = _add_dialog(qtbot, panel, 0)
    long_title = "Views of the school, the health visitor and the family support worker"
    qtbot.keyClicks(dialog.title, long_title)
    qtbot.keyClick(dialog.title, Key.Key_Return)
    view = panel.view
    short = view.rowHeight(0)
    qtbot.waitUntil(lambda: view.rowHeight(1) > short)  # two lines or more at 340 px
    at_340 = view.rowHeight(1)
    panel.resize(900, 600)
    qtbot.waitUntil(lambda: view.rowHeight(1) < at_340)  # wider: fewer lines
    panel.resize(240, 600)
    qtbot.waitUntil(lambda: view.rowHeight(1) > at_340)  # narrower: more lines
    assert view.rowHeight(0) == short


def test_a_step_over_progress_changed_elsewhere_is_refused_and_shows_theirs(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    """Issue 17: another chair skips the first item while this panel shows it pending;
    starting the meeting here is refused in one line and the panel shows theirs. An undo
    over the other chair's later step is refused too, undoing nothing."""
    panel, stack = _panel(qtbot, session, clock)
    other = Session(session.store, session.actor, session.clock)
    first, second = (item.id for item in session.conferences.get(REVIEW).agenda[:2])
    other.agenda.set_agenda_status(first, AgendaStatus.SKIPPED)
    _press(qtbot, panel, Key.Key_Right)
    assert panel.message_label.text().startswith(
        "Someone else changed the progress of “"
    ) and panel.message_label.text().endswith("nothing was saved.")
    assert _statuses(session)[:2] == [AgendaStatus.SKIPPED, AgendaStatus.PENDING]
    assert panel.items[0].status is AgendaStatus.SKIPPED  # theirs is shown
    assert not stack.canUndo()

    _press(qtbot, panel, Key.Key_Right)  # from what is shown now: the second item starts
    assert _statuses(session)[:2] == [AgendaStatus.SKIPPED, AgendaStatus.CURRENT]
    other.agenda.set_agenda_status(second, AgendaStatus.DONE)
    qtbot.keyClick(panel.view, Key.Key_Z, Mod.ControlModifier)
    assert _statuses(session)[:2] == [AgendaStatus.SKIPPED, AgendaStatus.DONE]
    assert "nothing was undone" in panel.message_label.text()


def test_a_meeting_held_before_the_clock_was_kept_says_its_time_was_not_recorded(
    qtbot: QtBot, session: Session, clock: FakeClock
) -> None:
    """The demo's concluded conference has no clock moments: not "0:00" for a meeting
    that took the afternoon."""
    panel, _stack = _panel(qtbot, session, clock, ref="CPC-2026-0001")
    assert all(item.status in (AgendaStatus.DONE, AgendaStatus.SKIPPED) for item in panel.items)
    assert panel.meeting_label.text().startswith("Meeting time not recorded (")
    assert "0:00" not in panel.meeting_label.text()
