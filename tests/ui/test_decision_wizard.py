"""The decision wizard, walked by keyboard against real services on the demo store.

Each walk sets up its own conference (children, people and who is in the room, so that
the quorum is what the walk needs), drives every page with the keyboard, finishes, and
checks what the store holds. Screenshots of the pages go to shots/wizard-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain import flow_dates
from cpc_desktop.domain.calendar import uk_calendar
from cpc_desktop.domain.enums import (
    AdjournReason,
    AdministrativeEnding,
    AttendanceKind,
    ConferenceStatus,
    ConferenceType,
    Division,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.services.conferences import NewChild, NewConference
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.session import Session
from cpc_desktop.ui.decision import pages
from cpc_desktop.ui.decision.plan_pages import date_note
from cpc_desktop.ui.decision.wizard import DecisionWizard
from tests.helpers.shots import shots
from tests.ui.conftest import TODAY

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier
Shots = shots()

#: Everyone arrives before the session clock's 09:00 (tests/ui/conftest.py).
ARRIVED = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)

SW = ("Ruth Adeyemi", ParticipantRole.SOCIAL_WORKER, "Children's social care", True)
POLICE = ("DC Dan Hart", ParticipantRole.PROFESSIONAL, "Police", True)
HEALTH = ("Hana Patel", ParticipantRole.PROFESSIONAL, "Health visiting service", True)
MIDWIFE = ("Mo Reid", ParticipantRole.PROFESSIONAL, "Midwifery service", True)
PARENT = ("Jo Quinn", ParticipantRole.PARENT, "", False)

Person = tuple[str, ParticipantRole, str, bool]


@pytest.fixture(autouse=True)
def _shots_dir() -> Iterator[None]:
    Shots.mkdir(parents=True, exist_ok=True)
    yield


def _conference(
    session: Session,
    kind: ConferenceType,
    children: tuple[NewChild, ...],
    present: tuple[Person, ...],
    *,
    day: date = TODAY,
    **extra: object,
) -> str:
    if kind in (ConferenceType.INITIAL, ConferenceType.PRE_BIRTH):
        extra.setdefault("strategy_discussion_date", day - timedelta(days=10))
    conference = session.conferences.create_conference(
        NewConference(type=kind, date=day, children=children, **extra)  # type: ignore[arg-type]
    )
    ref = conference.reference
    for name, role, agency, direct in present:
        person = session.roll_call.add_participant(
            ref, NewParticipant(name=name, role=role, agency=agency, direct_contact=direct)
        )
        session.roll_call.record_attendance(person.id, AttendanceKind.PRESENT, ARRIVED)
    return ref


def _open(qtbot: QtBot, session: Session, ref: str) -> DecisionWizard:
    wizard = DecisionWizard(session, ref)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is wizard)
    return wizard


def _focus(wizard: DecisionWizard) -> QtWidgets.QWidget:
    return QtWidgets.QApplication.focusWidget() or wizard


def _alt(qtbot: QtBot, wizard: DecisionWizard, key: Key) -> None:
    """Alt+letter; a button's mnemonic clicks it after a short animation, so wait it out."""
    qtbot.keyClick(_focus(wizard), key, Alt)
    qtbot.wait(150)


def _type(qtbot: QtBot, wizard: DecisionWizard, text: str) -> None:
    qtbot.keyClicks(_focus(wizard), text)


def _page(wizard: DecisionWizard) -> pages.StepPage:
    page = wizard.currentPage()
    assert isinstance(page, pages.StepPage)
    return page


def _at(wizard: DecisionWizard, kind: flow.StepKind, child: int | None = None) -> pages.StepPage:
    assert wizard.current_step() == flow.Step(kind, child), wizard.current_step()
    return _page(wizard)


_CONTROLS = (
    QtWidgets.QLineEdit,
    QtWidgets.QPlainTextEdit,
    QtWidgets.QComboBox,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QAbstractButton,
    QtWidgets.QListWidget,
)


