"""Role refusals in the command line and the application (issue 17, point 4).

A read-only user and a minute-taker, each signed in with their own password, are
refused what their role may not do: on the command line with exit status 1 and one
line naming the person, their role and the action, before anything is asked or
written; in the application the command is greyed out with that line as its tip, and
its keys do nothing. Either way the store holds exactly what it held, plus one
``denied`` audit event for a refused command. The chair, as ever, may.

Who may do what is the one table in ``cpc_desktop/services/roles.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data.backups import backup_store
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.document import render_document
from cpc_desktop.services.roles import ACTION_WORDS, Action, Actor, refusal
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.actions import ActionId, declared_actions
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.output.minutes_window import MinutesWindow
from cpc_desktop.ui.permissions import NEEDS
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace import save_guard
from tests.faults.support import MAIN, PASSPHRASE, REVIEW, assert_refused, fixed_clock, run_cli

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
CHAIR = Actor("Alex Chair", UserRole.CHAIR)  # the demo store's creator: no password yet


@dataclass(frozen=True)
class User:
    actor: Actor
    password: str

    @property
    def shown(self) -> str:
        """As a refusal names them: "Sam Reed \\(read only\\)" (a regular expression)."""
        return f"{self.actor.name} \\({self.actor.role.value.replace('_', ' ')}\\)"


READER = User(Actor("Sam Reed", UserRole.READ_ONLY), "sam's own password")
TAKER = User(Actor("Morgan Minutes", UserRole.MINUTE_TAKER), "morgan's own password")


@pytest.fixture
def store(demo: Path) -> Path:
    """The demo store with a read-only user and a minute-taker added by its chair."""
    with open_session(demo, PASSPHRASE, clock=fixed_clock) as session:
        for user in (READER, TAKER):
            session.users.add_user(user.actor.name, user.actor.role, user.password)
    return demo


def _content(store: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the audit log, and the audit log's events apart."""
    with (
        open_session(store, PASSPHRASE, clock=fixed_clock) as session,
        session.store.engine.connect() as conn,
    ):
        tables = [
            r[0]
            for r in conn.exec_driver_sql(
                "select name from sqlite_master where type = 'table' order by name"
            )
        ]
        found = {
            table: sorted(conn.exec_driver_sql(f'select * from "{table}"').fetchall(), key=repr)
            for table in tables
            if table != "audit_event"
        }
        found["audit_event"] = conn.exec_driver_sql(
            "select actor, role, action, outcome from audit_event order by seq"
        ).fetchall()
    return found


def _as(monkeypatch: pytest.MonkeyPatch, user: User) -> None:
    monkeypatch.setenv("CPC_USER", user.actor.name)
    monkeypatch.setenv("CPC_USER_SECRET", user.password)


# --- the command line -----------------------------------------------------------------------


def _commands(store: Path, folder: Path) -> dict[str, tuple[list[str], Action]]:
    """Each administrative or writing command, and the action it needs."""
    document = folder.parent / "review.json"  # read, not written: kept out of folder
    with open_session(store, PASSPHRASE, clock=fixed_clock) as session:
        document.write_text(render_document(session.conferences.get(REVIEW)), encoding="utf-8")
        backup = backup_store(session.store, "before-import", fixed_clock())
    db = ["--db", str(store)]
    return {
        "user add": (["user", "add", "Pat New", "--role", "chair", *db], Action.MANAGE_USERS),
        "handover undo": (["handover", "undo", str(backup), *db], Action.RESTORE),
        "letters (issue, sign)": (
            ["letters", MAIN, "--out-dir", str(folder), *db],
            Action.ISSUE_DOCUMENTS,
        ),
        "minutes": (["minutes", MAIN, "--out", str(folder / "m.pdf"), *db], Action.EXPORT),
        "export-json": (
            ["export-json", MAIN, "--out", str(folder / "m.json"), *db],
            Action.EXPORT,
        ),
        "import": (["import", str(document), *db], Action.IMPORT),
        "handover export": (
            ["handover", "export", MAIN, "--out", str(folder / "m.cpcx"), *db],
            Action.HANDOVER,
        ),
    }


_REFUSED = [
    (command, user)
    for command in (
        "user add",
        "handover undo",
        "letters (issue, sign)",
        "minutes",
        "export-json",
        "import",
        "handover export",  # a minute-taker may exchange hand-over packages
    )
    for user in (READER, TAKER)
    if not (command == "handover export" and user is TAKER)
]


