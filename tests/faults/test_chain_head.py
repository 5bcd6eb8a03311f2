"""The audit chain's head sealed outside the store (issue 17): what a clean replay misses.

Each case is made for real: committed writes left in the ``-wal`` by a process killed
with SIGKILL (no checkpoint), then the ``-wal`` deleted, a byte of it flipped or its end
cut off; the newest audit events deleted with the rows they made (with the key, through
sqlcipher, as someone holding the passphrase could); a trigger dropped; the store
replaced by an older copy of itself (``cp``); and the store re-keyed with
``PRAGMA rekey``. Every one must be named, in its own words, when the store opens (it
opens read-only) and by ``check`` (exit 1, one line). The legitimate replacements,
restoring a backup through CPC Desktop (``handover undo``), a schema migration and the
first open on a machine with no seal, must still open cleanly.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher
from alembic import command

from cpc_desktop.data import audit, migrate, seal
from cpc_desktop.data.errors import StoreDamaged
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.schema import KNOWN_REVISIONS
from cpc_desktop.data.store import open_store
from cpc_desktop.services.session import open_session
from tests.faults.support import (
    PASSPHRASE,
    ROOT,
    Outcome,
    assert_refused,
    child_env,
    run_cli,
    run_cli_process,
    snapshot,
)

#: A date as the messages print it: "6 December 2026 at 07:40 UTC".
WHEN = r"\d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d UTC"
RESTORE = "restore the latest backup"
WAL_FRAME = 24 + 4096  # a -wal frame: its header and one page


def missing(n: int) -> str:
    events = f"1 audit event saved up to {WHEN} is"
    if n != 1:
        events = f"{n} audit events saved up to {WHEN} are"
    return (
        events + r" missing from demo\.db: it is an older copy, or its -wal was lost or cut "
        r"short after a crash; " + RESTORE
    )


REKEYED = (
    r"demo\.db was re-keyed outside CPC Desktop after " + WHEN + r" \(its key is not the "
    r"one it was sealed with\); " + RESTORE
)
REWRITTEN = (
    r"the audit log of demo\.db was rewritten outside CPC Desktop: event (\d+) is not the "
    r"one sealed on " + WHEN + "; " + RESTORE
)
ALTERED_SEAL = (
    r"the seal of demo\.db kept on this machine \(.*\.seal\) is damaged or was altered; if "
    r"'check' finds nothing else wrong, move that file away to seal the store afresh"
)


def lost_trigger(name: str) -> str:
    return (
        rf"demo\.db has lost its safeguard trigger {name} \(removed outside CPC Desktop, so "
        r"its audit log or issued minutes could be changed unseen\); " + RESTORE
    )


FRESH = (
    "demo.db had no sealed record of its audit log on this machine; one was made now, "
    "and later opens and checks compare the store with it"
)

#: Adds ``N`` users (each an audit event with the row it made), then SIGKILLs itself:
#: the commits stay in the -wal, never checkpointed into the store.
WRITER = """
import os, signal, sys
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.session import open_session
session = open_session(sys.argv[1], sys.argv[2], user="Alex Chair")
for n in range(int(sys.argv[3])):
    session.users.add_user(f"Clerk {n}", UserRole.READ_ONLY, "a long enough sign-in secret")
print("committed", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def write_and_kill(store: Path, n: int) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WRITER, str(store), PASSPHRASE, str(n)],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout == "committed\n", done.stderr
    assert done.returncode == -9
    wal = store.with_name(store.name + "-wal")
    assert wal.stat().st_size >= n * WAL_FRAME, "the commits are not in the -wal"


def add_users(store: Path, n: int, first: int = 0, passphrase: str = PASSPHRASE) -> None:
    """``n`` users added through the services, the store closed cleanly afterwards."""
    from cpc_desktop.domain.enums import UserRole

    with open_session(store, passphrase, user="Alex Chair") as session:
        for i in range(first, first + n):
            session.users.add_user(f"Clerk {i}", UserRole.READ_ONLY, "a long enough secret")


def damage_at_open(store: Path, passphrase: str = PASSPHRASE) -> str | None:
    opened = open_store(store, StoreKey.from_passphrase(passphrase))
    try:
        return opened.damage
    finally:
        opened.close()


def raw(store: Path, passphrase: str = PASSPHRASE) -> sqlcipher.Connection:
    """The store opened with its key outside CPC Desktop (as someone with it could)."""
    con = sqlcipher.connect(str(store), isolation_level=None)
    con.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return con


