"""Scotland's referral to the Children's Reporter in the decision wizard, by keyboard.

Under the Scotland profile each child's last page asks "Refer … to the Children's
Reporter?": Yes (Alt+Y) or No (Alt+O) and the reason (Alt+R), needed either way; Next is
refused until both are given, and Finish stores them with the child's decision. Under
England the question never appears. The walking helpers are test_decision_wizard.py's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pytestqt.qtbot import QtBot

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.enums import ConferenceType, Outcome, View
from cpc_desktop.services.conferences import NewChild
from cpc_desktop.services.session import Session
from cpc_desktop.ui.decision import pages
from cpc_desktop.ui.decision.edited_elsewhere import describe
from cpc_desktop.ui.decision.wizard import DecisionWizard
from cpc_desktop.ui.workspace.decisions_tab import DecisionsTab
from tests.ui.test_decision_wizard import (
    HEALTH,
    PARENT,
    POLICE,
    SW,
    Key,
    Shots,
    _alt,
    _at,
    _conference,
    _confirm,
    _focus,
    _next,
    _open,
    _outcome,
    _plan,
    _refused,
    _shot,
    _threshold,
    _type,
    _views,
)

PROFESSIONALS = ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")
REFER = "Ada has missed school for a term and the family will not engage"
NOT_REFER = "Ben's needs are met by the child's plan; compulsory measures are not needed"


def _two_children(session: Session, profile: str) -> str:
    return _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Ada", "Quinn", date(2019, 5, 1)), NewChild("Ben", "Quinn", date(2021, 2, 3))),
        (SW, POLICE, HEALTH, PARENT),
        profile=profile,
    )


def _ada_plan(qtbot: QtBot, wizard: DecisionWizard) -> None:
    """Ada's views, threshold, plan, area of concern and plan page, up to its Next."""
    _views(qtbot, wizard, 0, {name: (View.PLAN, "Neglect") for name in PROFESSIONALS})
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, True, "Significant harm is likely")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 0, Key.Key_C, "Continuing risk")
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.CATEGORIES, 0)
    _alt(qtbot, wizard, Key.Key_C)
    qtbot.keyClick(page.list, Key.Key_Space)  # type: ignore[attr-defined]
    _next(qtbot, wizard)
    _plan(
        qtbot,
        wizard,
        0,
        lead="Ruth",
        core=2,
        contingency="Legal planning meeting if home conditions fall again",
        action=("Ruth Adeyemi", "Visit weekly"),
    )


def test_each_scottish_child_is_asked_about_the_reporter(qtbot: QtBot, session: Session) -> None:
    ref = _two_children(session, "scotland")
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)  # the quorum
    _ada_plan(qtbot, wizard)
    plan = _at(wizard, flow.StepKind.PLAN, 0)
    assert plan.confirm is not None and not plan.confirm.isVisible()  # not the last page
    _next(qtbot, wizard)

    page = _at(wizard, flow.StepKind.REPORTER, 0)
    assert isinstance(page, pages.ReporterPage)
    assert page.title() == "The Children's Reporter: Ada Quinn"
    assert page.question.text() == "Refer Ada Quinn to the Children's Reporter?"
    assert page.confirm is not None and page.confirm.isVisible()  # Ada's last page
    _confirm(qtbot, wizard)
    assert _refused(qtbot, wizard) == [
        "Whether to refer Ada Quinn to the Children's Reporter is not answered."
    ]
    _alt(qtbot, wizard, Key.Key_Y)
    assert page.yes.isChecked() and page.yes.hasFocus()
    assert _refused(qtbot, wizard) == [
        "The reason for referring Ada Quinn to the Children's Reporter is missing."
    ]
    _alt(qtbot, wizard, Key.Key_R)
    assert page.reason.hasFocus()
    _type(qtbot, wizard, REFER)
    assert page.reason.accessibleDescription() == "Printed in family copies and letters as written."
    Shots.mkdir(parents=True, exist_ok=True)
    _shot(wizard, "reporter")
    _next(qtbot, wizard)

    # Ben: a child's plan (no protection plan); still asked, and the answer is No.
    _views(qtbot, wizard, 1, {name: (View.CHILD_IN_NEED, "Support") for name in PROFESSIONALS})
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 1, False, "No evidence of significant harm to Ben")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 1, Key.Key_P, "Help through a child's plan")
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.REPORTER, 1)
    assert isinstance(page, pages.ReporterPage)
    _alt(qtbot, wizard, Key.Key_O)
    assert page.no.isChecked() and not page.yes.isChecked()
    assert _refused(qtbot, wizard) == [
        "The reason for not referring Ben Quinn to the Children's Reporter is missing.",
        "The confirmation of the decision for Ben Quinn is missing.",
    ]
    _alt(qtbot, wizard, Key.Key_R)
    _type(qtbot, wizard, NOT_REFER)
    qtbot.keyClick(_focus(wizard), Key.Key_Tab)  # the confirmation comes after the reason
    assert page.confirm is not None and page.confirm.hasFocus()
    qtbot.keyClick(page.confirm, Key.Key_Space)
    _next(qtbot, wizard)

    summary = _at(wizard, flow.StepKind.SUMMARY)
    assert isinstance(summary, pages.SummaryPage)
    assert f"Children's Reporter: refer. Reason: {REFER}" in summary.texts[0].text()
    assert f"Children's Reporter: do not refer. Reason: {NOT_REFER}" in summary.texts[1].text()
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    record = session.conferences.get(ref)
    by_child = {c.given_name: c.id for c in record.children}
    decisions = {d.child_id: d for d in record.decisions}
    ada, ben = decisions[by_child["Ada"]], decisions[by_child["Ben"]]
    assert ada.outcome is Outcome.CP_PLAN and ben.outcome is Outcome.CIN_PLAN
    assert (ada.reporter_referral, ada.reporter_referral_reason) == (True, REFER)
    assert (ben.reporter_referral, ben.reporter_referral_reason) == (False, NOT_REFER)


