"""``cpc-desktop correction entries REF [--version N]``, and ``correction record
--entry`` given the number it shows: the demo conference, approved and issued.

Each refusal is one line, exit status 1, and records nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cpc_desktop.domain.entry_index import first_words
from cpc_desktop.services.session import open_session
from tests.e2e.test_cli import PASSPHRASE, assert_one_line_error, run
from tests.e2e.test_cli_corrections import _secrets, audited, db, p12

__all__ = ["_secrets", "db", "p12"]  # the fixtures, used by name


@pytest.fixture
def issued(capsys: pytest.CaptureFixture[str], db: tuple[Path, str], p12: Path) -> tuple[Path, str]:
    path, ref = db
    assert run(capsys, "approve", ref, "--db", str(path))[0] == 0
    assert run(capsys, "issue", ref, "--db", str(path), "--certificate", str(p12))[0] == 0
    return db


def test_entries_are_listed_numbered_and_a_number_names_the_entry(
    capsys: pytest.CaptureFixture[str], issued: tuple[Path, str]
) -> None:
    path, ref = issued
    store = ("--db", str(path))
    code, out, err = run(capsys, "correction", "entries", ref, *store)
    assert (code, err) == (0, "")
    with open_session(path, PASSPHRASE) as session:
        record = session.conferences.get(ref)
    lines = out.splitlines()
    assert len(lines) == len(record.minutes)
    third = lines[2].split()
    assert third[0] == "3"
    entry = next(e for e in record.minutes if e.id == third[1])
    assert lines[2].endswith(first_words(entry.text))
    assert audited(path, "view")[-1] == ("Alex Chair", "ok")
    assert run(capsys, "correction", "entries", ref, *store, "--version", "1.0")[1] == out

    code, out, err = run(
        capsys,
        *("correction", "record", ref, *store, "--by", "Justyna Harland"),
        *("--received", date.today().isoformat(), "--disputed", "The third entry"),
        *("--asked", "Reword it", "--entry", "3"),
    )
    assert (code, err) == (0, "")
    with open_session(path, PASSPHRASE) as session:
        request = session.corrections.requests(ref).lines[0].request
    assert request.entry_id == entry.id


@pytest.mark.parametrize(
    ("more", "words"),
    [
        (("--entry", "999"), "there is no entry 999: the issued minutes have"),
        (("--entry", "0"), "there is no entry 0"),
        (("--entry", "not-an-entry"), "that minute entry is not part of this conference"),
    ],
)
def test_a_wrong_entry_is_one_line_and_records_nothing(
    capsys: pytest.CaptureFixture[str],
    issued: tuple[Path, str],
    more: tuple[str, ...],
    words: str,
) -> None:
    path, ref = issued
    code, out, err = run(
        capsys,
        *("correction", "record", ref, "--db", str(path), "--by", "Justyna Harland"),
        *("--received", date.today().isoformat(), "--disputed", "x", "--asked", "y", *more),
    )
    assert out == ""
    assert_one_line_error(code, err, words)
    with open_session(path, PASSPHRASE) as session:
        assert session.corrections.requests(ref).lines == ()


def test_entries_are_for_the_chair_and_for_an_issued_version(
    capsys: pytest.CaptureFixture[str],
    issued: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, ref = issued
    code, _, err = run(capsys, "correction", "entries", ref, "--db", str(path), "--version", "9")
    assert_one_line_error(code, err, "no issued version '9': the issued versions are 1.0")
    monkeypatch.setenv("CPC_USER", "Morgan Minutes")
    code, out, err = run(capsys, "correction", "entries", ref, "--db", str(path))
    assert out == ""
    assert_one_line_error(code, err, "may not approve, reopen or correct minutes")
