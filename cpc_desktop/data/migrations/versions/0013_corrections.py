"""Reserved: correction requests and audited printing (issue 20, point 8).

Until its work lands this revision changes nothing; it is filled in place (never
renumbered) so that the work on the issue's points can land in any order.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
