"""Every window fits a 1366×768 laptop screen at 100 % and 150 %, the main window opens
within the screen and remembers its place, and the save state is in the workspace header.

The screen test runs ``geometry_probe`` in a process of its own per scale factor (Qt's
scale is fixed when the application starts) on an offscreen screen of 1366×768.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.window_place import screens_key
from cpc_desktop.ui.workspace.header import NOTHING_YET
from tests.ui.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
REVIEW = f"CPC-{TODAY.year}-0002"  # a review: agenda pending, no minutes

#: Every window the probe opens: none may be missing from its answer.
WINDOWS = {
    "unlock",
    "main-home",
    "new-conference",
    "help",
    "preferences",
    "verify-pdf",
    "signing-certificate",
    "create-certificate",
    "sign-in",
    "about",
    "main-introductions",
    "person-details",
    "exclude-person",
    "quorum-reason",
    "add-agenda-item",
    "main-minutes",
    "main-decisions",
    "family-screen",
    "decision-wizard",
    "decision-wizard-1",
    "decision-wizard-2",
    "minutes-preview",
    "letter-preview",
    "mark-sent",
    "minutes-approval",
    "outcome-letters",
    "distribution",
    "hand-over",
    "share-exclusion",
    "import-handover",
    "import-preview",
    "merge-editor",
    "correct-minutes",
    "closing-check",
    "main-appeals",
    "appeals",
    "new-review",
    "main-plan-progress",
    "record-appeal",
}


def _probe(tmp_path: Path, scale: str) -> dict[str, list[str]]:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.geometry_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {answer["name"]: answer["problems"] for answer in answers}


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_every_window_and_its_buttons_fit_a_1366_by_768_screen(tmp_path: Path, scale: str) -> None:
    problems = _probe(tmp_path, scale)
    assert set(problems) >= WINDOWS  # every window opened and was measured (and the
    # wizard's further pages, as far as the demo's answers take it)
    assert {name: found for name, found in problems.items() if found} == {}


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    return window


def test_main_window_opens_within_the_screen_and_comes_back_where_it_was(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    room = window.screen().availableGeometry()
    assert room.contains(window.frameGeometry())
    assert window.frameGeometry().height() + 30 <= room.height() + 1  # and a title bar
    window.setGeometry(40, 60, 500, 400)
    assert window.close()
    again = _window(qtbot, session, preferences)
    assert again.geometry() == QtCore.QRect(40, 60, 500, 400)


def test_a_remembered_place_off_every_screen_is_not_used(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    elsewhere = MainWindow(session, preferences)
    elsewhere.setGeometry(5000, 4000, 700, 500)  # a monitor no longer there
    preferences.set_window_geometry(screens_key(), elsewhere.saveGeometry())
    elsewhere.deleteLater()
    window = _window(qtbot, session, preferences)
    assert window.screen().availableGeometry().contains(window.frameGeometry())


def test_save_state_is_in_the_workspace_header_whichever_tab_is_open(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference(REVIEW)
    page = window.workspace
    label = page.save_state
    assert label.text() == NOTHING_YET
    assert page.header.full_text().startswith(REVIEW)  # on one line; whole in its tooltip
    assert page.header.toolTip() == page.header.full_text()
    page.show_minutes()
    pane = page.minutes.current_pane()
    assert pane is not None
    qtbot.waitUntil(pane.editor.hasFocus)
    qtbot.keyClicks(pane.editor, "The chair welcomed everyone.")
    qtbot.waitUntil(lambda: label.text().startswith("Saved "), timeout=3000)
    page.show_introductions()
    assert label.isVisible()
    assert label.text().startswith("Saved ")
    assert window.save_state.text() == label.text()  # the status line says the same
    pane.saved.emit("Not saved: the store is read-only.")
    assert label.text() == "Not saved: the store is read-only."
    assert label.isVisible()


def test_geometry_is_kept_per_set_of_screens(preferences: Preferences) -> None:
    geometry = QtCore.QByteArray(b"some bytes")
    preferences.set_window_geometry("laptop 1366x768", geometry)
    assert preferences.window_geometry("laptop 1366x768") == geometry
    assert preferences.window_geometry("laptop 1366x768+HDMI-1 1920x1080") is None


def test_a_maximised_window_comes_back_maximised(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    assert window.close()
    again = _window(qtbot, session, preferences)
    assert again.isMaximized()
