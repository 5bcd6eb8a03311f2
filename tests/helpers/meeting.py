"""The live meeting's service tests share these: the small record's store, its people and
items, and the checks that a refusal changed nothing.

Each test acts through a :class:`Session` on a store holding the small record
(``tests/helpers/records.py``), one clock for all its services (later writes are newer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from cpc_desktop.data import integrity, repository
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.decision_flow import FlowAnswers, FlowContext, QuorumAnswer, start
from cpc_desktop.domain.enums import Outcome, UserRole, View
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

REF = "CPC-2026-0042"
CHAIR = Actor("Alex Chair", UserRole.CHAIR)
MINUTER = Actor("Morgan Minutes", UserRole.MINUTE_TAKER)
READER = Actor("Robin Reader", UserRole.READ_ONLY)
ITEM, SW, MUM, POLICE = uid("item"), uid("sw"), uid("mum"), uid("police")
M1, M2 = uid("m1"), uid("m2")
AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def small_store(folder: Path) -> Iterator[Store]:
    """A store holding the small record, closed after the test (for a fixture)."""
    store = new_store(folder)
    ConferenceService(store, CHAIR, TickingClock()).import_record(small_record())
    yield store
    store.close()


def services(store: Store, actor: Actor = CHAIR) -> Session:
    """Every service for ``actor`` on ``store``, on one ticking clock."""
    return Session(store, actor, TickingClock())


def record(store: Store) -> d.ConferenceRecord:
    with store.session() as session:
        loaded = repository.load_record(session, uid("conf"))
    assert loaded is not None
    return loaded


def events(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select * from audit_event order by seq").mappings().all()
    return [dict(row) for row in rows]


def last_event(store: Store) -> dict[str, Any]:
    return events(store)[-1]


def assert_sound(store: Store) -> None:
    report = integrity.check(store)
    assert report.sound, report.problems


def refused(
    store: Store,
    call: Callable[[], object],
    error: type[ServiceError],
    message: str,
) -> None:
    """``call`` raises ``error`` whose one line contains ``message``; nothing changes."""
    before, audit_before = record(store), len(events(store))
    with pytest.raises(error) as caught:
        call()
    assert message in caught.value.message, caught.value.message
    assert "\n" not in caught.value.message
    assert record(store) == before
    assert len(events(store)) == audit_before


def add_items(s: Session, *titles: str) -> list[d.AgendaItem]:
    return [s.agenda.add_agenda_item(REF, title, 5) for title in titles]


def decided_plan(ctx: FlowContext, reason: str) -> FlowAnswers:
    """The wizard finished with a child protection plan for the small record's child,
    its reason (and its ids) marked by ``reason``."""
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
