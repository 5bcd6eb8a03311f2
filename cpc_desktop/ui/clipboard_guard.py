"""Minute text copied from CPC Desktop does not stay on the clipboard (issue 17, point 6).

Every copy of minute text goes through the application's one :class:`ClipboardGuard`:
the save guard's "Copy the text", and Ctrl+C, Ctrl+X (or the platform's other copy and
cut keys) and the context menu's Copy and Cut in a minute editor (:meth:`watch`). The
guard remembers what it put there and clears the clipboard on lock, when the window
closes (or the application quits) and after a set time: Preferences, "Clear copied
minute text after" (QSettings key ``clipboard/clear_seconds``, default 30 s; 0 keeps
it until the lock or the window closes). It clears only while the clipboard still holds
that text: something the person copied since, from here or any other program, is left.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

DEFAULT_CLEAR_SECONDS = 30
MAX_CLEAR_SECONDS = 3600


class ClipboardGuard(QtCore.QObject):
    """Copies minute text to the clipboard and takes it off again."""

    cleared = QtCore.Signal()

    def __init__(
        self, seconds: int = DEFAULT_CLEAR_SECONDS, parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ours: str | None = None  # what the guard put on the clipboard, until cleared
        self._copying = False  # a watched editor is copying now: what it puts there is ours
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.set_seconds(seconds)
        board = QtGui.QGuiApplication.clipboard()
        board.dataChanged.connect(self._on_changed)
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear)

    @classmethod
    def for_app(cls, seconds: int | None = None) -> ClipboardGuard:
        """The application's one guard (made on first use); ``seconds``, if given, sets
        how soon it clears (the window passes the preference)."""
        app = QtCore.QCoreApplication.instance()
        assert app is not None, "a QApplication is needed for the clipboard"
        guard = app.findChild(ClipboardGuard, "clipboardGuard")
        if guard is None:
            guard = cls(DEFAULT_CLEAR_SECONDS, app)
            guard.setObjectName("clipboardGuard")
        if seconds is not None:
            guard.set_seconds(seconds)
        return guard

    # --- settings ------------------------------------------------------------------

    @property
    def seconds(self) -> int:
        """After how long copied text is cleared (0: only on lock and close)."""
        return self._seconds

    def set_seconds(self, seconds: int) -> None:
        self._seconds = max(0, min(int(seconds), MAX_CLEAR_SECONDS))
        if self._ours is not None:
            self._start_timer()

    @property
    def holding(self) -> bool:
        """Whether text the guard copied may still be on the clipboard."""
        return self._ours is not None

    # --- copying and clearing ------------------------------------------------------

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard, to be cleared on lock, close or time."""
        self._copying = True
        try:
            QtGui.QGuiApplication.clipboard().setText(text)
        finally:
            self._copying = False
        self._adopt(text)

    def clear(self) -> None:
        """Take the copied text off the clipboard, unless something else replaced it."""
        self._timer.stop()
        ours, self._ours = self._ours, None
        if ours is None:
            return
        board = QtGui.QGuiApplication.clipboard()
        if board.text() == ours:
            board.clear()
            if board.text() == ours:  # some platforms clear only the selection: overwrite
                board.setText("")
            self.cleared.emit()

    def watch(self, editor: QtWidgets.QPlainTextEdit) -> None:
        """Treat what ``editor`` copies or cuts (keys or its context menu) as minute text."""
        editor.installEventFilter(self)
        editor.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(lambda at: self._context_menu(editor, at))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and (
                event.matches(QtGui.QKeySequence.StandardKey.Copy)
                or event.matches(QtGui.QKeySequence.StandardKey.Cut)
            )
        ):
            # The editor copies as it handles this key, right after this filter.
            self._copying = True
            QtCore.QTimer.singleShot(0, self._copied)
        return False

    # --- behaviour -----------------------------------------------------------------

    def _context_menu(self, editor: QtWidgets.QPlainTextEdit, at: QtCore.QPoint) -> None:
        menu = editor.createStandardContextMenu()
        self._copying = True
        try:
            menu.exec(editor.viewport().mapToGlobal(at))
        finally:
            self._copying = False
            menu.deleteLater()

    def _copied(self) -> None:
        self._copying = False

    def _on_changed(self) -> None:
        if self._copying:
            self._adopt(QtGui.QGuiApplication.clipboard().text())

    def _adopt(self, text: str) -> None:
        if not text:
            return
        self._ours = text
        self._start_timer()

    def _start_timer(self) -> None:
        if self._seconds:
            self._timer.start(self._seconds * 1000)
        else:
            self._timer.stop()
