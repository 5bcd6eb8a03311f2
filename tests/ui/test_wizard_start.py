"""The decision wizard starts from what is minuted and reopens where it was left
(issue 19, point 4), walked by keyboard against real services."""

from __future__ import annotations

from PySide6 import QtCore
from pytestqt.qtbot import QtBot

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.enums import ConferenceType, Outcome, View
from cpc_desktop.services.conferences import NewChild
from cpc_desktop.services.session import Session
from cpc_desktop.ui.decision import drafts, pages
from cpc_desktop.ui.decision.wizard import DecisionWizard
from tests.ui.test_decision_wizard import (
    HEALTH,
    PARENT,
    POLICE,
    SW,
    _alt,
    _at,
    _conference,
    _confirm,
    _next,
    _open,
    _outcome,
    _threshold,
)

Key = QtCore.Qt.Key


def _minuted(session: Session) -> str:
    """An initial conference with the parents' and the child's views minuted (one
    parents' entry restricted) and the police officer's safety scale of 3."""
    ref = _conference(
        session, ConferenceType.INITIAL, (NewChild("Ava", "Quinn"),), (SW, POLICE, HEALTH, PARENT)
    )
    record = session.conferences.get(ref)
    item = {i.key: i.id for i in record.agenda}
    entries = session.entries
    entries.add_entry(ref, item["parents_views"], "We want to work with everyone.")
    entries.add_entry(ref, item["parents_views"], "RESTRICTED-not-for-the-family", restricted=True)
    entries.add_entry(ref, item["parents_views"], "We need help with the school run.")
    entries.add_entry(ref, item["childs_views"], "Ava says she feels safe at her nan's.")
    police = next(p for p in record.participants if p.name == "DC Dan Hart")
    session.notes.set_scale(ref, police.id, 3, "Injuries not explained")
    return ref


def _views_page(qtbot: QtBot, wizard: DecisionWizard) -> pages.ViewsPage:
    _next(qtbot, wizard)  # past the quorum
    page = _at(wizard, flow.StepKind.VIEWS, 0)
    assert isinstance(page, pages.ViewsPage)
    return page


def _row(page: pages.ViewsPage, name: str) -> tuple:
    return next(row for row in page.rows if row[0].name == name)


