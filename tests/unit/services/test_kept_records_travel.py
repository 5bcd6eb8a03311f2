"""The record travels whole (issue 20): complaints and correction requests (with the chair's
ruling and a statement of disagreement) go with the conference through ``export-json`` /
``import`` and through a hand-over, and a statement still prints in its maker's family copy
in the store that received it; a complaint keeps the children it names. A second import
or hand-over adds nothing twice.

Runs on real encrypted stores holding the demo conference with its minutes issued.
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
from cpc_desktop.domain.enums import AppealGround, CopyKind, CorrectionRuling, UserRole
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.document import parse_document, render_document
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.release import checked_minutes
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
OTHER_CHAIR = Actor("Second Chair", UserRole.CHAIR)
TODAY = date(2026, 11, 23)
LATER = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
STATEMENT = "The health visitor never came on the day the minutes say she did"
WORDS = "correct horse"


@pytest.fixture(scope="module")
def certificate() -> Any:
    p12 = create_self_signed("Demo Chair", b"certificate passphrase")
    return load_certificate(p12, b"certificate passphrase")


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


def person(record: d.ConferenceRecord, name: str) -> d.Participant:
    return next(p for p in record.participants if p.name == name)


@pytest.fixture
def source(tmp_path: Path, demo: d.ConferenceRecord, certificate: Any) -> Iterator[Session]:
    """The demo conference issued, with a complaint and a refused request carrying a
    statement of disagreement from the mother."""
    store = new_store(tmp_path, "source.db")
    ConferenceService(store, CHAIR, TickingClock()).import_record(demo)
    opened = Session(store, CHAIR, TickingClock(LATER))
    ref = demo.conference.reference
    opened.minutes.approve(ref)
    opened.minutes.issue(ref, certificate)
    mother = person(demo, "Justyna Harland")
    opened.complaints.record_complaint(
        ref,
        received=date(2026, 11, 24),
        grounds=[AppealGround.NOT_HEARD],
        complainant_id=mother.id,
        relation="mother",
        details="I was not asked what I thought",
        child_ids=[demo.children[2].id, demo.children[0].id],
    )
    request = opened.corrections.record_request(
        ref,
        requested_by="",
        participant_id=mother.id,
        received=date(2026, 11, 24),
        disputed="The health visitor's visit",
        asked="Say that the visit did not happen",
        entry_id=demo.minutes[2].id,
    )
    opened.corrections.rule(
        ref, request.id, CorrectionRuling.REFUSED, "The visit is in the health record", STATEMENT
    )
    yield opened
    opened.close()


def text_of(data: bytes) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def counts(session: Session) -> tuple[int, int]:
    with session.store.reading() as s:
        return (
            s.scalar(sa.select(sa.func.count()).select_from(m.ComplaintRow)) or 0,
            s.scalar(sa.select(sa.func.count()).select_from(m.CorrectionRequestRow)) or 0,
        )


def links(session: Session) -> int:
    with session.store.reading() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(m.ComplaintChildRow)) or 0


def test_a_statement_travels_by_export_and_import_and_still_prints(
    tmp_path: Path, source: Session, demo: d.ConferenceRecord, certificate: Any
) -> None:
    ref = demo.conference.reference
    text = render_document(source.conferences.export_record(ref))
    assert '"complaints"' in text and '"corrections"' in text and STATEMENT in text
    store = new_store(tmp_path, "fresh.db")
    ConferenceService(store, CHAIR, TickingClock()).import_record(parse_document(text))
    fresh = Session(store, CHAIR, TickingClock(LATER))
    try:
        (line,) = fresh.corrections.requests(ref).lines
        assert line.request.ruling is CorrectionRuling.REFUSED
        assert line.request.statement == STATEMENT
        (complaint,) = fresh.complaints.complaints(ref).lines
        assert complaint.complaint.details == "I was not asked what I thought"
        # The children it concerns, in the conference's order of children.
        assert complaint.complaint.child_ids == (demo.children[0].id, demo.children[2].id)
        assert complaint.children == ("Kai Harland", "Theo Harland")
        # The same document comes back out: ids and order kept.
        assert render_document(fresh.conferences.export_record(ref)) == text
        mother = MinutesCopy(CopyKind.FAMILY, person(demo, "Justyna Harland").id)
        father = MinutesCopy(CopyKind.FAMILY, person(demo, "Dean Harland").id)
        assert STATEMENT in text_of(checked_minutes(fresh, ref, mother, certificate).data)
        assert STATEMENT not in text_of(checked_minutes(fresh, ref, father, certificate).data)
        # A second import is refused whole: nothing is added twice.
        with pytest.raises(Conflict, match="already in this store"):
            fresh.conferences.import_record(parse_document(text))
        assert counts(fresh) == (1, 1) and links(fresh) == 2
        assert integrity.check(store).sound
    finally:
        fresh.close()


def test_a_hand_over_carries_them_both_ways_without_duplicates(
    tmp_path: Path, source: Session, demo: d.ConferenceRecord
) -> None:
    ref = demo.conference.reference
    other = Session(new_store(tmp_path, "other.db"), OTHER_CHAIR, TickingClock(LATER))
    try:
        pending = source.corrections.record_request(
            ref,
            requested_by="Dean Harland",
            received=date(2026, 11, 25),
            disputed="Item 4",
            asked="Add that I work nights",
        )
        out = tmp_path / "to-other.cpcx"
        source.handover.export_package(ref, out, WORDS, cost=FAST_COST)
        other.handover.import_package(other.handover.read(out, WORDS))
        assert counts(other) == (1, 2)
        statements = [x.request.statement for x in other.corrections.requests(ref).lines]
        assert statements == [STATEMENT, ""]
        # Each chair rules on the pending request; the other laptop acknowledges the complaint.
        (complaint,) = other.complaints.complaints(ref).lines
        other.complaints.acknowledge_complaint(
            ref, complaint.complaint.id, acknowledged=date(2026, 11, 26)
        )
        assert complaint.complaint.child_ids == (demo.children[0].id, demo.children[2].id)
        # A complaint about one child recorded there comes back here.
        lily = other.complaints.record_complaint(
            ref,
            received=date(2026, 11, 26),
            grounds=[AppealGround.PROCESS],
            complainant_name="Pat Advocate",
            child_ids=[demo.children[1].id],
        )
        other.corrections.rule(ref, pending.id, CorrectionRuling.REFUSED, "Second chair's view")
        source.corrections.rule(ref, pending.id, CorrectionRuling.REFUSED, "First chair's view")
        back = tmp_path / "back.cpcx"
        other.handover.export_package(ref, back, WORDS, cost=FAST_COST)
        package = source.handover.read(back, WORDS)
        preview = source.handover.preview(package)
        assert preview.blocked is None and preview.plan is not None
        assert preview.plan.conflicts == ()  # issued minutes do not stop it
        source.handover.import_package(package)
        assert counts(source) == (2, 2)
        lines = {x.request.id: x.request for x in source.corrections.requests(ref).lines}
        assert lines[pending.id].reasons == "First chair's view"  # the receiver's ruling
        kept, came = source.complaints.complaints(ref).lines
        assert kept.complaint.acknowledged == date(2026, 11, 26)  # changed there only
        assert kept.complaint.child_ids == (demo.children[0].id, demo.children[2].id)
        assert came.complaint == lily and came.children == ("Lily Harland",)
        # The same package again changes nothing.
        again = source.handover.import_package(package)
        assert again.already_imported and counts(source) == (2, 2)
        assert links(source) == 3  # two children named here, one there: none twice
        assert integrity.check(source.store).sound
    finally:
        other.close()
