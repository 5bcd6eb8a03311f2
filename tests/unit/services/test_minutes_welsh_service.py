"""The minutes service under Wales: each copy in its recipient's recorded language.

A Wales conference in a real encrypted store; each person's language choice is stored
with the record (store 0008) and read back when a copy is made; the Welsh words are the
Wales profile's own (``[translations.cy]``).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from cpc_desktop.data import models as m
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, Language, UserRole
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.stores import TickingClock, new_store
from tests.helpers.welsh_minutes import wales_record

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
WELSH_ONLY, ENGLISH_ONLY = (Language.WELSH,), (Language.ENGLISH,)
BOTH = (Language.WELSH, Language.ENGLISH)


@pytest.fixture(scope="module")
def certificate():
    p12 = create_self_signed("Demo Chair", b"certificate passphrase")
    return load_certificate(p12, b"certificate passphrase")


@pytest.fixture(scope="module")
def record() -> d.ConferenceRecord:
    """Justyna Harland and the social worker chose Welsh; Dean Harland's choice is not
    known; the health visitor chose English."""
    base = wales_record()
    chose = {"Justyna Harland": Language.WELSH, "Amira Hussain": Language.WELSH}
    chose["Claire Munro"] = Language.ENGLISH
    people = tuple(dataclasses.replace(p, language=chose.get(p.name)) for p in base.participants)
    return dataclasses.replace(base, participants=people)


@pytest.fixture
def session(tmp_path: Path, record: d.ConferenceRecord) -> Iterator[Session]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(record)
    opened = Session(store, CHAIR, TickingClock(LATER))
    yield opened
    opened.close()


def who(record: d.ConferenceRecord, name: str) -> str:
    return next(p.id for p in record.participants if p.name == name)


def text_of(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_each_family_copy_is_in_its_recipients_stored_language(session, record) -> None:
    ref = record.conference.reference
    mum = MinutesCopy(CopyKind.FAMILY, who(record, "Justyna Harland"))
    dad = MinutesCopy(CopyKind.FAMILY, who(record, "Dean Harland"))
    assert session.minutes.languages(ref, mum) == WELSH_ONLY
    assert session.minutes.languages(ref, dad) == BOTH
    assert session.minutes.languages(ref, MinutesCopy(CopyKind.FAMILY)) == BOTH
    welsh_text = text_of(session.minutes.preview(ref, mum).data)
    assert "Manylion y gynhadledd" in welsh_text and "Conference details" not in welsh_text
    assert "Copi'r teulu ar gyfer Justyna Harland" in welsh_text
    both = text_of(session.minutes.preview(ref, dad).data)
    assert both.index("Manylion y gynhadledd") < both.index("Conference details")
    assert "Tudalen 1 o" in both and "Page 1 of" in both


def test_full_copies_are_english_but_for_a_professional_who_chose_welsh(
    session, record, certificate
) -> None:
    ref = record.conference.reference
    worker = MinutesCopy(CopyKind.FULL, who(record, "Amira Hussain"))
    visitor = MinutesCopy(CopyKind.FULL, who(record, "Claire Munro"))
    assert session.minutes.languages(ref) == ENGLISH_ONLY
    assert session.minutes.languages(ref, visitor) == ENGLISH_ONLY
    assert session.minutes.languages(ref, worker) == WELSH_ONLY
    session.minutes.approve(ref)
    issued = session.minutes.issue(ref, certificate)
    assert "Conference details" in text_of(issued.data)
    # The issued file is the English one, for anyone who did not choose Welsh.
    assert session.minutes.export(ref, visitor).data == issued.data
    # A Welsh full copy of issued minutes is made and signed now: without a certificate
    # nothing is written or recorded.
    with session.store.reading() as s:
        before = s.scalar(sa.select(sa.func.count()).select_from(m.OutputFileRow))
    with pytest.raises(ServiceError, match="must be signed"):
        session.minutes.export(ref, worker)
    with session.store.reading() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.OutputFileRow)) == before
    welsh_copy = session.minutes.export(ref, worker, certificate)
    assert welsh_copy.signed and welsh_copy.data != issued.data
    assert session.verification.verify(welsh_copy.data).valid
    text = text_of(welsh_copy.data)
    assert "Copi llawn: ymarferwyr yn unig" in text and "Conference details" not in text
    preview = text_of(session.minutes.preview(ref, worker).data)
    assert "Manylion y gynhadledd" in preview


def test_under_england_a_stored_language_changes_nothing(tmp_path, record) -> None:
    store = new_store(tmp_path)
    conference = dataclasses.replace(record.conference, profile="england")
    ConferenceService(store, CHAIR, TickingClock()).import_record(
        dataclasses.replace(record, conference=conference)
    )
    session = Session(store, CHAIR, TickingClock(LATER))
    try:
        mum = MinutesCopy(CopyKind.FAMILY, who(record, "Justyna Harland"))
        assert session.minutes.languages(record.conference.reference, mum) == ENGLISH_ONLY
        text = text_of(session.minutes.preview(record.conference.reference, mum).data)
        assert "Family copy for Justyna Harland" in text and "Copi" not in text
    finally:
        session.close()
