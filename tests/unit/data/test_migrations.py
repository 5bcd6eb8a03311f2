"""Migrations ship in the package, agree with the models, and back up before running."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cpc_desktop.data import migrate, repository
from cpc_desktop.data import models as m
from cpc_desktop.data.models import Base
from cpc_desktop.data.schema import HEAD_REVISION, KNOWN_REVISIONS, include_name
from cpc_desktop.data.store import Store, _make_engine, open_store
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.records import CANARY, small_record, uid
from tests.helpers.stores import (
    FIXED_NOW,
    ON_SERVER,
    RAW_KEY,
    TickingClock,
    new_store,
    store_location,
)


def test_known_revisions_match_the_scripts() -> None:
    assert migrate.script_head() == HEAD_REVISION
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    with new_store(tmp_path) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_name}
        )
        differences = compare_metadata(context, Base.metadata)
        conn.rollback()
    assert differences == []


@pytest.mark.sqlite_only
def test_backup_is_an_encrypted_copy(tmp_path: Path) -> None:
    old_mask = os.umask(0o022)  # the usual one: new files readable by everyone
    try:
        with new_store(tmp_path) as store:
            backup = migrate.backup(store.engine, store.path, store.key, "0000")
    finally:
        os.umask(old_mask)
    assert backup.name.startswith("store.db.before-0000-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # its owner's alone, as the store
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    assert not list(tmp_path.glob("*.partial"))
    with open_store(backup, RAW_KEY) as copy, copy.engine.connect() as conn:
        users = conn.exec_driver_sql("select name from app_user").fetchall()
    assert users == [("Alex Chair",)]


@pytest.mark.sqlite_only  # a server store has no copy beside it: test_server_store.py
def test_older_store_is_backed_up_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend the store is at an older revision that this app knows how to upgrade.
    with new_store(tmp_path) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0000'")
    monkeypatch.setattr("cpc_desktop.data.store.KNOWN_REVISIONS", ("0000", HEAD_REVISION))
    calls: list[str] = []
    monkeypatch.setattr(migrate, "upgrade", lambda engine: calls.append("upgrade"))
    open_store(tmp_path / "store.db", RAW_KEY).close()
    assert calls == ["upgrade"]
    assert len(list(tmp_path.glob("store.db.before-0000-*.bak"))) == 1


# --- 0001 -> 0002: the live workspace and full-text search -------------------------------

ZOE = "Zoë told her teacher she feels safe at her nan's house."


def _at_0001(table: str, **values: object) -> sa.Insert:
    """An insert of just these columns (typed as the models type them): the models' own
    tables would add the defaults of columns that later revisions made."""
    typed = m.Base.metadata.tables[table].c
    columns = (sa.column(name, typed[name].type) for name in values)
    return sa.insert(sa.table(table, *columns)).values(values)


def _store_at_0001(location: Path | str) -> None:
    """A store as version 0001 of the schema made it, holding one conference's minutes."""
    if isinstance(location, Path):
        engine = _make_engine(location, RAW_KEY, create=True)
    else:
        engine = sa.create_engine(location, poolclass=sa.pool.NullPool)
    meta = repository.row_meta("Alex Chair", FIXED_NOW)
    record = small_record()
    try:
        with engine.begin() as conn:
            command.upgrade(migrate.alembic_config(conn), "0001")
        with engine.begin() as conn:
            c = record.conference
            conn.execute(
                _at_0001(
                    "conference",
                    id=c.id,
                    reference=c.reference,
                    type=c.type,
                    status=c.status,
                    date=c.date,
                    profile=c.profile,
                    start_time=c.start_time,
                    local_authority="",
                    venue="",
                    mode=c.mode,
                    review_number=0,
                    **meta,
                )
            )
            for i, item in enumerate(record.agenda):
                conn.execute(
                    _at_0001(
                        "agenda_item",
                        id=item.id,
                        conference_id=c.id,
                        position=i,
                        key=item.key,
                        title=item.title,
                        allowance_minutes=10,
                        status=item.status,
                        **meta,
                    )
                )
            for i, text in enumerate((ZOE, record.minutes[0].text, "Nothing to add.")):
                conn.execute(
                    _at_0001(
                        "minute_entry",
                        id=uid(f"old-{i}"),
                        conference_id=c.id,
                        agenda_item_id=record.agenda[0].id,
                        position=i,
                        text=text,
                        restricted=False,
                        author="Min Taker",
                        created_at=FIXED_NOW,
                        updated_at=FIXED_NOW,
                        **meta,
                    )
                )
            # A gap in the implicit rowids: the index must still point at the right rows.
            conn.execute(sa.text("DELETE FROM minute_entry WHERE id = :id"), {"id": uid("old-1")})
    finally:
        engine.dispose()


def _chair(store: Store) -> Session:
    return Session(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())


