"""A change made from a screen is checked field by field against what it showed (issue 17).

The roll call (a participant's details, an exclusion's end and sharing, how a child takes
part, the quorum reason) and the agenda (an item's title, allowance, reason, status)
take ``expected``: the values the editor showed of the fields it changes. A field someone
else changed meanwhile refuses the change with one line and the row as stored now;
nothing is saved. Other fields of the same row, and a change without ``expected`` (the
command line), are not refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from cpc_desktop.data import models as m
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AgendaStatus, ChildParticipation
from cpc_desktop.services.edited_fields import shown
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.services.session import Session
from tests.helpers.meeting import AT, CHAIR, ITEM, POLICE, REF, assert_sound, small_store
from tests.helpers.records import uid
from tests.helpers.stores import TickingClock

EXCLUSION, CHILD = uid("a2"), uid("child")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    yield from small_store(tmp_path)


def chair(store: Store) -> Session:
    return Session(store, CHAIR, TickingClock())


def police(session: Session) -> d.Participant:
    (found,) = [p for p in session.conferences.get(REF).participants if p.id == POLICE]
    return found


def audit_count(store: Store) -> int:
    with store.reading() as s:
        return s.query(m.AuditEvent).count()


def refused(store: Store, change: Callable[[], object]) -> EditedElsewhere:
    """``change`` is refused and writes nothing, not even an audit event."""
    before = audit_count(store)
    with pytest.raises(EditedElsewhere) as caught:
        change()
    assert audit_count(store) == before
    assert "\n" not in caught.value.message
    return caught.value


def test_a_participant_field_changed_meanwhile_is_refused_with_theirs(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    alex.roll_call.update_participant(POLICE, agency="PSNI", expected={"agency": "Police"})
    refusal = refused(
        store,
        lambda: morgan.roll_call.update_participant(
            POLICE, agency="Met", expected={"agency": "Police"}
        ),
    )
    assert refusal.message == (
        "Someone else changed PC Dee's agency to “PSNI” while you were editing; nothing was saved."
    )
    assert refusal.theirs.agency == "PSNI" and refusal.version == 2
    assert police(alex).agency == "PSNI"
    # Keep mine: saved over theirs, knowingly.
    morgan.roll_call.update_participant(POLICE, agency="Met", expected={"agency": "PSNI"})
    assert police(alex).agency == "Met"
    assert_sound(store)


def test_different_fields_of_one_person_both_stand(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    alex.roll_call.update_participant(POLICE, agency="PSNI", expected={"agency": "Police"})
    morgan.roll_call.update_participant(
        POLICE, relationship="Detective", expected={"relationship": ""}
    )
    assert (police(alex).agency, police(alex).relationship) == ("PSNI", "Detective")


def test_the_same_new_value_is_no_clash(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    alex.roll_call.update_participant(POLICE, agency="PSNI", expected={"agency": "Police"})
    morgan.roll_call.update_participant(POLICE, agency="PSNI", expected={"agency": "Police"})
    assert police(alex).agency == "PSNI"


def test_a_change_without_expected_values_is_not_checked(store: Store) -> None:
    session = chair(store)
    session.roll_call.update_participant(POLICE, agency="PSNI")
    session.roll_call.update_participant(POLICE, agency="Met")
    assert police(session).agency == "Met"


def test_an_exclusion_ended_or_shared_meanwhile_is_refused(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    ended = AT.replace(minute=20)
    alex.roll_call.end_exclusion(EXCLUSION, AT + timedelta(minutes=25), expected={"until": ended})
    refusal = refused(
        store,
        lambda: morgan.roll_call.end_exclusion(
            EXCLUSION, AT + timedelta(minutes=30), expected={"until": ended}
        ),
    )
    assert refusal.message.startswith("Someone else changed the end of Ola Oyelaran's exclusion")
    assert refusal.theirs.until == AT + timedelta(minutes=25)
    alex.roll_call.share_exclusion(EXCLUSION, True, expected={"shared_with_family": False})
    refusal = refused(
        store,
        lambda: morgan.roll_call.share_exclusion(
            EXCLUSION, True, True, expected={"shared_with_family": True, "shown_to_excluded": True}
        ),
    )
    assert "whether Ola Oyelaran is shown their exclusion grounds to no" in refusal.message


def test_a_quorum_reason_changed_meanwhile_is_refused(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    alex.roll_call.set_quorum_reason(
        REF, "The family travelled far.", expected={"quorum_reason": None}
    )
    refusal = refused(
        store,
        lambda: morgan.roll_call.set_quorum_reason(
            REF, "Police sent a report.", expected={"quorum_reason": None}
        ),
    )
    assert refusal.theirs.quorum_reason == "The family travelled far."
    assert "the reason for going ahead without a quorum to “The family travelled far.”" in (
        refusal.message
    )


def test_a_childs_participation_changed_meanwhile_is_refused(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    alex.roll_call.set_child_participation(
        CHILD, ChildParticipation.ATTENDS_ALL, None, expected={"participation": None}
    )
    refusal = refused(
        store,
        lambda: morgan.roll_call.set_child_participation(
            CHILD,
            ChildParticipation.NOT_TAKING_PART,
            "Too young.",
            expected={"participation": None, "participation_reason": None},
        ),
    )
    assert refusal.message.startswith("Someone else changed how Bethany")


def test_an_agenda_item_changed_meanwhile_is_refused(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    title = "Reason for the conference"
    alex.agenda.update_agenda_item(ITEM, title="Why we met", expected={"title": title})
    refusal = refused(
        store,
        lambda: morgan.agenda.update_agenda_item(ITEM, title="Reasons", expected={"title": title}),
    )
    assert refusal.theirs.title == "Why we met"
    # Another field of the same item is not refused.
    morgan.agenda.update_agenda_item(ITEM, allowance_minutes=15, expected={"allowance_minutes": 10})
    alex.agenda.set_agenda_status(
        ITEM, AgendaStatus.DONE, expected={"status": AgendaStatus.CURRENT}
    )
    refused(
        store,
        lambda: morgan.agenda.set_agenda_status(
            ITEM, AgendaStatus.SKIPPED, expected={"status": AgendaStatus.CURRENT}
        ),
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [(None, "nothing"), ("", "nothing"), (True, "yes"), ("PSNI", "“PSNI”"), ((), "nothing")],
)
def test_values_are_named_in_plain_words(value: object, words: str) -> None:
    assert shown(value) == words


def test_undoing_an_exclusions_end_over_a_later_end_is_refused(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    ended, later = AT.replace(minute=20), AT + timedelta(minutes=25)
    alex.roll_call.end_exclusion(EXCLUSION, later, expected={"until": ended})
    refused(store, lambda: morgan.roll_call.remove_attendance(EXCLUSION, expected={"until": ended}))
    morgan.roll_call.remove_attendance(EXCLUSION, expected={"until": later})
    assert EXCLUSION not in {
        e.id for p in alex.conferences.get(REF).participants for e in p.attendance
    }


def test_a_safety_scale_changed_meanwhile_is_refused_with_theirs(store: Store) -> None:
    alex, morgan = chair(store), chair(store)
    alex.notes.set_scale(REF, POLICE, 7, expected={"score": None, "note": ""})
    refusal = refused(
        store,
        lambda: morgan.notes.set_scale(REF, POLICE, 3, expected={"score": None, "note": ""}),
    )
    assert refusal.message.startswith("Someone else changed PC Dee's safety score to “7”")
    assert refusal.theirs.score == 7
    # A note added to the score the editor saw is no clash with the score.
    morgan.notes.set_scale(REF, POLICE, 7, "Better", expected={"score": 7, "note": ""})
    alex.notes.set_scale(REF, POLICE, None, expected={"score": 7, "note": "Better"})
    refusal = refused(store, lambda: morgan.notes.set_scale(REF, POLICE, 8, expected={"score": 7}))
    assert refusal.theirs is None  # cleared by the other chair
