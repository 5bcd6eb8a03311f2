"""A person's language choice and parental responsibility through the roll call (issue 18).

Both are participant fields like any other: set and cleared by ``update_participant``
(or given when a person is added), checked, audited, and refused when someone else
changed them meanwhile. Parental responsibility is for the family side only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import CopyKind, Language, ParticipantRole, Side
from cpc_desktop.domain.letters import LetterKind
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.errors import EditedElsewhere, RuleViolation
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.session import Session
from tests.helpers.meeting import (
    CHAIR,
    MUM,
    POLICE,
    REF,
    assert_sound,
    last_event,
    record,
    refused,
)
from tests.helpers.stores import TickingClock
from tests.unit.services.test_letters_distribution import TODAY, at, open_demo

FAMILY = (LetterKind.PARENT, LetterKind.EXCLUDED_PARENT)


def person(store: Store, participant_id: str):
    return next(p for p in record(store).participants if p.id == participant_id)


def test_a_language_choice_is_set_changed_and_cleared(store: Store, meeting: Session) -> None:
    assert person(store, MUM).language is None
    changed = meeting.roll_call.update_participant(MUM, language=Language.WELSH)
    assert changed.language is Language.WELSH
    assert person(store, MUM).language is Language.WELSH
    event = last_event(store)
    assert (event["action"], event["object_type"], event["object_id"]) == (
        "record_attendance",
        "participant",
        MUM,
    )
    assert [table for table, row_id, _hash in json.loads(event["rows"]) if row_id == MUM] == [
        "participant"
    ]
    # The document's spelling is taken too, and None clears it ("not asked yet").
    assert meeting.roll_call.update_participant(MUM, language="en").language is Language.ENGLISH
    assert meeting.roll_call.update_participant(MUM, language=None).language is None
    assert person(store, MUM).language is None
    assert_sound(store)


def test_parental_responsibility_is_set_and_cleared(store: Store, meeting: Session) -> None:
    assert person(store, MUM).parental_responsibility is False
    assert meeting.roll_call.update_participant(MUM, parental_responsibility=True)
    assert person(store, MUM).parental_responsibility is True
    event = last_event(store)
    assert (event["object_type"], event["object_id"]) == ("participant", MUM)
    meeting.roll_call.update_participant(MUM, parental_responsibility=False)
    assert person(store, MUM).parental_responsibility is False
    assert_sound(store)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"language": "fr"}, "$.participants[].language: 'fr' is not one of: en, cy"),
        ({"language": "Welsh"}, "'Welsh' is not one of: en, cy"),
        (
            {"parental_responsibility": "yes"},
            "$.participants[].parental_responsibility: must be true or false",
        ),
    ],
)
def test_bad_values_are_refused(
    store: Store, meeting: Session, changes: dict[str, object], message: str
) -> None:
    refused(
        store, lambda: meeting.roll_call.update_participant(MUM, **changes), RuleViolation, message
    )


def test_parental_responsibility_is_refused_for_a_professional(
    store: Store, meeting: Session
) -> None:
    message = (
        "PC Dee is on the professional side, so cannot be recorded as having parental "
        "responsibility: only someone on the family side can"
    )
    refused(
        store,
        lambda: meeting.roll_call.update_participant(POLICE, parental_responsibility=True),
        RuleViolation,
        message,
    )
    # Nor can a parent who has it be put on the professional side, or become a professional.
    meeting.roll_call.update_participant(MUM, parental_responsibility=True)
    refused(
        store,
        lambda: meeting.roll_call.update_participant(
            MUM, side=Side.PROFESSIONAL, side_reason="works for the council"
        ),
        RuleViolation,
        "Ola Oyelaran is on the professional side, so cannot be recorded as having parental",
    )
    refused(
        store,
        lambda: meeting.roll_call.update_participant(MUM, role=ParticipantRole.PROFESSIONAL),
        RuleViolation,
        "cannot be recorded as having parental responsibility",
    )
    # A professional put on the family side with a reason may have it.
    meeting.roll_call.update_participant(
        POLICE,
        side=Side.FAMILY,
        side_reason="the children's aunt, here as family",
        parental_responsibility=True,
    )
    assert person(store, POLICE).parental_responsibility is True


def test_adding_a_person_with_language_and_responsibility(store: Store, meeting: Session) -> None:
    gran = meeting.roll_call.add_participant(
        REF,
        NewParticipant(
            "Mair Pritchard",
            ParticipantRole.FAMILY_MEMBER,
            language=Language.WELSH,
            parental_responsibility=True,
        ),
    )
    stored = person(store, gran.id)
    assert (stored.language, stored.parental_responsibility) == (Language.WELSH, True)
    refused(
        store,
        lambda: meeting.roll_call.add_participant(
            REF,
            NewParticipant(
                "Dr Ann Bell", ParticipantRole.PROFESSIONAL, parental_responsibility=True
            ),
        ),
        RuleViolation,
        "Dr Ann Bell is on the professional side",
    )


def test_a_language_changed_by_someone_else_is_not_written_over(
    store: Store, meeting: Session
) -> None:
    other = Session(store, CHAIR, TickingClock())
    other.roll_call.update_participant(MUM, language=Language.WELSH)
    with pytest.raises(EditedElsewhere) as caught:
        meeting.roll_call.update_participant(
            MUM, expected={"language": None}, language=Language.ENGLISH
        )
    assert caught.value.message == (
        "Someone else changed Ola Oyelaran's language choice to “Cymraeg (Welsh)” while you "
        "were editing; nothing was saved."
    )
    assert caught.value.theirs.language is Language.WELSH
    assert person(store, MUM).language is Language.WELSH
    # The same change someone already made is no clash; another field is not compared.
    meeting.roll_call.update_participant(MUM, expected={"language": None}, language=Language.WELSH)
    meeting.roll_call.update_participant(
        MUM, expected={"parental_responsibility": False}, parental_responsibility=True
    )
    assert person(store, MUM).parental_responsibility is True


def test_parental_responsibility_changed_by_someone_else_is_refused(
    store: Store, meeting: Session
) -> None:
    other = Session(store, CHAIR, TickingClock())
    other.roll_call.update_participant(MUM, parental_responsibility=True)
    with pytest.raises(EditedElsewhere, match="Ola Oyelaran's parental responsibility to yes"):
        meeting.roll_call.update_participant(
            MUM,
            expected={"parental_responsibility": False, "language": None},
            parental_responsibility=False,
            language=Language.ENGLISH,
        )
    stored = person(store, MUM)
    assert (stored.parental_responsibility, stored.language) == (True, None)


# --- who is sent the outcome ------------------------------------------------------------


def test_someone_with_responsibility_is_written_to_and_tracked_invited_or_not(
    tmp_path: Path,
) -> None:
    demo = build_demo_records(TODAY)[0]
    ref = demo.conference.reference
    with open_demo(tmp_path, demo, at(TODAY)) as s:
        carol = next(p for p in demo.participants if p.name == "Carol Harland")
        s.roll_call.update_participant(carol.id, invited=False)

        def tracked() -> dict[str, CopyKind]:
            return {x.name: x.copy for x in s.distribution.tracker(ref)}

        def written_to() -> list[str]:
            return [p.need.recipient_name for p in s.letters.plan(ref) if p.need.kind in FAMILY]

        # Not invited and without parental responsibility: neither written to nor tracked.
        assert "Carol Harland" not in tracked()
        assert "Carol Harland" not in written_to()
        s.roll_call.update_participant(carol.id, parental_responsibility=True)
        assert tracked()["Carol Harland"] is CopyKind.FAMILY
        assert written_to() == ["Justyna Harland", "Carol Harland", "Dean Harland"]
        # An uninvited professional is still not tracked.
        gp = next(p for p in demo.participants if p.name == "Dr Thomas Ewing")
        s.roll_call.update_participant(gp.id, invited=False)
        assert "Dr Thomas Ewing" not in tracked()
