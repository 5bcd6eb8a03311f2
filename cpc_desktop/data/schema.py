"""The schema revisions this application knows, without importing Alembic.

Opening a store compares its ``alembic_version`` with these constants; Alembic itself
is imported only when a migration must run. A test keeps them equal to the scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = ("0001",)
HEAD_REVISION = KNOWN_REVISIONS[-1]
STORE_FORMAT = "cpc-desktop-store"
