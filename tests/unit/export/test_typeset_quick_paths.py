"""The quicker ways of typesetting give what ReportLab's own ways give.

Run-in labels are set as a paragraph's bullet where the lines break the same; the
unshaped faces remember text widths and split drawn text into subsets quickly; the canvas
escapes drawn text with one translate. Each is checked against ReportLab's own result.
"""

from __future__ import annotations

import io
import random

import pypdf
import pytest
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cpc_desktop.domain.printed import Para, PrintedDocument, Section
from cpc_desktop.export import fonts
from cpc_desktop.export.typeset import render_document
from cpc_desktop.export.typeset_pages import NumberedCanvas
from cpc_desktop.export.typeset_styles import Entry, Styles

TEXT = "Shauna Price has been drinking less and is engaging well with the recovery service."
LONG_LABEL = "Nicola Harrison (Child and adolescent mental health service) - fact:"


def _pdf_words(doc: PrintedDocument) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(render_document(doc)))
    return " ".join(page.extract_text() for page in reader.pages).split()


def _in_order(words: list[str], expected: list[str]) -> bool:
    """Whether ``expected`` appear in ``words`` in this order (a time may come between)."""
    rest = iter(words)
    return all(word in rest for word in expected)


def _doc(para: Para) -> PrintedDocument:
    return PrintedDocument(
        title="Minutes", subtitle="", reference="R-1", marking="", sections=(Section("A", (para,)),)
    )


def test_a_long_label_with_room_for_the_first_word_is_the_bullet_of_one_run() -> None:
    styles = Styles.make(body_size=10)
    (paragraph,) = styles.paragraphs(TEXT, styles.body, label=LONG_LABEL, meta="09:32")
    assert paragraph.bulletText  # the label, in bold, before the first line
    assert len(paragraph.frags) == 1  # the text is one run: ReportLab's quick line breaking
    words = _pdf_words(_doc(Para(TEXT, LONG_LABEL, meta="09:32")))
    assert _in_order(words, (LONG_LABEL + " " + TEXT).split())


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (LONG_LABEL * 3, TEXT),  # wider than the line: it must wrap, so it stays run-in
        (LONG_LABEL, "Unbreakable" * 2 + " end."),  # no room beside it for the first word
        (LONG_LABEL, "\n" + TEXT),  # no first word on the first line
    ],
)
def test_a_label_without_room_beside_the_first_word_stays_run_in(label: str, text: str) -> None:
    styles = Styles.make(body_size=10)
    first = styles.paragraphs(text, styles.body, label=label, meta="09:32")[0]
    assert not first.bulletText
    assert "<b>" in first.text
    assert _in_order(_pdf_words(_doc(Para(text, label, meta="09:32"))), text.split())


def test_no_word_is_cut_beside_a_long_label() -> None:
    # ReportLab cuts a word wider than the room a bullet leaves on the first line: labels
    # from half the line to past its end, beside short and long words, must cut none.
    text = "DC Brannigan asked to share information that cannot yet be disclosed, twice."
    names = "Independent Reviewing and Conference Chair Service of the council " * 2
    for length in range(40, 90, 2):  # a character is about 6 points wide
        label = names[:length].strip() + " - fact:"
        for words in (text, "Extraordinarily " + text):
            found = _pdf_words(_doc(Para(words, label, meta="10:50")))
            assert _in_order(found, (label + " " + words).split()), (length, found)


def test_remembered_widths_are_reportlab_s_widths() -> None:
    fonts.register_fonts()
    font = pdfmetrics.getFont(fonts.BODY)
    samples = ["", "word", "Zoë", "Ångström-Łukasiewicz", "€100", "\uffff", "a b\xa0c"]
    for text in [*samples, *samples]:  # the second time from memory
        for size in (7.5, 10, 16):
            assert font.stringWidth(text, size) == TTFont.stringWidth(font, text, size)
    assert font.stringWidth(b"caf\xc3\xa9", 10) == TTFont.stringWidth(font, "café", 10)


