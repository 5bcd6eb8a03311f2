"""A store on a PostgreSQL server, shared by the chairs of one authority.

The same models and migrations as the SQLite file; what differs, and why:

- No SQLCipher and no passphrase: the server authenticates the user (a password from
  the URL, ``PGPASSWORD`` or ``~/.pgpass``, or a client certificate) and its disk
  encryption protects the data at rest. The connection uses TLS: ``sslmode=require``
  unless the URL (or ``PGSSLMODE``) says otherwise or the server is this machine.
- No instance lock: many chairs use the store at once. Each unit of work first takes
  the store's writer lock (readers are not blocked), so the audit chain gets one event
  at a time, as on SQLite where a write transaction holds the file.
  Reads run in one snapshot (``REPEATABLE READ``), so ``check`` sees a consistent store.
- No backup beside a file (before a migration or an import): the server's own backups
  (``pg_dump``, point-in-time recovery) are the undo.
- The store is the connection's schema (``current_schema()``, normally ``public``).
  Creating it needs an empty schema in a UTF8 database.

Imported only when a URL is opened: SQLite users never load psycopg.
"""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import make_url

from cpc_desktop.data import safeguards
from cpc_desktop.data.errors import (
    NotAStore,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreLocked,
    StoreNotFound,
    StoreReadOnly,
)
from cpc_desktop.data.store import Store, needs_upgrade

_DRIVERS = ("postgresql", "postgres", "postgresql+psycopg")
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

#: Taken first in every unit of work: one writer at a time per store, readers never wait.
#: An advisory lock (no table privilege needed) named by "CPCD" and the store's audit
#: table, so stores in other schemas or databases do not wait for each other.
SERIALISE_WRITERS = sa.text(
    "SELECT pg_advisory_xact_lock(1129333572, 'audit_event'::regclass::oid::int)"
)
READ_SNAPSHOT = {"isolation_level": "REPEATABLE READ"}


def parse_url(text: str) -> sa.URL:
    """The URL to connect with (driver psycopg 3), or a :class:`StoreError` saying why not."""
    try:
        url = make_url(text)
    except (exc.ArgumentError, ValueError):
        raise StoreError(
            "the --db address is not a valid PostgreSQL URL "
            "(postgresql://user@host/database?sslmode=verify-full)"
        ) from None
    if url.drivername.lower() not in _DRIVERS:
        raise StoreError(
            f"CPC Desktop connects with postgresql:// (the psycopg driver), not {url.drivername}://"
        )
    if not url.database:
        raise StoreError("the --db address names no database (postgresql://user@host/database)")
    password = url.query.get("password")
    if isinstance(password, str):  # kept out of the query, so it is never shown
        url = url.difference_update_query(["password"]).set(password=password)
    return url.set(drivername="postgresql+psycopg")


def label(url: sa.URL) -> str:
    """How messages name a server store: database and host, never the user or password."""
    host = url.host or url.query.get("host") or "the local server"
    port = f":{url.port}" if url.port else ""
    return f"{url.database} on {host}{port}"


def _is_local(url: sa.URL) -> bool:
    host = url.host or url.query.get("host")
    return not host or not isinstance(host, str) or host.startswith("/") or host in _LOCAL_HOSTS


def make_engine(url: sa.URL) -> sa.Engine:
    connect_args: dict[str, object] = {"application_name": "CPC Desktop"}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = 10
    if "sslmode" not in url.query and "PGSSLMODE" not in os.environ and not _is_local(url):
        connect_args["sslmode"] = "require"  # never send children's records in clear
    return sa.create_engine(
        url, hide_parameters=True, pool_pre_ping=True, connect_args=connect_args
    )


