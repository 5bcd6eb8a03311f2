"""The decision wizard's service: what it needs to know, and writing what it decided.

:meth:`DecisionService.context` reads the conference once and builds the
:class:`FlowContext` the pure state machine in :mod:`cpc_desktop.domain.decision_flow`
runs on. :meth:`DecisionService.finish` writes the finished answers in one unit of
work with one audit event: the decisions, the quorum reason, the new status and,
when the conference is adjourned (for want of a quorum or of information), why and the
reconvened conference.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.adjournment import adjourned_for
from cpc_desktop.domain.decision_flow import (
    FlowAnswers,
    FlowContext,
    finish_problems,
    to_decisions,
)
from cpc_desktop.domain.enums import (
    PROFESSIONAL_ROLES,
    AgendaStatus,
    ConferenceStatus,
    ConferenceType,
    MinutesState,
    Outcome,
)
from cpc_desktop.domain.profile import Profile
from cpc_desktop.domain.quorum import present_at, record_quorum
from cpc_desktop.domain.sides import is_family_side
from cpc_desktop.domain.terms import terms_of
from cpc_desktop.domain.validation import Severity
from cpc_desktop.services.base import Clock, ServiceBase, frozen_message
from cpc_desktop.services.edit_bases import EditBases
from cpc_desktop.services.errors import Conflict, EditedElsewhere, RuleViolation
from cpc_desktop.services.roles import Action, Actor
from cpc_desktop.services.rules import RuleBook, timescale_params

__all__ = ["MINUTES_APPROVED", "DecisionService"]

MINUTES_APPROVED = frozen_message(MinutesState.APPROVED)

#: Which decision each child has now: the decision row's id and version (``None``: none).
#: The wizard's finish is checked against the stamps read when it began.
Stamps = Mapping[str, tuple[str, int] | None]
#: The stamp of the conference's quorum reason, beside each child's decision.
QUORUM_STAMP = "quorum-reason"


def _stamps(session: Session, record: d.ConferenceRecord) -> dict[str, tuple[str, int] | None]:
    rows = m.DecisionRow
    found = {
        child: (ident, version)
        for child, ident, version in session.execute(
            sa.select(rows.child_id, rows.id, rows.row_version).where(
                rows.conference_id == record.conference.id
            )
        )
    }
    stamps: dict[str, tuple[str, int] | None] = {
        child.id: found.get(child.id) for child in record.children
    }
    # The reason for going ahead without a quorum, which finishing may write: a reason
    # given in the roll call while the wizard is open is not overwritten unseen.
    reason = record.conference.quorum_reason or ""
    stamps[QUORUM_STAMP] = (reason, int(record.conference.quorum_reason_shared))
    return stamps


class DecisionService(ServiceBase):
    """Runs the decision wizard's reads and its one write for one actor."""

    def __init__(
        self, store: Store, actor: Actor, clock: Clock, rules: RuleBook | None = None
    ) -> None:
        super().__init__(store, actor, clock, rules)
        # Per conference, the decisions the wizard began from (see edit_bases.py).
        self._bases = EditBases()

    def context(self, ref: str) -> FlowContext:
        """Everything the wizard needs about the conference ``ref``, judged now.

        The children's decisions as read here are what :meth:`finish` is checked against.
        """
        self._require(Action.VIEW, "conference", ref)
        with self._bases.lock:
            with self._store.unit_of_work(self._context(Action.VIEW, "conference")) as work:
                record = self._record(work.session, ref)
                work.object_id = record.conference.id
                stamps = _stamps(work.session, record)
            self._bases.seen(ref, stamps)
        return self._flow_context(record, self._clock())

    def finish(
        self, ref: str, answers: FlowAnswers, *, base: Stamps | None = None
    ) -> tuple[d.Decision, ...]:
        """Write the wizard's answers: every decision, the status, any reconvened meeting.

        ``base``: the decisions of someone else this save may replace, knowingly (the
        ``version`` of an :class:`EditedElsewhere`); otherwise those read by :meth:`context`.

        Raises:
            Conflict: the current minutes version is approved or issued.
            RuleViolation: the answers still have errors (each one listed).
            EditedElsewhere: someone else recorded a child's decision since the wizard
                began; ``theirs`` holds the decisions they recorded. Nothing is saved.
        """
        self._require(Action.RECORD_DECISION, "conference", ref)
        with self._bases.lock:
            decisions = self._finish(ref, answers, base)
            self._bases.seen(ref, {dec.child_id: (dec.id, 1) for dec in decisions})
        return decisions

    def _finish(
        self, ref: str, answers: FlowAnswers, base: Stamps | None
    ) -> tuple[d.Decision, ...]:
        now = self._clock()
        context = self._context(Action.RECORD_DECISION, "conference")
        with self._store.unit_of_work(context) as work:
            s = work.session
            record = self._record(s, ref)
            work.object_id = record.conference.id
            self._require_draft(s, record.conference.id)
            ctx = self._flow_context(record, now)
            writes_reason = answers.quorum is not None and not ctx.quorum.quorate
            self._require_unchanged(s, ref, record, base, writes_reason)
            errors = [p for p in finish_problems(answers, ctx) if p.severity is Severity.ERROR]
            if errors:
                raise RuleViolation([("$." + p.path, p.message) for p in errors])
            decisions = to_decisions(answers, ctx, new_id=m.new_id)
            self._replace_decisions(s, record, decisions)
            row = s.get(m.ConferenceRow, record.conference.id)
            assert row is not None
            quorum = answers.quorum
            why = adjourned_for(answers, ctx)
            if why is not None:
                assert quorum is not None and quorum.reconvene_date is not None
                row.status = ConferenceStatus.ADJOURNED
                row.adjourned_for = why
                row.adjourn_reason = quorum.adjourn_reason.strip()
                self._reconvene(s, record, quorum.reconvene_date)
            else:
                row.status = ConferenceStatus.CONCLUDED
                if not ctx.quorum.quorate and quorum is not None:
                    row.quorum_reason = quorum.reason.strip()
                    row.quorum_reason_shared = quorum.reason_shared
            self._touch(row)
        return decisions

    # --- helpers ---------------------------------------------------------------------

    def _require_unchanged(
        self,
        session: Session,
        ref: str,
        record: d.ConferenceRecord,
        base: Stamps | None,
        writes_reason: bool,
    ) -> None:
        expected = self._bases.expected(ref, base)
        if not isinstance(expected, Mapping):
            return  # context() was never read here (the command line): nothing to compare
        now = _stamps(session, record)
        changed = [child for child in record.children if now[child.id] != expected.get(child.id)]
        reason_moved = (
            writes_reason
            and QUORUM_STAMP in expected
            and now[QUORUM_STAMP] != expected[QUORUM_STAMP]
        )
        if not changed and not reason_moved:
            return
        theirs = tuple(dec for dec in record.decisions if dec.child_id in {c.id for c in changed})
        names = ", ".join(f"{c.given_name} {c.family_name}".strip() for c in changed)
        what = [f"recorded the decision for {names}"] if changed else []
        if reason_moved:
            said = record.conference.quorum_reason or "nothing"
            what.append(f"gave the reason for going ahead without a quorum (“{said}”)")
        raise EditedElsewhere(
            f"someone else {' and '.join(what)} after you began; nothing was saved "
            "(choose whose decision to keep)",
            theirs,
            now,
        )

    def _record(self, session: Session, ref: str) -> d.ConferenceRecord:
        record = repository.load_record(session, self._conference_id(session, ref))
        assert record is not None
        return record

    def _flow_context(self, record: d.ConferenceRecord, now: datetime) -> FlowContext:
        conference = record.conference
        profile = self._rules.profile(conference.profile)
        today = now.astimezone().date()
        calendar = self._rules.calendar(profile.division, (conference.date, today))
        review = conference.type is ConferenceType.REVIEW
        previous: dict[str, Outcome | None] = {
            child.id: Outcome.CP_PLAN if review else None for child in record.children
        }
        return FlowContext(
            conference=conference,
            children=record.children,
            participants=record.participants,
            professionals=tuple(
                person
                for person in record.participants
                if person.role in PROFESSIONAL_ROLES
                and not is_family_side(person)
                and present_at(person, now)
            ),
            quorum=record_quorum(record, profile.quorum, now),
            allowed_categories=tuple((c.key, c.label) for c in profile.categories),
            primary_required=profile.primary_category_required,
            params=timescale_params(profile),
            calendar=calendar,
            previous_outcome=previous,
            today=today,
            terms=terms_of(profile),
            reporter=profile.consider_reporter_referral,
        )

    def _replace_decisions(
        self, session: Session, record: d.ConferenceRecord, decisions: tuple[d.Decision, ...]
    ) -> None:
        row = session.get(m.ConferenceRow, record.conference.id)
        assert row is not None
        for old in list(row.decisions):
            session.delete(old)
        session.flush()
        session.expire(row, ["decisions"])
        ids = [key for decision in decisions for key in repository.decision_ids(decision)]
        if repository.existing_ids(session, ids):
            raise Conflict("a view, dissent or action id in these decisions is already used")
        for position, decision in enumerate(decisions):
            repository.add_decision(
                session, decision, row.id, position, self._actor.name, self._clock()
            )

    def _reconvene(self, session: Session, record: d.ConferenceRecord, when: date) -> None:
        """Add the reconvened conference: same type and children, the profile's agenda."""
        old = record.conference
        profile: Profile = self._rules.profile(old.profile)
        conference = dataclasses.replace(
            old,
            id=m.new_id(),
            reference=repository.next_reference(
                session, when.year, profile.terminology.meeting_abbreviation
            ),
            status=ConferenceStatus.SCHEDULED,
            date=when,
            previous_conference_date=old.date,
            delay_reason=None,
            quorum_reason=None,
            delay_reason_shared=False,
            quorum_reason_shared=False,
            reconvene_of=old.id,
            adjourned_for=None,
            adjourn_reason="",
        )
        reconvened = d.ConferenceRecord(
            conference=conference,
            children=tuple(dataclasses.replace(child, id=m.new_id()) for child in record.children),
            agenda=tuple(
                d.AgendaItem(
                    id=m.new_id(),
                    key=item.key,
                    title=item.title,
                    allowance_minutes=item.minutes,
                    status=AgendaStatus.PENDING,
                )
                for item in profile.agenda.for_type(old.type)
            ),
        )
        repository.insert_record(session, reconvened, self._actor.name, self._clock())
