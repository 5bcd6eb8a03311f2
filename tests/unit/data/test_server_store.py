"""A store on a PostgreSQL server: addresses, messages, and what differs from a file.

The first tests need no server. The rest (``postgres_only``) run against the server
named by ``CPC_TEST_POSTGRES_URL``; every other data and service test runs there too.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import exc

from cpc_desktop.data import audit, errors, integrity, migrate, repository
from cpc_desktop.data import models as m
from cpc_desktop.data.location import is_server_url, shown
from cpc_desktop.data.schema import HEAD_REVISION
from cpc_desktop.data.server import label, parse_url, translate_error
from cpc_desktop.data.store import create_store, open_store, store_exists
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import MinutesState, UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import open_session
from tests.helpers.records import CANARY, small_record, uid
from tests.helpers.stores import (
    FIXED_NOW,
    TickingClock,
    new_store,
    raw_sql,
    store_location,
)

postgres_only = pytest.mark.postgres_only
CHAIR = Actor("Alex Chair", UserRole.CHAIR)


# --- no server needed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "server"),
    [
        ("postgresql://chair@db.example.org/cpc?sslmode=verify-full", True),
        ("postgresql+psycopg://chair@db/cpc", True),
        ("POSTGRESQL://db/cpc", True),
        ("postgres://db/cpc", True),
        ("postgresql+psycopg2://db/cpc", True),  # refused when opened, with a message
        ("store.db", False),
        ("/home/chair/postgresql/store.db", False),
        ("postgresql.db", False),
    ],
)
def test_a_url_names_a_server_and_anything_else_a_file(location: str, server: bool) -> None:
    assert is_server_url(location) is server
    assert not is_server_url(Path("postgresql://db/cpc"))


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("postgresql://chair:s3cret@db/cpc", "postgresql://chair:***@db/cpc"),
        (
            "postgresql://chair@db/cpc?sslmode=require&password=s3cret",
            "postgresql://chair@db/cpc?sslmode=require&password=***",
        ),
        ("postgresql://chair:p%40ss@db:5433/cpc", "postgresql://chair:***@db:5433/cpc"),
        ("postgresql://db/cpc", "postgresql://db/cpc"),
        ("store.db", "store.db"),
    ],
)
def test_a_password_is_never_printed(typed: str, printed: str) -> None:
    assert shown(typed) == printed


def test_parse_url_uses_psycopg_and_keeps_the_password_out_of_the_query() -> None:
    url = parse_url("postgresql://chair@db.example.org:5433/cpc?password=s3cret&sslmode=require")
    assert url.drivername == "postgresql+psycopg"
    assert url.password == "s3cret"
    assert "password" not in url.query
    assert "s3cret" not in url.render_as_string(hide_password=True)
    assert label(url) == "cpc on db.example.org:5433"
    assert label(parse_url("postgresql:///cpc")) == "cpc on the local server"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("postgresql+psycopg2://db/cpc", "not postgresql+psycopg2://"),
        ("postgresql://db", "names no database"),
        ("postgresql://db:notaport/cpc", "not a valid PostgreSQL URL"),
    ],
)
def test_a_bad_address_gets_one_line(typed: str, words: str) -> None:
    with pytest.raises(errors.StoreError, match=re.escape(words)) as caught:
        open_store(typed, None)
    assert "\n" not in caught.value.message


class _Driver(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__("DETAIL: Key (reference)=(CPC-2026-0042) already exists")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "kind", "words"),
    [
        ("28P01", errors.StoreError, "refused the login"),
        ("3D000", errors.StoreNotFound, "no database"),
        ("23505", errors.StoreError, "clashes"),
        ("P0001", errors.StoreError, "clashes"),
        ("40P01", errors.StoreLocked, "busy"),
        ("42501", errors.StoreReadOnly, "write access"),
        ("53100", errors.StoreError, "full"),
        ("22021", errors.StoreError, "cannot hold a value"),
        ("XX001", errors.StoreDamaged, "damaged"),
        (None, errors.StoreError, "cannot reach the server"),
        ("08006", errors.StoreError, "cannot reach the server"),
        ("42P01", errors.StoreError, "unexpected error (42P01)"),
    ],
)
def test_server_errors_become_one_line_without_the_servers_text(
    sqlstate: str | None, kind: type[errors.StoreError], words: str
) -> None:
    error = exc.DBAPIError("SELECT 1", None, _Driver(sqlstate))
    translated = translate_error(error, "cpc on db")
    assert type(translated) is kind
    assert words in translated.message
    assert "CPC-2026-0042" not in translated.message


@pytest.mark.parametrize(
    ("needs", "used", "words"),
    [
        (True, False, "asks for a password"),
        (False, True, "refused the connection"),
        (False, False, "cannot reach the server"),
    ],
)
def test_a_failed_login_is_told_from_an_unreachable_server(
    needs: bool, used: bool, words: str
) -> None:
    driver = _Driver(None)
    driver.pgconn = type("PGconn", (), {"needs_password": needs, "used_password": used})()  # type: ignore[attr-defined]
    translated = translate_error(exc.OperationalError("connect", None, driver), "cpc on db")
    assert words in translated.message


# --- against the server -------------------------------------------------------------------


def _record_with_minutes(store_loc: Path | str) -> None:
    with open_store(store_loc, None) as store:
        ConferenceService(store, CHAIR, TickingClock()).import_record(small_record())


@postgres_only
def test_opening_an_empty_database_creates_nothing(tmp_path: Path) -> None:
    location = store_location(tmp_path)
    assert not store_exists(location)
    with pytest.raises(errors.StoreNotFound, match="holds no CPC Desktop store"):
        open_store(location, None)
    with sa.create_engine(location, poolclass=sa.pool.NullPool).connect() as conn:
        assert sa.inspect(conn).get_table_names() == []


@postgres_only
def test_create_refuses_a_database_that_is_not_empty(tmp_path: Path) -> None:
    location = store_location(tmp_path)
    raw_sql(location, "CREATE TABLE notes (x integer)")
    with pytest.raises(errors.StoreExists, match="other tables"):
        create_store(location, None, owner="X", now=FIXED_NOW)
    with pytest.raises(errors.NotAStore, match="not a CPC Desktop store"):
        open_store(location, None)
    raw_sql(location, "DROP TABLE notes")
    new_store(tmp_path).close()
    assert store_exists(location)
    with pytest.raises(errors.StoreExists, match="will not overwrite"):
        create_store(location, None, owner="X", now=FIXED_NOW)


@postgres_only
def test_a_store_that_could_not_be_finished_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk gone")

    location = store_location(tmp_path)
    monkeypatch.setattr(migrate, "initialise", fail)
    with pytest.raises(RuntimeError):
        create_store(location, None, owner="X", now=FIXED_NOW)
    monkeypatch.undo()
    assert not store_exists(location)
    new_store(tmp_path).close()  # the empty database can take a store again


@postgres_only
def test_many_chairs_may_open_it_at_once_and_their_writes_chain(tmp_path: Path) -> None:
    location = store_location(tmp_path)
    new_store(tmp_path).close()
    _record_with_minutes(location)
    stores = [open_store(location, None) for _ in range(3)]  # no instance lock
    try:
        failures: list[BaseException] = []

        def write(store_index: int) -> None:
            entries = MinuteEntryService(stores[store_index], CHAIR, TickingClock())
            try:
                for n in range(5):
                    entries.add_entry("CPC-2026-0042", uid("item"), f"chair {store_index} note {n}")
            except BaseException as error:  # pragma: no cover - reported below
                failures.append(error)

        threads = [threading.Thread(target=write, args=(i,)) for i in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        report = integrity.check(stores[0])
        assert report.sound, report.problems
        assert report.audit_events == 2 + 15
    finally:
        for store in stores:
            store.close()


@postgres_only
def test_instants_come_back_utc_aware_and_equal(tmp_path: Path) -> None:
    at = datetime(2026, 11, 20, 23, 59, 58, 123456, tzinfo=UTC)
    with new_store(tmp_path) as store:
        context = audit.AuditContext("Alex Chair", "chair", "import", "conference", at=at)
        record = small_record()
        entry = replace(record.minutes[0], created_at=at, updated_at=at + timedelta(hours=1))
        record = replace(record, minutes=(entry, *record.minutes[1:]))
        with store.unit_of_work(context) as work:
            repository.insert_record(work.session, record, "Alex Chair", at)
        with store.reading() as session:
            loaded = repository.load_record(session, record.conference.id)
            last_at = session.scalar(
                sa.select(m.AuditEvent.at).order_by(m.AuditEvent.seq.desc()).limit(1)
            )
        assert loaded is not None
        assert loaded.minutes[0].created_at == at
        assert loaded.minutes[0].created_at.tzinfo is UTC
        assert loaded.minutes[0].updated_at == at + timedelta(hours=1)
        assert last_at == at and last_at.tzinfo is UTC
        assert integrity.check(store).sound


@postgres_only
def test_issued_minutes_are_frozen_by_the_server_too(tmp_path: Path) -> None:
    record = small_record()
    issued = d.MinutesVersion(
        id=uid("mv-issued"),
        version="1.0",
        state=MinutesState.ISSUED,
        created_at=FIXED_NOW,
        content_hash="a" * 64,
        approved_by="Alex Chair",
        approved_at=FIXED_NOW,
        issued_at=FIXED_NOW,
        file_sha256="b" * 64,
    )
    with new_store(tmp_path) as store:
        ConferenceService(store, CHAIR, TickingClock()).import_record(
            replace(record, minutes_versions=(issued,))
        )
        for sql in (
            "UPDATE minutes_version SET approved_by = 'someone else'",
            "DELETE FROM minutes_version",
            "DELETE FROM conference",  # the cascade reaches the issued version
        ):
            with pytest.raises(exc.DatabaseError), store.engine.begin() as conn:
                conn.exec_driver_sql(sql)
        for sql in ("UPDATE audit_event SET actor = 'Eve'", "TRUNCATE audit_event"):
            with pytest.raises(exc.DatabaseError), store.engine.begin() as conn:
                conn.exec_driver_sql(sql)
        assert integrity.check(store).sound


@postgres_only
def test_a_missing_search_index_is_named(tmp_path: Path) -> None:
    location = store_location(tmp_path)
    new_store(tmp_path).close()
    raw_sql(location, "DROP INDEX minute_fts")
    with open_store(location, None) as store:
        assert integrity.check(store).problems == (
            "search index check: the index of minute text is missing or unusable",
        )


@postgres_only
def test_an_older_store_is_upgraded_without_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = store_location(tmp_path)
    new_store(tmp_path).close()
    raw_sql(location, "UPDATE alembic_version SET version_num = '0000'")
    monkeypatch.setattr("cpc_desktop.data.store.KNOWN_REVISIONS", ("0000", HEAD_REVISION))
    calls: list[str] = []
    monkeypatch.setattr(migrate, "upgrade", lambda engine: calls.append("upgrade"))
    open_store(location, None).close()
    assert calls == ["upgrade"]
    assert list(tmp_path.iterdir()) == []


@postgres_only
def test_a_session_needs_no_passphrase_and_an_import_no_backup(tmp_path: Path) -> None:
    location = store_location(tmp_path)
    with open_session(location, None, create=True, user="Alex Chair") as session:
        assert not session.store.file_backed
        assert session.store.key is None
        url = session.store.url
        assert url is not None and url.database in session.store.location
        assert url.password is None or ":***@" in session.store.location
        session.conferences.import_record(small_record())
        with pytest.raises(errors.StoreError, match="server's own backups"):
            session.restore(tmp_path / "anything.bak")
    with open_session(location, None) as again:
        assert again.actor == CHAIR
        assert [h.entry_id for h in again.search.search(CANARY)] == [uid("m1")]
        assert again.conferences.check().sound
