"""The one reader of a conference record gives back exactly what was stored, and only it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings

from cpc_desktop.data import audit, record_reader, repository
from cpc_desktop.data.store import Store
from cpc_desktop.domain.conference import ConferenceRecord
from tests.helpers.stores import FIXED_NOW, ON_SERVER, new_store
from tests.strategies import example_record, holds_nul, records


def _insert(store: Store, record: ConferenceRecord) -> None:
    context = audit.AuditContext("Alex Chair", "chair", "import", "conference", at=FIXED_NOW)
    with store.unit_of_work(context) as work:
        repository.insert_record(work.session, record, "Alex Chair", FIXED_NOW)


def _read(store: Store, conference_id: str) -> ConferenceRecord | None:
    with store.reading() as session:
        return repository.load_record(session, conference_id)


def test_the_example_record_reads_back_whole(tmp_path: Path) -> None:
    record = example_record()
    with new_store(tmp_path) as store:
        _insert(store, record)
        by_core = _read(store, record.conference.id)
    assert by_core == record
    assert isinstance(by_core, ConferenceRecord)
    # Nested lists come back in their order, as tuples (JSON lists included).
    assert all(isinstance(d.categories, tuple) for d in by_core.decisions)
    assert any(p.attendance for p in by_core.participants)


def test_an_unknown_conference_reads_as_none(tmp_path: Path) -> None:
    with new_store(tmp_path) as store, store.reading() as session:
        assert record_reader.read_record(session.connection(), "no-such-id") is None


def test_preparing_runs_every_statement_of_a_read_and_reads_nothing(tmp_path: Path) -> None:
    """``prepare`` compiles what a read of a whole record runs (the first open after
    unlocking is then as quick as later ones) without reading a row or writing one."""
    record = example_record()
    with new_store(tmp_path) as store:
        _insert(store, record)
        run: list[str] = []

        def seen(*args: object) -> None:
            run.append(str(args[2]))  # the statement's SQL

        with store.reading() as session:
            connection = session.connection()
            sa.event.listen(store.engine, "before_cursor_execute", seen)
            try:
                record_reader.prepare(connection)
                prepared = list(run)
                run.clear()
                assert record_reader.read_record(connection, record.conference.id) == record
            finally:
                sa.event.remove(store.engine, "before_cursor_execute", seen)
        # Every statement of a read of a whole record was run by ``prepare`` first.
        assert len(set(run)) >= 15 and set(run) <= set(prepared)
        assert all(sql.lstrip().upper().startswith("SELECT") for sql in prepared)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), records())
def test_any_record_reads_back_as_stored_beside_a_neighbour(
    first: ConferenceRecord, second: ConferenceRecord
) -> None:
    if ON_SERVER and holds_nul((first, second)):
        return  # PostgreSQL text cannot hold NUL (the round-trip test covers the refusal)
    with tempfile.TemporaryDirectory() as folder, new_store(Path(folder)) as store:
        _insert(store, first)
        clash = set(repository.all_ids(first)) & set(repository.all_ids(second))
        if second.conference.reference != first.conference.reference and not clash:
            _insert(store, second)  # a neighbour whose rows must not leak into the first
        assert _read(store, first.conference.id) == first


def test_json_lists_read_back_as_tuples_whether_empty_or_not(tmp_path: Path) -> None:
    # SQLite's "[]" is taken without parsing (issue 21 point 3); anything else is parsed.
    import dataclasses

    record = example_record()
    first, *rest = record.minutes
    spans = ((FIXED_NOW, FIXED_NOW),)
    filled = dataclasses.replace(first, changes=spans, shown_to=("p1",), kept_from=())
    record = dataclasses.replace(record, minutes=(filled, *rest))
    with new_store(tmp_path) as store:
        _insert(store, record)
        read = _read(store, record.conference.id)
    assert read == record
    assert read is not None
    entry = read.minutes[0]
    assert entry.changes == spans and entry.shown_to == ("p1",) and entry.kept_from == ()
    assert all(
        isinstance(value, tuple)
        for e in read.minutes
        for value in (e.changes, e.shown_to, e.kept_from)
    )
