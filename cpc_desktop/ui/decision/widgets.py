"""The decision wizard's shared pieces: labels for the answers, and the small widgets
every page builds with.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain import labels
from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.domain.validation import Problem, Severity

VIEW_LABELS: dict[View, str] = {
    View.PLAN: "Child protection plan",
    View.CHILD_IN_NEED: "Child in need plan",
    View.NO_FURTHER_ACTION: "No further action",
    View.UNSURE: "Unsure",
}

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.CP_PLAN: "A &child protection plan",
    Outcome.CIN_PLAN: "No protection plan: a child in need &plan",
    Outcome.NO_FURTHER_ACTION: "No further &action",
    Outcome.ADJOURN: "&Adjourn: not enough information to decide",
    Outcome.END_PLAN: "&End the plan: no longer at continuing risk of significant harm",
    Outcome.ADMINISTRATIVE_END: "End the plan for an administrative &reason",
}

ENDING_LABELS: dict[AdministrativeEnding, str] = {
    AdministrativeEnding.TURNED_18: "Turned 18",
    AdministrativeEnding.MOVED_AUTHORITY: "Moved to another local authority (transfer confirmed)",
    AdministrativeEnding.DIED: "Died",
    AdministrativeEnding.LEFT_UK: "Left the UK permanently",
}

DATE_FORMAT = "dd/MM/yyyy"

SOCIAL_WORKER = ParticipantRole.SOCIAL_WORKER
#: People who run or watch the conference rather than work with the family.
NOT_CORE_GROUP = frozenset(
    {ParticipantRole.CHAIR, ParticipantRole.MINUTE_TAKER, ParticipantRole.OBSERVER}
)


def child_name(ctx: flow.FlowContext, index: int) -> str:
    return labels.child_name(ctx.children[index], blank="Unborn baby")


def person_label(person: Participant) -> str:
    return f"{person.name} ({person.agency})" if person.agency else person.name


def shown_date(value: dt.date | None) -> str:
    """ "Mon 7 Dec 2026" (:func:`weekday_date`), or "no date" when none is chosen."""
    return weekday_date(value) or "no date"


def qdate(value: dt.date) -> QtCore.QDate:
    return QtCore.QDate(value.year, value.month, value.day)


def pydate(value: QtCore.QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(name: str) -> QtWidgets.QDateEdit:
    edit = QtWidgets.QDateEdit()
    edit.setMaximumWidth(160)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def line_edit(name: str, placeholder: str = "") -> QtWidgets.QLineEdit:
    edit = QtWidgets.QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def text_edit(name: str, placeholder: str = "", lines: int = 3) -> QtWidgets.QPlainTextEdit:
    edit = QtWidgets.QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setFixedHeight(height)
    return edit


def buddy(text: str, widget: QtWidgets.QWidget) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setBuddy(widget)
    return label


def recap(answer: flow.ChildAnswer) -> str:
    """The professionals' views counted, and the threshold answer: the chair's reminder."""
    counts = {view: 0 for view in View}
    for view in answer.views:
        counts[view.view] += 1
    views = "; ".join(f"{VIEW_LABELS[v].lower()}: {n}" for v, n in counts.items() if n)
    threshold = {True: "met", False: "not met", None: "not answered"}[answer.threshold_met]
    return f"Professionals' views ({views or 'none recorded'}). Threshold {threshold}."


def problem_line(problem: Problem) -> str:
    """One problem as a line: errors with a bullet, warnings with a warning sign."""
    mark = "•" if problem.severity is Severity.ERROR else "⚠"
    return f"{mark} {problem.message}"


def new_id() -> str:
    return str(uuid.uuid4())
