"""``check``: page authentication, SQLite's structure check, the search index, the audit replay.

On a PostgreSQL server the pages and their structure are the server's to guarantee
(its checksums, its backups); ``check`` looks at the search index there, then replays
the audit chain and hashes every row exactly as for a file.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import exc

from cpc_desktop.data import audit, safeguards
from cpc_desktop.data.models import ConferenceRow
from cpc_desktop.data.schema import FTS_TABLE
from cpc_desktop.data.store import Store


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


def check(store: Store) -> IntegrityReport:
    """Check every page's HMAC, the b-trees, the search index, the audit chain, every row."""
    problems: list[str] = []
    try:
        with store.engine.connect() as conn:
            if store.file_backed:
                bad_pages = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
                problems.extend(f"page check: {row[0]}" for row in bad_pages[:1])
                if not problems:
                    structure = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                    if structure != ["ok"]:
                        problems.append(f"structure check: {structure[0]}")
                if not problems:
                    problems.extend(_check_search_index(conn))
            else:
                problems.extend(_check_server_search_index(conn))
            conn.rollback()
        if problems:
            return IntegrityReport(0, 0, 0, "", tuple(problems))
        with store.reading() as session:
            report = audit.verify(session)
            conferences = session.scalar(sa.select(sa.func.count()).select_from(ConferenceRow))
            problems.extend(report.problems)
            notes = [store.seal_note] if store.seal_note else []
            if not problems:
                problems.extend(_beyond_the_chain(store, session.connection(), notes))
    except exc.DBAPIError as error:
        raise store.translate(error) from error
    return IntegrityReport(
        conferences=conferences or 0,
        audit_events=report.events,
        rows=report.rows,
        head=report.head,
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
