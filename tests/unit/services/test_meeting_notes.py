"""Actions and safety scales noted in the meeting (MeetingNotesService).

Every call is checked for what it returns, what the store then holds, the audit event
it writes, and (for each refusal) its one-line message with nothing changed. Who may
call what is the role table's (test_role_table.py).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.services.errors import EditedElsewhere, NotFound, RuleViolation
from cpc_desktop.services.session import Session
from tests.helpers.meeting import (
    AT,
    M1,
    M2,
    MUM,
    REF,
    SW,
    assert_sound,
    last_event,
    record,
    refused,
)
from tests.helpers.records import uid

# --- actions noted in the minutes ----------------------------------------------------


def test_actions_are_added_changed_and_deleted(store: Store, meeting: Session) -> None:
    first = meeting.notes.add_action(
        REF, "Sam Worker", "Visit weekly", date(2026, 12, 1), minute_entry_id=M1
    )
    assert (first.owner, first.action, first.due_date, first.minute_entry_id) == (
        "Sam Worker",
        "Visit weekly",
        date(2026, 12, 1),
        M1,
    )
    assert first.created_at.tzinfo is not None
    assert (last_event(store)["object_type"], last_event(store)["object_id"]) == (
        "conference_action",
        first.id,
    )
    second = meeting.notes.add_action(REF, "Health visitor", "Weigh the baby")
    assert second.due_date is None and second.minute_entry_id is None
    changed = meeting.notes.update_action(
        second.id, owner="School nurse", due_date=date(2026, 12, 5), minute_entry_id=M2
    )
    assert (changed.owner, changed.action, changed.due_date, changed.minute_entry_id) == (
        "School nurse",
        "Weigh the baby",
        date(2026, 12, 5),
        M2,
    )
    assert (
        meeting.notes.update_action(second.id, minute_entry_id=None, due_date=None).due_date is None
    )
    renamed = meeting.notes.update_action(second.id, action="Weigh Ava")
    assert record(store).actions == (first, renamed)
    meeting.notes.delete_action(first.id)
    (left,) = record(store).actions
    assert left.id == second.id
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("select position from conference_action").scalar() == 0
    assert_sound(store)


@pytest.mark.parametrize(
    ("owner", "action", "due", "message"),
    [
        ("", "Visit", None, "$.actions[].owner: an action needs an owner"),
        ("  ", "Visit", None, "$.actions[].owner: an action needs an owner"),
        ("Sam", " \n", None, "$.actions[].action: say what the action is"),
        ("S" * 201, "Visit", None, "$.actions[].owner: is too long"),
        ("Sam", "Visit", AT, "$.actions[].due_date: must be a calendar date"),
    ],
)
def test_add_action_refusals(
    store: Store, meeting: Session, owner: str, action: str, due: Any, message: str
) -> None:
    refused(
        store, lambda: meeting.notes.add_action(REF, owner, action, due), RuleViolation, message
    )


def test_action_references_must_be_in_the_conference(store: Store, meeting: Session) -> None:
    refused(
        store,
        lambda: meeting.notes.add_action(REF, "Sam", "Visit", minute_entry_id=uid("x")),
        NotFound,
        "that minute entry is not part of this conference",
    )
    action = meeting.notes.add_action(REF, "Sam", "Visit")
    refused(
        store,
        lambda: meeting.notes.update_action(action.id, minute_entry_id=uid("x")),
        NotFound,
        "that minute entry is not part of this conference",
    )
    refused(
        store,
        lambda: meeting.notes.update_action(action.id, owner=""),
        RuleViolation,
        "needs an owner",
    )
    refused(
        store, lambda: meeting.notes.update_action(action.id, action=""), RuleViolation, "say what"
    )
    refused(store, lambda: meeting.notes.update_action(uid("x"), owner="A"), NotFound, "no action")
    refused(store, lambda: meeting.notes.delete_action(uid("x")), NotFound, "no action")


def test_an_action_changed_elsewhere_meanwhile_is_not_written_over(
    store: Store, meeting: Session
) -> None:
    action = meeting.notes.add_action(REF, "Sam", "Visit", date(2026, 12, 1))
    shown = {"owner": "Sam", "action": "Visit", "due_date": date(2026, 12, 1)}
    theirs = meeting.notes.update_action(action.id, owner="Sam Worker")  # another window
    refused(
        store,
        lambda: meeting.notes.update_action(action.id, owner="Jo", expected=shown),
        EditedElsewhere,
        "Someone else changed this action's owner to “Sam Worker” while you were editing; "
        "nothing was saved.",
    )
    with pytest.raises(EditedElsewhere) as caught:
        meeting.notes.update_action(action.id, owner="Jo", expected=shown)
    assert caught.value.theirs == theirs
    # A field they did not change is saved; so is one they set to the same value.
    dated = meeting.notes.update_action(action.id, due_date=date(2026, 12, 8), expected=shown)
    assert (dated.owner, dated.due_date) == ("Sam Worker", date(2026, 12, 8))
    same = meeting.notes.update_action(action.id, owner="Sam Worker", expected=shown)
    assert same.owner == "Sam Worker"
    refused(
        store,
        lambda: meeting.notes.update_action(action.id, due_date=None, expected=shown),
        EditedElsewhere,
        "Someone else changed this action's due date to 08/12/2026",
    )
    # Over theirs, knowingly: checked against what is stored now.
    mine = meeting.notes.update_action(action.id, owner="Jo", expected={"owner": "Sam Worker"})
    assert mine.owner == "Jo"


# --- Signs of Safety scaling --------------------------------------------------------------


def test_set_scale_records_changes_and_clears(store: Store, meeting: Session) -> None:
    low = meeting.notes.set_scale(REF, MUM, 0, "Worried about the new partner")
    high = meeting.notes.set_scale(REF, SW, 10)
    assert low is not None and high is not None
    assert (low.participant_id, low.score, low.note) == (MUM, 0, "Worried about the new partner")
    assert (last_event(store)["object_type"], last_event(store)["object_id"]) == (
        "safety_scale",
        high.id,
    )
    moved = meeting.notes.set_scale(REF, MUM, 6)
    assert moved == dataclasses.replace(low, score=6, note="")
    assert record(store).scaling == (moved, high)
    assert meeting.notes.set_scale(REF, MUM, None) is None
    assert record(store).scaling == (high,)
    assert meeting.notes.set_scale(REF, MUM, None) is None  # clearing nothing is harmless
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("select position from safety_scale").scalar() == 0
    assert_sound(store)


@pytest.mark.parametrize(
    ("score", "message"),
    [
        (11, "$.scaling[].score: must be from 0 to 10"),
        (-1, "$.scaling[].score: must be from 0 to 10"),
        (5.5, "$.scaling[].score: must be a whole number"),
        (True, "$.scaling[].score: must be a whole number"),
        ("7", "$.scaling[].score: must be a whole number"),
    ],
)
def test_set_scale_refusals(store: Store, meeting: Session, score: Any, message: str) -> None:
    refused(store, lambda: meeting.notes.set_scale(REF, MUM, score), RuleViolation, message)


def test_set_scale_needs_a_participant_of_the_conference(store: Store, meeting: Session) -> None:
    refused(
        store,
        lambda: meeting.notes.set_scale(REF, uid("x"), 5),
        NotFound,
        "that participant is not part of this conference",
    )
    refused(
        store,
        lambda: meeting.notes.set_scale(REF, MUM, 5, note=None),
        RuleViolation,
        "must be text",
    )  # type: ignore[arg-type]
