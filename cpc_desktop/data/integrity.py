"""``check``: page authentication, SQLite's structure check, the search index, the audit replay.

On a PostgreSQL server the pages and their structure are the server's to guarantee
(its checksums, its backups); ``check`` looks at the search index there, then replays
the audit chain and hashes every row exactly as for a file.

It streams (:mod:`cpc_desktop.data.row_check`): memory stays bounded whatever the
store's size. It reads in transactions that take no write lock (only the search index's
own check, a statement SQLite counts as a write, holds it briefly), so the application
can run it on a connection of its own while the chair goes on working. ``progress`` hears
how far it has gone (a fraction, and what it is doing); ``cancelled`` is asked between
batches, and inside SQLite's long checks, and stops it with :class:`CheckStopped`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import exc

from cpc_desktop.data import row_check, safeguards
from cpc_desktop.data.errors import CheckStopped
from cpc_desktop.data.expected import ExpectedHashes
from cpc_desktop.data.models import ConferenceRow
from cpc_desktop.data.page_check import bytes_read
from cpc_desktop.data.schema import FTS_TABLE
from cpc_desktop.data.store import Store

#: Told how far the check has gone (0.0-1.0) and what it is doing, in a few words.
Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]
#: Execution option: begin transactions without taking the write lock (see store.py).
READ_ONLY = {"cpc_deferred": True}
STOPPED = "the check was stopped before it finished; nothing was changed"
#: Each stage's share of the bar, from where the time goes on a large store file.
_FILE_STAGES = {
    "pages": 0.12,
    "structure": 0.28,
    "search index": 0.04,
    "audit log": 0.04,
    "rows": 0.42,
    "compare": 0.10,
}
_SERVER_STAGES = {"search index": 0.05, "audit log": 0.10, "rows": 0.70, "compare": 0.15}
_WORDS = {
    "pages": "checking every page",
    "structure": "checking the structure",
    "search index": "checking the search index",
    "audit log": "replaying the audit log",
    "rows": "hashing every row",
    "compare": "comparing every row with the audit log",
}
#: SQLite virtual-machine steps between looks at ``cancelled`` inside a long PRAGMA.
_OPCODES = 20_000


def nothing(_fraction: float, _what: str) -> None:
    pass


def never() -> bool:
    return False


class _Meter:
    """Turns each stage's own progress into the whole check's, and stops on cancel."""

    def __init__(self, stages: dict[str, float], progress: Progress, cancelled: Cancelled):
        self._starts: dict[str, tuple[float, float]] = {}
        start = 0.0
        for name, share in stages.items():
            self._starts[name] = (start, share)
            start += share
        self._progress = progress
        self._cancelled = cancelled
        self._shown = -1.0

    def step(self, stage: str, done: int, total: int) -> None:
        if self._cancelled():
            raise CheckStopped(STOPPED)
        start, share = self._starts[stage]
        fraction = start + share * (min(done, total) / total if total else 1.0)
        if fraction - self._shown >= 0.001 or done >= total:
            self._shown = fraction
            self._progress(min(round(fraction, 4), 1.0), _WORDS[stage])

    def pragma(self, conn: sa.Connection, stage: str, sql: str, size: int) -> list[object]:
        """Run a long PRAGMA; progress from the bytes this thread reads (Linux), cancel
        through SQLite's progress handler."""
        driver = conn.connection.driver_connection
        assert driver is not None
        thread = threading.get_native_id()
        first = bytes_read(thread) or 0

        def handler() -> int:
            if self._cancelled():
                return 1
            now = bytes_read(thread)
            if now is not None:
                self.step(stage, min(now - first, size - 1), size)
            return 0

        self.step(stage, 0, size)
        driver.set_progress_handler(handler, _OPCODES)
        try:
            rows = [row[0] for row in conn.exec_driver_sql(sql)]
        except exc.OperationalError as error:
            if self._cancelled():
                raise CheckStopped(STOPPED) from None
            raise error
        finally:
            driver.set_progress_handler(None, 0)
        self.step(stage, size, size)
        return rows


@dataclass(frozen=True)
class IntegrityReport:
    conferences: int
    audit_events: int
    rows: int
    head: str
    problems: tuple[str, ...]
    #: Facts worth a line that are not failures (the store was sealed afresh here).
    notes: tuple[str, ...] = ()

    @property
    def sound(self) -> bool:
        return not self.problems


def _check_search_index(conn: sa.Connection) -> list[str]:
    """Compare the full-text index with the minutes it was built from (SQLite only)."""
    found = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).scalar()
    if not found:
        return []
    try:
        conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
        )
    except exc.DBAPIError as error:
        name = str(getattr(error.orig, "sqlite_errorname", ""))
        if not name.startswith("SQLITE_CORRUPT"):
            raise
        return ["search index check: the index of minute text does not match the minutes"]
    return []


