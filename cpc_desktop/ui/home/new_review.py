"""New review… (Ctrl+Shift+N): the review of the selected conference's plan.

The chair selects a concluded conference on the home screen and asks for its review. The
dialog says what the review will carry (the children on a plan, how many actions) and
proposes its date (the one agreed at that conference, else the latest the rules allow);
the chair may change the date. Making it opens the new review. A conference that cannot
be reviewed is refused in one line, and nothing is made.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import conference as d
from cpc_desktop.services.reviews import ReviewProposal
from cpc_desktop.ui.actions import ActionId
from cpc_desktop.ui.date_typing import TypedDateEdit
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.permissions import refused
from cpc_desktop.ui.screen_dates import screen_weekday_date

if TYPE_CHECKING:
    from cpc_desktop.ui.main_window import MainWindow

__all__ = ["NewReviewDialog", "new_review"]

NOTHING_SELECTED = "Select the conference whose plan is to be reviewed, then choose New review."


def nothing_selected() -> str:
    """:data:`NOTHING_SELECTED` in the language of the screens."""
    return QtCore.QCoreApplication.translate(
        "NewReviewDialog",
        "Select the conference whose plan is to be reviewed, then choose New review.",
    )


class NewReviewDialog(QtWidgets.QDialog):
    """What the review will carry, and its date; OK makes it."""

    def __init__(
        self,
        proposal: ReviewProposal,
        make: Callable[[str, date], d.Conference],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("New review of {reference}").format(reference=proposal.reference)
        )
        self.proposal = proposal
        self._make = make
        self.created: d.Conference | None = None
        children = ", ".join(proposal.children)
        what = QtWidgets.QLabel(
            self.tr(
                "Review {number} of the plan made or kept at {reference}, for {children}. "
                "It starts from that plan: its categories, core group and lead worker, and "
                "its {actions} action(s), whose progress you record at the review. Everyone "
                "invited before is invited again."
            ).format(
                number=proposal.review_number,
                reference=proposal.reference,
                children=children,
                actions=proposal.actions,
            )
        )
        what.setWordWrap(True)
        self.date = TypedDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        day = proposal.date
        self.date.setDate(QtCore.QDate(day.year, day.month, day.day))
        self.date.setAccessibleName(self.tr("Date of the review"))
        self.why = QtWidgets.QLabel(
            self.tr("Proposed: {day}, {reason}.").format(
                day=screen_weekday_date(day), reason=self._reason(proposal)
            )
        )
        self.why.setWordWrap(True)
        label = QtWidgets.QLabel(self.tr("&Date of the review:"))
        label.setBuddy(self.date)
        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Make the review"))
        cancel = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QtWidgets.QFormLayout()
        form.addRow(label, self.date)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.why)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.date.setFocus()

    def _reason(self, proposal: ReviewProposal) -> str:
        """Why the date is proposed, in the language of the screens."""
        if proposal.date_reason == f"the review date agreed at {proposal.reference}":
            return self.tr("the review date agreed at {reference}").format(
                reference=proposal.reference
            )
        if proposal.date_reason == "the latest the rules allow":
            return self.tr("the latest the rules allow")
        return proposal.date_reason

    def chosen_date(self) -> date:
        day = self.date.date()
        return date(day.year(), day.month(), day.day())

    def accept(self) -> None:
        try:
            self.created = self._make(self.proposal.reference, self.chosen_date())
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            self.error.setText(message[:1].upper() + message[1:])
            return
        super().accept()


def new_review(window: MainWindow) -> None:
    """Ask for the review of the conference selected on the home screen (or of the one
    open), then open it."""
    if window.locked or refused(window.actions_by_id[ActionId.NEW_REVIEW]):
        return
    ref = window.home.selected_reference() if window.workspace is None else None
    if ref is None and window.workspace is not None:
        ref = window.workspace.reference
    if ref is None:
        window.statusBar().showMessage(nothing_selected(), 8000)
        return
    try:
        proposal = window.session.reviews.propose(ref)
    except Exception as error:
        window.report(error)
        return
    dialog = NewReviewDialog(proposal, window.session.reviews.new_review, window)
    if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.created:
        window.refresh()
        window.open_conference(dialog.created.reference)
