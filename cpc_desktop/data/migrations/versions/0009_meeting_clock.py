"""The meeting's clock, kept: ``clock_event`` (issue 19).

Each row is a moment on a conference's clock: the current agenda item changed, the
chair paused or resumed the clock, the last item was finished, or every item was set
back to waiting (see :mod:`cpc_desktop.domain.meeting_clock`). Conferences stored before
this revision have no moments: their clock starts with the next change of item.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clock_event",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "item",
                "paused",
                "resumed",
                "ended",
                "reset",
                name="clockkind",
                native_enum=False,
                create_constraint=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("agenda_item_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_clock_event_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_clock_event_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock_event")),
    )
    op.create_index(
        op.f("ix_clock_event_conference_id"), "clock_event", ["conference_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_clock_event_conference_id"), table_name="clock_event")
    op.drop_table("clock_event")
