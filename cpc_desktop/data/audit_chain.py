"""The audit chain's hashing: what an event's hash covers and how values are written
for it. No SQLAlchemy here, so the command line's quick listing appends its event
exactly as :mod:`cpc_desktop.data.audit` does."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any

GENESIS = "0" * 64


def plain(value: Any) -> Any:
    """A typed value as it is hashed (text for instants, dates and enums)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bytes):  # a file's bytes: its fingerprint stands for it
        return "sha256:" + hashlib.sha256(value).hexdigest()
    return value


_plain = plain


def canonical(mapping: Mapping[Any, Any]) -> bytes:
    return json.dumps(
        {k: _plain(v) for k, v in mapping.items()},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def event_hash(prev_hash: str, body: Mapping[str, Any]) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical(body)).hexdigest()


BODY = (
    "seq",
    "at",
    "actor",
    "role",
    "action",
    "object_type",
    "object_id",
    "outcome",
    "rows",
    "prev_hash",
)


def event_body(row: Mapping[Any, Any]) -> dict[str, Any]:
    """What an event's hash covers, from the event read as a row."""
    return {name: row[name] for name in BODY}