def _unnamed(wizard: DecisionWizard) -> list[str]:
    """The page's visible controls that have no accessible name."""
    page = _page(wizard)
    found = []
    for widget in page.findChildren(QtWidgets.QWidget):
        inner = isinstance(widget.parent(), QtWidgets.QAbstractSpinBox | QtWidgets.QComboBox)
        if inner or not isinstance(widget, _CONTROLS) or not widget.isVisibleTo(page):
            continue
        if not widget.accessibleName():
            found.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()}")
    return found


def _shot(wizard: DecisionWizard, name: str) -> None:
    """The wizard at its usual size, on a 1366×768 screen (every control named)."""
    assert _unnamed(wizard) == []
    image = QtGui.QPixmap(1366, 768)
    painter = QtGui.QPainter(image)
    painter.fillRect(image.rect(), QtGui.QColor("#3b4252"))
    picture = wizard.grab()
    painter.drawPixmap((1366 - picture.width()) // 2, (768 - picture.height()) // 2, picture)
    painter.end()
    image.save(str(Shots / f"wizard-{name}.png"))


def _next(qtbot: QtBot, wizard: DecisionWizard) -> None:
    before = wizard.currentId()
    _alt(qtbot, wizard, Key.Key_N)
    assert wizard.currentId() != before, _page(wizard).problem_lines


def _refused(qtbot: QtBot, wizard: DecisionWizard) -> list[str]:
    """Press Next, expect to stay, and return the error lines shown."""
    before = wizard.currentId()
    _alt(qtbot, wizard, Key.Key_N)
    assert wizard.currentId() == before
    page = _page(wizard)
    assert page.messages.isVisible()
    return [line[2:] for line in page.problem_lines if line.startswith("• ")]


def _views(
    qtbot: QtBot,
    wizard: DecisionWizard,
    child: int,
    views: dict[str, tuple[View, str]],
    parents: str = "",
    child_view: str = "",
    shared: frozenset[str] = frozenset(),
) -> None:
    """Fill the views table by Tab: each row's combo (Down to choose), then its reason,
    then its "share with the family" box (Space ticks it for the people in ``shared``)."""
    page = _at(wizard, flow.StepKind.VIEWS, child)
    assert isinstance(page, pages.ViewsPage)
    page.rows[0][1].setFocus()
    for person, combo, reason in page.rows:
        assert combo.hasFocus()
        view, why = views[person.name]
        for _ in range(list(View).index(view) + 1):  # the first entry is "Not given"
            qtbot.keyClick(combo, Key.Key_Down)
        assert combo.currentData() == view.value
        qtbot.keyClick(combo, Key.Key_Tab)
        assert reason.hasFocus()
        qtbot.keyClicks(reason, why)
        qtbot.keyClick(reason, Key.Key_Tab)
        share = page.shares[person.id]  # then its "share with the family" box
        assert share.hasFocus() and not share.isChecked()
        if person.name in shared:
            qtbot.keyClick(share, Key.Key_Space)
            assert share.isChecked()
        qtbot.keyClick(share, Key.Key_Tab)
    if parents:
        _alt(qtbot, wizard, Key.Key_P)
        assert page.parents.hasFocus()
        _type(qtbot, wizard, parents)
    if child_view:
        _alt(qtbot, wizard, Key.Key_H)
        assert page.child_view.hasFocus()
        _type(qtbot, wizard, child_view)


def _threshold(qtbot: QtBot, wizard: DecisionWizard, child: int, met: bool, why: str) -> None:
    page = _at(wizard, flow.StepKind.THRESHOLD, child)
    _alt(qtbot, wizard, Key.Key_Y if met else Key.Key_O)
    _alt(qtbot, wizard, Key.Key_R)
    _type(qtbot, wizard, why)
    assert isinstance(page, pages.ThresholdPage)
    assert page.rationale.hasFocus()


def _outcome(qtbot: QtBot, wizard: DecisionWizard, child: int, key: Key, why: str) -> None:
    page = _at(wizard, flow.StepKind.OUTCOME, child)
    _alt(qtbot, wizard, key)
    _alt(qtbot, wizard, Key.Key_S)
    assert isinstance(page, pages.OutcomePage)
    assert page.reason.hasFocus()
    _type(qtbot, wizard, why)


def _confirm(qtbot: QtBot, wizard: DecisionWizard) -> None:
    page = _page(wizard)
    assert page.confirm is not None and page.confirm.isVisible()
    _alt(qtbot, wizard, Key.Key_I)
    assert page.confirm.isChecked()


def _plan(
    qtbot: QtBot,
    wizard: DecisionWizard,
    child: int,
    *,
    lead: str,
    core: int,
    contingency: str,
    action: tuple[str, str],
) -> pages.PlanPage:
    page = _at(wizard, flow.StepKind.PLAN, child)
    assert isinstance(page, pages.PlanPage)
    _alt(qtbot, wizard, Key.Key_L)
    assert page.lead.hasFocus()
    _type(qtbot, wizard, lead)
    _alt(qtbot, wizard, Key.Key_T)
    _type(qtbot, wizard, "01632 960 123")
    _alt(qtbot, wizard, Key.Key_G)
    assert page.core.hasFocus()
    for number in range(core):
        qtbot.keyClick(page.core, Key.Key_Space)
        if number + 1 < core:
            qtbot.keyClick(page.core, Key.Key_Down)
    _alt(qtbot, wizard, Key.Key_C)
    assert page.contingency.hasFocus()
    _type(qtbot, wizard, contingency)
    _alt(qtbot, wizard, Key.Key_D)
    row = page.action_rows[-1]
    assert row.owner.hasFocus()
    _type(qtbot, wizard, action[0])
    qtbot.keyClick(row.owner, Key.Key_Tab)
    _type(qtbot, wizard, action[1])
    return page


# --- (a) an initial conference with two children ------------------------------------------


def test_initial_two_children_plan_with_dissent_and_child_in_need(
    qtbot: QtBot, session: Session
) -> None:
    ref = _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Ada", "Quinn", date(2019, 5, 1)), NewChild("Ben", "Quinn", date(2021, 2, 3))),
        (SW, POLICE, HEALTH, PARENT),
    )
    wizard = _open(qtbot, session, ref)
    assert wizard.width() <= 1366 and wizard.height() <= 768
    _at(wizard, flow.StepKind.QUORUM)
    _shot(wizard, "quorum")
    _next(qtbot, wizard)

    # Ada: a plan under two categories; the health visitor dissents.
    _views(
        qtbot,
        wizard,
        0,
        {
            "Ruth Adeyemi": (View.PLAN, "Neglect is long-standing"),
            "DC Dan Hart": (View.PLAN, "Two call-outs this month"),
            "Hana Patel": (View.CHILD_IN_NEED, "Support is working"),
        },
        parents="They want help, not a plan",
        child_view="Ada says home is noisy",
        shared=frozenset({"Ruth Adeyemi"}),
    )
    _shot(wizard, "views")
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, True, "Neglect and emotional harm are evidenced")
    _shot(wizard, "threshold")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 0, Key.Key_C, "Continuing risk of significant harm")
    _shot(wizard, "outcome")
    _next(qtbot, wizard)

    page = _at(wizard, flow.StepKind.CATEGORIES, 0)
    assert isinstance(page, pages.CategoriesPage)
    _alt(qtbot, wizard, Key.Key_C)
    assert page.list.hasFocus()
    qtbot.keyClick(page.list, Key.Key_Space)  # neglect
    qtbot.keyClick(page.list, Key.Key_Down)
    qtbot.keyClick(page.list, Key.Key_Down)
    qtbot.keyClick(page.list, Key.Key_Space)  # emotional abuse
    assert page.note.isVisible() and "Multiple" in page.note.text()
    _alt(qtbot, wizard, Key.Key_P)
    _type(qtbot, wizard, "Neg")
    assert page.primary.currentData() == "neglect"
    _shot(wizard, "categories")
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
    assert not plan.first_reason.isVisible()  # the default dates need no reason
    assert plan.review_label.text() == "(usual: Tue 23 Feb 2027)"
    # A review on a Sunday, within the limit: said under the date, no reason asked.
    plan.review.setFocus()
    qtbot.keyClick(plan.review, Key.Key_Down)  # the day: 23 -> 22
    qtbot.keyClick(plan.review, Key.Key_Down)  # 21 February 2027, a Sunday
    assert plan.review_label.text() == "(usual: Tue 23 Feb 2027) Sun 21 Feb 2027 is a Sunday."
    assert not plan.review_reason.isVisible()
    qtbot.keyClick(plan.review, Key.Key_Up)
    qtbot.keyClick(plan.review, Key.Key_Up)
    assert plan.review_label.text() == "(usual: Tue 23 Feb 2027)"
    _shot(wizard, "plan")
    _next(qtbot, wizard)

    page = _at(wizard, flow.StepKind.DISSENT, 0)
    assert isinstance(page, pages.DissentPage)
    assert [row.person.name for row in page.rows] == ["Hana Patel"]
    assert "72 hours" in page.findChildren(QtWidgets.QLabel)[0].text()
    page.rows[0].check.setFocus()
    qtbot.keyClick(page.rows[0].check, Key.Key_Space)
    qtbot.keyClick(page.rows[0].check, Key.Key_Tab)
    _type(qtbot, wizard, "A child in need plan would be enough")
    reasons = page.rows[0].reasons
    assert "family copies leave this out" in reasons.accessibleDescription()
    qtbot.keyClick(_focus(wizard), Key.Key_Tab)  # then "Share with the family"
    assert page.rows[0].shared.hasFocus() and not page.rows[0].shared.isChecked()
    qtbot.keyClick(page.rows[0].shared, Key.Key_Space)
    assert "printed in family copies" in reasons.accessibleDescription()
    qtbot.keyClick(_focus(wizard), Key.Key_Tab)  # the confirmation comes after the fields
    assert page.confirm is not None and page.confirm.hasFocus()
    qtbot.keyClick(page.confirm, Key.Key_Space)
    assert page.confirm.isChecked()
    _shot(wizard, "dissent")
    _next(qtbot, wizard)

    # Ben: a child in need plan; nobody's view differs, so no dissent page.
    _views(
        qtbot,
        wizard,
        1,
        {
            name: (View.CHILD_IN_NEED, "Needs support")
            for name in ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")
        },
        parents="Agree",
    )
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 1, False, "No evidence of significant harm to Ben")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 1, Key.Key_P, "Family support through a child in need plan")
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)

    summary = _at(wizard, flow.StepKind.SUMMARY)
    assert isinstance(summary, pages.SummaryPage)
    assert all(box.isChecked() for box in summary.confirms)
    assert "Emotional abuse" in summary.texts[0].text()
    assert "Dissent: Hana Patel" in summary.texts[0].text()
    _shot(wizard, "summary")

    # "Change" goes back to Ben's first page; his answers are kept on the way back.
    summary.change_buttons[1].setFocus()
    qtbot.keyClick(summary.change_buttons[1], Key.Key_Space)
    _at(wizard, flow.StepKind.VIEWS, 1)
    for _ in range(3):
        _next(qtbot, wizard)
    summary = _at(wizard, flow.StepKind.SUMMARY)
    assert isinstance(summary, pages.SummaryPage)
    assert "child in need plan" in summary.texts[1].text()
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    record = session.conferences.get(ref)
    by_child = {c.given_name: c.id for c in record.children}
    decisions = {d.child_id: d for d in record.decisions}
    ada, ben = decisions[by_child["Ada"]], decisions[by_child["Ben"]]
    people = {p.name: p.id for p in record.participants}
    assert ada.final and ada.outcome is Outcome.CP_PLAN and ada.threshold_met
    assert set(ada.categories) == {"neglect", "emotional_abuse"}
    assert ada.primary_category == "neglect"
    assert ada.lead_social_worker_id == people["Ruth Adeyemi"]
    assert ada.contingency_plan.startswith("Legal planning")
    assert [(a.owner, a.action) for a in ada.actions] == [
        ("Ruth Adeyemi", "Visit weekly and see Ada alone")
    ]
    assert [(d.participant_id, d.reasons, d.shared_with_family) for d in ada.dissents] == [
        (people["Hana Patel"], "A child in need plan would be enough", True)
    ]
    names = ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")
    shared = {v.participant_id: v.shared_with_family for v in ada.views}
    assert shared == {people[n]: n == "Ruth Adeyemi" for n in names}
    assert not any(v.shared_with_family for v in ben.views)  # the default stays closed
    assert {v.participant_id: v.view for v in ada.views}[people["Hana Patel"]] is (
        View.CHILD_IN_NEED
    )
    assert ada.parents_view == "They want help, not a plan"
    assert ben.final and ben.outcome is Outcome.CIN_PLAN and ben.threshold_met is False
    assert ben.categories == () and ben.dissents == ()


