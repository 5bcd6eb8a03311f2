"""Complaints, retention and legal hold, and the tombstone of a deleted conference
(issue 20, points 6-7).

- ``complaint``: a complaint about a conference, who made it, its grounds, when it was
  received and acknowledged, who is handling it and how it ended.
- ``retention``: per conference, the date the case closed (when later than the
  conference) and a legal hold with its reason.
- ``tombstone``: what is left of a conference deleted at the end of its retention.

The issued-minutes guards of 0003 are remade so that a conference with a tombstone may
lose its issued minutes (deleting the conference deletes them, and the cascade sets
``supersedes_id`` to null); without a tombstone they are refused as before.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_NO_TOMBSTONE = (
    "NOT EXISTS (SELECT 1 FROM tombstone WHERE tombstone.conference_id = old.conference_id)"
)
_SQLITE_OLD = (
    "CREATE TRIGGER minutes_version_issued_update BEFORE UPDATE ON minutes_version "
    "WHEN old.state = 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'issued minutes cannot be changed'); END",
    "CREATE TRIGGER minutes_version_issued_delete BEFORE DELETE ON minutes_version "
    "WHEN old.state = 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'issued minutes cannot be deleted'); END",
)
_SQLITE_NEW = (
    "CREATE TRIGGER minutes_version_issued_update BEFORE UPDATE ON minutes_version "
    f"WHEN old.state = 'issued' AND {_NO_TOMBSTONE} BEGIN "
    "SELECT RAISE(ABORT, 'issued minutes cannot be changed'); END",
    "CREATE TRIGGER minutes_version_issued_delete BEFORE DELETE ON minutes_version "
    f"WHEN old.state = 'issued' AND {_NO_TOMBSTONE} BEGIN "
    "SELECT RAISE(ABORT, 'issued minutes cannot be deleted'); END",
)
_TRIGGER_NAMES = ("minutes_version_issued_update", "minutes_version_issued_delete")
# PostgreSQL: the triggers stay as 0003 made them; the function they call lets the rows
# of a tombstoned conference go.
_PG_NEW = (
    "CREATE OR REPLACE FUNCTION minutes_version_issued_frozen() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF EXISTS (SELECT 1 FROM tombstone WHERE tombstone.conference_id = OLD.conference_id) "
    "THEN IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END IF; "
    "IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'issued minutes cannot be deleted'; END IF; "
    "RAISE EXCEPTION 'issued minutes cannot be changed'; "
    "END $$"
)
_PG_OLD = (
    "CREATE OR REPLACE FUNCTION minutes_version_issued_frozen() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'issued minutes cannot be deleted'; END IF; "
    "RAISE EXCEPTION 'issued minutes cannot be changed'; "
    "END $$"
)


def _row_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"),
    ]


def _outcome() -> sa.Enum:
    return sa.Enum(
        "pending",
        "upheld",
        "not_upheld",
        "withdrawn",
        name="appealoutcome",
        native_enum=False,
        create_constraint=False,
        length=40,
    )


def upgrade() -> None:
    op.create_table(
        "complaint",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("complainant_id", sa.String(length=36), nullable=True),
        sa.Column("complainant_name", sa.String(length=200), nullable=False),
        sa.Column("relation", sa.String(length=80), nullable=False),
        sa.Column("grounds", sa.JSON(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("acknowledged", sa.Date(), nullable=True),
        sa.Column("handled_by", sa.Text(), nullable=False),
        sa.Column("outcome", _outcome(), nullable=False),
        sa.Column("decided", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        *_row_columns(),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_complaint_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["complainant_id"],
            ["participant.id"],
            name=op.f("fk_complaint_complainant_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
    )
    op.create_index(
        op.f("ix_complaint_conference_id"), "complaint", ["conference_id"], unique=False
    )
    op.create_table(
        "retention",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("closed", sa.Date(), nullable=True),
        sa.Column("held", sa.Boolean(), nullable=False),
        sa.Column("hold_reason", sa.Text(), nullable=False),
        *_row_columns(),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_retention_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention")),
        sa.UniqueConstraint("conference_id", name=op.f("uq_retention_conference_id")),
    )
    op.create_table(
        "tombstone",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("conference_date", sa.Date(), nullable=False),
        sa.Column("profile", sa.String(length=60), nullable=False),
        sa.Column("retain_until", sa.Date(), nullable=False),
        sa.Column("policy", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_by", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("rows_deleted", sa.Integer(), nullable=False),
        *_row_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tombstone")),
        sa.UniqueConstraint("conference_id", name=op.f("uq_tombstone_conference_id")),
    )
    _guards(_SQLITE_NEW, _PG_NEW)


def downgrade() -> None:
    _guards(_SQLITE_OLD, _PG_OLD)
    op.drop_table("tombstone")
    op.drop_table("retention")
    op.drop_index(op.f("ix_complaint_conference_id"), table_name="complaint")
    op.drop_table("complaint")


def _guards(sqlite: tuple[str, ...], postgresql: str) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in _TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in sqlite:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(postgresql)
