"""The Signs of Safety tools under the analysis minutes, driven from the keyboard."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import AnalysisSection
from cpc_desktop.domain.minutes import SCALE_MAX, SCALE_MEANING, SCALE_MIN
from cpc_desktop.services.session import Session
from cpc_desktop.ui.workspace.analysis import (
    SECTION_ORDER,
    AnalysisTools,
    Column,
    parse_score,
    spread_text,
)
from tests.helpers.shots import shots

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
REF = "CPC-2026-0001"
SHOTS = shots()


def _tools(qtbot: QtBot, session: Session, size: tuple[int, int] = (980, 240)) -> AnalysisTools:
    tools = AnalysisTools(session.notes, REF)
    record = session.conferences.get(REF)
    tools.set_participants(record.participants)
    tools.set_scaling(record.scaling)
    qtbot.addWidget(tools)
    tools.resize(*size)
    tools.show()
    qtbot.waitExposed(tools)
    tools.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is tools)
    return tools


def _scores(session: Session) -> dict[str, tuple[int, str]]:
    record = session.conferences.get(REF)
    names = {p.id: p.name for p in record.participants}
    return {names[s.participant_id]: (s.score, s.note) for s in record.scaling}


def _go_to(qtbot: QtBot, tools: AnalysisTools, name: str) -> None:
    """Put the table's current cell on ``name``'s row with Home and Down."""
    table = tools.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Key.Key_Home, Ctrl)
    row = next(
        r for r in range(tools.model.rowCount()) if tools.model.value(r).participant.name == name
    )
    for _ in range(row):
        qtbot.keyClick(table, Key.Key_Down)
    assert table.currentIndex().row() == row


def _type(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the focus (the editor, once the first key opened it)."""
    for char in text:
        widget = QtWidgets.QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClicks(widget, char)


def _enter(qtbot: QtBot, tools: AnalysisTools) -> None:
    """Press Enter in the open editor; the delegate stores and closes it a moment later."""
    widget = QtWidgets.QApplication.focusWidget()
    assert isinstance(widget, QtWidgets.QLineEdit)
    qtbot.keyClick(widget, Key.Key_Return)
    qtbot.waitUntil(lambda: tools.table.state() != QtWidgets.QAbstractItemView.State.EditingState)


def _score_cell(tools: AnalysisTools, name: str) -> str:
    row = next(
        r for r in range(tools.model.rowCount()) if tools.model.value(r).participant.name == name
    )
    return str(tools.model.index(row, Column.SCORE).data())


def test_sections_by_shortcut(qtbot: QtBot, session: Session) -> None:
    tools = _tools(qtbot, session)
    chosen: list[object] = []
    tools.section_changed.connect(chosen.append)
    assert tools.section is None
    tools.table.setFocus()
    qtbot.waitUntil(tools.table.hasFocus)
    for number, section in enumerate(SECTION_ORDER, start=1):
        qtbot.keyClick(tools.table, getattr(Key, f"Key_{number}"), Ctrl | Shift)
        assert tools.section == section
    assert chosen == list(SECTION_ORDER)
    assert SECTION_ORDER[:3] == (
        AnalysisSection.HARM,
        AnalysisSection.DANGER,
        AnalysisSection.COMPLICATING_FACTORS,
    )
    assert set(SECTION_ORDER) == {*AnalysisSection, None}
    # The same section again is no change, and Ctrl+Shift+0 is "General" too.
    qtbot.keyClick(tools.table, Key.Key_3, Ctrl | Shift)
    qtbot.keyClick(tools.table, Key.Key_3, Ctrl | Shift)
    assert chosen[-1] is AnalysisSection.COMPLICATING_FACTORS and len(chosen) == 9
    assert tools.section_question.text() == "What are we worried about?"
    qtbot.keyClick(tools.table, Key.Key_0, Ctrl | Shift)
    assert tools.section is None and chosen[-1] is None
    # A pane showing an existing entry sets the section quietly.
    tools.set_section(AnalysisSection.NEXT_STEPS)
    assert tools.section is AnalysisSection.NEXT_STEPS and chosen[-1] is None
    actions = tools.section_actions()
    assert len(actions) == 8
    assert [a.shortcut().toString() for a in actions] == [f"Ctrl+Shift+{n}" for n in range(1, 9)]
    assert all(
        a.shortcutContext() == QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut for a in actions
    )


def test_sections_by_keyboard_in_the_combo(qtbot: QtBot, session: Session) -> None:
    tools = _tools(qtbot, session)
    chosen: list[object] = []
    tools.section_changed.connect(chosen.append)
    combo = tools.section_combo
    # Alt+C reaches the chooser, and Tab goes on to the table.
    qtbot.keyClick(tools, Key.Key_C, QtCore.Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Key.Key_Down)  # over the question heading to "Past harm"
    assert chosen == [AnalysisSection.HARM]
    qtbot.keyClick(combo, Key.Key_Down)
    qtbot.keyClick(combo, Key.Key_Down)
    qtbot.keyClick(combo, Key.Key_Down)  # over "What is working well?"
    assert chosen[-1] is AnalysisSection.WORKING_WELL
    assert tools.section is AnalysisSection.WORKING_WELL
    qtbot.keyClick(combo, Key.Key_End)
    assert chosen[-1] is AnalysisSection.NEXT_STEPS
    qtbot.keyClick(combo, Key.Key_Home)
    assert chosen[-1] is None and tools.section is None
    qtbot.keyClick(combo, Key.Key_Tab)
    qtbot.waitUntil(tools.table.hasFocus)


