"""The numbered list of a version's minute entries (domain/entry_index.py)."""

from __future__ import annotations

from cpc_desktop.domain.entry_index import EntryLine, entry_lines, first_words


def test_first_words_are_cut_after_eight_with_an_ellipsis() -> None:
    assert first_words("  one two\nthree  ") == "one two three"
    assert first_words(" ".join(str(n) for n in range(10))) == "0 1 2 3 4 5 6 7…"
    assert first_words("a b c", 2) == "a b…"
    assert first_words("") == ""


def test_entries_are_numbered_in_the_agenda_s_order() -> None:
    doc = {
        "agenda": [
            {"id": "i1", "title": "Welcome"},
            {"id": "i2", "title": "", "key": "risk_analysis"},
        ],
        "participants": [{"id": "p1", "name": "Jo Bell"}],
        "minutes": [
            {"id": "e1", "agenda_item_id": "gone", "text": "Lost item"},
            {"id": "e2", "agenda_item_id": "i2", "text": "Risks seen", "speaker_id": "p1"},
            {"id": "e3", "agenda_item_id": "i1", "text": "Hello all", "speaker_id": "nobody"},
            {"id": "e4", "agenda_item_id": "i2", "text": "More risks"},
        ],
    }
    assert entry_lines(doc) == (
        EntryLine(1, "e3", "1. Welcome", "", "Hello all"),
        EntryLine(2, "e2", "2. risk analysis", "Jo Bell", "Risks seen"),
        EntryLine(3, "e4", "2. risk analysis", "", "More risks"),
        EntryLine(4, "e1", "", "", "Lost item"),
    )
    assert entry_lines({}) == ()


def test_a_name_or_text_cannot_steer_the_line_around_it() -> None:
    doc = {
        "agenda": [{"id": "i1", "title": "A\u202eB"}],
        "participants": [{"id": "p1", "name": "C\u202eD"}],
        "minutes": [{"id": "e1", "agenda_item_id": "i1", "text": "E\u202eF", "speaker_id": "p1"}],
    }
    (line,) = entry_lines(doc)
    assert (line.item, line.speaker, line.opening) == (
        "1. \u2068A\u202eB\u202c\u2069",
        "\u2068C\u202eD\u202c\u2069",
        "\u2068E\u202eF\u202c\u2069",
    )
