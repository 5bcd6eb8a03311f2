"""Right-to-left names read back from a PDF as they were typed (issue 16, point 7).

A PDF draws a right-to-left run right to left, in visual order; text extraction (pdftotext,
pypdf, copy and paste, screen readers) turns such a run back into reading order. What it
cannot undo is a wrong code point: ReportLab named every joined Arabic glyph by a
presentation form (U+FE70-U+FEFF) and split a right-to-left name into one string per word,
so readers got presentation forms, and pypdf the words of a name in reverse order.

Both extractors guess reading order with their own simple rules, which move a neutral
character (space, comma, bracket, digit) next to a right-to-left run, as both print
"Dear ليلى حسن," as "Dear ,ليلى حسن" from any PDF, whoever made it. So these tests check the
names letter for letter, and whole lines only where no neutral touches a right-to-left run.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pypdf
import pytest

from cpc_desktop.domain.minutes_document import build_minutes
from cpc_desktop.domain.printed import Para, PrintedDocument, Section
from cpc_desktop.export.typeset import render_document, render_letter
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile
from tests.unit.domain.test_letters import TODAY, compose
from tests.unit.export.test_typeset import pdftotext

ARABIC = "ليلى حسن"
HEBREW = "דוד כהן"
VOWELLED = "مُحَمَّد علي"  # harakat, and a shadda with a fatha drawn as one glyph
LAM_ALEF = "علاء بلال"  # lam and alef drawn as one glyph
NAMES = {"arabic": ARABIC, "hebrew": HEBREW}
# Presentation forms (Hebrew and Arabic) and private use: what readers got before.
WRONG = re.compile("[\ufb1d-\ufdff\ufe70-\ufeff\ue000-\uf8ff]")
# pdftotext marks each run it reorders with an embedding and a pop (U+202A-U+202C).
POPPLER_MARKS = str.maketrans("", "", "\u202a\u202b\u202c")


def pypdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def poppler_text(pdf: bytes, tmp_path: Path) -> str:
    return "\n".join(pdftotext(pdf, tmp_path, layout=False)).translate(POPPLER_MARKS)


def both(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    return {"pypdf": pypdf_text(pdf), "pdftotext": poppler_text(pdf, tmp_path)}


def one_para(text: str) -> bytes:
    sections = (Section("Only", (Para(text),)),)
    return render_document(PrintedDocument("Test", "Subtitle", "OFFICIAL", "REF", sections))


@pytest.fixture(scope="module")
def demo():
    return build_demo_records(TODAY)[0]


def minutes_pdf(demo, names: dict[str, str]) -> bytes:
    people = tuple(dataclasses.replace(p, name=names.get(p.id, p.name)) for p in demo.participants)
    record = dataclasses.replace(demo, participants=people)
    return render_document(build_minutes(record, load_profile("england")).document)


def core_group(demo) -> tuple[str, ...]:
    return next(c for c in demo.decisions if len(c.core_group) > 2).core_group


def speakers(demo, pid: str) -> int:
    return sum(1 for e in demo.minutes if e.speaker_id == pid)


@pytest.mark.parametrize("name", NAMES)
def test_names_in_the_minutes_read_back_as_typed(demo, name: str, tmp_path: Path) -> None:
    typed = NAMES[name]
    pid = max(core_group(demo), key=lambda p: speakers(demo, p))
    assert speakers(demo, pid) >= 1
    pdf = minutes_pdf(demo, {pid: typed})
    for reader, text in both(pdf, tmp_path).items():
        # In the core group and in each of their speaker headings, letter for letter.
        assert text.count(typed) >= 1 + speakers(demo, pid), reader
        assert not WRONG.search(text), (reader, WRONG.findall(text))


def test_core_group_names_after_right_to_left_names_keep_their_order(demo, tmp_path) -> None:
    first, second, third, *_ = core_group(demo)
    names = {first: "\u202eEvil Name", second: f"Layla {ARABIC}", third: f"{HEBREW} Levi"}
    pdf = minutes_pdf(demo, names)
    for reader, text in both(pdf, tmp_path).items():
        flat = " ".join(text.split())
        # The override acts on its own name alone; the names after it read as typed.
        # The core group, as printed (the override is honoured in its own name alone).
        listed = flat[flat.index("Core group emaN livE (") :][:200]
        at = [listed.find(part) for part in (ARABIC, HEBREW, "Levi")]
        assert -1 < at[0] < at[1] < at[2], (reader, listed)


@pytest.mark.parametrize("name", NAMES)
def test_a_letter_salutation_reads_back_as_typed(name: str, tmp_path: Path) -> None:
    typed = NAMES[name]
    pdf = render_letter(compose(name=typed))
    for reader, text in both(pdf, tmp_path).items():
        assert typed in next(line for line in text.splitlines() if "Dear" in line), reader
        assert "Thank you" in text and not WRONG.search(text), reader


def test_a_mixed_line_reads_back_in_typed_order() -> None:
    typed = f"Mother: {ARABIC} then {HEBREW} and Father"
    assert typed in pypdf_text(one_para(typed))


@pytest.mark.parametrize("typed", [VOWELLED, LAM_ALEF])
def test_ligatures_read_back_as_the_letters_they_join(typed: str, tmp_path: Path) -> None:
    pdf = one_para(f"Name: {typed}")
    assert f"Name: {typed}" in pypdf_text(pdf)
    # pdftotext sets each mark apart and reverses a ligature's letters with the run (its
    # own limit): only its code points are checked.
    text = poppler_text(pdf, tmp_path)
    assert not WRONG.search(text)
    assert sorted(c for c in text if c >= "\u0600") == sorted(c for c in typed if c > " ")


@pytest.mark.parametrize(
    "typed",
    [
        f"\u2067{ARABIC}\u2069",
        f"\u202e{ARABIC}\u202c",
        f"\u202b{HEBREW}\u202c",
        "\u202dZoë Ó\u202c",
    ],
)
def test_names_with_controls_that_change_nothing_read_back_without_them(
    typed: str, tmp_path: Path
) -> None:
    bare = re.sub("[\u202a-\u202e\u2066-\u2069]", "", typed)
    pdf = one_para(f"Name: {typed}")
    for reader, text in both(pdf, tmp_path).items():
        assert bare in text, reader
        assert not re.search("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", text.replace("\u202b", ""))
