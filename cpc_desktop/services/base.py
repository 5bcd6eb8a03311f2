"""What every service shares: the actor, the clock, role checks and audit contexts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from cpc_desktop.data import audit, repository, rows
from cpc_desktop.data import models as m
from cpc_desktop.data.store import Store
from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.enums import MinutesState
from cpc_desktop.services.errors import Conflict, NotFound, PermissionDenied
from cpc_desktop.services.roles import Action, Actor, allowed, refusal
from cpc_desktop.services.rules import RuleBook

Clock = Callable[[], datetime]


def audit_context(
    actor: Actor,
    clock: Clock,
    action: Action,
    object_type: str,
    object_id: str = "",
    outcome: str = "ok",
) -> audit.AuditContext:
    """The audit event of ``actor`` doing ``action`` now (see :meth:`Store.unit_of_work`)."""
    return audit.AuditContext(
        actor=actor.name,
        role=actor.role.value,
        action=action.value,
        object_type=object_type,
        object_id=object_id,
        at=clock(),
        outcome=outcome,
    )


def require(
    store: Store, actor: Actor, clock: Clock, action: Action, object_type: str, object_id: str = ""
) -> None:
    """Refuse (and record the refusal) unless ``actor``'s role allows ``action``."""
    if allowed(actor, action):
        return
    with store.unit_of_work(audit_context(actor, clock, action, object_type, object_id, "denied")):
        pass
    raise PermissionDenied(refusal(actor, action))


def frozen_message(state: MinutesState) -> str:
    """Why nothing a copy of the minutes shows may change while they are ``state``."""
    return (
        f"the minutes are {state.value}: the chair must reopen them or open a "
        "corrected version before they can change"
    )


def require_draft(state: MinutesState | None) -> None:
    """Refuse (:class:`Conflict`) unless the current minutes version is a draft (or none).

    Frozen means frozen: once the minutes are approved or issued, nothing any copy of
    them contains (entries, attendance and exclusions, participants, the agenda,
    actions, scales, decisions) changes until the chair reopens them or a correction
    opens a new draft version. Call it inside the unit of work, before any row changes.
    """
    if state is not None and state is not MinutesState.DRAFT:
        raise Conflict(frozen_message(state))


class ServiceBase:
    """One actor on one open store; subclasses add the use cases."""

    def __init__(
        self, store: Store, actor: Actor, clock: Clock, rules: RuleBook | None = None
    ) -> None:
        self._store = store
        self._actor = actor
        self._clock = clock
        self._rules = rules or RuleBook()

    @property
    def actor(self) -> Actor:
        return self._actor

    def _context(
        self, action: Action, object_type: str, object_id: str = "", outcome: str = "ok"
    ) -> audit.AuditContext:
        return audit_context(self._actor, self._clock, action, object_type, object_id, outcome)

    def _require(self, action: Action, object_type: str, object_id: str = "") -> None:
        """Refuse (and record the refusal) unless the actor's role allows ``action``."""
        require(self._store, self._actor, self._clock, action, object_type, object_id)

    def _meta(self) -> dict[str, object]:
        return repository.row_meta(self._actor.name, self._clock())

    def _touch(self, row: m.Row) -> None:
        row.row_updated_at = self._clock()
        row.row_updated_by = self._actor.name

    @staticmethod
    def _require_draft(session: Session, conference_id: str) -> None:
        """:func:`require_draft` for the conference's current minutes version."""
        require_draft(rows.minutes_state(session, conference_id))

    def _load_record(self, action: Action, ref: str) -> ConferenceRecord:
        """The whole conference ``ref``, read under ``action`` (checked and audited)."""
        self._require(action, "conference", ref)
        with self._store.unit_of_work(self._context(action, "conference")) as work:
            conference_id = self._conference_id(work.session, ref)
            work.object_id = conference_id
            record = repository.load_record(work.session, conference_id)
        assert record is not None
        return record

    @staticmethod
    def _conference_id(session: Session, ref: str) -> str:
        found = repository.find_conference_id(session, ref)
        if found is None:
            raise NotFound(f"no conference {ref!r} in this store")
        return found
