"""The corrupt-file corpus (security.md B4) through the real command line.

Every case is a store file (or what stands in its place) that must be refused by
``list``, ``check`` and ``export-json`` alike with:

* its own message (the whole stderr line is matched, not just "error"),
* exit status 1, exactly one line on stderr, nothing on stdout, no traceback,
* every byte, name and permission in the store's folder as it was, and no export file.

Each case runs in-process (``cpc_desktop.cli.main``). To catch a hard crash (a signal
from the SQLCipher C code would kill pytest itself in-process), the same cases run as
``python -m cpc_desktop`` child processes: every case and command with
``CPC_FAULTS=full``, a few representative ones in the reduced run.

What ``tests/unit/data/test_store.py`` and ``tests/e2e/test_cli.py`` check for some of
these cases (an exception type, a few words of the message) is here the complete
corpus, with the whole message and a snapshot that also sees permissions and
sub-folders.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import open_store
from tests.faults.support import (
    FULL,
    MAIN,
    PAGE,
    PASSPHRASE,
    ROOT,
    Outcome,
    assert_refused,
    child_env,
    full_only,
    run_cli,
    run_cli_process,
    snapshot,
)

NAME = "demo.db"
WRONG_OR_DAMAGED = (
    r"cannot open demo\.db: the passphrase is wrong, or the file is damaged or not a CPC "
    r"Desktop store"
)
#: A check of every page at opening may name the page in brackets (see README, bug 1).
DAMAGED = r"demo\.db is damaged( \([^()]*\))?; restore it from a backup"
#: A -wal beside the store that is not its own must be named in the message (bug: see README).
FOREIGN_WAL = r"cannot open demo\.db: .*demo\.db-wal.*"
IN_USE = r"demo\.db is already open in another CPC Desktop window or command; close it there first"
COMMANDS = ("list", "check", "export-json")
UNREAD_PAGE = 6  # a page of the demo store that neither `list` nor `export-json` reads
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# --- making the damage ------------------------------------------------------------------------


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x55
    path.write_bytes(bytes(data))


def _truncate(path: Path, size: int) -> None:
    data = path.read_bytes()
    assert size < len(data)
    path.write_bytes(data[:size])


def _plain_sqlite(path: Path) -> None:
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE conference (id TEXT PRIMARY KEY, reference TEXT)")
    con.execute("INSERT INTO conference VALUES ('x', 'CPC-2026-0001')")
    con.commit()
    con.close()


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(16 * PAGE))


def _keyed(path: Path) -> sqlcipher.Connection:
    con = sqlcipher.connect(str(path), isolation_level=None)
    con.execute("PRAGMA key = " + StoreKey.from_passphrase(PASSPHRASE).sql_literal())
    return con


def _newer_schema(path: Path) -> None:
    con = _keyed(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()


def _foreign_sqlcipher(path: Path) -> None:
    """Another program's SQLCipher database, keyed with the same passphrase."""
    path.unlink()
    con = _keyed(path)
    con.execute("CREATE TABLE notes (x)")
    con.execute("INSERT INTO notes VALUES ('hello')")
    con.close()


def _foreign_wal(path: Path) -> None:
    """A -wal left by a crashed session of another store (same passphrase, its own salt).

    This is how a store is met after it was put back from a copy while the old
    session's -wal stayed beside it (or a sync tool brought only one of the two).
    """
    other = path.with_name("other.db")
    con = _keyed(other)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("CREATE TABLE notes (x)")
    con.executemany("INSERT INTO notes VALUES (?)", [("n" * 500,)] * 20)
    wal = other.with_name(other.name + "-wal").read_bytes()  # committed frames, as after kill -9
    con.close()
    for leftover in other.parent.glob("other.db*"):
        leftover.unlink()
    assert wal
    path.with_name(path.name + "-wal").write_bytes(wal)


def _read_only(path: Path) -> None:
    path.chmod(0o444)


def _read_only_folder(path: Path) -> None:
    path.parent.chmod(0o555)


def _unreadable(path: Path) -> None:
    path.chmod(0o000)


