"""Hand-over between laptops: export a conference, then preview, settle and import one.

Packages are made with the real services: the chair's demo store is "this laptop";
what came back from the minute-taker is built from this laptop's record (the copy
handed over, and the copy changed since) and sealed with the fast key cost. The
windows are driven with the mouse and keyboard; message boxes and file choosers are
replaced by recorders, and nothing is run with exec().
"""

from __future__ import annotations

import dataclasses as dc
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.domain.merge import Resolution, Side, UnitKey, merge_text
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.services.handover_package import new_package, pack
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.handover.changes_model import ADDED, CHANGED, CONFLICTS, REMOVED, ROW_ROLE
from cpc_desktop.ui.handover.conflict_panel import MergeEditor
from cpc_desktop.ui.handover.export_dialog import ExportDialog
from cpc_desktop.ui.handover.import_dialog import ImportDialog
from cpc_desktop.ui.main_window import MainWindow, all_shortcuts
from cpc_desktop.ui.output_windows import OutputWindows
from cpc_desktop.ui.settings import Preferences
from tests.ui.conftest import PASSPHRASE, fixed_clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
Alt = QtCore.Qt.KeyboardModifier.AltModifier
Left = QtCore.Qt.MouseButton.LeftButton

REF = "CPC-2026-0001"  # the demo's concluded conference, with 44 minute entries
HAND_PASS = "blue kettle on the stairs"
MERGED = "The chair welcomed everyone; all introduced themselves."

Edit = Callable[[d.ConferenceRecord], tuple[d.ConferenceRecord, d.ConferenceRecord]]


# --------------------------------------------------------------------------- helpers


class Boxes:
    """Stands in for QMessageBox: records what was said."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def warning(self, _parent: object, title: str, text: str, *_args: object) -> object:
        self.said.append((title, text))
        return QtWidgets.QMessageBox.StandardButton.Ok


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = Boxes()
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QtWidgets.QMessageBox, name, recorder.warning)
    return recorder


def _show(qtbot: QtBot, widget: QtWidgets.QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is widget)


def _click(qtbot: QtBot, button: QtWidgets.QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Left)


def _close(widget: Any) -> None:
    if widget is not None and shiboken6.isValid(widget):
        widget.close()


def _entry(record: d.ConferenceRecord, entry_id: str) -> d.MinuteEntry | None:
    return next((m for m in record.minutes if m.id == entry_id), None)


def _write_package(tmp_path: Path, base: d.ConferenceRecord, theirs: d.ConferenceRecord) -> Path:
    package = new_package(base, theirs, sender="Sandra Pell", role="minute_taker", at=fixed_clock())
    path = tmp_path / "from-sandra.cpcx"
    path.write_bytes(pack(package, HAND_PASS, cost=FAST_COST))
    return path


@dc.dataclass(frozen=True)
class Scenario:
    """What the package does to this laptop's copy of REF, by minute entry id."""

    path: Path
    mine: d.ConferenceRecord
    both_changed: str  # text changed on both laptops: settled with an edited merge
    removed_here: str  # removed on this laptop, changed in the package: keep mine
    changed: str  # changed only in the package
    removed: str  # removed only in the package
    added: str  # added in the package


def _scenario(session: Session, tmp_path: Path) -> Scenario:
    """Two conflicts, one added, one changed and one removed entry."""
    mine = session.conferences.get(REF)
    m = list(mine.minutes)
    gone_here = dc.replace(
        m[5], id=str(uuid.uuid4()), text="Sandra's note about the school nurse, later deleted."
    )
    base = list(m)
    base[0] = dc.replace(m[0], text="The chair welcomed everyone.")
    base.insert(6, gone_here)
    theirs = list(base)
    theirs[0] = dc.replace(m[0], text="The chair welcomed everyone and introductions followed.")
    theirs[1] = dc.replace(m[1], text=m[1].text + " The chair checked everyone understood.")
    theirs[6] = dc.replace(gone_here, text=gone_here.text + " Sandra added a line.")
    del theirs[2]
    added = dc.replace(m[4], id=str(uuid.uuid4()), text="The health visitor's report arrived late.")
    theirs.append(added)
    path = _write_package(
        tmp_path, dc.replace(mine, minutes=tuple(base)), dc.replace(mine, minutes=tuple(theirs))
    )
    return Scenario(path, mine, m[0].id, gone_here.id, m[1].id, m[2].id, added.id)


