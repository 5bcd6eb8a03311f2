"""Fixtures of the fault suite: one demo store made once, copied for each case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.faults.support import PASSPHRASE, make_demo_store


@pytest.fixture(autouse=True)
def _cli_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The passphrase comes from the environment; no debug mode may re-raise errors."""
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    for name in ("CPC_USER", "CPC_DEBUG", "CPC_HANDOVER_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three demo conferences in a closed store (never changed: tests copy it)."""
    return make_demo_store(tmp_path_factory.mktemp("faults-template") / "demo.db")


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path) -> Path:
    """A copy of the demo store alone in its own folder (``tmp_path / "store"``)."""
    folder = tmp_path / "store"
    folder.mkdir()
    shutil.copy(demo_template, folder / "demo.db")
    return folder / "demo.db"
