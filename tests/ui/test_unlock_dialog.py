"""Unlocking and first run, typed at the keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.app import open_or_create
from cpc_desktop.ui.unlock_dialog import UnlockDialog
from tests.helpers.stores import digest_tree
from tests.ui.conftest import PASSPHRASE

Enter = QtCore.Qt.Key.Key_Return


def test_wrong_passphrase_says_so_and_allows_another_try(qtbot: QtBot, store_path: Path) -> None:
    dialog = UnlockDialog(store_path, open_or_create)
    qtbot.addWidget(dialog)
    dialog.show()
    before = digest_tree(store_path.parent)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Enter)
    assert dialog.isVisible()
    assert "passphrase is wrong" in dialog.error.text()
    assert dialog.error.isVisible()
    assert digest_tree(store_path.parent) == before
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Enter)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.session is not None
    assert dialog.passphrase.text() == ""
    dialog.session.close()


def test_first_run_creates_a_store_after_two_matching_passphrases(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "new" / "store.db"
    dialog = UnlockDialog(path, open_or_create)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.creating
    qtbot.keyClicks(dialog.passphrase, "short")
    assert dialog.hint.text().startswith("too short")
    qtbot.keyClick(dialog.passphrase, Enter)
    assert "at least 8 characters" in dialog.error.text()
    assert not path.exists()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, "a much longer passphrase 4 chairs")
    assert dialog.hint.text().split(" —")[0] in {"good", "strong"}
    qtbot.keyClicks(dialog.confirm, "a different one entirely")
    qtbot.keyClick(dialog.confirm, Enter)
    assert "differ" in dialog.error.text()
    assert not path.exists()
    qtbot.keyClicks(dialog.confirm, "a much longer passphrase 4 chairs")
    qtbot.keyClick(dialog.confirm, Enter)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert path.exists()
    dialog.session.close()


def test_a_damaged_file_is_reported_not_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"")
    dialog = UnlockDialog(path, open_or_create)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.creating
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Enter)
    assert "is empty" in dialog.error.text()
    assert path.read_bytes() == b""
