"""Minutes that may not change are read-only in their panes, with a banner saying why.

Approved and issued minutes are frozen (services/base.py, ``require_draft``): every
minutes pane then shows a banner at its top naming the version, when it was approved or
issued, and the menu item that opens a correction (or reopens an approval), and its
editor, speaker, tag, restricted box and entry commands take nothing. A user whose
role may not write minutes (read-only) gets the same read-only panes, with a banner
saying so. Nothing typed is ever accepted and then thrown away: nothing is accepted.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.approval import current
from cpc_desktop.domain.conference import ConferenceRecord, MinutesVersion
from cpc_desktop.domain.enums import MinutesState
from cpc_desktop.services.roles import Action, Actor, allowed, role_words
from cpc_desktop.ui.actions import SPECS, ActionId, command_of, shortcut_text
from cpc_desktop.ui.output.common import moment_text
from cpc_desktop.ui.permissions import ENTRY_EDITING, refused

if TYPE_CHECKING:
    from cpc_desktop.ui.workspace.minutes_pane import MinutesPane

#: A property set on an action greyed out because the minutes are frozen.
FROZEN_PROPERTY = "frozenMinutes"


def _approval_menu() -> str:
    """Where the chair corrects or reopens the minutes: "Conference ▸ Minutes and
    approval… (Ctrl+Shift+M)"."""
    name = SPECS[ActionId.MINUTES_APPROVAL].text.replace("&", "")
    return f"Conference ▸ {name} ({shortcut_text(ActionId.MINUTES_APPROVAL)})"


def _when(moment: datetime | None) -> str:
    return moment_text(moment) or "an unknown date"


def frozen_text(version: MinutesVersion, actor: Actor) -> str:
    """Why the minutes of ``version`` cannot change, and how to open a change."""
    chair = allowed(actor, Action.APPROVE_MINUTES)
    who = "" if chair else "the chair can "
    if version.state is MinutesState.ISSUED:
        return (
            f"These minutes were issued: version {version.version}, signed on "
            f"{_when(version.issued_at)}. They can no longer be changed here. To correct "
            f"them, {who}open {_approval_menu()} and choose Correct…, which starts a new "
            "draft version."
        )
    return (
        f"These minutes were approved: version {version.version}, by "
        f"{version.approved_by or 'the chair'} on {_when(version.approved_at)}, and wait "
        f"to be issued. They cannot be changed now. To change them, {who}open "
        f"{_approval_menu()} and choose Reopen."
    )


def lock_reason(record: ConferenceRecord, actor: Actor) -> str | None:
    """Why the panes of ``record`` are read-only for ``actor``, or None when they are not."""
    version = current(record)
    if version is not None and version.state is not MinutesState.DRAFT:
        return frozen_text(version, actor)
    if not allowed(actor, Action.WRITE_MINUTES):
        return (
            f"You are signed in as {actor.name} ({role_words(actor.role)}): the minutes "
            "can be read but not changed."
        )
    return None


def banner() -> QtWidgets.QLabel:
    """The band at the top of a pane whose minutes are read-only (hidden until then)."""
    label = QtWidgets.QLabel()
    label.setObjectName("minutesFrozen")
    label.setAccessibleName("The minutes are read-only")
    label.setWordWrap(True)
    label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    label.setStyleSheet(
        "background: #dbeafe; color: #1e3a8a; border: 1px solid #1e40af; "
        "border-radius: 4px; padding: 6px; font-weight: bold;"
    )
    label.hide()
    return label


def set_frozen(pane: MinutesPane, reason: str | None) -> None:
    """Make ``pane`` read-only with ``reason`` in its banner, or editable again (None)."""
    frozen = reason is not None
    pane.frozen_banner.setText(reason or "")
    pane.frozen_banner.setVisible(frozen)
    pane.editor.setReadOnly(frozen)
    # Why views were not obtained is part of the agenda item: the chair's to set.
    agenda = allowed(pane.session.actor, Action.MANAGE_AGENDA)
    pane.not_obtained.setReadOnly(frozen or not agenda)
    for widget in (pane.speaker, pane.tag, pane.restricted):
        widget.setEnabled(not frozen)
        widget.setToolTip(reason or "")
    if frozen:
        pane.action_bar.hide()
    if pane.analysis is not None:
        pane.analysis.setEnabled(not frozen)
    for action in pane.findChildren(QtGui.QAction):
        command = command_of(action)
        if command not in ENTRY_EDITING or refused(action):  # the role's tip stays
            continue
        action.setProperty(FROZEN_PROPERTY, frozen)
        action.setEnabled(not frozen)
        action.setStatusTip(reason or SPECS[command].tip)
