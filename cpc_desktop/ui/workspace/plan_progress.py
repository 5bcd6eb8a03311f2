"""The Plan progress tab of a review made from the plan before it.

Each action the review carried, child by child, with its owner, due date and how far it
has come. The chair judges each by keyboard: in the table, 1 is "Not started / behind"
(red), 2 "Under way" (amber), 3 "Done" (green) and 0 (or Delete) "Not yet judged"; or
with the chooser under it (Alt+P). Each status shows its words beside its colour, never
the colour alone. Under them, how often each child's core group meets, and the safety
scale over the plan's conferences, drawn and in words.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import CarriedAction, ConferenceRecord
from cpc_desktop.domain.enums import ActionStatus
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.plan_review import STATUS_COLOURS, plan_of, progress, scale_series
from cpc_desktop.services.roles import Action
from cpc_desktop.services.session import Session
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.permissions import may, refuse_widget, why_not
from cpc_desktop.ui.screen_dates import screen_short_date
from cpc_desktop.ui.workspace.scale_chart import ScaleChart

__all__ = ["PlanProgressTab"]

#: The choices, in the order of their keys (0 to 3).
CHOICES: tuple[ActionStatus | None, ...] = (
    None,
    ActionStatus.BEHIND,
    ActionStatus.UNDER_WAY,
    ActionStatus.DONE,
)
_FILLS = {"red": "#f6d5d5", "amber": "#fbe7c2", "green": "#d6ecd2"}
_KEYS = {
    QtCore.Qt.Key.Key_0: 0,
    QtCore.Qt.Key.Key_Delete: 0,
    QtCore.Qt.Key.Key_1: 1,
    QtCore.Qt.Key.Key_2: 2,
    QtCore.Qt.Key.Key_3: 3,
}
STATUS_COLUMN = 4


def status_words(status: ActionStatus | None) -> str:
    """The domain's :data:`STATUS_WORDS` (or "Not yet judged") in the screens' language."""
    translate = QtCore.QCoreApplication.translate
    return {
        None: translate("PlanProgressTab", "Not yet judged"),
        ActionStatus.BEHIND: translate("PlanProgressTab", "Not started / behind"),
        ActionStatus.UNDER_WAY: translate("PlanProgressTab", "Under way"),
        ActionStatus.DONE: translate("PlanProgressTab", "Done"),
    }[status]


def colour_words(status: ActionStatus) -> str:
    """The domain's :data:`STATUS_COLOURS` in the screens' language."""
    translate = QtCore.QCoreApplication.translate
    return {
        "red": translate("PlanProgressTab", "red"),
        "amber": translate("PlanProgressTab", "amber"),
        "green": translate("PlanProgressTab", "green"),
    }[STATUS_COLOURS[status]]


def choice_text(status: ActionStatus | None) -> str:
    if status is None:
        return f"0  {status_words(None)}"
    return f"{CHOICES.index(status)}  {status_words(status)} ({colour_words(status)})"


class _ActionTable(QtWidgets.QTableWidget):
    """The carried actions; the keys 0-3 and Delete ask for a status."""

    chosen = QtCore.Signal(int)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        index = _KEYS.get(QtCore.Qt.Key(event.key()))
        if index is not None and not event.modifiers() & ~QtCore.Qt.KeyboardModifier.KeypadModifier:
            self.chosen.emit(index)
            event.accept()
            return
        super().keyPressEvent(event)


class PlanProgressTab(QtWidgets.QWidget):
    """The plan carried into this review, its progress and the scale over it."""

    message = QtCore.Signal(str)

    def __init__(
        self, session: Session, record: ConferenceRecord, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planProgress")
        self.session = session
        self.reference = record.conference.reference
        self.lines = list(progress(record))
        self.table = _ActionTable(len(self.lines), 5)
        self.table.setObjectName("planActions")
        self.table.setAccessibleName(self.tr("Actions of the plan carried into this review"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Child"),
                self.tr("Action"),
                self.tr("Who"),
                self.tr("By"),
                self.tr("Progress"),
            ]
        )
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for row, line in enumerate(self.lines):
            cells = (
                child_name(line.child, blank=""),
                line.action.action,
                line.action.owner,
                screen_short_date(line.action.due_date) or self.tr("not set"),
            )
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text)  # the whole text where a narrow column cuts it
                self.table.setItem(row, column, item)
            self._show_status(row, line.action)
        self.table.resizeColumnsToContents()
        # The action keeps the room: a long name, role or progress wraps within about 16
        # characters (each row grows to its words; the tool tip has them whole), so the
        # action stays readable on a laptop at 150 %.
        metrics = self.table.fontMetrics()
        widest = metrics.averageCharWidth() * 16
        for column in (0, 2, 4):
            header.resizeSection(column, min(header.sectionSize(column), widest))
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        # Each row as tall as its action's words (a plan has tens of actions, not thousands).
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        # At least about two wrapped rows show when the screen is short: the page scrolls
        # rather than squeezing the table to a strip.
        self.table.setMinimumHeight(header.sizeHint().height() + 7 * metrics.lineSpacing())
        self.chooser = QtWidgets.QComboBox()
        self.chooser.setObjectName("actionStatus")
        for status in CHOICES:
            self.chooser.addItem(choice_text(status))
        self.chooser.setAccessibleName(self.tr("Progress of the selected action"))
        chooser_label = QtWidgets.QLabel(self.tr("&Progress of the selected action:"))
        chooser_label.setBuddy(self.chooser)
        keys = QtWidgets.QLabel(
            self.tr(
                "In the table: 1 Not started / behind (red), 2 Under way (amber), "
                "3 Done (green), 0 or Delete Not yet judged."
            )
        )
        keys.setWordWrap(True)
        frequency = [
            self.tr("{child}: the core group meets {how_often}.").format(
                child=child_name(child, blank=""), how_often=plan.core_group_frequency
            )
            for child in record.children
            if (plan := plan_of(record, child.id)) is not None and plan.core_group_frequency
        ]
        series = scale_series(record)
        self.chart = ScaleChart(series)
        self.chart_text = QtWidgets.QLabel(self.chart.text)
        self.chart_text.setObjectName("scaleText")
        self.chart_text.setWordWrap(True)
        self.chart_text.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByKeyboard
            | QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.chart_text.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.chart_text.setAccessibleName(self.tr("Safety scale over the plan, in words"))
        choosing = QtWidgets.QHBoxLayout()
        choosing.addWidget(chooser_label)
        choosing.addWidget(self.chooser, 1)
        layout = QtWidgets.QVBoxLayout(self)
        heading = QtWidgets.QLabel("<b>{}</b>".format(self.tr("Progress on the plan")))
        layout.addWidget(heading)
        layout.addWidget(self.table, 2)
        layout.addLayout(choosing)
        layout.addWidget(keys)
        if frequency:
            layout.addWidget(QtWidgets.QLabel(" ".join(frequency)))
        layout.addWidget(
            QtWidgets.QLabel("<b>{}</b>".format(self.tr("Safety scale over the plan")))
        )
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.chart_text)
        # With no scales yet there is nothing to draw: the line in words says so, and the
        # table keeps the room.
        self.chart.setVisible(bool(series))
        self.table.chosen.connect(self.set_status)
        self.table.currentCellChanged.connect(lambda *_: self._follow())
        self.chooser.activated.connect(self.set_status)
        if not may(session.actor, Action.RECORD_DECISION):
            refuse_widget(self.chooser, why_not(session.actor, Action.RECORD_DECISION))
        if self.lines:
            self.table.setCurrentCell(0, 0)

    def show_action(self, action_id: str) -> None:
        """Select the carried action ``action_id`` and put the focus on the table."""
        for row, line in enumerate(self.lines):
            if line.action.id == action_id:
                self.table.setCurrentCell(row, 0)
        self.table.setFocus()

    def status_text(self, row: int) -> str:
        item = self.table.item(row, STATUS_COLUMN)
        return item.text() if item is not None else ""

    def _show_status(self, row: int, action: CarriedAction) -> None:
        status = action.status
        if status is None:
            item = QtWidgets.QTableWidgetItem(status_words(None))
        else:
            colour = STATUS_COLOURS[status]
            item = QtWidgets.QTableWidgetItem(f"● {status_words(status)} ({colour_words(status)})")
            item.setBackground(QtGui.QColor(_FILLS[colour]))
            item.setForeground(QtGui.QColor("#1a1a1a"))
        self.table.setItem(row, STATUS_COLUMN, item)

    def _follow(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            self.chooser.setCurrentIndex(CHOICES.index(self.lines[row].action.status))

    def set_status(self, index: int) -> None:
        """Record status ``CHOICES[index]`` for the selected action (one line if refused)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.lines):
            self.message.emit(self.tr("Select an action of the plan first."))
            return
        if not may(self.session.actor, Action.RECORD_DECISION):
            self.message.emit(why_not(self.session.actor, Action.RECORD_DECISION))
            return
        line = self.lines[row]
        try:
            changed = self.session.reviews.set_action_status(
                self.reference, line.action.id, CHOICES[index]
            )
        except Exception as error:
            said = user_message(error)
            if said is None:
                raise
            self.message.emit(said)
            self._follow()
            return
        self.lines[row] = type(line)(line.child, changed)
        self._show_status(row, changed)
        self._follow()
        self.message.emit(f"{line.action.action}: {self.status_text(row).lstrip('● ')}.")
