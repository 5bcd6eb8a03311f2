"""Printed documents and letters as PDF: every word there, on the right page, safely."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from reportlab import rl_config

from cpc_desktop.domain.printed import (
    Fields,
    LetterDocument,
    Para,
    ParaStyle,
    PrintedDocument,
    Section,
    Table,
)
from cpc_desktop.export.typeset import CELL_LIMIT, Progress, render_document, render_letter

MARKING = "OFFICIAL-SENSITIVE"
REFERENCE = "CPC-2026-0042"
TITLE = "Initial child protection conference: minutes"
HOSTILE = 'Zoë <img src="http://example.invalid/x.png"/> & <b>Co</b> &amp;'
HOSTILE_FILE = '<img src="file:///etc/passwd"/><font name="Courier">x</font>'
LTR_NAMES = {
    "latin": "Zoë Ångström-Łukasiewicz",
    "irish": "Siobhán Ó Briain",
    "greek": "Αλέξανδρος Παπαδόπουλος",
    "cyrillic": "Анастасия Кузнецова",
    "chinese": "王小明",
}
RTL_NAMES = {"arabic": "محمد عبد الله", "hebrew": "דוד כהן"}
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SENTENCE = (
    "The health visitor has seen the baby at home four times since the strategy discussion; "
    "home conditions were adequate each time, though the mother is not sleeping."
)


def minutes(watermark: str | None = "DRAFT") -> PrintedDocument:
    rows = tuple(
        (f"Attendee {i:02d}", "Health visitor" if i % 2 else "Social worker", f"Agency {i:02d}")
        for i in range(90)
    )
    entries = tuple(
        Para(
            f"Entry {i:02d}. {SENTENCE}",
            f"Speaker {i:02d} (Social worker) - concern:",
            meta="10:04",
        )
        for i in range(12)
    )
    return PrintedDocument(
        title=TITLE,
        subtitle="Initial child protection conference, 23 November 2026. Full copy",
        marking=MARKING,
        reference=REFERENCE,
        sections=(
            Section(
                "Conference details",
                (Fields((("Date", "23 November 2026, 10:00"), ("Venue", "Room 4, Civic Centre"))),),
            ),
            Section("Attendance", (Table(("Name", "Role", "Agency"), rows, (0.4, 0.3, 0.3)),)),
            Section(
                "Reports",
                (
                    *entries,
                    Para("The school was closed for half term.", "Not obtained:", ParaStyle.NOTE),
                    Para("I want to stay with my mum.", "The child's views:", ParaStyle.QUOTE),
                    Para(
                        "Said while the father was out.", "Restricted:", ParaStyle.WARNING, "10:31"
                    ),
                ),
            ),
            Section("The baby", (Para("A level two section under Reports."),), level=2),
            Section("Decisions", (Para("Child protection plan under the category of neglect."),)),
        ),
        watermark=watermark,
        metadata=(("Reference", REFERENCE), ("Version", "draft"), ("Content hash", "ab12cd")),
    )


def letter(paragraphs: int = 3, large_print: bool = False) -> LetterDocument:
    return LetterDocument(
        marking=MARKING,
        reference=REFERENCE,
        sender=("Northshire Council", "Children's Services", "Civic Centre, Northtown NT1 1AA"),
        recipient_name="Ms Jane Harland",
        recipient_address=("12 Acacia Avenue", "Northtown", "NT2 3BB"),
        date_text="23 November 2026",
        subject="Invitation to an initial child protection conference",
        salutation="Dear Ms Harland,",
        paragraphs=(
            Para("Tuesday 1 December 2026 at 10:00.", "When and where:"),
            *(Para(f"Paragraph {i}. {SENTENCE}") for i in range(paragraphs)),
        ),
        sign_off="Yours sincerely,",
        signatory=("Jo Bloggs", "Independent Chair"),
        large_print=large_print,
    )


def document(*blocks: Para | Fields | Table, title: str = "Test") -> PrintedDocument:
    return PrintedDocument(title, "Subtitle", MARKING, REFERENCE, (Section("Only", blocks),))


# --- reading PDFs back ------------------------------------------------------------------------


def pages(pdf: bytes) -> list[str]:
    """Each page's text as pypdf extracts it (content-stream order)."""
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def pdftotext(pdf: bytes, tmp_path: Path, *, layout: bool = True) -> list[str]:
    """Each page's text as poppler's pdftotext lays it out."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return out.split("\f")[:-1]


def body_text(pdf: bytes, furniture: set[str]) -> str:
    """All pages' text without the page furniture, white space collapsed."""
    lines = []
    for text in pages(pdf):
        for line in text.splitlines():
            bare = line.strip()
            if bare in furniture or re.fullmatch(r"Page \d+ of \d+", bare):
                continue
            lines.append(bare)
    return " ".join(" ".join(lines).split())


