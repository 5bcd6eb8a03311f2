"""Two chairs saving the same minute entry and the same child's decision at once (issue 17).

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
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from cpc_desktop.data.store import Store, open_store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.decision_flow import FlowAnswers, FlowContext, QuorumAnswer, start
from cpc_desktop.domain.enums import Outcome, View
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.services.session import Session
from tests.helpers.meeting import CHAIR, M1, POLICE, REF, SW, assert_sound
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


def _plan(ctx: FlowContext, reason: str) -> FlowAnswers:
    answers = start(ctx)
    (blank,) = answers.children
    why = "Recorded at the conference"
    answer = replace(
        blank,
        parents_view="Parents spoke.",
        child_view="Bethany wrote a letter.",
        threshold_rationale=why,
        confirmed=True,
        views=tuple(
            d.AgencyView(uid(f"{reason}-{p.id}"), p.id, View.PLAN, why) for p in ctx.professionals
        ),
        threshold_met=True,
        outcome=Outcome.CP_PLAN,
        reason=reason,
        categories=("neglect",),
        primary_category="neglect",
        lead_social_worker_id=SW,
        core_group=(SW, POLICE),
        contingency_plan="Legal planning meeting if the plan is not kept to.",
        actions=(d.PlanAction(uid(f"{reason}-act"), "Sam Worker", "Visit", date(2026, 12, 1)),),
    )
    quorum = QuorumAnswer(reason="The chair went ahead: the family had travelled.")
    return replace(answers, quorum=quorum, children=(answer,))


def test_two_chairs_deciding_for_one_child_overwrite_nothing(store: Store) -> None:
    contexts: dict[int, FlowContext] = {}

    def reason_now(session: Session) -> str:
        decisions = session.conferences.get(REF).decisions
        return decisions[0].reason if decisions else "(none)"

    def read(session: Session) -> str:
        contexts[id(session)] = session.decisions.context(REF)
        return reason_now(session)

    def write(session: Session, reason: str) -> None:
        session.decisions.finish(REF, _plan(contexts[id(session)], reason))

    saves = _collide(store, DECISION_ROUNDS, read, write)
    stored = reason_now(Session(store, CHAIR, TickingClock()))
    _assert_one_chain(saves, "(none)", stored, DECISION_ROUNDS)
    assert_sound(store)
    store.close()
