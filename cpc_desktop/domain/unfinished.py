"""What is left unfinished in a conference, checked before it is closed (issue 19, point 6).

:func:`unfinished` reads one conference record (and two facts the record cannot hold:
which agenda items have text on screen not in the store, and whether this copy has
changes the other laptop has not been sent) and returns one :class:`Unfinished` a thing,
each with a plain line and the place to put it right. Nothing here reads a clock,
the store or the screen; an empty answer means the conference may close without a
question.

The kinds, in the order they are listed:

* minutes typed but not in the store (after the save guard: text taken out to a file or
  the clipboard on purpose, or still waiting to be saved);
* actions noted in the meeting without an owner or a due date;
* actions in a child's plan without an owner or a due date;
* at a review made from the plan before it, once the meeting has begun, each carried
  action whose progress is not yet judged;
* children with no decision recorded, once the meeting has begun (:func:`decision_due`);
* once every child's decision is recorded, outcome letters not yet issued;
* for a minute-taker's copy, changes not yet exported in a hand-over package.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from cpc_desktop.domain.conference import ConferenceRecord, Decision
from cpc_desktop.domain.enums import AgendaStatus, ConferenceStatus
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.letters import LetterKind, LetterNeed, letters_needed
from cpc_desktop.domain.plan_review import progress


class Place(StrEnum):
    """Where an unfinished thing is put right."""

    MINUTES = "minutes"  # the minutes of an agenda item (target: the item's id)
    ACTION = "action"  # an action noted in the meeting (target: the action's id)
    DECISIONS = "decisions"  # the decision wizard (target: the child's id)
    PROGRESS = "progress"  # a review's Plan progress tab (target: the carried action's id)
    LETTERS = "letters"  # the outcome letters window
    HANDOVER = "handover"  # the hand-over export


@dataclass(frozen=True)
class Unfinished:
    """One thing left to do: what it is, in one line, and where to do it."""

    place: Place
    line: str  # "Action 2, "Book the review", has no owner."
    fix: str  # the button that goes there: "Give action 2 an owner and a date…"
    target: str | None = None


_LETTER_WORDS = {
    LetterKind.PARENT: "outcome letter",
    LetterKind.CHILD: "child's letter",
    LetterKind.PROFESSIONAL: "professional's letter",
    LetterKind.EXCLUDED_PARENT: "outcome letter",
    LetterKind.PLAN_ENDED: "plan-ended letter",
    LetterKind.TRANSFER: "transfer letter",
}


def unfinished(
    record: ConferenceRecord,
    *,
    unsaved_items: Sequence[str] = (),
    handover_due: bool = False,
) -> tuple[Unfinished, ...]:
    """Everything left unfinished in ``record``, in the order listed above.

    ``unsaved_items`` are the ids of the agenda items whose minutes show text not in
    the store; ``handover_due`` says this is a minute-taker's copy with changes not yet
    exported to the chair.
    """
    found: list[Unfinished] = []
    found += _unsaved(record, unsaved_items)
    found += _meeting_actions(record)
    found += _plan_actions(record)
    found += _not_judged(record) if decision_due(record) else []
    undecided = _undecided(record) if decision_due(record) else []
    found += undecided
    if not undecided and any(_decided(d) for d in record.decisions):
        found += _letters(record)
    if handover_due:
        found.append(
            Unfinished(
                Place.HANDOVER,
                "This copy has changes the chair does not have yet: no hand-over package "
                "has been exported since.",
                "Export the hand-over package…",
            )
        )
    return tuple(found)


def _missing(owner: str, due: object) -> str | None:
    """ "owner", "due date", "owner and no due date", or None when both are there."""
    gaps = [
        w for w, lacking in (("owner", not owner.strip()), ("due date", due is None)) if lacking
    ]
    return " and no ".join(gaps) or None


def _unsaved(record: ConferenceRecord, item_ids: Sequence[str]) -> list[Unfinished]:
    out = []
    for number, item in enumerate(record.agenda, start=1):
        if item.id in item_ids:
            title = isolated(item.title.strip()) or "untitled"
            out.append(
                Unfinished(
                    Place.MINUTES,
                    f"Item {number} ({title}) has minute text that is not saved in the store.",
                    f"Go to the minutes of item {number}",
                    item.id,
                )
            )
    return out


def _meeting_actions(record: ConferenceRecord) -> list[Unfinished]:
    out = []
    for number, action in enumerate(record.actions, start=1):
        missing = _missing(action.owner, action.due_date)
        if missing is not None:
            what = isolated(" ".join(action.action.split())) or "with no words"
            out.append(
                Unfinished(
                    Place.ACTION,
                    f"Action {number}, “{what}”, has no {missing}.",
                    f"Complete action {number}…",
                    action.id,
                )
            )
    return out


def _plan_actions(record: ConferenceRecord) -> list[Unfinished]:
    out = []
    children = {c.id: c for c in record.children}
    for decision in record.decisions:
        child = children.get(decision.child_id)
        name = child_name(child) if child is not None else "the child"
        for action in decision.actions:
            missing = _missing(action.owner, action.due_date)
            if missing is not None:
                what = isolated(" ".join(action.action.split())) or "an action with no words"
                out.append(
                    Unfinished(
                        Place.DECISIONS,
                        f"In {name}'s plan, “{what}” has no {missing}.",
                        f"Open the decision for {name}…",
                        decision.child_id,
                    )
                )
    return out


def _not_judged(record: ConferenceRecord) -> list[Unfinished]:
    return [
        Unfinished(
            Place.PROGRESS,
            f"The progress of “{isolated(' '.join(line.action.action.split()))}” in "
            f"{child_name(line.child)}'s plan is not yet judged.",
            "Judge its progress…",
            line.action.id,
        )
        for line in progress(record)
        if line.action.status is None
    ]


def decision_due(record: ConferenceRecord) -> bool:
    """Whether the conference should have reached its decision: the meeting has begun
    (minutes taken, its clock started, an agenda item under way or done, or the status
    says so) and it was neither adjourned nor cancelled. A conference still being
    prepared is not asked for one."""
    status = record.conference.status
    if status in (ConferenceStatus.ADJOURNED, ConferenceStatus.CANCELLED):
        return False
    return (
        status in (ConferenceStatus.IN_PROGRESS, ConferenceStatus.CONCLUDED)
        or bool(record.minutes)
        or bool(record.clock)
        or any(item.status is not AgendaStatus.PENDING for item in record.agenda)
    )


def _decided(decision: Decision) -> bool:
    return decision.outcome is not None


def _undecided(record: ConferenceRecord) -> list[Unfinished]:
    decided = {d.child_id for d in record.decisions if _decided(d)}
    return [
        Unfinished(
            Place.DECISIONS,
            f"No decision is recorded for {child_name(child)}.",
            f"Record the decision for {child_name(child)}…",
            child.id,
        )
        for child in record.children
        if child.id not in decided
    ]


def letters_not_issued(record: ConferenceRecord) -> tuple[LetterNeed, ...]:
    """The letters the conference calls for that have not been issued (by kind and
    recipient)."""
    issued = {(x.kind, x.recipient_id) for x in record.letters}
    return tuple(
        need
        for need in letters_needed(record)
        if (need.kind.value, need.recipient_id) not in issued
    )


def _letter_line(need: LetterNeed) -> str:
    if need.kind is LetterKind.TRANSFER:
        return "the transfer letter"
    return f"the {_LETTER_WORDS[need.kind]} to {isolated(need.recipient_name.strip())}"


def _letters(record: ConferenceRecord) -> list[Unfinished]:
    waiting = letters_not_issued(record)
    if not waiting:
        return []
    names = "; ".join(_letter_line(need) for need in waiting)
    count = "1 letter is" if len(waiting) == 1 else f"{len(waiting)} letters are"
    return [
        Unfinished(
            Place.LETTERS,
            f"{count} due and not issued: {names}.",
            "Open the outcome letters…",
        )
    ]
