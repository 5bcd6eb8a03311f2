"""Complaints about a conference: recorded, acknowledged and decided (domain.md §8, §10
item 36), under every profile.

The one owner of the ``complaint`` and ``complaint_child`` rows, save that a whole
conference imported or handed over brings its complaints with it (written with the rest
of the record by :mod:`cpc_desktop.data.repository`). A complaint is not part of what
the minutes say (no copy prints it), so approved or issued minutes do not stop it.
Northern Ireland's formal appeals are their own record
(:mod:`cpc_desktop.services.appeals`); both share the grounds and the outcomes.
The decision stands while a complaint is considered
(:data:`~cpc_desktop.domain.complaints.DECISION_STANDS`).

Every change is one unit of work with one audit event (ids only), after the role check;
refused input changes nothing and is one line (:class:`ServiceError`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.data.models_kept import ComplaintChildRow, ComplaintRow
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.complaints import Complaint, ComplaintStep, complaint_state, next_step
from cpc_desktop.domain.enums import AppealGround, AppealOutcome
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.profile_records import ComplaintTimescales
from cpc_desktop.services import checks as c
from cpc_desktop.services.appeals import Person
from cpc_desktop.services.errors import NotFound
from cpc_desktop.services.parts import PartService, own, row
from cpc_desktop.services.roles import Action

__all__ = ["ComplaintBook", "ComplaintLine", "ComplaintService", "DueComplaint"]

_WHO = "$.complaints[].complainant"
_LIMITS = {"complainant_name": 200, "relation": 80, "details": 4000, "handled_by": 400}


@dataclass(frozen=True)
class ComplaintLine:
    """One complaint as the screen lists it."""

    complaint: Complaint
    complainant: str  # the name (of the roll call's person, or as typed)
    children: tuple[str, ...]  # the names of the children it concerns
    state: str  # "received, not yet acknowledged", "upheld on 3 Jan 2027"
    next_step: ComplaintStep | None  # None once it has ended


@dataclass(frozen=True)
class ComplaintBook:
    """A conference's complaints, who of its roll call may be named as complainant and
    the children a complaint may concern."""

    reference: str
    conference_date: date
    people: tuple[Person, ...]
    children: tuple[Person, ...]
    lines: tuple[ComplaintLine, ...]


@dataclass(frozen=True)
class DueComplaint:
    """A complaint with a step still to take, for the home screen."""

    reference: str
    complaint_id: str
    complainant: str
    step: ComplaintStep


def _value(found: ComplaintRow, child_ids: tuple[str, ...] = ()) -> Complaint:
    return Complaint(
        id=found.id,
        conference_id=found.conference_id,
        received=found.received,
        grounds=tuple(AppealGround(g) for g in found.grounds),
        complainant_id=found.complainant_id,
        complainant_name=found.complainant_name,
        relation=found.relation,
        details=found.details,
        acknowledged=found.acknowledged,
        handled_by=found.handled_by,
        outcome=AppealOutcome(found.outcome),
        decided=found.decided,
        outcome_note=found.outcome_note,
        child_ids=child_ids,
    )


def _text(value: object, name: str, *, required: str = "") -> str:
    path = f"$.complaints[].{name}"
    checked = c.text(value, path).strip()
    if required and not checked:
        raise c.refuse(path, required)
    if len(checked) > _LIMITS.get(name, 4000):
        raise c.refuse(path, f"is too long (at most {_LIMITS.get(name, 4000)} characters)")
    return checked


class ComplaintService(PartService):
    """Complaints about conferences, logged by one actor on one open store."""

    def complaints(self, ref: str) -> ComplaintBook:
        """The conference's complaints, each with where it stands and what is due next."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "conference")) as w:
            conference = self._conference_row(w.session, ref)
            w.object_id = conference.id
            found = self._rows(w.session, conference.id)
            concerns = _children_of(w.session, [r.id for r in found])
            people = {p.id: isolated(p.name) for p in conference.participants}
            kids = {k.id: child_name(repository.to_value(d.Child, k)) for k in conference.children}
            calendar, timescales = self._timescales(conference, found)
            values = [_value(r, concerns.get(r.id, ())) for r in found]
            lines = tuple(
                ComplaintLine(
                    complaint=value,
                    complainant=_who(value, people),
                    children=tuple(kids[i] for i in value.child_ids or kids if i in kids),
                    state=complaint_state(value),
                    next_step=next_step(value, timescales, calendar),
                )
                for value in values
            )
            return ComplaintBook(
                reference=conference.reference,
                conference_date=conference.date,
                people=tuple(Person(i, name) for i, name in people.items()),
                children=tuple(Person(i, name) for i, name in kids.items()),
                lines=lines,
            )

    def due_complaints(self) -> tuple[DueComplaint, ...]:
        """Every complaint in the store with a step still to take, soonest first."""
        self._require(Action.LIST, "complaint")
        due: list[DueComplaint] = []
        with self._store.unit_of_work(self._context(Action.LIST, "complaint")) as w:
            s = w.session
            pending = s.scalars(
                sa.select(ComplaintRow).where(ComplaintRow.outcome == AppealOutcome.PENDING)
            ).all()
            for conference_id in dict.fromkeys(r.conference_id for r in pending):
                conference = s.get(m.ConferenceRow, conference_id)
                assert conference is not None
                mine = [r for r in pending if r.conference_id == conference_id]
                calendar, timescales = self._timescales(conference, mine)
                people = {p.id: isolated(p.name) for p in conference.participants}
                for found in mine:
                    value = _value(found)
                    step = next_step(value, timescales, calendar)
                    assert step is not None  # pending
                    due.append(
                        DueComplaint(conference.reference, value.id, _who(value, people), step)
                    )
        return tuple(sorted(due, key=lambda d: (d.step.due, d.reference)))

    def record_complaint(
        self,
        ref: str,
        *,
        received: date,
        grounds: tuple[AppealGround | str, ...] | list[AppealGround | str],
        complainant_id: str | None = None,
        complainant_name: str = "",
        relation: str = "",
        details: str = "",
        child_ids: Iterable[str] = (),
    ) -> Complaint:
        """Log a complaint received on ``received``: from a person of the roll call
        (``complainant_id``) or someone named (``complainant_name``), about the children
        ``child_ids`` of the conference (none given: every child of the conference)."""
        self._require(Action.RECORD_COMPLAINT, "conference", ref)
        chosen = tuple(
            dict.fromkeys(c.choice(AppealGround, g, "$.complaints[].grounds") for g in grounds)
        )
        if not chosen:
            raise c.refuse("$.complaints[].grounds", "give at least one ground for the complaint")
        name = _text(complainant_name, "complainant_name")
        if (complainant_id is None) == (not name):
            raise c.refuse(_WHO, "name the complainant: a person of the roll call, or a name")
        relation = _text(relation, "relation")
        details = _text(details, "details")
        given = child_ids if isinstance(child_ids, str) else list(child_ids)
        wanted = c.ids(given, "$.complaints[].child_ids")
        when = self._past(received, "received")
        with self._store.unit_of_work(self._context(Action.RECORD_COMPLAINT, "complaint")) as w:
            s = w.session
            conference = self._conference_row(s, ref)
            if when < conference.date:
                raise c.refuse(
                    "$.complaints[].received",
                    "a complaint cannot be received before the conference it is about",
                )
            if complainant_id is not None:
                person = s.get(m.ParticipantRow, complainant_id)
                if person is None or person.conference_id != conference.id:
                    raise NotFound("that person is not in this conference's roll call")
            for child_id in wanted:
                own(s, m.ChildRow, child_id, conference.id, "child")
            # the children in the conference's order; none named: every child
            concerned = [k.id for k in conference.children if not wanted or k.id in wanted]
            found = ComplaintRow(
                id=m.new_id(),
                conference_id=conference.id,
                complainant_id=complainant_id,
                complainant_name=name,
                relation=relation,
                grounds=[g.value for g in chosen],
                details=details,
                received=when,
                acknowledged=None,
                handled_by="",
                outcome=AppealOutcome.PENDING,
                decided=None,
                outcome_note="",
                **self._meta(),
            )
            s.add(found)
            s.flush()
            for child_id in concerned:
                s.add(
                    ComplaintChildRow(
                        id=m.new_id(), complaint_id=found.id, child_id=child_id, **self._meta()
                    )
                )
            s.flush()
            w.object_id = found.id
            return _value(found, tuple(concerned))

    def acknowledge_complaint(
        self, ref: str, complaint_id: str, acknowledged: date, handled_by: str = ""
    ) -> Complaint:
        """Record that the complaint was acknowledged on ``acknowledged`` and, if said,
        who is considering it (the chair, a panel, a senior manager)."""
        self._require(Action.RECORD_COMPLAINT, "complaint", complaint_id)
        handler = _text(handled_by, "handled_by")
        when = self._past(acknowledged, "acknowledged")
        with self._store.unit_of_work(
            self._context(Action.RECORD_COMPLAINT, "complaint", complaint_id)
        ) as w:
            found = self._own(w.session, ref, complaint_id)
            if found.outcome is not AppealOutcome.PENDING:
                raise c.refuse("$.complaints[].acknowledged", "this complaint has already ended")
            if when < found.received:
                raise c.refuse(
                    "$.complaints[].acknowledged",
                    "a complaint cannot be acknowledged before it was received",
                )
            changes: dict[str, object] = {"acknowledged": when}
            if handler:
                changes["handled_by"] = handler
            self._apply(found, changes)
            w.session.flush()
            return _value(found, _children_of(w.session, [found.id]).get(found.id, ()))

    def decide_complaint(
        self,
        ref: str,
        complaint_id: str,
        outcome: AppealOutcome | str,
        decided: date,
        note: str = "",
        handled_by: str = "",
    ) -> Complaint:
        """Record how the complaint ended (upheld, not upheld or withdrawn) on
        ``decided``, and by whom (the panel or the ruling) if said."""
        self._require(Action.RECORD_COMPLAINT, "complaint", complaint_id)
        ended = c.choice(AppealOutcome, outcome, "$.complaints[].outcome")
        if ended is AppealOutcome.PENDING:
            raise c.refuse("$.complaints[].outcome", "choose how the complaint ended")
        note = _text(note, "outcome_note")
        handler = _text(handled_by, "handled_by")
        when = self._past(decided, "decided")
        with self._store.unit_of_work(
            self._context(Action.RECORD_COMPLAINT, "complaint", complaint_id)
        ) as w:
            found = self._own(w.session, ref, complaint_id)
            if when < found.received:
                raise c.refuse(
                    "$.complaints[].decided",
                    "a complaint cannot be decided before it was received",
                )
            changes: dict[str, object] = {"outcome": ended, "decided": when, "outcome_note": note}
            if handler:
                changes["handled_by"] = handler
            self._apply(found, changes)
            w.session.flush()
            return _value(found, _children_of(w.session, [found.id]).get(found.id, ()))

    # --- helpers ---------------------------------------------------------------------

    @staticmethod
    def _rows(session: Session, conference_id: str) -> list[ComplaintRow]:
        return list(
            session.scalars(
                sa.select(ComplaintRow)
                .where(ComplaintRow.conference_id == conference_id)
                .order_by(ComplaintRow.received, ComplaintRow.row_created_at)
            )
        )

    def _own(self, session: Session, ref: str, complaint_id: str) -> ComplaintRow:
        conference = self._conference_row(session, ref)
        found = row(session, ComplaintRow, complaint_id, "complaint")
        if found.conference_id != conference.id:
            raise NotFound("that complaint is not about this conference")
        return found

    def _timescales(
        self, conference: m.ConferenceRow, found: list[ComplaintRow]
    ) -> tuple[WorkingCalendar, ComplaintTimescales]:
        """The calendar covering the complaints' due dates, and the profile's timescales."""
        profile = self._rules.profile(conference.profile)
        days = [r.received for r in found] or [conference.date]
        return self._rules.calendar(profile.division, days), profile.complaints

    def _past(self, value: object, what: str) -> date:
        path = f"$.complaints[].{what}"
        when = c.day(value, path)
        if when is None:
            raise c.refuse(path, f"say when the complaint was {what}")
        if when > self._clock().astimezone().date():
            raise c.refuse(path, f"a complaint cannot be {what} after today")
        return when


def _children_of(session: Session, complaint_ids: list[str]) -> dict[str, tuple[str, ...]]:
    """The children each complaint names, in the conference's order of children."""
    named: dict[str, list[str]] = {}
    if complaint_ids:
        query = (
            sa.select(ComplaintChildRow.complaint_id, ComplaintChildRow.child_id)
            .join(m.ChildRow, m.ChildRow.id == ComplaintChildRow.child_id)
            .where(ComplaintChildRow.complaint_id.in_(complaint_ids))
            .order_by(m.ChildRow.position)
        )
        for complaint_id, child_id in session.execute(query):
            named.setdefault(complaint_id, []).append(child_id)
    return {k: tuple(v) for k, v in named.items()}


def _who(value: Complaint, people: dict[str, str]) -> str:
    if value.complainant_id is not None and value.complainant_id in people:
        return people[value.complainant_id]
    return isolated(value.complainant_name) or "(not recorded)"
