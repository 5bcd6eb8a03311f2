"""The main window (a shell for now: menus, the protective marking, a status line)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop import __version__


class MainWindow(QtWidgets.QMainWindow):
    """The window a chair works in."""

    def __init__(self, store_path: Path | None = None) -> None:
        super().__init__()
        self.setWindowTitle("CPC Desktop")
        self.resize(1366, 768)
        self._store_path = store_path
        self._build_ui()

    def _build_ui(self) -> None:
        marking = QtWidgets.QLabel("OFFICIAL-SENSITIVE")
        marking.setObjectName("protectiveMarking")
        marking.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        marking.setAccessibleName("Protective marking")
        marking.setStyleSheet("font-weight: bold; padding: 4px; background: #fde68a;")
        where = str(self._store_path) if self._store_path else "no store chosen"
        body = QtWidgets.QLabel(
            f"<h2>CPC Desktop {__version__}</h2>"
            f"<p>Store: {html.escape(where)}</p>"
            "<p>The live conference workspace arrives in the next release. "
            "Use the command line (<code>cpc-desktop --help</code>) meanwhile.</p>"
        )
        body.setTextFormat(QtCore.Qt.TextFormat.RichText)
        body.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        central = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(central)
        layout.addWidget(marking)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)

        quit_action = QtGui.QAction("&Quit", self)
        quit_action.setShortcut(QtGui.QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(quit_action)
        self.addAction(quit_action)  # the shortcut works wherever focus is in the window
        self.statusBar().showMessage("Ready")
