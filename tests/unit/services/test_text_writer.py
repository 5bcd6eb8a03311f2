"""Autosaves on a worker thread: in order, each audited, nothing lost when the store closes.

The writer has a connection of its own while the caller's thread keeps using the
store's; the two write the same tables and the same audit chain, which must stay
sound (every row matches its recorded hash, every event follows the one before).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cpc_desktop.data import integrity
from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.store import Store, open_store
from cpc_desktop.domain.enums import Tag, UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import NotFound, PermissionDenied
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.text_writer import SaveOutcome, TextWriter
from tests.helpers.records import small_record, uid
from tests.helpers.stores import FIXED_NOW, RAW_KEY, new_store, store_location

REF = "CPC-2026-0042"
CHAIR = Actor("Alex Chair", UserRole.CHAIR)
ITEM, M1, M2 = uid("item"), uid("m1"), uid("m2")


def _now():  # type: ignore[no-untyped-def]
    return FIXED_NOW


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, _now).import_record(small_record())
    yield store
    store.close()


@pytest.fixture
def ws(store: Store) -> MinuteEntryService:
    return MinuteEntryService(store, CHAIR, _now)


def _events(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select action, object_id from audit_event order by seq")
        return [(r[0], r[1]) for r in rows]


def _wait(writer: TextWriter, ticket: int) -> SaveOutcome:
    outcome = writer.outcome(ticket, wait=True)
    assert outcome is not None
    return outcome


def test_saves_are_written_in_order_off_the_callers_thread(
    store: Store, ws: MinuteEntryService, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[str] = set()
    original = MinuteEntryService.save_text

    def save_text(self: MinuteEntryService, entry_id: str, text: str):  # type: ignore[no-untyped-def]
        threads.add(threading.current_thread().name)
        return original(self, entry_id, text)

    monkeypatch.setattr(MinuteEntryService, "save_text", save_text)
    writer = ws.text_writer
    assert ws.text_writer is writer  # one writer (one thread, one connection) a service
    before = len(_events(store))
    texts = [f"Sam visited {n} times." for n in range(1, 31)]
    tickets = [writer.submit(M1, text) for text in texts]
    outcomes = [_wait(writer, t) for t in tickets]
    assert [o.entry.text for o in outcomes if o.entry] == texts
    assert threads == {"autosave writer"}
    assert ws.entry(M1).text == texts[-1]  # the last given is the one kept
    assert _events(store)[before : before + 30] == [("write_minutes", M1)] * 30
    assert writer.outcome(tickets[-1], wait=True) is None  # each outcome is handed back once
    assert writer.outcome(10_000, wait=True) is None  # a ticket never given is not waited for


def test_a_refused_save_is_an_outcome_and_the_next_one_is_still_written(
    store: Store, ws: MinuteEntryService
) -> None:
    writer = ws.text_writer
    notified: list[int] = []
    bad = writer.submit(uid("nope"), "x", lambda: notified.append(1))
    good = writer.submit(M2, "Now about the grandmother.", lambda: notified.append(2))
    refused = _wait(writer, bad)
    assert isinstance(refused.error, NotFound) and refused.entry is None
    assert _wait(writer, good).entry == ws.entry(M2)
    assert notified == [1, 2]  # called (on the writer's thread) as each is ready

    reader = MinuteEntryService(store, Actor("Robin Reader", UserRole.READ_ONLY), _now)
    denied = _wait(reader.text_writer, reader.text_writer.submit(M1, "changed"))
    assert isinstance(denied.error, PermissionDenied)
    assert _events(store)[-1] == ("write_minutes", M1)  # the refusal is audited, as ever
    assert ws.entry(M1).text != "changed"


def test_both_connections_writing_keep_the_audit_chain_sound(
    store: Store, ws: MinuteEntryService
) -> None:
    writer = ws.text_writer
    tickets = []
    for n in range(20):
        tickets.append(writer.submit(M1, "typed " * (n + 1)))
        # Meanwhile this thread changes the same entry and adds others on its connection.
        ws.update_entry(M1, tag=Tag.FACT if n % 2 else Tag.OPINION)
        ws.add_entry(REF, ITEM, f"Entry {n}")
    outcomes = [_wait(writer, t) for t in tickets]
    assert all(o.error is None for o in outcomes)
    entry = ws.entry(M1)
    assert (entry.text, entry.tag) == ("typed " * 20, Tag.FACT)
    report = integrity.check(store)
    assert report.sound, report.problems


def test_closing_the_store_writes_what_was_given_then_refuses(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, _now).import_record(small_record())
    ws = MinuteEntryService(store, CHAIR, _now)
    writer = ws.text_writer
    last = ""
    for n in range(15):
        last = f"{n}: " + "the chair summarised the concerns. " * 300
        writer.submit(M1, last)
    store.close()  # no waiting by the caller: closing waits for the writer
    late = writer.submit(M1, "after closing")
    refused = _wait(writer, late)
    assert isinstance(refused.error, StoreError)
    again = open_store(store_location(tmp_path, "store.db"), RAW_KEY)
    try:
        assert MinuteEntryService(again, CHAIR, _now).entry(M1).text == last
        assert integrity.check(again).sound
    finally:
        again.close()
