"""``cpc-desktop appeal list|record|decide``: Northern Ireland's appeals from the command line.

The store holds the NI conference (held on 20/11/2026, the mother's appeal waiting) and
England's small record. Each refusal is one line, exit status 1, and changes no file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cpc_desktop.domain.enums import AppealGround, AppealOutcome, UserRole
from cpc_desktop.services.session import open_session
from tests.e2e.test_cli import PASSPHRASE, assert_one_line_error, run
from tests.helpers.appeals import NI_APPEAL, NI_CHILD, NI_DAD, NI_REF, ni_record
from tests.helpers.records import small_record
from tests.helpers.stores import digest_tree


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CPC_USER", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
        session.conferences.import_record(ni_record(appeal=True))
        session.conferences.import_record(small_record())
        session.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER)
    return path


def changes(db: Path) -> list[tuple[str, str]]:
    """Every appeal recorded or decided, as (action, outcome) in the audit log."""
    with open_session(db, PASSPHRASE) as session, session.store.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "select action, outcome from audit_event where action like '%appeal' order by seq"
        ).all()
    return [(a, o) for a, o in found]


def stored(db: Path) -> tuple:  # type: ignore[type-arg]
    with open_session(db, PASSPHRASE) as session:
        return session.conferences.get(NI_REF).appeals


def test_list_record_and_decide(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "appeal", "list", NI_REF, "--db", str(db))
    assert (code, err) == (0, "")
    assert out == (
        f"{NI_APPEAL}  received 2026-11-21 from Ola Oyelaran (every child): "
        "waiting for a decision\n"
    )

    code, out, err = run(
        capsys,
        *("appeal", "record", NI_REF, "--db", str(db), "--by", "tobi  OYELARAN"),
        *("--received", "2026-11-25", "--child", "Bethany Oyelaran"),
        *("--ground", "category", "--ground", "information", "--details", "Wrong category."),
    )
    assert (code, err) == (0, "")
    assert out.endswith("; the decision stands while it is considered\n")
    mine = stored(db)[-1]
    assert (mine.appellant_id, mine.child_ids, mine.details) == (
        NI_DAD,
        (NI_CHILD,),
        "Wrong category.",
    )
    assert tuple(mine.grounds) == (AppealGround.CATEGORY, AppealGround.INFORMATION)

    code, out, err = run(
        capsys,
        *("appeal", "decide", NI_REF, mine.id, "--db", str(db)),
        *("--outcome", "upheld", "--decided", "2026-11-30", "--note", "Category changed."),
    )
    assert (code, err, out) == (0, "", f"appeal {mine.id}: upheld on 2026-11-30\n")
    assert stored(db)[-1].outcome is AppealOutcome.UPHELD


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ("record", NI_REF, "--by", "Gail Oyelaran", "--received", "2026-11-25"),
            "'Gail Oyelaran' is not a parent or carer who may appeal",
        ),
        (
            ("record", NI_REF, "--by", "Ola Oyelaran", "--received", "2026-11-19"),
            "an appeal cannot be received before the conference on 20/11/2026",
        ),
        (
            ("decide", NI_REF, NI_APPEAL, "--outcome", "upheld", "--decided", "2026-11-20"),
            "cannot be decided before it was received on 21/11/2026",
        ),
        (
            ("list", "CPC-2026-0042"),
            "There is no appeal against a conference's decision under England's rules",
        ),
    ],
    ids=["not-a-parent", "before-the-conference", "decided-before-received", "england"],
)
def test_a_refusal_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, argv: tuple[str, ...], words: str
) -> None:
    extra = ("--ground", "process") if argv[0] == "record" else ()
    before = stored(db)
    files = digest_tree(db.parent)
    code, _out, err = run(capsys, "appeal", *argv, *extra, "--db", str(db))
    assert_one_line_error(code, err, words)
    if argv[0] != "record":  # which reads the roll call first (an audited look)
        assert digest_tree(db.parent) == files
    assert stored(db) == before
    assert changes(db) == []


def test_a_minute_taker_may_not_record_an_appeal(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CPC_USER", "Morgan Minutes")
    code, _out, err = run(
        capsys,
        *("appeal", "record", NI_REF, "--db", str(db), "--by", "Ola Oyelaran"),
        *("--received", "2026-11-25", "--ground", "process"),
    )
    assert_one_line_error(code, err, "Morgan Minutes (minute taker) may not record a parent's")
    assert len(stored(db)) == 1


def test_a_date_that_is_not_a_date_is_wrong_usage(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    with pytest.raises(SystemExit) as usage:
        run(capsys, "appeal", "decide", NI_REF, NI_APPEAL, "--db", str(db), "--outcome",
            "upheld", "--decided", "30/11/2026")  # fmt: skip
    assert usage.value.code == 2
    assert "'30/11/2026' is not a date (YYYY-MM-DD)" in capsys.readouterr().err
