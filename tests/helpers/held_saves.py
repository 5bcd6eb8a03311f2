"""Autosaves held on the writer's thread until the test lets them go (to catch one running)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from cpc_desktop.services.minute_entries import MinuteEntryService


class HeldSaves:
    """Every ``save_text`` on a worker thread waits for :attr:`release` (30 s at most)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.threads: list[str] = []
        original = MinuteEntryService.save_text

        def save_text(service: MinuteEntryService, entry_id: str, text: str):  # type: ignore[no-untyped-def]
            self.threads.append(threading.current_thread().name)
            self.release.wait(30)
            return original(service, entry_id, text)

        monkeypatch.setattr(MinuteEntryService, "save_text", save_text)


def holding(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldSaves]:
    """For a fixture: saves held during the test, all let go at its end."""
    holder = HeldSaves(monkeypatch)
    yield holder
    holder.release.set()  # nothing stays held when the store closes
