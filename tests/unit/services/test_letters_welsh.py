"""The letter service under the Wales profile: each letter in its recipient's language."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import Language, UserRole
from cpc_desktop.domain.letters import LetterKind, LetterRequest
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.release import checked_letters
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
TODAY = date(2026, 11, 23)
ADDRESS = ("1 Mill Lane", "Harbury", "HB1 2CD")


def _open(
    tmp_path: Path, profile: str, mum: Language | None = None
) -> Iterator[tuple[Session, d.ConferenceRecord]]:
    """The demo conference under ``profile``, its mother having chosen ``mum``."""
    record = build_demo_records(TODAY)[0]
    people = tuple(
        dataclasses.replace(p, language=mum) if p.name == "Justyna Harland" else p
        for p in record.participants
    )
    record = dataclasses.replace(
        record,
        conference=dataclasses.replace(record.conference, profile=profile),
        participants=people,
    )
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(record)
    session = Session(store, CHAIR, TickingClock(datetime(2026, 11, 23, 12, tzinfo=UTC)))
    yield session, record
    session.close()


@pytest.fixture
def wales(tmp_path: Path) -> Iterator[tuple[Session, d.ConferenceRecord]]:
    yield from _open(tmp_path, "wales")


@pytest.fixture
def wales_welsh_mum(tmp_path: Path) -> Iterator[tuple[Session, d.ConferenceRecord]]:
    yield from _open(tmp_path, "wales", Language.WELSH)


@pytest.fixture
def wales_english_mum(tmp_path: Path) -> Iterator[tuple[Session, d.ConferenceRecord]]:
    yield from _open(tmp_path, "wales", Language.ENGLISH)


@pytest.fixture
def england_welsh_mum(tmp_path: Path) -> Iterator[tuple[Session, d.ConferenceRecord]]:
    yield from _open(tmp_path, "england", Language.WELSH)


def text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def _parent(session: Session, ref: str, language: Language | None = None) -> str:
    """The mother's letter previewed; ``language`` is what the request says (the
    recorded choice wins)."""
    plan = next(p for p in session.letters.plan(ref) if p.need.kind is LetterKind.PARENT)
    assert plan.need.recipient_name == "Justyna Harland"
    request = LetterRequest(
        LetterKind.PARENT,
        plan.need.recipient_id,
        plan.need.recipient_name,
        ADDRESS,
        language=language,
    )
    pdf = session.letters.preview(ref, request)
    assert "Harland" not in pdf.file_name and "cy" not in pdf.file_name.split(ref)[-1]
    return text(pdf.data)


def test_a_welsh_speaking_parent_gets_the_letter_in_welsh(wales_welsh_mum) -> None:
    session, record = wales_welsh_mum
    ref = record.conference.reference
    words = _parent(session, ref)

    plan = next(p for p in session.letters.plan(ref) if p.need.kind is LetterKind.PARENT)
    assert plan.languages == (Language.WELSH,)
    assert "Annwyl " in words and "Rydym yn croesawu gohebiaeth yn Gymraeg." in words
    assert "Gwasanaeth cynadleddau amddiffyn plant" in words
    assert "Dear " not in words and "Yours sincerely" not in words
    # The recorded choice wins over what a request says.
    assert _parent(session, ref, Language.ENGLISH) == words


def test_an_english_speaking_parent_gets_the_letter_in_english(wales_english_mum) -> None:
    session, record = wales_english_mum
    words = _parent(session, record.conference.reference, None)

    assert "Dear Justyna Harland," in words and "Annwyl" not in words
    assert "We welcome correspondence in Welsh." in words


def test_an_unknown_choice_gets_both_languages_welsh_first(wales) -> None:
    session, record = wales
    words = _parent(session, record.conference.reference, Language.ENGLISH)

    assert words.index("Annwyl ") < words.index("Dear ")
    assert words.index("Yn gywir,") < words.index("Yours sincerely,")
    plans = session.letters.plan(record.conference.reference)
    assert all(p.languages == (Language.WELSH, Language.ENGLISH) for p in plans)


def test_a_transfer_letter_to_the_other_authority_is_bilingual_under_wales(tmp_path) -> None:
    from cpc_desktop.domain.enums import ConferenceType

    record = build_demo_records(TODAY)[0]
    conference = dataclasses.replace(
        record.conference,
        profile="wales",
        type=ConferenceType.TRANSFER_IN,
        transfer_notice_date=date(2026, 11, 2),
        transfer_from="Northshire County Council",
    )
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(
        dataclasses.replace(record, conference=conference)
    )
    session = Session(store, CHAIR, TickingClock(datetime(2026, 11, 23, 12, tzinfo=UTC)))
    try:
        ref = conference.reference
        plan = next(p for p in session.letters.plan(ref) if p.need.kind is LetterKind.TRANSFER)
        assert plan.need.recipient_id is None
        assert plan.languages == (Language.WELSH, Language.ENGLISH)
        request = LetterRequest(LetterKind.TRANSFER, None, "Northshire County Council", ())
        words = text(session.letters.preview(ref, request).data)
        assert words.index("Annwyl gydweithwyr,") < words.index("Dear colleagues,")
    finally:
        session.close()


def test_an_england_conference_ignores_the_language(england_welsh_mum) -> None:
    session, record = england_welsh_mum
    ref = record.conference.reference
    welsh = _parent(session, ref, Language.WELSH)
    unknown = _parent(session, ref, None)

    for words in (welsh, unknown):
        assert "Dear " in words and "Annwyl" not in words and "Gymraeg" not in words
    assert all(p.languages == (Language.ENGLISH,) for p in session.letters.plan(ref))


def test_a_welsh_letter_is_held_checked_and_issued_as_it_was_made(wales_welsh_mum) -> None:
    """The release check makes the letter again from the record: the recorded choice
    gives the same Welsh letter, so the checked letter is the one issued."""
    session, record = wales_welsh_mum
    ref = record.conference.reference
    plan = next(p for p in session.letters.plan(ref) if p.need.kind is LetterKind.PARENT)
    request = LetterRequest(
        LetterKind.PARENT, plan.need.recipient_id, plan.need.recipient_name, ADDRESS
    )

    (pdf,) = checked_letters(session, ref, [request])

    words = text(pdf.data)
    assert "Annwyl Justyna Harland," in words and "Dear " not in words
    assert session.conferences.get(ref).letters[-1].file_sha256 == pdf.sha256
