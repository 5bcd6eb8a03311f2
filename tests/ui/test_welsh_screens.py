"""Every screen speaks Welsh when the screens are in Welsh (issue 20 and the older
screens noticed in issue 19).

The guard for the future: pyside6-lupdate collects every string marked for translation
in the screens' sources, and each must have its finished Welsh in the committed
catalogue, with the same blanks and a keyboard mnemonic where the English has one. Then
each screen group of issue 20 is driven with keys under a Wales profile, its real widgets
read back in Welsh: New review and the Plan progress tab, the Complaints dialog and its
forms, Record birth, the home screen's records line and the Retention window, the
Correction requests, the store check, the print audit's words, the exclusion dialog and
the quorum indicator. In English the translated words are the domain's, letter for letter.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data import integrity
from cpc_desktop.domain.appeals import GROUND_WORDS
from cpc_desktop.domain.complaints import (
    DECISION_STANDS,
    Complaint,
    ComplaintStep,
    complaint_state,
)
from cpc_desktop.domain.corrections import ruling_words
from cpc_desktop.domain.enums import (
    ActionStatus,
    AppealGround,
    AppealOutcome,
    ConferenceType,
    CorrectionRuling,
    Language,
)
from cpc_desktop.domain.plan_review import NOT_JUDGED, STATUS_COLOURS, STATUS_WORDS
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.export.signing import ChairCertificate
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui import i18n
from cpc_desktop.ui.home.new_review import NewReviewDialog
from cpc_desktop.ui.home.retention_dialog import RetentionDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.output import common
from cpc_desktop.ui.output.corrections_dialog import CorrectionsDialog
from cpc_desktop.ui.output.corrections_dialog import state_words as correction_state
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.store_check import step_words
from cpc_desktop.ui.workspace import complaint_words, plan_progress
from cpc_desktop.ui.workspace.birth_dialog import BirthForm
from cpc_desktop.ui.workspace.complaint_forms import COMPLAINT_GROUNDS
from cpc_desktop.ui.workspace.complaints_dialog import ComplaintsDialog
from cpc_desktop.ui.workspace.exclusion_dialog import ExclusionDialog
from cpc_desktop.ui.workspace.page import WorkspacePage
from cpc_desktop.ui.workspace.quorum_indicator import QuorumIndicator, QuorumReasonDialog
from tests.helpers.keyboard import Ctrl, activate, alt, focused, in_modal
from tests.helpers.meeting import CHAIR
from tests.helpers.plan_events import PRE_BIRTH_REF, pre_birth_record
from tests.helpers.records import small_record
from tests.helpers.retention import old_record
from tests.helpers.stores import new_store
from tests.ui.conftest import PASSPHRASE, TODAY, fixed_clock
from tests.ui.test_outputs_ui import (  # noqa: F401 - fixtures used by name
    CONCLUDED,
    _click,
    _minutes_window,
    _no_opened_certificates,
    certificate,
    p12,
)

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
REF = "CPC-2026-0042"
SOURCE = i18n.CATALOGUES / "cpc_desktop_cy.ts"
UI = Path(i18n.__file__).resolve().parent


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else (shutil.which(name) or name)


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    return {
        (str(context.findtext("name")), str(message.findtext("source"))): message
        for context in ET.parse(path).getroot().iter("context")
        for message in context.iter("message")
    }


@pytest.fixture
def welsh() -> Iterator[None]:
    i18n.use_language(Language.WELSH)
    yield
    i18n.use_language(Language.ENGLISH)


def _in_wales(record):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        record, conference=dataclasses.replace(record.conference, profile="wales")
    )


# --- the guard: every marked string has its Welsh ----------------------------------------


def test_every_string_marked_in_the_screens_has_its_welsh(tmp_path: Path) -> None:
    collected = tmp_path / "collected.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(collected),
        ],
        check=True,
        capture_output=True,
    )
    marked = _messages(collected)
    committed = _messages(SOURCE)
    assert len(marked) > 300  # the collection itself worked
    blanks = re.compile(r"\{[a-z_]+\}")
    for (context, source), _message in marked.items():
        where = f"{context}: {source!r}"
        found = committed.get((context, source))
        assert found is not None, f"not in the catalogue (run scripts/translations.sh): {where}"
        translation = found.find("translation")
        assert translation is not None and translation.text, f"no Welsh: {where}"
        assert translation.get("type") is None, f"Welsh unfinished: {where}"
        welsh = translation.text
        assert sorted(blanks.findall(welsh)) == sorted(blanks.findall(source)), where
        assert ("&" in source.replace("&&", "")) == ("&" in welsh.replace("&&", "")), where
    # And the compiled catalogue has them (the .qm is the .ts compiled: test_translations).
    catalogue = i18n.translator(Language.WELSH)
    assert catalogue is not None
    assert catalogue.translate("RetentionDialog", "Place a legal &hold") == (
        "Gosod daliad cyfreit&hiol"
    )


def test_in_english_the_marked_words_are_the_domains() -> None:
    assert i18n.language_in_use() is Language.ENGLISH
    assert complaint_words.decision_stands() == DECISION_STANDS
    assert complaint_words.grounds() == COMPLAINT_GROUNDS
    assert {g: w for g, w in COMPLAINT_GROUNDS.items() if g is not AppealGround.NOT_HEARD} == {
        g: w for g, w in GROUND_WORDS.items() if g is not AppealGround.NOT_HEARD
    }
    base = Complaint(id="c", conference_id="x", received=date(2026, 12, 1), grounds=())
    for outcome in AppealOutcome:
        for decided in (None, date(2026, 12, 20)):
            for acknowledged in (None, date(2026, 12, 2)):
                complaint = dataclasses.replace(
                    base, outcome=outcome, decided=decided, acknowledged=acknowledged
                )
                assert complaint_words.state_words(complaint) == complaint_state(complaint)
    for kind in ("acknowledge", "answer"):
        step = ComplaintStep(kind, date(2026, 12, 10))
        for today in (date(2026, 12, 9), date(2026, 12, 11)):
            assert complaint_words.step_words(step, today) == step.words(today)
    assert plan_progress.status_words(None) == NOT_JUDGED
    for status in ActionStatus:
        assert plan_progress.status_words(status) == STATUS_WORDS[status]
        assert plan_progress.colour_words(status) == STATUS_COLOURS[status]
    for words in integrity._WORDS.values():
        assert step_words(words) == words
    for ruling in CorrectionRuling:
        request = dataclasses.make_dataclass("R", ["ruling", "ruled_at"])(ruling, None)
        assert correction_state(request) == ruling_words(ruling)


# --- issue 20's screens, in Welsh, under a Wales profile ---------------------------------


@pytest.fixture
def wales(tmp_path: Path) -> Iterator[Session]:
    """The small record (and the pre-birth one) held under the Wales profile."""
    store = new_store(tmp_path)
    with Session(store, CHAIR, lambda: NOW) as opened:
        opened.conferences.import_record(_in_wales(small_record()))
        opened.conferences.import_record(_in_wales(pre_birth_record()))
        yield opened
    store.close()


def _page(qtbot: QtBot, session: Session, ref: str) -> WorkspacePage:
    page = WorkspacePage(session, ref)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    qtbot.keyClick(page, Key.Key_D, Alt)  # the Decisions tab
    return page


def _rows(table: QtWidgets.QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _headers(table: QtWidgets.QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def _form(qtbot: QtBot, dialog: ComplaintsDialog, key: Key) -> QtWidgets.QDialog:
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, key, Alt)
    qtbot.waitUntil(lambda: dialog.form is not None)
    form = dialog.form
    assert form is not None
    activate(qtbot, form)
    return form


def _labels(widget: QtWidgets.QWidget) -> set[str]:
    return {label.text() for label in widget.findChildren(QtWidgets.QLabel)}


def _distinct_mnemonics(window: QtWidgets.QWidget) -> None:
    """The Welsh keeps one control to each Alt+letter in the window."""
    letters = []
    for kind in (QtWidgets.QAbstractButton, QtWidgets.QLabel):
        for widget in window.findChildren(kind):
            if widget.isVisibleTo(window):
                found = re.search(r"&([^&\s])", widget.text().replace("&&", ""))
                letters += [found.group(1).lower()] if found else []
    assert letters and len(letters) == len(set(letters)), sorted(letters)


def test_complaints_are_logged_acknowledged_and_decided_in_welsh(
    qtbot: QtBot, wales: Session, welsh: None
) -> None:
    page = _page(qtbot, wales, REF)
    button = page.complaints_button
    assert button is not None
    qtbot.waitUntil(button.isVisible)
    assert (button.text(), button.accessibleName()) == (
        "Cwy&nion…",
        "Cwynion am y gynhadledd",
    )
    qtbot.keyClick(page, Key.Key_N, Alt)
    qtbot.waitUntil(lambda: page.complaints_dialog is not None)
    dialog = page.complaints_dialog
    assert isinstance(dialog, ComplaintsDialog)
    assert dialog.windowTitle() == f"Cwynion — {REF}"
    _distinct_mnemonics(dialog)
    assert dialog.stands.text().startswith("Mae penderfyniad y gynhadledd yn sefyll")
    assert dialog.empty.text() == "Nid oes cwyn wedi'i chofnodi."
    assert _headers(dialog.table) == [
        "Daeth i law",
        "Gan",
        "Plant",
        "Sail",
        "Sefyllfa",
        "Y cam nesaf",
    ]
    assert [b.text() for b in (dialog.record_button, dialog.acknowledge_button)] == [
        "&Cofnodi cwyn…",
        "C&ydnabod…",
    ]

    form = _form(qtbot, dialog, Key.Key_C)  # &Cofnodi cwyn…
    assert form.windowTitle() == f"Cofnodi cwyn — {REF}"
    _distinct_mnemonics(form)
    assert {"&Gan:", "Perthynas â'r &plentyn:", "Daeth i &law ar:", "&Sail:"} <= _labels(form)
    box = form.findChild(QtWidgets.QDialogButtonBox)
    assert box is not None
    assert sorted(b.text() for b in box.buttons()) == ["&Cofnodi'r gŵyn", "Canslo"]
    qtbot.keyClick(form, Key.Key_G, Alt)  # Gan: the roll call, in its order
    for _ in range(2):
        qtbot.keyClick(focused(), Key.Key_Down)  # Ola Oyelaran, the mother
    qtbot.keyClick(form, Key.Key_P, Alt)
    qtbot.keyClicks(focused(), "mam")
    qtbot.keyClick(form, Key.Key_S, Alt)  # Sail: the first, the procedures
    assert focused().currentItem().text().startswith("Ni ddilynwyd y gweithdrefnau")  # type: ignore[attr-defined]
    qtbot.keyClick(focused(), Key.Key_Space)
    qtbot.keyClick(form, Key.Key_C, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    (row,) = _rows(dialog.table)
    assert row[1:5] == [
        "Ola Oyelaran (mam)",
        "Bethany Oyelaran",
        "Ni ddilynwyd y gweithdrefnau, ac effeithiodd hyn ar y penderfyniad",
        "daeth i law, heb ei chydnabod eto",
    ]
    assert row[0] == "5 Rhagfyr 2026" and re.fullmatch(r"cydnabod erbyn \d+ Rhagfyr 2026", row[5])

    form = _form(qtbot, dialog, Key.Key_Y)  # C&ydnabod…
    assert form.windowTitle() == "Cydnabod — Ola Oyelaran"
    _distinct_mnemonics(form)
    qtbot.keyClick(form, Key.Key_H, Alt)
    qtbot.keyClicks(focused(), "Adolygiad y cadeirydd")
    qtbot.keyClick(form, Key.Key_C, Alt)  # &Cydnabod
    qtbot.waitUntil(lambda: dialog.form is None)
    assert _rows(dialog.table)[0][4] == "cydnabuwyd ar 5 Rhagfyr 2026, yn cael ei hystyried"

    form = _form(qtbot, dialog, Key.Key_N)  # Cofnodi'r ca&nlyniad…
    assert form.windowTitle() == "Canlyniad — Ola Oyelaran"
    _distinct_mnemonics(form)
    qtbot.keyClick(form, Key.Key_N, Alt)
    qtbot.keyClick(focused(), Key.Key_Down)
    assert focused().currentText() == "Ni chadarnhawyd"  # type: ignore[attr-defined]
    qtbot.keyClick(form, Key.Key_C, Alt)  # &Cadw'r canlyniad
    qtbot.waitUntil(lambda: dialog.form is None)
    assert _rows(dialog.table)[0][4:] == ["ni chadarnhawyd ar 5 Rhagfyr 2026", ""]
    ended = wales.complaints.complaints(REF).lines[0].complaint
    assert ended.outcome is AppealOutcome.NOT_UPHELD
    activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Key.Key_A, Alt)  # C&au


def test_a_birth_is_recorded_in_welsh(qtbot: QtBot, wales: Session, welsh: None) -> None:
    page = _page(qtbot, wales, PRE_BIRTH_REF)
    button = page.birth_button
    assert button is not None
    qtbot.waitUntil(button.isVisible)
    assert (button.text(), button.toolTip()) == (
        "Cofnodi &genedigaeth…",
        "Enwi'r babi a chofnodi'r dyddiad geni; daw'r adolygiad ymlaen",
    )
    qtbot.keyClick(page, Key.Key_G, Alt)
    qtbot.waitUntil(lambda: page.birth_form is not None and page.birth_form.isVisible())
    form = page.birth_form
    assert isinstance(form, BirthForm)
    activate(qtbot, form)
    assert form.windowTitle() == f"Cofnodi genedigaeth — {PRE_BIRTH_REF}"
    _distinct_mnemonics(form)
    assert {"&Babi:", "&Enw cyntaf:", "C&yfenw:", "&Dyddiad geni:"} <= _labels(form)
    assert form.intro.text().startswith("Bydd y babi yn dod yn blentyn a enwir")
    assert (form.ok.text(), form.error.accessibleName()) == ("&Cofnodi", "Problem")
    qtbot.keyClicks(form.given, "Amara")
    form.born.setDate(QtCore.QDate(2026, 12, 1))
    with qtbot.waitSignal(page.message) as said:
        qtbot.keyClick(form, Key.Key_C, Alt)  # &Cofnodi
    (line,) = said.args
    assert re.fullmatch(
        r"Cofnodwyd genedigaeth Amara Oyelaran\. Mae'r adolygiad ar ôl y geni yn ddyledus "
        r"erbyn \d+ \w+ 202[67](; rhaid dod â'r adolygiad a bennwyd ar gyfer \d+ \w+ 2027 "
        r"ymlaen)?\.",
        line,
    ), line
    (baby,) = wales.conferences.get(PRE_BIRTH_REF).children
    assert (baby.given_name, baby.date_of_birth) == ("Amara", date(2026, 12, 1))


@pytest.fixture
def wales_demo(tmp_path: Path) -> Iterator[Session]:
    """The demo store with every conference held under the Wales profile."""
    path = tmp_path / "store.db"
    with open_session(
        path, PASSPHRASE, create=True, user="Alex Chair", clock=fixed_clock
    ) as session:
        # the first three samples: the fourth is the review already made from the ICPC,
        # and the New review test makes that review itself
        for record in build_demo_records(TODAY)[:3]:
            session.conferences.import_record(_in_wales(record))
    opened = open_session(path, PASSPHRASE, clock=fixed_clock)
    yield opened
    opened.close()


def _main_window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def test_a_new_review_and_its_plan_progress_speak_welsh(
    qtbot: QtBot, wales_demo: Session, preferences: Preferences, welsh: None
) -> None:
    window = _main_window(qtbot, wales_demo, preferences)
    initial = next(
        c.reference
        for c in wales_demo.conferences.overview().conferences
        if c.type is ConferenceType.INITIAL
    )
    home = window.home
    home.table.setFocus()
    qtbot.keyClick(home.table, Key.Key_Home)
    while home.selected_reference() != initial:
        qtbot.keyClick(home.table, Key.Key_Down)
    seen: dict[str, str] = {}

    def drive(dialog: NewReviewDialog) -> None:
        seen["title"] = dialog.windowTitle()
        _distinct_mnemonics(dialog)
        seen["why"] = dialog.why.text()
        box = dialog.findChild(QtWidgets.QDialogButtonBox)
        assert box is not None
        seen["buttons"] = " | ".join(sorted(b.text() for b in box.buttons()))
        seen["labels"] = " | ".join(sorted(_labels(dialog)))
        alt(qtbot, Key.Key_D)  # &Dyddiad yr adolygiad
        assert dialog.date.hasFocus()
        qtbot.keyClick(focused(), Key.Key_Return)

    in_modal(
        qtbot, lambda: qtbot.keyClick(focused(), Key.Key_N, Ctrl | Shift), NewReviewDialog, drive
    )
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert seen["title"] == f"Adolygiad newydd o {initial}"
    assert re.fullmatch(
        rf"Cynigir: dydd \w+ \d+ \w+ 20\d\d, y dyddiad adolygu a gytunwyd yn {initial}\.",
        seen["why"],
    ), seen["why"]
    assert seen["buttons"] == "&Gwneud yr adolygiad | Canslo"
    assert "&Dyddiad yr adolygiad:" in seen["labels"]
    assert f"o'r cynllun a wnaed neu a gadwyd yn {initial}" in seen["labels"]

    page = window.workspace
    assert page is not None and page.plan_progress is not None
    alt(qtbot, Key.Key_G)
    tab = page.plan_progress
    assert page.tabs.currentWidget() is tab
    assert _headers(tab.table) == ["Plentyn", "Cam gweithredu", "Pwy", "Erbyn", "Cynnydd"]
    assert [tab.chooser.itemText(i) for i in range(tab.chooser.count())] == [
        "0  Heb ei farnu eto",
        "1  Heb ddechrau / ar ei hôl hi (coch)",
        "2  Ar y gweill (ambr)",
        "3  Wedi'i gwblhau (gwyrdd)",
    ]
    assert tab.chart_text.text() == (
        "Ni chofnodwyd graddfeydd diogelwch yng nghynadleddau'r cynllun."
    )
    assert "Cynnydd ar y cynllun" in " ".join(_labels(tab))
    said: list[str] = []
    tab.message.connect(said.append)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Key.Key_2)
    assert tab.status_text(0) == "● Ar y gweill (ambr)"
    assert said and said[-1].endswith(": Ar y gweill (ambr).")
    (first, *_rest) = wales_demo.conferences.get(page.reference).plans
    assert ActionStatus.UNDER_WAY in {a.status for a in first.actions}


def test_the_records_line_and_the_retention_window_speak_welsh(
    qtbot: QtBot, wales_demo: Session, preferences: Preferences, welsh: None
) -> None:
    wales_demo.conferences.import_record(_in_wales(old_record()))
    window = _main_window(qtbot, wales_demo, preferences)
    strip = window.home.records
    assert strip.retention.text().startswith(
        "Mae 1 gynhadledd wedi cyrraedd diwedd ei chyfnod cadw: gall cadeirydd ei dileu"
    )
    assert strip.button.text() == "Ca&dw cofnodion…"
    window.home.table.setFocus()
    qtbot.keyClick(window.home.table, Key.Key_D, Alt)
    qtbot.waitUntil(lambda: strip.dialog is not None and strip.dialog.isVisible())
    dialog = strip.dialog
    assert isinstance(dialog, RetentionDialog)
    activate(qtbot, dialog)
    assert dialog.windowTitle() == "Cadw cofnodion"
    _distinct_mnemonics(dialog)
    assert _headers(dialog.table) == [
        "Cyfeirnod",
        "Cynhaliwyd ar",
        "Achos wedi cau",
        "Cedwir tan",
        "Statws",
        "Daliad",
        "Rheol",
    ]
    assert [dialog.table.item(0, c).text() for c in (0, 1, 4)] == [
        "CPC-1990-0001",
        "10 Ionawr 1990",
        "yn barod i'w dileu",
    ]
    qtbot.keyClick(dialog, Key.Key_D, Alt)  # &Dileu, with no reason: one line
    qtbot.waitUntil(lambda: dialog.problem.text() != "")
    assert dialog.problem.text() == "Dywedwch pam y caiff CPC-1990-0001 ei dileu (Pam:)."
    qtbot.keyClick(dialog, Key.Key_P, Alt)
    qtbot.keyClicks(dialog.reason, "Daeth y cyfnod cadw i ben")
    qtbot.keyClick(dialog, Key.Key_D, Alt)
    qtbot.waitUntil(lambda: "carreg fedd" in dialog.problem.text())
    assert dialog.delete_button.text() == "Cadarnhau &dileu"
    qtbot.keyClick(dialog, Key.Key_D, Alt)
    qtbot.waitUntil(lambda: dialog.tombstones.rowCount() == 1)
    assert dialog.problem.text().startswith("Dilëwyd CPC-1990-0001; mae ei charreg fedd isod.")
    assert dialog.tombstones.item(0, 4).text() == "Daeth y cyfnod cadw i ben"  # as typed
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Key.Key_A, Alt)  # C&au
    qtbot.waitUntil(lambda: not strip.retention.isVisible() or "Nid oes" in strip.retention.text())


def test_the_store_check_speaks_welsh(
    qtbot: QtBot, session: Session, preferences: Preferences, welsh: None
) -> None:
    window = _main_window(qtbot, session, preferences)
    check = window.store_check
    assert (check.cancel_button.text(), check.bar.accessibleName()) == (
        "Canslo'r gwiriad",
        "Cynnydd gwirio'r storfa",
    )
    assert step_words("hashing every row") == "yn stwnsio pob rhes"
    check.start()
    assert check.bar.format().startswith("Yn gwirio'r storfa:")
    qtbot.waitUntil(lambda: check.result_box is not None, timeout=60_000)
    box = check.result_box
    assert box is not None
    assert box.windowTitle() == "Mae'r storfa'n iach"
    assert re.fullmatch(
        r"Mae'r storfa'n iach: \d+ cynhadledd, \d+ rhes, \d+ digwyddiad archwilio\.", box.text()
    )
    box.close()


def test_the_print_audit_speaks_welsh(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch, welsh: None
) -> None:
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "warning", lambda _p, title, text: told.append((title, text))
    )

    class Refusing:
        def printed(self, *_args: object) -> None:
            from cpc_desktop.services.errors import Conflict

            raise Conflict("the store is read-only")

    refusing = type("S", (), {"printing": Refusing()})()
    record = common.print_recorder(parent, refusing, "out-1")
    assert record is not None
    record("Office printer", 3)
    assert told == [
        (
            "Argraffwyd, heb ei gofnodi",
            "Argraffwyd y copi ond ni chafodd ei gofnodi: The store is read-only.",
        )
    ]
    preview = common.open_pdf(parent, None, title="t", file_name="t.pdf", look_only=True)
    note = preview.findChild(QtWidgets.QLabel, "previewNote")
    assert note is not None and note.text().startswith("Rhagolwg yn unig:")
    assert note.accessibleName() == "Am y copi hwn"
    preview.close()


def test_the_exclusion_dialog_and_the_quorum_speak_welsh(qtbot: QtBot, welsh: None) -> None:
    start = datetime(2026, 12, 3, 10, 50, tzinfo=UTC)
    dialog = ExclusionDialog("Dean Harland", start)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert dialog.windowTitle() == "Eithrio Dean Harland"
    _distinct_mnemonics(dialog)
    assert dialog.intro.text().startswith("Dangosir Dean Harland fel rhywun nad yw'n bresennol")
    assert dialog.grounds.itemText(0) == (
        "Byddai eu presenoldeb yn niweidio lles y plentyn yn ddifrifol"
    )
    assert {"&Sail:", "Yn &dechrau am:", "&Nodyn:"} <= _labels(dialog)
    assert (dialog.shared.text(), dialog.ok.text()) == (
        "Rh&annu â'r teulu (argreffir yng nghopïau'r teulu)",
        "&Eithrio",
    )
    qtbot.keyClick(dialog, Key.Key_G, Alt)  # Yn &gorffen am: ticked
    qtbot.waitUntil(dialog.has_end.isChecked)
    dialog.until.setTime(QtCore.QTime(9, 0))  # before the start
    qtbot.keyClick(dialog, Key.Key_E, Alt)  # &Eithrio
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert dialog.isVisible()
    assert dialog.error.text() == "Rhaid i ddiwedd yr eithrio fod ar ôl ei ddechrau."

    reason = QuorumReasonDialog("no police", "")
    qtbot.addWidget(reason)
    reason.show()
    qtbot.waitExposed(reason)
    activate(qtbot, reason)
    assert reason.windowTitle() == "Mynd ymlaen heb gworwm"
    _distinct_mnemonics(reason)
    assert reason.shared.text() == "Rh&annu â'r teulu (argreffir yng nghopïau'r teulu)"
    qtbot.keyClick(reason, Key.Key_M, Alt)  # &Mynd ymlaen, with no reason: one line
    qtbot.waitUntil(lambda: reason.error.text() != "")
    assert reason.isVisible()
    assert reason.error.text() == "Rhowch y rheswm dros fynd ymlaen heb gworwm."

    indicator = QuorumIndicator()
    qtbot.addWidget(indicator)
    assert indicator.text() == "Ni wyddys a oes cworwm"
    indicator.set_state(
        QuorumResult(True, True, ("Heddlu", "Ysgol"), "", "gwasanaethau plant"), None
    )
    assert indicator.text() == "Mae cworwm: gwasanaethau plant a 2 asiantaeth arall"
    indicator.set_state(QuorumResult(False, True, ("Heddlu",), "only 1 other agency"), "Brys")
    assert indicator.text() == "Dim cworwm — only 1 other agency"  # the domain's line, as is
    assert indicator.proceeding.text() == "Mynd ymlaen heb gworwm: Brys"
    assert indicator.proceed.text() == "Newid y &rheswm…"


def test_correction_requests_speak_welsh(
    qtbot: QtBot,
    wales_demo: Session,
    preferences: Preferences,
    certificate: ChairCertificate,  # noqa: F811
    welsh: None,
) -> None:
    wales_demo.minutes.approve(CONCLUDED)
    wales_demo.minutes.issue(CONCLUDED, certificate)
    window = _minutes_window(qtbot, wales_demo, preferences)
    try:
        assert window.corrections_button.text() == "Ceisiadau cy&wiro…"
        _click(qtbot, window.corrections_button)
        dialog = window.property("corrections_dialog")
        assert isinstance(dialog, CorrectionsDialog)
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == f"Cywiriadau — {CONCLUDED}"
        _distinct_mnemonics(dialog)
        assert _headers(dialog.table) == [
            "Daeth i law",
            "Gan",
            "Am fersiwn",
            "Dyfarniad",
            "Fersiwn a agorwyd",
        ]
        assert dialog.details.text() == "Dewiswch gais i'w weld, ac i ddyfarnu arno."
        assert [dialog.ruling.itemText(i) for i in range(3)] == [
            "Derbyniwyd: agor fersiwn wedi'i chywiro",
            "Derbyniwyd yn rhannol: agor fersiwn wedi'i chywiro",
            "Gwrthodwyd: mae'r cofnodion yn aros fel y'u cyhoeddwyd",
        ]
        dialog.who.lineEdit().clear()
        for box, text in (
            (dialog.who, "Justyna Harland"),
            (dialog.disputed, "Y cofnod am ymweliad yr heddlu"),
            (dialog.asked, "Dweud fy mod wedi gofyn i'r swyddog adael"),
        ):
            box.setFocus()
            qtbot.keyClicks(box, text)
        _click(qtbot, dialog.record_button)
        assert dialog.message.text() == (
            "Cofnodwyd y cais gan Justyna Harland; mae'n aros am eich dyfarniad."
        )
        assert dialog.table.item(0, 3).text() == "yn aros am ddyfarniad y cadeirydd"
        assert dialog.details.text().startswith("Wedi'i herio: Y cofnod am ymweliad yr heddlu")
        dialog.ruling.setCurrentIndex(2)  # refused
        dialog.reasons.setFocus()
        qtbot.keyClicks(dialog.reasons, "Mae nodyn y swyddog yn cytuno")
        _click(qtbot, dialog.rule_button)
        assert (
            dialog.message.text()
            == "Gwrthodwyd y cais; mae'r cofnodion yn aros fel y'u cyhoeddwyd."
        )
        assert re.fullmatch(r"gwrthodwyd ar \d\d/\d\d/\d{4}", dialog.table.item(0, 3).text())
        dialog.close()
    finally:
        window.close()
