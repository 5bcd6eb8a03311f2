"""The roll call: who is at the conference, when they came and went, and the quorum.

Participants added, edited and removed; their attendance recorded and removed; an
exclusion ended; how each child takes part; and the chair's reason for going ahead
without a quorum.

Every public method is one unit of work with one audit event (ids only), in the same
order: the role check (a refusal is itself audited), the field rules
(:mod:`~cpc_desktop.services.checks`), the rows, the event. Refused input changes
nothing; an error is a :class:`ServiceError` with one line for the user.

A change made from a screen passes ``expected``, the values it showed of the fields it
changes; if one of them was changed by someone else meanwhile, the change is refused
with :class:`~cpc_desktop.services.errors.EditedElsewhere` (see
:mod:`~cpc_desktop.services.edited_fields`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from cpc_desktop.data import audit, repository, rows
from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AttendanceKind,
    AttendanceMode,
    ChildParticipation,
    ExclusionGround,
    Language,
    ParticipantRole,
    Side,
)
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.sides import side_for_role
from cpc_desktop.services import checks as c
from cpc_desktop.services.edited_fields import Expected, refuse_if_changed
from cpc_desktop.services.errors import Conflict, NotFound
from cpc_desktop.services.parts import PartService, row
from cpc_desktop.services.roles import Action

__all__ = ["NewParticipant", "RollCallService"]


@dataclass(frozen=True)
class NewParticipant:
    name: str
    role: ParticipantRole
    agency: str = ""
    relationship: str = ""
    direct_contact: bool = False
    interpreter_language: str | None = None
    advocate_needed: bool = False
    language: Language | None = None
    parental_responsibility: bool = False


#: Why someone cannot be taken off the roll call, by what still refers to them
#: (:data:`cpc_desktop.data.rows.PARTICIPANT_USES`).
_NEEDED_BECAUSE = {
    "spoke": "they spoke in the minutes",
    "view": "a view of theirs is recorded in a decision",
    "dissent": "a dissent of theirs is recorded",
    "lead_social_worker": "they are a lead social worker",
    "safety_scale": "they gave a safety scale (clear it first)",
    "letter": "a letter was written to them",
    "sent": "documents were sent to them",
    "core_group": "they are in a core group",
    "appeal": "an appeal of theirs is recorded",
}
assert set(_NEEDED_BECAUSE) == set(rows.PARTICIPANT_USES)


#: How a participant's field is named in a refusal ("Sam Reed's agency").
_FIELD_WORDS = {
    "child_ids": "children",
    "withhold_from": "wish to keep details from others",
    "direct_contact": "direct contact",
    "side_reason": "reason for their side",
    "language": "language choice",
}


#: The "new value" of every field of a row being deleted (equal to nothing stored).
_GONE = object()


def _field_words(field: str) -> str:
    return _FIELD_WORDS.get(field, field.replace("_", " "))


def _name(person: m.ParticipantRow) -> str:
    return person.name.strip() or "this participant"


def _attendee(session: Session, event: m.AttendanceEventRow) -> m.ParticipantRow:
    """The participant an attendance event belongs to."""
    return row(session, m.ParticipantRow, event.participant_id, "participant")


def _check_sides(session: Session, person: m.ParticipantRow) -> None:
    """Refuse a side that differs from the role's without a reason, and children or
    people named that are not part of the person's conference."""
    side = person.side
    unexplained = not (person.side_reason or "").strip()
    if side is not None and side is not side_for_role(person.role) and unexplained:
        raise c.refuse(
            "$.participants[].side_reason",
            f"say why {person.name.strip() or 'this person'} is on the {side.value} "
            "side: their role puts them on the other",
        )
    conference = session.get(m.ConferenceRow, person.conference_id)
    assert conference is not None
    children = {child.id for child in conference.children}
    if any(child not in children for child in person.child_ids or ()):
        raise c.refuse("$.participants[].child_ids", "names a child not in this conference")
    others = {p.id for p in conference.participants} - {person.id}
    if any(other not in others for other in person.withhold_from or ()):
        raise c.refuse("$.participants[].withhold_from", "names someone not on this roll call")
    _check_responsibility(person)


def _check_responsibility(person: d.Participant | m.ParticipantRow) -> None:
    """Refuse parental responsibility for someone on the professional side."""
    side = person.side or side_for_role(person.role)
    if person.parental_responsibility and side is Side.PROFESSIONAL:
        name = person.name.strip() or "This person"
        raise c.refuse(
            "$.participants[].parental_responsibility",
            f"{name} is on the professional side, so cannot be recorded as having parental "
            "responsibility: only someone on the family side can",
        )


