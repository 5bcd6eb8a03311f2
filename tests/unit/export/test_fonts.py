"""The bundled fonts are parsed once a process, the CJK fallback only when needed."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import io
from reportlab.pdfbase import pdfmetrics
from cpc_desktop.domain.printed import Para, PrintedDocument, Section
from cpc_desktop.export import fonts, typeset

def doc(text):
    return PrintedDocument(title="Minutes", subtitle="", reference="R-1", marking="",
                           sections=(Section("One", (Para(text),)),))

typeset.render_document(doc("Café — the “quoted” words, Arabic سلام"))
print(fonts.FALLBACK in pdfmetrics.getRegisteredFontNames())
body, shaped = pdfmetrics.getFont(fonts.BODY), pdfmetrics.getFont(fonts.SHAPED)
print(body.face._ttf_data is shaped.face._ttf_data, body.face.name != shaped.face.name)
print(body.face.charToGlyph is not shaped.face.charToGlyph)
pdf = typeset.render_document(doc("王小明 came"))
print(fonts.FALLBACK in pdfmetrics.getRegisteredFontNames(), b"DroidSans" in pdf)
"""


def test_the_fallback_font_is_parsed_only_for_text_that_needs_it() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split("\n")
    assert out[0] == "False"  # accents, dashes, quotes, Arabic: DejaVu has them all
    assert out[1] == "True True"  # the shaped face reuses the parsed file, under its own name
    assert out[2] == "True"  # its map its own: shaping adds ligature code points to it
    assert out[3] == "True True"  # Chinese: the fallback is parsed, and embedded
