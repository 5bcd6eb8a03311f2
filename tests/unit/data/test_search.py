"""Full-text search ranks only the most recently written matches, and says so.

Runs on SQLite (FTS5, newest by rowid) and, with ``CPC_TEST_POSTGRES_URL`` set, on
PostgreSQL (GIN index, newest by ``row_created_at``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from cpc_desktop.data import search as fts
from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchResults
from cpc_desktop.services.session import Session
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Alex Chair", UserRole.CHAIR)
ITEM = uid("item")
REF = "CPC-2026-0042"

#: Oldest first. The oldest is the best match of all; among the three newest, the
#: middle one ("quokka quokka") is.
TEXTS = (
    "Quokka quokka quokka quokka.",
    "A quokka was mentioned once among many other words in this rather long entry.",
    "Quokka quokka, said the teacher.",
    "The quokka came up once more in a long and otherwise unrelated sentence here.",
    "Someone else mentioned a quokka in passing during a long discussion of plans.",
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path)
    ConferenceService(store, CHAIR, TickingClock()).import_record(small_record())
    yield store
    store.close()


@pytest.fixture
def meeting(store: Store) -> Session:
    """One clock for every write of a test: later writes are newer."""
    return Session(store, CHAIR, TickingClock())


@pytest.fixture
def entries(meeting: Session) -> list[str]:
    """The ids of :data:`TEXTS`, each written in its own unit of work, oldest first."""
    return [meeting.entries.add_entry(REF, ITEM, text).id for text in TEXTS]


def find(store: Store, query: str, limit: int = 50, recent: int = 2000) -> fts.Matches:
    """``recent`` is raised to ``limit``: at least as many as asked for are ranked."""
    match = fts.match_expression(query)
    assert match is not None
    with store.reading() as session:
        return fts.find_minutes(session, match, limit, recent=recent)


def test_with_more_matches_than_ranked_the_best_of_the_newest_come_first(
    store: Store, entries: list[str]
) -> None:
    found = find(store, "quokka", limit=3, recent=3)
    assert found.limited
    assert [hit.entry_id for hit in found.hits][:1] == [entries[2]]
    assert sorted(hit.entry_id for hit in found.hits) == sorted(entries[2:])

    found = find(store, "quokka", limit=4, recent=4)
    assert found.limited
    assert sorted(hit.entry_id for hit in found.hits) == sorted(entries[1:])
    assert found.hits[0].entry_id == entries[2]


def test_when_every_match_is_ranked_nothing_is_limited(store: Store, entries: list[str]) -> None:
    for recent in (5, 6, 2000):
        found = find(store, "quokka", limit=5, recent=recent)
        assert not found.limited
        assert len(found.hits) == 5
        assert found.hits[0].entry_id == entries[0]
        assert found.hits[0].snippet.count(HIGHLIGHT_START) == 4
    # At least as many as asked for are always ranked.
    found = find(store, "quokka", limit=5, recent=2)
    assert not found.limited
    assert found.hits[0].entry_id == entries[0]
    found = find(store, "quokka", limit=1, recent=3)
    assert found.limited
    assert [hit.entry_id for hit in found.hits] == [entries[2]]


def test_the_newest_follow_writes_and_deletions(
    store: Store, meeting: Session, entries: list[str]
) -> None:
    newest = meeting.entries.add_entry(REF, ITEM, "Quokka quokka quokka quokka quokka!").id
    assert find(store, "quokka", limit=1, recent=1).hits[0].entry_id == newest
    meeting.entries.delete_entry(newest)
    found = find(store, "quokka", limit=1, recent=1)
    assert [hit.entry_id for hit in found.hits] == [entries[-1]]
    assert found.limited
    # Editing an older entry's text does not make it newer.
    meeting.entries.save_text(entries[0], "Quokka quokka quokka quokka quokka quokka.")
    assert [hit.entry_id for hit in find(store, "quokka", limit=1, recent=1).hits] == [entries[-1]]
    assert find(store, "quokka", recent=5).hits[0].entry_id == entries[0]


def test_no_match_is_not_limited(store: Store, entries: list[str]) -> None:
    assert find(store, "wallaby", limit=1, recent=1) == fts.Matches((), False)
    assert find(store, "quokka", limit=0) == fts.Matches((), False)


def test_the_service_says_when_older_matches_were_not_ranked(
    store: Store, meeting: Session, entries: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = meeting.search.find("quokka", limit=2)
    assert [hit.entry_id for hit in whole.hits] == [entries[0], entries[2]]
    assert not whole.limited
    monkeypatch.setattr(fts, "find_minutes", functools.partial(fts.find_minutes, recent=1))
    recent = meeting.search.find("quokka", limit=1)
    assert recent.limited
    assert [hit.entry_id for hit in recent.hits] == [entries[-1]]
    assert meeting.search.search("quokka", limit=1) == recent.hits
    assert meeting.search.find("  ") == SearchResults((), limited=False)


def test_a_word_of_one_character_matches_only_that_word(store: Store, meeting: Session) -> None:
    plan = meeting.entries.add_entry(REF, ITEM, "Plan Q agreed with the quokka keeper.").id
    meeting.entries.add_entry(REF, ITEM, "Quiet quokka quarters.")
    (hit,) = find(store, "q").hits
    assert hit.entry_id == plan
    assert hit.snippet.startswith(f"Plan {HIGHLIGHT_START}Q{HIGHLIGHT_END} agreed")
    assert hit.snippet.count(HIGHLIGHT_START) == 1
    assert [h.entry_id for h in find(store, "Q.").hits] == [plan]
    assert len(find(store, "qu").hits) == 2
    assert [h.entry_id for h in find(store, "q agreed").hits] == [plan]


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("a", '"a"'),
        ("J.", '"J."'),
        ("é", '"é"'),
        ("7", '"7"'),
        ("ab", '"ab"*'),
        ("O'B", '"O\'B"*'),
        ("a zoe", '"a" "zoe"*'),
        ("😀", None),
    ],
)
def test_match_expressions(query: str, expression: str | None) -> None:
    assert fts.match_expression(query) == expression
