"""Printed output: letters remember their addressee, issued files are kept, issued minutes freeze.

Adds ``letter.recipient_name`` and ``letter.recipient_address``; the table
``output_file`` (every PDF issued, with its SHA-256, signer and bytes, and the
redactions of a family copy); and triggers that refuse to change or delete an issued
minutes version (security.md I3), on SQLite and on PostgreSQL.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TRIGGERS = (
    "CREATE TRIGGER minutes_version_issued_update BEFORE UPDATE ON minutes_version "
    "WHEN old.state = 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'issued minutes cannot be changed'); END",
    "CREATE TRIGGER minutes_version_issued_delete BEFORE DELETE ON minutes_version "
    "WHEN old.state = 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'issued minutes cannot be deleted'); END",
)
_TRIGGER_NAMES = ("minutes_version_issued_update", "minutes_version_issued_delete")
_PG_TRIGGERS = (
    "CREATE FUNCTION minutes_version_issued_frozen() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'issued minutes cannot be deleted'; END IF; "
    "RAISE EXCEPTION 'issued minutes cannot be changed'; "
    "END $$",
    "CREATE TRIGGER minutes_version_issued_update BEFORE UPDATE ON minutes_version "
    "FOR EACH ROW WHEN (OLD.state = 'issued') "
    "EXECUTE FUNCTION minutes_version_issued_frozen()",
    "CREATE TRIGGER minutes_version_issued_delete BEFORE DELETE ON minutes_version "
    "FOR EACH ROW WHEN (OLD.state = 'issued') "
    "EXECUTE FUNCTION minutes_version_issued_frozen()",
)
_COPY = sa.Enum("full", "family", name="copykind", native_enum=False, length=40)


def upgrade() -> None:
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("recipient_name", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("recipient_address", sa.Text(), nullable=False, server_default="")
        )
    op.create_table(
        "output_file",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("copy", _COPY, nullable=True),
        sa.Column("minutes_version_id", sa.String(length=36), nullable=True),
        sa.Column("letter_id", sa.String(length=36), nullable=True),
        sa.Column("recipient_id", sa.String(length=36), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("signer_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("signer_certificate", sa.LargeBinary(), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("redactions", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_output_file_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["letter_id"],
            ["letter.id"],
            name=op.f("fk_output_file_letter_id_letter"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["minutes_version_id"],
            ["minutes_version.id"],
            name=op.f("fk_output_file_minutes_version_id_minutes_version"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["participant.id"],
            name=op.f("fk_output_file_recipient_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_output_file")),
    )
    with op.batch_alter_table("output_file", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_output_file_conference_id"), ["conference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_output_file_file_sha256"), ["file_sha256"], unique=False
        )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in _PG_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in _TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        for name in _TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON minutes_version")
        op.execute("DROP FUNCTION IF EXISTS minutes_version_issued_frozen()")
    with op.batch_alter_table("output_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_output_file_file_sha256"))
        batch_op.drop_index(batch_op.f("ix_output_file_conference_id"))
    op.drop_table("output_file")
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_column("recipient_address")
        batch_op.drop_column("recipient_name")