# --- validation messages --------------------------------------------------------------------


def test_every_refusal_names_what_is_missing(qtbot: QtBot, session: Session) -> None:
    ref = _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Cal", "Reed", date(2018, 1, 9)),),
        (SW, POLICE, HEALTH),
    )
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)

    errors = _refused(qtbot, wizard)
    _shot(wizard, "views-refused")
    assert "The view of Ruth Adeyemi (Children's social care) is missing." in errors
    assert "The view of DC Dan Hart (Police) is missing." in errors
    views = {n: (View.PLAN, "") for n in ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")}
    views["Hana Patel"] = (View.NO_FURTHER_ACTION, "")
    _views(qtbot, wizard, 0, views)
    errors = _refused(qtbot, wizard)
    assert "The reason for the view of Hana Patel (Health visiting service) is missing." in errors
    _page(wizard).rows[2][2].setFocus()  # type: ignore[attr-defined]
    _type(qtbot, wizard, "Nothing found")
    for _person, _combo, reason in _page(wizard).rows:  # type: ignore[attr-defined]
        if not reason.text():
            reason.setFocus()
            _type(qtbot, wizard, "Risk")
    _next(qtbot, wizard)

    errors = _refused(qtbot, wizard)
    assert any("whether Cal Reed is suffering" in e and "missing" in e for e in errors)
    assert "The rationale for the threshold answer for Cal Reed is missing." in errors
    _threshold(qtbot, wizard, 0, True, "Injuries explained only in part")
    _next(qtbot, wizard)

    assert any("decision" in e and "missing" in e for e in _refused(qtbot, wizard))
    _outcome(qtbot, wizard, 0, Key.Key_C, "Risk of physical harm")
    _next(qtbot, wizard)
    errors = _refused(qtbot, wizard)
    assert errors and all("missing" in e or "categor" in e.lower() for e in errors)
    qtbot.keyClick(_page(wizard).list, Key.Key_Space)  # type: ignore[attr-defined]
    _next(qtbot, wizard)

    errors = _refused(qtbot, wizard)
    _shot(wizard, "plan-refused")
    assert any("lead social worker" in e.lower() and "missing" in e for e in errors)
    assert any("contingency" in e.lower() and "missing" in e for e in errors)
    _plan(qtbot, wizard, 0, lead="Ruth", core=1, contingency="Police protection", action=("", ""))
    errors = _refused(qtbot, wizard)
    assert any("owner" in e.lower() for e in errors), errors
    _alt(qtbot, wizard, Key.Key_D)
    page = _page(wizard)
    assert isinstance(page, pages.PlanPage)
    # Remove the blank action again, by keyboard (Tab to its Remove button, Space).
    first = page.action_rows[0]
    first.owner.setFocus()
    for _ in range(6):  # action, then the due date's day, month and year, then Remove
        if first.remove.hasFocus():
            break
        qtbot.keyClick(_focus(wizard), Key.Key_Tab)
    assert first.remove.hasFocus()
    qtbot.keyClick(first.remove, Key.Key_Space)
    assert len(page.action_rows) == 1
    _type(qtbot, wizard, "Ruth Adeyemi")
    qtbot.keyClick(_focus(wizard), Key.Key_Tab)
    _type(qtbot, wizard, "Strategy review")
    _next(qtbot, wizard)

    page = _at(wizard, flow.StepKind.DISSENT, 0)
    assert isinstance(page, pages.DissentPage)
    page.rows[0].check.setFocus()
    qtbot.keyClick(page.rows[0].check, Key.Key_Space)
    errors = _refused(qtbot, wizard)
    assert any("reason" in e.lower() and "missing" in e for e in errors), errors
    assert any("confirmation" in e.lower() and "Cal Reed" in e for e in errors), errors


# --- (b) a review that ends a plan --------------------------------------------------------


def test_review_ends_the_plan(qtbot: QtBot, session: Session) -> None:
    ref = _review_with_plan(session)
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    _views(
        qtbot,
        wizard,
        0,
        {
            n: (View.CHILD_IN_NEED, "Progress sustained")
            for n in ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")
        },
        parents="Relieved",
        child_view="Wants the visits to stop",
    )
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, False, "No longer at continuing risk")
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.OUTCOME, 0)
    assert isinstance(page, pages.OutcomePage)
    assert set(page.radios) == set(flow.outcome_options(wizard.ctx))
    _outcome(qtbot, wizard, 0, Key.Key_E, "All actions evidenced as complete")
    _confirm(qtbot, wizard)
    _shot(wizard, "outcome-review")
    _next(qtbot, wizard)
    _at(wizard, flow.StepKind.SUMMARY)
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    (decision,) = session.conferences.get(ref).decisions
    assert decision.final and decision.outcome is Outcome.END_PLAN
    assert decision.reason == "All actions evidenced as complete"


