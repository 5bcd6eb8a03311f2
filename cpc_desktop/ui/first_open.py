"""The first conference opened after unlocking, as quick as later opens (design.md §7).

The first open of a process used to pay for things done once: SQLAlchemy compiling the
statements that read a conference (on this store's engine), the keys and tips of the
workspace's commands, and Qt's first use of the workspace's kinds of widget (their
style, fonts and glyphs on the first paint). :class:`FirstOpenWarmup` does them in the
idle after the home screen has painted and the workspace's modules are imported, one
short step per turn of the event loop, so the home screen answers between steps.

Nothing is read about anyone (the statements run for no conference, so no view is
audited), nothing is shown, and a step that fails is left for the real open to meet
and report.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.actions import dress_every_command

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session


def _widget_kinds() -> None:
    """Make, lay out and paint (into a picture, never on the screen) one of each kind of
    widget a workspace is made of, then drop them."""
    page = QtWidgets.QWidget()
    page.resize(900, 600)
    tabs = QtWidgets.QTabWidget()
    splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
    table = QtWidgets.QTableView()
    model = QtGui.QStandardItemModel(3, 4, table)
    for line in range(3):
        for place in range(4):
            model.setItem(line, place, QtGui.QStandardItem(f"Entry {line}.{place} — Ab"))
    table.setModel(model)
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeColumnsToContents()
    splitter.addWidget(table)
    editor = QtWidgets.QPlainTextEdit("The words of an entry, in the screen's own font.")
    splitter.addWidget(editor)
    tabs.addTab(splitter, "&Minutes")
    tabs.addTab(QtWidgets.QListView(), "&Introductions")
    side = QtWidgets.QWidget()
    column = QtWidgets.QVBoxLayout(side)
    heading = QtWidgets.QLabel("Agenda")
    font = heading.font()
    font.setBold(True)
    font.setPointSize(13)
    heading.setFont(font)
    combo = QtWidgets.QComboBox()
    combo.addItems(["Chair", "Social worker"])
    for widget in (
        heading,
        combo,
        QtWidgets.QCheckBox("&Restricted"),
        QtWidgets.QPushButton("&Add"),
        QtWidgets.QToolButton(),
        QtWidgets.QLineEdit("Text"),
        QtWidgets.QTreeView(),
        QtWidgets.QGroupBox("Group"),
        QtWidgets.QRadioButton("Yes"),
        QtWidgets.QSpinBox(),
        QtWidgets.QDateEdit(),
    ):
        column.addWidget(widget)
    row = QtWidgets.QHBoxLayout(page)
    row.addWidget(side)
    row.addWidget(QtWidgets.QScrollArea())
    row.addWidget(tabs, 1)
    page.grab()  # laid out and painted, off the screen
    page.deleteLater()


def warm_steps(session: Session) -> list[Callable[[], None]]:
    """What :class:`FirstOpenWarmup` does, one step each, in order."""
    return [session.conferences.prepare_reading, dress_every_command, _widget_kinds]


class FirstOpenWarmup(QtCore.QObject):
    """Runs :func:`warm_steps` on the event loop once :meth:`start` is called (it may be
    called from another thread: the step runs on this object's).

    Signals:
        go(): start (queued to this object's thread when emitted from another).
        done(): every step has run.
    """

    go = QtCore.Signal()
    done = QtCore.Signal()

    def __init__(self, session: Session, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = warm_steps(session)
        self.go.connect(self._start)

    def start(self) -> None:
        """Begin the steps (safe from any thread)."""
        self.go.emit()

    @QtCore.Slot()
    def _start(self) -> None:
        QtCore.QTimer.singleShot(0, self, self._next)

    def _next(self) -> None:
        if not self._steps:
            self.done.emit()
            return
        step = self._steps.pop(0)
        with contextlib.suppress(Exception):  # the real open meets it and says so
            step()
        QtCore.QTimer.singleShot(0, self, self._next)
