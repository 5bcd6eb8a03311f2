"""A Welsh or bilingual letter on paper: Welsh first, every Welsh letter in the font."""

from __future__ import annotations

import subprocess
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from cpc_desktop.domain.enums import Language
from cpc_desktop.domain.letters import LetterKind
from cpc_desktop.domain.printed import LetterDocument
from cpc_desktop.export import fonts
from cpc_desktop.export.typeset import render_letter
from tests.unit.domain.test_letters_welsh import welsh_letter


def pdf_text(letter: LetterDocument, tmp_path: Path) -> str:
    """The letter typeset, read back with poppler's pdftotext (in reading order)."""
    path = tmp_path / "letter.pdf"
    path.write_bytes(render_letter(letter, invariant=True))
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
    return " ".join(out.stdout.decode("utf-8").split())


def test_the_bilingual_pdf_has_the_welsh_before_the_english(tmp_path: Path) -> None:
    text = pdf_text(welsh_letter(LetterKind.PARENT), tmp_path)

    notice = text.index("Mae'r llythyr hwn yn Gymraeg ac yn Saesneg.")
    welsh = text.index("Annwyl Justyna Harland,")
    english = text.index("Dear Justyna Harland,")
    assert notice < welsh < english
    assert text.index("Ein cyfeirnod:") < text.index("Our reference:")
    assert text.index("Rydym yn croesawu gohebiaeth yn Gymraeg.") < english
    assert "Tudalen 1 o " in text and " / Page 1 of " in text


def test_a_welsh_pdf_prints_every_welsh_letter(tmp_path: Path) -> None:
    """The embedded font has ŵ, ŷ, â, ï: pdftotext reads them back as they were."""
    letter = welsh_letter(LetterKind.PROFESSIONAL, language=Language.WELSH)

    text = pdf_text(letter, tmp_path)

    assert "grŵp craidd" in text and "categorïau" in text and "anghytuno â" in text
    face = pdfmetrics.getFont(fonts.BODY).face
    assert all(ord(c) in face.charToGlyph for c in "ŵŷâêîôûŴŶÂÊÎÔÛïëáéàè")
