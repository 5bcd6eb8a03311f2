"""The decision wizard walked by keyboard to a plan for one child, checking on each page
that it speaks the nation's words (tests/ui/test_four_nations.py)."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.enums import View
from cpc_desktop.ui.decision import pages
from cpc_desktop.ui.decision.wizard import DecisionWizard
from cpc_desktop.ui.main_window import MainWindow
from tests.helpers.keyboard import Ctrl, Key, alt, focused, in_modal, tab_to, type_here, type_into
from tests.helpers.nations import Nation

Shift = QtCore.Qt.KeyboardModifier.ShiftModifier


def _at(wizard: DecisionWizard, kind: flow.StepKind, child: int | None = None) -> pages.StepPage:
    assert wizard.current_step() == flow.Step(kind, child), wizard.current_step()
    page = wizard.currentPage()
    assert isinstance(page, pages.StepPage)
    return page


def _next(qtbot: QtBot, wizard: DecisionWizard) -> None:
    before = wizard.currentId()
    alt(qtbot, Key.Key_N)
    page = wizard.currentPage()
    assert wizard.currentId() != before, getattr(page, "problem_lines", None)


def _labels(page: QtWidgets.QWidget) -> str:
    return " ".join(label.text().replace("&", "") for label in page.findChildren(QtWidgets.QLabel))


def _walk(qtbot: QtBot, wizard: DecisionWizard, nation: Nation) -> None:
    quorum = _at(wizard, flow.StepKind.QUORUM)
    assert isinstance(quorum, pages.QuorumPage)
    assert quorum.state.text().startswith(f"Quorate: {nation.csc} is present"), quorum.state.text()
    for group in nation.quorum_groups:
        assert group in quorum.state.text()
    _next(qtbot, wizard)

    views = _at(wizard, flow.StepKind.VIEWS, 0)
    assert isinstance(views, pages.ViewsPage)
    offered = [views.rows[0][1].itemText(i) for i in range(views.rows[0][1].count())]
    assert nation.plan.removeprefix("A ").capitalize() in offered, offered
    tab_to(qtbot, views.rows[0][1])
    for person, combo, reason in views.rows:
        assert combo.hasFocus(), person.name
        for _ in range(list(View).index(View.PLAN) + 1):  # the first entry is "Not given"
            qtbot.keyClick(combo, Key.Key_Down)
        assert combo.currentData() == View.PLAN.value
        qtbot.keyClick(combo, Key.Key_Tab)
        assert reason.hasFocus()
        type_into(qtbot, reason, f"{person.name} sees a risk of neglect")
        qtbot.keyClick(reason, Key.Key_Tab)  # its "share with the family" box
        qtbot.keyClick(focused(), Key.Key_Tab)
    alt(qtbot, Key.Key_P)
    assert views.parents.hasFocus()
    type_here(qtbot, "Mo wants help with the house and with money.")
    alt(qtbot, Key.Key_H)
    assert views.child_view.hasFocus()
    type_here(qtbot, "Ada drew her family; she feels safe at school.")
    _next(qtbot, wizard)

    threshold = _at(wizard, flow.StepKind.THRESHOLD, 0)
    alt(qtbot, Key.Key_Y)
    alt(qtbot, Key.Key_R)
    assert isinstance(threshold, pages.ThresholdPage) and threshold.rationale.hasFocus()
    type_here(qtbot, "Long-standing neglect; the house is unsafe.")
    _next(qtbot, wizard)

    outcome = _at(wizard, flow.StepKind.OUTCOME, 0)
    decided_by = outcome.findChild(QtWidgets.QLabel, "decisionMaker")
    assert decided_by is not None and nation.decided_by in decided_by.text(), decided_by.text()
    radios = [b.text().replace("&", "") for b in outcome.findChildren(QtWidgets.QRadioButton)]
    assert nation.plan in radios, radios
    alt(qtbot, Key.Key_C)
    alt(qtbot, Key.Key_S)
    assert isinstance(outcome, pages.OutcomePage) and outcome.reason.hasFocus()
    type_here(qtbot, "Ada is at continuing risk of significant harm through neglect.")
    _next(qtbot, wizard)

    categories = _at(wizard, flow.StepKind.CATEGORIES, 0)
    assert isinstance(categories, pages.CategoriesPage)
    assert categories.title() == f"{nation.categories}: Ada Quinn"
    alt(qtbot, Key.Key_C)
    assert categories.list.hasFocus()
    assert categories.list.currentItem().text().startswith(nation.category)
    qtbot.keyClick(categories.list, Key.Key_Space)
    _next(qtbot, wizard)

    plan = _at(wizard, flow.StepKind.PLAN, 0)
    assert isinstance(plan, pages.PlanPage)
    assert plan.title() == f"The {nation.plan.removeprefix('A ')}: Ada Quinn"
    assert plan.lead.accessibleName() == nation.lead
    assert nation.lead in _labels(plan)
    alt(qtbot, Key.Key_L)
    assert plan.lead.hasFocus()
    type_here(qtbot, nation.social_worker.split()[0])
    assert plan.lead.currentText().startswith(nation.social_worker)
    alt(qtbot, Key.Key_T)
    type_here(qtbot, "01632 960 123")
    alt(qtbot, Key.Key_G)
    assert plan.core.hasFocus()
    qtbot.keyClick(plan.core, Key.Key_Space)
    qtbot.keyClick(plan.core, Key.Key_Down)
    qtbot.keyClick(plan.core, Key.Key_Space)
    alt(qtbot, Key.Key_O)  # how often the core group meets (domain.md §10 item 5)
    assert plan.frequency.hasFocus()
    type_here(qtbot, "every 4 weeks")
    alt(qtbot, Key.Key_C)
    assert plan.contingency.hasFocus()
    type_here(qtbot, "Care proceedings are considered if the house is not made safe.")
    alt(qtbot, Key.Key_D)
    row = plan.action_rows[-1]
    assert row.owner.hasFocus()
    type_here(qtbot, nation.social_worker)
    qtbot.keyClick(row.owner, Key.Key_Tab)
    type_here(qtbot, "Visit weekly and see Ada alone")
    if plan.confirm is not None and not plan.confirm.isVisible():
        # Scotland: the referral to the Children's Reporter is Ada's last page.
        _next(qtbot, wizard)
        reporter = _at(wizard, flow.StepKind.REPORTER, 0)
        assert isinstance(reporter, pages.ReporterPage)
        assert reporter.question.text() == "Refer Ada Quinn to the Children's Reporter?"
        alt(qtbot, Key.Key_O)
        assert reporter.no.isChecked()
        alt(qtbot, Key.Key_R)
        type_here(qtbot, "Compulsory measures are not needed while the plan is followed.")
        qtbot.keyClick(focused(), Key.Key_Tab)
        assert reporter.confirm is not None and reporter.confirm.hasFocus()
        qtbot.keyClick(reporter.confirm, Key.Key_Space)
        assert reporter.confirm.isChecked()
    else:
        alt(qtbot, Key.Key_I)
        assert plan.confirm is not None and plan.confirm.isChecked()
    _next(qtbot, wizard)

    summary = _at(wizard, flow.StepKind.SUMMARY)
    assert isinstance(summary, pages.SummaryPage)
    said = summary.texts[0].text()
    assert f"{nation.categories}: {nation.category}" in said, said
    assert f"{nation.lead}: {nation.social_worker}" in said, said
    alt(qtbot, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())


def decide(qtbot: QtBot, window: MainWindow, nation: Nation) -> None:
    """Ctrl+Shift+E from the open conference, and the wizard walked to its end."""
    in_modal(
        qtbot,
        lambda: qtbot.keyClick(window, Key.Key_E, Ctrl | Shift),
        DecisionWizard,
        lambda wizard: _walk(qtbot, wizard, nation),
    )
