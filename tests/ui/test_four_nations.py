"""A whole conference under each nation's rules, by keyboard, with an authority's file.

For each example settings file shipped in docs/authorities (one per nation), copied into
the authorities folder as a chair would: make the conference in the New conference
dialog under that authority's rules, go round the table with the agencies written as
that authority writes them, minute the child's and the parents' views, run the decision
wizard to a plan, approve and issue the minutes, and preview the parent's letter. The
nation's words must show in the wizard and in both PDFs, with the authority's name and
address; other nations' words must not.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import Outcome
from cpc_desktop.export.signing import create_self_signed
from cpc_desktop.services.session import open_session
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.output.certificates import forget_certificates
from cpc_desktop.ui.settings import Preferences
from tests.helpers.keyboard import (
    Ctrl,
    Key,
    activate,
    add_person,
    alt,
    in_modal,
    select_row,
    tab_to,
)
from tests.helpers.nations import EXAMPLES, NATIONS, Nation
from tests.helpers.outputs import CERT_PASSPHRASE, issue_minutes, preview_parent_letter
from tests.helpers.wizard import decide
from tests.ui.conftest import PASSPHRASE

Shift = QtCore.Qt.KeyboardModifier.ShiftModifier


VIEWS = (
    "Ada drew her family and said she feels safe at school.",
    "Mo said she wants help with the house and with money.",
)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 11, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


def _new_conference(qtbot: QtBot, window: MainWindow, nation: Nation) -> None:
    """Ctrl+N, choose the authority's rules, the dates and the child, by keyboard."""

    def fill(dialog: NewConferenceDialog) -> None:
        alt(qtbot, Key.Key_U)
        assert dialog.profile.hasFocus()
        qtbot.keyClick(dialog.profile, Key.Key_Home)  # the authorities' files come first
        assert dialog.profile.currentText() == nation.rules_label
        assert dialog.profile_id == nation.profile
        assert not dialog.authority.isVisibleTo(dialog)  # the file names the authority
        assert dialog.anchor_label.text().replace("&", "") == nation.anchor_label
        alt(qtbot, Key.Key_D)
        assert dialog.date.hasFocus()
        qtbot.keyClicks(dialog.date, "11/12/2026")
        alt(qtbot, Key.Key_S)
        assert dialog.anchor.hasFocus()
        qtbot.keyClicks(dialog.anchor, "27/11/2026")
        assert dialog.anchor.text() == "27/11/2026"
        assert dialog.due.text() == nation.due  # the nation's day counts and holidays
        assert "later than the timescale" not in dialog.due.text()
        row = dialog.child_rows[0]
        tab_to(qtbot, row.given)
        qtbot.keyClicks(row.given, "Ada")
        qtbot.keyClick(row.given, Key.Key_Tab)
        qtbot.keyClicks(row.family, "Quinn")
        qtbot.keyClick(row.family, Key.Key_Return)
        assert dialog.error.text() == ""

    in_modal(qtbot, lambda: qtbot.keyClick(window, Key.Key_N, Ctrl), NewConferenceDialog, fill)


@pytest.fixture(autouse=True)
def _no_opened_certificates() -> Iterator[None]:
    """Each run asks for the certificate's passphrase (none is remembered from before)."""
    forget_certificates()
    yield
    forget_certificates()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The chair's self-signed certificate file, made once for the four runs."""
    path = tmp_path_factory.mktemp("certificate") / "chair.p12"
    path.write_bytes(create_self_signed("Alex Chair", CERT_PASSPHRASE.encode()))
    return path


