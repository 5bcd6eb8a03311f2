"""Words for coded values and people, whatever the system's locale."""

from __future__ import annotations

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import Outcome, ParticipantRole, Tag
from cpc_desktop.domain.labels import child_name, first_name, label, person


def test_labels() -> None:
    assert label(ParticipantRole.SOCIAL_WORKER) == "Social worker"
    assert label(Tag.FACT) == "Fact"
    assert label(Outcome.CP_PLAN) == "Child protection plan"


def test_person() -> None:
    assert person(d.Participant("1", "Dr A Patel", ParticipantRole.PROFESSIONAL, agency="GP")) == (
        "Dr A Patel (GP)"
    )
    mum = d.Participant("2", "Ola", ParticipantRole.PARENT, relationship="Mother")
    assert person(mum) == "Ola (Mother)"
    assert person(d.Participant("3", "Kai", ParticipantRole.CHILD)) == "Kai (Child)"


def test_child_name() -> None:
    assert child_name(d.Child("1", "Kai", "Harland")) == "Kai Harland"
    assert child_name(d.Child("1", " Kai ", " Harland ")) == "Kai Harland"
    assert child_name(d.Child("1", "", "Marsh")) == "Marsh"
    assert child_name(d.Child("1", "Lily", "")) == "Lily"
    assert child_name(d.Child("1", " ", " ")) == "the child"
    assert child_name(d.Child("1", "", ""), blank="") == ""
    assert child_name(d.Child("1", "", ""), blank="Unborn baby") == "Unborn baby"


def test_first_name() -> None:
    assert first_name(d.Child("1", " Kai ", "Harland")) == "Kai"
    assert first_name(d.Child("1", "", "Smith")) == "Smith"
    assert first_name(d.Child("1", "", "")) == "the child"
