"""The role model over the whole (role × action) matrix, at the service layer.

Each allowed call succeeds and writes exactly one audit event naming the actor,
role and action; each refused call raises PermissionDenied, changes nothing but
the audit log, and is recorded there as denied.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AttendanceKind,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    Outcome,
    ParticipantRole,
    Tag,
    UserRole,
)
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.services.conferences import ConferenceService, NewChild, NewConference
from cpc_desktop.services.errors import PermissionDenied
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.roles import PERMISSIONS, Action, Actor
from cpc_desktop.services.roll_call import NewParticipant, RollCallService
from cpc_desktop.services.session import Session
from tests.helpers.appeals import NI_APPEAL, NI_MUM, NI_REF, ni_record
from tests.helpers.records import small_record, uid
from tests.helpers.retention import OLD_REF, old_record
from tests.helpers.stores import TickingClock, new_store

REF = "CPC-2026-0042"

Call = Callable[[Session], object]


def _as_user(s: Session) -> None:
    """Make the acting person a user of the store with a password (set-up, by the chair)."""
    from cpc_desktop.services.users import UserService

    chair = UserService(s.store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())
    if s.actor.name not in {u.name for u in chair.users()}:
        chair.add_user(s.actor.name, s.actor.role, "a password of theirs")


def _check_release(s: Session) -> object:
    """Check a family copy the store's first chair holds (set up only where allowed)."""
    from cpc_desktop.domain.minutes_document import MinutesCopy
    from cpc_desktop.services.roles import allowed

    check_id = "no such copy"
    if allowed(s.actor, Action.CHECK_RELEASE):
        _as_user(s)
        chair = Session(s.store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())
        check_id = chair.release.hold_minutes(REF, MinutesCopy(CopyKind.FAMILY)).id
    return s.release.confirm(check_id, s.actor)


def _sign_in(s: Session) -> object:
    _as_user(s)
    return s.users.sign_in(s.actor.name, "a password of theirs")


def _restore(s: Session) -> object:
    """Put the store back from a backup made just now (chairs only: it erases what came
    after). A restore reopens the store; that copy is closed, the test reads on."""
    from cpc_desktop.data.backups import backup_store

    backup = backup_store(s.store, "role-test", datetime(2026, 11, 23, 11, 0, tzinfo=UTC))
    s.restore(backup)
    s.store.close()
    return None


def _a_copy(s: Session) -> str:
    """The id of the copy of the minutes the store records (made by the fixture)."""
    with s.store.session() as db:
        return str(db.scalars(sa.select(m.OutputFileRow.id)).one())


CALLS: dict[Action, Call] = {
    Action.CHECK_RELEASE: _check_release,
    Action.RESTORE: _restore,
    Action.SIGN_IN: _sign_in,
    Action.LIST: lambda s: s.conferences.overview(),
    Action.VIEW: lambda s: s.conferences.get(REF),
    Action.CHECK: lambda s: s.conferences.check(),
    Action.CREATE_CONFERENCE: lambda s: s.conferences.create_conference(
        NewConference(
            ConferenceType.REVIEW,
            date(2027, 2, 10),
            (NewChild("Ada", "Lovelace", date(2019, 1, 1)),),
            previous_conference_date=date(2026, 11, 20),
            review_number=1,
        )
    ),
    Action.EDIT_CONFERENCE: lambda s: s.conferences.set_status(REF, ConferenceStatus.CONCLUDED),
    Action.MANAGE_AGENDA: lambda s: s.agenda.add_agenda_item(REF, "Any other business", 5),
    Action.RECORD_ATTENDANCE: lambda s: s.roll_call.record_attendance(
        uid("police"), AttendanceKind.ARRIVED, datetime(2026, 11, 20, 10, 5, tzinfo=UTC)
    ),
    Action.WRITE_MINUTES: lambda s: s.entries.add_entry(
        REF, uid("item"), "Health visitor reports weight gain.", tag=Tag.OBSERVATION
    ),
    Action.RECORD_APPEAL: lambda s: s.appeals.record_appeal(
        NI_REF, NI_MUM, (), ["category"], "", date(2026, 11, 20)
    ),
    Action.DECIDE_APPEAL: lambda s: s.appeals.decide_appeal(
        NI_REF, NI_APPEAL, "withdrawn", date(2026, 11, 20)
    ),
    Action.RECORD_COMPLAINT: lambda s: s.complaints.record_complaint(
        REF, received=date(2026, 11, 20), grounds=["process"], complainant_name="Pat Advocate"
    ),
    Action.PRINT: lambda s: s.printing.printed(_a_copy(s), "Office printer", 2),
    Action.MANAGE_RETENTION: lambda s: s.retention.set_hold(REF, True, "An inquiry"),
    Action.DELETE_RECORDS: lambda s: s.retention.delete_conference(OLD_REF, "Period ended"),
    Action.RECORD_DECISION: lambda s: s.conferences.record_decision(
        REF,
        d.Decision(
            id=uid("dec"),
            child_id=uid("child"),
            threshold_met=False,
            outcome=Outcome.NO_FURTHER_ACTION,
        ),
    ),
    Action.IMPORT: lambda s: s.conferences.import_record(
        small_record("CPC-2026-0077", salt="other-")
    ),
    Action.EXPORT: lambda s: s.conferences.export_record(REF),
    Action.MANAGE_USERS: lambda s: s.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER),
    Action.APPROVE_MINUTES: lambda s: s.minutes.approve(REF),
    Action.ISSUE_DOCUMENTS: lambda s: s.distribution.record_sent(
        REF, uid("police"), "minutes", copy=CopyKind.FULL, method="secure e-mail"
    ),
    Action.HANDOVER: lambda s: s.handover.export_package(
        REF,
        Path("out.cpcx"),
        "hand-over words",
        cost=FAST_COST,  # in tmp_path
    ),
}


