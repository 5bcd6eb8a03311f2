"""The agenda (AgendaService): items added, removed, moved, renamed, and their progress.

Every call is checked for what it returns, what the store then holds, the audit event
it writes, and (for each refusal) its one-line message with nothing changed; the store
stays sound (every row matches its recorded hash) after every kind of change. Who may
call what is the role table's (test_role_table.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import AgendaStatus
from cpc_desktop.services.errors import Conflict, NotFound, RuleViolation
from cpc_desktop.services.session import Session
from tests.helpers.meeting import (
    ITEM,
    REF,
    add_items,
    assert_sound,
    last_event,
    record,
    refused,
)
from tests.helpers.records import uid

# --- the agenda -----------------------------------------------------------------------


def test_add_agenda_item_at_the_end_and_after_another(store: Store, meeting: Session) -> None:
    first = meeting.agenda.add_agenda_item(REF, "Any other business", 5)
    assert (first.key, first.title, first.allowance_minutes) == (
        "custom-1",
        "Any other business",
        5,
    )
    assert first.status is AgendaStatus.PENDING
    event = last_event(store)
    assert (event["action"], event["object_type"], event["object_id"]) == (
        "manage_agenda",
        "agenda_item",
        first.id,
    )
    second = meeting.agenda.add_agenda_item(REF, "Health", 15, after_id=ITEM)
    assert second.key == "custom-2"
    assert [item.id for item in record(store).agenda] == [ITEM, second.id, first.id]
    assert_sound(store)


def test_add_agenda_item_can_bring_back_an_id_and_key(store: Store, meeting: Session) -> None:
    item_id = uid("returning")
    added = meeting.agenda.add_agenda_item(REF, "Reports", 10, item_id=item_id, key="reports")
    assert (added.id, added.key) == (item_id, "reports")
    refused(
        store,
        lambda: meeting.agenda.add_agenda_item(REF, "Again", 10, item_id=item_id),
        Conflict,
        "already in this store",
    )


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"title": "  "}, RuleViolation, "$.agenda[].title: an agenda item needs a title"),
        ({"allowance_minutes": 1441}, RuleViolation, "must be from 0 to 1440"),
        ({"allowance_minutes": -1}, RuleViolation, "must be from 0 to 1440"),
        ({"allowance_minutes": True}, RuleViolation, "must be a whole number"),
        ({"after_id": uid("nowhere")}, NotFound, "not part of this conference"),
        ({"ref": "CPC-1999-0001"}, NotFound, "no conference 'CPC-1999-0001'"),
        ({"item_id": "not-a-uuid"}, RuleViolation, "$.agenda[].id: must be a lower-case UUID"),
        ({"item_id": uid("x").upper()}, RuleViolation, "must be a lower-case UUID"),
        ({"key": ""}, RuleViolation, "an agenda key must not be blank"),
        ({"key": "k" * 61}, RuleViolation, "at most 60"),
    ],
)
def test_add_agenda_item_refusals(
    store: Store, meeting: Session, kwargs: dict[str, Any], error: type, message: str
) -> None:
    args: dict[str, Any] = {"ref": REF, "title": "Item", "allowance_minutes": 5, **kwargs}
    ref, title, minutes = args.pop("ref"), args.pop("title"), args.pop("allowance_minutes")
    refused(
        store, lambda: meeting.agenda.add_agenda_item(ref, title, minutes, **args), error, message
    )


def test_remove_agenda_item(store: Store, meeting: Session) -> None:
    a, b = add_items(meeting, "A", "B")
    meeting.agenda.remove_agenda_item(a.id)
    agenda = record(store).agenda
    assert [item.id for item in agenda] == [ITEM, b.id]
    assert last_event(store)["object_id"] == a.id
    refused(
        store,
        lambda: meeting.agenda.remove_agenda_item(ITEM),
        Conflict,
        "“Reason for the conference” has 2 minute entries; move or delete them",
    )
    refused(
        store, lambda: meeting.agenda.remove_agenda_item(uid("gone")), NotFound, "no agenda item"
    )
    meeting.entries.add_entry(REF, b.id, "one")
    refused(store, lambda: meeting.agenda.remove_agenda_item(b.id), Conflict, "has 1 minute entry;")
    assert_sound(store)


def test_move_agenda_item_renumbers(store: Store, meeting: Session) -> None:
    a, b = add_items(meeting, "A", "B")
    moved = meeting.agenda.move_agenda_item(b.id, 0)
    assert [item.id for item in moved] == [b.id, ITEM, a.id]
    assert record(store).agenda == moved
    assert [item.id for item in meeting.agenda.move_agenda_item(b.id, 2)] == [ITEM, a.id, b.id]
    refused(
        store,
        lambda: meeting.agenda.move_agenda_item(b.id, 3),
        RuleViolation,
        "must be from 0 to 2",
    )
    refused(
        store,
        lambda: meeting.agenda.move_agenda_item(b.id, -1),
        RuleViolation,
        "must be from 0 to 2",
    )
    assert_sound(store)


def test_making_an_item_current_finishes_the_current_one(store: Store, meeting: Session) -> None:
    (a,) = add_items(meeting, "A")
    agenda = meeting.agenda.set_agenda_status(a.id, AgendaStatus.CURRENT)
    assert [item.status for item in agenda] == [AgendaStatus.DONE, AgendaStatus.CURRENT]
    agenda = meeting.agenda.set_agenda_status(a.id, "skipped")  # type: ignore[arg-type]
    assert [item.status for item in agenda] == [AgendaStatus.DONE, AgendaStatus.SKIPPED]
    assert record(store).agenda == agenda
    refused(
        store,
        lambda: meeting.agenda.set_agenda_status(a.id, "paused"),  # type: ignore[arg-type]
        RuleViolation,
        "'paused' is not one of: pending, current, done, skipped",
    )
    assert_sound(store)


def test_update_agenda_item(store: Store, meeting: Session) -> None:
    item = meeting.agenda.update_agenda_item(ITEM, title="Why we are here", allowance_minutes=20)
    assert (item.title, item.allowance_minutes, item.not_obtained_reason) == (
        "Why we are here",
        20,
        None,
    )
    item = meeting.agenda.update_agenda_item(ITEM, not_obtained_reason="The child is a baby.")
    assert (item.title, item.not_obtained_reason) == ("Why we are here", "The child is a baby.")
    assert (
        meeting.agenda.update_agenda_item(ITEM, not_obtained_reason="   ").not_obtained_reason
        is None
    )
    unchanged = meeting.agenda.update_agenda_item(ITEM)
    assert unchanged == record(store).agenda[0]
    assert unchanged.title == "Why we are here"
    refused(
        store,
        lambda: meeting.agenda.update_agenda_item(ITEM, title=""),
        RuleViolation,
        "needs a title",
    )
    refused(
        store,
        lambda: meeting.agenda.update_agenda_item(ITEM, allowance_minutes=2000),
        RuleViolation,
        "$.agenda[].allowance_minutes: must be from 0 to 1440",
    )
    refused(
        store,
        lambda: meeting.agenda.update_agenda_item(uid("gone"), title="x"),
        NotFound,
        "no agenda item",
    )
    assert_sound(store)


def test_setting_the_same_status_changes_nothing(store: Store, meeting: Session) -> None:
    before = record(store).agenda
    assert meeting.agenda.set_agenda_status(ITEM, AgendaStatus.CURRENT) == before
    assert record(store).agenda == before
