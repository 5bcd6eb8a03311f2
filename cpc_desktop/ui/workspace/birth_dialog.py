"""Record a baby's birth after a pre-birth conference (issue 20, point 2).

The Decisions tab of a pre-birth conference with a baby not yet born has a "Record
birth…" button (Alt+B). Its form takes the baby as recorded, the name given and the
date of birth; saving names the child (audited with the chair's name) and says when the
post-birth review is due, and whether the review the conference set must come forward.
A refusal is one line in the form, which stays open; nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.enums import ConferenceType
from cpc_desktop.domain.labels import child_name
from cpc_desktop.services.plan_events import BirthRecorded, PlanEventService
from cpc_desktop.ui.field_limits import bound
from cpc_desktop.ui.screen_dates import screen_plain_date
from cpc_desktop.ui.workspace.appeal_forms import _day_edit, _Form, day_of
from cpc_desktop.ui.workspace.decisions_buttons import command_button


def awaits_birth(record: ConferenceRecord) -> bool:
    """A pre-birth conference with a baby whose birth is not yet recorded."""
    return record.conference.type is ConferenceType.PRE_BIRTH and any(
        child.date_of_birth is None for child in record.children
    )


def birth_button(open_birth: Callable[[], None]) -> QtWidgets.QPushButton:
    """The Decisions tab's "Record birth…" button (a pre-birth conference)."""
    translate = QtCore.QCoreApplication.translate
    return command_button(
        translate("BirthForm", "Record &birth…"),
        "birthButton",
        translate("BirthForm", "Record the baby's birth"),
        translate(
            "BirthForm", "Name the baby and record the date of birth; the review comes forward"
        ),
        open_birth,
    )


def said(born: BirthRecorded) -> str:
    """The one line the workspace says once the birth is recorded."""
    name, due = child_name(born.child), screen_plain_date(born.review_due)
    if born.review_too_late and born.planned_review is not None:
        return QtCore.QCoreApplication.translate(
            "BirthForm",
            "Birth of {name} recorded. The post-birth review is due by {due}; the review "
            "set for {planned} must come forward.",
        ).format(name=name, due=due, planned=screen_plain_date(born.planned_review))
    return QtCore.QCoreApplication.translate(
        "BirthForm", "Birth of {name} recorded. The post-birth review is due by {due}."
    ).format(name=name, due=due)


class BirthForm(_Form):
    """The baby, the name given and the date of birth."""

    def __init__(
        self,
        service: PlanEventService,
        record: ConferenceRecord,
        today: date,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        reference = record.conference.reference
        super().__init__(
            self.tr("Record birth — {reference}").format(reference=reference),
            self.tr("&Record"),
            parent,
        )
        self.service, self.reference = service, reference
        self.result_: BirthRecorded | None = None
        self.intro.setText(
            self.tr(
                "The baby becomes a named child of this conference. The first review then "
                "falls by the earlier of three months after the conference and the "
                "profile's days after the birth."
            )
        )
        self.child = QtWidgets.QComboBox()
        self.child.setAccessibleName(self.tr("The baby"))
        for child in record.children:
            if child.date_of_birth is None:
                self.child.addItem(child_name(child, self.tr("Unborn baby")), child.id)
        self.given = bound(QtWidgets.QLineEdit(), "$.children[].given_name")
        self.given.setAccessibleName(self.tr("Given name"))
        self.family = bound(QtWidgets.QLineEdit(), "$.children[].family_name")
        self.family.setAccessibleName(self.tr("Family name"))
        first = next((c for c in record.children if c.date_of_birth is None), None)
        self.family.setText(first.family_name if first is not None else "")
        self.born = _day_edit(
            "birthDate", self.tr("Date of birth"), today, today - timedelta(days=366), today
        )
        self.row(self.tr("&Baby:"), self.child)
        self.row(self.tr("&Given name:"), self.given)
        self.row(self.tr("&Family name:"), self.family)
        self.row(self.tr("&Date of birth:"), self.born)
        self.given.setFocus()

    def _save(self) -> None:
        self.result_ = self.service.record_birth(
            self.reference,
            str(self.child.currentData()),
            self.given.text(),
            self.family.text(),
            day_of(self.born),
        )
