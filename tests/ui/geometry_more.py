"""The windows ``geometry_probe`` opens that need something provoked first: every page of
the decision wizard under Scotland's rules (the Reporter page among them), the choices
offered when someone else saved the same thing meanwhile (a minute entry, a person's
details, a decision), the release check of a family copy, and the message boxes the app
shows (a question, a warning, an error, a note, the unsaved-minute choice).

Each is reached through the app's own objects over the demo store, in the probe's
process; the other chair is a second session on the same store.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets

from cpc_desktop.domain import conference as d
from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.enums import Outcome, View
from tests.helpers.records import small_record, uid

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session
    from cpc_desktop.ui.main_window import MainWindow
    from tests.ui.geometry_probe import Probe

SCOT_REF = "CPC-2026-0071"
SALT = "scot-"
WHY = "Agreed at the conference"


def scotland_record() -> d.ConferenceRecord:
    """The small record under Scotland's rules (its Reporter question on each child)."""
    record = small_record(SCOT_REF, salt=SALT)
    return dataclasses.replace(
        record, conference=dataclasses.replace(record.conference, profile="scotland")
    )


def _other(session: Session) -> Session:
    from cpc_desktop.services.session import Session as Other

    return Other(session.store, session.actor, session.clock)


def _decided(ctx: flow.FlowContext, answers: flow.FlowAnswers) -> flow.FlowAnswers:
    """Every child given a plan the social worker disagreed with (so the dissent page
    shows), referred to the Reporter, confirmed."""
    allowed = [key for key, _ in ctx.allowed_categories]
    people = [p.id for p in ctx.participants]
    children = tuple(
        dataclasses.replace(
            answer,
            views=tuple(
                d.AgencyView(uid(f"{SALT}view-{n}-{p.id}"), p.id, View.CHILD_IN_NEED, WHY)
                for p in ctx.professionals
            ),
            parents_view="They want help with the house.",
            child_view="Bethany drew her family.",
            threshold_met=True,
            threshold_rationale=WHY,
            outcome=Outcome.CP_PLAN,
            reason=WHY,
            categories=(allowed[0],),
            primary_category=allowed[0],
            lead_social_worker_id=ctx.professionals[0].id,
            lead_social_worker_contact="01632 960 123",
            core_group=tuple(people[:2]),
            first_core_group_reason=WHY,
            review_date_reason=WHY,
            contingency_plan="A legal planning meeting if the house is not made safe.",
            actions=(
                d.PlanAction(uid(f"{SALT}act-{n}"), "Sam Worker", "Visit", date(2026, 12, 1)),
            ),
            dissents=tuple(
                d.Dissent(uid(f"{SALT}dissent-{n}-{p.id}"), p.id, "Support would be enough.")
                for p in ctx.professionals
            ),
            reporter_referral=True,
            reporter_referral_reason="The family will not engage with the plan.",
            confirmed=True,
        )
        for n, answer in enumerate(answers.children)
    )
    quorum = flow.QuorumAnswer(reason="The family had travelled a long way.")
    return dataclasses.replace(answers, quorum=quorum, children=children)


def _reload(wizard: Any) -> None:
    wizard.currentPage().initializePage()
    QtWidgets.QApplication.processEvents()


def walk_every_page(probe: Probe, session: Session, wizard: Any) -> None:
    """Each page of the wizard, named by its step: the adjournment first (then back), then
    every step of a plan with a dissent and a Reporter referral, to the summary; there,
    a decision recorded meanwhile by the other chair brings the choice of whose to keep."""
    probe.look("wizard-quorum", wizard)
    base = wizard.answers
    adjourn = flow.QuorumAnswer(proceed=False, reason=WHY, adjourn=True)
    wizard.answers = dataclasses.replace(base, quorum=adjourn)
    _reload(wizard)
    wizard.next()
    QtWidgets.QApplication.processEvents()
    if wizard.current_step() == flow.Step(flow.StepKind.ADJOURN):
        probe.look("wizard-adjourn", wizard)
        wizard.back()
    wizard.answers = _decided(wizard.ctx, base)
    _reload(wizard)
    for _ in range(20):
        before = wizard.currentId()
        wizard.next()
        QtWidgets.QApplication.processEvents()
        step = wizard.current_step()
        if wizard.currentId() == before or step is None:
            break
        probe.look(f"wizard-{step.kind.value}", wizard)
    if wizard.current_step() != flow.Step(flow.StepKind.SUMMARY):
        return
    theirs = dataclasses.replace(
        wizard.answers,
        children=tuple(
            dataclasses.replace(
                answer,
                reason="Decided in the other room",
                views=tuple(dataclasses.replace(v, id=v.id[:-4] + "beef") for v in answer.views),
                dissents=tuple(
                    dataclasses.replace(x, id=x.id[:-4] + "beef") for x in answer.dissents
                ),
                actions=tuple(
                    dataclasses.replace(a, id=a.id[:-4] + "beef") for a in answer.actions
                ),
            )
            for answer in wizard.answers.children
        ),
    )
    other = _other(session)
    other.decisions.context(wizard.ref)
    other.decisions.finish(wizard.ref, theirs)
    wizard.accept()
    QtWidgets.QApplication.processEvents()
    if wizard.conflict is not None:
        probe.look("decision-conflict", wizard.conflict)
        wizard.conflict.reject()


