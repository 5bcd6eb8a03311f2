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


def test_complaints_and_correction_requests_are_described_by_who_and_how_they_stand() -> None:
    from cpc_desktop.ui.handover.describe import describe, kind_words
    from tests.strategies import example_record

    record = example_record()
    names = Names((record,))
    complaint, (refused, pending) = record.complaints[0], record.corrections
    mother = next(p.name for p in record.participants if p.id == complaint.complainant_id)
    assert kind_words(UnitKey("complaint", complaint.id)) == "Complaint"
    assert kind_words(UnitKey("correction_request", refused.id)) == (
        "Request to correct the minutes"
    )
    assert describe(UnitKey("complaint", complaint.id), complaint, names) == (
        f"from {mother}, received 30 Nov 2026"
    )
    named = dataclasses.replace(complaint, complainant_id=None, complainant_name="An Advocate")
    assert describe(UnitKey("complaint", complaint.id), named, names) == (
        "from An Advocate, received 30 Nov 2026"
    )
    assert describe(UnitKey("correction_request", refused.id), refused, names) == (
        "from Jo Parent, refused"
    )
    assert describe(UnitKey("correction_request", pending.id), pending, names) == (
        "from Dr A Patel, waiting for the chair's ruling"
    )
