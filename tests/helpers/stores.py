"""Helpers to make real stores quickly (raw keys skip the KDF).

With ``CPC_TEST_POSTGRES_URL`` set (e.g. ``postgresql+psycopg://cpc:cpc@127.0.0.1/cpc``)
the same helpers make stores on that PostgreSQL server instead: each store location is
a new, empty schema of a unique name (safe with tests in parallel processes), reached
by putting it first on the connection's ``search_path``; every schema made during a
test is dropped when the test ends (``tests/conftest.py``).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import Store, create_store

#: The passphrase of the command-line tests' demo stores (tests/e2e/conftest.py).
DEMO_PASSPHRASE = "correct horse battery"

FIXED_NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
RAW_KEY = StoreKey.from_raw(bytes(range(32)))

#: The server the data and service tests run against, or ``None`` for SQLite files.
POSTGRES_URL = os.environ.get("CPC_TEST_POSTGRES_URL") or None
ON_SERVER = POSTGRES_URL is not None

_schemas: dict[tuple[Path, str], str] = {}
_admin: Any = None


class TickingClock:
    """A clock that moves one second per reading (deterministic audit times)."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        from datetime import timedelta

        self.now += timedelta(seconds=1)
        return self.now


def _server() -> Any:
    """One engine per test process for making and dropping schemas."""
    global _admin
    if _admin is None:
        import sqlalchemy as sa

        # Two connections kept open: this thread makes schemas while another drops them.
        _admin = sa.create_engine(POSTGRES_URL or "", pool_size=2, max_overflow=0)
    return _admin


def schema_url(schema: str) -> str:
    """The test server's URL with ``schema`` as the place tables are made and found."""
    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES_URL or "").update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def store_location(folder: Path, name: str = "store.db") -> Path | str:
    """Where a test's store called ``name`` lives: a file in ``folder``, or on the server
    a schema made for this (folder, name) on first use, the same one every later call."""
    if POSTGRES_URL is None:
        return folder / name
    key = (folder, name)
    if key not in _schemas:
        schema = "cpc_test_" + uuid.uuid4().hex
        with _server().begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        _schemas[key] = schema
    return schema_url(_schemas[key])


def _drop(schemas: list[str]) -> None:
    # One transaction a schema: dropping a test's dozens of stores at once took a lock for
    # every table of every one of them and ran the server out of shared memory.
    failed = []
    for schema in schemas:
        try:
            with _server().begin() as conn:
                conn.exec_driver_sql("SET LOCAL lock_timeout = '10s'")
                conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        except Exception as error:  # reported by the next test to finish
            failed.append(f"{schema} ({type(error).__name__})")
    if failed:
        _drop_failures.append(f"cannot drop {', '.join(failed)}")


_drop_failures: list[str] = []
_dropper: ThreadPoolExecutor | None = None


def drop_server_stores() -> None:
    """Drop every schema the finished test made (its stores are closed by then).

    The server drops them while the next test runs (one thread, in order); a failure,
    such as a transaction left open on a test's store, fails a later test's teardown.
    """
    global _dropper
    schemas = list(_schemas.values())
    _schemas.clear()  # a drop that fails is reported once, not again by every later test
    if schemas:
        if _dropper is None:
            _dropper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drop-schemas")
        _dropper.submit(_drop, schemas)
    if _drop_failures:
        failure = _drop_failures.pop(0)
        raise AssertionError(failure)


def finish_drops() -> None:
    """Wait for the last drops (the end of the test session, in every worker process)."""
    global _dropper
    if _dropper is not None:
        _dropper.shutdown(wait=True)
        _dropper = None
    if _drop_failures:
        raise AssertionError("; ".join(_drop_failures))


def new_store(folder: Path, name: str = "store.db", key: StoreKey = RAW_KEY) -> Store:
    return create_store(store_location(folder, name), key, owner="Alex Chair", now=FIXED_NOW)


def raw_sql(location: Path | str, *statements: str) -> None:
    """Run SQL on a closed store behind CPC Desktop's back (one transaction)."""
    if isinstance(location, Path):
        import sqlcipher3.dbapi2 as sqlcipher

        con = sqlcipher.connect(str(location))
        con.execute("PRAGMA key = " + RAW_KEY.sql_literal())
        for sql in statements:
            con.execute(sql)
        con.commit()
        con.close()
        return
    import sqlalchemy as sa

    engine = sa.create_engine(location, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            for sql in statements:
                conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def digest_tree(folder: Path) -> dict[str, str]:
    """Name -> sha256 of every file in a folder (to prove nothing changed)."""
    out = {}
    for entry in sorted(os.listdir(folder)):
        p = folder / entry
        if p.is_file():
            out[entry] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[entry] = "<dir>"
    return out
