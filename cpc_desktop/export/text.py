"""Plain text as a person wrote it, turned into safe ReportLab paragraph markup.

ReportLab's ``Paragraph`` parses its text as mini-markup: an unescaped ``<img src=…>`` in
a name makes it open a file or a URL. Every user string therefore goes through
:func:`to_markup`, which

* normalises to NFC and drops control characters other than newline and tab;
* escapes ``&``, ``<`` and ``>`` so that markup prints literally;
* keeps line breaks as ``<br/>``;
* applies the Unicode bidi algorithm per line (python-bidi), so right-to-left names print in
  the right visual order, and then removes the bidi control characters;
* puts runs of characters that DejaVu Sans lacks (Chinese, Japanese, Korean) into the
  fallback font, and prints U+FFFD for a character no bundled font has.

ReportLab has no bidi support of its own, and its HarfBuzz shaping (needed to join Arabic
letters) lays out each word that HarfBuzz judges right-to-left backwards and mirrored. So
that such a word is not reversed twice, it is handed over in logical order again, in the
shaping font (see :mod:`cpc_desktop.export.fonts`), and HarfBuzz turns it back as it shapes
it. A paragraph holding such a word must be set with shaping on: see :func:`needs_shaping`.

Known limit: the bidi order is worked out per line of the text, before ReportLab breaks it
into printed lines, so a right-to-left run long enough to wrap prints its lines bottom
first. Names and short phrases, the cases in minutes and letters, fit on one line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from xml.sax.saxutils import escape

import uharfbuzz
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab import rl_config

from cpc_desktop.export import fonts

# Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, … and their presentation
# forms); a superset is fine: it only decides whether the bidi pass and shaping run.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
# Explicit bidi formatting characters: honoured by the algorithm, never printed.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile("\r\n|[\r\u0085\u2028\u2029]")
# C0 and C1 controls other than tab and newline, and lone surrogates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# ReportLab's word separators (paragraph.py ``_wsc``) that can survive cleaning.
_SPACES = re.compile("([ \t\u1680\u2000-\u200b\u202f\u205f\u3000]+)")
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
# Bidi classes that rule L1 puts back to the paragraph level at the end of a line.
_TRAILING = frozenset({"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"})
_SHAPED_OPEN = f'<font name="{fonts.SHAPED}">'
_REPLACEMENT = "\ufffd"
_MISSING = ""


def to_markup(text: str, *, bold: bool = False) -> str:
    """Return ReportLab paragraph markup that prints ``text`` exactly as written.

    ``bold`` says the markup will be set in bold (inside ``<b>``), so glyph coverage is
    checked against the bold face.
    """
    return "<br/>".join(_line_markup(line, bold) for line in clean(text).split("\n"))


def needs_shaping(text: str) -> bool:
    """Whether a paragraph holding the markup of ``text`` must be set with shaping on."""
    return _RTL.search(text) is not None


def single_font(text: str, *, bold: bool = False) -> bool:
    """Whether ``text`` prints as one line in DejaVu Sans alone (no fallback font, no
    right-to-left reordering or shaping, no line break), so it may be drawn as it is."""
    text = clean(text)
    if text.isascii():
        return "\n" not in text
    if "\n" in text or _RTL.search(text) or _BIDI_CONTROLS.search(text):
        return False
    table = fonts.cmap(fonts.BODY_BOLD if bold else fonts.BODY)
    return all(ord(c) < 0x80 or _printable(ord(c), table) for c in text)


def clean(text: str) -> str:
    """NFC text with ``\\n`` line breaks and no control characters other than newline and tab."""
    return _CONTROLS.sub("", _NEWLINES.sub("\n", unicodedata.normalize("NFC", text)))


def split_long(text: str, limit: int = 5_000, unbroken: int = 1_000) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` characters, for separate paragraphs.

    ReportLab measures a paragraph again each time it splits it over a page, so a huge
    paragraph takes time that grows with the square of its length, and it breaks a "word"
    longer than a line one character width at a time. Pieces end at a line break, else
    after a sentence, else at a space, in the second half of the window (that space or
    line break is dropped: the next piece starts a new line); where there is none, the text
    is cut every ``unbroken`` characters, never between a character and its combining marks.
    """
    if not 2 <= unbroken <= limit:
        raise ValueError("need 2 <= unbroken <= limit")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n")
        if cut < limit // 2:
            cut = max(window.rfind(end) for end in (". ", "? ", "! ", ".\t")) + 1
        if cut < limit // 2:
            cut = max(window.rfind(" "), window.rfind("\t"))
        if cut >= limit // 2:
            pieces.append(window[:cut])
            start += cut + 1
            continue
        cut = unbroken
        while cut > 1 and unicodedata.combining(text[start + cut]):
            cut -= 1
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def forbid_fetching() -> None:
    """Make ReportLab refuse every URL (http, https, ftp, file, data) whatever the markup says.

    A plain path in an ``<img src>`` is still opened (ReportLab has no switch for that):
    escaping, in :func:`to_markup`, is what keeps markup out of user text.
    """
    rl_config.trustedSchemes = []
    rl_config.trustedHosts = []


