"""Row versions: a change made from an older version of a row is refused (issue 17).

Adds ``row_version`` (an integer, 1 for every row already stored) to every tracked
table. SQLAlchemy checks it on every UPDATE and DELETE and adds one; the services also
check it against the version the editor started from, so two chairs saving the same
minute entry or the same child's decision on a shared server cannot silently overwrite
each other.

In place (``ALTER TABLE ... ADD COLUMN`` with a literal default): on SQLite a rebuilt
``minute_entry`` would move its rowids under the search index. A version of 1 is left
out of a row's audit hash (``audit.row_hash``), so rows recorded before this revision
still match their hashes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = (
    "store_info",
    "app_user",
    "conference",
    "child",
    "participant",
    "attendance_event",
    "agenda_item",
    "minute_entry",
    "decision",
    "agency_view",
    "dissent",
    "plan_action",
    "minutes_version",
    "letter",
    "distribution",
    "conference_action",
    "safety_scale",
    "output_file",
    "handover",
    "release_check",
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table, sa.Column("row_version", sa.Integer(), nullable=False, server_default="1")
        )


def downgrade() -> None:
    # One column at a time, in place (see 0005): a batch would rebuild the tables.
    for table in reversed(TABLES):
        op.execute(f"ALTER TABLE {table} DROP COLUMN row_version")
