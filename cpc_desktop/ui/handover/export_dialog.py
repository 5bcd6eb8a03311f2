"""Hand over a conference: seal it in one ``.cpcx`` file with a passphrase for the other laptop.

The passphrase is typed twice and must reach the other person some other way (by
phone, in person), never in the same e-mail as the file. The file is written by the
hand-over service, which also remembers the copy handed over, so the import that
comes back can tell what each side changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.export.package import DEFAULT_COST, SUFFIX, KdfCost
from cpc_desktop.ui.output.common import busy, error_text, show_error, text_label
from cpc_desktop.ui.passphrase import MIN_LENGTH, strength

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

TITLE = "Hand over a conference"
_OK_STYLE = "background: #dcfce7; color: #0f3d1f; border: 2px solid #15803d; border-radius: 4px;"
_NOTE_STYLE = "background: #e0ecff; color: #0b2545; border: 1px solid #6b8fc7; border-radius: 4px;"


def default_folder() -> Path:
    found = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.DocumentsLocation
    )
    return Path(found) if found and Path(found).is_dir() else Path.home()


def with_suffix(path: Path) -> Path:
    """``path`` ending in ``.cpcx`` (added when the name has another ending or none)."""
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


class ExportDialog(QtWidgets.QDialog):
    """The passphrase (twice) and where to save the package for conference ``ref``."""

    def __init__(
        self,
        session: Session,
        ref: str,
        parent: QtWidgets.QWidget | None = None,
        *,
        cost: KdfCost = DEFAULT_COST,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ref = ref
        self.cost = cost
        self.result_path: Path | None = None
        self._confirmed_path: Path | None = None  # chosen in the file dialog (which asks)
        self.setWindowTitle(f"{TITLE} — {ref}")
        self.setObjectName("handoverExportDialog")
        self._build_ui()
        self.set_path(default_folder() / f"{ref}{SUFFIX}", confirmed=False)
        self._check()
        self.resize(640, 440)

    def _build_ui(self) -> None:
        intro = text_label("exportIntro", "What this does")
        intro.setText(
            f"Hand over saves conference {self.ref} in one file, locked with a passphrase, for "
            "the other laptop (the minute-taker's, or the chair's). When the file comes back, "
            "Import a hand-over shows what was changed before anything is written."
        )
        self.note = text_label("passphraseNote", "Keep the passphrase apart", margin=6)
        self.note.setText(
            "Tell the other person the passphrase another way: by phone or in person. Never "
            "put it in the same e-mail or message as the file, and never write it on the "
            "memory stick."
        )
        self.note.setStyleSheet(_NOTE_STYLE)

        self.passphrase = QtWidgets.QLineEdit()
        self.passphrase.setObjectName("handoverPassphrase")
        self.passphrase.setAccessibleName("Hand-over passphrase")
        self.passphrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.repeat = QtWidgets.QLineEdit()
        self.repeat.setObjectName("handoverRepeat")
        self.repeat.setAccessibleName("Hand-over passphrase again")
        self.repeat.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.show_check = QtWidgets.QCheckBox("S&how the passphrase")
        self.show_check.setAccessibleName("Show the passphrase")
        self.show_check.toggled.connect(self._show_passphrase)
        self.hint = QtWidgets.QLabel()
        self.hint.setObjectName("passphraseStrength")
        self.hint.setAccessibleName("How strong the passphrase is")
        self.hint.setWordWrap(True)
        self.passphrase.textChanged.connect(self._check)
        self.repeat.textChanged.connect(self._check)

        self.path = QtWidgets.QLineEdit()
        self.path.setObjectName("handoverPath")
        self.path.setAccessibleName("Save the package as")
        self.path.setReadOnly(True)
        self.choose_button = QtWidgets.QPushButton("&Choose where…")
        self.choose_button.setAccessibleName("Choose where to save")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        where = QtWidgets.QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose_button)

        form = QtWidgets.QFormLayout()
        for text, field in (("&Passphrase:", self.passphrase), ("&Again:", self.repeat)):
            label = QtWidgets.QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.show_check)
        form.addRow("", self.hint)
        where_label = QtWidgets.QLabel("Save as:")
        form.addRow(where_label, where)

        self.problem_label = text_label("exportProblem", "What is wrong")
        self.problem_label.setStyleSheet("color: #9b1c1c;")
        self.done_label = text_label("exportDone", "Result", bold=True, margin=8)
        self.done_label.setStyleSheet(_OK_STYLE)
        self.done_label.setVisible(False)

        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Hand &over")
        self.ok.setAccessibleName("Hand over")
        self.cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    # --- typing ----------------------------------------------------------------------

    def _show_passphrase(self, shown: bool) -> None:
        mode = QtWidgets.QLineEdit.EchoMode
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(mode.Normal if shown else mode.Password)

    def _check(self) -> None:
        text = self.passphrase.text()
        if text:
            rated = strength(text)
            self.hint.setText(f"Strength: {rated.label}. {rated.advice}")
        else:
            self.hint.setText(f"At least {MIN_LENGTH} characters; a short sentence works well.")
        self.problem_label.clear()

    def problem(self) -> tuple[str, QtWidgets.QWidget | None]:
        """Why the package cannot be made yet and where to fix it, or ("", None)."""
        text, again = self.passphrase.text(), self.repeat.text()
        if not text:
            return "Type a passphrase for the package.", self.passphrase
        if len(text) < MIN_LENGTH:
            too_short = f"The passphrase is too short: use at least {MIN_LENGTH} characters."
            return too_short, self.passphrase
        if text != again:
            return "The two passphrases are not the same. Type it again.", self.repeat
        path = Path(self.path.text())
        if path.exists() and path != self._confirmed_path:
            exists = f"{path.name} is already there. Choose where to save the package."
            return exists, self.choose_button
        return "", None

    # --- where -----------------------------------------------------------------------

    def set_path(self, path: Path, *, confirmed: bool = True) -> None:
        path = with_suffix(path)
        self.path.setText(str(path))
        self._confirmed_path = path if confirmed else None

    def choose(self) -> None:
        start = self.path.text() or str(default_folder() / f"{self.ref}{SUFFIX}")
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Save the hand-over package", start, f"Hand-over packages (*{SUFFIX})"
        )
        if chosen:
            path = Path(chosen)
            # The file dialog asked about replacing only the name it was given.
            self.set_path(path, confirmed=with_suffix(path) == path)
            self.problem_label.clear()

    # --- exporting -------------------------------------------------------------------

    def export(self) -> None:
        if self.result_path is not None:
            self.accept()
            return
        problem, where = self.problem()
        if problem:
            self.problem_label.setText(problem)
            if where is not None:
                where.setFocus()
            return
        path = Path(self.path.text())
        try:
            with busy():
                result = self.session.handover.export_package(
                    self.ref, path, self.passphrase.text(), cost=self.cost
                )
        except Exception as error:
            message = error_text(error)
            if message is None:
                show_error(self, error, TITLE)  # a bug: raised
                return
            self.problem_label.setText(message)
            return
        self.result_path = Path(result.path)
        for field in (self.passphrase, self.repeat):
            field.clear()
            field.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.show_check.setEnabled(False)
        self.done_label.setText(
            f"Handed over: {self.ref} is saved as {self.result_path.name} in "
            f"{self.result_path.parent}. Send the file; tell the passphrase by phone or in "
            "person."
        )
        self.done_label.setVisible(True)
        self.ok.setText("&Close")
        self.ok.setAccessibleName("Close")
        self.cancel.setVisible(False)
        self.ok.setFocus()