@pytest.mark.parametrize(
    ("command", "user"),
    _REFUSED,
    ids=[f"{command}-{user.actor.role.value}" for command, user in _REFUSED],
)
def test_the_command_line_refuses_what_the_role_may_not_do(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    store: Path,
    user: User,
    command: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    argv, needs = _commands(store, folder)[command]
    before = _content(store)
    _as(monkeypatch, user)
    # No new password is offered (none in the environment, no terminal): a refusal that
    # came after asking for one would say so instead.
    outcome = run_cli(capsys, argv)
    assert_refused(outcome, f"{user.shown} may not {ACTION_WORDS[needs]}")
    after = _content(store)
    denied = (user.actor.name, user.actor.role.value, needs.value, "denied")
    signed_in = (user.actor.name, user.actor.role.value, "sign_in", "ok")
    assert after.pop("audit_event") == [*before.pop("audit_event"), signed_in, denied]
    assert after == before  # not a row changed
    assert sorted(p.name for p in folder.iterdir()) == []  # nothing written


def test_the_chair_may_add_a_user_and_undo_a_hand_over(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    store: Path,
) -> None:
    commands = _commands(store, tmp_path)
    monkeypatch.setenv("CPC_USER_NEW_SECRET", "pat's first password")
    added = run_cli(capsys, commands["user add"][0])
    assert added.code == 0, added.err
    assert "added Pat New (chair)" in added.out
    undone = run_cli(capsys, commands["handover undo"][0])
    assert undone.code == 0, undone.err
    with open_session(store, PASSPHRASE, clock=fixed_clock) as session:
        names = {u.name for u in session.users.users()}
    assert "Pat New" not in names  # the backup was made before Pat was added
    assert {READER.actor.name, TAKER.actor.name} <= names


def test_the_minute_taker_may_not_undo_the_import_they_made(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    store: Path,
) -> None:
    """Undoing puts a whole old copy over the store, erasing later audit events: chairs only."""
    commands = _commands(store, tmp_path)
    _as(monkeypatch, TAKER)
    refused = run_cli(capsys, commands["handover undo"][0])
    assert_refused(refused, f"{TAKER.shown} may not restore the store from a backup")


# --- the application ------------------------------------------------------------------------


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    prefs = Preferences(
        QtCore.QSettings(str(tmp_path / "prefs.ini"), QtCore.QSettings.Format.IniFormat)
    )
    prefs.check_unfinished = False  # the closing check: tests/ui/test_closing_check.py
    return prefs


@pytest.fixture
def signed_in(store: Path, request: pytest.FixtureRequest) -> Iterator[Session]:
    user: User | None = request.param
    session = open_session(store, PASSPHRASE, clock=fixed_clock)
    if user is not None:
        session.sign_in(user.actor.name, user.password)  # as the sign-in dialog does
    yield session
    session.close()


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    return window


def _tip(user: User, action: Action) -> str:
    return refusal(user.actor, action) + "."


@pytest.mark.parametrize("signed_in", [READER], indirect=True, ids=["read-only"])
def test_a_read_only_user_is_offered_nothing_that_changes_the_store(
    qtbot: QtBot,
    signed_in: Session,
    preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = signed_in
    # Were typing accepted (and refused by the store), leaving would ask: never wait on it.
    monkeypatch.setattr(save_guard, "ask_unsaved", lambda *_: save_guard.Choice.KEEP_TRYING)
    window = _window(qtbot, session, preferences)
    try:
        assert window.signed_in.text() == "Signed in: Sam Reed (read only)"
        refused = {
            ActionId.NEW_CONFERENCE: Action.CREATE_CONFERENCE,
            ActionId.HAND_OVER: Action.HANDOVER,
            ActionId.IMPORT_HANDOVER: Action.HANDOVER,
            ActionId.SIGNING_CERTIFICATE: Action.ISSUE_DOCUMENTS,
            ActionId.CREATE_CERTIFICATE: Action.ISSUE_DOCUMENTS,
        }
        for command, action in refused.items():
            shown = window.window_actions[command]
            assert not shown.isEnabled(), command
            assert shown.toolTip() == _tip(READER, action)
        assert window.window_actions[ActionId.VERIFY_PDF].isEnabled()  # looking is fine
        conferences = len(session.schedule.summaries())
        qtbot.keyClick(window, Key.Key_N, Ctrl)  # New conference: its keys do nothing
        assert window.findChild(QtWidgets.QDialog) is None
        assert not window.home.new_button.isEnabled()  # nor the home screen's button
        assert window.home.new_button.toolTip() == _tip(READER, Action.CREATE_CONFERENCE)
        window.home.new_requested.emit()  # asked for anyway: nothing opens
        assert window.findChild(QtWidgets.QDialog) is None
        assert len(session.schedule.summaries()) == conferences
        # Locking and unlocking turns the window's commands back on, but not these.
        qtbot.keyClick(window, Key.Key_L, Ctrl)
        qtbot.keyClicks(window.lock_page.passphrase, PASSPHRASE)
        qtbot.keyClick(window.lock_page.passphrase, Key.Key_Return)
        assert not window.locked
        assert not any(window.window_actions[c].isEnabled() for c in refused)

        window.open_conference(MAIN)
        page = window.workspace
        actions = declared_actions(page)
        for command in (ActionId.DECISION_WIZARD, ActionId.AGENDA_NEXT, ActionId.AGENDA_ADD):
            assert not actions[command].isEnabled(), command
            assert actions[command].toolTip() == _tip(READER, NEEDS[command])
        assert not page.agenda.next_button.isEnabled()
        qtbot.keyClick(window, Key.Key_E, Ctrl | Shift)  # the decision wizard: nothing
        assert window.findChild(QtWidgets.QDialog) is None
        page.show_minutes()
        pane = page.minutes.current_pane()
        assert pane is not None
        assert pane.frozen_banner.isVisible() and pane.editor.isReadOnly()
        assert "signed in as Sam Reed (read only)" in pane.frozen_banner.text()
        entries = session.entries.entries(MAIN)
        qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
        qtbot.keyClicks(pane.editor, "not mine to write")
        assert session.entries.entries(MAIN) == entries
        page.show_introductions()
        assert not page.roll_call.quick.isEnabled()
        present = declared_actions(page.roll_call)[ActionId.ROLL_CALL_PRESENT]
        page.roll_call.table.selectRow(0)
        assert not present.isEnabled()
        assert present.toolTip() == _tip(READER, Action.RECORD_ATTENDANCE)
    finally:
        window.close()


@pytest.mark.parametrize("signed_in", [READER, TAKER], indirect=True, ids=lambda u: u.actor.name)
def test_only_the_chair_is_offered_approve_issue_correct_and_export(
    qtbot: QtBot, signed_in: Session, preferences: Preferences
) -> None:
    session = signed_in
    user = READER if session.actor == READER.actor else TAKER
    dialog = MinutesWindow(session, MAIN, preferences)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.approve_button.isEnabled()
    assert not dialog.issue_button.isEnabled()
    assert not dialog.export_button.isEnabled()
    assert dialog.export_button.toolTip() == _tip(user, Action.EXPORT)
    assert dialog.reopen_button.toolTip() == _tip(user, Action.APPROVE_MINUTES)
    assert dialog.issue_button.toolTip() == _tip(user, Action.ISSUE_DOCUMENTS)
    assert dialog.preview_full_button.isEnabled()  # looking is fine
    dialog.close()


@pytest.mark.parametrize("signed_in", [None], indirect=True, ids=["chair"])
def test_the_chair_is_offered_everything(
    qtbot: QtBot, signed_in: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, signed_in, preferences)
    try:
        assert all(a.isEnabled() for c, a in window.window_actions.items() if c in NEEDS)
        window.open_conference(MAIN)
        page = window.workspace
        assert declared_actions(page)[ActionId.DECISION_WIZARD].isEnabled()
        page.show_minutes()
        pane = page.minutes.current_pane()
        assert pane is not None and not pane.editor.isReadOnly()
        assert not pane.frozen_banner.isVisible()
    finally:
        window.close()
    dialog = MinutesWindow(signed_in, MAIN, preferences)
    qtbot.addWidget(dialog)
    assert dialog.approve_button.isEnabled()  # the demo's first conference can be approved
    assert dialog.approve_button.toolTip() == ""
    dialog.close()


@pytest.mark.parametrize("signed_in", [TAKER], indirect=True, ids=["minute-taker"])
def test_a_minute_taker_writes_minutes_and_takes_the_roll_but_does_not_run_the_meeting(
    qtbot: QtBot, signed_in: Session, preferences: Preferences
) -> None:
    session = signed_in
    window = _window(qtbot, session, preferences)
    try:
        assert not window.window_actions[ActionId.NEW_CONFERENCE].isEnabled()
        assert window.window_actions[ActionId.HAND_OVER].isEnabled()
        assert window.window_actions[ActionId.IMPORT_HANDOVER].isEnabled()
        window.open_conference(MAIN)
        page = window.workspace
        actions = declared_actions(page)
        assert not actions[ActionId.DECISION_WIZARD].isEnabled()
        assert not actions[ActionId.AGENDA_NEXT].isEnabled()
        assert actions[ActionId.AGENDA_NEXT].toolTip() == _tip(TAKER, Action.MANAGE_AGENDA)
        page.show_minutes()
        pane = page.minutes.current_pane()
        assert pane is not None and not pane.editor.isReadOnly()
        assert pane.not_obtained.isReadOnly()  # part of the agenda item: the chair's
        before = len(session.entries.entries(MAIN))
        pane.editor.setFocus()
        qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
        qtbot.keyClicks(pane.editor, "Minuted by the minute-taker")
        assert pane.flush()
        assert len(session.entries.entries(MAIN)) == before + 1
        page.show_introductions()
        assert page.roll_call.quick.isEnabled()
    finally:
        window.close()