@pytest.mark.parametrize("nation", NATIONS, ids=[n.profile for n in NATIONS])
def test_a_conference_under_each_nations_rules_by_keyboard(
    qtbot: QtBot,
    store_path: Path,
    preferences: Preferences,
    authorities: Path,
    nation: Nation,
    certificate: Path,
) -> None:
    shutil.copy(EXAMPLES / nation.file, authorities / nation.file)
    clock = Clock()
    session = open_session(store_path, PASSPHRASE, clock=clock)
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)

    _new_conference(qtbot, window, nation)
    page = window.workspace
    assert page is not None
    activate(qtbot, window)
    ref = page.reference
    record = session.conferences.get(ref)
    assert record.conference.profile == nation.profile
    assert record.conference.local_authority == nation.authority
    assert (record.conference.date, record.conference.strategy_discussion_date) == (
        date(2026, 12, 11),
        date(2026, 11, 27),
    )

    # --- round the table, in the authority's own spellings --------------------------
    tab = page.roll_call
    for person in nation.people:
        note = add_person(qtbot, tab, person)
        if person.agency:  # the line under the box: a listed agency, however typed
            assert "(a listed agency)" in note or ": a listed agency" in note, note
    assert [p.name for p in tab.record.participants] == [p.name for p in nation.people]
    for person in nation.people:
        select_row(qtbot, tab, person.name)
        qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    said = tab.quorum.text()
    assert said == f"Quorate: {nation.csc} and {len(nation.quorum_groups)} other agencies"
    assert tab.quorum.status.toolTip() == ", ".join(nation.quorum_groups)

    # --- the child's and the parents' views, minuted under their items -------------
    clock.advance(5)
    qtbot.keyClick(window, Key.Key_Right, Ctrl | Shift)  # start: item 1 is current
    for key, text in zip(("childs_views", "parents_views"), VIEWS, strict=True):
        _minute_at(qtbot, window, key, text)
        clock.advance(10)

    # --- the decision wizard, to a plan ---------------------------------------------
    decide(qtbot, window, nation)
    assert page.tabs.currentWidget() is page.decisions_page  # read back in the nation's words
    shown = page.decisions.toPlainText()
    for line in (
        f"Outcome: {nation.plan.lower()}.",
        f"{nation.categories}: {nation.category}",
        f"{nation.lead}: {nation.social_worker}",
    ):
        assert line in shown, (line, shown)
    for words in nation.not_words:
        assert words.casefold() not in shown.casefold(), words
    record = session.conferences.get(ref)
    (decision,) = record.decisions
    assert decision.outcome is Outcome.CP_PLAN and decision.categories == ("neglect",)
    by_name = {p.name: p.id for p in record.participants}
    assert decision.lead_social_worker_id == by_name[nation.social_worker]

    # --- minutes approved and issued, and the parent's letter ----------------------
    minutes = issue_minutes(qtbot, window, preferences, certificate)
    letter = preview_parent_letter(qtbot, window, session)
    window.close()

    for view in VIEWS:  # minuted under their items, and given in the wizard
        assert view in minutes
    # The minutes name the authority; its letters head with its name and address.
    for what, text, own in (
        ("minutes", minutes, (*nation.minutes_words, nation.authority)),
        ("letter", letter, (*nation.letter_words, nation.authority, *nation.address)),
    ):
        for words in own:
            assert words.casefold() in text.casefold(), (what, words)
        for words in nation.not_words:
            assert words.casefold() not in text.casefold(), (what, words)


def _minute_at(qtbot: QtBot, window: MainWindow, key: str, text: str) -> None:
    """Move on (Ctrl+PgDown) to the agenda item ``key`` and minute ``text`` there."""
    page = window.workspace
    assert page is not None
    for _ in range(len(page.record.agenda)):
        pane = page.minutes.current_pane()
        if pane is not None and pane.item.key == key:
            break
        qtbot.keyClick(window, Key.Key_M, Ctrl)
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_PageDown, Ctrl)
    qtbot.keyClick(window, Key.Key_M, Ctrl)
    pane = page.minutes.current_pane()
    assert pane is not None and pane.item.key == key
    assert pane.editor.hasFocus()
    qtbot.keyClicks(pane.editor, text)
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
