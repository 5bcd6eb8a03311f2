"""The three-way merge of a hand-over: by id, field by field, conflicts left to the chair."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AttendanceKind, Tag, View
from cpc_desktop.domain.merge import (
    ChangeKind,
    ConflictKind,
    MergeError,
    Resolution,
    Side,
    UnitKey,
    apply_merge,
    merge_text,
    plan_merge,
)
from tests.helpers.records import small_record, uid

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def base_record() -> d.ConferenceRecord:
    record = small_record()
    item = record.agenda[0].id
    extra = tuple(
        d.MinuteEntry(uid(f"e{n}"), item, f"entry {n}", "Min Taker", AT, AT) for n in range(3)
    )
    actions = tuple(
        d.ConferenceAction(uid(f"act{n}"), "Sam Worker", f"action {n}", None, None, AT)
        for n in range(2)
    )
    return replace(record, minutes=record.minutes + extra, actions=actions)


def entry(record: d.ConferenceRecord, key: str) -> d.MinuteEntry:
    return next(e for e in record.minutes if e.id == key)


def with_entry(record: d.ConferenceRecord, changed: d.MinuteEntry) -> d.ConferenceRecord:
    return replace(
        record, minutes=tuple(changed if e.id == changed.id else e for e in record.minutes)
    )


def added(record: d.ConferenceRecord, name: str, text: str, minutes: int = 5) -> d.ConferenceRecord:
    at = AT + timedelta(minutes=minutes)
    new = d.MinuteEntry(uid("new-" + name), record.agenda[0].id, text, "Someone", at, at)
    return replace(record, minutes=(*record.minutes, new))


def key(name: str) -> UnitKey:
    return UnitKey("minute_entry", uid("new-" + name))


# --- examples -------------------------------------------------------------------------


def test_nothing_changed_plans_nothing() -> None:
    base = base_record()
    plan = plan_merge(base, base, base)
    assert plan.empty
    assert apply_merge(plan, {}) == base


def test_an_entry_added_in_the_package_is_added() -> None:
    base = base_record()
    theirs = added(base, "t1", "from the minute-taker")
    plan = plan_merge(base, base, theirs)
    assert [(c.kind, c.key) for c in plan.changes] == [(ChangeKind.ADDED, key("t1"))]
    assert plan.conflicts == ()
    assert apply_merge(plan, {}) == theirs


def test_entries_added_on_both_sides_are_all_kept_in_time_order() -> None:
    base = base_record()
    mine = added(added(base, "m1", "chair early", 1), "m2", "chair late", 9)
    theirs = added(base, "t1", "taker middle", 5)
    merged = apply_merge(plan_merge(base, mine, theirs), {})
    texts = [e.text for e in merged.minutes[len(base.minutes) :]]
    assert texts == ["chair early", "taker middle", "chair late"]


def test_different_fields_of_one_entry_merge_by_themselves() -> None:
    base = base_record()
    target = base.minutes[2]
    later = AT + timedelta(hours=1)
    mine = with_entry(base, replace(target, tag=Tag.OPINION, updated_at=later))
    theirs = with_entry(base, replace(target, text="corrected", updated_at=AT + timedelta(hours=2)))
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == ()
    [change] = plan.changes
    assert change.kind is ChangeKind.CHANGED
    assert change.fields == ("text", "updated_at")
    merged = entry(apply_merge(plan, {}), target.id)
    assert (merged.text, merged.tag, merged.updated_at) == (
        "corrected",
        Tag.OPINION,
        AT + timedelta(hours=2),
    )


def test_both_sides_moments_of_writing_are_kept() -> None:
    base = base_record()
    target = base.minutes[2]
    one, two, three = (AT + timedelta(hours=h) for h in (1, 2, 3))
    start = replace(target, changes=((AT, AT),))
    base = with_entry(base, start)
    mine = with_entry(base, replace(start, tag=Tag.OPINION, changes=((AT, AT), (one, one))))
    theirs = with_entry(
        base, replace(start, text="corrected", changes=((AT, AT), (three, three), (two, two)))
    )
    plan = plan_merge(base, mine, theirs)
    assert plan.conflicts == ()
    merged = entry(apply_merge(plan, {}), target.id)
    assert merged.changes == ((AT, AT), (one, one), (two, two), (three, three))
    assert (merged.text, merged.tag) == ("corrected", Tag.OPINION)


def test_the_same_text_changed_twice_is_a_conflict_with_three_choices() -> None:
    base = base_record()
    target = base.minutes[2]
    mine = with_entry(base, replace(target, text="mine", updated_at=AT + timedelta(hours=2)))
    theirs = with_entry(base, replace(target, text="theirs", updated_at=AT + timedelta(hours=1)))
    plan = plan_merge(base, mine, theirs)
    assert plan.changes == ()
    [conflict] = plan.conflicts
    assert conflict.kind is ConflictKind.BOTH_CHANGED
    assert conflict.fields == ("text",)
    assert conflict.choices == (Side.THEIRS, Side.MINE, Side.EDITED)
    assert (conflict.base.text, conflict.mine.text, conflict.theirs.text) == (
        target.text,
        "mine",
        "theirs",
    )
    k = conflict.key
    take = {
        side: entry(apply_merge(plan, {k: Resolution(side)}), target.id)
        for side in Side
        if side is not Side.EDITED
    }
    assert take[Side.THEIRS].text == "theirs"
    assert take[Side.MINE].text == "mine"
    assert {e.updated_at for e in take.values()} == {AT + timedelta(hours=2)}
    edited = apply_merge(plan, {k: Resolution.edited(text="both, edited")})
    assert entry(edited, target.id).text == "both, edited"


def test_a_conflict_needs_a_choice_and_only_a_choice_it_offers() -> None:
    base = base_record()
    target = base.minutes[2]
    mine = with_entry(base, replace(target, tag=Tag.OPINION))
    theirs = with_entry(base, replace(target, tag=Tag.FACT))
    plan = plan_merge(base, mine, theirs)
    [conflict] = plan.conflicts
    assert conflict.choices == (Side.THEIRS, Side.MINE)  # a tag is not text to edit
    with pytest.raises(MergeError, match="1 conflict"):
        apply_merge(plan, {})
    with pytest.raises(MergeError, match="not a choice"):
        apply_merge(plan, {conflict.key: Resolution.edited(tag="x")})
    with pytest.raises(MergeError, match="not in conflict"):
        apply_merge(plan, {conflict.key: Resolution(Side.MINE), key("e0"): Resolution(Side.MINE)})


def test_an_edited_merge_may_set_only_the_disputed_text() -> None:
    base = base_record()
    target = base.minutes[2]
    plan = plan_merge(
        base,
        with_entry(base, replace(target, text="a")),
        with_entry(base, replace(target, text="b")),
    )
    [conflict] = plan.conflicts
    with pytest.raises(MergeError, match="edited merge sets text"):
        apply_merge(plan, {conflict.key: Resolution.edited(author="someone else")})
    with pytest.raises(MergeError, match="edited merge sets text"):
        apply_merge(plan, {conflict.key: Resolution(Side.EDITED)})


def test_a_removal_of_an_untouched_entry_is_shown_and_made() -> None:
    base = base_record()
    gone = base.minutes[3]
    theirs = replace(base, minutes=tuple(e for e in base.minutes if e is not gone))
    plan = plan_merge(base, base, theirs)
    [change] = plan.changes
    assert (change.kind, change.before, change.after) == (ChangeKind.DELETED, gone, None)
    assert apply_merge(plan, {}) == theirs


def test_a_removal_of_an_entry_changed_here_is_a_conflict() -> None:
    base = base_record()
    target = base.minutes[3]
    mine = with_entry(base, replace(target, text="kept and changed"))
    theirs = replace(base, minutes=tuple(e for e in base.minutes if e.id != target.id))
    plan = plan_merge(base, mine, theirs)
    [conflict] = plan.conflicts
    assert conflict.kind is ConflictKind.DELETED_THERE
    assert conflict.theirs is None
    assert conflict.choices == (Side.THEIRS, Side.MINE)
    kept = apply_merge(plan, {conflict.key: Resolution(Side.MINE)})
    assert entry(kept, target.id).text == "kept and changed"
    removed = apply_merge(plan, {conflict.key: Resolution(Side.THEIRS)})
    assert target.id not in {e.id for e in removed.minutes}


def test_a_person_removed_here_but_given_attendance_there_is_a_conflict() -> None:
    base = base_record()
    police = base.participants[1]
    mine = replace(base, participants=tuple(p for p in base.participants if p is not police))
    mine = replace(
        mine,
        minutes=tuple(
            replace(e, speaker_id=None) if e.speaker_id == police.id else e for e in mine.minutes
        ),
    )
    event = d.AttendanceEvent(uid("late"), AttendanceKind.ARRIVED, AT + timedelta(minutes=30))
    arrived = replace(police, attendance=(event,))
    theirs = replace(
        base, participants=tuple(arrived if p is police else p for p in base.participants)
    )
    plan = plan_merge(base, mine, theirs)
    [conflict] = plan.conflicts
    assert (conflict.kind, conflict.key) == (
        ConflictKind.DELETED_HERE,
        UnitKey("participant", police.id),
    )
    restored = apply_merge(plan, {conflict.key: Resolution(Side.THEIRS)})
    assert [p.attendance for p in restored.participants if p.id == police.id] == [(event,)]
    still_gone = apply_merge(plan, {conflict.key: Resolution(Side.MINE)})
    assert police.id not in {p.id for p in still_gone.participants}
    assert all(e.speaker_id != police.id for e in still_gone.minutes)


def test_an_entry_on_an_item_removed_here_is_not_lost_without_a_choice() -> None:
    base = base_record()
    item = d.AgendaItem(uid("item2"), "risk", "Risk")
    base = replace(base, agenda=(*base.agenda, item))
    mine = replace(base, agenda=base.agenda[:1])
    new = d.MinuteEntry(uid("t-on-2"), item.id, "said under item 2", "Taker", AT, AT)
    theirs = replace(base, minutes=(*base.minutes, new))
    plan = plan_merge(base, mine, theirs)
    [conflict] = plan.conflicts
    assert conflict.key == UnitKey("agenda_item", item.id)
    assert conflict.kind is ConflictKind.DELETED_HERE
    assert plan.changes == ()  # the entry waits for the item's fate
    kept = apply_merge(plan, {conflict.key: Resolution(Side.THEIRS)})
    assert new in kept.minutes and item in kept.agenda
    dropped = apply_merge(plan, {conflict.key: Resolution(Side.MINE)})
    assert new not in dropped.minutes


def test_an_action_losing_its_entry_is_unlinked_and_shown() -> None:
    base = base_record()
    linked = replace(base.actions[0], minute_entry_id=base.minutes[2].id)
    base = replace(base, actions=(linked, base.actions[1]))
    theirs = replace(base, minutes=tuple(e for e in base.minutes if e.id != linked.minute_entry_id))
    plan = plan_merge(base, base, theirs)
    kinds = {(c.kind, c.key.kind) for c in plan.changes}
    assert kinds == {
        (ChangeKind.DELETED, "minute_entry"),
        (ChangeKind.CHANGED, "conference_action"),
    }
    merged = apply_merge(plan, {})
    assert merged.actions[0].minute_entry_id is None


def test_a_person_removed_in_the_package_goes_with_their_attendance() -> None:
    base = base_record()
    worker = base.participants[0]
    assert worker.attendance
    theirs = replace(base, participants=base.participants[1:])
    theirs = replace(
        theirs,
        minutes=tuple(
            replace(e, speaker_id=None) if e.speaker_id == worker.id else e for e in base.minutes
        ),
    )
    plan = plan_merge(base, base, theirs)
    assert plan.conflicts == ()
    # one line for the person (their attendance goes with them) and one per unlinked entry
    assert plan.count(ChangeKind.DELETED) == 1
    assert plan.count(ChangeKind.CHANGED) == 1
    assert apply_merge(plan, {}) == theirs


def test_choosing_to_remove_a_child_takes_a_decision_made_here_with_it() -> None:
    base = base_record()
    child = base.children[0]
    view = d.AgencyView(uid("view"), base.participants[0].id, View.PLAN)
    mine = replace(base, decisions=(d.Decision(uid("dec"), child.id, views=(view,)),))
    theirs = replace(base, children=())
    plan = plan_merge(base, mine, theirs)
    [conflict] = plan.conflicts
    assert (conflict.key, conflict.kind) == (
        UnitKey("child", child.id),
        ConflictKind.DELETED_THERE,
    )
    assert apply_merge(plan, {conflict.key: Resolution(Side.MINE)}) == mine
    removed = apply_merge(plan, {conflict.key: Resolution(Side.THEIRS)})
    assert (removed.children, removed.decisions) == ((), ())


def test_entries_added_on_both_sides_with_one_id_but_different_text_conflict() -> None:
    base = base_record()
    plan = plan_merge(base, added(base, "same", "one"), added(base, "same", "two"))
    [conflict] = plan.conflicts
    assert conflict.kind is ConflictKind.BOTH_ADDED
    assert conflict.fields == ("text",)
    chosen = apply_merge(plan, {conflict.key: Resolution(Side.THEIRS)})
    assert entry(chosen, uid("new-same")).text == "two"


def test_a_package_of_another_conference_is_refused() -> None:
    with pytest.raises(MergeError, match="different conference"):
        plan_merge(small_record(), small_record(), small_record(salt="other"))


def test_a_merge_that_breaks_a_rule_of_the_document_is_refused() -> None:
    base = base_record()
    child = base.children[0].id
    mine = replace(base, decisions=(d.Decision(uid("dm"), child),))
    theirs = replace(base, decisions=(d.Decision(uid("dt"), child),))
    with pytest.raises(MergeError, match="already has a decision"):
        apply_merge(plan_merge(base, mine, theirs), {})


@pytest.mark.parametrize(
    ("base", "mine", "theirs", "expected"),
    [
        ("a", "a", "b", "b"),
        ("a", "b", "a", "b"),
        ("a", "b", "b", "b"),
        ("one\ntwo\nthree", "ONE\ntwo\nthree", "one\ntwo\nTHREE", "ONE\ntwo\nTHREE"),
        ("one\ntwo", "one\nmine", "one\ntheirs", "one\nmine\ntheirs"),
        ("para", "para, said by mum", "para, said by dad", "para, said by mum\npara, said by dad"),
    ],
)
def test_merge_text_keeps_both_sides_changes(
    base: str, mine: str, theirs: str, expected: str
) -> None:
    assert merge_text(base, mine, theirs) == expected


# --- properties -----------------------------------------------------------------------

_OPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "text", "tag", "delete", "attend", "action", "drop-action"]),
        st.integers(0, 30),
        st.sampled_from(["x", "y", "z"]),
    ),
    max_size=8,
)


def edit(
    record: d.ConferenceRecord, ops: list[tuple[str, int, str]], side: str
) -> d.ConferenceRecord:
    """Apply a sequence of a minute-taker's or a chair's edits (ids unique to ``side``)."""
    for n, (op, pick, word) in enumerate(ops):
        name = f"{side}-{n}"
        later = AT + timedelta(minutes=n + 1)
        entries = record.minutes
        if op == "add":
            record = added(record, name, f"{side} {word}", n + 1)
        elif op in ("text", "tag", "delete") and entries:
            target = entries[pick % len(entries)]
            if op == "delete":
                record = replace(record, minutes=tuple(e for e in entries if e is not target))
            elif op == "text":
                record = with_entry(
                    record, replace(target, text=f"{side} {word}", updated_at=later)
                )
            else:
                tag = [Tag.FACT, Tag.OPINION, Tag.ALLEGATION][pick % 3]
                record = with_entry(record, replace(target, tag=tag, updated_at=later))
        elif op == "attend":
            people = record.participants
            person = people[pick % len(people)]
            event = d.AttendanceEvent(uid(name), AttendanceKind.LEFT, later, note=word)
            person = replace(person, attendance=(*person.attendance, event))
            record = replace(
                record, participants=tuple(person if p.id == person.id else p for p in people)
            )
        elif op == "action":
            record = replace(
                record,
                actions=(
                    *record.actions,
                    d.ConferenceAction(uid(name), side, word, date(2026, 12, 1), None, later),
                ),
            )
        elif op == "drop-action" and record.actions:
            gone = record.actions[pick % len(record.actions)]
            record = replace(record, actions=tuple(a for a in record.actions if a is not gone))
    return record


def units(record: d.ConferenceRecord) -> dict[tuple[str, str], object]:
    out: dict[tuple[str, str], object] = {}
    for e in record.minutes:
        out["minute_entry", e.id] = e
    for a in record.actions:
        out["conference_action", a.id] = a
    for p in record.participants:
        for ev in p.attendance:
            out["attendance_event", ev.id] = ev
    return out


OWN = {
    "minute_entry": ("text", "tag"),
    "conference_action": ("owner", "action"),
    "attendance_event": ("note",),
}


@settings(max_examples=150, deadline=None)
@given(_OPS, _OPS, st.sampled_from([Side.THEIRS, Side.MINE]))
def test_any_two_edit_sequences_merge_without_losing_anything(
    mine_ops: list[tuple[str, int, str]], their_ops: list[tuple[str, int, str]], choice: Side
) -> None:
    base = base_record()
    mine, theirs = edit(base, mine_ops, "mine"), edit(base, their_ops, "theirs")
    plan = plan_merge(base, mine, theirs)
    before, ours, other = units(base), units(mine), units(theirs)

    expected_conflicts = set()
    for k in before:
        if k in ours and k in other:
            b, m, t = before[k], ours[k], other[k]
            if any(
                getattr(m, f) != getattr(b, f) != getattr(t, f) != getattr(m, f) for f in OWN[k[0]]
            ):
                expected_conflicts.add(k)
        elif k in ours and ours[k] != before[k] and k not in other:
            expected_conflicts.add(k)  # changed here, removed there
        elif k in other and other[k] != before[k] and k not in ours:
            expected_conflicts.add(k)  # removed here, changed there
    assert {(c.key.kind, c.key.id) for c in plan.conflicts} == expected_conflicts

    resolutions = {c.key: Resolution(choice) for c in plan.conflicts}
    merged = units(apply_merge(plan, resolutions))
    # every unit either side added is there
    assert {k for k in (ours | other) if k not in before} <= merged.keys()
    for k, b in before.items():
        if k in expected_conflicts:
            winner = other if choice is Side.THEIRS else ours
            assert (k in merged) == (k in winner)
            continue
        if k not in ours or k not in other:
            assert k not in merged  # a removal on one side, untouched on the other
            continue
        for f in OWN[k[0]]:
            m, t = getattr(ours[k], f), getattr(other[k], f)
            want = m if t == getattr(b, f) else t
            assert getattr(merged[k], f) == want

    if choice is Side.THEIRS:
        # the merged copy already holds everything the package brings
        again = plan_merge(base, apply_merge(plan, resolutions), theirs)
        assert again.empty
