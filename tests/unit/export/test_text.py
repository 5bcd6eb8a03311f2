"""Plain text to ReportLab markup: escaping, line breaks, bidi order, fonts per script."""

from __future__ import annotations

import io
import re
import socket
import unicodedata
from collections import Counter

import pytest
from bidi.mirror import MIRRORED
from hypothesis import HealthCheck, given, settings
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from cpc_desktop.export import fonts
from cpc_desktop.export.text import (
    clean,
    forbid_fetching,
    needs_shaping,
    single_font,
    split_long,
    to_markup,
)
from tests.strategies import texts

HOSTILE = 'Zoë <img src="http://example.invalid/x.png"/> & <b>Co</b> &amp;'
LATIN = "Zoë Ångström-Łukasiewicz, Siobhán Ó Briain"
GREEK = "Αλέξανδρος Παπαδόπουλος"
CYRILLIC = "Анастасия Кузнецова"
CHINESE = "王小明"
ARABIC = "محمد عبد الله"
HEBREW = "דוד כהן"
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def frags(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """(font name, text) runs, as ReportLab parses the markup of ``text``."""
    fonts.register_fonts()
    style = ParagraphStyle("t", fontName=fonts.BODY_BOLD if bold else fonts.BODY)
    markup = to_markup(text, bold=bold)
    paragraph = Paragraph(f"<b>{markup}</b>" if bold else markup, style)
    return [
        (f.fontName, "\n" if getattr(f, "lineBreak", False) else f.text) for f in paragraph.frags
    ]


def printed(text: str) -> str:
    """What the reader sees, left to right: HarfBuzz lays a shaped right-to-left word out
    reversed and mirrored, the rest is drawn as it stands."""
    out = []
    for font, run in frags(text):
        if font in (fonts.SHAPED, fonts.SHAPED_BOLD):  # shaped word by word
            run = re.sub(r"\S+", lambda w: "".join(MIRRORED.get(c, c) for c in w[0][::-1]), run)
        out.append(run)
    return "".join(out)


# --- escaping and cleaning ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        '<img src="file:///etc/passwd"/>',
        "<font name='Courier' color='red'>x</font> <br/> <para>",
        "&lt; &#169; &nbsp; &unknown;",
        "a < b > c & d \" ' e",
        LATIN,
        GREEK,
        CYRILLIC,
    ],
)
def test_markup_prints_exactly_the_text(text: str) -> None:
    assert "".join(run for _, run in frags(text)) == text


def test_runs_of_white_space_print_as_one_space() -> None:
    # ReportLab sets text as words; a tab is kept but prints as a space.
    assert "".join(run for _, run in frags("Tab\tand    spaces")) == "Tab and spaces"


def test_markup_is_escaped() -> None:
    markup = to_markup(HOSTILE)
    assert "<img" not in markup and "<b>" not in markup
    assert "&lt;img" in markup and "&amp;amp;" in markup


def test_line_breaks_are_kept() -> None:
    assert to_markup("one\ntwo\r\nthree\rfour") == "one<br/>two<br/>three<br/>four"
    assert [run for _, run in frags("a\nb")] == ["a", "\n", "b"]


def test_control_characters_are_dropped_but_newline_and_tab_kept() -> None:
    assert clean("a\x00b\x07c\x1bd\x7fe\x9ff\tg\nh") == "abcdef\tg\nh"
    assert clean("a\x85b\u2028c\u2029d") == "a\nb\nc\nd"
    assert clean("x\ud800y") == "xy"


def test_text_is_normalised_to_composed_form() -> None:
    decomposed = "Zoe\u0308 Sio\u0301"
    assert clean(decomposed) == "Zoë Sió"
    assert "".join(run for _, run in frags(decomposed)) == "Zoë Sió"


# --- scripts and fonts ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [LATIN, GREEK, CYRILLIC, HOSTILE])
def test_european_scripts_stay_in_the_body_font(text: str) -> None:
    assert {font for font, _ in frags(text)} == {fonts.BODY}
    assert not needs_shaping(text)
    assert single_font(text)


def test_chinese_goes_to_the_fallback_font() -> None:
    runs = frags(f"{CHINESE}; Zoë")
    assert runs[0] == (fonts.FALLBACK, CHINESE)
    assert all(font == fonts.BODY for font, _ in runs[1:])
    assert not single_font(CHINESE)


@pytest.mark.parametrize(
    "text", [LATIN, GREEK, CYRILLIC, CHINESE, ARABIC, HEBREW, HOSTILE, "שָׁלוֹם (דוד)"]
)
@pytest.mark.parametrize("bold", [False, True])
def test_every_character_has_a_glyph_in_its_font(text: str, bold: bool) -> None:
    for font, run in frags(text, bold=bold):
        table = fonts.cmap(font)
        missing = [c for c in run if c != "\n" and ord(c) not in table]
        assert not missing, (font, missing)


def test_a_character_no_font_has_prints_as_a_replacement_character() -> None:
    text = "a\U0001fae0b\ue000c"  # an emoji neither font has, and a private-use character
    assert "".join(run for _, run in frags(text)) == "a\ufffdb\ufffdc"


