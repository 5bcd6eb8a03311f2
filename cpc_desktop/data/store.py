"""Opening, creating and closing an encrypted store.

A store is one SQLCipher file. Opening it never creates it (SQLite ``mode=rw``);
creating is a separate, explicit call. Every failure becomes a :class:`StoreError`
with one line for the user, and leaves the file's bytes as they were.

A PostgreSQL URL instead of a path opens the same schema on a server shared by the
chairs of an authority (:mod:`cpc_desktop.data.server` says what differs).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event, exc
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from cpc_desktop.data import audit, safeguards, seal
from cpc_desktop.data import probe as probes
from cpc_desktop.data.errors import (
    NotAStore,
    RowChanged,
    StoreChecking,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreNotFound,
    StoreReadOnly,
    StoreTooNew,
)
from cpc_desktop.data.health import Health
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.location import is_server_url
from cpc_desktop.data.locking import InstanceLock
from cpc_desktop.data.models import AuditEvent
from cpc_desktop.data.opening import (
    check_can_open,
    translate_error,
)
from cpc_desktop.data.opening import (
    connect as _connect,
)
from cpc_desktop.data.probe import key_for_file, probe
from cpc_desktop.data.schema import HEAD_REVISION, KNOWN_REVISIONS


def check_can_create(path: Path) -> None:
    if path.exists() or path.is_symlink():
        raise StoreExists(f"{path} already exists; CPC Desktop will not overwrite it")
    for sidecar in sidecars(path):
        if sidecar.exists():
            raise StoreExists(f"{sidecar} already exists; remove it or choose another name")
    if not path.parent.is_dir():
        raise StoreNotFound(f"the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise StoreReadOnly(f"cannot write in the folder {path.parent}")


def sidecars(path: Path) -> tuple[Path, ...]:
    """The files SQLite may keep beside a store."""
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def _reserve(path: Path) -> None:
    """Create the empty store file for this user alone; SQLite gives its ``-wal`` and
    ``-shm`` the same permissions. ``O_EXCL``: a file that appeared meanwhile is not used."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise StoreExists(f"{path} already exists; CPC Desktop will not overwrite it") from None
    except OSError:
        raise StoreError(f"cannot create {path} (check the folder)") from None


def _make_engine(path: Path, key: StoreKey, *, create: bool) -> sa.Engine:
    engine = sa.create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: _connect(path, key, create=create),
        poolclass=StaticPool,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        # The write lock at the start (no upgrade deadlocks); not for check's long reads.
        deferred = conn.get_execution_options().get("cpc_deferred")
        conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

    return engine


#: The longest closing waits for a page check still running, to append the audit events
#: of what was read meanwhile (an 850 MiB store takes about 8 s).
CLOSE_WAIT_S = 120.0


class _NothingToRecord(Exception):
    """Ends a read-only unit of work: its reads are done, and nothing is written."""


