"""Helpers to make real encrypted stores quickly (raw keys skip the KDF)."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import Store, create_store

FIXED_NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
RAW_KEY = StoreKey.from_raw(bytes(range(32)))


class TickingClock:
    """A clock that moves one second per reading (deterministic audit times)."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        from datetime import timedelta

        self.now += timedelta(seconds=1)
        return self.now


def new_store(folder: Path, name: str = "store.db", key: StoreKey = RAW_KEY) -> Store:
    return create_store(folder / name, key, owner="Alex Chair", now=FIXED_NOW)


def digest_tree(folder: Path) -> dict[str, str]:
    """Name -> sha256 of every file in a folder (to prove nothing changed)."""
    out = {}
    for entry in sorted(os.listdir(folder)):
        p = folder / entry
        if p.is_file():
            out[entry] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[entry] = "<dir>"
    return out
