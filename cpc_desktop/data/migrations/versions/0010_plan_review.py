"""A review carried from the plan before it (issue 20, point 1).

A review made from the conference before it keeps a link to that conference
(``conference.previous_conference_id``, not a key: it may live in another store) and
the plan's identity (``conference.plan_id``: the id of the conference that made the
plan). It carries, per child, the plan it starts from (``carried_plan``) with each
action and how far it has come (``carried_action.status``: behind, under way or done),
and the safety scales of the plan's earlier conferences (``scale_point``). A decision
records how often the core group meets (``decision.core_group_frequency``). Conferences
stored before this revision carry nothing and keep their decisions as they were.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _meta() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"),
    ]


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    with op.batch_alter_table("conference") as batch:
        batch.add_column(sa.Column("previous_conference_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("plan_id", sa.String(length=36), nullable=True))
    with op.batch_alter_table("decision") as batch:
        batch.add_column(
            sa.Column(
                "core_group_frequency", sa.String(length=200), nullable=False, server_default=""
            )
        )
    op.create_index(op.f("ix_conference_plan_id"), "conference", ["plan_id"], unique=False)
    op.create_table(
        "carried_plan",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.String(length=36), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("primary_category", sa.String(length=60), nullable=True),
        sa.Column("lead_social_worker_id", sa.String(length=36), nullable=True),
        sa.Column("lead_social_worker_contact", sa.Text(), nullable=False),
        sa.Column("core_group", sa.JSON(), nullable=False),
        sa.Column("core_group_frequency", sa.String(length=200), nullable=False),
        sa.Column("contingency_plan", sa.Text(), nullable=False),
        *_meta(),
        _fk("carried_plan", "conference_id", "conference", "CASCADE"),
        _fk("carried_plan", "child_id", "child", "CASCADE"),
        _fk("carried_plan", "lead_social_worker_id", "participant", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carried_plan")),
    )
    op.create_index(op.f("ix_carried_plan_conference_id"), "carried_plan", ["conference_id"])
    op.create_index(op.f("ix_carried_plan_child_id"), "carried_plan", ["child_id"])
    op.create_table(
        "carried_action",
        sa.Column("carried_plan_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "behind",
                "under_way",
                "done",
                name="actionstatus",
                native_enum=False,
                create_constraint=False,
                length=40,
            ),
            nullable=True,
        ),
        *_meta(),
        _fk("carried_action", "carried_plan_id", "carried_plan", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carried_action")),
    )
    op.create_index(
        op.f("ix_carried_action_carried_plan_id"), "carried_action", ["carried_plan_id"]
    )
    op.create_table(
        "scale_point",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("conference_date", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        *_meta(),
        sa.CheckConstraint("score >= 0 AND score <= 10", name=op.f("ck_scale_point_score_range")),
        _fk("scale_point", "conference_id", "conference", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scale_point")),
    )
    op.create_index(op.f("ix_scale_point_conference_id"), "scale_point", ["conference_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_scale_point_conference_id"), table_name="scale_point")
    op.drop_table("scale_point")
    op.drop_index(op.f("ix_carried_action_carried_plan_id"), table_name="carried_action")
    op.drop_table("carried_action")
    op.drop_index(op.f("ix_carried_plan_child_id"), table_name="carried_plan")
    op.drop_index(op.f("ix_carried_plan_conference_id"), table_name="carried_plan")
    op.drop_table("carried_plan")
    op.drop_index(op.f("ix_conference_plan_id"), table_name="conference")
    # One column at a time, in place (see 0005): a batch would rebuild the tables.
    for table, column in (
        ("decision", "core_group_frequency"),
        ("conference", "plan_id"),
        ("conference", "previous_conference_id"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
