"""Disclosure: sides, private details, what the chair shares, and when entries changed.

Adds, for who receives what (issue 16):

* ``participant``: ``side`` and ``side_reason`` (``NULL``: the side the role implies),
  ``child_ids`` (the children the person is related to), the private details
  ``address``, ``telephone``, ``email``, ``school_or_workplace``, and ``withhold_from``
  (people not to be given those details);
* ``attendance_event``: ``shared_with_family`` and ``shown_to_excluded`` (an exclusion's
  grounds and note in family copies, and in the excluded person's own);
* ``agency_view`` and ``dissent``: ``shared_with_family``;
* ``conference``: ``delay_reason_shared`` and ``quorum_reason_shared``;
* ``minute_entry``: ``changes`` (spans of time the entry was written, edited or moved)
  and the chair's rulings ``shown_to`` and ``kept_from``.

Every new flag starts false and every list empty, so what family copies print is as
before: nothing shared that was not shared.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Plain literals, not SQL expressions: on SQLite an expression default would make the
# batch rebuild the table, moving minute_entry's rowids under its search index.
_FALSE = "0"
_EMPTY_LIST = "[]"
_SIDE = sa.Enum("family", "professional", name="side", native_enum=False, length=40)


def _flag(name: str) -> sa.Column[bool]:
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=_FALSE)


def _list(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.JSON(), nullable=False, server_default=_EMPTY_LIST)


def _string(name: str, length: int | None = None) -> sa.Column[str]:
    kind = sa.Text() if length is None else sa.String(length=length)
    return sa.Column(name, kind, nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.add_column(_flag("delay_reason_shared"))
        batch_op.add_column(_flag("quorum_reason_shared"))
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("side", _SIDE, nullable=True))
        batch_op.add_column(sa.Column("side_reason", sa.Text(), nullable=True))
        batch_op.add_column(_list("child_ids"))
        batch_op.add_column(_string("address"))
        batch_op.add_column(_string("telephone", 254))
        batch_op.add_column(_string("email", 254))
        batch_op.add_column(_string("school_or_workplace", 200))
        batch_op.add_column(_list("withhold_from"))
    with op.batch_alter_table("attendance_event", schema=None) as batch_op:
        batch_op.add_column(_flag("shared_with_family"))
        batch_op.add_column(_flag("shown_to_excluded"))
    with op.batch_alter_table("agency_view", schema=None) as batch_op:
        batch_op.add_column(_flag("shared_with_family"))
    with op.batch_alter_table("dissent", schema=None) as batch_op:
        batch_op.add_column(_flag("shared_with_family"))
    with op.batch_alter_table("minute_entry", schema=None) as batch_op:
        batch_op.add_column(_list("changes"))
        batch_op.add_column(_list("shown_to"))
        batch_op.add_column(_list("kept_from"))


def downgrade() -> None:
    drops = {
        "minute_entry": ("kept_from", "shown_to", "changes"),
        "dissent": ("shared_with_family",),
        "agency_view": ("shared_with_family",),
        "attendance_event": ("shown_to_excluded", "shared_with_family"),
        "participant": (
            "withhold_from",
            "school_or_workplace",
            "email",
            "telephone",
            "address",
            "child_ids",
            "side_reason",
            "side",
        ),
        "conference": ("quorum_reason_shared", "delay_reason_shared"),
    }
    # One column at a time, in place: a batch would rebuild conference and participant
    # on SQLite, and dropping the old tables cascades to every row that refers to them.
    for table, columns in drops.items():
        for column in columns:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
