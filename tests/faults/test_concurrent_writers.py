"""Two chairs saving the same row at once (issue 17): a minute entry, a child's decision,
a participant's details, an exclusion's end, the quorum reason, an agenda item's title.

Each writer is a thread with its own :class:`Store` (on a server, its own engine and
connections; on SQLite, a second connection to the file) and its own :class:`Session`,
as two chairs' laptops are. Every round both read, wait for each other, then both save
from what they read, so every round is a real collision. Afterwards the acknowledged
saves must form one chain, each written by someone who had seen the one before it:
none vanished (two saves made from the same text would be a fork). Every save is
either in that chain or was refused as ``EditedElsewhere``; the audit chain is sound.

Run on SQLite always, and against PostgreSQL with ``CPC_TEST_POSTGRES_URL`` (CI).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cpc_desktop.data.store import Store, open_store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.decision_flow import FlowContext
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.services.session import Session
from tests.helpers.meeting import (
    AT,
    CHAIR,
    ITEM,
    M1,
    MUM,
    POLICE,
    REF,
    assert_sound,
    decided_plan,
)
from tests.helpers.records import small_record, uid
from tests.helpers.stores import ON_SERVER, TickingClock, new_store

ENTRY_ROUNDS = 40  # per writer: 80 saves of one entry, as in the issue
DECISION_ROUNDS = 10  # per writer: 20 decisions for one child


@dataclass(frozen=True)
class Save:
    writer: int
    seen: str  # what the writer read before saving
    wrote: str
    acknowledged: bool


@pytest.fixture
def store(tmp_path: Path) -> Store:
    made = new_store(tmp_path)
    ConferenceService(made, CHAIR, TickingClock()).import_record(small_record())
    return made


def _other(store: Store) -> Store:
    """The second chair's own store: another engine on the server, or a second connection."""
    if ON_SERVER:
        assert store.url is not None
        return open_store(store.url.render_as_string(hide_password=False), None)
    return store.second_connection()