@dataclass
class Store:
    """An open store: the engine, a session factory and the instance lock.

    ``path`` is the store file, or ``None`` for a store on a PostgreSQL server, which
    has a ``url`` instead (and no key: the server authenticates).
    """

    path: Path | None
    engine: sa.Engine
    key: StoreKey | None = field(repr=False)
    _lock: InstanceLock | None = field(default=None, repr=False)
    url: sa.URL | None = field(default=None, repr=False)
    _health: Health = field(default_factory=Health, repr=False)
    _sealer: seal.Sealer | None = field(default=None, repr=False)
    #: Said once when the store opened: it had no seal on this machine and got one.
    seal_note: str | None = None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def file_backed(self) -> bool:
        """A file on this machine (with backups beside it), not a store on a server."""
        return self.path is not None

    @property
    def location(self) -> str:
        """The file's path, or the server's URL without its password (for messages)."""
        if self.path is not None:
            return str(self.path)
        assert self.url is not None
        return self.url.render_as_string(hide_password=True)

    def translate(self, error: BaseException) -> StoreError:
        """A driver error as one line for the user."""
        if self.path is not None:
            return translate_error(error, self.path)
        from cpc_desktop.data import server

        assert self.url is not None
        return server.translate_error(error, server.label(self.url))

    def session(self) -> Session:
        return self._sessions()

    @property
    def damage(self) -> str | None:
        """The damage found since the store opened (see :meth:`refuse_writes`), if any."""
        return self._health.damage

    def refuse_writes(self, damage: str) -> None:
        """Read-only from now on: damage was found (``damage`` says what, in one line).

        Nothing more is written to the file, so it stays as it was found for recovery:
        a unit of work that would change a row is refused with
        :class:`~cpc_desktop.data.errors.StoreDamaged` and rolled back, and one that only
        reads runs without its audit event (the audit log is in the same file). Its
        second connections, and the autosaves on them, are refused too.
        """
        self._health.refuse(damage)

    @property
    def checking(self) -> bool:
        """Its pages are still being checked: nothing is written until that ends."""
        return self._health.checking

    def check_percent(self) -> int | None:
        """How far the page check has gone (100 once it is over; None: cannot tell)."""
        return self._health.percent()

    def hold_writes(self, progress: Callable[[], int | None] = lambda: None) -> None:
        """Write nothing until :meth:`pages_checked`: the pages are being checked.

        A unit of work that would change a row is refused with
        :class:`~cpc_desktop.data.errors.StoreChecking` (nothing written, the caller may
        try again), and one that only reads runs, its audit event kept in memory and
        appended first thing once the check has passed. ``progress`` tells how far the
        check has gone, in per cent.
        """
        self._health.hold(progress)

    def pages_checked(self, damage: str | None) -> None:
        """The page check ended: writes resume, or (``damage``) never do."""
        self._health.checked(damage)

    def second_connection(self) -> Store:
        """Another :class:`Store` on this file (or server), with a connection of its own.

        For one worker thread: the store's own engine holds a single connection, which
        two threads must never use at once. The second has the same key and pragmas, so
        the two connections' writes serialise on SQLite's write lock. It holds no
        instance lock (it lives inside this store's); close it before this store closes.
        For a passphrase the file's key is derived again (0.1-0.5 s of PBKDF2, which does
        not hold the GIL): call this on the worker thread.
        """
        if self.path is None:
            from cpc_desktop.data import server

            assert self.url is not None
            engine = server.make_engine(self.url)
            return Store(path=None, engine=engine, key=None, url=self.url, _health=self._health)
        assert self.key is not None
        engine = _make_engine(self.path, key_for_file(self.key, self.path), create=False)
        return Store(
            path=self.path,
            engine=engine,
            key=self.key,
            _health=self._health,
            _sealer=self._sealer,
        )

    def when_closed(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` when this store closes: after its connection, before its lock.

        The owner of a :meth:`second_connection` closes it here, so the second never
        outlives the instance lock it relies on.
        """

        def disposed(_engine: sa.Engine) -> None:
            callback()

        event.listen(self.engine, "engine_disposed", disposed)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only, with driver errors turned into :class:`StoreError`."""
        session = self._sessions()
        try:
            if self.url is not None:  # one snapshot for every read (SQLite: the file lock)
                from cpc_desktop.data.server import READ_SNAPSHOT

                session.connection(execution_options=READ_SNAPSHOT)
            yield session
        except exc.DBAPIError as error:
            raise self.translate(error) from error
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def unit_of_work(self, context: audit.AuditContext) -> Iterator[audit.Work]:
        """One transaction whose changes and audit event commit together.

        The caller changes rows through ``work.session`` and may set
        ``work.object_id`` once it is known; on leaving the block every touched row
        is hashed and recorded in a new audit event, in the same transaction.
        """
        session = self._sessions()
        work = audit.Work(session=session, object_id=context.object_id)
        audit.track(session)
        recorded: AuditEvent | None = None
        health = self._health
        owed: list[tuple[audit.AuditContext, str]] = []
        try:
            with session.begin():
                if self.url is not None:  # one writer at a time (SQLite: BEGIN IMMEDIATE)
                    from cpc_desktop.data.server import SERIALISE_WRITERS

                    session.execute(SERIALISE_WRITERS)
                yield work
                session.flush()
                damage = health.damage
                if damage is not None:  # read-only: roll back, write nothing
                    if session.info.get("touched"):
                        raise StoreDamaged(f"nothing was saved: {damage}")
                    raise _NothingToRecord
                if health.checking:  # nothing written until the page check passes
                    if session.info.get("touched"):
                        raise self._still_checking()
                    health.owe(context, work.object_id or context.object_id)
                    raise _NothingToRecord
                owed = health.take_owed()
                for held, object_id in owed:
                    audit.record_read(session, held, object_id)
                recorded = audit.record(session, context, work)
        except _NothingToRecord:
            pass
        except StaleDataError:  # changed since this transaction read it: nothing written
            raise RowChanged(
                "someone else changed this at the same time; nothing was saved (look again)"
            ) from None
        except exc.DBAPIError as error:
            health.give_back(owed)
            raise self.translate(error) from error
        except BaseException:
            health.give_back(owed)
            raise
        finally:
            session.close()
        self._seal(recorded)

    def _seal(self, recorded: AuditEvent | None) -> None:
        """After a commit: seal the chain's new head outside the store (files only)."""
        if recorded is not None and self._sealer is not None:
            self._sealer.seal(recorded.seq, recorded.hash)

    def _still_checking(self) -> StoreChecking:
        percent = self._health.percent()
        done = "" if percent is None else f" ({percent} % done)"
        name = self.path.name if self.path is not None else "the store"
        return StoreChecking(
            f"nothing was saved yet: CPC Desktop is still checking {name} for damage"
            f"{done}; try again in a moment"
        )

    def _write_owed(self) -> None:
        """Append the audit events held back while the pages were checked (at close)."""
        if not self._health.owes:
            return
        if not self._health.wait(CLOSE_WAIT_S) or self._health.damage is not None:
            return  # nothing may be written (or the check never ended): they are lost
        owed = self._health.take_owed()
        session = self._sessions()
        recorded: AuditEvent | None = None
        try:
            with session.begin():
                for held, object_id in owed:
                    recorded = audit.record_read(session, held, object_id)
        except exc.DBAPIError:
            recorded = None  # closing: the store's own error shows on the next open
        finally:
            session.close()
        self._seal(recorded)

    @property
    def sealer(self) -> seal.Sealer | None:
        """The seal of this store's audit chain kept on this machine (files only)."""
        return self._sealer

    def close(self) -> None:
        if self._lock is not None:  # the store's own connection, not a second one
            self._write_owed()
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def needs_upgrade(revision: str, shown: str) -> bool:
    """Whether a store at ``revision`` must be migrated; refuse one newer than the app."""
    if revision not in KNOWN_REVISIONS:
        raise StoreTooNew(
            f"{shown} was written by a newer version of CPC Desktop "
            f"(schema {revision}); install the newer version to open it"
        )
    return revision != HEAD_REVISION


def store_exists(location: Path | str) -> bool:
    """Whether ``location`` (a path or a server URL) already holds something to open."""
    if is_server_url(location):
        from cpc_desktop.data import server

        return server.server_store_exists(str(location))
    return Path(location).exists()


def open_store(path: Path | str, key: StoreKey | None, *, check_later: bool = False) -> Store:
    """Open an existing store read-write, migrating it (after a backup) if older.

    Every page is checked before anything is written, whatever the store's size. With
    ``check_later`` (the application, so that unlocking a large store is not held up) a
    store larger than :data:`~cpc_desktop.data.probe.VERIFY_AT_OPEN_BYTES` opens without
    its page check and with its writes held (:meth:`Store.hold_writes`): the caller starts
    the check (``services/page_watch.py``). One that must be migrated is checked first.

    ``path`` may be a PostgreSQL URL; a server store needs no ``key``.
    """
    if is_server_url(path):
        from cpc_desktop.data import server

        return server.open_server_store(str(path))
    if key is None:
        raise ValueError("a store file needs its key")
    path = Path(path)
    check_can_open(path)
    lock = InstanceLock.acquire(path)
    try:
        later = check_later and path.stat().st_size > probes.VERIFY_AT_OPEN_BYTES
        file_key = key_for_file(key, path)  # the one key derivation of this open
        # Read-only: nothing is written before this passes.
        revision = probe(path, file_key, check_pages=not later)
        if later and revision not in (None, HEAD_REVISION):
            later = False  # migrating writes: every page is checked first
            probe(path, file_key)
    except BaseException as error:
        lock.release()
        if isinstance(error, sqlcipher.Error):
            raise translate_error(error, path) from error
        raise
    if revision is None:
        lock.release()
        raise NotAStore(f"{path.name} is not a CPC Desktop store")
    engine = _make_engine(path, file_key, create=False)
    sealer = seal.Sealer(path, file_key)
    try:
        with engine.connect() as conn:  # read only: the seal, before anything is written
            verdict = sealer.examine(conn)
            conn.rollback()
        if needs_upgrade(revision, path.name):
            if verdict.problem is not None:  # not upgraded: left as it was found
                raise StoreDamaged(verdict.problem)
            from cpc_desktop.data import migrate

            migrate.backup(engine, path, key, revision)
            migrate.upgrade(engine)
        damage = verdict.problem
        if damage is None:
            with engine.connect() as conn:
                damage = safeguards.trigger_problem(conn, path.name)
                conn.rollback()
    except exc.DBAPIError as error:
        engine.dispose()
        lock.release()
        raise translate_error(error, path) from error
    except BaseException:
        engine.dispose()
        lock.release()
        raise
    store = Store(path=path, engine=engine, key=key, _lock=lock, _sealer=sealer)
    store.seal_note = verdict.note
    if damage is not None:  # readable, but nothing more is written (see refuse_writes)
        store.refuse_writes(damage)
    elif later:
        store.hold_writes()
    return store


def create_store(path: Path | str, key: StoreKey | None, *, owner: str, now: datetime) -> Store:
    """Create a new, empty store at a path that does not exist yet.

    ``path`` may be a PostgreSQL URL naming an empty database; it needs no ``key``.
    """
    if is_server_url(path):
        from cpc_desktop.data import server

        return server.create_server_store(str(path), owner=owner, now=now)
    if key is None:
        raise ValueError("a store file needs its key")
    from cpc_desktop.data import migrate

    path = Path(path)
    check_can_create(path)
    _reserve(path)
    engine = _make_engine(path, key, create=True)
    lock: InstanceLock | None = None
    try:
        migrate.upgrade(engine)
        lock = InstanceLock.acquire(path)
        # The seal's key comes from the file's (one more derivation for a passphrase).
        sealer = seal.Sealer(path, key_for_file(key, path))
        store = Store(path=path, engine=engine, key=key, _lock=lock, _sealer=sealer)
        migrate.initialise(store, owner=owner, now=now)
    except BaseException as error:
        engine.dispose()
        if lock is not None:
            lock.release()
        for leftover in (path, *sidecars(path)):
            with suppress(FileNotFoundError):
                leftover.unlink()
        seal.forget(path)
        if isinstance(error, exc.DBAPIError):
            raise translate_error(error, path) from error
        raise
    return store


def raw_connection_info(store: Store) -> dict[str, Any]:
    """Facts about the open connection, for ``check`` and tests."""
    with store.engine.connect() as conn:
        cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        fks = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        conn.rollback()
    return {
        "cipher_version": cipher,
        "journal_mode": journal,
        "synchronous": sync,
        "foreign_keys": fks,
    }
