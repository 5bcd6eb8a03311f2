"""Prefix indexes for the minutes search (issue 21, point 5).

The search box treats each word typed as a prefix ("sch" finds "school"). FTS5 answers a
prefix by merging, in memory, the list of entries of every word that begins with it: for
"the" on a store of 500,000 entries (the, them, then, there, they, therapy, …) that was
about 13 MiB and 0.2 s, and the application's peak memory was set by it. With prefix
indexes of two and three characters FTS5 keeps each such list ready: the same search
reads one list (0.05 s, no extra memory). Longer prefixes match few enough words to
merge cheaply. The index grows by about an eighth.

SQLite only: the index is made again with the prefixes and rebuilt from
``minute_entry`` (the text lives there; the index holds nothing else), which takes
about 20 s for 500,000 entries, once. The triggers that keep it in step name the index
and stay as they are. PostgreSQL's search index (a GIN index over a tsvector) answers
prefixes from the index itself and is unchanged.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_COLUMNS = (
    "text, content='minute_entry', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'"
)


def _remake(options: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE minute_fts")
    op.execute(f"CREATE VIRTUAL TABLE minute_fts USING fts5({_COLUMNS}{options})")
    op.execute("INSERT INTO minute_fts(minute_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _remake(", prefix='2 3'")


def downgrade() -> None:
    _remake("")