def _open(qtbot: QtBot, session: Session, path: Path, **hooks: Any) -> ImportDialog:
    dialog = ImportDialog(session, **hooks)
    _show(qtbot, dialog)
    dialog.set_path(path)
    qtbot.keyClicks(dialog.passphrase, HAND_PASS)
    qtbot.keyClick(dialog.passphrase, Key.Key_Return)
    assert dialog.pages.currentIndex() == 1, dialog.open_problem.text()
    return dialog


def _key(entry_id: str) -> UnitKey:
    return UnitKey("minute_entry", entry_id)


def _rows(dialog: ImportDialog, group: str) -> dict[str, Any]:
    return {row.key.id: row for row in dialog.model.rows(group)}


def _select_with_keys(qtbot: QtBot, dialog: ImportDialog, entry_id: str) -> None:
    """Move down the list with the arrow key until the entry is current."""
    dialog.tree.setFocus()
    for _ in range(40):
        row = dialog.model.data(dialog.tree.currentIndex(), ROW_ROLE)
        if row is not None and row.key.id == entry_id:
            return
        qtbot.keyClick(dialog.tree, Key.Key_Down)
    raise AssertionError(f"{entry_id} not reached")


# --------------------------------------------------------------------------- export


def test_export_refuses_mismatched_passphrases_and_writes_a_package_that_opens(
    qtbot: QtBot, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "for-sandra"  # no suffix: .cpcx is added
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), "")
    )
    dialog = ExportDialog(session, REF, cost=FAST_COST)
    _show(qtbot, dialog)
    try:
        assert dialog.path.text().endswith(f"{REF}.cpcx")  # the default name
        assert "phone" in dialog.note.text() and "same e-mail" in dialog.note.text()
        assert dialog.passphrase.echoMode() == QtWidgets.QLineEdit.EchoMode.Password
        _click(qtbot, dialog.choose_button)
        assert dialog.path.text() == str(tmp_path / "for-sandra.cpcx")

        _click(qtbot, dialog.ok)  # nothing typed
        assert "Type a passphrase" in dialog.problem_label.text()
        qtbot.keyClicks(dialog.passphrase, HAND_PASS)
        qtbot.keyClicks(dialog.repeat, HAND_PASS.upper())
        _click(qtbot, dialog.ok)
        assert "not the same" in dialog.problem_label.text()
        assert dialog.repeat.hasFocus()
        assert not (tmp_path / "for-sandra.cpcx").exists()

        dialog.repeat.selectAll()
        qtbot.keyClicks(dialog.repeat, HAND_PASS)
        dialog.show_check.click()
        assert dialog.passphrase.echoMode() == QtWidgets.QLineEdit.EchoMode.Normal
        _click(qtbot, dialog.ok)
        written = tmp_path / "for-sandra.cpcx"
        assert dialog.result_path == written and written.exists()
        assert "for-sandra.cpcx" in dialog.done_label.text()
        assert dialog.problem_label.text() == ""
        assert dialog.passphrase.text() == "" and not dialog.passphrase.isEnabled()
        package = session.handover.read(written, HAND_PASS)
        assert package.reference == REF
        assert package.current == session.conferences.get(REF)
        _click(qtbot, dialog.ok)  # now "Close"
        assert not dialog.isVisible()
    finally:
        dialog.close()


