"""Who was sent what, and when: the distribution tracker (domain.md §10 item 31).

The decision letter is due one working day after the conference and the full minutes
15 or 20 working days after (the profile says which). Each invited person gets one line,
and so does each person on the family side with parental responsibility, invited or not
(they are always told the outcome, as :func:`~cpc_desktop.domain.letters.letters_needed`
writes to them): the copy they should receive (the family side a family copy, the
professional side the full one), when each item went and which version, and whether it
is late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind, ParticipantRole
from cpc_desktop.domain.sides import (
    entitlement_problem,
    has_parental_responsibility,
    is_family_side,
)
from cpc_desktop.domain.timescales import decision_letter_due, minutes_due
from cpc_desktop.services import held
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.errors import NotFound, ServiceError
from cpc_desktop.services.roles import Action
from cpc_desktop.services.rules import timescale_params
from cpc_desktop.services.summaries import DECISION_LETTER as DECISION_LETTER
from cpc_desktop.services.summaries import FULL_MINUTES as FULL_MINUTES

ITEMS = (DECISION_LETTER, FULL_MINUTES)
_NOT_SENT_TO = frozenset({ParticipantRole.CHAIR, ParticipantRole.MINUTE_TAKER})


@dataclass(frozen=True)
class Sent:
    at: datetime
    copy: CopyKind
    method: str
    minutes_version: str | None  # "1.0"


@dataclass(frozen=True)
class DistributionLine:
    participant_id: str
    name: str
    role: ParticipantRole
    copy: CopyKind  # what this person should receive
    letter_due: date
    letter_sent: Sent | None
    letter_overdue: bool
    minutes_due: date
    minutes_sent: Sent | None
    minutes_overdue: bool


class DistributionService(ServiceBase):
    """The tracker for one conference, and recording that something was sent."""

    def tracker(self, ref: str) -> tuple[DistributionLine, ...]:
        return self._lines(self._load_record(Action.VIEW, ref))

    def record_sent(
        self,
        ref: str,
        participant_id: str,
        item: str,
        *,
        copy: CopyKind,
        method: str,
        minutes_version_id: str | None = None,
        letter_id: str | None = None,
    ) -> d.Distribution:
        """Note that ``item`` went to one person now, by ``method`` (post, secure e-mail...)."""
        self._require(Action.ISSUE_DOCUMENTS, "distribution", ref)
        if item not in ITEMS:
            raise ServiceError(f"unknown item {item!r}: expected one of {', '.join(ITEMS)}")
        now = self._clock()
        context = self._context(Action.ISSUE_DOCUMENTS, "distribution")
        with self._store.unit_of_work(context) as work:
            s = work.session
            conference_id = self._conference_id(s, ref)
            record = repository.load_record(s, conference_id)
            assert record is not None
            people = {p.id: p for p in record.participants}
            if participant_id not in people:
                raise NotFound(f"no participant {participant_id!r} in {ref}")
            person = people[participant_id]
            refusal = entitlement_problem(person, full=copy is CopyKind.FULL)
            if refusal:
                raise ServiceError(refusal)
            if minutes_version_id and minutes_version_id not in {
                v.id for v in record.minutes_versions
            }:
                raise NotFound(f"no minutes version {minutes_version_id!r} in {ref}")
            if letter_id and letter_id not in {x.id for x in record.letters}:
                raise NotFound(f"no letter {letter_id!r} in {ref}")
            if (item == FULL_MINUTES and copy is CopyKind.FAMILY) or (
                item == DECISION_LETTER and is_family_side(person)
            ):
                self._checked(s, record, person, item, minutes_version_id, letter_id)
            sent = d.Distribution(
                id=m.new_id(),
                participant_id=participant_id,
                item=item,
                copy=copy,
                sent_at=now,
                minutes_version_id=minutes_version_id,
                letter_id=letter_id,
                method=method.strip(),
            )
            position = len(record.distributions)
            repository.add_value(s, sent, conference_id, position, self._actor.name, now)
            work.object_id = sent.id
        return sent

    def _checked(
        self,
        s: Session,
        record: d.ConferenceRecord,
        person: d.Participant,
        item: str,
        minutes_version_id: str | None,
        letter_id: str | None,
    ) -> None:
        """Refuse unless a second person checked what ``person`` is sent (the release
        check), and note that copy as released; with the check turned off by the
        profile, the reason is what is recorded."""
        r = m.ReleaseCheckRow
        minutes = item == FULL_MINUTES
        query = (
            sa.select(r)
            .where(
                r.conference_id == record.conference.id,
                r.kind == (held.MINUTES_FAMILY if minutes else held.LETTER),
                sa.or_(r.checked_by.is_not(None), r.check_note != ""),
                sa.or_(r.recipient_id == person.id, r.recipient_id.is_(None))
                if minutes
                else r.recipient_id == person.id,
            )
            .order_by(r.made_at.desc())
        )
        if minutes_version_id:
            query = query.where(r.minutes_version_id == minutes_version_id)
        if letter_id:
            query = query.where(r.letter_id == letter_id)
        row = s.scalars(query).first()
        if row is not None:
            held.released(s, row, self._clock(), self._actor.name)
            return
        if held.no_check_note(self._rules.profile(record.conference.profile)):
            return
        what = "family copy of the minutes" if minutes else "decision letter"
        raise held.AwaitingCheck(
            f"no {what} for {person.name} has been checked by a second person, so none "
            "can be recorded as sent: hold it for a check first"
        )

    def _lines(self, record: d.ConferenceRecord) -> tuple[DistributionLine, ...]:
        conference = record.conference
        profile = self._rules.profile(conference.profile)
        params = timescale_params(profile)
        today = self._clock().astimezone().date()
        calendar = self._rules.calendar(profile.division, (conference.date, today))
        letter_by = decision_letter_due(
            conference.date, calendar, days=params.decision_letter_days, unit=params.unit
        )
        minutes_by = minutes_due(
            conference.date, calendar, days=params.minutes_days, unit=params.unit
        )
        versions = {v.id: v.version for v in record.minutes_versions}
        lines = []
        for person in record.participants:
            if person.role in _NOT_SENT_TO or not _sent_to(person):
                continue
            mine = [x for x in record.distributions if x.participant_id == person.id]
            letter = _first(mine, DECISION_LETTER, versions)
            minutes = _first(mine, FULL_MINUTES, versions)
            lines.append(
                DistributionLine(
                    participant_id=person.id,
                    name=person.name,
                    role=person.role,
                    copy=CopyKind.FAMILY if is_family_side(person) else CopyKind.FULL,
                    letter_due=letter_by,
                    letter_sent=letter,
                    letter_overdue=_late(letter, letter_by, today),
                    minutes_due=minutes_by,
                    minutes_sent=minutes,
                    minutes_overdue=_late(minutes, minutes_by, today),
                )
            )
        return tuple(lines)


def _sent_to(person: d.Participant) -> bool:
    """Whether ``person`` is sent the outcome: invited, or family with parental
    responsibility."""
    return person.invited or has_parental_responsibility(person)


def _first(sent: list[d.Distribution], item: str, versions: dict[str, str]) -> Sent | None:
    matching = sorted((x for x in sent if x.item == item), key=lambda x: x.sent_at)
    if not matching:
        return None
    first = matching[0]
    version = versions.get(first.minutes_version_id or "")
    return Sent(first.sent_at, first.copy, first.method, version)


def _late(sent: Sent | None, due: date, today: date) -> bool:
    if sent is None:
        return today > due
    return sent.at.astimezone().date() > due
