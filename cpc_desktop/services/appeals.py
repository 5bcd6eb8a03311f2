"""A parent's appeal against a conference's decision, and how it ended (Northern Ireland).

Only under a profile with ``appeals = true`` (:mod:`cpc_desktop.domain.appeals`);
elsewhere a parent's challenge goes through the complaints procedure and is refused here
in one line. An appeal is recorded after the conference, whatever the state of the
conference or its minutes: it is not a change to the minutes (no copy prints it), so
approved and issued minutes do not stop it. The decision stands while it is considered.

Every change is one unit of work with one audit event (ids only, never the details), in
the same order: the role check (a refusal is itself audited), the field rules, the rows.
Refused input changes nothing; an error is a :class:`ServiceError` with one line. An
outcome set from the screen passes ``expected`` (the outcome, date and note it showed)
and is refused with :class:`~cpc_desktop.services.errors.EditedElsewhere` if someone
else changed one of them meanwhile (:mod:`~cpc_desktop.services.edited_fields`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository, rows
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.appeals import appeal_state, may_appeal
from cpc_desktop.domain.enums import AppealGround, AppealOutcome
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.profile import Profile
from cpc_desktop.services import checks as c
from cpc_desktop.services.edited_fields import Expected, refuse_if_changed
from cpc_desktop.services.errors import Conflict, NotFound
from cpc_desktop.services.parts import PartService, own, row
from cpc_desktop.services.roles import Action

__all__ = ["AppealBook", "AppealLine", "AppealService", "Person"]

_DETAILS = "$.appeals[].details"
_NOTE = "$.appeals[].outcome_note"


@dataclass(frozen=True)
class Person:
    """Someone the screen offers: an id and a name."""

    id: str
    name: str


@dataclass(frozen=True)
class AppealLine:
    """One appeal as the screen lists it."""

    appeal: d.Appeal
    appellant: str  # the name, or "" when not recorded
    children: tuple[str, ...]  # the names; empty: every child of the conference
    state: str  # "waiting for a decision", "upheld on 03/12/2026"


@dataclass(frozen=True)
class AppealBook:
    """A conference's appeals and what a new one may name."""

    reference: str
    conference_date: date
    appellants: tuple[Person, ...]  # who may appeal
    children: tuple[Person, ...]
    lines: tuple[AppealLine, ...]


def _normal(appeal: d.Appeal) -> d.Appeal:
    """The appeal with its grounds and outcome as their enums (stored as text)."""
    return replace(
        appeal,
        grounds=tuple(AppealGround(g) for g in appeal.grounds),
        outcome=AppealOutcome(appeal.outcome),
    )


def _value(found: m.AppealRow) -> d.Appeal:
    return _normal(repository.to_value(d.Appeal, found))


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


