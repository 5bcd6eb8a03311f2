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

Each line and button is kept as :class:`Words`: an English template with its blanks
filled, so a screen can show it in another language by translating the template (every
template is in :data:`TEMPLATES`) and filling the same blanks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Union

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


#: A blank's value: words as typed (a name, a number), words to translate, or several
#: of those joined by "; ".
Value = Union[str, "Words", tuple["Words", ...]]


@dataclass(frozen=True)
class Words:
    """An English ``template`` with its blanks (``{name}``) and their values."""

    template: str
    values: tuple[tuple[str, Value], ...] = ()

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The words, each template passed through ``translate`` first (none: English)."""
        filled: dict[str, str] = {}
        for key, value in self.values:
            if isinstance(value, Words):
                filled[key] = value.render(translate)
            elif isinstance(value, tuple):
                filled[key] = "; ".join(part.render(translate) for part in value)
            else:
                filled[key] = value
        template = self.template if translate is None else translate(self.template)
        return template.format(**filled)


def _words(template: str, **values: Value) -> Words:
    return Words(template, tuple(values.items()))


@dataclass(frozen=True)
class Unfinished:
    """One thing left to do: what it is, in one line, and where to do it."""

    place: Place
    said: Words  # "Action 2, "Book the review", has no owner."
    button: Words  # the button that goes there: "Complete action 2…"
    target: str | None = None

    @property
    def line(self) -> str:
        """What is unfinished, in English."""
        return self.said.render()

    @property
    def fix(self) -> str:
        """The button's words, in English."""
        return self.button.render()


UNSAVED = "Item {number} ({title}) has minute text that is not saved in the store."
GO_TO_MINUTES = "Go to the minutes of item {number}"
UNTITLED = "untitled"
#: An action without an owner, a date or both, by (no owner, no date).
ACTION_GAPS = {
    (True, False): "Action {number}, “{what}”, has no owner.",
    (False, True): "Action {number}, “{what}”, has no due date.",
    (True, True): "Action {number}, “{what}”, has no owner and no due date.",
}
NO_WORDS = "with no words"
COMPLETE_ACTION = "Complete action {number}…"
PLAN_GAPS = {
    (True, False): "In {name}'s plan, “{what}” has no owner.",
    (False, True): "In {name}'s plan, “{what}” has no due date.",
    (True, True): "In {name}'s plan, “{what}” has no owner and no due date.",
}
PLAN_NO_WORDS = "an action with no words"
THE_CHILD = "the child"
OPEN_DECISION = "Open the decision for {name}…"
NO_DECISION = "No decision is recorded for {name}."
RECORD_DECISION = "Record the decision for {name}…"
ONE_LETTER = "1 letter is due and not issued: {names}."
LETTERS = "{count} letters are due and not issued: {names}."
TRANSFER_LETTER = "the transfer letter"
OPEN_LETTERS = "Open the outcome letters…"
HANDOVER_DUE = (
    "This copy has changes the chair does not have yet: no hand-over package has been "
    "exported since."
)
EXPORT_HANDOVER = "Export the hand-over package…"
NOT_JUDGED = "The progress of “{what}” in {name}'s plan is not yet judged."
JUDGE_PROGRESS = "Judge its progress…"

_LETTER_WORDS = {
    LetterKind.PARENT: "the outcome letter to {name}",
    LetterKind.CHILD: "the child's letter to {name}",
    LetterKind.PROFESSIONAL: "the professional's letter to {name}",
    LetterKind.EXCLUDED_PARENT: "the outcome letter to {name}",
    LetterKind.PLAN_ENDED: "the plan-ended letter to {name}",
}