def test_export_does_not_replace_a_file_it_was_not_told_to(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    dialog = ExportDialog(session, REF, cost=FAST_COST)
    _show(qtbot, dialog)
    try:
        taken = tmp_path / f"{REF}.cpcx"
        taken.write_bytes(b"someone else's file")
        dialog.set_path(taken, confirmed=False)
        qtbot.keyClicks(dialog.passphrase, HAND_PASS)
        qtbot.keyClicks(dialog.repeat, HAND_PASS)
        qtbot.keyClick(dialog.repeat, Key.Key_Return)
        assert "already there" in dialog.problem_label.text()
        assert taken.read_bytes() == b"someone else's file"
    finally:
        dialog.close()


# --------------------------------------------------------------------------- opening


def test_a_wrong_passphrase_says_so_writes_nothing_and_can_be_typed_again(
    qtbot: QtBot,
    session: Session,
    tmp_path: Path,
    store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scenario = _scenario(session, tmp_path)
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(scenario.path), "")
    )
    dialog = ImportDialog(session)
    _show(qtbot, dialog)
    try:
        _click(qtbot, dialog.choose_button)
        assert dialog.path.text() == str(scenario.path)
        assert dialog.passphrase.hasFocus()
        qtbot.keyClicks(dialog.passphrase, "not the passphrase")
        qtbot.keyClick(dialog.passphrase, Key.Key_Return)
        problem = dialog.open_problem.text()
        assert "passphrase is wrong" in problem and "Nothing was imported" in problem
        assert "\n" not in problem and "Traceback" not in problem
        assert dialog.pages.currentIndex() == 0
        assert session.conferences.get(REF) == scenario.mine
        assert list(store_path.parent.glob("*.bak")) == []

        # A file that is not a package at all.
        foreign = tmp_path / "notes.cpcx"
        foreign.write_bytes(b"just some notes")
        dialog.set_path(foreign)
        qtbot.keyClicks(dialog.passphrase, HAND_PASS)
        _click(qtbot, dialog.open_button)
        assert dialog.open_problem.text().startswith(("This file", "The file", "This is not"))
        assert dialog.pages.currentIndex() == 0

        # Again with the right one.
        dialog.set_path(scenario.path)
        dialog.passphrase.selectAll()
        qtbot.keyClicks(dialog.passphrase, HAND_PASS)
        _click(qtbot, dialog.open_button)
        assert dialog.pages.currentIndex() == 1
        assert dialog.passphrase.text() == ""  # not kept once used
    finally:
        dialog.close()


# --------------------------------------------------------------------------- preview


def test_the_preview_lists_what_is_added_changed_removed_and_in_conflict(
    qtbot: QtBot, session: Session, tmp_path: Path, qtmodeltester: Any
) -> None:
    scenario = _scenario(session, tmp_path)
    dialog = _open(qtbot, session, scenario.path)
    try:
        qtmodeltester.check(dialog.model)
        header = dialog.header.text()
        assert header == f"{REF}: 1 added, 1 changed, 1 removed, 2 conflicts"
        assert "Sandra Pell (minute-taker)" in dialog.made.text()
        assert not dialog.blocked.isVisible()

        groups = [dialog.model.index(g, 0).data() for g in range(dialog.model.rowCount())]
        assert groups == ["Conflicts (0 of 2 settled)", "Added (1)", "Changed (1)", "Removed (1)"]
        added = _rows(dialog, ADDED)[scenario.added]
        assert added.entry.startswith("Minute entry — ")
        assert "The health visitor's report arrived late." in added.entry
        changed = _rows(dialog, CHANGED)[scenario.changed]
        assert changed.what == "Changes the text"
        removed = _rows(dialog, REMOVED)[scenario.removed]
        assert removed.entry.startswith("Removed: Minute entry — ")
        assert removed.what.startswith("Removed")
        # A removal is marked in words, with its own colour and icon.
        index = dialog.model.index_of(_key(scenario.removed))
        assert index.data(QtCore.Qt.ItemDataRole.ForegroundRole) is not None
        assert index.data(QtCore.Qt.ItemDataRole.DecorationRole) is not None
        # Minute entries name their agenda item and speaker.
        first = _entry(scenario.mine, scenario.both_changed)
        assert first is not None
        item = next(i for i in scenario.mine.agenda if i.id == first.agenda_item_id)
        speaker = next(p for p in scenario.mine.participants if p.id == first.speaker_id)
        conflict = _rows(dialog, CONFLICTS)[scenario.both_changed]
        assert item.title in conflict.entry and speaker.name in conflict.entry
        assert conflict.what == "Changed on both laptops: the text"
        choice = dialog.model.index_of(_key(scenario.both_changed)).siblingAtColumn(2)
        assert choice.data() == "Unsettled"

        # A plain change shows this laptop's text beside what the import leaves.
        dialog.select(_key(scenario.changed))
        assert dialog.panel.mine_text.isVisible() and dialog.panel.theirs_text.isVisible()
        assert not dialog.panel.base_text.isVisible()
        assert "The chair checked everyone understood." in dialog.panel.theirs_text.toPlainText()
        assert not dialog.panel.theirs_button.isVisible()
        dialog.select(_key(scenario.removed))
        assert dialog.panel.explain.text().startswith("Removed:")
        assert not dialog.import_button.isEnabled()
        assert dialog.settled_label.text().startswith("0 of 2 conflicts settled")
    finally:
        dialog.close()


