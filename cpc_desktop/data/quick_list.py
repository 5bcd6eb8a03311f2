"""``cpc-desktop list`` read with the driver alone: the same open, the same listing and the
same audit event as through SQLAlchemy, without importing it (issue 21.4).

Importing SQLAlchemy and mapping the models costs a new process more than the whole
listing of a small store. So the command line first tries this path, which does what
:func:`~cpc_desktop.data.store.open_store` and the listing's unit of work do, in the same
order: the file is refused as it would be there (:func:`~cpc_desktop.data.opening.check_can_open`),
locked, keyed with one key derivation, probed with every page checked before anything is
written, compared with its seal and its safeguard triggers; then, in one write
transaction, the acting user is found, the conferences read (the same columns and order as
:mod:`cpc_desktop.data.overview`), and the listing's audit event appended exactly as
:mod:`cpc_desktop.data.audit` appends it; the seal moves on after the commit.

Anything out of the ordinary makes it step aside *before anything is written*
(:func:`read_listing` returns ``None``): a store to migrate, a seal or trigger problem, an
unknown user, a user with a password to ask for, a role that may not list, a value that
does not read back. The caller then opens the store the usual way, which says what is
wrong in its own words (or signs the user in) exactly as before.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from cpc_desktop.data.audit_chain import GENESIS, event_hash
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.locking import InstanceLock
from cpc_desktop.data.opening import check_can_open, connect, translate_error
from cpc_desktop.data.probe import key_for_file, probe
from cpc_desktop.data.safeguards import SQLITE_FOUND, problem_of
from cpc_desktop.data.schema import HEAD_REVISION, SQLITE_TRIGGERS
from cpc_desktop.data.seal import Sealer, read_head_raw
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import Outcome, UserRole

Convert = Callable[[Any], Any]


@dataclass(frozen=True)
class QuickListing:
    """Every conference, as :meth:`ConferenceService.overview` gives them, and who read them."""

    actor: str
    role: UserRole
    conferences: tuple[d.Conference, ...]
    children: dict[str, tuple[d.Child, ...]]
    first_sent: dict[tuple[str, str], datetime]
    without_plan: frozenset[str]


class _StepAside(Exception):
    """Not for this path: nothing was written; the usual open takes over."""


def read_listing(
    path: Path,
    key: StoreKey,
    user: str | None,
    may_list: Callable[[UserRole], bool],
    at: datetime,
) -> QuickListing | None:
    """The listing of the store file at ``path`` read as ``user`` (else its first chair) at
    ``at``, its audit event appended; ``None`` when the usual open must do it instead.

    Raises the :class:`~cpc_desktop.data.errors.StoreError` the usual open would raise
    for a file it refuses (missing, read-only, locked, wrong passphrase, damaged page).
    """
    check_can_open(path)
    lock = InstanceLock.acquire(path)
    try:
        file_key = key_for_file(key, path)  # the one key derivation, as in open_store
        revision = probe(path, file_key)  # every page checked before anything is written
        if revision != HEAD_REVISION:
            return None  # not a store, or one to migrate: the usual open says or does it
        sealer = Sealer(path, file_key)
        con = connect(path, file_key, create=False)
        try:
            listing, seq, head = _read_and_record(con, sealer, path.name, user, may_list, at)
        finally:
            con.close()
        sealer.seal(seq, head)  # after the commit, as Store does
        return listing
    except _StepAside:
        return None
    except sqlcipher.Error as error:
        raise translate_error(error, path) from error
    finally:
        lock.release()


def _read_and_record(
    con: sqlcipher.Connection,
    sealer: Sealer,
    shown: str,
    user: str | None,
    may_list: Callable[[UserRole], bool],
    at: datetime,
) -> tuple[QuickListing, int, str]:
    if sealer.judge(lambda *wanted: read_head_raw(con, *wanted)).problem is not None:
        raise _StepAside
    triggers = {row[0] for row in con.execute(SQLITE_FOUND)}
    if problem_of([t for t in SQLITE_TRIGGERS if t not in triggers], shown) is not None:
        raise _StepAside
    con.execute("BEGIN IMMEDIATE")
    try:
        actor, role = _actor(con, user)
        if not may_list(role):
            raise _StepAside  # the refusal is the usual path's to record
        try:
            listing = QuickListing(actor, role, *_overview(con))
        except (LookupError, ValueError, TypeError):
            raise _StepAside from None  # a value that does not read back: named there
        seq, head = _append_listed(con, actor, role, at)
        con.execute("COMMIT")
    except BaseException:
        with suppress(sqlcipher.Error):  # none begun (the lock was refused): say why
            con.execute("ROLLBACK")
        raise
    return listing, seq, head


def _actor(con: sqlcipher.Connection, user: str | None) -> tuple[str, UserRole]:
    """The acting user as ``services.session`` finds them; aside for anything else."""
    rows = con.execute(
        "SELECT name, role, secret_hash IS NOT NULL FROM app_user ORDER BY row_created_at"
    ).fetchall()
    for name, role, has_password in rows:
        if (name == user) if user is not None else (role == UserRole.CHAIR.value):
            if has_password:
                raise _StepAside  # the usual path asks for it and signs them in
            try:
                return str(name), UserRole(role)
            except ValueError:
                raise _StepAside from None
    raise _StepAside  # not a user of this store (or no chair): refused there


def _append_listed(
    con: sqlcipher.Connection, actor: str, role: UserRole, at: datetime
) -> tuple[int, str]:
    """The listing's audit event, as ``audit.record`` appends a unit of work's with no row."""
    last = con.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (0, GENESIS) if last is None else (int(last[0]), str(last[1]))
    body = {
        "seq": seq + 1,
        "at": at,
        "actor": actor,
        "role": role.value,
        "action": "list",
        "object_type": "store",
        "object_id": "",
        "outcome": "ok",
        "rows": "[]",
        "prev_hash": prev,
    }
    digest = event_hash(prev, body)
    stored = {**body, "at": _instant_text(at), "hash": digest}
    names = ", ".join(stored)
    marks = ", ".join("?" * len(stored))
    con.execute(f"INSERT INTO audit_event ({names}) VALUES ({marks})", tuple(stored.values()))
    return seq + 1, digest


def _instant_text(at: datetime) -> str:
    """A UTC instant as SQLAlchemy stores a ``UTCDateTime`` in SQLite."""
    return at.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


# --- the listing's reads, as data/overview.py makes them --------------------------------


def _overview(
    con: sqlcipher.Connection,
) -> tuple[
    tuple[d.Conference, ...],
    dict[str, tuple[d.Child, ...]],
    dict[tuple[str, str], datetime],
    frozenset[str],
]:
    conference = _Reader(d.Conference)
    conferences = tuple(
        conference.make(row)
        for row in con.execute(
            f"SELECT {conference.columns} FROM conference ORDER BY date, reference"
        )
    )
    child = _Reader(d.Child)
    grouped: dict[str, list[d.Child]] = {}
    for conference_id, *values in con.execute(
        f"SELECT conference_id, {child.columns} FROM child ORDER BY conference_id, position"
    ):
        grouped.setdefault(conference_id, []).append(child.make(values))
    sent: dict[tuple[str, str], Any] = {  # a UTC instant (as the ORM reads min(sent_at))
        (conference_id, item): _instant(first)
        for conference_id, item, first in con.execute(
            "SELECT conference_id, item, min(sent_at) FROM distribution "
            "GROUP BY conference_id, item"
        )
    }
    without_plan = frozenset(
        row[0]
        for row in con.execute(
            "SELECT conference_id FROM decision WHERE final IS 1 GROUP BY conference_id "
            "HAVING sum(CASE WHEN outcome = ? THEN 1 ELSE 0 END) = 0",
            (Outcome.CP_PLAN.value,),
        )
    )
    children = {key: tuple(values) for key, values in grouped.items()}
    return conferences, children, sent, without_plan


def _instant(raw: Any) -> datetime | None:
    return None if raw is None else datetime.fromisoformat(raw).replace(tzinfo=UTC)


def _day(raw: Any) -> date | None:
    return None if raw is None else date.fromisoformat(raw)


def _clock(raw: Any) -> time | None:
    return None if raw is None else time.fromisoformat(raw)


def _flag(raw: Any) -> bool | None:
    if raw is None:
        return None
    if raw not in (0, 1):
        raise ValueError(raw)  # SQLAlchemy's Boolean refuses it too
    return bool(raw)


def _member(kind: type[Enum]) -> Convert:
    return lambda raw: None if raw is None else kind(raw)


def _converter(hint: Any) -> Convert | None:
    """What turns a stored value into a field of type ``hint`` (None: as it is)."""
    if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
        kinds = [k for k in typing.get_args(hint) if k is not NoneType]
        hint = kinds[0]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _member(hint)
    if hint is datetime:
        return _instant
    if hint is date:
        return _day
    if hint is time:
        return _clock
    if hint is bool:
        return _flag
    if hint in (str, int):
        return None
    raise TypeError(f"no reading for {hint!r}")  # pragma: no cover - a new kind of field


class _Reader:
    """Rows of a domain dataclass read from the columns named as its fields."""

    def __init__(self, kind: type[Any]) -> None:
        hints = typing.get_type_hints(kind)
        names = [f.name for f in fields(kind)]
        self._kind = kind
        self.columns = ", ".join(f'"{name}"' for name in names)
        self._converts = [
            (index, convert)
            for index, name in enumerate(names)
            if (convert := _converter(hints[name])) is not None
        ]

    def make(self, row: Any) -> Any:
        values = list(row)
        for index, convert in self._converts:
            values[index] = convert(values[index])
        return self._kind(*values)


__all__ = ["QuickListing", "read_listing"]
