"""A parent's appeal (Northern Ireland): recorded, decided, refused in one line, audited.

The conference is the small record under Northern Ireland's rules (held on 20/11/2026);
the clock reads 05/12/2026. Every refusal changes nothing, not even the audit log.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cpc_desktop.data import repository
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AppealGround, AppealOutcome, ConferenceStatus, MinutesState
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.errors import (
    Conflict,
    EditedElsewhere,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ServiceError,
)
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.appeals import (
    NI_APPEAL,
    NI_CHILD,
    NI_DAD,
    NI_GRAN,
    NI_MUM,
    NI_REF,
    NI_SW,
    ni_record,
)
from tests.helpers.meeting import CHAIR, MINUTER, READER, REF, events
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The NI conference (with the mother's appeal waiting) and England's small record."""
    store = new_store(tmp_path)
    conferences = ConferenceService(store, CHAIR, TickingClock(NOW))
    conferences.import_record(ni_record(appeal=True))
    conferences.import_record(small_record())
    yield store
    store.close()


def session(store: Store, actor: Actor = CHAIR) -> Session:
    return Session(store, actor, TickingClock(NOW))


def appeals_of(store: Store, ref: str = NI_REF) -> tuple[d.Appeal, ...]:
    with store.reading() as s:
        found = repository.find_conference_id(s, ref)
        assert found is not None
        loaded = repository.load_record(s, found)
    assert loaded is not None
    return loaded.appeals


def whole(store: Store) -> Any:
    with store.reading() as s:
        out = []
        for ref in (NI_REF, REF):
            found = repository.find_conference_id(s, ref)
            assert found is not None
            out.append(repository.load_record(s, found))
    return out


def refused(store: Store, call: Any, error: type[ServiceError], words: str) -> str:
    """``call`` raises ``error`` with one line holding ``words``; nothing changes."""
    before, logged = whole(store), len(events(store))
    with pytest.raises(error) as caught:
        call()
    message = caught.value.message
    assert words in message, message
    assert "\n" not in message
    assert whole(store) == before
    assert len(events(store)) == logged
    return message


# --- recording ----------------------------------------------------------------------------


def test_an_appeal_is_recorded_listed_and_audited_without_its_words(store: Store) -> None:
    chair = session(store)
    appeal = chair.appeals.record_appeal(
        NI_REF,
        NI_DAD,
        [NI_CHILD],
        [AppealGround.CATEGORY, "information"],
        "Canary-appeal-details: the father says the category is wrong.",
        date(2026, 11, 27),
    )

    assert appeal.outcome is AppealOutcome.PENDING and appeal.decided is None
    assert appeal.grounds == (AppealGround.CATEGORY, AppealGround.INFORMATION)
    assert appeals_of(store)[-1] == appeal
    last = events(store)[-1]
    assert (last["actor"], last["action"], last["object_type"], last["object_id"]) == (
        CHAIR.name,
        "record_appeal",
        "appeal",
        appeal.id,
    )
    assert "Canary-appeal-details" not in repr(events(store))

    book = chair.appeals.appeals(NI_REF)
    assert book.conference_date == date(2026, 11, 20)
    assert [p.id for p in book.appellants] == [NI_MUM, NI_DAD]  # not the gran, nor the worker
    assert [(line.appellant, line.children, line.state) for line in book.lines] == [
        ("Ola Oyelaran", (), "waiting for a decision"),
        ("Tobi Oyelaran", ("Bethany Oyelaran",), "waiting for a decision"),
    ]