def test_remembered_widths_start_again_past_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.register_fonts()
    font = pdfmetrics.getFont(fonts.BODY_BOLD)
    monkeypatch.setattr(fonts, "_WIDTHS_KEPT", 3)
    font._text_widths.clear()
    for word in ("one", "two", "three", "four"):
        assert font.stringWidth(word, 10) == TTFont.stringWidth(font, word, 10)
    assert len(font._text_widths) <= 3
    assert font.stringWidth("one", 10) == TTFont.stringWidth(font, "one", 10)


class _Doc:
    """Stands for a PDF document: the fonts keep their subset state per document."""


def test_split_strings_are_reportlab_s_whatever_the_subset() -> None:
    fonts.register_fonts()
    font = pdfmetrics.getFont(fonts.BODY)
    ours_doc, theirs_doc = _Doc(), _Doc()
    letters = [chr(c) for c in range(0x20, 0x250) if c in font.face.charToGlyph]
    rng = random.Random(21)
    texts = ["", "plain words", "no\xa0break", "missing \U0001f600 glyph", b"bytes caf\xc3\xa9"]
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    texts += texts  # the second time every character has its code
    for text in texts:
        assert font.splitString(text, ours_doc) == TTFont.splitString(font, text, theirs_doc)
    # Past the first subset of 256 codes too.
    assert len(font.state[ours_doc].subsets) > 1


def test_escaped_text_is_reportlab_s() -> None:
    every_byte = bytes(range(256))
    escape = NumberedCanvas._escape
    assert escape(None, every_byte) == escapePDF(every_byte)
    assert escape(None, b"(a) \\ b") == escapePDF(b"(a) \\ b")
    assert escape(None, "(text)") == escapePDF("(text)")


def _fields(paragraph: object) -> dict[str, object]:
    found = dict(vars(paragraph))
    for name in ("frags", "bulletText"):
        value = found.get(name)
        if isinstance(value, list):
            found[name] = [vars(frag) for frag in value]
    return found


@pytest.mark.parametrize(
    "markup",
    [
        "Plain words, with > and quotes ' \" in them.",
        "  spaced\n  over   lines\t tabbed  ",
        "<bullet>Label:</bullet>The text after it.",
        "<bullet>Two  spaced   words</bullet>  text\n more",
        "<bullet></bullet>Empty label",
        "<b>Bold</b>&#160; run-in",
        "Ampersand &amp; entity",
        "<bullet>Label</bullet>",
        "",
        "   ",
        "<b>All bold</b>",
        "<br/>Break first",
    ],
)
def test_paragraphs_made_without_the_parser_are_the_parser_s(markup: str) -> None:
    styles = Styles.make(body_size=10)
    for style in (styles.body, styles.cell, styles.variant(styles.body, gutter=True)):
        ours = styles.entry(markup, style)
        theirs = Entry(markup, style)
        assert _fields(ours) == _fields(theirs)


ENTRIES = [
    ("Shauna Price said that things have been calmer.", "Leanne Quinn (IRS) - fact:", "09:35"),
    (TEXT, LONG_LABEL, "10:50"),
    ("Zoë Ångström said “yes” — twice; 王小明 agreed.", "Siobhán Ó Briain:", ""),
    ("محمد عبد الله attended with דוד כהן.", "Chair - fact:", "10:01"),
    ("Line one\nline two\n\nline four", "", ""),
    ("A <b>tag</b> & an &amp; typed", "<i>Label</i> & co:", "11:00"),
    ("x" * 7000, "Very long:", ""),
]


@pytest.mark.parametrize(("text", "label", "meta"), ENTRIES)
def test_paragraphs_are_the_same_with_and_without_the_parser(
    text: str, label: str, meta: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    styles = Styles.make(body_size=10)
    for style in (styles.body, styles.quote, styles.cell):
        ours = styles.paragraphs(text, style, label=label, meta=meta)
        with monkeypatch.context() as patched:
            patched.setattr(Styles, "entry", lambda self, markup, style: Entry(markup, style))
            theirs = styles.paragraphs(text, style, label=label, meta=meta)
        assert [_fields(p) for p in ours] == [_fields(p) for p in theirs]