def _review_with_plan(session: Session) -> str:
    """A first review: the child has been on a plan since the initial conference."""
    return _conference(
        session,
        ConferenceType.REVIEW,
        (NewChild("Dee", "Lane", date(2017, 6, 6)),),
        (SW, POLICE, HEALTH),
        previous_conference_date=TODAY - timedelta(weeks=12),
        review_number=1,
    )


# --- (c) a pre-birth conference -------------------------------------------------------------


def test_pre_birth_plan(qtbot: QtBot, session: Session) -> None:
    ref = _conference(
        session,
        ConferenceType.PRE_BIRTH,
        (NewChild("Baby", "Marsh", expected_date_of_delivery=TODAY + timedelta(weeks=10)),),
        (SW, POLICE, MIDWIFE),
    )
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    _views(
        qtbot,
        wizard,
        0,
        {n: (View.PLAN, "Risk after birth") for n in ("Ruth Adeyemi", "DC Dan Hart", "Mo Reid")},
        parents="Mother accepts support",
    )
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, True, "Likely harm: previous children removed")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 0, Key.Key_C, "Likely to suffer significant harm after birth")
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.CATEGORIES, 0)
    _alt(qtbot, wizard, Key.Key_C)
    qtbot.keyClick(_focus(wizard), Key.Key_Space)
    _next(qtbot, wizard)
    _plan(
        qtbot,
        wizard,
        0,
        lead="Ruth",
        core=2,
        contingency="Pre-proceedings if support is refused",
        action=("Mo Reid", "Birth plan agreed with the ward"),
    )
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)
    assert isinstance(page, pages.CategoriesPage)
    _at(wizard, flow.StepKind.SUMMARY)
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    (decision,) = session.conferences.get(ref).decisions
    assert decision.outcome is Outcome.CP_PLAN and decision.categories == ("neglect",)
    assert [a.owner for a in decision.actions] == ["Mo Reid"]


