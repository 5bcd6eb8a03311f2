"""How a hand-over names a participant's language choice and parental responsibility."""

from __future__ import annotations

import dataclasses

from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.enums import Language, ParticipantRole
from cpc_desktop.domain.merge import Change, ChangeKind, UnitKey
from cpc_desktop.ui.handover.describe import Names, change_words, unit_text


def test_the_fields_are_named_and_their_values_said() -> None:
    before = Participant(id="p1", name="Carol Harland", role=ParticipantRole.FAMILY_MEMBER)
    after = dataclasses.replace(before, language=Language.WELSH, parental_responsibility=True)
    fields = ("language", "parental_responsibility")
    change = Change(UnitKey("participant", "p1"), ChangeKind.CHANGED, before, after, fields)

    assert change_words(change) == (
        "Changes the language they chose and whether they have parental responsibility"
    )
    assert unit_text(after, Names(()), fields) == (
        "Language they chose: Cymraeg (Welsh)\nWhether they have parental responsibility: Yes"
    )
    assert unit_text(before, Names(()), fields) == (
        "Language they chose: (none)\nWhether they have parental responsibility: No"
    )
    english = dataclasses.replace(before, language=Language.ENGLISH)
    assert unit_text(english, Names(()), ("language",)) == "Language they chose: English"
