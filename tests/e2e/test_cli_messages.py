"""Issue 17, point 9: damaged values, impossible inputs and interrupted commands end in
one clear line on stderr and exit 1 (or 2 for wrong usage), change nothing and never
say "internal error". Run as child processes: what a user or a script sees."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from tests.helpers.processes import COMMAND, as_a_user
from tests.helpers.stores import digest_tree

PASSPHRASE = "correct horse battery"
SECRETS = {"CPC_PASSPHRASE": PASSPHRASE}


def refused(done: subprocess.CompletedProcess[str], words: str, code: int = 1) -> None:
    assert done.returncode == code, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("cpc-desktop: "), done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert words in done.stderr, done.stderr


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    done = as_a_user(str(COMMAND), "demo", "--db", str(db), env=SECRETS)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path) -> Path:
    folder = tmp_path / "store"
    folder.mkdir()
    shutil.copy(demo_template, folder / "demo.db")
    return folder / "demo.db"


def behind_its_back(db: Path, sql: str) -> None:
    con = sqlcipher.connect(str(db))
    con.execute("PRAGMA key = '" + PASSPHRASE + "'")
    con.execute(sql)
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        (
            "UPDATE participant SET role = 'bogus' "
            "WHERE rowid = (SELECT min(rowid) FROM participant)",
            "its role is 'bogus', which is not a value CPC Desktop can read",
        ),
        (
            "UPDATE conference SET date = '2026-02-30' "
            "WHERE rowid = (SELECT min(rowid) FROM conference)",
            "its date is '2026-02-30', which is not a value CPC Desktop can read",
        ),
    ],
    ids=["enum", "date"],
)
def test_check_names_a_row_with_a_value_it_cannot_read(demo: Path, sql: str, words: str) -> None:
    behind_its_back(demo, sql)
    before = digest_tree(demo.parent)
    done = as_a_user(str(COMMAND), "check", "--db", str(demo), env=SECRETS)
    refused(done, words)
    assert "demo.db failed its check: " in done.stderr and "changed outside" in done.stderr
    assert done.stdout == ""
    assert digest_tree(demo.parent) == before


@pytest.mark.parametrize(
    ("sql", "argv"),
    [
        ("UPDATE conference SET date = '2026-02-30'", ["list"]),
        (
            "UPDATE participant SET role = 'bogus'",
            ["export-json", "CPC-2026-0001", "--out", "x.json"],
        ),
    ],
    ids=["list-date", "export-enum"],
)
def test_other_commands_on_an_unreadable_value_say_so_in_one_line(
    demo: Path, sql: str, argv: list[str]
) -> None:
    behind_its_back(demo, sql)
    before = digest_tree(demo.parent)
    argv = [a if a != "x.json" else str(demo.parent / "x.json") for a in argv]
    done = as_a_user(str(COMMAND), *argv, "--db", str(demo), env=SECRETS)
    refused(done, "demo.db holds a value CPC Desktop cannot read")
    assert "'cpc-desktop check' names the row" in done.stderr
    assert digest_tree(demo.parent) == before


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_refused_in_one_line(demo: Path, tmp_path: Path) -> None:
    """/dev/zero as a passphrase file or a document: at most a sane size is read."""
    before = digest_tree(demo.parent)
    done = as_a_user(str(COMMAND), "list", "--db", str(demo), "--passphrase-file", "/dev/zero")
    refused(done, "the passphrase file /dev/zero is not a regular file (more than 1 MiB read)")
    new = tmp_path / "new.db"
    done = as_a_user(str(COMMAND), "import", "/dev/zero", "--db", str(new), env=SECRETS)
    refused(done, "/dev/zero is not a regular file (more than 64 MiB read), so it is not a")
    assert not new.exists()
    done = as_a_user(
        str(COMMAND), "import", "/dev/zero", "--db", str(demo), "--passphrase-file", "/dev/zero"
    )
    refused(done, "/dev/zero is not a regular file")
    assert digest_tree(demo.parent) == before


def test_a_passphrase_from_a_pipe_still_works(demo: Path) -> None:
    done = subprocess.run(
        [
            "bash",
            "-c",
            f'"$0" list --db "$1" --passphrase-file <(echo "{PASSPHRASE}")',
            str(COMMAND),
            str(demo),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "CPC-2026-0001" in done.stdout


@pytest.mark.parametrize("days", ["99999999", "3651", "0", "-5"])
def test_certificate_days_out_of_range_is_refused_in_one_line(tmp_path: Path, days: str) -> None:
    """A whole number is the right usage, a value out of 1–3650 wrong input: exit 1, and
    before any passphrase is asked for (none is given here)."""
    out = tmp_path / "chair.p12"
    done = as_a_user(str(COMMAND), "certificate", "--out", str(out), "--name", "A", "--days", days)
    refused(done, f"--days {days}: give a number of days from 1 to 3650")
    assert not out.exists()


def test_a_demo_killed_part_way_does_not_block_a_retry(tmp_path: Path) -> None:
    """The store is built beside its name and moved into place whole: kill -9 while it
    is being built leaves no demo.db, and the next `demo` makes one."""
    import os
    import signal
    import time

    db = tmp_path / "demo.db"
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONWARNINGS", "CPC_"))}
    child = subprocess.Popen(
        [str(COMMAND), "demo", "--db", str(db)],
        env=base | SECRETS,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not any(tmp_path.iterdir()) and child.poll() is None:
        assert time.monotonic() < deadline, "demo never started a file"
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL, "demo finished before it was killed"
    assert not db.exists()
    assert all(p.name.startswith(".demo.db.") for p in tmp_path.iterdir())
    done = as_a_user(str(COMMAND), "demo", "--db", str(db), env=SECRETS)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["demo.db"]  # the leftover is gone
    done = as_a_user(str(COMMAND), "check", "--db", str(db), env=SECRETS)
    assert done.returncode == 0 and "is sound: 4 conferences" in done.stdout, done.stderr


def test_demo_over_an_existing_file_is_refused_in_one_line(demo: Path) -> None:
    before = digest_tree(demo.parent)
    done = as_a_user(str(COMMAND), "demo", "--db", str(demo), env=SECRETS)
    refused(done, "already exists; CPC Desktop will not overwrite it")
    assert digest_tree(demo.parent) == before