def test_an_appeal_may_be_received_on_the_day_of_the_conference_or_today(store: Store) -> None:
    chair = session(store)
    chair.appeals.record_appeal(NI_REF, NI_MUM, (), ["process"], "", date(2026, 11, 20))
    chair.appeals.record_appeal(NI_REF, NI_MUM, (), ["not_heard"], "", TODAY)
    assert [a.received for a in appeals_of(store)[1:]] == [date(2026, 11, 20), TODAY]


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"appellant_id": NI_GRAN}, RuleViolation, "Gail Oyelaran cannot appeal: only a parent"),
        ({"appellant_id": NI_SW}, RuleViolation, "Sam Worker cannot appeal"),
        ({"appellant_id": uid("nobody")}, NotFound, "that participant is not part of"),
        (
            {"received": date(2026, 11, 19)},
            RuleViolation,
            "cannot be received before the conference on 20/11/2026",
        ),
        ({"received": TODAY + timedelta(days=1)}, RuleViolation, "received after today"),
        ({"received": None}, RuleViolation, "say when the appeal was received"),
        ({"grounds": []}, RuleViolation, "give at least one ground for the appeal"),
        ({"grounds": ["unfair"]}, RuleViolation, "'unfair' is not one of"),
        ({"child_ids": [uid("child")]}, NotFound, "that child is not part of this conference"),
        ({"details": None}, RuleViolation, "$.appeals[].details: must be text"),
    ],
    ids=[
        "no-parental-responsibility",
        "professional",
        "stranger",
        "before-the-conference",
        "in-the-future",
        "no-date",
        "no-grounds",
        "unknown-ground",
        "child-of-another-conference",
        "details-not-text",
    ],
)
def test_a_wrong_appeal_is_refused_in_one_line(
    store: Store, change: dict[str, Any], error: type[ServiceError], words: str
) -> None:
    given: dict[str, Any] = {
        "appellant_id": NI_MUM,
        "child_ids": [NI_CHILD],
        "grounds": ["threshold"],
        "details": "",
        "received": date(2026, 11, 25),
        **change,
    }
    refused(store, lambda: session(store).appeals.record_appeal(NI_REF, **given), error, words)


def test_appeals_are_refused_where_the_profile_has_none(store: Store) -> None:
    chair = session(store)
    for call in (
        lambda: chair.appeals.appeals(REF),
        lambda: chair.appeals.record_appeal(REF, uid("mum"), (), ["process"], "", TODAY),
        lambda: chair.appeals.decide_appeal(REF, NI_APPEAL, "upheld", TODAY),
    ):
        message = refused(store, call, Conflict, "There is no appeal")
        assert message == (
            "There is no appeal against a conference's decision under England's rules: a "
            "parent who disagrees uses the complaints procedure"
        )


def test_only_a_chair_records_or_decides_an_appeal(store: Store) -> None:
    for actor in (MINUTER, READER):
        them = session(store, actor)
        who = actor.role.value.replace("_", " ")
        with pytest.raises(PermissionDenied, match="may not record a parent's appeal"):
            them.appeals.record_appeal(NI_REF, NI_MUM, (), ["process"], "", TODAY)
        with pytest.raises(PermissionDenied) as caught:
            them.appeals.decide_appeal(NI_REF, NI_APPEAL, "upheld", TODAY)
        assert caught.value.message == f"{actor.name} ({who}) may not record how an appeal ended"
        assert [e["outcome"] for e in events(store)[-2:]] == ["denied", "denied"]
        assert them.appeals.appeals(NI_REF).lines  # anyone may look
    assert len(appeals_of(store)) == 1 and appeals_of(store)[0].outcome is AppealOutcome.PENDING


# --- deciding -----------------------------------------------------------------------------