def test_the_wizard_starts_from_the_minutes_and_comes_back_to_its_answers(
    qtbot: QtBot, session: Session
) -> None:
    ref = _minuted(session)
    wizard = _open(qtbot, session, ref)
    assert not wizard.resumed and wizard.windowTitle() == f"Decisions: {ref}"
    page = _views_page(qtbot, wizard)
    # The parents' and the child's views as minuted (the restricted entry left out).
    assert page.parents.toPlainText() == (
        "We want to work with everyone.\nWe need help with the school run."
    )
    assert page.child_view.toPlainText() == "Ava says she feels safe at her nan's."
    # The police officer's safety scale starts the reason for his view; no view is
    # given for him: that is his to give.
    _, police_view, police_reason = _row(page, "DC Dan Hart")
    assert police_reason.text() == "Scaled safety at 3 out of 10: Injuries not explained"
    assert police_view.currentData() is None
    _, worker_view, worker_reason = _row(page, "Ruth Adeyemi")
    assert worker_reason.text() == ""

    # The chair gives the social worker's view by keyboard, then closes with Escape.
    worker_view.setFocus()
    qtbot.keyClick(worker_view, Key.Key_Down)
    qtbot.keyClick(worker_view, Key.Key_Down)  # a child in need plan
    qtbot.keyClick(worker_view, Key.Key_Tab)
    assert worker_reason.hasFocus()
    qtbot.keyClicks(worker_reason, "Support is enough")
    qtbot.keyClick(worker_reason, Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert drafts.kept(session, ref) is not None

    # Reopened: it carries on with the earlier answers, at the views page.
    again = _open(qtbot, session, ref)
    assert again.resumed and again.windowTitle().endswith("(carried on from before)")
    page = _at(again, flow.StepKind.VIEWS, 0)
    assert isinstance(page, pages.ViewsPage)
    _, worker_view, worker_reason = _row(page, "Ruth Adeyemi")
    assert worker_view.currentData() == View.CHILD_IN_NEED.value
    assert worker_reason.text() == "Support is enough"
    assert page.parents.toPlainText().startswith("We want to work with everyone.")

    # The police view agrees; the decision is a child in need plan; finished.
    _, police_view, police_reason = _row(page, "DC Dan Hart")
    police_view.setFocus()
    qtbot.keyClick(police_view, Key.Key_Down)
    qtbot.keyClick(police_view, Key.Key_Down)
    assert police_reason.text().startswith("Scaled safety at 3")
    _, health_view, health_reason = _row(page, "Hana Patel")
    health_view.setFocus()
    qtbot.keyClick(health_view, Key.Key_Down)
    qtbot.keyClick(health_view, Key.Key_Down)
    qtbot.keyClick(health_view, Key.Key_Tab)
    qtbot.keyClicks(health_reason, "Health visits are enough")
    _next(qtbot, again)
    _threshold(qtbot, again, 0, False, "No significant harm found")
    _next(qtbot, again)
    _outcome(qtbot, again, 0, Key.Key_P, "Family support will do")
    _confirm(qtbot, again)
    _next(qtbot, again)
    _at(again, flow.StepKind.SUMMARY)
    _alt(qtbot, again, Key.Key_F)
    qtbot.waitUntil(lambda: not again.isVisible())
    (decision,) = session.conferences.get(ref).decisions
    assert decision.outcome is Outcome.CIN_PLAN
    reasons = {v.participant_id: v.reason for v in decision.views}
    assert set(reasons.values()) == {
        "Support is enough",
        "Health visits are enough",
        "Scaled safety at 3 out of 10: Injuries not explained",
    }
    assert drafts.kept(session, ref) is None  # finished: nothing kept

    # Opened once more: it starts from the views recorded then, not from blank.
    third = _open(qtbot, session, ref)
    assert not third.resumed
    page = _views_page(qtbot, third)
    _, worker_view, worker_reason = _row(page, "Ruth Adeyemi")
    assert worker_view.currentData() == View.CHILD_IN_NEED.value
    assert worker_reason.text() == "Support is enough"
    third.reject()


def test_a_draft_is_dropped_when_the_children_change(qtbot: QtBot, session: Session) -> None:
    ref = _minuted(session)
    wizard = _open(qtbot, session, ref)
    wizard.reject()
    kept = drafts.kept(session, ref)
    assert kept is not None
    other = flow.FlowAnswers(children=(flow.ChildAnswer(child_id="someone-else"),))
    drafts.keep(session, ref, other)
    reopened = _open(qtbot, session, ref)
    assert not reopened.resumed
    assert [a.child_id for a in reopened.answers.children] == [
        c.id for c in session.conferences.get(ref).children
    ]
    reopened.reject()


def test_the_wizard_reopens_at_the_page_it_was_left_on(qtbot: QtBot, session: Session) -> None:
    ref = _minuted(session)
    wizard = _open(qtbot, session, ref)
    page = _views_page(qtbot, wizard)
    for name in ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel"):
        _, view, reason = _row(page, name)
        view.setFocus()
        qtbot.keyClick(view, Key.Key_Down)
        qtbot.keyClick(view, Key.Key_Down)  # a child in need plan
        if not reason.text():
            qtbot.keyClick(view, Key.Key_Tab)
            qtbot.keyClicks(reason, f"{name} thinks support is enough")
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, False, "No harm found")
    threshold = _at(wizard, flow.StepKind.THRESHOLD, 0)
    assert isinstance(threshold, pages.ThresholdPage)
    qtbot.keyClick(threshold.rationale, Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert drafts.kept_step(session, ref) == flow.Step(flow.StepKind.THRESHOLD, 0)
    assert session.conferences.get(ref).decisions == ()  # a draft is never in the store

    # Reopened: at the threshold page, its answers shown, the focus on its first field
    # (the answer chosen there).
    again = _open(qtbot, session, ref)
    assert again.resumed
    page_again = _at(again, flow.StepKind.THRESHOLD, 0)
    assert isinstance(page_again, pages.ThresholdPage)
    assert page_again.no.isChecked() and page_again.rationale.toPlainText() == "No harm found"
    qtbot.waitUntil(lambda: page_again.no.hasFocus())
    # Tab goes on to the rationale, as on any visit.
    qtbot.keyClick(page_again.no, Key.Key_Tab)
    assert page_again.rationale.hasFocus()
    # Back goes through the pages before it, with their answers.
    _alt(qtbot, again, Key.Key_B)
    views = _at(again, flow.StepKind.VIEWS, 0)
    assert isinstance(views, pages.ViewsPage)
    _, worker_view, worker_reason = _row(views, "Ruth Adeyemi")
    assert worker_view.currentData() == View.CHILD_IN_NEED.value
    assert worker_reason.text() == "Ruth Adeyemi thinks support is enough"
    # Closed there: the next opening is at the views page, on its first field.
    again.reject()
    third = _open(qtbot, session, ref)
    views = _at(third, flow.StepKind.VIEWS, 0)
    assert isinstance(views, pages.ViewsPage)
    qtbot.waitUntil(lambda: views.rows[0][1].hasFocus())
    third.reject()
