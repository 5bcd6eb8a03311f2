"""A bidi control typed in a name acts inside its own cell on screen, never beyond it."""

from __future__ import annotations

from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.enums import ParticipantRole
from cpc_desktop.ui.workspace.participant_model import Column, ParticipantModel


def test_a_name_with_an_override_is_isolated_in_its_cell(qtbot) -> None:
    model = ParticipantModel()
    model.set_rows(
        [
            Participant("p1", "Sam \u202eReed", ParticipantRole.PARENT, agency="Home"),
            Participant("p2", "Jo Lee", ParticipantRole.PARENT),
        ]
    )
    hostile = model.data(model.index(0, Column.NAME))
    assert hostile == "\u2068Sam \u202eReed\u202c\u2069"  # closed, then wrapped in FSI…PDI
    assert model.data(model.index(1, Column.NAME)) == "Jo Lee"  # plain names unchanged
    assert model.data(model.index(0, Column.AGENCY)) == "Home"
