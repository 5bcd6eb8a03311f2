"""The fonts printed documents use, registered with ReportLab from the package's own files.

DejaVu Sans (regular and bold, registered as one family so ``<b>`` works) covers Latin with
diacritics, Greek, Cyrillic, Arabic and Hebrew; Droid Sans Fallback covers Chinese, Japanese
and Korean. Both are bundled in ``cpc_desktop/resources/fonts`` (see the README there), so a
document prints the same on every laptop whatever fonts it has installed.

Shaping. With uharfbuzz installed, ReportLab can shape words with HarfBuzz, which Arabic
needs (its letters join). ReportLab turns shaping on per paragraph and then shapes every
word with the font of the word's first character. Shaping Latin words swaps "fi" and "ffi"
for ligature glyphs (which then come out of the PDF as "ﬁ"), and a word that mixes DejaVu
and the CJK fallback (such as "王小明;") would be shaped with one font's glyph numbers for
both. So the faces are registered twice:

* ``BODY``, ``BODY_BOLD`` and ``FALLBACK`` never shape their own words;
* ``SHAPED`` and ``SHAPED_BOLD`` (the same DejaVu files, ``TTFont(..., shapable=True)``) are
  used by :mod:`cpc_desktop.export.text` for right-to-left words only.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from importlib.resources import as_file, files
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

BODY = "CPCSans"
BODY_BOLD = "CPCSans-Bold"
SHAPED = "CPCSansShaped"
SHAPED_BOLD = "CPCSansShaped-Bold"
FALLBACK = "CPCSansFallback"

_lock = threading.Lock()


class _WordsUnshapedTTFont(TTFont):  # type: ignore[misc]  # ReportLab has no type hints
    """A TrueType font whose own words ReportLab leaves unshaped.

    ``shapable`` stays true, so a paragraph set in it may still have shaping turned on for
    the right-to-left words it holds in a ``SHAPED`` font; ReportLab's ``shapeFragWord``
    leaves a word unshaped when its font has no HarfBuzz font (``AttributeError``), as it
    does for the standard PDF fonts.
    """

    def hbFont(self, fontSize: float = 10) -> Any:
        raise AttributeError(f"words in {self.fontName} are not shaped")


def register_fonts() -> None:
    """Register the bundled fonts with ReportLab once; later calls do nothing."""
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        wanted = (
            (BODY, "DejaVuSans.ttf", False),
            (BODY_BOLD, "DejaVuSans-Bold.ttf", False),
            (SHAPED, "DejaVuSans.ttf", True),
            (SHAPED_BOLD, "DejaVuSans-Bold.ttf", True),
            (FALLBACK, "DroidSansFallbackFull.ttf", False),
        )
        for name, filename, shaped in wanted:
            if name not in registered:
                pdfmetrics.registerFont(_load(name, filename, shaped))
        for family, bold in ((BODY, BODY_BOLD), (SHAPED, SHAPED_BOLD), (FALLBACK, FALLBACK)):
            # No bold CJK face: a CJK run inside <b> stays in the regular fallback face.
            pdfmetrics.registerFontFamily(
                family, normal=family, bold=bold, italic=family, boldItalic=bold
            )


def cmap(font_name: str) -> Mapping[int, int]:
    """The registered font's map from code point to glyph (ReportLab's own: do not change it).

    ReportLab's shaping adds private-use code points to it for ligature glyphs, so a caller
    deciding whether a user's character can be printed must ignore the private-use areas.
    """
    register_fonts()
    table: Mapping[int, int] = pdfmetrics.getFont(font_name).face.charToGlyph
    return table


def _load(name: str, filename: str, shaped: bool) -> TTFont:
    resource = files("cpc_desktop") / "resources" / "fonts" / filename
    # TTFont reads the whole file when it is made, so a temporary copy (for a zipped
    # install) may go away afterwards.
    with as_file(resource) as path:
        if not shaped:
            return _WordsUnshapedTTFont(name, str(path), shapable=True)
        font = TTFont(name, str(path), shapable=True)
    # ReportLab keys embedded fonts by their PostScript name: give the second copy of a
    # face its own, or the two would be merged into one (and share one subset).
    font.face.name = font.face.name + b"-RTL"
    return font
