"""Hand-over: the packages a store exported or imported, and the base they agreed on.

Adds the table ``handover``: one row per package and direction (``exported`` or
``imported``), with when, with whom, and the canonical JSON of the conference both
sides agreed on afterwards (the base of the next three-way merge).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handover",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("peer", sa.String(length=200), nullable=False),
        sa.Column("base_document", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "direction IN ('exported', 'imported')", name=op.f("ck_handover_direction")
        ),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_handover_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover")),
        sa.UniqueConstraint(
            "package_id", "direction", name=op.f("uq_handover_package_id_direction")
        ),
    )
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_handover_conference_id"), ["conference_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handover_conference_id"))
    op.drop_table("handover")
