"""What goes on paper, independent of how it is typeset.

The domain decides *what* a set of minutes or a letter says (which entries, in which
order, with which labels, and what was left out of a family copy); ``cpc_desktop.export``
decides *how* it looks on a page. These frozen values are the hand-over between the two.

Every string here is plain text as a person wrote it: never markup. The typesetter must
escape it, and must keep line breaks (``"\\n"``) as line breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum


class ParaStyle(StrEnum):
    BODY = "body"  # ordinary paragraph
    NOTE = "note"  # smaller, grey: "Not obtained: …", "No entries."
    QUOTE = "quote"  # indented: a person's own words (the child's or a parent's view)
    WARNING = "warning"  # boxed: "Restricted: professionals only", dissent


@dataclass(frozen=True)
class Para:
    """A paragraph, optionally opened by a bold label such as a speaker and a tag."""

    text: str
    label: str = ""  # printed in bold before the text, e.g. "Dr A Patel (Health visitor) - opinion"
    style: ParaStyle = ParaStyle.BODY
    meta: str = ""  # printed small at the right or after, e.g. the time "10:04"


@dataclass(frozen=True)
class Fields:
    """Label and value pairs printed as a two-column grid (conference details, a decision)."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row. ``widths`` are fractions of the text width, if given."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Chart(Table):
    """Scores over time drawn as a line chart, over the same values as a table (printed
    under it, so the chart is never the only way to read them).

    The header is a label then one heading per point in time (a date); each row is a
    line: its name then a score (or ``""``) per point, each between ``low`` and ``high``.
    """

    low: int = 0
    high: int = 10


Block = Para | Fields | Table


@dataclass(frozen=True)
class Section:
    """A headed part of a document. Level 1 starts a numbered part; level 2 sits within one."""

    title: str
    blocks: tuple[Block, ...] = ()
    level: int = 1


@dataclass(frozen=True)
class PrintedDocument:
    """A multi-page record such as conference minutes.

    Every page carries ``marking`` (the protective marking) at its top and bottom, the
    ``reference`` and "Page X of Y" (``page_label``). ``watermark`` (e.g. "DRAFT") is drawn
    across every page when set. ``metadata`` is written into the PDF's document information
    as well.
    """

    title: str
    subtitle: str
    marking: str
    reference: str
    sections: tuple[Section, ...]
    watermark: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    #: The page numbers' words, with ``{page}`` and ``{pages}``: "Tudalen 1 o 3" in Welsh.
    page_label: str = "Page {page} of {pages}"
    #: The language of the document (its first, when it has two): "en" or "cy".
    language: str = "en"


@dataclass(frozen=True)
class LetterVersion:
    """A letter's words in one language: from the date to the signature."""

    language: str  # "en" or "cy"
    date_text: str
    subject: str
    salutation: str
    paragraphs: tuple[Para, ...]
    sign_off: str
    signatory: tuple[str, ...]
    reference_label: str = "Our reference:"


@dataclass(frozen=True)
class LetterDocument:
    """One letter to one person, laid out as a letter (address block, date, subject).

    The fields from ``date_text`` to ``signatory`` are its words in ``language``. A
    bilingual letter has ``other_versions`` too: the same letter in each other language,
    printed after the first from a new page, with ``notice`` (a line saying so in every
    language) at the top.
    """

    marking: str
    reference: str
    sender: tuple[str, ...]  # lines of the sender's block, e.g. the authority and service
    recipient_name: str
    recipient_address: tuple[str, ...]  # lines, as confirmed by the person exporting it
    date_text: str  # "23 November 2026"
    subject: str
    salutation: str  # "Dear Ms Harland,"
    paragraphs: tuple[Para, ...]
    sign_off: str  # "Yours sincerely,"
    signatory: tuple[str, ...]  # the chair's name and title
    large_print: bool = False  # 16 pt body text for a person who asked for large print
    language: str = "en"
    reference_label: str = "Our reference:"
    other_versions: tuple[LetterVersion, ...] = ()
    notice: str = ""  # "This letter is in Welsh and in English." in each language
    page_label: str = "Page {page} of {pages}"  # past one page, at the foot

    def __repr__(self) -> str:
        """As the dataclass writes it, but leaving out the fields from ``language`` on
        while they hold their defaults: a held letter is known by the hash of this text
        (``services/held.py``), so an English letter held for a check before those fields
        existed is still the same letter."""
        shown = [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if f.name not in _LATER_FIELDS or getattr(self, f.name) != f.default
        ]
        return f"{type(self).__name__}({', '.join(shown)})"

    @property
    def versions(self) -> tuple[LetterVersion, ...]:
        """Each language's words, in the order they are printed."""
        first = LetterVersion(
            self.language,
            self.date_text,
            self.subject,
            self.salutation,
            self.paragraphs,
            self.sign_off,
            self.signatory,
            self.reference_label,
        )
        return (first, *self.other_versions)


_LATER_FIELDS = frozenset({"language", "reference_label", "other_versions", "notice", "page_label"})