# --- (d) an inquorate initial conference, adjourned ---------------------------------------


def test_inquorate_initial_adjourned(qtbot: QtBot, session: Session) -> None:
    ref = _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Eli", "Ford", date(2020, 3, 3)),),
        (SW, PARENT),
    )
    wizard = _open(qtbot, session, ref)
    page = _at(wizard, flow.StepKind.QUORUM)
    assert "Not quorate" in page.findChildren(QtWidgets.QLabel)[0].text()
    errors = _refused(qtbot, wizard)
    assert any("missing" in e for e in errors)
    _alt(qtbot, wizard, Key.Key_D)
    _shot(wizard, "quorum-inquorate")
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.ADJOURN)
    assert isinstance(page, pages.AdjournPage)
    latest = flow_dates.reconvene_by(wizard.ctx)
    assert page.date.date() == QtCore.QDate(latest.year, latest.month, latest.day)
    assert "not quorate" in page.findChildren(QtWidgets.QLabel)[0].text()
    _shot(wizard, "adjourn")
    _next(qtbot, wizard)
    _at(wizard, flow.StepKind.SUMMARY)
    _shot(wizard, "summary-adjourned")
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    record = session.conferences.get(ref)
    assert record.decisions == ()
    assert record.conference.status is ConferenceStatus.ADJOURNED
    reconvened = [c for c in session.conferences.overview().conferences if c.reconvene_of]
    assert [(c.reconvene_of, c.date) for c in reconvened] == [(record.conference.id, latest)]


