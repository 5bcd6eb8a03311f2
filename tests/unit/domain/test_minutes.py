"""Minutes rules: the child's and parents' views must be heard or explained; words; scale."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpc_desktop.domain.conference import (
    AgendaItem,
    Conference,
    ConferenceRecord,
    MinuteEntry,
)
from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType
from cpc_desktop.domain.minutes import (
    SCALE_MAX,
    SCALE_MEANING,
    SCALE_MIN,
    views_ready,
    word_count,
)
from cpc_desktop.domain.validation import Severity

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def ident(number: int) -> str:
    return str(uuid.UUID(int=number))


def record(*items: AgendaItem, minutes: tuple[MinuteEntry, ...] = ()) -> ConferenceRecord:
    conference = Conference(
        ident(1), "CPC-1", ConferenceType.INITIAL, ConferenceStatus.IN_PROGRESS, date(2026, 11, 20)
    )
    return ConferenceRecord(conference, agenda=items, minutes=minutes)


CHILD = AgendaItem(ident(10), "childs_views", "What Amira wants us to know")
PARENTS = AgendaItem(ident(11), "parents_views", "Parents' views")
OTHER = AgendaItem(ident(12), "decision", "Decision")


def entry(number: int, item: AgendaItem, text: str) -> MinuteEntry:
    return MinuteEntry(ident(number), item.id, text, "Min", AT, AT)


def test_both_views_missing_are_both_reported_by_their_headings() -> None:
    problems = views_ready(record(CHILD, OTHER, PARENTS))
    assert [p.code for p in problems] == [
        "minutes.childs_views_missing",
        "minutes.parents_views_missing",
    ]
    assert [p.path for p in problems] == ["agenda[0]", "agenda[2]"]
    assert all(p.severity is Severity.ERROR for p in problems)
    assert "“What Amira wants us to know”" in problems[0].message
    assert "the child's views" in problems[0].message
    assert "“Parents' views”" in problems[1].message


def test_a_minute_with_text_satisfies_its_heading() -> None:
    minutes = (entry(20, CHILD, "She would like to see her dad more."), entry(21, OTHER, "x"))
    problems = views_ready(record(CHILD, PARENTS, OTHER, minutes=minutes))
    assert [p.code for p in problems] == ["minutes.parents_views_missing"]


def test_blank_minutes_do_not_count() -> None:
    minutes = (entry(20, CHILD, "  \n\t"), entry(21, PARENTS, ""))
    assert len(views_ready(record(CHILD, PARENTS, minutes=minutes))) == 2


def test_a_reason_why_views_were_not_obtained_satisfies_its_heading() -> None:
    child = replace(CHILD, not_obtained_reason="Amira is eight months old.")
    parents = replace(PARENTS, not_obtained_reason="   ")
    problems = views_ready(record(child, parents))
    assert [p.code for p in problems] == ["minutes.parents_views_missing"]


def test_a_heading_without_a_title_is_named_by_its_purpose() -> None:
    untitled = replace(PARENTS, title="  ")
    problems = views_ready(record(CHILD, untitled, minutes=(entry(20, CHILD, "Yes."),)))
    assert len(problems) == 1
    assert "“the parents' views”" in problems[0].message


def test_an_agenda_without_the_headings_is_reported() -> None:
    problems = views_ready(record(OTHER))
    assert [(p.code, p.path) for p in problems] == [
        ("minutes.childs_views_item_missing", "agenda"),
        ("minutes.parents_views_item_missing", "agenda"),
    ]


def test_every_item_with_the_key_is_checked() -> None:
    second = AgendaItem(ident(13), "childs_views", "The baby's needs")
    minutes = (entry(20, CHILD, "Drawing shared."), entry(21, PARENTS, "Agree."))
    problems = views_ready(record(CHILD, second, PARENTS, minutes=minutes))
    assert [p.path for p in problems] == ["agenda[1]"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("one", 1),
        ("The social worker  visited\ntwice.", 5),
        ("mother-in-law don't", 2),
        ("a — b", 2),
        ("- • 😀", 0),
        ("Zoë said سلام and नमस्ते", 5),
        ("3 visits", 2),
    ],
)
def test_word_count(text: str, expected: int) -> None:
    assert word_count(text) == expected


def _words_by_splitting(text: str) -> int:
    """The definition the faster count must keep: pieces between spaces holding alnum."""
    return sum(1 for piece in text.split() if any(ch.isalnum() for ch in piece))


# Spaces of every kind (including the separators str.split treats as spaces), the
# underscore, punctuation, marks, digits of other scripts, emoji: where a regular
# expression's idea of a word or a space could part from str.isalnum / str.isspace.
_AWKWARD = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u3000_-—•'’.,😀é\u0301٣²½ⅫZ9"
)


@given(st.text(alphabet=st.sampled_from(_AWKWARD) | st.characters(), max_size=80))
def test_word_count_is_the_split_definition(text: str) -> None:
    assert word_count(text) == _words_by_splitting(text)


def test_the_scale_runs_from_0_to_10_and_both_ends_are_explained() -> None:
    assert (SCALE_MIN, SCALE_MAX) == (0, 10)
    assert set(SCALE_MEANING) == {0, 10}
    assert "cannot safely" in SCALE_MEANING[0]
    assert "safe enough" in SCALE_MEANING[10]
    with pytest.raises(TypeError):
        SCALE_MEANING[5] = "no"  # type: ignore[index]
