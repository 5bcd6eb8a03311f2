"""Reserved: complaints log, retention and legal hold (issue 20, points 6-7).

Until its work lands this revision changes nothing; it is filled in place (never
renumbered) so that the work on the issue's points can land in any order.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
