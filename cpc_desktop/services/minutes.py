"""The minutes' life after the meeting: approve, issue signed, correct, and print copies.

Only the chair approves and issues. Approving records a content hash; issuing signs the
full copy with the chair's certificate, keeps the signed bytes and their fingerprint, and
freezes the version (a trigger refuses any change to an issued row). A correction opens
a new draft version. Every copy printed from an issued version is signed and recorded,
and a family copy records what it left out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.domain import approval
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, Language, MinutesState, Outcome
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.minutes import views_ready
from cpc_desktop.domain.minutes_document import (
    BuiltMinutes,
    MinutesCopy,
    build_minutes,
    minutes_languages,
)
from cpc_desktop.domain.printed import PrintedDocument
from cpc_desktop.domain.redaction import ruling_problems, ruling_question, rulings_needed
from cpc_desktop.domain.validation import Problem, Severity
from cpc_desktop.services import corrections, held
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.errors import RuleViolation, ServiceError
from cpc_desktop.services.minutes_copies import (
    check_entitled,
    check_private_details,
    recipient_name,
)
from cpc_desktop.services.outputs import (
    Delivery,
    OutputPdf,
    ToPreview,
    Typeset,
    issue_time,
    record_output,
    sha256,
    sign,
    stored_bytes,
    typeset_pdf,
)
from cpc_desktop.services.roles import Action

if TYPE_CHECKING:
    from datetime import datetime

    from cpc_desktop.export.signing import ChairCertificate

T = TypeVar("T")

FULL_COPY = MinutesCopy()

MINUTES_FULL = "minutes_full"
MINUTES_FAMILY = "minutes_family"


@dataclass(frozen=True)
class MinutesStatus:
    reference: str
    versions: tuple[d.MinutesVersion, ...]
    current: d.MinutesVersion | None
    editable: bool
    problems: tuple[Problem, ...]  # what stops approval now (empty when it may go ahead)
    rulings: tuple[RulingAsked, ...] = ()  # every ruling the chair must make first


@dataclass(frozen=True)
class RulingAsked:
    """An entry changed while ``participant_id`` was out of the room, awaiting the chair:
    the person's name, the question (:func:`~cpc_desktop.domain.redaction.ruling_question`)
    and the entry's first words, for the chair to recognise it on their screen."""

    entry_id: str
    participant_id: str
    person: str
    question: str
    opening: str


#: How much of an entry's text the chair is shown beside a ruling.
OPENING = 90


def rulings_asked(record: d.ConferenceRecord) -> tuple[RulingAsked, ...]:
    """Every ruling approval waits for, each with what the chair needs to decide it."""
    names = {p.id: p.name for p in record.participants}
    texts = {e.id: " ".join(e.text.split()) for e in record.minutes}
    return tuple(
        RulingAsked(
            r.entry_id,
            r.participant_id,
            names[r.participant_id],
            ruling_question(record, r),
            texts[r.entry_id][:OPENING] + ("…" if len(texts[r.entry_id]) > OPENING else ""),
        )
        for r in rulings_needed(record)
    )


def approval_problems(record: d.ConferenceRecord) -> tuple[Problem, ...]:
    """Errors that stop the chair approving: views unrecorded, a child without a decision,
    an entry changed while someone was out of the room awaiting the chair's ruling."""
    problems = [p for p in views_ready(record) if p.severity is Severity.ERROR]
    problems.extend(ruling_problems(record))
    decided = {x.child_id for x in record.decisions if x.outcome is not None}
    adjourned = any(x.outcome is Outcome.ADJOURN for x in record.decisions)
    for index, child in enumerate(record.children):
        if child.id not in decided and not adjourned:
            name = child_name(child, blank="")
            problems.append(
                Problem(
                    "no_decision",
                    f"no decision is recorded for {name}: run the decision wizard",
                    f"children[{index}]",
                )
            )
    return tuple(problems)


