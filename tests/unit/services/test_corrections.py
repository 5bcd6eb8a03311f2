"""Corrections of issued minutes and audited printing (issue 20 points 8; domain.md §10
items 30 and 38): a request recorded, the chair's ruling, a new version whose changes are
computed and printed, the old version kept, a refused request's statement of
disagreement in later copies (a family copy only its maker's own), and each printed copy
recorded with the person's name.

Runs on a real encrypted store holding the demo conference; PDFs are read back with pypdf.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from cpc_desktop.data import integrity
from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, CorrectionRuling, MinutesState, UserRole
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.errors import Conflict, PermissionDenied, ServiceError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.release import checked_minutes
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
MINUTER = Actor("Morgan Minutes", UserRole.MINUTE_TAKER)
TODAY = date(2026, 11, 23)
LATER = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
STATEMENT = "I was not shouting; I asked the officer to leave my home calmly"


@pytest.fixture(scope="module")
def certificate() -> Any:
    p12 = create_self_signed("Demo Chair", b"certificate passphrase")
    return load_certificate(p12, b"certificate passphrase")


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


@pytest.fixture
def session(tmp_path: Path, demo: d.ConferenceRecord, certificate: Any) -> Iterator[Session]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(demo)
    opened = Session(store, CHAIR, TickingClock(LATER))
    opened.minutes.approve(demo.conference.reference)
    opened.minutes.issue(demo.conference.reference, certificate)
    yield opened
    opened.close()


def text_of(data: bytes) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def person(record: d.ConferenceRecord, name: str) -> d.Participant:
    return next(p for p in record.participants if p.name == name)


def audit(session: Session) -> list[dict[str, Any]]:
    with session.store.engine.connect() as conn:
        found = conn.exec_driver_sql("select * from audit_event order by seq").mappings().all()
    return [dict(x) for x in found]


def ask(session: Session, demo: d.ConferenceRecord, who: str = "Justyna Harland") -> Any:
    return session.corrections.record_request(
        demo.conference.reference,
        requested_by="",
        participant_id=person(demo, who).id,
        received=date(2026, 11, 24),
        disputed="The entry about the night the police were called",
        asked="Say that I asked the officer to leave calmly",
        entry_id=demo.minutes[2].id,
    )


def test_an_accepted_correction_issues_a_new_version_listing_its_changes(
    session: Session, demo: d.ConferenceRecord, certificate: Any
) -> None:
    ref = demo.conference.reference
    first = session.minutes.status(ref).current
    assert first is not None and first.state is MinutesState.ISSUED
    request = ask(session, demo)
    assert request.ruling is CorrectionRuling.PENDING and request.version_id == first.id
    assert audit(session)[-1]["actor"] == "Demo Chair"
    ruled = session.corrections.rule(ref, request.id, "accepted", "The officer's note agrees")
    assert ruled.opened is not None and ruled.opened.version == "1.1"
    assert ruled.request.correction_version_id == ruled.opened.id
    # Nothing changed yet: the new version cannot be approved.
    with pytest.raises(ServiceError, match="changes nothing yet"):
        session.minutes.approve(ref)
    entry = demo.minutes[2]
    session.entries.save_text(entry.id, entry.text + " She asked the officer to leave calmly.")
    approved = session.minutes.approve(ref)
    speaker = next(p.name for p in demo.participants if p.id == entry.speaker_id)
    note = approved.amendment_note
    assert note.startswith("Correction asked for by Justyna Harland on 24/11/2026, accepted")
    assert f"Changed: an entry by {speaker} under item" in note
    assert "leave calmly" not in note  # where, never what: a family copy prints it
    issued = session.minutes.issue(ref, certificate)
    text = text_of(issued.data)
    assert "Changes from the previous version" in text and f"an entry by {speaker}" in text
    versions = session.minutes.status(ref).versions
    assert [v.version for v in versions] == ["1.0", "1.1"]
    assert versions[0] == first  # the old version kept as it was issued
    with session.store.session() as s:
        old_file = s.scalar(
            sa.select(m.OutputFileRow.content).where(
                m.OutputFileRow.file_sha256 == first.file_sha256
            )
        )
    verdict = session.verification.verify(old_file)
    assert verdict.valid and verdict.superseded_by == "1.1"
    book = session.corrections.requests(ref)
    assert [(x.version, x.correction) for x in book.lines] == [("1.0", "1.1")]
    assert book.lines[0].state.startswith("accepted on ")
    assert integrity.check(session.store).sound


def test_a_refused_request_carries_the_statement_in_later_copies(
    session: Session, demo: d.ConferenceRecord, certificate: Any
) -> None:
    ref = demo.conference.reference
    issued = session.minutes.export(ref)
    request = ask(session, demo)
    ruled = session.corrections.rule(
        ref, request.id, CorrectionRuling.REFUSED, "Two officers recorded it", STATEMENT
    )
    assert ruled.opened is None and ruled.request.statement == STATEMENT
    assert session.minutes.status(ref).current.version == "1.0"  # type: ignore[union-attr]
    # The full record: the issued file cannot change, so a later copy is signed now.
    with pytest.raises(ServiceError, match="must be signed"):
        session.minutes.export(ref)
    later = session.minutes.export(ref, certificate=certificate)
    assert later.data != issued.data and later.signed
    assert "Statement of disagreement from Justyna Harland" in text_of(later.data)
    assert STATEMENT in text_of(later.data)
    assert session.verification.verify(later.data).valid
    # Her own family copy carries it; the other parent's does not.
    mother = MinutesCopy(CopyKind.FAMILY, person(demo, "Justyna Harland").id)
    father = MinutesCopy(CopyKind.FAMILY, person(demo, "Dean Harland").id)
    assert STATEMENT in text_of(checked_minutes(session, ref, mother, certificate).data)
    assert STATEMENT not in text_of(checked_minutes(session, ref, father, certificate).data)


def test_rulings_refused_in_one_line_change_nothing(
    session: Session, demo: d.ConferenceRecord
) -> None:
    ref = demo.conference.reference
    request = ask(session, demo)
    before = len(audit(session))
    cases = [
        ("pending", "reasons", "", "choose a ruling"),
        ("refused", "  ", "", "give the reasons"),
        ("accepted", "agreed", "a statement", "not an accepted one"),
        ("maybe", "agreed", "", "is not one of"),
    ]
    for ruling, reasons, statement, message in cases:
        with pytest.raises(ServiceError, match=message) as caught:
            session.corrections.rule(ref, request.id, ruling, reasons, statement)
        assert "\n" not in caught.value.message
    assert len(audit(session)) == before
    session.corrections.rule(ref, request.id, "refused", "Recorded by two officers")
    with pytest.raises(Conflict, match="refused already"):
        session.corrections.rule(ref, request.id, "accepted", "changed my mind")
    with pytest.raises(ServiceError, match="say who asks"):
        session.corrections.record_request(
            ref, requested_by=" ", received=TODAY, disputed="x", asked="y"
        )
    with pytest.raises(ServiceError, match="after today"):
        session.corrections.record_request(
            ref, requested_by="A Neighbour", received=date(2027, 1, 1), disputed="x", asked="y"
        )


def test_a_second_accepted_request_joins_the_open_correction(
    session: Session, demo: d.ConferenceRecord
) -> None:
    ref = demo.conference.reference
    one = ask(session, demo)
    two = session.corrections.record_request(
        ref,
        requested_by="Ms R Khan (the school's safeguarding lead)",
        received=date(2026, 11, 24),
        disputed="The school's name",
        asked="Spell it as the school does",
    )
    assert two.participant_id is None and two.requested_by.startswith("Ms R Khan")
    opened = session.corrections.rule(ref, one.id, "partly", "Partly: the time only").opened
    joined = session.corrections.rule(ref, two.id, "accepted", "The spelling was wrong").opened
    assert opened is not None and joined == opened
    session.entries.save_text(demo.minutes[0].id, "Corrected wording.")
    note = session.minutes.approve(ref).amendment_note
    assert "Justyna Harland" in note and "Ms R Khan" in note and "Changed: an entry" in note
    # An approved (unissued) correction takes no more until it is issued.
    three = ask(session, demo, "Dean Harland")
    with pytest.raises(Conflict, match="is approved: issue it"):
        session.corrections.rule(ref, three.id, "accepted", "yes")


def test_only_issued_minutes_are_disputed_and_only_by_the_chair(
    tmp_path: Path, demo: d.ConferenceRecord, session: Session
) -> None:
    ref = demo.conference.reference
    minuter = Session(session.store, MINUTER, TickingClock(LATER))
    with pytest.raises(PermissionDenied, match="may not approve, reopen or correct minutes"):
        ask(minuter, demo)
    assert audit(session)[-1]["outcome"] == "denied"
    (tmp_path / "draft").mkdir()
    draft_store = new_store(tmp_path / "draft")
    ConferenceService(draft_store, CHAIR, TickingClock()).import_record(demo)
    with (
        Session(draft_store, CHAIR, TickingClock(LATER)) as fresh,
        pytest.raises(Conflict, match="only issued minutes can be disputed"),
    ):
        ask(fresh, demo)
    assert session.corrections.requests(ref).lines == ()


def test_printing_a_stored_copy_is_audited_with_the_name(
    session: Session, demo: d.ConferenceRecord
) -> None:
    pdf = session.minutes.export(demo.conference.reference)
    assert pdf.output_id is not None
    printed = session.printing.printed(pdf.output_id, "Office laser (2nd floor)", 4)
    event = audit(session)[-1]
    assert (event["action"], event["actor"], event["object_id"]) == (
        "print",
        "Demo Chair",
        pdf.output_id,
    )
    assert printed.id in event["rows"]
    with session.store.session() as s:
        found = s.get(m.PrintedCopyRow, printed.id)
        assert found is not None
        assert (found.printer, found.pages, found.printed_by) == (
            "Office laser (2nd floor)",
            4,
            "Demo Chair",
        )
    with pytest.raises(ServiceError, match="not recorded in this store"):
        session.printing.printed("no-such-file", "Office laser", 1)
    reader = Session(session.store, Actor("Rita Reader", UserRole.READ_ONLY), TickingClock(LATER))
    with pytest.raises(PermissionDenied, match="may not print a copy"):
        reader.printing.printed(pdf.output_id, "Office laser", 1)
