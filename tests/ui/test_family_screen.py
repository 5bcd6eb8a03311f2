"""The family screen ("Who is here"), opened and followed by keyboard from a Wales meeting.

The chair opens it with Ctrl+Shift+W; it follows the agenda and the roll call as they
change, never shows anything private, and speaks Welsh, English or both under the Wales
profile (English elsewhere).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import AgendaStatus, ConferenceType, Language
from cpc_desktop.domain.family_view import family_view
from cpc_desktop.domain.profile import Profile
from cpc_desktop.services.profiles import load_profile
from cpc_desktop.services.session import Session
from cpc_desktop.ui.family.window import FamilyWindow
from cpc_desktop.ui.family.words import ScreenLanguage
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace.page import WorkspacePage
from tests.helpers.family import MEETING_STARTS, SECRETS, wales_meeting, with_secrets
from tests.helpers.live import active, open_meeting, wales_store
from tests.ui.conftest import Clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def wales(tmp_path: Path, clock: Clock) -> Iterator[Session]:
    """A store holding the demo's pre-birth conference under the Wales profile."""
    yield from wales_store(tmp_path / "wales.db", clock)


CHLOE, LEE = "Chloe Marsh · Parent · in the room", "Lee Tanner · Parent · in the room"


def _open_family_screen(qtbot: QtBot, window: MainWindow) -> FamilyWindow:
    qtbot.keyClick(window, Key.Key_W, Ctrl | Shift)
    page = window.workspace
    assert isinstance(page, WorkspacePage)
    screen = page.family_screen
    assert screen is not None
    qtbot.waitUntil(screen.isVisible)
    return screen


def _text(screen: FamilyWindow) -> str:
    return "\n".join(screen.texts())


def _people(screen: FamilyWindow) -> str:
    return screen.people.toPlainText()


def _present(screen: FamilyWindow) -> list[str]:
    """The lines under "Present now", up to the next heading."""
    lines = _people(screen).splitlines()
    start = next(i for i, line in enumerate(lines) if "Present now" in line) + 1
    end = next(
        i
        for i, line in enumerate(lines[start:], start)
        if "Apologies" in line or "Has left" in line
    )
    return lines[start:end]


def _back_to_main(qtbot: QtBot, window: MainWindow) -> None:
    active(qtbot, window)


def _select_person(qtbot: QtBot, page: WorkspacePage, name: str) -> None:
    table = page.roll_call.table
    model = page.roll_call.model
    row = next(r for r in range(model.rowCount()) if model.value(r).name == name)
    table.setFocus()
    qtbot.keyClick(table, Key.Key_Home, Ctrl)
    for _ in range(row):
        qtbot.keyClick(table, Key.Key_Down)
    selected = page.roll_call.selected()
    assert selected is not None and selected.name == name


