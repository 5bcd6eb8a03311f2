"""Signing in by keyboard after the store is unlocked (issue 16, point 4: who is at the
keyboard). The session then acts as the person who signed in, and the window says who."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6 import QtCore
from pytestqt.qtbot import QtBot

from cpc_desktop.data import models as m
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.session import Session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.sign_in import sign_in_to
from tests.ui.test_roll_call import _activate

Key = QtCore.Qt.Key


def _audit_actions(session: Session) -> list[tuple[str, str, str]]:
    with session.store.reading() as s:
        rows = s.execute(
            sa.select(m.AuditEvent.actor, m.AuditEvent.action, m.AuditEvent.outcome).order_by(
                m.AuditEvent.seq
            )
        ).all()
    return [tuple(row) for row in rows if row[1] == "sign_in"]


def _type(qtbot: QtBot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_a_first_sign_in_chooses_a_password_then_a_wrong_one_is_refused_plainly(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    session.users.add_user("Mina Taker", UserRole.MINUTE_TAKER, "minutes-secret")
    dialog = sign_in_to(session)
    qtbot.addWidget(dialog)
    dialog.show()
    _activate(qtbot, dialog)
    names = [dialog.name.itemText(i) for i in range(dialog.name.count())]
    assert names == ["Alex Chair (chair)", "Mina Taker (minute taker)"]
    # Alex has no password yet: the dialog asks for a new one, twice.
    assert dialog.again.isVisible() and "has no password yet" in dialog.hint.text()
    _type(qtbot, dialog.password, "chair-secret-1")
    _type(qtbot, dialog.again, "chair-secret-2")
    qtbot.keyClick(dialog.again, Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "The two passwords are not the same."
    assert dialog.password.hasFocus() and dialog.password.text() == ""
    _type(qtbot, dialog.password, "chair-secret-1")
    _type(qtbot, dialog.again, "chair-secret-1")
    qtbot.keyClick(dialog.again, Key.Key_Return)
    assert not dialog.isVisible()
    assert session.actor.name == "Alex Chair" and session.users.has_password("Alex Chair")

    # The next session: Mina picks her name by keyboard; a wrong password is refused.
    again = sign_in_to(session)
    qtbot.addWidget(again)
    again.show()
    _activate(qtbot, again)
    again.name.setFocus()
    qtbot.keyClick(again.name, Key.Key_Down)
    assert again.name.currentData() == "Mina Taker" and not again.again.isVisible()
    _type(qtbot, again.password, "not-her-password")
    qtbot.keyClick(again.password, Key.Key_Return)
    assert again.isVisible()
    assert again.error.text() == "That name and password do not match a user of this store."
    assert session.actor.name == "Alex Chair"  # nothing changed
    _type(qtbot, again.password, "minutes-secret")
    qtbot.keyClick(again.password, Key.Key_Return)
    assert not again.isVisible()
    assert session.actor.name == "Mina Taker" and session.actor.role is UserRole.MINUTE_TAKER
    assert ("", "sign_in", "denied") in _audit_actions(session)

    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    assert window.signed_in.text() == "Signed in: Mina Taker (minute taker)"


def test_cancelling_the_sign_in_signs_no_one_in(qtbot: QtBot, session: Session) -> None:
    before = session.actor
    dialog = sign_in_to(session)
    qtbot.addWidget(dialog)
    dialog.show()
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog.password, Key.Key_Escape)
    assert not dialog.isVisible() and dialog.actor is None
    assert session.actor == before


def test_a_store_made_under_a_computer_account_is_signed_for_by_a_named_person(
    qtbot: QtBot, tmp_path, monkeypatch
) -> None:
    """Issue 19, point 7: "Approved by root" never again. The first chair of a store made
    under the account "root" gives their own name at their first sign-in; from then on
    the store, the session and the audit log know them by it."""
    import getpass

    from cpc_desktop.services.session import open_session
    from tests.ui.conftest import PASSPHRASE

    monkeypatch.setattr(getpass, "getuser", lambda: "root")
    with open_session(tmp_path / "new.db", PASSPHRASE, create=True) as made:
        assert made.actor.name == "root"
    session = open_session(tmp_path / "new.db", PASSPHRASE)
    try:
        dialog = sign_in_to(session)
        qtbot.addWidget(dialog)
        dialog.show()
        _activate(qtbot, dialog)
        assert dialog.full_name.isVisible() and dialog.full_name.text() == "root"
        _type(qtbot, dialog.password, "a long first secret")
        _type(qtbot, dialog.again, "a long first secret")
        qtbot.keyClick(dialog.again, Key.Key_Return)
        assert dialog.isVisible()
        assert "root is this computer's account name" in dialog.error.text()
        assert dialog.full_name.hasFocus() and not session.users.has_password("root")
        qtbot.keyClicks(dialog.full_name, "Hannah  Cole ")  # typed over the selection
        qtbot.keyClick(dialog.full_name, Key.Key_Return)
        assert not dialog.isVisible()
        assert session.actor.name == "Hannah Cole" and session.actor.role is UserRole.CHAIR
        assert [u.name for u in session.users.users()] == ["Hannah Cole"]
        assert session.users.has_password("Hannah Cole")
        assert ("Hannah Cole", "sign_in", "ok; named Hannah Cole (was root)") in _audit_actions(
            session
        )
    finally:
        session.close()
    # The next time, the name is simply there to choose; no name to give.
    with open_session(tmp_path / "new.db", PASSPHRASE, user="Hannah Cole") as later:
        assert later.users.sign_in("Hannah Cole", "a long first secret").name == "Hannah Cole"
