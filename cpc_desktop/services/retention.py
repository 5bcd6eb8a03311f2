"""Retention, legal hold and deletion of a conference's record (domain.md §10 item 40).

The one owner of the ``retention`` and ``tombstone`` rows. Each conference is kept until
its retention date (:func:`~cpc_desktop.domain.retention.retain_until`: the profile's
``retention.years`` after the case closed). The application never deletes on its own:
:meth:`RetentionService.retention_list` only reports what has fallen due, and a chair
deletes one conference at a time, giving a reason; a conference on legal hold, or not
yet due, is refused in one line. One whose newest issued minutes are confirmed as
uploaded to the case system (:mod:`.uploads`) may be wiped before its date; the
tombstone says so. Deleting removes every row of the conference (its minutes, issued
ones included, letters, output files, appeals and complaints) and leaves a tombstone:
its reference, dates, the rule it was kept under, who deleted it, when and why. It is
one unit of work with one audit event. Then the deletion is made final in the backups
beside the store (:mod:`.wipe`), so no copy the application keeps brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import erase
from cpc_desktop.data import models as m
from cpc_desktop.data.models_kept import RetentionRow, TombstoneRow
from cpc_desktop.data.models_upload import UploadRow
from cpc_desktop.domain.calendar import add_months
from cpc_desktop.domain.dates import short_date
from cpc_desktop.domain.profile_records import RetentionRule
from cpc_desktop.domain.retention import (
    RetentionState,
    deletion_refusal,
    retain_until,
    retention_state,
    upload_words,
)
from cpc_desktop.services import checks as c
from cpc_desktop.services import wipe
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.parts import PartService
from cpc_desktop.services.roles import Action
from cpc_desktop.services.uploads import newest_upload, uploaded_words

__all__ = [
    "Deleted",
    "RetentionLine",
    "RetentionService",
    "Tombstone",
    "deleted_line",
    "refuse_if_deleted",
]

_REASON_LIMIT = 1000
_C = m.ConferenceRow
_DATED = sa.select(_C.id, _C.reference, _C.date, _C.profile)


class _Dated(Protocol):
    """What a retention date is worked out from: a conference row, or its four columns."""

    @property
    def reference(self) -> str: ...
    @property
    def date(self) -> date: ...
    @property
    def profile(self) -> str: ...


@dataclass(frozen=True)
class RetentionLine:
    """One conference's retention facts, as the list shows them."""

    reference: str
    conference_date: date
    profile: str
    record_type: str
    policy: str
    closed: date | None  # the closure date the chair recorded, if any
    retain_until: date
    state: RetentionState
    hold_reason: str
    uploaded: str = ""  # its newest issued minutes' confirmed upload, told in words


@dataclass(frozen=True)
class Tombstone:
    """What is left of a deleted conference."""

    reference: str
    conference_date: date
    profile: str
    retain_until: date
    policy: str
    deleted_at: datetime
    deleted_by: str
    reason: str
    rows_deleted: int


@dataclass(frozen=True)
class Deleted:
    """A deletion done: its tombstone; whether the write-ahead log was emptied; older
    copies of the store (backups) beside it that may still hold the conference (they
    could not be opened to purge it), and those it was purged from."""

    tombstone: Tombstone
    log_emptied: bool
    older_copies: tuple[Path, ...]
    purged_copies: tuple[Path, ...] = ()


def _tombstone(found: TombstoneRow) -> Tombstone:
    return Tombstone(
        reference=found.reference,
        conference_date=found.conference_date,
        profile=found.profile,
        retain_until=found.retain_until,
        policy=found.policy,
        deleted_at=found.deleted_at,
        deleted_by=found.deleted_by,
        reason=found.reason,
        rows_deleted=found.rows_deleted,
    )


def _reason(value: object, path: str, missing: str) -> str:
    text = c.text(value, path).strip()
    if not text:
        raise c.refuse(path, missing)
    if len(text) > _REASON_LIMIT:
        raise c.refuse(path, f"is too long (at most {_REASON_LIMIT} characters)")
    return text