def test_scores_typed_changed_and_cleared(qtbot: QtBot, session: Session) -> None:
    tools = _tools(qtbot, session)
    changed: list[bool] = []
    tools.scaling_changed.connect(lambda: changed.append(True))
    messages: list[str] = []
    tools.message.connect(messages.append)
    assert _scores(session) == {}

    _go_to(qtbot, tools, "Amira Hussain")
    qtbot.keyClick(tools.table, Key.Key_4)  # the digit opens the score editor
    _enter(qtbot, tools)
    _go_to(qtbot, tools, "Justyna Harland")
    qtbot.keyClick(tools.table, Key.Key_1)
    _type(qtbot, "0")
    _enter(qtbot, tools)
    # Tab from the score goes on to the note.
    _go_to(qtbot, tools, "Claire Munro")
    qtbot.keyClick(tools.table, Key.Key_3)
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Tab)
    qtbot.waitUntil(lambda: tools.table.currentIndex().column() == Column.NOTE)
    _type(qtbot, "Home conditions not yet seen")
    _enter(qtbot, tools)
    assert _scores(session) == {
        "Amira Hussain": (4, ""),
        "Justyna Harland": (10, ""),
        "Claire Munro": (3, "Home conditions not yet seen"),
    }
    assert _score_cell(tools, "Justyna Harland") == "10"
    assert tools.spread.text() == "Scores given: 3 · lowest 3, highest 10"
    assert messages[-1] == "Note on Claire Munro's score saved."

    # Change one: Enter opens the editor with the score, typing replaces it; the note stays.
    _go_to(qtbot, tools, "Claire Munro")
    qtbot.keyClick(tools.table, Key.Key_Return)
    _type(qtbot, "6")
    _enter(qtbot, tools)
    assert _scores(session)["Claire Munro"] == (6, "Home conditions not yet seen")
    assert messages[-1] == "Claire Munro: 6 out of 10."

    # Clear one with Delete, and one by emptying the editor.
    _go_to(qtbot, tools, "Amira Hussain")
    qtbot.keyClick(tools.table, Key.Key_Delete)
    _go_to(qtbot, tools, "Justyna Harland")
    qtbot.keyClick(tools.table, Key.Key_F2)
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Backspace)
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Backspace)
    _enter(qtbot, tools)
    assert _scores(session) == {"Claire Munro": (6, "Home conditions not yet seen")}
    assert _score_cell(tools, "Amira Hussain") == ""
    assert tools.spread.text() == "Scores given: 1 · score 6"
    assert len(changed) == 7
    assert not tools.error.text()


@pytest.mark.parametrize("typed", ["11", "12", "-1", "x", "3.5", "7/10"])
def test_a_bad_score_is_refused_and_nothing_changes(
    qtbot: QtBot, session: Session, typed: str
) -> None:
    tools = _tools(qtbot, session)
    _go_to(qtbot, tools, "Dean Harland")
    qtbot.keyClick(tools.table, Key.Key_5)
    _enter(qtbot, tools)
    before = _scores(session)
    assert before == {"Dean Harland": (5, "")}
    messages: list[str] = []
    tools.message.connect(messages.append)
    qtbot.keyClick(tools.table, Key.Key_F2)
    editor = QtWidgets.QApplication.focusWidget()
    assert isinstance(editor, QtWidgets.QLineEdit)
    editor.selectAll()
    _type(qtbot, typed)
    _enter(qtbot, tools)
    assert _scores(session) == before
    assert _score_cell(tools, "Dean Harland") == "5"
    assert tools.error.text().startswith(f"“{typed}” is not a score")
    assert "\n" not in tools.error.text() and messages == [tools.error.text()]
    # The next good score clears the line.
    qtbot.keyClick(tools.table, Key.Key_7)
    _enter(qtbot, tools)
    assert _scores(session) == {"Dean Harland": (7, "")}
    assert tools.error.text() == ""


def test_a_note_needs_a_score_and_service_errors_show_one_line(
    qtbot: QtBot, session: Session
) -> None:
    tools = _tools(qtbot, session)
    _go_to(qtbot, tools, "Gareth Lloyd")
    qtbot.keyClick(tools.table, Key.Key_End)  # along the row to the note
    assert tools.table.currentIndex().column() == Column.NOTE
    _type(qtbot, "Unsure")
    _enter(qtbot, tools)
    assert _scores(session) == {}
    assert tools.error.text() == "Give Gareth Lloyd a score before adding a note."

    class Refusing:
        def set_scale(self, *args: object, **kwargs: object) -> None:
            raise type("Refused", (Exception,), {"message": "you may only read this store"})()

    tools.service = Refusing()
    qtbot.keyClick(tools.table, Key.Key_Left)
    qtbot.keyClick(tools.table, Key.Key_8)
    _enter(qtbot, tools)
    assert tools.error.text() == "You may only read this store"
    assert _score_cell(tools, "Gareth Lloyd") == "" and _scores(session) == {}


