"""The release check: users sign in, and family copies wait for a second person.

Adds ``app_user.secret_hash`` and ``app_user.secret_salt`` (a salted scrypt hash of
each user's sign-in password; empty for a user who has not chosen one yet), and the
table ``release_check``: a family copy of the minutes or a family letter held (its
exact bytes kept once, in ``output_file``) with its fingerprint, until someone other
than its author checks it; who checked it and when; and when it was released.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("secret_hash", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("secret_salt", sa.String(length=32), nullable=True))
    op.create_table(
        "release_check",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("minutes_version_id", sa.String(length=36), nullable=True),
        sa.Column("letter_id", sa.String(length=36), nullable=True),
        sa.Column("letter_kind", sa.String(length=60), nullable=True),
        sa.Column("recipient_id", sa.String(length=36), nullable=True),
        sa.Column("recipient_name", sa.String(length=200), nullable=False),
        sa.Column("recipient_address", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("checked_by", sa.String(length=200), nullable=True),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("check_note", sa.Text(), nullable=False),
        sa.Column("released_at", sa.DateTime(), nullable=True),
        sa.Column("output_file_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_release_check_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["letter_id"],
            ["letter.id"],
            name=op.f("fk_release_check_letter_id_letter"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["minutes_version_id"],
            ["minutes_version.id"],
            name=op.f("fk_release_check_minutes_version_id_minutes_version"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["output_file_id"],
            ["output_file.id"],
            name=op.f("fk_release_check_output_file_id_output_file"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["participant.id"],
            name=op.f("fk_release_check_recipient_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_check")),
    )
    with op.batch_alter_table("release_check", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_release_check_conference_id"), ["conference_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("release_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_check_conference_id"))
    op.drop_table("release_check")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("secret_salt")
        batch_op.drop_column("secret_hash")
