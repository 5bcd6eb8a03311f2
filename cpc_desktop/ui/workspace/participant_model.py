"""The roll call as a table: who is here, who sent apologies, and whose report is late.

One row per :class:`Participant`, in roll-call order. What "attendance now" says is
worked out from the person's attendance events at the instant given to
:meth:`ParticipantModel.update` (the session clock), so the table can be brought up
to date by the minute without reading the store again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6 import QtCore, QtGui

from cpc_desktop.domain.conference import AttendanceEvent, Participant
from cpc_desktop.domain.dates import clock, day_month, short_date
from cpc_desktop.domain.enums import AttendanceKind, AttendanceMode, ParticipantRole
from cpc_desktop.domain.quorum import present_at
from cpc_desktop.ui.rows_model import DISPLAY, RowsModel

#: Plain words for each role, in the order the roll-call combo offers them.
ROLE_LABELS: dict[ParticipantRole, str] = {
    ParticipantRole.PROFESSIONAL: "Professional (another agency)",
    ParticipantRole.SOCIAL_WORKER: "Social worker",
    ParticipantRole.TEAM_MANAGER: "Team manager",
    ParticipantRole.PARENT: "Parent",
    ParticipantRole.CARER: "Carer",
    ParticipantRole.FAMILY_MEMBER: "Family member",
    ParticipantRole.CHILD: "Child",
    ParticipantRole.ADVOCATE: "Advocate",
    ParticipantRole.SUPPORTER: "Supporter (e.g. solicitor)",
    ParticipantRole.INTERPRETER: "Interpreter",
    ParticipantRole.OBSERVER: "Observer",
    ParticipantRole.CHAIR: "Chair",
    ParticipantRole.MINUTE_TAKER: "Minute-taker",
}

#: Shorter words for the table, where the agency column says the rest.
SHORT_ROLE_LABELS: dict[ParticipantRole, str] = {
    **ROLE_LABELS,
    ParticipantRole.PROFESSIONAL: "Professional",
    ParticipantRole.SUPPORTER: "Supporter",
}

_EVENT_WORDS = {
    AttendanceKind.PRESENT: "present",
    AttendanceKind.APOLOGIES: "apologies",
    AttendanceKind.ABSENT: "absent",
    AttendanceKind.ARRIVED: "arrived",
    AttendanceKind.LEFT: "left",
    AttendanceKind.EXCLUDED: "excluded",
}
#: How someone takes part, as the table and the roll call's messages say it.
MODE_WORDS: dict[AttendanceMode, str] = {
    AttendanceMode.IN_ROOM: "in the room",
    AttendanceMode.VIDEO: "on video",
    AttendanceMode.PHONE: "by phone",
}
_PRESENCE_KINDS = frozenset(
    {
        AttendanceKind.PRESENT,
        AttendanceKind.ARRIVED,
        AttendanceKind.LEFT,
        AttendanceKind.APOLOGIES,
        AttendanceKind.ABSENT,
    }
)
_ARRIVALS = frozenset({AttendanceKind.PRESENT, AttendanceKind.ARRIVED})
_LATE_BACKGROUND = QtGui.QColor("#fef3c7")
_EXCLUDED_BACKGROUND = QtGui.QColor("#fee2e2")
_PRESENT_FOREGROUND = QtGui.QColor("#166534")
LATE_MARKER = "⚠"


class Column(IntEnum):
    NAME = 0
    ROLE = 1
    AGENCY = 2
    RELATIONSHIP = 3
    ATTENDANCE = 4
    ARRIVED = 5
    LEFT = 6
    REPORT_RECEIVED = 7
    REPORT_SHARED = 8
    INTERPRETER = 9
    ADVOCATE = 10


_HEADER_TIPS = {
    Column.ATTENDANCE: "Whether the person is in the conference at this moment, and how "
    "they take part (in the room, on video, by phone)",
    Column.ARRIVED: "When the person was marked present or arrived",
    Column.LEFT: "When the person left",
    Column.REPORT_RECEIVED: "The date the person's written report was received",
    Column.REPORT_SHARED: "The date the report was shared with the family "
    f"({LATE_MARKER} when that was later than the procedures ask)",
    Column.INTERPRETER: "The language an interpreter is needed for",
    Column.ADVOCATE: "Whether the person needs an advocate",
}


def local_time(instant: datetime) -> str:
    """``HH:MM`` in the computer's local time."""
    return clock(instant.astimezone())


