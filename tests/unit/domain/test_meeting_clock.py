"""The meeting's clock read from its moments: start, items, pauses, end, reset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from cpc_desktop.domain.enums import ClockKind
from cpc_desktop.domain.meeting_clock import ClockEvent, clock_times


def at(minute: int) -> datetime:
    return datetime(2026, 12, 7, 10, 0, tzinfo=UTC) + timedelta(minutes=minute)


def moment(minute: int, kind: ClockKind, item: str | None = None) -> ClockEvent:
    return ClockEvent(f"e{minute}-{kind}", kind, at(minute), item)


MINUTES = timedelta(minutes=1)


def test_nothing_recorded_is_a_meeting_not_started() -> None:
    times = clock_times((), at(30))
    assert times.started is None and times.meeting == timedelta() and not times.running


def test_items_pauses_and_the_end() -> None:
    moments = (
        moment(2, ClockKind.ITEM, "a"),
        moment(12, ClockKind.ITEM, "b"),
        moment(20, ClockKind.PAUSED),
        moment(30, ClockKind.RESUMED),
        moment(35, ClockKind.ITEM, None),  # between items
        moment(37, ClockKind.ITEM, "a"),  # back to the first item
        moment(40, ClockKind.ENDED),
    )
    during = clock_times(moments, at(25))
    assert during.started == at(2) and during.paused_since == at(20) and not during.running
    assert during.meeting == 18 * MINUTES and during.paused == 5 * MINUTES
    assert during.current_item_id == "b" and during.spent == {"a": 10 * MINUTES, "b": 8 * MINUTES}
    done = clock_times(moments, at(90))
    assert done.ended == at(40) and done.current_item_id is None
    assert done.meeting == 28 * MINUTES and done.paused == 10 * MINUTES  # 38 less the pause
    assert done.spent == {"a": 13 * MINUTES, "b": 13 * MINUTES}
    # A moment later than "now" has not happened yet.
    assert clock_times(moments, at(11)).spent == {"a": 9 * MINUTES}


def test_an_item_opened_after_the_end_carries_the_meeting_on() -> None:
    moments = (
        moment(0, ClockKind.ITEM, "a"),
        moment(10, ClockKind.ENDED),
        moment(20, ClockKind.ITEM, "a"),
    )
    times = clock_times(moments, at(25))
    assert times.ended is None and times.running
    assert times.meeting == 15 * MINUTES and times.spent == {"a": 15 * MINUTES}


def test_a_reset_forgets_what_went_before_and_a_pause_ends_with_the_meeting() -> None:
    moments = (
        moment(0, ClockKind.ITEM, "a"),
        moment(5, ClockKind.RESET),
        moment(8, ClockKind.PAUSED),  # not started: nothing to pause
        moment(10, ClockKind.ITEM, "b"),
        moment(20, ClockKind.PAUSED),
        moment(21, ClockKind.PAUSED),  # already paused
        moment(30, ClockKind.ENDED),  # the pause ends with the meeting
        moment(31, ClockKind.RESUMED),  # not paused: nothing to resume
    )
    times = clock_times(moments, at(60))
    assert times.started == at(10) and times.ended == at(30)
    assert times.meeting == 10 * MINUTES and times.paused == 10 * MINUTES
    assert times.spent == {"b": 10 * MINUTES}


@given(
    st.lists(
        st.tuples(
            st.integers(0, 120),
            st.sampled_from(ClockKind),
            st.sampled_from(("a", "b", None)),
        ),
        max_size=12,
    ),
    st.integers(0, 150),
)
def test_time_adds_up_whatever_the_moments(raw: list, now_minute: int) -> None:
    """Items never hold more time than the meeting; the meeting and its pauses never
    more than the time since it started."""
    moments = tuple(ClockEvent(str(i), kind, at(m), item) for i, (m, kind, item) in enumerate(raw))
    times = clock_times(moments, at(now_minute))
    assert sum(times.spent.values(), timedelta()) <= times.meeting
    if times.started is None:
        assert times.meeting == timedelta()
    else:
        end = times.ended or at(now_minute)
        assert times.meeting + times.paused <= end - times.started
