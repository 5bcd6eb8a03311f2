"""The screens added after the Welsh pass speak Welsh too: Retention's Confirm upload…
and Wipe local copy… (with the upload line and the backups purged), and the dialog that
shows a copy being typeset for issuing or exporting.

Driven with keys under the Wales profile with Cymraeg as the screen language, as
tests/ui/test_welsh_screens.py does for the others; in English their words stay what they
were, letter for letter. What a service says (a refusal, the upload's details) stays in
English for now, as the glossary says.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6 import QtCore
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import MinutesState
from cpc_desktop.export import typesetter
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.session import Session
from cpc_desktop.ui.home.retention_dialog import RetentionDialog, purged_words
from cpc_desktop.ui.home.upload_dialogs import ConfirmUploadForm, WipeForm
from cpc_desktop.ui.output import typeset_job
from cpc_desktop.ui.output.typeset_job import NOT_TYPESET, failed_words, title_words
from cpc_desktop.ui.settings import Preferences
from tests.helpers.keyboard import activate
from tests.ui.test_outputs_ui import (  # noqa: F401 - fixtures used by name
    Boxes,
    _minutes_window,
    _no_opened_certificates,
    boxes,
    certificate,
    p12,
    sign_with,
)
from tests.ui.test_typeset_job import Stand, _job, _press, stand  # noqa: F401
from tests.ui.test_welsh_screens import (  # noqa: F401 - fixtures used by name
    _distinct_mnemonics,
    wales_demo,
    welsh,
)

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier
CONCLUDED = "CPC-2026-0001"  # the demo's concluded conference
WELSH_MONTHS = ("Tachwedd", "Rhagfyr", "Hydref", "Medi")


@pytest.fixture
def issued(wales_demo: Session) -> Iterator[Session]:  # noqa: F811
    """The Wales demo store with the concluded conference's minutes issued."""
    wales_demo.minutes.approve(CONCLUDED)
    chair = load_certificate(create_self_signed("Alex Chair", b"words"), b"words")
    wales_demo.minutes.issue(CONCLUDED, chair)
    yield wales_demo


def _opened(qtbot: QtBot, dialog: RetentionDialog) -> Any:
    qtbot.waitUntil(lambda: dialog.form is not None)
    form = dialog.form
    assert form is not None
    qtbot.waitExposed(form)
    activate(qtbot, form)
    return form


def test_in_english_the_new_words_are_as_before() -> None:
    assert title_words("Issue the minutes") == "Issue the minutes"
    assert title_words("Some other window") == "Some other window"
    for what, done in (
        ("minutes", "issued"),
        ("letter", "issued"),
        ("family copy", "held"),
        ("copy", "exported"),
    ):
        line = NOT_TYPESET.format(what=what, done=done)
        assert failed_words(line) == line
    done = SimpleNamespace(purged_copies=())
    assert purged_words(done) == ""  # type: ignore[arg-type]
    done.purged_copies = ("a",)
    assert purged_words(done) == " It was purged from 1 backup beside the store."  # type: ignore[arg-type]
    done.purged_copies = ("a", "b", "c")
    assert purged_words(done) == " It was purged from 3 backups beside the store."  # type: ignore[arg-type]