def _check_server_search_index(conn: sa.Connection) -> list[str]:
    """The server keeps the index itself; it must exist and be usable (PostgreSQL)."""
    valid = conn.execute(
        sa.text(
            "SELECT i.indisvalid FROM pg_index AS i "
            "WHERE i.indexrelid = to_regclass(:name) AND i.indrelid = to_regclass(:table)"
        ),
        {"name": FTS_TABLE, "table": "minute_entry"},
    ).scalar()
    if not valid:
        return ["search index check: the index of minute text is missing or unusable"]
    return []


def check(
    store: Store,
    progress: Progress = nothing,
    cancelled: Cancelled = never,
    *,
    just_opened: bool = False,
) -> IntegrityReport:
    """Check every page's HMAC, the b-trees, the search index, the audit chain, every row.

    The application runs it on a second connection (:meth:`Store.second_connection`) on
    a worker thread; nothing here takes the write lock for long. ``just_opened``: the
    store was opened for this check alone (the command line), and once its every page
    has been checked (at the open, or in the background since) with no damage found,
    they are not checked a second time.
    """
    meter = _Meter(_FILE_STAGES if store.file_backed else _SERVER_STAGES, progress, cancelled)
    pages = not (just_opened and not store.checking and store.damage is None)
    try:
        with store.engine.connect() as conn:
            conn.execution_options(**READ_ONLY)
            problems = _pages_and_index(store, conn, meter, pages=pages)
            if problems:
                return IntegrityReport(0, 0, 0, "", tuple(problems))
            if not store.file_backed:
                from cpc_desktop.data.server import READ_SNAPSHOT

                conn.execution_options(**READ_SNAPSHOT)
            try:
                return _chain_and_rows(store, conn, meter)
            finally:
                conn.rollback()
    except exc.DBAPIError as error:
        raise store.translate(error) from error


def _pages_and_index(store: Store, conn: sa.Connection, meter: _Meter, *, pages: bool) -> list[str]:
    problems: list[str] = []
    if store.file_backed:
        assert store.path is not None
        size = max(1, store.path.stat().st_size)
        if pages:  # else the open checked them, moments ago: the bar starts further on
            bad_pages = meter.pragma(conn, "pages", "PRAGMA cipher_integrity_check", size)
            problems.extend(f"page check: {row}" for row in bad_pages[:1])
        if not problems:
            structure = meter.pragma(conn, "structure", "PRAGMA integrity_check", size)
            if structure != ["ok"]:
                problems.append(f"structure check: {structure[0]}")
        conn.rollback()
        if not problems:  # a statement SQLite counts as a write: a short transaction
            problems.extend(_check_search_index(conn))
    else:
        problems.extend(_check_server_search_index(conn))
    conn.rollback()
    meter.step("search index", 1, 1)
    return problems


def _chain_and_rows(store: Store, conn: sa.Connection, meter: _Meter) -> IntegrityReport:
    """The audit replay, every row, the triggers and the seal, on one snapshot."""
    notes = [store.seal_note] if store.seal_note else []
    with ExpectedHashes() as expected:
        chain = row_check.replay(conn, expected, meter.step)
        rows = row_check.RowReport(0, ())
        if not chain.problems:
            rows = row_check.compare_rows(conn, expected, meter.step)
    problems = [*chain.problems, *rows.problems]
    conferences = conn.execute(sa.select(sa.func.count()).select_from(ConferenceRow)).scalar()
    # The seal moves on with every save made meanwhile (the application's): compare it
    # with the chain as it is now, which must extend the one replayed above.
    conn.rollback()
    if not problems:
        problems.extend(_beyond_the_chain(store, conn, notes))
    return IntegrityReport(
        conferences=conferences or 0,
        audit_events=chain.events,
        rows=rows.rows,
        head=chain.head,
        problems=tuple(problems),
        notes=tuple(dict.fromkeys(notes)),
    )


def _beyond_the_chain(store: Store, conn: sa.Connection, notes: list[str]) -> list[str]:
    """What a chain that replays cleanly can still hide: a missing trigger, and (for a
    file) a chain shorter than, or different from, the one sealed on this machine."""
    if store.path is not None:
        shown = store.path.name
    else:
        from cpc_desktop.data.server import label

        assert store.url is not None
        shown = label(store.url)
    missing = safeguards.trigger_problem(conn, shown)
    if missing is not None:
        return [missing]
    if store.sealer is None:
        return []
    verdict = store.sealer.examine(conn)
    if verdict.note is not None:
        notes.append(verdict.note)
    return [] if verdict.problem is None else [verdict.problem]
