"""Conference use cases: one unit of work per call, a role check, an audit event.

Every public method takes and returns frozen values from :mod:`cpc_desktop.domain`
(never ORM objects). Bad input raises a :class:`ServiceError` before anything is
written; a refused permission is itself recorded in the audit log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from cpc_desktop.data import integrity, record_reader, repository
from cpc_desktop.data import models as m
from cpc_desktop.data import overview as listing
from cpc_desktop.data.errors import CheckStopped
from cpc_desktop.data.integrity import IntegrityReport as StoreCheck
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AgendaStatus,
    ConferenceStatus,
    ConferenceType,
    MeetingMode,
    StrategyAnchor,
    UserRole,
)
from cpc_desktop.domain.validation import Severity
from cpc_desktop.services import checks
from cpc_desktop.services.base import Clock, ServiceBase
from cpc_desktop.services.distribution import ITEMS as SENT_ITEMS
from cpc_desktop.services.errors import Conflict, NotFound, RuleViolation
from cpc_desktop.services.retention import refuse_if_deleted
from cpc_desktop.services.roles import Action
from cpc_desktop.services.rules import check_record_rules, record_problems
from cpc_desktop.services.summaries import Overview

__all__ = [
    "CheckStopped",
    "Clock",
    "ConferenceService",
    "NewChild",
    "NewConference",
    "Overview",
]


@dataclass(frozen=True)
class NewChild:
    given_name: str
    family_name: str
    date_of_birth: date | None = None
    expected_date_of_delivery: date | None = None


@dataclass(frozen=True)
class NewConference:
    """What the chair types to set up a conference; the agenda comes from the profile."""

    type: ConferenceType
    date: dt.date
    children: tuple[NewChild, ...]
    profile: str = "england"
    start_time: dt.time | None = None
    local_authority: str = ""
    venue: str = ""
    mode: MeetingMode = MeetingMode.IN_PERSON
    strategy_discussion_date: dt.date | None = None
    transfer_notice_date: dt.date | None = None
    previous_conference_date: dt.date | None = None
    review_number: int = 0
    delay_reason: str | None = None
    reconvene_of: str | None = None
    #: A later strategy discussion, and which of the two starts the clock (``None``: the
    #: profile's default).
    last_strategy_discussion_date: dt.date | None = None
    strategy_anchor: StrategyAnchor | None = None
    #: Whether family copies print the reason for delay (the chair's choice; not by default).
    delay_reason_shared: bool = False
    #: A transfer-in: the authority the plan comes from, the person to write to there and
    #: how to reach them (see ``Conference``).
    transfer_from: str = ""
    transfer_contact: str = ""
    transfer_contact_details: str = ""


class ConferenceService(ServiceBase):
    """The use cases of one actor on one open store."""

    # --- reading -------------------------------------------------------------------

    def overview(self, since: date | None = None) -> Overview:
        """Every conference; or, given ``since``, those still current (see :class:`Overview`).

        Read with Core selects straight into the frozen values (no ORM objects).
        """
        self._require(Action.LIST, "store")
        where = None if since is None else listing.current_since(since)
        with self._store.unit_of_work(self._context(Action.LIST, "store")) as work:
            connection = work.session.connection()
            conferences = listing.conferences(connection, where)
            ids = None if where is None else [c.id for c in conferences]
            children = listing.children_by_conference(connection, where, ids)
            sent = listing.first_sent(connection, where, ids)
            without_plan = listing.without_a_plan(connection, where, ids)
            total = len(conferences) if since is None else listing.count(connection)
            older = 0
            if since is not None:
                older = listing.concluded_unsent_before(connection, since, SENT_ITEMS)
        return Overview(conferences, children, sent, since, total, older, without_plan)

    def get(self, ref: str) -> d.ConferenceRecord:
        return self._load(Action.VIEW, ref)

    def prepare_reading(self) -> None:
        """Make the first :meth:`get` of the session as quick as later ones: every
        statement it runs is compiled now, run for no conference (the idle after the home
        screen is shown). Nothing about anyone is read, so nothing is checked or audited."""
        with self._store.reading() as session:
            repository.find_conference_id(session, "")
            record_reader.prepare(session.connection())

    def export_record(self, ref: str) -> d.ConferenceRecord:
        return self._load(Action.EXPORT, ref)

    def _load(self, action: Action, ref: str) -> d.ConferenceRecord:
        """The whole conference, read under ``action`` (checked and audited as any read).

        Core selects straight into the frozen record (:mod:`cpc_desktop.data.record_reader`)
        instead of ORM objects converted afterwards: 2,000 entries in a fifth of the time.
        """
        self._require(action, "conference", ref)
        with self._store.unit_of_work(self._context(action, "conference")) as work:
            conference_id = self._conference_id(work.session, ref)
            work.object_id = conference_id
            record = record_reader.read_record(work.session.connection(), conference_id)
        assert record is not None
        return record

    def check(
        self,
        progress: integrity.Progress | None = None,
        cancelled: integrity.Cancelled | None = None,
        *,
        just_opened: bool = False,
    ) -> StoreCheck:
        """Check the whole store (``integrity.check``): ``progress`` hears how far it has
        gone; ``cancelled`` is asked between batches and stops it with ``CheckStopped``
        (nothing recorded). Only a sound store gets the check's audit event.
        ``just_opened``: the store was opened for this check (the command line), so the
        pages its open checked are not checked again."""
        self._require(Action.CHECK, "store")
        report = integrity.check(
            self._store,
            progress or integrity.nothing,
            cancelled or integrity.never,
            just_opened=just_opened,
        )
        if report.sound:
            # A damaged store is left byte for byte as it was: only a sound one is written.
            with self._store.unit_of_work(self._context(Action.CHECK, "store")):
                pass
        return report

    # --- writing -------------------------------------------------------------------

    def import_record(self, record: d.ConferenceRecord) -> d.Conference:
        """Add a whole conference; refused whole if it breaks a rule or any id clashes."""
        self._require(Action.IMPORT, "conference", record.conference.id)
        check_record_rules(record, self._rules)
        context = self._context(Action.IMPORT, "conference", record.conference.id)
        with self._store.unit_of_work(context) as work:
            s = work.session
            if repository.find_conference_id(s, record.conference.reference) is not None:
                raise Conflict(f"conference {record.conference.reference} is already in this store")
            refuse_if_deleted(s, record.conference.id)
            clashes = repository.existing_ids(s, repository.all_ids(record))
            if clashes:
                table, row_id = clashes[0]
                raise Conflict(f"the {table} id {row_id} is already in this store")
            repository.insert_record(s, record, self._actor.name, self._clock())
        return record.conference

    def add_user(self, name: str, role: UserRole) -> None:
        self._require(Action.MANAGE_USERS, "app_user")
        name = name.strip()
        if not name:
            raise NotFound("a user needs a name")
        with self._store.unit_of_work(self._context(Action.MANAGE_USERS, "app_user")) as work:
            if name in repository.store_users(work.session):
                raise Conflict(f"{name} is already a user of this store")
            user = m.AppUser(name=name, role=role, **self._meta())
            work.session.add(user)
            work.session.flush()
            work.object_id = user.id

    def create_conference(self, new: NewConference) -> d.Conference:
        """Set up a conference with its children and the profile's agenda for its type."""
        self._require(Action.CREATE_CONFERENCE, "conference")
        if not new.children:
            raise RuleViolation([("$.children", "a conference considers at least one child")])
        profile = self._rules.profile(new.profile)
        shared = checks.flag(new.delay_reason_shared, "$.conference.delay_reason_shared")
        if shared and not (new.delay_reason or "").strip():
            raise checks.refuse("$.conference.delay_reason_shared", "there is no reason to share")
        context = self._context(Action.CREATE_CONFERENCE, "conference")
        with self._store.unit_of_work(context) as work:
            reference = repository.next_reference(
                work.session, new.date.year, profile.terminology.meeting_abbreviation
            )
            conference = d.Conference(
                id=m.new_id(),
                reference=reference,
                type=new.type,
                status=ConferenceStatus.SCHEDULED,
                date=new.date,
                profile=profile.id,
                start_time=new.start_time,
                local_authority=new.local_authority
                or (profile.authority.name if profile.authority else ""),
                venue=new.venue,
                mode=new.mode,
                strategy_discussion_date=new.strategy_discussion_date,
                last_strategy_discussion_date=new.last_strategy_discussion_date,
                strategy_anchor=new.strategy_anchor,
                transfer_notice_date=new.transfer_notice_date,
                previous_conference_date=new.previous_conference_date,
                review_number=new.review_number,
                delay_reason=new.delay_reason,
                delay_reason_shared=shared,
                reconvene_of=new.reconvene_of,
                transfer_from=new.transfer_from.strip(),
                transfer_contact=new.transfer_contact.strip(),
                transfer_contact_details=new.transfer_contact_details.strip(),
            )
            record = d.ConferenceRecord(
                conference=conference,
                children=tuple(
                    d.Child(id=m.new_id(), **dataclasses.asdict(child)) for child in new.children
                ),
                agenda=tuple(
                    d.AgendaItem(
                        id=m.new_id(),
                        key=item.key,
                        title=item.title,
                        allowance_minutes=item.minutes,
                        status=AgendaStatus.PENDING,
                    )
                    for item in profile.agenda.for_type(new.type)
                ),
            )
            check_record_rules(record, self._rules)
            repository.insert_record(work.session, record, self._actor.name, self._clock())
            work.object_id = conference.id
        return conference

    def set_status(self, ref: str, status: ConferenceStatus) -> d.Conference:
        self._require(Action.EDIT_CONFERENCE, "conference", ref)
        with self._store.unit_of_work(self._context(Action.EDIT_CONFERENCE, "conference")) as w:
            row = w.session.get(m.ConferenceRow, self._conference_id(w.session, ref))
            assert row is not None
            self._require_draft(w.session, row.id)  # the status is part of what was approved
            row.status = status
            self._touch(row)
            w.object_id = row.id
            w.session.flush()
            return repository.conference(row)

    def record_decision(self, ref: str, decision: d.Decision) -> d.Decision:
        """Record (or replace) the decision for one child.

        A decision marked final must pass every rule; a draft may be incomplete.
        """
        self._require(Action.RECORD_DECISION, "conference", ref)
        context = self._context(Action.RECORD_DECISION, "decision", decision.id)
        with self._store.unit_of_work(context) as w:
            conference_id = self._conference_id(w.session, ref)
            self._require_draft(w.session, conference_id)
            record = repository.load_record(w.session, conference_id)
            assert record is not None
            children = {child.id: child for child in record.children}
            if decision.child_id not in children:
                raise NotFound("that child is not part of this conference")
            others = tuple(x for x in record.decisions if x.child_id != decision.child_id)
            trial = dataclasses.replace(record, decisions=(*others, decision))
            errors = [
                ("$." + p.path, p.message)
                for p in record_problems(trial, self._rules)
                if p.severity is Severity.ERROR and p.path.startswith(f"decisions[{len(others)}].")
            ]
            if errors:
                raise RuleViolation(errors)
            conference_id = record.conference.id
            old = w.session.scalar(
                sa.select(m.DecisionRow).where(m.DecisionRow.child_id == decision.child_id)
            )
            position = len(others)
            if old is not None:
                position = old.position
                w.session.delete(old)
                w.session.flush()
            if repository.existing_ids(w.session, repository.decision_ids(decision)):
                raise Conflict("a view, dissent or action id in this decision is already used")
            repository.add_decision(
                w.session, decision, conference_id, position, self._actor.name, self._clock()
            )
        return decision
