"""Words for coded values and people, whatever the system's locale."""

from __future__ import annotations

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import Outcome, ParticipantRole, Tag
from cpc_desktop.domain.labels import label, person


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
