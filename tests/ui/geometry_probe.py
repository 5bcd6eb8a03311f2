"""Opens every window and dialog CPC Desktop has over the demo conference and measures it.

Run in its own process by ``test_geometry.py`` (one per scale factor, on a 1366×768
screen) and usable by hand: ``python -m tests.ui.geometry_probe OUT_DIR`` prints one JSON
line per window and, given ``OUT_DIR``, saves a picture of each. Each window is opened by
the app's own command (menus' slots), measured once shown, then closed.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6 import QtCore, QtWidgets

#: Room kept for a window manager's title bar, which Xvfb and offscreen do not draw.
TITLE_BAR = 30
TODAY = date(2026, 11, 23)
START = time.monotonic()
HAND_PASS = "blue kettle on the stairs"


def _clock() -> datetime:
    return datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _global_rect(widget: QtWidgets.QWidget) -> QtCore.QRect:
    return QtCore.QRect(widget.mapToGlobal(QtCore.QPoint(0, 0)), widget.size())


def _scrolled(widget: QtWidgets.QWidget, window: QtWidgets.QWidget) -> QtWidgets.QWidget | None:
    """The scroll area ``widget`` sits in (reachable by scrolling), if any."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QtWidgets.QAbstractScrollArea) and parent.viewport() is not widget:
            return parent
        parent = parent.parentWidget()
    return None


#: What the focus ring (ui/keyboard.py) takes from a push button's width: its border and
#: padding each side.
RING_SIDES = 2 * (2 + 4)


def _fits_words(button: QtWidgets.QPushButton) -> bool:
    """Whether ``button``'s words fit inside it with the focus ring drawn (and its menu's
    arrow, if it has one)."""
    words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    arrow = 16 if button.menu() is not None else 0
    return button.width() >= words + icon + arrow + RING_SIDES


