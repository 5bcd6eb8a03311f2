"""The audit chain: append-only, hash-chained, and it catches raw-SQL edits of any row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import exc

from cpc_desktop.data import audit, integrity, repository
from cpc_desktop.data.store import Store, open_store
from tests.helpers.records import CANARY, small_record, uid
from tests.helpers.stores import (
    FIXED_NOW,
    ON_SERVER,
    RAW_KEY,
    new_store,
    raw_sql,
    store_location,
)


def _import(store: Store) -> None:
    context = audit.AuditContext("Alex Chair", "chair", "import", "conference", at=FIXED_NOW)
    with store.unit_of_work(context) as work:
        repository.insert_record(work.session, small_record(), "Alex Chair", FIXED_NOW)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    with new_store(tmp_path) as store:
        _import(store)
    return store_location(tmp_path)  # type: ignore[return-value]  # on a server, its URL


_raw = raw_sql


def _drop_trigger(name: str) -> str:
    return f"DROP TRIGGER {name}" + (" ON audit_event" if ON_SERVER else "")


def _problems(path: Path) -> tuple[str, ...]:
    with open_store(path, RAW_KEY) as store:
        return integrity.check(store).problems


def test_untouched_store_is_sound(store_path: Path) -> None:
    with open_store(store_path, RAW_KEY) as store:
        report = integrity.check(store)
    assert report.sound, report.problems
    assert report.audit_events == 2
    assert report.conferences == 1
    assert report.rows > 8


def test_audit_holds_ids_and_hashes_only(store_path: Path) -> None:
    with open_store(store_path, RAW_KEY) as store, store.engine.connect() as conn:
        dump = "\n".join(str(tuple(r)) for r in conn.exec_driver_sql("select * from audit_event"))
    assert uid("m1") in dump
    assert CANARY not in dump
    assert "Bethany" not in dump


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            f"UPDATE minute_entry SET text = 'changed' WHERE id = '{uid('m1')}'",
            f"minute_entry row {uid('m1')} was changed outside CPC Desktop",
        ),
        (
            f"UPDATE minute_entry SET restricted = FALSE WHERE id = '{uid('m2')}'",
            f"minute_entry row {uid('m2')} was changed outside CPC Desktop",
        ),
        (
            f"DELETE FROM attendance_event WHERE id = '{uid('a2')}'",
            f"attendance_event row {uid('a2')} was deleted outside CPC Desktop",
        ),
        (
            "INSERT INTO app_user (name, role, id, row_created_at, row_created_by, "
            "row_updated_at, row_updated_by) VALUES ('Eve', 'chair', 'eve-id', "
            "'2026-01-01 00:00:00', 'x', '2026-01-01 00:00:00', 'x')",
            "app_user row eve-id was added outside CPC Desktop",
        ),
        (
            f"UPDATE child SET date_of_birth = '2020-01-01' WHERE id = '{uid('child')}'",
            f"child row {uid('child')} was changed outside CPC Desktop",
        ),
    ],
    ids=["edit-text", "unrestrict", "delete-exclusion", "insert-user", "edit-dob"],
)
def test_raw_sql_edits_are_named(store_path: Path, sql: str, expected: str) -> None:
    _raw(store_path, sql)
    assert _problems(store_path)[0] == expected


def test_audit_rows_cannot_be_changed(store_path: Path) -> None:
    for sql in ("UPDATE audit_event SET actor = 'Eve'", "DELETE FROM audit_event"):
        with (
            open_store(store_path, RAW_KEY) as store,
            pytest.raises(exc.DatabaseError),
            store.engine.begin() as conn,
        ):
            conn.exec_driver_sql(sql)


def test_editing_the_audit_after_dropping_triggers_is_named(store_path: Path) -> None:
    _raw(
        store_path,
        _drop_trigger("audit_event_no_update"),
        "UPDATE audit_event SET actor = 'Eve' WHERE seq = 1",
    )
    assert _problems(store_path)[0] == "audit event 1 (create_store) was altered"


def test_deleting_an_audit_event_is_named(store_path: Path) -> None:
    _raw(
        store_path, _drop_trigger("audit_event_no_delete"), "DELETE FROM audit_event WHERE seq = 1"
    )
    assert _problems(store_path)[0] == "audit event 1 is missing (the next one is 2)"


def test_rewriting_the_last_event_is_named(store_path: Path) -> None:
    _raw(
        store_path,
        _drop_trigger("audit_event_no_update"),
        "UPDATE audit_event SET rows = '[]' WHERE seq = 2",
    )
    assert _problems(store_path)[0] == "audit event 2 (import) was altered"


def test_chain_links_each_event_to_the_last(store_path: Path) -> None:
    with open_store(store_path, RAW_KEY) as store, store.engine.connect() as conn:
        events = conn.exec_driver_sql(
            "select seq, prev_hash, hash from audit_event order by seq"
        ).fetchall()
    assert events[0][1] == audit.GENESIS
    assert events[1][1] == events[0][2]


@pytest.mark.sqlite_only  # FTS5's own index (on a server: test_server_store.py)
def test_a_search_index_out_of_step_with_the_minutes_is_named(store_path: Path) -> None:
    # Text indexed for a row that does not exist: search would point at the wrong entry.
    _raw(store_path, "INSERT INTO minute_fts(rowid, text) VALUES (999, 'ghost words')")
    assert _problems(store_path) == (
        "search index check: the index of minute text does not match the minutes",
    )


def test_the_search_index_is_not_a_tracked_table() -> None:
    from cpc_desktop.data.models import TRACKED_TABLES

    names = {table.name for table in TRACKED_TABLES}
    assert {"conference_action", "safety_scale"} <= names
    assert not {name for name in names if name.startswith("minute_fts")}


def test_a_dropped_guard_trigger_is_named_by_check(store_path: Path) -> None:
    """On a file and on a server alike, and read-only from its opening."""
    _raw(store_path, _drop_trigger("audit_event_no_delete"))
    if ON_SERVER:
        from cpc_desktop.data.server import label, parse_url

        shown = label(parse_url(str(store_path)))
    else:
        shown = "store.db"
    expected = (
        f"{shown} has lost its safeguard trigger audit_event_no_delete (removed outside CPC "
        "Desktop, so its audit log or issued minutes could be changed unseen); "
        "restore the latest backup"
    )
    assert _problems(store_path) == (expected,)
    with open_store(store_path, RAW_KEY) as store:
        assert store.damage == expected
