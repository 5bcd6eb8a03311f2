"""Composition root of the desktop application.

For now the application opens its main window; the unlock dialog and the
workspace arrive with the live-conference issue.
"""

from __future__ import annotations

import sys
from pathlib import Path


def run(db: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from cpc_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CPC Desktop")
    app.setOrganizationName("CPC Desktop")
    window = MainWindow(store_path=db)
    window.show()
    return app.exec()