def test_ctrl_shift_w_opens_it_and_it_follows_the_agenda_and_the_roll_call(
    qtbot: QtBot, wales: Session, preferences: Preferences, clock: Clock
) -> None:
    window = open_meeting(qtbot, wales, preferences)
    screen = _open_family_screen(qtbot, window)
    assert screen.isWindow() and screen is not window
    # Under Wales it starts in both languages, Welsh first.
    assert screen.windowTitle() == "Pwy sydd yma / Who is here"
    assert (
        screen.progress.text()
    ) == "Nid yw'r cyfarfod wedi dechrau eto / The meeting has not started yet"
    assert "Neb eto / Nobody yet" in _people(screen)
    assert "▶" not in screen.agenda.toPlainText()

    # The chair starts the meeting from the main window: item 1 is now current.
    _back_to_main(qtbot, window)
    qtbot.keyClick(window, Key.Key_PageDown, Ctrl)
    assert screen.progress.text() == "Eitem 1 o 13 / Item 1 of 13"
    # (The titles are the Wales profile's: in Welsh too once the profile has its Welsh.)
    agenda = screen.agenda.toPlainText()
    assert "▶ Nawr / Now\n1. " in agenda and "Welcome and introductions" in agenda
    qtbot.keyClick(window, Key.Key_PageDown, Ctrl)
    agenda = screen.agenda.toPlainText()
    assert "✓ 1. " in agenda
    assert "▶ Nawr / Now\n2. " in agenda
    assert screen.progress.text() == "Eitem 2 o 13 / Item 2 of 13"

    # The roll call: Chloe Marsh is marked present, then Lee Tanner; they appear.
    page = window.workspace
    qtbot.keyClick(window, Key.Key_I, Ctrl)
    _select_person(qtbot, page, "Chloe Marsh")
    qtbot.keyClick(page.roll_call.table, Key.Key_P, Ctrl | Shift)
    _select_person(qtbot, page, "Lee Tanner")
    qtbot.keyClick(page.roll_call.table, Key.Key_P, Ctrl | Shift)
    screen.set_screen_language(ScreenLanguage.ENGLISH)
    # Marked present in an in-person meeting: in the room (the roll call's default).
    assert _present(screen) == [CHLOE, LEE]

    # Lee Tanner is excluded (F8, grounds and a note): he is simply not listed.
    clock.advance(10)
    qtbot.keyClick(page.roll_call.table, Key.Key_F8)
    dialog = page.roll_call.exclusion_dialog
    assert dialog is not None
    active(qtbot, dialog)
    for _ in range(5):
        qtbot.keyClick(dialog.grounds, Key.Key_Down)
    for _ in range(4):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Tab)
    qtbot.keyClicks(dialog.note, "GROUNDS-NOTE-never-shown")
    qtbot.keyClick(dialog.grounds, Key.Key_Return)
    assert page.roll_call.exclusion_dialog is None
    assert _present(screen) == [CHLOE]
    assert "Lee Tanner" not in _text(screen)
    assert "GROUNDS-NOTE-never-shown" not in _text(screen)
    assert "Confidential" not in _text(screen)

    # The exclusion ends (F9): he is back; then he leaves (F7) and is listed as gone.
    clock.advance(10)
    _back_to_main(qtbot, window)
    _select_person(qtbot, page, "Lee Tanner")
    qtbot.keyClick(page.roll_call.table, Key.Key_F9)
    assert _present(screen) == [CHLOE, LEE]
    clock.advance(5)
    qtbot.keyClick(page.roll_call.table, Key.Key_F7)
    assert _present(screen) == [CHLOE]
    assert "Has left\nLee Tanner · Parent" in _people(screen)
    # And an apology recorded for Grace Obi shows under Apologies.
    _select_person(qtbot, page, "Grace Obi")
    qtbot.keyClick(page.roll_call.table, Key.Key_O, Ctrl | Shift)
    assert _people(screen).endswith("Apologies\nGrace Obi · Practitioner")


def test_locking_closes_it(qtbot: QtBot, wales: Session, preferences: Preferences) -> None:
    window = open_meeting(qtbot, wales, preferences)
    screen = _open_family_screen(qtbot, window)
    _back_to_main(qtbot, window)
    window.lock()
    assert not screen.isVisible()  # it names the people: locked away with the rest
    assert window.locked


def test_nothing_private_ever_shows(qtbot: QtBot) -> None:
    record = with_secrets(wales_meeting())
    excluded = record.participants[[p.role.value for p in record.participants].index("parent")]
    during = datetime(2026, 11, 26, 10, 55, tzinfo=UTC)  # the second parent is out
    after = datetime(2026, 11, 26, 11, 10, tzinfo=UTC)  # and back
    now = [during]
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, now[0]))
    qtbot.addWidget(screen)
    screen.show()
    parents = [p.name for p in record.participants if p.role.value == "parent"]
    for language in ScreenLanguage:
        screen.set_screen_language(language)
        for moment in (during, after):
            now[0] = moment
            screen.refresh()
            shown = _text(screen)
            for secret in SECRETS:
                assert secret not in shown, (secret, language, moment)
            assert parents[0] in shown
            assert (parents[-1] in shown) is (moment == after), (language, moment)
    assert excluded.name == parents[0]