def _why(given: str, sent: UploadRow | None) -> str:
    """The tombstone's reason: the chair's words, and the confirmed upload if there is
    one (then the chair's words may be left out)."""
    if sent is None:
        return _reason(given, "$.tombstone.reason", "say why the conference is deleted")
    said = "Local copy wiped: " + upload_words(sent.uploaded_on, sent.case_ref, sent.version)
    if given:
        said += ". " + _reason(given, "$.tombstone.reason", "")
    return said


def deleted_line(session: Session, conference_id: str) -> str | None:
    """Why a conference this store deleted at the end of its retention cannot come back
    (an import or a hand-over of an old copy would undo the deletion); ``None`` if it was
    never deleted here."""
    stone = session.scalar(
        sa.select(TombstoneRow).where(TombstoneRow.conference_id == conference_id)
    )
    if stone is None:
        return None
    return (
        f"{stone.reference} was deleted from this store on "
        f"{short_date(stone.deleted_at.date())} at the end of its retention; it cannot be "
        "brought back"
    )


def refuse_if_deleted(session: Session, conference_id: str) -> None:
    """:func:`deleted_line` as a refusal (:class:`Conflict`)."""
    line = deleted_line(session, conference_id)
    if line is not None:
        raise Conflict(line)


class RetentionService(PartService):
    """Retention dates, legal holds and deletions, by one actor on one open store."""

    def retention_list(self, *, due_only: bool = False) -> tuple[RetentionLine, ...]:
        """Every conference with its retention date and state, soonest first; with
        ``due_only``, those past their date and those on hold (a hold is always shown)."""
        self._require(Action.LIST, "conference")
        today = self._today()
        with self._store.unit_of_work(self._context(Action.LIST, "conference")) as w:
            s = w.session
            kept = {r.conference_id: r for r in s.scalars(sa.select(RetentionRow))}
            sent = uploaded_words(s)
            query = self._near_or_held(s, today) if due_only else _DATED
            lines = [
                self._line(conference, kept.get(conference.id), today, sent.get(conference.id))
                for conference in s.execute(query)  # four columns, not whole rows
            ]
        if due_only:
            lines = [line for line in lines if line.state is not RetentionState.KEPT]
        return tuple(sorted(lines, key=lambda line: (line.retain_until, line.reference)))

    def tombstones(self) -> tuple[Tombstone, ...]:
        """The conferences deleted from this store, most recent first."""
        self._require(Action.LIST, "tombstone")
        with self._store.unit_of_work(self._context(Action.LIST, "tombstone")) as w:
            found = w.session.scalars(
                sa.select(TombstoneRow).order_by(TombstoneRow.deleted_at.desc())
            )
            return tuple(map(_tombstone, found))

    def set_hold(self, ref: str, held: bool, reason: str = "") -> RetentionLine:
        """Place a legal hold on the conference (with its reason), or lift it."""
        self._require(Action.MANAGE_RETENTION, "conference", ref)
        words = c.flag(held, "$.retention.held")
        why = ""
        if words:
            why = _reason(reason, "$.retention.hold_reason", "say why the record is held")
        with self._store.unit_of_work(self._context(Action.MANAGE_RETENTION, "retention")) as w:
            conference = self._conference_row(w.session, ref)
            found = self._retention_row(w.session, conference.id)
            if not words and not found.held:
                raise Conflict(f"{conference.reference} is not on legal hold")
            self._apply(found, {"held": words, "hold_reason": why})
            w.session.flush()
            w.object_id = found.id
            return self._line(conference, found, self._today())

    def set_closed(self, ref: str, closed: date | None) -> RetentionLine:
        """Record the date the case closed (the retention clock starts there, if later
        than the conference); ``None`` clears it."""
        self._require(Action.MANAGE_RETENTION, "conference", ref)
        when = c.day(closed, "$.retention.closed")
        if when is not None and when > self._today():
            raise c.refuse("$.retention.closed", "a case cannot close after today")
        with self._store.unit_of_work(self._context(Action.MANAGE_RETENTION, "retention")) as w:
            conference = self._conference_row(w.session, ref)
            if when is not None and when < conference.date:
                raise c.refuse(
                    "$.retention.closed", "a case cannot close before the conference's date"
                )
            found = self._retention_row(w.session, conference.id)
            self._apply(found, {"closed": when})
            w.session.flush()
            w.object_id = found.id
            return self._line(conference, found, self._today())

    def delete_conference(self, ref: str, reason: str = "") -> Deleted:
        """Delete the conference for good and leave its tombstone; refused (one line) if
        it is on legal hold, or its retention date has not come and its newest issued
        minutes are not confirmed as uploaded to the case system. A reason is needed
        unless the upload is the reason. Every backup beside the store is purged too."""
        self._require(Action.DELETE_RECORDS, "conference", ref)
        given = c.text(reason, "$.tombstone.reason").strip()
        today = self._today()
        with self._store.unit_of_work(self._context(Action.DELETE_RECORDS, "conference")) as w:
            s = w.session
            conference = self._conference_row(s, ref)
            w.object_id = conference.id
            kept = s.scalar(
                sa.select(RetentionRow).where(RetentionRow.conference_id == conference.id)
            )
            line = self._line(conference, kept, today)
            held = kept is not None and kept.held
            sent = newest_upload(s, conference.id)
            why = _why(given, sent)
            refused = deletion_refusal(
                line.reference, line.retain_until, held, today, uploaded=sent is not None
            )
            if refused is not None:
                raise Conflict(refused)
            stone = TombstoneRow(
                id=m.new_id(),
                conference_id=conference.id,
                reference=line.reference,
                conference_date=line.conference_date,
                profile=line.profile,
                retain_until=line.retain_until,
                policy=line.policy,
                deleted_at=self._clock(),
                deleted_by=self._actor.name,
                reason=why,
                rows_deleted=0,
                **self._meta(),
            )
            s.add(stone)
            s.flush()
            stone.rows_deleted = erase.delete_conference(s, conference.id)
            s.flush()
            erase.scrub_search_index(s)
            result = _tombstone(stone)
        emptied = erase.checkpoint(self._store)
        copies = wipe.purge_older_copies(self._store, self._actor, self._clock)
        left = tuple(path for path, _problem in copies.left)
        return Deleted(result, emptied, left, copies.cleared)

    # --- helpers ---------------------------------------------------------------------

    def _today(self) -> date:
        return self._clock().astimezone().date()

    def _near_or_held(self, session: Session, today: date) -> sa.Select[str, str, date, str]:
        """Only the conferences that may be due (held on or before each profile's
        cut-off, a few days' margin for the end of February) or are held: the home screen
        asks at every refresh, and most of a store is years from its date."""
        near = [
            sa.and_(
                _C.profile == profile,
                _C.date
                <= add_months(today, -12 * self._rules.profile(profile).retention.years)
                + timedelta(days=3),
            )
            for profile in session.scalars(sa.select(_C.profile).distinct())
        ]
        held = sa.select(RetentionRow.conference_id).where(RetentionRow.held)
        return _DATED.where(sa.or_(_C.id.in_(held), *near))

    def _rule(self, conference: _Dated) -> RetentionRule:
        return self._rules.profile(conference.profile).retention

    def _line(
        self,
        conference: _Dated,
        kept: RetentionRow | None,
        today: date,
        uploaded: str | None = None,
    ) -> RetentionLine:
        rule = self._rule(conference)
        closed = kept.closed if kept is not None else None
        held = kept is not None and kept.held
        until = retain_until(conference.date, closed, rule)
        return RetentionLine(
            reference=conference.reference,
            conference_date=conference.date,
            profile=conference.profile,
            record_type=rule.record_type,
            policy=rule.policy,
            closed=closed,
            retain_until=until,
            state=retention_state(until, held, today),
            hold_reason=kept.hold_reason if kept is not None and held else "",
            uploaded=uploaded or "",
        )

    def _retention_row(self, session: Session, conference_id: str) -> RetentionRow:
        found = session.scalar(
            sa.select(RetentionRow).where(RetentionRow.conference_id == conference_id)
        )
        if found is None:
            found = RetentionRow(
                id=m.new_id(),
                conference_id=conference_id,
                closed=None,
                held=False,
                hold_reason="",
                **self._meta(),
            )
            session.add(found)
        return found
