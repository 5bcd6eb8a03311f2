"""The chair's signing certificate: where its file is, creating one, and unlocking it.

Preferences keep only the path of the certificate file (PKCS#12, ``.p12``), never its
passphrase. :func:`ask_certificate` asks for the passphrase when something is to be
signed; the opened certificate is kept in memory for the rest of the session (never
written anywhere) and forgotten when the window locks. pyHanko and the certificate code
are imported only when needed: they are slow to load.
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.ui.output.common import busy
from cpc_desktop.ui.settings import Preferences

if TYPE_CHECKING:
    from cpc_desktop.export.signing import ChairCertificate

TITLE = "Signing certificate"
FILE_FILTER = "Certificate files (*.p12 *.pfx);;All files (*)"
MIN_PASSPHRASE = 8
_ATTEMPTS = 3

#: Opened certificates for this session: (path, SHA-256 of the file) → certificate.
_opened: dict[tuple[str, str], ChairCertificate] = {}


def forget_certificates() -> None:
    """Drop every opened certificate (on locking, or when the file changes)."""
    _opened.clear()


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _start_folder(preferences: Preferences) -> Path:
    current = preferences.signing_certificate
    if current is not None and current.parent.is_dir():
        return current.parent
    documents = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.DocumentsLocation
    )
    return Path(documents) if documents else Path.home()


def choose_certificate_file(
    parent: QtWidgets.QWidget | None, preferences: Preferences
) -> Path | None:
    """Ask for the certificate file and remember it; ``None`` if the user cancels."""
    chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
        parent, "Choose your signing certificate", str(_start_folder(preferences)), FILE_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    preferences.signing_certificate = path
    return path


def cached_certificate(preferences: Preferences) -> ChairCertificate | None:
    """The certificate already opened this session from the chosen file, if any."""
    path = preferences.signing_certificate
    if path is None:
        return None
    for (where, _digest), certificate in _opened.items():
        if where == str(path):
            return certificate
    return None


def ask_certificate(
    parent: QtWidgets.QWidget | None, preferences: Preferences
) -> ChairCertificate | None:
    """The chair's certificate, ready to sign, or ``None`` if it cannot be had.

    Asks for the file if none is chosen yet, then for its passphrase (three tries at
    most); every problem is said plainly in one line.
    """
    from cpc_desktop.export.signing import SigningError, load_certificate

    path = preferences.signing_certificate
    if path is None:
        answer = QtWidgets.QMessageBox.question(
            parent,
            TITLE,
            "No signing certificate is chosen yet. Choose your certificate file (.p12) now?",
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None
        path = choose_certificate_file(parent, preferences)
        if path is None:
            return None
    try:
        data = path.read_bytes()
    except OSError as error:
        QtWidgets.QMessageBox.warning(
            parent,
            TITLE,
            f"Your certificate file {path} could not be read ({error.strerror or error}). "
            "Choose it again under File › Signing certificate….",
        )
        return None
    key = (str(path), hashlib.sha256(data).hexdigest())
    known = _opened.get(key)
    if known is not None and known.not_after > datetime.now(UTC):
        return known
    for _ in range(_ATTEMPTS):
        passphrase, ok = QtWidgets.QInputDialog.getText(
            parent,
            TITLE,
            f"Passphrase of your signing certificate ({path.name}):",
            echo=QtWidgets.QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        try:
            with busy():
                certificate = load_certificate(data, passphrase.encode("utf-8"))
        except SigningError as error:
            QtWidgets.QMessageBox.warning(parent, TITLE, _sentence(str(error)))
            if "passphrase" in str(error):
                continue  # a wrong passphrase: ask again
            return None
        for other in [k for k in _opened if k[0] == key[0]]:
            del _opened[other]
        _opened[key] = certificate
        return certificate
    return None


# --------------------------------------------------------------------------- creating


class CreateCertificateDialog(QtWidgets.QDialog):
    """The name on a new self-signed certificate and the passphrase that protects it."""

    def __init__(self, default_name: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Create a self-signed certificate")
        self.setObjectName("createCertificateDialog")
        intro = QtWidgets.QLabel(
            "A self-signed certificate lets you sign minutes and letters, so that a signed file "
            "can be checked for changes (File › Verify a signed PDF…). It does not prove who "
            "you are to people outside your service: where your authority gives you a "
            "certificate, use that one instead."
        )
        intro.setWordWrap(True)
        self.name = QtWidgets.QLineEdit(default_name)
        self.name.setAccessibleName("Name on the certificate")
        self.name.setMaxLength(64)
        self.passphrase = QtWidgets.QLineEdit()
        self.passphrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.repeat = QtWidgets.QLineEdit()
        self.repeat.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Passphrase again")
        self.years = QtWidgets.QSpinBox()
        self.years.setRange(1, 5)
        self.years.setValue(2)
        self.years.setSuffix(" years")
        self.years.setAccessibleName("Valid for")
        form = QtWidgets.QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("&Again:", self.repeat)
        form.addRow("&Valid for:", self.years)
        self.problem = QtWidgets.QLabel()
        self.problem.setObjectName("certificateProblem")
        self.problem.setAccessibleName("What is missing")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9b1c1c;")
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Create and save…")
        self.ok.setAccessibleName("Create and save")
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.name, self.passphrase, self.repeat):
            edit.textChanged.connect(self._check)
        self._check()
        self.resize(480, self.sizeHint().height())

    def missing(self) -> str:
        """Why the certificate cannot be made yet, or "" when it can."""
        if not self.name.text().strip():
            return "Type the name to put on the certificate."
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            return f"The passphrase needs at least {MIN_PASSPHRASE} characters."
        if self.passphrase.text() != self.repeat.text():
            return "The two passphrases are not the same."
        return ""

    def _check(self) -> None:
        problem = self.missing()
        self.problem.setText(problem)
        self.ok.setEnabled(not problem)

    def accept(self) -> None:
        if self.missing():
            return
        super().accept()


def _write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to a file that must not exist yet (never replaces one)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _safe_file_name(name: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in name.strip()).strip("-")
    return "-".join(part for part in kept.split("-") if part) or "signing"


def create_certificate(
    parent: QtWidgets.QWidget | None, preferences: Preferences, default_name: str
) -> Path | None:
    """Make a self-signed certificate, save it where the user says, offer to use it."""
    from cpc_desktop.export.signing import SigningError, create_self_signed

    dialog = CreateCertificateDialog(default_name, parent)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    name = dialog.name.text().strip()
    passphrase = dialog.passphrase.text().encode("utf-8")
    days = dialog.years.value() * 365
    dialog.deleteLater()
    try:
        with busy():
            data = create_self_signed(name, passphrase, valid_days=days)
    except SigningError as error:
        QtWidgets.QMessageBox.warning(parent, "Create a certificate", _sentence(str(error)))
        return None
    start = _start_folder(preferences) / f"{_safe_file_name(name)}-signing.p12"
    while True:
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            parent,
            "Save the new certificate",
            str(start),
            "Certificate files (*.p12)",
            options=QtWidgets.QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".p12", ".pfx"):
            path = path.with_name(path.name + ".p12")
        try:
            _write_new(path, data)
        except FileExistsError:
            QtWidgets.QMessageBox.warning(
                parent,
                "Create a certificate",
                f"{path.name} already exists. A certificate file is never replaced: "
                "choose another name.",
            )
            start = path
            continue
        except OSError as error:
            QtWidgets.QMessageBox.warning(
                parent,
                "Create a certificate",
                f"{path.name} could not be saved in {path.parent} "
                f"({error.strerror or error}). Nothing was written there.",
            )
            return None
        break
    use = preferences.signing_certificate is None
    if not use:
        use = (
            QtWidgets.QMessageBox.question(
                parent,
                "Create a certificate",
                f"The certificate was saved as {path}. Sign with it from now on?",
            )
            == QtWidgets.QMessageBox.StandardButton.Yes
        )
    if use:
        preferences.signing_certificate = path
    return path


# --------------------------------------------------------------------------- the dialog


class SigningCertificateDialog(QtWidgets.QDialog):
    """Which certificate file signs the minutes and letters; choose, check or forget it."""

    def __init__(
        self,
        preferences: Preferences,
        default_name: str,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.default_name = default_name
        self.setWindowTitle(TITLE)
        self.setObjectName("signingCertificateDialog")
        intro = QtWidgets.QLabel(
            "Issued minutes and letters are signed with your own certificate file (.p12). "
            "CPC Desktop remembers where the file is, never its passphrase: you type that "
            "when you sign."
        )
        intro.setWordWrap(True)
        self.path = QtWidgets.QLineEdit()
        self.path.setReadOnly(True)
        self.path.setObjectName("certificatePath")
        self.path.setAccessibleName("Certificate file")
        self.details = QtWidgets.QLabel()
        self.details.setObjectName("certificateDetails")
        self.details.setAccessibleName("Certificate details")
        self.details.setWordWrap(True)
        self.choose_button = QtWidgets.QPushButton("&Choose file…")
        self.choose_button.setAccessibleName("Choose the certificate file")
        self.check_button = QtWidgets.QPushButton("C&heck passphrase…")
        self.check_button.setAccessibleName("Check the passphrase")
        self.create_button = QtWidgets.QPushButton("C&reate a self-signed certificate…")
        self.create_button.setAccessibleName("Create a self-signed certificate")
        self.forget_button = QtWidgets.QPushButton("&Forget this file")
        self.forget_button.setAccessibleName("Forget this certificate file")
        self.choose_button.clicked.connect(self._choose)
        self.check_button.clicked.connect(self._check)
        self.create_button.clicked.connect(self._create)
        self.forget_button.clicked.connect(self._forget)
        row = QtWidgets.QHBoxLayout()
        for button in (
            self.choose_button,
            self.check_button,
            self.create_button,
            self.forget_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.button(QtWidgets.QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        close.rejected.connect(self.reject)
        form = QtWidgets.QFormLayout()
        form.addRow("Certificate file:", self.path)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(close)
        self.resize(680, 240)
        self.refresh()

    def refresh(self) -> None:
        path = self.preferences.signing_certificate
        self.path.setText(str(path) if path else "")
        self.path.setPlaceholderText("No certificate chosen: issued documents cannot be signed")
        self.check_button.setEnabled(path is not None)
        self.forget_button.setEnabled(path is not None)
        if path is None:
            self.details.setText("Choose your certificate file, or create a self-signed one.")
            return
        if not path.is_file():
            self.details.setText(f"The file is not there any more: choose it again ({path}).")
            return
        opened = cached_certificate(self.preferences)
        if opened is None:
            self.details.setText("Its details show once its passphrase has been typed.")
        else:
            self.details.setText(
                f"Signs as {opened.subject}, valid until {weekday_date(opened.not_after.date())}. "
                "It is open for this session; locking closes it."
            )

    def _choose(self) -> None:
        if choose_certificate_file(self, self.preferences) is not None:
            forget_certificates()
        self.refresh()

    def _check(self) -> None:
        ask_certificate(self, self.preferences)
        self.refresh()

    def _create(self) -> None:
        create_certificate(self, self.preferences, self.default_name)
        self.refresh()

    def _forget(self) -> None:
        self.preferences.signing_certificate = None
        forget_certificates()
        self.refresh()
