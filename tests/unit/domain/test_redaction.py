"""What a family copy leaves out: restricted entries and what was said during exclusions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AttendanceKind, ParticipantRole
from cpc_desktop.domain.redaction import (
    RedactionReason,
    exclusion_windows,
    family_redactions,
)
from tests.helpers.records import small_record, uid

START = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _entry(name: str, minutes: int, *, restricted: bool = False) -> d.MinuteEntry:
    at = START + timedelta(minutes=minutes)
    return d.MinuteEntry(
        id=uid(name),
        agenda_item_id=uid("item"),
        text=name,
        author="M",
        created_at=at,
        updated_at=at,
        restricted=restricted,
    )


def _person(name: str, role: ParticipantRole, *windows: tuple[int, int | None]) -> d.Participant:
    events = tuple(
        d.AttendanceEvent(
            uid(f"{name}{i}"),
            AttendanceKind.EXCLUDED,
            START + timedelta(minutes=a),
            until=None if b is None else START + timedelta(minutes=b),
        )
        for i, (a, b) in enumerate(windows)
    )
    present = d.AttendanceEvent(uid(name + "p"), AttendanceKind.PRESENT, START)
    return d.Participant(uid(name), name, role, attendance=(present, *events))


def _record(people: tuple[d.Participant, ...], entries: tuple[d.MinuteEntry, ...]):
    return dataclasses.replace(small_record(), participants=people, minutes=entries)


def test_restricted_entries_always_go_and_say_why() -> None:
    record = _record(
        (_person("Mum", ParticipantRole.PARENT),),
        (_entry("open", 1), _entry("secret", 2, restricted=True)),
    )
    out = family_redactions(record, uid("Mum"))
    assert [(r.entry_id, r.reason, r.participant_id) for r in out] == [
        (uid("secret"), RedactionReason.RESTRICTED, None)
    ]


def test_a_recipient_loses_only_their_own_exclusion_windows() -> None:
    mum = _person("Mum", ParticipantRole.PARENT, (10, 20))
    dad = _person("Dad", ParticipantRole.PARENT, (30, None))
    entries = (
        _entry("before", 5),
        _entry("start", 10),
        _entry("inside", 15),
        _entry("end", 20),
        _entry("late", 40),
    )
    record = _record((mum, dad), entries)
    assert [r.entry_id for r in family_redactions(record, mum.id)] == [uid("start"), uid("inside")]
    # Dad's window never ends: everything from minute 30 is his to miss.
    assert [r.entry_id for r in family_redactions(record, dad.id)] == [uid("late")]
    # No named recipient: every family member's windows apply.
    anyone = family_redactions(record)
    assert [r.entry_id for r in anyone] == [uid("start"), uid("inside"), uid("late")]
    assert {r.participant_id for r in anyone} == {mum.id, dad.id}
    assert all(r.reason is RedactionReason.EXCLUDED for r in anyone)


def test_professionals_exclusions_do_not_shape_a_family_copy() -> None:
    nurse = _person("Nurse", ParticipantRole.PROFESSIONAL, (0, 60))
    record = _record((nurse,), (_entry("said", 5),))
    assert family_redactions(record) == ()


def test_an_unknown_recipient_is_refused() -> None:
    with pytest.raises(ValueError, match="no participant"):
        family_redactions(small_record(), "nobody")


def test_exclusion_windows_lists_only_exclusions() -> None:
    mum = _person("Mum", ParticipantRole.PARENT, (10, 20), (30, None))
    assert exclusion_windows(mum) == (
        (START + timedelta(minutes=10), START + timedelta(minutes=20)),
        (START + timedelta(minutes=30), None),
    )


@given(
    windows=st.lists(
        st.tuples(st.integers(0, 100), st.one_of(st.none(), st.integers(1, 60))), max_size=4
    ),
    times=st.lists(st.tuples(st.integers(0, 160), st.booleans()), max_size=12),
)
def test_an_entry_goes_exactly_when_restricted_or_inside_a_window(windows, times) -> None:
    spans = tuple((a, None if n is None else a + n) for a, n in windows)
    mum = _person("Mum", ParticipantRole.PARENT, *spans)
    entries = tuple(_entry(f"e{i}", t, restricted=r) for i, (t, r) in enumerate(times))
    gone = {r.entry_id for r in family_redactions(_record((mum,), entries), mum.id)}
    for i, (t, restricted) in enumerate(times):
        inside = any(a <= t and (b is None or t < b) for a, b in spans)
        assert (uid(f"e{i}") in gone) == (restricted or inside)