def _directory(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _missing(path: Path) -> None:
    path.unlink()


# --- holding the store open elsewhere -------------------------------------------------------


@contextmanager
def _same_process(path: Path) -> Iterator[None]:
    """Another Store object in this process (a second window) has it open."""
    with open_store(path, StoreKey.from_passphrase(PASSPHRASE)):
        yield


HOLDER = """
import sys
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import open_store
key = StoreKey.from_passphrase(sys.argv[1])
store = None
for line in sys.stdin:
    if line.startswith("open "):
        store = open_store(line[5:].rstrip("\\n"), key)
        print("opened", flush=True)
    elif line.strip() == "close" and store is not None:
        store.close()
        store = None
        print("closed", flush=True)
"""


class Holder:
    """Another CPC Desktop process, started once, that opens and closes stores on request."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None

    def _ask(self, line: str, answer: str) -> None:
        if self.process is None:
            self.process = subprocess.Popen(
                [sys.executable, "-c", HOLDER, PASSPHRASE],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env=child_env(),
            )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == answer

    @contextmanager
    def holding(self, path: Path) -> Iterator[None]:
        self._ask(f"open {path}", "opened")
        try:
            yield
        finally:
            self._ask("close", "closed")

    def stop(self) -> None:
        if self.process is not None:
            with self.process:
                assert self.process.stdin is not None
                self.process.stdin.close()
                self.process.wait(60)
            assert self.process.returncode == 0


HOLDER_PROCESS = Holder()


@pytest.fixture(scope="module", autouse=True)
def _stop_the_holder() -> Iterator[None]:
    yield
    HOLDER_PROCESS.stop()


def _other_process(path: Path) -> AbstractContextManager[None]:
    """Another CPC Desktop process has it open."""
    return HOLDER_PROCESS.holding(path)


OTHER_PROGRAM = """
import sys
import sqlcipher3.dbapi2 as sqlcipher
con = sqlcipher.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA key = " + sys.argv[2])
con.execute("BEGIN IMMEDIATE")
con.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("locked", flush=True)
sys.stdin.read()
con.execute("ROLLBACK")
con.close()
"""


@contextmanager
def _other_program(path: Path) -> Iterator[None]:
    """Some other program (no CPC Desktop lock) holds SQLite's write lock.

    It must be another process: the snapshot this test takes reads the ``-shm`` file,
    and closing any descriptor of a file drops every POSIX lock this process holds on it.
    """
    literal = StoreKey.from_passphrase(PASSPHRASE).sql_literal()
    with subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM, str(path), literal],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    ) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        try:
            assert holder.stdout.readline().strip() == "locked"
            yield
        finally:
            holder.stdin.close()
            holder.wait(60)
    assert holder.returncode == 0


# --- the corpus -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], object] | None  # damages the copy of the demo store
    message: str | dict[str, str]  # the stderr line after "cpc-desktop: "; per command
    holder: Callable[[Path], AbstractContextManager[None]] | None = None
    marks: tuple[pytest.MarkDecorator, ...] = field(default=())

    def expected(self, command: str, store: Path) -> str:
        text = self.message if isinstance(self.message, str) else self.message[command]
        if "{last}" in text:
            text = text.replace("{last}", str(store.stat().st_size // PAGE))
        return text.replace("{path}", re.escape(str(store)))


CASES: dict[str, Case] = {
    "empty-file": Case(
        lambda p: p.write_bytes(b""), r"demo\.db is empty: it is not a CPC Desktop store"
    ),
    "random-bytes": Case(_random_bytes, WRONG_OR_DAMAGED),
    "plain-sqlite": Case(
        _plain_sqlite, r"demo\.db is an unencrypted SQLite file, not a CPC Desktop store"
    ),
    "truncated-at-page-boundary": Case(lambda p: _truncate(p, 10 * PAGE), DAMAGED),
    "truncated-mid-page": Case(lambda p: _truncate(p, 10 * PAGE + 1234), DAMAGED),
    "flipped-byte-page-1": Case(lambda p: _flip(p, 64), WRONG_OR_DAMAGED),
    # A later page that `list` and `export-json` never read: they must still refuse it
    # rather than write their audit event into a damaged file (bug: see README).
    "flipped-byte-unread-page": Case(
        lambda p: _flip(p, (UNREAD_PAGE - 1) * PAGE + 99),
        {
            "list": DAMAGED,
            "export-json": DAMAGED,
            "check": rf"({{path}} failed its check: page check: HMAC verification failed "
            rf"for page {UNREAD_PAGE}|{DAMAGED})",
        },
    ),
    "flipped-byte-last-page": Case(
        lambda p: _flip(p, p.stat().st_size - 99),
        {
            "list": DAMAGED,
            "export-json": DAMAGED,
            "check": r"({path} failed its check: page check: HMAC verification failed "
            rf"for page {{last}}|{DAMAGED})",
        },
    ),
    "foreign-wal-beside-store": Case(_foreign_wal, FOREIGN_WAL),
    "read-only-file": Case(_read_only, r"demo\.db is read-only; CPC Desktop needs to write to it"),
    "read-only-folder": Case(
        _read_only_folder,
        r"demo\.db is read-only; CPC Desktop needs to write to it",
        marks=(pytest.mark.skipif(IS_ROOT, reason="root may write in any folder"),),
    ),
    "unreadable-file": Case(
        _unreadable,
        r"demo\.db cannot be read \(check its permissions\)",
        marks=(pytest.mark.skipif(IS_ROOT, reason="root may read any file"),),
    ),
    "directory-in-its-place": Case(_directory, r"{path} is a folder, not a store file"),
    "missing": Case(_missing, r"no store at {path} \(use 'demo' or 'import' to create one\)"),
    "newer-schema": Case(
        _newer_schema,
        r"demo\.db was written by a newer version of CPC Desktop \(schema 9999\); install "
        r"the newer version to open it",
    ),
    "foreign-sqlcipher-database": Case(_foreign_sqlcipher, r"demo\.db is not a CPC Desktop store"),
    "second-instance-same-process": Case(None, IN_USE, holder=_same_process),
    "second-instance-other-process": Case(None, IN_USE, holder=_other_process),
    "locked-by-another-program": Case(
        None,
        r"demo\.db is in use by another program; close it there first",
        holder=_other_program,
        marks=(full_only,),  # SQLite waits its 5 s busy timeout first
    ),
}

#: The cases and commands that run as child processes in the reduced run: one that fails
#: on the first read (wrong key or damaged page 1), one that fails part-way through.
REDUCED_PROCESS_RUNS = {("random-bytes", "list"), ("flipped-byte-last-page", "export-json")}


def _argv(command: str, store: Path, out: Path) -> list[str]:
    if command == "export-json":
        return ["export-json", MAIN, "--db", str(store), "--out", str(out / "doc.json")]
    return [command, "--db", str(store)]


def _params(processes: bool) -> list[object]:
    """Every case with every command (in the reduced run, few of them as processes)."""
    return [
        pytest.param(name, command, id=f"{name}-{command}", marks=case.marks)
        for name, case in CASES.items()
        for command in COMMANDS
        if FULL or not processes or (name, command) in REDUCED_PROCESS_RUNS
    ]


@contextmanager
def _prepared(demo: Path, name: str) -> Iterator[tuple[Case, Path]]:
    case = CASES[name]
    folder = demo.parent
    out = folder.parent / "out"
    out.mkdir()
    if case.make is not None:
        case.make(demo)
    try:
        with case.holder(demo) if case.holder else nullcontext():
            yield case, out
    finally:
        folder.chmod(0o755)
        for entry in folder.iterdir():
            if not entry.is_symlink():
                entry.chmod(0o755 if entry.is_dir() else 0o644)


def _check(case: Case, command: str, demo: Path, out: Path, run: Callable[[], Outcome]) -> None:
    before = snapshot(demo.parent)
    outcome = run()
    after = snapshot(demo.parent)
    assert_refused(outcome, case.expected(command, demo))
    assert after == before, "the store's folder changed"
    assert not any(out.iterdir()), "an export file was written"


@pytest.mark.parametrize(("name", "command"), _params(processes=False))
def test_corrupt_store_refused_in_process(
    capsys: pytest.CaptureFixture[str], demo: Path, name: str, command: str
) -> None:
    with _prepared(demo, name) as (case, out):
        _check(case, command, demo, out, lambda: run_cli(capsys, _argv(command, demo, out)))


@pytest.mark.parametrize(("name", "command"), _params(processes=True))
def test_corrupt_store_refused_by_a_child_process(demo: Path, name: str, command: str) -> None:
    with _prepared(demo, name) as (case, out):
        env = child_env(CPC_PASSPHRASE=PASSPHRASE)
        _check(
            case,
            command,
            demo,
            out,
            lambda: run_cli_process(_argv(command, demo, out), env, cwd=demo.parent.parent),
        )


def test_the_damage_is_where_the_cases_say(demo_template: Path, tmp_path: Path) -> None:
    """Guards the corpus itself: the demo store is big enough for each kind of damage."""
    size = demo_template.stat().st_size
    assert size % PAGE == 0
    assert size > 10 * PAGE + 1234 and size // PAGE > UNREAD_PAGE
    copy = tmp_path / "copy.db"
    shutil.copy(demo_template, copy)
    _flip(copy, (UNREAD_PAGE - 1) * PAGE + 99)
    con = _keyed(copy)
    try:
        assert con.execute("PRAGMA cipher_integrity_check").fetchall() == [
            (f"HMAC verification failed for page {UNREAD_PAGE}",)
        ]
    finally:
        con.close()