class AppealService(PartService):
    """Appeals of one conference, recorded and decided by one actor on one open store."""

    def appeals(self, ref: str) -> AppealBook:
        """The conference's appeals, with who may appeal and which children; refused
        (one line) under a profile without appeals."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "conference")) as w:
            conference = self._under_appeals(w.session, ref)
            w.object_id = conference.id
            record = repository.load_record(w.session, conference.id)
        assert record is not None
        people = {p.id: p for p in record.participants}
        kids = {child.id: child for child in record.children}
        lines = tuple(
            AppealLine(
                appeal=appeal,
                appellant=isolated(people[appeal.appellant_id].name)
                if appeal.appellant_id in people
                else "",
                children=tuple(child_name(kids[i]) for i in appeal.child_ids if i in kids),
                state=appeal_state(appeal),
            )
            for appeal in map(_normal, record.appeals)
        )
        return AppealBook(
            reference=record.conference.reference,
            conference_date=record.conference.date,
            appellants=tuple(
                Person(p.id, isolated(p.name)) for p in record.participants if may_appeal(p)
            ),
            children=tuple(Person(child.id, child_name(child)) for child in record.children),
            lines=lines,
        )

    def record_appeal(
        self,
        ref: str,
        appellant_id: str,
        child_ids: Iterable[str],
        grounds: Iterable[AppealGround | str],
        details: str,
        received: date,
    ) -> d.Appeal:
        """Record a parent's appeal, received on ``received``; ``child_ids`` empty: every
        child of the conference."""
        self._require(Action.RECORD_APPEAL, "conference", ref)
        chosen = tuple(
            dict.fromkeys(c.choice(AppealGround, g, "$.appeals[].grounds") for g in grounds)
        )
        if not chosen:
            raise c.refuse("$.appeals[].grounds", "give at least one ground for the appeal")
        details = c.text(details, _DETAILS)
        children = c.ids(list(child_ids), "$.appeals[].child_ids")
        when = self._past(received, "$.appeals[].received", "received")
        with self._store.unit_of_work(self._context(Action.RECORD_APPEAL, "appeal")) as w:
            s = w.session
            conference = self._under_appeals(s, ref)
            if when < conference.date:
                raise c.refuse(
                    "$.appeals[].received",
                    f"an appeal cannot be received before the conference on "
                    f"{_day(conference.date)}",
                )
            person = own(s, m.ParticipantRow, appellant_id, conference.id, "participant")
            value = repository.to_value(d.Participant, person)
            if not may_appeal(value):
                raise c.refuse(
                    "$.appeals[].appellant_id",
                    f"{isolated(person.name.strip()) or 'this person'} cannot appeal: only "
                    "a parent, a carer or someone in the family with parental "
                    "responsibility can",
                )
            for child_id in children:
                own(s, m.ChildRow, child_id, conference.id, "child")
            appeal = d.Appeal(
                id=m.new_id(),
                received=when,
                appellant_id=appellant_id,
                child_ids=tuple(children),
                grounds=chosen,
                details=details,
            )
            listed = rows.ordered(s, m.AppealRow, m.AppealRow.conference_id == conference.id)
            s.add(
                m.AppealRow(
                    id=appeal.id,
                    conference_id=conference.id,
                    position=len(listed),
                    received=when,
                    appellant_id=appellant_id,
                    child_ids=list(children),
                    grounds=[g.value for g in chosen],
                    details=details,
                    outcome=AppealOutcome.PENDING,
                    decided=None,
                    outcome_note="",
                    **self._meta(),
                )
            )
            w.object_id = appeal.id
        return appeal

    def decide_appeal(
        self,
        ref: str,
        appeal_id: str,
        outcome: AppealOutcome | str,
        decided: date,
        note: str = "",
        *,
        expected: Expected = None,
    ) -> d.Appeal:
        """Record how the appeal ended (upheld, not upheld or withdrawn) on ``decided``.

        ``expected``: the ``outcome``, ``decided`` and ``outcome_note`` the screen showed.
        """
        self._require(Action.DECIDE_APPEAL, "appeal", appeal_id)
        ended = c.choice(AppealOutcome, outcome, "$.appeals[].outcome")
        if ended is AppealOutcome.PENDING:
            raise c.refuse("$.appeals[].outcome", "choose how the appeal ended")
        note = c.text(note, _NOTE)
        when = self._past(decided, "$.appeals[].decided", "decided")
        with self._store.unit_of_work(
            self._context(Action.DECIDE_APPEAL, "appeal", appeal_id)
        ) as w:
            s = w.session
            conference = self._under_appeals(s, ref)
            found = row(s, m.AppealRow, appeal_id, "appeal")
            if found.conference_id != conference.id:
                raise NotFound("that appeal is not part of this conference")
            if when < found.received:
                raise c.refuse(
                    "$.appeals[].decided",
                    f"an appeal cannot be decided before it was received on {_day(found.received)}",
                )
            changes: dict[str, object] = {
                "outcome": ended,
                "decided": when,
                "outcome_note": note,
            }
            refuse_if_changed(
                _value(found), found.row_version, expected, changes, self._describe(s, found)
            )
            self._apply(found, changes)
            s.flush()
            return _value(found)

    # --- helpers ---------------------------------------------------------------------

    def _under_appeals(self, session: Session, ref: str) -> m.ConferenceRow:
        """The conference, refused in one line unless its profile has appeals."""
        conference = self._conference_row(session, ref)
        profile = self._rules.profile(conference.profile)
        if not profile.appeals:
            raise Conflict(_no_appeals(profile))
        return conference

    def _past(self, value: object, path: str, what: str) -> date:
        when = c.day(value, path)
        if when is None:
            raise c.refuse(path, f"say when the appeal was {what}")
        today = self._clock().astimezone().date()
        if when > today:
            raise c.refuse(path, f"an appeal cannot be {what} after today")
        return when

    @staticmethod
    def _describe(session: Session, found: m.AppealRow) -> Callable[[str], str]:
        person = session.get(m.ParticipantRow, found.appellant_id) if found.appellant_id else None
        whose = f"{isolated(person.name.strip())}'s appeal" if person else "the appeal"
        words = {"outcome": "outcome", "decided": "date of decision", "outcome_note": "note"}
        return lambda field: f"the {words[field]} of {whose}"


def _no_appeals(profile: Profile) -> str:
    return (
        f"There is no appeal against a conference's decision under {profile.name}'s rules: "
        "a parent who disagrees uses the complaints procedure"
    )