def test_welsh_english_or_both_and_only_english_outside_wales(qtbot: QtBot) -> None:
    record = wales_meeting()
    start = dataclasses.replace(record.agenda[0], status=record.agenda[0].status.CURRENT)
    record = dataclasses.replace(record, agenda=(start, *record.agenda[1:]))
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, MEETING_STARTS))
    qtbot.addWidget(screen)
    screen.show()
    active(qtbot, screen)
    assert screen.language.isVisible()
    # The chair chooses Welsh in the screen's own list, by keyboard.
    screen.language.setFocus()
    qtbot.keyClick(screen.language, Key.Key_Down)
    assert screen.language.currentText() == "Welsh"
    assert screen.windowTitle() == "Pwy sydd yma"
    assert screen.subtitle.text() == "Cynhadledd cyn geni\ndydd Iau 26 Tachwedd 2026"
    assert screen.progress.text() == "Eitem 1 o 13"
    assert screen.agenda_heading.text() == "Agenda"
    assert "▶ Nawr\n" in screen.agenda.toPlainText()
    assert screen.people.toPlainText().startswith("Yn bresennol nawr\nNeb eto")
    assert "Ymddiheuriadau\nDim" in screen.people.toPlainText()
    assert "Who is here" not in _text(screen)
    qtbot.keyClick(screen.language, Key.Key_Down)
    assert screen.language.currentText() == "English"
    assert screen.subtitle.text() == "Pre-birth conference\nThursday 26 November 2026"
    assert "Yn bresennol" not in _text(screen)

    england = dataclasses.replace(
        record, conference=dataclasses.replace(record.conference, profile="england")
    )
    elsewhere = FamilyWindow(load_profile("england"), lambda: family_view(england, MEETING_STARTS))
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    assert not elsewhere.language.isVisible()
    elsewhere.set_screen_language(ScreenLanguage.WELSH)  # not offered: stays English
    assert elsewhere.windowTitle() == "Who is here"
    assert "Present now" in elsewhere.people.toPlainText()


def test_show_on_screen_goes_full_screen_and_esc_comes_back(qtbot: QtBot) -> None:
    record = wales_meeting()
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, MEETING_STARTS))
    qtbot.addWidget(screen)
    screen.show()
    active(qtbot, screen)
    screen.screens.setFocus()
    qtbot.keyClick(screen.screens, Key.Key_Space)  # opens the list of screens
    menu = screen.screen_menu
    qtbot.waitUntil(menu.isVisible)
    assert len(menu.actions()) == len(QtWidgets.QApplication.screens())
    qtbot.keyClick(menu, Key.Key_1)
    qtbot.waitUntil(screen.isFullScreen)
    assert not screen.controls.isVisible()  # the family sees only the meeting
    active(qtbot, screen)
    screen.agenda.setFocus()  # the family's column, say: Esc still leaves full screen
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or screen, Key.Key_Escape)
    qtbot.waitUntil(lambda: not screen.isFullScreen())
    assert screen.controls.isVisible()
    assert screen.isVisible()


def test_every_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    record = wales_meeting()
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, MEETING_STARTS))
    qtbot.addWidget(screen)
    screen.show()
    for widget in (screen.language, screen.screens, screen.close_button, screen.agenda,
                   screen.people):  # fmt: skip
        assert widget.accessibleName(), widget.objectName()
    for label in (screen.title, screen.subtitle, screen.agenda_heading, screen.progress):
        assert label.accessibleName() == label.text().replace("\n", " ")


@dataclasses.dataclass(frozen=True)
class _WelshWales(Profile):
    """The Wales profile with ``in_language``, as the profile translations provide it."""

    def in_language(self, language: Language) -> Profile:
        if language is not Language.WELSH:
            return self
        terminology = dataclasses.replace(
            self.terminology, meeting_name="Cynhadledd Amddiffyn Plant"
        )
        items = tuple(
            dataclasses.replace(item, title=f"CY {item.title}")
            for item in self.agenda.for_type(ConferenceType.PRE_BIRTH)
        )
        agenda = dataclasses.replace(self.agenda, pre_birth=items)
        return dataclasses.replace(self, terminology=terminology, agenda=agenda)


