"""The minutes window under Wales: it says which languages a family copy is in, and a
full copy of issued minutes for a professional who chose Welsh is signed when exported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import CopyKind, Language
from cpc_desktop.export.signing import ChairCertificate, create_self_signed, load_certificate
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.output import certificates
from cpc_desktop.ui.output.minutes_window import MinutesWindow
from cpc_desktop.ui.settings import Preferences
from tests.helpers.typesetting import settle
from tests.helpers.welsh_minutes import wales_record
from tests.ui.conftest import PASSPHRASE, fixed_clock

Left = QtCore.Qt.MouseButton.LeftButton
REF = "CPC-2026-0001"


@pytest.fixture(scope="module")
def certificate() -> ChairCertificate:
    return load_certificate(create_self_signed("Alex Chair", b"phrase"), b"phrase")


@pytest.fixture
def wales_session(tmp_path: Path) -> Iterator[Session]:
    """The demo conference under Wales: Justyna Harland and Amira Hussain chose Welsh."""
    record = wales_record()
    chose = {"Justyna Harland": Language.WELSH, "Amira Hussain": Language.WELSH}
    people = tuple(dataclasses.replace(p, language=chose.get(p.name)) for p in record.participants)
    record = dataclasses.replace(record, participants=people)
    path = tmp_path / "store.db"
    with open_session(
        path, PASSPHRASE, create=True, user="Alex Chair", clock=fixed_clock
    ) as session:
        session.conferences.import_record(record)
    opened = open_session(path, PASSPHRASE, clock=fixed_clock)
    yield opened
    opened.close()


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MinutesWindow:
    window = MinutesWindow(session, REF, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    return window


def _close(window: MinutesWindow) -> None:
    if window.preview_dialog is not None:
        window.preview_dialog.close()


def test_a_family_preview_says_which_languages_the_copy_is_in(
    qtbot: QtBot, wales_session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, wales_session, preferences)
    try:
        qtbot.mouseClick(window.preview_family_button, Left)
        assert "Family copy for any family member, in Welsh and English, Welsh first:" in (
            window.message.text()
        )
        _close(window)
        justyna = window.family_choice.findText(
            "Justyna Harland", QtCore.Qt.MatchFlag.MatchStartsWith
        )
        window.family_choice.setCurrentIndex(justyna)
        qtbot.mouseClick(window.preview_family_button, Left)
        assert "Family copy for Justyna Harland, in Welsh:" in window.message.text()
    finally:
        _close(window)
        window.close()


def test_a_welsh_full_copy_of_issued_minutes_asks_for_the_certificate(
    qtbot: QtBot,
    wales_session: Session,
    preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
    certificate: ChairCertificate,
) -> None:
    wales_session.minutes.approve(REF)
    wales_session.minutes.issue(REF, certificate)
    asked: list[ChairCertificate] = []

    def give(_parent: object, _preferences: object) -> ChairCertificate:
        asked.append(certificate)
        return certificate

    monkeypatch.setattr(certificates, "ask_certificate", give)
    window = _window(qtbot, wales_session, preferences)
    try:
        choices = [name for name, _ in window.export_choices()]
        english = next(c for c in choices if c.startswith("Full copy for Claire Munro"))
        welsh_ = next(c for c in choices if c.startswith("Full copy for Amira Hussain"))
        for chosen in (english, welsh_):
            monkeypatch.setattr(
                QtWidgets.QInputDialog, "getItem", lambda *_a, c=chosen, **_k: (c, True)
            )
            qtbot.mouseClick(window.export_button, Left)
            settle(qtbot)  # typeset in another process, then recorded
            _close(window)
        assert len(asked) == 1  # the issued English file needs no new signature
        outputs = wales_session.verification.outputs(REF)
        assert [o.copy for o in outputs] == [CopyKind.FULL, CopyKind.FULL]
        assert outputs[-1].signer_fingerprint == certificate.fingerprint
        assert "Exported and recorded: full copy for amira hussain" in window.message.text()
    finally:
        _close(window)
        window.close()
