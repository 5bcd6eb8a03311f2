"""The release check (disclosure.md): a second person checks what the family receives.

A family copy of the minutes or a letter to someone on the family's side is made and
held (``hold_minutes``, ``hold_letter``): kept in the store, written nowhere, not
recorded as sent. Someone other than its author, signed in, reviews exactly that file,
with what it leaves out shown to them alone (``review``), and confirms it
(``confirm``): who and when are recorded with the file's SHA-256 and audited. Only
then do ``minutes.export``, ``letters.issue_all`` and ``distribution.record_sent``
release it, and what they release is the very file checked. A profile may turn the
check off only with a reason, which is recorded with every copy released unchecked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.domain import approval
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, UserRole
from cpc_desktop.domain.letters import LetterKind, LetterRequest
from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes, left_out
from cpc_desktop.domain.printed import LetterDocument, PrintedDocument
from cpc_desktop.domain.printed_text import document_text
from cpc_desktop.services import held
from cpc_desktop.services.base import ServiceBase, audit_context, require
from cpc_desktop.services.corrections import requests_of
from cpc_desktop.services.errors import NotFound, ServiceError
from cpc_desktop.services.letters import LetterService
from cpc_desktop.services.minutes import MinutesService
from cpc_desktop.services.outputs import Typeset, stored_bytes
from cpc_desktop.services.roles import Action, Actor, allowed

if TYPE_CHECKING:
    from cpc_desktop.export.signing import ChairCertificate

OWN_WORK = "You wrote this copy, so someone else must check it."
ALONE = (
    "Only one person uses this store, so no one else can check this copy. Add a second "
    "user (cpc-desktop user add NAME --role minute_taker) to check family copies and letters."
)
STALE = (
    "What this copy shows has changed since it was made, so it can no longer be checked: "
    "make it again."
)
LETTER_LEAVES_OUT = (
    "A letter is written for its recipient from the profile's template: it states the "
    "decision and the next steps, and no minute entry or professional's reasons."
)


@dataclass(frozen=True)
class ReleaseReview:
    """What the checker sees: the exact file, for whom, and (for them only) what it omits."""

    item: held.ReleaseItem
    data: bytes  # the PDF exactly as the recipient gets it
    sha256: str
    recipient: str  # "Name (parent)", or "any family member"
    text: str  # the copy's words, as given to the typesetter
    left_out: tuple[str, ...]  # for the checker only, never the recipient
    current: bool  # False: what the copy shows has changed since it was made


class ReleaseService(ServiceBase):
    """Holding, reviewing and confirming family copies and family letters."""

    def hold_minutes(
        self,
        ref: str,
        which: MinutesCopy,
        certificate: ChairCertificate | None = None,
        typeset: Sequence[Typeset] = (),
    ) -> held.ReleaseItem:
        """Hold a family copy of the minutes for a check (see :meth:`MinutesService.hold`)."""
        return self._minutes().hold(ref, which, certificate, typeset)

    def hold_letter(
        self,
        ref: str,
        request: LetterRequest,
        certificate: ChairCertificate | None = None,
        typeset: Sequence[Typeset] = (),
    ) -> held.ReleaseItem:
        """Hold a letter to the family's side for a check (see :meth:`LetterService.hold`)."""
        return self._letters().hold(ref, request, certificate, typeset)

    def pending(self, ref: str) -> tuple[held.ReleaseItem, ...]:
        """Every held copy of conference ``ref`` not yet released, oldest first."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "release_check")) as work:
            conference_id = self._conference_id(work.session, ref)
            work.object_id = conference_id
            rows = work.session.scalars(
                sa.select(m.ReleaseCheckRow)
                .where(
                    m.ReleaseCheckRow.conference_id == conference_id,
                    m.ReleaseCheckRow.released_at.is_(None),
                )
                .order_by(m.ReleaseCheckRow.made_at)
            ).all()
            return tuple(held.item_of(row) for row in rows)

    def review(self, check_id: str) -> ReleaseReview:
        """The held copy ``check_id`` as its recipient will get it, and what it leaves out."""
        self._require(Action.VIEW, "release_check", check_id)
        context = self._context(Action.VIEW, "release_check", check_id)
        with self._store.unit_of_work(context) as work:
            row = _row(work.session, check_id)
            record = repository.load_record(work.session, row.conference_id)
            assert record is not None and row.output_file_id is not None
            data = stored_bytes(work.session, row.output_file_id)
            document, omitted, source = self._rebuild(work.session, record, row)
            item = held.item_of(row)
        return ReleaseReview(
            item=item,
            data=data,
            sha256=item.sha256,
            recipient=_recipient(record, row),
            text=document_text(document),
            left_out=omitted,
            current=source == row.source_hash,
        )

    def checkers(self, check_id: str) -> tuple[str, ...]:
        """The users who may check ``check_id``: everyone but its author and read-only users."""
        with self._store.reading() as s:
            author = _row(s, check_id).author
            users = s.execute(
                sa.select(m.AppUser.name, m.AppUser.role).order_by(m.AppUser.row_created_at)
            ).all()
        return tuple(
            name
            for name, role in users
            if name != author and allowed(Actor(name, role), Action.CHECK_RELEASE)
        )

    def confirm(self, check_id: str, checker: Actor) -> held.ReleaseItem:
        """Record that ``checker`` (signed in, not the author) checked ``check_id``."""
        require(self._store, checker, self._clock, Action.CHECK_RELEASE, "release_check", check_id)
        with self._store.reading() as s:
            row = _row(s, check_id)
            author, checked_by, note = row.author, row.checked_by, row.check_note
            users = {u.name: u.role for u in repository.store_users(s).values()}
        if users.get(checker.name) is not checker.role:
            raise ServiceError(f"{checker.name} is not a user of this store")
        if checker.name == author:
            self._refused(checker, check_id)
            raise ServiceError(ALONE if len(users) == 1 else OWN_WORK)
        if checked_by is not None or note:
            raise ServiceError(f"this copy is already {held.item_of(row).state}")
        context = audit_context(checker, self._clock, Action.CHECK_RELEASE, "release_check")
        with self._store.unit_of_work(context) as work:
            row = _row(work.session, check_id)
            work.object_id = row.id
            record = repository.load_record(work.session, row.conference_id)
            assert record is not None
            if self._rebuild(work.session, record, row)[2] != row.source_hash:
                raise ServiceError(STALE)
            now = self._clock()
            row.checked_by = checker.name
            row.checked_at = now
            row.row_updated_at = now
            row.row_updated_by = checker.name
            return held.item_of(row)

    # --- helpers ---------------------------------------------------------------------

    def _minutes(self) -> MinutesService:
        return MinutesService(self._store, self._actor, self._clock, self._rules)

    def _letters(self) -> LetterService:
        return LetterService(self._store, self._actor, self._clock, self._rules)

    def _refused(self, checker: Actor, check_id: str) -> None:
        context = audit_context(
            checker, self._clock, Action.CHECK_RELEASE, "release_check", check_id, "denied"
        )
        with self._store.unit_of_work(context):
            pass

    def _rebuild(
        self, s: Session, record: d.ConferenceRecord, row: m.ReleaseCheckRow
    ) -> tuple[PrintedDocument | LetterDocument, tuple[str, ...], str]:
        """The held copy's document made again from the record as it is now, what it
        leaves out, and the hash of what it was made from."""
        profile = self._rules.profile(record.conference.profile)
        if row.kind == held.MINUTES_FAMILY:
            versions = {v.id: v for v in record.minutes_versions}
            version = versions.get(row.minutes_version_id or "") or approval.current(record)
            which = MinutesCopy(CopyKind.FAMILY, row.recipient_id)
            try:
                asked = requests_of(s, record.conference.id)
                built = build_minutes(record, profile, which, version=version, corrections=asked)
            except ValueError as error:
                raise ServiceError(str(error)) from None
            omitted = left_out(record, built.redactions)
            return built.document, omitted, held.source_hash(built.document)
        request = LetterRequest(
            LetterKind(row.letter_kind or ""),
            row.recipient_id,
            row.recipient_name,
            tuple(row.recipient_address.splitlines()),
        )
        document = self._letters()._compose(record, request)
        return document, (LETTER_LEAVES_OUT,), held.source_hash(document)


def _row(s: sa.orm.Session, check_id: str) -> m.ReleaseCheckRow:
    row = s.get(m.ReleaseCheckRow, check_id)
    if row is None:
        raise NotFound(f"no held copy {check_id!r} in this store")
    return row


def _recipient(record: d.ConferenceRecord, row: m.ReleaseCheckRow) -> str:
    for person in record.participants:
        if person.id == row.recipient_id:
            return f"{person.name} ({person.role.value.replace('_', ' ')})"
    return row.recipient_name or held.ANY_FAMILY_MEMBER


__all__ = ["ALONE", "OWN_WORK", "ReleaseReview", "ReleaseService", "UserRole"]
