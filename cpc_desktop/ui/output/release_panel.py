"""What an output window shows while a family copy waits for its release check.

:meth:`AwaitingPanel.attempt` runs a window's step that releases something (export a
copy, issue a letter, record it as sent). If the service answers that the item awaits a
check by a second person, the item is held (the window says how), the panel says so
plainly, and its "Check and release…" button starts the check
(:class:`~cpc_desktop.ui.output.release_dialog.ReleaseCheck`). Once a second person
confirms, the same step runs again and releases the very file they checked. A step
that needs no check (a full copy, a professional's letter) goes through as before.

Signals:
    released(): a held item was checked and its step has run again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6 import QtCore, QtWidgets

from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.held import AwaitingCheck, ReleaseItem
from cpc_desktop.ui.output.common import busy, show_error, text_label
from cpc_desktop.ui.output.release_dialog import AWAITING, ReleaseCheck

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

T = TypeVar("T")

CHECK_TEXT = "C&heck and release…"
_STYLE = (
    "#awaitingPanel { background: #fff4d6; border: 2px solid #b7791f; border-radius: 4px; }"
    " #awaitingPanel QLabel { color: #1f1a10; }"
)


class AwaitingPanel(QtWidgets.QFrame):
    """ "Awaiting a check by a second person", what is held, and "Check and release…"."""

    released = QtCore.Signal()

    def __init__(self, session: Session, ref: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ref = ref
        self.item: ReleaseItem | None = None
        self.check: ReleaseCheck | None = None
        self._again: Callable[[], None] | None = None
        self.setObjectName("awaitingPanel")
        self.setStyleSheet(_STYLE)
        self.heading = text_label("awaitingHeading", "Release check", bold=True)
        self.heading.setText(AWAITING)
        self.text = text_label("awaitingText", "What is held")
        self.check_button = QtWidgets.QPushButton(CHECK_TEXT)
        self.check_button.setObjectName("checkAndRelease")
        self.check_button.setAccessibleName("Check and release")
        self.check_button.setToolTip(
            "A second person signs in, checks the copy and confirms it; then it is released"
        )
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.start_check)
        words = QtWidgets.QVBoxLayout()
        words.addWidget(self.heading)
        words.addWidget(self.text)
        layout = QtWidgets.QHBoxLayout(self)
        layout.addLayout(words, 1)
        layout.addWidget(self.check_button, 0, QtCore.Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def attempt(
        self,
        title: str,
        release: Callable[[], T],
        hold: Callable[[], ReleaseItem | None],
        done: Callable[[T], None],
    ) -> None:
        """Run ``release``; if it awaits a check, ``hold`` the item and wait for one.

        ``hold`` makes (or finds) the held copy; it returns None when the user stopped
        (no certificate chosen, say). ``done`` gets what ``release`` returned.
        """
        try:
            with busy():
                result = release()
        except AwaitingCheck:
            try:
                with busy():
                    item = hold()
            except Exception as error:
                show_error(self.window(), error, title)
                return
            if item is not None:
                self.wait_for(item, lambda: self.attempt(title, release, hold, done))
            return
        except Exception as error:
            show_error(self.window(), error, title)
            return
        self._settle()
        done(result)

    def wait_for(self, item: ReleaseItem, again: Callable[[], None]) -> None:
        """Show that ``item`` is held for a check; ``again`` runs once it is confirmed."""
        self.item, self._again = item, again
        self.heading.setText(AWAITING)
        self.text.setText(
            f"The {item.what} for {item.recipient_name} is held: it is not saved, printed or "
            f"recorded as sent until someone other than {item.author} checks it. Choose "
            "Check and release… when they are here (Alt+H)."
        )
        self.show()
        self.check_button.setFocus()

    def _settle(self) -> None:
        """Stop showing a held item that is no longer waiting (checked from elsewhere)."""
        if self.item is None:
            return
        try:
            waiting = {x.id for x in self.session.release.pending(self.ref) if not x.confirmed}
        except ServiceError:  # only tidying: the window's own step went through
            return
        if self.item.id not in waiting:
            self.clear()

    def clear(self) -> None:
        self.item, self._again = None, None
        self.hide()

    def start_check(self) -> None:
        """Start the check of the held item: a second person signs in, looks, confirms."""
        if self.item is None:
            return
        self.check = ReleaseCheck(self.session, self.item, self.window())
        self.check.stopped.connect(self._stopped)
        self.check.confirmed.connect(self._confirmed)
        self.check.start()

    def _stopped(self, reason: str) -> None:
        self.text.setText(reason)
        self.show()

    def _confirmed(self, item: ReleaseItem) -> None:
        again = self._again
        self.heading.setText("Checked")
        self.text.setText(f"The {item.what} for {item.recipient_name} was checked.")
        self.clear()
        if again is not None:
            again()
        self.released.emit()
