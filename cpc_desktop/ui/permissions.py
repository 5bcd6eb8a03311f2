"""What the signed-in user's role lets the screens offer (services/roles.py decides).

Every command that changes the store names here the action it needs from the one
permission table, :data:`cpc_desktop.services.roles.PERMISSIONS`. A command the role
may not use stays in its menu, greyed out, with a tool tip and status tip saying who
may not do it and why ("Sam Reed (read only) may not record a decision"), so nobody
finds out by trying. The services refuse it too, whatever a screen shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6 import QtGui, QtWidgets

from cpc_desktop.services.roles import Action, Actor, allowed, refusal
from cpc_desktop.ui.actions import ActionId, command_of

#: A property set on an action or widget the role may not use (tests and lock read it).
REFUSED_PROPERTY = "refusedByRole"

_AGENDA = (
    ActionId.AGENDA_NEXT,
    ActionId.AGENDA_PREVIOUS,
    ActionId.AGENDA_MAKE_CURRENT,
    ActionId.AGENDA_SKIP,
    ActionId.AGENDA_ADD,
    ActionId.AGENDA_REMOVE,
    ActionId.AGENDA_MOVE_UP,
    ActionId.AGENDA_MOVE_DOWN,
    ActionId.CLOCK_PAUSE,
)
_ROLL_CALL = tuple(i for i in ActionId if i.value.startswith("rollCall_"))
#: The commands that change an entry (moving between entries only looks).
ENTRY_EDITING = (
    ActionId.ENTRY_NEXT,
    ActionId.ENTRY_SPEAKER,
    ActionId.ENTRY_TAG_FACT,
    ActionId.ENTRY_TAG_OBSERVATION,
    ActionId.ENTRY_TAG_ALLEGATION,
    ActionId.ENTRY_TAG_OPINION,
    ActionId.ENTRY_TAG_NONE,
    ActionId.ENTRY_RESTRICTED,
    ActionId.ENTRY_ACTION,
    ActionId.ENTRY_DELETE,
    *(i for i in ActionId if i.value.startswith("analysis_")),
)

#: The action each command needs; a command not named here only looks (or is the
#: window's own: locking, help, preferences).
NEEDS: Mapping[ActionId, Action] = {
    ActionId.NEW_CONFERENCE: Action.CREATE_CONFERENCE,
    ActionId.NEW_REVIEW: Action.CREATE_CONFERENCE,
    ActionId.HAND_OVER: Action.HANDOVER,
    ActionId.IMPORT_HANDOVER: Action.HANDOVER,
    ActionId.SIGNING_CERTIFICATE: Action.ISSUE_DOCUMENTS,
    ActionId.CREATE_CERTIFICATE: Action.ISSUE_DOCUMENTS,
    ActionId.DECISION_WIZARD: Action.RECORD_DECISION,
    **dict.fromkeys(_AGENDA, Action.MANAGE_AGENDA),
    **dict.fromkeys(_ROLL_CALL, Action.RECORD_ATTENDANCE),
    **dict.fromkeys(ENTRY_EDITING, Action.WRITE_MINUTES),
}


def may(actor: Actor, action: Action) -> bool:
    """Whether ``actor``'s role allows ``action`` (the services' own table)."""
    return allowed(actor, action)


def why_not(actor: Actor, action: Action) -> str:
    """The tip on something ``actor`` may not use, or "" when they may."""
    if allowed(actor, action):
        return ""
    return refusal(actor, action) + "."


def refuse_action(action: QtGui.QAction, reason: str) -> None:
    """Grey out ``action`` for good (until :func:`apply_roles` runs again) and say why."""
    action.setEnabled(False)
    action.setProperty(REFUSED_PROPERTY, True)
    action.setToolTip(reason)
    action.setStatusTip(reason)


def refuse_widget(widget: QtWidgets.QWidget, reason: str) -> None:
    """Grey out a button (or any widget) the role may not use and say why."""
    widget.setEnabled(False)
    widget.setProperty(REFUSED_PROPERTY, True)
    widget.setToolTip(reason)


def refused(action: QtGui.QAction) -> bool:
    """Whether :func:`apply_roles` greyed ``action`` out for the user's role."""
    return bool(action.property(REFUSED_PROPERTY))


def apply_roles(actor: Actor, actions: Iterable[QtGui.QAction]) -> None:
    """Grey out, with the reason, each of ``actions`` that ``actor``'s role may not use."""
    for action in actions:
        command = command_of(action)
        needs = None if command is None else NEEDS.get(command)
        if needs is None or allowed(actor, needs):
            continue
        refuse_action(action, why_not(actor, needs))


def apply_roles_within(actor: Actor, *owners: QtWidgets.QWidget) -> None:
    """:func:`apply_roles` to every declared action made on ``owners`` or their children
    (each pane's own, where several have one command)."""
    for owner in owners:
        apply_roles(actor, owner.findChildren(QtGui.QAction))


def enable(action: QtGui.QAction, on: bool = True) -> None:
    """Turn ``action`` on or off, but never on when the role may not use it."""
    action.setEnabled(on and not refused(action))
