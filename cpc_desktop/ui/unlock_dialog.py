"""Unlocking a store, or creating one on first run.

The dialog never opens anything itself: it hands the path and passphrase to an
``opener`` callable and shows the one-line message of whatever that raises, so a
wrong passphrase can simply be typed again.

A store on a PostgreSQL server (``server``: its address as shown, without a password)
has no passphrase: the dialog only connects, and says why not if the server refuses;
signing in as a named user follows, as for a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.passphrase import MIN_LENGTH, strength

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

#: (path or URL, passphrase, create) -> an open session; raises an error with ``.message``.
Opener = Callable[[Path | str, str, bool], Any]

#: If no paint has come this long after the dialog was first shown, :attr:`painted`
#: is emitted anyway (a window that is covered or off-screen may not paint).
PAINT_FALLBACK_MS = 250


class UnlockDialog(QtWidgets.QDialog):
    """Asks for the passphrase (twice, with a strength hint, when creating)."""

    #: Emitted once, in an event-loop turn after the dialog's first paint (or
    #: :data:`PAINT_FALLBACK_MS` after it was first shown without painting): the moment to
    #: start background work without delaying the dialog itself.
    painted = QtCore.Signal()

    def __init__(
        self,
        path: Path | str,
        opener: Opener,
        parent: QtWidgets.QWidget | None = None,
        *,
        server: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._opener = opener
        self._server = server
        self._create = server is None and not Path(path).exists()
        self.session: Session | None = None
        self._shown_once = False
        self._painted_once = False
        title = "connect" if server else "create a store" if self._create else "unlock"
        self.setWindowTitle("CPC Desktop — " + title)
        self.setModal(True)
        self._build_ui()

    @property
    def creating(self) -> bool:
        return self._create

    def _build_ui(self) -> None:
        intro = QtWidgets.QLabel()
        intro.setWordWrap(True)
        intro.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        if self._create:
            intro.setText(
                f"No store exists yet at\n{self._path}\n\nChoose a passphrase to create one. "
                "Everything in the store is encrypted with it; without it nobody, including "
                "you, can read the store again."
            )
        elif self._server is not None:
            intro.setText(
                f"Connect to the shared store\n{self._server}\n\nThe server checks who you "
                "are (its password comes from ~/.pgpass, PGPASSWORD or the address); then "
                "you sign in with your own name."
            )
        else:
            intro.setText(f"Type the passphrase for\n{self._path}")
        self.passphrase = QtWidgets.QLineEdit()
        self.passphrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.confirm = QtWidgets.QLineEdit()
        self.confirm.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName("Passphrase again")
        self.hint = QtWidgets.QLabel()
        self.hint.setAccessibleName("Passphrase strength")
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("unlockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.error.setAccessibleName("Problem")
        self.error.hide()

        form = QtWidgets.QFormLayout()
        if self._server is None:
            form.addRow("&Passphrase:", self.passphrase)
        else:  # the server authenticates: no passphrase
            self.passphrase.setParent(self)
            self.passphrase.hide()
        if self._create:
            form.addRow("&Again:", self.confirm)
            form.addRow("Strength:", self.hint)
            self.passphrase.textChanged.connect(self._on_passphrase_changed)
            self._on_passphrase_changed("")
        else:
            self.confirm.hide()
            self.hint.hide()

        buttons = QtWidgets.QDialogButtonBox()
        self.ok = buttons.addButton(
            "&Connect" if self._server else "&Create store" if self._create else "&Unlock",
            QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok.setDefault(True)
        quit_button = buttons.addButton("&Quit", QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAccessibleName("Quit")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.passphrase.setFocus()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QtCore.QTimer.singleShot(PAINT_FALLBACK_MS, self, self._emit_painted)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted_once:
            # After this paint cycle: the children paint in the same turn.
            QtCore.QTimer.singleShot(0, self, self._emit_painted)

    def _emit_painted(self) -> None:
        if not self._painted_once:
            self._painted_once = True
            self.painted.emit()

    def _on_passphrase_changed(self, text: str) -> None:
        found = strength(text)
        self.hint.setText(f"{found.label} — {found.advice}")

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _on_accept(self) -> None:
        text = self.passphrase.text()
        if not text and self._server is None:
            self._fail("Type the passphrase.")
            return
        if self._create:
            if len(text) < MIN_LENGTH:
                self._fail(f"A new store needs a passphrase of at least {MIN_LENGTH} characters.")
                return
            if self.confirm.text() != text:
                self.confirm.clear()
                self._fail("The two passphrases differ. Type them again.")
                return
        QtGui.QGuiApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            self.session = self._opener(self._path, text, self._create)
        except Exception as error:  # every store or service error carries .message
            message = user_message(error)
            if message is None:
                raise
            self._fail(message if message.endswith(".") else message + ".")
            return
        finally:
            QtGui.QGuiApplication.restoreOverrideCursor()
            self.confirm.clear()
        self.passphrase.clear()
        self.accept()
