"""The life of a plan through the services (issue 20, point 1; domain.md §10 items 5, 35).

An initial conference makes a plan (its core group meeting every four weeks); a review
made from it carries the plan, the chair judges each action and the plan continues; a
second review, made from the first, ends it, and the plan-ended letters go to every
agency invited to the conference that made the plan, even one not invited to the review
that ended it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.decision_flow import FlowAnswers, QuorumAnswer, start
from cpc_desktop.domain.decision_start import minuted_start
from cpc_desktop.domain.enums import (
    ActionStatus,
    AttendanceKind,
    ConferenceStatus,
    ConferenceType,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.domain.letters import LetterKind
from cpc_desktop.services.errors import Conflict, NotFound, PermissionDenied, RuleViolation
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.session import Session
from tests.helpers.meeting import CHAIR, MINUTER, events, last_event
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

REF = "CPC-2026-0042"
SW, POLICE, HV, MUM = uid("sw"), uid("police"), uid("hv"), uid("mum")
AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
WHY = "Said at the conference"


def _icpc() -> d.ConferenceRecord:
    """The small record with the police and a health visitor present: quorate."""
    record = small_record()
    here = (d.AttendanceEvent(uid("a-police"), AttendanceKind.PRESENT, AT),)
    people = tuple(
        replace(p, attendance=here) if p.id == POLICE else p for p in record.participants
    )
    health = d.Participant(
        HV,
        "Hana Visitor",
        ParticipantRole.PROFESSIONAL,
        agency="Health visiting service",
        direct_contact=True,
        attendance=(d.AttendanceEvent(uid("a-hv"), AttendanceKind.PRESENT, AT),),
    )
    return replace(record, participants=(*people, health))


def _at(store: object, when: datetime) -> Session:
    return Session(store, CHAIR, TickingClock(when))  # type: ignore[arg-type]


@pytest.fixture
def icpc(tmp_path: Path) -> Iterator[Session]:
    store = new_store(tmp_path)
    session = _at(store, AT + timedelta(hours=1))
    session.conferences.import_record(_icpc())
    yield session
    store.close()


def _decide(s: Session, ref: str, outcome: Outcome, **plan: object) -> FlowAnswers:
    ctx = s.decisions.context(ref)
    answers = minuted_start(start(ctx), ctx, s.conferences.get(ref))
    (answer,) = answers.children
    view = View.PLAN if outcome is Outcome.CP_PLAN else View.CHILD_IN_NEED
    answer = replace(
        answer,
        views=tuple(d.AgencyView(uid(f"{ref}-{p.id}"), p.id, view, WHY) for p in ctx.professionals),
        parents_view=answer.parents_view or "Ola spoke.",
        child_view=answer.child_view or "Bethany wrote a letter.",
        threshold_met=outcome is Outcome.CP_PLAN,
        threshold_rationale=WHY,
        outcome=outcome,
        reason="The plan has done its work." if outcome is Outcome.END_PLAN else WHY,
        confirmed=True,
        **plan,  # type: ignore[arg-type]
    )
    quorum = QuorumAnswer(reason="The chair went ahead: the family had travelled.")
    done = replace(answers, quorum=quorum, children=(answer,))
    s.decisions.finish(ref, done)
    return done


def _make_plan(s: Session) -> None:
    s.notes.set_scale(REF, SW, 3, "Worried")
    s.notes.set_scale(REF, HV, 4)
    _decide(
        s,
        REF,
        Outcome.CP_PLAN,
        categories=("neglect",),
        lead_social_worker_id=SW,
        core_group=(SW, POLICE, MUM),
        core_group_frequency="every 4 weeks",
        contingency_plan="A legal planning meeting if the plan is not kept to.",
        actions=(
            d.PlanAction(uid("act-1"), "Sam Worker", "Visit weekly", date(2026, 12, 1)),
            d.PlanAction(uid("act-2"), "Hana Visitor", "Health check", date(2027, 1, 8)),
        ),
    )


def _present(s: Session, record: d.ConferenceRecord, when: datetime, *skip: str) -> None:
    for person in record.participants:
        if person.role is not ParticipantRole.PARENT and person.name not in skip:
            s.roll_call.record_attendance(person.id, AttendanceKind.PRESENT, when)


def test_the_first_core_group_and_its_frequency_are_the_plans(icpc: Session) -> None:
    """§10 item 5: ICPC + 10 working days proposed; the frequency is stored in the plan."""
    ctx = icpc.decisions.context(REF)
    assert start(ctx).children[0].first_core_group_date == date(2026, 12, 4)
    _make_plan(icpc)
    (decision,) = icpc.conferences.get(REF).decisions
    assert decision.first_core_group_date == date(2026, 12, 4)
    assert decision.core_group_frequency == "every 4 weeks"


def test_a_review_carries_the_plan_and_a_second_ends_it(icpc: Session) -> None:
    store = icpc.store
    _make_plan(icpc)
    proposal = icpc.reviews.propose(REF)
    assert proposal.date == date(2027, 2, 19)  # agreed at the ICPC: 3 months, a Friday
    assert proposal.children == ("Bethany Oyelaran",) and proposal.actions == 2
    first = icpc.reviews.new_review(REF)
    assert (first.type, first.status, first.review_number) == (
        ConferenceType.REVIEW,
        ConferenceStatus.SCHEDULED,
        1,
    )
    assert (first.previous_conference_id, first.plan_id) == (uid("conf"), uid("conf"))
    assert first.previous_conference_date == date(2026, 11, 20)
    assert last_event(store)["actor"] == "Alex Chair"
    review = icpc.conferences.get(first.reference)
    assert [p.name for p in review.participants] == [
        "Sam Worker",
        "PC Dee",
        "Ola Oyelaran",
        "Hana Visitor",
    ]
    assert all(p.invited and p.attendance == () for p in review.participants)
    (plan,) = review.plans
    assert plan.child_id == review.children[0].id != uid("child")
    assert plan.categories == ("neglect",) and plan.core_group_frequency == "every 4 weeks"
    names = {p.id: p.name for p in review.participants}
    assert [names[i] for i in plan.core_group] == ["Sam Worker", "PC Dee", "Ola Oyelaran"]
    assert names[plan.lead_social_worker_id or ""] == "Sam Worker"
    assert [(a.owner, a.due_date, a.status) for a in plan.actions] == [
        ("Sam Worker", date(2026, 12, 1), None),
        ("Hana Visitor", date(2027, 1, 8), None),
    ]
    assert [(p.name, p.score) for p in review.scale_history] == [
        ("Sam Worker", 3),
        ("Hana Visitor", 4),
    ]
    with pytest.raises(Conflict, match="already reviewed by"):
        icpc.reviews.new_review(REF)

    # The chair judges the actions; the wizard starts from the plan, less what is done.
    visit, check = plan.actions
    icpc.reviews.set_action_status(first.reference, visit.id, ActionStatus.DONE)
    changed = icpc.reviews.set_action_status(first.reference, check.id, ActionStatus.UNDER_WAY)
    assert changed.status is ActionStatus.UNDER_WAY
    event = last_event(store)
    assert (event["actor"], event["object_id"]) == ("Alex Chair", check.id)
    day = datetime(2027, 2, 19, 10, 0, tzinfo=UTC)
    at_review = _at(store, day + timedelta(hours=1))
    _present(at_review, review, day)
    at_review.notes.set_scale(first.reference, review.participants[0].id, 6)
    answers = _decide(at_review, first.reference, Outcome.CP_PLAN)
    (carried,) = answers.children
    assert carried.categories == ("neglect",) and carried.core_group == plan.core_group
    assert carried.core_group_frequency == "every 4 weeks"
    assert [a.action for a in carried.actions] == ["Health check"]
    assert carried.actions[0].id != check.id

    # The second review ends the plan; the police were not invited to it.
    second = at_review.reviews.new_review(first.reference)
    assert (second.review_number, second.plan_id) == (2, uid("conf"))
    ended = at_review.conferences.get(second.reference)
    assert [(p.name, p.score) for p in ended.scale_history] == [
        ("Sam Worker", 3),
        ("Hana Visitor", 4),
        ("Sam Worker", 6),
    ]
    police = next(p for p in ended.participants if p.name == "PC Dee")
    at_review.roll_call.update_participant(police.id, invited=False)
    later = datetime.combine(second.date, datetime.min.time(), UTC) + timedelta(hours=10)
    at_end = _at(store, later + timedelta(hours=1))
    # Only a quorate conference ends a plan: the school comes in the police's place.
    at_end.roll_call.add_participant(
        second.reference,
        NewParticipant("Tia Teacher", ParticipantRole.PROFESSIONAL, "Meadow School", "", True),
    )
    _present(at_end, at_end.conferences.get(second.reference), later, "PC Dee")
    at_end.roll_call.record_attendance(police.id, AttendanceKind.APOLOGIES, later)
    _decide(at_end, second.reference, Outcome.END_PLAN)
    told = [
        plan.need.recipient_name
        for plan in at_end.letters.plan(second.reference)
        if plan.need.kind is LetterKind.PLAN_ENDED
    ]
    assert told == ["Sam Worker", "PC Dee", "Hana Visitor", "Tia Teacher"]


def test_plan_ended_letters_go_to_invited_agencies_only_without_a_carried_plan(
    icpc: Session,
) -> None:
    """A review set up by hand (not from the plan) tells only those it invited."""
    record = _icpc()
    people = tuple(replace(p, invited=p.id != POLICE) for p in record.participants)
    conference = replace(
        record.conference,
        type=ConferenceType.REVIEW,
        strategy_discussion_date=None,
        previous_conference_date=date(2026, 8, 20),
        review_number=2,
        reference="CPC-2026-0099",
        id=uid("hand"),
    )
    ids = {p.id: uid(f"hand-{p.id}") for p in people}
    hand = replace(
        record,
        conference=conference,
        participants=tuple(
            replace(
                p,
                id=ids[p.id],
                attendance=tuple(replace(e, id=uid(f"hand-{e.id}")) for e in p.attendance),
            )
            for p in people
        ),
        children=tuple(replace(c, id=uid("hand-child")) for c in record.children),
        agenda=(),
        minutes=(),
    )
    icpc.conferences.import_record(hand)
    _decide(icpc, "CPC-2026-0099", Outcome.END_PLAN)
    told = [
        plan.need.recipient_name
        for plan in icpc.letters.plan("CPC-2026-0099")
        if plan.need.kind is LetterKind.PLAN_ENDED
    ]
    assert told == ["Sam Worker", "Hana Visitor"]


def test_what_cannot_be_reviewed_is_refused_in_one_line(icpc: Session) -> None:
    before = len(events(icpc.store))
    with pytest.raises(Conflict) as caught:
        icpc.reviews.new_review(REF)
    assert caught.value.message == (
        "CPC-2026-0042 is not concluded yet; a review is made from a conference that has "
        "reached its decision"
    )
    _decide(icpc, REF, Outcome.NO_FURTHER_ACTION)
    with pytest.raises(Conflict, match="no child of CPC-2026-0042 has a plan to review"):
        icpc.reviews.propose(REF)
    assert icpc.conferences.overview().total == 1
    assert len(events(icpc.store)) > before


def test_a_review_on_or_before_the_conference_is_refused(icpc: Session) -> None:
    _make_plan(icpc)
    with pytest.raises(RuleViolation, match="a review must come after CPC-2026-0042"):
        icpc.reviews.new_review(REF, date(2026, 11, 20))
    assert icpc.conferences.overview().total == 1


def test_only_the_chair_makes_reviews_and_judges_actions(icpc: Session) -> None:
    _make_plan(icpc)
    review = icpc.reviews.new_review(REF)
    (plan,) = icpc.conferences.get(review.reference).plans
    minuter = Session(icpc.store, MINUTER, TickingClock())
    with pytest.raises(PermissionDenied):
        minuter.reviews.new_review(REF)
    with pytest.raises(PermissionDenied):
        minuter.reviews.set_action_status(review.reference, plan.actions[0].id, ActionStatus.DONE)
    with pytest.raises(NotFound, match="not part of the plan"):
        icpc.reviews.set_action_status(review.reference, uid("nothing"), ActionStatus.DONE)
    with pytest.raises(RuleViolation):
        icpc.reviews.set_action_status(review.reference, plan.actions[0].id, "green")  # type: ignore[arg-type]
    assert icpc.conferences.get(review.reference).plans == (plan,)
