"""Schema migrations (Alembic scripts shipped in the package) and the pre-migration backup.

Imported only when a store is created or must be upgraded: Alembic costs half a
second to import and most opens need none of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from cpc_desktop import __version__
from cpc_desktop.data import backups
from cpc_desktop.data.audit import AuditContext
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.models import AppUser, StoreInfo
from cpc_desktop.data.schema import STORE_FORMAT
from cpc_desktop.domain.enums import UserRole

_LOCATION = str(Path(__file__).with_name("migrations"))


def alembic_config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", _LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _one_at_a_time(conn: sa.Connection) -> None:
    """On a server, one migration of a store at a time (until this transaction ends).

    Two chairs starting a new version together: the second waits, then finds the store
    already at the head. The lock is named after the schema the store lives in.
    """
    if conn.dialect.name != "postgresql":
        return
    schema = conn.execute(sa.text("SELECT current_schema()")).scalar()
    digest = hashlib.sha256(f"cpc-desktop migrate {schema}".encode()).digest()
    key = int.from_bytes(digest[:8], "big", signed=True)
    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def upgrade(engine: sa.Engine) -> None:
    """Bring the store to the newest schema, in one transaction."""
    with engine.begin() as conn:
        _one_at_a_time(conn)
        command.upgrade(alembic_config(conn), "head")


def create(engine: sa.Engine, check: Callable[[sa.Connection], None]) -> None:
    """Make the newest schema in one transaction, after ``check`` (which may refuse)."""
    with engine.begin() as conn:
        _one_at_a_time(conn)
        check(conn)
        command.upgrade(alembic_config(conn), "head")


def downgrade_to_nothing(engine: sa.Engine) -> None:
    """Remove every table the migrations made (a store that could not be finished)."""
    with engine.begin() as conn:
        _one_at_a_time(conn)
        command.downgrade(alembic_config(conn), "base")
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))


def backup(engine: sa.Engine, path: Path, key: StoreKey, revision: str) -> Path:
    """Write an encrypted copy of the store beside it before it is migrated.

    The copy is keyed like the store, written under a temporary name and renamed
    into place, so a crash leaves either no backup or a whole one.
    """
    return backups.write_copy(engine, key, backups.backup_name(path, revision, datetime.now(UTC)))


def initialise(store: object, *, owner: str, now: datetime) -> None:
    """Write the facts of a new store and its first user (the chair who created it)."""
    from cpc_desktop.data.store import Store

    assert isinstance(store, Store)
    context = AuditContext(
        actor=owner, role=UserRole.CHAIR.value, action="create_store", object_type="store", at=now
    )
    meta = {
        "row_created_at": now,
        "row_created_by": owner,
        "row_updated_at": now,
        "row_updated_by": owner,
    }
    with store.unit_of_work(context) as work:
        work.session.add_all(
            [
                StoreInfo(key="format", value=STORE_FORMAT, **meta),
                StoreInfo(key="created_with", value=__version__, **meta),
                AppUser(name=owner, role=UserRole.CHAIR, **meta),
            ]
        )