def collapse(text: str) -> str:
    return " ".join(text.split())


def fonts_used(pdf: bytes) -> Iterator[pypdf.generic.DictionaryObject]:
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            yield ref.get_object()


@pytest.fixture(scope="module")
def minutes_pdf() -> bytes:
    return render_document(minutes())


# --- the minutes ------------------------------------------------------------------------------


def test_every_part_of_the_document_is_printed(minutes_pdf: bytes) -> None:
    doc = minutes()
    text = body_text(minutes_pdf, {MARKING, REFERENCE, TITLE, "DRAFT"})
    wanted = [doc.subtitle]  # the title is page furniture too: see the first-page test
    number = 0
    for section in doc.sections:
        if section.level == 1:
            number += 1
            wanted.append(f"{number}. {section.title}")
        else:
            wanted.append(section.title)
        for block in section.blocks:
            if isinstance(block, Para):
                wanted += [block.label, block.text, block.meta]
            elif isinstance(block, Fields):
                wanted += [part for pair in block.pairs for part in pair]
            else:
                wanted += [*block.header, *(cell for row in block.rows for cell in row)]
    missing = [w for w in wanted if collapse(w) not in text]
    assert not missing


def test_sections_are_numbered_in_order_and_level_two_is_not(minutes_pdf: bytes) -> None:
    text = body_text(minutes_pdf, {MARKING, REFERENCE, TITLE, "DRAFT"})
    at = [text.index(h) for h in ("1. Conference details", "2. Attendance", "3. Reports")]
    assert at == sorted(at)
    assert "4. Decisions" in text
    assert "The baby" in text and not re.search(r"\d\. The baby", text)


def test_title_and_subtitle_open_the_first_page(minutes_pdf: bytes, tmp_path: Path) -> None:
    first = pdftotext(minutes_pdf, tmp_path)[0]
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    assert lines[2] == TITLE  # after the marking and the running head
    assert lines[3].startswith("Initial child protection conference, 23 November 2026")


def test_marking_reference_and_title_are_on_every_page(minutes_pdf: bytes, tmp_path: Path) -> None:
    texts = pdftotext(minutes_pdf, tmp_path)
    assert len(texts) >= 3
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == MARKING  # top centre
        assert lines[1].startswith(REFERENCE) and lines[1].endswith(TITLE)
        assert lines[-1].startswith(MARKING)  # bottom centre, with the page number
        assert text.count(MARKING) == 2


def test_pages_are_numbered_x_of_y(minutes_pdf: bytes, tmp_path: Path) -> None:
    texts = pdftotext(minutes_pdf, tmp_path)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        found = re.findall(r"Page (\d+) of (\d+)", text)
        assert found == [(str(number), str(total))]


def test_the_table_header_is_repeated_on_every_page_it_spans(minutes_pdf: bytes) -> None:
    spanned = [t for t in pages(minutes_pdf) if re.search(r"Attendee \d\d", t)]
    assert len(spanned) >= 2
    for text in spanned:
        assert re.search(r"Name\s+Role\s+Agency", text)


def test_the_watermark_is_on_every_page_when_set(minutes_pdf: bytes) -> None:
    texts = pages(minutes_pdf)
    assert all("DRAFT" in text for text in texts)
    unmarked = pages(render_document(minutes(watermark=None)))
    assert len(unmarked) == len(texts)
    assert not any("DRAFT" in text for text in unmarked)


def test_document_information(minutes_pdf: bytes) -> None:
    info = pypdf.PdfReader(io.BytesIO(minutes_pdf)).metadata
    assert info is not None
    assert info.title == f"{TITLE} ({REFERENCE})"
    assert info.author == "CPC Desktop"
    assert info.creator == "CPC Desktop"
    assert info["/Keywords"] == f"Reference: {REFERENCE}; Version: draft; Content hash: ab12cd"
    assert info["/ContentHash"] == "ab12cd"
    assert info["/Version"] == "draft"


