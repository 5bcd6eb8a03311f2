"""Fixtures the live-meeting service tests share (agenda, roll call, entries, notes,
search). A module that defines its own ``store`` uses that one instead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.services.session import Session
from tests.helpers.meeting import services, small_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The small conference of tests/helpers/meeting.py, in its own store."""
    yield from small_store(tmp_path)


@pytest.fixture
def meeting(store: Store) -> Session:
    """Every service for the chair, on one clock."""
    return services(store)
