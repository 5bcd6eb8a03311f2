"""The minutes' lines on a plan's events (issue 20): whether the conference was quorate
or why it was adjourned (Attendance), and the authority a transferred plan came from
(Conference details). Built for one copy by its :class:`~.minutes_writer.Writer`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpc_desktop.domain.enums import AdjournReason
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.printed import Block, Para, ParaStyle

if TYPE_CHECKING:
    from cpc_desktop.domain.minutes_writer import Writer


def quorum_blocks(writer: Writer) -> tuple[Block, ...]:
    """Whether the conference was quorate, or why it was adjourned: once it has made its
    decisions or been adjourned (nothing before). The chair's words on an adjournment and
    the reason for going ahead are printed as the copy allows (``Writer.shown``)."""
    w, record = writer.w, writer.record
    c = record.conference
    if c.adjourned_for is not None:
        information = c.adjourned_for is AdjournReason.MORE_INFORMATION
        said = w.adjourned_information if information else w.adjourned_inquorate
        why = writer.shown("$.conference.adjourn_reason", c.adjourn_reason, c)
        if information and c.adjourn_reason.strip():
            said += " " + (isolated(why) if why else w.elsewhere)
        return (Para(said, f"{w.adjourned}:", ParaStyle.WARNING),)
    if c.quorum_reason:
        return (
            Para(
                writer.shown("$.conference.quorum_reason", c.quorum_reason, c) or w.elsewhere,
                f"{w.not_quorate}:",
                ParaStyle.WARNING,
            ),
        )
    if any(decision.final for decision in record.decisions):
        return (Para(w.quorate, f"{w.quorum}:"),)
    return ()


def transfer_pairs(writer: Writer) -> list[tuple[str, str]]:
    """Checklist item 7: the authority that held the plan until this conference."""
    authority = isolated(writer.record.conference.transfer_from.strip())
    if not authority:
        return []
    kept = writer.each(
        lambda t, _: t.kept_responsibility.format(authority=authority), sentence=True
    )
    return [(writer.w.transferred_from, kept)]
