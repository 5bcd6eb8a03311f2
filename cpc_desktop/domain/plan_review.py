"""A review made from the conference before it: what it carries, and the plan's progress.

A review is made from a concluded conference that put at least one child on a plan
(:func:`carry`). It carries:

* the children whose plan continues (new ids; whatever they said last time is not theirs
  to say again), and everyone on the earlier roll call, as invited and not yet here (new
  ids, attendance cleared), but for anyone related only to children whose plan ended;
* per child, the plan (:class:`~cpc_desktop.domain.conference.CarriedPlan`): categories,
  core group, lead social worker, how often the core group meets, the contingency plan
  and each action with its owner and due date, not yet judged;
* the safety scales of the plan's conferences so far (``scale_history``);
* the link to the conference before it and the plan's identity (the id of the conference
  that made the plan).

The chair then judges each action red, amber or green (:data:`STATUS_WORDS`: the words
always go with the colour). Pure: no clock, no store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from cpc_desktop.domain.conference import (
    CarriedAction,
    CarriedPlan,
    Child,
    Conference,
    ConferenceRecord,
    Decision,
    Participant,
    ScalePoint,
)
from cpc_desktop.domain.enums import ActionStatus, ConferenceStatus, ConferenceType, Outcome

__all__ = [
    "NOT_JUDGED",
    "STATUS_COLOURS",
    "STATUS_WORDS",
    "CannotReview",
    "Carried",
    "ProgressLine",
    "carry",
    "plan_of",
    "progress",
    "review_conference",
    "scale_series",
    "status_words",
    "with_status",
]

#: What each status says, beside its colour (never the colour alone).
STATUS_WORDS: Mapping[ActionStatus, str] = {
    ActionStatus.BEHIND: "Not started / behind",
    ActionStatus.UNDER_WAY: "Under way",
    ActionStatus.DONE: "Done",
}
STATUS_COLOURS: Mapping[ActionStatus, str] = {
    ActionStatus.BEHIND: "red",
    ActionStatus.UNDER_WAY: "amber",
    ActionStatus.DONE: "green",
}
NOT_JUDGED = "Not yet judged"

NewId = Callable[[], str]


def status_words(status: ActionStatus | None) -> str:
    """The status in words, with its colour named: "Under way (amber)"."""
    if status is None:
        return NOT_JUDGED
    return f"{STATUS_WORDS[status]} ({STATUS_COLOURS[status]})"


class CannotReview(ValueError):
    """The conference cannot be reviewed; the message says why in one line."""


@dataclass(frozen=True)
class Carried:
    """What a review takes from the conference before it (every id new)."""

    children: tuple[Child, ...]
    participants: tuple[Participant, ...]
    plans: tuple[CarriedPlan, ...]
    scale_history: tuple[ScalePoint, ...]
    plan_id: str
    review_number: int
    #: The review date the conference before agreed (the earliest over the children).
    agreed_date: date | None


def _mapped(ids: Iterable[str], known: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(known[i] for i in ids if i in known)


def _plan(
    decision: Decision, child_id: str, people: Mapping[str, str], new_id: NewId
) -> CarriedPlan:
    lead = decision.lead_social_worker_id
    return CarriedPlan(
        id=new_id(),
        child_id=child_id,
        categories=decision.categories,
        primary_category=decision.primary_category,
        lead_social_worker_id=people.get(lead) if lead is not None else None,
        lead_social_worker_contact=decision.lead_social_worker_contact,
        core_group=_mapped(decision.core_group, people),
        core_group_frequency=decision.core_group_frequency,
        contingency_plan=decision.contingency_plan,
        actions=tuple(
            CarriedAction(new_id(), action.owner, action.action, action.due_date)
            for action in decision.actions
        ),
    )


def carry(previous: ConferenceRecord, *, new_id: NewId) -> Carried:
    """What a review of ``previous`` starts from.

    Raises:
        CannotReview: ``previous`` is not concluded, or no child of it has a plan.
    """
    conference = previous.conference
    if conference.status is not ConferenceStatus.CONCLUDED:
        raise CannotReview(
            f"{conference.reference} is not concluded yet; a review is made from a "
            "conference that has reached its decision"
        )
    decided = {d.child_id: d for d in previous.decisions if d.outcome is Outcome.CP_PLAN}
    kept = [child for child in previous.children if child.id in decided]
    if not kept:
        raise CannotReview(f"no child of {conference.reference} has a plan to review")
    children_ids = {child.id: new_id() for child in kept}
    children = tuple(
        replace(child, id=children_ids[child.id], participation=None, participation_reason=None)
        for child in kept
    )
    # Someone related only to children whose plan ended is not carried.
    people = [
        person
        for person in previous.participants
        if not person.child_ids or _mapped(person.child_ids, children_ids)
    ]
    people_ids = {person.id: new_id() for person in people}
    participants = tuple(
        replace(
            person,
            id=people_ids[person.id],
            attendance=(),
            report_received=None,
            report_shared_with_family=None,
            child_ids=_mapped(person.child_ids, children_ids),
            withhold_from=_mapped(person.withhold_from, people_ids),
        )
        for person in people
    )
    plans = tuple(
        _plan(decided[child.id], children_ids[child.id], people_ids, new_id) for child in kept
    )
    names = {person.id: person for person in previous.participants}  # scales of everyone
    scales = tuple(
        ScalePoint(
            new_id(),
            conference.date,
            names[scale.participant_id].name,
            names[scale.participant_id].agency,
            scale.score,
        )
        for scale in previous.scaling
        if scale.participant_id in names
    )
    history = tuple(replace(point, id=new_id()) for point in previous.scale_history) + scales
    agreed = [day for c in kept if (day := decided[c.id].review_date) is not None]
    review = conference.type is ConferenceType.REVIEW
    return Carried(
        children=children,
        participants=participants,
        plans=plans,
        scale_history=history,
        plan_id=conference.plan_id or conference.id,
        review_number=conference.review_number + 1 if review else 1,
        agreed_date=min(agreed, default=None),
    )


def review_conference(
    previous: Conference, carried: Carried, *, id: str, reference: str, on: date
) -> Conference:
    """The review's own facts: a scheduled review of ``previous``'s plan on ``on``."""
    return Conference(
        id=id,
        reference=reference,
        type=ConferenceType.REVIEW,
        status=ConferenceStatus.SCHEDULED,
        date=on,
        profile=previous.profile,
        local_authority=previous.local_authority,
        venue=previous.venue,
        mode=previous.mode,
        previous_conference_date=previous.date,
        review_number=carried.review_number,
        previous_conference_id=previous.id,
        plan_id=carried.plan_id,
    )


def plan_of(record: ConferenceRecord, child_id: str) -> CarriedPlan | None:
    """The plan ``record`` carried for the child, if any."""
    return next((plan for plan in record.plans if plan.child_id == child_id), None)


def with_status(
    plans: tuple[CarriedPlan, ...], action_id: str, status: ActionStatus | None
) -> tuple[CarriedPlan, CarriedAction]:
    """The carried plan holding ``action_id``, with that action's status changed.

    Raises:
        KeyError: no carried action has that id.
    """
    for plan in plans:
        for index, action in enumerate(plan.actions):
            if action.id == action_id:
                changed = replace(action, status=status)
                actions = (*plan.actions[:index], changed, *plan.actions[index + 1 :])
                return replace(plan, actions=actions), changed
    raise KeyError(action_id)


@dataclass(frozen=True)
class ProgressLine:
    """One carried action, for the screens and the minutes."""

    child: Child
    action: CarriedAction

    @property
    def status(self) -> str:
        return status_words(self.action.status)


def progress(record: ConferenceRecord) -> tuple[ProgressLine, ...]:
    """Every carried action, child by child in the children's order."""
    lines = []
    for child in record.children:
        plan = plan_of(record, child.id)
        for action in plan.actions if plan is not None else ():
            lines.append(ProgressLine(child, action))
    return tuple(lines)


def scale_series(record: ConferenceRecord) -> tuple[tuple[str, tuple[tuple[date, int], ...]], ...]:
    """Each person's safety scale over the plan's conferences, by date, this one last.

    People are named as "Name (Agency)"; a person appears once whatever their id at each
    conference. Only a record that carries a history or has scales of its own has series.
    """
    series: dict[str, list[tuple[date, int]]] = {}

    def add(name: str, agency: str, when: date, score: int) -> None:
        label = f"{name} ({agency})" if agency.strip() else name
        series.setdefault(label, []).append((when, score))

    for point in record.scale_history:
        add(point.name, point.agency, point.conference_date, point.score)
    people = {person.id: person for person in record.participants}
    for scale in record.scaling:
        person = people.get(scale.participant_id)
        if person is not None:
            add(person.name, person.agency, record.conference.date, scale.score)
    return tuple((label, tuple(sorted(points))) for label, points in series.items())
