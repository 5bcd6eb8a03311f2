"""The search index keeps prefixes of two and three characters (migration 0016, issue 21
point 5): a typed prefix reads one ready list instead of merging every word it begins,
and finds exactly what it found before."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command

from cpc_desktop.data import migrate
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

pytestmark = pytest.mark.sqlite_only  # PostgreSQL's GIN index answers prefixes itself

WORDS = (
    "The school said Theo attends; then there were three theories.",
    "Schooling and the therapist's notes.",
    "Thorough assessment, thirty minutes.",
    "Nothing to add.",
)


def _definition(store: object) -> str:
    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'minute_fts'"
        ).scalar()
        conn.rollback()
    return str(sql)


def _found(session: Session, text: str) -> list[str]:
    return sorted(hit.entry_id for hit in session.search.search(text))


def test_prefixes_find_the_same_entries_before_and_after_the_index_is_remade(
    tmp_path: Path,
) -> None:
    chair = Actor("Alex Chair", UserRole.CHAIR)
    with new_store(tmp_path) as store:
        ConferenceService(store, chair, TickingClock()).import_record(small_record())
        session = Session(store, chair, TickingClock())
        for text in WORDS:
            session.entries.add_entry("CPC-2026-0042", uid("item"), text)
        assert "prefix='2 3'" in _definition(store)
        queries = ("th", "the", "sch", "school", "thi", "no", "ther", "t", "zz")
        now = {q: _found(session, q) for q in queries}
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0015")
        assert "prefix" not in _definition(store)
        before = {q: _found(session, q) for q in queries}
        migrate.upgrade(store.engine)
        assert "prefix='2 3'" in _definition(store)
        again = {q: _found(session, q) for q in queries}
        # the index kept in step after the rebuild: a new entry and a changed one
        added = session.entries.add_entry("CPC-2026-0042", uid("item"), "Thea visits.")
        found_new = _found(session, "thea")
        with store.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO minute_fts(minute_fts, rank) VALUES ('integrity-check', 1)"
            )
    assert now == before == again
    assert len(now["th"]) == 3 and len(now["the"]) == 2 and len(now["sch"]) == 2
    assert now["zz"] == [] and now["t"] == []  # one letter matches only that word
    assert found_new == [added.id]
