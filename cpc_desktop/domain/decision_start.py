"""Where the decision wizard starts: from what the meeting has already minuted.

:func:`decision_flow.start` gives blank answers with the default plan dates. Before the
chair sees them, :func:`minuted_start` fills in, for each child, what the record
already holds and the flow can take as it is:

* the professionals' views (view, reason, whether shared) recorded earlier for the
  child, for those professionals present now (the views page asks no one else);
* the parents' and the child's views: the text minuted under the agenda items keyed
  ``parents_views`` and ``childs_views``, leaving out whatever a family copy leaves out
  (restricted entries, and those written while a family member was excluded:
  :func:`~cpc_desktop.domain.redaction.family_redactions`), as the decision's views
  are printed in family copies;
* the Signs of Safety scaling: each professional's score (and note) starts the reason
  for their view, ``"Scaled safety at 3 out of 10: …"``, where no reason is given yet.
  A score is not turned into a view: the view is the professional's own to give;
* at a review made from the plan before it, the plan carried for the child
  (:func:`carried_answer`): its categories, lead social worker, core group and how often
  it meets, the contingency plan, and each action not yet done (with a new id).

Nothing is filled that the chair has answered already. Pure: no clock, no store.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from cpc_desktop.domain.conference import (
    AgencyView,
    CarriedPlan,
    ConferenceRecord,
    Participant,
    PlanAction,
    SafetyScale,
)
from cpc_desktop.domain.decision_flow import ChildAnswer, FlowAnswers, FlowContext
from cpc_desktop.domain.enums import ActionStatus
from cpc_desktop.domain.redaction import family_redactions

__all__ = ["carried_answer", "minuted_start", "minuted_views", "scale_reasons"]


def _uuid() -> str:
    return str(uuid.uuid4())


def carried_answer(
    answer: ChildAnswer, plan: CarriedPlan, *, new_id: Callable[[], str] = _uuid
) -> ChildAnswer:
    """``answer`` with the carried plan filled in where the chair has not answered."""
    actions = answer.actions or tuple(
        PlanAction(new_id(), action.owner, action.action, action.due_date)
        for action in plan.actions
        if action.status is not ActionStatus.DONE
    )
    return replace(
        answer,
        categories=answer.categories or plan.categories,
        primary_category=answer.primary_category or plan.primary_category,
        lead_social_worker_id=answer.lead_social_worker_id or plan.lead_social_worker_id,
        lead_social_worker_contact=answer.lead_social_worker_contact
        or plan.lead_social_worker_contact,
        core_group=answer.core_group or plan.core_group,
        core_group_frequency=answer.core_group_frequency or plan.core_group_frequency,
        contingency_plan=answer.contingency_plan or plan.contingency_plan,
        actions=actions,
    )


def minuted_views(record: ConferenceRecord, key: str) -> str:
    """The entries minuted under the agenda items keyed ``key`` that any family copy
    prints, one a line."""
    items = {item.id for item in record.agenda if item.key == key}
    left_out = {r.entry_id for r in family_redactions(record)}
    return "\n".join(
        entry.text.strip()
        for entry in record.minutes
        if entry.agenda_item_id in items and entry.id not in left_out and entry.text.strip()
    )


def scale_reasons(
    scaling: Iterable[SafetyScale], professionals: Iterable[Participant]
) -> dict[str, str]:
    """For each professional with a safety scale, the reason their view starts with."""
    asked = {p.id for p in professionals}
    return {
        scale.participant_id: scaled_reason(scale)
        for scale in scaling
        if scale.participant_id in asked
    }


def scaled_reason(scale: SafetyScale) -> str:
    note = scale.note.strip()
    said = f"Scaled safety at {scale.score} out of 10"
    return f"{said}: {note}" if note else said


def _views(
    earlier: Iterable[AgencyView], asked: set[str], reasons: Mapping[str, str]
) -> tuple[AgencyView, ...]:
    return tuple(
        view if view.reason.strip() else replace(view, reason=reasons.get(view.participant_id, ""))
        for view in earlier
        if view.participant_id in asked
    )


def minuted_start(
    answers: FlowAnswers,
    ctx: FlowContext,
    record: ConferenceRecord,
    *,
    new_id: Callable[[], str] = _uuid,
) -> FlowAnswers:
    """``answers`` with what the record minuted (and the plan it carried) filled in where
    nothing is answered yet."""
    asked = {p.id for p in ctx.professionals}
    reasons = scale_reasons(record.scaling, ctx.professionals)
    decided = {decision.child_id: decision for decision in record.decisions}
    plans = {plan.child_id: plan for plan in record.plans}
    parents = minuted_views(record, "parents_views")
    child = minuted_views(record, "childs_views")
    children = []
    for answer in answers.children:
        before = decided.get(answer.child_id)
        plan = plans.get(answer.child_id)
        if plan is not None:
            answer = carried_answer(answer, plan, new_id=new_id)
        children.append(
            replace(
                answer,
                views=answer.views or _views(before.views if before else (), asked, reasons),
                parents_view=answer.parents_view
                or (before.parents_view if before else "")
                or parents,
                child_view=answer.child_view or (before.child_view if before else "") or child,
            )
        )
    return replace(answers, children=tuple(children))
