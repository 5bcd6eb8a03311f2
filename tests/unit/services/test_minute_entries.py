"""Minute entries (MinuteEntryService): added, autosaved, changed, deleted, restored, read.

Every call is checked for what it returns, what the store then holds, the audit event
it writes (never minute text), and (for each refusal) its one-line message with nothing
changed. Who may call what is the role table's (test_role_table.py).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import (
    AnalysisSection,
    Tag,
)
from cpc_desktop.services.agenda import AgendaService
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import Conflict, NotFound, PermissionDenied, RuleViolation
from cpc_desktop.services.meeting_notes import MeetingNotesService
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.parts import UNCHANGED
from cpc_desktop.services.roll_call import RollCallService
from cpc_desktop.services.search import SearchService
from cpc_desktop.services.session import Session
from tests.helpers.meeting import (
    CHAIR,
    ITEM,
    M1,
    M2,
    MINUTER,
    POLICE,
    REF,
    SW,
    add_items,
    assert_sound,
    events,
    last_event,
    record,
    refused,
    services,
)
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, store_location

# --- minutes --------------------------------------------------------------------------


def test_add_entry_follows_its_agenda_item(store: Store, meeting: Session) -> None:
    (other,) = add_items(meeting, "Other")
    late = meeting.entries.add_entry(REF, other.id, "About something else")
    first = meeting.entries.add_entry(
        REF,
        ITEM,
        "Harm: missed appointments",
        speaker_id=SW,
        tag=Tag.FACT,
        restricted=True,
        section=AnalysisSection.HARM,
    )
    event = last_event(store)
    assert (event["action"], event["object_type"]) == ("write_minutes", "minute_entry")
    assert event["object_id"] == first.id
    assert (first.author, first.speaker_id, first.tag, first.section) == (
        "Alex Chair",
        SW,
        Tag.FACT,
        AnalysisSection.HARM,
    )
    assert first.created_at == first.updated_at
    assert [e.id for e in meeting.entries.entries(REF)] == [M1, M2, first.id, late.id]
    assert record(store).minutes == meeting.entries.entries(REF)
    assert_sound(store)


def test_add_entry_at_an_index_moves_the_rest_down(store: Store, meeting: Session) -> None:
    top = meeting.entries.add_entry(REF, ITEM, "First of all", index=0)
    end = meeting.entries.add_entry(REF, ITEM, "At the end", index=3)
    assert [e.id for e in meeting.entries.entries(REF)] == [top.id, M1, M2, end.id]
    with store.engine.connect() as conn:
        positions = conn.exec_driver_sql(
            "select position from minute_entry order by position"
        ).scalars()
        assert list(positions) == [0, 1, 2, 3]
    assert_sound(store)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"index": 3}, RuleViolation, "$.minutes[].position: must be from 0 to 2"),
        ({"index": -1}, RuleViolation, "must be from 0 to 2"),
        ({"agenda_item_id": uid("nope")}, NotFound, "that agenda item is not part of"),
        ({"speaker_id": uid("nope")}, NotFound, "that speaker is not part of this conference"),
        ({"tag": "rumour"}, RuleViolation, "$.minutes[].tag: 'rumour' is not one of"),
        ({"section": "worries"}, RuleViolation, "$.minutes[].section: 'worries' is not one of"),
        ({"restricted": 1}, RuleViolation, "$.minutes[].restricted: must be true or false"),
        ({"text": None}, RuleViolation, "$.minutes[].text: must be text"),
    ],
)
def test_add_entry_refusals(
    store: Store, meeting: Session, kwargs: dict[str, Any], error: type, message: str
) -> None:
    args: dict[str, Any] = {"agenda_item_id": ITEM, "text": "x", **kwargs}
    item, text = args.pop("agenda_item_id"), args.pop("text")
    refused(store, lambda: meeting.entries.add_entry(REF, item, text, **args), error, message)


def test_add_entry_refuses_another_conferences_speaker(store: Store, meeting: Session) -> None:
    ConferenceService(store, CHAIR, TickingClock()).import_record(
        small_record("CPC-2026-0077", salt="other-")
    )
    refused(
        store,
        lambda: meeting.entries.add_entry(REF, ITEM, "x", speaker_id=uid("other-sw")),
        NotFound,
        "that speaker is not part of this conference",
    )
    refused(
        store,
        lambda: meeting.entries.add_entry(REF, uid("other-item"), "x"),
        NotFound,
        "that agenda item is not part of this conference",
    )


def test_save_text_is_one_update_and_one_audit_event(store: Store, meeting: Session) -> None:
    before = record(store).minutes[0]
    audit_before = len(events(store))
    saved = meeting.entries.save_text(M1, "Sam visited on Tuesday.")
    assert saved == dataclasses.replace(
        before,
        text="Sam visited on Tuesday.",
        updated_at=saved.updated_at,
        changes=((saved.updated_at, saved.updated_at),),  # the moment, in its history
    )
    assert saved.updated_at != before.updated_at
    assert record(store).minutes[0] == saved
    new = events(store)[audit_before:]
    assert len(new) == 1
    assert (new[0]["action"], new[0]["object_type"], new[0]["object_id"]) == (
        "write_minutes",
        "minute_entry",
        M1,
    )
    assert M1 in new[0]["rows"] and "Tuesday" not in new[0]["rows"]
    assert_sound(store)


def test_save_text_refusals(store: Store, meeting: Session) -> None:
    refused(store, lambda: meeting.entries.save_text(uid("nope"), "x"), NotFound, "no minute entry")
    refused(store, lambda: meeting.entries.save_text(M1, None), RuleViolation, "must be text")  # type: ignore[arg-type]


def test_save_text_keeps_megabytes_and_hostile_text(store: Store, meeting: Session) -> None:
    hostile = "<b>\u202eمرحبا\x00 👩\u200d👧 " + "ש" * 1_000_000
    if not store.file_backed:  # PostgreSQL text cannot hold NUL: refused, nothing saved
        with pytest.raises(StoreError, match="cannot hold a value"):
            meeting.entries.save_text(M1, hostile)
        hostile = hostile.replace("\x00", "")
    assert meeting.entries.save_text(M1, hostile).text == hostile
    assert meeting.entries.entry(M1).text == hostile
    assert_sound(store)


def test_update_entry(store: Store, meeting: Session) -> None:
    before = meeting.entries.entry(M1)
    changed = meeting.entries.update_entry(
        M1, speaker_id=POLICE, tag=None, restricted=True, section=AnalysisSection.DANGER
    )
    assert (changed.speaker_id, changed.tag, changed.restricted, changed.section) == (
        POLICE,
        None,
        True,
        AnalysisSection.DANGER,
    )
    assert changed.text == before.text and changed.updated_at != before.updated_at
    same = meeting.entries.update_entry(M1, section="danger")  # type: ignore[arg-type]
    assert same == changed  # nothing differed: not even updated_at moves
    assert meeting.entries.update_entry(M1, speaker_id=None, section=None).speaker_id is None
    assert meeting.entries.update_entry(M1, tag=UNCHANGED).tag is None
    assert record(store).minutes[0] == meeting.entries.entry(M1)
    assert_sound(store)


def test_update_entry_refusals(store: Store, meeting: Session) -> None:
    refused(
        store, lambda: meeting.entries.update_entry(M1, speaker_id=uid("x")), NotFound, "speaker"
    )
    refused(
        store, lambda: meeting.entries.update_entry(M1, tag="gossip"), RuleViolation, "not one of"
    )  # type: ignore[arg-type]
    refused(
        store,
        lambda: meeting.entries.update_entry(M1, restricted=None),
        RuleViolation,
        "true or false",
    )  # type: ignore[arg-type]
    refused(
        store, lambda: meeting.entries.update_entry(M1, section=3), RuleViolation, "3 is not one of"
    )  # type: ignore[arg-type]
    refused(
        store, lambda: meeting.entries.update_entry(uid("x"), tag=None), NotFound, "no minute entry"
    )


def test_delete_entry_unlinks_its_actions(store: Store, meeting: Session) -> None:
    action = meeting.notes.add_action(REF, "Sam Worker", "Book the medical", minute_entry_id=M1)
    extra = meeting.entries.add_entry(REF, ITEM, "Third")
    meeting.entries.delete_entry(M1)
    assert [e.id for e in meeting.entries.entries(REF)] == [M2, extra.id]
    kept = record(store).actions
    assert kept == (dataclasses.replace(action, minute_entry_id=None),)
    refused(store, lambda: meeting.entries.delete_entry(M1), NotFound, "no minute entry")
    assert_sound(store)


def test_restore_entry_brings_back_a_deleted_entry(store: Store, meeting: Session) -> None:
    original = meeting.entries.entry(M2)
    meeting.entries.delete_entry(M2)
    back = meeting.entries.restore_entry(REF, original, after_id=M1)
    assert back == original
    assert meeting.entries.entries(REF)[1] == original
    meeting.entries.delete_entry(M1)
    first = small_record().minutes[0]
    assert meeting.entries.restore_entry(REF, first, index=0) == first
    assert [e.id for e in meeting.entries.entries(REF)] == [M1, M2]
    meeting.entries.delete_entry(M2)
    assert meeting.entries.restore_entry(REF, original) == original  # after the last of its item
    assert [e.id for e in meeting.entries.entries(REF)] == [M1, M2]
    refused(
        store,
        lambda: meeting.entries.restore_entry(REF, original),
        Conflict,
        "already in this store",
    )
    refused(
        store,
        lambda: meeting.entries.restore_entry(REF, dataclasses.replace(original, id="x")),
        RuleViolation,
        "$.minutes[].id: must be a lower-case UUID",
    )
    refused(
        store,
        lambda: meeting.entries.restore_entry(
            REF, dataclasses.replace(original, id=uid("new"), created_at=datetime(2026, 1, 1))
        ),
        RuleViolation,
        "$.minutes[].created_at: must be a time with its time zone",
    )
    refused(
        store,
        lambda: meeting.entries.restore_entry(REF, "text"),  # type: ignore[arg-type]
        RuleViolation,
        "must be a minute entry",
    )
    refused(
        store,
        lambda: meeting.entries.restore_entry(
            REF, dataclasses.replace(original, id=uid("n2")), after_id=uid("q")
        ),
        NotFound,
        "that minute entry is not part of this conference",
    )
    assert_sound(store)


def test_entries_and_entry_are_audited_as_views(store: Store, meeting: Session) -> None:
    assert [e.id for e in meeting.entries.entries(REF)] == [M1, M2]
    event = last_event(store)
    assert (event["action"], event["object_type"], event["object_id"]) == (
        "view",
        "minute_entry",
        uid("conf"),
    )
    assert meeting.entries.entry(M2).restricted
    assert (last_event(store)["action"], last_event(store)["object_id"]) == ("view", M2)
    refused(store, lambda: meeting.entries.entry(uid("x")), NotFound, "no minute entry")
    refused(store, lambda: meeting.entries.entries("CPC-0"), NotFound, "no conference")


def test_the_minute_taker_runs_the_minutes_but_not_the_agenda(store: Store) -> None:
    meeting = services(store, MINUTER)
    entry = meeting.entries.add_entry(REF, ITEM, "Typed by the minute-taker", section="harm")  # type: ignore[arg-type]
    assert entry.author == "Morgan Minutes"
    meeting.entries.save_text(entry.id, "Typed and saved")
    meeting.notes.set_scale(REF, SW, 7)
    meeting.notes.add_action(REF, "Sam", "Visit", minute_entry_id=entry.id)
    with pytest.raises(PermissionDenied, match="Morgan Minutes \\(minute taker\\) may not"):
        meeting.agenda.move_agenda_item(ITEM, 0)
    assert_sound(store)


def test_the_session_offers_one_owner_per_part(tmp_path: Path) -> None:
    from cpc_desktop.services.session import open_session

    path = store_location(tmp_path, "s.db")
    with open_session(path, "a passphrase for tests", create=True, user="Alex Chair") as session:
        session.conferences.import_record(small_record())
        owners = {
            "agenda": AgendaService,
            "roll_call": RollCallService,
            "entries": MinuteEntryService,
            "notes": MeetingNotesService,
            "search": SearchService,
        }
        for name, cls in owners.items():
            assert type(getattr(session, name)) is cls
            assert getattr(session, name).actor == session.actor
        assert not hasattr(session, "workspace")  # no service mixes the parts again
        assert [e.id for e in session.entries.entries(REF)] == [M1, M2]