def details_clash(probe: Probe, session: Session, dialog: Any) -> None:
    """The person's details changed by the other chair while the dialog was open."""
    person = dialog.person
    _other(session).roll_call.update_participant(
        person.id, agency="Somewhere else", expected={"agency": person.agency}
    )
    dialog.agency.setText("Health Visiting North")
    dialog.ok.click()
    QtWidgets.QApplication.processEvents()
    probe.look("person-details-clash", dialog)


def entry_clash(probe: Probe, session: Session, pane: Any) -> None:
    """A minute entry saved by the other chair while this pane edited it."""
    pane.editor.setFocus()
    pane.editor.insertPlainText("Mum said the plan is working")
    if not pane.flush() or pane.current_id is None:
        probe.results.append({"name": "entry-clash", "size": [0, 0], "problems": ["no entry"]})
        return
    _other(session).entries.save_text(pane.current_id, "Mum said the plan is working well.")
    pane.editor.insertPlainText(", mostly.")
    pane.flush()
    for _ in range(50):
        QtWidgets.QApplication.processEvents()
        if pane.conflicts.dialog is not None and pane.conflicts.dialog.isVisible():
            break
    dialog = pane.conflicts.dialog
    if dialog is None:
        probe.results.append({"name": "entry-clash", "size": [0, 0], "problems": ["never opened"]})
        return
    probe.look("entry-clash", dialog)
    dialog.keep_theirs.click()
    QtWidgets.QApplication.processEvents()


def release_check(probe: Probe, session: Session, window: MainWindow, ref: str) -> None:
    """A family copy of the issued minutes held for a second person's check: their
    sign-in, then the copy as its recipient gets it with the confirm."""
    from cpc_desktop.domain.enums import CopyKind
    from cpc_desktop.domain.minutes_document import MinutesCopy
    from cpc_desktop.export.signing import create_self_signed, load_certificate
    from cpc_desktop.ui.output.release_dialog import ReleaseCheck, ReleaseReviewDialog
    from tests.helpers.release import CHECKER, add_checker

    secret = b"chair's secret phrase"
    certificate = load_certificate(create_self_signed("Alex Chair", secret), secret)
    add_checker(session.store)
    session.minutes.approve(ref)
    session.minutes.issue(ref, certificate)
    item = session.release.hold_minutes(ref, MinutesCopy(CopyKind.FAMILY), certificate)
    check = ReleaseCheck(session, item, window)
    check.start()
    QtWidgets.QApplication.processEvents()
    if check.sign_in is not None:
        probe.look("release-sign-in", check.sign_in)
        check.sign_in.reject()
    review = ReleaseReviewDialog(
        session.release.review(item.id), CHECKER.name, lambda: None, parent=window
    )
    review.open()
    probe.look("release-review", review)
    review.reject()


def message_boxes(probe: Probe, window: MainWindow) -> None:
    """One of each kind of message box the app shows, through the app's own calls."""
    from cpc_desktop.services.errors import ServiceError
    from cpc_desktop.ui.workspace.save_guard import ask_unsaved

    page = window.workspace
    assert page is not None
    probe.modal("message-note", page.check_ready)
    probe.modal(
        "message-warning",
        lambda: window.report(
            ServiceError("The store is read-only: ask whoever looks after it to let you save.")
        ),
    )
    probe.modal(
        "message-unsaved",
        lambda: ask_unsaved(window, "The disk is full (no space left on the device).", "close"),
    )
    state = window.store_state
    state._on_check_ended("page 12 of the store is damaged")
    QtWidgets.QApplication.processEvents()
    if state.damage_box is not None:
        probe.look("message-error", state.damage_box)
        state.damage_box.close()
