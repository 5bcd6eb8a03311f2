"""The release check in tests: a second user of the store who checks family copies.

Tests that are not about the check itself produce family copies and letters as a
chair would, with a second person checking them: ``add_checker`` gives a store that
second user, ``checked_minutes`` and ``checked_letters`` hold, check and release.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cpc_desktop.data.store import Store
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.domain.letters import LetterRequest
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.services.letters import family_letter
from cpc_desktop.services.outputs import OutputPdf
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from cpc_desktop.services.users import UserService
from tests.helpers.stores import TickingClock

CHECKER = Actor("Casey Checker", UserRole.MINUTE_TAKER)
CHECKER_SECRET = "casey's own password"


def add_checker(store: Store) -> Actor:
    """Make ``CHECKER`` a user of ``store`` (once), with ``CHECKER_SECRET``."""
    users = UserService(store, Actor("Test set-up", UserRole.CHAIR), TickingClock())
    if not any(u.name == CHECKER.name for u in users.users()):
        users.add_user(CHECKER.name, CHECKER.role, CHECKER_SECRET)
    return CHECKER


def check_pending(session: Session, ref: str) -> None:
    """Have the second user check every copy of ``ref`` held and not yet checked."""
    add_checker(session.store)
    for item in session.release.pending(ref):
        if not item.confirmed:
            session.release.confirm(item.id, CHECKER)


def checked_minutes(
    session: Session,
    ref: str,
    which: MinutesCopy,
    certificate: Any = None,
    out: Path | None = None,
) -> OutputPdf:
    """A family copy held, checked by the second user, then exported (and written)."""
    session.release.hold_minutes(ref, which, certificate)
    check_pending(session, ref)
    return session.minutes.export(ref, which, certificate, out)


def checked_letters(
    session: Session,
    ref: str,
    requests: Sequence[LetterRequest],
    certificate: Any = None,
    folder: Path | None = None,
) -> tuple[OutputPdf, ...]:
    """Letters issued as ``issue_all`` does, the family's ones held and checked first."""
    record = session.conferences.get(ref)
    for request in requests:
        if family_letter(record, request):
            session.release.hold_letter(ref, request, certificate)
    check_pending(session, ref)
    return session.letters.issue_all(ref, requests, certificate, folder)
