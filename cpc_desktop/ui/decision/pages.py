"""The decision wizard's pages: one class per step kind, collecting answers only.

The pages live by group of steps: the base :class:`StepPage` (``base``), the whole
conference's (``conference_pages``), each child's (``child_pages``, ``plan_pages`` and,
in Scotland, ``reporter_page``) and the summary (``summary_page``); their shared labels
and widgets in ``widgets``.
This module maps each step kind to its page.
"""

from __future__ import annotations

from collections.abc import Callable

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.ui.decision.base import Host, StepPage
from cpc_desktop.ui.decision.child_pages import (
    CategoriesPage,
    OutcomePage,
    ThresholdPage,
    ViewsPage,
)
from cpc_desktop.ui.decision.conference_pages import AdjournPage, QuorumPage
from cpc_desktop.ui.decision.plan_pages import ActionRow, DissentPage, DissentRow, PlanPage
from cpc_desktop.ui.decision.reporter_page import ReporterPage
from cpc_desktop.ui.decision.summary_page import SummaryPage, describe

__all__ = [
    "PAGE_CLASSES",
    "ActionRow",
    "AdjournPage",
    "CategoriesPage",
    "DissentPage",
    "DissentRow",
    "Host",
    "OutcomePage",
    "PlanPage",
    "QuorumPage",
    "ReporterPage",
    "StepPage",
    "SummaryPage",
    "ThresholdPage",
    "ViewsPage",
    "describe",
]


PAGE_CLASSES: dict[flow.StepKind, Callable[[Host, flow.Step], StepPage]] = {
    flow.StepKind.QUORUM: QuorumPage,
    flow.StepKind.ADJOURN: AdjournPage,
    flow.StepKind.VIEWS: ViewsPage,
    flow.StepKind.THRESHOLD: ThresholdPage,
    flow.StepKind.OUTCOME: OutcomePage,
    flow.StepKind.CATEGORIES: CategoriesPage,
    flow.StepKind.PLAN: PlanPage,
    flow.StepKind.DISSENT: DissentPage,
    flow.StepKind.REPORTER: ReporterPage,
    flow.StepKind.SUMMARY: SummaryPage,
}
