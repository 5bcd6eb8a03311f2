"""Events in a plan's life recorded outside the decision wizard: a baby's birth after a
pre-birth conference, and the authority a transfer-in conference's plan comes from.

Each is one unit of work with one audit event (ids only), allowed whatever the state of
the conference (a birth comes after the pre-birth conference has concluded) and held to
the field rules first: refused input changes nothing and is said in one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.dates import plain_date
from cpc_desktop.domain.enums import ConferenceType, Outcome
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.timescales import next_review_due
from cpc_desktop.services import checks as c
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.parts import PartService, own
from cpc_desktop.services.roles import Action
from cpc_desktop.services.rules import timescale_params

__all__ = ["BirthRecorded", "PlanEventService"]


@dataclass(frozen=True)
class BirthRecorded:
    """A birth as recorded, and the review it brings forward.

    Attributes:
        child: the child as now recorded (named, with a date of birth).
        review_due: the latest date for the first review after the pre-birth conference,
            now the earlier of the conference + the profile's months and the birth + its
            working days (checklist item 6).
        planned_review: the review date the conference set for this child (``None``
            when it made no plan); later than ``review_due`` means it must come forward.
    """

    child: d.Child
    review_due: date
    planned_review: date | None

    @property
    def review_too_late(self) -> bool:
        return self.planned_review is not None and self.planned_review > self.review_due


class PlanEventService(PartService):
    """A plan's events, recorded by one actor on one open store."""

    def record_birth(
        self, ref: str, child_id: str, given_name: str, family_name: str, born: date
    ) -> BirthRecorded:
        """Record the birth of the baby ``child_id`` of the pre-birth conference ``ref``:
        the child is named and given a date of birth (not after today)."""
        self._require(Action.EDIT_CONFERENCE, "child", child_id)
        given = c.text(given_name, "$.children[].given_name").strip()
        family = c.text(family_name, "$.children[].family_name").strip()
        if not given:
            raise c.refuse("$.children[].given_name", "give the baby's given name")
        when = c.day(born, "$.children[].date_of_birth")
        if when is None:
            raise c.refuse("$.children[].date_of_birth", "give the date of birth")
        today = self._clock().astimezone().date()
        if when > today:
            raise c.refuse("$.children[].date_of_birth", "a birth cannot be after today")
        context = self._context(Action.EDIT_CONFERENCE, "child", child_id)
        with self._store.unit_of_work(context) as w:
            s = w.session
            conference = self._conference_row(s, ref)
            if conference.type is not ConferenceType.PRE_BIRTH:
                raise Conflict("a birth is recorded only for a pre-birth conference's baby")
            found = own(s, m.ChildRow, child_id, conference.id, "child")
            if found.date_of_birth is not None:
                named = child_name(repository.to_value(d.Child, found))
                raise Conflict(
                    f"the birth of {named} is already recorded ({plain_date(found.date_of_birth)})"
                )
            self._apply(found, {"given_name": given, "family_name": family, "date_of_birth": when})
            s.flush()
            record = repository.load_record(s, conference.id)
            assert record is not None
        return self._birth(record, child_id)

    def set_transfer_origin(
        self, ref: str, authority: str, contact: str = "", contact_details: str = ""
    ) -> d.Conference:
        """Record the authority a transfer-in conference's plan comes from (which keeps
        responsibility until the conference), the person to write to there, and how to
        reach them (postal lines, then email and telephone, one a line)."""
        self._require(Action.EDIT_CONFERENCE, "conference", ref)
        authority = c.text(authority, "$.conference.transfer_from").strip()
        if not authority:
            raise c.refuse("$.conference.transfer_from", "name the authority the plan comes from")
        changes: dict[str, object] = {
            "transfer_from": authority,
            "transfer_contact": c.text(contact, "$.conference.transfer_contact").strip(),
            "transfer_contact_details": c.text(
                contact_details, "$.conference.transfer_contact_details"
            ).strip(),
        }
        context = self._context(Action.EDIT_CONFERENCE, "conference")
        with self._store.unit_of_work(context) as w:
            conference = self._conference_row(w.session, ref)
            w.object_id = conference.id
            if conference.type is not ConferenceType.TRANSFER_IN:
                raise Conflict("only a transfer-in conference comes from another authority")
            self._apply(conference, changes)
            w.session.flush()
            return repository.to_value(d.Conference, conference)

    def _birth(self, record: d.ConferenceRecord, child_id: str) -> BirthRecorded:
        profile = self._rules.profile(record.conference.profile)
        child = next(x for x in record.children if x.id == child_id)
        assert child.date_of_birth is not None
        calendar = self._rules.calendar(
            profile.division, (record.conference.date, child.date_of_birth)
        )
        # The post-birth rule for this baby alone: a sibling's own dates do not move it.
        params = timescale_params(profile)
        due = next_review_due(record.conference, (child,), params, calendar)
        plan = next(
            (
                x
                for x in record.decisions
                if x.child_id == child_id and x.outcome is Outcome.CP_PLAN
            ),
            None,
        )
        return BirthRecorded(child, due, None if plan is None else plan.review_date)
