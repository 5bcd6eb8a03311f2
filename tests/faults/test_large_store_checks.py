"""Large stores: every page is checked before anything is written (issue 17, point 7).

The stores here are real files above the 16 MiB the application checks at unlock (the
demo store and 17 MiB of padding in a table CPC Desktop never reads), so the rule is
proved on the size that used to slip through, not on a lowered threshold.

- The command line checks every page of any store before its first write: a damaged
  page that the command would never read is refused, every file of the folder unchanged.
- The application opens such a store at once, its writes held: reading works, a change is
  refused in one line ("still checking … N % done") with nothing written, the audit events
  of the reads are appended once the check passes, and then writing works; typed minutes
  stay in their pane and are saved after the check. Damage found turns it read-only.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data import errors, integrity, probe
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.models import AuditEvent
from cpc_desktop.data.page_check import PageCheck
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from tests.faults.support import (
    MAIN,
    PAGE,
    PASSPHRASE,
    REVIEW,
    assert_refused,
    fixed_clock,
    run_cli,
    snapshot,
)

pytestmark = pytest.mark.sqlite_only

PADDING_MIB = 17
DAMAGED = r"demo\.db is damaged \(page \d+ fails its check\); restore it from a backup"
RETRY_WAIT_MS = 8000  # a pane tries a failed save again every 3 s


@pytest.fixture(scope="module")
def large_template(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Path:
    """The demo store grown past the old limit by a table CPC Desktop never reads."""
    path = tmp_path_factory.mktemp("large") / "demo.db"
    shutil.copy(demo_template, path)
    con = sqlcipher.connect(str(path))
    con.execute("PRAGMA key = " + StoreKey.from_passphrase(PASSPHRASE).sql_literal())
    con.execute("CREATE TABLE padding (x)")
    for _ in range(PADDING_MIB):
        con.execute("INSERT INTO padding VALUES (randomblob(1048576))")
    con.commit()
    con.close()
    assert path.stat().st_size > probe.VERIFY_AT_OPEN_BYTES
    return path


@pytest.fixture
def large(tmp_path: Path, large_template: Path) -> Path:
    folder = tmp_path / "store"
    folder.mkdir()
    shutil.copy(large_template, folder / "demo.db")
    return folder / "demo.db"


def _damage_a_padding_page(path: Path) -> None:
    """Flip one byte in the middle of the file: a padding page nothing ever reads."""
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as handle:
        handle.seek((pages // 2) * PAGE + 99)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0x01]))


def _argv(command: str, store: Path, out: Path, document: Path) -> list[str]:
    db = ["--db", str(store)]
    return {
        "list": ["list", *db],
        "list-json": ["list", "--json", *db],
        "check": ["check", *db],
        "export-json": ["export-json", MAIN, *db, "--out", str(out / "doc.json")],
        "import": ["import", str(document), *db],
        "minutes": ["minutes", MAIN, *db, "--out", str(out / "minutes.pdf")],
        "letters": ["letters", MAIN, *db, "--out-dir", str(out)],
        "handover-export": ["handover", "export", MAIN, *db, "--out", str(out / "h.cpcx")],
        "release-list": ["release", "list", MAIN, *db],
    }[command]


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Path:
    """A conference document to import (the demo's, under a new reference)."""
    import json

    folder = tmp_path_factory.mktemp("document")
    shutil.copy(demo_template, folder / "demo.db")
    with open_session(folder / "demo.db", PASSPHRASE, clock=fixed_clock) as session:
        from cpc_desktop.services.document import render_document

        text = render_document(session.conferences.export_record(MAIN))
    data = json.loads(text)
    data["conference"]["reference"] = "CPC-2026-0999"
    path = folder / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


COMMANDS = (
    "list",
    "list-json",
    "check",
    "export-json",
    "import",
    "minutes",
    "letters",
    "handover-export",
    "release-list",
)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_large_store_with_a_damaged_page_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    large: Path,
    document: Path,
    command: str,
) -> None:
    monkeypatch.setenv("CPC_HANDOVER_PASSPHRASE", "hand-over words for this test")
    _damage_a_padding_page(large)
    out = large.parent.parent / "out"
    out.mkdir()
    before = snapshot(large.parent)
    outcome = run_cli(capsys, _argv(command, large, out, document))
    assert_refused(outcome, DAMAGED)
    assert snapshot(large.parent) == before, "the store's folder changed"
    assert not any(out.iterdir()), "an output file was written"


