"""What the family screen ("Who is here") may show: the meeting, its agenda, who is here.

The chair shows this screen to the family in the room, on a second screen or shared on
a video call, so it carries only what everyone at the table may see: the kind of meeting
and its date, the agenda with the item under discussion, and for each person their name
and the part they play (their role, never the free text of their relationship or agency,
which can name a school or whose worker they are). Never an address, telephone number,
e-mail, school or workplace, never minute text, never a decision, never an exclusion's
grounds or note: a person who is excluded just now is simply not listed.

The view is a value made from the record at one instant; the screen makes it again
whenever the agenda or the roll call changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cpc_desktop.domain.conference import ConferenceRecord, Participant
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AttendanceKind,
    AttendanceMode,
    ConferenceType,
    ParticipantRole,
)
from cpc_desktop.domain.quorum import excluded_at, present_at

_PRESENCE = frozenset(
    {
        AttendanceKind.PRESENT,
        AttendanceKind.ARRIVED,
        AttendanceKind.LEFT,
        AttendanceKind.APOLOGIES,
        AttendanceKind.ABSENT,
    }
)


@dataclass(frozen=True)
class Attendee:
    """A person as the family screen names them: their name, the part they play and, for
    someone present, how they take part (in the room, on video, by phone) when recorded."""

    name: str
    role: ParticipantRole
    mode: AttendanceMode | None = None


@dataclass(frozen=True)
class AgendaLine:
    """One agenda item: its profile key (for its words in another language), title, status."""

    key: str
    title: str
    status: AgendaStatus


@dataclass(frozen=True)
class FamilyView:
    conference_type: ConferenceType
    date: dt.date
    agenda: tuple[AgendaLine, ...]
    present: tuple[Attendee, ...]
    left: tuple[Attendee, ...]
    apologies: tuple[Attendee, ...]

    @property
    def current(self) -> AgendaLine | None:
        return next((line for line in self.agenda if line.status is AgendaStatus.CURRENT), None)


def _last_presence(participant: Participant, now: dt.datetime) -> AttendanceKind | None:
    """The latest event at or before ``now`` that says whether the person is here."""
    last: AttendanceKind | None = None
    for event in sorted(participant.attendance, key=lambda e: e.at):
        if event.at > now:
            break
        if event.kind in _PRESENCE:
            last = event.kind
    return last


def _mode(participant: Participant, now: dt.datetime) -> AttendanceMode | None:
    """How the person takes part: the mode of their latest arrival, if it says."""
    arrivals = [
        e
        for e in participant.attendance
        if e.at <= now and e.kind in (AttendanceKind.PRESENT, AttendanceKind.ARRIVED)
    ]
    return max(arrivals, key=lambda e: e.at).mode if arrivals else None


def family_view(record: ConferenceRecord, now: dt.datetime) -> FamilyView:
    """What the family screen shows of ``record`` at ``now`` (see the module's notes)."""
    present: list[Attendee] = []
    left: list[Attendee] = []
    apologies: list[Attendee] = []
    for person in record.participants:
        if excluded_at(person, now):
            continue  # out of the room for now: not listed, and nothing said about why
        shown = Attendee(person.name.strip(), person.role)
        if not shown.name:
            continue
        if present_at(person, now):
            present.append(Attendee(shown.name, shown.role, _mode(person, now)))
            continue
        last = _last_presence(person, now)
        if last is AttendanceKind.LEFT:
            left.append(shown)
        elif last is AttendanceKind.APOLOGIES:
            apologies.append(shown)
    c = record.conference
    return FamilyView(
        conference_type=c.type,
        date=c.date,
        agenda=tuple(AgendaLine(i.key, i.title, i.status) for i in record.agenda),
        present=tuple(present),
        left=tuple(left),
        apologies=tuple(apologies),
    )