def translate_error(error: BaseException, shown: str) -> StoreError:
    """Map a server error to one line for the user (never the server's own text,
    which can quote the values of a row)."""
    orig = getattr(error, "orig", None) or error
    state = str(getattr(orig, "sqlstate", None) or "")
    if state.startswith("28"):
        return StoreError(
            f"the server refused the login to {shown}: check the user name and password "
            "(in the URL, PGPASSWORD or ~/.pgpass)"
        )
    if state == "3D000":
        return StoreNotFound(f"the server has no database for {shown}")
    if state.startswith("23") or state == "P0001":  # P0001: our triggers refuse it
        return StoreError(
            f"the change clashes with what {shown} holds (a duplicate or a missing "
            "reference); nothing was saved"
        )
    if state in ("40001", "40P01", "55P03", "57014"):
        return StoreLocked(f"{shown} is busy with another change; try again")
    if state == "42501":
        return StoreReadOnly(
            f"the server does not let this user change {shown}; CPC Desktop needs write access"
        )
    if state == "53100":
        return StoreError(f"the server's disk holding {shown} is full; nothing was saved")
    if state == "53300":
        return StoreError(f"the server holding {shown} has no free connections; try again")
    if state.startswith("22") or (not state and isinstance(error, exc.DataError)):
        # e.g. a NUL character, which PostgreSQL text cannot hold (SQLite's can)
        return StoreError(
            f"{shown} cannot hold a value as given (too long, or a character the server "
            "cannot store); nothing was saved"
        )
    if state.startswith("XX"):
        return StoreDamaged(f"the server reports {shown} damaged; restore it from its backups")
    if not state:  # failed before there was a session; libpq says how far it got
        pgconn = getattr(orig, "pgconn", None)
        if getattr(pgconn, "needs_password", False) and not getattr(pgconn, "used_password", False):
            return StoreError(
                f"the server asks for a password for {shown}: put it in ~/.pgpass or "
                "PGPASSWORD (or the URL)"
            )
        if getattr(pgconn, "used_password", False) or "FATAL" in str(orig):
            return StoreError(
                f"the server refused the connection to {shown}: check the user name, the "
                "password (in the URL, PGPASSWORD or ~/.pgpass) and the database name"
            )
    if not state or state.startswith(("08", "57P")):
        return StoreError(
            f"cannot reach the server for {shown}: check the address, the network, TLS "
            "(sslmode) and that the server is running"
        )
    return StoreError(f"cannot use {shown}: the server reported an unexpected error ({state})")


def _tables(conn: sa.Connection) -> set[str]:
    """The tables in the connection's schema."""
    return set(sa.inspect(conn).get_table_names())


def _revision(conn: sa.Connection, tables: set[str]) -> str | None:
    if "alembic_version" not in tables:
        return None
    row = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def open_server_store(text: str) -> Store:
    """Open the store in the database ``text`` names, migrating it if it is older."""
    url = parse_url(text)
    shown = label(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = _tables(conn)
            revision = _revision(conn, tables)
            conn.rollback()
        if revision is None and not tables:
            raise StoreNotFound(
                f"{shown} holds no CPC Desktop store (use 'demo' or 'import' to create one)"
            )
        if revision is None:
            raise NotAStore(f"{shown} holds other tables: it is not a CPC Desktop store")
        if needs_upgrade(revision, shown):
            from cpc_desktop.data import migrate

            migrate.upgrade(engine)  # no copy first: the server's backups are the undo
        with engine.connect() as conn:
            damage = safeguards.trigger_problem(conn, shown)
            conn.rollback()
    except exc.DBAPIError as error:
        engine.dispose()
        raise translate_error(error, shown) from error
    except BaseException:
        engine.dispose()
        raise
    store = Store(path=None, engine=engine, key=None, url=url)
    if damage is not None:  # a guard is gone: readable, but nothing more is written
        store.refuse_writes(damage)
    return store


def server_store_exists(text: str) -> bool:
    """Whether the database ``text`` names already holds a CPC Desktop store."""
    url = parse_url(text)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = "alembic_version" in _tables(conn)
            conn.rollback()
    except exc.DBAPIError as error:
        raise translate_error(error, label(url)) from error
    finally:
        engine.dispose()
    return found


def create_server_store(text: str, *, owner: str, now: datetime) -> Store:
    """Make a new store in an empty schema of the database ``text`` names."""
    from cpc_desktop.data import migrate

    url = parse_url(text)
    shown = label(url)
    engine = make_engine(url)

    def refuse_unless_empty(conn: sa.Connection) -> None:
        encoding = conn.execute(sa.text("SHOW server_encoding")).scalar()
        if str(encoding).upper() not in ("UTF8", "UTF-8"):
            raise StoreError(f"{shown} is not a UTF8 database; CPC Desktop needs UTF8")
        tables = _tables(conn)
        if "alembic_version" in tables:
            raise StoreExists(
                f"{shown} already holds a CPC Desktop store; CPC Desktop will not overwrite it"
            )
        if tables:
            raise StoreExists(
                f"{shown} already holds other tables; CPC Desktop makes a store only in an "
                "empty database"
            )

    made = False
    try:
        migrate.create(engine, refuse_unless_empty)
        made = True
        store = Store(path=None, engine=engine, key=None, url=url)
        migrate.initialise(store, owner=owner, now=now)
    except BaseException as error:
        if made:  # a store that could not be finished is not left behind
            with suppress(exc.DBAPIError):
                migrate.downgrade_to_nothing(engine)
        engine.dispose()
        if isinstance(error, exc.DBAPIError):
            raise translate_error(error, shown) from error
        raise
    return store
