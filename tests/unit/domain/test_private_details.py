"""Private details: whose an output may show, and the search of what it prints."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind
from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
from cpc_desktop.domain.printed import LetterDocument, Para
from cpc_desktop.domain.private_details import (
    Leak,
    Place,
    find_leaks,
    hidden_from,
    leak_message,
    letter_places,
    may_show,
    minutes_places,
)
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile

SARAH = {
    "address": "14 Larch Close\nFenbridge, FB2 7QD",
    "telephone": "07700 900 123",
    "email": "Sarah.B@example.org",
    "school_or_workplace": "Fenbridge Bakery",
}


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    record = build_demo_records(date(2026, 11, 23))[0]
    return people(
        record,
        **{
            "Justyna Harland": SARAH,
            "Dean Harland": {"address": "3 Mill Row\nHarbury"},
            "Amira Hussain": {"telephone": "01632 960 001"},
        },
    )


def people(record: d.ConferenceRecord, **changes: dict[str, object]) -> d.ConferenceRecord:
    return dataclasses.replace(
        record,
        participants=tuple(
            dataclasses.replace(p, **changes[p.name]) if p.name in changes else p
            for p in record.participants
        ),
    )


def named(record: d.ConferenceRecord, name: str) -> d.Participant:
    return next(p for p in record.participants if p.name == name)


def test_who_may_see_whose_details(demo) -> None:
    mum, dad = named(demo, "Justyna Harland"), named(demo, "Dean Harland")
    police = named(demo, "DC Neil Brannigan")
    assert may_show(mum, mum, family=True)
    assert not may_show(mum, dad, family=True)
    assert not may_show(mum, None, family=True)
    assert may_show(mum, police, family=False)
    assert may_show(mum, None, family=False)
    kept = dataclasses.replace(mum, withhold_from=(police.id,))
    assert not may_show(kept, police, family=False)
    assert not may_show(kept, None, family=False)  # the issued copy goes to every professional
    assert may_show(kept, named(demo, "Amira Hussain"), family=False)
    hidden = [p.name for p in hidden_from(demo, dad, family=True)]
    assert hidden == ["Amira Hussain", "Justyna Harland"]  # only people with details


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("She has moved to 14  LARCH close with the children.", "address"),
        ("Postcode fb2 7qd.", "address"),
        ("Call her on 07700-900-123 after six.", "telephone number"),
        ("Her new number is +44 7700 900123.", "telephone number"),
        ("Or 0044 (7700) 900.123.", "telephone number"),
        ("Write to sarah.b@EXAMPLE.org.", "e-mail address"),
        ("She now works at fenbridge   BAKERY.", "school or workplace"),
    ],
)
def test_each_kind_of_detail_is_found_in_free_text(demo, text: str, kind: str) -> None:
    dad = named(demo, "Dean Harland")
    leaks = find_leaks(demo, dad, [Place("'Parents' views' (entry 3)", text)], family=True)
    assert [(leak.owner.name, leak.kind, leak.where) for leak in leaks] == [
        ("Justyna Harland", kind, "'Parents' views' (entry 3)")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "She lives in Fenbridge.",  # a town on its own is not private
        "Ring 900 123 if needed.",  # too few digits of the number to be it
        "Sarah works in a bakery.",
        "Nothing private here: 12 3 45 67.",
    ],
)
def test_ordinary_words_are_not_details(demo, text: str) -> None:
    dad = named(demo, "Dean Harland")
    assert find_leaks(demo, dad, [Place("x", text)], family=True) == ()


def test_own_and_shared_details_are_not_leaks(demo) -> None:
    mum = named(demo, "Justyna Harland")
    text = "14 Larch Close, 07700 900 123"
    assert find_leaks(demo, mum, [Place("x", text)], family=True) == ()
    # Two parents at one address: the address is the recipient's own too.
    shared = people(demo, **{"Dean Harland": {"address": SARAH["address"]}})
    dad = named(shared, "Dean Harland")
    leaks = find_leaks(shared, dad, [Place("x", text)], family=True)
    assert [leak.kind for leak in leaks] == ["telephone number"]


def test_short_details_are_not_searched(demo) -> None:
    record = people(
        demo,
        **{
            "Carol Harland": {
                "address": "Flat\nA",
                "telephone": "999",
                "email": "none",
                "school_or_workplace": "Shop",
            }
        },
    )
    assert find_leaks(record, None, [Place("x", "Flat A 999 none Shop")], family=True) == ()


def test_a_full_copy_searches_only_for_details_kept_from_its_recipient(demo) -> None:
    police = named(demo, "DC Neil Brannigan")
    place = [Place("x", "Seen at 14 Larch Close.")]
    assert find_leaks(demo, police, place, family=False) == ()
    kept = people(demo, **{"Justyna Harland": {"withhold_from": (police.id,)}})
    leaks = find_leaks(kept, police, place, family=False)
    assert [(leak.owner.name, leak.kind) for leak in leaks] == [("Justyna Harland", "address")]


def test_the_message_names_the_person_the_detail_and_the_place(demo) -> None:
    leak = Leak(named(demo, "Justyna Harland"), "address", "'Parents' views' (entry 3)")
    assert leak_message("This copy for Dean Harland", leak) == (
        "This copy for Dean Harland would show Justyna Harland's address in "
        "'Parents' views' (entry 3). Restrict that entry or remove the address."
    )


def test_every_printed_string_of_the_minutes_is_searched(demo) -> None:
    profile = load_profile("england")
    mum, dad = named(demo, "Justyna Harland"), named(demo, "Dean Harland")
    full = build_minutes(demo, profile, MinutesCopy()).document
    places = list(minutes_places(full))
    wheres = {place.where for place in places}
    assert "the title" in wheres and "the file's reference" in wheres
    assert any(w.startswith("'Attendance' (row ") for w in wheres)
    assert any(w.endswith("(table heading)") for w in wheres)
    assert any(w.startswith("'Conference details' (Reference)") for w in wheres)
    text = "\n".join(place.text for place in places)
    assert "14 Larch Close" in text  # the full copy's contact details
    entry = next(e for e in demo.minutes if not e.restricted)
    leaky = dataclasses.replace(
        demo,
        minutes=tuple(
            dataclasses.replace(e, text=e.text + " New address: 14 Larch Close.")
            if e.id == entry.id
            else e
            for e in demo.minutes
        ),
    )
    family = build_minutes(leaky, profile, MinutesCopy(CopyKind.FAMILY, dad.id)).document
    leaks = find_leaks(leaky, dad, minutes_places(family), family=True)
    assert leaks and leaks[0].owner == mum and "(entry " in leaks[0].where
    clean = build_minutes(demo, profile, MinutesCopy(CopyKind.FAMILY, dad.id)).document
    assert find_leaks(demo, dad, minutes_places(clean), family=True) == ()


def test_every_printed_string_of_a_letter_is_searched() -> None:
    letter = LetterDocument(
        marking="OFFICIAL",
        reference="CPC-1",
        sender=("Council",),
        recipient_name="Dean",
        recipient_address=("3 Mill Row",),
        date_text="1 December 2026",
        subject="Outcome",
        salutation="Dear Dean,",
        paragraphs=(Para("First."), Para("Second.", "Note:")),
        sign_off="Yours",
        signatory=("Chair", "Independent chair"),
    )
    places = list(letter_places(letter))
    assert [p.where for p in places] == [
        "the sender's address",
        "the recipient's name and address",
        "the subject",
        "paragraph 1",
        "paragraph 2",
        "the signature",
    ]
    assert places[2].text == "Outcome\nDear Dean,"
    assert places[4].text == "Note:\nSecond."