class RollCallService(PartService):
    """The roll-call use cases of one actor on one open store."""

    # --- participants --------------------------------------------------------------

    def add_participant(
        self, ref: str, new: NewParticipant, *, participant_id: str | None = None
    ) -> d.Participant:
        """Add someone to the roll call (chair or minute-taker, during introductions).

        ``participant_id`` brings back someone who was removed (undo), with their id.
        """
        self._require(Action.RECORD_ATTENDANCE, "conference", ref)
        details = c.participant_details(dataclasses.asdict(new))
        new_id = c.new_id(participant_id, "$.participants[].id")
        with self._store.unit_of_work(self._context(Action.RECORD_ATTENDANCE, "participant")) as w:
            conference = self._conference_row(w.session, ref)
            self._require_draft(w.session, conference.id)
            if w.session.get(m.ParticipantRow, new_id) is not None:
                raise Conflict("that participant is already in this store")
            participant = d.Participant(id=new_id, **details)  # type: ignore[arg-type]
            _check_responsibility(participant)
            fields = dataclasses.asdict(participant)
            del fields["attendance"]
            w.session.add(
                m.ParticipantRow(
                    conference_id=conference.id,
                    position=len(conference.participants),
                    **fields,
                    **self._meta(),
                )
            )
            w.object_id = participant.id
        return participant

    def update_participant(
        self, participant_id: str, *, expected: Expected = None, **changes: object
    ) -> d.Participant:
        """Change any of a participant's details except their id and attendance.

        ``expected``: the values of the changed fields as the editor showed them.
        """
        self._require(Action.RECORD_ATTENDANCE, "participant", participant_id)
        checked = c.participant_details(changes)
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "participant", participant_id)
        ) as w:
            person = row(w.session, m.ParticipantRow, participant_id, "participant")
            self._require_draft(w.session, person.conference_id)
            refuse_if_changed(
                repository.to_value(d.Participant, person),
                person.row_version,
                expected,
                checked,
                lambda field: f"{_name(person)}'s {_field_words(field)}",
            )
            self._apply(person, checked)
            _check_sides(w.session, person)
            w.session.flush()
            return repository.to_value(d.Participant, person)

    def remove_participant(self, participant_id: str) -> None:
        """Take someone off the roll call, with their attendance.

        Refused when the record depends on them: they spoke in the minutes, gave a
        view, dissent or safety scale, lead or sit in a core group, or were sent a
        letter or documents.
        """
        self._require(Action.RECORD_ATTENDANCE, "participant", participant_id)
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "participant", participant_id)
        ) as w:
            person = row(w.session, m.ParticipantRow, participant_id, "participant")
            self._require_draft(w.session, person.conference_id)
            use = rows.participant_use(w.session, person)
            if use is not None:
                name = person.name.strip() or "This participant"
                raise Conflict(
                    f"{name} cannot be removed from the roll call: {_NEEDED_BECAUSE[use]}"
                )
            # Their attendance goes with them (and is audited row by row).
            self._delete_and_renumber(w.session, person, "conference_id")

    # --- attendance ----------------------------------------------------------------

    def record_attendance(
        self,
        participant_id: str,
        kind: AttendanceKind,
        at: datetime,
        *,
        until: datetime | None = None,
        grounds: ExclusionGround | None = None,
        note: str = "",
        event_id: str | None = None,
        shared_with_family: bool = False,
        shown_to_excluded: bool = False,
        mode: AttendanceMode | None = None,
    ) -> d.AttendanceEvent:
        """Record that someone arrived, was present, left or was excluded, and when.

        ``event_id`` brings back an event that was removed (undo), with its id. An
        exclusion's grounds and note go into family copies only when
        ``shared_with_family``, and into the excluded person's own copy only when
        ``shown_to_excluded`` too (:func:`_sharing`). ``mode``: how someone present or
        arriving takes part from then on (in the room, on video, by phone); someone
        already here who changes how (a dropped video call rung back in) is recorded
        as arriving again, that way, at that time (:func:`_mode`).
        """
        self._require(Action.RECORD_ATTENDANCE, "participant", participant_id)
        if kind is AttendanceKind.EXCLUDED and grounds is None:
            raise NotFound("an exclusion needs its grounds")
        sharing = _sharing(kind, shared_with_family, shown_to_excluded)
        how = _mode(kind, mode)
        note = c.text(note, "$.participants[].attendance[].note")
        if until is not None and until < at:
            raise NotFound("an exclusion cannot end before it starts")
        new_id = c.new_id(event_id, "$.participants[].attendance[].id")
        context = self._context(Action.RECORD_ATTENDANCE, "participant", participant_id)
        with self._store.unit_of_work(context) as work:
            participant = work.session.get(m.ParticipantRow, participant_id)
            if participant is None:
                raise NotFound(f"no participant {participant_id}")
            self._require_draft(work.session, participant.conference_id)
            if work.session.get(m.AttendanceEventRow, new_id) is not None:
                raise Conflict("that attendance event is already in this store")
            event = d.AttendanceEvent(
                id=new_id,
                kind=kind,
                at=at,
                until=until,
                grounds=grounds,
                note=note,
                shared_with_family=sharing["shared_with_family"],
                shown_to_excluded=sharing["shown_to_excluded"],
                mode=how,
            )
            work.session.add(
                m.AttendanceEventRow(
                    participant_id=participant_id,
                    position=len(participant.attendance),
                    **dataclasses.asdict(event),
                    **self._meta(),
                )
            )
        return event

    @contextmanager
    def _changing_event(self, event_id: str) -> Iterator[tuple[audit.Work, m.AttendanceEventRow]]:
        """A unit of work changing one attendance event: role checked, event found, and
        the minutes still a draft."""
        self._require(Action.RECORD_ATTENDANCE, "attendance_event", event_id)
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "attendance_event", event_id)
        ) as w:
            event = row(w.session, m.AttendanceEventRow, event_id, "attendance event")
            self._require_draft(w.session, _attendee(w.session, event).conference_id)
            yield w, event

    def remove_attendance(self, event_id: str, *, expected: Expected = None) -> None:
        """Delete one attendance event (recorded by mistake, or to undo an exclusion's
        end); ``expected``: fields as the editor saw them, refused if any moved on."""
        with self._changing_event(event_id) as (w, event):
            self._check_event(w.session, event, expected, dict.fromkeys(expected or (), _GONE))
            self._delete_and_renumber(w.session, event, "participant_id")

    def end_exclusion(
        self, event_id: str, until: datetime, *, expected: Expected = None
    ) -> d.AttendanceEvent:
        """Record when an exclusion ended (the person came back in); ``expected`` is
        ``{"until": <the end the editor saw>}``."""
        with self._changing_event(event_id) as (w, event):
            until = c.instant(until, "$.participants[].attendance[].until")
            if event.kind is not AttendanceKind.EXCLUDED:
                raise c.refuse(
                    "$.participants[].attendance[].kind", "only an exclusion can be ended"
                )
            if until <= event.at:
                raise c.refuse(
                    "$.participants[].attendance[].until",
                    "an exclusion must end after it starts",
                )
            self._check_event(w.session, event, expected, {"until": until})
            self._apply(event, {"until": until})
            w.session.flush()
            return repository.to_value(d.AttendanceEvent, event)

    def share_exclusion(
        self,
        event_id: str,
        shared_with_family: bool,
        shown_to_excluded: bool = False,
        *,
        expected: Expected = None,
    ) -> d.AttendanceEvent:
        """Whether an exclusion's grounds and note go into family copies, and into the
        excluded person's own copy (the chair's choice; see :func:`_sharing`)."""
        with self._changing_event(event_id) as (w, event):
            sharing: dict[str, object] = {
                **_sharing(event.kind, shared_with_family, shown_to_excluded)
            }
            self._check_event(w.session, event, expected, sharing)
            self._apply(event, sharing)
            w.session.flush()
            return repository.to_value(d.AttendanceEvent, event)

    @staticmethod
    def _check_event(
        session: Session,
        event: m.AttendanceEventRow,
        expected: Expected,
        changes: dict[str, object],
    ) -> None:
        name = _name(_attendee(session, event))
        words = {
            "until": f"the end of {name}'s exclusion",
            "shared_with_family": f"whether {name}'s exclusion grounds are shared",
            "shown_to_excluded": f"whether {name} is shown their exclusion grounds",
        }
        refuse_if_changed(
            repository.to_value(d.AttendanceEvent, event),
            event.row_version,
            expected,
            changes,
            lambda field: words.get(field, field),
        )

    # --- the children and the quorum -----------------------------------------------

    def set_child_participation(
        self,
        child_id: str,
        participation: ChildParticipation | None,
        reason: str | None,
        *,
        expected: Expected = None,
    ) -> d.Child:
        """How the child takes part; a child not taking part needs the reason.

        ``expected``: ``participation`` and ``participation_reason`` as the editor saw them.
        """
        self._require(Action.RECORD_ATTENDANCE, "child", child_id)
        chosen = c.maybe_choice(ChildParticipation, participation, "$.children[].participation")
        why = c.reason(reason, "$.children[].participation_reason")
        if chosen is ChildParticipation.NOT_TAKING_PART and why is None:
            raise c.refuse(
                "$.children[].participation_reason",
                "say why the child is not taking part",
            )
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "child", child_id)
        ) as w:
            child = row(w.session, m.ChildRow, child_id, "child")
            self._require_draft(w.session, child.conference_id)
            changes: dict[str, object] = {"participation": chosen, "participation_reason": why}
            theirs = repository.to_value(d.Child, child)
            name = child_name(theirs)
            refuse_if_changed(
                theirs,
                child.row_version,
                expected,
                changes,
                lambda field: (
                    f"how {name} takes part"
                    if field == "participation"
                    else f"why {name} is not taking part"
                ),
            )
            self._apply(child, changes)
            w.session.flush()
            return repository.to_value(d.Child, child)

    def set_quorum_reason(
        self, ref: str, reason: str | None, *, shared: bool = False, expected: Expected = None
    ) -> d.Conference:
        """The chair's reason for going ahead without a quorum (blank clears it), and
        whether family copies print it (``shared``; only a reason can be shared).

        ``expected``: ``quorum_reason`` and ``quorum_reason_shared`` as the editor saw them.
        """
        self._require(Action.EDIT_CONFERENCE, "conference", ref)
        why = c.reason(reason, "$.conference.quorum_reason")
        shared = c.flag(shared, "$.conference.quorum_reason_shared")
        if shared and why is None:
            raise c.refuse("$.conference.quorum_reason_shared", "there is no reason to share")
        with self._store.unit_of_work(self._context(Action.EDIT_CONFERENCE, "conference")) as w:
            conference = self._conference_row(w.session, ref)
            w.object_id = conference.id
            self._require_draft(w.session, conference.id)
            changes: dict[str, object] = {"quorum_reason": why, "quorum_reason_shared": shared}
            refuse_if_changed(
                repository.conference(conference),
                conference.row_version,
                expected,
                changes,
                lambda field: (
                    "the reason for going ahead without a quorum"
                    if field == "quorum_reason"
                    else "whether the quorum reason is shared with the family"
                ),
            )
            self._apply(conference, changes)
            w.session.flush()
            return repository.conference(conference)


