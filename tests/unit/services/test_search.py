"""Searching the minutes (SearchService): any typed query is safe, hits and snippets.

The audit log never holds minute text or what someone searched for. Who may search is
the role table's (test_role_table.py); the ranking itself is tests/unit/data/test_search.py.
"""

from __future__ import annotations

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import Tag
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SNIPPET_LENGTH,
    SearchHit,
    _clip_snippet,
    split_snippet,
)
from cpc_desktop.services.session import Session
from tests.helpers.meeting import (
    CHAIR,
    ITEM,
    M1,
    M2,
    MUM,
    REF,
    assert_sound,
    events,
)
from tests.helpers.records import CANARY, small_record, uid
from tests.helpers.stores import TickingClock

# --- search ---------------------------------------------------------------------------

HOSTILE = [
    '"',
    '""',
    "(",
    ")",
    "((",
    "NEAR",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND",
    "OR OR",
    "NOT",
    "*",
    "**",
    "-",
    "-zoe",
    "zoe*",
    "^zoe",
    "text:zoe",
    "{text}: zoe",
    "'",
    ";--",
    "😀",
    "👩\u200d👧",
    "مرحبا",
    "\u202e",
    "\x00",
    "zoe\x00",
    "e\u0301",
    "\ue000",
    "a" * 5000,
    'zo"e',
    "' OR 1=1 --",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_typed_query_is_safe(store: Store, meeting: Session, query: str) -> None:
    hits = meeting.search.search(query)
    assert isinstance(hits, tuple)
    assert all(isinstance(hit, SearchHit) for hit in hits)


@pytest.fixture
def searchable(store: Store, meeting: Session) -> Session:
    meeting.entries.add_entry(REF, ITEM, "Zoë told her teacher she feels safe at her nan's house.")
    meeting.entries.add_entry(REF, ITEM, "الطفل بخير في المدرسة", restricted=True)
    meeting.entries.add_entry(
        REF, ITEM, "The siblings (Zoe and Adam) visit on Fridays AND NEAR the park."
    )
    meeting.entries.add_entry(REF, ITEM, "Nothing about that girl here.")
    return meeting


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("zoe", 2),
        ("Zoë", 2),
        ("ZOE", 2),
        ("zo", 2),
        ("zoe teacher", 1),
        ("teacher zoe", 1),
        ('"zoe', 2),
        ("(zoe)", 2),
        ("zoe*", 2),
        ("-zoe", 2),
        ("NEAR", 1),
        ("and near", 1),
        ("sibl", 1),
        ("المدرسة", 1),
        ("الطفل", 1),
        ("nan's", 1),
        ("zoe 😀", 2),
        ("😀", 0),
        ("", 0),
        ("   ", 0),
        ("zebra", 0),
    ],
)
def test_search_finds_words_and_prefixes(searchable: Session, query: str, count: int) -> None:
    assert len(searchable.search.search(query)) == count


def test_search_hits_say_where_they_are(store: Store, searchable: Session) -> None:
    (hit,) = searchable.search.search("teacher")
    assert (hit.conference_id, hit.reference, hit.agenda_title, hit.restricted) == (
        uid("conf"),
        REF,
        "Reason for the conference",
        False,
    )
    assert searchable.entries.entry(hit.entry_id).text.startswith("Zoë told")
    assert hit.snippet == (
        f"Zoë told her {HIGHLIGHT_START}teacher{HIGHLIGHT_END} she feels safe at her nan's house."
    )
    assert split_snippet(hit.snippet) == (
        ("Zoë told her ", False),
        ("teacher", True),
        (" she feels safe at her nan's house.", False),
    )
    (arabic,) = searchable.search.search("المدرسة")
    assert arabic.restricted


def test_search_ranks_and_limits(store: Store, searchable: Session) -> None:
    searchable.entries.add_entry(REF, ITEM, "Zoe, Zoe, Zoe: everyone spoke about Zoe.")
    hits = searchable.search.search("zoe")
    assert len(hits) == 3
    assert hits[0].snippet.count(HIGHLIGHT_START) == 4
    assert len(searchable.search.search("zoe", limit=1)) == 1
    assert searchable.search.search("zoe", limit=0) == ()
    assert searchable.search.search("zoe", limit=True) == ()  # type: ignore[arg-type]


def test_search_covers_every_conference(store: Store, searchable: Session) -> None:
    ConferenceService(store, CHAIR, TickingClock()).import_record(
        small_record("CPC-2026-0077", salt="other-")
    )
    hits = searchable.search.search(CANARY)
    assert sorted(hit.reference for hit in hits) == ["CPC-2026-0042", "CPC-2026-0077"]


