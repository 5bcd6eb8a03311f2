"""Fixtures shared by the command-line tests (a file may define its own ``demo``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpc_desktop.cli import main
from tests.helpers.stores import DEMO_PASSPHRASE


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new demo store, its passphrase in ``CPC_PASSPHRASE`` and no user named."""
    monkeypatch.setenv("CPC_PASSPHRASE", DEMO_PASSPHRASE)
    monkeypatch.delenv("CPC_USER", raising=False)
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    return path
