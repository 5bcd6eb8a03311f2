"""Letters and distribution on a real store holding the demo conference."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, ParticipantRole, UserRole
from cpc_desktop.domain.letters import LetterKind, LetterRequest
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.errors import NotFound, PermissionDenied, ServiceError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.release import checked_letters
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
TODAY = date(2026, 11, 23)
ADDRESS = ("1 Mill Lane", "Harbury", "HB1 2CD")


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def open_demo(tmp_path: Path, record: d.ConferenceRecord, now: datetime) -> Session:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(record)
    return Session(store, CHAIR, TickingClock(now))


@pytest.fixture
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


@pytest.fixture
def session(tmp_path: Path, demo) -> Iterator[Session]:
    opened = open_demo(tmp_path, demo, at(TODAY))
    yield opened
    opened.close()


def text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_the_demo_needs_letters_and_each_can_be_written(session: Session, demo) -> None:
    ref = demo.conference.reference
    plans = session.letters.plan(ref)
    kinds = {p.need.kind for p in plans}
    assert {LetterKind.PARENT, LetterKind.PROFESSIONAL, LetterKind.EXCLUDED_PARENT} <= kinds
    for plan in plans:
        assert plan.missing == (), plan
        request = LetterRequest(
            plan.need.kind,
            plan.need.recipient_id,
            plan.need.recipient_name or "The receiving authority",
            ADDRESS,
        )
        pdf = session.letters.preview(ref, request)
        assert not pdf.signed and pdf.output_id is None
        words = text(pdf.data)
        assert "1 Mill Lane" in words and ref in words
        assert "Harland" not in pdf.file_name and pdf.file_name.startswith(ref)


def test_issuing_records_the_letter_and_its_address(session: Session, demo) -> None:
    ref = demo.conference.reference
    plan = next(p for p in session.letters.plan(ref) if p.need.kind is LetterKind.PARENT)
    request = LetterRequest(
        LetterKind.PARENT, plan.need.recipient_id, plan.need.recipient_name, ADDRESS
    )
    (pdf,) = checked_letters(session, ref, [request])  # a second person checked it
    assert pdf.output_id is not None
    record = session.conferences.get(ref)
    letter = record.letters[-1]
    assert (letter.kind, letter.recipient_id, letter.file_sha256) == (
        "parent",
        plan.need.recipient_id,
        pdf.sha256,
    )
    assert letter.recipient_address.splitlines() == list(ADDRESS)
    assert session.letters.letter_bytes(ref, letter.id) == pdf.data
    again = next(
        p
        for p in session.letters.plan(ref)
        if p.need.kind is LetterKind.PARENT and p.need.recipient_id == plan.need.recipient_id
    )
    assert again.last_address == ADDRESS and again.issued == 1
    with pytest.raises(ServiceError, match="no issued letter"):
        session.letters.letter_bytes(ref, "not-a-letter")


def test_a_letter_missing_facts_is_refused_naming_them(tmp_path: Path, demo) -> None:
    decisions = tuple(
        dataclasses.replace(x, reason="", lead_social_worker_contact="") for x in demo.decisions
    )
    record = dataclasses.replace(demo, decisions=decisions)
    with open_demo(tmp_path, record, at(TODAY)) as s:
        ref = record.conference.reference
        plan = next(p for p in s.letters.plan(ref) if p.need.kind is LetterKind.PARENT)
        assert any("reason" in m for m in plan.missing)
        assert any("contact" in m for m in plan.missing)
        request = LetterRequest(
            LetterKind.PARENT, plan.need.recipient_id, plan.need.recipient_name, ADDRESS
        )
        with pytest.raises(ServiceError) as caught:
            s.letters.issue(ref, request)
        message = str(caught.value)
        for fact in plan.missing:
            assert fact in message
        assert s.conferences.get(ref).letters == ()


def test_a_family_letter_needs_an_address(session: Session, demo) -> None:
    ref = demo.conference.reference
    plan = next(p for p in session.letters.plan(ref) if p.need.kind is LetterKind.PARENT)
    request = LetterRequest(LetterKind.PARENT, plan.need.recipient_id, plan.need.recipient_name, ())
    with pytest.raises(ServiceError, match="address"):
        session.letters.issue(ref, request)


def test_distribution_tracker_and_overdue_flags(tmp_path: Path, demo) -> None:
    ref = demo.conference.reference
    late = at(date(2027, 1, 29))  # long after both deadlines
    with open_demo(tmp_path, demo, late) as s:
        lines = s.distribution.tracker(ref)
        people = {p.id: p for p in demo.participants}
        assert lines and all(
            people[x.participant_id].role
            not in (ParticipantRole.CHAIR, ParticipantRole.MINUTE_TAKER)
            for x in lines
        )
        assert all(x.letter_overdue and x.minutes_overdue for x in lines)
        assert all(x.letter_due < x.minutes_due for x in lines)
        family = next(x for x in lines if x.role is ParticipantRole.PARENT)
        professional = next(x for x in lines if x.copy is CopyKind.FULL)
        assert family.copy is CopyKind.FAMILY
        with pytest.raises(ServiceError, match="family copy"):
            s.distribution.record_sent(
                ref, family.participant_id, "minutes", copy=CopyKind.FULL, method="post"
            )
        s.distribution.record_sent(
            ref,
            professional.participant_id,
            "decision_letter",
            copy=CopyKind.FULL,
            method="secure e-mail",
        )
        after = {x.participant_id: x for x in s.distribution.tracker(ref)}
        sent = after[professional.participant_id]
        assert sent.letter_sent is not None and sent.letter_sent.method == "secure e-mail"
        assert sent.letter_overdue  # sent, but after the deadline
        summary = next(x for x in s.schedule.summaries() if x.reference == ref)
        assert "minutes" in summary.overdue


def test_distribution_refuses_bad_input(session: Session, demo) -> None:
    ref = demo.conference.reference
    someone = demo.participants[1].id
    with pytest.raises(ServiceError, match="unknown item"):
        session.distribution.record_sent(ref, someone, "parcel", copy=CopyKind.FULL, method="")
    with pytest.raises(NotFound):
        session.distribution.record_sent(ref, "nobody", "minutes", copy=CopyKind.FULL, method="")
    with pytest.raises(NotFound):
        session.distribution.record_sent(
            ref, someone, "minutes", copy=CopyKind.FAMILY, method="", minutes_version_id="x"
        )
    with pytest.raises(NotFound):
        session.distribution.record_sent(
            ref, someone, "minutes", copy=CopyKind.FAMILY, method="", letter_id="x"
        )
    reader = Session(session.store, Actor("Reader", UserRole.READ_ONLY), TickingClock())
    with pytest.raises(PermissionDenied):
        reader.distribution.record_sent(
            ref, someone, "minutes", copy=CopyKind.FAMILY, method="post"
        )
    # The role is checked first: a refused user's bad input is refused (and recorded) as such.
    with pytest.raises(PermissionDenied, match="may not issue or sign minutes and letters"):
        reader.distribution.record_sent(ref, someone, "parcel", copy=CopyKind.FULL, method="")
    with session.store.reading() as s:
        last = s.execute(
            sa.select(m.AuditEvent.actor, m.AuditEvent.action, m.AuditEvent.outcome)
            .order_by(m.AuditEvent.seq.desc())
            .limit(1)
        ).one()
    assert tuple(last) == ("Reader", "issue_documents", "denied")
    assert session.conferences.get(ref).distributions == ()
