"""The decision service: the wizard's context, and each way of finishing it.

Each finish is checked through the session's conference service for what the store
then holds, and for the single audit event it writes; refusals change nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from cpc_desktop.data import integrity
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.decision_flow import (
    ChildAnswer,
    FlowAnswers,
    FlowContext,
    QuorumAnswer,
    start,
)
from cpc_desktop.domain.enums import (
    AttendanceKind,
    ConferenceStatus,
    ConferenceType,
    MinutesState,
    Outcome,
    ParticipantRole,
    UserRole,
    View,
)
from cpc_desktop.domain.flow_dates import reconvene_by
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.decisions import MINUTES_APPROVED, DecisionService
from cpc_desktop.services.errors import (
    EditedElsewhere,
    PermissionDenied,
    RuleViolation,
    ServiceError,
)
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

REF = "CPC-2026-0042"
CHAIR = Actor("Alex Chair", UserRole.CHAIR)
MINUTER = Actor("Morgan Minutes", UserRole.MINUTE_TAKER)
AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)
SW, POLICE, HV, CHILD = uid("sw"), uid("police"), uid("hv"), uid("child")
WHY = "Recorded at the conference"


def quorate(record: d.ConferenceRecord) -> d.ConferenceRecord:
    """The police present too, and a health visitor: three agency groups."""
    here = (d.AttendanceEvent(uid("a-police"), AttendanceKind.PRESENT, AT),)
    people = tuple(
        replace(p, attendance=here) if p.id == POLICE else p for p in record.participants
    )
    health = d.Participant(
        id=HV,
        name="Hana Visitor",
        role=ParticipantRole.PROFESSIONAL,
        agency="Health visiting service",
        direct_contact=True,
        attendance=(d.AttendanceEvent(uid("a-hv"), AttendanceKind.PRESENT, AT),),
    )
    return replace(record, participants=(*people, health))


def as_review(record: d.ConferenceRecord) -> d.ConferenceRecord:
    conference = replace(
        record.conference,
        type=ConferenceType.REVIEW,
        strategy_discussion_date=None,
        previous_conference_date=date(2026, 8, 20),
        review_number=2,
    )
    return replace(record, conference=conference)


def open_session(tmp_path: Path, record: d.ConferenceRecord) -> Session:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(record)
    return Session(store, CHAIR, TickingClock(LATER))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = open_session(tmp_path, quorate(small_record()))
    yield opened
    opened.close()


def events(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select * from audit_event order by seq").mappings().all()
    return [dict(row) for row in rows]


def views(ctx: FlowContext, view: View) -> tuple[d.AgencyView, ...]:
    return tuple(d.AgencyView(uid(f"view-{p.id}"), p.id, view, WHY) for p in ctx.professionals)


def child_answer(ctx: FlowContext, **changes: Any) -> FlowAnswers:
    answers = start(ctx)
    (blank,) = answers.children
    answer: ChildAnswer = replace(
        blank,
        parents_view="Parents spoke.",
        child_view="Bethany wrote a letter.",
        threshold_rationale=WHY,
        confirmed=True,
        **changes,
    )
    return replace(answers, quorum=QuorumAnswer(), children=(answer,))


def plan(ctx: FlowContext) -> FlowAnswers:
    return child_answer(
        ctx,
        views=views(ctx, View.PLAN),
        threshold_met=True,
        outcome=Outcome.CP_PLAN,
        categories=("neglect", "emotional_abuse"),
        primary_category="neglect",
        lead_social_worker_id=SW,
        core_group=(SW, POLICE),
        contingency_plan="Legal planning meeting if the plan is not kept to.",
        actions=(d.PlanAction(uid("act"), "Sam Worker", "Visit weekly", date(2026, 12, 1)),),
    )


def test_context_judges_quorum_and_presence_now(session: Session) -> None:
    ctx = session.decisions.context(REF)
    assert ctx.quorum.quorate
    assert {p.id for p in ctx.professionals} == {SW, POLICE, HV}
    assert ("neglect", "Neglect") in ctx.allowed_categories
    assert ctx.previous_outcome == {CHILD: None}
    assert ctx.today == LATER.astimezone().date()
    assert events(session.store)[-1]["action"] == "view"


def test_finish_a_plan_writes_the_decisions_and_concludes(session: Session) -> None:
    ctx = session.decisions.context(REF)
    before = len(events(session.store))
    (decision,) = session.decisions.finish(REF, plan(ctx))
    record = session.conferences.get(REF)
    assert record.decisions == (decision,)
    assert decision.final and decision.outcome is Outcome.CP_PLAN
    assert decision.categories == ("neglect", "emotional_abuse")
    assert record.conference.status is ConferenceStatus.CONCLUDED
    assert record.conference.quorum_reason is None
    written = events(session.store)[before:]
    assert [e["action"] for e in written] == ["record_decision", "view"]
    assert written[0]["object_id"] == record.conference.id
    # Finishing again replaces the decisions rather than adding to them.
    ctx = session.decisions.context(REF)
    cin = child_answer(
        ctx, views=views(ctx, View.CHILD_IN_NEED), threshold_met=False, outcome=Outcome.CIN_PLAN
    )
    (again,) = session.decisions.finish(REF, cin)
    assert session.conferences.get(REF).decisions == (again,)
    assert integrity.check(session.store).sound


def test_finish_refuses_answers_with_errors(session: Session) -> None:
    ctx = session.decisions.context(REF)
    answers = plan(ctx)
    broken = replace(answers, children=(replace(answers.children[0], contingency_plan=" "),))
    before, record = len(events(session.store)), session.conferences.get(REF)
    with pytest.raises(RuleViolation) as caught:
        session.decisions.finish(REF, broken)
    assert "contingency plan is missing" in caught.value.message
    assert len(events(session.store)) == before + 1  # only the get() above
    assert session.conferences.get(REF) == record


def test_going_ahead_inquorate_records_the_reason(tmp_path: Path) -> None:
    session = open_session(tmp_path, small_record())  # only social care is present
    try:
        ctx = session.decisions.context(REF)
        assert not ctx.quorum.quorate and [p.id for p in ctx.professionals] == [SW]
        answers = child_answer(
            ctx,
            views=views(ctx, View.NO_FURTHER_ACTION),
            threshold_met=False,
            outcome=Outcome.NO_FURTHER_ACTION,
        )
        with pytest.raises(RuleViolation, match="reason for going ahead"):
            session.decisions.finish(REF, answers)
        reason = "The police report was shared in advance."
        answers = replace(answers, quorum=QuorumAnswer(reason=f" {reason} ", reason_shared=True))
        before = len(events(session.store))
        session.decisions.finish(REF, answers)
        assert len(events(session.store)) == before + 1
        conference = session.conferences.get(REF).conference
        assert conference.quorum_reason == reason
        assert conference.quorum_reason_shared is True
        assert conference.status is ConferenceStatus.CONCLUDED
    finally:
        session.close()


def test_adjourning_creates_the_reconvened_conference(tmp_path: Path) -> None:
    session = open_session(tmp_path, small_record())
    try:
        ctx = session.decisions.context(REF)
        when = reconvene_by(ctx)
        answers = replace(
            start(ctx), quorum=QuorumAnswer(proceed=False, adjourn=True, reconvene_date=when)
        )
        before = len(events(session.store))
        assert session.decisions.finish(REF, answers) == ()
        assert len(events(session.store)) == before + 1
        old = session.conferences.get(REF)
        assert old.conference.status is ConferenceStatus.ADJOURNED and old.decisions == ()
        new = session.conferences.get("CPC-2026-0043")
        c = new.conference
        assert (c.type, c.date, c.status) == (
            ConferenceType.INITIAL,
            when,
            ConferenceStatus.SCHEDULED,
        )
        assert (c.reconvene_of, c.previous_conference_date) == (
            old.conference.id,
            date(2026, 11, 20),
        )
        assert c.strategy_discussion_date == old.conference.strategy_discussion_date
        assert [(k.given_name, k.family_name) for k in new.children] == [("Bethany", "Oyelaran")]
        assert new.children[0].id != CHILD
        assert new.agenda and all(item.key for item in new.agenda)
        assert integrity.check(session.store).sound
    finally:
        session.close()


def test_a_review_ends_the_plan(tmp_path: Path) -> None:
    session = open_session(tmp_path, as_review(quorate(small_record())))
    try:
        ctx = session.decisions.context(REF)
        assert ctx.previous_outcome == {CHILD: Outcome.CP_PLAN}
        answers = child_answer(
            ctx,
            views=views(ctx, View.CHILD_IN_NEED),
            threshold_met=False,
            outcome=Outcome.END_PLAN,
            reason="Every action in the plan is complete.",
        )
        (decision,) = session.decisions.finish(REF, answers)
        record = session.conferences.get(REF)
        assert record.decisions == (decision,)
        assert decision.outcome is Outcome.END_PLAN
        assert record.conference.status is ConferenceStatus.CONCLUDED
        # Issue 20, point 5: an ended plan has no next review (list and home screen).
        (summary,) = session.schedule.summaries()
        assert summary.due.next_review_due is None
        deadline = summary.next_deadline(LATER.date())
        assert deadline is None or deadline[0] != "review"
    finally:
        session.close()


def test_refused_once_the_minutes_are_approved(tmp_path: Path) -> None:
    approved = d.MinutesVersion(
        id=uid("v1"),
        version="1.0",
        state=MinutesState.APPROVED,
        created_at=AT,
        approved_by="Alex Chair",
        approved_at=AT,
    )
    session = open_session(tmp_path, replace(quorate(small_record()), minutes_versions=(approved,)))
    try:
        ctx = session.decisions.context(REF)
        before, record = len(events(session.store)), session.conferences.get(REF)
        with pytest.raises(ServiceError) as caught:
            session.decisions.finish(REF, plan(ctx))
        assert caught.value.message == MINUTES_APPROVED
        assert not isinstance(caught.value, RuleViolation)
        assert len(events(session.store)) == before + 1  # only the get() above
        assert session.conferences.get(REF) == record
    finally:
        session.close()


def test_a_minute_taker_may_not_decide(session: Session) -> None:
    ctx = session.decisions.context(REF)
    minuter = DecisionService(session.store, MINUTER, TickingClock(LATER))
    before = session.conferences.get(REF)
    with pytest.raises(PermissionDenied, match="may not record a decision"):
        minuter.finish(REF, plan(ctx))
    denied = events(session.store)[-1]
    assert (denied["action"], denied["outcome"]) == ("record_decision", "denied")
    assert session.conferences.get(REF) == before


def test_a_view_and_a_dissent_keep_the_chairs_share_flags(session: Session) -> None:
    """Shared reasons stay shared in the store; everything else starts closed."""
    ctx = session.decisions.context(REF)
    answers = plan(ctx)
    (answer,) = answers.children
    police = next(v for v in answer.views if v.participant_id == POLICE)
    shared_views = tuple(
        replace(v, view=View.CHILD_IN_NEED, shared_with_family=True) if v is police else v
        for v in answer.views
    )
    dissent = d.Dissent(uid("dissent"), POLICE, "A plan is more than is needed", True)
    answer = replace(answer, views=shared_views, dissents=(dissent,))
    (decision,) = session.decisions.finish(REF, replace(answers, children=(answer,)))
    stored = session.conferences.get(REF).decisions[0]
    assert stored == decision
    assert {v.participant_id: v.shared_with_family for v in stored.views} == {
        v.participant_id: v.participant_id == POLICE for v in stored.views
    }
    assert stored.dissents == (dissent,) and stored.dissents[0].shared_with_family


def test_a_quorum_reason_given_elsewhere_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    """The roll call's reason for going ahead, given while the wizard was open, is not
    written over unseen: finishing is refused with both, and either may then stand."""
    session = open_session(tmp_path, small_record())  # only social care is present
    other = Session(session.store, Actor("Jo Chair", UserRole.CHAIR), session.clock)
    try:
        ctx = session.decisions.context(REF)
        answers = child_answer(
            ctx,
            views=views(ctx, View.NO_FURTHER_ACTION),
            threshold_met=False,
            outcome=Outcome.NO_FURTHER_ACTION,
        )
        answers = replace(answers, quorum=QuorumAnswer(reason="Mine: the report was shared."))
        other.roll_call.set_quorum_reason(REF, "Theirs: the family had travelled.")
        with pytest.raises(EditedElsewhere) as caught:
            session.decisions.finish(REF, answers)
        assert "gave the reason for going ahead without a quorum" in caught.value.message
        assert "Theirs: the family had travelled." in caught.value.message
        stored = session.conferences.get(REF).conference
        assert stored.quorum_reason == "Theirs: the family had travelled."
        assert stored.status is not ConferenceStatus.CONCLUDED  # nothing was saved
        session.decisions.finish(REF, answers, base=caught.value.version)  # keep mine
        stored = session.conferences.get(REF).conference
        assert stored.quorum_reason == "Mine: the report was shared."
        assert stored.status is ConferenceStatus.CONCLUDED
    finally:
        session.close()  # the same store: the second session closes with it
