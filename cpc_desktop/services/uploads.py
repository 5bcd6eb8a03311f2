"""Confirming that issued minutes were uploaded to the authority's case system.

The one owner of the ``upload`` rows (revision 0015). A chair records that an issued
version of a conference's minutes (the newest, unless another is named) was uploaded to
the case system: on which day and under which reference there (free text, required).
Once the newest issued version is confirmed, the local copy may be wiped before its
retention date (:meth:`RetentionService.delete_conference`); the application never does
that on its own, and a legal hold still stops it. Each confirmation is one unit of work
with its audit event, in the chair's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data.models_upload import UploadRow
from cpc_desktop.domain.dates import short_date
from cpc_desktop.domain.enums import MinutesState
from cpc_desktop.domain.retention import upload_words
from cpc_desktop.services import checks as c
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.parts import PartService
from cpc_desktop.services.roles import Action

__all__ = ["Upload", "UploadService", "newest_upload", "upload_of", "uploaded_words"]

_CASE_REF_LIMIT = 200
_MV = m.MinutesVersionRow


@dataclass(frozen=True)
class Upload:
    """An issued minutes version confirmed as uploaded to the case system."""

    reference: str
    version: str
    uploaded_on: date
    case_ref: str
    confirmed_by: str
    confirmed_at: datetime

    @property
    def words(self) -> str:
        """ "uploaded to the case system on 3 Dec 2026, ref CS-1 (version 1)"."""
        return upload_words(self.uploaded_on, self.case_ref, self.version)


def upload_of(reference: str, row: UploadRow) -> Upload:
    return Upload(
        reference=reference,
        version=row.version,
        uploaded_on=row.uploaded_on,
        case_ref=row.case_ref,
        confirmed_by=row.confirmed_by,
        confirmed_at=row.row_created_at,
    )


def _newest_issued(session: Session, conference_id: str) -> _MV | None:
    return session.scalar(
        sa.select(_MV)
        .where(_MV.conference_id == conference_id, _MV.state == MinutesState.ISSUED)
        .order_by(_MV.position.desc())
        .limit(1)
    )


def newest_upload(session: Session, conference_id: str) -> UploadRow | None:
    """The confirmed upload of the conference's newest issued minutes, if there is one
    (an upload of an earlier version does not cover a later one)."""
    newest = _newest_issued(session, conference_id)
    if newest is None:
        return None
    return session.scalar(sa.select(UploadRow).where(UploadRow.minutes_version_id == newest.id))


def uploaded_words(session: Session) -> dict[str, str]:
    """For each conference whose newest issued minutes are confirmed as uploaded, that
    upload in words (by conference id). Few conferences have one: one query for them."""
    sent = list(session.scalars(sa.select(UploadRow)))
    if not sent:
        return {}
    newest = (
        sa.select(_MV.conference_id, sa.func.max(_MV.position).label("top"))
        .where(
            _MV.conference_id.in_({row.conference_id for row in sent}),
            _MV.state == MinutesState.ISSUED,
        )
        .group_by(_MV.conference_id)
        .subquery()
    )
    ids = set(
        session.scalars(
            sa.select(_MV.id).join(
                newest,
                sa.and_(_MV.conference_id == newest.c.conference_id, _MV.position == newest.c.top),
            )
        )
    )
    return {
        row.conference_id: upload_words(row.uploaded_on, row.case_ref, row.version)
        for row in sent
        if row.minutes_version_id in ids
    }


def _case_ref(value: object) -> str:
    path = "$.upload.case_ref"
    text = c.text(value, path).strip()
    if not text:
        raise c.refuse(path, "give the case system's reference for the upload")
    if len(text) > _CASE_REF_LIMIT:
        raise c.refuse(path, f"is too long (at most {_CASE_REF_LIMIT} characters)")
    if any(ch in text for ch in "\r\n\t"):
        raise c.refuse(path, "must be one line")
    return text


class UploadService(PartService):
    """Confirmed uploads of issued minutes, by one actor on one open store."""

    def confirm_upload(
        self, ref: str, case_ref: str, *, uploaded_on: date | None = None, version: str = ""
    ) -> Upload:
        """Record that the issued minutes of ``ref`` (``version``, else the newest issued)
        were uploaded to the case system on ``uploaded_on`` (else today) as ``case_ref``."""
        self._require(Action.MANAGE_RETENTION, "conference", ref)
        words = _case_ref(case_ref)
        today = self._clock().astimezone().date()
        when = c.day(uploaded_on, "$.upload.uploaded_on") or today
        if when > today:
            raise c.refuse("$.upload.uploaded_on", "an upload cannot be after today")
        label = c.text(version, "$.upload.version").strip()
        with self._store.unit_of_work(self._context(Action.MANAGE_RETENTION, "upload")) as w:
            s = w.session
            conference = self._conference_row(s, ref)
            chosen = self._version(s, conference, label)
            assert chosen.issued_at is not None
            if when < chosen.issued_at.date():
                raise c.refuse(
                    "$.upload.uploaded_on",
                    f"version {chosen.version} was issued on "
                    f"{short_date(chosen.issued_at.date())}, after that day",
                )
            found = s.scalar(sa.select(UploadRow).where(UploadRow.minutes_version_id == chosen.id))
            if found is not None:
                raise Conflict(
                    f"version {chosen.version} of {conference.reference}'s minutes was "
                    f"already confirmed as uploaded on {short_date(found.uploaded_on)}, "
                    f"ref {found.case_ref}"
                )
            row = UploadRow(
                id=m.new_id(),
                conference_id=conference.id,
                minutes_version_id=chosen.id,
                version=chosen.version,
                uploaded_on=when,
                case_ref=words,
                confirmed_by=self._actor.name,
                **self._meta(),
            )
            s.add(row)
            s.flush()
            w.object_id = row.id
            return upload_of(conference.reference, row)

    def uploads(self, ref: str) -> tuple[Upload, ...]:
        """The conference's confirmed uploads, newest version first."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "upload")) as w:
            conference = self._conference_row(w.session, ref)
            w.object_id = conference.id
            found = w.session.scalars(
                sa.select(UploadRow)
                .join(_MV, _MV.id == UploadRow.minutes_version_id)
                .where(UploadRow.conference_id == conference.id)
                .order_by(_MV.position.desc())
            )
            return tuple(upload_of(conference.reference, row) for row in found)

    def _version(self, s: Session, conference: m.ConferenceRow, label: str) -> _MV:
        if not label:
            newest = _newest_issued(s, conference.id)
            if newest is None:
                raise Conflict(
                    f"{conference.reference} has no issued minutes to upload; issue them first"
                )
            return newest
        found = s.scalar(
            sa.select(_MV).where(_MV.conference_id == conference.id, _MV.version == label)
        )
        if found is None:
            raise Conflict(f"{conference.reference} has no minutes version {label}")
        if found.state is not MinutesState.ISSUED:
            raise Conflict(
                f"version {label} of {conference.reference}'s minutes is not issued; "
                "only issued minutes are uploaded"
            )
        return found
