"""Copies typeset away from the service (the screen's typesetting process), then signed
and recorded by the service: the pages are used only if they were typeset from the very
document the service would typeset itself; otherwise nothing is issued or recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, MinutesState, UserRole
from cpc_desktop.domain.letters import LetterKind, LetterRequest
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.export.typeset import render_document, render_letter
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.outputs import CHANGED, Typeset, sha256
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
TODAY = date(2026, 11, 23)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ADDRESS = ("1 Mill Lane", "HB1 2CD")


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


def outputs(session: Session) -> int:
    with session.store.reading() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(m.OutputFileRow)) or 0


def typeset(made) -> Typeset:
    """What the typesetting process sends back for ``made``."""
    return Typeset.of(made, render_document(made.document))


def test_issued_from_pages_typeset_elsewhere(session: Session, demo, certificate) -> None:
    ref = demo.conference.reference
    session.minutes.approve(ref)
    made = session.minutes.issue_document(ref)
    assert made.document is not None and made.at is not None
    given = typeset(made)
    issued = session.minutes.issue(ref, certificate, (given,))
    # The signed file is those very pages with the signature added after them.
    assert issued.signed and issued.data.startswith(given.data) and issued.data != given.data
    assert session.verification.verify(issued.data).valid
    version = session.minutes.status(ref).current
    assert version is not None and version.state is MinutesState.ISSUED
    assert version.issued_at == made.at  # the time printed in the pages
    assert version.file_sha256 == sha256(issued.data) == issued.sha256
    assert session.minutes.export(ref).data == issued.data


def test_issue_refuses_pages_of_a_record_changed_since(session: Session, demo, certificate) -> None:
    ref = demo.conference.reference
    session.minutes.approve(ref)
    made = session.minutes.issue_document(ref)
    given = typeset(made)
    # Reopened, changed and approved again while the pages were typeset.
    session.minutes.reopen(ref)
    MinuteEntryService(session.store, CHAIR, TickingClock(LATER)).save_text(
        demo.minutes[0].id, "Changed while the copy was typeset."
    )
    session.minutes.approve(ref)
    before = outputs(session)
    with pytest.raises(ServiceError) as refused:
        session.minutes.issue(ref, certificate, (given,))
    assert str(refused.value) == CHANGED
    assert outputs(session) == before
    assert session.minutes.status(ref).current.state is MinutesState.APPROVED


@pytest.mark.parametrize(
    "moved",
    [timedelta(hours=-2), timedelta(hours=2)],
    ids=["typeset-too-long-ago", "issue-time-ahead"],
)
def test_issue_refuses_an_issue_time_out_of_range(
    session: Session, demo, certificate, moved: timedelta
) -> None:
    ref = demo.conference.reference
    session.minutes.approve(ref)
    made = session.minutes.issue_document(ref)
    assert made.at is not None
    given = typeset(made)
    shifted = Typeset(given.source, given.data, made.at + moved)
    with pytest.raises(ServiceError, match="changed while its copy was typeset"):
        session.minutes.issue(ref, certificate, (shifted,))
    assert outputs(session) == 0
    assert session.minutes.status(ref).current.state is MinutesState.APPROVED


def test_issue_refuses_what_is_not_a_pdf(session: Session, demo, certificate) -> None:
    ref = demo.conference.reference
    session.minutes.approve(ref)
    made = session.minutes.issue_document(ref)
    given = typeset(made)
    with pytest.raises(ServiceError, match="changed while"):
        session.minutes.issue(ref, certificate, (Typeset(given.source, b"junk", made.at),))
    assert outputs(session) == 0


def test_a_draft_exported_from_pages_typeset_elsewhere(session: Session, demo) -> None:
    ref = demo.conference.reference
    made = session.minutes.preview_document(ref)
    given = typeset(made)
    pdf = session.minutes.export(ref, typeset=(given,))
    assert pdf.data == given.data and pdf.output_id is not None
    with session.store.reading() as s:
        row = s.get(m.OutputFileRow, pdf.output_id)
        assert row is not None and row.content == given.data
    # Changed since: refused, and nothing more recorded.
    MinuteEntryService(session.store, CHAIR, TickingClock(LATER)).save_text(
        demo.minutes[0].id, "Changed while the copy was typeset."
    )
    with pytest.raises(ServiceError, match="changed while"):
        session.minutes.export(ref, typeset=(given,))
    assert outputs(session) == 1


def test_a_family_copy_held_from_pages_typeset_elsewhere(session: Session, demo) -> None:
    ref = demo.conference.reference
    which = MinutesCopy(CopyKind.FAMILY)
    made = session.minutes.preview_document(ref, which)
    given = typeset(made)
    item = session.release.hold_minutes(ref, which, None, (given,))
    assert item.sha256 == sha256(given.data)


def test_a_letter_issued_from_pages_typeset_elsewhere(session: Session, demo) -> None:
    ref = demo.conference.reference
    plan = next(p for p in session.letters.plan(ref) if p.need.kind is LetterKind.PROFESSIONAL)
    request = LetterRequest(
        plan.need.kind, plan.need.recipient_id, plan.need.recipient_name, ADDRESS
    )
    made = session.letters.preview_document(ref, request)
    assert made.document is not None
    given = Typeset.of(made, render_letter(made.document))
    pdf = session.letters.issue(ref, request, None, (given,))
    assert pdf.data == given.data and not pdf.signed
    assert session.conferences.get(ref).letters[-1].file_sha256 == sha256(given.data)
    # Another address: another letter, so the pages typeset for the first are refused.
    other = LetterRequest(
        plan.need.kind, plan.need.recipient_id, plan.need.recipient_name, ("2 Elm Row",)
    )
    letters = len(session.conferences.get(ref).letters)
    with pytest.raises(ServiceError, match="changed while"):
        session.letters.issue(ref, other, None, (given,))
    assert len(session.conferences.get(ref).letters) == letters