def approvable(record: d.ConferenceRecord) -> d.ConferenceRecord:
    """The small record with its views explained and a decision: ready for the chair."""
    views = tuple(
        d.AgendaItem(uid(key), key, title, not_obtained_reason="Not asked in this test")
        for key, title in (("childs_views", "Child's views"), ("parents_views", "Parents' views"))
    )
    decision = d.Decision(
        id=uid("dec-0"),
        child_id=uid("child"),
        threshold_met=False,
        outcome=Outcome.NO_FURTHER_ACTION,
        reason="No significant harm",
    )
    return dataclasses.replace(record, agenda=(*record.agenda, *views), decisions=(decision,))


def test_every_action_has_a_call() -> None:
    assert set(CALLS) == set(Action)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = new_store(tmp_path)
    chair = ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())
    chair.import_record(approvable(small_record()))
    chair.import_record(ni_record(appeal=True, received=date(2026, 11, 20)))
    chair.import_record(old_record())
    # A copy recorded in the store, for printing.
    Session(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock()).minutes.export(REF)
    yield store
    store.close()


def _events(store: Store) -> list[tuple[str, str, str, str]]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "select actor, role, action, outcome from audit_event order by seq"
        ).fetchall()
    return [tuple(r) for r in rows]


def _snapshot(store: Store) -> dict[str, object]:
    with store.session() as session:
        record = repository.load_record(session, uid("conf"))
        users = sorted(repository.store_users(session))
        count = len(repository.conferences(session))
    return {"record": record, "users": users, "conferences": count}


@pytest.mark.parametrize("role", list(UserRole))
@pytest.mark.parametrize("action", list(Action))
def test_role_action_matrix(
    store: Store,
    role: UserRole,
    action: Action,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # where files are written
    if action is Action.RESTORE and store.path is None:
        pytest.skip("a store on a server is put back from the server's own backups")
    actor = Actor(f"Someone {role.value}", role)
    service = Session(store, actor, TickingClock())
    before_events = _events(store)
    before = _snapshot(store)
    if action in PERMISSIONS[role]:
        CALLS[action](service)
        new = _events(store)[len(before_events) :]
        audited = [e for e in new if e[0] == actor.name]
        assert audited[-1] == (actor.name, role.value, action.value, "ok")
    else:
        with pytest.raises(PermissionDenied, match="may not"):
            CALLS[action](service)
        assert _events(store)[len(before_events) :] == [
            (actor.name, role.value, action.value, "denied")
        ]
        assert _snapshot(store) == before


def test_permissions_are_what_the_roles_promise() -> None:
    assert PERMISSIONS[UserRole.CHAIR] == frozenset(Action)
    assert PERMISSIONS[UserRole.READ_ONLY] == {
        Action.LIST,
        Action.VIEW,
        Action.CHECK,
        Action.SIGN_IN,
    }
    minute_taker = PERMISSIONS[UserRole.MINUTE_TAKER]
    assert {Action.WRITE_MINUTES, Action.RECORD_ATTENDANCE, Action.HANDOVER} <= minute_taker
    assert (
        not {
            Action.RECORD_DECISION,
            Action.IMPORT,
            Action.EXPORT,
            Action.MANAGE_USERS,
            Action.MANAGE_AGENDA,
            Action.EDIT_CONFERENCE,
            Action.APPROVE_MINUTES,
            Action.ISSUE_DOCUMENTS,
            Action.RESTORE,
        }
        & minute_taker
    )


def test_each_write_is_one_audit_event_with_its_rows(store: Store) -> None:
    service = MinuteEntryService(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())
    before = len(_events(store))
    entry = service.add_entry(REF, uid("item"), "Text", speaker_id=uid("sw"))
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "select rows from audit_event order by seq desc limit 1"
        ).scalar()
    assert len(_events(store)) == before + 1
    assert entry.id in rows
    assert "Text" not in rows


def test_participant_added_at_the_end_of_the_roll(store: Store) -> None:
    chair = Actor("Alex Chair", UserRole.CHAIR)
    added = RollCallService(store, chair, TickingClock()).add_participant(
        REF,
        NewParticipant(
            "Jo Nurse", ParticipantRole.PROFESSIONAL, agency="School nursing", direct_contact=True
        ),
    )
    record = ConferenceService(store, chair, TickingClock()).get(REF)
    assert record.participants[-1] == dataclasses.replace(added)
    assert len(record.participants) == 4
