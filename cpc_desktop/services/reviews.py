"""Reviews made from the plan before them, and the progress of that plan's actions.

:meth:`ReviewService.new_review` makes a scheduled review from a concluded conference
that put a child on a plan, carrying what :func:`cpc_desktop.domain.plan_review.carry`
says (children, everyone invited, the plan, the safety scales so far) on the date the
conference before agreed, or else the latest the rules allow (moved to a working day).
:meth:`ReviewService.set_action_status` records the chair's red / amber / green
judgement of one carried action. Each is one unit of work with one audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ActionStatus
from cpc_desktop.domain.plan_review import (
    CannotReview,
    Carried,
    carry,
    review_conference,
    with_status,
)
from cpc_desktop.domain.timescales import next_review_due, proposed_day
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.errors import Conflict, NotFound, RuleViolation
from cpc_desktop.services.roles import Action
from cpc_desktop.services.rules import check_record_rules, timescale_params

__all__ = ["ReviewProposal", "ReviewService"]


@dataclass(frozen=True)
class ReviewProposal:
    """What a review of a conference would be, before it is made."""

    reference: str
    date: date
    #: Why that date: "agreed at CPC-2026-0001" or "the latest the rules allow".
    date_reason: str
    review_number: int
    children: tuple[str, ...]
    actions: int
    #: How many people of the earlier roll call the review would invite.
    invited: int = 0


class ReviewService(ServiceBase):
    """A chair's reviews of a plan: making one, and judging the plan's progress."""

    def propose(self, ref: str) -> ReviewProposal:
        """What :meth:`new_review` would make of ``ref``, read only.

        Raises:
            Conflict: ``ref`` is not concluded or has no child on a plan (one line why).
        """
        previous = self._load_record(Action.VIEW, ref)
        carried = self._carry(previous)
        when, reason = self._proposed_date(previous, carried.agreed_date)
        return ReviewProposal(
            reference=previous.conference.reference,
            date=when,
            date_reason=reason,
            review_number=carried.review_number,
            children=tuple(f"{c.given_name} {c.family_name}".strip() for c in carried.children),
            actions=sum(len(plan.actions) for plan in carried.plans),
            invited=len(carried.participants),
        )

    def new_review(self, ref: str, on: date | None = None) -> d.Conference:
        """Make the review of conference ``ref``'s plan, on ``on`` or the proposed date.

        Raises:
            Conflict: ``ref`` cannot be reviewed (not concluded, no plan), or is reviewed
                already by a conference in this store.
            RuleViolation: the review's date is not after the conference it reviews.
        """
        self._require(Action.CREATE_CONFERENCE, "conference", ref)
        context = self._context(Action.CREATE_CONFERENCE, "conference")
        with self._store.unit_of_work(context) as work:
            s = work.session
            previous = repository.load_record(s, self._conference_id(s, ref))
            assert previous is not None
            before = previous.conference
            rows = m.ConferenceRow.__table__.c
            already = s.scalar(
                sa.select(rows.reference).where(rows.previous_conference_id == before.id)
            )
            if already is not None:
                raise Conflict(f"{before.reference} is already reviewed by {already}")
            carried = self._carry(previous)
            when = on or self._proposed_date(previous, carried.agreed_date)[0]
            if when <= before.date:
                raise RuleViolation(
                    [("$.conference.date", f"a review must come after {before.reference}")]
                )
            profile = self._rules.profile(before.profile)
            conference = review_conference(
                before,
                carried,
                id=m.new_id(),
                reference=repository.next_reference(
                    s, when.year, profile.terminology.meeting_abbreviation
                ),
                on=when,
            )
            record = d.ConferenceRecord(
                conference=conference,
                children=carried.children,
                participants=carried.participants,
                agenda=tuple(
                    d.AgendaItem(m.new_id(), item.key, item.title, item.minutes)
                    for item in profile.agenda.for_type(conference.type)
                ),
                plans=carried.plans,
                scale_history=carried.scale_history,
            )
            check_record_rules(record, self._rules)
            repository.insert_record(s, record, self._actor.name, self._clock())
            work.object_id = conference.id
        return conference

    def set_action_status(
        self, ref: str, action_id: str, status: ActionStatus | None
    ) -> d.CarriedAction:
        """Record how far one carried action has come (``None``: not yet judged).

        Raises:
            NotFound: the review carries no action with that id.
            Conflict: the review's minutes are approved or issued.
        """
        self._require(Action.RECORD_DECISION, "carried_action", action_id)
        if status is not None and not isinstance(status, ActionStatus):
            raise RuleViolation([("$.plans[].actions[].status", "is not a status")])
        context = self._context(Action.RECORD_DECISION, "carried_action", action_id)
        with self._store.unit_of_work(context) as work:
            s = work.session
            conference_id = self._conference_id(s, ref)
            self._require_draft(s, conference_id)
            record = repository.load_record(s, conference_id)
            assert record is not None
            try:
                _plan, changed = with_status(record.plans, action_id, status)
            except KeyError:
                raise NotFound("that action is not part of the plan this review carries") from None
            repository.update_value(s, changed, self._actor.name, self._clock())
        return changed

    # --- helpers ---------------------------------------------------------------------

    @staticmethod
    def _carry(previous: d.ConferenceRecord) -> Carried:
        try:
            return carry(previous, new_id=m.new_id)
        except CannotReview as why:
            raise Conflict(str(why)) from None

    def _proposed_date(self, previous: d.ConferenceRecord, agreed: date | None) -> tuple[date, str]:
        before = previous.conference
        if agreed is not None and agreed > before.date:
            return agreed, f"the review date agreed at {before.reference}"
        profile = self._rules.profile(before.profile)
        params = timescale_params(profile)
        calendar = self._rules.calendar(profile.division, (before.date,))
        latest = next_review_due(before, previous.children, params, calendar)
        calendar = self._rules.calendar(profile.division, (before.date, latest))
        return proposed_day(latest, calendar, after=before.date), "the latest the rules allow"
