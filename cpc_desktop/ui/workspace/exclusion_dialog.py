"""Asking someone to leave for part of the conference: the grounds, when, and a note.

The grounds and the note are for professionals unless the chair shares them with the
family, and they reach the excluded person's own copy only if the chair also says so.

The start defaults to the moment the dialog opened; the end may be left open and
set later with "End exclusion now". Times are typed in local time on the day the
dialog opened and come back as UTC instants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.enums import ExclusionGround
from cpc_desktop.ui.field_limits import tell_readers

_NOTE = "$.participants[].attendance[].note"

#: The grounds for an exclusion in plain words.
GROUND_LABELS: dict[ExclusionGround, str] = {
    ExclusionGround.PREJUDICE_TO_WELFARE: "Being there would seriously harm the child's welfare",
    ExclusionGround.VIOLENCE_OR_THREATS: "Violent, threatening or abusive behaviour",
    ExclusionGround.UNFIT_TO_TAKE_PART: "Unfit to take part (alcohol, drugs or acute mental "
    "illness)",
    ExclusionGround.CHILD_ASKED: "The child asked for them not to be there",
    ExclusionGround.PREVENTS_OTHERS: "Others could not speak freely with them there",
    ExclusionGround.CONFIDENTIAL_INFORMATION: "Confidential information has to be shared "
    "(e.g. legal advice, a police investigation)",
    ExclusionGround.FAMILY_CONFLICT: "Conflict between family members (attending separately)",
}


def ground_labels() -> dict[ExclusionGround, str]:
    """:data:`GROUND_LABELS` in the language of the screens."""
    translate = QtCore.QCoreApplication.translate
    return {
        ExclusionGround.PREJUDICE_TO_WELFARE: translate(
            "ExclusionDialog", "Being there would seriously harm the child's welfare"
        ),
        ExclusionGround.VIOLENCE_OR_THREATS: translate(
            "ExclusionDialog", "Violent, threatening or abusive behaviour"
        ),
        ExclusionGround.UNFIT_TO_TAKE_PART: translate(
            "ExclusionDialog", "Unfit to take part (alcohol, drugs or acute mental illness)"
        ),
        ExclusionGround.CHILD_ASKED: translate(
            "ExclusionDialog", "The child asked for them not to be there"
        ),
        ExclusionGround.PREVENTS_OTHERS: translate(
            "ExclusionDialog", "Others could not speak freely with them there"
        ),
        ExclusionGround.CONFIDENTIAL_INFORMATION: translate(
            "ExclusionDialog",
            "Confidential information has to be shared (e.g. legal advice, a police investigation)",
        ),
        ExclusionGround.FAMILY_CONFLICT: translate(
            "ExclusionDialog", "Conflict between family members (attending separately)"
        ),
    }


@dataclass(frozen=True)
class Exclusion:
    """What the chair entered: grounds, start, optional end (UTC), a note, and whom the
    grounds and note are shared with."""

    grounds: ExclusionGround
    start: datetime
    until: datetime | None
    note: str
    shared_with_family: bool = False
    shown_to_excluded: bool = False


def _qtime(instant: datetime) -> QtCore.QTime:
    local = instant.astimezone()
    return QtCore.QTime(local.hour, local.minute)


class ExclusionDialog(QtWidgets.QDialog):
    """Collects an :class:`Exclusion` for one person; read :meth:`value` once accepted."""

    def __init__(self, name: str, now: datetime, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._local_now = now.astimezone()
        self.setWindowTitle(self.tr("Exclude {name}").format(name=name))
        self._build_ui(name)
        self.retranslate_ui(name)

    def _build_ui(self, name: str) -> None:
        self.intro = QtWidgets.QLabel()
        self.intro.setWordWrap(True)
        self.grounds = QtWidgets.QComboBox()
        self.grounds.setObjectName("exclusionGrounds")
        for ground, label in ground_labels().items():
            self.grounds.addItem(label, ground.value)
        self.grounds.setAccessibleName(self.tr("Grounds for the exclusion"))
        self.start = QtWidgets.QTimeEdit(_qtime(self._now))
        self.start.setObjectName("exclusionStart")
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName(self.tr("Exclusion starts at"))
        self.has_end = QtWidgets.QCheckBox()
        self.has_end.setObjectName("exclusionHasEnd")
        self.has_end.setAccessibleName(self.tr("The exclusion ends at a set time"))
        self.until = QtWidgets.QTimeEdit(_qtime(self._now).addSecs(15 * 60))
        self.until.setObjectName("exclusionUntil")
        self.until.setDisplayFormat("HH:mm")
        self.until.setAccessibleName(self.tr("Exclusion ends at"))
        self.until.setEnabled(False)
        self.has_end.toggled.connect(self.until.setEnabled)
        end_row = QtWidgets.QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.until, 1)
        self.note = QtWidgets.QPlainTextEdit()
        self.note.setObjectName("exclusionNote")
        self.note.setAccessibleName(self.tr("Note about the exclusion"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.shared = QtWidgets.QCheckBox()
        self.shared.setObjectName("exclusionShared")
        self.shown_to_excluded = QtWidgets.QCheckBox()
        self.shown_to_excluded.setObjectName("exclusionShownToExcluded")
        self.shown_to_excluded.setEnabled(False)
        self.shared.toggled.connect(self._on_shared)
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("exclusionError")
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setDefault(True)
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)

        self.grounds_label = QtWidgets.QLabel()
        self.grounds_label.setBuddy(self.grounds)
        self.start_label = QtWidgets.QLabel()
        self.start_label.setBuddy(self.start)
        self.note_label = QtWidgets.QLabel()
        self.note_label.setBuddy(self.note)
        form = QtWidgets.QFormLayout()
        form.addRow(self.grounds_label, self.grounds)
        form.addRow(self.start_label, self.start)
        form.addRow("", end_row)
        form.addRow(self.note_label, self.note)
        form.addRow("", self.shared)
        form.addRow("", self.shown_to_excluded)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.grounds.setFocus()

    def retranslate_ui(self, name: str) -> None:
        self.intro.setText(
            self.tr(
                "{name} will be shown as not present while excluded. Record who asked for the "
                "exclusion and how their views will still be heard in the note."
            ).format(name=name)
        )
        self.grounds_label.setText(self.tr("&Grounds:"))
        self.start_label.setText(self.tr("&Starts at:"))
        self.has_end.setText(self.tr("&Ends at:"))
        self.note_label.setText(self.tr("&Note:"))
        self.note.setPlaceholderText(
            self.tr("Who asked, what notice was given, how their views will be put")
        )
        tell_readers(self.note, _NOTE, self.shared)
        # "&Share" would clash with "&Starts at:".
        self.shared.setText(self.tr("S&hare with the family (printed in family copies)"))
        self.shared.setToolTip(
            self.tr(
                "Ticked: family copies print the grounds and the note. Not ticked: only "
                "professionals see them; family copies say only when the person was excluded."
            )
        )
        self.shown_to_excluded.setText(
            self.tr("&Also show the grounds in the excluded person's own copy")
        )
        self.ok.setText(self.tr("E&xclude"))

    # --- value -------------------------------------------------------------------------

    def _instant(self, edit: QtWidgets.QTimeEdit, default: datetime | None) -> datetime:
        chosen = edit.time()
        if default is not None and chosen == _qtime(default):
            return default  # left as it was: keep the exact moment
        local = datetime.combine(
            self._local_now.date(),
            time(chosen.hour(), chosen.minute()),
            tzinfo=self._local_now.tzinfo,
        )
        return local.astimezone(UTC)

    def value(self) -> Exclusion:
        start = self._instant(self.start, self._now)
        until = self._instant(self.until, None) if self.has_end.isChecked() else None
        return Exclusion(
            grounds=ExclusionGround(self.grounds.currentData()),
            start=start,
            until=until,
            note=self.note.toPlainText().strip(),
            shared_with_family=self.shared.isChecked(),
            shown_to_excluded=self.shared.isChecked() and self.shown_to_excluded.isChecked(),
        )

    def _on_shared(self, shared: bool) -> None:
        self.shown_to_excluded.setEnabled(shared)
        if not shared:
            self.shown_to_excluded.setChecked(False)

    def _on_accept(self) -> None:
        value = self.value()
        if value.until is not None and value.until <= value.start:
            self.error.setText(self.tr("The end of the exclusion must be after its start."))
            self.until.setFocus()
            return
        self.accept()
