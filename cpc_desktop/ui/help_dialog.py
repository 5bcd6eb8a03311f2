"""The help page: what CPC Desktop does, how a conference flows, and every shortcut."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6 import QtWidgets

_BODY = """
<h2>CPC Desktop</h2>
<p>CPC Desktop keeps the record of child protection conferences on this computer, in one
store encrypted with your passphrase. Nothing is sent over a network.</p>
<h3>Before the conference</h3>
<p>On the home screen choose <b>New conference</b>. Give its type and date and the date its
timescale runs from (the strategy discussion, the written transfer notice or the previous
conference). The date by which it must be held appears at once; if you set a later date
you are asked for the reason, which is kept with the record.</p>
<h3>During the conference</h3>
<p>Open the conference to see the agenda, the introductions and the minutes. The home
screen shows what is due and what is overdue for every conference.</p>
<h3>Locking</h3>
<p>If nobody touches the keyboard or mouse for the time set in Preferences, the screen is
locked and the conference hidden until the passphrase is typed again. Lock it yourself
with <b>Lock now</b> before you step away.</p>
<h3>If something goes wrong</h3>
<p>Every problem is explained in one sentence and nothing is changed by a failed action.
If the store is reported as damaged, restore it from a backup; CPC Desktop never
overwrites or recreates a store on its own.</p>
"""


class HelpDialog(QtWidgets.QDialog):
    def __init__(
        self, shortcuts: Sequence[tuple[str, str]], parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("CPC Desktop help")
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td></tr>"
            for name, keys in shortcuts
        )
        browser = QtWidgets.QTextBrowser()
        browser.setObjectName("helpText")
        browser.setAccessibleName("Help")
        browser.setOpenLinks(False)
        browser.setHtml(
            _BODY + "<h3>Keyboard shortcuts</h3><table cellpadding='4'>" + rows + "</table>"
        )
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(close)
        self.resize(640, 560)


class PreferencesDialog(QtWidgets.QDialog):
    def __init__(self, idle_minutes: int, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.idle = QtWidgets.QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(" minutes")
        self.idle.setSpecialValueText("never")
        self.idle.setValue(idle_minutes)
        self.idle.setAccessibleName("Lock after this long without input")
        form = QtWidgets.QFormLayout()
        form.addRow("&Lock when idle for:", self.idle)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
