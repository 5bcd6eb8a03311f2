"""Import a hand-over: open the package, see everything it would do, settle, import, undo.

Three steps in one window. *Open*: the ``.cpcx`` file and its passphrase; a wrong
passphrase or a damaged or foreign file is said in one line and the passphrase can be
typed again (nothing is written). *Preview*: who made the package and when, what it
adds, changes and removes and where the two copies disagree, entry by entry; each
conflict is settled (theirs, mine or an edited merge) before Import is offered, and a
package that may not be imported says why with Import off. *Result*: what was
written, and Undo import, which puts back the backup made just before. The preview
step is its own widget, :class:`ImportPreview` (``import_preview``).

Signals:
    changed: the store changed (an import was written or undone).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.merge import ChangeKind, Resolution, Side, UnitKey
from cpc_desktop.export.package import SUFFIX
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.handover.describe import Names
from cpc_desktop.ui.handover.import_preview import ImportPreview
from cpc_desktop.ui.output.common import (
    busy,
    error_text,
    plural,
    show_error,
    text_label,
)
from cpc_desktop.ui.permissions import why_not
from cpc_desktop.ui.screen_fit import fit_window, fitting

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

TITLE = "Import a hand-over"
_DONE = "background: #dcfce7; color: #0f3d1f; border: 2px solid #15803d; border-radius: 4px;"
_PROBLEM = "color: #9b1c1c;"


class ImportDialog(QtWidgets.QDialog):
    """Open, preview and import a hand-over package into ``session``'s store."""

    changed = QtCore.Signal()

    def __init__(
        self,
        session: Session,
        parent: QtWidgets.QWidget | None = None,
        *,
        before_write: Callable[[], None] | None = None,
        restore: Callable[[Path], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._before_write = before_write
        self._restore = restore
        self.package: Any = None
        self.preview: Any = None
        self.names: Names | None = None
        self.outcome: Any = None
        self.undone = False
        self.setWindowTitle(TITLE)
        self.setObjectName("handoverImportDialog")
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self._open_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._result_page())
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(760, 300)  # the preview makes it larger
        self.choose_button.setFocus()

    # --- step 1: open the package ------------------------------------------------------

    def _open_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        page.setObjectName("openPage")
        intro = text_label("importIntro", "What this does")
        intro.setText(
            "Open the hand-over package (a .cpcx file) that came back from the other laptop. "
            "You will see everything it adds, changes and removes, and settle anything the "
            "two laptops disagree on, before anything is written."
        )
        self.path = QtWidgets.QLineEdit()
        self.path.setObjectName("packagePath")
        self.path.setAccessibleName("Package file")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText("No file chosen")
        self.choose_button = QtWidgets.QPushButton("&Choose a file…")
        self.choose_button.setAccessibleName("Choose a package file")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        self.passphrase = QtWidgets.QLineEdit()
        self.passphrase.setObjectName("importPassphrase")
        self.passphrase.setAccessibleName("Hand-over passphrase")
        self.passphrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self.open_package)
        self.show_check = QtWidgets.QCheckBox("S&how")
        self.show_check.setAccessibleName("Show the passphrase")
        self.show_check.toggled.connect(self._show_passphrase)
        secret = QtWidgets.QHBoxLayout()
        secret.addWidget(self.passphrase, 1)
        secret.addWidget(self.show_check)
        form = QtWidgets.QFormLayout()
        file_label = QtWidgets.QLabel("File:")
        form.addRow(file_label, row)
        pass_label = QtWidgets.QLabel("&Passphrase:")
        pass_label.setBuddy(self.passphrase)
        form.addRow(pass_label, secret)
        self.open_problem = text_label("openProblem", "What went wrong")
        self.open_problem.setStyleSheet(_PROBLEM)
        self.open_button = QtWidgets.QPushButton("&Open the package")
        self.open_button.setAccessibleName("Open the package")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_package)
        cancel = QtWidgets.QPushButton("Cancel")
        cancel.setAccessibleName("Cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(cancel)
        layout = QtWidgets.QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.open_problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _show_passphrase(self, shown: bool) -> None:
        mode = QtWidgets.QLineEdit.EchoMode
        self.passphrase.setEchoMode(mode.Normal if shown else mode.Password)

    def choose(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text() else str(Path.home())
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            self,
            "Open a hand-over package",
            start,
            f"Hand-over packages (*{SUFFIX});;All files (*)",
        )
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        self.path.setText(str(path))
        self.open_problem.clear()
        self.passphrase.setFocus()

    def open_package(self) -> None:
        if not self.path.text():
            self.open_problem.setText("Choose the package file first.")
            self.choose_button.setFocus()
            return
        if not self.passphrase.text():
            self.open_problem.setText("Type the passphrase the other person gave you.")
            self.passphrase.setFocus()
            return
        try:
            with busy():
                package = self.session.handover.read(Path(self.path.text()), self.passphrase.text())
                preview = self.session.handover.preview(package)
        except Exception as error:
            message = error_text(error)
            if message is None:
                raise
            self.open_problem.setText(f"{message} Nothing was imported.")
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        self.show_preview(package, preview)

    # --- step 2: the preview -----------------------------------------------------------

    def _preview_page(self) -> ImportPreview:
        page = ImportPreview()
        page.import_button.clicked.connect(self.import_)
        page.cancel_button.clicked.connect(self.reject)
        # The preview's parts, by the names the rest of the program and the tests use.
        self.preview_page = page
        self.header, self.made, self.blocked = page.header, page.made, page.blocked
        self.model, self.tree, self.panel = page.model, page.tree, page.panel
        self.settled_label, self.import_button = page.settled_label, page.import_button
        self.keys_hint = page.keys_hint
        return page

    def show_preview(self, package: Any, preview: Any) -> None:
        self.package, self.preview = package, preview
        self.pages.setCurrentIndex(1)
        self._fit(1200, 720)
        self.setWindowTitle(f"{TITLE} — {package.reference}")
        self.preview_page.show_preview(package, preview)
        self.names = self.preview_page.names

    def _fit(self, width: int, height: int) -> None:
        """Grow to ``width`` × ``height``, or as much of the screen as there is, and stay
        on the screen (the dialog is already showing)."""
        self.resize(fitting(self, QtCore.QSize(width, height)))
        fit_window(self)

    def can_import(self) -> bool:
        return self.preview_page.can_import()

    def select(self, key: UnitKey, group: str | None = None) -> None:
        """Make the row for ``key`` current (and so show it in the panel)."""
        self.preview_page.select(key, group)

    def settle(self, key: UnitKey, resolution: Resolution) -> None:
        self.preview_page.settle(key, resolution)

    def conflict_keys(self) -> list[UnitKey]:
        return self.preview_page.conflict_keys()

    # --- step 3: import and the result -------------------------------------------------

    def _result_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        page.setObjectName("resultPage")
        self.done_banner = text_label("importDone", "Result", bold=True, scale=1.15, margin=8)
        self.done_banner.setStyleSheet(_DONE)
        self.details = text_label("importDetails", "What was written")
        self.details.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
            | QtCore.Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.undo_button = QtWidgets.QPushButton("&Undo import")
        self.undo_button.setAccessibleName("Undo import")
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo)
        close = QtWidgets.QPushButton("&Close")
        close.setAccessibleName("Close")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(page)
        layout.addWidget(self.done_banner)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def import_(self) -> None:
        if not self.can_import():
            return
        resolutions = dict(self.model.resolutions)
        if self._before_write is not None:
            self._before_write()
        try:
            with busy():
                result = self.session.handover.import_package(self.package, resolutions)
        except Exception as error:
            show_error(self, error, TITLE)
            return
        self.outcome = result
        self.done_banner.setText(f"Imported into {result.reference}.")
        lines = [self._written(resolutions)]
        if result.backup is not None:
            lines.append(
                "A backup of the store was made just before, so the import can be undone: "
                f"{result.backup}"
            )
            lines.append(
                "Undo import puts the whole store back as it was before this import; close "
                "this window to keep it."
            )
        self.details.setText("\n\n".join(lines))
        refused = why_not(self.session.actor, Action.RESTORE)  # undoing is the chair's
        self.undo_button.setEnabled(result.backup is not None and not refused)
        self.undo_button.setToolTip(refused)
        self.pages.setCurrentIndex(2)
        self._fit(760, 340)  # a short report, not the preview's wide list
        if self.undo_button.isEnabled():
            self.undo_button.setFocus()
        self.changed.emit()

    def _written(self, resolutions: dict[UnitKey, Resolution]) -> str:
        """What was written, in the preview's terms (the store also renumbers rows it
        moves, which the chair did not choose and need not be told)."""
        plan = self.preview.plan
        if plan is None:
            record = self.package.current
            return (
                f"The conference was added whole: "
                f"{plural(len(record.participants), 'person', 'people')}, "
                f"{plural(len(record.minutes), 'minute entry', 'minute entries')}."
            )
        text = (
            f"{plan.count(ChangeKind.ADDED)} added, {plan.count(ChangeKind.CHANGED)} changed, "
            f"{plan.count(ChangeKind.DELETED)} removed"
        )
        if resolutions:
            sides = [r.side for r in resolutions.values()]
            words = {Side.THEIRS: "took theirs", Side.MINE: "kept mine", Side.EDITED: "edited"}
            chosen = [f"{sides.count(side)} {words[side]}" for side in words if side in sides]
            text += f"; {plural(len(resolutions), 'conflict')} settled ({', '.join(chosen)})"
        return text + "."

    def undo(self) -> None:
        if self.outcome is None or self.outcome.backup is None or self.undone:
            return
        backup = Path(self.outcome.backup)
        try:
            with busy():
                if self._restore is not None:
                    self._restore(backup)
                else:
                    self.session.restore(backup)
        except Exception as error:
            show_error(self, error, "Undo the import")
            return
        self.undone = True
        self.undo_button.setEnabled(False)
        self.done_banner.setText(f"Import undone: {self.outcome.reference} is as it was before.")
        self.details.setText(
            "The store was put back from the backup made just before the import. The package "
            "can be imported again later."
        )
        self.changed.emit()
