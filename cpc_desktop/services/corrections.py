"""Requests to correct issued minutes, and the chair's rulings on them.

A person who disputes the minutes asks for a correction; the chair records the request
and later rules on it (disclosure.md, "Corrections are visible"; domain.md §10 item 30).
An accepted or partly accepted request opens the next version (1.1, 1.2, ...) as a
draft, keeping what the issued version said (``minutes_basis``); the chair corrects the
minutes, then approves and issues the new version, whose list of changes is computed
then (:func:`changes_note`, called by ``MinutesService.approve``). A second request
accepted while that draft is open joins it. A refused (or partly accepted) request may
carry the person's statement of disagreement, printed with every later copy they or the
full record receive (``domain.corrections.statements_for``).

Only the chair records and rules (``approve_minutes``); every step is one unit of work
with one audit event naming the chair, and refused input changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository, rows
from cpc_desktop.domain import approval
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.corrections import (
    CorrectionRequest,
    amendment_reason,
    change_words,
    content_changes,
    opens_version,
    ruling_problem,
    ruling_words,
)
from cpc_desktop.domain.entry_index import EntryLine, entry_lines
from cpc_desktop.domain.enums import CorrectionRuling, MinutesState
from cpc_desktop.domain.inert import isolated
from cpc_desktop.services import checks as c
from cpc_desktop.services.errors import Conflict, NotFound, ServiceError
from cpc_desktop.services.parts import PartService, own, row
from cpc_desktop.services.roles import Action

__all__ = [
    "CorrectionBook",
    "CorrectionLine",
    "CorrectionService",
    "EntryList",
    "Ruled",
    "changes_note",
    "open_version",
    "requests_of",
]

#: The most a name, and a text, of a request may hold.
NAME_LENGTH = 200
TEXT_LENGTH = 20_000


@dataclass(frozen=True)
class CorrectionLine:
    """One request as the screen and the command line list it."""

    request: CorrectionRequest
    state: str  # "waiting for the chair's ruling", "refused on 03/12/2026"
    version: str  # the version disputed ("1.0"), or ""
    correction: str  # the version an accepted request opened ("1.1"), or ""


@dataclass(frozen=True)
class CorrectionBook:
    reference: str
    people: tuple[tuple[str, str], ...]  # (id, name) of each participant
    lines: tuple[CorrectionLine, ...]


@dataclass(frozen=True)
class EntryList:
    """The minute entries of an issued version, numbered (the numbers
    ``record_request``'s caller may be given instead of an id)."""

    reference: str
    version: str  # "1.0"
    lines: tuple[EntryLine, ...]


@dataclass(frozen=True)
class Ruled:
    """A ruling recorded; ``opened`` is the version it opened or joined (or ``None``)."""

    request: CorrectionRequest
    opened: d.MinutesVersion | None


def _value(found: m.CorrectionRequestRow) -> CorrectionRequest:
    return CorrectionRequest(
        id=found.id,
        received=found.received,
        requested_by=found.requested_by,
        disputed=found.disputed,
        asked=found.asked,
        participant_id=found.participant_id,
        entry_id=found.entry_id,
        version_id=found.version_id,
        ruling=CorrectionRuling(found.ruling),
        reasons=found.reasons,
        ruled_at=found.ruled_at,
        ruled_by=found.ruled_by,
        statement=found.statement,
        correction_version_id=found.correction_version_id,
    )


def requests_of(session: Session, conference_id: str) -> tuple[CorrectionRequest, ...]:
    """The conference's correction requests, oldest first."""
    found = rows.ordered(
        session, m.CorrectionRequestRow, m.CorrectionRequestRow.conference_id == conference_id
    )
    return tuple(_value(x) for x in found)


def _basis(session: Session, version_id: str) -> m.MinutesBasisRow | None:
    return session.scalar(
        sa.select(m.MinutesBasisRow).where(m.MinutesBasisRow.version_id == version_id)
    )


def open_version(
    session: Session,
    record: d.ConferenceRecord,
    reason: str,
    meta: dict[str, object],
    now: datetime,
) -> d.MinutesVersion:
    """Open the draft correcting the issued version, keeping what that version said."""
    version = approval.amend(record, new_id=m.new_id(), note=reason, at=now)
    who = str(meta["row_created_by"])
    repository.add_value(
        session, version, record.conference.id, len(record.minutes_versions), who, now
    )
    session.add(
        m.MinutesBasisRow(
            version_id=version.id,
            reason=reason.strip(),
            content=approval.canonical_content(record),
            **meta,
        )
    )
    return version


def changes_note(
    session: Session, record: d.ConferenceRecord, version: d.MinutesVersion
) -> str | None:
    """The computed changes of a correcting draft about to be approved, after why it was
    opened; ``None`` when nothing was kept to compare with (opened before this was kept).
    Refused when the draft changes nothing."""
    if version.supersedes_id is None:
        return None
    basis = _basis(session, version.id)
    if basis is None:
        return None
    changes = content_changes(json.loads(basis.content), approval.content_document(record))
    if not changes:
        raise ServiceError(
            f"version {version.version} changes nothing yet: correct the minutes "
            "before approving it"
        )
    return change_words(basis.reason, changes)


def later_statement(session: Session, conference_id: str, since: datetime | None) -> bool:
    """Whether a statement of disagreement was kept with the record after ``since``."""
    return any(
        r.statement and r.ruled_at is not None and (since is None or r.ruled_at > since)
        for r in requests_of(session, conference_id)
    )


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


class CorrectionService(PartService):
    """The correction requests of one conference, recorded and ruled on by the chair."""

    def requests(self, ref: str) -> CorrectionBook:
        """Every request to correct the conference's minutes, with its state."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "correction_request")) as w:
            conference = self._conference_row(w.session, ref)
            w.object_id = conference.id
            record = repository.load_record(w.session, conference.id)
            found = requests_of(w.session, conference.id)
        assert record is not None
        numbers = {v.id: v.version for v in record.minutes_versions}
        lines = tuple(
            CorrectionLine(
                request=r,
                state=_state(r),
                version=numbers.get(r.version_id or "", ""),
                correction=numbers.get(r.correction_version_id or "", ""),
            )
            for r in found
        )
        people = tuple((p.id, isolated(p.name)) for p in record.participants)
        return CorrectionBook(record.conference.reference, people, lines)

    def entries(self, ref: str, version: str | None = None) -> EntryList:
        """The minute entries of issued version ``version`` ("1.0"; by default the newest
        issued, the one a request disputes), numbered in the order of the agenda, with
        their ids, items, speakers and first words. Chairs only; audited as a view."""
        self._require(Action.APPROVE_MINUTES, "minutes_version", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "minutes_version")) as w:
            s = w.session
            record, issued = _issued(
                s, self._conference_row(s, ref), "no version of these minutes has been issued"
            )
            wanted = issued[-1] if version is None else None
            for v in issued:
                if version is not None and v.version == version.strip():
                    wanted = v
            if wanted is None:
                numbers = ", ".join(v.version for v in issued)
                raise NotFound(f"no issued version {version!r}: the issued versions are {numbers}")
            w.object_id = wanted.id
            later = [v for v in record.minutes_versions if v.supersedes_id == wanted.id]
            if not later:  # still the newest: the minutes are as it issued them
                doc = approval.content_document(record)
            else:
                basis = _basis(s, later[0].id)
                if basis is None:
                    raise NotFound(
                        f"what version {wanted.version} said was not kept when version "
                        f"{later[0].version} was opened"
                    )
                doc = json.loads(basis.content)
        return EntryList(record.conference.reference, wanted.version, entry_lines(doc))

    def record_request(
        self,
        ref: str,
        *,
        requested_by: str,
        received: date,
        disputed: str,
        asked: str,
        participant_id: str | None = None,
        entry_id: str | None = None,
    ) -> CorrectionRequest:
        """Record a request to correct the issued minutes, received on ``received``.

        ``participant_id``: the person in the roll call (their name is then taken from it);
        otherwise ``requested_by`` names them. ``entry_id``: the entry disputed, if one.
        """
        self._require(Action.APPROVE_MINUTES, "correction_request", ref)
        disputed = _text(disputed, "say which entry or passage is disputed")
        asked = _text(asked, "say what the person asks to be changed")
        when = c.day(received, "received")
        if when is None:
            raise ServiceError("say when the request was received")
        if when > self._clock().astimezone().date():
            raise ServiceError("a request cannot be received after today")
        with self._store.unit_of_work(
            self._context(Action.APPROVE_MINUTES, "correction_request")
        ) as w:
            s = w.session
            conference = self._conference_row(s, ref)
            record, issued = _issued(
                s, conference, "until they are issued the chair can still change them"
            )
            if participant_id:
                person = own(s, m.ParticipantRow, participant_id, conference.id, "participant")
                name = person.name.strip()
            else:
                name = " ".join(requested_by.split())
            if not name:
                raise ServiceError("say who asks for the correction")
            if len(name) > NAME_LENGTH:
                raise ServiceError(f"a name can be at most {NAME_LENGTH} characters")
            if entry_id and entry_id not in {e.id for e in record.minutes}:
                raise NotFound("that minute entry is not part of this conference")
            listed = requests_of(s, conference.id)
            found = m.CorrectionRequestRow(
                conference_id=conference.id,
                position=len(listed),
                received=when,
                requested_by=name,
                participant_id=participant_id or None,
                entry_id=entry_id or None,
                version_id=issued[-1].id,
                disputed=disputed,
                asked=asked,
                ruling=CorrectionRuling.PENDING,
                reasons="",
                statement="",
                **self._meta(),
            )
            s.add(found)
            s.flush()
            w.object_id = found.id
            return _value(found)

    def rule(
        self,
        ref: str,
        request_id: str,
        ruling: CorrectionRuling | str,
        reasons: str,
        statement: str = "",
    ) -> Ruled:
        """Record the chair's ruling; accepted or partly accepted opens the next version
        (or joins the correction already open). ``statement``: the person's statement of
        disagreement, for a refused or partly accepted request."""
        self._require(Action.APPROVE_MINUTES, "correction_request", request_id)
        chosen = c.choice(CorrectionRuling, ruling, "ruling")
        reasons = reasons.strip()
        statement = statement.strip()
        problem = ruling_problem(chosen, reasons, statement)
        if problem:
            raise ServiceError(problem)
        for text in (reasons, statement):
            if len(text) > TEXT_LENGTH:
                raise ServiceError(f"a text can be at most {TEXT_LENGTH} characters")
        with self._store.unit_of_work(
            self._context(Action.APPROVE_MINUTES, "correction_request", request_id)
        ) as w:
            s = w.session
            conference = self._conference_row(s, ref)
            found = row(s, m.CorrectionRequestRow, request_id, "correction request")
            if found.conference_id != conference.id:
                raise NotFound("that correction request is not part of this conference")
            if found.ruling is not CorrectionRuling.PENDING:
                raise Conflict(f"this request was {ruling_words(found.ruling)} already")
            now = self._clock()
            changes: dict[str, object] = {
                "ruling": chosen,
                "reasons": reasons,
                "statement": statement,
                "ruled_at": now,
                "ruled_by": self._actor.name,
            }
            opened = None
            if opens_version(chosen):
                record = repository.load_record(s, conference.id)
                assert record is not None
                reason = amendment_reason(replace(_value(found), ruling=chosen, reasons=reasons))
                opened = self._open_or_join(s, record, reason, now)
                changes["correction_version_id"] = opened.id
            self._apply(found, changes)
            s.flush()
            return Ruled(_value(found), opened)

    def _open_or_join(
        self, s: Session, record: d.ConferenceRecord, reason: str, now: datetime
    ) -> d.MinutesVersion:
        current = approval.current(record)
        assert current is not None  # a request is recorded only once minutes are issued
        if current.state is MinutesState.ISSUED:
            return open_version(s, record, reason, self._meta(), now)
        basis = _basis(s, current.id)
        if current.state is MinutesState.DRAFT and basis is not None:
            basis.reason = f"{basis.reason}\n{reason}"
            self._touch(basis)
            return current
        raise Conflict(
            f"version {current.version} is {current.state.value}: issue it (or reopen it) "
            "before accepting another correction"
        )


def _issued(
    session: Session, conference: m.ConferenceRow, otherwise: str
) -> tuple[d.ConferenceRecord, list[d.MinutesVersion]]:
    """The conference's record and its issued versions, oldest first; refused (saying
    ``otherwise``) when none is issued."""
    record = repository.load_record(session, conference.id)
    assert record is not None
    issued = [v for v in record.minutes_versions if v.state is MinutesState.ISSUED]
    if not issued:
        raise Conflict(f"only issued minutes can be disputed: {otherwise}")
    return record, issued


def _text(value: str, blank: str) -> str:
    value = value.strip()
    if not value:
        raise ServiceError(blank)
    if len(value) > TEXT_LENGTH:
        raise ServiceError(f"a text can be at most {TEXT_LENGTH} characters")
    return value


def _state(request: CorrectionRequest) -> str:
    if request.ruled_at is None:
        return ruling_words(request.ruling)
    day = _day(request.ruled_at.astimezone().date())
    return f"{ruling_words(request.ruling)} on {day}"
