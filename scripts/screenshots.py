"""Save a picture of every screen at 1366×768 into a folder, for looking at.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_DIR

Builds a demo store in a temporary folder (nothing is written elsewhere).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from cpc_desktop.app import open_or_create
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.session import open_session
from cpc_desktop.ui.help_dialog import HelpDialog
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.unlock_dialog import UnlockDialog

PASSPHRASE = "screenshots passphrase"
SIZE = QtCore.QSize(1366, 768)


def _save(
    widget: QtWidgets.QWidget, out: Path, name: str, size: QtCore.QSize | None = None
) -> None:
    if size is not None:
        widget.resize(size)
    widget.show()
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.db"
        _save(UnlockDialog(path, open_or_create), out, "01-first-run")
        with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
            for record in build_demo_records(datetime.now(UTC).date()):
                session.conferences.import_record(record)
        unlock = UnlockDialog(path, open_or_create)
        unlock.passphrase.setText("wrong")
        unlock.ok.click()
        _save(unlock, out, "02-unlock-wrong-passphrase")
        session = open_session(path, PASSPHRASE)
        prefs = Preferences(
            QtCore.QSettings(str(Path(folder) / "p.ini"), QtCore.QSettings.Format.IniFormat)
        )
        window = MainWindow(session, prefs)
        _save(window, out, "03-home", SIZE)
        window.home.search_box.setText("school")
        window.home.run_search()
        _save(window, out, "04-home-search", SIZE)
        dialog = NewConferenceDialog(
            session.today(),
            session.schedule.preview_due,
            session.conferences.create_conference,
            window,
        )
        dialog.anchor.setDate(QtCore.QDate(2026, 10, 1))
        dialog.child_rows[0].given.setText("Nia")
        dialog.child_rows[0].family.setText("Okafor")
        _save(dialog, out, "05-new-conference-late")
        dialog.close()
        window.open_conference("CPC-" + str(datetime.now(UTC).year) + "-0001")
        _save(window, out, "06-workspace", SIZE)
        if window.workspace is not None:
            page = window.workspace
            reason = next(i for i in page.agenda.items if i.key == "reason")
            page.agenda.select_item(reason.id)
            pane = page.minutes.panes[reason.id]
            pane.table.selectRow(1)
            tabs = page.tabs
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                label = tabs.tabText(i).replace("&", "").lower().replace(" ", "-")
                _save(window, out, f"07-workspace-{i}-{label}", SIZE)
        window.lock()
        _save(window, out, "08-locked", SIZE)
        _save(HelpDialog([("Lock now", "Ctrl+L"), ("Quit", "Ctrl+Q")]), out, "09-help")
        window.close()
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"))
