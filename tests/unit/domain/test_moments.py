"""The history of an entry: each moment of writing recorded, bursts kept as one span."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from cpc_desktop.domain.moments import BURST, add_moment

T0 = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_the_first_moment_starts_the_history() -> None:
    assert add_moment((), T0) == ((T0, T0),)


def test_a_save_within_a_minute_of_the_last_stretches_its_span() -> None:
    spans = add_moment(add_moment((), at(0)), at(30))
    assert spans == ((at(0), at(30)),)
    assert add_moment(spans, at(90)) == ((at(0), at(90)),)  # 60 s after its end: same burst


def test_a_longer_pause_starts_a_new_span() -> None:
    spans = ((at(0), at(30)),)
    assert add_moment(spans, at(90.001)) == ((at(0), at(30)), (at(90.001), at(90.001)))


def test_a_moment_inside_the_last_span_changes_nothing() -> None:
    spans = ((at(0), at(30)),)
    assert add_moment(spans, at(10)) is spans


def test_a_clock_set_back_still_records_the_moment() -> None:
    spans = ((at(100), at(130)),)
    assert add_moment(spans, at(5)) == ((at(100), at(130)), (at(5), at(5)))


@given(st.lists(st.integers(0, 10_000), max_size=30))
def test_every_moment_lies_in_some_span(seconds: list[int]) -> None:
    spans: tuple[tuple[datetime, datetime], ...] = ()
    for s in sorted(seconds):
        spans = add_moment(spans, at(s))
    for s in seconds:
        assert any(a <= at(s) <= b for a, b in spans)
    # Spans of a steady clock are in order and separated by more than a burst.
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start - end > BURST