def test_ending_reason_only_for_an_administrative_end(qtbot: QtBot, session: Session) -> None:
    ref = _review_with_plan(session)
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    _views(
        qtbot,
        wizard,
        0,
        {n: (View.UNSURE, "Moved away") for n in ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")},
    )
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, False, "Family left the area")
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.OUTCOME, 0)
    assert isinstance(page, pages.OutcomePage)
    assert not page.ending_box.isVisible()
    _alt(qtbot, wizard, Key.Key_R)
    assert page.ending_box.isVisible()
    _alt(qtbot, wizard, Key.Key_G)
    _type(qtbot, wizard, "Left")
    assert page.ending.currentData() == AdministrativeEnding.LEFT_UK.value
    assert page.child_answer.ending is AdministrativeEnding.LEFT_UK
    # Checklist item 27: the consultation note goes with an administrative ending.
    _alt(qtbot, wizard, Key.Key_U)
    assert _focus(wizard) is page.ending_note
    _type(qtbot, wizard, "The core group agreed by email.")
    page.collect()
    assert page.child_answer.ending_note == "The core group agreed by email."


def test_a_quorate_conference_adjourned_for_want_of_information(
    qtbot: QtBot, session: Session
) -> None:
    # Issue 20, point 4: "Adjourn: not enough information" is offered, quorate or not.
    ref = _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Ivy", "Dale", date(2019, 2, 2)),),
        (SW, POLICE, HEALTH),
    )
    wizard = _open(qtbot, session, ref)
    page = _at(wizard, flow.StepKind.QUORUM)
    assert isinstance(page, pages.QuorumPage)
    assert not page.adjourn.isVisible() and page.wanting.isVisible()
    _alt(qtbot, wizard, Key.Key_I)
    assert page.wanting.isChecked() and page.wanting_reason.isVisible()
    errors = _refused(qtbot, wizard)
    assert errors == ["The reason there is not enough information to decide is missing."]
    _alt(qtbot, wizard, Key.Key_W)
    _type(qtbot, wizard, "The police report is not ready.")
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.ADJOURN)
    assert "not enough information" in page.findChildren(QtWidgets.QLabel)[0].text()
    _next(qtbot, wizard)
    _at(wizard, flow.StepKind.SUMMARY)
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    conference = session.conferences.get(ref).conference
    assert (conference.status, conference.adjourned_for, conference.adjourn_reason) == (
        ConferenceStatus.ADJOURNED,
        AdjournReason.MORE_INFORMATION,
        "The police report is not ready.",
    )