def test_settling_conflicts_with_keys_and_mouse_then_import_and_undo(
    qtbot: QtBot, session: Session, tmp_path: Path, boxes: Boxes
) -> None:
    scenario = _scenario(session, tmp_path)
    restored: list[Path] = []

    def restore(backup: Path) -> None:
        restored.append(backup)
        session.restore(backup)

    dialog = _open(qtbot, session, scenario.path, restore=restore)
    try:
        assert dialog.tree.hasFocus()
        # The conflict removed here: reached with the arrow keys, Enter goes to its choices.
        _select_with_keys(qtbot, dialog, scenario.removed_here)
        panel = dialog.panel
        assert panel.conflict is not None and panel.conflict.key.id == scenario.removed_here
        assert panel.headings[0].text() == "When you handed it over"
        assert panel.headings[1].text() == "On this laptop"
        assert panel.headings[2].text() == "In the package"
        assert panel.mine_text.toPlainText() == "(Removed on this laptop.)"
        assert "Sandra added a line." in panel.theirs_text.toPlainText()
        assert not panel.edit_button.isVisible()  # no text to merge: theirs or mine
        qtbot.keyClick(dialog.tree, Key.Key_Return)
        assert panel.theirs_button.hasFocus()
        assert dialog.isVisible()  # Enter never reached a button of the dialog
        qtbot.keyClick(panel.theirs_button, Key.Key_K, Alt)  # Keep mine (an animated click)
        index = dialog.model.index_of(_key(scenario.removed_here))
        qtbot.waitUntil(lambda: index.siblingAtColumn(2).data() == "Keeping mine")
        assert "Keeping mine" in panel.choice.text()
        assert not dialog.import_button.isEnabled()
        assert dialog.settled_label.text().startswith("1 of 2 conflicts settled")

        # The text changed on both laptops: selected with the mouse, merged by hand.
        target = dialog.model.index_of(_key(scenario.both_changed))
        rect = dialog.tree.visualRect(target)
        qtbot.mouseClick(dialog.tree.viewport(), Left, pos=rect.center())
        assert panel.conflict is not None and panel.conflict.key.id == scenario.both_changed
        assert panel.base_text.toPlainText() == "The chair welcomed everyone."
        mine = _entry(scenario.mine, scenario.both_changed)
        assert mine is not None and panel.mine_text.toPlainText() == mine.text
        assert panel.theirs_text.toPlainText().endswith("introductions followed.")
        _click(qtbot, panel.edit_button)
        editor = panel.editor
        assert isinstance(editor, MergeEditor) and editor.isVisible()
        text_box = editor.editors["text"]
        expected = merge_text(
            "The chair welcomed everyone.",
            mine.text,
            "The chair welcomed everyone and introductions followed.",
        )
        assert text_box.toPlainText() == expected
        text_box.selectAll()
        qtbot.keyClick(text_box, Key.Key_Delete)
        _click(qtbot, editor.ok)  # an empty merge is refused
        assert "empty" in editor.problem.text() and editor.isVisible()
        qtbot.keyClicks(text_box, MERGED)
        _click(qtbot, editor.ok)
        assert not editor.isVisible()
        assert index.siblingAtColumn(2).data() == "Keeping mine"
        edited = dialog.model.index_of(_key(scenario.both_changed)).siblingAtColumn(2)
        assert edited.data() == "Edited"
        assert dialog.model.resolutions[panel.conflict.key].side is Side.EDITED
        assert dialog.settled_label.text() == "All 2 conflicts settled: ready to import."
        assert dialog.import_button.isEnabled()

        _click(qtbot, dialog.import_button)
        assert boxes.said == []
        assert dialog.pages.currentIndex() == 2
        result = dialog.outcome
        assert result.backup is not None and result.backup.exists()
        assert dialog.details.text().startswith(
            "1 added, 1 changed, 1 removed; 2 conflicts settled (1 kept mine, 1 edited)."
        )
        assert "backup" in dialog.details.text()
        record = session.conferences.get(REF)
        texts = {m.id: m.text for m in record.minutes}
        assert texts[scenario.both_changed] == MERGED
        assert texts[scenario.changed].endswith("The chair checked everyone understood.")
        assert texts[scenario.added] == "The health visitor's report arrived late."
        assert scenario.removed not in texts
        assert scenario.removed_here not in texts  # kept mine: it stays removed

        _click(qtbot, dialog.undo_button)
        assert restored == [result.backup]
        assert session.conferences.get(REF) == scenario.mine
        assert "undone" in dialog.done_banner.text()
        assert not dialog.undo_button.isEnabled()
    finally:
        _close(dialog.panel.editor)
        dialog.close()


