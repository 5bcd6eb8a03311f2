"""Parental responsibility and language choice in the domain (issue 18): who is written
to (``letters_needed``) and the roll call's Wales warnings (``roll_call_notes``)."""

from __future__ import annotations

import dataclasses

import pytest

from cpc_desktop.domain.conference import ConferenceRecord, Participant
from cpc_desktop.domain.enums import AttendanceKind, Language, Nation, ParticipantRole, Side
from cpc_desktop.domain.letters import LetterKind, compose_letter, letters_needed
from cpc_desktop.domain.roll_call_notes import (
    language_not_asked,
    roll_call_notes,
    uninvited_with_responsibility,
)
from cpc_desktop.domain.sides import has_parental_responsibility
from tests.unit.domain.test_letters import ENGLAND, TODAY, _people, _person, harland, request

r = ParticipantRole


def with_people(*extra: Participant) -> ConferenceRecord:
    return dataclasses.replace(harland(), participants=_people() + extra)


def family_letters(record: ConferenceRecord) -> list[tuple[str, str]]:
    family = (LetterKind.PARENT, LetterKind.EXCLUDED_PARENT)
    return [(n.kind.value, n.recipient_name) for n in letters_needed(record) if n.kind in family]


def test_a_grandparent_with_responsibility_who_was_not_invited_gets_a_parent_letter() -> None:
    gran = _person(
        "gran", "Carol Harland", r.FAMILY_MEMBER, invited=False, parental_responsibility=True
    )
    assert gran.attendance == ()  # never came, never invited
    record = with_people(gran)

    assert family_letters(record) == [
        ("parent", "Justyna Harland"),
        ("parent", "Carol Harland"),
        ("excluded_parent", "Dean Harland"),
    ]
    # And the letter can be written to her.
    need = next(n for n in letters_needed(record) if n.recipient_name == "Carol Harland")
    letter = compose_letter(
        record, ENGLAND, request(need.kind, "Carol Harland", recipient_id=gran.id), TODAY
    )
    assert letter.recipient_name == "Carol Harland"


def test_without_responsibility_a_family_member_gets_no_letter() -> None:
    gran = _person("gran", "Carol Harland", r.FAMILY_MEMBER)
    assert family_letters(with_people(gran)) == [
        ("parent", "Justyna Harland"),
        ("excluded_parent", "Dean Harland"),
    ]


def test_someone_with_responsibility_who_was_excluded_gets_the_excluded_parent_letter() -> None:
    dean = next(p for p in _people() if p.name == "Dean Harland")
    uncle = _person(
        "uncle",
        "Rob Harland",
        r.FAMILY_MEMBER,
        parental_responsibility=True,
        attendance=tuple(e for e in dean.attendance if e.kind is AttendanceKind.EXCLUDED),
    )
    assert ("excluded_parent", "Rob Harland") in family_letters(with_people(uncle))


def test_responsibility_recorded_on_the_professional_side_writes_no_parent_letter() -> None:
    """The roll call refuses it; an imported record holding it gets no family letter."""
    odd = _person("odd", "Jo Bloggs", r.PROFESSIONAL, parental_responsibility=True)
    moved = _person(
        "moved",
        "Sam Carr",
        r.FAMILY_MEMBER,
        side=Side.PROFESSIONAL,
        side_reason="here for the school",
        parental_responsibility=True,
    )
    assert family_letters(with_people(odd, moved)) == [
        ("parent", "Justyna Harland"),
        ("excluded_parent", "Dean Harland"),
    ]


# --------------------------------------------------------------------------- Wales warnings


def test_under_wales_an_uninvited_person_with_responsibility_is_named() -> None:
    gran = _person(
        "gran", "Carol Harland", r.FAMILY_MEMBER, invited=False, parental_responsibility=True
    )
    asked = tuple(dataclasses.replace(p, language=Language.ENGLISH) for p in _people())
    record = dataclasses.replace(harland(), participants=(*asked, gran))

    assert uninvited_with_responsibility(record) == (gran,)
    assert roll_call_notes(record, Nation.WALES) == (
        "Carol Harland has parental responsibility and must be invited (Wales).",
        "Language choice not asked yet (Welsh Language Standards): Carol Harland.",
    )
    invited = dataclasses.replace(gran, invited=True, language=Language.WELSH)
    record = dataclasses.replace(record, participants=(*asked, invited))
    assert roll_call_notes(record, Nation.WALES) == ()


@pytest.mark.parametrize("nation", [Nation.ENGLAND, Nation.SCOTLAND, Nation.NORTHERN_IRELAND])
def test_other_nations_give_no_warning(nation: Nation) -> None:
    gran = _person(
        "gran", "Carol Harland", r.FAMILY_MEMBER, invited=False, parental_responsibility=True
    )
    assert roll_call_notes(with_people(gran), nation) == ()


def test_whose_language_is_not_asked() -> None:
    """Everyone written to; not the chair or the minute-taker, who write the record."""
    writers = {p.name for p in _people() if p.role in (r.CHAIR, r.MINUTE_TAKER)}
    assert writers == {"Demo Chair", "Sandra Pell"}
    readers = [p for p in _people() if p.name not in writers]
    welsh = dataclasses.replace(readers[0], language=Language.WELSH)
    record = dataclasses.replace(
        harland(), participants=(*(p for p in _people() if p.name in writers), welsh, *readers[1:])
    )
    unasked = language_not_asked(record)
    assert [p.name for p in unasked] == [p.name for p in readers[1:]]
    line = roll_call_notes(record, Nation.WALES)[-1]
    assert line.startswith("Language choice not asked yet (Welsh Language Standards): ")
    assert line.endswith(f"{readers[-2].name} and {readers[-1].name}.")
    assert welsh.name not in line


def test_where_parental_responsibility_counts() -> None:
    def holder(role: ParticipantRole, **kw: object) -> Participant:
        return _person("x", "Sam Carr", role, parental_responsibility=True, **kw)

    assert has_parental_responsibility(holder(r.FAMILY_MEMBER))
    assert has_parental_responsibility(holder(r.CARER))
    assert has_parental_responsibility(holder(r.PROFESSIONAL, side=Side.FAMILY, side_reason="aunt"))
    assert not has_parental_responsibility(holder(r.PROFESSIONAL))
    assert not has_parental_responsibility(holder(r.PARENT, side=Side.PROFESSIONAL))
    assert not has_parental_responsibility(holder(r.CHILD))  # the child's own letter instead
    assert not has_parental_responsibility(_person("y", "Jo Carr", r.FAMILY_MEMBER))
