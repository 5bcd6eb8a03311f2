"""The store's users: adding them, their sign-in passwords, and signing in.

A password is kept only as a salted scrypt hash (n=2**14, r=8, p=1, a 16-byte salt of
its own) and compared in constant time. A user made before passwords existed has none
and chooses one at their first sign-in. A failed sign-in gets one message that never
says whether the name or the password was wrong; both the sign-in and the failure are
audited by ids only, never the password.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from cpc_desktop.data import audit, repository
from cpc_desktop.data import models as m
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.base import Clock, ServiceBase
from cpc_desktop.services.errors import Conflict, ServiceError
from cpc_desktop.services.roles import Action, Actor

MIN_SECRET = 8
NO_MATCH = "That name and password do not match a user of this store."
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
_DUMMY_SALT = bytes(16)


class SignInFailed(ServiceError):
    """The name and password do not match (the message never says which was wrong)."""

    def __init__(self) -> None:
        super().__init__(NO_MATCH)


class PasswordNotChosen(ServiceError):
    """The user has no password yet and must choose one to sign in."""


@dataclass(frozen=True)
class StoreUser:
    """A user of the store as the sign-in shows them."""

    name: str
    role: UserRole
    has_password: bool


def hash_secret(secret: str, salt: bytes) -> str:
    """The scrypt hash (hex) of ``secret`` with ``salt``."""
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, **_SCRYPT).hex()


def _matches(user: m.AppUser | None, secret: str) -> bool:
    if user is None or user.secret_hash is None or user.secret_salt is None:
        hash_secret(secret, _DUMMY_SALT)  # as long as a real check, whoever was named
        return False
    wanted = user.secret_hash.encode("ascii")
    given = hash_secret(secret, bytes.fromhex(user.secret_salt)).encode("ascii")
    return hmac.compare_digest(wanted, given)


def check_new_secret(secret: str) -> None:
    """Refuse a password too short to choose, or one that cannot be stored."""
    if len(secret) < MIN_SECRET:
        raise ServiceError(f"a password needs at least {MIN_SECRET} characters")
    if "\x00" in secret:
        raise ServiceError("a password cannot contain a NUL character")
    try:
        secret.encode("utf-8")
    except UnicodeEncodeError:
        raise ServiceError("a password must be text (UTF-8)") from None


def _set(user: m.AppUser, secret: str) -> None:
    salt = secrets.token_bytes(16)
    user.secret_salt = salt.hex()
    user.secret_hash = hash_secret(secret, salt)


class UserService(ServiceBase):
    """Users of the store, their passwords, and signing in as one of them."""

    def users(self) -> tuple[StoreUser, ...]:
        """Every user, oldest first: names and roles only, for the sign-in to offer."""
        with self._store.reading() as s:
            rows = s.scalars(sa.select(m.AppUser).order_by(m.AppUser.row_created_at)).all()
            return tuple(StoreUser(u.name, u.role, u.secret_hash is not None) for u in rows)

    def add_user(self, name: str, role: UserRole, secret: str) -> StoreUser:
        """Add a user with their first password (the chair only)."""
        self._require(Action.MANAGE_USERS, "app_user")
        name = " ".join(name.split())
        if not name:
            raise ServiceError("a user needs a name")
        if len(name) > 200:
            raise ServiceError("a user's name can be at most 200 characters")
        check_new_secret(secret)
        with self._store.unit_of_work(self._context(Action.MANAGE_USERS, "app_user")) as work:
            if name in repository.store_users(work.session):
                raise Conflict(f"{name} is already a user of this store")
            user = m.AppUser(name=name, role=role, **self._meta())
            _set(user, secret)
            work.session.add(user)
            work.session.flush()
            work.object_id = user.id
        return StoreUser(name, role, True)

    def set_password(self, new: str, current: str | None = None) -> None:
        """Change the acting user's own password (``current`` is needed once one is set)."""
        check_new_secret(new)
        with self._store.unit_of_work(self._context(Action.SIGN_IN, "password")) as work:
            user = repository.store_users(work.session).get(self._actor.name)
            if user is None:
                raise ServiceError(f"{self._actor.name} is not a user of this store")
            work.object_id = user.id
            if user.secret_hash is not None and not _matches(user, current or ""):
                raise ServiceError("your current password is not right; nothing was changed")
            _set(user, new)
            self._touch(user)

    def choose_first(self, name: str, secret: str, full_name: str | None = None) -> Actor:
        """Sign in as ``name``, who has no password yet, choosing ``secret`` as theirs.

        ``full_name``, when given, is the person's own name from now on: a store made
        under a computer account ("root") names its chair by that account until the
        chair says who they are. Approvals, issues and the audit log then carry it; the
        audit event of this sign-in records the name it replaced.
        """
        check_new_secret(secret)
        new_name = name if full_name is None else " ".join(full_name.split())
        if not new_name:
            raise ServiceError("give your full name: it is the name on what you approve")
        if len(new_name) > 200:
            raise ServiceError("a user's name can be at most 200 characters")
        with self._store.reading() as s:
            users = repository.store_users(s)
            user = users.get(name)
            if user is None or user.secret_hash is not None:
                raise SignInFailed
            if new_name != name and new_name in users:
                raise Conflict(f"{new_name} is already a user of this store")
            actor = Actor(new_name, user.role)
        outcome = "ok" if new_name == name else f"ok; named {new_name} (was {name})"
        context = audit.AuditContext(
            actor.name,
            actor.role.value,
            Action.SIGN_IN.value,
            "password",
            "",
            self._clock(),
            outcome,
        )
        with self._store.unit_of_work(context) as work:
            row = repository.store_users(work.session)[name]
            if row.secret_hash is not None:  # chosen meanwhile, elsewhere
                raise SignInFailed
            _set(row, secret)
            row.name = new_name
            row.row_updated_at = self._clock()
            row.row_updated_by = actor.name
            work.object_id = row.id
        return actor

    def sign_in(self, name: str, secret: str) -> Actor:
        """The user ``name`` if ``secret`` is their password; refused in one plain line."""
        with self._store.reading() as s:
            user = repository.store_users(s).get(name)
            matched = _matches(user, secret)
            found = None if user is None else (user.id, user.name, user.role)
            chosen = user is not None and user.secret_hash is not None
        if found is not None and not chosen:
            raise PasswordNotChosen(f"{name} has not chosen a password yet: choose one first")
        if not matched or found is None:
            failed = _sign_in_context(self._clock, outcome="denied")
            with self._store.unit_of_work(failed) as work:
                work.object_id = "" if found is None else found[0]
            raise SignInFailed
        user_id, user_name, role = found
        context = audit.AuditContext(
            user_name, role.value, Action.SIGN_IN.value, "user", user_id, self._clock()
        )
        with self._store.unit_of_work(context):
            pass
        return Actor(user_name, role)

    def has_password(self, name: str) -> bool:
        """Whether the user ``name`` has chosen a password."""
        return any(u.name == name and u.has_password for u in self.users())


def _sign_in_context(clock: Clock, outcome: str = "ok") -> audit.AuditContext:
    """A sign-in not yet known to be anyone's: no actor until it succeeds."""
    return audit.AuditContext("", "", Action.SIGN_IN.value, "user", "", clock(), outcome)