def measure(name: str, window: QtWidgets.QWidget) -> dict[str, Any]:
    """The problems of ``window`` as shown: its frame off the available area, a visible
    button outside the window or the screen, or a conference's workspace too big for
    the window (it would scroll as a whole)."""
    screen = window.screen()
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    top_margin = window.geometry().top() - frame.top()
    problems: list[str] = []
    needed = frame.height() + max(0, TITLE_BAR - top_margin)
    if not room.contains(frame) or needed > room.height():
        problems.append(
            f"frame {frame.width()}x{frame.height()} at {frame.x()},{frame.y()} "
            f"(+{max(0, TITLE_BAR - top_margin)} title bar) outside {room.width()}x{room.height()}"
        )
    inside = _global_rect(window)
    for button in window.findChildren(QtWidgets.QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        if isinstance(button, QtWidgets.QPushButton) and not _fits_words(button):
            problems.append(
                f"button {button.text()!r} is too narrow for its words when it has the focus"
            )
        holder = _scrolled(button, window)
        where = _global_rect(holder if holder is not None else button)
        if not inside.contains(where) or not room.contains(where):
            label = button.text() or button.accessibleName() or button.objectName()
            problems.append(
                f"button {label!r} at {where.x()},{where.y()} {where.width()}x{where.height()}"
            )
    outer = window.findChild(QtWidgets.QScrollArea, "workspaceScroll")
    if outer is not None and outer.isVisible():
        for bar, way in (
            (outer.horizontalScrollBar(), "sideways"),
            (outer.verticalScrollBar(), "up and down"),
        ):
            if bar.isVisible():
                problems.append(
                    f"the conference's workspace scrolls {way} by {bar.maximum()} pixels"
                )
    return {"name": name, "size": [frame.width(), frame.height()], "problems": problems}


class Probe:
    """Opens windows through the app's commands and records what each looks like."""

    def __init__(self, out: Path | None) -> None:
        self.out = out
        self.results: list[dict[str, Any]] = []

    def placed(self, window: QtWidgets.QWidget) -> None:
        """The main window was shown where the app put it (for a subclass to move)."""

    def look(self, name: str, window: QtWidgets.QWidget) -> None:
        QtWidgets.QApplication.processEvents()
        self.results.append({**measure(name, window), "at": round(time.monotonic() - START, 2)})
        if self.out is not None:
            window.grab().save(str(self.out / f"{name}.png"))

    def count_rows(self, table: QtWidgets.QTableView) -> None:
        """How many people the Introductions tab's table shows whole (at least five)."""
        from cpc_desktop.ui.workspace.roll_call_layout import MIN_ROWS, rows_shown

        rows = rows_shown(table)
        problems = [] if rows >= MIN_ROWS else [f"the table shows {rows} people, not {MIN_ROWS}"]
        self.results.append({"name": "introductions-rows", "rows": rows, "problems": problems})

    def walk_wizard(self, wizard: QtWidgets.QWizard) -> None:
        """Go through the wizard's pages with their answers as given, looking at each."""
        for step in range(1, 12):
            before = wizard.currentId()
            wizard.next()
            QtWidgets.QApplication.processEvents()
            if wizard.currentId() == before:
                return
            self.look(f"decision-wizard-{step}", wizard)

    def modal(
        self,
        name: str,
        open_it: Callable[[], object],
        inner: Callable[[Any], None] | None = None,
    ) -> None:
        """Run ``open_it`` (which shows a dialog, usually modally); measure the dialog
        that appears, open what it opens (``inner``, given the dialog), then close it."""
        known = set(QtWidgets.QApplication.topLevelWidgets())
        seen: list[QtWidgets.QWidget] = []

        def check() -> None:
            shown = [
                w
                for w in QtWidgets.QApplication.topLevelWidgets()
                if w.isVisible() and w not in known and not isinstance(w, QtWidgets.QMenu)
            ]
            if not shown:
                QtCore.QTimer.singleShot(20, check)
                return
            dialog = shown[-1]
            seen.append(dialog)
            self.look(name, dialog)
            if inner is not None:
                inner(dialog)
            if isinstance(dialog, QtWidgets.QDialog):
                dialog.reject()
            else:
                dialog.close()

        QtCore.QTimer.singleShot(0, check)
        open_it()
        deadline = QtCore.QDeadlineTimer(20000)
        while not seen and not deadline.hasExpired():
            QtWidgets.QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not seen:
            self.results.append({"name": name, "size": [0, 0], "problems": ["never opened"]})


def _package(mine: Any, folder: Path) -> Path:
    """A hand-over package of ``mine`` whose first minute was changed on both laptops."""
    import dataclasses

    from cpc_desktop.export.package import FAST_COST
    from cpc_desktop.services.handover_package import new_package, pack

    first = mine.minutes[0]
    base = dataclasses.replace(
        mine, minutes=(dataclasses.replace(first, text="Welcome."), *mine.minutes[1:])
    )
    theirs = dataclasses.replace(
        mine, minutes=(dataclasses.replace(first, text="Welcome, all."), *mine.minutes[1:])
    )
    package = new_package(base, theirs, sender="Sandra Pell", role="minute_taker", at=_clock())
    path = folder / "from-sandra.cpcx"
    path.write_bytes(pack(package, HAND_PASS, cost=FAST_COST))
    return path


def run(out: Path | None, probe: Probe | None = None) -> list[dict[str, Any]]:
    from cpc_desktop.services.demo import build_demo_records
    from cpc_desktop.services.session import open_session
    from cpc_desktop.ui.home.new_review import NewReviewDialog
    from cpc_desktop.ui.home.retention_dialog import RetentionDialog
    from cpc_desktop.ui.main_window import MainWindow
    from cpc_desktop.ui.output.corrections_dialog import CorrectionsDialog
    from cpc_desktop.ui.output.minutes_window import AmendmentDialog
    from cpc_desktop.ui.settings import Preferences
    from cpc_desktop.ui.sign_in import sign_in_to
    from cpc_desktop.ui.unlock_dialog import UnlockDialog
    from cpc_desktop.ui.workspace.birth_dialog import BirthForm
    from tests.helpers.appeals import NI_REF, ni_record
    from tests.ui import geometry_more as more

    QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="cpc-geometry-"))
    path = folder / "store.db"
    records = build_demo_records(TODAY)
    with open_session(
        path, "correct horse battery", create=True, user="Alex Chair", clock=_clock
    ) as made:
        for record in (*records, ni_record(appeal=True), more.scotland_record()):
            made.conferences.import_record(record)
    session = open_session(path, "correct horse battery", clock=_clock)
    preferences = Preferences(
        QtCore.QSettings(str(folder / "prefs.ini"), QtCore.QSettings.Format.IniFormat)
    )
    probe = probe or Probe(out)
    probe.modal("unlock", lambda: UnlockDialog(path, lambda *_: None).exec())
    window = MainWindow(session, preferences)
    window.show()
    probe.placed(window)
    probe.look("main-home", window)
    probe.modal("new-conference", window.new_conference)
    probe.modal("help", window.show_help)
    probe.modal("preferences", window._preferences)
    probe.modal("verify-pdf", window.outputs.verify_pdf)
    probe.modal("signing-certificate", window.outputs.signing_certificate)
    probe.modal("create-certificate", window.outputs.create_certificate)
    probe.modal("sign-in", lambda: sign_in_to(session, window).exec())
    probe.modal("about", window._about)
    reference = records[0].conference.reference
    window.open_conference(reference)
    page = window.workspace
    page.show_introductions()
    probe.look("main-introductions", window)
    roll_call = page.introductions.content()
    probe.count_rows(roll_call.table)
    roll_call.table.selectRow(1)
    probe.modal(
        "person-details",
        roll_call.edit_details,
        lambda dialog: more.details_clash(probe, session, dialog),
    )
    probe.modal("exclude-person", roll_call.exclude)
    probe.modal("quorum-reason", roll_call.quorum.ask_reason)
    names = roll_call.table.model()
    excluded = next(
        r for r in range(names.rowCount()) if names.index(r, 0).data() == "Dean Harland"
    )
    roll_call.table.selectRow(excluded)
    probe.modal("share-exclusion", roll_call.share_exclusion)
    probe.modal("add-agenda-item", page.agenda.add_item)
    page.show_minutes()
    probe.look("main-minutes", window)
    pane = page.minutes.current_pane()
    if pane is not None:
        more.entry_clash(probe, session, pane)
    page.tabs.setCurrentWidget(page.decisions_page)
    probe.look("main-decisions", window)
    page.show_family_screen()
    probe.look("family-screen", page.family_screen)
    page.family_screen.close()
    probe.modal("decision-wizard", page.open_decisions, probe.walk_wizard)
    probe.modal(
        "minutes-approval",
        window.outputs.show_minutes_approval,
        lambda minutes: (
            probe.modal("minutes-preview", minutes.preview_full),
            probe.modal("message-question", minutes.approve),
        ),
    )
    probe.modal(
        "outcome-letters",
        window.outputs.show_outcome_letters,
        lambda letters: (letters.select(2), probe.modal("letter-preview", letters.preview)),
    )

    def mark_sent(distribution: Any) -> None:
        distribution.table.selectRow(0)
        probe.modal("mark-sent", distribution.mark_sent)

    probe.modal("distribution", window.outputs.show_distribution, mark_sent)
    probe.modal("hand-over", window.outputs.hand_over)
    package = _package(session.conferences.get(reference), folder)

    def preview(importing: Any) -> None:
        importing.set_path(package)
        importing.passphrase.setText(HAND_PASS)
        importing.passphrase.returnPressed.emit()
        probe.look("import-preview", importing)
        probe.modal("merge-editor", importing.panel.edit_button.click)

    probe.modal("import-handover", window.outputs.import_handover, preview)
    probe.modal("correct-minutes", lambda: AmendmentDialog("1.0", window).exec())
    probe.modal("correction-requests", lambda: CorrectionsDialog(session, reference, window).exec())
    # Leaving a conference with work unfinished: the closing check (cancelled here).
    probe.modal("closing-check", lambda: window.open_conference(NI_REF))
    window.open_conference(NI_REF, ask=False)  # Northern Ireland: a parent may appeal
    window.workspace.tabs.setCurrentWidget(window.workspace.decisions_page)
    probe.look("main-appeals", window)
    probe.modal(
        "appeals",
        window.workspace.open_appeals,
        lambda appeals: probe.modal("record-appeal", appeals.record_appeal),
    )
    probe.modal(
        "complaints",
        window.workspace.open_complaints,
        lambda complaints: probe.modal("record-complaint", complaints.record_complaint),
    )
    probe.modal(
        "record-birth",
        lambda: BirthForm(
            session.plan_events, session.conferences.get(NI_REF), TODAY, window
        ).exec(),
    )
    probe.modal("retention", lambda: RetentionDialog(session, window).exec())
    window.open_conference(more.SCOT_REF, ask=False)  # Scotland: the Reporter's question
    probe.modal(
        "decision-wizard",
        window.workspace.open_decisions,
        lambda wizard: more.walk_every_page(probe, session, wizard),
    )
    more.release_check(probe, session, window, reference)
    # A review made from the plan before it: New review… (not accepted: the demo has
    # made it already) and the Plan progress tab of the demo's review, some actions
    # judged and scales given.
    probe.modal(
        "new-review",
        lambda: NewReviewDialog(
            session.reviews.propose(reference), session.reviews.new_review, window
        ).exec(),
    )
    window.open_conference(records[-1].conference.reference, ask=False)
    window.workspace.tabs.setCurrentWidget(window.workspace.plan_progress)
    probe.look("main-plan-progress", window)
    # Last: the damaged-store message leaves the window read-only for the rest of the run.
    more.message_boxes(probe, window)
    window.workspace.flush()
    window.close()
    session.close()
    return probe.results


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for result in run(out):
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
