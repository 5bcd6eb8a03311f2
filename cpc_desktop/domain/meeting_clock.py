"""The meeting's clock, kept in the record: when it started, each item's time, pauses.

The clock is a list of moments (:class:`ClockEvent`) stored with the conference, so the
time on each item and in the meeting survives leaving the conference, reopening it and
a crash, and the minutes can say when the meeting really started and ended. A moment is
written when the current agenda item changes (``ITEM``, naming the item now current, or
none), when the chair pauses or resumes the clock, when the last item is finished
(``ENDED``), and when every item is set back to waiting (``RESET``: the meeting has not
started after all). :func:`clock_times` reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cpc_desktop.domain.enums import ClockKind

__all__ = ["ClockEvent", "ClockTimes", "clock_times"]


@dataclass(frozen=True)
class ClockEvent:
    id: str
    kind: ClockKind
    at: datetime
    #: For ``ITEM``: the agenda item current from ``at`` (``None``: no item is current).
    agenda_item_id: str | None = None


@dataclass(frozen=True)
class ClockTimes:
    """What the clock says at one moment.

    Attributes:
        started: when the first item became current (``None``: not started).
        ended: when the last item was finished (``None``: still going).
        paused_since: when the running pause began (``None``: not paused).
        paused: the time spent paused, up to ``now`` or the end.
        meeting: the meeting's running time, pauses left out.
        current_item_id: the item current at the last ``ITEM`` moment, if any.
        spent: the running time on each item, pauses left out.
    """

    started: datetime | None = None
    ended: datetime | None = None
    paused_since: datetime | None = None
    paused: timedelta = timedelta()
    meeting: timedelta = timedelta()
    current_item_id: str | None = None
    spent: dict[str, timedelta] = field(default_factory=dict)

    @property
    def running(self) -> bool:
        return self.started is not None and self.ended is None and self.paused_since is None


def clock_times(events: Iterable[ClockEvent], now: datetime) -> ClockTimes:
    """Read the moments in order (ties keep their stored order) as of ``now``.

    Moments after ``now`` are not yet: they are left out. A ``RESET`` forgets
    everything before it; an ``ITEM`` after ``ENDED`` (an item opened again) carries
    the meeting on, the time in between not counted.
    """
    started: datetime | None = None
    ended: datetime | None = None
    paused_since: datetime | None = None
    paused = timedelta()
    meeting = timedelta()
    current: str | None = None
    since: datetime | None = None  # when the running stretch of time began
    spent: dict[str, timedelta] = {}

    def stop(at: datetime) -> None:
        nonlocal meeting, since
        if since is not None and at > since:
            meeting += at - since
            if current is not None:
                spent[current] = spent.get(current, timedelta()) + (at - since)
        since = None

    for event in sorted(events, key=lambda e: e.at):
        at = event.at
        if at > now:
            break
        kind = event.kind
        if kind is ClockKind.RESET:
            started = ended = paused_since = since = current = None
            paused, meeting, spent = timedelta(), timedelta(), {}
        elif kind is ClockKind.ITEM:
            stop(at)
            current = event.agenda_item_id
            if current is not None and started is None:
                started = at
            if current is not None:
                ended = None
            if started is not None and ended is None and paused_since is None:
                since = at
        elif kind is ClockKind.PAUSED and started is not None and ended is None:
            if paused_since is None:
                stop(at)
                paused_since = at
        elif kind is ClockKind.RESUMED and paused_since is not None:
            paused += at - paused_since  # (the end closes a pause: ended is None here)
            paused_since = None
            since = at
        elif kind is ClockKind.ENDED and started is not None and ended is None:
            stop(at)
            if paused_since is not None:
                paused += at - paused_since
                paused_since = None
            ended, current = at, None
    stop(now)
    if paused_since is not None:
        paused += now - paused_since
    return ClockTimes(started, ended, paused_since, paused, meeting, current, spent)
