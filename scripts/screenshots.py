"""Save a picture of every screen at 1366×768 into a folder, for looking at.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_DIR

Builds a demo store in a temporary folder (nothing is written elsewhere).
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import uuid
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.app import open_or_create
from cpc_desktop.domain.enums import AgendaStatus
from cpc_desktop.domain.family_view import family_view
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.handover_package import new_package, pack
from cpc_desktop.services.profiles import load_profile
from cpc_desktop.services.session import open_session
from cpc_desktop.ui.actions import help_sections
from cpc_desktop.ui.family.window import FamilyWindow
from cpc_desktop.ui.family.words import ScreenLanguage
from cpc_desktop.ui.handover.export_dialog import ExportDialog
from cpc_desktop.ui.handover.import_dialog import ImportDialog
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


HANDOVER_PASSPHRASE = "blue kettle on the stairs"


def _handover_package(session: Any, ref: str, folder: Path) -> Path:
    """A package as the minute-taker might send back: two conflicts and some changes."""
    mine = session.conferences.get(ref)
    m = list(mine.minutes)
    gone_here = dataclasses.replace(
        m[5], id=str(uuid.uuid4()), text="A note about the school nurse, deleted here since."
    )
    base = list(m)
    base[0] = dataclasses.replace(m[0], text="The chair welcomed everyone.")
    base.insert(6, gone_here)
    theirs = list(base)
    theirs[0] = dataclasses.replace(
        m[0], text="The chair welcomed everyone and introductions followed around the room."
    )
    theirs[1] = dataclasses.replace(m[1], text=m[1].text + " The chair checked all understood.")
    theirs[6] = dataclasses.replace(gone_here, text=gone_here.text + " Sandra added a line.")
    del theirs[2]
    theirs.append(
        dataclasses.replace(m[4], id=str(uuid.uuid4()), text="The health visitor's report came.")
    )
    package = new_package(
        dataclasses.replace(mine, minutes=tuple(base)),
        dataclasses.replace(mine, minutes=tuple(theirs)),
        sender="Sandra Pell",
        role="minute_taker",
        at=datetime.now(UTC),
    )
    path = folder / f"{ref}.cpcx"
    path.write_bytes(pack(package, HANDOVER_PASSPHRASE, cost=FAST_COST))
    return path


def _handover(window: MainWindow, session: Any, ref: str, folder: Path, out: Path) -> None:
    """The hand-over screens: export, the import preview on a conflict, the merge editor."""
    export = ExportDialog(session, ref, window, cost=FAST_COST)
    export.passphrase.setText(HANDOVER_PASSPHRASE)
    export.repeat.setText(HANDOVER_PASSPHRASE + "!")
    export.export()  # refused: the two are not the same
    _save(export, out, "10-handover-export")
    export.close()
    path = _handover_package(session, ref, folder)
    dialog = ImportDialog(session, window)
    dialog.set_path(path)
    dialog.passphrase.setText(HANDOVER_PASSPHRASE)
    dialog.open_package()
    conflict = next(k for k in dialog.conflict_keys())
    dialog.select(conflict)
    _save(dialog, out, "11-handover-import-conflict", QtCore.QSize(1200, 720))
    dialog.panel.edit_merged()
    if dialog.panel.editor is not None:
        _save(dialog.panel.editor, out, "12-handover-merge-editor")
        dialog.panel.editor.close()
    for key in dialog.conflict_keys():
        dialog.select(key)
        dialog.panel.mine_button.click()
    dialog.import_()
    _save(dialog, out, "13-handover-imported")
    dialog.close()


#: Before the fifth item, the fifth, after it.
_STATUSES = {-1: AgendaStatus.DONE, 0: AgendaStatus.CURRENT, 1: AgendaStatus.PENDING}


def _family(page: Any, out: Path) -> None:
    """The family screen of the open conference, then as under Wales, in both languages."""
    page.show_family_screen()
    _save(page.family_screen, out, "14-family-screen", SIZE)
    page.close_family_screen()
    record = dataclasses.replace(
        page.record,
        conference=dataclasses.replace(page.record.conference, profile="wales"),
        agenda=tuple(
            dataclasses.replace(item, status=_STATUSES[(n > 4) - (n < 4)])
            for n, item in enumerate(page.agenda.items)
        ),
    )
    now = datetime.combine(record.conference.date, time(11, 0), tzinfo=UTC)
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, now))
    for language in (ScreenLanguage.BOTH, ScreenLanguage.WELSH):
        screen.set_screen_language(language)
        _save(screen, out, f"15-family-screen-wales-{language.value}", SIZE)
    screen.close()


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
            _family(page, out)
        window.show_home()
        _handover(
            window, session, "CPC-" + str(datetime.now(UTC).year) + "-0001", Path(folder), out
        )
        window.lock()
        _save(window, out, "08-locked", SIZE)
        _save(HelpDialog(help_sections()), out, "09-help", SIZE)
        window.close()
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"))
