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

Text layer. ReportLab names each shaped glyph by the first code point the font maps to it,
so a joined Arabic letter would be copied, searched and read aloud as a presentation form
(U+FE70-U+FEFF) and a ligature with no code point of its own as a private-use character.
The shaped faces write their own ``/ToUnicode`` map instead: each glyph stands for the
letters it was shaped from (presentation forms by their compatibility decomposition, other
ligatures by their glyph names, "uni0651064E"), in reading order. Glyphs are drawn in visual
order, right to left within a right-to-left run, which is what PDF readers expect and undo.
"""

from __future__ import annotations

import copy
import re
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from importlib.resources import as_file, files
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTEncoding, TTFont

BODY = "CPCSans"
BODY_BOLD = "CPCSans-Bold"
SHAPED = "CPCSansShaped"
SHAPED_BOLD = "CPCSansShaped-Bold"
FALLBACK = "CPCSansFallback"

_lock = threading.Lock()

#: How many texts' widths a face remembers (words, mostly: about 2.5 MB at most; the
#: 2,000-entry reference minutes use 1,361 distinct words); past that it starts again.
_WIDTHS_KEPT = 20_000


class _WordsUnshapedTTFont(TTFont):  # type: ignore[misc]  # ReportLab has no type hints
    """A TrueType font whose own words ReportLab leaves unshaped.

    ``shapable`` stays true, so a paragraph set in it may still have shaping turned on for
    the right-to-left words it holds in a ``SHAPED`` font; ReportLab's ``shapeFragWord``
    leaves a word unshaped when its font has no HarfBuzz font (``AttributeError``), as it
    does for the standard PDF fonts.
    """

    def hbFont(self, fontSize: float = 10) -> Any:
        raise AttributeError(f"words in {self.fontName} are not shaped")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._text_widths: dict[str | bytes, float] = {}

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        """ReportLab's width of ``text`` (the same sum, in the same order, so the same
        float), with each text's sum of glyph widths remembered.

        Breaking a paragraph into lines measures every word; most words recur, and the
        sums were a quarter of the typesetting's time. A face that is never shaped never
        changes its widths, so a remembered sum stays right.
        """
        widths = self._text_widths
        try:
            total = widths[text]
        except KeyError:
            if len(widths) >= _WIDTHS_KEPT:
                widths.clear()
            word = text if isinstance(text, str) else text.decode(encoding or "utf8")
            get, default = self.face.charWidths.get, self.face.defaultWidth
            total = widths[text] = sum([get(ord(u), default) for u in word])
        return 0.001 * size * total

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> Any:
        """ReportLab's split of ``text`` into runs of one subset each, quicker when every
        character already has its code in ``doc`` (as most do after the first page) and
        all are in the first subset: then it is one run, the codes as bytes.

        Otherwise (a character met for the first time, one ReportLab leaves out, or codes
        past the first 256) ReportLab's own method does it, assigning codes as it goes.
        """
        state = self.state.get(doc)
        if state is not None and text:
            word = text if isinstance(text, str) else text.decode(encoding or "utf-8")
            try:
                word = word.replace("\xa0", " ")  # as ReportLab: a no-break space is a space
                codes = bytes(map(state.assignments.__getitem__, map(ord, word)))
            except (KeyError, ValueError):  # a new character; a code past 255
                pass
            else:
                return [(0, codes)]
        return super().splitString(text, doc, encoding)


class _ShapedTTFont(TTFont):  # type: ignore[misc]  # ReportLab has no type hints
    """A shaping TrueType font whose text layer gives the letters that were typed."""

    def addObjects(self, doc: Any) -> None:
        subsets = [list(subset) for subset in self.state[doc].subsets]
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            # ReportLab registers each subset's ToUnicode stream under this name.
            stream = doc.idToObject["toUnicodeCMap:" + base.decode("pdfdoc")]
            stream.content = _to_unicode_cmap(
                base.decode("pdfdoc"), [self._text(c) for c in subset]
            )

    def _text(self, code: int) -> str:
        """The text a code point of ReportLab's (as it names a shaped glyph) stands for."""
        if _PRESENTATION_FORMS.match(chr(code)):
            return unicodedata.normalize("NFKC", chr(code)).replace(" ", "") or chr(code)
        if 0xE000 <= code <= 0xF8FF:
            # Private use: a font's own, or a glyph ReportLab's shaping parked there (a
            # ligature of marks, say) whose name says what it stands for.
            name = self.hbFont().glyph_to_string(self.face.charToGlyph[code])
            return unicodedata.normalize("NFC", _glyph_name_text(name)) or chr(code)
        return chr(code)


# Hebrew and Arabic presentation forms: glyph variants of ordinary letters.
_PRESENTATION_FORMS = re.compile("[\ufb1d-\ufdff\ufe70-\ufefe]")
_UNI_NAME = re.compile(r"uni((?:[0-9A-F]{4})+)|u([0-9A-F]{4,6})")