def test_an_appeal_is_decided_and_audited(store: Store) -> None:
    chair = session(store)
    decided = chair.appeals.decide_appeal(
        NI_REF, NI_APPEAL, AppealOutcome.NOT_UPHELD, date(2026, 12, 3), "The panel met."
    )

    assert (decided.outcome, decided.decided, decided.outcome_note) == (
        AppealOutcome.NOT_UPHELD,
        date(2026, 12, 3),
        "The panel met.",
    )
    assert appeals_of(store) == (decided,)
    last = events(store)[-1]
    assert (last["action"], last["object_type"], last["object_id"], last["outcome"]) == (
        "decide_appeal",
        "appeal",
        NI_APPEAL,
        "ok",
    )
    (line,) = chair.appeals.appeals(NI_REF).lines
    assert line.state == "not upheld on 03/12/2026"


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (
            lambda s: s.appeals.decide_appeal(NI_REF, NI_APPEAL, "upheld", date(2026, 11, 20)),
            RuleViolation,
            "cannot be decided before it was received on 21/11/2026",
        ),
        (
            lambda s: s.appeals.decide_appeal(
                NI_REF, NI_APPEAL, "upheld", TODAY + timedelta(days=1)
            ),
            RuleViolation,
            "decided after today",
        ),
        (
            lambda s: s.appeals.decide_appeal(NI_REF, NI_APPEAL, "pending", TODAY),
            RuleViolation,
            "choose how the appeal ended",
        ),
        (
            lambda s: s.appeals.decide_appeal(NI_REF, uid("no-appeal"), "upheld", TODAY),
            NotFound,
            "no appeal",
        ),
    ],
    ids=["before-received", "in-the-future", "still-pending", "unknown"],
)
def test_a_wrong_outcome_is_refused_in_one_line(
    store: Store, call: Any, error: type[ServiceError], words: str
) -> None:
    refused(store, lambda: call(session(store)), error, words)


def test_an_appeal_of_another_conference_is_not_decided_here(store: Store) -> None:
    ConferenceService(store, CHAIR, TickingClock(NOW)).import_record(
        ni_record("CPC-2026-0062", salt="other-")
    )
    refused(
        store,
        lambda: session(store).appeals.decide_appeal("CPC-2026-0062", NI_APPEAL, "upheld", TODAY),
        NotFound,
        "that appeal is not part of this conference",
    )


def test_an_outcome_someone_else_set_meanwhile_is_refused(store: Store) -> None:
    seen = {"outcome": AppealOutcome.PENDING, "decided": None, "outcome_note": ""}
    mine, theirs = session(store), session(store)
    theirs.appeals.decide_appeal(NI_REF, NI_APPEAL, "withdrawn", date(2026, 12, 1))

    before = appeals_of(store)
    with pytest.raises(EditedElsewhere) as caught:
        mine.appeals.decide_appeal(NI_REF, NI_APPEAL, "upheld", TODAY, expected=seen)
    assert caught.value.message == (
        "Someone else changed the outcome of Ola Oyelaran's appeal to “withdrawn” while you "
        "were editing; nothing was saved."
    )
    assert caught.value.theirs.outcome is AppealOutcome.WITHDRAWN
    assert appeals_of(store) == before
    # Seeing what is stored now, the change stands.
    now = {"outcome": AppealOutcome.WITHDRAWN, "decided": date(2026, 12, 1), "outcome_note": ""}
    mine.appeals.decide_appeal(NI_REF, NI_APPEAL, "upheld", TODAY, expected=now)
    assert appeals_of(store)[0].outcome is AppealOutcome.UPHELD


# --- after the conference -----------------------------------------------------------------


def test_an_appeal_is_recorded_after_the_minutes_are_issued(tmp_path: Path) -> None:
    """Not a change to the minutes: a concluded conference with issued minutes takes it."""
    store = new_store(tmp_path, "issued.db")
    demo = build_demo_record(date(2026, 11, 23), CHAIR.name)
    ref = "CPC-2026-0070"
    record = replace(
        demo,
        conference=replace(
            demo.conference,
            reference=ref,
            profile="northern_ireland",
            status=ConferenceStatus.CONCLUDED,
        ),
    )
    chair = session(store)
    chair.conferences.import_record(record)
    chair.minutes.approve(ref)
    certificate = load_certificate(create_self_signed(CHAIR.name, b"words"), b"words")
    chair.minutes.issue(ref, certificate)
    parent = next(p for p in chair.appeals.appeals(ref).appellants)
    appeal = chair.appeals.record_appeal(ref, parent.id, (), ["threshold"], "", TODAY)
    decided = chair.appeals.decide_appeal(ref, appeal.id, "upheld", TODAY, "Name removed.")

    assert appeals_of(store, ref) == (decided,)
    current = chair.minutes.status(ref).current
    assert current is not None and current.state is MinutesState.ISSUED
    store.close()
