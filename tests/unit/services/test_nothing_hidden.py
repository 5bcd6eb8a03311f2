"""Nothing hidden (issue 16, point 6): no text a family copy leaves out is anywhere in its
bytes: not on a page, nor in any decompressed stream (content, XMP, fonts' maps), nor in
any string of the file (document information, outlines, annotations, signatures).

The demo conference, approved and issued, signed family copies for each family member
and for any of them. The full copy is the control: every secret is found in it.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import FAMILY_ROLES, AttendanceKind, CopyKind, UserRole
from cpc_desktop.domain.fields import FIELDS, Readers, values_at
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.release import checked_minutes
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Alex Chair", UserRole.CHAIR)
TODAY = date(2026, 11, 22)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def flat(text: str) -> str:
    return " ".join(text.split())


def _strings(node: object, seen: set[int], out: list[str], reader: PdfReader) -> None:
    if isinstance(node, IndirectObject):
        if node.idnum in seen:
            return
        seen.add(node.idnum)
        node = node.get_object()
    if isinstance(node, StreamObject):
        data = node.get_data()
        out += [data.decode("latin-1"), data.decode("utf-8", "ignore")]
        out += [data.decode("utf-16-be", "ignore")]
    if isinstance(node, DictionaryObject):
        for value in node.values():
            _strings(value, seen, out, reader)
    elif isinstance(node, ArrayObject):
        for value in node:
            _strings(value, seen, out, reader)
    elif isinstance(node, str):
        out.append(str(node))


_RAW_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _raw_streams(pdf: bytes) -> list[str]:
    """Every stream in the file's bytes, decompressed where it is Flate: this reaches
    objects of earlier revisions that the newest cross-reference table no longer lists."""
    out = [pdf.decode("latin-1")]
    for match in _RAW_STREAM.finditer(pdf):
        data = match.group(1)
        with contextlib.suppress(zlib.error):
            data = zlib.decompress(data)
        out += [data.decode("latin-1"), data.decode("utf-8", "ignore")]
    return out


def everything_in(pdf: bytes) -> str:
    """Every page's text and every string and decompressed stream of the file (of every
    revision in it)."""
    reader = PdfReader(io.BytesIO(pdf))
    out = [page.extract_text() for page in reader.pages]
    out += _raw_streams(pdf)
    seen: set[int] = set()
    _strings(reader.trailer, seen, out, reader)
    for number in range(1, int(reader.trailer.get("/Size", 0))):
        _strings(IndirectObject(number, 0, reader), seen, out, reader)
    return flat("\n".join(out))


@pytest.fixture
def issued(tmp_path: Path) -> Iterator[tuple[Session, d.ConferenceRecord, object]]:
    record = build_demo_records(TODAY)[0]
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(record)
    session = Session(store, CHAIR, TickingClock(LATER))
    p12 = create_self_signed("Demo Chair", b"certificate passphrase")
    certificate = load_certificate(p12, b"certificate passphrase")
    ref = record.conference.reference
    session.minutes.approve(ref)
    session.minutes.issue(ref, certificate)
    yield session, record, certificate
    session.close()


def professional_text(record: d.ConferenceRecord) -> list[str]:
    """Free text written for professionals only (domain/fields.py)."""
    found = [
        e.note
        for p in record.participants
        for e in p.attendance
        if e.note and e.kind is AttendanceKind.EXCLUDED  # other notes are never printed
    ]
    for decision in record.decisions:
        found += [v.reason for v in decision.views if v.reason]
        found += [x.reasons for x in decision.dissents if x.reasons]
    found += [t for t in (record.conference.delay_reason, record.conference.quorum_reason) if t]
    return found


def needle(text: str) -> str:
    return flat(text)[:40]


def written_for_the_family(record: d.ConferenceRecord, left_out: set[str]) -> list[str]:
    """Text a family copy may print: fields declared for the family, and entries it keeps.
    (The demo repeats some words: an agency's reason is also the threshold rationale.)"""
    found = [e.text for e in record.minutes if e.id not in left_out]
    for path, rule in FIELDS.items():
        if rule.readers is Readers.FAMILY and not path.startswith("$.minutes[]"):
            found += [str(v) for _, v in values_at(record, path) if v]
    return found


def test_no_family_copy_holds_what_it_leaves_out(issued) -> None:
    session, record, certificate = issued
    ref = record.conference.reference
    entries = {e.id: e.text for e in record.minutes}
    full = everything_in(session.minutes.preview(ref).data)
    family = [p for p in record.participants if p.role in FAMILY_ROLES]
    assert family, "the demo has family members"
    checked = 0
    for recipient in [None, *(p.id for p in family)]:
        which = MinutesCopy(CopyKind.FAMILY, recipient)
        pdf = checked_minutes(session, ref, which, certificate)
        left_out = {r.entry_id for r in pdf.redactions}
        allowed = [flat(t) for t in written_for_the_family(record, left_out)]
        secrets = [
            secret
            for secret in [entries[i] for i in left_out] + professional_text(record)
            if not any(needle(secret) in flat(t) for t in allowed)
        ]
        assert pdf.redactions and secrets
        text = everything_in(pdf.data)
        for secret in secrets:
            assert needle(secret) in full, "the control: the full copy holds it"
            assert needle(secret) not in text, (recipient, secret)
            checked += 1
    assert checked > 20