def test_back_keeps_the_answer(qtbot: QtBot, session: Session) -> None:
    ref = _two_children(session, "scotland")
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    _ada_plan(qtbot, wizard)
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.REPORTER, 0)
    assert isinstance(page, pages.ReporterPage)
    _alt(qtbot, wizard, Key.Key_O)
    _alt(qtbot, wizard, Key.Key_R)
    _type(qtbot, wizard, "Voluntary help is working")
    _alt(qtbot, wizard, Key.Key_B)
    _at(wizard, flow.StepKind.PLAN, 0)
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.REPORTER, 0)
    assert isinstance(page, pages.ReporterPage)
    assert page.no.isChecked()
    assert page.reason.toPlainText() == "Voluntary help is working"
    assert wizard.answers.children[0].reporter_referral is False


def test_england_shows_no_such_question(qtbot: QtBot, session: Session) -> None:
    ref = _two_children(session, "england")
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    _ada_plan(qtbot, wizard)
    _confirm(qtbot, wizard)  # the plan is Ada's last page: no Reporter
    _next(qtbot, wizard)
    _at(wizard, flow.StepKind.VIEWS, 1)
    _views(qtbot, wizard, 1, {name: (View.CHILD_IN_NEED, "Support") for name in PROFESSIONALS})
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 1, False, "No evidence of significant harm to Ben")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 1, Key.Key_P, "Family support through a child in need plan")
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)
    summary = _at(wizard, flow.StepKind.SUMMARY)
    assert isinstance(summary, pages.SummaryPage)
    assert not any(isinstance(wizard.page(i), pages.ReporterPage) for i in wizard.pageIds())
    assert all("Reporter" not in text.text() for text in summary.texts)
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    decisions = session.conferences.get(ref).decisions
    assert len(decisions) == 2
    assert all(d.reporter_referral is None and d.reporter_referral_reason == "" for d in decisions)


def test_the_choice_and_the_decisions_tab_show_the_referral(qtbot: QtBot, session: Session) -> None:
    """Decided elsewhere meanwhile, the two sides show each referral (it may be all that
    differs); the workspace's Decisions tab reads it back as the minutes print it."""
    ref = _two_children(session, "scotland")
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    _ada_plan(qtbot, wizard)
    _next(qtbot, wizard)
    _alt(qtbot, wizard, Key.Key_Y)
    _alt(qtbot, wizard, Key.Key_R)
    _type(qtbot, wizard, REFER)
    ada = wizard.ctx.children[0]
    theirs = replace(
        flow.to_decisions(wizard.answers, wizard.ctx)[0],
        reporter_referral=False,
        reporter_referral_reason=NOT_REFER,
    )
    their_text, my_text = describe(wizard.ctx.children, (theirs,), wizard.answers, wizard.ctx.terms)
    assert f"Children's Reporter: do not refer: {NOT_REFER}" in their_text
    assert my_text.startswith("Ada Quinn: ")
    assert f"Children's Reporter: refer: {REFER}" in my_text
    assert theirs.child_id == ada.id

    record = session.conferences.get(ref)
    record = replace(record, decisions=(theirs,))
    tab = DecisionsTab()
    qtbot.addWidget(tab)
    tab.show_record(record, session.rules.profile("scotland"))
    assert (
        f"Children's Reporter: The meeting decided not to refer the child to the Children's "
        f"Reporter. Reason: {NOT_REFER}" in tab.toPlainText()
    )
    plain = replace(theirs, reporter_referral=None, reporter_referral_reason="")
    tab.show_record(replace(record, decisions=(plain,)), session.rules.profile("england"))
    assert "Reporter" not in tab.toPlainText()
