"""The complaints' words in the language of the screens.

:mod:`cpc_desktop.domain.complaints` says where a complaint stands and what step is due
in English (``complaint_state``, ``ComplaintStep.words``), and the appeal grounds are
:data:`~cpc_desktop.domain.appeals.GROUND_WORDS`. Here the same words are built from the
complaint's own fields with each phrase marked for translation (context
:data:`CONTEXT`), so the Complaints dialog and the home screen's line speak Welsh under
a Welsh screen language; in English they are the domain's words, letter for letter
(``tests/ui/test_welsh_screens.py`` holds them equal).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6 import QtCore

from cpc_desktop.domain.complaints import Complaint, ComplaintStep
from cpc_desktop.domain.enums import AppealGround, AppealOutcome
from cpc_desktop.ui.screen_dates import screen_short_date

CONTEXT = "ComplaintWords"


def decision_stands() -> str:
    """:data:`~cpc_desktop.domain.complaints.DECISION_STANDS`, translated."""
    return QtCore.QCoreApplication.translate(
        "ComplaintWords",
        "The conference's decision stands while the complaint is considered: the complaint "
        "cannot change it by itself.",
    )


def grounds() -> Mapping[AppealGround, str]:
    """Each ground of a complaint in plain words (the complainant, not "the parent")."""
    translate = QtCore.QCoreApplication.translate
    return {
        AppealGround.PROCESS: translate(
            "ComplaintWords",
            "The procedures were not followed, and this affected the decision",
        ),
        AppealGround.INFORMATION: translate(
            "ComplaintWords", "Information was wrong, missing or not taken into account"
        ),
        AppealGround.THRESHOLD: translate(
            "ComplaintWords", "The threshold for registration was not met"
        ),
        AppealGround.CATEGORY: translate("ComplaintWords", "The category is wrong"),
        AppealGround.NOT_HEARD: translate(
            "ComplaintWords",
            "The complainant was not given the chance to be heard, or not respected",
        ),
    }


def ending_words() -> Mapping[AppealOutcome, str]:
    """How a complaint ended, as the outcome list offers it."""
    translate = QtCore.QCoreApplication.translate
    return {
        AppealOutcome.UPHELD: translate("ComplaintWords", "Upheld"),
        AppealOutcome.NOT_UPHELD: translate("ComplaintWords", "Not upheld"),
        AppealOutcome.WITHDRAWN: translate("ComplaintWords", "Withdrawn"),
    }


def state_words(complaint: Complaint) -> str:
    """Where ``complaint`` stands (the domain's ``complaint_state``, translated)."""
    translate = QtCore.QCoreApplication.translate
    when = screen_short_date(complaint.decided)
    if complaint.outcome is AppealOutcome.UPHELD:
        if when:
            return translate("ComplaintWords", "upheld on {day}").format(day=when)
        return translate("ComplaintWords", "upheld")
    if complaint.outcome is AppealOutcome.NOT_UPHELD:
        if when:
            return translate("ComplaintWords", "not upheld on {day}").format(day=when)
        return translate("ComplaintWords", "not upheld")
    if complaint.outcome is AppealOutcome.WITHDRAWN:
        if when:
            return translate("ComplaintWords", "withdrawn on {day}").format(day=when)
        return translate("ComplaintWords", "withdrawn")
    if complaint.acknowledged is not None:
        return translate("ComplaintWords", "acknowledged on {day}, being considered").format(
            day=screen_short_date(complaint.acknowledged)
        )
    return translate("ComplaintWords", "received, not yet acknowledged")


def step_words(step: ComplaintStep, today: date) -> str:
    """The step due (the domain's ``ComplaintStep.words``, translated)."""
    translate = QtCore.QCoreApplication.translate
    day = screen_short_date(step.due)
    late = today > step.due
    if step.kind == "acknowledge":
        if late:
            return translate("ComplaintWords", "acknowledge by {day} (overdue)").format(day=day)
        return translate("ComplaintWords", "acknowledge by {day}").format(day=day)
    if late:
        return translate("ComplaintWords", "answer by {day} (overdue)").format(day=day)
    return translate("ComplaintWords", "answer by {day}").format(day=day)
