"""The follow-up dates the decision wizard proposes, and the latest the rules allow.

A limit that falls on a weekend or bank holiday is proposed on the working day before
it (:func:`~cpc_desktop.domain.timescales.proposed_day`), never after.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpc_desktop.domain.timescales import (
    first_core_group_due,
    next_review_due,
    proposed_day,
    reconvene_due,
)

if TYPE_CHECKING:
    from cpc_desktop.domain.decision_flow import FlowContext


def latest_dates(ctx: FlowContext) -> tuple[date, date]:
    """The latest first core group and review dates the rules allow."""
    conference, params = ctx.conference, ctx.params
    core_group = first_core_group_due(
        conference.date, ctx.calendar, days=params.first_core_group_days, unit=params.unit
    )
    review = next_review_due(conference, ctx.children, params, ctx.calendar)
    return core_group, review


def default_dates(ctx: FlowContext) -> tuple[date, date]:
    """The first core group and review dates to propose: the latest the rules allow, moved
    earlier to a working day when that falls on a weekend or bank holiday."""
    core_group, review = latest_dates(ctx)
    after = ctx.conference.date
    return (
        proposed_day(core_group, ctx.calendar, after=after),
        proposed_day(review, ctx.calendar, after=after),
    )


def reconvene_by(ctx: FlowContext) -> date:
    """The latest date to reconvene an inquorate conference."""
    params = ctx.params
    return reconvene_due(
        ctx.conference.date, ctx.calendar, days=params.reconvene_days, unit=params.unit
    )


def reconvene_default(ctx: FlowContext) -> date:
    """The date to propose for reconvening: the latest allowed, on a working day."""
    return proposed_day(reconvene_by(ctx), ctx.calendar, after=ctx.conference.date)
