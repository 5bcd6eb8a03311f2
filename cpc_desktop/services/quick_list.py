"""``cpc-desktop list`` without SQLAlchemy, when the store allows (issue 21.4).

The same summaries as :meth:`ScheduleService.summaries`, from the same values, read by
:mod:`cpc_desktop.data.quick_list` (which records the listing in the audit log as the
service's unit of work does). ``None`` means the usual session must do it: a store to
migrate, a user to sign in, a refusal to record, anything the usual path words itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.quick_list import read_listing
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.roles import Action, Actor, allowed
from cpc_desktop.services.rules import RuleBook
from cpc_desktop.services.summaries import ConferenceSummary, Overview, summaries_of


def _now() -> datetime:
    return datetime.now(UTC)


def quick_summaries(
    path: Path,
    passphrase: str | StoreKey,
    user: str | None,
    clock: Callable[[], datetime] = _now,
) -> tuple[ConferenceSummary, ...] | None:
    """Every conference of the store file at ``path`` with its due dates, listed (and
    audited) as ``user`` (else the store's first chair); ``None``: use the usual session.
    ``passphrase`` may be given as its key (perhaps already deriving: data/keys.py)."""

    def may_list(role: UserRole) -> bool:
        return allowed(Actor("", role), Action.LIST)

    now = clock()
    listing = read_listing(path, StoreKey.given(passphrase), user, may_list, now)
    if listing is None:
        return None
    overview = Overview(
        listing.conferences,
        listing.children,
        listing.first_sent,
        None,
        len(listing.conferences),
        0,
        listing.without_plan,
    )
    return summaries_of(RuleBook(), overview, now.astimezone().date())
