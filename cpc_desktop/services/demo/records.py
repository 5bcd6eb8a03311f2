"""One sample file turned into a :class:`~cpc_desktop.domain.conference.ConferenceRecord`.

Fields are named as the domain's, and an absent one takes the domain's default. Every id
is ``uuid5(NAMESPACE, "demo/<today>/<file key>/<kind>/<stable keys>")``; dates are relative
(see :mod:`.dates`); texts may hold ``{author}`` (whoever makes the sample, who sits as
its chair), ``{<date>:long}`` and ``{<date>:year}``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import partial

from cpc_desktop.domain import conference as domain
from cpc_desktop.domain import enums
from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.dates import long_date
from cpc_desktop.services.demo.dates import clock, resolve, uk_instant
from cpc_desktop.services.demo.reader import Node, member
from cpc_desktop.services.demo.review import review_of

#: Namespace for every demo id: ``uuid5(NAMESPACE, "<stable key>")``.
NAMESPACE = uuid.UUID("5dad8444-c944-489e-98ca-27e64d85a61e")

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _pick(ids: Mapping[str, str], what: str, key: str) -> str:
    if key not in ids:
        raise ValueError(f"no {what} has the key {key!r}")
    return ids[key]


@dataclass(frozen=True)
class _Sample:
    """What each part of one sample is built with: its ids, dates and keys."""

    ids: Callable[..., str]
    when: Callable[[str], date]  # a date as the file writes it
    day: date  # the conference's date, which its clock times fall on
    participants: Mapping[str, str]  # key -> id
    children: Mapping[str, str]
    agenda: Mapping[str, str]

    def at(self, text: str) -> datetime:
        return uk_instant(self.day, clock(text))

    def participant(self, key: str) -> str:
        return _pick(self.participants, "participant", key)


def _keyed(nodes: tuple[Node, ...], make: Callable[..., str]) -> dict[str, str]:
    """Each node's ``key`` with the id ``make`` gives it, refusing a key given twice."""
    found: dict[str, str] = {}
    for node in nodes:
        if node.get("key") in found:
            raise node.error("key", f"{node.get('key')!r} is given twice")
        found[node.get("key")] = make(node.get("key"))
    return found


def build_record(
    root: Node, today: date, author: str, calendar: WorkingCalendar
) -> domain.ConferenceRecord:
    """The conference ``root`` describes, for ``today``, with ``author`` as its chair."""
    return _build(root, today, author, calendar)[0]


def build_records(
    root: Node, today: date, author: str, calendar: WorkingCalendar
) -> tuple[domain.ConferenceRecord, ...]:
    """The conference ``root`` describes and, if it says so (``review``), the review
    made from it (:mod:`.review`)."""
    record, root, sample = _build(root, today, author, calendar)
    if "review" not in root.value:
        return (record,)
    made = review_of(
        record,
        root.child("review"),
        partial(sample.ids, "review"),
        sample.participants,
        sample.children,
    )
    return (record, made)


def _build(
    root: Node, today: date, author: str, calendar: WorkingCalendar
) -> tuple[domain.ConferenceRecord, Node, _Sample]:
    prefix = f"demo/{today.isoformat()}/{root.get('key')}"

    def ids(*parts: str) -> str:
        return str(uuid.uuid5(NAMESPACE, "/".join((prefix, *parts))))

    dates = {"today": today}
    when = partial(resolve, known=dates, calendar=calendar)
    named = root.child("dates")
    for name in named.value:
        if name in dates:
            raise named.error(name, "a date of that name is already defined")
        dates[name] = named.parse(name, when)

    def fill(match: re.Match[str]) -> str:
        name, _, form = match[1].partition(":")
        if match[1] == "author":
            return author
        if name in dates and form in ("long", "year"):
            return long_date(dates[name]) if form == "long" else str(dates[name].year)
        raise ValueError(f"unknown placeholder {match[0]}")

    root = replace(root, render=partial(_PLACEHOLDER.sub, fill))
    children, people, agenda = (root.children(k) for k in ("children", "participants", "agenda"))
    sample = _Sample(
        ids,
        when,
        root.child("conference").parse("date", when),
        _keyed(people, partial(ids, "participant")),
        _keyed(children, partial(ids, "child")),
        _keyed(agenda, partial(ids, "agenda")),
    )
    participants = tuple(_participant(node, sample) for node in people)
    names = {participant.id: participant.name for participant in participants}
    minutes = root.child("minutes") if "minutes" in root.value else None
    record = domain.ConferenceRecord(
        conference=_conference(root.child("conference"), sample),
        children=tuple(_child(node, sample) for node in children),
        participants=participants,
        agenda=tuple(_agenda_item(node, sample) for node in agenda),
        minutes=() if minutes is None else _minutes(minutes, sample, names),
        decisions=tuple(_decision(node, sample) for node in root.children("decisions")),
    )
    return record, root, sample


