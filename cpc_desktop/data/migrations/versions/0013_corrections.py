"""Corrections and audited printing (issue 20, point 8).

Three tables, none part of the conference document:

* ``correction_request``: a person's request to correct the minutes (who, received
  when, the entry or passage disputed, what they ask for), the chair's ruling
  (accepted, partly accepted or refused) with reasons, who ruled and when, the
  person's statement of disagreement, and the version an accepted request opened;
* ``minutes_basis``: for each version a correction opened, what the issued version
  said (canonical JSON of the meeting's content) and why it is corrected, from which
  the new version's list of changes is computed when it is approved;
* ``printed_copy``: each time a recorded copy was printed from the application's
  preview: who, when, which stored file, the printer's name and how many pages.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "correction_request",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("entry_id", sa.String(length=36), nullable=True),
        sa.Column("version_id", sa.String(length=36), nullable=True),
        sa.Column("disputed", sa.Text(), nullable=False),
        sa.Column("asked", sa.Text(), nullable=False),
        sa.Column(
            "ruling",
            sa.Enum(
                "pending",
                "accepted",
                "partly",
                "refused",
                name="correctionruling",
                native_enum=False,
                create_constraint=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("ruled_at", sa.DateTime(), nullable=True),
        sa.Column("ruled_by", sa.String(length=200), nullable=True),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("correction_version_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_correction_request_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["correction_version_id"],
            ["minutes_version.id"],
            name=op.f("fk_correction_request_correction_version_id_minutes_version"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_correction_request_participant_id_participant"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["minutes_version.id"],
            name=op.f("fk_correction_request_version_id_minutes_version"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction_request")),
    )
    op.create_index(
        op.f("ix_correction_request_conference_id"),
        "correction_request",
        ["conference_id"],
        unique=False,
    )
    op.create_table(
        "minutes_basis",
        sa.Column("version_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["minutes_version.id"],
            name=op.f("fk_minutes_basis_version_id_minutes_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_basis")),
    )
    op.create_index(
        op.f("ix_minutes_basis_version_id"), "minutes_basis", ["version_id"], unique=False
    )
    op.create_table(
        "printed_copy",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("output_file_id", sa.String(length=36), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by", sa.String(length=200), nullable=False),
        sa.Column("printer", sa.String(length=200), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_printed_copy_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["output_file_id"],
            ["output_file.id"],
            name=op.f("fk_printed_copy_output_file_id_output_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printed_copy")),
    )
    op.create_index(
        op.f("ix_printed_copy_conference_id"), "printed_copy", ["conference_id"], unique=False
    )
    op.create_index(
        op.f("ix_printed_copy_output_file_id"), "printed_copy", ["output_file_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_printed_copy_output_file_id"), table_name="printed_copy")
    op.drop_index(op.f("ix_printed_copy_conference_id"), table_name="printed_copy")
    op.drop_table("printed_copy")
    op.drop_index(op.f("ix_minutes_basis_version_id"), table_name="minutes_basis")
    op.drop_table("minutes_basis")
    op.drop_index(op.f("ix_correction_request_conference_id"), table_name="correction_request")
    op.drop_table("correction_request")
