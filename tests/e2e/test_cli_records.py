"""``cpc-desktop complaint ...`` and ``cpc-desktop retention ...`` (item 36, item 40).

The store holds England's small record (held on 20/11/2026) and the same record held on
10/01/1990, whose 35 years have passed. Each refusal is one line, exit status 1, and
changes no file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cpc_desktop.domain.enums import AppealGround, AppealOutcome, UserRole
from cpc_desktop.services.session import open_session
from tests.e2e.test_cli import PASSPHRASE, assert_one_line_error, run
from tests.helpers.records import small_record, uid
from tests.helpers.retention import OLD_REF, old_record
from tests.helpers.stores import digest_tree

REF = "CPC-2026-0042"


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CPC_USER", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
        session.conferences.import_record(small_record())
        session.conferences.import_record(old_record())
        session.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER)
    return path


def test_a_complaint_is_recorded_acknowledged_and_decided(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(
        capsys,
        *("complaint", "record", REF, "--db", str(db), "--by", "ola oyelaran"),
        *("--relation", "mother", "--received", "2026-11-27"),
        *("--ground", "not_heard", "--ground", "threshold", "--details", "Not heard."),
    )
    assert (code, err) == (0, "")
    assert out.startswith("recorded complaint ") and "decision stands" in out
    with open_session(db, PASSPHRASE) as session:
        line = session.complaints.complaints(REF).lines[0]
    made = line.complaint
    assert (made.complainant_id, made.relation, made.details) == (
        uid("mum"),
        "mother",
        "Not heard.",
    )
    assert made.grounds == (AppealGround.NOT_HEARD, AppealGround.THRESHOLD)

    code, out, err = run(
        capsys,
        *("complaint", "acknowledge", REF, made.id, "--db", str(db)),
        *("--on", "2026-11-30", "--handled-by", "Chair's review"),
    )
    assert (code, err, out) == (0, "", f"complaint {made.id}: acknowledged on 2026-11-30\n")
    code, out, err = run(capsys, "complaint", "due", "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith(f"{REF}  {made.id}  Ola Oyelaran: answer by 25 Dec 2026")

    code, out, err = run(
        capsys,
        *("complaint", "decide", REF, made.id, "--db", str(db)),
        *("--outcome", "not_upheld", "--decided", "2026-12-01", "--handled-by", "Panel"),
    )
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "complaint", "list", REF, "--db", str(db))
    lines = out.splitlines()
    assert "decision stands" in lines[0]
    assert lines[1] == (
        f"{made.id}  received 2026-11-27 from Ola Oyelaran about Bethany Oyelaran "
        "(not heard, threshold): not upheld on 1 Dec 2026"
    )
    with open_session(db, PASSPHRASE) as session:
        ended = session.complaints.complaints(REF).lines[0].complaint
    assert (ended.outcome, ended.handled_by) == (AppealOutcome.NOT_UPHELD, "Panel")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--name", "Pat", "--by", "Ola Oyelaran"), "name the complainant with --by"),
        (("--by", "Nobody Here"), "'Nobody Here' is not a person of this conference"),
        (("--name", "Pat", "--received", "2026-11-01"), "before the conference"),
    ],
)
def test_a_wrong_complaint_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, args: tuple[str, ...], words: str
) -> None:
    given = ("--received", "2026-11-27", *args) if "--received" not in args else args
    code, out, err = run(
        capsys, "complaint", "record", REF, "--db", str(db), "--ground", "process", *given
    )
    assert code == 1 and out == ""
    assert_one_line_error(code, err, words)
    # Nothing recorded (the roll call was read first: an audited look, as for appeals).
    with open_session(db, PASSPHRASE) as session, session.store.engine.connect() as conn:
        assert session.complaints.complaints(REF).lines == ()
        acts = conn.exec_driver_sql("select action from audit_event").scalars().all()
    assert "record_complaint" not in acts


def test_retention_hold_and_delete(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "retention", "list", "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith(f"{OLD_REF}  due  kept until 2025-01-10  Child protection")
    assert REF not in out
    code, out, err = run(capsys, "retention", "list", "--all", "--db", str(db))
    assert f"{REF}  kept  kept until 2061-11-20" in out

    code, out, err = run(
        capsys, "retention", "hold", OLD_REF, "--reason", "Inquiry", "--db", str(db)
    )
    assert (code, err) == (0, "")
    before = digest_tree(db.parent)
    code, out, err = run(
        capsys, "retention", "delete", OLD_REF, "--reason", "Ended", "--yes", "--db", str(db)
    )
    assert code == 1
    assert_one_line_error(code, err, "is on legal hold")
    assert digest_tree(db.parent) == before
    code, out, err = run(capsys, "retention", "list", "--db", str(db))
    assert "(hold: Inquiry)" in out

    run(capsys, "retention", "release", OLD_REF, "--db", str(db))
    code, out, err = run(
        capsys, "retention", "delete", OLD_REF, "--reason", "Ended", "--db", str(db)
    )
    assert code == 1  # no terminal to ask on, and no --yes
    assert_one_line_error(code, err, "add --yes")
    code, out, err = run(
        capsys, "retention", "delete", OLD_REF, "--reason", "Ended", "--yes", "--db", str(db)
    )
    assert (code, err) == (0, "")
    assert out.startswith(f"deleted {OLD_REF} (")
    code, out, err = run(capsys, "retention", "deleted", "--db", str(db))
    assert out.startswith(f"{OLD_REF}  held 1990-01-10, deleted ") and "by Alex Chair: Ended" in out
    code, out, err = run(capsys, "check", "--db", str(db))
    assert code == 0, (out, err)

    code, out, err = run(
        capsys, "retention", "delete", REF, "--reason", "Ended", "--yes", "--db", str(db)
    )
    assert code == 1
    assert_one_line_error(code, err, "kept until 20 Nov 2061")


def test_a_minute_taker_may_not_hold_or_delete(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CPC_USER", "Morgan Minutes")
    for args in (
        ("retention", "hold", OLD_REF, "--reason", "x"),
        ("retention", "delete", OLD_REF, "--reason", "x", "--yes"),
        (
            "complaint",
            "record",
            REF,
            "--name",
            "Pat",
            "--received",
            "2026-11-27",
            "--ground",
            "process",
        ),
    ):
        code, _out, err = run(capsys, *args, "--db", str(db))
        assert code == 1, args
        assert_one_line_error(code, err, "Morgan Minutes (minute taker) may not")
