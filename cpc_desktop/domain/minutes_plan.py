"""A review's minutes: the progress of the plan it carried, and the safety scale over it.

Only a review made from the conference before it has this part
(:mod:`cpc_desktop.domain.plan_review`). It lists each carried action, child by child,
with its owner, due date and the status the chair judged, in words with the colour named
(never the colour alone); then each person's safety scale at each conference of the
plan, as a chart over a table of the same scores (the typesetter draws the chart).
"""

from __future__ import annotations

from cpc_desktop.domain.enums import ActionStatus
from cpc_desktop.domain.labels import first_name
from cpc_desktop.domain.minutes_words import Wording
from cpc_desktop.domain.minutes_writer import Writer, scale_range
from cpc_desktop.domain.plan_review import plan_of, progress, scale_series
from cpc_desktop.domain.printed import Block, Chart, Fields, Para, ParaStyle, Section, Table

__all__ = ["plan_progress", "status_text"]


def status_text(w: Wording, status: ActionStatus | None) -> str:
    """The status in the copy's words: "Under way (amber)"."""
    if status is None:
        return w.not_judged
    return {
        ActionStatus.BEHIND: w.behind,
        ActionStatus.UNDER_WAY: w.under_way,
        ActionStatus.DONE: w.done,
    }[status]


def _chart(writer: Writer) -> tuple[Block, ...]:
    series = scale_series(writer.record)
    if not series:
        return ()
    w = writer.w
    days = sorted({day for _label, points in series for day, _score in points})
    rows = []
    for label, points in series:
        scores = dict(points)
        rows.append((label, *(str(scores[day]) if day in scores else "" for day in days)))
    ends = scale_range()
    header = (w.who, *(w.short_date(day) for day in days))
    return (
        Para(w.scale_history_intro, f"{w.scale_over_plan}.", ParaStyle.NOTE),
        Chart(header, tuple(rows), low=ends["low"], high=ends["high"]),
    )


def plan_progress(writer: Writer) -> list[Section]:
    """The section "Progress on the plan", or none for a conference that carried none."""
    record = writer.record
    if not record.plans and not record.scale_history:
        return []
    w = writer.w
    blocks: list[Block] = []
    frequency = [
        (f"{w.meets} ({first_name(child)})", plan.core_group_frequency)
        for child in record.children
        if (plan := plan_of(record, child.id)) is not None and plan.core_group_frequency
    ]
    if frequency:
        blocks.append(Fields(tuple(frequency)))
    lines = progress(record)
    if lines:
        rows = tuple(
            (
                first_name(line.child),
                line.action.action,
                line.action.owner,
                w.short_date(line.action.due_date) or "-",
                status_text(w, line.action.status),
            )
            for line in lines
        )
        header = (w.child, w.plan_action, w.who, w.by, w.progress)
        blocks.append(Table(header, rows, (0.12, 0.36, 0.18, 0.14, 0.2)))
    blocks += _chart(writer)
    return [Section(w.progress_heading, tuple(blocks))]
