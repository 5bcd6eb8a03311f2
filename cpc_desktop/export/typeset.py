"""Printed documents (minutes) and letters typeset as PDF bytes with ReportLab platypus.

The values come from :mod:`cpc_desktop.domain.printed`; every string in them is plain text
and goes through :mod:`cpc_desktop.export.text` before ReportLab sees it.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from cpc_desktop.domain.printed import (
    Block,
    Chart,
    Fields,
    LetterDocument,
    LetterVersion,
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
)
from cpc_desktop.export.typeset_chart import chart_flowables
from cpc_desktop.export.typeset_pages import (
    DocumentPage,
    Info,
    LetterPage,
    NumberedCanvas,
    Page,
)
from cpc_desktop.export.typeset_styles import (
    CELL_LIMIT,
    CREATOR,
    GREY,
    HEADER_FILL,
    LIGHT_RULE,
    MARGIN_X,
    PAGE_HEIGHT,
    TEXT_WIDTH,
    Styles,
)

_invariant_lock = threading.Lock()


@dataclass(frozen=True)
class Progress:
    """How far a typesetting has gone: pages finished, and the share of the text set."""

    pages: int
    fraction: float


#: Told of each page finished and of the text set so far (often: keep it quick).
OnProgress = Callable[[Progress], None]

#: How many of a story's first flowables are enough to fill its first page. A page holds
#: at most a few dozen; a table, however long, is one.
_FIRST_PAGE_FLOWABLES = 120


def render_document(
    doc: PrintedDocument,
    *,
    invariant: bool = False,
    progress: OnProgress | None = None,
    pages: int | None = None,
) -> bytes:
    """Typeset ``doc`` (e.g. conference minutes) on A4 and return the PDF bytes.

    ``invariant`` makes the output byte-identical for the same input (fixed dates and
    document id), for tests and golden files. ``progress`` is told of each page as it
    is finished (it may raise to stop the typesetting). ``pages=1`` sets only the first
    page, quickly, for a preview to show while the rest is set: its page number says
    "Page 1 of …", since the total is not known yet.
    """
    styles = Styles.make(body_size=10)
    page = DocumentPage(doc.title, doc.reference, doc.marking, doc.watermark, styles)
    flowables = _document_story(doc, styles)
    if pages is not None:
        flowables = islice(flowables, _FIRST_PAGE_FLOWABLES * pages)
    story = list(flowables)
    info = Info(
        title=f"{clean(doc.title)} ({clean(doc.reference)})",
        subject=clean(doc.subtitle),
        metadata=doc.metadata,
    )
    return _build(
        story,
        page,
        info,
        always_number=True,
        invariant=invariant,
        top=27 * mm,
        lang=f"{doc.language}-GB",
        page_label=doc.page_label,
        progress=progress,
        pages=pages,
    )


def _document_story(doc: PrintedDocument, styles: Styles) -> Iterator[Flowable]:
    """The document's flowables in order, made as they are asked for."""
    yield from styles.paragraphs(doc.title, styles.title)
    yield from styles.paragraphs(doc.subtitle, styles.subtitle)
    yield Spacer(1, 4 * mm)
    number = 0
    for section in doc.sections:
        if section.level <= 1:
            number += 1
        yield from _section(section, number, styles)


def render_letter(
    letter: LetterDocument,
    *,
    invariant: bool = False,
    progress: OnProgress | None = None,
    pages: int | None = None,
) -> bytes:
    """Typeset ``letter`` on A4 and return the PDF bytes ("Page X of Y" only past one page).

    A bilingual letter prints its notice at the top, then each version in order (Welsh
    first), each from a new page under the same address block. ``progress`` and
    ``pages`` as for :func:`render_document`.
    """
    size = 16.0 if letter.large_print else 11.0
    styles = Styles.make(body_size=size)
    page = LetterPage(letter.reference, letter.marking, styles)
    story: list[Flowable] = []
    for number, version in enumerate(letter.versions):
        if number:
            story.append(PageBreak())
        story.extend(_lines(letter.sender, styles.sender, styles))
        story.append(Spacer(1, size * 1.2))
        story.extend(
            _lines((letter.recipient_name, *letter.recipient_address), styles.body_tight, styles)
        )
        story.append(Spacer(1, size * 1.6))
        if letter.notice.strip():
            story.extend(styles.paragraphs(letter.notice, styles.body, bold=True))
        story.extend(_version(letter, version, styles, size))
    info = Info(
        title=f"{clean(letter.subject)} ({clean(letter.reference)})",
        subject=f"Letter, {clean(letter.date_text)}",
        metadata=(("Reference", letter.reference), ("Date", letter.date_text)),
    )
    top = 22 * mm if not letter.large_print else 26 * mm
    return _build(
        story,
        page,
        info,
        always_number=False,
        invariant=invariant,
        top=top,
        lang=f"{letter.language}-GB",
        page_label=letter.page_label,
        progress=progress,
        pages=pages,
    )


