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
from cpc_desktop.domain.enums import AppealGround
from cpc_desktop.services.complaints import ComplaintBook, ComplaintLine, ComplaintService
from cpc_desktop.ui.screen_dates import screen_short_date
from cpc_desktop.ui.workspace.appeal_forms import (
    ENDINGS,
    _checks,
    _day_edit,
    _Form,
    day_of,
    ticked,
)
from cpc_desktop.ui.workspace.complaint_words import decision_stands, ending_words, grounds

#: The grounds in the complaint's own words (the appeal grounds speak of "the parent").
COMPLAINT_GROUNDS = {
    **GROUND_WORDS,
    AppealGround.NOT_HEARD: (
        "The complainant was not given the chance to be heard, or not respected"
    ),
}
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
        super().__init__(
            self.tr("Record a complaint — {reference}").format(reference=book.reference),
            self.tr("&Record complaint"),
            parent,
        )
        self.service, self.book = service, book
        self.intro.setText(decision_stands())
        self.who = QtWidgets.QComboBox()
        self.who.setObjectName("complainant")
        self.who.setAccessibleName(self.tr("Complainant"))
        for person in book.people:
            self.who.addItem(person.name, person.id)
        self.who.addItem(self.tr("Someone not in the roll call…"), _SOMEONE_ELSE)
        self.name = QtWidgets.QLineEdit()
        self.name.setObjectName("complainantName")
        self.name.setAccessibleName(self.tr("Complainant's name"))
        self.name.setMaxLength(200)
        self.relation = QtWidgets.QLineEdit()
        self.relation.setObjectName("complainantRelation")
        self.relation.setAccessibleName(self.tr("Who they are to the child"))
        self.relation.setPlaceholderText(self.tr("mother, grandfather, advocate for the child…"))
        self.relation.setMaxLength(80)
        self.which_children = _checks(
            "complaintChildren",
            self.tr("Children the complaint concerns"),
            [(child.id, child.name) for child in book.children],
        )
        for index in range(self.which_children.count()):
            self.which_children.item(index).setCheckState(QtCore.Qt.CheckState.Checked)
        self.received = _day_edit(
            "complaintReceived", self.tr("Received on"), today, book.conference_date, today
        )
        self.grounds = _checks(
            "complaintGrounds",
            self.tr("Grounds"),
            [(g.value, words) for g, words in grounds().items()],
        )
        self.details = QtWidgets.QPlainTextEdit()
        self.details.setObjectName("complaintDetails")
        self.details.setAccessibleName(self.tr("What the complaint says"))
        self.details.setTabChangesFocus(True)
        self.details.setMaximumHeight(90)
        self.row(self.tr("&From:"), self.who)
        self.row(self.tr("&Name:"), self.name)
        self.row(self.tr("Relation to the &child:"), self.relation)
        if len(book.children) > 1:  # one child: the complaint concerns that child
            self.row(self.tr("C&hildren it concerns:"), self.which_children)
        self.row(self.tr("Rec&eived on:"), self.received)
        self.row(self.tr("&Grounds:"), self.grounds)
        self.row(self.tr("&What it says:"), self.details)
        self.who.currentIndexChanged.connect(self._who_changed)
        self._who_changed()

    def _who_changed(self) -> None:
        self.name.setEnabled(self.who.currentData() == _SOMEONE_ELSE)

    def _on_accept(self) -> None:
        if len(self.book.children) > 1 and not ticked(self.which_children):
            self.error.setText(self.tr("Tick at least one child the complaint concerns."))
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
        super().__init__(
            self.tr("Acknowledge — {name}").format(name=line.complainant),
            self.tr("&Acknowledge"),
            parent,
        )
        self.service, self.reference, self.line = service, reference, line
        received = screen_short_date(line.complaint.received)
        self.intro.setText(
            self.tr("The complaint from {name}, received on {day}.").format(
                name=line.complainant, day=received
            )
        )
        self.on = _day_edit(
            "complaintAcknowledged",
            self.tr("Acknowledged on"),
            today,
            line.complaint.received,
            today,
        )
        self.handled_by = QtWidgets.QLineEdit(line.complaint.handled_by)
        self.handled_by.setObjectName("complaintHandledBy")
        self.handled_by.setAccessibleName(self.tr("Considered by"))
        self.handled_by.setPlaceholderText(self.tr("the chair, a review panel, a senior manager…"))
        self.row(self.tr("Acknowledged &on:"), self.on)
        self.row(self.tr("Considered &by:"), self.handled_by)

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
        super().__init__(
            self.tr("Outcome — {name}").format(name=line.complainant),
            self.tr("&Save outcome"),
            parent,
        )
        self.service, self.reference, self.line = service, reference, line
        self.intro.setText(
            self.tr(
                "Recording the outcome does not change the conference's decision: if the "
                "complaint is upheld, the decision is looked at again (a new conference)."
            )
        )
        self.outcome = QtWidgets.QComboBox()
        self.outcome.setObjectName("complaintOutcome")
        self.outcome.setAccessibleName(self.tr("Outcome"))
        endings = ending_words()
        for ending in ENDINGS:
            self.outcome.addItem(endings[ending], ending.value)
        self.decided = _day_edit(
            "complaintDecided", self.tr("Decided on"), today, line.complaint.received, today
        )
        self.handled_by = QtWidgets.QLineEdit(line.complaint.handled_by)
        self.handled_by.setObjectName("complaintRuling")
        self.handled_by.setAccessibleName(self.tr("The panel or ruling"))
        self.note = QtWidgets.QLineEdit(line.complaint.outcome_note)
        self.note.setObjectName("complaintNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.row(self.tr("&Outcome:"), self.outcome)
        self.row(self.tr("&Decided on:"), self.decided)
        self.row(self.tr("&Panel or ruling:"), self.handled_by)
        self.row(self.tr("&Note:"), self.note)

    def _save(self) -> None:
        self.service.decide_complaint(
            self.reference,
            self.line.complaint.id,
            self.outcome.currentData(),
            day_of(self.decided),
            self.note.text(),
            self.handled_by.text(),
        )
