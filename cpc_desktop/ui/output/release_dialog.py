"""The release check in the windows: a second person signs in, looks, and confirms.

A family copy of the minutes or a letter to someone on the family's side is held until
someone other than its author checks it (disclosure.md, "The release check").
:class:`ReleaseCheck` runs the check for one held copy without closing the conference:
a second user signs in (:class:`~cpc_desktop.ui.sign_in.SignInDialog`, offering only
the users who may check it, never the author), then :class:`ReleaseReviewDialog`
shows them the PDF exactly as the recipient gets it, and beside it what was left out
(for the checker's eyes only), the recipient and the file's fingerprint. Confirming
records the check in the author's session, which stays signed in as the author: the
checker's name goes only to ``session.release.confirm``.

Nothing here blocks: each step is opened window-modal and the next follows its
acceptance, so a test (or a screen reader user) drives it like any other window.

Signals (:class:`ReleaseCheck`):
    confirmed(object): the check was recorded; the held ``ReleaseItem`` may now go out.
    stopped(str): the check cannot go ahead, and why (no one else can check, say).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.services.held import ReleaseItem
from cpc_desktop.services.release import ALONE, STALE, ReleaseReview
from cpc_desktop.ui.output.common import busy, error_text, text_label
from cpc_desktop.ui.output.pdf_pages import PageView, open_document, read_pdf
from cpc_desktop.ui.sign_in import ERROR_STYLE, SignInDialog

if TYPE_CHECKING:
    from cpc_desktop.services.roles import Actor
    from cpc_desktop.services.session import Session

TITLE = "Check before release"
AWAITING = "Awaiting a check by a second person"
LEFT_OUT_HEADING = "Left out of this copy (shown to you, the checker, only)"
NOTHING_LEFT_OUT = "Nothing was left out of this copy."
FINGERPRINT_DIGITS = 12


def confirm_label(recipient: str) -> str:
    """The confirm button's words (``&`` in a name shown as itself, not a mnemonic)."""
    return "&Confirm: this is right for " + recipient.replace("&", "&&")


