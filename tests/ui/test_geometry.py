"""Every window fits a 1366×768 laptop screen at 100 % and 150 %, the main window opens
within the screen and remembers its place, and the save state is in the workspace header.

The screen test runs ``geometry_probe`` in a process of its own per scale factor (Qt's
scale is fixed when the application starts) under Xvfb, a real X server without a
monitor, with a 1366×768 screen and Qt's X11 plugin, as on a laptop. Without Xvfb it
fails and names the Debian packages to install.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

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
SCREEN = "1366x768"
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
    "wizard-quorum",
    "wizard-adjourn",
    "wizard-views",
    "wizard-threshold",
    "wizard-outcome",
    "wizard-categories",
    "wizard-plan",
    "wizard-dissent",
    "wizard-reporter",
    "wizard-summary",
    "decision-conflict",
    "entry-clash",
    "person-details-clash",
    "release-sign-in",
    "release-review",
    "message-note",
    "message-question",
    "message-warning",
    "message-unsaved",
    "message-error",
    "introductions-rows",
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
    "complaints",
    "record-complaint",
    "record-birth",
    "retention",
}


#: What the test needs to run Qt's X11 plugin under a virtual X server, by the file that
#: shows it is there and its Debian package (scripts/system.sh installs them).
XVFB_NEEDS = {
    "xvfb-run": "xvfb",
    "Xvfb": "xvfb",
    "xauth": "xauth",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
}


def _libraries() -> set[str]:
    """The shared libraries the dynamic linker knows (as scripts/system.sh reads them)."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=False)
    return {line.split()[0] for line in listing.stdout.splitlines()[1:] if line.strip()}


def missing_for_xvfb() -> list[str]:
    """The Debian packages still to install for the test under Xvfb."""
    libraries = _libraries()
    missing = [
        package
        for need, package in XVFB_NEEDS.items()
        if (need not in libraries if need.startswith("lib") else shutil.which(need) is None)
    ]
    return list(dict.fromkeys(missing))


def _probe(scale: str) -> dict[str, dict[str, Any]]:
    """Run the probe under Xvfb on a 1366×768 screen with Qt's X11 plugin at ``scale``."""
    missing = missing_for_xvfb()
    if missing:
        pytest.fail(
            "The screen test runs under Xvfb: install "
            + " ".join(missing)
            + " (bash scripts/test.sh does, run as root on Debian)",
            pytrace=False,
        )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DISPLAY", None)
    first = 200 + os.getpid() % 400 * 2 + (scale != "1")  # xvfb-run -a: this one or later
    done = subprocess.run(
        [
            *("xvfb-run", "-a", "-n", str(first), "-s", f"-screen 0 {SCREEN}x24"),
            *(sys.executable, "-m", "tests.ui.geometry_probe"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {answer["name"]: answer for answer in answers}


@pytest.mark.parametrize(("scale", "least_rows"), [("1", 11), ("1.5", 5)])
def test_every_window_and_its_buttons_fit_a_1366_by_768_screen(scale: str, least_rows: int) -> None:
    answers = _probe(scale)
    assert set(answers) >= WINDOWS  # every window opened and was measured
    assert {name: a["problems"] for name, a in answers.items() if a["problems"]} == {}
    # The Introductions tab shows at least five people whole at 150 %, and at 100 % as
    # many as before its lower part could give way (eleven).
    assert answers["introductions-rows"]["rows"] >= least_rows
    # Under X11 each window is as big as it asked to be: the screen's, scaled.
    assert answers["main-home"]["size"][0] <= round(1366 / float(scale)) + 1


def test_without_xvfb_the_screen_test_fails_and_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "Xvfb" else real(name))
    with pytest.raises(pytest.fail.Exception) as failed:
        _probe("1")
    assert str(failed.value).startswith("The screen test runs under Xvfb: install xvfb")


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
