"""The triggers a store must have: the audit log's append-only guards and their kin.

Dropping a trigger needs the key, and once dropped the audit log can be edited in place;
the chain replay and the seal catch most such edits, and this names the missing guard
itself. Checked at every open (after any migration) and by ``check``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from cpc_desktop.data.schema import SERVER_TRIGGERS, SQLITE_TRIGGERS

if TYPE_CHECKING:
    import sqlalchemy as sa

_SERVER_FOUND = (
    "SELECT t.tgname FROM pg_trigger AS t WHERE NOT t.tgisinternal "
    "AND t.tgrelid IN (to_regclass('audit_event'), to_regclass('minutes_version'))"
)
#: The triggers a store file has (by the driver alone, or through SQLAlchemy).
SQLITE_FOUND = "SELECT name FROM sqlite_master WHERE type = 'trigger'"


def missing_triggers(conn: sa.Connection) -> list[str]:
    """The names of the triggers the schema must have that the store lacks, in order."""
    if conn.dialect.name == "postgresql":
        found = set(conn.exec_driver_sql(_SERVER_FOUND).scalars())
        expected = SERVER_TRIGGERS
    else:
        found = set(conn.exec_driver_sql(SQLITE_FOUND).scalars())
        expected = SQLITE_TRIGGERS
    return [name for name in expected if name not in found]


def trigger_problem(conn: sa.Connection, shown: str) -> str | None:
    """One line naming the missing triggers, or ``None`` when all are there."""
    return problem_of(missing_triggers(conn), shown)


def problem_of(missing: Iterable[str], shown: str) -> str | None:
    """One line naming the ``missing`` triggers of the store ``shown``, or ``None``."""
    missing = list(missing)
    if not missing:
        return None
    which = "trigger " if len(missing) == 1 else "triggers "
    return (
        f"{shown} has lost its safeguard {which}{', '.join(missing)} (removed outside "
        "CPC Desktop, so its audit log or issued minutes could be changed unseen); "
        "restore the latest backup"
    )