def test_the_meeting_name_and_agenda_titles_come_from_the_welsh_profile(qtbot: QtBot) -> None:
    wales = load_profile("wales")
    profile = _WelshWales(**{f.name: getattr(wales, f.name) for f in dataclasses.fields(wales)})
    record = wales_meeting()
    renamed = dataclasses.replace(record.agenda[1], title="Our own words for item two")
    record = dataclasses.replace(record, agenda=(record.agenda[0], renamed, *record.agenda[2:]))
    screen = FamilyWindow(profile, lambda: family_view(record, MEETING_STARTS))
    qtbot.addWidget(screen)
    assert screen.title.text() == "Cynhadledd Amddiffyn Plant\nChild Protection Conference"
    agenda = screen.agenda.toPlainText()
    first = record.agenda[0].title
    assert f"1. CY {first}\n{first}" in agenda  # Welsh first, then English
    # An item the chair renamed is shown as typed: there is no Welsh for it.
    assert "2. Our own words for item two\n" in agenda
    assert "CY Our own" not in agenda
    screen.set_screen_language(ScreenLanguage.WELSH)
    assert screen.title.text() == "Cynhadledd Amddiffyn Plant"
    assert f"1. CY {first}\n" in screen.agenda.toPlainText()


def test_when_every_item_is_done_the_meeting_has_ended(qtbot: QtBot) -> None:
    record = wales_meeting()
    done = tuple(dataclasses.replace(i, status=AgendaStatus.DONE) for i in record.agenda)
    record = dataclasses.replace(record, agenda=done)
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, MEETING_STARTS))
    qtbot.addWidget(screen)
    assert screen.progress.text() == "Mae'r cyfarfod wedi dod i ben / The meeting has ended"
    assert screen.agenda.toPlainText().count("✓") == len(done)


def test_it_fits_1366_by_768_at_one_and_a_half_times(qtbot: QtBot) -> None:
    """At QT_SCALE_FACTOR=1.5 a 1366×768 screen is 911×512 logical pixels: the window fits
    (the columns scroll) in every language."""
    record = with_secrets(wales_meeting())
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, MEETING_STARTS))
    qtbot.addWidget(screen)
    for language in ScreenLanguage:
        screen.set_screen_language(language)
        needed = screen.minimumSizeHint()
        assert needed.width() <= 1366 * 2 // 3 and needed.height() <= 768 * 2 // 3, language


def test_how_each_person_takes_part_in_welsh_and_english(qtbot: QtBot) -> None:
    record = with_secrets(wales_meeting())
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, MEETING_STARTS))
    qtbot.addWidget(screen)
    people = record.participants
    lines = screen.people.toPlainText().splitlines()
    assert f"{people[0].name} · Cadeirydd / Chair · yn yr ystafell / in the room" in lines
    assert f"{people[1].name} · Cofnodwr / Minute taker · ar fideo / on video" in lines
    assert f"{people[2].name} · Gweithiwr cymdeithasol / Social worker · ar y ffôn / by phone" in (
        lines
    )
    assert f"{people[3].name} · Ymarferydd / Practitioner" in lines  # how: not recorded
    screen.set_screen_language(ScreenLanguage.WELSH)
    assert f"{people[1].name} · Cofnodwr · ar fideo" in screen.people.toPlainText()
    screen.set_screen_language(ScreenLanguage.ENGLISH)
    assert f"{people[2].name} · Social worker · by phone" in screen.people.toPlainText()


def test_an_exclusion_with_an_end_time_ends_on_the_screen_by_itself(qtbot: QtBot) -> None:
    record = with_secrets(wales_meeting())  # the second parent is out 10:50 to 11:05
    parent = [p.name for p in record.participants if p.role.value == "parent"][-1]
    now = [datetime(2026, 11, 26, 10, 55, tzinfo=UTC)]
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, now[0]))
    qtbot.addWidget(screen)
    assert screen.clock.isActive() and screen.clock.interval() <= 30_000
    assert parent not in screen.people.toPlainText()
    refreshed: list[bool] = []
    refresh = screen.refresh
    screen.refresh = lambda: (refreshed.append(True), refresh())  # type: ignore[method-assign]
    screen.reread()  # nothing changed: nothing is drawn again (the scroll stays put)
    assert refreshed == []
    now[0] = datetime(2026, 11, 26, 11, 6, tzinfo=UTC)
    screen.clock.timeout.emit()  # what the timer does, without waiting for it
    assert refreshed == [True]
    assert parent in screen.people.toPlainText()
