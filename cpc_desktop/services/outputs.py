"""Files that leave the application: recording them, and checking one against the store.

Every PDF issued (minutes of either copy, letters) is recorded in ``output_file`` with
its SHA-256, the signer's certificate and its bytes, in the same unit of work as the
audit event that says who issued it. ``verify`` says a file is valid only when
pyHanko's verdict holds against a certificate this store recorded *and* the file's
fingerprint is one this store recorded (security.md I2).

A call that also writes files (``Delivery``) writes all of them or none, and records
them only once all are in place: the files are written inside the unit of work, after
every PDF is made, and taken away again if the unit of work does not commit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.domain.enums import CopyKind, MinutesState
from cpc_desktop.domain.printed import LetterDocument, PrintedDocument
from cpc_desktop.domain.redaction import Redaction
from cpc_desktop.export.files import Batch, CannotWrite, write_all_atomic
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.held import source_hash as source_digest
from cpc_desktop.services.roles import Action

if TYPE_CHECKING:
    from cpc_desktop.export.signing import ChairCertificate

D = TypeVar("D", PrintedDocument, LetterDocument)


@dataclass(frozen=True)
class OutputPdf:
    """A finished PDF and what the store knows of it."""

    data: bytes
    file_name: str  # the default name: reference and date, never a child's name
    sha256: str
    signed: bool
    redactions: tuple[Redaction, ...] = ()
    output_id: str | None = None  # the ``output_file`` row, once recorded


@dataclass(frozen=True)
class ToPreview:
    """A copy to look at, not yet typeset: the document (for the screen to typeset away
    from its own thread), or the bytes of a copy that exists already (the issued file)."""

    file_name: str
    document: PrintedDocument | LetterDocument | None = None
    data: bytes = b""
    redactions: tuple[Redaction, ...] = ()
    at: datetime | None = None  # to be issued: the issue time printed in the document


@dataclass(frozen=True)
class Typeset:
    """A document typeset away from the service (by the screen's typesetting process):
    the PDF, the digest (:func:`source_digest`) of the document it was typeset from, and
    for minutes to be issued the issue time printed in it (``ToPreview.at``).

    A service given these uses the bytes whose digest is that of the document it would
    typeset itself, and refuses if none is: the conference changed meanwhile.
    """

    source: str
    data: bytes
    at: datetime | None = None

    @classmethod
    def of(cls, made: ToPreview, data: bytes) -> Typeset:
        assert made.document is not None
        return cls(source_digest(made.document), data, made.at)


#: How long a copy typeset for issuing stays good (its printed issue time is then).
ISSUE_WINDOW = timedelta(hours=1)

CHANGED = (
    "the conference changed while its copy was typeset, so nothing was issued or recorded: "
    "try again"
)


@dataclass(frozen=True)
class OutputRecord:
    """One ``output_file`` row, without its bytes."""

    id: str
    kind: str
    copy: CopyKind | None
    recipient_id: str | None
    minutes_version_id: str | None
    letter_id: str | None
    sha256: str
    signer_fingerprint: str | None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def typeset_pdf(document: D, given: Sequence[Typeset], render: Callable[[D], bytes]) -> bytes:
    """``document`` as a PDF: the one of ``given`` typeset from it, or typeset here when
    nothing was given. Refuses (:data:`CHANGED`) when pages were given but none is of
    this very document."""
    if not given:
        return render(document)
    digest = source_digest(document)
    for typeset in given:
        if typeset.source == digest and typeset.data.startswith(b"%PDF-"):
            return typeset.data
    raise ServiceError(CHANGED)


def issue_time(given: Sequence[Typeset], now: datetime) -> datetime:
    """The issue time to print: the one the given pages were typeset with, else ``now``.
    A time in the future or older than :data:`ISSUE_WINDOW` is refused."""
    at = next((t.at for t in given if t.at is not None), None)
    if at is None:
        return now
    if not now - ISSUE_WINDOW <= at <= now:
        raise ServiceError(CHANGED)
    return at


def sign(data: bytes, certificate: ChairCertificate, reason: str) -> bytes:
    from cpc_desktop.export.signing import sign_pdf  # pyHanko: imported when first needed

    return sign_pdf(data, certificate, reason=reason)


def record_output(
    session: Session,
    *,
    meta: Mapping[str, object],
    now: datetime,
    conference_id: str,
    kind: str,
    data: bytes,
    certificate: ChairCertificate | None,
    copy: CopyKind | None = None,
    minutes_version_id: str | None = None,
    letter_id: str | None = None,
    recipient_id: str | None = None,
    redactions: Sequence[Redaction] = (),
) -> str:
    """Add the ``output_file`` row for ``data``; returns its id."""
    row = m.OutputFileRow(
        id=m.new_id(),
        conference_id=conference_id,
        kind=kind,
        copy=copy,
        minutes_version_id=minutes_version_id,
        letter_id=letter_id,
        recipient_id=recipient_id,
        file_sha256=sha256(data),
        signer_fingerprint=None if certificate is None else certificate.fingerprint,
        signer_certificate=None if certificate is None else certificate.certificate_der,
        content=data,
        redactions=json.dumps(
            [
                {
                    "entry_id": r.entry_id,
                    "reason": r.reason.value,
                    "participant_id": r.participant_id,
                }
                for r in redactions
            ]
        ),
        created_at=now,
        **meta,
    )
    session.add(row)
    session.flush()
    return row.id


class Delivery:
    """Files written with a unit of work: kept if it commits, taken away if it does not.

    Use ``with Delivery() as delivery:`` around the unit of work and call
    ``delivery.write`` inside it once every PDF is made; a file that cannot be written
    stops the call with one line, before anything is recorded.
    """

    def __init__(self) -> None:
        self._batch: Batch | None = None

    def write(self, files: Sequence[tuple[Path, bytes]]) -> None:
        try:
            self._batch = write_all_atomic(files)
        except CannotWrite as error:
            raise ServiceError(
                f"cannot write {error.path}: no file was written and nothing was recorded"
            ) from None

    def __enter__(self) -> Delivery:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._batch is not None:
            if kind is None:
                self._batch.finish()
            else:
                self._batch.undo()
            self._batch = None


def stored_bytes(session: Session, output_id: str) -> bytes:
    row = session.get(m.OutputFileRow, output_id)
    assert row is not None
    return row.content


@dataclass(frozen=True)
class Verdict:
    """The verdict on one file (export/signing.py ``SignatureCheck``), and what this store
    knows of the minutes it belongs to.

    ``version`` is the minutes version the file was issued as ("1.0"), ``""`` for a letter.
    ``superseded_by`` is the newest *issued* version that corrects it ("1.1"), issued on
    ``superseded_on``: a genuine file may still be out of date.
    """

    valid: bool
    problem: str
    signer: str = ""
    signed_at: datetime | None = None
    fingerprint: str = ""
    version: str = ""
    superseded_by: str = ""
    superseded_on: datetime | None = None


class VerificationService(ServiceBase):
    """Checks a PDF against the signatures and fingerprints this store recorded."""

    def verify(self, data: bytes) -> Verdict:
        from cpc_desktop.export.signing import verify_file

        self._require(Action.CHECK, "file")
        digest = sha256(data)
        with self._store.unit_of_work(self._context(Action.CHECK, "file", digest)) as work:
            rows = work.session.execute(
                sa.select(m.OutputFileRow.file_sha256, m.OutputFileRow.signer_certificate)
            ).all()
            recorded = {row.file_sha256 for row in rows}
            trusted = list({row.signer_certificate for row in rows if row.signer_certificate})
            check = verify_file(data, trusted, recorded)
            verdict = Verdict(**{f.name: getattr(check, f.name) for f in fields(check)})
            if check.valid:
                verdict = _with_later_versions(work.session, digest, verdict)
        return verdict

    def outputs(self, ref: str) -> tuple[OutputRecord, ...]:
        """Every file issued for conference ``ref``, oldest first."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "conference")) as work:
            conference_id = self._conference_id(work.session, ref)
            work.object_id = conference_id
            rows = work.session.scalars(
                sa.select(m.OutputFileRow)
                .where(m.OutputFileRow.conference_id == conference_id)
                .order_by(m.OutputFileRow.created_at)
            ).all()
            return tuple(
                OutputRecord(
                    id=r.id,
                    kind=r.kind,
                    copy=r.copy,
                    recipient_id=r.recipient_id,
                    minutes_version_id=r.minutes_version_id,
                    letter_id=r.letter_id,
                    sha256=r.file_sha256,
                    signer_fingerprint=r.signer_fingerprint,
                )
                for r in rows
            )


def _with_later_versions(session: Session, digest: str, verdict: Verdict) -> Verdict:
    """``verdict`` naming the minutes version of the file with ``digest`` and the newest
    issued version that supersedes it, if any (following ``supersedes_id`` forwards)."""
    from dataclasses import replace

    version_id = session.scalars(
        sa.select(m.OutputFileRow.minutes_version_id)
        .where(m.OutputFileRow.file_sha256 == digest)
        .where(m.OutputFileRow.minutes_version_id.is_not(None))
        .limit(1)
    ).first()
    if version_id is None:
        return verdict
    this = session.get(m.MinutesVersionRow, version_id)
    if this is None:
        return verdict
    versions = session.scalars(
        sa.select(m.MinutesVersionRow).where(
            m.MinutesVersionRow.conference_id == this.conference_id
        )
    ).all()
    successors = {v.supersedes_id: v for v in versions if v.supersedes_id}
    latest, seen, step = None, {this.id}, successors.get(this.id)
    while step is not None and step.id not in seen:
        seen.add(step.id)
        if step.state is MinutesState.ISSUED:
            latest = step
        step = successors.get(step.id)
    if latest is None:
        return replace(verdict, version=this.version)
    return replace(
        verdict,
        version=this.version,
        superseded_by=latest.version,
        superseded_on=latest.issued_at,
    )
