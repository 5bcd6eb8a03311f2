"""Column types shared by the models: UTC instants and enums stored as their values."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC instant, stored without a zone and read back as UTC.

    Storing naive UTC keeps SQLite and PostgreSQL identical; a naive value
    handed in is a programming error, not something to guess about.
    """

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs a timezone-aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # pragma: no cover - SQLite returns datetime via the impl
            value = datetime.fromisoformat(value)
        result: datetime = value.replace(tzinfo=UTC)
        return result


def enum_column(enum_cls: type[StrEnum]) -> sa.Enum:
    """An enum stored as its string value (portable: no native enum types)."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=40,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


Span = tuple[datetime, datetime]


class InstantSpans(TypeDecorator[tuple[Span, ...]]):
    """``(from, to)`` pairs of UTC instants, as a JSON list of ISO text pairs.

    Read back as a tuple of pairs of aware datetimes, oldest first, as the frozen
    record holds them (``MinuteEntry.changes``).
    """

    impl = sa.JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> list[list[str]] | None:
        if value is None:
            return None
        return [[_utc_text(start), _utc_text(end)] for start, end in value]

    def process_result_value(self, value: Any, dialect: Dialect) -> tuple[Span, ...]:
        if not value:
            return ()
        return tuple((_utc_value(start), _utc_value(end)) for start, end in value)


def _utc_text(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("InstantSpans needs timezone-aware datetimes")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def _utc_value(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
