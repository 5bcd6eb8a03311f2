"""The live workspace: agenda, roll call, minutes, actions, scaling, search, readiness.

Every call is checked for what it returns, what the store then holds, the audit event
it writes, and (for each refusal) its one-line message with nothing changed. The audit
log never holds minute text or what someone searched for, and the store stays sound
(every row matches its recorded hash) after every kind of change.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cpc_desktop.data import integrity, repository
from cpc_desktop.data import models as m
from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AnalysisSection,
    AttendanceKind,
    ChildParticipation,
    ConferenceType,
    ParticipantRole,
    Tag,
    UserRole,
    View,
)
from cpc_desktop.services.conferences import ConferenceService, NewChild, NewConference
from cpc_desktop.services.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ServiceError,
)
from cpc_desktop.services.roles import PERMISSIONS, Action, Actor
from cpc_desktop.services.workspace import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SNIPPET_LENGTH,
    UNCHANGED,
    SearchHit,
    WorkspaceService,
    split_snippet,
)
from tests.helpers.records import CANARY, small_record, uid
from tests.helpers.stores import TickingClock, new_store, store_location

REF = "CPC-2026-0042"
CHAIR = Actor("Alex Chair", UserRole.CHAIR)
MINUTER = Actor("Morgan Minutes", UserRole.MINUTE_TAKER)
READER = Actor("Robin Reader", UserRole.READ_ONLY)
ITEM, SW, MUM, POLICE = uid("item"), uid("sw"), uid("mum"), uid("police")
M1, M2 = uid("m1"), uid("m2")
AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(small_record())
    yield store
    store.close()


@pytest.fixture
def ws(store: Store) -> WorkspaceService:
    return WorkspaceService(store, CHAIR, TickingClock())


def service(store: Store, actor: Actor) -> WorkspaceService:
    return WorkspaceService(store, actor, TickingClock())


def record(store: Store) -> d.ConferenceRecord:
    with store.session() as session:
        loaded = repository.load_record(session, uid("conf"))
    assert loaded is not None
    return loaded


def events(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select * from audit_event order by seq").mappings().all()
    return [dict(row) for row in rows]


def last_event(store: Store) -> dict[str, Any]:
    return events(store)[-1]


def assert_sound(store: Store) -> None:
    report = integrity.check(store)
    assert report.sound, report.problems


def refused(
    store: Store,
    call: Callable[[], object],
    error: type[ServiceError],
    message: str,
) -> None:
    """``call`` raises ``error`` whose one line contains ``message``; nothing changes."""
    before, audit_before = record(store), len(events(store))
    with pytest.raises(error) as caught:
        call()
    assert message in caught.value.message, caught.value.message
    assert "\n" not in caught.value.message
    assert record(store) == before
    assert len(events(store)) == audit_before


def add_items(ws: WorkspaceService, *titles: str) -> list[d.AgendaItem]:
    return [ws.add_agenda_item(REF, title, 5) for title in titles]


# --- the agenda -----------------------------------------------------------------------


def test_add_agenda_item_at_the_end_and_after_another(store: Store, ws: WorkspaceService) -> None:
    first = ws.add_agenda_item(REF, "Any other business", 5)
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
    second = ws.add_agenda_item(REF, "Health", 15, after_id=ITEM)
    assert second.key == "custom-2"
    assert [item.id for item in record(store).agenda] == [ITEM, second.id, first.id]
    assert_sound(store)


def test_add_agenda_item_can_bring_back_an_id_and_key(store: Store, ws: WorkspaceService) -> None:
    item_id = uid("returning")
    added = ws.add_agenda_item(REF, "Reports", 10, item_id=item_id, key="reports")
    assert (added.id, added.key) == (item_id, "reports")
    refused(
        store,
        lambda: ws.add_agenda_item(REF, "Again", 10, item_id=item_id),
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
    store: Store, ws: WorkspaceService, kwargs: dict[str, Any], error: type, message: str
) -> None:
    args: dict[str, Any] = {"ref": REF, "title": "Item", "allowance_minutes": 5, **kwargs}
    ref, title, minutes = args.pop("ref"), args.pop("title"), args.pop("allowance_minutes")
    refused(store, lambda: ws.add_agenda_item(ref, title, minutes, **args), error, message)


def test_remove_agenda_item(store: Store, ws: WorkspaceService) -> None:
    a, b = add_items(ws, "A", "B")
    ws.remove_agenda_item(a.id)
    agenda = record(store).agenda
    assert [item.id for item in agenda] == [ITEM, b.id]
    assert last_event(store)["object_id"] == a.id
    refused(
        store,
        lambda: ws.remove_agenda_item(ITEM),
        Conflict,
        "“Reason for the conference” has 2 minute entries; move or delete them",
    )
    refused(store, lambda: ws.remove_agenda_item(uid("gone")), NotFound, "no agenda item")
    ws.add_entry(REF, b.id, "one")
    refused(store, lambda: ws.remove_agenda_item(b.id), Conflict, "has 1 minute entry;")
    assert_sound(store)


def test_move_agenda_item_renumbers(store: Store, ws: WorkspaceService) -> None:
    a, b = add_items(ws, "A", "B")
    moved = ws.move_agenda_item(b.id, 0)
    assert [item.id for item in moved] == [b.id, ITEM, a.id]
    assert record(store).agenda == moved
    assert [item.id for item in ws.move_agenda_item(b.id, 2)] == [ITEM, a.id, b.id]
    refused(store, lambda: ws.move_agenda_item(b.id, 3), RuleViolation, "must be from 0 to 2")
    refused(store, lambda: ws.move_agenda_item(b.id, -1), RuleViolation, "must be from 0 to 2")
    assert_sound(store)


def test_making_an_item_current_finishes_the_current_one(
    store: Store, ws: WorkspaceService
) -> None:
    (a,) = add_items(ws, "A")
    agenda = ws.set_agenda_status(a.id, AgendaStatus.CURRENT)
    assert [item.status for item in agenda] == [AgendaStatus.DONE, AgendaStatus.CURRENT]
    agenda = ws.set_agenda_status(a.id, "skipped")  # type: ignore[arg-type]
    assert [item.status for item in agenda] == [AgendaStatus.DONE, AgendaStatus.SKIPPED]
    assert record(store).agenda == agenda
    refused(
        store,
        lambda: ws.set_agenda_status(a.id, "paused"),  # type: ignore[arg-type]
        RuleViolation,
        "'paused' is not one of: pending, current, done, skipped",
    )
    assert_sound(store)


def test_update_agenda_item(store: Store, ws: WorkspaceService) -> None:
    item = ws.update_agenda_item(ITEM, title="Why we are here", allowance_minutes=20)
    assert (item.title, item.allowance_minutes, item.not_obtained_reason) == (
        "Why we are here",
        20,
        None,
    )
    item = ws.update_agenda_item(ITEM, not_obtained_reason="The child is a baby.")
    assert (item.title, item.not_obtained_reason) == ("Why we are here", "The child is a baby.")
    assert ws.update_agenda_item(ITEM, not_obtained_reason="   ").not_obtained_reason is None
    unchanged = ws.update_agenda_item(ITEM)
    assert unchanged == record(store).agenda[0]
    assert unchanged.title == "Why we are here"
    refused(store, lambda: ws.update_agenda_item(ITEM, title=""), RuleViolation, "needs a title")
    refused(
        store,
        lambda: ws.update_agenda_item(ITEM, allowance_minutes=2000),
        RuleViolation,
        "$.agenda[].allowance_minutes: must be from 0 to 1440",
    )
    refused(
        store,
        lambda: ws.update_agenda_item(uid("gone"), title="x"),
        NotFound,
        "no agenda item",
    )
    assert_sound(store)


# --- the roll call --------------------------------------------------------------------


def test_update_participant(store: Store, ws: WorkspaceService) -> None:
    changed = ws.update_participant(
        POLICE,
        name="DC Dee",
        role=ParticipantRole.PROFESSIONAL,
        agency="Police (CAIT)",
        report_received=date(2026, 11, 18),
        direct_contact=False,
        interpreter_language="  ",
    )
    assert (changed.name, changed.agency, changed.direct_contact) == (
        "DC Dee",
        "Police (CAIT)",
        False,
    )
    assert changed.report_received == date(2026, 11, 18)
    assert changed.interpreter_language is None
    assert record(store).participants[1] == changed
    event = last_event(store)
    assert (event["action"], event["object_type"], event["object_id"]) == (
        "record_attendance",
        "participant",
        POLICE,
    )
    assert_sound(store)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": uid("other")}, "$.participants[].id: cannot be changed here"),
        ({"attendance": ()}, "$.participants[].attendance: cannot be changed here"),
        ({"shoe_size": 9}, "$.participants[].shoe_size: cannot be changed here"),
        ({"name": " "}, "$.participants[].name: a participant needs a name"),
        ({"name": "x" * 201}, "too long (201 characters; at most 200)"),
        ({"name": 7}, "$.participants[].name: must be text"),
        ({"role": "judge"}, "'judge' is not one of: chair"),
        ({"invited": "yes"}, "$.participants[].invited: must be true or false"),
        ({"report_received": AT}, "$.participants[].report_received: must be a calendar date"),
        ({"report_shared_with_family": "2026-11-01"}, "must be a calendar date"),
    ],
)
def test_update_participant_refusals(
    store: Store, ws: WorkspaceService, changes: dict[str, Any], message: str
) -> None:
    refused(store, lambda: ws.update_participant(POLICE, **changes), RuleViolation, message)


def test_update_unknown_participant(store: Store, ws: WorkspaceService) -> None:
    refused(store, lambda: ws.update_participant(uid("x"), name="A"), NotFound, "no participant")


def test_remove_participant_with_their_attendance(store: Store, ws: WorkspaceService) -> None:
    ws.update_entry(M2, speaker_id=None)  # PC Dee no longer spoke
    ws.remove_participant(POLICE)
    people = record(store).participants
    assert [p.id for p in people] == [SW, MUM]
    ws.update_entry(M1, speaker_id=None)
    ws.remove_participant(SW)
    assert [p.id for p in record(store).participants] == [MUM]
    with store.engine.connect() as conn:
        left = conn.exec_driver_sql("select id from attendance_event").scalars().all()
    assert left == [uid("a2")]  # Sam Worker's attendance went with them
    assert_sound(store)


def test_remove_participant_refusals(store: Store, ws: WorkspaceService) -> None:
    refused(
        store,
        lambda: ws.remove_participant(SW),
        Conflict,
        "Sam Worker cannot be removed from the roll call: they spoke in the minutes",
    )
    child = uid("child")
    ConferenceService(store, CHAIR, TickingClock()).record_decision(
        REF,
        d.Decision(
            id=uid("dec"),
            child_id=child,
            views=(d.AgencyView(uid("v1"), MUM, View.UNSURE),),
            dissents=(d.Dissent(uid("d1"), POLICE, "More is needed."),),
            core_group=(uid("newcomer"),),
        ),
    )
    ws.update_entry(M2, speaker_id=None)
    refused(store, lambda: ws.remove_participant(MUM), Conflict, "a view of theirs is recorded")
    refused(store, lambda: ws.remove_participant(POLICE), Conflict, "a dissent of theirs")
    refused(store, lambda: ws.remove_participant(uid("nobody")), NotFound, "no participant")


def test_remove_participant_refused_for_scale_lead_and_core_group(
    store: Store, ws: WorkspaceService
) -> None:
    ws.update_entry(M2, speaker_id=None)
    ws.set_scale(REF, POLICE, 4)
    refused(
        store,
        lambda: ws.remove_participant(POLICE),
        Conflict,
        "they gave a safety scale (clear it first)",
    )
    ws.set_scale(REF, POLICE, None)
    ConferenceService(store, CHAIR, TickingClock()).record_decision(
        REF, d.Decision(id=uid("dec"), child_id=uid("child"), core_group=(POLICE,))
    )
    refused(store, lambda: ws.remove_participant(POLICE), Conflict, "they are in a core group")
    ConferenceService(store, CHAIR, TickingClock()).record_decision(
        REF, d.Decision(id=uid("dec2"), child_id=uid("child"), lead_social_worker_id=POLICE)
    )
    refused(store, lambda: ws.remove_participant(POLICE), Conflict, "a lead social worker")


def test_remove_attendance(store: Store, ws: WorkspaceService) -> None:
    extra = ConferenceService(store, CHAIR, TickingClock()).record_attendance(
        SW, AttendanceKind.LEFT, AT + timedelta(hours=1)
    )
    ws.remove_attendance(uid("a1"))
    (sam,) = (p for p in record(store).participants if p.id == SW)
    assert [event.id for event in sam.attendance] == [extra.id]
    assert last_event(store)["object_type"] == "attendance_event"
    refused(store, lambda: ws.remove_attendance(uid("a1")), NotFound, "no attendance event")
    assert_sound(store)


def test_end_exclusion(store: Store, ws: WorkspaceService) -> None:
    until = AT + timedelta(minutes=45)
    ended = ws.end_exclusion(uid("a2"), until)
    assert ended.until == until
    (mum,) = (p for p in record(store).participants if p.id == MUM)
    assert mum.attendance[0] == ended
    refused(
        store,
        lambda: ws.end_exclusion(uid("a1"), until),
        RuleViolation,
        "only an exclusion can be ended",
    )
    refused(
        store,
        lambda: ws.end_exclusion(uid("a2"), AT),
        RuleViolation,
        "an exclusion must end after it starts",
    )
    refused(
        store,
        lambda: ws.end_exclusion(uid("a2"), datetime(2026, 11, 20, 11)),
        RuleViolation,
        "must be a time with its time zone",
    )
    refused(store, lambda: ws.end_exclusion(uid("zz"), until), NotFound, "no attendance event")
    assert_sound(store)


def test_set_child_participation(store: Store, ws: WorkspaceService) -> None:
    child = uid("child")
    refused(
        store,
        lambda: ws.set_child_participation(child, ChildParticipation.NOT_TAKING_PART, " "),
        RuleViolation,
        "$.children[].participation_reason: say why the child is not taking part",
    )
    done = ws.set_child_participation(
        child, ChildParticipation.NOT_TAKING_PART, "She is three years old."
    )
    assert (done.participation, done.participation_reason) == (
        ChildParticipation.NOT_TAKING_PART,
        "She is three years old.",
    )
    done = ws.set_child_participation(child, ChildParticipation.WRITTEN_OR_DRAWN, "")
    assert (done.participation, done.participation_reason) == (
        ChildParticipation.WRITTEN_OR_DRAWN,
        None,
    )
    assert record(store).children[0] == done
    assert ws.set_child_participation(child, None, None).participation is None
    refused(
        store,
        lambda: ws.set_child_participation(child, "singing", None),  # type: ignore[arg-type]
        RuleViolation,
        "'singing' is not one of",
    )
    refused(
        store,
        lambda: ws.set_child_participation(uid("x"), None, None),
        NotFound,
        "no child",
    )
    assert_sound(store)


def test_set_quorum_reason(store: Store, ws: WorkspaceService) -> None:
    conference = ws.set_quorum_reason(REF, "Police could not attend; the chair went ahead.")
    assert conference.quorum_reason == "Police could not attend; the chair went ahead."
    assert record(store).conference == conference
    assert ws.set_quorum_reason(REF, "  ").quorum_reason is None
    event = last_event(store)
    assert (event["action"], event["object_id"]) == ("edit_conference", uid("conf"))
    refused(store, lambda: ws.set_quorum_reason("nope", "x"), NotFound, "no conference")
    assert_sound(store)


# --- minutes --------------------------------------------------------------------------


def test_add_entry_follows_its_agenda_item(store: Store, ws: WorkspaceService) -> None:
    (other,) = add_items(ws, "Other")
    late = ws.add_entry(REF, other.id, "About something else")
    first = ws.add_entry(
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
    assert [e.id for e in ws.entries(REF)] == [M1, M2, first.id, late.id]
    assert record(store).minutes == ws.entries(REF)
    assert_sound(store)


def test_add_entry_at_an_index_moves_the_rest_down(store: Store, ws: WorkspaceService) -> None:
    top = ws.add_entry(REF, ITEM, "First of all", index=0)
    end = ws.add_entry(REF, ITEM, "At the end", index=3)
    assert [e.id for e in ws.entries(REF)] == [top.id, M1, M2, end.id]
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
    store: Store, ws: WorkspaceService, kwargs: dict[str, Any], error: type, message: str
) -> None:
    args: dict[str, Any] = {"agenda_item_id": ITEM, "text": "x", **kwargs}
    item, text = args.pop("agenda_item_id"), args.pop("text")
    refused(store, lambda: ws.add_entry(REF, item, text, **args), error, message)


def test_add_entry_refuses_another_conferences_speaker(store: Store, ws: WorkspaceService) -> None:
    ConferenceService(store, CHAIR, TickingClock()).import_record(
        small_record("CPC-2026-0077", salt="other-")
    )
    refused(
        store,
        lambda: ws.add_entry(REF, ITEM, "x", speaker_id=uid("other-sw")),
        NotFound,
        "that speaker is not part of this conference",
    )
    refused(
        store,
        lambda: ws.add_entry(REF, uid("other-item"), "x"),
        NotFound,
        "that agenda item is not part of this conference",
    )


def test_save_text_is_one_update_and_one_audit_event(store: Store, ws: WorkspaceService) -> None:
    before = record(store).minutes[0]
    audit_before = len(events(store))
    saved = ws.save_text(M1, "Sam visited on Tuesday.")
    assert saved == dataclasses.replace(
        before, text="Sam visited on Tuesday.", updated_at=saved.updated_at
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


def test_save_text_refusals(store: Store, ws: WorkspaceService) -> None:
    refused(store, lambda: ws.save_text(uid("nope"), "x"), NotFound, "no minute entry")
    refused(store, lambda: ws.save_text(M1, None), RuleViolation, "must be text")  # type: ignore[arg-type]


def test_save_text_keeps_megabytes_and_hostile_text(store: Store, ws: WorkspaceService) -> None:
    hostile = "<b>\u202eمرحبا\x00 👩\u200d👧 " + "ש" * 1_000_000
    if not store.file_backed:  # PostgreSQL text cannot hold NUL: refused, nothing saved
        with pytest.raises(StoreError, match="cannot hold a value"):
            ws.save_text(M1, hostile)
        hostile = hostile.replace("\x00", "")
    assert ws.save_text(M1, hostile).text == hostile
    assert ws.entry(M1).text == hostile
    assert_sound(store)


def test_update_entry(store: Store, ws: WorkspaceService) -> None:
    before = ws.entry(M1)
    changed = ws.update_entry(
        M1, speaker_id=POLICE, tag=None, restricted=True, section=AnalysisSection.DANGER
    )
    assert (changed.speaker_id, changed.tag, changed.restricted, changed.section) == (
        POLICE,
        None,
        True,
        AnalysisSection.DANGER,
    )
    assert changed.text == before.text and changed.updated_at != before.updated_at
    same = ws.update_entry(M1, section="danger")  # type: ignore[arg-type]
    assert same == changed  # nothing differed: not even updated_at moves
    assert ws.update_entry(M1, speaker_id=None, section=None).speaker_id is None
    assert ws.update_entry(M1, tag=UNCHANGED).tag is None
    assert record(store).minutes[0] == ws.entry(M1)
    assert_sound(store)


def test_update_entry_refusals(store: Store, ws: WorkspaceService) -> None:
    refused(store, lambda: ws.update_entry(M1, speaker_id=uid("x")), NotFound, "speaker")
    refused(store, lambda: ws.update_entry(M1, tag="gossip"), RuleViolation, "not one of")  # type: ignore[arg-type]
    refused(store, lambda: ws.update_entry(M1, restricted=None), RuleViolation, "true or false")  # type: ignore[arg-type]
    refused(store, lambda: ws.update_entry(M1, section=3), RuleViolation, "3 is not one of")  # type: ignore[arg-type]
    refused(store, lambda: ws.update_entry(uid("x"), tag=None), NotFound, "no minute entry")


def test_delete_entry_unlinks_its_actions(store: Store, ws: WorkspaceService) -> None:
    action = ws.add_action(REF, "Sam Worker", "Book the medical", minute_entry_id=M1)
    extra = ws.add_entry(REF, ITEM, "Third")
    ws.delete_entry(M1)
    assert [e.id for e in ws.entries(REF)] == [M2, extra.id]
    kept = record(store).actions
    assert kept == (dataclasses.replace(action, minute_entry_id=None),)
    refused(store, lambda: ws.delete_entry(M1), NotFound, "no minute entry")
    assert_sound(store)


def test_restore_entry_brings_back_a_deleted_entry(store: Store, ws: WorkspaceService) -> None:
    original = ws.entry(M2)
    ws.delete_entry(M2)
    back = ws.restore_entry(REF, original, after_id=M1)
    assert back == original
    assert ws.entries(REF)[1] == original
    ws.delete_entry(M1)
    first = small_record().minutes[0]
    assert ws.restore_entry(REF, first, index=0) == first
    assert [e.id for e in ws.entries(REF)] == [M1, M2]
    ws.delete_entry(M2)
    assert ws.restore_entry(REF, original) == original  # after the last of its item
    assert [e.id for e in ws.entries(REF)] == [M1, M2]
    refused(store, lambda: ws.restore_entry(REF, original), Conflict, "already in this store")
    refused(
        store,
        lambda: ws.restore_entry(REF, dataclasses.replace(original, id="x")),
        RuleViolation,
        "$.minutes[].id: must be a lower-case UUID",
    )
    refused(
        store,
        lambda: ws.restore_entry(
            REF, dataclasses.replace(original, id=uid("new"), created_at=datetime(2026, 1, 1))
        ),
        RuleViolation,
        "$.minutes[].created_at: must be a time with its time zone",
    )
    refused(
        store,
        lambda: ws.restore_entry(REF, "text"),  # type: ignore[arg-type]
        RuleViolation,
        "must be a minute entry",
    )
    refused(
        store,
        lambda: ws.restore_entry(
            REF, dataclasses.replace(original, id=uid("n2")), after_id=uid("q")
        ),
        NotFound,
        "that minute entry is not part of this conference",
    )
    assert_sound(store)


def test_entries_and_entry_are_audited_as_views(store: Store, ws: WorkspaceService) -> None:
    assert [e.id for e in ws.entries(REF)] == [M1, M2]
    event = last_event(store)
    assert (event["action"], event["object_type"], event["object_id"]) == (
        "view",
        "minute_entry",
        uid("conf"),
    )
    assert ws.entry(M2).restricted
    assert (last_event(store)["action"], last_event(store)["object_id"]) == ("view", M2)
    refused(store, lambda: ws.entry(uid("x")), NotFound, "no minute entry")
    refused(store, lambda: ws.entries("CPC-0"), NotFound, "no conference")


# --- actions noted in the minutes ----------------------------------------------------


def test_actions_are_added_changed_and_deleted(store: Store, ws: WorkspaceService) -> None:
    first = ws.add_action(REF, "Sam Worker", "Visit weekly", date(2026, 12, 1), minute_entry_id=M1)
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
    second = ws.add_action(REF, "Health visitor", "Weigh the baby")
    assert second.due_date is None and second.minute_entry_id is None
    changed = ws.update_action(
        second.id, owner="School nurse", due_date=date(2026, 12, 5), minute_entry_id=M2
    )
    assert (changed.owner, changed.action, changed.due_date, changed.minute_entry_id) == (
        "School nurse",
        "Weigh the baby",
        date(2026, 12, 5),
        M2,
    )
    assert ws.update_action(second.id, minute_entry_id=None, due_date=None).due_date is None
    renamed = ws.update_action(second.id, action="Weigh Ava")
    assert record(store).actions == (first, renamed)
    ws.delete_action(first.id)
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
    store: Store, ws: WorkspaceService, owner: str, action: str, due: Any, message: str
) -> None:
    refused(store, lambda: ws.add_action(REF, owner, action, due), RuleViolation, message)


def test_action_references_must_be_in_the_conference(store: Store, ws: WorkspaceService) -> None:
    refused(
        store,
        lambda: ws.add_action(REF, "Sam", "Visit", minute_entry_id=uid("x")),
        NotFound,
        "that minute entry is not part of this conference",
    )
    action = ws.add_action(REF, "Sam", "Visit")
    refused(
        store,
        lambda: ws.update_action(action.id, minute_entry_id=uid("x")),
        NotFound,
        "that minute entry is not part of this conference",
    )
    refused(store, lambda: ws.update_action(action.id, owner=""), RuleViolation, "needs an owner")
    refused(store, lambda: ws.update_action(action.id, action=""), RuleViolation, "say what")
    refused(store, lambda: ws.update_action(uid("x"), owner="A"), NotFound, "no action")
    refused(store, lambda: ws.delete_action(uid("x")), NotFound, "no action")


# --- Signs of Safety scaling --------------------------------------------------------------


def test_set_scale_records_changes_and_clears(store: Store, ws: WorkspaceService) -> None:
    low = ws.set_scale(REF, MUM, 0, "Worried about the new partner")
    high = ws.set_scale(REF, SW, 10)
    assert low is not None and high is not None
    assert (low.participant_id, low.score, low.note) == (MUM, 0, "Worried about the new partner")
    assert (last_event(store)["object_type"], last_event(store)["object_id"]) == (
        "safety_scale",
        high.id,
    )
    moved = ws.set_scale(REF, MUM, 6)
    assert moved == dataclasses.replace(low, score=6, note="")
    assert record(store).scaling == (moved, high)
    assert ws.set_scale(REF, MUM, None) is None
    assert record(store).scaling == (high,)
    assert ws.set_scale(REF, MUM, None) is None  # clearing nothing is harmless
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
def test_set_scale_refusals(store: Store, ws: WorkspaceService, score: Any, message: str) -> None:
    refused(store, lambda: ws.set_scale(REF, MUM, score), RuleViolation, message)


def test_set_scale_needs_a_participant_of_the_conference(
    store: Store, ws: WorkspaceService
) -> None:
    refused(
        store,
        lambda: ws.set_scale(REF, uid("x"), 5),
        NotFound,
        "that participant is not part of this conference",
    )
    refused(store, lambda: ws.set_scale(REF, MUM, 5, note=None), RuleViolation, "must be text")  # type: ignore[arg-type]


# --- search ---------------------------------------------------------------------------

HOSTILE = [
    '"',
    '""',
    "(",
    ")",
    "((",
    "NEAR",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND",
    "OR OR",
    "NOT",
    "*",
    "**",
    "-",
    "-zoe",
    "zoe*",
    "^zoe",
    "text:zoe",
    "{text}: zoe",
    "'",
    ";--",
    "😀",
    "👩\u200d👧",
    "مرحبا",
    "\u202e",
    "\x00",
    "zoe\x00",
    "e\u0301",
    "\ue000",
    "a" * 5000,
    'zo"e',
    "' OR 1=1 --",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_typed_query_is_safe(store: Store, ws: WorkspaceService, query: str) -> None:
    hits = ws.search(query)
    assert isinstance(hits, tuple)
    assert all(isinstance(hit, SearchHit) for hit in hits)


@pytest.fixture
def searchable(store: Store, ws: WorkspaceService) -> WorkspaceService:
    ws.add_entry(REF, ITEM, "Zoë told her teacher she feels safe at her nan's house.")
    ws.add_entry(REF, ITEM, "الطفل بخير في المدرسة", restricted=True)
    ws.add_entry(REF, ITEM, "The siblings (Zoe and Adam) visit on Fridays AND NEAR the park.")
    ws.add_entry(REF, ITEM, "Nothing about that girl here.")
    return ws


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("zoe", 2),
        ("Zoë", 2),
        ("ZOE", 2),
        ("zo", 2),
        ("zoe teacher", 1),
        ("teacher zoe", 1),
        ('"zoe', 2),
        ("(zoe)", 2),
        ("zoe*", 2),
        ("-zoe", 2),
        ("NEAR", 1),
        ("and near", 1),
        ("sibl", 1),
        ("المدرسة", 1),
        ("الطفل", 1),
        ("nan's", 1),
        ("zoe 😀", 2),
        ("😀", 0),
        ("", 0),
        ("   ", 0),
        ("zebra", 0),
    ],
)
def test_search_finds_words_and_prefixes(
    searchable: WorkspaceService, query: str, count: int
) -> None:
    assert len(searchable.search(query)) == count


def test_search_hits_say_where_they_are(store: Store, searchable: WorkspaceService) -> None:
    (hit,) = searchable.search("teacher")
    assert (hit.conference_id, hit.reference, hit.agenda_title, hit.restricted) == (
        uid("conf"),
        REF,
        "Reason for the conference",
        False,
    )
    assert searchable.entry(hit.entry_id).text.startswith("Zoë told")
    assert hit.snippet == (
        f"Zoë told her {HIGHLIGHT_START}teacher{HIGHLIGHT_END} she feels safe at her nan's house."
    )
    assert split_snippet(hit.snippet) == (
        ("Zoë told her ", False),
        ("teacher", True),
        (" she feels safe at her nan's house.", False),
    )
    (arabic,) = searchable.search("المدرسة")
    assert arabic.restricted


def test_search_ranks_and_limits(store: Store, searchable: WorkspaceService) -> None:
    searchable.add_entry(REF, ITEM, "Zoe, Zoe, Zoe: everyone spoke about Zoe.")
    hits = searchable.search("zoe")
    assert len(hits) == 3
    assert hits[0].snippet.count(HIGHLIGHT_START) == 4
    assert len(searchable.search("zoe", limit=1)) == 1
    assert searchable.search("zoe", limit=0) == ()
    assert searchable.search("zoe", limit=True) == ()  # type: ignore[arg-type]


def test_search_covers_every_conference(store: Store, searchable: WorkspaceService) -> None:
    ConferenceService(store, CHAIR, TickingClock()).import_record(
        small_record("CPC-2026-0077", salt="other-")
    )
    hits = searchable.search(CANARY)
    assert sorted(hit.reference for hit in hits) == ["CPC-2026-0042", "CPC-2026-0077"]


def test_search_follows_edits_and_deletions(store: Store, ws: WorkspaceService) -> None:
    assert [hit.entry_id for hit in ws.search("restricted")] == [M2]
    ws.save_text(M2, "Now about the grandmother.")
    assert ws.search("restricted") == ()
    assert [hit.entry_id for hit in ws.search("grandmother")] == [M2]
    ws.update_entry(M2, tag=Tag.FACT)  # not a text change: the index is untouched
    ws.move_agenda_item(ITEM, 0)
    assert [hit.entry_id for hit in ws.search("grandmother")] == [M2]
    ws.delete_entry(M2)
    assert ws.search("grandmother") == ()
    assert_sound(store)


def test_snippets_stay_short_and_keep_the_match(store: Store, ws: WorkspaceService) -> None:
    long_text = ("word " * 20_000) + "needle " + ("more " * 20_000)
    ws.add_entry(REF, ITEM, long_text)
    ws.add_entry(REF, ITEM, "x" * 3000 + " needle\n\n\tline two")
    hits = ws.search("needle")
    assert len(hits) == 2
    for hit in hits:
        visible = "".join(text for text, _ in split_snippet(hit.snippet))
        assert len(visible) <= SNIPPET_LENGTH
        assert "\n" not in hit.snippet and "\t" not in hit.snippet
        assert ("needle", True) in split_snippet(hit.snippet)


def test_an_empty_search_writes_nothing(store: Store, ws: WorkspaceService) -> None:
    before = len(events(store))
    assert ws.search("  ") == ()
    assert ws.search("?!") == ()
    assert len(events(store)) == before


def test_the_audit_log_holds_no_minute_text_and_no_query(
    store: Store, searchable: WorkspaceService
) -> None:
    secret_query = "Zq7unusualquery"
    searchable.search(secret_query)
    searchable.search("teacher nan")
    searchable.save_text(M1, "Autosaved secret sentence Xq9.")
    searchable.add_action(REF, "Sam Secret-Owner", "Phone the school Xq9", minute_entry_id=M1)
    searchable.set_scale(REF, MUM, 3, "Scale note Xq9")
    searchable.update_agenda_item(ITEM, not_obtained_reason="Reason text Xq9")
    dump = "\n".join(str(tuple(event.values())) for event in events(store))
    for text in (secret_query, "teacher", "Xq9", "Secret-Owner", CANARY, "Zoë", "الطفل"):
        assert text not in dump
    search_events = [e for e in events(store) if e["object_type"] == "minute_search"]
    assert len(search_events) == 2
    assert {(e["action"], e["object_id"], e["rows"]) for e in search_events} == {("list", "", "[]")}


def test_readiness_needs_the_child_and_parents_heard(store: Store) -> None:
    chair = ConferenceService(store, CHAIR, TickingClock())
    created = chair.create_conference(
        NewConference(
            ConferenceType.INITIAL,
            date(2026, 12, 3),
            (NewChild("Mo", "Said", date(2021, 6, 1)),),
            strategy_discussion_date=date(2026, 11, 20),
        )
    )
    ws = service(store, CHAIR)
    ref = created.reference
    problems = ws.ready_to_finalise(ref)
    assert [p.code for p in problems] == [
        "minutes.childs_views_missing",
        "minutes.parents_views_missing",
    ]
    assert last_event(store)["action"] == "view"
    agenda = {item.key: item for item in chair.get(ref).agenda}
    ws.add_entry(ref, agenda["childs_views"].id, "Mo drew his family and said he is happy.")
    ws.update_agenda_item(agenda["parents_views"].id, not_obtained_reason="Both declined.")
    assert ws.ready_to_finalise(ref) == ()
    assert ws.ready_to_finalise(REF)[0].code == "minutes.childs_views_item_missing"
    refused(store, lambda: ws.ready_to_finalise("CPC-0"), NotFound, "no conference")


# --- who may do what --------------------------------------------------------------------

# Every public method, a call that would succeed for the chair, and the action it needs.
METHODS: list[tuple[str, Callable[[WorkspaceService], object], Action]] = [
    ("add_agenda_item", lambda s: s.add_agenda_item(REF, "AOB", 5), Action.MANAGE_AGENDA),
    ("remove_agenda_item", lambda s: s.remove_agenda_item(uid("spare")), Action.MANAGE_AGENDA),
    ("move_agenda_item", lambda s: s.move_agenda_item(ITEM, 1), Action.MANAGE_AGENDA),
    (
        "set_agenda_status",
        lambda s: s.set_agenda_status(ITEM, AgendaStatus.DONE),
        Action.MANAGE_AGENDA,
    ),
    (
        "update_agenda_item",
        lambda s: s.update_agenda_item(ITEM, title="T"),
        Action.MANAGE_AGENDA,
    ),
    (
        "update_participant",
        lambda s: s.update_participant(SW, agency="CSC"),
        Action.RECORD_ATTENDANCE,
    ),
    ("remove_participant", lambda s: s.remove_participant(MUM), Action.RECORD_ATTENDANCE),
    ("remove_attendance", lambda s: s.remove_attendance(uid("a1")), Action.RECORD_ATTENDANCE),
    (
        "end_exclusion",
        lambda s: s.end_exclusion(uid("a2"), AT + timedelta(hours=1)),
        Action.RECORD_ATTENDANCE,
    ),
    (
        "set_child_participation",
        lambda s: s.set_child_participation(uid("child"), ChildParticipation.ATTENDS_ALL, None),
        Action.RECORD_ATTENDANCE,
    ),
    ("set_quorum_reason", lambda s: s.set_quorum_reason(REF, "R"), Action.EDIT_CONFERENCE),
    ("add_entry", lambda s: s.add_entry(REF, ITEM, "x"), Action.WRITE_MINUTES),
    (
        "restore_entry",
        lambda s: s.restore_entry(REF, dataclasses.replace(small_record().minutes[0], id=uid("r"))),
        Action.WRITE_MINUTES,
    ),
    ("save_text", lambda s: s.save_text(M1, "x"), Action.WRITE_MINUTES),
    ("update_entry", lambda s: s.update_entry(M1, tag=None), Action.WRITE_MINUTES),
    ("delete_entry", lambda s: s.delete_entry(M1), Action.WRITE_MINUTES),
    ("entry", lambda s: s.entry(M1), Action.VIEW),
    ("entries", lambda s: s.entries(REF), Action.VIEW),
    ("add_action", lambda s: s.add_action(REF, "Sam", "Visit"), Action.WRITE_MINUTES),
    ("update_action", lambda s: s.update_action(uid("act"), owner="Jo"), Action.WRITE_MINUTES),
    ("delete_action", lambda s: s.delete_action(uid("act")), Action.WRITE_MINUTES),
    ("set_scale", lambda s: s.set_scale(REF, SW, 5), Action.WRITE_MINUTES),
    ("search", lambda s: s.search("zoe"), Action.LIST),
    ("find", lambda s: s.find("zoe"), Action.LIST),
    ("ready_to_finalise", lambda s: s.ready_to_finalise(REF), Action.VIEW),
]


def test_every_public_method_is_in_the_table() -> None:
    public = {
        name
        for name in vars(WorkspaceService)
        if not name.startswith("_") and callable(getattr(WorkspaceService, name))
    }
    assert public == {name for name, _, _ in METHODS}


@pytest.fixture
def prepared(store: Store) -> Store:
    """Things some calls act on: a spare agenda item and an action (by the chair)."""
    chair = service(store, CHAIR)
    chair.add_agenda_item(REF, "Spare", 5, item_id=uid("spare"))
    with store.session() as session:
        session.add(
            m.ConferenceActionRow(
                id=uid("act"),
                conference_id=uid("conf"),
                position=0,
                owner="Sam",
                action="Visit",
                due_date=None,
                minute_entry_id=None,
                created_at=AT,
                **repository.row_meta("Alex Chair", AT),
            )
        )
        session.commit()
    return store


@pytest.mark.parametrize("actor", [CHAIR, MINUTER, READER], ids=lambda a: a.role.value)
@pytest.mark.parametrize(("name", "call", "action"), METHODS, ids=[m[0] for m in METHODS])
def test_each_method_checks_the_role(
    prepared: Store,
    actor: Actor,
    name: str,
    call: Callable[[WorkspaceService], object],
    action: Action,
) -> None:
    store = prepared
    before_events = len(events(store))
    if action in PERMISSIONS[actor.role]:
        call(service(store, actor))
        new = events(store)[before_events:]
        assert [(e["actor"], e["action"], e["outcome"]) for e in new] == [
            (actor.name, action.value, "ok")
        ]
    else:
        before = record(store)
        with pytest.raises(PermissionDenied, match=f"may not {action.value.replace('_', ' ')}"):
            call(service(store, actor))
        new = events(store)[before_events:]
        assert [(e["actor"], e["action"], e["outcome"]) for e in new] == [
            (actor.name, action.value, "denied")
        ]
        assert record(store) == before


def test_the_minute_taker_runs_the_minutes_but_not_the_agenda(store: Store) -> None:
    ws = service(store, MINUTER)
    entry = ws.add_entry(REF, ITEM, "Typed by the minute-taker", section="harm")  # type: ignore[arg-type]
    assert entry.author == "Morgan Minutes"
    ws.save_text(entry.id, "Typed and saved")
    ws.set_scale(REF, SW, 7)
    ws.add_action(REF, "Sam", "Visit", minute_entry_id=entry.id)
    with pytest.raises(PermissionDenied, match="Morgan Minutes \\(minute taker\\) may not"):
        ws.move_agenda_item(ITEM, 0)
    assert_sound(store)


def test_the_session_offers_the_workspace(tmp_path: Path) -> None:
    from cpc_desktop.services.session import open_session

    path = store_location(tmp_path, "s.db")
    with open_session(path, "a passphrase for tests", create=True, user="Alex Chair") as session:
        session.conferences.import_record(small_record())
        assert isinstance(session.workspace, WorkspaceService)
        assert session.workspace.actor == session.actor
        assert [e.id for e in session.workspace.entries(REF)] == [M1, M2]


S, E = HIGHLIGHT_START, HIGHLIGHT_END


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("short " + S + "hit" + E + " text", "short " + S + "hit" + E + " text"),
        ("a\n\tb  " + S + "c" + E, "a b " + S + "c" + E),
        # A match near the start keeps the start and cuts the end.
        (S + "hit" + E + " " + "x" * 200, S + "hit" + E + " " + "x" * 115 + "…"),
        # A match at the end keeps the end and cuts the start.
        ("y" * 200 + " " + S + "hit" + E, "…" + "y" * 115 + " " + S + "hit" + E),
        # A match in the middle is shown a third of the way in, cut on both sides.
        (
            "y" * 200 + S + "hit" + E + "z" * 200,
            "…" + "y" * 39 + S + "hit" + E + "z" * 76 + "…",
        ),
        # A highlighted word longer than the snippet is cut and its mark closed.
        (S + "w" * 300 + E, S + "w" * 119 + E + "…"),
        # No highlight at all: the start is kept.
        ("q" * 130, "q" * 119 + "…"),
    ],
)
def test_snippets_are_clipped_around_the_first_match(raw: str, expected: str) -> None:
    from cpc_desktop.services.workspace import _clip_snippet

    clipped = _clip_snippet(raw)
    assert clipped == expected
    assert len("".join(text for text, _ in split_snippet(clipped))) <= SNIPPET_LENGTH


def test_split_snippet() -> None:
    assert split_snippet("") == ()
    assert split_snippet(S + "a" + E) == (("a", True),)
    assert split_snippet("a" + S + E + "b") == (("a", False), ("b", False))


def test_setting_the_same_status_changes_nothing(store: Store, ws: WorkspaceService) -> None:
    before = record(store).agenda
    assert ws.set_agenda_status(ITEM, AgendaStatus.CURRENT) == before
    assert record(store).agenda == before
