"""The page furniture of printed documents and letters (running heads, marking, page
numbers "x of y", watermark) and the PDF's document information."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Paragraph,
)

from cpc_desktop.export import fonts
from cpc_desktop.export.text import (
    clean,
    needs_shaping,
    to_markup,
)
from cpc_desktop.export.typeset_styles import (
    LIGHT_RULE,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    WATERMARK_GREY,
    Styles,
)

# --- pages -------------------------------------------------------------------------------


class Stamp:
    """A short text drawn at the same place on every page (made and measured once)."""

    def __init__(
        self, text: str, style: ParagraphStyle, x: float, y: float, width: float = TEXT_WIDTH
    ) -> None:
        self.paragraph = fitted(clean(text).replace("\n", " ")[:300], style, width)
        self.paragraph.wrap(width, PAGE_HEIGHT)
        self.x, self.y = x, y

    def draw(self, canvas: Canvas) -> None:
        self.paragraph.drawOn(canvas, self.x, self.y)


class Page:
    """What is drawn on every page around the text: marking, running head, rules, watermark."""

    def __init__(self, marking: str, styles: Styles) -> None:
        self.styles = styles
        self.stamps: list[Stamp] = []
        self.rules: list[float] = []
        if marking.strip():
            top = PAGE_HEIGHT - 9 * mm - styles.marking.leading
            self.stamps.append(Stamp(marking, styles.marking, MARGIN_X, top))
            self.stamps.append(Stamp(marking, styles.marking, MARGIN_X, 8 * mm))

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


class DocumentPage(Page):
    def __init__(
        self, title: str, reference: str, marking: str, watermark: str | None, styles: Styles
    ) -> None:
        super().__init__(marking, styles)
        y = PAGE_HEIGHT - 21 * mm
        half = TEXT_WIDTH / 2 - 3 * mm
        self.stamps.append(Stamp(reference, styles.running, MARGIN_X, y, half))
        self.stamps.append(Stamp(title, styles.running_right, PAGE_WIDTH / 2 + 3 * mm, y, half))
        self.rules = [y - 1.5 * mm, 15 * mm]
        self.watermark = Watermark(watermark) if watermark and watermark.strip() else None

    def draw_under(self, canvas: Canvas) -> None:
        if self.watermark is not None:
            self.watermark.draw(canvas)


class LetterPage(Page):
    def __init__(self, reference: str, marking: str, styles: Styles) -> None:
        super().__init__(marking, styles)
        # Later pages: the reference at the left of the marking's line.
        y = PAGE_HEIGHT - 9 * mm - styles.marking.leading
        self.reference = Stamp(reference, styles.running, MARGIN_X, y, TEXT_WIDTH / 3)

    def draw(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        super().draw(canvas, doc)
        if canvas.getPageNumber() > 1:
            self.reference.draw(canvas)


class Watermark:
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
        self.paragraph = plain_paragraph(text, style)
        self.box = self.diagonal * 0.8
        _, self.height = self.paragraph.wrap(self.box, PAGE_HEIGHT)

    def draw(self, canvas: Canvas) -> None:
        canvas.saveState()
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(54.7)  # along the A4 diagonal
        self.paragraph.drawOn(canvas, -self.box / 2, -self.height / 2)
        canvas.restoreState()


def fitted(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """``text`` as a paragraph of one line, shortened with "…" if it is too long."""
    paragraph = plain_paragraph(text, style)
    if one_line(paragraph, width) or len(text) <= 1:
        return paragraph
    low, high = 0, len(text)
    while high - low > 1:
        middle = (low + high) // 2
        if one_line(plain_paragraph(text[:middle].rstrip() + "…", style), width):
            low = middle
        else:
            high = middle
    return plain_paragraph(text[:low].rstrip() + "…", style)


def one_line(paragraph: Paragraph, width: float) -> bool:
    _, height = paragraph.wrap(width, PAGE_HEIGHT)
    return bool(height <= paragraph.style.leading * 1.01)


def plain_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    if needs_shaping(text):
        style = ParagraphStyle(style.name + "-shaped", style, shaping=1)
    return Paragraph(to_markup(text), style)


# --- document information ----------------------------------------------------------------


@dataclass(frozen=True)
class Info:
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


class PDFInfo(pdfdoc.PDFInfo):  # type: ignore[misc]  # ReportLab has no type hints
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


#: Each byte as ReportLab's escapePDF writes it in a PDF string (made by ReportLab itself).
_PDF_ESCAPES = {code: escapePDF(bytes([code])) for code in range(256)}


class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
    """A canvas that writes "Page X of Y" on every page once it knows Y (at save)."""

    def __init__(
        self,
        *args: Any,
        page_style: ParagraphStyle,
        info: Info,
        always_number: bool,
        page_label: str = "Page {page} of {pages}",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._saved_pages: list[dict[str, Any]] = []
        self._page_style = page_style
        self._always_number = always_number
        extra = PDFInfo(info.custom_keys())
        for name, value in vars(self._doc.info).items():
            setattr(extra, name, value)
        self._doc.info = extra

    def _escape(self, s: str | bytes) -> str:
        # ReportLab's escapePDF, one character at a time in Python, for every run of text
        # drawn; the same strings from one translate() of each run's bytes.
        if isinstance(s, bytes):
            return s.decode("latin-1").translate(_PDF_ESCAPES)
        return str(escapePDF(s))

    def number_every_page(self) -> None:
        """Number the pages even if there is only one (more are known to follow)."""
        self._always_number = True

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
            PAGE_WIDTH - MARGIN_X,
            8 * mm + 1,
            self._page_label.format(page=self._pageNumber, pages=total),
        )
        self.restoreState()