class ReleaseReviewDialog(QtWidgets.QDialog):
    """The held copy as its recipient gets it, what it leaves out, and the checker's confirm.

    ``confirm`` records the check; if the service refuses, its one line is shown here
    and the dialog stays open. A copy whose source changed since it was made cannot be
    confirmed: it says so, and only Cancel is left.
    """

    def __init__(
        self,
        review: ReleaseReview,
        checker: str,
        confirm: Callable[[], object],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.review = review
        self._confirm = confirm
        self._pdf = bytes(review.data)
        self._sizes, self._problem = read_pdf(self._pdf)
        self._document: Any = None
        self.setWindowTitle(f"{TITLE} — {review.recipient}")
        self.setObjectName("releaseReviewDialog")
        item = review.item
        self.intro = text_label("releaseIntro", "What you are checking")
        self.intro.setText(
            f"{checker}, you are checking the {item.what} for {review.recipient}, made by "
            f"{item.author}. Read every page as {review.recipient} will get it. Confirm only "
            "if it is right for them."
        )
        self.stale = text_label("releaseStale", "This copy has changed", bold=True)
        self.stale.setText(STALE[:1].upper() + STALE[1:])
        self.stale.setStyleSheet(ERROR_STYLE)
        self.stale.setVisible(not review.current)
        self.error = text_label("releaseError", "Problem")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        self.pages = PageView(self._sizes, readable=not self._problem)
        self.pages.setAccessibleName(f"The {item.what} as {review.recipient} gets it")
        self.pages.setMinimumSize(160, 120)
        self.problem = text_label("releaseProblem", "Problem with the file")
        self.problem.setText(self._problem)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setVisible(bool(self._problem))

        side = QtWidgets.QWidget()
        side.setObjectName("releaseSide")
        form = QtWidgets.QFormLayout()
        self.recipient = text_label("releaseRecipient", "Recipient")
        self.recipient.setText(review.recipient)
        self.file_name = text_label("releaseFile", "File name")
        self.file_name.setText(item.file_name)
        self.fingerprint = text_label("releaseFingerprint", "Fingerprint (SHA-256)")
        self.fingerprint.setText(review.sha256[:FINGERPRINT_DIGITS])
        self.fingerprint.setToolTip(f"SHA-256 of the file: {review.sha256}")
        self.fingerprint.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        )
        form.addRow("For:", self.recipient)
        form.addRow("File:", self.file_name)
        form.addRow("Fingerprint:", self.fingerprint)
        heading = QtWidgets.QLabel(f"&{LEFT_OUT_HEADING}")
        heading.setObjectName("leftOutHeading")
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.left_out = QtWidgets.QListWidget()
        self.left_out.setObjectName("leftOutList")
        self.left_out.setAccessibleName(LEFT_OUT_HEADING)
        self.left_out.setWordWrap(True)
        self.left_out.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)
        self.left_out.setMinimumHeight(80)
        self.left_out.setAlternatingRowColors(True)  # one reason from the next
        self.left_out.setSpacing(2)
        self.left_out.addItems(list(review.left_out) or [NOTHING_LEFT_OUT])
        heading.setBuddy(self.left_out)
        side_layout = QtWidgets.QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(form)
        side_layout.addWidget(heading)
        side_layout.addWidget(self.left_out, 1)

        look = QtWidgets.QWidget()
        look_layout = QtWidgets.QVBoxLayout(look)
        look_layout.setContentsMargins(0, 0, 0, 0)
        look_layout.addWidget(self.problem)
        look_layout.addWidget(self.pages, 1)
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.splitter.addWidget(look)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.buttons = QtWidgets.QDialogButtonBox()
        box = QtWidgets.QDialogButtonBox
        self.confirm_button = QtWidgets.QPushButton(confirm_label(review.recipient))
        self.confirm_button.setObjectName("confirmRelease")
        self.confirm_button.setAccessibleName(f"Confirm: this is right for {review.recipient}")
        self.cancel_button = self.buttons.addButton(box.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.addButton(self.confirm_button, box.ButtonRole.AcceptRole)
        ready = review.current and not self._problem
        self.confirm_button.setEnabled(ready)
        for button in (self.confirm_button, self.cancel_button):
            button.setAutoDefault(False)
        (self.confirm_button if ready else self.cancel_button).setDefault(True)
        self.buttons.accepted.connect(self._on_confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.stale)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fit(1200, 800)
        self.pages.setFocus()

    def _fit(self, width: int, height: int) -> None:
        """``width`` × ``height``, or as much of the screen as there is."""
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QtGui.QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(max(width, 320), max(height, 240))
        self.splitter.setSizes([width * 3 // 5, width * 2 // 5])

    def _on_confirm(self) -> None:
        if not self.confirm_button.isEnabled():
            return
        try:
            with busy():
                self._confirm()
        except Exception as error:
            message = error_text(error)
            if message is None:
                raise
            self.error.setText(message)
            self.error.show()
            QtWidgets.QApplication.beep()
            return
        self.accept()

    # The pdfium document is open only while the dialog is shown, as in the preview
    # (pypdfium2 is imported when the first held copy is checked, not before).

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        if self._document is None and not self._problem:
            self._document = open_document(self._pdf)
            self.pages.canvas.set_document(self._document)
        super().showEvent(event)

    def hideEvent(self, event: QtGui.QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self.pages.canvas.set_document(None)
            if self._document is not None:
                self._document.close()
                self._document = None


class ReleaseCheck(QtCore.QObject):
    """One held copy's check: the second person's sign-in, then the review and confirm."""

    confirmed = QtCore.Signal(object)
    stopped = QtCore.Signal(str)

    def __init__(self, session: Session, item: ReleaseItem, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.item = item
        self._window = parent
        self.sign_in: SignInDialog | None = None
        self.review: ReleaseReviewDialog | None = None
        self.checker: Actor | None = None

    def start(self) -> bool:
        """Open the sign-in for a second person; False (and ``stopped``) if no one can check."""
        try:
            names = set(self.session.release.checkers(self.item.id))
            users = [u for u in self.session.users.users() if u.name in names]
        except Exception as error:
            return self._stop(error)
        if not users:
            self.stopped.emit(ALONE)
            return False
        recipient = self.item.recipient_name
        dialog = SignInDialog(
            users,
            sign_in=self.session.users.sign_in,
            choose_first=self.session.users.choose_first,
            parent=self._window,
            title=TITLE,
            purpose=(
                f"{self.item.author} made the {self.item.what} for {recipient}. Before it is "
                f"released, someone else checks that it is right for {recipient}: the author "
                "cannot check their own work. Choose your name and type your own password. "
                f"{self.item.author} stays signed in."
            ),
        )
        dialog.setObjectName("releaseSignIn")
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._signed_in)
        self.sign_in = dialog
        dialog.open()
        return True

    def _signed_in(self) -> None:
        dialog = self.sign_in
        actor = None if dialog is None else dialog.actor
        self.sign_in = None
        if actor is None:
            return
        self.checker = actor
        try:
            with busy():
                review = self.session.release.review(self.item.id)
        except Exception as error:
            self._stop(error)
            return
        check_id = self.item.id
        shown = ReleaseReviewDialog(
            review,
            actor.name,
            lambda: self.session.release.confirm(check_id, actor),
            parent=self._window,
        )
        shown.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        shown.accepted.connect(self._on_confirmed)
        self.review = shown
        shown.open()

    def _on_confirmed(self) -> None:
        self.review = None
        self.confirmed.emit(self.item)

    def _stop(self, error: BaseException) -> bool:
        message = error_text(error)
        if message is None:
            raise error
        self.stopped.emit(message)
        return False
