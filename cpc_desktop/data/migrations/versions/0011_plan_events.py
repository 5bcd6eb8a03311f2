"""Reserved: birth, transfer-in origin, adjournment and endings (issue 20, points 2-5).

Until its work lands this revision changes nothing; it is filled in place (never
renumbered) so that the work on the issue's points can land in any order.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
