"""``check`` streams (issue 21.2): the same hashes, bounded memory, progress, cancelling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from cpc_desktop.data import audit, expected, integrity, repository
from cpc_desktop.data.errors import CheckStopped
from cpc_desktop.data.expected import ExpectedHashes
from cpc_desktop.data.models import TRACKED_TABLES, AuditEvent
from cpc_desktop.data.row_hashes import TableHashes
from cpc_desktop.data.store import Store, open_store
from tests.helpers.records import small_record, uid
from tests.helpers.stores import FIXED_NOW, RAW_KEY, new_store, raw_sql, store_location


def _import(store: Store) -> None:
    context = audit.AuditContext("Alex Chair", "chair", "import", "conference", at=FIXED_NOW)
    with store.unit_of_work(context) as work:
        repository.insert_record(work.session, small_record(), "Alex Chair", FIXED_NOW)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    with new_store(tmp_path) as store:
        _import(store)
    return store_location(tmp_path)  # type: ignore[return-value]


def _problems(path: Path) -> tuple[str, ...]:
    with open_store(path, RAW_KEY) as store:
        return integrity.check(store).problems


# --- the same hashes ---------------------------------------------------------------------


def test_every_row_hashes_as_the_audit_log_hashes_it(store_path: Path) -> None:
    """The batches' hashes are row_hash of the row read through SQLAlchemy, every table."""
    with open_store(store_path, RAW_KEY) as store, store.engine.connect() as conn:
        compared = 0
        for table in TRACKED_TABLES:
            typed = {
                row["id"]: audit.row_hash(table.name, row)
                for row in conn.execute(sa.select(table)).mappings()
            }
            streamed = dict(pair for part in TableHashes(conn, table).batches() for pair in part)
            assert streamed == typed, table.name
            compared += len(typed)
        conn.rollback()
    assert compared > 8


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("value", "same"),
    [
        ("2026-11-20 09:30:00+01:00", True),  # SQLAlchemy reads it as 09:30 UTC
        ("2026-11-20T09:30:00", True),
        ("20261120T093100", False),
    ],
    ids=["with-zone", "with-T", "basic-form-a-minute-on"],
)
def test_an_instant_in_another_form_is_judged_as_sqlalchemy_reads_it(
    store_path: Path, value: str, same: bool
) -> None:
    """A stored form CPC Desktop never writes is hashed the slow way: the same answer as
    reading the row through SQLAlchemy, whatever it is."""
    row_id = uid("child")
    raw_sql(store_path, f"UPDATE child SET row_created_at = '{value}' WHERE id = '{row_id}'")
    child = next(t for t in TRACKED_TABLES if t.name == "child")
    with open_store(store_path, RAW_KEY) as store, store.engine.connect() as conn:
        reader = TableHashes(conn, child)
        streamed = dict(pair for part in reader.batches() for pair in part)
        assert streamed[row_id] == reader.slow(row_id)
        conn.rollback()
    changed = (f"child row {row_id} was changed outside CPC Desktop",)
    assert _problems(store_path)[:1] == (() if same else changed)


# --- bounded memory ------------------------------------------------------------------------


def test_sorted_runs_spill_to_an_encrypted_scratch_file_that_is_removed() -> None:
    hashes = ExpectedHashes(run=5, in_memory=0)
    entries = [(f"t{i % 3}", f"id{i % 7}", i, f"h{i}") for i in range(1, 24)]
    for table, row_id, seq, digest in reversed(entries):  # any order
        hashes.add(table, row_id, seq, digest)
    hashes.found("t0", "id0", "now")
    assert hashes.spilled == 4
    assert len(hashes._entries) == 4  # never more than one run in memory
    folder = hashes._folder
    assert folder is not None
    scratch = (folder / "runs.db").read_bytes()
    assert not scratch.startswith(b"SQLite format 3")
    assert b"id0" not in scratch
    pairs = list(hashes.pairs())
    hashes.close()
    assert not folder.exists()
    last: dict[tuple[str, str], str] = {}
    for table, row_id, _seq, digest in entries:
        last[(table, row_id)] = digest  # in seq order: the last one wins
    assert pairs == [
        (t, i, last[(t, i)], "now" if (t, i) == ("t0", "id0") else None) for t, i in sorted(last)
    ]


