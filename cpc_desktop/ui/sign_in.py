"""Signing in as a named user of the store: after unlocking, and for a second person's check.

The store's passphrase opens the file; signing in says who is at the keyboard. Each user
has their own password; a user who has none yet (a store made before passwords, or a new
user's first sign-in when the chair set none) chooses one here, typed twice. A failed
sign-in says only that the name and password do not match (the service decides and
audits); the dialog never says which was wrong.

The same dialog serves the release check (disclosure.md): a second person signs in
without closing the conference, the author left off the list of names.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence

from PySide6 import QtCore, QtWidgets

from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from cpc_desktop.services.users import MIN_SECRET, StoreUser
from cpc_desktop.ui.errors import user_message

ERROR_STYLE = "color: #b91c1c; font-weight: bold;"

#: ``(name, password) -> Actor``: the service's check, raising ServiceError when refused.
Check = Callable[[str, str], Actor]
#: ``(name, new password, full name) -> Actor``: a first password, and the person's name.
FirstCheck = Callable[[str, str, str], Actor]


def role_words(role: object) -> str:
    """A store role as people say it: "minute taker", "read only", "chair"."""
    value = getattr(role, "value", str(role))
    return str(value).replace("_", " ")


class SignInDialog(QtWidgets.QDialog):
    """Choose who you are, type your password (or choose one), and sign in.

    ``sign_in`` checks a password; ``choose_first`` sets the first password of a user who
    has none, with their full name (a store made under a computer account names its first
    chair by that account until they say who they are), and signs them in. On
    acceptance :attr:`actor` is who signed in.
    """

    def __init__(
        self,
        users: Sequence[StoreUser],
        sign_in: Check,
        choose_first: FirstCheck,
        parent: QtWidgets.QWidget | None = None,
        *,
        title: str = "Sign in",
        purpose: str = "Choose your name and type your own password.",
        account: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.actor: Actor | None = None
        self._users = tuple(users)
        self._sign_in, self._choose_first = sign_in, choose_first
        self._account = account  # the computer's login name, never a person's name here
        intro = QtWidgets.QLabel(purpose)
        intro.setWordWrap(True)
        self.name = QtWidgets.QComboBox()
        self.name.setObjectName("signInName")
        self.name.setAccessibleName("Your name")
        for user in self._users:
            self.name.addItem(f"{user.name} ({role_words(user.role)})", user.name)
        self.password = QtWidgets.QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setAccessibleName("Your password")
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.again = QtWidgets.QLineEdit()
        self.again.setObjectName("signInAgain")
        self.again.setAccessibleName("The new password again")
        self.again.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.full_name = QtWidgets.QLineEdit()
        self.full_name.setObjectName("signInFullName")
        self.full_name.setAccessibleName("Your full name")
        self.full_name.setMaxLength(200)
        self.hint = QtWidgets.QLabel()
        self.hint.setObjectName("signInHint")
        self.hint.setWordWrap(True)
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("signInError")
        self.error.setAccessibleName("Problem")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.form = QtWidgets.QFormLayout()
        self.form.addRow("&Name:", self.name)
        self.form.addRow("&Password:", self.password)
        self.form.addRow("Type it &again:", self.again)
        self.form.addRow("Your &full name:", self.full_name)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Sign in")
        self.ok.setDefault(True)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.name.currentIndexChanged.connect(self._on_user)
        self._on_user()
        if not self._users:
            self.error.setText("There is no one here who can sign in.")
            self.ok.setEnabled(False)
        self.password.setFocus()

    def _chosen(self) -> StoreUser | None:
        index = self.name.currentIndex()
        return self._users[index] if 0 <= index < len(self._users) else None

    def _on_user(self) -> None:
        user = self._chosen()
        first = user is not None and not user.has_password
        self.form.setRowVisible(self.again, first)
        self.form.setRowVisible(self.full_name, first)
        self.full_name.setText(user.name if first and user is not None else "")
        self.hint.setText(
            f"{user.name} has no password yet: choose one of at least {MIN_SECRET} "
            "characters and type it twice. Keep it to yourself. Give your full name as it "
            "should appear on what you approve and in the record."
            if first and user is not None
            else ""
        )
        self.hint.setVisible(first)
        self.error.clear()
        self.password.clear()
        self.again.clear()

    def _on_accept(self) -> None:
        user = self._chosen()
        if user is None:
            return
        secret = self.password.text()
        first = not user.has_password
        if first and secret != self.again.text():
            self._refuse("The two passwords are not the same.")
            return
        full_name = " ".join(self.full_name.text().split())
        if first and self._account and full_name == self._account:
            self.error.setText(
                f"{full_name} is this computer's account name. Give your own name, as it "
                "should appear on what you approve."
            )
            self.full_name.setFocus()
            self.full_name.selectAll()
            return
        try:
            if first:
                self.actor = self._choose_first(user.name, secret, self.full_name.text())
            else:
                self.actor = self._sign_in(user.name, secret)
        except ServiceError as error:
            self._refuse(_sentence(str(error)))
            return
        except Exception as error:  # the store's own refusal: full, damaged, being checked
            message = user_message(error)
            if message is None:
                raise
            self._refuse(_sentence(message))
            return
        self.password.clear()
        self.again.clear()
        self.accept()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.password.clear()
        self.again.clear()
        self.password.setFocus()
        QtWidgets.QApplication.beep()
        QtCore.QTimer.singleShot(0, lambda: self.password.setFocus())


def sign_in_to(session: Session, parent: QtWidgets.QWidget | None = None) -> SignInDialog:
    """The dialog that starts a session: every user of the store may sign in.

    On acceptance the session acts as the person who signed in (:meth:`Session.act_as`).
    """
    dialog = SignInDialog(
        session.users.users(),
        session.users.sign_in,
        session.users.choose_first,
        parent,
        purpose="The store is open. Choose your name and type your own password, so that "
        "what you do is recorded as yours.",
        account=_account(),
    )

    def act() -> None:
        if dialog.actor is not None:
            session.act_as(dialog.actor)

    dialog.accepted.connect(act)
    return dialog


def _account() -> str:
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no login name on this system
        return ""


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