def last_exclusion(participant: Participant) -> AttendanceEvent | None:
    """The latest exclusion recorded for ``participant``, if any."""
    excluded = [e for e in participant.attendance if e.kind is AttendanceKind.EXCLUDED]
    return max(excluded, key=lambda e: e.at) if excluded else None


def open_exclusion(participant: Participant, now: datetime) -> AttendanceEvent | None:
    """The exclusion the person is inside at ``now`` (the latest one), if any."""
    found = None
    for event in participant.attendance:
        if (
            event.kind is AttendanceKind.EXCLUDED
            and event.at <= now
            and (event.until is None or now < event.until)
            and (found is None or event.at >= found.at)
        ):
            found = event
    return found


def mode_now(participant: Participant, now: datetime) -> AttendanceMode | None:
    """How the person takes part at ``now`` (their latest arrival's mode), if they are
    here and it was said."""
    if not present_at(participant, now):
        return None
    arrivals = [e for e in participant.attendance if e.kind in _ARRIVALS and e.at <= now]
    return sorted(arrivals, key=_at)[-1].mode if arrivals else None


def attendance_now(participant: Participant, now: datetime) -> str:
    """A few words for where the person is at ``now``: "present, on video", "left 11:32"…"""
    excluded = open_exclusion(participant, now)
    if excluded is not None:
        if excluded.until is None:
            return "excluded"
        return f"excluded until {local_time(excluded.until)}"
    if present_at(participant, now):
        mode = mode_now(participant, now)
        return "present" if mode is None else f"present, {MODE_WORDS[mode]}"
    last = None
    for event in sorted(participant.attendance, key=lambda e: e.at):
        if event.at > now:
            break
        if event.kind in _PRESENCE_KINDS:
            last = event
    if last is None:
        return "not recorded"
    if last.kind is AttendanceKind.LEFT:
        return f"left {local_time(last.at)}"
    return _EVENT_WORDS[last.kind]


def event_line(event: AttendanceEvent) -> str:
    """One line of a person's attendance history, for tooltips."""
    words = f"{local_time(event.at)} {_EVENT_WORDS[event.kind]}"
    if event.mode is not None:
        words += f" ({MODE_WORDS[event.mode]})"
    if event.kind is AttendanceKind.EXCLUDED:
        words += f" until {local_time(event.until)}" if event.until else " (no end set)"
    if event.note:
        words += f" — {event.note}"
    return words


