"""The Complaints dialog's forms: log a complaint, record its acknowledgement, record how
it ended.

Built on the Appeals forms' frame (:mod:`.appeal_forms`): each saves through the
complaint service when accepted and stays open with the service's one line if it is
refused, so nothing typed is lost.
"""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.appeals import GROUND_WORDS
from cpc_desktop.domain.complaints import DECISION_STANDS
from cpc_desktop.domain.dates import short_date
from cpc_desktop.domain.enums import AppealGround
from cpc_desktop.services.complaints import ComplaintBook, ComplaintLine, ComplaintService
from cpc_desktop.ui.workspace.appeal_forms import (
    ENDINGS,
    _checks,
    _day_edit,
    _Form,
    day_of,
    ticked,
)

#: The grounds in the complaint's own words (the appeal grounds speak of "the parent").
COMPLAINT_GROUNDS = {
    **GROUND_WORDS,
    AppealGround.NOT_HEARD: (
        "The complainant was not given the chance to be heard, or not respected"
    ),
}
_ENDED_WORDS = {"upheld": "Upheld", "not_upheld": "Not upheld", "withdrawn": "Withdrawn"}
_SOMEONE_ELSE = "__someone_else__"


class RecordComplaintForm(_Form):
    """Who complains (a person of the roll call or a name), who they are to the child,
    which children it concerns (all ticked at first; not asked when the conference has
    one child), when it was received, on which grounds and what it says."""

    def __init__(
        self,
        service: ComplaintService,
        book: ComplaintBook,
        today: date,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(f"Record a complaint — {book.reference}", "&Record complaint", parent)
        self.service, self.book = service, book
        self.intro.setText(DECISION_STANDS)
        self.who = QtWidgets.QComboBox()
        self.who.setObjectName("complainant")
        self.who.setAccessibleName("Complainant")
        for person in book.people:
            self.who.addItem(person.name, person.id)
        self.who.addItem("Someone not in the roll call…", _SOMEONE_ELSE)
        self.name = QtWidgets.QLineEdit()
        self.name.setObjectName("complainantName")
        self.name.setAccessibleName("Complainant's name")
        self.name.setMaxLength(200)
        self.relation = QtWidgets.QLineEdit()
        self.relation.setObjectName("complainantRelation")
        self.relation.setAccessibleName("Who they are to the child")
        self.relation.setPlaceholderText("mother, grandfather, advocate for the child…")
        self.relation.setMaxLength(80)
        self.which_children = _checks(
            "complaintChildren",
            "Children the complaint concerns",
            [(child.id, child.name) for child in book.children],
        )
        for index in range(self.which_children.count()):
            self.which_children.item(index).setCheckState(QtCore.Qt.CheckState.Checked)
        self.received = _day_edit(
            "complaintReceived", "Received on", today, book.conference_date, today
        )
        self.grounds = _checks(
            "complaintGrounds",
            "Grounds",
            [(g.value, words) for g, words in COMPLAINT_GROUNDS.items()],
        )
        self.details = QtWidgets.QPlainTextEdit()
        self.details.setObjectName("complaintDetails")
        self.details.setAccessibleName("What the complaint says")
        self.details.setTabChangesFocus(True)
        self.details.setMaximumHeight(90)
        self.row("&From:", self.who)
        self.row("&Name:", self.name)
        self.row("Relation to the &child:", self.relation)
        if len(book.children) > 1:  # one child: the complaint concerns that child
            self.row("C&hildren it concerns:", self.which_children)
        self.row("Rec&eived on:", self.received)
        self.row("&Grounds:", self.grounds)
        self.row("&What it says:", self.details)
        self.who.currentIndexChanged.connect(self._who_changed)
        self._who_changed()

    def _who_changed(self) -> None:
        self.name.setEnabled(self.who.currentData() == _SOMEONE_ELSE)

    def _on_accept(self) -> None:
        if len(self.book.children) > 1 and not ticked(self.which_children):
            self.error.setText("Tick at least one child the complaint concerns.")
            return
        super()._on_accept()

    def _save(self) -> None:
        chosen = self.who.currentData()
        someone_else = chosen == _SOMEONE_ELSE
        self.service.record_complaint(
            self.book.reference,
            received=day_of(self.received),
            grounds=ticked(self.grounds),
            complainant_id=None if someone_else else chosen,
            complainant_name=self.name.text() if someone_else else "",
            relation=self.relation.text(),
            details=self.details.toPlainText(),
            child_ids=ticked(self.which_children) if len(self.book.children) > 1 else (),
        )


class AcknowledgeForm(_Form):
    """When the complaint was acknowledged, and who is considering it."""

    def __init__(
        self,
        service: ComplaintService,
        reference: str,
        line: ComplaintLine,
        today: date,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(f"Acknowledge — {line.complainant}", "&Acknowledge", parent)
        self.service, self.reference, self.line = service, reference, line
        received = short_date(line.complaint.received)
        self.intro.setText(f"The complaint from {line.complainant}, received on {received}.")
        self.on = _day_edit(
            "complaintAcknowledged", "Acknowledged on", today, line.complaint.received, today
        )
        self.handled_by = QtWidgets.QLineEdit(line.complaint.handled_by)
        self.handled_by.setObjectName("complaintHandledBy")
        self.handled_by.setAccessibleName("Considered by")
        self.handled_by.setPlaceholderText("the chair, a review panel, a senior manager…")
        self.row("Acknowledged &on:", self.on)
        self.row("Considered &by:", self.handled_by)

    def _save(self) -> None:
        self.service.acknowledge_complaint(
            self.reference, self.line.complaint.id, day_of(self.on), self.handled_by.text()
        )


class ComplaintOutcomeForm(_Form):
    """How the complaint ended, when, the panel or ruling, and a note."""

    def __init__(
        self,
        service: ComplaintService,
        reference: str,
        line: ComplaintLine,
        today: date,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(f"Outcome — {line.complainant}", "&Save outcome", parent)
        self.service, self.reference, self.line = service, reference, line
        self.intro.setText(
            "Recording the outcome does not change the conference's decision: if the "
            "complaint is upheld, the decision is looked at again (a new conference)."
        )
        self.outcome = QtWidgets.QComboBox()
        self.outcome.setObjectName("complaintOutcome")
        self.outcome.setAccessibleName("Outcome")
        for ending in ENDINGS:
            self.outcome.addItem(_ENDED_WORDS[ending.value], ending.value)
        self.decided = _day_edit(
            "complaintDecided", "Decided on", today, line.complaint.received, today
        )
        self.handled_by = QtWidgets.QLineEdit(line.complaint.handled_by)
        self.handled_by.setObjectName("complaintRuling")
        self.handled_by.setAccessibleName("The panel or ruling")
        self.note = QtWidgets.QLineEdit(line.complaint.outcome_note)
        self.note.setObjectName("complaintNote")
        self.note.setAccessibleName("Note")
        self.row("&Outcome:", self.outcome)
        self.row("&Decided on:", self.decided)
        self.row("&Panel or ruling:", self.handled_by)
        self.row("&Note:", self.note)

    def _save(self) -> None:
        self.service.decide_complaint(
            self.reference,
            self.line.complaint.id,
            self.outcome.currentData(),
            day_of(self.decided),
            self.note.text(),
            self.handled_by.text(),
        )
