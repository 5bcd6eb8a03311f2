"""The children a complaint concerns (issue 20).

- ``complaint_child``: one row for each child of the conference that a complaint is
  about; deleted with its complaint or with the child.

A table rather than a column on ``complaint``, so the complaints already stored keep
their rows (and their audit hashes) as they were. A complaint with no row here was
recorded before this revision and concerns every child of its conference.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaint_child",
        sa.Column("complaint_id", sa.String(length=36), nullable=False),
        sa.Column("child_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaint.id"],
            name=op.f("fk_complaint_child_complaint_id_complaint"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["child.id"],
            name=op.f("fk_complaint_child_child_id_child"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_child")),
        sa.UniqueConstraint(
            "complaint_id", "child_id", name=op.f("uq_complaint_child_complaint_id_child_id")
        ),
    )
    op.create_index(op.f("ix_complaint_child_complaint_id"), "complaint_child", ["complaint_id"])
    op.create_index(op.f("ix_complaint_child_child_id"), "complaint_child", ["child_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_complaint_child_child_id"), table_name="complaint_child")
    op.drop_index(op.f("ix_complaint_child_complaint_id"), table_name="complaint_child")
    op.drop_table("complaint_child")