def _collide(
    store: Store, rounds: int, read: Callable[[Session], str], write: Callable[[Session, str], None]
) -> list[Save]:
    """Both writers read, wait for each other, then save; every save is recorded."""
    stores = [store, _other(store)]
    sessions = [Session(s, CHAIR, TickingClock()) for s in stores]
    barrier = threading.Barrier(2, timeout=60)
    saves: list[Save] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def run(writer: int) -> None:
        session = sessions[writer]
        try:
            for n in range(rounds):
                seen = read(session)
                barrier.wait()
                mine = f"writer {writer} save {n}"
                try:
                    write(session, mine)
                    ok = True
                except EditedElsewhere:
                    ok = False
                with lock:
                    saves.append(Save(writer, seen, mine, ok))
                barrier.wait()
        except BaseException as error:  # reported by the test thread
            failures.append(error)
            barrier.abort()

    threads = [threading.Thread(target=run, args=(w,)) for w in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stores[1].close()
    assert not failures, failures
    return saves


def _assert_one_chain(saves: list[Save], first: str, stored: str, rounds: int) -> None:
    assert len(saves) == 2 * rounds  # every save was either acknowledged or refused
    acknowledged = [s for s in saves if s.acknowledged]
    by_seen: dict[str, list[Save]] = {}
    for save in acknowledged:
        by_seen.setdefault(save.seen, []).append(save)
    forks = {seen: len(after) for seen, after in by_seen.items() if len(after) > 1}
    assert forks == {}, f"acknowledged saves overwritten unseen: {forks}"
    chain, at = [], first
    while at in by_seen:
        at = by_seen.pop(at)[0].wrote
        chain.append(at)
    assert by_seen == {}, "an acknowledged save was made from text never stored"
    assert len(chain) == len(acknowledged)
    assert stored == (chain[-1] if chain else first)  # the last acknowledged save is stored
    # Each round both saved from the same text: exactly one of the two was refused.
    assert len(acknowledged) == rounds


def test_two_chairs_saving_one_entry_lose_no_acknowledged_save(store: Store) -> None:
    first = Session(store, CHAIR, TickingClock()).entries.entry(M1).text

    def read(session: Session) -> str:
        return session.entries.entry(M1).text

    def write(session: Session, text: str) -> None:
        session.entries.save_text(M1, text)

    saves = _collide(store, ENTRY_ROUNDS, read, write)
    stored = Session(store, CHAIR, TickingClock()).entries.entry(M1).text
    _assert_one_chain(saves, first, stored, ENTRY_ROUNDS)
    assert_sound(store)
    store.close()


def test_two_chairs_deciding_for_one_child_overwrite_nothing(store: Store) -> None:
    contexts: dict[int, FlowContext] = {}

    def reason_now(session: Session) -> str:
        decisions = session.conferences.get(REF).decisions
        return decisions[0].reason if decisions else "(none)"

    def read(session: Session) -> str:
        contexts[id(session)] = session.decisions.context(REF)
        return reason_now(session)

    def write(session: Session, reason: str) -> None:
        session.decisions.finish(REF, decided_plan(contexts[id(session)], reason))

    saves = _collide(store, DECISION_ROUNDS, read, write)
    stored = reason_now(Session(store, CHAIR, TickingClock()))
    _assert_one_chain(saves, "(none)", stored, DECISION_ROUNDS)
    assert_sound(store)
    store.close()


# --- field-level checks: a participant, an exclusion, the quorum reason, an agenda item ---

FIELD_ROUNDS = 20  # per writer


def _field_collision(
    store: Store,
    first: str,
    read_value: Callable[[Session], object],
    write_value: Callable[[Session, str, object], None],
) -> None:
    """Both writers change one field from what they read; no acknowledged save vanishes."""
    seen: dict[int, object] = {}

    def read(session: Session) -> str:
        seen[id(session)] = value = read_value(session)
        return first if value is None else str(value)

    def write(session: Session, mine: str) -> None:
        write_value(session, mine, seen[id(session)])

    saves = _collide(store, FIELD_ROUNDS, read, write)
    now = read_value(Session(store, CHAIR, TickingClock()))
    _assert_one_chain(saves, first, first if now is None else str(now), FIELD_ROUNDS)
    assert_sound(store)
    store.close()


def _person(session: Session, pid: str) -> d.Participant:
    (found,) = [p for p in session.conferences.get(REF).participants if p.id == pid]
    return found


def test_two_chairs_changing_one_agency_lose_no_acknowledged_save(store: Store) -> None:
    _field_collision(
        store,
        "Police",
        lambda s: _person(s, POLICE).agency,
        lambda s, mine, was: s.roll_call.update_participant(
            POLICE, agency=mine, expected={"agency": was}
        ),
    )


def test_two_chairs_changing_one_quorum_reason_lose_no_acknowledged_save(store: Store) -> None:
    _field_collision(
        store,
        "(none)",
        lambda s: s.conferences.get(REF).conference.quorum_reason,
        lambda s, mine, was: s.roll_call.set_quorum_reason(
            REF, mine, expected={"quorum_reason": was}
        ),
    )


def test_two_chairs_renaming_one_agenda_item_lose_no_acknowledged_save(store: Store) -> None:
    _field_collision(
        store,
        "Reason for the conference",
        lambda s: s.conferences.get(REF).agenda[0].title,
        lambda s, mine, was: s.agenda.update_agenda_item(ITEM, title=mine, expected={"title": was}),
    )


def _minutes_after(mine: str) -> datetime:
    """An exclusion's end standing for ``mine`` ("writer W save N"), one per save."""
    _, writer, _, n = mine.split()
    return AT + timedelta(minutes=30 + 100 * int(writer) + int(n))


def _end_seen(name: str) -> datetime:
    """The end a writer saw, from its name (the stored record's end is 10:20)."""
    return AT.replace(minute=20) if name == "first" else _minutes_after(name)


def test_two_chairs_ending_one_exclusion_lose_no_acknowledged_save(store: Store) -> None:
    exclusion = uid("a2")
    names = {_minutes_after(f"writer {w} save {n}"): f"writer {w} save {n}"
             for w in (0, 1) for n in range(FIELD_ROUNDS)}  # fmt: skip

    def end(session: Session) -> str:
        (event,) = [e for e in _person(session, MUM).attendance if e.id == exclusion]
        assert event.until is not None
        return names.get(event.until, "first")

    _field_collision(
        store,
        "first",
        end,
        lambda s, mine, was: s.roll_call.end_exclusion(
            exclusion,
            _minutes_after(mine),
            expected={"until": _end_seen(str(was))},
        ),
    )


def test_two_chairs_changing_different_details_of_one_person_both_stand(store: Store) -> None:
    """Writer 0 changes the agency, writer 1 the relationship, from the same reading:
    every save is acknowledged and both last values are stored."""
    seen: dict[int, d.Participant] = {}

    def read(session: Session) -> str:
        seen[id(session)] = person = _person(session, POLICE)
        return f"{person.agency}|{person.relationship}"

    def write(session: Session, mine: str) -> None:
        was = seen[id(session)]
        field = "agency" if mine.startswith("writer 0") else "relationship"
        session.roll_call.update_participant(
            POLICE, expected={field: getattr(was, field)}, **{field: mine}
        )

    saves = _collide(store, FIELD_ROUNDS, read, write)
    assert len(saves) == 2 * FIELD_ROUNDS and all(s.acknowledged for s in saves)
    now = _person(Session(store, CHAIR, TickingClock()), POLICE)
    last = FIELD_ROUNDS - 1
    assert (now.agency, now.relationship) == (f"writer 0 save {last}", f"writer 1 save {last}")
    assert_sound(store)
    store.close()
