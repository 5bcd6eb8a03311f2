"""Before a conference closes: what is unfinished, and a way to each place to finish it.

Leaving the conference (Home, opening another, closing the window) first goes through
the save guard (``save_guard.py``: typed text is never lost), then asks
:func:`unfinished_here` what is left. Nothing: it closes without a question.
Otherwise :class:`UnfinishedDialog` lists each thing with a button that goes to where it
is put right, and *Close anyway* and *Stay* (the default, and Escape).

Only what the person may put right is listed: a minute-taker is not told about the
decision or the letters (the chair's), a read-only user about nothing; actions and
decisions are not listed once the minutes are approved or issued (they cannot change).
The dialog is window-modal and opened with ``open()``, so the caller returns at once
and *Close anyway* finishes the leaving through ``then``. Its words are in the language
of the screens (the lines: :mod:`.closing_words`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.enums import UserRole
from cpc_desktop.domain.unfinished import Place, Unfinished, unfinished
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.actions import ActionId
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.permissions import may
from cpc_desktop.ui.workspace.closing_words import translated

if TYPE_CHECKING:
    from cpc_desktop.ui.main_window import MainWindow
    from cpc_desktop.ui.workspace.page import WorkspacePage

#: What the person must be allowed to do to put a thing right.
_NEEDS = {
    Place.MINUTES: Action.WRITE_MINUTES,
    Place.ACTION: Action.WRITE_MINUTES,
    Place.DECISIONS: Action.RECORD_DECISION,
    Place.PROGRESS: Action.RECORD_DECISION,
    Place.LETTERS: Action.ISSUE_DOCUMENTS,
    Place.HANDOVER: Action.HANDOVER,
}
_FIXED_ONCE_APPROVED = frozenset({Place.ACTION, Place.DECISIONS, Place.PROGRESS})


def unfinished_here(page: WorkspacePage) -> tuple[Unfinished, ...]:
    """What is unfinished in the conference ``page`` shows, that its user may finish."""
    session = page.session
    actor = session.actor
    record = session.conferences.get(page.reference)
    unsaved = tuple(
        item_id
        for item_id, pane in page.minutes.panes.items()
        if not pane.flush() or pane.guard.taken_out
    )
    handover_due = (
        actor.role is UserRole.MINUTE_TAKER and session.handover.state(page.reference).not_exported
    )
    frozen = page.minutes.lock_reason is not None
    return tuple(
        item
        for item in unfinished(record, unsaved_items=unsaved, handover_due=handover_due)
        if may(actor, _NEEDS[item.place]) and not (frozen and item.place in _FIXED_ONCE_APPROVED)
    )


class UnfinishedDialog(QtWidgets.QDialog):
    """The unfinished things, each with a button to its place; Close anyway; Stay.

    Signals:
        close_anyway(): the person chose to close all the same.
        fix(object): the :class:`Unfinished` whose button was pressed.
    """

    close_anyway = QtCore.Signal()
    fix = QtCore.Signal(object)

    def __init__(
        self, items: Sequence[Unfinished], reference: str, parent: QtWidgets.QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unfinishedDialog")
        self.setWindowTitle(self.tr("Not finished yet"))
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.items = tuple(items)
        intro = QtWidgets.QLabel(
            self.tr(
                "Some things in {reference} are not finished. Go to one to finish it, "
                "or close the conference anyway: nothing is lost either way."
            ).format(reference=reference)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        listing = QtWidgets.QWidget()
        grid = QtWidgets.QGridLayout(listing)
        self.fix_buttons: list[QtWidgets.QPushButton] = []
        for row, item in enumerate(self.items):
            said = translated(item.said)
            line = QtWidgets.QLabel(said)
            line.setWordWrap(True)
            line.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            button = QtWidgets.QPushButton(translated(item.button).replace("&", "&&"))
            button.setObjectName(f"fix_{item.place.value}")
            button.setAccessibleDescription(said)
            button.clicked.connect(lambda _=False, chosen=item: self._fix(chosen))
            grid.addWidget(line, row, 0)
            grid.addWidget(button, row, 1)
            self.fix_buttons.append(button)
        grid.setColumnStretch(0, 1)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(listing)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.close_button = QtWidgets.QPushButton(self.tr("&Close anyway"))
        self.close_button.setObjectName("closeAnyway")
        self.close_button.clicked.connect(self._close_anyway)
        self.stay_button = QtWidgets.QPushButton(self.tr("&Stay"))
        self.stay_button.setObjectName("stay")
        self.stay_button.setDefault(True)
        self.stay_button.clicked.connect(self.reject)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.stay_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(640, min(520, 160 + 48 * len(self.items)))
        (self.fix_buttons[0] if self.fix_buttons else self.stay_button).setFocus()

    def _fix(self, item: Unfinished) -> None:
        self.accept()
        self.fix.emit(item)

    def _close_anyway(self) -> None:
        self.accept()
        self.close_anyway.emit()


def may_leave(window: MainWindow, what: str, then: Callable[[], None] | None) -> bool:
    """No conference open, or all its typing is saved or was taken out on purpose; then,
    given ``then`` (the leaving, done again without asking), nothing is unfinished, or
    the list of what is opens and *Close anyway* calls ``then``."""
    page = window.workspace
    if page is None:
        return True
    if not page.can_leave(what):
        return False
    if then is None or not window.preferences.check_unfinished:
        return True
    fixes = {
        Place.LETTERS: window.output_actions[ActionId.OUTCOME_LETTERS].trigger,
        Place.HANDOVER: window.handover_actions[ActionId.HAND_OVER].trigger,
    }
    return ask_before_closing(page, then, fixes)


def ask_before_closing(
    page: WorkspacePage,
    then: Callable[[], None],
    window_fixes: Mapping[Place, Callable[[], None]],
) -> bool:
    """True when nothing is unfinished (close now). Otherwise opens the list and returns
    False: *Close anyway* calls ``then``, a button goes to its place, *Stay* stays.

    If the check itself cannot read the store, it says so and lets the conference close
    (what was typed has already passed the save guard).
    """
    try:
        items = unfinished_here(page)
    except Exception as error:
        message = user_message(error)
        if message is None:
            raise
        page.message.emit(
            QtCore.QCoreApplication.translate(
                "UnfinishedDialog", "Could not check what is unfinished: {message}"
            ).format(message=message)
        )
        return True
    if not items:
        return True
    dialog = UnfinishedDialog(items, page.reference, page.window())
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.close_anyway.connect(then)
    dialog.fix.connect(lambda item: go_to(page, item, window_fixes))
    dialog.rejected.connect(
        lambda: page.message.emit(
            QtCore.QCoreApplication.translate("UnfinishedDialog", "The conference stays open.")
        )
    )
    page.closing_dialog = dialog
    dialog.open()
    return False


def go_to(
    page: WorkspacePage, item: Unfinished, window_fixes: Mapping[Place, Callable[[], None]]
) -> None:
    """Take the person to where ``item`` is put right."""
    if item.place in window_fixes:
        window_fixes[item.place]()
    elif item.place is Place.MINUTES and item.target is not None:
        page.agenda.select_item(item.target)
        page.minutes.show_item(item.target)
        page.show_minutes()
    elif item.place is Place.ACTION and item.target is not None:
        complete_action(page, item.target)
    elif item.place is Place.DECISIONS:
        page.open_decisions()
    elif item.place is Place.PROGRESS and page.plan_progress is not None:
        page.tabs.setCurrentWidget(page.plan_progress)
        page.plan_progress.show_action(item.target or "")


def complete_action(page: WorkspacePage, action_id: str) -> None:
    """Open the action's owner, words and date (saved on Save)."""
    from cpc_desktop.ui.workspace.action_fix import open_action

    open_action(page, action_id)
