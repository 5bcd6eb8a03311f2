"""Users sign in with a password of their own, kept only as a salted scrypt hash."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.errors import PermissionDenied, ServiceError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from cpc_desktop.services.users import NO_MATCH, PasswordNotChosen, SignInFailed
from tests.helpers.meeting import CHAIR, MINUTER, events
from tests.helpers.stores import TickingClock, new_store

SECRET = "morgan's long password"


@pytest.fixture
def session(tmp_path: Path):
    store = new_store(tmp_path)
    opened = Session(store, CHAIR, TickingClock())
    yield opened
    opened.close()


def test_sign_in_right_and_wrong(session: Session) -> None:
    session.users.add_user(MINUTER.name, MINUTER.role, SECRET)
    assert session.users.sign_in(MINUTER.name, SECRET) == MINUTER
    for name, secret in ((MINUTER.name, "wrong password"), ("Nobody Here", SECRET)):
        with pytest.raises(SignInFailed) as failed:
            session.users.sign_in(name, secret)
        assert failed.value.message == NO_MATCH
    outcomes = [(e["action"], e["actor"], e["outcome"]) for e in events(session.store)]
    assert outcomes[-3:] == [
        ("sign_in", MINUTER.name, "ok"),
        ("sign_in", "", "denied"),
        ("sign_in", "", "denied"),
    ]
    with session.store.reading() as s:
        row = s.scalars(sa.select(m.AppUser).where(m.AppUser.name == MINUTER.name)).one()
        assert row.secret_hash and SECRET not in row.secret_hash and len(row.secret_salt) == 32
    dump = "".join(str(e) for e in events(session.store))
    assert SECRET not in dump


def test_the_session_acts_as_whoever_signed_in(session: Session) -> None:
    session.users.add_user(MINUTER.name, MINUTER.role, SECRET)
    assert session.sign_in(MINUTER.name, SECRET) == MINUTER
    assert session.minutes.actor == MINUTER and session.release.actor == MINUTER


def test_a_user_without_a_password_chooses_one_first(session: Session) -> None:
    with pytest.raises(PasswordNotChosen):
        session.users.sign_in(CHAIR.name, "anything at all")
    with pytest.raises(ServiceError, match="at least 8"):
        session.users.choose_first(CHAIR.name, "short")
    assert session.users.choose_first(CHAIR.name, "the chair's password") == CHAIR
    with pytest.raises(SignInFailed):  # chosen once only
        session.users.choose_first(CHAIR.name, "another password")
    assert session.users.sign_in(CHAIR.name, "the chair's password") == CHAIR
    session.users.set_password("a newer password", "the chair's password")
    with pytest.raises(ServiceError, match="current password"):
        session.users.set_password("yet another one", "wrong")
    assert session.users.sign_in(CHAIR.name, "a newer password") == CHAIR


def test_only_a_chair_adds_users(session: Session) -> None:
    minute_taker = Session(session.store, MINUTER, TickingClock())
    with pytest.raises(PermissionDenied):
        minute_taker.users.add_user("Robin Reader", UserRole.READ_ONLY, SECRET)
    with pytest.raises(ServiceError, match="already a user"):
        session.users.add_user(CHAIR.name, UserRole.CHAIR, SECRET)
    assert [u.name for u in session.users.users()] == [CHAIR.name]


def test_actor_is_frozen() -> None:
    with pytest.raises(AttributeError):
        Actor("a", UserRole.CHAIR).name = "b"  # type: ignore[misc]


def test_a_first_password_may_come_with_the_persons_full_name(session: Session) -> None:
    session.users.add_user(MINUTER.name, MINUTER.role, SECRET)
    for bad, problem in (
        ("   ", "give your full name"),
        ("x" * 201, "at most 200 characters"),
        (f"  {MINUTER.name} ", "is already a user"),
    ):
        with pytest.raises(ServiceError, match=problem):
            session.users.choose_first(CHAIR.name, "the chair's password", bad)
    assert not session.users.has_password(CHAIR.name)  # nothing changed by a refusal
    renamed = session.users.choose_first(CHAIR.name, "the chair's password", " Hannah  Cole")
    assert renamed == Actor("Hannah Cole", UserRole.CHAIR)
    assert [u.name for u in session.users.users()] == ["Hannah Cole", MINUTER.name]
    assert session.users.sign_in("Hannah Cole", "the chair's password") == renamed
    with pytest.raises(SignInFailed):
        session.users.sign_in(CHAIR.name, "the chair's password")
    outcome = next(e["outcome"] for e in events(session.store) if e["action"] == "sign_in")
    assert outcome == f"ok; named Hannah Cole (was {CHAIR.name})"
