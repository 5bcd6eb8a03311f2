"""The live workspace: analysis sections, views not obtained, actions, scaling, full-text search.

Adds ``minute_entry.section`` and ``agenda_item.not_obtained_reason``; the tables
``conference_action`` and ``safety_scale``; and, on SQLite, the FTS5 index
``minute_fts`` over minute text, kept in step with ``minute_entry`` by triggers and
filled from the minutes already in the store; on PostgreSQL, a GIN index ``minute_fts``
over the words of the minute text, its accents removed by ``minute_search_fold``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SECTIONS = (
    "harm",
    "danger",
    "complicating_factors",
    "working_well",
    "next_steps",
    "danger_statements",
    "safety_goals",
)

# The index holds no text of its own (external content): it reads minute_entry by
# rowid. minute_entry's key is a string, so its rowid is SQLite's implicit one.
_FTS = (
    "CREATE VIRTUAL TABLE minute_fts USING fts5("
    "text, content='minute_entry', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')"
)
_TRIGGERS = (
    "CREATE TRIGGER minute_fts_insert AFTER INSERT ON minute_entry BEGIN "
    "INSERT INTO minute_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER minute_fts_delete AFTER DELETE ON minute_entry BEGIN "
    "INSERT INTO minute_fts(minute_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
    "END",
    # Only a change of text re-indexes: renumbering positions or saving the same text
    # again costs the index nothing.
    "CREATE TRIGGER minute_fts_update AFTER UPDATE OF text ON minute_entry "
    "WHEN old.text IS NOT new.text BEGIN "
    "INSERT INTO minute_fts(minute_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
    "INSERT INTO minute_fts(rowid, text) VALUES (new.rowid, new.text); END",
)
_TRIGGER_NAMES = ("minute_fts_insert", "minute_fts_delete", "minute_fts_update")


def _latin_folding() -> tuple[str, str]:
    """``translate()`` arguments taking accents off Latin letters: "Zoë" -> "Zoe".

    Precomposed letters become their base letter and combining accents are dropped
    (the rule FTS5's ``remove_diacritics`` follows). Canonical decompositions never
    change between Unicode versions, so the function is the same wherever it is made.
    """
    accented, plain = [], []
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        parts = unicodedata.normalize("NFD", chr(code))
        if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha():
            accented.append(chr(code))
            plain.append(parts[0])
    marks = "".join(chr(code) for code in range(0x0300, 0x0370))
    return "".join(accented) + marks, "".join(plain)


# PostgreSQL: an expression index, so there is nothing to keep in step. Only the first
# 200,000 characters of an entry are indexed: a tsvector holds at most 1 MB, and a
# longer one would stop the entry being saved at all.
_PG_FOLD = (
    "CREATE FUNCTION minute_search_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
    "AS $$ SELECT translate(left($1, 200000), '{}', '{}') $$"
)
_PG_INDEX = (
    "CREATE INDEX minute_fts ON minute_entry "
    "USING gin (to_tsvector('simple'::regconfig, minute_search_fold(text)))"
)


def _row_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
    ]


def upgrade() -> None:
    # Adding a nullable column needs no table rebuild, so no row (or rowid) moves.
    with op.batch_alter_table("minute_entry", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "section",
                sa.Enum(*_SECTIONS, name="analysissection", native_enum=False, length=40),
                nullable=True,
            )
        )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("not_obtained_reason", sa.Text(), nullable=True))

    op.create_table(
        "conference_action",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("minute_entry_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        *_row_columns(),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_conference_action_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["minute_entry_id"],
            ["minute_entry.id"],
            name=op.f("fk_conference_action_minute_entry_id_minute_entry"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference_action")),
    )
    with op.batch_alter_table("conference_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conference_action_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "safety_scale",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_row_columns(),
        sa.CheckConstraint("score >= 0 AND score <= 10", name=op.f("ck_safety_scale_score_range")),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_safety_scale_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_safety_scale_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_scale")),
        sa.UniqueConstraint(
            "conference_id",
            "participant_id",
            name=op.f("uq_safety_scale_conference_id_participant_id"),
        ),
    )
    with op.batch_alter_table("safety_scale", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_safety_scale_conference_id"), ["conference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_safety_scale_participant_id"), ["participant_id"], unique=False
        )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(_FTS)
        for trigger in _TRIGGERS:
            op.execute(trigger)
        # Index the minutes written before this revision.
        op.execute("INSERT INTO minute_fts(minute_fts) VALUES ('rebuild')")
    elif dialect == "postgresql":
        op.execute(_PG_FOLD.format(*_latin_folding()))
        op.execute(_PG_INDEX)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in _TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS minute_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS minute_fts")
        op.execute("DROP FUNCTION IF EXISTS minute_search_fold(text)")

    with op.batch_alter_table("safety_scale", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safety_scale_participant_id"))
        batch_op.drop_index(batch_op.f("ix_safety_scale_conference_id"))
    op.drop_table("safety_scale")
    with op.batch_alter_table("conference_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conference_action_conference_id"))
    op.drop_table("conference_action")

    # Dropped in place, never by rebuilding the table: with foreign keys on, dropping
    # agenda_item to rebuild it would cascade and delete every minute entry.
    with op.batch_alter_table("agenda_item", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("not_obtained_reason")
    with op.batch_alter_table("minute_entry", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("section")
