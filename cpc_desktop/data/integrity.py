"""``check``: page authentication, SQLite's structure check, and the audit replay."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import exc

from cpc_desktop.data import audit
from cpc_desktop.data.models import ConferenceRow
from cpc_desktop.data.store import Store, translate_error


@dataclass(frozen=True)
class IntegrityReport:
    conferences: int
    audit_events: int
    rows: int
    head: str
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


def check(store: Store) -> IntegrityReport:
    """Check every page's HMAC, the b-trees, then the audit chain and every row."""
    problems: list[str] = []
    try:
        with store.engine.connect() as conn:
            bad_pages = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
            problems.extend(f"page check: {row[0]}" for row in bad_pages[:1])
            if not problems:
                structure = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if structure != ["ok"]:
                    problems.append(f"structure check: {structure[0]}")
            conn.rollback()
        if problems:
            return IntegrityReport(0, 0, 0, "", tuple(problems))
        with store.reading() as session:
            report = audit.verify(session)
            conferences = session.scalar(sa.select(sa.func.count()).select_from(ConferenceRow))
    except exc.DBAPIError as error:
        raise translate_error(error, store.path) from error
    return IntegrityReport(
        conferences=conferences or 0,
        audit_events=report.events,
        rows=report.rows,
        head=report.head,
        problems=report.problems,
    )
