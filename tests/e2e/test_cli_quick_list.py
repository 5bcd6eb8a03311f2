"""``cpc-desktop list`` read with the driver alone (issue 21.4): the same listing, the same
audit event, and the usual session whenever the store asks for more."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from cpc_desktop.cli import main
from cpc_desktop.data import quick_list
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.models import AuditEvent
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services import quick_list as service
from cpc_desktop.services.session import open_session
from tests.helpers.stores import DEMO_PASSPHRASE

pytestmark = pytest.mark.sqlite_only

PASSPHRASE = DEMO_PASSPHRASE  # the demo fixture's (tests/e2e/conftest.py)
EARLY = datetime(2026, 12, 1, 8, 15, 0, 0, tzinfo=UTC)  # no microseconds: stored ".000000"
LATE = datetime(2026, 12, 1, 9, 45, 30, 123456, tzinfo=UTC)


def _events(path: Path) -> list[dict[str, Any]]:
    with open_session(path, PASSPHRASE) as session, session.store.reading() as s:
        rows = s.execute(sa.select(AuditEvent.__table__).order_by(AuditEvent.seq))
        return [dict(row) for row in rows.mappings()]


def test_the_listing_equals_the_usual_one(demo: Path) -> None:
    quick = service.quick_summaries(demo, PASSPHRASE, None, clock=lambda: LATE)
    listing = quick_list.read_listing(
        demo, StoreKey.from_passphrase(PASSPHRASE), None, lambda _role: True, LATE
    )
    with open_session(demo, PASSPHRASE, clock=lambda: LATE) as session:
        usual = session.schedule.summaries()
        overview = session.conferences.overview()
    assert quick is not None and listing is not None
    assert quick == usual and len(usual) == 4  # four demo samples
    assert listing.conferences == overview.conferences
    assert listing.children == overview.children and sum(map(len, listing.children.values())) == 7
    assert listing.first_sent == overview.first_sent
    assert listing.without_plan == overview.without_plan


@pytest.mark.parametrize("when", [EARLY, LATE], ids=["whole-second", "microseconds"])
def test_its_audit_event_is_the_usual_one(demo: Path, when: datetime) -> None:
    assert service.quick_summaries(demo, PASSPHRASE, None, clock=lambda: when) is not None
    with open_session(demo, PASSPHRASE, clock=lambda: when) as session:
        session.schedule.summaries()
        assert session.conferences.check().sound  # the chain replays; the seal moved on
    *_, quick, usual, _check = _events(demo)
    assert quick["at"] == usual["at"] == when
    assert quick["prev_hash"] != usual["prev_hash"] == quick["hash"]
    same = ("seq", "prev_hash", "hash")
    assert {k: v for k, v in quick.items() if k not in same} == {
        k: v for k, v in usual.items() if k not in same
    }
    assert (quick["action"], quick["role"], quick["rows"]) == ("list", "chair", "[]")


def test_list_goes_the_quick_way_and_imports_no_sqlalchemy(demo: Path) -> None:
    code = (
        "import sys\n"
        "from cpc_desktop.cli import main\n"
        f"assert main(['list', '--db', {str(demo)!r}]) == 0\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "REFERENCE" in done.stdout
    assert done.stdout.strip().endswith("False"), done.stdout[-300:]


def test_a_user_with_a_password_is_signed_in_the_usual_way(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_session(demo, PASSPHRASE) as session:
        session.users.add_user("Sam Minute", UserRole.MINUTE_TAKER, "a long secret 1")
    assert service.quick_summaries(demo, PASSPHRASE, "Sam Minute") is None  # steps aside
    before = len(_events(demo))
    monkeypatch.setenv("CPC_USER", "Sam Minute")
    monkeypatch.setenv("CPC_USER_SECRET", "a long secret 1")
    capsys.readouterr()
    code = main(["list", "--db", str(demo)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "CPC-2026-0001" in out
    actions = [(e["actor"], e["action"]) for e in _events(demo)[before:]]
    assert ("Sam Minute", "list") in actions and actions[0][1] == "sign_in"


def test_someone_not_a_user_is_refused_as_before(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _events(demo)
    monkeypatch.setenv("CPC_USER", "Nobody")
    capsys.readouterr()
    assert main(["list", "--db", str(demo)]) == 1
    _, err = capsys.readouterr()
    assert err == "cpc-desktop: Nobody is not a user of this store\n"
    assert _events(demo) == before


def test_a_value_that_does_not_read_back_is_named_the_usual_way(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    con = sqlcipher.connect(str(demo))
    con.execute("PRAGMA key = " + StoreKey.from_passphrase(PASSPHRASE).sql_literal())
    con.execute("UPDATE conference SET date = '2026-02-30' WHERE reference = 'CPC-2026-0002'")
    con.commit()
    con.close()
    key = StoreKey.from_passphrase(PASSPHRASE)
    assert quick_list.read_listing(demo, key, None, lambda _role: True, LATE) is None
    capsys.readouterr()
    assert main(["list", "--db", str(demo)]) == 1
    _, err = capsys.readouterr()
    assert "holds a value CPC Desktop cannot read" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "-h"],
        ["list", "--db"],
        ["list", "--db", "x.db", "--bogus"],
        ["list", "--db", "x.db", "extra"],
        ["list", "--json", "--db", "x.db"],
    ],
)
def test_the_parser_of_list_alone_says_what_the_whole_parser_says(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from cpc_desktop.cli import build_parser

    said = []
    for only in (None, "list"):
        try:
            parsed: Any = vars(build_parser(only).parse_args(argv))
        except SystemExit as end:
            parsed = end.code
        said.append((parsed, capsys.readouterr()))
    assert said[0] == said[1]
    assert said[0][0] in (0, 2) or said[0][0]["command"] == "list"