def test_search_follows_edits_and_deletions(store: Store, meeting: Session) -> None:
    assert [hit.entry_id for hit in meeting.search.search("restricted")] == [M2]
    meeting.entries.save_text(M2, "Now about the grandmother.")
    assert meeting.search.search("restricted") == ()
    assert [hit.entry_id for hit in meeting.search.search("grandmother")] == [M2]
    meeting.entries.update_entry(M2, tag=Tag.FACT)  # not a text change: the index is untouched
    meeting.agenda.move_agenda_item(ITEM, 0)
    assert [hit.entry_id for hit in meeting.search.search("grandmother")] == [M2]
    meeting.entries.delete_entry(M2)
    assert meeting.search.search("grandmother") == ()
    assert_sound(store)


def test_snippets_stay_short_and_keep_the_match(store: Store, meeting: Session) -> None:
    long_text = ("word " * 20_000) + "needle " + ("more " * 20_000)
    meeting.entries.add_entry(REF, ITEM, long_text)
    meeting.entries.add_entry(REF, ITEM, "x" * 3000 + " needle\n\n\tline two")
    hits = meeting.search.search("needle")
    assert len(hits) == 2
    for hit in hits:
        visible = "".join(text for text, _ in split_snippet(hit.snippet))
        assert len(visible) <= SNIPPET_LENGTH
        assert "\n" not in hit.snippet and "\t" not in hit.snippet
        assert ("needle", True) in split_snippet(hit.snippet)


def test_an_empty_search_writes_nothing(store: Store, meeting: Session) -> None:
    before = len(events(store))
    assert meeting.search.search("  ") == ()
    assert meeting.search.search("?!") == ()
    assert len(events(store)) == before


def test_the_audit_log_holds_no_minute_text_and_no_query(store: Store, searchable: Session) -> None:
    secret_query = "Zq7unusualquery"
    searchable.search.search(secret_query)
    searchable.search.search("teacher nan")
    searchable.entries.save_text(M1, "Autosaved secret sentence Xq9.")
    searchable.notes.add_action(REF, "Sam Secret-Owner", "Phone the school Xq9", minute_entry_id=M1)
    searchable.notes.set_scale(REF, MUM, 3, "Scale note Xq9")
    searchable.agenda.update_agenda_item(ITEM, not_obtained_reason="Reason text Xq9")
    dump = "\n".join(str(tuple(event.values())) for event in events(store))
    for text in (secret_query, "teacher", "Xq9", "Secret-Owner", CANARY, "Zoë", "الطفل"):
        assert text not in dump
    search_events = [e for e in events(store) if e["object_type"] == "minute_search"]
    assert len(search_events) == 2
    assert {(e["action"], e["object_id"], e["rows"]) for e in search_events} == {("list", "", "[]")}


S, E = HIGHLIGHT_START, HIGHLIGHT_END


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("short " + S + "hit" + E + " text", "short " + S + "hit" + E + " text"),
        ("a\n\tb  " + S + "c" + E, "a b " + S + "c" + E),
        # A match near the start keeps the start and cuts the end.
        (S + "hit" + E + " " + "x" * 200, S + "hit" + E + " " + "x" * 115 + "…"),
        # A match at the end keeps the end and cuts the start.
        ("y" * 200 + " " + S + "hit" + E, "…" + "y" * 115 + " " + S + "hit" + E),
        # A match in the middle is shown a third of the way in, cut on both sides.
        (
            "y" * 200 + S + "hit" + E + "z" * 200,
            "…" + "y" * 39 + S + "hit" + E + "z" * 76 + "…",
        ),
        # A highlighted word longer than the snippet is cut and its mark closed.
        (S + "w" * 300 + E, S + "w" * 119 + E + "…"),
        # No highlight at all: the start is kept.
        ("q" * 130, "q" * 119 + "…"),
    ],
)
def test_snippets_are_clipped_around_the_first_match(raw: str, expected: str) -> None:
    clipped = _clip_snippet(raw)
    assert clipped == expected
    assert len("".join(text for text, _ in split_snippet(clipped))) <= SNIPPET_LENGTH


def test_split_snippet() -> None:
    assert split_snippet("") == ()
    assert split_snippet(S + "a" + E) == (("a", True),)
    assert split_snippet("a" + S + E + "b") == (("a", False), ("b", False))
