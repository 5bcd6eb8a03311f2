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
    NAMED_RULINGS,
    RedactionReason,
    RulingNeeded,
    exclusion_windows,
    family_redactions,
    ruling_problems,
    ruling_question,
    rulings_needed,
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


# --- every moment of writing (issue 16, point 2) ---------------------------------------


def _written(name: str, minutes: int, *spans: tuple[int, int], **rulings) -> d.MinuteEntry:
    entry = _entry(name, minutes)
    history = tuple(
        (START + timedelta(minutes=a), START + timedelta(minutes=b))
        for a, b in ((minutes, minutes), *spans)
    )
    return dataclasses.replace(entry, changes=history, **rulings)


def _family() -> tuple[d.Participant, d.Participant]:
    # Dad is out of the room from minute 10 to 20; Mum from minute 50 to the end.
    return (
        _person("Dad", ParticipantRole.PARENT, (10, 20)),
        _person("Mum", ParticipantRole.PARENT, (50, None)),
    )


def test_an_entry_begun_inside_a_window_goes_and_needs_no_ruling() -> None:
    dad, mum = _family()
    record = _record((dad, mum), (_written("inside", 12, (12, 25)),))
    [out] = family_redactions(record, dad.id)
    assert (out.reason, out.participant_id, out.awaiting_ruling) == (
        RedactionReason.EXCLUDED,
        dad.id,
        False,
    )
    assert rulings_needed(record) == ()


def test_an_entry_begun_before_and_edited_during_goes_and_awaits_a_ruling() -> None:
    dad, mum = _family()
    record = _record((dad, mum), (_written("straddles", 5, (15, 16)),))
    [out] = family_redactions(record, dad.id)
    assert out.reason is RedactionReason.CHANGED_WHILE_EXCLUDED
    assert (out.participant_id, out.awaiting_ruling) == (dad.id, True)
    window = (START + timedelta(minutes=10), START + timedelta(minutes=20))
    assert rulings_needed(record) == (RulingNeeded(uid("straddles"), dad.id, window),)
    assert rulings_needed(record, dad.id) == rulings_needed(record)
    # Mum was in the room: her copy keeps it and waits for nothing.
    assert family_redactions(record, mum.id) == ()
    assert rulings_needed(record, mum.id) == ()
    # The copy for any family member leaves it out too.
    assert [r.entry_id for r in family_redactions(record)] == [uid("straddles")]


def test_a_ruling_to_show_includes_it_in_that_persons_copy_only() -> None:
    dad, mum = _family()
    shown = _written("straddles", 5, (15, 16), (55, 56), shown_to=(dad.id,))
    record = _record((dad, mum), (shown,))
    assert family_redactions(record, dad.id) == ()
    [mums] = family_redactions(record, mum.id)
    assert (mums.participant_id, mums.awaiting_ruling) == (mum.id, True)
    assert [r.participant_id for r in rulings_needed(record)] == [mum.id]
    # Any family member's copy still leaves it out: Mum has not been ruled on.
    assert [r.participant_id for r in family_redactions(record)] == [mum.id]


def test_a_ruling_to_keep_out_leaves_it_out_and_settles_it() -> None:
    dad, mum = _family()
    kept = _written("straddles", 5, (15, 16), kept_from=(dad.id,))
    record = _record((dad, mum), (kept,))
    [out] = family_redactions(record, dad.id)
    assert (out.reason, out.awaiting_ruling) == (RedactionReason.CHANGED_WHILE_EXCLUDED, False)
    assert rulings_needed(record) == ()


def test_keeping_out_wins_over_showing() -> None:
    dad, mum = _family()
    both = _written("straddles", 5, (15, 16), shown_to=(dad.id,), kept_from=(dad.id,))
    assert len(family_redactions(_record((dad, mum), (both,)), dad.id)) == 1


def test_an_entry_moved_during_the_window_goes() -> None:
    dad, mum = _family()
    moved = _written("moved", 2, (19, 19))  # a move is a moment like any other
    record = _record((dad, mum), (moved,))
    assert [r.entry_id for r in family_redactions(record, dad.id)] == [uid("moved")]


def test_edits_after_the_window_ended_only_keep_it_in() -> None:
    dad, mum = _family()
    record = _record((dad, mum), (_written("later", 5, (20, 30)),))  # Dad back at 20
    assert family_redactions(record, dad.id) == ()
    assert rulings_needed(record) == ()


def test_a_span_reaching_the_window_start_counts() -> None:
    dad, mum = _family()
    record = _record((dad, mum), (_written("edge", 5, (8, 10)),))
    assert rulings_needed(record, dad.id)[0].entry_id == uid("edge")


def test_changes_during_a_window_begun_after_it_cannot_be_shown() -> None:
    # An imported history that says it was edited before it was begun: no ruling frees it.
    dad, mum = _family()
    odd = _written("odd", 30, (15, 16), shown_to=(dad.id,))
    [out] = family_redactions(_record((dad, mum), (odd,)), dad.id)
    assert (out.reason, out.awaiting_ruling) == (RedactionReason.CHANGED_WHILE_EXCLUDED, False)
    assert rulings_needed(_record((dad, mum), (odd,))) == ()


def test_the_first_straddled_window_is_the_one_named() -> None:
    dad = _person("Dad", ParticipantRole.PARENT, (10, 20), (30, 40))
    entry = _written("twice", 5, (15, 16), (35, 36))
    [needed] = rulings_needed(_record((dad,), (entry,)))
    assert needed.window[0] == START + timedelta(minutes=10)


def test_a_restricted_entry_needs_no_ruling() -> None:
    dad, mum = _family()
    secret = dataclasses.replace(_written("secret", 5, (15, 16)), restricted=True)
    record = _record((dad, mum), (secret,))
    assert [r.reason for r in family_redactions(record, dad.id)] == [RedactionReason.RESTRICTED]
    assert rulings_needed(record) == ()


def test_rulings_for_an_unknown_recipient_are_refused() -> None:
    with pytest.raises(ValueError, match="no participant"):
        rulings_needed(small_record(), "nobody")


def test_the_chair_is_asked_in_one_sentence_naming_the_person_and_the_entry() -> None:
    dad, mum = _family()
    entries = (_entry("first", 1), _written("straddles", 5, (15, 16)))
    record = _record((dad, mum), entries)
    [needed] = rulings_needed(record)
    question = ruling_question(record, needed)
    assert question.startswith("Decide whether Dad's copy includes entry 2 under “")
    assert question.endswith("changed while they were out")
    [problem] = ruling_problems(record)
    assert (problem.code, problem.message, problem.path) == (
        "exclusion_ruling",
        question,
        "minutes[1]",
    )


def test_approval_names_the_first_few_rulings_then_counts_the_rest() -> None:
    dad, mum = _family()
    many = tuple(_written(f"e{i}", 5, (15, 16)) for i in range(NAMED_RULINGS + 2))
    problems = ruling_problems(_record((dad, mum), many))
    assert len(problems) == NAMED_RULINGS + 1
    assert problems[-1].message.startswith("and 2 more entries")
    one_more = ruling_problems(_record((dad, mum), many[:-1]))
    assert one_more[-1].message.startswith("and 1 more entry ")
    assert len(ruling_problems(_record((dad, mum), many[:NAMED_RULINGS]))) == NAMED_RULINGS