def test_fonts_are_embedded_subsets_of_the_bundled_fonts(minutes_pdf: bytes) -> None:
    pdf = render_document(
        document(*(Para(f"{name}: {text}") for name, text in {**LTR_NAMES, **RTL_NAMES}.items()))
    )
    names = set()
    for font in [*fonts_used(minutes_pdf), *fonts_used(pdf)]:
        name = str(font["/BaseFont"])
        names.add(name.split("+", 1)[1])
        assert re.fullmatch(r"/[A-Z]{6}\+.+", name)  # a subset
        assert "/FontFile2" in font["/FontDescriptor"]  # embedded TrueType
    assert names == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-RTL", "DroidSansFallback"}


def test_invariant_output_is_byte_identical() -> None:
    before = rl_config.invariant
    assert render_document(minutes(), invariant=True) == render_document(minutes(), invariant=True)
    assert render_letter(letter(), invariant=True) == render_letter(letter(), invariant=True)
    assert rl_config.invariant == before


def test_an_empty_document_still_prints_its_page_furniture(tmp_path: Path) -> None:
    pdf = render_document(PrintedDocument("Empty", "", MARKING, REFERENCE, ()))
    (text,) = pdftotext(pdf, tmp_path)
    assert "Empty" in text and "Page 1 of 1" in text and text.count(MARKING) == 2


# --- hostile and international text ------------------------------------------------------------


def test_markup_in_user_text_prints_literally(tmp_path: Path) -> None:
    pdf = render_document(
        document(
            Para(HOSTILE, label=HOSTILE, meta="<b>"),
            Para(HOSTILE_FILE),
            Fields(((HOSTILE, HOSTILE),)),
            Table((HOSTILE, "b"), ((HOSTILE, HOSTILE_FILE),)),
            title=HOSTILE,
        )
    )
    text = collapse(" ".join(pdftotext(pdf, tmp_path, layout=False)))
    assert text.count(HOSTILE) >= 6
    assert text.count(HOSTILE_FILE) == 2
    assert "<b>" in text


@pytest.mark.parametrize("name", LTR_NAMES)
def test_names_extract_exactly_as_written(name: str, tmp_path: Path) -> None:
    written = LTR_NAMES[name]
    pdf = render_document(
        document(
            Para(f"{written} attended.", label=f"{written}:"),
            Fields(((written, written),)),
            Table(("Name",), ((written,),)),
            title=written,
        )
    )
    extracted = "\n".join(pages(pdf))
    assert extracted.count(written) >= 6
    assert extracted.count(written) == "\n".join(pdftotext(pdf, tmp_path)).count(written)


def letters(text: str) -> Counter[str]:
    """The letters of ``text`` whatever their order or presentation forms."""
    return Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalpha())


@pytest.mark.parametrize("name", RTL_NAMES)
def test_right_to_left_names_print_every_letter(name: str, tmp_path: Path) -> None:
    written = RTL_NAMES[name]
    pdf = render_document(document(Para(f"Name: {written} (mother)")))
    (text,) = pdftotext(pdf, tmp_path)
    line = next(line for line in text.splitlines() if "Name:" in line)
    between = line.split("Name:", 1)[1].split("mother")[0]
    assert letters(between) == letters(written)  # no letter lost or drawn as a box
    assert "\ufffd" not in text


@pytest.mark.parametrize("name", RTL_NAMES)
def test_right_to_left_names_read_back_in_reading_order(name: str, tmp_path: Path) -> None:
    # Poppler turns right-to-left runs laid out in visual order back into reading order
    # (between embedding marks), which it can only do if they were laid out right to left.
    written = RTL_NAMES[name]
    pdf = render_document(document(Para(f"Name: {written}."), Para(f"{written} 2026")))
    (text,) = pdftotext(pdf, tmp_path, layout=False)
    text = unicodedata.normalize("NFKC", text.replace("\u202b", "").replace("\u202c", ""))
    assert f"Name: {written}." in text
    assert written in text.split("Name:")[1].split("\n")[1]


def test_bidi_controls_are_not_printed(tmp_path: Path) -> None:
    pdf = render_document(document(Para(f"abc \u202eevil\u202c def {BIDI_CONTROLS} end")))
    text = "\n".join(pages(pdf)) + "\n".join(pdftotext(pdf, tmp_path))
    assert not set(BIDI_CONTROLS) & set(text)
    assert "abc live def" in text


# --- long text ----------------------------------------------------------------------------------


def test_a_one_megabyte_paragraph_prints_every_word(tmp_path: Path) -> None:
    text = ("marker lorem ipsum dolor sit amet " * 30_000)[:1_000_000]
    pdf = render_document(document(Para(text, "Speaker:", meta="10:00")))
    out = "".join(pdftotext(pdf, tmp_path, layout=False))
    assert out.count("marker") == text.count("marker") > 29_000
    assert out.count("lorem") == text.count("lorem")


