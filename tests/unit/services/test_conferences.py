"""Conference use cases beyond the role matrix: creating, deciding, replacing."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ConferenceType, Outcome, UserRole
from cpc_desktop.services.conferences import ConferenceService, NewChild, NewConference
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.errors import NotFound, RuleViolation
from cpc_desktop.services.roles import Actor
from tests.helpers.stores import TickingClock, new_store

TODAY = date(2026, 11, 22)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = new_store(tmp_path)
    yield store
    store.close()


@pytest.fixture
def chair(store: Store) -> ConferenceService:
    return ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())


def _audit_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("select count(*) from audit_event").scalar()


def test_create_conference_builds_the_profiles_agenda(chair: ConferenceService) -> None:
    created = chair.create_conference(
        NewConference(
            ConferenceType.INITIAL,
            date(2026, 12, 3),
            (NewChild("Mo", "Said", date(2021, 6, 1)), NewChild("Isa", "Said", date(2018, 2, 2))),
            strategy_discussion_date=date(2026, 11, 20),
        )
    )
    assert created.reference == "CPC-2026-0001"
    record = chair.get(created.reference)
    keys = [item.key for item in record.agenda]
    assert keys[0] == "welcome" and {"childs_views", "parents_views", "decision"} <= set(keys)
    assert [c.given_name for c in record.children] == ["Mo", "Isa"]
    second = chair.create_conference(
        NewConference(
            ConferenceType.INITIAL,
            date(2026, 12, 4),
            (NewChild("A", "B"),),
            strategy_discussion_date=date(2026, 11, 20),
        )
    )
    assert second.reference == "CPC-2026-0002"


def test_a_reference_carries_the_nations_name_for_the_meeting(chair: ConferenceService) -> None:
    """A Scottish family's letter says "reference CPPM-2026-0001", never England's "CPC";
    each name counts on its own."""
    made = {
        profile: chair.create_conference(
            NewConference(
                ConferenceType.INITIAL,
                date(2026, 12, 3),
                (NewChild("Mo", "Said"),),
                profile=profile,
                strategy_discussion_date=date(2026, 11, 20),
            )
        ).reference
        for profile in ("scotland", "northern_ireland", "wales", "england")
    }
    assert made == {
        "scotland": "CPPM-2026-0001",
        "northern_ireland": "CPCC-2026-0001",
        "wales": "CPC-2026-0001",
        "england": "CPC-2026-0002",
    }


def test_late_initial_conference_needs_a_reason(chair: ConferenceService) -> None:
    late = NewConference(
        ConferenceType.INITIAL,
        date(2026, 12, 31),
        (NewChild("A", "B"),),
        strategy_discussion_date=date(2026, 11, 2),
    )
    with pytest.raises(RuleViolation) as caught:
        chair.create_conference(late)
    assert caught.value.problems[0][0] == "$.conference.delay_reason"
    made = chair.create_conference(dataclasses.replace(late, delay_reason="Police report awaited."))
    assert made.delay_reason_shared is False  # for professionals unless the chair shares it
    assert chair.get(made.reference).conference.delay_reason_shared is False


def test_a_delay_reason_is_shared_with_the_family_only_when_the_chair_says(
    chair: ConferenceService,
) -> None:
    late = NewConference(
        ConferenceType.INITIAL,
        date(2026, 12, 31),
        (NewChild("A", "B"),),
        strategy_discussion_date=date(2026, 11, 2),
        delay_reason="The family asked for a later date.",
        delay_reason_shared=True,
    )
    made = chair.create_conference(late)
    assert chair.get(made.reference).conference.delay_reason_shared is True
    on_time = dataclasses.replace(
        late, date=date(2026, 11, 20), delay_reason=None, delay_reason_shared=True
    )
    with pytest.raises(RuleViolation, match="there is no reason to share"):
        chair.create_conference(on_time)
    with pytest.raises(RuleViolation, match="must be true or false"):
        chair.create_conference(dataclasses.replace(late, delay_reason_shared="yes"))  # type: ignore[arg-type]


def test_a_conference_needs_a_child(chair: ConferenceService) -> None:
    with pytest.raises(RuleViolation, match="at least one child"):
        chair.create_conference(NewConference(ConferenceType.INITIAL, date(2026, 12, 3), ()))


def test_record_decision_replaces_and_checks(store: Store, chair: ConferenceService) -> None:
    record = build_demo_record(TODAY)
    chair.import_record(record)
    ref = record.conference.reference
    plan = next(x for x in record.decisions if x.outcome is Outcome.CP_PLAN)
    before = _audit_count(store)
    broken = dataclasses.replace(plan, contingency_plan="")
    with pytest.raises(RuleViolation) as caught:
        chair.record_decision(ref, broken)
    assert caught.value.problems[0][0].endswith(".contingency_plan")
    assert _audit_count(store) == before  # refused input writes nothing
    changed = dataclasses.replace(plan, contingency_plan="Seek legal advice the same day.")
    chair.record_decision(ref, changed)
    assert _audit_count(store) == before + 1
    after = chair.get(ref)
    stored = next(x for x in after.decisions if x.child_id == plan.child_id)
    assert stored == changed
    assert len(after.decisions) == len(record.decisions)


def test_decision_for_a_stranger_is_refused(chair: ConferenceService) -> None:
    record = build_demo_record(TODAY)
    chair.import_record(record)
    stranger = d.Decision(id="0" * 8 + "-0000-4000-8000-" + "0" * 12, child_id="nobody")
    with pytest.raises(NotFound, match="not part of this conference"):
        chair.record_decision(record.conference.reference, stranger)


def _last_event(store: Store) -> dict[str, object]:
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("select * from audit_event order by seq desc limit 1")
        return dict(row.mappings().one())


def test_reading_a_conference_is_audited_and_gives_the_whole_record(
    store: Store, chair: ConferenceService
) -> None:
    record = build_demo_record(TODAY)
    chair.import_record(record)
    ref = record.conference.reference
    before = _audit_count(store)
    assert chair.get(ref) == record
    event = _last_event(store)
    assert (event["action"], event["object_type"], event["object_id"], event["rows"]) == (
        "view",
        "conference",
        record.conference.id,
        "[]",
    )
    assert chair.export_record(record.conference.id) == record  # by UUID too
    assert _last_event(store)["action"] == "export"
    assert _audit_count(store) == before + 2
    with pytest.raises(NotFound, match="no conference"):
        chair.get("CPC-1999-0001")
    assert _audit_count(store) == before + 2  # a failed read writes nothing
