"""Verify a signed PDF: is this file exactly one this store issued, signed and unchanged?

The verdict comes from the verification service: valid only when the signature holds
against a certificate the store recorded and the file's fingerprint is one it recorded.
The result says VALID or INVALID in words (not only colour), with the signer, when it
was signed and, for an invalid file, what is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.dates import plain_date
from cpc_desktop.ui.output.common import busy, moment_text, show_error

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

TITLE = "Verify a signed PDF"
_VALID_STYLE = "background: #dcfce7; color: #0f3d1f; border: 2px solid #15803d; border-radius: 4px;"
_INVALID_STYLE = (
    "background: #fde2e2; color: #7f1d1d; border: 2px solid #c53030; border-radius: 4px;"
)
_NONE_STYLE = "color: #374151;"


class VerifyDialog(QtWidgets.QDialog):
    """Choose a PDF and see whether its signature and fingerprint check out."""

    def __init__(self, session: Session, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.check: Any = None
        self.setWindowTitle(TITLE)
        self.setObjectName("verifyDialog")
        intro = QtWidgets.QLabel(
            "Check that a PDF is exactly a document issued from this store, signed and not "
            "changed since. Nothing in the file is changed or kept."
        )
        intro.setWordWrap(True)
        self.path = QtWidgets.QLineEdit()
        self.path.setReadOnly(True)
        self.path.setObjectName("verifyPath")
        self.path.setAccessibleName("File checked")
        self.path.setPlaceholderText("No file chosen")
        self.choose_button = QtWidgets.QPushButton("&Choose a PDF…")
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.setAccessibleName("Choose a PDF")
        self.choose_button.setAutoDefault(True)
        self.choose_button.clicked.connect(self.choose)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        self.verdict = QtWidgets.QLabel("Choose a file to check.")
        self.verdict.setObjectName("verdict")
        self.verdict.setAccessibleName("Verdict")
        self.verdict.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.verdict.setMargin(10)
        font = self.verdict.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.verdict.setFont(font)
        self.verdict.setStyleSheet(_NONE_STYLE)
        self.details = QtWidgets.QLabel()
        self.details.setObjectName("verifyDetails")
        self.details.setAccessibleName("Details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
            | QtCore.Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close_button.setAccessibleName("Close")
        close_button.setAutoDefault(False)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(close)
        self.resize(640, 360)

    def choose(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text() else str(Path.home())
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Choose a signed PDF", start, "PDF documents (*.pdf);;All files (*)"
        )
        if chosen:
            self.verify_path(Path(chosen))

    def verify_path(self, path: Path) -> None:
        self.path.setText(str(path))
        try:
            data = path.read_bytes()
        except OSError as error:
            self._clear()
            show_error(self, error, TITLE)
            return
        self.verify_bytes(data)

    def verify_bytes(self, data: bytes) -> None:
        try:
            with busy():
                check = self.session.verification.verify(data)
        except Exception as error:
            self._clear()
            show_error(self, error, TITLE)
            return
        self.check = check
        lines = []
        if check.valid:
            self.verdict.setText("✔ VALID")
            self.verdict.setStyleSheet(_VALID_STYLE)
            lines.append(
                "The signature holds and the file is exactly as it was issued from this store."
            )
        else:
            self.verdict.setText("✘ INVALID")
            self.verdict.setStyleSheet(_INVALID_STYLE)
            problem = (check.problem or "the signature did not pass validation").rstrip(".")
            lines.append(f"Problem: {problem[:1].upper() + problem[1:]}.")
            if "not recorded" in problem:
                lines.append(
                    "This is not a file issued from this store: it was changed after it was "
                    "issued, or it came from somewhere else."
                )
        if check.valid and check.version:
            lines.append(f"Minutes version: {check.version}")
        if check.valid and check.superseded_by:
            on = check.superseded_on
            issued = f" was issued on {plain_date(on.date())}" if on is not None else " was issued"
            lines.append(
                f"Superseded: version {check.superseded_by}{issued}. This file is genuine "
                "but no longer the current minutes."
            )
        if check.signer:
            lines.append(f"Signed by: {check.signer}")
        if check.signed_at is not None:
            lines.append(f"Signed on: {moment_text(check.signed_at)}")
        if check.fingerprint:
            lines.append(f"Fingerprint (SHA-256): {check.fingerprint}")
        self.details.setText("\n".join(lines))

    def _clear(self) -> None:
        self.check = None
        self.verdict.setText("Not checked.")
        self.verdict.setStyleSheet(_NONE_STYLE)
        self.details.clear()
