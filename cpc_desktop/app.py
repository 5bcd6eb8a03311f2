"""Composition root of the desktop application.

Start-up order matters for how quickly the first window appears (design.md §7): the
unlock dialog is shown with only Qt loaded, and the store's machinery (SQLAlchemy,
the services, the holiday calendars) is imported in a background thread while the
passphrase is typed.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any


def default_store_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("CPC Desktop", appauthor=False)) / "store.db"


def _preload() -> None:
    """Import what unlocking needs, off the main thread."""
    import cpc_desktop.services.session
    import cpc_desktop.ui.main_window  # noqa: F401


def _harden() -> None:
    """No core dumps: a crash must not leave the conference in a file."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX
        pass


def open_or_create(path: Path, passphrase: str, create: bool) -> Any:
    from cpc_desktop.services.session import open_session

    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    return open_session(path, passphrase, create=create)


def run(db: Path | None = None) -> int:
    _harden()
    loader = threading.Thread(target=_preload, name="preload", daemon=True)
    loader.start()
    from PySide6 import QtCore, QtWidgets

    from cpc_desktop.ui.settings import Preferences
    from cpc_desktop.ui.unlock_dialog import UnlockDialog

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationName("CPC Desktop")
    app.setOrganizationName("CPC Desktop")
    preferences = Preferences(QtCore.QSettings())
    path = db or preferences.last_store or default_store_path()
    dialog = UnlockDialog(path, open_or_create)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return 0
    loader.join()
    from cpc_desktop.ui.main_window import MainWindow

    preferences.last_store = path
    window = MainWindow(dialog.session, preferences)
    window.show()
    return app.exec()
