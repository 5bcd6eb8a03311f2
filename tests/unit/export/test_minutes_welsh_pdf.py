"""The Welsh and bilingual family copies as PDFs: the text read back by poppler's
pdftotext (recipes.md) has the Welsh before the English, Welsh page furniture, and
every Welsh letter (ŵ, ŷ, â and the rest) printed from the bundled font."""

from __future__ import annotations

import dataclasses
import io
import random
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, Language, ParticipantRole
from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
from cpc_desktop.domain.minutes_words import Wording
from cpc_desktop.domain.minutes_words_cy import WELSH
from cpc_desktop.domain.sides import family_side
from cpc_desktop.export import fonts
from cpc_desktop.export.typeset import render_document
from cpc_desktop.services.profiles import load_profile
from tests.helpers.welsh_minutes import wales, wales_record
from tests.unit.export.test_family_outputs_property import conference, kept_from
from tests.unit.services.test_nothing_hidden import everything_in

#: Every letter with a diacritic that Welsh writes (the to bach, the diaeresis, the
#: acute and grave), small and capital.
WELSH_LETTERS = "âêîôûŵŷäëïöüÿẅáéíóúẃýàèìòùẁỳ"


def utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)


def pdftotext(pdf: bytes, tmp_path: Path) -> list[str]:
    """Each page's text as poppler lays it out, white space collapsed."""
    path = tmp_path / "copy.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-layout", str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in out.split("\f")[:-1]]


def with_entry(record: d.ConferenceRecord, text: str) -> d.ConferenceRecord:
    """``record`` with its first minute entry reading ``text``."""
    first = dataclasses.replace(record.minutes[0], text=text)
    return dataclasses.replace(record, minutes=(first, *record.minutes[1:]))


def family_copy(record: d.ConferenceRecord, language: Language | None) -> bytes:
    person = next(p for p in record.participants if p.role is ParticipantRole.PARENT)
    if language is not None:
        people = tuple(
            dataclasses.replace(p, language=language) if p.id == person.id else p
            for p in record.participants
        )
        record = dataclasses.replace(record, participants=people)
    profile = wales()
    which = MinutesCopy(CopyKind.FAMILY, person.id)
    built = build_minutes(record, profile, which, local=utc)
    return render_document(built.document)


TYPED = "Mae Kai yn hoffi'r tŷ; mae'r ŵyr yn aros â'i fam-gu. Ŵyn a Ŷ."


@pytest.fixture(scope="module")
def record() -> d.ConferenceRecord:
    return with_entry(wales_record(), TYPED)


def test_a_bilingual_copy_reads_welsh_before_english(record, tmp_path) -> None:
    pages = pdftotext(family_copy(record, None), tmp_path)
    first, whole = pages[0], " ".join(pages)
    assert first.index("SWYDDOGOL-SENSITIF") < first.index("OFFICIAL-SENSITIVE")
    assert first.index("Cynhadledd Amddiffyn Plant: cofnodion") < first.index(
        "Child Protection Conference: minutes"
    )
    assert "Manylion y gynhadledd / Conference details" in first
    assert f"Tudalen 1 o {len(pages)} / Page 1 of {len(pages)}" in first
    for heading, english in (
        ("Presenoldeb", "Attendance"),
        ("Penderfyniadau", "Decisions"),
        ("Y dyddiadau nesaf", "Next dates"),
        ("Cymeradwyaeth", "Approval"),
    ):
        assert f"{heading} / {english}" in whole
    assert "Grŵp craidd / Core group" in whole
    assert TYPED in whole and whole.count(TYPED) == 1


def test_a_welsh_copy_has_welsh_page_furniture_and_no_english_headings(record, tmp_path) -> None:
    pdf = family_copy(record, Language.WELSH)
    pages = pdftotext(pdf, tmp_path)
    for number, page in enumerate(pages, start=1):
        assert page.count("SWYDDOGOL-SENSITIF") == 2
        assert f"Tudalen {number} o {len(pages)}" in page
        assert "OFFICIAL" not in page and "Page " not in page
    whole = " ".join(pages)
    assert "Manylion y gynhadledd" in whole and "Conference details" not in whole
    assert "Copi'r teulu ar gyfer" in whole and "Family copy" not in whole
    # The watermark, drawn across the page, as pypdf reads it (pdftotext skips it).
    first = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "DRAFFT" in first and "DRAFT" not in first.replace("DRAFFT", "")
    assert "Rhagfyr" in whole or "Tachwedd" in whole
    assert TYPED in whole


def test_the_pdf_says_its_language(record) -> None:
    welsh_pdf = family_copy(record, Language.WELSH)
    assert b"/Lang (cy-GB)" in welsh_pdf
    england = load_profile("england")
    built = build_minutes(record, england, MinutesCopy(CopyKind.FAMILY), local=utc)
    assert b"/Lang (en-GB)" in render_document(built.document)


def test_the_bundled_font_has_every_welsh_letter_and_every_word_of_the_welsh_table() -> None:
    table_text = "".join(
        value for value in vars(WELSH).values() if isinstance(value, str)
    ) + "".join(str(field.name) for field in dataclasses.fields(Wording))
    for face in (fonts.BODY, fonts.BODY_BOLD):
        covered = fonts.cmap(face)
        for letter in WELSH_LETTERS + WELSH_LETTERS.upper() + table_text:
            assert ord(letter) in covered, (face, letter)


@settings(max_examples=2, deadline=None, derandomize=True)
@given(st.integers(0, 2**32 - 1))
def test_no_welsh_or_bilingual_family_copy_holds_what_its_recipient_may_not_receive(
    seed: int,
) -> None:
    """The property test of issue 16 (test_family_outputs_property.py), with each family
    member's copy in Welsh or in both languages: the words change, what is left out
    does not."""
    rng = random.Random(seed)
    generated = conference(rng)
    people = tuple(
        dataclasses.replace(p, language=rng.choice([None, Language.WELSH]))
        for p in generated.participants
    )
    generated = dataclasses.replace(generated, participants=people)
    profile = wales()
    for person in family_side(generated):
        which = MinutesCopy(CopyKind.FAMILY, person.id)
        built = build_minutes(generated, profile, which)
        assert built.languages[0] is Language.WELSH
        found = everything_in(render_document(built.document))
        leaked = sorted(t for t in kept_from(generated, person, letter=False) if t in found)
        assert not leaked, (person.name, built.languages, leaked)