def test_confirm_upload_and_wipe_local_copy_speak_welsh(
    qtbot: QtBot,
    issued: Session,
    welsh: None,  # noqa: F811
) -> None:
    dialog = RetentionDialog(issued)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert dialog.upload_button.text() == "Cadarnha&u'r llwytho i fyny…"
    assert dialog.wipe_button.text() == "C&lirio'r copi lleol…"
    assert dialog.upload_state.accessibleName() == "Llwytho i fyny i'r system achosion"
    _distinct_mnemonics(dialog)
    qtbot.keyClick(dialog, Key.Key_E, Alt)  # Dangos dim ond yr hyn sy'n ddyl&edus: off
    qtbot.waitUntil(lambda: not dialog.due_only.isChecked())
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Key.Key_Home)
    for _ in range([line.reference for line in dialog.lines].index(CONCLUDED)):
        qtbot.keyClick(dialog.table, Key.Key_Down)
    chosen = dialog.selected()
    assert chosen is not None and chosen.reference == CONCLUDED
    assert dialog.upload_state.text() == (
        f"Llwytho i fyny: nid oes cadarnhad bod cofnodion diweddaraf {CONCLUDED} a "
        "gyhoeddwyd wedi'u llwytho i fyny (Cadarnhau'r llwytho i fyny…, Alt+U)."
    )
    assert dialog.upload_button.isEnabled() and not dialog.wipe_button.isEnabled()

    qtbot.keyClick(dialog, Key.Key_U, Alt)  # Cadarnha&u'r llwytho i fyny…
    form = _opened(qtbot, dialog)
    assert isinstance(form, ConfirmUploadForm)
    assert form.windowTitle() == f"Cadarnhau'r llwytho i fyny — {CONCLUDED}"
    assert form.intro.text().startswith(f"Cofnodwch fod cofnodion diweddaraf {CONCLUDED}")
    assert sorted(b.text() for b in form.buttons.buttons()) == [
        "&Cadarnhau'r llwytho i fyny",
        "Canslo",
    ]
    _distinct_mnemonics(form)
    qtbot.keyClick(form, Key.Key_C, Alt)  # no reference: one line, nothing recorded
    qtbot.waitUntil(lambda: form.error.text() != "")
    assert "\n" not in form.error.text() and issued.uploads.uploads(CONCLUDED) == ()
    qtbot.keyClick(form, Key.Key_A, Alt)  # Cyfeirnod y system &achosion:
    qtbot.keyClicks(form.case_ref, "LCS-2026-4471")
    qtbot.keyClick(form, Key.Key_C, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert dialog.problem.text() == (
        f"Mae llwytho {CONCLUDED} i fyny wedi'i gadarnhau; gellir clirio ei chopi lleol nawr."
    )
    assert dialog.upload_state.text().startswith(
        f"Llwytho i fyny: cadarnhawyd bod cofnodion diweddaraf {CONCLUDED} a gyhoeddwyd "
        "wedi'u llwytho i fyny (uploaded to the case system on "  # the service's words
    )
    assert "LCS-2026-4471" in dialog.upload_state.text()
    assert dialog.wipe_button.isEnabled()

    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Key.Key_L, Alt)  # C&lirio'r copi lleol…
    wipe = _opened(qtbot, dialog)
    assert isinstance(wipe, WipeForm)
    assert wipe.windowTitle() == f"Clirio copi lleol {CONCLUDED}"
    intro = wipe.intro.text()
    assert intro.startswith(f"Clirio copi lleol {CONCLUDED}, a gynhaliwyd ar ")
    assert any(month in intro for month in WELSH_MONTHS)  # the date in Welsh
    assert "Ni ellir dadwneud hyn." in intro
    assert wipe.ok.text() == f"&Clirio {CONCLUDED}"
    _distinct_mnemonics(wipe)
    qtbot.keyClick(wipe.reason, Key.Key_Return)  # Enter alone cancels
    qtbot.waitUntil(lambda: dialog.form is None)
    assert CONCLUDED in {c.reference for c in issued.conferences.overview().conferences}

    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Key.Key_L, Alt)
    wipe = _opened(qtbot, dialog)
    qtbot.keyClick(wipe, Key.Key_C, Alt)  # &Clirio CPC-2026-0001
    qtbot.waitUntil(lambda: dialog.form is None)
    assert dialog.problem.text().startswith(f"Cliriwyd {CONCLUDED}; mae ei charreg fedd isod.")
    assert CONCLUDED not in {c.reference for c in issued.conferences.overview().conferences}


