"""The audit chain replayed and every tracked row compared with it, streaming.

Memory stays bounded whatever the store's size: the events are read in batches, the
rows are read and hashed in batches (:mod:`cpc_desktop.data.row_hashes`), and the hash
each row should have and the hash it has are brought together by table and id in
bounded memory (:mod:`cpc_desktop.data.expected`), then compared in one ordered pass.
``step`` is called between batches with the work done so far; it may raise to stop the
check.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from cpc_desktop.data import audit
from cpc_desktop.data.expected import ExpectedHashes
from cpc_desktop.data.models import TRACKED_TABLES
from cpc_desktop.data.row_hashes import BATCH, TableHashes

#: Called with (what is being done, done, out of): "audit log" events, "rows" read and
#: hashed, then "compare" (entries compared).
Step = Callable[[str, int, int], None]
_EVENT_BATCH = 16
_AUDIT = audit.AUDIT_TABLE


@dataclass(frozen=True)
class Replay:
    events: int
    head: str
    problems: tuple[str, ...]


def replay(conn: sa.Connection, expected: ExpectedHashes, step: Step) -> Replay:
    """Check every event's hash and link; hand each row entry to ``expected``."""
    total = int(conn.execute(sa.select(sa.func.max(_AUDIT.c.seq))).scalar() or 0)
    prev, count = audit.GENESIS, 0
    query = sa.select(_AUDIT).order_by(_AUDIT.c.seq).execution_options(yield_per=_EVENT_BATCH)
    result = conn.execute(query)
    try:
        for part in result.mappings().partitions(_EVENT_BATCH):
            for event in part:
                count += 1
                seq = event["seq"]
                if seq != count:
                    missing = f"audit event {count} is missing (the next one is {seq})"
                    return Replay(count, prev, (missing,))
                body = audit.event_body(event)
                if event["prev_hash"] != prev or audit.event_hash(prev, body) != event["hash"]:
                    altered = f"audit event {seq} ({event['action']}) was altered"
                    return Replay(count, prev, (altered,))
                prev = event["hash"]
                for table, row_id, digest in json.loads(event["rows"]):
                    expected.add(table, row_id, seq, digest)
            step("audit log", count, total)
    finally:
        result.close()
    return Replay(count, prev, ())


@dataclass(frozen=True)
class RowReport:
    rows: int
    problems: tuple[str, ...]


def compare_rows(conn: sa.Connection, expected: ExpectedHashes, step: Step) -> RowReport:
    """Every tracked row against the last hash the log recorded for it."""
    readers = {table.name: TableHashes(conn, table) for table in TRACKED_TABLES}
    total = sum(reader.count() for reader in readers.values())
    step("rows", 0, total)
    seen = 0
    for reader in readers.values():
        try:
            for part in reader.batches():
                for row_id, digest in part:
                    expected.found(reader.name, row_id, digest)
                seen += len(part)
                step("rows", seen, total)
        except (LookupError, ValueError, TypeError):
            # A value its column's type cannot read (an enum value CPC Desktop never
            # wrote, a date like 30 February): name the row in words, do not crash.
            return RowReport(seen, (audit.unreadable_row(conn, reader.table),))
    return RowReport(seen, _compare(expected, readers, step))


def _compare(
    expected: ExpectedHashes, readers: dict[str, TableHashes], step: Step
) -> tuple[str, ...]:
    """Changed and added rows of the first table (by name) that has any, else the first
    row deleted."""
    problems: list[str] = []
    problems_table = ""
    deleted: str | None = None
    total = expected.size
    for done, (table, row_id, recorded, found) in enumerate(expected.pairs(), 1):
        if done % BATCH == 0:
            step("compare", done, total)
        if problems and table != problems_table:
            break
        if found is None:
            if recorded is not None and deleted is None:
                deleted = f"{table} row {row_id} was deleted outside CPC Desktop"
        elif recorded is None:
            problems.append(f"{table} row {row_id} was added outside CPC Desktop")
            problems_table = table
        elif recorded != found and recorded != _slow(readers[table], row_id):
            problems.append(f"{table} row {row_id} was changed outside CPC Desktop")
            problems_table = table
    step("compare", total, total)
    if problems:
        return tuple(problems[:_MOST])
    return (deleted,) if deleted is not None else ()


def _slow(reader: TableHashes, row_id: str) -> str | None:
    """The row's hash through SQLAlchemy, the judge of a hash that differs."""
    try:
        return reader.slow(row_id)
    except (LookupError, ValueError, TypeError):
        return None


#: The most problems kept from one table (the command shows the first).
_MOST = 100
__all__ = ["BATCH", "Replay", "RowReport", "Step", "compare_rows", "replay"]
