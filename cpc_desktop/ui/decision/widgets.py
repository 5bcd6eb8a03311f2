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
from cpc_desktop.domain.terms import Terms
from cpc_desktop.domain.validation import Problem, Severity
from cpc_desktop.ui.date_typing import TypedDateEdit


def view_labels(terms: Terms) -> dict[View, str]:
    """Each view an agency may give, in the profile's words ("Child's plan")."""
    return {view: terms.view(view) for view in View}


_OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.NO_FURTHER_ACTION: "No further &action",
    Outcome.ADJOURN: "&Adjourn: not enough information to decide",
    Outcome.END_PLAN: "&End the plan: no longer at continuing risk of significant harm",
    Outcome.ADMINISTRATIVE_END: "End the plan for an administrative &reason",
}


def outcome_label(outcome: Outcome, terms: Terms, *, review: bool = False) -> str:
    """An outcome as a radio button says it, in the profile's words, with its mnemonic:
    "A &care and support protection plan", "No protection plan: a child's &plan"."""
    plan = terms.terminology.plan_name
    if outcome is Outcome.CP_PLAN:
        return f"&Continue the {plan}" if review else f"A &{plan}"
    if outcome is Outcome.CIN_PLAN:
        words = terms.terminology.support_plan_name.split()
        return f"No protection plan: a {' '.join([*words[:-1], '&' + words[-1]])}"
    return _OUTCOME_LABELS[outcome]


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
    edit = TypedDateEdit()
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


def mnemonic(text: str, letter: str) -> str:
    """``text`` with ``&`` before the first ``letter`` in it (either case), so a label in
    any nation's words keeps the key the chair learnt; as it is if the letter is absent."""
    at = text.casefold().find(letter.casefold())
    return text if at < 0 else f"{text[:at]}&{text[at:]}"


def buddy(text: str, widget: QtWidgets.QWidget) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setBuddy(widget)
    return label


def recap(answer: flow.ChildAnswer, terms: Terms) -> str:
    """The professionals' views counted, and the threshold answer: the chair's reminder."""
    names = view_labels(terms)
    counts = {view: 0 for view in View}
    for view in answer.views:
        counts[view.view] += 1
    views = "; ".join(f"{names[v].lower()}: {n}" for v, n in counts.items() if n)
    threshold = {True: "met", False: "not met", None: "not answered"}[answer.threshold_met]
    return f"Professionals' views ({views or 'none recorded'}). Threshold {threshold}."


def problem_line(problem: Problem) -> str:
    """One problem as a line: errors with a bullet, warnings with a warning sign."""
    mark = "•" if problem.severity is Severity.ERROR else "⚠"
    return f"{mark} {problem.message}"


def new_id() -> str:
    return str(uuid.uuid4())