def test_the_backups_purged_are_said_in_welsh(welsh: None) -> None:  # noqa: F811
    done = SimpleNamespace(purged_copies=("a",))
    assert purged_words(done) == (  # type: ignore[arg-type]
        " Cafodd ei thynnu o 1 copi wrth gefn wrth ochr y storfa."
    )
    done.purged_copies = ("a", "b")
    assert purged_words(done) == (  # type: ignore[arg-type]
        " Cafodd ei thynnu o 2 copi wrth gefn wrth ochr y storfa."
    )


def test_the_typesetting_dialog_speaks_welsh(
    qtbot: QtBot,
    wales_demo: Session,  # noqa: F811
    preferences: Preferences,
    boxes: Boxes,  # noqa: F811
    sign_with: list[Any],  # noqa: F811
    stand: Stand,  # noqa: F811
    welsh: None,  # noqa: F811
) -> None:
    wales_demo.minutes.approve(CONCLUDED)
    window = _minutes_window(qtbot, wales_demo, preferences)
    try:
        _press(qtbot, window.issue_button)
        job = _job(qtbot, window)
        assert job.windowTitle() == "Cyhoeddi'r cofnodion"
        assert job.status.text() == "Yn cysodi'r ddogfen…"
        assert job.cancel_button.text() == "Canslo"
        assert job.progress.accessibleName() == "Cynnydd y cysodi"
        assert job.job is not None
        stand.send(typesetter.Typeset(job.job, 1, 0.1))
        qtbot.waitUntil(lambda: job.progress.value() == 10)
        assert job.status.text() == "Yn cysodi: 1 dudalen wedi'i gosod hyd yn hyn…"
        stand.send(typesetter.Typeset(job.job, 3, 0.4))
        qtbot.waitUntil(lambda: job.progress.value() == 40)
        assert job.status.text() == "Yn cysodi: 3 tudalen wedi'u gosod hyd yn hyn…"
        stand.send(typesetter.Failed(job.job, typesetter.STOPPED))
        qtbot.waitUntil(lambda: job.outcome == "failed")
        assert boxes.said == [
            (
                "Cyhoeddi'r cofnodion",
                "Nid oedd modd cysodi'r cofnodion, felly ni chyhoeddwyd na chofnodwyd dim.",
            )
        ]
        assert not typeset_job.running() and window.issued_pdf is None
        assert wales_demo.minutes.status(CONCLUDED).current.state is MinutesState.APPROVED
    finally:
        window.close()


def test_in_english_alt_i_or_alt_k_opens_wipe_local_copy(qtbot: QtBot, session: Session) -> None:
    session.minutes.approve(CONCLUDED)
    chair = load_certificate(create_self_signed("Alex Chair", b"words"), b"words")
    session.minutes.issue(CONCLUDED, chair)
    session.uploads.confirm_upload(CONCLUDED, "LCS-1")
    dialog = RetentionDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert dialog.wipe_button.text() == "W&ipe local copy…"
    _distinct_mnemonics(dialog)  # the English letters are one to a control too
    qtbot.keyClick(dialog, Key.Key_D, Alt)  # Show only what falls &due: off
    qtbot.waitUntil(lambda: not dialog.due_only.isChecked())
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Key.Key_Home)
    for _ in range([line.reference for line in dialog.lines].index(CONCLUDED)):
        qtbot.keyClick(dialog.table, Key.Key_Down)
    for key in (Key.Key_I, Key.Key_K):
        activate(qtbot, dialog)
        qtbot.keyClick(dialog, key, Alt)
        wipe = _opened(qtbot, dialog)
        assert isinstance(wipe, WipeForm)
        assert wipe.windowTitle() == f"Wipe the local copy of {CONCLUDED}"
        qtbot.keyClick(wipe.reason, Key.Key_Return)  # Enter alone cancels
        qtbot.waitUntil(lambda: dialog.form is None)
    assert CONCLUDED in {c.reference for c in session.conferences.overview().conferences}
