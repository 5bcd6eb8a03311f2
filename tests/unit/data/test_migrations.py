"""Migrations ship in the package, agree with the models, and back up before running."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cpc_desktop.data import migrate
from cpc_desktop.data.models import Base
from cpc_desktop.data.schema import HEAD_REVISION, KNOWN_REVISIONS
from cpc_desktop.data.store import open_store
from tests.helpers.stores import RAW_KEY, new_store


def test_known_revisions_match_the_scripts() -> None:
    assert migrate.script_head() == HEAD_REVISION
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    with new_store(tmp_path) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
        conn.rollback()
    assert differences == []


def test_backup_is_an_encrypted_copy(tmp_path: Path) -> None:
    with new_store(tmp_path) as store:
        backup = migrate.backup(store.engine, store.path, store.key, "0000")
    assert backup.name.startswith("store.db.before-0000-")
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    assert not list(tmp_path.glob("*.partial"))
    with open_store(backup, RAW_KEY) as copy, copy.engine.connect() as conn:
        users = conn.exec_driver_sql("select name from app_user").fetchall()
    assert users == [("Alex Chair",)]


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