def test_the_same_large_store_undamaged_is_listed(
    capsys: pytest.CaptureFixture[str], large: Path
) -> None:
    """The control: the refusal above is the damage, not the size or the padding."""
    outcome = run_cli(capsys, ["list", "--db", str(large)])
    assert outcome.code == 0, outcome.err
    assert MAIN in outcome.out


# --- the application --------------------------------------------------------------------


class HeldCheck:
    """Makes the background page check wait until :meth:`release` (then it really runs)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.started = threading.Event()
        real = PageCheck.run
        held = self

        def run(check: PageCheck) -> str | None:
            held.started.set()
            held.gate.wait(60)
            return real(check)

        monkeypatch.setattr(PageCheck, "run", run)

    def release(self) -> None:
        self.gate.set()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldCheck]:
    check = HeldCheck(monkeypatch)
    yield check
    check.release()  # never leave a check thread waiting


def _events(session: Session) -> int:
    with session.store.reading() as s:
        return int(s.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar_one())


def _wait_checked(session: Session) -> None:
    assert session.page_watch is not None
    session.page_watch.thread.join(30)
    assert not session.page_watch.thread.is_alive()


def test_the_application_opens_a_large_store_at_once_and_writes_nothing_until_checked(
    large: Path, held: HeldCheck
) -> None:
    session = open_session(large, PASSPHRASE, clock=fixed_clock, check_later=True)
    try:
        assert session.store.checking and session.page_watch is not None
        assert held.started.wait(10)
        events = _events(session)
        store_bytes = large.read_bytes()
        # Reading works; its audit events are held back, not written.
        assert any(s.reference == MAIN for s in session.schedule.summaries())
        record = session.conferences.get(REVIEW)
        # A change is refused in one line, and nothing is written.
        with pytest.raises(errors.StoreChecking) as refused:
            session.entries.add_entry(REVIEW, record.agenda[0].id, "typed while checking")
        assert refused.value.message.startswith(
            "nothing was saved yet: CPC Desktop is still checking demo.db for damage ("
        )
        assert refused.value.message.endswith("% done); try again in a moment")
        assert large.read_bytes() == store_bytes
        assert _events(session) == events
        assert session.entries.entries(REVIEW) == ()

        held.release()
        _wait_checked(session)
        assert not session.store.checking and session.store.damage is None
        session.entries.add_entry(REVIEW, record.agenda[0].id, "typed after the check")
        assert [e.text for e in session.entries.entries(REVIEW)] == ["typed after the check"]
        # The list, the conference and its entries read while checking (held back, then
        # written first), the refused add (nothing), the add and the read after it.
        with session.store.reading() as s:
            actions = list(
                s.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.seq).offset(events))
            )
        assert actions == ["list", "view", "view", "write_minutes", "view"]
        report = integrity.check(session.store)
        assert report.sound, report.problems
        assert report.audit_events == events + len(actions)
    finally:
        session.close()


def test_reads_made_while_checking_are_recorded_when_the_store_closes(
    large: Path, held: HeldCheck
) -> None:
    session = open_session(large, PASSPHRASE, clock=fixed_clock, check_later=True)
    events = _events(session)
    session.conferences.get(MAIN)
    held.release()  # the check ends while nothing else happens; closing writes the read
    session.close()
    with open_session(large, PASSPHRASE, clock=fixed_clock) as again:
        with again.store.reading() as s:
            last = s.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.seq)).all()
        assert len(last) == events + 1 and last[-1] == "view"


def test_the_application_turns_a_damaged_large_store_read_only_and_writes_nothing(
    large: Path,
) -> None:
    _damage_a_padding_page(large)
    with pytest.raises(errors.StoreDamaged):
        open_session(large, PASSPHRASE)  # as the command line opens it
    before = large.read_bytes()
    session = open_session(large, PASSPHRASE, clock=fixed_clock, check_later=True)
    try:
        session.conferences.get(MAIN)  # read while checking: its event is held back
        _wait_checked(session)
        assert session.store.damage is not None
        assert session.store.damage.startswith("demo.db is damaged (page ")
        record = session.conferences.get(REVIEW)
        with pytest.raises(errors.StoreDamaged, match="nothing was saved"):
            session.entries.add_entry(REVIEW, record.agenda[0].id, "lost?")
    finally:
        session.close()
    assert large.read_bytes() == before


def _window(qtbot: QtBot, session: Session, tmp_path: Path) -> MainWindow:
    preferences = Preferences(
        QtCore.QSettings(str(tmp_path / "prefs.ini"), QtCore.QSettings.Format.IniFormat)
    )
    preferences.check_unfinished = False  # the closing check: tests/ui/test_closing_check.py
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_minutes_typed_while_the_store_is_checked_are_saved_once_it_passes(
    qtbot: QtBot, large: Path, held: HeldCheck, tmp_path: Path
) -> None:
    session = open_session(large, PASSPHRASE, clock=fixed_clock, check_later=True)
    try:
        window = _window(qtbot, session, tmp_path)
        state = window.store_state
        assert state.checking.isVisible()
        assert state.checking.text().startswith("Checking the store for damage")
        window.open_conference(REVIEW)
        window.workspace.show_minutes()
        qtbot.waitUntil(lambda: window.workspace.minutes.current_pane() is not None)
        pane = window.workspace.minutes.current_pane()
        window.activateWindow()
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
        pane.editor.setFocus()
        qtbot.keyClicks(pane.editor, "Said while checking")
        qtbot.waitUntil(lambda: pane.guard.notice.isVisible(), timeout=3000)
        assert "still checking demo.db for damage" in pane.guard.text.text()
        assert pane.editor.toPlainText() == "Said while checking"
        assert session.entries.entries(REVIEW) == ()

        held.release()
        qtbot.waitUntil(lambda: not state.checking.isVisible(), timeout=10_000)
        assert not window.read_only.isVisible() and window.damage_box is None
        qtbot.waitUntil(
            lambda: [e.text for e in session.entries.entries(REVIEW)] == ["Said while checking"],
            timeout=RETRY_WAIT_MS,
        )
        qtbot.waitUntil(lambda: not pane.guard.notice.isVisible(), timeout=2000)
        assert window.workspace.flush()
        window.close()
    finally:
        session.close()


def test_a_first_password_chosen_while_checking_is_refused_plainly_then_taken(
    qtbot: QtBot, large: Path, held: HeldCheck
) -> None:
    from cpc_desktop.ui.sign_in import sign_in_to
    from tests.ui.test_roll_call import _activate

    session = open_session(large, PASSPHRASE, clock=fixed_clock, check_later=True)
    try:
        dialog = sign_in_to(session)
        qtbot.addWidget(dialog)
        dialog.show()
        _activate(qtbot, dialog)
        for _ in range(2):  # the chair has no password yet: choosing one is a write
            for box in (dialog.password, dialog.again):
                box.setFocus()
                qtbot.keyClicks(box, "chair-secret-1")
            qtbot.keyClick(dialog.again, QtCore.Qt.Key.Key_Return)
            if session.store.checking:
                assert dialog.isVisible()
                assert dialog.error.text().startswith(
                    "Nothing was saved yet: CPC Desktop is still checking demo.db for damage"
                )
                assert not session.users.has_password("Alex Chair")
                held.release()
                _wait_checked(session)
        assert not dialog.isVisible()
        assert session.users.has_password("Alex Chair")
    finally:
        session.close()