@pytest.mark.parametrize("in_memory", [0, 3, 32, 10_000])
def test_kept_in_memory_or_in_runs_the_same_rows_differ(in_memory: int) -> None:
    """Whether the recorded hashes stay in memory, go to sorted runs while the log is
    read (3 kept), or while the rows are compared (32 kept, more than that differ), the
    rows that differ come out the same, in the same order."""
    recorded = [(f"t{i % 2}", f"id{i % 30:02}", i, f"h{i}") for i in range(1, 60)]
    recorded += [("t0", "id05", 70, None), ("t1", "id07", 71, None)]  # deleted in the log
    found = {  # 31 rows recorded: 10 changed, 3 gone, 30 added
        (f"t{i % 2}", f"id{i:02}"): f"h{i + 30 if i % 3 else i + 31}"
        for i in range(60)
        if i % 10 != 4
    }
    hashes = ExpectedHashes(run=7, in_memory=in_memory)
    for entry in recorded[::-1]:  # in any order: the highest event number wins
        hashes.add(*entry)
    for (table, row_id), digest in found.items():
        hashes.found(table, row_id, digest)
    differ = [pair for pair in hashes.pairs() if pair[2] != pair[3]]
    assert (hashes.spilled == 0) == (in_memory == 10_000)
    hashes.close()
    last: dict[tuple[str, str], str | None] = {}
    for table, row_id, _seq, digest in recorded:
        last[(table, row_id)] = digest
    keys = sorted(set(last) | set(found))
    assert differ == [
        (t, i, last.get((t, i)), found.get((t, i)))
        for t, i in keys
        if last.get((t, i)) != found.get((t, i))
    ]
    assert any(r is not None and f is not None for _, _, r, f in differ)  # changed
    assert any(r is None for _, _, r, _ in differ)  # added
    assert any(f is None for _, _, _, f in differ)  # gone


def test_rows_found_come_after_every_recorded_hash() -> None:
    with ExpectedHashes() as hashes:
        hashes.found("t", "a", "h")
        with pytest.raises(RuntimeError, match="before the rows found"):
            hashes.add("t", "b", 1, "h")


@pytest.mark.parametrize(
    ("sql", "expected_problem"),
    [
        (None, None),
        (
            f"UPDATE minute_entry SET text = 'changed' WHERE id = '{uid('m1')}'",
            f"minute_entry row {uid('m1')} was changed outside CPC Desktop",
        ),
        (
            f"DELETE FROM attendance_event WHERE id = '{uid('a2')}'",
            f"attendance_event row {uid('a2')} was deleted outside CPC Desktop",
        ),
    ],
    ids=["sound", "changed", "deleted"],
)
def test_the_check_spilling_to_scratch_finds_the_same(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, sql: str | None, expected_problem: str | None
) -> None:
    if sql is not None:
        raw_sql(store_path, sql)
    spilled: list[int] = []
    real_close = ExpectedHashes.close

    def close(self: ExpectedHashes) -> None:
        spilled.append(self.spilled)
        real_close(self)

    monkeypatch.setattr(expected, "RUN", 3)
    monkeypatch.setattr(expected, "IN_MEMORY", 4)  # kept in memory first, then runs
    monkeypatch.setattr(ExpectedHashes, "close", close)
    with open_store(store_path, RAW_KEY) as store:
        report = integrity.check(store)
    assert spilled and spilled[0] > 5
    assert report.problems[:1] == (() if expected_problem is None else (expected_problem,))


# --- progress and cancelling ---------------------------------------------------------------


def test_progress_rises_to_the_end_and_says_what_it_does(store_path: Path) -> None:
    heard: list[tuple[float, str]] = []
    with open_store(store_path, RAW_KEY) as store:
        report = integrity.check(store, lambda f, what: heard.append((f, what)))
    assert report.sound
    fractions = [f for f, _ in heard]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    words = list(dict.fromkeys(what for _, what in heard))
    assert words[-2:] == ["hashing every row", "comparing every row with the audit log"]
    assert "replaying the audit log" in words


def _events(path: Path) -> int:
    with open_store(path, RAW_KEY) as store, store.engine.connect() as conn:
        count = conn.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar_one()
        conn.rollback()
    return int(count)


@pytest.mark.parametrize("after", [1, 3, 6])
def test_cancelling_stops_the_check_and_records_nothing(store_path: Path, after: int) -> None:
    from cpc_desktop.domain.enums import UserRole
    from cpc_desktop.services.conferences import ConferenceService
    from cpc_desktop.services.roles import Actor

    before = _events(store_path)
    asked: list[Any] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > after

    with open_store(store_path, RAW_KEY) as store:
        service = ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), lambda: FIXED_NOW)
        with pytest.raises(CheckStopped, match="stopped before it finished; nothing was changed"):
            service.check(cancelled=cancelled)
    assert _events(store_path) == before  # a check that did not end is not recorded
    with open_store(store_path, RAW_KEY) as store:
        service = ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), lambda: FIXED_NOW)
        assert service.check().sound  # the store is as it was, and a whole check is recorded
    assert _events(store_path) > before


@pytest.mark.sqlite_only
def test_the_check_takes_no_write_lock_while_it_reads(store_path: Path) -> None:
    """While the check reads, another connection can write (the application's saves)."""
    wrote: list[int] = []
    with open_store(store_path, RAW_KEY) as store:
        side = store.second_connection()

        def progress(_fraction: float, what: str) -> None:
            if what == "hashing every row" and not wrote:
                context = audit.AuditContext("Alex Chair", "chair", "read", "store", at=FIXED_NOW)
                with side.unit_of_work(context):
                    pass
                wrote.append(1)

        report = integrity.check(store, progress)
        side.close()
    assert wrote == [1]
    assert report.sound  # it read one snapshot: the event written meanwhile is not in it
