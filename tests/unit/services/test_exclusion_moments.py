"""Exclusion by every moment of writing (issue 16, point 2), on a real encrypted store.

The demo conference: Dean Harland (father) is out of the room from 10:50 to 11:05;
Justyna Harland (mother) stays. Entries are written, saved, changed and moved at chosen
moments (a ticking clock set forward), then the family copies, the rulings the chair
must make and approval are read back through the services.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, MinutesState, Tag, UserRole
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.domain.redaction import RedactionReason
from cpc_desktop.services.base import frozen_message
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.errors import Conflict, PermissionDenied, RuleViolation
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.meeting import last_event
from tests.helpers.release import checked_minutes
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
MINUTER = Actor("Morgan Minutes", UserRole.MINUTE_TAKER)
DEMO = build_demo_records(date(2026, 11, 23))[0]
REF = DEMO.conference.reference
DAD = next(p for p in DEMO.participants if p.name == "Dean Harland")
MUM = next(p for p in DEMO.participants if p.name == "Justyna Harland")
OUT = next(e for e in DAD.attendance if e.kind.value == "excluded")
assert OUT.until is not None
BEFORE = OUT.at - timedelta(minutes=5)  # 10:45
DURING = OUT.at + timedelta(minutes=5)  # 10:55
AFTER = OUT.until + timedelta(minutes=5)  # 11:10
ITEM = DEMO.agenda[3].id


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock(datetime(2026, 11, 19, 9, 0, tzinfo=UTC))


@pytest.fixture
def session(tmp_path: Path, clock: TickingClock) -> Iterator[Session]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(DEMO)
    opened = Session(store, CHAIR, clock)
    yield opened
    opened.close()


def write(session: Session, clock: TickingClock, at: datetime, text: str) -> d.MinuteEntry:
    clock.now = at - timedelta(seconds=1)  # the clock ticks once before it is read
    return session.entries.add_entry(REF, ITEM, text)


def left_out(session: Session, recipient: d.Participant | None) -> dict[str, object]:
    pdf = session.minutes.preview(REF, MinutesCopy(CopyKind.FAMILY, recipient and recipient.id))
    return {r.entry_id: r for r in pdf.redactions}


def test_an_entry_begun_while_he_was_out_is_left_out_and_needs_no_ruling(session, clock):
    entry = write(session, clock, DURING, "Said while he was out")
    out = left_out(session, DAD)[entry.id]
    assert out.reason is RedactionReason.EXCLUDED  # type: ignore[attr-defined]
    assert entry.id not in left_out(session, MUM)
    assert not [p for p in session.minutes.status(REF).problems if p.code == "exclusion_ruling"]


def test_begun_before_and_edited_while_out_is_left_out_and_awaits_the_chair(session, clock):
    entry = write(session, clock, BEFORE, "Begun before he left")
    clock.now = DURING
    session.entries.save_text(entry.id, "Begun before he left, then the police spoke")
    out = left_out(session, DAD)[entry.id]
    assert out.reason is RedactionReason.CHANGED_WHILE_EXCLUDED  # type: ignore[attr-defined]
    assert out.awaiting_ruling  # type: ignore[attr-defined]
    assert entry.id not in left_out(session, MUM)
    assert entry.id in left_out(session, None)  # the copy for any family member
    [problem] = [p for p in session.minutes.status(REF).problems if p.code == "exclusion_ruling"]
    assert problem.message.startswith("Decide whether Dean Harland's copy includes entry ")
    assert f"under “{DEMO.agenda[3].title}”" in problem.message
    with pytest.raises(RuleViolation) as refused:
        session.minutes.approve(REF)
    assert "Decide whether Dean Harland's copy includes" in refused.value.message


def test_the_chairs_ruling_to_show_includes_it_in_his_copy_only(session, clock):
    entry = write(session, clock, BEFORE, "Begun before he left")
    clock.now = DURING
    session.entries.save_text(entry.id, "A typo put right")
    ruled = session.entries.rule_on_exclusion(entry.id, DAD.id, True)
    assert (ruled.shown_to, ruled.kept_from) == ((DAD.id,), ())
    event = last_event(session.store)
    assert (event["action"], event["object_type"], event["object_id"]) == (
        "approve_minutes",
        "minute_entry",
        entry.id,
    )
    assert entry.id not in left_out(session, DAD)
    assert entry.id not in left_out(session, MUM)
    assert session.minutes.approve(REF).state is MinutesState.APPROVED
    with pytest.raises(Conflict) as caught:  # no ruling changes once approved
        session.entries.rule_on_exclusion(entry.id, DAD.id, False)
    assert caught.value.message == frozen_message(MinutesState.APPROVED)


def test_the_chairs_ruling_to_keep_out_settles_it(session, clock):
    entry = write(session, clock, BEFORE, "Begun before he left")
    clock.now = DURING
    session.entries.save_text(entry.id, "What the police said")
    session.entries.rule_on_exclusion(entry.id, DAD.id, True)
    ruled = session.entries.rule_on_exclusion(entry.id, DAD.id, False)  # changed mind
    assert (ruled.shown_to, ruled.kept_from) == ((), (DAD.id,))
    out = left_out(session, DAD)[entry.id]
    assert not out.awaiting_ruling  # type: ignore[attr-defined]
    assert session.minutes.approve(REF).state is MinutesState.APPROVED


def test_a_change_after_a_ruling_to_show_asks_again(session, clock):
    entry = write(session, clock, BEFORE, "Begun before he left")
    clock.now = DURING
    session.entries.save_text(entry.id, "A typo put right")
    session.entries.rule_on_exclusion(entry.id, DAD.id, True)
    clock.now = AFTER + timedelta(hours=2)
    saved = session.entries.update_entry(entry.id, tag=Tag.FACT)
    assert saved.shown_to == ()
    assert left_out(session, DAD)[entry.id].awaiting_ruling  # type: ignore[attr-defined]


def test_an_entry_moved_while_he_was_out_is_left_out(session, clock):
    entry = write(session, clock, BEFORE, "Begun before he left")
    clock.now = DURING
    moved = session.entries.move_entry(entry.id, 0, agenda_item_id=DEMO.agenda[4].id)
    assert moved.agenda_item_id == DEMO.agenda[4].id
    assert session.entries.entries(REF)[0].id == entry.id
    assert left_out(session, DAD)[entry.id].awaiting_ruling  # type: ignore[attr-defined]
    # Moving it to where it already is is no moment of writing.
    again = session.entries.move_entry(entry.id, 0)
    assert again.changes == moved.changes


def test_edits_after_he_came_back_only_keep_it_in_his_copy(session, clock):
    entry = write(session, clock, BEFORE, "Begun before he left")
    clock.now = AFTER
    session.entries.save_text(entry.id, "Finished once he was back")
    session.entries.update_entry(entry.id, restricted=False, tag=Tag.FACT)
    assert entry.id not in left_out(session, DAD)
    assert entry.id not in left_out(session, None)


def test_a_minute_taker_may_not_rule(session, clock):
    entry = write(session, clock, BEFORE, "Begun before he left")
    minuter = Session(session.store, MINUTER, clock)
    with pytest.raises(PermissionDenied):
        minuter.entries.rule_on_exclusion(entry.id, DAD.id, True)


def test_autosaves_record_each_burst_of_writing_as_one_span(session, clock):
    entry = write(session, clock, BEFORE, "B")
    assert entry.changes == ((BEFORE, BEFORE),)
    saved = entry
    for seconds in (10, 40, 95):  # each within a minute of the last save
        clock.now = BEFORE + timedelta(seconds=seconds - 1)
        saved = session.entries.save_text(entry.id, f"Be{seconds}")
    assert saved.changes == ((BEFORE, BEFORE + timedelta(seconds=95)),)
    clock.now = BEFORE + timedelta(seconds=95 + 61 - 1)  # a pause of 61 s
    saved = session.entries.save_text(entry.id, "Begun")
    later = BEFORE + timedelta(seconds=156)
    assert saved.changes == ((BEFORE, BEFORE + timedelta(seconds=95)), (later, later))
    assert session.entries.entry(entry.id).changes == saved.changes  # as stored
    # The autosave worker takes the same path.
    clock.now = later + timedelta(seconds=20)
    writer = session.entries.text_writer
    writer.outcome(writer.submit(entry.id, "Begun again"), wait=True)
    stored = session.entries.entry(entry.id)
    assert stored.text == "Begun again"
    assert stored.changes[-1][0] == later and stored.changes[-1][1] > later


def _pdf_words(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "copy.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())  # lines joined: a sentence may wrap


def test_the_fathers_printed_copy_lacks_what_was_edited_while_he_was_out(session, clock, tmp_path):
    entry = write(session, clock, BEFORE, "Opening words of a point")
    clock.now = DURING
    said = "Opening words of a point about the police inquiry into Quentin Marsh"
    session.entries.save_text(entry.id, said)
    fathers = checked_minutes(session, REF, MinutesCopy(CopyKind.FAMILY, DAD.id))
    mothers = checked_minutes(session, REF, MinutesCopy(CopyKind.FAMILY, MUM.id))
    full = session.minutes.preview(REF)
    assert "Quentin Marsh" not in _pdf_words(fathers.data, tmp_path)
    assert "Quentin Marsh" in _pdf_words(mothers.data, tmp_path)
    full_text = _pdf_words(full.data, tmp_path)
    assert "Quentin Marsh" in full_text
    assert "Edited while Dean Harland" in full_text  # the appendix says why
