"""``cpc-desktop complaint record ... --child NAME`` (revision 0014): the children a
complaint concerns, named as the roll call has them or by id, shown by ``complaint
list``; a child of another conference is one line, exit status 1, and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cpc_desktop.services.session import open_session
from tests.e2e.test_cli import PASSPHRASE, assert_one_line_error, run
from tests.e2e.test_cli_records import _passphrase
from tests.helpers.records import small_record, uid
from tests.unit.services.test_complaint_children import BETH, JOSH, TWO_REF, two_children

REF = "CPC-2026-0042"
__all__ = ["_passphrase"]  # the autouse fixture, used by name


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
        session.conferences.import_record(small_record())
        session.conferences.import_record(two_children())
    return path


def record(capsys: pytest.CaptureFixture[str], db: Path, *more: str) -> tuple[int, str, str]:
    return run(
        capsys,
        *("complaint", "record", TWO_REF, "--db", str(db), "--name", "Pat Advocate"),
        *("--received", "2026-11-27", "--ground", "process", *more),
    )


def test_complaints_name_their_children_and_the_list_shows_them(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    assert record(capsys, db, "--child", "joshua  OYELARAN")[0] == 0
    assert record(capsys, db, "--child", JOSH, "--child", "Bethany Oyelaran")[0] == 0
    assert record(capsys, db)[0] == 0  # none named: every child
    with open_session(db, PASSPHRASE) as session:
        lines = session.complaints.complaints(TWO_REF).lines
    assert [line.complaint.child_ids for line in lines] == [(JOSH,), (BETH, JOSH), (BETH, JOSH)]
    code, out, err = run(capsys, "complaint", "list", TWO_REF, "--db", str(db))
    assert (code, err) == (0, "")
    listed = out.splitlines()[1:]
    assert [line.split("  ", 1)[1] for line in listed] == [
        "received 2026-11-27 from Pat Advocate about Joshua Oyelaran (process): "
        "received, not yet acknowledged; acknowledge by 4 Dec 2026 (overdue)",
        *[
            "received 2026-11-27 from Pat Advocate about Bethany Oyelaran, Joshua Oyelaran "
            "(process): received, not yet acknowledged; acknowledge by 4 Dec 2026 (overdue)"
        ]
        * 2,
    ]


@pytest.mark.parametrize("child", [uid("child"), "nobody"])  # the other record's child
def test_a_child_not_of_this_conference_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, child: str
) -> None:
    code, out, err = record(capsys, db, "--child", "Joshua Oyelaran", "--child", child)
    assert out == ""
    assert_one_line_error(code, err, f"{child!r} is not a child of this conference")
    with open_session(db, PASSPHRASE) as session, session.store.engine.connect() as conn:
        assert session.complaints.complaints(TWO_REF).lines == ()
        acts = conn.exec_driver_sql("select action from audit_event").scalars().all()
    assert "record_complaint" not in acts
