"""Outcome letters: which are needed, what each still lacks, and issuing one.

A letter is written from the profile's template for its kind and refused, with every
missing fact named, if the outcome, reasons, lead social worker, contact, next dates or
complaints route is missing. The recipient's name and address are confirmed by the
person issuing it and kept with the letter (domain.md §10 item 34). Issuing records
the letter, its file and its fingerprint in one unit of work with its audit event;
issuing several (``issue_all``) makes all or none, and writes all their files or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.domain import conference as d
from cpc_desktop.domain import transfer
from cpc_desktop.domain.enums import Language
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.letters import (
    FAMILY_KINDS,
    LetterKind,
    LetterNeed,
    LetterRequest,
    compose_letter,
    letter_languages,
    letters_needed,
    missing_facts,
)
from cpc_desktop.domain.printed import LetterDocument
from cpc_desktop.domain.private_details import find_leaks, leak_message, letter_places
from cpc_desktop.domain.profile import Profile
from cpc_desktop.domain.sides import is_family_side
from cpc_desktop.services import held
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.outputs import (
    Delivery,
    OutputPdf,
    ToPreview,
    Typeset,
    record_output,
    sha256,
    sign,
    stored_bytes,
    typeset_pdf,
)
from cpc_desktop.services.roles import Action

if TYPE_CHECKING:
    from cpc_desktop.export.signing import ChairCertificate

LETTER = "letter"


@dataclass(frozen=True)
class LetterPlan:
    """One letter the conference needs, and what stops it being written now."""

    need: LetterNeed
    missing: tuple[str, ...]
    last_address: tuple[str, ...]  # as recorded in the roll call, else as on the last letter
    issued: int  # letters of this kind already issued to this person
    #: The languages the letter will be in, in print order: the recipient's choice under
    #: a profile with Welsh (Welsh then English when not known), else English.
    languages: tuple[Language, ...] = (Language.ENGLISH,)


class LetterService(ServiceBase):
    """Composes, previews and issues the outcome letters of one conference."""

    def plan(self, ref: str) -> tuple[LetterPlan, ...]:
        record = self._load_record(Action.VIEW, ref)
        profile = self._rules.profile(record.conference.profile)
        out = []
        for need in letters_needed(record):
            sent = [
                x
                for x in record.letters
                if x.recipient_id == need.recipient_id and x.recipient_address
            ]
            same_kind = [x for x in sent if x.kind == need.kind.value]
            last = tuple(sent[-1].recipient_address.splitlines()) if sent else ()
            person = next((p for p in record.participants if p.id == need.recipient_id), None)
            if person is not None and person.address.strip():
                last = tuple(line.strip() for line in person.address.splitlines() if line.strip())
            elif need.kind is LetterKind.TRANSFER and transfer.postal_address(record.conference):
                last = transfer.postal_address(record.conference)  # as the record has it
            missing = missing_facts(record, profile, need.kind)
            languages = letter_languages(profile, _chosen(person))
            out.append(LetterPlan(need, missing, last, len(same_kind), languages))
        return tuple(out)

    def preview(self, ref: str, request: LetterRequest) -> OutputPdf:
        """The letter as it would be issued, unsigned and not recorded."""
        made = self.preview_document(ref, request)
        assert isinstance(made.document, LetterDocument)
        data = _typeset(made.document, ())
        return OutputPdf(data, made.file_name, sha256(data), False)

    def preview_document(self, ref: str, request: LetterRequest) -> ToPreview:
        """The letter :meth:`preview` shows, composed and not yet typeset."""
        record = self._load_record(Action.VIEW, ref)
        return ToPreview(self._name(record, request), self._compose(record, request))

    def issue(
        self,
        ref: str,
        request: LetterRequest,
        certificate: ChairCertificate | None = None,
        typeset: Sequence[Typeset] = (),
    ) -> OutputPdf:
        """Write the letter, sign it when a certificate is given, and record it.

        ``typeset``: the letter typeset elsewhere from :meth:`preview_document`; refused
        if the letter would now read differently."""
        return self.issue_all(ref, (request,), certificate, typeset=typeset)[0]

    def issue_all(
        self,
        ref: str,
        requests: Sequence[LetterRequest],
        certificate: ChairCertificate | None = None,
        folder: Path | None = None,
        typeset: Sequence[Typeset] = (),
    ) -> tuple[OutputPdf, ...]:
        """Issue several letters at once: all of them or none.

        Every letter is composed before any is made, so one lacking a fact refuses them
        all. With ``folder``, every file is written there (named from the reference)
        before anything is recorded; if one cannot be written, none is kept and nothing
        is recorded.
        """
        self._require(Action.ISSUE_DOCUMENTS, "letter", ref)
        now = self._clock()
        context = self._context(Action.ISSUE_DOCUMENTS, "letter")
        with Delivery() as delivery, self._store.unit_of_work(context) as work:
            s = work.session
            conference_id = self._conference_id(s, ref)
            record = repository.load_record(s, conference_id)
            assert record is not None
            documents = [self._compose(record, request) for request in requests]
            issued: list[OutputPdf] = []
            for request, document in zip(requests, documents, strict=True):
                if family_letter(record, request):
                    row = self._checked(s, record, request, document, certificate, typeset)
                    issued.append(self._release(s, record, request, row, len(issued)))
                    work.object_id = (row.letter_id or "") if len(requests) == 1 else conference_id
                    continue
                data = _typeset(document, typeset)
                if certificate is not None:
                    data = sign(data, certificate, "Outcome letter from the chair")
                letter = d.Letter(
                    id=m.new_id(),
                    kind=request.kind.value,
                    recipient_id=request.recipient_id,
                    created_at=now,
                    file_sha256=sha256(data),
                    recipient_name=request.recipient_name.strip(),
                    recipient_address="\n".join(line.strip() for line in request.address),
                )
                position = len(record.letters) + len(issued)
                repository.add_value(s, letter, conference_id, position, self._actor.name, now)
                output_id = record_output(
                    s,
                    meta=self._meta(),
                    now=now,
                    conference_id=conference_id,
                    kind=LETTER,
                    data=data,
                    certificate=certificate,
                    letter_id=letter.id,
                    recipient_id=request.recipient_id,
                )
                name = self._name(record, request)
                issued.append(
                    OutputPdf(data, name, sha256(data), certificate is not None, (), output_id)
                )
                work.object_id = letter.id if len(requests) == 1 else conference_id
            if folder is not None:
                delivery.write([(folder / pdf.file_name, pdf.data) for pdf in issued])
        return tuple(issued)

    def hold(
        self,
        ref: str,
        request: LetterRequest,
        certificate: ChairCertificate | None = None,
        typeset: Sequence[Typeset] = (),
    ) -> held.ReleaseItem:
        """Make a family letter and hold it for a second person to check; nothing is sent.

        The same letter asked for again (same recipient, address and words) is the one
        held already, checked or not.
        """
        self._require(Action.ISSUE_DOCUMENTS, "letter", ref)
        context = self._context(Action.ISSUE_DOCUMENTS, "letter")
        with self._store.unit_of_work(context) as work:
            s = work.session
            conference_id = self._conference_id(s, ref)
            work.object_id = conference_id
            record = repository.load_record(s, conference_id)
            assert record is not None
            if not family_letter(record, request):
                raise ServiceError(
                    "only letters to the family's side wait for a check; this one goes out as it is"
                )
            document = self._compose(record, request)
            row = held.matching(s, _target(record, request, document))
            if row is None:
                row = self._make_held(s, record, request, document, certificate, typeset)
            return held.item_of(row)

    def letter_bytes(self, ref: str, letter_id: str) -> bytes:
        """The exact file issued as letter ``letter_id``."""
        self._require(Action.EXPORT, "letter", letter_id)
        with self._store.unit_of_work(self._context(Action.EXPORT, "letter", letter_id)) as work:
            conference_id = self._conference_id(work.session, ref)
            content = work.session.scalar(
                sa.select(m.OutputFileRow.content).where(
                    m.OutputFileRow.conference_id == conference_id,
                    m.OutputFileRow.letter_id == letter_id,
                )
            )
        if content is None:
            raise ServiceError(f"no issued letter {letter_id!r} for {ref}")
        return content

    # --- helpers ---------------------------------------------------------------------

    def _make_held(
        self,
        s: Session,
        record: d.ConferenceRecord,
        request: LetterRequest,
        document: LetterDocument,
        certificate: ChairCertificate | None,
        typeset: Sequence[Typeset] = (),
    ) -> m.ReleaseCheckRow:
        data = _typeset(document, typeset)
        if certificate is not None:
            data = sign(data, certificate, "Outcome letter from the chair")
        output_id = record_output(
            s,
            meta=self._meta(),
            now=self._clock(),
            conference_id=record.conference.id,
            kind=LETTER,
            data=data,
            certificate=certificate,
            recipient_id=request.recipient_id,
        )
        profile = self._rules.profile(record.conference.profile)
        return held.add_held(
            s,
            _target(record, request, document),
            meta=self._meta(),
            now=self._clock(),
            author=self._actor.name,
            output_id=output_id,
            sha256=sha256(data),
            file_name=self._name(record, request),
            note=held.no_check_note(profile),
        )

    def _checked(
        self,
        s: Session,
        record: d.ConferenceRecord,
        request: LetterRequest,
        document: LetterDocument,
        certificate: ChairCertificate | None,
        typeset: Sequence[Typeset] = (),
    ) -> m.ReleaseCheckRow:
        """The held letter a second person checked (made now if the profile asks no check)."""
        row = held.matching(s, _target(record, request, document))
        profile = self._rules.profile(record.conference.profile)
        if row is None and held.no_check_note(profile):
            row = self._make_held(s, record, request, document, certificate, typeset)
        if row is None or not held.item_of(row).confirmed:
            name = request.recipient_name.strip()
            raise held.awaiting(row, f"{request.kind.value.replace('_', ' ')} letter to {name}")
        return row

    def _release(
        self,
        s: Session,
        record: d.ConferenceRecord,
        request: LetterRequest,
        row: m.ReleaseCheckRow,
        before: int,
    ) -> OutputPdf:
        """Issue the checked letter ``row``: the letter is recorded with the checked bytes."""
        assert row.output_file_id is not None
        now = self._clock()
        data = stored_bytes(s, row.output_file_id)
        if row.letter_id is None:
            letter = d.Letter(
                id=m.new_id(),
                kind=request.kind.value,
                recipient_id=request.recipient_id,
                created_at=now,
                file_sha256=sha256(data),
                recipient_name=row.recipient_name,
                recipient_address=row.recipient_address,
            )
            position = len(record.letters) + before
            repository.add_value(s, letter, record.conference.id, position, self._actor.name, now)
            output = s.get(m.OutputFileRow, row.output_file_id)
            assert output is not None
            output.letter_id = letter.id
            row.letter_id = letter.id
        held.released(s, row, now, self._actor.name)
        signed = s.get(m.OutputFileRow, row.output_file_id)
        is_signed = signed is not None and signed.signer_fingerprint is not None
        return OutputPdf(data, row.file_name, sha256(data), is_signed, (), row.output_file_id)

    def _compose(self, record: d.ConferenceRecord, request: LetterRequest) -> LetterDocument:
        profile = self._rules.profile(record.conference.profile)
        today = self._clock().astimezone().date()
        request = with_language(record, request)
        languages = letter_languages(profile, request.language)
        try:
            letter = compose_letter(
                record, profile, request, today, sender=self._sender(record, profile, languages)
            )
        except ValueError as error:  # LetterIncomplete names every missing fact
            raise ServiceError(str(error)) from None
        # A letter shows no one's private details but its recipient's own.
        recipient = next((p for p in record.participants if p.id == request.recipient_id), None)
        leaks = find_leaks(record, recipient, letter_places(letter), family=True)
        if leaks:
            who = f"This letter to {isolated(letter.recipient_name)}"
            raise ServiceError(leak_message(who, leaks[0]))
        return letter

    @staticmethod
    def _sender(
        record: d.ConferenceRecord, profile: Profile, languages: Sequence[Language] = ()
    ) -> tuple[str, ...]:
        """The letterhead: the authority's own from its settings file, else its name and
        the service (named in each of the letter's languages)."""
        if profile.authority is not None:
            return profile.authority.letterhead(tuple(languages) or (Language.ENGLISH,))
        authority = record.conference.local_authority
        lines = [authority] if authority else []
        service = " / ".join(_SERVICE[language] for language in languages or (Language.ENGLISH,))
        return (*lines, service)

    @staticmethod
    def _name(record: d.ConferenceRecord, request: LetterRequest) -> str:
        from cpc_desktop.export.filenames import default_name

        what = f"letter-{request.kind.value}"
        people = [p.id for p in record.participants]
        if request.recipient_id in people:  # a number, never the name
            what += f"-recipient-{people.index(request.recipient_id) + 1}"
        return default_name(record.conference.reference, record.conference.date, what)


#: The conference service under the authority's name on a letterhead, in each language.
_SERVICE = {
    Language.ENGLISH: "Child protection conference service",
    Language.WELSH: "Gwasanaeth cynadleddau amddiffyn plant",
}


def _chosen(person: d.Participant | None) -> Language | None:
    """The language ``person`` chose to be written to in; None when not known."""
    return None if person is None else person.language


def with_language(record: d.ConferenceRecord, request: LetterRequest) -> LetterRequest:
    """``request`` in the language its recipient chose, as the record has it.

    A letter to a participant follows their recorded choice (``Participant.language``;
    None: not known, so both languages under Wales), whatever the request says, so the
    letter made again for the release check is the letter that was held. A letter to no
    participant (a transfer letter to the other authority) keeps the request's language:
    bilingual under Wales unless the user chose one.
    """
    person = next((p for p in record.participants if p.id == request.recipient_id), None)
    if person is None:
        return request
    return replace(request, language=_chosen(person))


def family_letter(record: d.ConferenceRecord, request: LetterRequest) -> bool:
    """Whether ``request`` goes to the family's side, so a second person checks it."""
    for person in record.participants:
        if person.id == request.recipient_id:
            return is_family_side(person)
    return request.kind in FAMILY_KINDS


def _target(
    record: d.ConferenceRecord, request: LetterRequest, document: LetterDocument
) -> held.Target:
    return held.Target(
        conference_id=record.conference.id,
        kind=held.LETTER,
        recipient_id=request.recipient_id,
        source=held.source_hash(document),
        letter_kind=request.kind.value,
        recipient_name=request.recipient_name.strip(),
        recipient_address="\n".join(line.strip() for line in request.address),
    )


def _typeset(letter: LetterDocument, given: Sequence[Typeset]) -> bytes:
    """``letter`` typeset here, or the copy of it ``given`` (typeset elsewhere)."""
    return typeset_pdf(letter, given, _render)


def _render(letter: LetterDocument) -> bytes:
    from cpc_desktop.export.typeset import render_letter  # ReportLab: when first needed

    data: bytes = render_letter(letter)
    return data


__all__ = ["LETTER", "LetterKind", "LetterPlan", "LetterRequest", "LetterService", "family_letter"]
