"""Whether the conference is quorate right now, and the chair's reason for going on if not.

The indicator only shows what it is given (:meth:`QuorumIndicator.set_state`); the
roll call works the quorum out. The colour is never the only sign: the words say
"Quorate" or "Not quorate" and what is missing.

Signals (QuorumIndicator):
    reason_given(str, bool): the chair entered a reason to proceed without a quorum, and
        whether to share it with the family.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.ui.field_limits import share_box

_QUORATE_STYLE = (
    "QFrame#quorumFrame { background: #dcfce7; border: 1px solid #16a34a; border-radius: 4px; }"
    "QLabel { color: #14532d; }"
)
_INQUORATE_STYLE = (
    "QFrame#quorumFrame { background: #fee2e2; border: 1px solid #dc2626; border-radius: 4px; }"
    "QLabel { color: #7f1d1d; }"
)


class QuorumReasonDialog(QtWidgets.QDialog):
    """Asks why the conference goes ahead without a quorum; a blank reason is refused."""

    def __init__(
        self,
        missing: str,
        current: str,
        parent: QtWidgets.QWidget | None = None,
        *,
        shared: bool = False,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Proceed without quorum"))
        explain = QtWidgets.QLabel(
            self.tr(
                "The conference is not quorate: {missing}\n\nIt should normally not go ahead. "
                "If you decide it must, record why; the reason is printed in the professionals' "
                "copy of the minutes, and in family copies only if you share it. "
                "An early review should be considered."
            ).format(missing=missing)
        )
        explain.setWordWrap(True)
        self.reason = QtWidgets.QPlainTextEdit(current)
        self.reason.setObjectName("quorumReason")
        self.reason.setAccessibleName(self.tr("Reason for proceeding without quorum"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(120)
        self.reason.setPlaceholderText(
            self.tr("e.g. pre-birth: the family is known to only two agencies; delay would harm")
        )
        self.shared = share_box(self.reason, "$.conference.quorum_reason", shared)
        self.shared.setObjectName("quorumReasonShared")
        self.shared.setText(self.tr("&Share with the family (printed in family copies)"))
        label = QtWidgets.QLabel(self.tr("&Reason:"))
        label.setBuddy(self.reason)
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("quorumReasonError")
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet("color: #b91c1c; font-weight: bold;")
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Proceed"))
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.shared)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.reason.setFocus()

    def value(self) -> str:
        return self.reason.toPlainText().strip()

    def _on_accept(self) -> None:
        if not self.value():
            self.error.setText(self.tr("Give the reason for going ahead without a quorum."))
            self.reason.setFocus()
            return
        self.accept()


class QuorumIndicator(QtWidgets.QFrame):
    """Green when quorate, red with what is missing when not, and the way to proceed."""

    reason_given = QtCore.Signal(str, bool)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quorumFrame")
        self.setAccessibleName("Quorum")
        self._result: QuorumResult | None = None
        self._reason: str | None = None
        self._shared = False
        self.reason_dialog: QuorumReasonDialog | None = None
        self.status = QtWidgets.QLabel()
        self.status.setObjectName("quorumStatus")
        self.status.setAccessibleName("Quorum status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.status.setStyleSheet("font-weight: bold;")
        self.proceeding = QtWidgets.QLabel()
        self.proceeding.setObjectName("quorumProceeding")
        self.proceeding.setAccessibleName("Reason for proceeding without quorum")
        self.proceeding.setWordWrap(True)
        self.proceeding.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.proceed = QtWidgets.QPushButton()
        self.proceed.setObjectName("proceedWithoutQuorum")
        self.proceed.setAccessibleName("Proceed without quorum")
        self.proceed.clicked.connect(self.ask_reason)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.status)
        layout.addWidget(self.proceeding)
        layout.addWidget(self.proceed, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        self.set_state(None, None)

    # --- state -----------------------------------------------------------------------

    @property
    def quorate(self) -> bool:
        return self._result is not None and self._result.quorate

    def text(self) -> str:
        """The status line as shown."""
        return self.status.text()

    def set_state(
        self, result: QuorumResult | None, reason: str | None, shared: bool = False
    ) -> None:
        """Show ``result`` (``None`` when it cannot be worked out) and any stored reason
        (``shared``: the chair shares it with the family)."""
        self._result, self._reason, self._shared = result, reason, shared
        if result is None:
            self.status.setText(self.tr("Quorum not known"))
            self.setStyleSheet("")
            self.proceeding.hide()
            self.proceed.hide()
            return
        if result.quorate:
            count = len(result.other_groups)
            quorate = (
                self.tr("Quorate: {csc} and 1 other agency")
                if count == 1
                else self.tr("Quorate: {csc} and {count} other agencies")
            )
            self.status.setText(quorate.format(csc=result.csc_name, count=count))
            self.status.setToolTip(", ".join(result.other_groups))
            self.setStyleSheet(_QUORATE_STYLE)
            self.proceeding.hide()
            self.proceed.hide()
        else:
            self.status.setText(self.tr("Not quorate — {missing}").format(missing=result.missing))
            self.status.setToolTip("")
            self.setStyleSheet(_INQUORATE_STYLE)
            has_reason = bool(reason and reason.strip())
            self.proceeding.setVisible(has_reason)
            self.proceeding.setText(
                self.tr("Proceeding without quorum: {reason}").format(reason=reason)
                if has_reason
                else ""
            )
            self.proceed.setText(
                self.tr("Change the &reason…")
                if has_reason
                else self.tr("Proceed without &quorum…")
            )
            self.proceed.show()
        self.setAccessibleDescription(self.status.text())

    # --- asking ----------------------------------------------------------------------

    def ask_reason(self) -> None:
        """Open the reason dialog (window-modal); ``reason_given`` follows an OK."""
        missing = self._result.missing if self._result is not None else ""
        # Parented to the window, not the indicator, so it does not take on its colours.
        dialog = QuorumReasonDialog(missing, self._reason or "", self.window(), shared=self._shared)
        dialog.accepted.connect(
            lambda: self.reason_given.emit(dialog.value(), dialog.shared.isChecked())
        )
        dialog.finished.connect(self._on_dialog_finished)
        self.reason_dialog = dialog
        dialog.open()

    def _on_dialog_finished(self) -> None:
        if self.reason_dialog is not None:
            self.reason_dialog.deleteLater()
            self.reason_dialog = None
