"""The sample's review: made from a sample conference's plan as **New review…** makes
one (:func:`cpc_desktop.domain.plan_review.carry`, on the review date that conference
agreed), then some of the plan's actions judged and a safety scale given, so that a new
user sees the Plan progress tab and its chart.

The file's ``review`` says what differs from a freshly made review:

- ``reference``: the review's reference (placeholders as anywhere in the file);
- ``judged``: actions judged, each by its ``child`` key, its ``action`` number in that
  child's decision (from 1) and its ``status`` (``behind``, ``under_way``, ``done``);
- ``scaling``: safety scales given, each by a ``participant`` key of the conference
  reviewed, a ``score`` (0-10) and perhaps a ``note``.

Ids come from the file's stable keys (``ids``), as every other sample id.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from itertools import count

from cpc_desktop.domain import conference as domain
from cpc_desktop.domain.enums import ActionStatus, ConferenceType, Outcome
from cpc_desktop.domain.plan_review import CannotReview, carry, review_conference, with_status
from cpc_desktop.services.demo.reader import Node, member
from cpc_desktop.services.profiles import load_profile

__all__ = ["review_of"]


def review_of(
    previous: domain.ConferenceRecord,
    node: Node,
    ids: Callable[..., str],
    participants: Mapping[str, str],
    children: Mapping[str, str],
) -> domain.ConferenceRecord:
    """The review ``node`` describes, made from ``previous``; ``participants`` and
    ``children`` map the file's keys to ``previous``'s ids."""
    numbers = count(1)
    try:
        carried = carry(previous, new_id=lambda: ids("carried", str(next(numbers))))
    except CannotReview as why:
        raise node.error("reference", str(why)) from None
    on = carried.agreed_date
    if on is None:
        raise node.error("reference", "the conference reviewed agreed no review date")
    conference = review_conference(
        previous.conference,
        carried,
        id=ids("conference"),
        reference=node.get("reference"),
        on=on,
    )
    profile = load_profile(conference.profile)
    agenda = tuple(
        domain.AgendaItem(ids("agenda", item.key), item.key, item.title, item.minutes)
        for item in profile.agenda.for_type(ConferenceType.REVIEW)
    )
    plans = carried.plans
    for judged in node.children("judged"):
        plan = _plan_of(judged, previous, carried.plans, children)
        number = judged.get("action")
        if not 1 <= number <= len(plan.actions):
            raise judged.error("action", f"the plan has no action {number}")
        status = judged.parse("status", partial(member, ActionStatus))
        changed, _action = with_status(plans, plan.actions[number - 1].id, status)
        plans = tuple(changed if p.id == changed.id else p for p in plans)
    names = {p.id: p.name for p in previous.participants}
    people = {p.name: p.id for p in carried.participants}
    scaling = []
    for index, given in enumerate(node.children("scaling")):
        name = names[_participant(given, participants)]
        if name not in people:
            raise given.error("participant", "that person is not invited to the review")
        scaling.append(
            domain.SafetyScale(
                id=ids("scale", str(index + 1)),
                participant_id=people[name],
                score=given.get("score"),
                note=given.get("note", ""),
            )
        )
    return domain.ConferenceRecord(
        conference=conference,
        children=carried.children,
        participants=carried.participants,
        agenda=agenda,
        plans=plans,
        scale_history=carried.scale_history,
        scaling=tuple(scaling),
    )


def _participant(node: Node, participants: Mapping[str, str]) -> str:
    key = node.get("participant")
    if key not in participants:
        raise node.error("participant", f"no participant has the key {key!r}")
    return participants[key]


def _plan_of(
    node: Node,
    previous: domain.ConferenceRecord,
    plans: tuple[domain.CarriedPlan, ...],
    children: Mapping[str, str],
) -> domain.CarriedPlan:
    """The carried plan of the child ``node`` names by key (carried in the children's
    order, one plan for each child on a plan)."""
    key = node.get("child")
    if key not in children:
        raise node.error("child", f"no child has the key {key!r}")
    planned = {d.child_id for d in previous.decisions if d.outcome is Outcome.CP_PLAN}
    on_plan = [c.id for c in previous.children if c.id in planned]
    if children[key] not in on_plan:
        raise node.error("child", f"{key!r} has no plan to review")
    return plans[on_plan.index(children[key])]
