"""The life of a plan by keyboard (issue 20, point 1): an initial conference makes a plan
whose core group meets every four weeks (domain.md §10 item 5); New review… (Ctrl+Shift+N)
makes its review, which carries the plan; the chair judges the actions in the Plan progress
tab (keys 0-3, words beside colour) and the wizard starts from what is not done; a second
review, made the same way, ends the plan, and the plan-ended letters go to every agency
invited to the initial conference, one not invited to the last review included (item 35).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.enums import (
    ActionStatus,
    AttendanceKind,
    ConferenceType,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.domain.letters import LetterKind
from cpc_desktop.services.conferences import NewChild
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.decision import pages
from cpc_desktop.ui.home.new_review import NewReviewDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace.plan_progress import PlanProgressTab
from tests.helpers.keyboard import Ctrl, activate, alt, focused, in_modal, tab_to
from tests.ui.test_decision_wizard import (
    ARRIVED,
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
    _plan,
    _threshold,
    _type,
    _views,
)

Key = QtCore.Qt.Key
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
PROFESSIONALS = ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")


def _icpc_by_keyboard(qtbot: QtBot, session: Session) -> str:
    ref = _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Ada", "Quinn", date(2019, 5, 1)),),
        (SW, POLICE, HEALTH, PARENT),
    )
    people = {p.name: p.id for p in session.conferences.get(ref).participants}
    session.notes.set_scale(ref, people["Ruth Adeyemi"], 3, "Home conditions")
    session.notes.set_scale(ref, people["DC Dan Hart"], 4)
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    _views(qtbot, wizard, 0, {n: (View.PLAN, "Neglect") for n in PROFESSIONALS}, "Agree", "Ok")
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, True, "Neglect is evidenced")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 0, Key.Key_C, "Continuing risk of significant harm")
    _next(qtbot, wizard)
    categories = _at(wizard, flow.StepKind.CATEGORIES, 0)
    assert isinstance(categories, pages.CategoriesPage)
    _alt(qtbot, wizard, Key.Key_C)
    qtbot.keyClick(categories.list, Key.Key_Space)  # neglect
    _next(qtbot, wizard)
    plan = _plan(
        qtbot,
        wizard,
        0,
        lead="Ruth",
        core=3,
        contingency="Legal planning meeting if home conditions fall again",
        action=("Ruth Adeyemi", "Visit weekly and see Ada alone"),
    )
    # §10 item 5: the first core group is proposed at ICPC + 10 working days, and how
    # often the core group meets is typed into the plan.
    assert plan.first.date() == QtCore.QDate(2026, 12, 7)
    _alt(qtbot, wizard, Key.Key_O)
    assert plan.frequency.hasFocus()
    _type(qtbot, wizard, "every 4 weeks")
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)
    _at(wizard, flow.StepKind.SUMMARY)
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    (decision,) = session.conferences.get(ref).decisions
    assert (decision.first_core_group_date, decision.core_group_frequency) == (
        date(2026, 12, 7),
        "every 4 weeks",
    )
    return ref


def _demo_review(session: Session) -> str:
    """The demo's review of its main sample's plan (already in the store)."""
    return next(
        c.reference
        for c in session.conferences.overview().conferences
        if c.type is ConferenceType.REVIEW and session.conferences.get(c.reference).plans
    )


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def _select(qtbot: QtBot, window: MainWindow, ref: str) -> None:
    home = window.home
    home.table.setFocus()
    qtbot.keyClick(home.table, Key.Key_Home)
    for _ in range(home.model.rowCount()):
        if home.selected_reference() == ref:
            return
        qtbot.keyClick(home.table, Key.Key_Down)
    assert home.selected_reference() == ref


def _new_review(qtbot: QtBot, window: MainWindow, expected: date) -> str:
    """Ctrl+Shift+N, check the proposed date, Enter: the review opens."""
    seen: list[str] = []

    def drive(dialog: NewReviewDialog) -> None:
        assert dialog.chosen_date() == expected
        seen.append(dialog.why.text())
        alt(qtbot, Key.Key_D)
        assert dialog.date.hasFocus()
        qtbot.keyClick(focused(), Key.Key_Return)

    before = window.workspace.reference if window.workspace is not None else None
    in_modal(
        qtbot,
        lambda: qtbot.keyClick(focused(), Key.Key_N, Ctrl | Shift),
        NewReviewDialog,
        drive,
    )
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.reference != before)
    assert "agreed at" in seen[0]
    return str(window.workspace.reference)


def _progress_tab(qtbot: QtBot, window: MainWindow) -> PlanProgressTab:
    page = window.workspace
    assert page is not None and page.plan_progress is not None
    alt(qtbot, Key.Key_G)
    assert page.tabs.currentWidget() is page.plan_progress
    tab_to(qtbot, page.plan_progress.table)
    return page.plan_progress


def _present(session: Session, ref: str, *absent: str) -> None:
    for person in session.conferences.get(ref).participants:
        if person.name in PROFESSIONALS and person.name not in absent:
            session.roll_call.record_attendance(person.id, AttendanceKind.PRESENT, ARRIVED)


def test_a_plan_from_the_icpc_through_a_review_to_its_end(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    icpc = _icpc_by_keyboard(qtbot, session)
    window = _window(qtbot, session, preferences)
    _select(qtbot, window, icpc)
    first = _new_review(qtbot, window, date(2027, 2, 23))
    review = session.conferences.get(first)
    assert review.conference.previous_conference_id == session.conferences.get(icpc).conference.id
    assert [p.name for p in review.participants] == [*PROFESSIONALS, "Jo Quinn"]

    # The chair judges the carried action by keyboard: 3 is Done, words beside colour.
    tab = _progress_tab(qtbot, window)
    assert tab.status_text(0) == "Not yet judged"
    assert "3 out of 10" in tab.chart.text and "4 out of 10" in tab.chart.text
    assert tab.chart.isVisible()
    qtbot.keyClick(tab.table, Key.Key_1)
    assert tab.status_text(0) == "● Not started / behind (red)"
    qtbot.keyClick(tab.table, Key.Key_3)
    assert tab.status_text(0) == "● Done (green)"
    (plan,) = session.conferences.get(first).plans
    assert plan.actions[0].status is ActionStatus.DONE
    alt(qtbot, Key.Key_P)
    assert tab.chooser.hasFocus() and tab.chooser.currentIndex() == 3

    # The review's wizard starts from the plan: its category, core group and how often
    # it meets; the action that is done is not carried into the new plan.
    _present(session, first)
    wizard = _open(qtbot, session, first)
    _next(qtbot, wizard)
    _views(qtbot, wizard, 0, {n: (View.PLAN, "Still needed") for n in PROFESSIONALS}, "Ok", "Ok")
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, True, "Still at risk")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 0, Key.Key_C, "The plan continues")
    _next(qtbot, wizard)
    categories = _at(wizard, flow.StepKind.CATEGORIES, 0)
    assert isinstance(categories, pages.CategoriesPage)
    _next(qtbot, wizard)  # neglect is chosen already
    page = _at(wizard, flow.StepKind.PLAN, 0)
    assert isinstance(page, pages.PlanPage)
    assert page.frequency.text() == "every 4 weeks"
    assert page.lead.currentText().startswith("Ruth Adeyemi")
    assert page.action_rows == []
    _alt(qtbot, wizard, Key.Key_D)
    _type(qtbot, wizard, "Hana Patel")
    qtbot.keyClick(page.action_rows[-1].owner, Key.Key_Tab)
    _type(qtbot, wizard, "Health check for Ada")
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)
    _at(wizard, flow.StepKind.SUMMARY)
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    (decision,) = session.conferences.get(first).decisions
    assert decision.categories == ("neglect",) and decision.core_group_frequency == "every 4 weeks"
    assert [a.action for a in decision.actions] == ["Health check for Ada"]

    # The second review, made from the first by keyboard, ends the plan. The police were
    # invited to the initial conference but not to this review: they are still told.
    activate(qtbot, window)
    window.workspace.setFocus()
    second = _new_review(qtbot, window, decision.review_date)
    ending = session.conferences.get(second)
    assert ending.conference.plan_id == session.conferences.get(icpc).conference.id
    assert ending.conference.review_number == 2
    assert [p.name for p in ending.scale_history] == ["Ruth Adeyemi", "DC Dan Hart"]
    police = next(p for p in ending.participants if p.name == "DC Dan Hart")
    session.roll_call.update_participant(police.id, invited=False)
    # Only a quorate conference ends a plan: the school comes in the police's place.
    teacher = NewParticipant("Tia Teacher", ParticipantRole.PROFESSIONAL, "Meadow School", "", True)
    session.roll_call.add_participant(second, teacher)
    _present(session, second, "DC Dan Hart")
    here = session.conferences.get(second).participants
    session.roll_call.record_attendance(here[-1].id, AttendanceKind.PRESENT, ARRIVED)
    wizard = _open(qtbot, session, second)
    _next(qtbot, wizard)  # quorate: the chair goes on
    present = ("Ruth Adeyemi", "Hana Patel", "Tia Teacher")
    views = {n: (View.CHILD_IN_NEED, "Progress sustained") for n in present}
    _views(qtbot, wizard, 0, views, "Relieved", "Glad")
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, False, "No longer at continuing risk")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 0, Key.Key_E, "Every action evidenced as complete")
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)
    _at(wizard, flow.StepKind.SUMMARY)
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    (ended,) = session.conferences.get(second).decisions
    assert ended.outcome is Outcome.END_PLAN
    told = [
        plan.need.recipient_name
        for plan in session.letters.plan(second)
        if plan.need.kind is LetterKind.PLAN_ENDED
    ]
    assert told == [*PROFESSIONALS, "Tia Teacher"]
    assert QtWidgets.QApplication.activeModalWidget() is None


def test_what_cannot_be_reviewed_is_said_in_one_line_and_nothing_is_made(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    before = session.conferences.overview().total
    window.home.table.setFocus()
    window.home.table.clearSelection()
    window.home.table.setCurrentIndex(QtCore.QModelIndex())
    qtbot.keyClick(focused(), Key.Key_N, Ctrl | Shift)
    assert window.statusBar().currentMessage() == (
        "Select the conference whose plan is to be reviewed, then choose New review."
    )
    scheduled = next(
        c.reference
        for c in session.conferences.overview().conferences
        if c.type is ConferenceType.PRE_BIRTH
    )
    _select(qtbot, window, scheduled)
    seen: list[str] = []

    def read(box: QtWidgets.QMessageBox) -> None:
        seen.append(box.text())
        qtbot.keyClick(box, Key.Key_Return)

    in_modal(
        qtbot,
        lambda: qtbot.keyClick(focused(), Key.Key_N, Ctrl | Shift),
        QtWidgets.QMessageBox,
        read,
    )
    assert seen == [
        f"{scheduled} is not concluded yet; a review is made from a conference that has "
        "reached its decision"
    ]
    assert session.conferences.overview().total == before
    assert window.workspace is None


@pytest.fixture
def unreviewed(tmp_path: Path) -> Iterator[Session]:
    """The demo's samples without the review of the main one's plan."""
    from tests.ui.conftest import PASSPHRASE, TODAY, fixed_clock

    path = tmp_path / "unreviewed.db"
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair", clock=fixed_clock) as made:
        for record in build_demo_records(TODAY)[:3]:
            made.conferences.import_record(record)
    opened = open_session(path, PASSPHRASE, clock=fixed_clock)
    yield opened
    opened.close()


def test_a_review_on_or_before_its_conference_is_refused_in_the_dialog(
    qtbot: QtBot, unreviewed: Session, preferences: Preferences
) -> None:
    session = unreviewed
    main = next(
        c.reference
        for c in session.conferences.overview().conferences
        if c.type is ConferenceType.INITIAL
    )
    window = _window(qtbot, session, preferences)
    _select(qtbot, window, main)
    before = session.conferences.overview().total
    said: list[str] = []

    def drive(dialog: NewReviewDialog) -> None:
        dialog.date.setFocus()
        dialog.date.setDate(QtCore.QDate(2026, 11, 19))  # the day of the conference itself
        qtbot.keyClick(focused(), Key.Key_Return)
        said.append(dialog.error.text())
        assert dialog.isVisible()
        qtbot.keyClick(focused(), Key.Key_Escape)

    in_modal(
        qtbot,
        lambda: qtbot.keyClick(focused(), Key.Key_N, Ctrl | Shift),
        NewReviewDialog,
        drive,
    )
    assert said == [f"A review must come after {main}"]
    assert session.conferences.overview().total == before


def test_only_the_chair_judges_the_actions(qtbot: QtBot, session: Session) -> None:
    from cpc_desktop.domain.enums import UserRole
    from cpc_desktop.services.roles import Actor
    from tests.ui.conftest import fixed_clock

    review = _demo_review(session)
    record = session.conferences.get(review)
    minuter = Session(session.store, Actor("Morgan Minutes", UserRole.MINUTE_TAKER), fixed_clock)
    tab = PlanProgressTab(minuter, record)
    qtbot.addWidget(tab)
    said: list[str] = []
    tab.message.connect(said.append)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.table.rowCount() == 9  # the demo's two children on a plan: 4 and 5 actions
    # The demo's review has two safety scales of its own: the chart shows them.
    assert tab.chart.isVisible()
    assert not tab.chooser.isEnabled()
    assert "may not record a decision" in tab.chooser.toolTip()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Key.Key_1)
    assert said == ["Morgan Minutes (minute taker) may not record a decision."]
    assert tab.status_text(0).endswith("Done (green)")  # as the demo judged it
    assert session.conferences.get(review).plans == record.plans


def test_leaving_a_review_lists_the_actions_not_yet_judged_and_goes_to_one(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    from cpc_desktop.ui.workspace.closing import UnfinishedDialog

    review = _demo_review(session)
    record = session.conferences.get(review)
    session.entries.add_entry(review, record.agenda[0].id, "Everyone introduced themselves.")
    preferences.check_unfinished = True
    window = _window(qtbot, session, preferences)
    window.open_conference(review)
    qtbot.keyClick(window.focusWidget() or window, Key.Key_H, Ctrl | Shift)

    def shown() -> UnfinishedDialog | None:
        return next((d for d in window.findChildren(UnfinishedDialog) if d.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None)
    dialog = shown()
    assert dialog is not None
    lines = [item.line for item in dialog.items if "not yet judged" in item.line]
    assert len(lines) == 4  # of 9: the demo judged five
    third = record.plans[0].actions[2]
    (button,) = [
        b
        for b, item in zip(dialog.fix_buttons, dialog.items, strict=True)
        if item.target == third.id
    ]
    activate(qtbot, dialog)
    button.setFocus()
    qtbot.keyClick(button, Key.Key_Space)
    qtbot.waitUntil(lambda: shown() is None)
    tab = window.workspace.plan_progress
    assert window.workspace.tabs.currentWidget() is tab
    assert tab.lines[tab.table.currentRow()].action.id == third.id


def test_the_demo_review_opens_on_its_progress_and_the_chair_judges_one_more(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    review = _demo_review(session)
    window = _window(qtbot, session, preferences)
    _select(qtbot, window, review)
    qtbot.keyClick(window.home.table, Key.Key_Return)  # open it
    qtbot.waitUntil(lambda: window.workspace is not None)
    tab = _progress_tab(qtbot, window)
    shown = [tab.status_text(row) for row in range(tab.table.rowCount())]
    assert shown[:4] == [
        "● Done (green)",
        "● Under way (amber)",
        "Not yet judged",
        "● Not started / behind (red)",
    ]
    assert tab.chart.isVisible() and "4 out of 10" in tab.chart.text
    for _ in range(2):
        qtbot.keyClick(tab.table, Key.Key_Down)  # Lily's third action, not yet judged
    qtbot.keyClick(tab.table, Key.Key_2)
    assert tab.status_text(2) == "● Under way (amber)"
    lily = session.conferences.get(review).plans[0]
    assert lily.actions[2].status is ActionStatus.UNDER_WAY


def test_on_a_narrow_tab_the_action_keeps_its_room_and_the_legend_its_lines(
    qtbot: QtBot, session: Session
) -> None:
    """At 150 % on a laptop the tab is about 530 pixels wide and short: the action column
    still reads as words, the table keeps room for more than a strip, and the chart's
    legend (one line a person) stays inside the chart."""
    review = _demo_review(session)
    tab = PlanProgressTab(session, session.conferences.get(review))
    qtbot.addWidget(tab)
    tab.resize(530, 300)
    tab.show()
    qtbot.waitExposed(tab)
    header = tab.table.horizontalHeader()
    char = tab.table.fontMetrics().averageCharWidth()
    assert header.sectionSize(1) >= 14 * char, [header.sectionSize(c) for c in range(5)]
    assert tab.table.height() >= tab.table.minimumHeight() > 6 * tab.fontMetrics().lineSpacing()
    line = tab.chart.fontMetrics().height()
    legend = (line + 2) * len(tab.chart.series) + tab.chart.fontMetrics().descent()
    assert len(tab.chart.series) == 2
    assert tab.chart.height() >= tab.chart.minimumHeight() >= 100 + line + legend