def _conference(node: Node, sample: _Sample) -> domain.Conference:
    return domain.Conference(
        id=sample.ids("conference"),
        type=node.parse("type", partial(member, enums.ConferenceType)),
        status=node.parse("status", partial(member, enums.ConferenceStatus)),
        date=sample.day,
        start_time=node.parse("start_time", clock),
        mode=node.parse("mode", partial(member, enums.MeetingMode)),
        strategy_discussion_date=node.optional("strategy_discussion_date", sample.when),
        previous_conference_date=node.optional("previous_conference_date", sample.when),
        **node.plain("reference", "profile", "local_authority", "venue", "review_number"),
    )


def _child(node: Node, sample: _Sample) -> domain.Child:
    return domain.Child(
        id=sample.children[node.get("key")],
        date_of_birth=node.optional("date_of_birth", sample.when),
        expected_date_of_delivery=node.optional("expected_date_of_delivery", sample.when),
        participation=node.optional("participation", partial(member, enums.ChildParticipation)),
        **node.plain("given_name", "family_name", "participation_reason"),
    )


def _participant(node: Node, sample: _Sample) -> domain.Participant:
    key = node.get("key")
    return domain.Participant(
        id=sample.participants[key],
        role=node.parse("role", partial(member, enums.ParticipantRole)),
        report_received=node.optional("report_received", sample.when),
        report_shared_with_family=node.optional("report_shared_with_family", sample.when),
        attendance=tuple(_event(event, sample, key) for event in node.children("attendance")),
        **node.plain(
            "name",
            "agency",
            "relationship",
            "direct_contact",
            "interpreter_language",
            "parental_responsibility",
        ),
    )


def _event(node: Node, sample: _Sample, person: str) -> domain.AttendanceEvent:
    return domain.AttendanceEvent(
        id=sample.ids("attendance", person, node.get("key", node.get("kind"))),
        kind=node.parse("kind", partial(member, enums.AttendanceKind)),
        at=node.parse("at", sample.at),
        until=node.optional("until", sample.at),
        grounds=node.optional("grounds", partial(member, enums.ExclusionGround)),
        **node.plain("note"),
    )


def _agenda_item(node: Node, sample: _Sample) -> domain.AgendaItem:
    return domain.AgendaItem(
        id=sample.agenda[node.get("key")],
        status=node.parse("status", partial(member, enums.AgendaStatus)),
        **node.plain("key", "title", "allowance_minutes"),
    )


def _minutes(
    node: Node, sample: _Sample, names: Mapping[str, str]
) -> tuple[domain.MinuteEntry, ...]:
    author = names[node.parse("author", sample.participant)]
    edited = timedelta(seconds=node.get("edited_after_seconds"))
    item = partial(_pick, sample.agenda, "agenda item")
    return tuple(
        domain.MinuteEntry(
            id=sample.ids("minute", str(index)),
            agenda_item_id=entry.parse("item", item),
            author=author,
            created_at=entry.parse("at", sample.at),
            updated_at=entry.parse("at", sample.at) + edited,
            speaker_id=entry.parse("speaker", sample.participant),
            tag=entry.optional("tag", partial(member, enums.Tag)),
            **entry.plain("text", "restricted"),
        )
        for index, entry in enumerate(node.children("entries"), start=1)
    )


def _decision(node: Node, sample: _Sample) -> domain.Decision:
    child = node.get("child")
    return domain.Decision(
        id=sample.ids("decision", child),
        child_id=node.parse("child", partial(_pick, sample.children, "child")),
        outcome=node.optional("outcome", partial(member, enums.Outcome)),
        categories=node.each("categories", str),
        lead_social_worker_id=node.optional("lead_social_worker", sample.participant),
        core_group=node.each("core_group", sample.participant),
        first_core_group_date=node.optional("first_core_group_date", sample.when),
        review_date=node.optional("review_date", sample.when),
        views=tuple(
            domain.AgencyView(
                id=sample.ids("view", child, view.get("participant")),
                participant_id=view.parse("participant", sample.participant),
                view=view.parse("view", partial(member, enums.View)),
                **view.plain("reason"),
            )
            for view in node.children("views")
        ),
        dissents=tuple(
            domain.Dissent(
                id=sample.ids("dissent", child, dissent.get("participant")),
                participant_id=dissent.parse("participant", sample.participant),
                reasons=dissent.get("reasons"),
            )
            for dissent in node.children("dissents")
        ),
        actions=tuple(
            domain.PlanAction(
                id=sample.ids("action", child, str(index)),
                due_date=action.optional("due_date", sample.when),
                **action.plain("owner", "action"),
            )
            for index, action in enumerate(node.children("actions"), start=1)
        ),
        **node.plain(
            *("threshold_met", "threshold_rationale", "reason", "primary_category"),
            *("lead_social_worker_contact", "contingency_plan", "parents_view", "child_view"),
            "final",
        ),
    )
