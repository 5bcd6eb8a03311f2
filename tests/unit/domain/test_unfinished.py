"""What is left unfinished before a conference closes: one test a kind, and none when
everything is done."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AgendaStatus, ConferenceStatus, Outcome
from cpc_desktop.domain.letters import letters_needed
from cpc_desktop.domain.unfinished import TEMPLATES, Place, letters_not_issued, unfinished
from tests.helpers.records import small_record, uid

AT = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)
CHILD = uid("child")


def _decision(*actions: d.PlanAction) -> d.Decision:
    return d.Decision(uid("decision"), CHILD, outcome=Outcome.CP_PLAN, actions=actions)


def _letters(record: d.ConferenceRecord) -> tuple[d.Letter, ...]:
    return tuple(
        d.Letter(uid(f"letter-{n}"), need.kind.value, need.recipient_id, AT)
        for n, need in enumerate(letters_needed(record))
    )


def finished() -> d.ConferenceRecord:
    """Decided, every action with an owner and a date, every letter issued."""
    record = dataclasses.replace(
        small_record(),
        decisions=(
            _decision(d.PlanAction(uid("p1"), "Sam Worker", "Visit weekly", date(2026, 12, 1))),
        ),
        actions=(
            d.ConferenceAction(
                uid("a1"), "PC Dee", "Share the report", date(2026, 11, 27), None, AT
            ),
        ),
    )
    return dataclasses.replace(record, letters=_letters(record))


def test_a_finished_conference_has_nothing_unfinished() -> None:
    assert unfinished(finished()) == ()


def test_text_not_saved_names_its_item_and_goes_to_its_minutes() -> None:
    record = finished()
    item = record.agenda[0]
    (found,) = unfinished(record, unsaved_items=(item.id,))
    assert found.place is Place.MINUTES and found.target == item.id
    assert found.line == (
        "Item 1 (Reason for the conference) has minute text that is not saved in the store."
    )
    assert unfinished(record, unsaved_items=("no-such-item",)) == ()


def test_a_meeting_action_without_an_owner_or_a_date() -> None:
    record = finished()
    no_date = d.ConferenceAction(uid("a2"), "PC Dee", "Ring the school", None, None, AT)
    no_owner = d.ConferenceAction(uid("a3"), " ", "Book  the\nreview", date(2026, 12, 4), None, AT)
    neither = d.ConferenceAction(uid("a4"), "", "Tell the GP", None, None, AT)
    record = dataclasses.replace(record, actions=(*record.actions, no_date, no_owner, neither))
    found = unfinished(record)
    assert [(f.place, f.target) for f in found] == [
        (Place.ACTION, no_date.id),
        (Place.ACTION, no_owner.id),
        (Place.ACTION, neither.id),
    ]
    assert [f.line for f in found] == [
        "Action 2, “Ring the school”, has no due date.",
        "Action 3, “Book the review”, has no owner.",
        "Action 4, “Tell the GP”, has no owner and no due date.",
    ]
    assert found[0].fix == "Complete action 2…"


def test_a_plan_action_without_a_date_goes_to_the_childs_decision() -> None:
    record = finished()
    late = d.PlanAction(uid("p2"), "Health visitor", "Check growth")
    record = dataclasses.replace(record, decisions=(_decision(*record.decisions[0].actions, late),))
    (found,) = unfinished(record)
    assert found.place is Place.DECISIONS and found.target == CHILD
    assert found.line == "In Bethany Oyelaran's plan, “Check growth” has no due date."


def test_a_child_without_a_decision_and_no_letters_asked_for_yet() -> None:
    record = dataclasses.replace(finished(), decisions=(), letters=())
    found = unfinished(record)
    assert [(f.place, f.target, f.line) for f in found] == [
        (Place.DECISIONS, CHILD, "No decision is recorded for Bethany Oyelaran.")
    ]  # the letters wait for the decision: it is what they tell
    undecided = dataclasses.replace(
        record, decisions=(dataclasses.replace(_decision(), outcome=None),)
    )
    assert [f.place for f in unfinished(undecided)] == [Place.DECISIONS]


def test_letters_due_and_not_issued_are_named_in_one_line() -> None:
    record = finished()
    parent = next(x for x in record.letters if x.kind == "excluded_parent")
    record = dataclasses.replace(
        record, letters=tuple(x for x in record.letters if x is not parent)
    )
    (found,) = unfinished(record)
    assert found.place is Place.LETTERS
    assert found.line == "1 letter is due and not issued: the outcome letter to Ola Oyelaran."
    none_issued = dataclasses.replace(record, letters=())
    (found,) = unfinished(none_issued)
    assert found.line.startswith(f"{len(letters_not_issued(none_issued))} letters are due")
    assert "the professional's letter to PC Dee" in found.line


def test_a_minute_takers_changes_not_exported() -> None:
    (found,) = unfinished(finished(), handover_due=True)
    assert found.place is Place.HANDOVER
    assert found.line.startswith("This copy has changes the chair does not have yet")


def test_the_kinds_come_in_order() -> None:
    record = dataclasses.replace(
        small_record(),
        actions=(d.ConferenceAction(uid("a9"), "", "Call", None, None, AT),),
    )
    found = unfinished(record, unsaved_items=(record.agenda[0].id,), handover_due=True)
    assert [f.place for f in found] == [
        Place.MINUTES,
        Place.ACTION,
        Place.DECISIONS,
        Place.HANDOVER,
    ]


def test_no_decision_is_asked_for_before_the_meeting_begins_or_after_it_adjourns() -> None:
    record = dataclasses.replace(finished(), decisions=(), letters=())
    pending = tuple(
        dataclasses.replace(item, status=AgendaStatus.PENDING) for item in record.agenda
    )
    scheduled = dataclasses.replace(record.conference, status=ConferenceStatus.SCHEDULED)
    preparing = dataclasses.replace(record, conference=scheduled, agenda=pending, minutes=())
    assert unfinished(preparing) == ()
    adjourned = dataclasses.replace(
        record,
        conference=dataclasses.replace(record.conference, status=ConferenceStatus.ADJOURNED),
    )
    assert unfinished(adjourned) == ()
    concluded = dataclasses.replace(
        preparing,
        conference=dataclasses.replace(record.conference, status=ConferenceStatus.CONCLUDED),
    )
    assert [f.place for f in unfinished(concluded)] == [Place.DECISIONS]


def _shouting(template: str) -> str:
    """A stand-in translation: the template's own words in capitals, its blanks kept."""
    return re.sub(r"(^|\})([^{]*)", lambda m: m.group(1) + m.group(2).upper(), template)