def test_a_score_given_elsewhere_meanwhile_is_shown_not_overwritten(
    qtbot: QtBot, session: Session
) -> None:
    tools = _tools(qtbot, session)
    claire = next(p for p in session.conferences.get(REF).participants if p.name == "Claire Munro")
    other = Session(session.store, session.actor, session.clock)
    other.notes.set_scale(REF, claire.id, 5, expected={"score": None, "note": ""})
    _go_to(qtbot, tools, "Claire Munro")
    qtbot.keyClick(tools.table, Key.Key_3)
    _enter(qtbot, tools)
    assert _scores(session) == {"Claire Munro": (5, "")}
    assert _score_cell(tools, "Claire Munro") == "5"  # theirs is shown
    assert tools.error.text() == (
        "Someone else changed Claire Munro's safety score to “5” while you were editing; "
        "nothing was saved. The table now shows theirs."
    )
    # Typed again, deliberately, it replaces theirs.
    qtbot.keyClick(tools.table, Key.Key_3)
    _enter(qtbot, tools)
    assert _scores(session) == {"Claire Munro": (3, "")}
    assert not tools.error.text()


def test_letters_jump_to_a_name_and_existing_scores_load(qtbot: QtBot, session: Session) -> None:
    record = session.conferences.get(REF)
    kerry = next(p for p in record.participants if p.name == "Kerry Walsh")
    session.notes.set_scale(REF, kerry.id, 2, "Mother's mental health")
    tools = _tools(qtbot, session)
    assert _score_cell(tools, "Kerry Walsh") == "2"
    assert tools.spread.text() == "Scores given: 1 · score 2"
    _go_to(qtbot, tools, "Amira Hussain")
    qtbot.keyClick(tools.table, Key.Key_K)
    current = tools.table.currentIndex()
    assert tools.model.value(current.row()).participant.name == "Kerry Walsh"
    assert current.column() == Column.NAME  # the search keeps the column
    # The minute-taker and the interpreter give no score, so they are not listed.
    names = {v.participant.name for v in tools.model.values()}
    assert "Sandra Pell" not in names and "Ewa Zielinska" not in names
    assert "Justyna Harland" in names and "Demo Chair" in names


def test_model_meaning_and_layout(qtbot: QtBot, session: Session, qtmodeltester) -> None:
    tools = _tools(qtbot, session, (980, 260))
    record = session.conferences.get(REF)
    first = next(p for p in record.participants if p.name == "Amira Hussain")
    session.notes.set_scale(REF, first.id, 3, "Worried about the evenings")
    tools.set_scaling(session.conferences.get(REF).scaling)
    qtmodeltester.check(tools.model)
    texts = [label.text() for label in tools.anchor_labels]
    assert texts == [SCALE_MEANING[SCALE_MIN], SCALE_MEANING[SCALE_MAX]]
    for label in tools.anchor_labels:
        assert label.isVisible() and label.textFormat() == QtCore.Qt.TextFormat.PlainText
    hint = tools.minimumSizeHint()
    assert hint.width() <= 980 and hint.height() <= 240
    for widget in tools.findChildren(QtWidgets.QWidget):
        named = isinstance(widget, QtWidgets.QComboBox | QtWidgets.QTableView | QtWidgets.QLabel)
        if named and widget.isVisibleTo(tools) and widget.parent() is not tools.table:
            assert widget.accessibleName(), widget
    assert tools.section_combo.accessibleName() and tools.table.accessibleName()
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(20)  # let the layout catch up with the new spread text
    assert tools.grab().save(str(SHOTS / "analysis.png"))
    # A section chosen and a refused score: the problem has room for its whole line.
    tools.table.setFocus()
    qtbot.keyClick(tools.table, Key.Key_5, Ctrl | Shift)
    _go_to(qtbot, tools, "DC Neil Brannigan")
    qtbot.keyClick(tools.table, Key.Key_1)
    _type(qtbot, "1")
    _enter(qtbot, tools)
    qtbot.wait(20)
    assert tools.error.isVisible()
    assert tools.error.width() >= tools.error.sizeHint().width()
    assert tools.section_question.text() == "What needs to happen?"
    assert tools.grab().save(str(SHOTS / "analysis_refused.png"))


def test_parse_and_spread() -> None:
    assert parse_score(" 7 ") == 7 and parse_score("") is None and parse_score("10") == 10
    for bad in ("11", "-1", "x", "٣", "1.0"):
        with pytest.raises(ValueError):
            parse_score(bad)
    assert spread_text([]) == "No scores given yet."
    assert spread_text([4, 7, 3, 5]) == "Scores given: 4 · lowest 3, highest 7"
    assert spread_text([5, 5]) == "Scores given: 2 · everyone 5"
