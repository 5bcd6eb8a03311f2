"""Alembic environment: always run against the connection the application hands in."""

from __future__ import annotations

from alembic import context

from cpc_desktop.data.models import Base
from cpc_desktop.data.schema import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # The full-text index is SQLite-specific and made by hand: never autogenerate it away.
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
