"""Minutes after the meeting: approve, issue signed, correct, print copies, verify files.

Runs on a real encrypted store holding the demo conference; PDFs are read back with pypdf.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from cpc_desktop.data import integrity
from cpc_desktop.data import models as m
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ConferenceType, CopyKind, MinutesState, UserRole
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.conferences import ConferenceService, NewChild, NewConference
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.errors import NotFound, PermissionDenied, RuleViolation, ServiceError
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.meeting import REF, last_event, refused, services, small_store
from tests.helpers.release import checked_minutes
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
MINUTER = Actor("Morgan Minutes", UserRole.MINUTE_TAKER)
TODAY = date(2026, 11, 23)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def certificate():
    p12 = create_self_signed("Demo Chair", b"certificate passphrase")
    return load_certificate(p12, b"certificate passphrase")


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


@pytest.fixture
def session(tmp_path: Path, demo: d.ConferenceRecord) -> Iterator[Session]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(demo)
    opened = Session(store, CHAIR, TickingClock(LATER))
    yield opened
    opened.close()


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_draft_preview_is_unsigned_with_a_watermark(session: Session, demo) -> None:
    pdf = session.minutes.preview(demo.conference.reference)
    assert not pdf.signed and pdf.output_id is None
    text = flat(text_of(pdf.data))
    assert "DRAFT" in text and "Page 1 of" in text
    assert pdf.file_name.startswith(demo.conference.reference) and pdf.file_name.endswith(".pdf")
    for child in demo.children:
        assert child.given_name not in pdf.file_name


def test_approve_issue_verify_and_correct(session: Session, demo, certificate) -> None:
    ref = demo.conference.reference
    status = session.minutes.status(ref)
    assert status.current is None and status.editable and status.problems == ()
    approved = session.minutes.approve(ref)
    assert approved.state is MinutesState.APPROVED and approved.approved_by == "Demo Chair"
    with pytest.raises(ServiceError, match="approved but not issued"):
        session.minutes.export(ref)
    issued = session.minutes.issue(ref, certificate)
    assert issued.signed and issued.output_id
    assert session.verification.verify(issued.data).valid
    state = session.minutes.status(ref).current
    assert state is not None and state.state is MinutesState.ISSUED
    assert state.file_sha256 == issued.sha256
    # A 64-digit fingerprint wraps in its column: compare without the line breaks.
    assert approved.content_hash in "".join(text_of(issued.data).split())
    # The full copy of issued minutes is the very file that was signed.
    again = session.minutes.export(ref)
    assert again.data == issued.data
    assert session.minutes.preview(ref).data == issued.data
    shown = session.minutes.preview_document(ref)  # the issued file: nothing to typeset
    assert shown.document is None and shown.data == issued.data
    assert shown.file_name == issued.file_name
    # A family copy must be signed now, and records what it left out.
    with pytest.raises(ServiceError, match="must be signed"):
        session.release.hold_minutes(ref, MinutesCopy(CopyKind.FAMILY))
    family = checked_minutes(session, ref, MinutesCopy(CopyKind.FAMILY), certificate)
    assert family.signed and family.redactions
    assert session.verification.verify(family.data).valid
    # Issued minutes cannot change: not by the service, not by SQL.
    entry = demo.minutes[0]
    with pytest.raises(ServiceError, match="issued"):
        MinuteEntryService(session.store, CHAIR, TickingClock(LATER)).save_text(entry.id, "changed")
    with session.store.engine.begin() as conn, pytest.raises(sa.exc.DatabaseError):
        conn.exec_driver_sql("UPDATE minutes_version SET approved_by = 'someone else'")
    # A correction is a new draft version that names the old one.
    corrected = session.minutes.amend(ref, "Kai's school name corrected at the parents' request")
    assert (corrected.version, corrected.supersedes_id) == ("1.1", state.id)
    versions = session.minutes.status(ref).versions
    assert [v.version for v in versions] == ["1.0", "1.1"]
    assert versions[0] == state  # the old version is kept as it was
    assert integrity.check(session.store).sound


def test_family_copy_for_an_excluded_parent(session: Session, demo, certificate) -> None:
    ref = demo.conference.reference
    dad = next(
        p for p in demo.participants if any(e.kind.value == "excluded" for e in p.attendance)
    )
    pdf = checked_minutes(session, ref, MinutesCopy(CopyKind.FAMILY, dad.id))
    assert not pdf.signed  # a draft
    text = flat(text_of(pdf.data))
    hidden = {r.entry_id for r in pdf.redactions}
    assert any(r.reason.value == "excluded" for r in pdf.redactions)
    for entry in demo.minutes:
        probe = flat(entry.text)[:40]
        if entry.id in hidden:
            assert probe not in text
    assert f"Family copy for {dad.name}" in text
    with session.store.reading() as s:
        row = s.scalars(sa.select(m.OutputFileRow)).one()
        assert row.copy is CopyKind.FAMILY and row.recipient_id == dad.id
        assert row.file_sha256 == pdf.sha256 and row.content == pdf.data
        assert all(r.entry_id in row.redactions for r in pdf.redactions)


def test_only_the_chair_approves(session: Session, demo) -> None:
    minuter = Session(session.store, MINUTER, TickingClock(LATER))
    with pytest.raises(PermissionDenied):
        minuter.minutes.approve(demo.conference.reference)
    assert session.minutes.status(demo.conference.reference).current is None


def test_approval_names_what_is_missing(tmp_path: Path, demo) -> None:
    store = new_store(tmp_path)
    bare = d.ConferenceRecord(
        conference=demo.conference, children=demo.children, participants=demo.participants,
        agenda=demo.agenda,
    )  # fmt: skip
    ConferenceService(store, CHAIR, TickingClock()).import_record(bare)
    with Session(store, CHAIR, TickingClock(LATER)) as s:
        with pytest.raises(RuleViolation) as caught:
            s.minutes.approve(demo.conference.reference)
        messages = " ".join(message for _path, message in caught.value.problems)
        assert "no decision is recorded for" in messages
        assert "view" in messages
        assert s.minutes.status(demo.conference.reference).current is None


def test_reopen_an_approval(session: Session, demo) -> None:
    ref = demo.conference.reference
    session.minutes.approve(ref)
    reopened = session.minutes.reopen(ref)
    assert reopened.state is MinutesState.DRAFT and reopened.approved_by is None
    with pytest.raises(ServiceError, match="only approved"):
        session.minutes.reopen(ref)


def test_verify_refuses_unknown_and_changed_files(session: Session, demo, certificate) -> None:
    ref = demo.conference.reference
    session.minutes.approve(ref)
    issued = session.minutes.issue(ref, certificate)
    changed = bytearray(issued.data)
    changed[len(changed) // 2] ^= 0x01
    assert not session.verification.verify(bytes(changed)).valid
    assert not session.verification.verify(issued.data + b"\n").valid
    other = session.minutes.preview(ref, MinutesCopy(CopyKind.FAMILY)).data
    assert not session.verification.verify(other).valid  # never recorded, never signed


def test_every_section_reaches_the_pdf(session: Session, demo) -> None:
    """Read the full copy back: every section title, every person, the marking on each page."""
    from cpc_desktop.domain.minutes_document import build_minutes
    from cpc_desktop.services.profiles import load_profile

    pdf = session.minutes.preview(demo.conference.reference)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages]
    text = flat(" ".join(pages))
    built = build_minutes(demo, load_profile(demo.conference.profile)).document
    for number, section in enumerate((s for s in built.sections if s.level == 1), start=1):
        assert flat(f"{number}. {section.title}") in text, section.title
    for section in built.sections:
        assert flat(section.title) in text
    for person in demo.participants:
        assert person.name in text
    assert all("OFFICIAL-SENSITIVE" in page for page in pages)
    assert f"Page {len(pages)} of {len(pages)}" in text


# --- before the meeting ends ----------------------------------------------------------


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Store]:
    """A store holding the small record (tests/helpers/records.py)."""
    yield from small_store(tmp_path)


def test_readiness_needs_the_child_and_parents_heard(small: Store) -> None:
    store, meeting = small, services(small)
    created = meeting.conferences.create_conference(
        NewConference(
            ConferenceType.INITIAL,
            date(2026, 12, 3),
            (NewChild("Mo", "Said", date(2021, 6, 1)),),
            strategy_discussion_date=date(2026, 11, 20),
        )
    )
    ref = created.reference
    problems = meeting.minutes.ready_to_finalise(ref)
    assert [p.code for p in problems] == [
        "minutes.childs_views_missing",
        "minutes.parents_views_missing",
    ]
    assert last_event(store)["action"] == "view"
    agenda = {item.key: item for item in meeting.conferences.get(ref).agenda}
    meeting.entries.add_entry(ref, agenda["childs_views"].id, "Mo drew his family; he is happy.")
    meeting.agenda.update_agenda_item(
        agenda["parents_views"].id, not_obtained_reason="Both declined."
    )
    assert meeting.minutes.ready_to_finalise(ref) == ()
    assert meeting.minutes.ready_to_finalise(REF)[0].code == "minutes.childs_views_item_missing"
    refused(store, lambda: meeting.minutes.ready_to_finalise("CPC-0"), NotFound, "no conference")


def test_a_preview_document_is_what_the_preview_typesets(session: Session, demo) -> None:
    from cpc_desktop.domain.printed import PrintedDocument
    from cpc_desktop.export.typeset import render_document

    ref = demo.conference.reference
    family = MinutesCopy(CopyKind.FAMILY)
    shown = session.minutes.preview_document(ref, family)
    assert isinstance(shown.document, PrintedDocument) and shown.data == b""
    pdf = session.minutes.preview(ref, family)
    assert shown.file_name == pdf.file_name and shown.redactions == pdf.redactions
    assert shown.redactions  # a family copy says what it leaves out
    assert flat(text_of(render_document(shown.document))) == flat(text_of(pdf.data))
    assert session.verification.outputs(ref) == ()  # looking records nothing
