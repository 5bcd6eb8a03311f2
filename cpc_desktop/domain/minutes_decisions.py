"""Each child's decision in the minutes, and the Signs of Safety scale, in a copy's words.

The threshold, the decision and its reasons, the categories, the lead worker and core
group, the child's and parents' views, every agency's view, dissent and the outline
plan. What a family copy may not carry (an agency's reasons, a dissent's reasons) is
replaced by a note that it is in the professionals' copy (``Writer.shown``).
"""

from __future__ import annotations

from cpc_desktop.domain.conference import Decision
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.minutes_writer import DISSENT_REASONS, VIEW_REASON, Writer, scale_range
from cpc_desktop.domain.printed import Block, Fields, Para, ParaStyle, Section, Table
from cpc_desktop.domain.reporter import minutes_pair


def decisions_intro(writer: Writer) -> tuple[Block, ...]:
    """Who decides, or that nothing has been decided yet."""
    if not writer.record.decisions:
        return (Para(writer.w.no_decision, style=ParaStyle.NOTE),)
    decided = writer.each(
        lambda w, words: w.decided_by.format(who=words.decision_maker if words else "-"),
        sentence=True,
    )
    return (Para(decided, style=ParaStyle.NOTE),)


def decisions(writer: Writer) -> list[Section]:
    """A section for each child's decision, headed by the child's name."""
    children = {c.id: child_name(c, blank="") for c in writer.record.children}
    return [
        Section(children.get(d.child_id, writer.w.a_child), decision(writer, d), level=2)
        for d in writer.record.decisions
    ]


def decision(writer: Writer, d: Decision) -> tuple[Block, ...]:
    w, words, named = writer.w, writer.words, writer.named
    threshold = {True: w.met, False: w.not_met, None: w.not_answered}[d.threshold_met]
    pairs = [
        (w.threshold, threshold + (f": {d.threshold_rationale}" if d.threshold_rationale else "")),
        (w.decision, words.outcome(d.outcome) if d.outcome else w.not_decided),
        (w.reasons, d.reason or "-"),
    ]
    pairs += minutes_pair(d, words.reporter)  # Scotland: the Children's Reporter (reporter.py)
    if d.categories:
        pairs.append((words.categories, ", ".join(words.category(k) for k in d.categories)))
        if d.primary_category:
            pairs.append((words.main_category, words.category(d.primary_category)))
    if d.ending:
        pairs.append((w.ending, f"{w.label(d.ending)}, {w.short_date(d.ending_date) or '-'}"))
    if d.lead_social_worker_id:
        pairs.append((words.lead_worker, named(d.lead_social_worker_id)))
        pairs.append((w.contact, d.lead_social_worker_contact or "-"))
    if d.core_group:
        pairs.append((words.core_group, ", ".join(named(i) for i in d.core_group)))
    if d.core_group_frequency:
        pairs.append((w.meets, d.core_group_frequency))
    if d.contingency_plan:
        pairs.append((w.contingency, d.contingency_plan))
    blocks: list[Block] = [Fields(tuple(pairs))]
    blocks.append(Para(d.child_view or w.not_recorded, f"{w.child_views}:", ParaStyle.QUOTE))
    blocks.append(Para(d.parents_view or w.not_recorded, f"{w.parents_views}:", ParaStyle.QUOTE))
    # Every copy prints each view; the reasons only where this copy may carry them.
    why = [writer.shown(VIEW_REASON, v.reason, v) for v in d.views]
    if d.views and all(reason is None for reason in why):
        views = tuple((named(v.participant_id), words.view(v.view)) for v in d.views)
        blocks.append(Table((w.agency_view, w.recommends), views, (0.6, 0.4)))
    elif d.views:
        rows = tuple(
            (
                named(v.participant_id),
                words.view(v.view),
                w.elsewhere if reason is None and v.reason else reason or "-",
            )
            for v, reason in zip(d.views, why, strict=True)
        )
        blocks.append(Table((w.agency_view, w.recommends, w.why), rows, (0.35, 0.2, 0.45)))
    for dissent in d.dissents:
        blocks.append(
            Para(
                writer.shown(DISSENT_REASONS, dissent.reasons, dissent) or w.elsewhere,
                _dissent_from(writer, dissent.participant_id),
                ParaStyle.WARNING,
            )
        )
    if d.actions:
        plan = tuple(
            (a.action, a.owner, w.short_date(a.due_date) or "-", a.outcome or "-")
            for a in d.actions
        )
        header = (w.plan_action, w.who, w.by, w.outcome_wanted)
        blocks.append(Table(header, plan, (0.4, 0.2, 0.15, 0.25)))
    return tuple(blocks)


def _dissent_from(writer: Writer, who: str) -> str:
    """ "Dissent from Dr A Patel (GP):", in each language of the copy; a person named
    the same in each (by their agency) is named once: "Anghytundeb gan / Dissent from
    Dr A Patel (GP):"."""
    tables = writer.tables
    names = {writer.named(who, t) for t in tables}
    if len(names) == 1 and all(t.dissent_from.endswith(" {who}") for t in tables):
        opening = writer.each(lambda t, _: t.dissent_from.removesuffix(" {who}"))
        return f"{opening} {names.pop()}:"
    return writer.each(lambda t, _: t.dissent_from.format(who=writer.named(who, t))) + ":"


def scaling(writer: Writer) -> tuple[Block, ...]:
    """The safety scale: what its ends mean, then each person's score and why."""
    w, ends = writer.w, scale_range()
    rows = tuple(
        (writer.named(s.participant_id), str(s.score), s.note) for s in writer.record.scaling
    )
    anchors = Para(w.scale_anchors.format(**ends), f"{w.safety_scale}.", ParaStyle.NOTE)
    table = Table((w.who, w.score.format(**ends), w.why), rows, (0.35, 0.15, 0.5))
    return (anchors, table)