def assert_detected(
    capsys: pytest.CaptureFixture[str], store: Path, message: str, passphrase: str = PASSPHRASE
) -> None:
    """Named at open (read-only), by ``list`` on stderr, and by ``check`` (exit 1)."""
    found = damage_at_open(store, passphrase)
    assert found is not None and re.fullmatch(message, found), found
    before = snapshot(store.parent)
    outcome = run_cli(capsys, ["check", "--db", str(store)])
    assert_refused(outcome, r"\S*demo\.db failed its check: " + message)
    listed = run_cli(capsys, ["list", "--db", str(store)])
    assert listed.code == 0, listed.err
    assert re.fullmatch(
        "cpc-desktop: " + message + r" \(opened read-only: nothing will be saved\)\n", listed.err
    ), listed.err
    assert "CPC-2026-0001" in listed.out
    assert snapshot(store.parent) == before, "a refused store was written to"


# --- the -wal ----------------------------------------------------------------------------


def test_a_lost_wal_after_a_crash_is_named(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_and_kill(demo, 3)
    for sidecar in ("-wal", "-shm"):
        demo.with_name(demo.name + sidecar).unlink()
    assert_detected(capsys, demo, missing(3))


def test_a_flipped_byte_in_the_wal_is_named(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_and_kill(demo, 3)
    wal = demo.with_name(demo.name + "-wal")
    data = bytearray(wal.read_bytes())
    data[len(data) - WAL_FRAME // 2] ^= 0x40  # inside the last commit's page
    wal.write_bytes(bytes(data))
    assert damage_at_open(demo) is not None
    assert_detected(capsys, demo, missing(1))


def test_a_wal_cut_short_is_named(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_and_kill(demo, 3)
    wal = demo.with_name(demo.name + "-wal")
    with wal.open("r+b") as handle:
        handle.truncate(wal.stat().st_size - 100)
    assert_detected(capsys, demo, missing(1))


def test_the_wal_intact_after_a_crash_opens_cleanly(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The control: the same crash with the -wal left alone loses nothing."""
    write_and_kill(demo, 3)
    assert damage_at_open(demo) is None
    outcome = run_cli(capsys, ["check", "--db", str(demo)])
    assert outcome.code == 0, outcome.err
    assert "is sound" in outcome.out and FRESH not in outcome.out
    assert outcome.err == ""


# --- the chain inside the file -----------------------------------------------------------


def test_the_newest_events_deleted_with_their_rows_are_named(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_users(demo, 3)
    con = raw(demo)
    try:
        (last,) = con.execute("SELECT max(seq) FROM audit_event").fetchone()
        con.execute("DROP TRIGGER audit_event_no_delete")
        con.execute("DELETE FROM app_user WHERE name LIKE 'Clerk %'")
        con.execute("DELETE FROM audit_event WHERE seq > ?", (last - 3,))
        con.execute(
            "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
    finally:
        con.close()
    assert_detected(capsys, demo, missing(3))


def test_the_newest_event_rewritten_is_named(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The newest event replaced by another that chains correctly: the replay passes."""
    from sqlalchemy.orm import Session

    from cpc_desktop.data.models import AuditEvent

    add_users(demo, 1)
    engine = sa.create_engine("sqlite://", module=sqlcipher, creator=lambda: raw(demo))
    try:
        with Session(engine) as session, session.begin():
            last = session.scalars(sa.select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
            assert last is not None and last.action == "manage_users"
            session.execute(sa.text("DROP TRIGGER audit_event_no_delete"))
            session.execute(sa.text("DELETE FROM app_user WHERE name = 'Clerk 0'"))
            session.delete(last)
            session.flush()
            forged = AuditEvent(
                **{k: getattr(last, k) for k in audit._event_body(last)} | {"rows": "[]"}
            )
            forged.hash = audit.event_hash(forged.prev_hash, audit._event_body(forged))
            session.add(forged)
            session.execute(
                sa.text(
                    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
                    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
                )
            )
        with Session(engine) as session:
            assert audit.verify(session).sound  # the replay alone finds nothing wrong
    finally:
        engine.dispose()
    assert_detected(capsys, demo, REWRITTEN)


def test_a_dropped_trigger_is_named(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    con = raw(demo)
    try:
        con.execute("DROP TRIGGER minutes_version_issued_update")
    finally:
        con.close()
    assert_detected(capsys, demo, lost_trigger("minutes_version_issued_update"))


# --- the whole file ------------------------------------------------------------------------


def test_an_older_copy_put_in_place_is_named(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_users(demo, 1)
    older = tmp_path / "older.db"
    shutil.copy(demo, older)
    add_users(demo, 2, first=1)
    shutil.copy(older, demo)  # `cp older.db demo.db`, outside CPC Desktop
    assert_detected(capsys, demo, missing(2))


def test_a_store_rekeyed_outside_the_app_is_named(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_users(demo, 1)
    con = raw(demo)
    try:
        con.execute("PRAGMA rekey = 'another passphrase entirely'")
    finally:
        con.close()
    monkeypatch.setenv("CPC_PASSPHRASE", "another passphrase entirely")
    assert_detected(capsys, demo, REKEYED, passphrase="another passphrase entirely")


def test_an_altered_seal_is_named(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_users(demo, 2)
    sealed = seal.seal_file(demo)
    record = json.loads(sealed.read_bytes())
    record["count"] -= 1  # moved back to hide the newest event: the HMAC no longer holds
    sealed.write_text(json.dumps(record))
    assert_detected(capsys, demo, ALTERED_SEAL)


def test_the_detection_holds_in_a_child_process(demo: Path) -> None:
    """The command as a user runs it: a separate process, its exit status and its line."""
    write_and_kill(demo, 2)
    for sidecar in ("-wal", "-shm"):
        demo.with_name(demo.name + sidecar).unlink()
    outcome: Outcome = run_cli_process(["check", "--db", str(demo)], child_env(), demo.parent)
    assert_refused(outcome, r"\S*demo\.db failed its check: " + missing(2))


# --- what must still open cleanly -----------------------------------------------------------


def test_a_store_new_to_this_machine_is_sealed_with_a_note(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not seal.seal_file(demo).exists()
    first = run_cli(capsys, ["check", "--db", str(demo)])
    assert first.code == 0, first.err
    assert first.out.splitlines()[1:] == [FRESH]
    assert seal.seal_file(demo).exists()
    again = run_cli(capsys, ["check", "--db", str(demo)])
    assert again.code == 0 and again.out.count("\n") == 1, again


def test_restoring_a_backup_through_the_app_opens_cleanly(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``handover undo`` puts an older copy back on purpose: it must not then be refused."""
    from datetime import UTC, datetime

    from cpc_desktop.data.backups import backup_store

    with open_session(demo, PASSPHRASE, user="Alex Chair") as session:
        backup = backup_store(session.store, "import", datetime.now(UTC))
    add_users(demo, 2)
    outcome = run_cli(capsys, ["handover", "undo", str(backup), "--db", str(demo)])
    assert outcome.code == 0, outcome.err
    assert outcome.err == ""
    assert damage_at_open(demo) is None
    checked = run_cli(capsys, ["check", "--db", str(demo)])
    assert checked.code == 0 and checked.out.count("\n") == 1, checked


def test_a_migrated_store_opens_cleanly(demo: Path) -> None:
    """A store one schema behind is backed up and upgraded in place: still sealed, sound."""
    add_users(demo, 1)
    store = open_store(demo, StoreKey.from_passphrase(PASSPHRASE))
    try:
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), KNOWN_REVISIONS[-2])
    finally:
        store.close()
    reopened = open_store(demo, StoreKey.from_passphrase(PASSPHRASE))
    try:
        assert reopened.damage is None
        assert reopened.seal_note is None
        with reopened.engine.connect() as conn:
            version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            conn.rollback()
        assert version == KNOWN_REVISIONS[-1]
    finally:
        reopened.close()
    assert list(demo.parent.glob("demo.db.before-*.bak")), "no backup before the migration"


def test_a_refused_store_is_not_migrated(demo: Path) -> None:
    """An older schema *and* a lost chain: refused outright, nothing upgraded or written."""
    add_users(demo, 1)
    older = demo.with_name("older.db")
    shutil.copy(demo, older)
    add_users(demo, 1, first=1)
    store = open_store(older, StoreKey.from_passphrase(PASSPHRASE))
    try:
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), KNOWN_REVISIONS[-2])
    finally:
        store.close()
    shutil.copy(older, demo)
    before = snapshot(demo.parent)
    with pytest.raises(StoreDamaged) as refused:
        open_store(demo, StoreKey.from_passphrase(PASSPHRASE))
    assert re.fullmatch(missing(1), str(refused.value)), str(refused.value)
    assert snapshot(demo.parent) == before
