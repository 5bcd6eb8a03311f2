"""The type styles of printed documents and letters, and the page's measures and inks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Paragraph,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from cpc_desktop.export import fonts
from cpc_desktop.export.text import (
    clean,
    needs_shaping,
    single_font,
    split_long,
    to_markup,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
CREATOR = "CPC Desktop"
GUTTER = 32.0  # at the right of a paragraph with a time, for the time
CELL_LIMIT = 6000  # characters; a row with a longer cell is printed as text, not in the table

#: Markup that is plain text, after a plain bullet label or not (see :meth:`Styles.entry`).
_PLAIN_MARKUP = re.compile(r"(?:<bullet>([^<&]*)</bullet>)?([^<&]*)\Z")

#: What separates words where ReportLab breaks lines (a no-break space does not).
_SPACES = re.compile(r"[ \t]+")

INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#555555")
LIGHT_RULE = colors.HexColor("#b8b8b8")
HEADER_FILL = colors.HexColor("#e8ecef")
FIELD_LABEL = colors.HexColor("#4a4a4a")
WARNING_INK = colors.HexColor("#7a1f1f")
WARNING_FILL = colors.HexColor("#fbf1f1")
META_GREY = colors.HexColor("#6b6b6b")
WATERMARK_GREY = colors.Color(0.55, 0.55, 0.55, alpha=0.22)


# --- styles ------------------------------------------------------------------------------


@dataclass
class Styles:
    """The paragraph styles of one document, and the paragraphs made with them."""

    body_size: float
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    body: ParagraphStyle
    body_tight: ParagraphStyle
    sender: ParagraphStyle
    note: ParagraphStyle
    quote: ParagraphStyle
    warning: ParagraphStyle
    field_label: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle
    running: ParagraphStyle
    running_right: ParagraphStyle
    marking: ParagraphStyle
    _variants: dict[str, ParagraphStyle] = field(default_factory=dict)
    _parsed: dict[tuple[int, bool], tuple[ParagraphStyle, Any, Any]] = field(default_factory=dict)

    @classmethod
    def make(cls, body_size: float) -> Styles:
        fonts.register_fonts()
        s = body_size
        small = max(s * 0.86, 8.5)
        tiny = 12.0 if s >= 14 else 7.5
        body = make_style("body", fontSize=s, leading=round(s * 1.4, 1), spaceAfter=s * 0.55)
        bold = {"fontName": fonts.BODY_BOLD}
        cell = {"fontSize": small, "leading": small * 1.3, "spaceAfter": 0}
        running = {"fontSize": tiny, "leading": tiny * 1.25, "textColor": GREY, "spaceAfter": 0}
        heading = {**bold, "keepWithNext": 1}
        return cls(
            body_size=s,
            title=make_style(
                "title", body, **bold, fontSize=s * 1.8, leading=s * 2.2, spaceAfter=s * 0.3
            ),
            subtitle=make_style(
                "subtitle",
                body,
                fontSize=s * 1.1,
                leading=s * 1.5,
                textColor=GREY,
                spaceAfter=s * 0.4,
            ),
            heading1=make_style(
                "heading1",
                body,
                **heading,
                fontSize=s * 1.3,
                leading=s * 1.7,
                spaceBefore=s * 1.2,
                spaceAfter=s * 0.5,
            ),
            heading2=make_style(
                "heading2",
                body,
                **heading,
                fontSize=s * 1.08,
                leading=s * 1.45,
                spaceBefore=s * 0.8,
                spaceAfter=s * 0.4,
            ),
            body=body,
            body_tight=make_style("body_tight", body, spaceAfter=0),
            sender=make_style("sender", body, spaceAfter=0, alignment=TA_RIGHT),
            note=make_style("note", body, fontSize=small, leading=small * 1.35, textColor=GREY),
            quote=make_style("quote", body, leftIndent=s * 1.6, rightIndent=s * 1.6),
            warning=make_style(
                "warning",
                body,
                textColor=WARNING_INK,
                backColor=WARNING_FILL,
                borderColor=WARNING_INK,
                borderWidth=0.75,
                borderPadding=s * 0.45,
                leftIndent=s * 0.45,
                rightIndent=s * 0.45,
                spaceBefore=s * 0.5,
                spaceAfter=s,
            ),
            field_label=make_style("field_label", body, **bold, **cell, textColor=FIELD_LABEL),
            cell=make_style("cell", body, **cell),
            cell_header=make_style("cell_header", body, **bold, **cell),
            running=make_style("running", body, **running),
            running_right=make_style("running_right", body, **running, alignment=TA_RIGHT),
            marking=make_style(
                "marking",
                body,
                **bold,
                fontSize=tiny + 1,
                leading=(tiny + 1) * 1.25,
                spaceAfter=0,
                alignment=TA_CENTER,
            ),
        )

    def paragraphs(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        label: str = "",
        meta: str = "",
        bold: bool = False,
        bar: bool = False,
    ) -> list[Flowable]:
        """``text`` as one paragraph, or several if it is very long.

        ``label`` is printed in bold before the text; when it is plain and short it is set
        as the paragraph's "bullet", which keeps the text a single run of one font, the
        case ReportLab breaks into lines about four times faster. ``meta`` is printed small
        in a gutter at the right of the first line (or after the text if it is not plain).
        ``bar`` draws a grey bar at the left (a person's own words).
        """
        label_markup = to_markup(label, bold=True) if label.strip() else ""
        bullet = bool(label_markup) and self._fits_bullet(label, text, style, bold=bold)
        gutter = bool(meta.strip()) and single_font(meta) and self._meta_width(meta) < GUTTER
        made: list[Flowable] = []
        chunks = split_long(text)
        for i, chunk in enumerate(chunks):
            first, last = i == 0, i == len(chunks) - 1
            markup = to_markup(chunk, bold=bold)
            if bold:
                markup = f"<b>{markup}</b>"
            shaped = needs_shaping(chunk)
            if first and label_markup:
                shaped = shaped or needs_shaping(label)
                if bullet:
                    markup = f"<bullet>{label_markup}</bullet>{markup}"
                else:
                    # A no-break space too: the same gap as after a bullet label.
                    markup = f"<b>{label_markup}</b>&#160; {markup}"
            if first and meta.strip() and not gutter:
                shaped = shaped or needs_shaping(meta)
                markup += (
                    f'&#160;&#160;<font size="{self.meta_size:.1f}" color="#6b6b6b">'
                    f"{to_markup(meta)}</font>"
                )
            variant = self.variant(style, shaped=shaped, gutter=gutter, first=first, last=last)
            paragraph = self.entry(markup, variant)
            paragraph.bar = bar
            if first and gutter:
                paragraph.meta = clean(meta)
                paragraph.meta_size = self.meta_size
            made.append(paragraph)
        return made

    def entry(self, markup: str, style: ParagraphStyle) -> Entry:
        """``Entry(markup, style)``, made without ReportLab's markup parser when the markup
        is plain text, optionally after a plain ``<bullet>`` label (most entries).

        The parser would give one fragment for the text (and one for the label) carrying
        the style's settings: those are copied from a fragment the parser made once for
        this style, with the text set, which is what the parser does for each text.
        """
        cleaned = cleanBlockQuotedText(markup)
        plain = _PLAIN_MARKUP.match(cleaned)
        if plain is None or not plain.group(2) or plain.group(1) == "":
            return Entry(markup, style)
        label, text = plain.group(1), plain.group(2)
        key = (id(style), label is not None)
        found = self._parsed.get(key)
        if found is None:  # the style is kept in the value, so its id is not reused
            sample = "<bullet>L</bullet>T" if label is not None else "T"
            parsed, frags, bullet_frags = ParaParser().parse(sample, style)
            usual = (
                parsed is style
                and not getattr(style, "textTransform", None)  # the parser's path changes text
                and len(frags) == 1
                and len(bullet_frags or []) == (label is not None)
            )
            found = self._parsed[key] = (style, frags[0] if usual else None, bullet_frags)
        _, frag, bullet_frags = found
        if frag is None:
            return Entry(markup, style)
        bullet = [bullet_frags[0].clone(text=label)] if label is not None else None
        return Entry(cleaned, style, bulletText=bullet, frags=[frag.clone(text=text)])

    @property
    def meta_size(self) -> float:
        return max(self.body_size * 0.75, 7.0)

    def _meta_width(self, meta: str) -> float:
        return float(stringWidth(clean(meta), fonts.BODY, self.meta_size)) + 6

    def _fits_bullet(self, label: str, text: str, style: ParagraphStyle, *, bold: bool) -> bool:
        """Whether ``label`` can be the bullet of ``text``'s paragraph: it is short, or the
        words of the text's first line fit beside it as they would after a run-in label.

        ReportLab narrows the first line by the bullet's width, and cuts a word wider than
        the line it is tried on into pieces: so every word up to the first that goes to
        the next line must be no wider than what the bullet leaves.
        """
        if not single_font(label, bold=True):
            return False
        width = float(stringWidth(clean(label), fonts.BODY_BOLD, style.fontSize))
        room = float(TEXT_WIDTH - style.leftIndent - style.rightIndent - GUTTER)
        if width < room * 0.6:
            return True
        line = clean(text).split("\n", 1)[0]
        words = [word for word in _SPACES.split(line) if word]
        if not words or not single_font(line, bold=bold):
            return False
        face = fonts.BODY_BOLD if bold else fonts.BODY
        # ReportLab leaves 0.6 of the bullet's size after it (_handleBulletWidth).
        left = room - width - 0.6 * float(style.bulletFontSize) - 1
        space = float(stringWidth(" ", face, style.fontSize))
        taken = -space
        for word in words:  # up to the first word past the line (even without the gutter)
            word_width = float(stringWidth(word, face, style.fontSize))
            if word_width > left:
                return False
            taken += space + word_width
            if taken > (left + GUTTER) * 1.1:
                break
        return True

    def variant(
        self,
        style: ParagraphStyle,
        *,
        shaped: bool = False,
        gutter: bool = False,
        first: bool = True,
        last: bool = True,
    ) -> ParagraphStyle:
        """``style`` with shaping on (for right-to-left text: see text.py), with room for
        the meta gutter, and without space between the pieces of a long paragraph."""
        joined_above = not first and bool(style.spaceBefore)
        joined_below = not last and bool(style.spaceAfter)
        if not (shaped or gutter or joined_above or joined_below):
            return style
        key = "-".join(
            [style.name]
            + [
                name
                for name, on in (
                    ("shaped", shaped),
                    ("gutter", gutter),
                    ("above", joined_above),
                    ("below", joined_below),
                )
                if on
            ]
        )
        found = self._variants.get(key)
        if found is None:
            found = self._variants[key] = ParagraphStyle(
                key,
                style,
                shaping=1 if shaped else 0,
                rightIndent=style.rightIndent + (GUTTER if gutter else 0),
                spaceBefore=0 if joined_above else style.spaceBefore,
                spaceAfter=0 if joined_below else style.spaceAfter,
            )
        return found


def make_style(name: str, parent: ParagraphStyle | None = None, **values: Any) -> ParagraphStyle:
    """A paragraph style whose "bullet" (used for a run-in label) is the bold of its text."""
    style = ParagraphStyle(name, parent, **values)
    if parent is None:
        style.fontName = fonts.BODY
        style.textColor = INK
        style.alignment = TA_LEFT
    style.bulletFontName = fonts.BODY_BOLD
    style.bulletFontSize = style.fontSize
    style.bulletIndent = style.leftIndent
    style.bulletColor = style.textColor
    return style


class Entry(Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph that may carry small ``meta`` text (a time) in the gutter at the right
    of its first line, and a grey ``bar`` at its left (a person's own words)."""

    meta = ""
    meta_size = 7.5
    bar = False

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for i, part in enumerate(parts):
            if isinstance(part, Entry):
                part.bar = self.bar
                part.meta = self.meta if i == 0 else ""
                part.meta_size = self.meta_size
        return parts

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        if self.bar:
            canvas.saveState()
            canvas.setStrokeColor(LIGHT_RULE)
            canvas.setLineWidth(2)
            x = self.style.leftIndent * 0.45
            canvas.line(x, -self.style.leading * 0.2, x, self.height)
            canvas.restoreState()
        if self.meta and self.blPara.lines:
            first = self.blPara.lines[0]
            ascent = getattr(first, "ascent", None) or getattr(
                self.blPara, "ascent", self.style.fontSize
            )
            canvas.saveState()
            canvas.setFont(fonts.BODY, self.meta_size)
            canvas.setFillColor(META_GREY)
            canvas.drawRightString(self.width, self.height - ascent, self.meta)
            canvas.restoreState()
