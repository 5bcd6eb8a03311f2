"""Who may do what: the role model, enforced here rather than in the UI.

A chair may do everything, recording a parent's appeal and how it ended included, and
logging complaints, setting a legal hold and deleting a conference whose retention has
ended (the chair is the store's administrator). A
minute-taker records the meeting (attendance and minutes, the actions and safety
scales noted in them) but cannot run the agenda, decide, approve, import, export,
restore the store from a backup or manage users; they exchange hand-over packages with
the chair, and may check a family copy or letter someone else wrote before it is
released. A read-only user can look, search, check the store and sign in, nothing else.

:data:`PERMISSIONS` is the one table of who may do what: the services refuse with
:func:`refusal`'s line, and the application and the command line consult
:func:`allowed` to offer only what the acting user's role may do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from cpc_desktop.domain.enums import UserRole


class Action(StrEnum):
    LIST = "list"
    VIEW = "view"
    CHECK = "check"
    CREATE_CONFERENCE = "create_conference"
    EDIT_CONFERENCE = "edit_conference"
    MANAGE_AGENDA = "manage_agenda"
    RECORD_ATTENDANCE = "record_attendance"
    WRITE_MINUTES = "write_minutes"
    RECORD_DECISION = "record_decision"
    IMPORT = "import"
    EXPORT = "export"
    APPROVE_MINUTES = "approve_minutes"
    ISSUE_DOCUMENTS = "issue_documents"
    MANAGE_USERS = "manage_users"
    HANDOVER = "handover"
    RESTORE = "restore"
    CHECK_RELEASE = "check_release"
    SIGN_IN = "sign_in"
    RECORD_APPEAL = "record_appeal"
    DECIDE_APPEAL = "decide_appeal"
    PRINT = "print"
    RECORD_COMPLAINT = "record_complaint"
    MANAGE_RETENTION = "manage_retention"
    DELETE_RECORDS = "delete_records"


_READ = frozenset({Action.LIST, Action.VIEW, Action.CHECK, Action.SIGN_IN})
PERMISSIONS: Mapping[UserRole, frozenset[Action]] = {
    UserRole.CHAIR: frozenset(Action),
    UserRole.MINUTE_TAKER: _READ
    | {Action.RECORD_ATTENDANCE, Action.WRITE_MINUTES, Action.HANDOVER, Action.CHECK_RELEASE},
    UserRole.READ_ONLY: _READ,
}


@dataclass(frozen=True)
class Actor:
    """The person using the store, and the role the store gives them."""

    name: str
    role: UserRole


def allowed(actor: Actor, action: Action) -> bool:
    return action in PERMISSIONS[actor.role]


#: Each action as the refusal says it: "... may not <words>".
ACTION_WORDS: Mapping[Action, str] = {
    Action.LIST: "list the conferences",
    Action.VIEW: "view a conference",
    Action.CHECK: "check the store",
    Action.CREATE_CONFERENCE: "create a conference",
    Action.EDIT_CONFERENCE: "edit a conference",
    Action.MANAGE_AGENDA: "run the agenda",
    Action.RECORD_ATTENDANCE: "record attendance",
    Action.WRITE_MINUTES: "write minutes",
    Action.RECORD_DECISION: "record a decision",
    Action.IMPORT: "import a conference",
    Action.EXPORT: "export a conference or its minutes",
    Action.APPROVE_MINUTES: "approve, reopen or correct minutes",
    Action.ISSUE_DOCUMENTS: "issue or sign minutes and letters",
    Action.MANAGE_USERS: "manage users",
    Action.HANDOVER: "exchange hand-over packages",
    Action.RESTORE: "restore the store from a backup",
    Action.CHECK_RELEASE: "check a copy before release",
    Action.SIGN_IN: "sign in",
    Action.RECORD_APPEAL: "record a parent's appeal",
    Action.DECIDE_APPEAL: "record how an appeal ended",
    Action.PRINT: "print a copy",
    Action.RECORD_COMPLAINT: "record a complaint or how it ended",
    Action.MANAGE_RETENTION: "set a legal hold or a closure date, or confirm an upload",
    Action.DELETE_RECORDS: "delete a conference at the end of its retention or after upload",
}


def role_words(role: UserRole) -> str:
    """The role as a person reads it: "minute taker"."""
    return role.value.replace("_", " ")


def refusal(actor: Actor, action: Action) -> str:
    """The one line that refuses ``action`` to ``actor``: "Sam Reed (read only) may not
    issue or sign minutes and letters"."""
    return f"{actor.name} ({role_words(actor.role)}) may not {ACTION_WORDS[action]}"
