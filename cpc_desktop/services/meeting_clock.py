"""The meeting's clock: kept in the store, so it survives leaving, reopening and a crash.

The agenda's changes write the clock's moments themselves (:func:`note_agenda`, called in
the same unit of work as the change of progress, so the clock and the agenda cannot
disagree); the chair pauses and resumes it here. :class:`ClockService` owns the
``clock_event`` rows and reads them with :func:`~cpc_desktop.domain.meeting_clock.clock_times`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository, rows
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AgendaStatus, ClockKind
from cpc_desktop.domain.meeting_clock import clock_times
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.parts import PartService
from cpc_desktop.services.roles import Action

__all__ = ["ClockService", "note_agenda"]

_FINISHED = (AgendaStatus.DONE, AgendaStatus.SKIPPED)


def _moments(session: Session, conference_id: str) -> list[m.ClockEventRow]:
    return rows.ordered(session, m.ClockEventRow, m.ClockEventRow.conference_id == conference_id)


def _add(
    session: Session,
    conference_id: str,
    moments: list[m.ClockEventRow],
    kind: ClockKind,
    at: datetime,
    meta: dict[str, Any],
    item_id: str | None = None,
) -> None:
    moment = m.ClockEventRow(
        conference_id=conference_id,
        position=len(moments),
        kind=kind,
        at=at,
        agenda_item_id=item_id,
        id=m.new_id(),
        **meta,
    )
    session.add(moment)
    moments.append(moment)


def note_agenda(
    session: Session,
    conference_id: str,
    items: Sequence[m.AgendaItemRow],
    at: datetime,
    meta: dict[str, Any],
) -> None:
    """Write the moments the agenda's progress calls for, as of ``at``: the current item
    changed, the last item was finished, or every item is waiting again."""
    moments = _moments(session, conference_id)
    times = clock_times((repository.to_value(d.ClockEvent, r) for r in moments), at)
    current = next((i.id for i in items if i.status is AgendaStatus.CURRENT), None)
    if all(item.status is AgendaStatus.PENDING for item in items):
        if times.started is not None:
            _add(session, conference_id, moments, ClockKind.RESET, at, meta)
        return
    if current != times.current_item_id and (current is not None or times.started):
        _add(session, conference_id, moments, ClockKind.ITEM, at, meta, current)
        times = clock_times((repository.to_value(d.ClockEvent, r) for r in moments), at)
    finished = bool(items) and all(item.status in _FINISHED for item in items)
    if finished and times.started is not None and times.ended is None:
        _add(session, conference_id, moments, ClockKind.ENDED, at, meta)


class ClockService(PartService):
    """Reading the meeting's clock, and the chair pausing and resuming it."""

    def moments(self, ref: str) -> tuple[d.ClockEvent, ...]:
        """The clock's moments, in the order written (read them with ``clock_times``)."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "clock_event")) as w:
            conference_id = self._conference_id(w.session, ref)
            w.object_id = conference_id
            return tuple(
                repository.to_value(d.ClockEvent, r) for r in _moments(w.session, conference_id)
            )

    def pause(self, ref: str) -> tuple[d.ClockEvent, ...]:
        """Stop the clock (a break; a call that dropped); refused unless it is running.
        Returns the moments, the pause last."""
        return self._switch(ref, ClockKind.PAUSED)

    def resume(self, ref: str) -> tuple[d.ClockEvent, ...]:
        """Start the clock again after a pause; refused unless it is paused."""
        return self._switch(ref, ClockKind.RESUMED)

    def _switch(self, ref: str, kind: ClockKind) -> tuple[d.ClockEvent, ...]:
        self._require(Action.MANAGE_AGENDA, "conference", ref)
        with self._store.unit_of_work(self._context(Action.MANAGE_AGENDA, "clock_event")) as w:
            conference = self._conference_row(w.session, ref)
            self._require_draft(w.session, conference.id)
            now = self._clock()
            moments = _moments(w.session, conference.id)
            values = [repository.to_value(d.ClockEvent, r) for r in moments]
            times = clock_times(values, now)
            if times.started is None:
                raise Conflict("the meeting has not started: the clock starts with the first item")
            if times.ended is not None:
                raise Conflict("the meeting has ended: its clock has stopped")
            if kind is ClockKind.PAUSED and times.paused_since is not None:
                raise Conflict("the clock is already paused")
            if kind is ClockKind.RESUMED and times.paused_since is None:
                raise Conflict("the clock is not paused")
            _add(w.session, conference.id, moments, kind, now, self._meta())
            w.object_id = moments[-1].id
            return (*values, repository.to_value(d.ClockEvent, moments[-1]))