class MinutesService(ServiceBase):
    """Approval, issue, correction and printing of one conference's minutes."""

    def status(self, ref: str) -> MinutesStatus:
        record = self._load_record(Action.VIEW, ref)
        return MinutesStatus(
            reference=record.conference.reference,
            versions=record.minutes_versions,
            current=approval.current(record),
            editable=approval.editable(record),
            problems=approval_problems(record),
            rulings=rulings_asked(record),
        )

    def ready_to_finalise(self, ref: str) -> tuple[Problem, ...]:
        """What stops the minutes being finalised: views neither recorded nor explained.

        The views part of :func:`approval_problems`, warnings included, for the minute
        screen's check before the meeting ends.
        """
        return views_ready(self._load_record(Action.VIEW, ref))

    def approve(self, ref: str) -> d.MinutesVersion:
        """Approve the current draft as the chair. Raises RuleViolation listing what is missing."""

        def step(s: Session, record: d.ConferenceRecord) -> d.MinutesVersion:
            problems = approval_problems(record)
            if problems:
                raise RuleViolation([("$." + p.path, p.message) for p in problems])
            version = approval.approve(
                record, new_id=m.new_id(), chair=self._actor.name, at=self._clock()
            )
            note = corrections.changes_note(s, record, version)  # a correction: computed
            if note is not None:
                version = dataclasses.replace(version, amendment_note=note)
            self._save_version(s, record, version)
            return version

        return self._change(Action.APPROVE_MINUTES, ref, step)

    def reopen(self, ref: str) -> d.MinutesVersion:
        """Withdraw an approval that has not been issued, so the draft can be edited again."""

        def step(s: Session, record: d.ConferenceRecord) -> d.MinutesVersion:
            version = approval.current(record)
            if version is None or version.state is not MinutesState.APPROVED:
                raise ServiceError("only approved, unissued minutes can be reopened")
            draft = d.MinutesVersion(
                id=version.id,
                version=version.version,
                state=MinutesState.DRAFT,
                created_at=version.created_at,
                supersedes_id=version.supersedes_id,
                amendment_note=version.amendment_note,
            )
            repository.update_value(s, draft, self._actor.name, self._clock())
            return draft

        return self._change(Action.APPROVE_MINUTES, ref, step)

    def amend(self, ref: str, note: str) -> d.MinutesVersion:
        """Open a new draft version correcting the issued one; ``note`` says why (the
        changes themselves are listed when it is approved, see ``services.corrections``)."""

        def step(s: Session, record: d.ConferenceRecord) -> d.MinutesVersion:
            return corrections.open_version(s, record, note, self._meta(), self._clock())

        return self._change(Action.APPROVE_MINUTES, ref, step)

    def issue(
        self, ref: str, certificate: ChairCertificate, typeset: Sequence[Typeset] = ()
    ) -> OutputPdf:
        """Sign the approved full copy (or ``typeset``, the one :meth:`issue_document` gave,
        typeset elsewhere), keep it, record its fingerprint, freeze the version."""

        def step(s: Session, record: d.ConferenceRecord) -> OutputPdf:
            issued_at = issue_time(typeset, self._clock())
            printed, built = self._to_issue(s, record, issued_at)
            data = sign(
                _typeset(built.document, typeset),
                certificate,
                "Minutes approved and issued by the chair",
            )
            final = dataclasses.replace(printed, file_sha256=sha256(data))
            repository.update_value(s, final, self._actor.name, issued_at)
            output_id = self._record(s, record, final, MinutesCopy(), data, certificate, built)
            return OutputPdf(
                data, _file_name(record, final, MinutesCopy()), sha256(data), True, (), output_id
            )

        return self._change(Action.ISSUE_DOCUMENTS, ref, step)

    def issue_document(self, ref: str) -> ToPreview:
        """What :meth:`issue` would sign now, not yet typeset (with its issue time)."""
        record = self._load_record(Action.VIEW, ref)
        at = self._clock()
        with self._store.reading() as s:
            _, built = self._to_issue(s, record, at)
        name = _file_name(record, approval.current(record), FULL_COPY)
        return ToPreview(name, built.document, at=at)

    def _to_issue(
        self, s: Session, record: d.ConferenceRecord, at: datetime
    ) -> tuple[d.MinutesVersion, BuiltMinutes]:
        version = approval.current(record)
        if version is None or version.state is not MinutesState.APPROVED:
            raise ServiceError("approve the minutes before issuing them")
        # The printed version already says "issued" and when: it is what is signed.
        # approval.issue checks the content hash (costly): _build need not again.
        printed = approval.issue(record, file_sha256="0" * 64, at=at)
        return printed, self._build(record, MinutesCopy(), printed, s, hashed=True)

    def preview(self, ref: str, which: MinutesCopy = FULL_COPY) -> OutputPdf:
        """The copy as it stands, unsigned and unrecorded: for looking at, not for sending."""
        made = self.preview_document(ref, which)
        if made.document is None:  # the issued file itself
            return OutputPdf(made.data, made.file_name, sha256(made.data), True)
        assert isinstance(made.document, PrintedDocument)
        data = _typeset(made.document, ())
        return OutputPdf(data, made.file_name, sha256(data), False, made.redactions)

    def preview_document(self, ref: str, which: MinutesCopy = FULL_COPY) -> ToPreview:
        """What :meth:`preview` shows, before it is typeset: the document, or the issued,
        signed file when that is the copy asked for (nothing is recorded)."""
        record = self._load_record(Action.VIEW, ref)
        check_entitled(record, which)
        version = approval.current(record)
        built: BuiltMinutes | None = None
        with self._store.reading() as s:
            issued = version is not None and version.state is MinutesState.ISSUED
            if not (version and issued and self._as_issued(s, record, which, version)):
                built = self._build(record, which, version, s)
        if built is None:  # the issued file itself
            assert version is not None
            copy = self._issued_copy(record, version)
            return ToPreview(copy.file_name, data=copy.data)
        name = _file_name(record, version, which)
        return ToPreview(name, built.document, redactions=built.redactions)

    def languages(self, ref: str, which: MinutesCopy = FULL_COPY) -> tuple[Language, ...]:
        """The languages the copy ``which`` is printed in, the first first: under a profile
        with Welsh, the recipient's choice, or Welsh and English for a family copy whose
        recipient's choice is not known (domain ``minutes_languages``)."""
        record = self._load_record(Action.VIEW, ref)
        profile = self._rules.profile(record.conference.profile)
        return minutes_languages(record, profile, which)

    def export(
        self,
        ref: str,
        which: MinutesCopy = FULL_COPY,
        certificate: ChairCertificate | None = None,
        out: Path | None = None,
        typeset: Sequence[Typeset] = (),
    ) -> OutputPdf:
        """A copy to send, recorded in the store (and written to ``out`` when given).

        A draft prints unsigned with a DRAFT watermark. The full copy of issued minutes is
        the very file that was signed. Any other copy of issued minutes is signed now,
        which needs the chair's certificate. With ``out``, the copy is recorded only once
        the file is durably written, and the file is removed if recording fails.

        A family copy goes out only once a second person has checked it (``hold``, then
        ``session.release.confirm``): what is written is the very file they checked. If
        the profile turns the check off, it is made now and the reason is recorded.
        Otherwise :class:`~cpc_desktop.services.held.AwaitingCheck` is raised and
        nothing is written or recorded. ``typeset``: the copy typeset elsewhere from
        :meth:`preview_document` (refused if the record changed since).
        """

        def step(s: Session, record: d.ConferenceRecord) -> OutputPdf:
            pdf = make(s, record)
            if out is not None:
                delivery.write([(out, pdf.data)])
            return pdf

        def make(s: Session, record: d.ConferenceRecord) -> OutputPdf:
            check_entitled(record, which)
            version = approval.current(record)
            state = None if version is None else version.state
            if state is MinutesState.APPROVED:
                raise ServiceError("these minutes are approved but not issued: issue them first")
            name = _file_name(record, version, which)
            if which.copy is CopyKind.FAMILY:
                return self._release(s, record, version, which, certificate, typeset)
            if (
                version
                and state is MinutesState.ISSUED
                and self._as_issued(s, record, which, version)
            ):
                output_id = _issued_output_id(s, version)
                data = stored_bytes(s, output_id)
                return OutputPdf(data, name, sha256(data), True, (), output_id)
            built = self._build(record, which, version, s)
            # A full draft (family copies are released above), or a full copy of issued
            # minutes in the language a professional chose: signed now, as a family copy.
            data, signer = _typeset(built.document, typeset), None
            if state is MinutesState.ISSUED:
                if certificate is None:
                    raise ServiceError(
                        "a copy of issued minutes in another language must be signed: "
                        "choose your certificate"
                    )
                data, signer = sign(data, certificate, "Copy of issued minutes"), certificate
            output_id = self._record(s, record, version, which, data, signer, built)
            return OutputPdf(
                data, name, sha256(data), state is not None, built.redactions, output_id
            )

        with Delivery() as delivery:
            return self._change(Action.EXPORT, ref, step)

    def hold(
        self,
        ref: str,
        which: MinutesCopy,
        certificate: ChairCertificate | None = None,
        typeset: Sequence[Typeset] = (),
    ) -> held.ReleaseItem:
        """Make a family copy and hold it for a second person to check; nothing is written.

        The same copy asked for again (nothing it shows has changed) is the one held
        already, checked or not. A copy of issued minutes is signed now, with
        ``certificate``, so that what is checked is exactly what is sent.
        """
        if which.copy is not CopyKind.FAMILY:
            raise ServiceError("only family copies wait for a check; a full copy goes out as it is")

        def step(s: Session, record: d.ConferenceRecord) -> held.ReleaseItem:
            version = approval.current(record)
            state = None if version is None else version.state
            if state is MinutesState.APPROVED:
                raise ServiceError("these minutes are approved but not issued: issue them first")
            built = self._build(record, which, version, s)
            target = _target(record, version, which, built)
            row = held.matching(s, target)
            if row is None:
                row = self._make_held(s, record, version, which, built, certificate, typeset)
            return held.item_of(row)

        return self._change(Action.EXPORT, ref, step)

    # --- helpers ---------------------------------------------------------------------

    def _as_issued(
        self, s: Session, record: d.ConferenceRecord, which: MinutesCopy, version: d.MinutesVersion
    ) -> bool:
        """Whether ``which`` is the full copy as it was issued (in English): not one for a
        professional who chose another language, nor one that must carry a statement of
        disagreement kept since; those are made and signed when asked for."""
        if which.copy is not CopyKind.FULL:
            return False
        if corrections.later_statement(s, record.conference.id, version.issued_at):
            return False
        profile = self._rules.profile(record.conference.profile)
        return minutes_languages(record, profile, which) == (Language.ENGLISH,)

    def _make_held(
        self,
        s: Session,
        record: d.ConferenceRecord,
        version: d.MinutesVersion | None,
        which: MinutesCopy,
        built: BuiltMinutes,
        certificate: ChairCertificate | None,
        typeset: Sequence[Typeset] = (),
    ) -> m.ReleaseCheckRow:
        state = None if version is None else version.state
        data = _typeset(built.document, typeset)
        if state is MinutesState.ISSUED:
            if certificate is None:
                raise ServiceError(
                    "a copy of issued minutes must be signed: choose your certificate"
                )
            data = sign(data, certificate, "Copy of issued minutes")
        output_id = self._record(
            s, record, version, which, data, certificate if state else None, built
        )
        profile = self._rules.profile(record.conference.profile)
        return held.add_held(
            s,
            _target(record, version, which, built),
            meta=self._meta(),
            now=self._clock(),
            author=self._actor.name,
            output_id=output_id,
            sha256=sha256(data),
            file_name=_file_name(record, version, which),
            note=held.no_check_note(profile),
        )

    def _release(
        self,
        s: Session,
        record: d.ConferenceRecord,
        version: d.MinutesVersion | None,
        which: MinutesCopy,
        certificate: ChairCertificate | None,
        typeset: Sequence[Typeset] = (),
    ) -> OutputPdf:
        """The checked family copy, noted as released (see :meth:`export`)."""
        built = self._build(record, which, version, s)
        row = held.matching(s, _target(record, version, which, built))
        profile = self._rules.profile(record.conference.profile)
        if row is None and held.no_check_note(profile):
            row = self._make_held(s, record, version, which, built, certificate, typeset)
        if row is None or not held.item_of(row).confirmed:
            raise held.awaiting(row, "family copy")
        assert row.output_file_id is not None
        held.released(s, row, self._clock(), self._actor.name)
        data = stored_bytes(s, row.output_file_id)
        signed = version is not None
        return OutputPdf(
            data, row.file_name, sha256(data), signed, built.redactions, row.output_file_id
        )

    def _change(
        self, action: Action, ref: str, step: Callable[[Session, d.ConferenceRecord], T]
    ) -> T:
        self._require(action, "minutes", ref)
        with self._store.unit_of_work(self._context(action, "minutes")) as work:
            conference_id = self._conference_id(work.session, ref)
            work.object_id = conference_id
            record = repository.load_record(work.session, conference_id)
            assert record is not None
            try:
                return step(work.session, record)
            except approval.ApprovalError as error:
                raise ServiceError(str(error)) from None

    def _save_version(
        self, s: Session, record: d.ConferenceRecord, version: d.MinutesVersion
    ) -> None:
        known = {v.id for v in record.minutes_versions}
        if version.id in known:
            repository.update_value(s, version, self._actor.name, self._clock())
        else:
            repository.add_value(
                s, version, record.conference.id, len(known), self._actor.name, self._clock()
            )

    def _build(
        self,
        record: d.ConferenceRecord,
        which: MinutesCopy,
        version: d.MinutesVersion | None,
        s: Session,
        hashed: bool = False,
    ) -> BuiltMinutes:
        profile = self._rules.profile(record.conference.profile)
        # Every copy of approved or issued minutes is made from what was approved.
        if (
            not hashed
            and version is not None
            and version.state is not MinutesState.DRAFT
            and approval.content_hash(record) != version.content_hash
        ):
            raise ServiceError(
                f"the record no longer matches version {version.version} as it was "
                "approved, so no copy of that version can be made: open a correction "
                "to change the minutes"
            )
        try:
            asked = corrections.requests_of(s, record.conference.id)
            built = build_minutes(record, profile, which, version=version, corrections=asked)
        except ValueError as error:
            raise ServiceError(str(error)) from None
        check_private_details(record, which, built)
        return built

    def _record(
        self,
        s: Session,
        record: d.ConferenceRecord,
        version: d.MinutesVersion | None,
        which: MinutesCopy,
        data: bytes,
        certificate: ChairCertificate | None,
        built: BuiltMinutes,
    ) -> str:
        return record_output(
            s,
            meta=self._meta(),
            now=self._clock(),
            conference_id=record.conference.id,
            kind=MINUTES_FULL if which.copy is CopyKind.FULL else MINUTES_FAMILY,
            data=data,
            certificate=certificate,
            copy=which.copy,
            minutes_version_id=None if version is None else version.id,
            recipient_id=which.recipient_id,
            redactions=built.redactions,
        )

    def _issued_copy(self, record: d.ConferenceRecord, version: d.MinutesVersion) -> OutputPdf:
        """The signed file of an issued version (the record is already loaded and audited)."""
        with self._store.reading() as s:
            data = stored_bytes(s, _issued_output_id(s, version))
        name = _file_name(record, version, MinutesCopy())
        return OutputPdf(data, name, sha256(data), True)


