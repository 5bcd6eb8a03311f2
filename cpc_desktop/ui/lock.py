"""Locking: after a spell without input, or on request, the content is hidden.

:class:`IdleWatcher` watches every input event of the application (through
:mod:`cpc_desktop.ui.app_events`); :class:`LockPage`
is what the window shows instead of the conference until the passphrase is typed.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.app_events import listen

_INPUT = frozenset(
    {
        QtCore.QEvent.Type.KeyPress,
        QtCore.QEvent.Type.MouseButtonPress,
        QtCore.QEvent.Type.MouseMove,
        QtCore.QEvent.Type.Wheel,
        QtCore.QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QtCore.QObject):
    """Emits ``idle`` when no key, mouse or touch input arrived for ``minutes``.

    Signals:
        idle: the idle time has passed.
    """

    idle = QtCore.Signal()

    def __init__(self, minutes: int, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        listen(self, _INPUT)  # the application's input, through its one filter

    def set_minutes(self, minutes: int) -> None:
        """0 turns idle locking off."""
        self._minutes = minutes
        self.restart()

    def restart(self) -> None:
        if self._minutes > 0:
            self._timer.start(self._minutes * 60_000)
        else:
            self._timer.stop()

    def set_interval_ms(self, ms: int) -> None:
        """For tests: a shorter idle time."""
        self._minutes = 1
        self._timer.start(ms)
        self._timer.setInterval(ms)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if self._timer.isActive():  # only input reaches here
            self._timer.start()
        return False


class LockPage(QtWidgets.QWidget):
    """Shown while locked: nothing of the conference, only a passphrase box.

    Signals:
        unlock_requested(str): the passphrase typed.
    """

    unlock_requested = QtCore.Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        title = QtWidgets.QLabel("<h2>Locked</h2>")
        note = QtWidgets.QLabel("The conference is hidden. Type the passphrase to carry on.")
        self.passphrase = QtWidgets.QLineEdit()
        self.passphrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase to unlock")
        self.passphrase.setMaximumWidth(360)
        self.passphrase.returnPressed.connect(self._on_submit)
        button = QtWidgets.QPushButton("&Unlock")
        button.clicked.connect(self._on_submit)
        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.error.setAccessibleName("Problem")
        row = QtWidgets.QHBoxLayout()
        row.addStretch()
        row.addWidget(self.passphrase)
        row.addWidget(button)
        row.addStretch()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addStretch()
        for widget in (title, note):
            widget.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addLayout(row)
        self.error.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.error)
        layout.addStretch()

    def reset(self) -> None:
        self.error.clear()
        self.passphrase.clear()
        self.passphrase.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _on_submit(self) -> None:
        text = self.passphrase.text()
        self.passphrase.clear()
        self.unlock_requested.emit(text)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        self.passphrase.setFocus()
        super().keyPressEvent(event)
