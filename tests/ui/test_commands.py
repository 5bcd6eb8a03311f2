"""Every shortcut and menu entry comes from one declaration (ui/actions.py).

The window is built and a conference opened as a chair would, with every pane made
(introductions, each agenda item's minutes, the Signs of Safety analysis) and every
window the main window opens (outputs and their PDF preview, hand-over, signing, the
decision wizard, help); then every QAction and QShortcut reachable is checked against
the declarations, the menus against the declared places, and the help page against
the declared keys. A few declared keys are pressed to show they do what they say.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import AnalysisSection, UserRole
from cpc_desktop.services.roles import PERMISSIONS
from cpc_desktop.services.session import Session
from cpc_desktop.ui.action_help import key_clashes
from cpc_desktop.ui.actions import (
    SPECS,
    ActionId,
    Menu,
    Scope,
    command_of,
    make_action,
)
from cpc_desktop.ui.decision import wizard as wizard_module
from cpc_desktop.ui.decision.wizard import DecisionWizard
from cpc_desktop.ui.help_dialog import HelpDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.output.pdf_preview import PdfPreviewDialog
from cpc_desktop.ui.output_windows import OutputWindows
from cpc_desktop.ui.permissions import NEEDS
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace.analysis import SECTION_COMMANDS, SECTION_LABELS, SECTION_ORDER
from cpc_desktop.ui.workspace.page import INTRODUCTIONS, MINUTES

REF = "CPC-2026-0001"  # demo: concluded, so every output window has something to show
NATIVE = QtGui.QKeySequence.SequenceFormat.NativeText
_KEEP = QtGui.QTextCursor.MoveMode.KeepAnchor


# --------------------------------------------------------------------------- the windows


@dataclasses.dataclass
class Opened:
    """The windows the main window opened (shown, not run modally)."""

    dialogs: list[QtWidgets.QDialog] = dataclasses.field(default_factory=list)

    def last(self, kind: type) -> Any:
        found = [d for d in self.dialogs if isinstance(d, kind)]
        assert found, kind
        return found[-1]


@pytest.fixture
def opened(qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[Opened]:
    record = Opened()

    def show(dialog: QtWidgets.QDialog) -> None:
        qtbot.addWidget(dialog)
        record.dialogs.append(dialog)
        dialog.show()

    def run(_outputs: OutputWindows, dialog: QtWidgets.QDialog) -> None:
        show(dialog)

    def help_exec(dialog: HelpDialog) -> int:
        show(dialog)
        return 0

    def decide(parent: QtWidgets.QWidget | None, session: Any, ref: str) -> int:
        show(DecisionWizard(session, ref, parent))
        return int(QtWidgets.QDialog.DialogCode.Rejected)

    monkeypatch.setattr(OutputWindows, "run", run)
    monkeypatch.setattr(HelpDialog, "exec", help_exec)
    monkeypatch.setattr(wizard_module, "open_decision_wizard", decide)
    # Every profile shipped today leaves Signs of Safety off: turn it on, so that the
    # analysis item's pane has its tools (and their section commands).
    profile = session.rules.profile

    def with_signs_of_safety(profile_id: str) -> Any:
        return dataclasses.replace(profile(profile_id), signs_of_safety=True)

    monkeypatch.setattr(session.rules, "profile", with_signs_of_safety)
    yield record
    for dialog in record.dialogs:
        if shiboken6.isValid(dialog):
            dialog.close()


def _activate(qtbot: QtBot, widget: QtWidgets.QWidget) -> None:
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is widget)


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    _activate(qtbot, window)
    return window


def _press(qtbot: QtBot, widget: QtWidgets.QWidget, action_id: ActionId) -> None:
    """Press the command's first declared key (read from the declaration, not typed here)."""
    combination = SPECS[action_id].sequences()[0][0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def _open_everything(
    qtbot: QtBot, window: MainWindow, opened: Opened
) -> tuple[list[QtWidgets.QWidget], Any]:
    """Open the conference with every pane made, and every window it leads to."""
    window.open_conference(REF)
    page = window.workspace
    assert page is not None
    page.show_introductions()  # the roll call is made when first shown
    for item in page.record.agenda:
        assert page.minutes.pane(item.id) is not None
    assert any(p.analysis is not None for p in page.minutes.panes.values())
    for action_id in (
        ActionId.MINUTES_APPROVAL,
        ActionId.OUTCOME_LETTERS,
        ActionId.DISTRIBUTION,
        ActionId.HAND_OVER,
        ActionId.IMPORT_HANDOVER,
        ActionId.DECISION_WIZARD,
        ActionId.HELP,
    ):
        _activate(qtbot, window)
        _press(qtbot, window, action_id)
    assert len(opened.dialogs) == 7
    for action_id in (ActionId.VERIFY_PDF, ActionId.SIGNING_CERTIFICATE):
        window.window_actions[action_id].trigger()
    from cpc_desktop.ui.output.minutes_window import MinutesWindow

    minutes = opened.last(MinutesWindow)
    minutes.preview_full_button.click()
    preview = minutes.preview_dialog
    assert isinstance(preview, PdfPreviewDialog)
    return [window, *opened.dialogs, preview], page


# --------------------------------------------------------------------------- the checks


def _reachable(
    roots: list[QtWidgets.QWidget],
) -> tuple[list[QtGui.QAction], list[QtGui.QShortcut]]:
    actions: dict[int, QtGui.QAction] = {}
    shortcuts: dict[int, QtGui.QShortcut] = {}
    for root in roots:
        widgets = [root, *root.findChildren(QtWidgets.QWidget)]
        for action in root.findChildren(QtGui.QAction):
            actions[id(action)] = action
        for widget in widgets:
            for action in widget.actions():
                actions[id(action)] = action
            if isinstance(widget, QtWidgets.QMenu):
                for action in widget.actions():
                    actions[id(action)] = action
        for shortcut in root.findChildren(QtGui.QShortcut):
            shortcuts[id(shortcut)] = shortcut
    return list(actions.values()), list(shortcuts.values())


def _undeclared(actions: list[QtGui.QAction], shortcuts: list[QtGui.QShortcut]) -> list[str]:
    """What has a key or a menu place but does not match a declaration."""
    problems: list[str] = []
    for action in actions:
        owners = action.associatedObjects()
        if any(isinstance(o, QtWidgets.QMenuBar) for o in owners):  # a menu's title
            if action.text() not in {m.value for m in Menu}:
                problems.append(f"menu {action.text()!r} is not declared")
            continue
        menus = [o for o in owners if isinstance(o, QtWidgets.QMenu)]
        if action.isSeparator() or not (action.shortcuts() or menus):
            continue
        action_id = command_of(action)
        if action_id is None:
            problems.append(f"{action.text()!r} {action.shortcut().toString()} not declared")
            continue
        spec = SPECS[action_id]
        if action.objectName() != action_id.value:
            problems.append(f"{action_id}: object name {action.objectName()!r}")
        if action.shortcuts() != spec.sequences():
            problems.append(f"{action_id}: keys {[k.toString() for k in action.shortcuts()]}")
        if not action.text().startswith(spec.text):  # Undo and Redo add what they undo
            problems.append(f"{action_id}: text {action.text()!r}")
        wide = action.shortcutContext() == QtCore.Qt.ShortcutContext.WindowShortcut
        if wide != spec.scope.window_wide:
            problems.append(f"{action_id}: shortcut context {action.shortcutContext()}")
        for menu in menus:
            if spec.menu is None or menu.title() != spec.menu.value:
                problems.append(f"{action_id}: in menu {menu.title()!r}, declared {spec.menu}")
    # make_action makes only QActions: a QShortcut with a key was made by hand.
    problems.extend(
        f"QShortcut {s.key().toString()} not declared" for s in shortcuts if not s.key().isEmpty()
    )
    return problems


def _declared_layout(place: Menu) -> list[str]:
    layout: list[str] = []
    section = None
    for action_id, spec in SPECS.items():
        if spec.menu is not place:
            continue
        if section is not None and spec.section != section:
            layout.append("----")
        section = spec.section
        layout.append(action_id.value)
    return layout


def _layout(menu: QtWidgets.QMenu) -> list[str]:
    return [
        "----" if a.isSeparator() else str(getattr(command_of(a), "value", a.text()))
        for a in menu.actions()
    ]


def test_every_shortcut_and_menu_entry_comes_from_a_declaration(
    qtbot: QtBot, session: Session, preferences: Preferences, opened: Opened
) -> None:
    window = _window(qtbot, session, preferences)
    roots, page = _open_everything(qtbot, window, opened)
    actions, shortcuts = _reachable(roots)
    assert _undeclared(actions, shortcuts) == []

    # Every declared command is made somewhere in what was opened.
    assert {command_of(a) for a in actions} - {None} == set(ActionId)

    # The menu bar and each menu are exactly the declared menus, in the declared order.
    bar = window.menuBar()
    assert [a.text() for a in bar.actions()] == [m.value for m in Menu]
    for action in bar.actions():
        place = Menu(action.text())
        assert _layout(action.menu()) == _declared_layout(place), place

    # Two commands whose scopes can be active at once never share a key in one window
    # (one command made on several panes is fine: each minutes pane makes its own).
    for root in roots:
        live: dict[str, set[ActionId]] = {}
        for action in actions:
            action_id = command_of(action)
            owners = [o for o in action.associatedObjects() if isinstance(o, QtWidgets.QWidget)]
            if action_id is None or not any(o.window() is root for o in owners):
                continue
            for key in action.shortcuts():
                live.setdefault(key.toString(), set()).add(action_id)
        for key, ids in live.items():
            for first, second in itertools.combinations(sorted(ids), 2):
                one, other = SPECS[first].scope, SPECS[second].scope
                assert one not in other.enclosing() and other not in one.enclosing(), (
                    key,
                    first,
                    second,
                )

    # Back home, the Conference menu goes with the conference.
    window.show_home()
    assert [a.text() for a in bar.actions()] == [m.value for m in Menu if m is not Menu.CONFERENCE]
    assert page is not None


def test_no_two_commands_active_together_share_a_key() -> None:
    assert key_clashes() == []
    # ... and the check would see one.
    clash = dataclasses.replace(SPECS[ActionId.ENTRY_DELETE], keys=("Ctrl+Shift+H",))
    assert key_clashes([(ActionId.HOME, SPECS[ActionId.HOME]), (ActionId.ENTRY_DELETE, clash)])
    in_other_window = dataclasses.replace(clash, scope=Scope.PDF_PREVIEW)
    assert not key_clashes(
        [(ActionId.HOME, SPECS[ActionId.HOME]), (ActionId.ENTRY_DELETE, in_other_window)]
    )


def test_declarations_are_complete() -> None:
    assert set(SPECS) == set(ActionId)
    for action_id, spec in SPECS.items():
        assert spec.text and spec.tip, action_id
        assert spec.keys or spec.menu is not None, f"{action_id}: neither keys nor menu"
        assert all(not k.isEmpty() for k in spec.sequences()), action_id
        # What a command needs comes from the services' one table; the chair may do all.
        assert action_id not in NEEDS or NEEDS[action_id] in PERMISSIONS[UserRole.CHAIR]
    # The analysis sections: one command each, in the order of the map, named alike.
    assert list(SECTION_COMMANDS) == list(SECTION_ORDER)
    for number, section in enumerate(SECTION_ORDER, start=1):
        spec = SPECS[SECTION_COMMANDS[section]]
        assert spec.keys[0] == f"Ctrl+Shift+{number}"
        assert spec.text == f"Analysis section: {SECTION_LABELS[section]}"


def test_the_factory_marks_what_it_makes(qtbot: QtBot) -> None:
    owner = QtWidgets.QWidget()
    qtbot.addWidget(owner)
    hit: list[bool] = []
    action = make_action(ActionId.AGENDA_NEXT, owner, lambda: hit.append(True))
    assert action.parent() is owner and action in owner.actions()
    assert command_of(action) is ActionId.AGENDA_NEXT
    assert action.objectName() == "agenda_next"
    assert [k.toString() for k in action.shortcuts()] == ["Ctrl+PgDown", "Ctrl+Shift+Right"]
    assert action.toolTip().endswith("(Ctrl+PgDown or Ctrl+Shift+Right)")
    action.trigger()
    assert hit == [True]
    assert command_of(QtGui.QAction("Made by hand", owner)) is None


def _help_rows(dialog: HelpDialog) -> list[tuple[str, ...]]:
    """The rows of every table on the help page, as shown."""
    browser = dialog.findChild(QtWidgets.QTextBrowser, "helpText")
    rows: list[tuple[str, ...]] = []
    for frame in browser.document().rootFrame().childFrames():
        if not isinstance(frame, QtGui.QTextTable):
            continue
        for row in range(frame.rows()):
            cells = []
            for column in range(frame.columns()):
                cell = frame.cellAt(row, column)
                cursor = cell.firstCursorPosition()
                cursor.setPosition(cell.lastCursorPosition().position(), _KEEP)
                cells.append(cursor.selectedText())
            rows.append(tuple(cells))
    return rows


def test_help_lists_exactly_the_declared_shortcuts(
    qtbot: QtBot, session: Session, preferences: Preferences, opened: Opened
) -> None:
    window = _window(qtbot, session, preferences)
    _press(qtbot, window, ActionId.HELP)
    dialog = opened.last(HelpDialog)
    declared = [
        (spec.name, " or ".join(k.toString(NATIVE) for k in spec.sequences()), spec.tip)
        for spec in SPECS.values()
        if spec.keys
    ]
    rows = _help_rows(dialog)
    assert sorted(rows) == sorted(declared)
    assert len(rows) == len(set(rows))
    text = dialog.findChild(QtWidgets.QTextBrowser, "helpText").toPlainText()
    for scope in {spec.scope for spec in SPECS.values() if spec.keys}:
        assert scope.value in text  # one heading a scope


def test_declared_keys_do_what_they_say(
    qtbot: QtBot, session: Session, preferences: Preferences, opened: Opened
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference(REF)
    page = window.workspace
    _press(qtbot, window, ActionId.SHOW_INTRODUCTIONS)
    assert page.tabs.currentIndex() == INTRODUCTIONS
    _press(qtbot, window, ActionId.SHOW_MINUTES)
    assert page.tabs.currentIndex() == MINUTES
    # The analysis item's minutes: a section key picks the section.
    analysis = next(i for i in page.record.agenda if i.key == "analysis")
    page.agenda.select_item(analysis.id)
    pane = page.minutes.current_pane()
    assert pane is not None and pane.analysis is not None
    pane.editor.setFocus()
    qtbot.waitUntil(pane.editor.hasFocus)
    _press(qtbot, pane.editor, ActionId.SECTION_DANGER)
    assert pane.analysis.section is AnalysisSection.DANGER
    _press(qtbot, pane.editor, ActionId.SECTION_GENERAL)
    assert pane.analysis.section is None
    # The wizard and the output windows, from the window.
    _press(qtbot, window, ActionId.DECISION_WIZARD)
    assert isinstance(opened.dialogs[-1], DecisionWizard)
    opened.dialogs[-1].close()
    _activate(qtbot, window)
    _press(qtbot, window, ActionId.MINUTES_APPROVAL)
    minutes = opened.dialogs[-1]
    assert minutes.ref == REF
    # The preview's page keys.
    minutes.preview_full_button.click()
    preview = minutes.preview_dialog
    qtbot.waitUntil(preview.is_whole, timeout=60_000)  # typeset in another process
    _activate(qtbot, preview)
    assert preview.page_count() > 1
    _press(qtbot, preview, ActionId.PREVIEW_LAST_PAGE)
    qtbot.waitUntil(lambda: preview.current_page() == preview.page_count() - 1)
    _press(qtbot, preview, ActionId.PREVIEW_FIRST_PAGE)
    qtbot.waitUntil(lambda: preview.current_page() == 0)
    preview.close()
    minutes.close()
    # Lock: the window's own key.
    _activate(qtbot, window)
    _press(qtbot, window, ActionId.LOCK)
    assert window.locked