def test_a_package_for_approved_minutes_is_blocked_and_says_why(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    session.minutes.approve(REF)
    scenario = _scenario(session, tmp_path)
    dialog = _open(qtbot, session, scenario.path)
    try:
        assert dialog.blocked.isVisible()
        text = dialog.blocked.text()
        assert text.startswith("This package cannot be imported:") and "approved" in text
        assert not dialog.import_button.isEnabled()
        assert "not possible" in dialog.settled_label.text()
        # The conflicts can be looked at, but there is nothing to choose.
        assert dialog.panel.conflict is not None and dialog.panel.base_text.isVisible()
        assert not dialog.panel.theirs_button.isVisible()
        assert not dialog.panel.mine_button.isVisible()
        dialog.import_()  # the slot called anyway: nothing is written
        assert dialog.pages.currentIndex() == 1
        assert session.conferences.get(REF) == scenario.mine
    finally:
        dialog.close()


def test_a_package_already_imported_has_nothing_to_do(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    scenario = _scenario(session, tmp_path)
    package = session.handover.read(scenario.path, HAND_PASS)
    plan = session.handover.preview(package).plan
    session.handover.import_package(
        package, {c.key: Resolution(Side.THEIRS) for c in plan.conflicts}
    )
    dialog = _open(qtbot, session, scenario.path)
    try:
        assert "already imported on" in dialog.header.text()
        assert "nothing to do" in dialog.header.text()
        assert not dialog.import_button.isEnabled()
        assert not dialog.tree.isVisible()
    finally:
        dialog.close()


# --------------------------------------------------------------------------- the window


def test_file_menu_hand_over_and_import_with_undo_from_the_window(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QtWidgets.QDialog] = []

    def run(_self: OutputWindows, dialog: QtWidgets.QDialog) -> None:
        qtbot.addWidget(dialog)
        opened.append(dialog)
        dialog.show()

    monkeypatch.setattr(OutputWindows, "run", run)
    window = MainWindow(session, preferences)
    _show(qtbot, window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert "Hand over a conference…" in texts and "Import a hand-over…" in texts
    assert texts.index("Import a hand-over…") < texts.index("Verify a signed PDF…")
    for action in window.handover_actions.values():
        assert action.statusTip()
    keys = dict(all_shortcuts())
    assert keys["Hand over a conference"] == "Ctrl+Shift+X"
    assert keys["Import a hand-over"] == "Ctrl+Shift+G"

    # Hand over: the conference selected on the home screen.
    window.home.table.selectRow(0)
    selected = window.home.selected_reference()
    qtbot.keyClick(window, Key.Key_X, Ctrl | Shift)
    assert isinstance(opened[-1], ExportDialog) and opened[-1].ref == selected
    opened[-1].close()
    # ... or the open one.
    window.open_conference(REF)
    qtbot.keyClick(window, Key.Key_X, Ctrl | Shift)
    assert isinstance(opened[-1], ExportDialog) and opened[-1].ref == REF
    opened[-1].close()

    # Import: the open conference page is closed before writing, and undo goes home.
    scenario = _scenario(session, tmp_path)
    qtbot.keyClick(window, Key.Key_G, Ctrl | Shift)
    dialog = opened[-1]
    assert isinstance(dialog, ImportDialog)
    dialog.set_path(scenario.path)
    qtbot.keyClicks(dialog.passphrase, HAND_PASS)
    _click(qtbot, dialog.open_button)
    for key in dialog.conflict_keys():
        dialog.select(key, CONFLICTS)
        _click(qtbot, dialog.panel.theirs_button)
    _click(qtbot, dialog.import_button)
    assert window.workspace is None and window.pages.currentWidget() is window.home
    assert _entry(session.conferences.get(REF), scenario.added) is not None
    _click(qtbot, dialog.undo_button)
    assert session.conferences.get(REF) == scenario.mine
    assert window.pages.currentWidget() is window.home
    assert window.home.model.rowCount() == 4  # the demo samples and their review
    assert boxes.said == []
    # The window works on the reopened store: search, open, lock and unlock.
    window.home.search_box.setText("climbing frame")
    window.home.run_search()
    assert window.home.results.rowCount() >= 1
    window.open_conference(REF)
    assert window.workspace is not None
    window.lock()
    window._on_unlock_requested(PASSPHRASE)
    assert not window.locked
    dialog.close()
    window.close()


def test_hand_over_with_nothing_open_or_selected_says_what_to_do(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(session, preferences)
    _show(qtbot, window)
    monkeypatch.setattr(window.home, "selected_reference", lambda: None)
    window.outputs.hand_over()
    ((title, text),) = boxes.said
    assert title == "Hand over a conference" and "select one" in text
    window.close()


def test_a_conference_this_laptop_lacks_is_added_whole(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    record = session.conferences.get(REF)
    path = _write_package(tmp_path, record, record)
    other = open_session(
        tmp_path / "laptop.db", PASSPHRASE, create=True, user="Sandra Pell", clock=fixed_clock
    )
    try:
        dialog = _open(qtbot, other, path)
        assert dialog.header.text().startswith(f"New conference: {REF} is not on this laptop")
        assert "added whole" in dialog.header.text()
        assert not dialog.tree.isVisible() and not dialog.blocked.isVisible()
        assert dialog.import_button.isEnabled()
        _click(qtbot, dialog.import_button)
        assert dialog.details.text().startswith("The conference was added whole")
        assert other.conferences.get(REF).minutes == record.minutes
        dialog.close()
    finally:
        other.close()


def test_a_minute_taker_imports_but_is_not_offered_undo(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    """Undo puts a whole older copy over the store: the chair's (issue 17, point 4)."""
    record = session.conferences.get(REF)
    path = _write_package(tmp_path, record, record)
    other = open_session(
        tmp_path / "laptop.db", PASSPHRASE, create=True, user="Sandra Pell", clock=fixed_clock
    )
    try:
        other.users.add_user("Min Taker", UserRole.MINUTE_TAKER, "min's own password")
        other.sign_in("Min Taker", "min's own password")
        dialog = _open(qtbot, other, path)
        _click(qtbot, dialog.import_button)
        assert other.conferences.get(REF).minutes == record.minutes  # imported
        assert not dialog.undo_button.isEnabled()
        assert dialog.undo_button.toolTip() == (
            "Min Taker (minute taker) may not restore the store from a backup."
        )
        dialog.close()
    finally:
        other.close()


# --------------------------------------------------------------------------- looks


def _unnamed(root: QtWidgets.QWidget) -> list[str]:
    kinds = (
        QtWidgets.QLineEdit,
        QtWidgets.QPlainTextEdit,
        QtWidgets.QAbstractItemView,
        QtWidgets.QAbstractButton,
    )
    return [
        f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r}"
        for w in root.findChildren(QtWidgets.QWidget)
        if isinstance(w, kinds)
        and w.isVisible()
        and not isinstance(w, QtWidgets.QHeaderView)
        and not w.accessibleName()
    ]


def test_every_control_is_named_and_the_windows_fit_a_laptop_screen(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    scenario = _scenario(session, tmp_path)
    export = ExportDialog(session, REF, cost=FAST_COST)
    _show(qtbot, export)
    dialog = _open(qtbot, session, scenario.path)
    try:
        dialog.select(_key(scenario.both_changed))
        _click(qtbot, dialog.panel.edit_button)
        editor = dialog.panel.editor
        assert editor is not None
        qtbot.waitExposed(editor)
        for widget in (export, dialog, editor):
            assert _unnamed(widget) == [], widget.objectName()
            hint = widget.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 740, widget.objectName()
            assert widget.width() <= 1366 and widget.height() <= 740, widget.objectName()
    finally:
        _close(dialog.panel.editor)
        dialog.close()
        export.close()