class ParticipantModel(RowsModel[Participant]):
    """Rows of :class:`Participant`; attendance is judged at the instant last given."""

    headers = (
        "Name",
        "Role",
        "Agency",
        "Relationship",
        "Attendance\nnow",
        "Arrived",
        "Left",
        "Report\nreceived",
        "Shared with\nfamily",
        "Interpreter",
        "Advocate",
    )

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._now: datetime | None = None
        self._warnings: dict[str, str] = {}

    # --- contents --------------------------------------------------------------------

    @property
    def now(self) -> datetime | None:
        return self._now

    def update(
        self,
        participants: Sequence[Participant],
        now: datetime,
        warnings: Mapping[str, str] | None = None,
    ) -> None:
        """Show ``participants`` at ``now``; ``warnings`` maps a participant id to a
        report-sharing problem to flag on that row.

        When the same people are listed in the same order the rows are replaced in
        place, so a view keeps its selection and scroll position.
        """
        self._now = now
        self._warnings = dict(warnings or {})
        same = [p.id for p in participants] == [p.id for p in self.values()]
        if not same:
            self.set_rows(participants)
            return
        for row, person in enumerate(participants):
            self._rows[row] = person
        if participants:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(participants) - 1, len(self.headers) - 1)
            )

    def set_now(self, now: datetime) -> None:
        """Judge attendance again at ``now`` (for the periodic refresh)."""
        self.update(self.values(), now, self._warnings)

    def row_of(self, participant_id: str) -> int | None:
        for row, person in enumerate(self.values()):
            if person.id == participant_id:
                return row
        return None

    def warning(self, participant_id: str) -> str | None:
        return self._warnings.get(participant_id)

    # --- cells -----------------------------------------------------------------------

    def cell_text(self, value: Participant, column: int) -> str:
        col = Column(column)
        if col is Column.NAME:
            return value.name
        if col is Column.ROLE:
            return SHORT_ROLE_LABELS.get(value.role, value.role.value)
        if col is Column.AGENCY:
            return value.agency
        if col is Column.RELATIONSHIP:
            return value.relationship
        if col is Column.ATTENDANCE:
            return "" if self._now is None else attendance_now(value, self._now)
        if col is Column.ARRIVED:
            return _times(_events(value, _ARRIVALS))
        if col is Column.LEFT:
            return _times(_events(value, {AttendanceKind.LEFT}))
        if col is Column.REPORT_RECEIVED:
            return day_month(value.report_received)
        if col is Column.REPORT_SHARED:
            shared = day_month(value.report_shared_with_family)
            if value.id in self._warnings:
                return f"{LATE_MARKER} {shared}" if shared else LATE_MARKER
            return shared
        if col is Column.INTERPRETER:
            return value.interpreter_language or ""
        return "yes" if value.advocate_needed else ""

    def cell_data(self, value: Participant, column: int, role: int) -> Any:
        col = Column(column)
        warned = col is Column.REPORT_SHARED and value.id in self._warnings
        if role == QtCore.Qt.ItemDataRole.ToolTipRole:
            if warned:
                return self._warnings[value.id]
            if col is Column.ATTENDANCE and value.attendance:
                return "\n".join(event_line(e) for e in sorted(value.attendance, key=_at))
            if col in (Column.ARRIVED, Column.LEFT):
                kinds = _ARRIVALS if col is Column.ARRIVED else {AttendanceKind.LEFT}
                return ", ".join(local_time(e.at) for e in _events(value, kinds)) or None
            if col is Column.ROLE:
                return ROLE_LABELS.get(value.role, value.role.value)
            if col is Column.REPORT_RECEIVED:
                return short_date(value.report_received) or "Not received"
            if col is Column.REPORT_SHARED:
                return short_date(value.report_shared_with_family) or "Not shared"
            if col in (Column.NAME, Column.AGENCY, Column.RELATIONSHIP):
                return self.cell_text(value, column) or None
            return None
        if role == QtCore.Qt.ItemDataRole.BackgroundRole:
            if warned:
                return _LATE_BACKGROUND
            if col is Column.ATTENDANCE and self._now and open_exclusion(value, self._now):
                return _EXCLUDED_BACKGROUND
            return None
        if (
            role == QtCore.Qt.ItemDataRole.ForegroundRole
            and col is Column.ATTENDANCE
            and self._now is not None
            and present_at(value, self._now)
        ):
            return _PRESENT_FOREGROUND
        if role == QtCore.Qt.ItemDataRole.AccessibleDescriptionRole and warned:
            return "Warning: " + self._warnings[value.id]
        return None

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if (
            role == QtCore.Qt.ItemDataRole.ToolTipRole
            and orientation == QtCore.Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return _HEADER_TIPS.get(Column(section))
        return super().headerData(section, orientation, role)


def _at(event: AttendanceEvent) -> datetime:
    return event.at


def _times(events: list[AttendanceEvent]) -> str:
    """The first time, with ``+`` when there were more (all are in the tooltip)."""
    if not events:
        return ""
    return local_time(events[0].at) + ("+" if len(events) > 1 else "")


def _events(
    person: Participant, kinds: frozenset[AttendanceKind] | set[AttendanceKind]
) -> list[AttendanceEvent]:
    return sorted((e for e in person.attendance if e.kind in kinds), key=_at)
