"""Conference use cases: one unit of work per call, a role check, an audit event.

Every public method takes and returns frozen values from :mod:`cpc_desktop.domain`
(never ORM objects). Bad input raises a :class:`ServiceError` before anything is
written; a refused permission is itself recorded in the audit log.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from cpc_desktop.data import audit, integrity, repository
from cpc_desktop.data import models as m
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AttendanceKind,
    ExclusionGround,
    Tag,
    UserRole,
)
from cpc_desktop.services.errors import Conflict, NotFound, PermissionDenied
from cpc_desktop.services.roles import Action, Actor, allowed

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Overview:
    """Every conference, its children and when its documents first went out."""

    conferences: tuple[d.Conference, ...]
    children: dict[str, tuple[d.Child, ...]]
    first_sent: dict[tuple[str, str], datetime]


@dataclass(frozen=True)
class StoreCheck:
    """What ``check`` found."""

    sound: bool
    conferences: int
    audit_events: int
    rows: int
    head: str
    problems: tuple[str, ...]


class ConferenceService:
    """The use cases of one actor on one open store."""

    def __init__(self, store: Store, actor: Actor, clock: Clock) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock

    # --- plumbing ------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self._actor

    def _context(
        self, action: Action, object_type: str, object_id: str = "", outcome: str = "ok"
    ) -> audit.AuditContext:
        return audit.AuditContext(
            actor=self._actor.name,
            role=self._actor.role.value,
            action=action.value,
            object_type=object_type,
            object_id=object_id,
            at=self._clock(),
            outcome=outcome,
        )

    def _require(self, action: Action, object_type: str, object_id: str = "") -> None:
        if allowed(self._actor, action):
            return
        with self._store.unit_of_work(self._context(action, object_type, object_id, "denied")):
            pass
        raise PermissionDenied(
            f"{self._actor.name} ({self._actor.role.value.replace('_', ' ')}) "
            f"may not {action.value.replace('_', ' ')}"
        )

    def _meta(self) -> dict[str, object]:
        return repository.row_meta(self._actor.name, self._clock())

    def _touch(self, row: m.Row) -> None:
        row.row_updated_at = self._clock()
        row.row_updated_by = self._actor.name

    @staticmethod
    def _conference_id(session: Session, ref: str) -> str:
        found = repository.find_conference_id(session, ref)
        if found is None:
            raise NotFound(f"no conference {ref!r} in this store")
        return found

    # --- reading -------------------------------------------------------------------

    def list_conferences(self) -> tuple[d.Conference, ...]:
        self._require(Action.LIST, "store")
        with self._store.unit_of_work(self._context(Action.LIST, "store")) as work:
            return tuple(repository.conferences(work.session))

    def overview(self) -> Overview:
        self._require(Action.LIST, "store")
        with self._store.unit_of_work(self._context(Action.LIST, "store")) as work:
            conferences = tuple(repository.conferences(work.session))
            children = repository.children_by_conference(work.session)
            sent = repository.first_sent(work.session)
        return Overview(conferences, {k: tuple(v) for k, v in children.items()}, sent)

    def get(self, ref: str) -> d.ConferenceRecord:
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "conference")) as work:
            conference_id = self._conference_id(work.session, ref)
            work.object_id = conference_id
            record = repository.load_record(work.session, conference_id)
        assert record is not None
        return record

    def export_record(self, ref: str) -> d.ConferenceRecord:
        self._require(Action.EXPORT, "conference", ref)
        with self._store.unit_of_work(self._context(Action.EXPORT, "conference")) as work:
            conference_id = self._conference_id(work.session, ref)
            work.object_id = conference_id
            record = repository.load_record(work.session, conference_id)
        assert record is not None
        return record

    def check(self) -> StoreCheck:
        self._require(Action.CHECK, "store")
        report = integrity.check(self._store)
        return StoreCheck(
            sound=report.sound,
            conferences=report.conferences,
            audit_events=report.audit_events,
            rows=report.rows,
            head=report.head,
            problems=report.problems,
        )

    # --- writing -------------------------------------------------------------------

    def import_record(self, record: d.ConferenceRecord) -> d.Conference:
        """Add a whole conference; refused whole if its reference or any id clashes."""
        self._require(Action.IMPORT, "conference", record.conference.id)
        context = self._context(Action.IMPORT, "conference", record.conference.id)
        with self._store.unit_of_work(context) as work:
            s = work.session
            if repository.find_conference_id(s, record.conference.reference) is not None:
                raise Conflict(f"conference {record.conference.reference} is already in this store")
            clashes = repository.existing_ids(s, repository.all_ids(record))
            if clashes:
                table, row_id = clashes[0]
                raise Conflict(f"the {table} id {row_id} is already in this store")
            other = record.conference.reconvene_of
            if other is not None and not repository.id_exists(s, "conference", other):
                raise NotFound(
                    f"$.conference.reconvene_of: conference {other} is not in this store"
                )
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

    def record_attendance(
        self,
        participant_id: str,
        kind: AttendanceKind,
        at: datetime,
        *,
        until: datetime | None = None,
        grounds: ExclusionGround | None = None,
        note: str = "",
    ) -> d.AttendanceEvent:
        self._require(Action.RECORD_ATTENDANCE, "participant", participant_id)
        if kind is AttendanceKind.EXCLUDED and grounds is None:
            raise NotFound("an exclusion needs its grounds")
        if until is not None and until < at:
            raise NotFound("an exclusion cannot end before it starts")
        context = self._context(Action.RECORD_ATTENDANCE, "participant", participant_id)
        with self._store.unit_of_work(context) as work:
            participant = work.session.get(m.ParticipantRow, participant_id)
            if participant is None:
                raise NotFound(f"no participant {participant_id}")
            event = d.AttendanceEvent(
                id=m.new_id(), kind=kind, at=at, until=until, grounds=grounds, note=note
            )
            row = m.AttendanceEventRow(
                participant_id=participant_id,
                position=len(participant.attendance),
                **dataclasses.asdict(event),
                **self._meta(),
            )
            work.session.add(row)
        return event

    def add_minute_entry(
        self,
        conference_ref: str,
        agenda_item_id: str,
        text: str,
        *,
        speaker_id: str | None = None,
        tag: Tag | None = None,
        restricted: bool = False,
    ) -> d.MinuteEntry:
        self._require(Action.WRITE_MINUTES, "conference", conference_ref)
        now = self._clock()
        with self._store.unit_of_work(self._context(Action.WRITE_MINUTES, "minute_entry")) as w:
            conference_id = self._conference_id(w.session, conference_ref)
            item = w.session.get(m.AgendaItemRow, agenda_item_id)
            if item is None or item.conference_id != conference_id:
                raise NotFound("that agenda item is not part of this conference")
            if speaker_id is not None:
                speaker = w.session.get(m.ParticipantRow, speaker_id)
                if speaker is None or speaker.conference_id != conference_id:
                    raise NotFound("the speaker is not a participant of this conference")
            conference = w.session.get(m.ConferenceRow, conference_id)
            assert conference is not None
            entry = d.MinuteEntry(
                id=m.new_id(),
                agenda_item_id=agenda_item_id,
                text=text,
                author=self._actor.name,
                created_at=now,
                updated_at=now,
                speaker_id=speaker_id,
                tag=tag,
                restricted=restricted,
            )
            w.session.add(
                m.MinuteEntryRow(
                    conference_id=conference_id,
                    position=len(conference.minutes),
                    **dataclasses.asdict(entry),
                    **self._meta(),
                )
            )
            w.object_id = entry.id
        return entry

    def edit_minute_entry(
        self, entry_id: str, *, text: str, tag: Tag | None, restricted: bool
    ) -> d.MinuteEntry:
        self._require(Action.WRITE_MINUTES, "minute_entry", entry_id)
        context = self._context(Action.WRITE_MINUTES, "minute_entry", entry_id)
        with self._store.unit_of_work(context) as work:
            row = work.session.get(m.MinuteEntryRow, entry_id)
            if row is None:
                raise NotFound(f"no minute entry {entry_id}")
            row.text, row.tag, row.restricted = text, tag, restricted
            row.updated_at = self._clock()
            self._touch(row)
            work.session.flush()
            return repository.minute_entry(row)