# --- one line ----------------------------------------------------------------------------


def _line_markup(line: str, bold: bool) -> str:
    if line.isascii():
        return escape(line)
    body = fonts.cmap(fonts.BODY_BOLD if bold else fonts.BODY)
    fallback = fonts.LazyCmap(fonts.FALLBACK)  # parsed only if a character needs it
    if _RTL.search(line) is None and _BIDI_CONTROLS.search(line) is None:
        return _runs_markup(line, body, fallback)
    visual, odd = _visual(line)
    parts: list[str] = []
    start = 0
    for word in _SPACES.split(visual):
        end = start + len(word)
        markup = _word_markup(word, odd[start:end], body, fallback)
        start = end
        if (
            markup.startswith(_SHAPED_OPEN)
            and len(parts) >= 2
            and parts[-2].startswith(_SHAPED_OPEN)
            and _SPACES.fullmatch(parts[-1])
        ):
            # Right-to-left words next to each other share one font tag, spaces and all,
            # so that the run is one string in the PDF, which readers turn back into
            # reading order whole (not word by word).
            gap = parts.pop()
            parts[-1] = parts[-1].removesuffix("</font>") + gap + markup[len(_SHAPED_OPEN) :]
            continue
        parts.append(markup)
    return "".join(parts)


def _word_markup(
    word: str, odd: list[bool], body: Mapping[int, int], fallback: Mapping[int, int]
) -> str:
    """One word of a line in visual order; ``odd`` marks its right-to-left characters."""
    mirrored = "".join(MIRRORED.get(c, c) if o else c for c, o in zip(word, odd, strict=True))
    if _RTL.search(word) is None:
        return _runs_markup(mirrored, body, fallback)
    # HarfBuzz will reverse this word and mirror every mirrorable character in it: hand it
    # over reversed, mirrored where the bidi algorithm does not mirror.
    logical = "".join(
        c if o else MIRRORED.get(c, c) for c, o in zip(reversed(word), reversed(odd), strict=True)
    )
    if _harfbuzz_direction(logical) != "rtl":
        return _runs_markup(mirrored, body, fallback)
    printable = "".join(c if _printable(ord(c), body) else _REPLACEMENT for c in logical)
    return f'<font name="{fonts.SHAPED}">{escape(printable)}</font>'


def _harfbuzz_direction(text: str) -> str:
    """The direction HarfBuzz (and so ReportLab's shaping) gives a word."""
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    return str(buffer.direction)


def _runs_markup(text: str, body: Mapping[int, int], fallback: Mapping[int, int]) -> str:
    parts: list[str] = []
    for font, run in _font_runs(text, body, fallback):
        if font == fonts.FALLBACK:
            parts.append(f'<font name="{fonts.FALLBACK}">{escape(run)}</font>')
        elif font == _MISSING:
            parts.append(_REPLACEMENT * len(run))
        else:
            parts.append(escape(run))
    return "".join(parts)


