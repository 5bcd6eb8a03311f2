"""The home table: sorting by the header, the current/all choice, column widths."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType
from cpc_desktop.domain.timescales import DueDates, Gestation
from cpc_desktop.services.schedule import ConferenceSummary, Listing
from cpc_desktop.services.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchHit,
    SearchResults,
)
from cpc_desktop.ui.home.conference_model import Column
from cpc_desktop.ui.home.fit_columns import fit_columns
from cpc_desktop.ui.home.home_page import HomePage

Key = QtCore.Qt.Key
TODAY = date(2026, 11, 23)
SINCE = date(2026, 5, 23)


def _summary(
    number: int,
    day: date,
    *,
    children: int = 1,
    status: ConferenceStatus = ConferenceStatus.CONCLUDED,
    review_in: int = 90,
    letter_overdue: bool = False,
) -> ConferenceSummary:
    return ConferenceSummary(
        id=f"id-{number}",
        reference=f"CPC-{day.year}-{number:04d}",
        type=ConferenceType.REVIEW if number % 2 else ConferenceType.INITIAL,
        status=status,
        date=day,
        profile="england",
        children=children,
        due=DueDates(
            conference_due=None,
            conference_late=False,
            conference_overdue=False,
            next_review_due=day + timedelta(days=review_in),
            first_core_group_due=None,
            decision_letter_due=day + timedelta(days=1),
            decision_letter_overdue=letter_overdue,
            minutes_due=day + timedelta(days=21),
            minutes_overdue=False,
        ),
    )


# Given by date, then reference (as the schedule lists them); two share a date.
ROWS = (
    _summary(1, date(2026, 6, 2), children=9, review_in=170),
    _summary(2, date(2026, 9, 8), children=10, review_in=60),
    _summary(3, date(2026, 9, 8), children=2, review_in=120, letter_overdue=True),
    _summary(4, date(2026, 11, 30), children=1, status=ConferenceStatus.SCHEDULED),
)
PARTIAL = Listing(ROWS, total=7, since=SINCE, older_unsent=3)
COMPLETE = Listing(
    (_summary(5, date(2019, 1, 8)), _summary(6, date(2020, 2, 4)), *ROWS),
    total=6,
    since=None,
    older_unsent=0,
)


@pytest.fixture
def page(qtbot: QtBot) -> HomePage:
    home = HomePage(TODAY)
    qtbot.addWidget(home)
    home.resize(1100, 600)
    home.show()
    qtbot.waitExposed(home)
    home.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is home)
    return home


def _shown(page: HomePage) -> list[str]:
    return [page.model.value(row).reference for row in range(page.model.rowCount())]


def _click_header(qtbot: QtBot, page: HomePage, column: Column) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(x, 5))


def test_rows_come_by_date_and_a_header_click_sorts_its_column(
    qtbot: QtBot, page: HomePage
) -> None:
    page.set_listing(PARTIAL, TODAY)
    assert _shown(page) == [s.reference for s in ROWS]
    _click_header(qtbot, page, Column.CHILDREN)  # numbers, not text: 10 after 9
    assert [page.model.value(r).children for r in range(4)] == [1, 2, 9, 10]
    _click_header(qtbot, page, Column.CHILDREN)
    assert [page.model.value(r).children for r in range(4)] == [10, 9, 2, 1]
    _click_header(qtbot, page, Column.NEXT)  # by the deadline's date, not its wording
    nexts = [page.model.value(r).next_deadline(TODAY) for r in range(4)]
    assert [n[1] if n else date.max for n in nexts] == sorted(
        n[1] if n else date.max for n in nexts
    )
    _click_header(qtbot, page, Column.DATE)
    _click_header(qtbot, page, Column.DATE)
    # Descending; the two of 8 September keep the order they were given in.
    assert _shown(page) == ["CPC-2026-0004", "CPC-2026-0002", "CPC-2026-0003", "CPC-2026-0001"]
    assert page.model.index(0, Column.DATE).data() == "Mon 30 Nov 2026"


def test_the_selection_stays_on_its_conference_through_a_sort_and_a_reload(
    qtbot: QtBot, page: HomePage
) -> None:
    opened: list[str] = []
    page.open_requested.connect(opened.append)
    page.set_listing(PARTIAL, TODAY)
    page.table.setFocus()
    qtbot.keyClick(page.table, Key.Key_Down)
    qtbot.keyClick(page.table, Key.Key_Down)
    assert page.selected_reference() == "CPC-2026-0003"
    _click_header(qtbot, page, Column.CHILDREN)
    assert page.selected_reference() == "CPC-2026-0003"
    assert page.table.currentIndex().row() == 1  # 2 children: second of 1, 2, 9, 10
    page.set_listing(COMPLETE, TODAY)  # more rows, still sorted by children
    assert page.selected_reference() == "CPC-2026-0003"
    page.table.setFocus()
    qtbot.keyClick(page.table, Key.Key_Return)
    assert opened == ["CPC-2026-0003"]


def test_the_note_says_how_many_are_shown_and_the_box_asks_for_the_rest(
    qtbot: QtBot, page: HomePage
) -> None:
    asked: list[bool] = []
    page.show_all_changed.connect(asked.append)
    page.set_listing(PARTIAL, TODAY)
    assert page.shown.text() == (
        "Showing 4 of 7 conferences: every one not yet concluded or cancelled, and any "
        "dated from Sat 23 May 2026. 3 conferences concluded before then have their "
        "decision letter or minutes not recorded as sent: show all conferences to see them."
    )
    assert page.show_all.isVisible() and not page.showing_all
    assert "1 overdue" in page.summary.text() and "CPC-2026-0003" in page.summary.text()
    page.table.setFocus()
    qtbot.keyClick(page.table, Key.Key_A, QtCore.Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: asked == [True])  # a mnemonic clicks after a short animation
    assert page.showing_all
    page.set_listing(COMPLETE, TODAY)  # the answer; setting the box again asks nothing
    assert page.shown.text() == "All 6 conferences."
    assert page.model.rowCount() == 6 and page.showing_all
    page.show_all.setFocus()
    qtbot.keyClick(page.show_all, Key.Key_Space)
    assert asked == [True, False]
    page.set_listing(PARTIAL, TODAY)
    assert asked == [True, False] and not page.showing_all


def test_one_older_conference_is_named_in_the_singular(page: HomePage) -> None:
    page.set_listing(Listing(ROWS[:1], 2, SINCE, 1), TODAY)
    assert page.shown.text().endswith(
        "1 conference concluded before then has its decision letter or minutes not "
        "recorded as sent: show all conferences to see them."
    )
    page.set_listing(Listing((), 0, SINCE, 0), TODAY)
    assert page.shown.text() == (
        "Showing 0 of 0 conferences: every one not yet concluded or cancelled, and any "
        "dated from Sat 23 May 2026."
    )
    assert page.summary.text() == "Nothing is overdue." and page.selected_reference() is None


def test_a_plain_list_of_every_conference_offers_no_choice(page: HomePage) -> None:
    page.set_conferences(COMPLETE.summaries, TODAY)
    assert page.shown.text() == "All 6 conferences."
    assert not page.show_all.isVisible()
    assert page.selected_reference() == "CPC-2019-0005"


def test_column_widths_are_those_qt_gives_from_every_cell(page: HomePage) -> None:
    many = tuple(
        _summary(n, date(2026, 1, 5) + timedelta(days=3 * n), children=n % 12, review_in=n)
        for n in range(1, 60)
    )
    page.set_listing(Listing(many, 59, None, 0), TODAY)
    ours = [page.table.columnWidth(c) for c in Column]
    header = page.table.horizontalHeader()
    header.setResizeContentsPrecision(-1)  # Qt asks the model about every row
    for column in Column:
        header.resizeSection(column, 5)
    page.table.resizeColumnsToContents()
    theirs = [page.table.columnWidth(c) for c in Column]
    assert ours[:-1] == theirs[:-1]  # the last column stretches to fill the table
    assert min(ours) > 20
    fit_columns(page.table, page.model, sample=0)  # no rows: the headers decide
    assert [page.table.columnWidth(c) for c in Column][:-1] == [
        header.sectionSizeHint(c) for c in Column
    ][:-1]


def test_text_columns_sort_by_their_words_and_no_column_keeps_the_given_order(
    qtbot: QtBot, page: HomePage, qtmodeltester
) -> None:
    page.set_listing(PARTIAL, TODAY)
    model = page.model
    _click_header(qtbot, page, Column.OVERDUE)
    _click_header(qtbot, page, Column.OVERDUE)  # descending: the overdue one first
    assert _shown(page)[0] == "CPC-2026-0003"
    assert model.index(0, Column.OVERDUE).data() == "Decision letter"
    assert model.index(0, 0).data(QtCore.Qt.ItemDataRole.ToolTipRole) == (
        "Overdue: decision letter"
    )
    _click_header(qtbot, page, Column.STATUS)
    assert _shown(page)[-1] == "CPC-2026-0004"  # "Scheduled" after "Concluded"
    qtmodeltester.check(model)
    model.sort(-1)  # no sort column: the order the rows were given in
    assert _shown(page) == [s.reference for s in ROWS]
    # A row replaced in place is the one sorted afterwards.
    more = _summary(1, date(2026, 6, 2), children=40)
    model.replace_row(0, more)
    _click_header(qtbot, page, Column.CHILDREN)
    _click_header(qtbot, page, Column.CHILDREN)
    assert model.value(0) == more


def _hit(number: int) -> SearchHit:
    return SearchHit(
        conference_id=f"id-{number}",
        reference=f"CPC-2026-{number:04d}",
        entry_id=f"entry-{number}",
        agenda_title="Strengths and worries",
        snippet=f"the {HIGHLIGHT_START}quokka{HIGHLIGHT_END} came up",
        restricted=False,
    )


@pytest.mark.parametrize("limited", [False, True])
def test_the_search_note_says_when_older_matches_were_left_out(qtbot: QtBot, limited: bool) -> None:
    asked: list[str] = []

    def search(text: str) -> SearchResults:
        asked.append(text)
        return SearchResults((_hit(1), _hit(2)), limited=limited)

    home = HomePage(TODAY, search)
    qtbot.addWidget(home)
    home.show()
    qtbot.waitExposed(home)
    qtbot.keyClicks(home.search_box, "quokka")
    qtbot.keyClick(home.search_box, Key.Key_Return)
    assert asked == ["quokka"]
    assert home.results.rowCount() == 2
    note = home.search_note.text()
    assert note.startswith("2 entries found")
    assert ("older minutes matched too" in note) is limited
    assert ("add a word" in note) is limited


def test_a_late_pre_birth_conference_is_tinted_and_named(page: HomePage) -> None:
    plain = _summary(7, date(2026, 11, 2), status=ConferenceStatus.SCHEDULED)
    late = replace(
        plain, type=ConferenceType.PRE_BIRTH, due=replace(plain.due, pre_birth_late=Gestation(255))
    )
    page.set_listing(Listing((late,), 1, None, 0), TODAY)
    cell = page.model.index(0, Column.OVERDUE)
    assert cell.data() == "Pre-birth at 36+3 weeks"
    assert cell.data(QtCore.Qt.ItemDataRole.ToolTipRole) == (
        "Later than the rules allow: pre-birth at 36+3 weeks"
    )
    assert cell.data(QtCore.Qt.ItemDataRole.BackgroundRole) is not None