def test_same_as_previous_child_still_needs_confirming(qtbot: QtBot, session: Session) -> None:
    ref = _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Fay", "Moss", date(2016, 4, 4)), NewChild("Gus", "Moss", date(2018, 8, 8))),
        (SW, POLICE, HEALTH),
    )
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    every = ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")
    _views(qtbot, wizard, 0, {n: (View.NO_FURTHER_ACTION, "No concerns") for n in every})
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, False, "Accidental injury")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 0, Key.Key_A, "Closed with universal services")
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)

    page = _at(wizard, flow.StepKind.VIEWS, 1)
    assert isinstance(page, pages.ViewsPage) and page.same is not None
    _alt(qtbot, wizard, Key.Key_S)
    assert page.copied.isVisible()
    assert all(combo.currentData() == View.NO_FURTHER_ACTION.value for _, combo, _ in page.rows)
    _shot(wizard, "views-same-as-previous")
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.OUTCOME, 1)
    assert page.confirm is not None and not page.confirm.isChecked()
    errors = _refused(qtbot, wizard)
    assert errors == ["The confirmation of the decision for Gus Moss is missing."]
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    outcomes = [d.outcome for d in session.conferences.get(ref).decisions]
    assert outcomes == [Outcome.NO_FURTHER_ACTION, Outcome.NO_FURTHER_ACTION]