#: Every template a line or a button is made from (for a translation of them all).
TEMPLATES = tuple(
    dict.fromkeys(
        (
            UNSAVED,
            GO_TO_MINUTES,
            UNTITLED,
            *ACTION_GAPS.values(),
            NO_WORDS,
            COMPLETE_ACTION,
            *PLAN_GAPS.values(),
            PLAN_NO_WORDS,
            THE_CHILD,
            OPEN_DECISION,
            NO_DECISION,
            RECORD_DECISION,
            ONE_LETTER,
            LETTERS,
            TRANSFER_LETTER,
            *_LETTER_WORDS.values(),
            OPEN_LETTERS,
            HANDOVER_DUE,
            EXPORT_HANDOVER,
            NOT_JUDGED,
            JUDGE_PROGRESS,
        )
    )
)


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
        found.append(Unfinished(Place.HANDOVER, _words(HANDOVER_DUE), _words(EXPORT_HANDOVER)))
    return tuple(found)


def _missing(owner: str, due: object) -> tuple[bool, bool] | None:
    """(no owner, no date), or None when both are there."""
    gaps = (not owner.strip(), due is None)
    return gaps if any(gaps) else None


def _unsaved(record: ConferenceRecord, item_ids: Sequence[str]) -> list[Unfinished]:
    out = []
    for number, item in enumerate(record.agenda, start=1):
        if item.id in item_ids:
            title: Value = isolated(item.title.strip()) or _words(UNTITLED)
            out.append(
                Unfinished(
                    Place.MINUTES,
                    _words(UNSAVED, number=str(number), title=title),
                    _words(GO_TO_MINUTES, number=str(number)),
                    item.id,
                )
            )
    return out


def _meeting_actions(record: ConferenceRecord) -> list[Unfinished]:
    out = []
    for number, action in enumerate(record.actions, start=1):
        missing = _missing(action.owner, action.due_date)
        if missing is not None:
            what: Value = isolated(" ".join(action.action.split())) or _words(NO_WORDS)
            out.append(
                Unfinished(
                    Place.ACTION,
                    _words(ACTION_GAPS[missing], number=str(number), what=what),
                    _words(COMPLETE_ACTION, number=str(number)),
                    action.id,
                )
            )
    return out


def _plan_actions(record: ConferenceRecord) -> list[Unfinished]:
    out = []
    children = {c.id: c for c in record.children}
    for decision in record.decisions:
        child = children.get(decision.child_id)
        name: Value = child_name(child) if child is not None else _words(THE_CHILD)
        for action in decision.actions:
            missing = _missing(action.owner, action.due_date)
            if missing is not None:
                words = " ".join(action.action.split())
                what: Value = isolated(words) or _words(PLAN_NO_WORDS)
                out.append(
                    Unfinished(
                        Place.DECISIONS,
                        _words(PLAN_GAPS[missing], name=name, what=what),
                        _words(OPEN_DECISION, name=name),
                        decision.child_id,
                    )
                )
    return out


def _not_judged(record: ConferenceRecord) -> list[Unfinished]:
    return [
        Unfinished(
            Place.PROGRESS,
            _words(
                NOT_JUDGED,
                what=isolated(" ".join(line.action.action.split())) or _words(PLAN_NO_WORDS),
                name=child_name(line.child),
            ),
            _words(JUDGE_PROGRESS),
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
            _words(NO_DECISION, name=child_name(child)),
            _words(RECORD_DECISION, name=child_name(child)),
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


def _letter_line(need: LetterNeed) -> Words:
    if need.kind is LetterKind.TRANSFER:
        return _words(TRANSFER_LETTER)
    return _words(_LETTER_WORDS[need.kind], name=isolated(need.recipient_name.strip()))


def _letters(record: ConferenceRecord) -> list[Unfinished]:
    waiting = letters_not_issued(record)
    if not waiting:
        return []
    names = tuple(_letter_line(need) for need in waiting)
    said = (
        _words(ONE_LETTER, names=names)
        if len(waiting) == 1
        else _words(LETTERS, count=str(len(waiting)), names=names)
    )
    return [Unfinished(Place.LETTERS, said, _words(OPEN_LETTERS))]
