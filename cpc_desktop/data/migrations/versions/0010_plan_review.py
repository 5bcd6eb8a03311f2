"""Reserved: a review carried from the plan before it (issue 20, points 1).

Until its work lands this revision changes nothing; it is filled in place (never
renumbered) so that the work on the issue's points can land in any order.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