def _version(
    letter: LetterDocument, version: LetterVersion, styles: Styles, size: float
) -> list[Flowable]:
    """One language's words of a letter: from the reference to the signature."""
    story: list[Flowable] = []
    if letter.reference.strip():
        label = version.reference_label
        story.extend(styles.paragraphs(letter.reference, styles.body_tight, label=label))
    story.extend(styles.paragraphs(version.date_text, styles.body_tight))
    story.append(Spacer(1, size))
    story.extend(styles.paragraphs(version.subject, styles.body, bold=True))
    story.extend(styles.paragraphs(version.salutation, styles.body))
    for para in version.paragraphs:
        story.extend(_para(para, styles))
    closing: list[Flowable] = [
        *styles.paragraphs(version.sign_off, styles.body),
        Spacer(1, size * 2.8),
        *_lines(version.signatory, styles.body_tight, styles),
    ]
    story.append(KeepTogether(closing))
    return story


# --- blocks ------------------------------------------------------------------------------


def _section(section: Section, number: int, styles: Styles) -> list[Flowable]:
    if section.level <= 1:
        heading = styles.paragraphs(f"{number}. {section.title}", styles.heading1)
    else:
        heading = styles.paragraphs(section.title, styles.heading2)
    story: list[Flowable] = list(heading)
    held: list[Flowable] = []  # a paragraph kept on the page of the chart it introduces
    for block, after in zip(section.blocks, (*section.blocks[1:], None), strict=True):
        made = _block(block, styles)
        if isinstance(after, Chart) and isinstance(block, Para):
            held = made
            continue
        if held:
            story.append(KeepTogether([*held, made[0]]))
            made, held = made[1:], []
        story.extend(made)
    return story


def _block(block: Block, styles: Styles) -> list[Flowable]:
    if isinstance(block, Para):
        return _para(block, styles)
    if isinstance(block, Fields):
        return _fields(block, styles)
    if isinstance(block, Chart):  # the chart, then the same scores as a table
        return [*chart_flowables(block, TEXT_WIDTH, styles.body_size * 0.8), *_table(block, styles)]
    return _table(block, styles)


def _para(para: Para, styles: Styles) -> list[Flowable]:
    style = {
        ParaStyle.BODY: styles.body,
        ParaStyle.NOTE: styles.note,
        ParaStyle.QUOTE: styles.quote,
        ParaStyle.WARNING: styles.warning,
    }[para.style]
    bar = para.style is ParaStyle.QUOTE
    return styles.paragraphs(para.text, style, label=para.label, meta=para.meta, bar=bar)


def _fields(block: Fields, styles: Styles) -> list[Flowable]:
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


def _table(block: TableBlock, styles: Styles) -> list[Flowable]:
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


def _lines(lines: Sequence[str], style: ParagraphStyle, styles: Styles) -> list[Flowable]:
    """A block of short lines (an address) as one paragraph, so that it stays together."""
    kept = [line for line in lines if line.strip()]
    return styles.paragraphs("\n".join(kept), style) if kept else []


# --- building ----------------------------------------------------------------------------


def _build(
    story: list[Flowable],
    page: Page,
    info: Info,
    *,
    always_number: bool,
    invariant: bool,
    top: float,
    lang: str = "en-GB",
    page_label: str = "Page {page} of {pages}",
    progress: OnProgress | None = None,
    pages: int | None = None,
) -> bytes:
    forbid_fetching()
    # Page streams compressed, not also spelled out in ASCII85 (ReportLab's default): a PDF
    # is a binary file anyway, and the encoding made each page's stream a quarter larger
    # and cost a tenth of the typesetting's time. Every document of ours is set this way.
    rl_config.useA85 = 0
    buffer = io.BytesIO()
    bottom = 20 * mm
    if pages is not None:
        page_label = page_label.replace("{pages}", "…")
    template = _Template(
        pages,
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
        lang=lang,
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
        NumberedCanvas,
        page_style=page.styles.running,
        info=info,
        always_number=always_number,
        page_label=page_label,
    )
    if progress is not None:
        template.setProgressCallBack(_Reporter(progress))
    with _invariant(invariant):
        try:
            template.build(story, canvasmaker=canvasmaker)
        except _Enough:  # more pages follow: number this one, "of …"
            template.canv.number_every_page()
            template.canv.showPage()
            template.canv.save()
    return buffer.getvalue()


class _Enough(Exception):
    """The pages asked for are set: the rest of the story is left."""


class _Template(BaseDocTemplate):  # type: ignore[misc]  # ReportLab has no type hints
    """A document template that may stop once ``pages`` pages are set."""

    def __init__(self, pages: int | None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stop_after = pages

    def afterPage(self) -> None:
        if self._stop_after is not None and self.page >= self._stop_after:
            raise _Enough


class _Reporter:
    """Turns ReportLab's progress calls into :class:`Progress`: every page, and the share of
    the story set at most every 2 % between pages."""

    def __init__(self, tell: OnProgress) -> None:
        self._tell = tell
        self._total = 1
        self._pages = 0
        self._told = 0.0

    def __call__(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._total = max(1, value)
        elif kind == "PAGE":
            self._pages = value
            self._tell(Progress(value, self._told))
        elif kind == "PROGRESS" and value / self._total - self._told >= 0.02:
            self._told = value / self._total
            self._tell(Progress(self._pages, self._told))
        elif kind == "FINISHED":
            self._tell(Progress(self._pages, 1.0))


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
