"""Language choice and parental responsibility in the roll call, by keyboard (issue 18).

The demo's review conference (the Brennans), held under the Wales profile: the roll call
warns whose language choice is not asked yet and who has parental responsibility but
was not invited; the Details dialog says the choice must be asked and recorded. Under
England the same fields are there, without the note or the warnings. Parental
responsibility for a professional is refused in the dialog, saving nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import Language
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.workspace.roll_call import RollCallTab
from cpc_desktop.ui.workspace.roll_call_dialogs import DetailsDialog
from tests.ui.conftest import PASSPHRASE, TODAY, fixed_clock
from tests.ui.test_roll_call import PRE_BIRTH, _activate, _back_to, _person, _select, _tab

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Alt = QtCore.Qt.KeyboardModifier.AltModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
#: The demo's review conference, here under the Wales profile.
REVIEW = "CPC-2026-0002"
UNASKED = "Language choice not asked yet (Welsh Language Standards): "


@pytest.fixture
def wales(tmp_path: Path) -> Iterator[Session]:
    path = tmp_path / "store.db"
    with open_session(
        path, PASSPHRASE, create=True, user="Alex Chair", clock=fixed_clock
    ) as session:
        for record in build_demo_records(TODAY):
            if record.conference.reference == REVIEW:
                conference = dataclasses.replace(record.conference, profile="wales")
                record = dataclasses.replace(record, conference=conference)
            session.conferences.import_record(record)
    opened = open_session(path, PASSPHRASE, clock=fixed_clock)
    yield opened
    opened.close()


def _details(qtbot: QtBot, tab: RollCallTab, name: str) -> DetailsDialog:
    _select(qtbot, tab, name)
    qtbot.keyClick(tab.table, Key.Key_F2)
    dialog = tab.details_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    return dialog


def _readers(session: Session, ref: str) -> list[str]:
    people = session.conferences.get(ref).participants
    return [p.name for p in people if p.role.value not in ("chair", "minute_taker")]


def test_wales_asks_for_the_language_and_warns_who_must_be_invited(
    qtbot: QtBot, wales: Session
) -> None:
    tab = _tab(qtbot, wales, REVIEW)
    readers = _readers(wales, REVIEW)
    assert "Frank Brennan" in readers
    assert tab.notes.isVisible()
    assert tab.notes.text() == UNASKED + ", ".join(readers[:-1]) + f" and {readers[-1]}."

    dialog = _details(qtbot, tab, "Frank Brennan")
    box = dialog.standing
    assert box.note.isVisible()
    assert "Welsh Language Standards" in box.note.text()
    assert box.language.currentText() == "Not asked yet"
    # Alt+U (the label "Lang&uage choice") reaches the language box; Down chooses.
    qtbot.keyClick(dialog, Key.Key_U, Alt)
    assert box.language.hasFocus()
    qtbot.keyClick(box.language, Key.Key_Down)
    qtbot.keyClick(box.language, Key.Key_Down)
    assert box.language.currentText() == "Cymraeg (Welsh)"
    # Alt+P ticks "Has &parental responsibility"; Alt+C unticks "Invited to the &conference"
    # (a mnemonic clicks its box after a short animation).
    qtbot.keyClick(dialog, Key.Key_P, Alt)
    qtbot.waitUntil(box.responsibility.isChecked)
    qtbot.keyClick(dialog, Key.Key_C, Alt)
    qtbot.waitUntil(lambda: not box.invited.isChecked())
    qtbot.keyClick(box.language, Key.Key_Return)
    qtbot.waitUntil(lambda: tab.details_dialog is None)

    frank = _person(wales, "Frank Brennan", REVIEW)
    assert (frank.language, frank.parental_responsibility, frank.invited) == (
        Language.WELSH,
        True,
        False,
    )
    others = [name for name in readers if name != "Frank Brennan"]
    assert tab.notes.text() == (
        "Frank Brennan has parental responsibility and must be invited (Wales).\n"
        + UNASKED
        + ", ".join(others[:-1])
        + f" and {others[-1]}."
    )
    assert tab.status.text() == "Saved the details of Frank Brennan."

    # Undo puts everything back, the warnings too.
    _back_to(qtbot, tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Key.Key_Z, Ctrl)
    frank = _person(wales, "Frank Brennan", REVIEW)
    assert (frank.language, frank.parental_responsibility, frank.invited) == (None, False, True)
    assert tab.notes.text().startswith(UNASKED)
    assert "must be invited" not in tab.notes.text()


def test_parental_responsibility_for_a_professional_is_refused_in_the_dialog(
    qtbot: QtBot, wales: Session
) -> None:
    tab = _tab(qtbot, wales, REVIEW)
    worker = next(
        p for p in wales.conferences.get(REVIEW).participants if p.role.value == "social_worker"
    )
    dialog = _details(qtbot, tab, worker.name)
    box = dialog.standing
    box.responsibility.setFocus()
    qtbot.keyClick(box.responsibility, Key.Key_Space)
    assert box.responsibility.isChecked()
    qtbot.keyClick(box.responsibility, Key.Key_Return)
    assert tab.details_dialog is dialog and dialog.isVisible()
    assert dialog.error.text() == (
        f"{worker.name} is on the professional side, so cannot have parental "
        "responsibility: untick it, or put them on the family side."
    )
    assert box.responsibility.hasFocus()
    assert _person(wales, worker.name, REVIEW).parental_responsibility is False
    qtbot.keyClick(box.responsibility, Key.Key_Space)  # untick: saving now closes
    qtbot.keyClick(box.responsibility, Key.Key_Return)
    qtbot.waitUntil(lambda: tab.details_dialog is None)
    assert not tab.test_stack.canUndo()  # type: ignore[attr-defined]  # nothing changed


def test_elsewhere_the_fields_are_there_without_the_note_or_warnings(
    qtbot: QtBot, session: Session
) -> None:
    tab = _tab(qtbot, session, PRE_BIRTH)
    assert not tab.notes.isVisible() and tab.notes.text() == ""
    dialog = _details(qtbot, tab, "Lee Tanner")
    box = dialog.standing
    assert not box.note.isVisible()
    assert [box.language.itemText(i) for i in range(box.language.count())] == [
        "Not asked yet",
        "English",
        "Cymraeg (Welsh)",
    ]
    box.language.setFocus()
    qtbot.keyClick(box.language, Key.Key_Down)
    qtbot.keyClick(box.language, Key.Key_Return)
    qtbot.waitUntil(lambda: tab.details_dialog is None)
    assert _person(session, "Lee Tanner").language is Language.ENGLISH
    assert not tab.notes.isVisible()


def test_a_language_chosen_elsewhere_meanwhile_is_shown_and_keep_mine_saves_over_it(
    qtbot: QtBot, wales: Session
) -> None:
    tab = _tab(qtbot, wales, REVIEW)
    kirsty = _person(wales, "Kirsty Brennan", REVIEW)
    dialog = _details(qtbot, tab, "Kirsty Brennan")
    box = dialog.standing
    box.language.setFocus()
    qtbot.keyClick(box.language, Key.Key_Down)  # English
    other = Session(wales.store, wales.actor, fixed_clock)
    other.roll_call.update_participant(
        kirsty.id, language=Language.WELSH, expected={"language": None}
    )
    qtbot.keyClick(box.language, Key.Key_Return)
    assert tab.details_dialog is dialog and dialog.isVisible()
    said = (
        "Someone else changed Kirsty Brennan's language choice to “Cymraeg (Welsh)” while "
        "you were editing; nothing was saved. The roll call now shows their change."
    )
    assert dialog.error.text().startswith(said)
    assert box.language.currentText() == "English"  # mine is kept
    assert _person(wales, "Kirsty Brennan", REVIEW).language is Language.WELSH
    qtbot.keyClick(dialog.keep_mine, Key.Key_Space)
    qtbot.waitUntil(lambda: tab.details_dialog is None)
    assert _person(wales, "Kirsty Brennan", REVIEW).language is Language.ENGLISH


def test_undoing_a_removal_brings_back_every_detail(qtbot: QtBot, wales: Session) -> None:
    frank = _person(wales, "Frank Brennan", REVIEW)
    kirsty = _person(wales, "Kirsty Brennan", REVIEW)
    wales.roll_call.update_participant(
        frank.id,
        language=Language.WELSH,
        parental_responsibility=True,
        invited=False,
        address="2 Heol Las\nCaerfenni",
        withhold_from=[kirsty.id],
    )
    before = _person(wales, "Frank Brennan", REVIEW)
    tab = _tab(qtbot, wales, REVIEW)
    _select(qtbot, tab, "Frank Brennan")
    qtbot.keyClick(tab.table, Key.Key_Delete, Ctrl | Shift)
    assert frank.id not in [p.id for p in wales.conferences.get(REVIEW).participants]
    assert "must be invited" not in tab.notes.text()
    qtbot.keyClick(tab.table, Key.Key_Z, Ctrl)
    assert _person(wales, "Frank Brennan", REVIEW) == before
    assert tab.notes.text().startswith(
        "Frank Brennan has parental responsibility and must be invited (Wales)."
    )
