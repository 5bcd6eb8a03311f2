"""Waiting for a copy being typeset to issue or export (ui/output/typeset_job.py)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cpc_desktop.ui.output import typeset_job

WAIT = 60_000  # ms: the typesetting process may still be starting on a loaded machine


def settle(qtbot: QtBot) -> None:
    """Wait until no copy is being typeset (and what follows it has run)."""
    qtbot.waitUntil(lambda: not typeset_job.running(), timeout=WAIT)
