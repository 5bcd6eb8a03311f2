"""Sides and entitlement: who is on the family side, and which children their copy covers."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import ParticipantRole, Side
from cpc_desktop.domain.sides import (
    children_of,
    entitlement_problem,
    family_copy_children,
    family_side,
    is_family_side,
    related_child_ids,
    side_for_role,
    side_of,
)
from cpc_desktop.services.demo import build_demo_records


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(date(2026, 11, 23))[0]


def named(record: d.ConferenceRecord, name: str) -> d.Participant:
    return next(p for p in record.participants if p.name == name)


def with_people(record: d.ConferenceRecord, **changes: dict[str, object]) -> d.ConferenceRecord:
    people = tuple(
        dataclasses.replace(p, **changes[p.name]) if p.name in changes else p
        for p in record.participants
    )
    return dataclasses.replace(record, participants=people)


@pytest.mark.parametrize(
    ("role", "side"),
    [
        (ParticipantRole.PARENT, Side.FAMILY),
        (ParticipantRole.CHILD, Side.FAMILY),
        (ParticipantRole.ADVOCATE, Side.FAMILY),
        (ParticipantRole.INTERPRETER, Side.FAMILY),
        (ParticipantRole.SUPPORTER, Side.FAMILY),
        (ParticipantRole.SOCIAL_WORKER, Side.PROFESSIONAL),
        (ParticipantRole.OBSERVER, Side.PROFESSIONAL),
    ],
)
def test_the_role_implies_a_side(role: ParticipantRole, side: Side) -> None:
    assert side_for_role(role) is side


def test_a_recorded_side_overrides_the_role(demo) -> None:
    record = with_people(
        demo,
        **{
            "Ewa Zielinska": {"side": Side.PROFESSIONAL, "side_reason": "Court interpreter"},
            "Priya Shah": {"side": Side.FAMILY, "side_reason": "Mum's sister"},
        },
    )
    assert side_of(named(record, "Ewa Zielinska")) is Side.PROFESSIONAL
    assert is_family_side(named(record, "Priya Shah"))
    names = [p.name for p in family_side(record)]
    assert "Priya Shah" in names and "Ewa Zielinska" not in names
    assert "Justyna Harland" in names and "Amira Hussain" not in names


def test_only_a_full_copy_for_the_family_side_is_refused(demo) -> None:
    dean = named(demo, "Dean Harland")
    assert entitlement_problem(dean, full=True) == (
        "Dean Harland is on the family side, so may receive only a family copy."
    )
    assert entitlement_problem(dean, full=False) is None
    assert entitlement_problem(named(demo, "Amira Hussain"), full=True) is None


def test_children_of_a_person_and_of_a_family_copy(demo) -> None:
    kai, lily, theo = (c.id for c in demo.children)
    assert family_copy_children(demo, None) == demo.children
    record = with_people(
        demo,
        **{"Dean Harland": {"child_ids": (theo, lily)}, "Carol Harland": {"child_ids": (lily,)}},
    )
    dean = named(record, "Dean Harland")
    assert [c.id for c in children_of(record, dean)] == [lily, theo]  # the record's order
    assert children_of(record, named(record, "Justyna Harland")) == record.children
    assert children_of(record, None) == record.children
    assert family_copy_children(record, dean) == children_of(record, dean)
    # A copy for no one in particular carries only the children every one of them shares.
    assert [c.id for c in family_copy_children(record, None)] == [lily]
    assert related_child_ids(record.participants) == {lily, theo}
    assert kai not in related_child_ids(record.participants)


# --------------------------------------------------------------------------- the copies


def words(document) -> str:
    from tests.unit.domain.test_minutes_document import words as printed

    return printed(document)


def test_a_family_copy_carries_only_the_recipients_children(demo) -> None:
    from cpc_desktop.domain.enums import CopyKind
    from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
    from cpc_desktop.services.profiles import load_profile

    profile = load_profile("england")
    kai = demo.children[0]
    record = with_people(demo, **{"Dean Harland": {"child_ids": (kai.id,)}})
    dean = named(record, "Dean Harland")
    titles = lambda doc: [s.title for s in doc.sections if s.level == 2]  # noqa: E731
    mine = build_minutes(record, profile, MinutesCopy(CopyKind.FAMILY, dean.id)).document
    assert titles(mine) == ["Kai Harland"]
    # Decisions (with their plans and core groups), next dates and the children table are
    # Kai's only; what people said (minutes, views) is the chair's to restrict.
    for section in mine.sections:
        if section.title in ("Conference details", "Next dates"):
            text = words(dataclasses.replace(mine, sections=(section,)))
            assert "Lily" not in text and "Theo" not in text, section.title
    # Everyone else's copies, the full one included, carry every child.
    for which in (
        MinutesCopy(),
        MinutesCopy(CopyKind.FAMILY, named(record, "Justyna Harland").id),
    ):
        doc = build_minutes(record, profile, which).document
        assert titles(doc) == ["Kai Harland", "Lily Harland", "Theo Harland"]
    # A family copy for any of them carries only what all of them share.
    anyone = build_minutes(record, profile, MinutesCopy(CopyKind.FAMILY)).document
    assert titles(anyone) == ["Kai Harland"]


def test_the_full_copy_lists_contact_details_unless_withheld(demo) -> None:
    from cpc_desktop.domain.enums import CopyKind
    from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
    from cpc_desktop.services.profiles import load_profile

    profile = load_profile("england")
    police = named(demo, "DC Neil Brannigan")
    record = with_people(
        demo,
        **{
            "Justyna Harland": {"address": "14 Larch Close", "withhold_from": (police.id,)},
            "Dean Harland": {"telephone": "07700 900 456"},
        },
    )
    full = words(build_minutes(record, profile).document)
    assert "Contact details: professionals only" in full
    assert "07700 900 456" in full
    assert "14 Larch Close" not in full and "Withheld at this person's request." in full
    for_gp = words(
        build_minutes(
            record, profile, MinutesCopy(CopyKind.FULL, named(record, "Dr Thomas Ewing").id)
        ).document
    )
    assert "14 Larch Close" in for_gp
    for_police = words(
        build_minutes(record, profile, MinutesCopy(CopyKind.FULL, police.id)).document
    )
    assert "14 Larch Close" not in for_police and "07700 900 456" in for_police
    family = words(build_minutes(record, profile, MinutesCopy(CopyKind.FAMILY)).document)
    assert "Contact details" not in family and "07700 900 456" not in family
    assert "Contact details" not in words(build_minutes(demo, profile).document)


def test_letters_follow_sides_and_children() -> None:
    from cpc_desktop.domain.letters import LetterKind, letters_needed
    from tests.unit.domain.test_letters import LILY, THEO, compose, harland, text_of

    record = harland()
    dean = named(record, "Dean Harland")
    only_lily = with_people(record, **{"Dean Harland": {"child_ids": (LILY,)}})
    letter = compose(only_lily, LetterKind.EXCLUDED_PARENT, "Dean Harland", recipient_id=dean.id)
    assert "Lily" in text_of(letter)
    assert "Theo" not in text_of(letter) and "Kai" not in text_of(letter)
    both = compose(record, LetterKind.EXCLUDED_PARENT, "Dean Harland", recipient_id=dean.id)
    assert "Theo" in text_of(both)
    with pytest.raises(ValueError, match="Dean Harland is on the family side"):
        compose(record, LetterKind.PROFESSIONAL, "Dean Harland", recipient_id=dean.id)
    assert THEO
    moved = with_people(
        record, **{"Joanne Pritchard": {"side": Side.FAMILY, "side_reason": "Family friend"}}
    )
    needed = [(n.kind, n.recipient_name) for n in letters_needed(moved)]
    assert (LetterKind.PROFESSIONAL, "Joanne Pritchard") not in needed
    assert (LetterKind.PROFESSIONAL, "Joanne Pritchard") in [
        (n.kind, n.recipient_name) for n in letters_needed(record)
    ]