def test_a_refusal_on_finishing_is_shown_and_nothing_closes(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = _conference(
        session, ConferenceType.INITIAL, (NewChild("Hal", "Ng", date(2015, 1, 1)),), (SW,)
    )
    wizard = _open(qtbot, session, ref)
    _alt(qtbot, wizard, Key.Key_D)
    _next(qtbot, wizard)
    _next(qtbot, wizard)

    def refuse(_ref: str, _answers: flow.FlowAnswers) -> tuple[()]:
        raise ServiceError("the minutes are approved; decisions can no longer change")

    monkeypatch.setattr(session.decisions, "finish", refuse)
    _alt(qtbot, wizard, Key.Key_F)
    assert wizard.isVisible()
    assert _page(wizard).problem_lines == [
        "The minutes are approved; decisions can no longer change"
    ]
    assert session.conferences.get(ref).conference.status is ConferenceStatus.SCHEDULED


def test_the_wizard_note_names_the_limit_and_a_non_working_choice() -> None:
    calendar = uk_calendar(Division.ENGLAND_AND_WALES, 2026, 2026)
    proposed, latest = date(2026, 4, 2), date(2026, 4, 6)
    assert date_note(proposed, proposed, latest, calendar) == (
        "(usual: Thu 2 Apr 2026; the rules allow up to Mon 6 Apr 2026, not a working day)"
    )
    assert date_note(date(2026, 4, 3), proposed, latest, calendar).endswith(
        " Fri 3 Apr 2026 is a bank holiday."
    )


def test_a_scottish_meeting_is_decided_in_scotlands_words(qtbot: QtBot, session: Session) -> None:
    """Under the Scotland profile the wizard offers a child's plan, asks for areas of
    concern and a lead professional; the agencies count as Scotland's (no internal keys)."""
    ref = _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Ada", "Quinn", date(2019, 5, 1)),),
        (SW, POLICE, HEALTH, PARENT),
        profile="scotland",
    )
    wizard = _open(qtbot, session, ref)
    quorum = _at(wizard, flow.StepKind.QUORUM)
    said = " ".join(label.text() for label in quorum.findChildren(QtWidgets.QLabel))
    assert "_" not in said.replace("&", "")  # groups by name: no "health_visiting"
    _next(qtbot, wizard)
    views = _at(wizard, flow.StepKind.VIEWS, 0)
    assert isinstance(views, pages.ViewsPage)
    combo = views.rows[0][1]
    assert [combo.itemText(i) for i in range(combo.count())][1:3] == [
        "Child protection plan",
        "Child's plan",
    ]
    _views(
        qtbot,
        wizard,
        0,
        {
            "Ruth Adeyemi": (View.PLAN, "Neglect"),
            "DC Dan Hart": (View.PLAN, "Call-outs"),
            "Hana Patel": (View.PLAN, "Missed checks"),
        },
        parents="They want help",
        child_view="Ada says home is noisy",
    )
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, True, "Significant harm is likely")
    _next(qtbot, wizard)
    outcome = _at(wizard, flow.StepKind.OUTCOME, 0)
    texts = [b.text() for b in outcome.findChildren(QtWidgets.QRadioButton)]
    assert "No protection plan: a child's &plan" in texts
    _outcome(qtbot, wizard, 0, Key.Key_C, "Continuing risk")
    _next(qtbot, wizard)
    page = _at(wizard, flow.StepKind.CATEGORIES, 0)
    assert page.title() == "Areas of concern: Ada Quinn"
    assert page.list.accessibleName() == "Areas of concern"  # type: ignore[attr-defined]
    _alt(qtbot, wizard, Key.Key_C)  # the same key as England's "Categories"
    assert page.list.hasFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(page.list, Key.Key_Space)  # type: ignore[attr-defined]
    _next(qtbot, wizard)
    plan = _at(wizard, flow.StepKind.PLAN, 0)
    assert isinstance(plan, pages.PlanPage)
    assert plan.lead.accessibleName() == "Lead professional"
    _alt(qtbot, wizard, Key.Key_L)
    assert plan.lead.hasFocus()
