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
    CorrectionRuling,
    Language,
)
from cpc_desktop.domain.plan_review import NOT_JUDGED, STATUS_COLOURS, STATUS_WORDS
from cpc_desktop.services.session import Session
from cpc_desktop.ui import i18n
from cpc_desktop.ui.output.corrections_dialog import state_words as correction_state
from cpc_desktop.ui.workspace import complaint_words, plan_progress
from cpc_desktop.ui.workspace.birth_dialog import BirthForm
from cpc_desktop.ui.workspace.complaint_forms import COMPLAINT_GROUNDS
from cpc_desktop.ui.workspace.complaints_dialog import ComplaintsDialog
from cpc_desktop.ui.workspace.page import WorkspacePage
from tests.helpers.keyboard import activate, focused
from tests.helpers.meeting import CHAIR
from tests.helpers.plan_events import PRE_BIRTH_REF, pre_birth_record
from tests.helpers.records import small_record
from tests.helpers.stores import new_store

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
    assert dialog.stands.text().startswith("Mae penderfyniad y gynhadledd yn sefyll")
    assert dialog.empty.text() == "Nid oes cwyn wedi'i chofnodi."
    assert _headers(dialog.table) == ["Daeth i law", "Gan", "Sail", "Sefyllfa", "Y cam nesaf"]
    assert [b.text() for b in (dialog.record_button, dialog.acknowledge_button)] == [
        "&Cofnodi cwyn…",
        "C&ydnabod…",
    ]

    form = _form(qtbot, dialog, Key.Key_C)  # &Cofnodi cwyn…
    assert form.windowTitle() == f"Cofnodi cwyn — {REF}"
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
    assert row[1:4] == [
        "Ola Oyelaran (mam)",
        "Ni ddilynwyd y gweithdrefnau, ac effeithiodd hyn ar y penderfyniad",
        "daeth i law, heb ei chydnabod eto",
    ]
    assert row[0] == "5 Rhagfyr 2026" and re.fullmatch(r"cydnabod erbyn \d+ Rhagfyr 2026", row[4])

    form = _form(qtbot, dialog, Key.Key_Y)  # C&ydnabod…
    assert form.windowTitle() == "Cydnabod — Ola Oyelaran"
    qtbot.keyClick(form, Key.Key_H, Alt)
    qtbot.keyClicks(focused(), "Adolygiad y cadeirydd")
    qtbot.keyClick(form, Key.Key_C, Alt)  # &Cydnabod
    qtbot.waitUntil(lambda: dialog.form is None)
    assert _rows(dialog.table)[0][3] == "cydnabuwyd ar 5 Rhagfyr 2026, yn cael ei hystyried"

    form = _form(qtbot, dialog, Key.Key_N)  # Cofnodi'r ca&nlyniad…
    assert form.windowTitle() == "Canlyniad — Ola Oyelaran"
    qtbot.keyClick(form, Key.Key_N, Alt)
    qtbot.keyClick(focused(), Key.Key_Down)
    assert focused().currentText() == "Ni chadarnhawyd"  # type: ignore[attr-defined]
    qtbot.keyClick(form, Key.Key_C, Alt)  # &Cadw'r canlyniad
    qtbot.waitUntil(lambda: dialog.form is None)
    assert _rows(dialog.table)[0][3:] == ["ni chadarnhawyd ar 5 Rhagfyr 2026", ""]
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
