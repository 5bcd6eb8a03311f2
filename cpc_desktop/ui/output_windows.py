"""The dialogs a chair opens over the main window, one at a time and modally.

The conference's outputs (minutes and approval, outcome letters, distribution), the
signing commands, and hand-over between laptops. Only one is open at a time; locking
closes it and everything opened from it (:meth:`OutputWindows.close_all`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets

if TYPE_CHECKING:
    from cpc_desktop.ui.main_window import MainWindow


class OutputWindows:
    """Opens the main window's dialogs; ``current`` is the one open, if any."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.current: QtWidgets.QDialog | None = None

    # --- the conference's outputs: minutes, letters, distribution ---------------------

    def show_minutes_approval(self) -> None:
        from cpc_desktop.ui.output.minutes_window import MinutesWindow

        self._open(MinutesWindow)

    def show_outcome_letters(self) -> None:
        from cpc_desktop.ui.output.letters_window import LettersWindow

        self._open(LettersWindow)

    def show_distribution(self) -> None:
        from cpc_desktop.ui.output.distribution_window import DistributionWindow

        self._open(DistributionWindow)

    def _open(self, kind: Any) -> None:
        """Open one of the conference's output windows, modally, over the open conference."""
        if self.window.locked or self.window.workspace is None or self.current is not None:
            return
        if not self.window.workspace.can_leave("open the conference's outputs"):
            return  # what was typed is in the record before it is approved, or taken out
        try:
            dialog = kind(
                self.window.session,
                self.window.workspace.reference,
                self.window.preferences,
                self.window,
            )
        except Exception as error:
            self.window.report(error)
            return
        dialog.changed.connect(self.window.refresh)
        dialog.changed.connect(self.window.workspace.minutes_state_changed)
        self.run(dialog)

    def run(self, dialog: QtWidgets.QDialog) -> None:
        self.current = dialog
        try:
            dialog.exec()
        finally:
            self.current = None
            dialog.deleteLater()

    def close_all(self) -> None:
        """Close the open output window and everything opened from it (before locking)."""
        owner = self.current
        if owner is None:
            return

        def depth(widget: QtWidgets.QWidget) -> int | None:
            steps = 0
            current: QtWidgets.QWidget | None = widget
            while current is not None:
                if current is owner:
                    return steps
                current = current.parentWidget()
                steps += 1
            return None

        opened = []
        for widget in QtWidgets.QApplication.topLevelWidgets():
            level = depth(widget)
            if isinstance(widget, QtWidgets.QDialog) and widget.isVisible() and level is not None:
                opened.append((level, widget))
        for _level, widget in sorted(opened, key=lambda pair: -pair[0]):
            widget.reject()

    # --- signing ----------------------------------------------------------------------

    def verify_pdf(self) -> None:
        from cpc_desktop.ui.output.verify_dialog import VerifyDialog

        if self.window.locked or self.current is not None:
            return
        self.run(VerifyDialog(self.window.session, self.window))

    def signing_certificate(self) -> None:
        from cpc_desktop.ui.output.certificates import SigningCertificateDialog

        if self.window.locked or self.current is not None:
            return
        self.run(
            SigningCertificateDialog(
                self.window.preferences, self.window.session.actor.name, self.window
            )
        )

    def create_certificate(self) -> None:
        from cpc_desktop.ui.output.certificates import create_certificate

        if self.window.locked:
            return
        path = create_certificate(
            self.window, self.window.preferences, self.window.session.actor.name
        )
        if path is not None:
            self.window.statusBar().showMessage(f"Certificate saved as {path}", 8000)

    # --- hand-over between laptops -----------------------------------------------------

    def hand_over(self) -> None:
        """Export the open conference, or else the one selected on the home screen."""
        from cpc_desktop.ui.handover.export_dialog import ExportDialog

        if self.window.locked or self.current is not None:
            return
        if self.window.workspace is not None:
            if not self.window.workspace.can_leave("hand over the conference"):
                return  # what was typed goes in the package
            ref = self.window.workspace.reference
        else:
            ref = self.window.home.selected_reference()
        if ref is None:
            QtWidgets.QMessageBox.information(
                self.window,
                "Hand over a conference",
                "Open a conference, or select one on the home screen, to hand it over.",
            )
            return
        dialog = ExportDialog(self.window.session, ref, self.window)
        self.run(dialog)
        if dialog.result_path is not None:
            self.window.statusBar().showMessage(f"{ref} handed over as {dialog.result_path}", 8000)

    def import_handover(self) -> None:
        from cpc_desktop.ui.handover.import_dialog import ImportDialog

        if self.window.locked or self.current is not None:
            return
        if self.window.workspace is not None and not self.window.workspace.can_leave(
            "import a hand-over"
        ):
            return  # the preview compares against what was typed
        dialog = ImportDialog(
            self.window.session,
            self.window,
            before_write=self.window.show_home,
            restore=self.window.restore_backup,
        )
        dialog.changed.connect(self.window.refresh)
        dialog.changed.connect(self.window.workspace.minutes_state_changed)
        self.run(dialog)
