"""Corrections (domain): the ruling's rules, the statements each copy prints, and the
change list computed between what was issued and the record as corrected (domain.md §10
item 30; disclosure.md "Corrections are visible")."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from cpc_desktop.domain import approval
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.corrections import (
    MOST_LISTED,
    Change,
    CorrectionRequest,
    amendment_reason,
    change_words,
    content_changes,
    opens_version,
    ruling_problem,
    ruling_words,
    statements_for,
)
from cpc_desktop.domain.enums import CopyKind, CorrectionRuling
from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
from cpc_desktop.domain.printed import Para, ParaStyle
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile

R = CorrectionRuling
RULED = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(date(2026, 11, 23))[0]


def request(**changes: object) -> CorrectionRequest:
    made = CorrectionRequest(
        id="r1",
        received=date(2026, 11, 28),
        requested_by="Justyna Harland",
        disputed="The police entry",
        asked="Say I was calm",
        participant_id="mum",
    )
    return dataclasses.replace(made, **changes)  # type: ignore[arg-type]


def test_ruling_words_and_which_rulings_open_a_version() -> None:
    assert [ruling_words(r) for r in R] == [
        "waiting for the chair's ruling",
        "accepted",
        "partly accepted",
        "refused",
    ]
    assert [opens_version(r) for r in R] == [False, True, True, False]


@pytest.mark.parametrize(
    ("ruling", "reasons", "statement", "problem"),
    [
        (R.PENDING, "why", "", "choose a ruling: accepted, partly accepted or refused"),
        (R.REFUSED, "  ", "", "give the reasons for the ruling"),
        (R.ACCEPTED, "why", "I disagree", "not an accepted one"),
        (R.REFUSED, "why", "I disagree", None),
        (R.PARTLY, "why", "I disagree", None),
        (R.ACCEPTED, "why", " ", None),
    ],
)
def test_a_ruling_needs_reasons_and_a_statement_only_when_not_accepted(
    ruling: CorrectionRuling, reasons: str, statement: str, problem: str | None
) -> None:
    found = ruling_problem(ruling, reasons, statement)
    assert found == problem or (problem is not None and found and problem in found)


def test_the_reason_says_who_asked_when_and_the_ruling() -> None:
    made = request(ruling=R.PARTLY, reasons="The time  only,\nnot the words")
    assert amendment_reason(made) == (
        "Correction asked for by Justyna Harland on 28/11/2026, partly accepted by the "
        "chair: The time only, not the words"
    )


def test_a_family_copy_prints_only_its_recipients_own_statement() -> None:
    mine = request(statement=" I was calm. ", ruled_at=RULED, ruling=R.REFUSED)
    theirs = request(id="r2", participant_id="dad", requested_by="Dean", statement="No.")
    theirs = dataclasses.replace(theirs, ruled_at=RULED)
    unruled = request(id="r3", statement="Not yet ruled")
    silent = request(id="r4", ruled_at=RULED)
    asked = (mine, theirs, unruled, silent)
    full = statements_for(asked, family=False, recipient_id=None)
    assert [(s.by, s.text, s.ruled) for s in full] == [
        ("Justyna Harland", "I was calm.", date(2026, 11, 30)),
        ("Dean", "No.", date(2026, 11, 30)),
    ]
    assert [s.by for s in statements_for(asked, family=True, recipient_id="mum")] == [
        "Justyna Harland"
    ]
    assert statements_for(asked, family=True, recipient_id=None) == ()


def test_each_entry_added_changed_or_removed_is_listed_by_where_it_is(
    demo: d.ConferenceRecord,
) -> None:
    before = approval.content_document(demo)
    first, second, third = demo.minutes[:3]
    added = dataclasses.replace(third, id="new-entry", text="Added later", speaker_id=None)
    corrected = dataclasses.replace(
        demo,
        minutes=(dataclasses.replace(first, text="Changed words"), third, added, *demo.minutes[3:]),
    )
    changes = content_changes(before, approval.content_document(corrected))
    assert [(c.kind, c.entry_id) for c in changes] == [
        ("changed", first.id),
        ("added", "new-entry"),
        ("removed", second.id),
    ]
    speaker = next(p.name for p in demo.participants if p.id == first.speaker_id)
    title = demo.agenda[0].title or demo.agenda[0].key.replace("_", " ")
    assert changes[0].what == f"an entry by {speaker} under item 1, “{title}”"
    assert changes[1].what.startswith("an entry under item")  # no speaker
    assert "Changed words" not in changes[0].what  # where, never what it says


def test_other_parts_changed_are_named(demo: d.ConferenceRecord) -> None:
    before = approval.content_document(demo)
    after = approval.content_document(
        dataclasses.replace(demo, conference=dataclasses.replace(demo.conference, venue="Hall"))
    )
    after["new_part"] = [1]
    assert content_changes(before, after) == (
        Change("changed", "the conference's details"),
        Change("changed", "new part"),
    )
    assert content_changes(before, before) == ()


def test_an_entry_whose_item_is_unknown_or_untitled() -> None:
    people = [{"id": "p", "name": "Jo Bell"}]
    agenda = [{"id": "a", "key": "risk_analysis", "title": ""}]
    before = {"minutes": [], "agenda": agenda, "participants": people}
    after = {
        "minutes": [
            {"id": "e1", "agenda_item_id": "a", "text": "x"},
            {"id": "e2", "agenda_item_id": "gone", "text": "y", "speaker_id": "p"},
        ],
        "agenda": agenda,
        "participants": people,
    }
    changes = content_changes(before, after)
    assert [c.what for c in changes] == [
        "an entry under item 1, “risk analysis”",
        "an entry by Jo Bell",
    ]


def test_the_change_words_after_the_reason() -> None:
    few = (Change("added", "an entry"), Change("removed", "an entry by Jo"))
    assert change_words("Asked by Jo.", few) == (
        "Asked by Jo.\nAdded: an entry.\nRemoved: an entry by Jo."
    )
    many = tuple(Change("changed", f"entry {n}") for n in range(MOST_LISTED + 3))
    lines = change_words(" ", many).splitlines()
    assert lines[0] == "Changed: entry 0." and lines[-1] == "And 3 more changes."
    assert len(lines) == MOST_LISTED + 1


def test_the_minutes_print_the_statements_each_copy_may_show(demo: d.ConferenceRecord) -> None:
    profile = load_profile(demo.conference.profile)
    mum = next(p for p in demo.participants if p.name == "Justyna Harland")
    dad = next(p for p in demo.participants if p.name == "Dean Harland")
    said = request(participant_id=mum.id, statement="I was calm.", ruled_at=RULED)

    def statements(which: MinutesCopy) -> list[Para]:
        built = build_minutes(demo, profile, which, corrections=(said,))
        found = [s for s in built.document.sections if s.title.startswith("Statements")]
        return [b for s in found for b in s.blocks if isinstance(b, Para)]

    full = statements(MinutesCopy())
    assert [(p.text, p.style) for p in full] == [("I was calm.", ParaStyle.QUOTE)]
    assert full[0].label.startswith("Statement of disagreement from Justyna Harland, kept")
    assert [p.text for p in statements(MinutesCopy(CopyKind.FAMILY, mum.id))] == ["I was calm."]
    assert statements(MinutesCopy(CopyKind.FAMILY, dad.id)) == []
    assert statements(MinutesCopy(CopyKind.FAMILY)) == []
