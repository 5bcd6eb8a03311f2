"""``cpc-desktop review propose|new|actions|status`` (issue 20, point 9).

The store holds England's small record as an initial conference (20/11/2026) that put
Bethany on a plan with two actions, and agreed her review for 19/02/2027. Each refusal
is one line, exit status 1, and changes no file.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cpc_desktop.domain.enums import ActionStatus, Outcome, UserRole
from cpc_desktop.services.session import Session, open_session
from tests.e2e.test_cli import PASSPHRASE, assert_one_line_error, run
from tests.helpers.meeting import CHAIR
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, digest_tree
from tests.unit.services.test_reviews import AT, REF, _decide, _icpc, _make_plan

OTHER = "CPC-2026-0077"  # the small record, not yet decided
PLANLESS = "CPC-2026-0078"  # the small record, concluded with a child-in-need plan


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CPC_USER", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
        chair = Session(session.store, CHAIR, TickingClock(AT + timedelta(hours=1)))
        chair.conferences.import_record(_icpc())
        _make_plan(chair)
        chair.conferences.import_record(small_record(OTHER, salt="other"))
        chair.conferences.import_record(small_record(PLANLESS, salt="planless"))
        _decide(chair, PLANLESS, Outcome.CIN_PLAN)
        chair.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER)
    return path


def _references(db: Path) -> list[str]:
    with open_session(db, PASSPHRASE) as session, session.store.engine.connect() as conn:
        return sorted(conn.exec_driver_sql("select reference from conference").scalars())


def _audit(db: Path) -> list[tuple[str, str]]:
    with open_session(db, PASSPHRASE) as session, session.store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select actor, action from audit_event").all()
    return [(actor, action) for actor, action in rows]


def test_a_review_is_proposed_made_and_its_actions_judged(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "review", "propose", REF, "--db", str(db))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"a review of {REF} (review 1 of the plan)",
        f"on 19 February 2027 (the review date agreed at {REF})",
        "children on the plan: Bethany Oyelaran",
        "actions carried: 2; people invited: 4",
    ]
    code, out, err = run(capsys, "review", "new", REF, "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith("made CPC-") and out.endswith(": review 1, on 19 February 2027\n")
    review = out.split()[1].rstrip(":")
    assert review != REF

    code, out, err = run(capsys, "review", "actions", review, "--db", str(db))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    visit, check = (line.split()[0] for line in lines)
    assert lines[0] == (
        f"{visit}  Bethany Oyelaran: Visit weekly (Sam Worker, due 1 December 2026): Not yet judged"
    )
    assert lines[1].endswith("Health check (Hana Visitor, due 8 January 2027): Not yet judged")

    code, out, err = run(
        capsys, "review", "status", review, check, "--status", "under_way", "--db", str(db)
    )
    assert (code, err, out) == (0, "", f"{check}  Health check: Under way (amber)\n")
    code, out, err = run(
        capsys, "review", "status", review, visit, "--status", "done", "--db", str(db)
    )
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "review", "actions", review, "--db", str(db))
    assert out.splitlines()[0].endswith(": Done (green)")
    assert out.splitlines()[1].endswith(": Under way (amber)")
    with open_session(db, PASSPHRASE) as session:
        (plan,) = session.conferences.get(review).plans
    assert [a.status for a in plan.actions] == [ActionStatus.DONE, ActionStatus.UNDER_WAY]
    assert _audit(db).count(("Alex Chair", "record_decision")) >= 2

    code, out, err = run(
        capsys, "review", "status", review, visit, "--status", "none", "--db", str(db)
    )
    assert (code, err, out) == (0, "", f"{visit}  Visit weekly: Not yet judged\n")
    with open_session(db, PASSPHRASE) as session:
        (plan,) = session.conferences.get(review).plans
    assert plan.actions[0].status is None

    # Reviewed already: a second review of the same conference is refused.
    before = digest_tree(db.parent)
    code, out, err = run(capsys, "review", "new", REF, "--db", str(db))
    assert out == ""
    assert_one_line_error(code, err, f"{REF} is already reviewed by {review}")
    assert digest_tree(db.parent) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("review", "new", REF, "--date", "2026-11-20"), f"a review must come after {REF}"),
        (("review", "new", OTHER), f"{OTHER} is not concluded yet"),
        (("review", "propose", OTHER), f"{OTHER} is not concluded yet"),
        (("review", "new", PLANLESS), f"no child of {PLANLESS} has a plan to review"),
        (("review", "new", REF, "--date", "2026-11-19"), f"a review must come after {REF}"),
        (("review", "new", "CPC-2099-0001"), "CPC-2099-0001"),
        (("review", "status", REF, uid("nothing"), "--status", "done"), "not part of the plan"),
    ],
)
def test_a_refused_review_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, args: tuple[str, ...], words: str
) -> None:
    before = digest_tree(db.parent)
    code, out, err = run(capsys, *args, "--db", str(db))
    assert out == ""
    assert_one_line_error(code, err, words)
    if args[1] != "propose":  # a look at a record is audited, as everywhere
        assert digest_tree(db.parent) == before
    assert _references(db) == [REF, OTHER, PLANLESS]


def test_a_minute_taker_may_look_but_not_make_or_judge(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "review", "new", REF, "--db", str(db))
    (review,) = set(_references(db)) - {REF, OTHER, PLANLESS}
    with open_session(db, PASSPHRASE) as session:
        action = session.conferences.get(review).plans[0].actions[0].id
    monkeypatch.setenv("CPC_USER", "Morgan Minutes")
    code, out, err = run(capsys, "review", "actions", review, "--db", str(db))
    assert (code, err) == (0, "") and "Visit weekly" in out
    for args in (
        ("review", "new", OTHER),
        ("review", "status", review, action, "--status", "done"),
    ):
        code, out, err = run(capsys, *args, "--db", str(db))
        assert out == ""
        assert_one_line_error(code, err, "Morgan Minutes (minute taker) may not")
    with open_session(db, PASSPHRASE) as session:
        assert session.conferences.get(review).plans[0].actions[0].status is None
