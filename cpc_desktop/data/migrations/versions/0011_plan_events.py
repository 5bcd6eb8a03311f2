"""Birth, transfer-in origin, adjournment and endings (issue 20, points 2-5).

* ``conference``: ``transfer_from``, ``transfer_contact`` and
  ``transfer_contact_details`` (the authority a transfer-in comes from, its contact and
  how to reach them; empty otherwise); ``adjourned_for`` (``inquorate`` or
  ``more_information``; ``NULL`` when not adjourned) and ``adjourn_reason``;
* ``decision``: ``ending_note`` (who was consulted about an administrative ending).

A birth recorded after a pre-birth conference changes the child's own columns and
needs none of its own.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _text(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


_ADDED: dict[str, tuple[sa.Column[object], ...]] = {
    "conference": (
        sa.Column("transfer_from", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("transfer_contact", sa.String(length=200), nullable=False, server_default=""),
        _text("transfer_contact_details"),
        sa.Column(
            "adjourned_for",
            sa.Enum(
                "inquorate",
                "more_information",
                name="adjournreason",
                native_enum=False,
                create_constraint=False,
                length=40,
            ),
            nullable=True,
        ),
        _text("adjourn_reason"),
    ),
    "decision": (_text("ending_note"),),
}


def upgrade() -> None:
    for table, columns in _ADDED.items():
        for column in columns:
            op.add_column(table, column)


def downgrade() -> None:
    # One column at a time, in place (see 0005): a batch would rebuild the tables.
    for table, columns in reversed(_ADDED.items()):
        for column in reversed(columns):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