def _font_runs(
    text: str, body: Mapping[int, int], fallback: Mapping[int, int]
) -> Iterator[tuple[str, str]]:
    """Split ``text`` into maximal runs set in the same font."""
    run_font = ""
    run: list[str] = []
    for ch in text:
        code = ord(ch)
        if code < 0x80 or _printable(code, body):  # ASCII includes tab, printed as a space
            font = fonts.BODY
        elif _printable(code, fallback):
            font = fonts.FALLBACK
        else:
            font = _MISSING
        if font != run_font and run:
            yield run_font, "".join(run)
            run = []
        run_font = font
        run.append(ch)
    if run:
        yield run_font, "".join(run)


def _printable(code: int, table: Mapping[int, int]) -> bool:
    # Private use never counts: ReportLab's shaping parks ligature glyphs there.
    return code in table and not (0xE000 <= code <= 0xF8FF or code >= 0xF0000)


# --- bidi --------------------------------------------------------------------------------


def _visual(line: str) -> tuple[str, list[bool]]:
    """The line in visual order without bidi controls, and which characters are at an odd
    (right-to-left) embedding level.

    A line with any left-to-right letter reads as an English line with embedded
    right-to-left runs; a line of right-to-left text only is laid out right to left.
    """
    base = "L" if any(unicodedata.bidirectional(c) == "L" for c in line) else None
    display = _BIDI_CONTROLS.sub("", str(get_display(line, base_dir=base)))
    reordered = _reorder(line, base)
    if reordered is not None:
        kept = [(line[i], odd) for i, odd in reordered if not _BIDI_CONTROLS.match(line[i])]
        visual = "".join(c for c, _ in kept)
        if visual == display:
            return visual, [odd for _, odd in kept]
    # python-bidi's levels could not be read: its order, without mirroring.
    return display, [False] * len(display)


def _reorder(line: str, base: str | None) -> list[tuple[int, bool]] | None:
    """Rules L1 and L2 of the bidi algorithm over python-bidi's resolved levels: the logical
    index of each character in visual order, and whether its level is odd.

    python-bidi's ``get_display`` reorders but does not mirror (rule L4), so the levels are
    read from its debug report (one per UTF-8 byte); ``None`` if that cannot be read.
    """
    report = str(get_display(line, base_dir=base, debug=True))
    levels_at = report.find("levels:")
    paragraphs_at = report.find("paragraphs:", levels_at)
    if levels_at < 0 or paragraphs_at < 0:
        return None
    per_byte = [int(n) for n in _LEVEL.findall(report, levels_at, paragraphs_at)]
    paragraph = [int(n) for n in _LEVEL.findall(report, paragraphs_at)]
    levels: list[int] = []
    at = 0
    for ch in line:
        if at >= len(per_byte):
            return None
        levels.append(per_byte[at])
        at += len(ch.encode("utf-8"))
    if at != len(per_byte) or len(paragraph) != 1:
        return None
    # L1: trailing white space (and tabs, with the white space before them) go back to the
    # paragraph level.
    trailing = True
    for i in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[i])
        if kind in ("S", "B"):
            levels[i] = paragraph[0]
            trailing = True
        elif kind in _TRAILING:
            if trailing:
                levels[i] = paragraph[0]
        else:
            trailing = False
    # L2: from the highest level down to the lowest odd one, reverse every run at or above it.
    order = list(range(len(line)))
    odd_levels = [level for level in levels if level % 2]
    if odd_levels:
        for level in range(max(levels), min(odd_levels) - 1, -1):
            i = 0
            while i < len(order):
                if levels[order[i]] < level:
                    i += 1
                    continue
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
    return [(i, levels[i] % 2 == 1) for i in order]