#: The events that say how a person takes part: being there, or arriving.
_TAKES_PART = frozenset({AttendanceKind.PRESENT, AttendanceKind.ARRIVED})


def _mode(kind: AttendanceKind, mode: object) -> AttendanceMode | None:
    """An event's attendance mode, held to its rule: only someone present or arriving
    takes part in the room, on video or by phone."""
    at = "$.participants[].attendance[].mode"
    how = c.maybe_choice(AttendanceMode, mode, at)
    if how is not None and kind not in _TAKES_PART:
        raise c.refuse(
            at,
            "only someone present or arriving takes part in the room, on video or by "
            "phone: not someone sending apologies, absent, leaving or excluded",
        )
    return how


def _sharing(kind: AttendanceKind, shared: object, shown: object) -> dict[str, bool]:
    """An event's share-with-the-family flags, held to their rules: only an exclusion
    has grounds to share, and its grounds can be shown to the excluded person only if
    they are shared with the family at all."""
    at = "$.participants[].attendance[]"
    flags = {
        "shared_with_family": c.flag(shared, f"{at}.shared_with_family"),
        "shown_to_excluded": c.flag(shown, f"{at}.shown_to_excluded"),
    }
    if kind is not AttendanceKind.EXCLUDED and any(flags.values()):
        raise c.refuse(f"{at}.shared_with_family", "only an exclusion's grounds can be shared")
    if flags["shown_to_excluded"] and not flags["shared_with_family"]:
        raise c.refuse(
            f"{at}.shown_to_excluded",
            "share the grounds with the family before showing them to the excluded person",
        )
    return flags
