"""Printed documents (minutes) and letters typeset as PDF bytes with ReportLab platypus.

The values come from :mod:`cpc_desktop.domain.printed`; every string in them is plain text
and goes through :mod:`cpc_desktop.export.text` before ReportLab sees it.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cpc_desktop.domain.printed import (
    Block,
    Fields,
    LetterDocument,
    Para,
    ParaStyle,
    PrintedDocument,
    Section,
)
from cpc_desktop.domain.printed import Table as TableBlock
from cpc_desktop.export import fonts
from cpc_desktop.export.text import (
    clean,
    forbid_fetching,
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

INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#555555")
LIGHT_RULE = colors.HexColor("#b8b8b8")
HEADER_FILL = colors.HexColor("#e8ecef")
FIELD_LABEL = colors.HexColor("#4a4a4a")
WARNING_INK = colors.HexColor("#7a1f1f")
WARNING_FILL = colors.HexColor("#fbf1f1")
META_GREY = colors.HexColor("#6b6b6b")
WATERMARK_GREY = colors.Color(0.55, 0.55, 0.55, alpha=0.22)

_invariant_lock = threading.Lock()


def render_document(doc: PrintedDocument, *, invariant: bool = False) -> bytes:
    """Typeset ``doc`` (e.g. conference minutes) on A4 and return the PDF bytes.

    ``invariant`` makes the output byte-identical for the same input (fixed dates and
    document id), for tests and golden files.
    """
    styles = _Styles.make(body_size=10)
    page = _DocumentPage(doc.title, doc.reference, doc.marking, doc.watermark, styles)
    story: list[Flowable] = [
        *styles.paragraphs(doc.title, styles.title),
        *styles.paragraphs(doc.subtitle, styles.subtitle),
        Spacer(1, 4 * mm),
    ]
    number = 0
    for section in doc.sections:
        if section.level <= 1:
            number += 1
        story.extend(_section(section, number, styles))
    info = _Info(
        title=f"{clean(doc.title)} ({clean(doc.reference)})",
        subject=clean(doc.subtitle),
        metadata=doc.metadata,
    )
    return _build(story, page, info, always_number=True, invariant=invariant, top=27 * mm)


def render_letter(letter: LetterDocument, *, invariant: bool = False) -> bytes:
    """Typeset ``letter`` on A4 and return the PDF bytes ("Page X of Y" only past one page)."""
    size = 16.0 if letter.large_print else 11.0
    styles = _Styles.make(body_size=size)
    page = _LetterPage(letter.reference, letter.marking, styles)
    story: list[Flowable] = []
    story.extend(_lines(letter.sender, styles.sender, styles))
    story.append(Spacer(1, size * 1.2))
    story.extend(
        _lines((letter.recipient_name, *letter.recipient_address), styles.body_tight, styles)
    )
    story.append(Spacer(1, size * 1.6))
    if letter.reference.strip():
        story.extend(styles.paragraphs(letter.reference, styles.body_tight, label="Our reference:"))
    story.extend(styles.paragraphs(letter.date_text, styles.body_tight))
    story.append(Spacer(1, size))
    story.extend(styles.paragraphs(letter.subject, styles.body, bold=True))
    story.extend(styles.paragraphs(letter.salutation, styles.body))
    for para in letter.paragraphs:
        story.extend(_para(para, styles))
    closing: list[Flowable] = [
        *styles.paragraphs(letter.sign_off, styles.body),
        Spacer(1, size * 2.8),
        *_lines(letter.signatory, styles.body_tight, styles),
    ]
    story.append(KeepTogether(closing))
    info = _Info(
        title=f"{clean(letter.subject)} ({clean(letter.reference)})",
        subject=f"Letter, {clean(letter.date_text)}",
        metadata=(("Reference", letter.reference), ("Date", letter.date_text)),
    )
    top = 22 * mm if not letter.large_print else 26 * mm
    return _build(story, page, info, always_number=False, invariant=invariant, top=top)


# --- styles ------------------------------------------------------------------------------


@dataclass
class _Styles:
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

    @classmethod
    def make(cls, body_size: float) -> _Styles:
        fonts.register_fonts()
        s = body_size
        small = max(s * 0.86, 8.5)
        tiny = 12.0 if s >= 14 else 7.5
        body = _style("body", fontSize=s, leading=round(s * 1.4, 1), spaceAfter=s * 0.55)
        bold = {"fontName": fonts.BODY_BOLD}
        cell = {"fontSize": small, "leading": small * 1.3, "spaceAfter": 0}
        running = {"fontSize": tiny, "leading": tiny * 1.25, "textColor": GREY, "spaceAfter": 0}
        heading = {**bold, "keepWithNext": 1}
        return cls(
            body_size=s,
            title=_style(
                "title", body, **bold, fontSize=s * 1.8, leading=s * 2.2, spaceAfter=s * 0.3
            ),
            subtitle=_style(
                "subtitle",
                body,
                fontSize=s * 1.1,
                leading=s * 1.5,
                textColor=GREY,
                spaceAfter=s * 0.4,
            ),
            heading1=_style(
                "heading1",
                body,
                **heading,
                fontSize=s * 1.3,
                leading=s * 1.7,
                spaceBefore=s * 1.2,
                spaceAfter=s * 0.5,
            ),
            heading2=_style(
                "heading2",
                body,
                **heading,
                fontSize=s * 1.08,
                leading=s * 1.45,
                spaceBefore=s * 0.8,
                spaceAfter=s * 0.4,
            ),
            body=body,
            body_tight=_style("body_tight", body, spaceAfter=0),
            sender=_style("sender", body, spaceAfter=0, alignment=TA_RIGHT),
            note=_style("note", body, fontSize=small, leading=small * 1.35, textColor=GREY),
            quote=_style("quote", body, leftIndent=s * 1.6, rightIndent=s * 1.6),
            warning=_style(
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
            field_label=_style("field_label", body, **bold, **cell, textColor=FIELD_LABEL),
            cell=_style("cell", body, **cell),
            cell_header=_style("cell_header", body, **bold, **cell),
            running=_style("running", body, **running),
            running_right=_style("running_right", body, **running, alignment=TA_RIGHT),
            marking=_style(
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
        bullet = bool(label_markup) and self._fits_bullet(label, style)
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
            paragraph = _Entry(markup, variant)
            paragraph.bar = bar
            if first and gutter:
                paragraph.meta = clean(meta)
                paragraph.meta_size = self.meta_size
            made.append(paragraph)
        return made

    @property
    def meta_size(self) -> float:
        return max(self.body_size * 0.75, 7.0)

    def _meta_width(self, meta: str) -> float:
        return float(stringWidth(clean(meta), fonts.BODY, self.meta_size)) + 6

    def _fits_bullet(self, label: str, style: ParagraphStyle) -> bool:
        if not single_font(label, bold=True):
            return False
        width = float(stringWidth(clean(label), fonts.BODY_BOLD, style.fontSize))
        room = float(TEXT_WIDTH - style.leftIndent - style.rightIndent - GUTTER)
        return width < room * 0.6

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


def _style(name: str, parent: ParagraphStyle | None = None, **values: Any) -> ParagraphStyle:
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


# --- blocks ------------------------------------------------------------------------------


def _section(section: Section, number: int, styles: _Styles) -> list[Flowable]:
    if section.level <= 1:
        heading = styles.paragraphs(f"{number}. {section.title}", styles.heading1)
    else:
        heading = styles.paragraphs(section.title, styles.heading2)
    story: list[Flowable] = list(heading)
    for block in section.blocks:
        story.extend(_block(block, styles))
    return story


def _block(block: Block, styles: _Styles) -> list[Flowable]:
    if isinstance(block, Para):
        return _para(block, styles)
    if isinstance(block, Fields):
        return _fields(block, styles)
    return _table(block, styles)


def _para(para: Para, styles: _Styles) -> list[Flowable]:
    style = {
        ParaStyle.BODY: styles.body,
        ParaStyle.NOTE: styles.note,
        ParaStyle.QUOTE: styles.quote,
        ParaStyle.WARNING: styles.warning,
    }[para.style]
    bar = para.style is ParaStyle.QUOTE
    return styles.paragraphs(para.text, style, label=para.label, meta=para.meta, bar=bar)


def _fields(block: Fields, styles: _Styles) -> list[Flowable]:
    story: list[Flowable] = []
    for rows, spilled in _runs_of_rows([(label, value) for label, value in block.pairs]):
        if spilled:
            label, value = rows[0]
            story.extend(styles.paragraphs(label, styles.field_label))
            story.extend(styles.paragraphs(value, styles.cell))
            continue
        data = [
            [
                styles.paragraphs(label, styles.field_label),
                styles.paragraphs(value, styles.cell) if value else [],
            ]
            for label, value in rows
        ]
        table = Table(
            data,
            colWidths=[TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.7],
            splitInRow=1,
            hAlign="LEFT",
            spaceAfter=styles.body_size * 0.8,
        )
        table.setStyle(FIELDS_STYLE)
        story.append(table)
    return story


def _table(block: TableBlock, styles: _Styles) -> list[Flowable]:
    columns = max([len(block.header), *(len(r) for r in block.rows)], default=0)
    if columns == 0:
        return []

    def padded(row: Sequence[str]) -> list[str]:
        return [*row, *([""] * (columns - len(row)))]

    header = padded(block.header)
    widths = _widths(block.widths, columns)
    story: list[Flowable] = []
    runs = list(_runs_of_rows([padded(row) for row in block.rows])) or [([], False)]
    for rows, spilled in runs:
        if spilled:
            # One cell is longer than a table row can sensibly hold (ReportLab re-measures
            # a row each time it splits it over a page): print the row as labelled text.
            for name, value in zip(header, rows[0], strict=True):
                label = f"{name}:" if name.strip() else ""
                story.extend(styles.paragraphs(value, styles.cell, label=label))
            story.append(Spacer(1, styles.body_size * 0.6))
            continue
        data: list[list[list[Flowable]]] = [
            [styles.paragraphs(h, styles.cell_header) for h in header]
        ]
        data.extend([styles.paragraphs(c, styles.cell) if c else [] for c in row] for row in rows)
        table = Table(
            data,
            colWidths=widths,
            repeatRows=1,
            splitInRow=1,
            hAlign="LEFT",
            spaceBefore=styles.body_size * 0.2,
            spaceAfter=styles.body_size * 0.9,
        )
        table.setStyle(TABLE_STYLE)
        story.append(table)
    return story


def _runs_of_rows(
    rows: Sequence[Sequence[str]],
) -> Iterator[tuple[list[Sequence[str]], bool]]:
    """Rows in runs that fit a table, and single rows with a cell too long for one (spilled)."""
    run: list[Sequence[str]] = []
    for row in rows:
        if max((len(cell) for cell in row), default=0) > CELL_LIMIT:
            if run:
                yield run, False
                run = []
            yield [row], True
        else:
            run.append(row)
    if run:
        yield run, False


FIELDS_STYLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, LIGHT_RULE),
    ]
)
TABLE_STYLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, GREY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, LIGHT_RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, LIGHT_RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)


def _widths(fractions: tuple[float, ...] | None, columns: int) -> list[float]:
    if fractions and len(fractions) == columns and all(f > 0 for f in fractions):
        total = sum(fractions)
        return [TEXT_WIDTH * f / total for f in fractions]
    return [TEXT_WIDTH / columns] * columns


def _lines(lines: Sequence[str], style: ParagraphStyle, styles: _Styles) -> list[Flowable]:
    """A block of short lines (an address) as one paragraph, so that it stays together."""
    kept = [line for line in lines if line.strip()]
    return styles.paragraphs("\n".join(kept), style) if kept else []


class _Entry(Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph that may carry small ``meta`` text (a time) in the gutter at the right
    of its first line, and a grey ``bar`` at its left (a person's own words)."""

    meta = ""
    meta_size = 7.5
    bar = False

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for i, part in enumerate(parts):
            if isinstance(part, _Entry):
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