def test_a_one_megabyte_word_prints_every_character(tmp_path: Path) -> None:
    text = "x" * 999_990 + "ENDMARKER"
    pdf = render_document(document(Para(text)))
    out = "".join(pdftotext(pdf, tmp_path, layout=False))
    assert out.count("x") == 999_990
    assert "ENDMARKER" in out


def test_a_table_cell_too_long_for_a_table_still_prints_all_its_text(tmp_path: Path) -> None:
    long = "word " * (CELL_LIMIT // 4)
    pdf = render_document(
        document(
            Table(("Who", "What"), (("Before", "short"), ("Long", long), ("After", "short"))),
            Fields((("Label", long),)),
        )
    )
    out = collapse(" ".join(pdftotext(pdf, tmp_path, layout=False)))
    assert out.count("word") == 2 * long.count("word")
    assert "Before" in out and "After" in out


# --- letters ----------------------------------------------------------------------------------


def test_a_letter_prints_every_part_in_order(tmp_path: Path) -> None:
    doc = letter()
    (text,) = pdftotext(render_letter(doc), tmp_path)
    order = [
        *doc.sender,
        doc.recipient_name,
        *doc.recipient_address,
        f"Our reference: {REFERENCE}",
        doc.date_text,
        doc.subject,
        doc.salutation,
        "When and where: Tuesday 1 December 2026 at 10:00.",
        collapse(doc.paragraphs[-1].text),
        doc.sign_off,
        *doc.signatory,
    ]
    flat = collapse(text)
    at = [flat.find(part) for part in order]
    assert -1 not in at, [p for p, i in zip(order, at, strict=True) if i < 0]
    assert text.count(MARKING) == 2
    assert "Page" not in text  # one page: no page numbers


def test_the_sender_is_at_the_right_and_the_recipient_at_the_left(tmp_path: Path) -> None:
    (text,) = pdftotext(render_letter(letter()), tmp_path)
    lines = text.splitlines()
    sender = next(line for line in lines if "Northshire Council" in line)
    recipient = next(line for line in lines if "Ms Jane Harland" in line)
    assert sender.index("Northshire") > 40
    assert recipient.index("Ms Jane Harland") < 5


def test_a_long_letter_numbers_its_pages(tmp_path: Path) -> None:
    texts = pdftotext(render_letter(letter(paragraphs=30)), tmp_path)
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert text.count(MARKING) == 2


def test_large_print_sets_the_body_in_16_point() -> None:
    def sizes(pdf: bytes) -> set[str]:
        page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
        return set(re.findall(rb"/F\S+ ([\d.]+) Tf", page.get_contents().get_data()))

    assert b"16" in sizes(render_letter(letter(large_print=True)))
    assert b"16" not in sizes(render_letter(letter()))
    assert b"11" in sizes(render_letter(letter()))


# --- the first page alone, and progress (issue 21) -----------------------------------------


def test_the_first_page_alone_is_numbered_without_a_total(minutes_pdf: bytes) -> None:
    whole = pages(minutes_pdf)
    first = pages(render_document(minutes(), pages=1))
    assert len(whole) > 1 and len(first) == 1
    assert "Page 1 of …" in first[0] and f"Page 1 of {len(whole)}" in whole[0]
    # The same words as page 1 of the whole, but for its number.
    assert collapse(first[0].replace("…", str(len(whole)))) == collapse(whole[0])


def test_progress_is_told_page_by_page_up_to_the_whole(minutes_pdf: bytes) -> None:
    told: list[Progress] = []
    pdf = render_document(minutes(), progress=told.append)
    count = len(pages(pdf))
    assert [p.pages for p in told] == sorted(p.pages for p in told)
    assert [p.fraction for p in told] == sorted(p.fraction for p in told)
    assert told[-1] == Progress(count, 1.0)
    assert {p.pages for p in told} >= set(range(1, count + 1))


def test_progress_may_stop_the_typesetting() -> None:
    class Stop(Exception):
        pass

    def stop_at_page_two(progress: Progress) -> None:
        if progress.pages >= 2:
            raise Stop

    with pytest.raises(Stop):
        render_document(minutes(), progress=stop_at_page_two)


def test_a_long_letter_s_first_page_alone() -> None:
    whole = pages(render_letter(letter(paragraphs=40)))
    first = pages(render_letter(letter(paragraphs=40), pages=1))
    assert len(whole) > 1 and len(first) == 1 and "Page 1 of …" in first[0]