def _target(
    record: d.ConferenceRecord,
    version: d.MinutesVersion | None,
    which: MinutesCopy,
    built: BuiltMinutes,
) -> held.Target:
    return held.Target(
        conference_id=record.conference.id,
        kind=held.MINUTES_FAMILY,
        recipient_id=which.recipient_id,
        source=held.source_hash(built.document),
        minutes_version_id=None if version is None else version.id,
        recipient_name=recipient_name(record, which.recipient_id),
    )


def _typeset(document: PrintedDocument, given: Sequence[Typeset]) -> bytes:
    """``document`` typeset here, or the copy of it ``given`` (typeset elsewhere)."""
    return typeset_pdf(document, given, _render)


def _render(document: PrintedDocument) -> bytes:
    from cpc_desktop.export.typeset import render_document  # ReportLab: when first needed

    data: bytes = render_document(document)
    return data


def _file_name(
    record: d.ConferenceRecord, version: d.MinutesVersion | None, which: MinutesCopy
) -> str:
    from cpc_desktop.export.filenames import default_name

    number = f"v{version.version}" if version else "draft"
    what = f"minutes-{which.copy.value}-{number}"
    if which.recipient_id:
        people = [p.id for p in record.participants]
        if which.recipient_id in people:  # a number, not a name
            what += f"-recipient-{people.index(which.recipient_id) + 1}"
    return default_name(record.conference.reference, record.conference.date, what)


def _issued_output_id(s: Session, version: d.MinutesVersion) -> str:
    found = s.scalar(
        sa.select(m.OutputFileRow.id).where(
            m.OutputFileRow.minutes_version_id == version.id,
            m.OutputFileRow.file_sha256 == version.file_sha256,
        )
    )
    if found is None:
        raise ServiceError(
            f"the signed file of version {version.version} is missing from the store"
        )
    return found
