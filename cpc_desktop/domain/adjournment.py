"""Adjourning a conference before its decisions, for want of a quorum or of information.

The decision wizard's first step asks whether the conference goes ahead. It may be
adjourned when it is not quorate, or, quorate or not, when there is not enough
information to decide (the chair says why). Either way the wizard then asks for the date
to reconvene: within the profile's limit for reconvening an inquorate conference; a
later date is refused for want of a quorum and only warned of for want of information,
which may take longer to gather.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from cpc_desktop.domain.dates import plain_date
from cpc_desktop.domain.enums import AdjournReason
from cpc_desktop.domain.flow_dates import reconvene_by
from cpc_desktop.domain.problems import Problem, blank, check_inquorate_reason, error, warning

if TYPE_CHECKING:
    from cpc_desktop.domain.decision_flow import FlowAnswers, FlowContext


@dataclass(frozen=True)
class QuorumAnswer:
    """The first step's answers: go ahead (with the reason, when inquorate) or adjourn.

    ``adjourn_for`` says why an adjournment is made (``None``: for want of a quorum, as
    answers saved before there was a choice said); ``adjourn_reason`` is the chair's
    account, needed when there is not enough information.
    """

    proceed: bool = True
    reason: str = ""
    reason_shared: bool = False  # family copies print the reason only when shared
    adjourn: bool = False
    reconvene_date: date | None = None
    adjourn_for: AdjournReason | None = None
    adjourn_reason: str = ""


def adjourned_for(answers: FlowAnswers, ctx: FlowContext) -> AdjournReason | None:
    """Why the answers adjourn the whole conference, or ``None`` if they go ahead."""
    answer = answers.quorum
    if answer is None or not answer.adjourn:
        return None
    if answer.adjourn_for is AdjournReason.MORE_INFORMATION:
        return AdjournReason.MORE_INFORMATION
    return None if ctx.quorum.quorate else AdjournReason.INQUORATE


def quorum_problems(answers: FlowAnswers, ctx: FlowContext) -> list[Problem]:
    """What is wrong with the first step's answers."""
    answer = answers.quorum
    if answer is None:
        return [
            error(
                "flow.quorum_unanswered",
                "The confirmation of the quorum is missing.",
                "quorum",
            )
        ]
    why = adjourned_for(answers, ctx)
    if why is AdjournReason.MORE_INFORMATION and blank(answer.adjourn_reason):
        return [
            error(
                "flow.adjourn_reason_missing",
                "The reason there is not enough information to decide is missing.",
                "quorum.adjourn_reason",
            )
        ]
    if ctx.quorum.quorate or why is not None:
        return []
    if not answer.proceed:
        return [
            error(
                "flow.quorum_choice_missing",
                "The choice between going ahead without a quorum and adjourning is missing.",
                "quorum.proceed",
            )
        ]
    return list(check_inquorate_reason(ctx.quorum, answer.reason, "quorum.reason"))


def reconvene_problems(answers: FlowAnswers, ctx: FlowContext) -> list[Problem]:
    """What is wrong with the date to reconvene an adjourned conference."""
    when = answers.quorum.reconvene_date if answers.quorum is not None else None
    path = "quorum.reconvene_date"
    if when is None:
        return [error("flow.reconvene_date_missing", "The date to reconvene is missing.", path)]
    if when <= ctx.conference.date:
        return [
            error(
                "flow.reconvene_not_after_conference",
                f"The date to reconvene, {plain_date(when)}, is not after the conference.",
                path,
            )
        ]
    latest = reconvene_by(ctx)
    if when > latest:
        if adjourned_for(answers, ctx) is AdjournReason.MORE_INFORMATION:
            return [
                warning(
                    "flow.reconvene_later_than_usual",
                    f"The date to reconvene, {plain_date(when)}, is after "
                    f"{plain_date(latest)}, the latest the rules allow for an inquorate "
                    "conference; the child's safety must not wait on the information.",
                    path,
                )
            ]
        return [
            error(
                "flow.reconvene_too_late",
                f"The date to reconvene, {plain_date(when)}, is after the latest date the "
                f"rules allow, {plain_date(latest)}.",
                path,
            )
        ]
    if ctx.conference.reconvene_of is not None:
        return [
            warning(
                "flow.second_adjournment",
                "This conference was itself reconvened after an adjournment; two "
                "adjourned conferences in a row should be avoided.",
                path,
            )
        ]
    return []
