"""The schema revisions this application knows, without importing Alembic.

Opening a store compares its ``alembic_version`` with these constants; Alembic itself
is imported only when a migration must run. A test keeps them equal to the scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
STORE_FORMAT = "cpc-desktop-store"

#: The full-text index over minute text (SQLite FTS5). It and its shadow tables
#: (``minute_fts_data``, ``minute_fts_idx``, ...) are made by migration 0002, hold
#: nothing that is not also in ``minute_entry``, and are not part of the models.
#: On PostgreSQL it is a GIN index of the same name on ``minute_entry``.
FTS_TABLE = "minute_fts"


def is_index_name(name: str | None) -> bool:
    """Whether ``name`` is the full-text index or one of its shadow tables or triggers."""
    return name is not None and name.startswith(FTS_TABLE)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: compare everything but the full-text index."""
    return not (type_ in ("table", "index") and is_index_name(name))


#: The triggers a store at :data:`HEAD_REVISION` must have (SQLite): the audit log's
#: append-only guards (0001), the search index's upkeep (0002) and the freeze of issued
#: minutes (0003). ``check`` and every open name any that is missing.
SQLITE_TRIGGERS: tuple[str, ...] = (
    "audit_event_no_update",
    "audit_event_no_delete",
    "minute_fts_insert",
    "minute_fts_delete",
    "minute_fts_update",
    "minutes_version_issued_update",
    "minutes_version_issued_delete",
)
#: The same on a PostgreSQL server (which also refuses TRUNCATE of the audit log).
SERVER_TRIGGERS: tuple[str, ...] = (
    "audit_event_no_update",
    "audit_event_no_delete",
    "audit_event_no_truncate",
    "minutes_version_issued_update",
    "minutes_version_issued_delete",
)