def _glyph_name_text(name: str) -> str:
    """The text of an Adobe-style glyph name ("uni0651064E", "uni0644_uni0627.fina")."""
    text: list[str] = []
    for part in name.split(".", 1)[0].split("_"):
        found = _UNI_NAME.fullmatch(part)
        if found is None:
            return ""
        hexes = found.group(1) or found.group(2)
        step = 4 if found.group(1) else len(hexes)
        text.extend(chr(int(hexes[i : i + step], 16)) for i in range(0, len(hexes), step))
    return "".join(text)


def _to_unicode_cmap(name: str, texts: list[str]) -> str:
    """A ToUnicode CMap giving code ``i`` the text ``texts[i]`` (ReportLab's layout)."""
    entries = [f"<{i:02X}> <{t.encode('utf-16-be').hex().upper()}>" for i, t in enumerate(texts)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({name})",
            f"/Ordering ({name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(texts) - 1:02X}>",
            "endcodespacerange",
            f"{len(texts)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def register_fonts() -> None:
    """Register the bundled DejaVu faces with ReportLab once; later calls do nothing.

    Each file is parsed once a process: the shaped faces share the parsed DejaVu files of
    the unshaped ones, and the CJK fallback (4 MB, two thirds of the parsing) is parsed
    only when a text first needs a character DejaVu lacks (:func:`cmap` of ``FALLBACK``).
    """
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, filename, shaped_name in (
            (BODY, "DejaVuSans.ttf", SHAPED),
            (BODY_BOLD, "DejaVuSans-Bold.ttf", SHAPED_BOLD),
        ):
            if name not in registered:
                pdfmetrics.registerFont(_load(name, filename))
            if shaped_name not in registered:
                pdfmetrics.registerFont(_shaped(shaped_name, pdfmetrics.getFont(name)))
        for family, bold in ((BODY, BODY_BOLD), (SHAPED, SHAPED_BOLD)):
            pdfmetrics.registerFontFamily(
                family, normal=family, bold=bold, italic=family, boldItalic=bold
            )


def _register_fallback() -> None:
    with _lock:
        if FALLBACK in pdfmetrics.getRegisteredFontNames():
            return
        pdfmetrics.registerFont(_load(FALLBACK, "DroidSansFallbackFull.ttf"))
        # No bold CJK face: a CJK run inside <b> stays in the regular fallback face.
        pdfmetrics.registerFontFamily(
            FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK, boldItalic=FALLBACK
        )


def cmap(font_name: str) -> Mapping[int, int]:
    """The registered font's map from code point to glyph (ReportLab's own: do not change it).

    ReportLab's shaping adds private-use code points to it for ligature glyphs, so a caller
    deciding whether a user's character can be printed must ignore the private-use areas.
    """
    register_fonts()
    if font_name == FALLBACK:
        _register_fallback()
    table: Mapping[int, int] = pdfmetrics.getFont(font_name).face.charToGlyph
    return table


class LazyCmap(Mapping[int, int]):
    """:func:`cmap` of a font, parsed only when a character is first looked up in it."""

    def __init__(self, font_name: str) -> None:
        self._font_name = font_name
        self._table: Mapping[int, int] | None = None

    def _loaded(self) -> Mapping[int, int]:
        if self._table is None:
            self._table = cmap(self._font_name)
        return self._table

    def __getitem__(self, code: int) -> int:
        return self._loaded()[code]

    def __contains__(self, code: object) -> bool:
        return code in self._loaded()

    def __iter__(self) -> Iterator[int]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


def _load(name: str, filename: str) -> TTFont:
    resource = files("cpc_desktop") / "resources" / "fonts" / filename
    # TTFont reads the whole file when it is made, so a temporary copy (for a zipped
    # install) may go away afterwards.
    with as_file(resource) as path:
        return _WordsUnshapedTTFont(name, str(path), shapable=True)


def _shaped(name: str, unshaped: TTFont) -> TTFont:
    """A shaping face over the already parsed file of ``unshaped`` (not parsed again)."""
    font: TTFont = _ShapedTTFont.__new__(_ShapedTTFont)
    vars(font).update(
        (key, value)
        for key, value in vars(unshaped).items()
        # HarfBuzz state (made when first shaped), and the unshaped face's remembered widths
        if not key.startswith(("_TTFont__", "__hb", "_text_widths"))
    )
    font.fontName = name
    font.face = copy.copy(unshaped.face)
    # Shaping adds code points for ligature glyphs to the map: the copy's own.
    face = font.face
    face.charToGlyph = dict(face.charToGlyph)
    face.charWidths = dict(face.charWidths)
    face.glyphToChar = {glyph: list(codes) for glyph, codes in face.glyphToChar.items()}
    # ReportLab keys embedded fonts by their PostScript name: give the second copy of a
    # face its own, or the two would be merged into one (and share one subset).
    font.face.name = unshaped.face.name + b"-RTL"
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    return font
