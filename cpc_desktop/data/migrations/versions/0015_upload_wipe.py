"""Confirmed upload of issued minutes to the authority's case system (issue 20, point 7).

One table, not part of the conference document:

* ``upload``: an issued minutes version a chair confirmed as uploaded to the case
  system: the version, the day it was uploaded, the case system's reference for it and
  who confirmed it. One row per version; it goes with its conference. Once the newest
  issued version has one, the local copy may be wiped before its retention date.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "upload",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("minutes_version_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=20), nullable=False),
        sa.Column("uploaded_on", sa.Date(), nullable=False),
        sa.Column("case_ref", sa.String(length=200), nullable=False),
        sa.Column("confirmed_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_upload_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["minutes_version_id"],
            ["minutes_version.id"],
            name=op.f("fk_upload_minutes_version_id_minutes_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_upload")),
        sa.UniqueConstraint("minutes_version_id", name=op.f("uq_upload_minutes_version_id")),
    )
    op.create_index(op.f("ix_upload_conference_id"), "upload", ["conference_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_upload_conference_id"), table_name="upload")
    op.drop_table("upload")
