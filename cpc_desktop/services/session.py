"""A working session on one store: who is acting, the clock, and the services.

The command line and the application both start here. The actor is the store user
named by ``user`` (the command line passes ``$CPC_USER``), or else the chair who
created the store. Signing in (:meth:`Session.sign_in`) is a separate step, taken by
the application and by the command line when the user has a password: it proves who
is acting, and from then on every service acts as them.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from glob import escape as glob_escape
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.data import seal
from cpc_desktop.data.backups import restore_backup
from cpc_desktop.data.errors import StoreError, StoreExists
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.location import is_server_url
from cpc_desktop.data.store import (
    Store,
    check_can_create,
    create_store,
    open_store,
    sidecars,
    store_exists,
)
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services import wipe
from cpc_desktop.services.base import audit_context, require
from cpc_desktop.services.conferences import Clock, ConferenceService
from cpc_desktop.services.errors import PermissionDenied
from cpc_desktop.services.page_watch import PageWatch, watch_pages
from cpc_desktop.services.roles import Action, Actor
from cpc_desktop.services.rules import RuleBook, check_record_rules
from cpc_desktop.services.schedule import ScheduleService

if TYPE_CHECKING:
    # Each service's module is imported when the service is first used (a command uses
    # one or two: ``list`` needs neither letters nor PDF signing nor the hand-over).
    from cpc_desktop.services.agenda import AgendaService
    from cpc_desktop.services.appeals import AppealService
    from cpc_desktop.services.complaints import ComplaintService
    from cpc_desktop.services.corrections import CorrectionService
    from cpc_desktop.services.decisions import DecisionService
    from cpc_desktop.services.distribution import DistributionService
    from cpc_desktop.services.handover import HandoverService
    from cpc_desktop.services.letters import LetterService
    from cpc_desktop.services.meeting_clock import ClockService
    from cpc_desktop.services.meeting_notes import MeetingNotesService
    from cpc_desktop.services.minute_entries import MinuteEntryService
    from cpc_desktop.services.minutes import MinutesService
    from cpc_desktop.services.outputs import VerificationService
    from cpc_desktop.services.plan_events import PlanEventService
    from cpc_desktop.services.printing import PrintService
    from cpc_desktop.services.release import ReleaseService
    from cpc_desktop.services.retention import RetentionService
    from cpc_desktop.services.reviews import ReviewService
    from cpc_desktop.services.roll_call import RollCallService
    from cpc_desktop.services.search import SearchService
    from cpc_desktop.services.uploads import UploadService
    from cpc_desktop.services.users import UserService

__all__ = [
    "Session",
    "check_record_rules",
    "create_filled",
    "open_session",
    "store_exists",
    "system_clock",
]

T = TypeVar("T")


class _Service:
    """A session's service, made (and its module imported) the first time it is used,
    then kept on the session until the session acts as someone else."""

    def __init__(self, module: str, name: str) -> None:
        self.module = "cpc_desktop.services." + module
        self.name = name
        self.attribute = ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute
        _LAZY.append(attribute)

    def __get__(self, session: Session | None, owner: type) -> Any:
        if session is None:
            return self
        found = session.__dict__.get(self.attribute)
        if found is None:
            service = getattr(import_module(self.module), self.name)
            found = service(session.store, session.actor, session.clock, session.rules)
            session.__dict__[self.attribute] = found
        return found


_LAZY: list[str] = []


def system_clock() -> datetime:
    return datetime.now(UTC)


def _local_today(clock: Clock) -> Callable[[], date]:
    return lambda: clock().astimezone().date()


def _actor(store: Store, user: str | None) -> Actor:
    with store.reading() as session:
        users = session.execute(
            sa.select(m.AppUser.name, m.AppUser.role).order_by(m.AppUser.row_created_at)
        ).all()
    if user is not None:
        for name, role in users:
            if name == user:
                return Actor(name, role)
        raise PermissionDenied(f"{user} is not a user of this store")
    for name, role in users:
        if role is UserRole.CHAIR:
            return Actor(name, role)
    raise PermissionDenied("this store has no chair")  # pragma: no cover - created with one


@dataclass
class Session:
    store: Store
    actor: Actor
    clock: Clock
    created: bool = False
    #: The background page check of a large store the application opened (else None).
    page_watch: PageWatch | None = None

    def __post_init__(self) -> None:
        self.rules = RuleBook()
        self.today = _local_today(self.clock)
        self.conferences = ConferenceService(self.store, self.actor, self.clock, self.rules)
        self.schedule = ScheduleService(self.conferences, self.rules, self.today)
        for made in _LAZY:  # made again, for the actor and store of now, when next used
            self.__dict__.pop(made, None)
        self.__dict__.pop("_handover", None)

    # The live meeting, one owner per part of the conference; then the rest. Each is
    # made, and its module imported, when first used.
    if TYPE_CHECKING:
        agenda: ClassVar[AgendaService]
        meeting_clock: ClassVar[ClockService]
        roll_call: ClassVar[RollCallService]
        entries: ClassVar[MinuteEntryService]
        notes: ClassVar[MeetingNotesService]
        search: ClassVar[SearchService]
        decisions: ClassVar[DecisionService]
        minutes: ClassVar[MinutesService]
        letters: ClassVar[LetterService]
        distribution: ClassVar[DistributionService]
        verification: ClassVar[VerificationService]
        users: ClassVar[UserService]
        release: ClassVar[ReleaseService]
        appeals: ClassVar[AppealService]
        reviews: ClassVar[ReviewService]
        corrections: ClassVar[CorrectionService]
        printing: ClassVar[PrintService]
        complaints: ClassVar[ComplaintService]
        retention: ClassVar[RetentionService]
        plan_events: ClassVar[PlanEventService]
        uploads: ClassVar[UploadService]
    else:
        agenda = _Service("agenda", "AgendaService")
        meeting_clock = _Service("meeting_clock", "ClockService")
        roll_call = _Service("roll_call", "RollCallService")
        entries = _Service("minute_entries", "MinuteEntryService")
        notes = _Service("meeting_notes", "MeetingNotesService")
        search = _Service("search", "SearchService")
        decisions = _Service("decisions", "DecisionService")
        minutes = _Service("minutes", "MinutesService")
        letters = _Service("letters", "LetterService")
        distribution = _Service("distribution", "DistributionService")
        verification = _Service("outputs", "VerificationService")
        users = _Service("users", "UserService")
        release = _Service("release", "ReleaseService")
        appeals = _Service("appeals", "AppealService")
        reviews = _Service("reviews", "ReviewService")
        corrections = _Service("corrections", "CorrectionService")
        printing = _Service("printing", "PrintService")
        complaints = _Service("complaints", "ComplaintService")
        retention = _Service("retention", "RetentionService")
        plan_events = _Service("plan_events", "PlanEventService")
        uploads = _Service("uploads", "UploadService")

    @property
    def handover(self) -> HandoverService:
        """The hand-over service (schema validation, the package cipher, the merge)."""
        found = self.__dict__.get("_handover")
        if found is None:
            from cpc_desktop.services.handover import HandoverService

            found = self.__dict__["_handover"] = HandoverService(
                self.store, self.actor, self.clock, self.rules
            )
        return cast("HandoverService", found)

    def sign_in(self, name: str, secret: str) -> Actor:
        """Act from now on as ``name``, proved by their password (see UserService.sign_in)."""
        actor = self.users.sign_in(name, secret)
        self.act_as(actor)
        return actor

    def act_as(self, actor: Actor) -> None:
        """Make every service act as ``actor``, who has signed in.

        Anything holding the old services must fetch them again from this session.
        """
        self.actor = actor
        self.__post_init__()

    def watch_pages(self, listener: Callable[[str | None], None]) -> bool:
        """Hear how the background page check of a large store ended; whether there is one.

        ``listener(damage)`` is called once, on the check's thread (or at once if it has
        ended): ``None`` when every page is sound and writes have resumed, otherwise the
        damage in one line, the store being read-only by then. See ``page_watch.py``.
        """
        if self.page_watch is None:
            return False
        self.page_watch.listen(listener)
        return True

    def close(self) -> None:
        self.store.close()

    def restore(self, backup: Path) -> None:
        """Put the store back as ``backup`` holds it (undoing an import), then reopen it.

        Only the chair may (``restore``): putting an old copy over the store erases
        everything recorded since, audit events included. A refusal is recorded in the
        store as it is, a restore in the store as restored.
        Every service is made anew on the reopened store; anything holding the old
        services must fetch them again from this session.
        """
        require(self.store, self.actor, self.clock, Action.RESTORE, "store")
        path, key = self.store.path, self.store.key
        if path is None or key is None:
            raise StoreError(
                "a store on a server is put back from the server's own backups "
                "(pg_dump or point-in-time recovery), not from a file"
            )
        stones = wipe.tombstones_of(self.store)  # a deletion stays deleted: see wipe.py
        self.store.close()
        try:
            with suppress(StoreError):  # not purged here: purged below once it is open
                wipe.purge_backup(backup, key, stones, self.actor, self.clock)
            restore_backup(path, backup, key)
        finally:
            self.store = open_store(path, key)
            self.__post_init__()
        with self.store.unit_of_work(
            audit_context(self.actor, self.clock, Action.RESTORE, "store")
        ):
            pass
        wipe.reapply_tombstones(self.store, stones, self.actor, self.clock)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.close()
        path = self.store.path
        if exc_type is not None and self.created and path is not None:
            # A store made for this command and not finished is not left behind. (On a
            # server it stays: other chairs may already be using it.)
            for leftover in (path, *sidecars(path)):
                with suppress(FileNotFoundError):
                    leftover.unlink()
            seal.forget(path)


def open_session(
    path: Path | str,
    passphrase: str | StoreKey | None,
    *,
    create: bool = False,
    user: str | None = None,
    clock: Clock = system_clock,
    check_later: bool = False,
) -> Session:
    """Open (or, when asked, create) the store at ``path`` and start a session.

    ``path`` may be a PostgreSQL URL (a store shared on a server), which needs no
    passphrase: the server authenticates. ``passphrase`` may be given as its
    :class:`StoreKey` (the command line's, its derivation started early). Every page of
    the file is checked before anything is written; with ``check_later`` (the
    application) a large store opens at once, its writes held while its pages are checked
    in the background (:attr:`Session.page_watch`).
    """
    key = None if passphrase is None else StoreKey.given(passphrase)
    if create:
        owner = user or _login_name()
        store = create_store(path, key, owner=owner, now=clock())
        return Session(store, Actor(owner, UserRole.CHAIR), clock, created=True)
    store = open_store(path, key, check_later=check_later)
    try:
        actor = _actor(store, user)
    except BaseException:
        store.close()
        raise
    return Session(store, actor, clock, page_watch=watch_pages(store))


def create_filled(
    path: Path | str,
    passphrase: str | None,
    fill: Callable[[Session], T],
    *,
    user: str | None = None,
    clock: Clock = system_clock,
) -> T:
    """Create a new store at ``path`` holding what ``fill`` puts in it: all or nothing,
    even if the process is killed part-way (SIGKILL, a power cut).

    The store is built in a hidden file beside ``path`` (same folder, same file system),
    closed, flushed to disk and only then linked into place under its name, so ``path``
    is either absent or complete: a half-made store never blocks a retry. On a server the
    store is made in place (``fill`` still runs before anyone is told it exists).
    """
    if is_server_url(path):
        with open_session(path, passphrase, create=True, user=user, clock=clock) as session:
            return fill(session)
    target = Path(path)
    check_can_create(target)
    _remove_abandoned(target)
    building = target.with_name(f".{target.name}.{os.getpid()}.building")
    with open_session(building, passphrase, create=True, user=user, clock=clock) as session:
        result = fill(session)
    try:
        _place(building, target)
    except BaseException:
        for leftover in (building, *sidecars(building)):
            with suppress(FileNotFoundError):
                leftover.unlink()
        seal.forget(building)
        raise
    seal.move(building, target)  # the audit log's seal follows the store to its name
    return result


def _remove_abandoned(target: Path) -> None:
    """Remove what a killed ``create_filled`` for ``target`` left: ``.NAME.PID.building``
    (and its -wal, -shm) whose process no longer runs. One still running is left alone."""
    prefix = f".{target.name}."
    for leftover in target.parent.glob(f"{glob_escape(prefix)}*.building*"):
        pid_text = leftover.name[len(prefix) :].partition(".")[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            with suppress(OSError):
                leftover.unlink()
        except OSError:  # alive but another user's (PermissionError), or unknown: keep it
            continue


def _place(building: Path, target: Path) -> None:
    """Put the closed store ``building`` in place as ``target``, durably, never over a file."""
    if any(sidecar.exists() for sidecar in sidecars(building)):
        # Closing checkpoints the write-ahead log into the file; if it is still there, the
        # file alone is not the whole store.
        raise StoreError(f"cannot finish {target.name}: its log was not written back")
    fd = os.open(building, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(building, target)  # fails if target appeared meanwhile: nothing overwritten
    except FileExistsError:
        raise StoreExists(f"{target} already exists; CPC Desktop will not overwrite it") from None
    except OSError:
        # A file system without hard links (some shared drives): rename, having looked.
        if target.exists():
            raise StoreExists(
                f"{target} already exists; CPC Desktop will not overwrite it"
            ) from None
        os.rename(building, target)
    else:
        building.unlink()
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    except OSError:  # pragma: no cover - a folder that cannot be flushed (some platforms)
        pass
    finally:
        os.close(folder)


def _login_name() -> str:
    try:
        return getpass.getuser() or "Chair"
    except Exception:  # pragma: no cover - no login name on this system
        return "Chair"