def test_a_0001_store_is_backed_up_upgraded_and_its_minutes_searchable(tmp_path: Path) -> None:
    path = store_location(tmp_path)
    _store_at_0001(path)
    with open_store(path, RAW_KEY) as store:
        with store.engine.connect() as conn:
            revision = conn.exec_driver_sql("select version_num from alembic_version").scalar()
            entries = conn.exec_driver_sql(
                "select id, text, section from minute_entry order by position"
            ).fetchall()
            reasons = conn.exec_driver_sql("select not_obtained_reason from agenda_item").all()
            conn.rollback()
        hits = _chair(store).search.search("zoe nan")
        assert _chair(store).search.search("Nothing") != ()
        assert _chair(store).search.search(CANARY) == ()  # deleted before the upgrade
        _chair(store).entries.save_text(uid("old-0"), "Changed after the upgrade.")
        assert _chair(store).search.search("zoe") == ()
        assert [h.entry_id for h in _chair(store).search.search("upgrade")] == [uid("old-0")]
    assert revision == HEAD_REVISION
    assert entries == [(uid("old-0"), ZOE, None), (uid("old-2"), "Nothing to add.", None)]
    assert reasons == [(None,)]
    assert [h.entry_id for h in hits] == [uid("old-0")]
    # On a server there is no copy beside a file: its own backups are the undo.
    assert len(list(tmp_path.glob("store.db.before-0001-*.bak"))) == (0 if ON_SERVER else 1)


def test_downgrade_to_0001_keeps_every_minute(tmp_path: Path) -> None:
    from cpc_desktop.services.conferences import ConferenceService

    with new_store(tmp_path) as store:
        ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock()).import_record(
            small_record()
        )
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0001")
        with store.engine.connect() as conn:
            inspector = sa.inspect(conn)
            names = set(inspector.get_table_names())
            names |= {i["name"] or "" for i in inspector.get_indexes("minute_entry")}
            count = conn.exec_driver_sql("select count(*) from minute_entry").scalar()
            columns = {c["name"] for c in inspector.get_columns("minute_entry")}
            conn.rollback()
        assert count == 2
        assert "section" not in columns
        assert not {n for n in names if n.startswith(("minute_fts", "conference_action"))}
        assert "safety_scale" not in names
        migrate.upgrade(store.engine)
        assert [h.entry_id for h in _chair(store).search.search(CANARY)] == [uid("m1")]


@pytest.mark.sqlite_only
def test_a_backup_copy_keeps_a_working_search_index(tmp_path: Path) -> None:
    from cpc_desktop.services.conferences import ConferenceService

    with new_store(tmp_path) as store:
        ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock()).import_record(
            small_record()
        )
        entries = _chair(store).entries
        first = entries.add_entry("CPC-2026-0042", uid("item"), "Gap maker")
        entries.delete_entry(first.id)
        entries.add_entry("CPC-2026-0042", uid("item"), "Grandmother attends weekly")
        backup = migrate.backup(store.engine, store.path, store.key, "0002")
    with open_store(backup, RAW_KEY) as copy:
        with copy.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO minute_fts(minute_fts, rank) VALUES ('integrity-check', 1)"
            )
        hits = _chair(copy).search.search("grandmother")
        assert [h.snippet for h in hits] == ["\ue000Grandmother\ue001 attends weekly"]
        assert [h.entry_id for h in _chair(copy).search.search(CANARY)] == [uid("m1")]


def test_a_store_from_before_the_release_check_upgrades_with_no_passwords(tmp_path: Path) -> None:
    """The revision before 0006 back to head: users kept, none with a password yet."""
    import importlib

    script = importlib.import_module("cpc_desktop.data.migrations.versions.0006_release_check")
    assert script.down_revision == KNOWN_REVISIONS[KNOWN_REVISIONS.index("0006") - 1]
    with new_store(tmp_path) as store:
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), script.down_revision)
        with store.engine.connect() as conn:
            names = set(sa.inspect(conn).get_table_names())
            conn.rollback()
        assert "release_check" not in names
        migrate.upgrade(store.engine)
        with store.engine.connect() as conn:
            users = conn.exec_driver_sql("select name, secret_hash, secret_salt from app_user")
            assert users.fetchall() == [("Alex Chair", None, None)]
            assert conn.exec_driver_sql("select count(*) from release_check").scalar() == 0
            conn.rollback()


def test_a_store_from_before_row_versions_upgrades_and_still_checks_sound(
    tmp_path: Path,
) -> None:
    """0006 back to head: every row at version 1, every recorded hash still matching; then
    an edit makes version 2, and a version changed with raw SQL is caught by check."""
    from cpc_desktop.data import integrity
    from cpc_desktop.services.conferences import ConferenceService
    from tests.helpers.stores import TickingClock, raw_sql

    location = store_location(tmp_path)
    with new_store(tmp_path) as store:
        ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock()).import_record(
            small_record()
        )
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0006")
        with store.engine.connect() as conn:
            columns = {c["name"] for c in sa.inspect(conn).get_columns("minute_entry")}
            conn.rollback()
        assert "row_version" not in columns
        migrate.upgrade(store.engine)
        with store.engine.connect() as conn:
            versions = conn.exec_driver_sql("select distinct row_version from minute_entry")
            assert versions.scalars().all() == [1]
            conn.rollback()
        assert integrity.check(store).sound
        _chair(store).entries.save_text(uid("m1"), "Edited after the upgrade.")
        assert integrity.check(store).sound
    raw_sql(location, "UPDATE minute_entry SET row_version = 9 WHERE row_version = 2")
    with open_store(location, RAW_KEY) as store:
        report = integrity.check(store)
    assert not report.sound
    assert f"minute_entry row {uid('m1')} was changed outside CPC Desktop" in report.problems[0]