def test_each_line_is_a_template_with_its_blanks_so_a_screen_can_translate_it() -> None:
    record = finished()
    untitled = dataclasses.replace(record.agenda[0], title="  ")
    wordless = dataclasses.replace(record.actions[0], action=" ", owner="")
    record = dataclasses.replace(
        record, agenda=(untitled, *record.agenda[1:]), actions=(wordless,), letters=()
    )
    found = unfinished(record, unsaved_items=(untitled.id,))
    assert [item.line for item in found] == [
        "Item 1 (untitled) has minute text that is not saved in the store.",
        "Action 1, “with no words”, has no owner.",
        "3 letters are due and not issued: the outcome letter to Ola Oyelaran; the "
        "professional's letter to Sam Worker; the professional's letter to PC Dee.",
    ]
    # Translated, the templates change and what was typed (names) does not.
    shouted = [item.said.render(_shouting) for item in found]
    assert shouted[0] == "ITEM 1 (UNTITLED) HAS MINUTE TEXT THAT IS NOT SAVED IN THE STORE."
    assert shouted[1] == "ACTION 1, “WITH NO WORDS”, HAS NO OWNER."
    assert shouted[2] == (
        "3 LETTERS ARE DUE AND NOT ISSUED: THE OUTCOME LETTER TO Ola Oyelaran; THE "
        "PROFESSIONAL'S LETTER TO Sam Worker; THE PROFESSIONAL'S LETTER TO PC Dee."
    )
    assert [item.button.render(_shouting) for item in found] == [
        "GO TO THE MINUTES OF ITEM 1",
        "COMPLETE ACTION 1…",
        "OPEN THE OUTCOME LETTERS…",
    ]
    # Every template used is listed for the translators.
    used = {item.said.template for item in found} | {item.button.template for item in found}
    assert used <= set(TEMPLATES)
    assert len(TEMPLATES) == len(set(TEMPLATES))
