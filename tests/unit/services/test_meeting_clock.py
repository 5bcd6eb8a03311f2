"""The meeting's clock in the store (issue 19, point 2): the agenda's progress writes its
moments in the same unit of work; the chair pauses and resumes it; reopening the store
(as after leaving, or a crash) finds the same times."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cpc_desktop.data.store import Store, open_store
from cpc_desktop.domain.enums import AgendaStatus, ClockKind
from cpc_desktop.domain.meeting_clock import clock_times
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.session import Session
from tests.helpers.meeting import ITEM, REF, add_items, assert_sound, record, refused
from tests.helpers.stores import TickingClock

CURRENT, DONE, PENDING = AgendaStatus.CURRENT, AgendaStatus.DONE, AgendaStatus.PENDING


def kinds(meeting: Session) -> list[tuple[ClockKind, str | None]]:
    return [(m.kind, m.agenda_item_id) for m in meeting.meeting_clock.moments(REF)]


def test_the_agenda_writes_the_clock_as_it_goes(store: Store, meeting: Session) -> None:
    (second,) = add_items(meeting, "Reports")
    assert kinds(meeting) == []  # adding items does not start the meeting
    meeting.agenda.set_agenda_status(ITEM, CURRENT)
    meeting.agenda.set_agenda_status(ITEM, CURRENT)  # no change: no moment
    meeting.agenda.set_agenda_status(second.id, CURRENT)  # the first is done by this
    meeting.agenda.set_agenda_status(second.id, DONE)
    assert kinds(meeting) == [
        (ClockKind.ITEM, ITEM),
        (ClockKind.ITEM, second.id),
        (ClockKind.ITEM, None),
        (ClockKind.ENDED, None),
    ]
    times = clock_times(record(store).clock, meeting.clock())
    assert times.started is not None and times.ended is not None
    assert set(times.spent) == {ITEM, second.id}
    # Undone back to the start: the meeting has not started after all.
    meeting.agenda.set_agenda_status(second.id, PENDING)
    meeting.agenda.set_agenda_status(ITEM, PENDING)
    assert kinds(meeting)[-1] == (ClockKind.RESET, None)
    assert clock_times(record(store).clock, meeting.clock()).started is None
    assert_sound(store)


def test_pausing_stops_the_time_and_is_refused_when_it_makes_no_sense(
    store: Store, meeting: Session
) -> None:
    refused(store, lambda: meeting.meeting_clock.pause(REF), Conflict, "has not started")
    meeting.agenda.set_agenda_status(ITEM, CURRENT)
    refused(store, lambda: meeting.meeting_clock.resume(REF), Conflict, "is not paused")
    paused = meeting.meeting_clock.pause(REF)
    assert paused[-1].kind is ClockKind.PAUSED
    refused(store, lambda: meeting.meeting_clock.pause(REF), Conflict, "already paused")
    meeting.clock.now += timedelta(minutes=10)  # a ten-minute break
    resumed = meeting.meeting_clock.resume(REF)
    times = clock_times(resumed, meeting.clock())
    assert times.running and times.paused >= timedelta(minutes=10)
    assert times.meeting < timedelta(minutes=1)
    meeting.agenda.set_agenda_status(ITEM, DONE)
    refused(store, lambda: meeting.meeting_clock.pause(REF), Conflict, "has ended")
    assert_sound(store)


@pytest.mark.sqlite_only  # reopens the store's file with its key
def test_the_clock_survives_closing_and_reopening_the_store(tmp_path: Path) -> None:
    from tests.helpers.meeting import services, small_store

    stores = small_store(tmp_path)
    store = next(stores)
    meeting = services(store)
    meeting.agenda.set_agenda_status(ITEM, CURRENT)
    meeting.clock.now += timedelta(minutes=25)
    path, key = store.path, store.key
    before = clock_times(record(store).clock, meeting.clock.now)
    store.close()  # as after leaving the conference, or a crash after the commit
    again = open_store(path, key)
    try:
        after = clock_times(record(again).clock, meeting.clock.now)
        assert after == before and after.meeting >= timedelta(minutes=25)
        assert Session(again, meeting.actor, TickingClock()).meeting_clock.moments(REF)
    finally:
        again.close()