@pytest.mark.parametrize("text", [ARABIC, HEBREW])
def test_right_to_left_text_is_shaped_and_keeps_its_letters(text: str) -> None:
    assert needs_shaping(text)
    assert not single_font(text)
    runs = frags(text)
    assert {font for font, run in runs if run.strip()} == {fonts.SHAPED}
    assert sorted(printed(text)) == sorted(text)


# --- bidi order ---------------------------------------------------------------------------------


def test_an_arabic_name_reads_right_to_left_inside_an_english_line() -> None:
    # Words of the name in visual order (last word leftmost), each word's letters reversed.
    assert printed(f"Name: {ARABIC} attended.") == "Name: هللا دبع دمحم attended."


def test_a_hebrew_line_reads_right_to_left_with_its_number_left_to_right() -> None:
    assert printed("שלום עולם 2026") == "2026 םלוע םולש"


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        # Brackets resolved to the English line keep their shape...
        ("x (محمد عبد الله) y", "x (هللا دبع دمحم) y"),
        # ...brackets inside right-to-left text are mirrored, attached to a word or not.
        ("(محمد)", "(دمحم)"),
        ("שלום ( 12 ) עולם", "םלוע ( 12 ) םולש"),
        ("שלום (דוד) 12", "12 (דוד) םולש"),
    ],
)
def test_brackets_face_the_right_way(text: str, seen: str) -> None:
    assert printed(text) == seen


def test_each_line_is_reordered_on_its_own() -> None:
    assert printed(f"{HEBREW}\nabc") == "ןהכ דוד\nabc"


def test_bidi_controls_are_honoured_and_not_printed() -> None:
    assert printed("abc \u202eevil\u202c def") == "abc live def"
    assert printed("a \u2067محمد\u2069 1") == "a دمحم 1"
    for ch in BIDI_CONTROLS:
        text = f"a{ch}b {ARABIC}{ch}"
        assert not set(BIDI_CONTROLS) & set("".join(run for _, run in frags(text)))
    assert "".join(run for _, run in frags("x\u200ey")) == "xy"


# --- long text ------------------------------------------------------------------------------------


def test_split_long_keeps_all_the_text_and_prefers_sentence_ends() -> None:
    text = "Hello there. " * 2000
    pieces = split_long(text, limit=1000, unbroken=100)
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith(".") for p in pieces[:-1])
    assert " ".join(pieces) == text


def test_split_long_cuts_text_without_spaces_into_short_pieces() -> None:
    text = "x" * 10_050
    pieces = split_long(text, limit=1000, unbroken=100)
    assert "".join(pieces) == text
    assert max(len(p) for p in pieces) <= 1000
    assert len(pieces[0]) == 100


def test_split_long_never_separates_a_letter_from_its_accent() -> None:
    text = ("e\u0301" * 10) + ("x" * 10)
    pieces = split_long(text, limit=10, unbroken=5)
    assert "".join(pieces) == text
    assert not any(unicodedata.combining(p[0]) for p in pieces)


def test_short_text_is_one_piece() -> None:
    assert split_long("") == [""]
    assert split_long("short") == ["short"]


def test_forbid_fetching_trusts_no_scheme_and_no_host() -> None:
    forbid_fetching()
    assert rl_config.trustedSchemes == []
    assert rl_config.trustedHosts == []


def test_reportlab_fetches_nothing_even_from_unescaped_markup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[object] = []

    def record(*args: object, **_kwargs: object) -> None:
        calls.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", record)
    monkeypatch.setattr(socket, "create_connection", record)
    monkeypatch.setattr(socket.socket, "connect", record)
    monkeypatch.setattr(rl_config, "trustedHosts", ["example.invalid"])  # as if configured
    forbid_fetching()
    raw = '<img src="http://example.invalid/x.png" width="9" height="9"/>'
    with pytest.raises(OSError, match=r"example\.invalid"):
        SimpleDocTemplate(io.BytesIO()).build([Paragraph(raw, ParagraphStyle("raw"))])
    assert calls == []


# --- any text at all -----------------------------------------------------------------------------

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OUR_TAGS = re.compile(r'<br/>|<font name="(CPCSansFallback|CPCSansShaped)">|</font>')


@PROPERTY
@given(texts(max_size=60))
def test_any_text_makes_markup_with_only_our_tags(text: str) -> None:
    markup = to_markup(text)
    assert "<" not in OUR_TAGS.sub("", markup)
    for font, run in frags(text):
        table = fonts.cmap(font)
        assert all(c == "\n" or ord(c) in table for c in run)


@PROPERTY
@given(texts(max_size=60))
def test_any_text_prints_all_its_characters(text: str) -> None:
    def visible(s: str) -> Counter[str]:
        return Counter(
            c for c in s if not c.isspace() and c not in MIRRORED and c not in BIDI_CONTROLS
        )

    expected = visible(clean(text))
    seen = visible(printed(text))
    replaced = seen.pop("\ufffd", 0) - expected.pop("\ufffd", 0)
    assert seen <= expected  # nothing added...
    assert sum((expected - seen).values()) == replaced  # ...and only unprintable ones replaced
