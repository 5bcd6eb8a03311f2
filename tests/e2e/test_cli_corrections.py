"""``cpc-desktop approve``, ``issue`` and ``correction list|record|rule``: the minutes'
life after the meeting from the command line (issue 20 point 9; domain.md §10 item 30).

The store holds the demo conference, its minutes in draft. Each refusal is one line,
exit status 1, and changes nothing recorded.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cpc_desktop.domain.enums import CorrectionRuling, MinutesState, UserRole
from cpc_desktop.export.signing import create_self_signed
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.session import open_session
from tests.e2e.test_cli import PASSPHRASE, assert_one_line_error, run

WORDS = "certificate words"


@pytest.fixture(autouse=True)
def _secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CPC_CERTIFICATE_PASSPHRASE", WORDS)
    monkeypatch.delenv("CPC_USER", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "store.db"
    record = build_demo_records(date.today())[0]
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
        session.conferences.import_record(record)
        session.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER)
    return path, record.conference.reference


@pytest.fixture
def p12(tmp_path: Path) -> Path:
    path = tmp_path / "chair.p12"
    path.write_bytes(create_self_signed("Alex Chair", WORDS.encode()))
    return path


def versions(db: Path, ref: str) -> list[tuple[str, MinutesState]]:
    with open_session(db, PASSPHRASE) as session:
        return [(v.version, v.state) for v in session.minutes.status(ref).versions]


def audited(db: Path, action: str) -> list[tuple[str, str]]:
    with open_session(db, PASSPHRASE) as session, session.store.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "select actor, outcome from audit_event where action = ? order by seq", (action,)
        ).all()
    return [(a, o) for a, o in found]


def test_approve_issue_and_correct(
    capsys: pytest.CaptureFixture[str], db: tuple[Path, str], p12: Path, tmp_path: Path
) -> None:
    path, ref = db
    store = ("--db", str(path))
    code, out, err = run(capsys, "approve", ref, *store)
    assert (code, err) == (0, "")
    assert out == f"approved version 1.0 of {ref} as Alex Chair\n"
    signed = tmp_path / "issued.pdf"
    code, out, err = run(
        capsys, "issue", ref, *store, "--certificate", str(p12), "--out", str(signed)
    )
    assert (code, err) == (0, "")
    assert out.startswith(f"issued version 1.0 of {ref}, signed; SHA-256 ")
    assert signed.read_bytes().startswith(b"%PDF")
    code, out, err = run(capsys, "verify", str(signed), *store)
    assert (code, err) == (0, "")

    code, out, err = run(
        capsys,
        *("correction", "record", ref, *store, "--by", "justyna  HARLAND"),
        *("--received", date.today().isoformat(), "--disputed", "The police entry"),
        *("--asked", "Say I asked the officer to leave calmly"),
    )
    assert err == "" and code == 0
    assert "from Justyna Harland (in the roll call); awaiting a ruling" in out
    request_id = out.split()[2]
    code, out, err = run(capsys, "correction", "list", ref, *store)
    assert out.startswith(f"{request_id}  received ") and "about version 1.0: waiting" in out

    code, out, err = run(
        capsys,
        *("correction", "rule", ref, request_id, *store),
        *("--ruling", "accepted", "--reasons", "The officer's note agrees"),
    )
    assert (code, err) == (0, "")
    assert "accepted; version 1.1 is open" in out
    assert versions(path, ref)[-1] == ("1.1", MinutesState.DRAFT)
    # The chair corrects the entry (in the application), then approves and issues 1.1.
    with open_session(path, PASSPHRASE) as session:
        entry = session.conferences.get(ref).minutes[2]
        session.entries.save_text(entry.id, entry.text + " She asked the officer to leave.")
    code, out, err = run(capsys, "approve", ref, *store)
    assert (code, err) == (0, "")
    assert "  Correction asked for by Justyna Harland on " in out
    assert "  Changed: an entry by " in out
    code, out, err = run(capsys, "issue", ref, *store, "--certificate", str(p12))
    assert code == 0 and out.startswith(f"issued version 1.1 of {ref}")
    assert versions(path, ref) == [("1.0", MinutesState.ISSUED), ("1.1", MinutesState.ISSUED)]
    assert [a for a, _ in audited(path, "approve_minutes")] == ["Alex Chair"] * 4
    assert audited(path, "issue_documents") == [("Alex Chair", "ok")] * 2


def test_a_refusal_with_a_statement(
    capsys: pytest.CaptureFixture[str], db: tuple[Path, str], p12: Path, tmp_path: Path
) -> None:
    path, ref = db
    store = ("--db", str(path))
    run(capsys, "approve", ref, *store)
    run(capsys, "issue", ref, *store, "--certificate", str(p12))
    code, out, _ = run(
        capsys,
        *("correction", "record", ref, *store, "--by", "A Neighbour"),
        *("--received", date.today().isoformat(), "--disputed", "x", "--asked", "y"),
    )
    assert code == 0 and "(not in the roll call)" in out
    request_id = out.split()[2]
    said = tmp_path / "statement.txt"
    said.write_text("I disagree with the second paragraph.\n", encoding="utf-8")
    code, out, err = run(
        capsys,
        *("correction", "rule", ref, request_id, *store, "--ruling", "refused"),
        *("--reasons", "Two people recorded it", "--statement-file", str(said)),
    )
    assert (code, err) == (0, "")
    assert out.endswith("refused; the statement of disagreement is kept with the record\n")
    with open_session(path, PASSPHRASE) as session:
        line = session.corrections.requests(ref).lines[0]
    assert line.request.ruling is CorrectionRuling.REFUSED
    assert line.request.statement == "I disagree with the second paragraph."


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("issue", "{ref}"), "issuing signs the minutes: give your certificate"),
        (("issue", "{ref}", "--certificate", "{p12}"), "approve the minutes before issuing"),
        (
            (
                *("correction", "record", "{ref}", "--by", "A N Other"),
                *("--received", "2026-01-01", "--disputed", "x", "--asked", "y"),
            ),
            "only issued minutes can be disputed",
        ),
        (
            ("correction", "rule", "{ref}", "nope", "--ruling", "refused", "--reasons", "r"),
            "no correction request nope",
        ),
    ],
    ids=["no-certificate", "not-approved", "not-issued", "no-such-request"],
)
def test_a_refusal_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    db: tuple[Path, str],
    p12: Path,
    argv: tuple[str, ...],
    words: str,
) -> None:
    path, ref = db
    filled = [a.format(ref=ref, p12=p12) for a in argv]
    code, _out, err = run(capsys, *filled, "--db", str(path))
    assert_one_line_error(code, err, words)
    assert versions(path, ref) == []


def test_a_minute_taker_may_not_approve_or_issue(
    capsys: pytest.CaptureFixture[str],
    db: tuple[Path, str],
    p12: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, ref = db
    monkeypatch.setenv("CPC_USER", "Morgan Minutes")
    code, _out, err = run(capsys, "approve", ref, "--db", str(path))
    assert_one_line_error(code, err, "Morgan Minutes (minute taker) may not approve, reopen or")
    code, _out, err = run(capsys, "issue", ref, "--db", str(path), "--certificate", str(p12))
    assert_one_line_error(code, err, "may not issue or sign minutes and letters")
    assert versions(path, ref) == []
    assert audited(path, "approve_minutes") == [("Morgan Minutes", "denied")]
