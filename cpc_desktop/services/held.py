"""Family copies and family letters held for the release check: the rows and the rules.

Shared by the minutes, the letters, the distribution tracker and the release service.
A held copy is made once, its exact bytes kept in ``output_file``; a ``release_check``
row says whose it is, for whom, what it was made from (``source_hash``), and who
checked it. A check stays good while the copy would still come out the same: when the
minutes or the letter change, the copy is made and checked again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.domain.profile import Profile
from cpc_desktop.services.errors import ServiceError

MINUTES_FAMILY = "minutes_family"
LETTER = "letter"
ANY_FAMILY_MEMBER = "any family member"


class AwaitingCheck(ServiceError):
    """A family copy or letter has not been checked by a second person yet."""

    def __init__(self, message: str, check_id: str | None = None) -> None:
        super().__init__(message)
        self.check_id = check_id


@dataclass(frozen=True)
class ReleaseItem:
    """One held family copy or family letter, and where its check stands."""

    id: str
    conference_id: str
    kind: str  # MINUTES_FAMILY or LETTER
    recipient_id: str | None
    recipient_name: str  # ANY_FAMILY_MEMBER for a family copy made for no one person
    letter_kind: str | None
    minutes_version_id: str | None
    file_name: str
    sha256: str
    author: str
    made_at: datetime
    checked_by: str | None
    checked_at: datetime | None
    check_note: str  # "no check: <reason>" when the profile turns the check off
    released_at: datetime | None
    output_file_id: str | None

    @property
    def confirmed(self) -> bool:
        """Whether it may be released: checked by a second person, or no check is asked."""
        return self.checked_by is not None or bool(self.check_note)

    @property
    def state(self) -> str:
        if self.released_at is not None:
            return "released"
        if self.checked_by is not None:
            return f"checked by {self.checked_by}"
        if self.check_note:
            return self.check_note
        return "awaiting a check by a second person"

    @property
    def what(self) -> str:
        if self.kind == MINUTES_FAMILY:
            return "family copy of the minutes"
        return f"{(self.letter_kind or '').replace('_', ' ')} letter"


def item_of(row: m.ReleaseCheckRow) -> ReleaseItem:
    return ReleaseItem(
        id=row.id,
        conference_id=row.conference_id,
        kind=row.kind,
        recipient_id=row.recipient_id,
        recipient_name=row.recipient_name or ANY_FAMILY_MEMBER,
        letter_kind=row.letter_kind,
        minutes_version_id=row.minutes_version_id,
        file_name=row.file_name,
        sha256=row.file_sha256,
        author=row.author,
        made_at=row.made_at,
        checked_by=row.checked_by,
        checked_at=row.checked_at,
        check_note=row.check_note,
        released_at=row.released_at,
        output_file_id=row.output_file_id,
    )


def source_hash(document: object) -> str:
    """What a copy is made from, as a hash of its laid-out text (frozen dataclasses)."""
    return hashlib.sha256(repr(document).encode("utf-8", "surrogatepass")).hexdigest()


def no_check_note(profile: Profile) -> str:
    """``"no check: <reason>"`` when ``profile`` turns the check off, else ``""``."""
    if profile.release_check:
        return ""
    return f"no check: {profile.release_check_off_reason}"


@dataclass(frozen=True)
class Target:
    """What a held copy is of: the same target and source means the same copy."""

    conference_id: str
    kind: str
    recipient_id: str | None
    source: str
    minutes_version_id: str | None = None
    letter_kind: str | None = None
    recipient_name: str = ""
    recipient_address: str = ""


def matching(s: Session, target: Target) -> m.ReleaseCheckRow | None:
    """The latest held copy of ``target`` made from the same source, if any."""
    r = m.ReleaseCheckRow
    query = (
        sa.select(r)
        .where(
            r.conference_id == target.conference_id,
            r.kind == target.kind,
            r.source_hash == target.source,
            r.recipient_id.is_(None)
            if target.recipient_id is None
            else r.recipient_id == target.recipient_id,
            r.minutes_version_id.is_(None)
            if target.minutes_version_id is None
            else r.minutes_version_id == target.minutes_version_id,
            r.recipient_address == target.recipient_address,
        )
        .order_by(r.made_at.desc())
    )
    if target.letter_kind is not None:
        query = query.where(
            r.letter_kind == target.letter_kind, r.recipient_name == target.recipient_name
        )
    return s.scalars(query).first()


def add_held(
    s: Session,
    target: Target,
    *,
    meta: Mapping[str, object],
    now: datetime,
    author: str,
    output_id: str,
    sha256: str,
    file_name: str,
    note: str,
) -> m.ReleaseCheckRow:
    """Record a newly made copy as held (``note`` set: no check asked for, see the profile)."""
    row = m.ReleaseCheckRow(
        id=m.new_id(),
        conference_id=target.conference_id,
        kind=target.kind,
        minutes_version_id=target.minutes_version_id,
        letter_kind=target.letter_kind,
        recipient_id=target.recipient_id,
        recipient_name=target.recipient_name,
        recipient_address=target.recipient_address,
        file_name=file_name,
        file_sha256=sha256,
        source_hash=target.source,
        author=author,
        made_at=now,
        check_note=note,
        output_file_id=output_id,
        **meta,
    )
    s.add(row)
    s.flush()
    return row


def released(s: Session, row: m.ReleaseCheckRow, now: datetime, by: str) -> None:
    """Note that the checked copy ``row`` left: written, printed or recorded as sent."""
    if row.released_at is None:
        row.released_at = now
        row.row_updated_at = now
        row.row_updated_by = by


def awaiting(row: m.ReleaseCheckRow | None, what: str) -> AwaitingCheck:
    """The refusal for a copy with no confirmed check (``row`` is the held one, if any)."""
    if row is None:
        return AwaitingCheck(f"the {what} has not been checked: hold it for a check first")
    return AwaitingCheck(f"the {what} awaits a check by a second person (check {row.id})", row.id)