# --- pages -------------------------------------------------------------------------------


class _Stamp:
    """A short text drawn at the same place on every page (made and measured once)."""

    def __init__(
        self, text: str, style: ParagraphStyle, x: float, y: float, width: float = TEXT_WIDTH
    ) -> None:
        self.paragraph = _fitted(clean(text).replace("\n", " ")[:300], style, width)
        self.paragraph.wrap(width, PAGE_HEIGHT)
        self.x, self.y = x, y

    def draw(self, canvas: Canvas) -> None:
        self.paragraph.drawOn(canvas, self.x, self.y)


class _Page:
    """What is drawn on every page around the text: marking, running head, rules, watermark."""

    def __init__(self, marking: str, styles: _Styles) -> None:
        self.styles = styles
        self.stamps: list[_Stamp] = []
        self.rules: list[float] = []
        if marking.strip():
            top = PAGE_HEIGHT - 9 * mm - styles.marking.leading
            self.stamps.append(_Stamp(marking, styles.marking, MARGIN_X, top))
            self.stamps.append(_Stamp(marking, styles.marking, MARGIN_X, 8 * mm))

    def draw(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        self.draw_under(canvas)
        for stamp in self.stamps:
            stamp.draw(canvas)
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(0.5)
        for y in self.rules:
            canvas.line(MARGIN_X, y, PAGE_WIDTH - MARGIN_X, y)
        canvas.restoreState()

    def draw_under(self, canvas: Canvas) -> None:
        """Anything drawn before the stamps (under the page's text)."""


class _DocumentPage(_Page):
    def __init__(
        self, title: str, reference: str, marking: str, watermark: str | None, styles: _Styles
    ) -> None:
        super().__init__(marking, styles)
        y = PAGE_HEIGHT - 21 * mm
        half = TEXT_WIDTH / 2 - 3 * mm
        self.stamps.append(_Stamp(reference, styles.running, MARGIN_X, y, half))
        self.stamps.append(_Stamp(title, styles.running_right, PAGE_WIDTH / 2 + 3 * mm, y, half))
        self.rules = [y - 1.5 * mm, 15 * mm]
        self.watermark = _Watermark(watermark) if watermark and watermark.strip() else None

    def draw_under(self, canvas: Canvas) -> None:
        if self.watermark is not None:
            self.watermark.draw(canvas)


class _LetterPage(_Page):
    def __init__(self, reference: str, marking: str, styles: _Styles) -> None:
        super().__init__(marking, styles)
        # Later pages: the reference at the left of the marking's line.
        y = PAGE_HEIGHT - 9 * mm - styles.marking.leading
        self.reference = _Stamp(reference, styles.running, MARGIN_X, y, TEXT_WIDTH / 3)

    def draw(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        super().draw(canvas, doc)
        if canvas.getPageNumber() > 1:
            self.reference.draw(canvas)


class _Watermark:
    """Large light-grey text across the page's diagonal, under the text."""

    def __init__(self, text: str) -> None:
        text = clean(text).replace("\n", " ")[:60]
        self.diagonal = (PAGE_WIDTH**2 + PAGE_HEIGHT**2) ** 0.5
        width = max(float(stringWidth(text, fonts.BODY_BOLD, 1)), 1.0)
        size = min(120.0, self.diagonal * 0.62 / width)
        style = ParagraphStyle(
            "watermark",
            fontName=fonts.BODY_BOLD,
            fontSize=size,
            leading=size * 1.15,
            alignment=TA_CENTER,
            textColor=WATERMARK_GREY,
        )
        self.paragraph = _paragraph(text, style)
        self.box = self.diagonal * 0.8
        _, self.height = self.paragraph.wrap(self.box, PAGE_HEIGHT)

    def draw(self, canvas: Canvas) -> None:
        canvas.saveState()
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(54.7)  # along the A4 diagonal
        self.paragraph.drawOn(canvas, -self.box / 2, -self.height / 2)
        canvas.restoreState()


def _fitted(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """``text`` as a paragraph of one line, shortened with "…" if it is too long."""
    paragraph = _paragraph(text, style)
    if _one_line(paragraph, width) or len(text) <= 1:
        return paragraph
    low, high = 0, len(text)
    while high - low > 1:
        middle = (low + high) // 2
        if _one_line(_paragraph(text[:middle].rstrip() + "…", style), width):
            low = middle
        else:
            high = middle
    return _paragraph(text[:low].rstrip() + "…", style)


def _one_line(paragraph: Paragraph, width: float) -> bool:
    _, height = paragraph.wrap(width, PAGE_HEIGHT)
    return bool(height <= paragraph.style.leading * 1.01)


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    if needs_shaping(text):
        style = ParagraphStyle(style.name + "-shaped", style, shaping=1)
    return Paragraph(to_markup(text), style)


# --- document information ----------------------------------------------------------------


@dataclass(frozen=True)
class _Info:
    title: str
    subject: str
    metadata: tuple[tuple[str, str], ...]

    @property
    def keywords(self) -> str:
        return "; ".join(f"{clean(k)}: {clean(v)}" for k, v in self.metadata)

    def custom_keys(self) -> dict[str, str]:
        """The metadata as extra document-information keys ("Content hash" → /ContentHash)."""
        keys: dict[str, str] = {}
        for key, value in self.metadata:
            name = "".join(w[:1].upper() + w[1:] for w in re.split(r"[^A-Za-z0-9]+", key) if w)
            if name and name not in _STANDARD_INFO_KEYS:
                keys[name] = clean(value)
        return keys


_STANDARD_INFO_KEYS = frozenset(
    {
        "Title",
        "Author",
        "Subject",
        "Keywords",
        "Creator",
        "Producer",
        "CreationDate",
        "ModDate",
        "Trapped",
    }
)


class _PDFInfo(pdfdoc.PDFInfo):  # type: ignore[misc]  # ReportLab has no type hints
    """ReportLab's document information dictionary with extra keys."""

    def __init__(self, extra: dict[str, str]) -> None:
        super().__init__()
        self.extra = extra

    def format(self, document: Any) -> bytes:
        # As ReportLab's own PDFInfo.format, with the extra keys added.
        entries: dict[str, Any] = {
            "Title": pdfdoc.PDFString(self.title),
            "Author": pdfdoc.PDFString(self.author),
            "CreationDate": pdfdoc.PDFDate(
                ts=document._timeStamp, dateFormatter=self._dateFormatter
            ),
            "Producer": pdfdoc.PDFString(self.producer),
            "Creator": pdfdoc.PDFString(self.creator),
            "Subject": pdfdoc.PDFString(self.subject),
            "Keywords": pdfdoc.PDFString(self.keywords),
            "Trapped": pdfdoc.PDFName(self.trapped),
        }
        entries["ModDate"] = entries["CreationDate"]
        for key, value in self.extra.items():
            entries[key] = pdfdoc.PDFString(value)
        return bytes(pdfdoc.PDFDictionary(entries).format(document))


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
    """A canvas that writes "Page X of Y" on every page once it knows Y (at save)."""

    def __init__(
        self,
        *args: Any,
        page_style: ParagraphStyle,
        info: _Info,
        always_number: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []
        self._page_style = page_style
        self._always_number = always_number
        extra = _PDFInfo(info.custom_keys())
        for name, value in vars(self._doc.info).items():
            setattr(extra, name, value)
        self._doc.info = extra

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            if total > 1 or self._always_number:
                self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        style = self._page_style
        self.saveState()
        self.setFont(fonts.BODY, style.fontSize)
        self.setFillColor(style.textColor)
        self.drawRightString(
            PAGE_WIDTH - MARGIN_X, 8 * mm + 1, f"Page {self._pageNumber} of {total}"
        )
        self.restoreState()


# --- building ----------------------------------------------------------------------------


def _build(
    story: list[Flowable],
    page: _Page,
    info: _Info,
    *,
    always_number: bool,
    invariant: bool,
    top: float,
) -> bytes:
    forbid_fetching()
    buffer = io.BytesIO()
    bottom = 20 * mm
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=top,
        bottomMargin=bottom,
        title=info.title,
        author=CREATOR,
        creator=CREATOR,
        producer=CREATOR,
        subject=info.subject,
        keywords=info.keywords,
        lang="en-GB",
        initialFontName=fonts.BODY,
        initialFontSize=10,
        invariant=1 if invariant else 0,
    )
    frame = Frame(
        MARGIN_X,
        bottom,
        TEXT_WIDTH,
        PAGE_HEIGHT - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate("page", frames=[frame], onPage=page.draw)])
    canvasmaker: Callable[..., Canvas] = partial(
        _NumberedCanvas,
        page_style=page.styles.running,
        info=info,
        always_number=always_number,
    )
    with _invariant(invariant):
        template.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()


@contextmanager
def _invariant(on: bool) -> Iterator[None]:
    """Set ``rl_config.invariant`` for the build (ReportLab reads it in places) and restore."""
    if not on:
        yield
        return
    with _invariant_lock:
        before = rl_config.invariant
        rl_config.invariant = 1
        try:
            yield
        finally:
            rl_config.invariant = before
