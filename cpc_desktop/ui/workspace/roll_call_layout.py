"""How the Introductions tab shares a short screen (a 1366×768 laptop at 150 %).

The table of people always keeps room for at least :data:`MIN_ROWS` people. Below it,
in the lower pane of a splitter, are the child's participation and the quorum: at their
full height when the screen has room, otherwise as much as fits, scrolling, with the
handle to drag the pane taller. On a short screen the roll-call buttons show only their
name; their shortcut stays in the tooltip, in what a screen reader says and in F1's list.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.screen_fit import scrolling

#: The people the table shows at the least, whatever the screen.
MIN_ROWS = 5
#: Below this available height (in the screen's own pixels after scaling), the buttons
#: show one line each.
SHORT_SCREEN = 640


def short_screen(widget: QtWidgets.QWidget | None = None) -> bool:
    """Whether the screen ``widget`` is on (or the main screen) is short."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QtGui.QGuiApplication.primaryScreen()
    return screen is not None and screen.availableGeometry().height() < SHORT_SCREEN


def button_text(text: str, shortcut: str, *, short: bool) -> str:
    """A roll-call button's words: its name, and its shortcut below unless ``short``."""
    name = text.rstrip("…")
    return name if short or not shortcut else f"{name}\n{shortcut}"


def label_buttons(buttons: Iterable[QtWidgets.QToolButton], *, short: bool) -> None:
    """Each button's action shows its name, and its shortcut below on a tall screen (its
    tooltip names the shortcut either way)."""
    for button in buttons:
        action = button.defaultAction()
        if action is not None:
            native = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
            action.setIconText(button_text(action.text(), native, short=short))


def rows_height(table: QtWidgets.QTableView, rows: int) -> int:
    """The height ``table`` needs to show ``rows`` rows whole, with its header and a
    horizontal scroll bar."""
    header = table.horizontalHeader().sizeHint().height()
    bar = table.horizontalScrollBar().sizeHint().height()
    return (
        header + rows * table.verticalHeader().defaultSectionSize() + bar + 2 * table.frameWidth()
    )


def rows_shown(table: QtWidgets.QTableView) -> int:
    """How many whole rows the table has room for as it is now."""
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


def below_table(
    children: QtWidgets.QWidget, quorum: QtWidgets.QWidget, *, short: bool
) -> QtWidgets.QWidget:
    """The child's participation beside the quorum; on a short screen the quorum on top,
    full width, so that its first line shows however little room the pane has."""
    below = QtWidgets.QWidget()
    top = QtCore.Qt.AlignmentFlag.AlignTop
    if short:
        stacked = QtWidgets.QVBoxLayout(below)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.setSpacing(4)
        stacked.addWidget(quorum)
        stacked.addWidget(children)
        stacked.addStretch(1)
        return below
    side_by_side = QtWidgets.QHBoxLayout(below)
    side_by_side.setContentsMargins(0, 0, 0, 0)
    side_by_side.addWidget(children, 3, top)
    side_by_side.addWidget(quorum, 2, top)
    return below


class PeopleSplit(QtWidgets.QSplitter):
    """The table over what is below it: below at its full height while the table keeps
    :data:`MIN_ROWS` rows, the table taking any height to spare (the chair may drag)."""

    def __init__(
        self, table: QtWidgets.QTableView, below: QtWidgets.QWidget, keep: QtWidgets.QWidget
    ) -> None:
        super().__init__(QtCore.Qt.Orientation.Vertical)
        self.setObjectName("rollCallSplit")
        self.setChildrenCollapsible(False)
        table.setMinimumHeight(rows_height(table, MIN_ROWS))
        self.below = below
        self.table = table
        self.lower_pane = lower = scrolling(below)
        lower.setObjectName("rollCallBelow")
        lower.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # At the least, room for ``keep`` (the quorum) whole.
        lower.setMinimumHeight(keep.sizeHint().height() + 2 * lower.frameWidth())
        self.addWidget(table)
        self.addWidget(lower)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self._placed = False

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._placed or not self.isVisible():
            return
        self._placed = True  # once: after that, the chair's drag and the stretch rule
        room = sum(self.sizes())
        table_least = self.table.minimumHeight()
        wanted = self.below.sizeHint().height() + 2
        lower = max(self.lower_pane.minimumHeight(), min(wanted, room - table_least))
        self.setSizes([room - lower, lower])


def people_and_below(
    table: QtWidgets.QTableView, below: QtWidgets.QWidget, keep: QtWidgets.QWidget
) -> PeopleSplit:
    """The table of people over ``below``, with room for ``keep`` whole (see
    :class:`PeopleSplit`)."""
    return PeopleSplit(table, below, keep)
