"""The Welsh catalogue: the committed .qm is the .ts compiled, every string of the screens
that claim Welsh has its Welsh, and the chair's screen-language preference switches the
application's translator."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import ConferenceType, Language, ParticipantRole
from cpc_desktop.domain.family_view import family_view
from cpc_desktop.services.profiles import load_profile
from cpc_desktop.services.session import Session
from cpc_desktop.ui import i18n
from cpc_desktop.ui.family import words
from cpc_desktop.ui.family.window import FamilyWindow
from cpc_desktop.ui.help_dialog import PreferencesDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from tests.helpers.family import MEETING_STARTS, wales_meeting

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier

SOURCE = i18n.CATALOGUES / "cpc_desktop_cy.ts"
#: The screens that claim Welsh: every one of their strings must be translated.
WELSH_CONTEXTS = (
    "FamilyScreen",
    "FamilyWindow",
    "PreferencesDialog",
    "Unfinished",
    "UnfinishedDialog",
    "ActionDialog",
)


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else (shutil.which(name) or name)


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    yield
    i18n.use_language(Language.ENGLISH)


def test_the_committed_qm_is_the_ts_compiled(tmp_path: Path) -> None:
    compiled = tmp_path / "cpc_desktop_cy.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(SOURCE), "-qm", str(compiled)], check=True
    )
    assert compiled.read_bytes() == i18n.catalogue(Language.WELSH).read_bytes(), (
        "cpc_desktop_cy.qm is stale: run scripts/translations.sh and commit both files"
    )


def test_every_string_of_the_welsh_screens_is_translated() -> None:
    contexts = {c.findtext("name"): c for c in ET.parse(SOURCE).getroot().iter("context")}
    for name in WELSH_CONTEXTS:
        for message in contexts[name].iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.text, message.findtext("source")
            assert translation.get("type") is None, message.findtext("source")
    # And the family screen's marked words are all in the compiled catalogue.
    welsh = i18n.translator(Language.WELSH)
    assert welsh is not None
    for source in words.SOURCES:
        assert welsh.translate(words.CONTEXT, source), source


def test_the_welsh_words_follow_the_glossary() -> None:
    welsh = i18n.translator(Language.WELSH)
    assert welsh is not None
    for english, cymraeg in {
        words.APOLOGIES: "Ymddiheuriadau",
        words.PRESENT: "Yn bresennol nawr",
        words.ROLES[ParticipantRole.CHAIR]: "Cadeirydd",
        words.ROLES[ParticipantRole.ADVOCATE]: "Eiriolwr",
        words.CONFERENCE_TYPES[ConferenceType.INITIAL]: "Cynhadledd gychwynnol",
        words.CONFERENCE_TYPES[ConferenceType.REVIEW]: "Cynhadledd adolygu",
    }.items():
        assert welsh.translate(words.CONTEXT, english) == cymraeg


def test_the_preference_switches_the_translator(qtbot: QtBot) -> None:
    i18n.use_language(Language.WELSH)
    assert i18n.language_in_use() is Language.WELSH
    dialog = PreferencesDialog(5)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Dewisiadau"
    # The family screen's controls are the chair's: they follow the application's language.
    record = wales_meeting()
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, MEETING_STARTS))
    qtbot.addWidget(screen)
    assert screen.screens.text() == "Dangos ar &sgrin…"
    assert screen.close_button.text() == "&Cau"
    assert screen.language.itemText(0) == "Cymraeg a Saesneg (Cymraeg yn gyntaf)"
    i18n.use_language(Language.ENGLISH)
    assert i18n.language_in_use() is Language.ENGLISH
    again = PreferencesDialog(5)
    qtbot.addWidget(again)
    assert again.windowTitle() == "Preferences"


def test_choosing_cymraeg_in_preferences_by_keyboard_shows_welsh(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    assert preferences.ui_language is Language.ENGLISH  # the default
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)

    def choose_welsh() -> None:
        dialog = next(
            w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog)
        )
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog, Key.Key_G, QtCore.Qt.KeyboardModifier.AltModifier)
        assert dialog.language.hasFocus()
        qtbot.keyClick(dialog.language, Key.Key_Down)
        assert dialog.language.currentText() == "Cymraeg"
        qtbot.keyClick(dialog.language, Key.Key_Return)

    QtCore.QTimer.singleShot(0, choose_welsh)
    qtbot.keyClick(window, Key.Key_Comma, Ctrl)
    assert preferences.ui_language is Language.WELSH
    assert i18n.language_in_use() is Language.WELSH
    shown = PreferencesDialog(5, language=preferences.ui_language)
    qtbot.addWidget(shown)
    assert shown.windowTitle() == "Dewisiadau"
    assert shown.language.currentText() == "Cymraeg"


def test_an_unknown_stored_language_reads_as_english(tmp_path: Path) -> None:
    settings = QtCore.QSettings(str(tmp_path / "p.ini"), QtCore.QSettings.Format.IniFormat)
    settings.setValue("ui/language", "xx")
    assert Preferences(settings).ui_language is Language.ENGLISH


_START = """
import sys
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication([])
app.setOrganizationName("CPC Desktop")
app.setApplicationName("CPC Desktop")
if sys.argv[2]:
    QtCore.QSettings().setValue("ui/language", sys.argv[2])
    QtCore.QSettings().sync()
from cpc_desktop.ui import unlock_dialog
def shown(self):
    print(QtCore.QCoreApplication.translate("PreferencesDialog", "Preferences"))
    return 0  # the chair closes the unlock dialog
unlock_dialog.UnlockDialog.exec = shown
from cpc_desktop import app as application
sys.exit(application.run(sys.argv[1]))
"""


@pytest.mark.parametrize(("stored", "shown"), [("cy", "Dewisiadau"), ("", "Preferences")])
def test_the_application_starts_in_the_chosen_language(
    tmp_path: Path, stored: str, shown: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _START, str(tmp_path / "store.db"), stored],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == shown


def test_a_missing_catalogue_is_one_line_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    i18n.use_language(Language.WELSH)
    monkeypatch.setattr(i18n, "CATALOGUES", tmp_path)
    with pytest.raises(FileNotFoundError) as refused:
        i18n.use_language(Language.WELSH)
    assert str(refused.value) == (
        "The Cymraeg translations are missing, so the screens stay in English."
    )
    assert i18n.language_in_use() is Language.WELSH  # the one in use stays
    assert QtCore.QCoreApplication.translate("PreferencesDialog", "Preferences") == "Dewisiadau"
