"""Every nation's record: language choice, parental responsibility, attendance modes,
the strategy discussion that starts the clock, Scotland's Reporter referral and Northern
Ireland's appeals.

Adds, for issue 18 (and the attendance mode of issue 19):

* ``participant``: ``language`` (``en``/``cy``; ``NULL`` when the choice is not known)
  and ``parental_responsibility``;
* ``attendance_event``: ``mode`` (in the room, video, phone; ``NULL`` when not said);
* ``conference``: ``last_strategy_discussion_date`` and ``strategy_anchor`` (``NULL``:
  the profile's default);
* ``decision``: ``reporter_referral`` (``NULL``: not yet considered) and
  ``reporter_referral_reason``;
* the table ``appeal``: a parent's appeal against a decision and how it ended.

Every new column is nullable or has a literal default, so what is stored means what it
meant before. In place, as 0005 and 0007: a batch rebuild on SQLite would move
``minute_entry``'s rowids under the search index and cascade through the rebuilt tables.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=False, length=40)


def _row_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"),
    ]


_ADDED: dict[str, tuple[sa.Column[object], ...]] = {
    "participant": (
        sa.Column("language", _enum("language", "en", "cy"), nullable=True),
        sa.Column("parental_responsibility", sa.Boolean(), nullable=False, server_default="0"),
    ),
    "attendance_event": (
        sa.Column("mode", _enum("attendancemode", "in_room", "video", "phone"), nullable=True),
    ),
    "conference": (
        sa.Column("last_strategy_discussion_date", sa.Date(), nullable=True),
        sa.Column("strategy_anchor", _enum("strategyanchor", "initiated", "last"), nullable=True),
    ),
    "decision": (
        sa.Column("reporter_referral", sa.Boolean(), nullable=True),
        sa.Column("reporter_referral_reason", sa.Text(), nullable=False, server_default=""),
    ),
}


def upgrade() -> None:
    for table, columns in _ADDED.items():
        for column in columns:
            op.add_column(table, column)
    op.create_table(
        "appeal",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("appellant_id", sa.String(length=36), nullable=True),
        sa.Column("child_ids", sa.JSON(), nullable=False),
        sa.Column("grounds", sa.JSON(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column(
            "outcome",
            _enum("appealoutcome", "pending", "upheld", "not_upheld", "withdrawn"),
            nullable=False,
        ),
        sa.Column("decided", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        *_row_columns(),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_appeal_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["appellant_id"],
            ["participant.id"],
            name=op.f("fk_appeal_appellant_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal")),
    )
    op.create_index(op.f("ix_appeal_conference_id"), "appeal", ["conference_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_appeal_conference_id"), table_name="appeal")
    op.drop_table("appeal")
    # One column at a time, in place (see 0005): a batch would rebuild the tables.
    for table, columns in reversed(_ADDED.items()):
        for column in reversed(columns):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
