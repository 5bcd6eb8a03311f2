"""Make a realistic, encrypted store of many conferences for the benchmarks.

    .venv/bin/python bench/make_store.py OUT.db --conferences N [--seed S]
        [--entries MIN-MAX] [--passphrase-file F | --raw-test-key] [--per-event K]

Every conference is fictional and built from a seeded generator, so the same seed,
count and entry range give the same content (ids are uuid5 of the seed and a stable
key; dates count back from a fixed day, not from the clock). Each has 1-4 children,
10-15 participants (chair, minute-taker, social worker, parents or carers, police,
health, school and other agencies, with attendance: apologies, late arrivals, early
departures, exclusions), the England profile's agenda for its type, MIN-MAX minute
entries (sentences of varying length, speakers, tags, some restricted), actions, and
for concluded conferences a final decision for each child that passes the profile's
rules (views, dissent, plan actions, core group and review dates).

Rows go in through the project's own ``repository.insert_record`` inside the store's
audited unit of work. ``--per-event 1`` is the honest path of the application, one
``ConferenceService.import_record`` (rules checked, clashes checked, one audit event,
one fsync'd commit) per conference; a larger K inserts K conferences per unit of work
and audit event (each row still hashed in the chain, so ``cpc-desktop check`` passes),
which is what makes 10,000 conferences quick. Prints how long generation took.

``--passphrase-file`` keys the store as the application does (PBKDF2 at every open);
``--raw-test-key`` uses the fixed raw key :data:`TEST_KEY` (no derivation, benchmarks
only: the command line cannot open such a store).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import uuid
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import audit, repository
from cpc_desktop.data import models as m
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import Store, create_store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AttendanceKind,
    ChildParticipation,
    ConferenceStatus,
    ConferenceType,
    ExclusionGround,
    MeetingMode,
    Outcome,
    ParticipantRole,
    Tag,
    UserRole,
    View,
)
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.profiles import load_profile
from cpc_desktop.services.roles import Action, Actor
from cpc_desktop.services.rules import RuleBook, check_record_rules

#: The day generated dates count back from (never the clock: the content is fixed).
ANCHOR = date(2026, 11, 23)
NAMESPACE = uuid.UUID("0f3c2b7e-6a51-4d0e-9a43-b1f1d9c0e7a2")
TEST_KEY = bytes(range(32))
CHAIR = "Bench Chair"
AUTHOR = "Bench Minute-taker"
YEARS = 10

# --- names and places (all invented) --------------------------------------------------

FAMILY_NAMES = (  # noqa: SIM905
    "Abbott Adeyemi Ahmed Ashworth Bailey Barker Begum Bennett Booth Bradshaw Brennan "
    "Campbell Carter Chowdhury Clarke Collins Cooper Dawson Dixon Doherty Duffy "
    "Edwards Ellis Evans Farrell Fletcher Foster Gallagher Gill Graham Hall Harrison "
    "Hayes Hughes Hussain Iqbal Jackson James Jones Kaur Kelly Kennedy Khan Kowalski "
    "Lawson Lloyd Lynch Marsh Mason McCarthy Mensah Mills Moore Murphy Nowak Nwosu "
    "O'Brien Okafor Osei Owen Palmer Parry Patel Pearson Phillips Price Quinn Rahman "
    "Reid Roberts Robinson Rossi Shaw Singh Smith Stewart Sullivan Taylor Thomas "
    "Turner Walsh Ward Watson Webb White Williams Wilson Wright Yilmaz Young "
    "Zielinski"
).split()
CHILD_NAMES = (  # noqa: SIM905
    "Aaliyah Aiden Alfie Amara Amelia Archie Aria Ava Ayaan Bella Caleb Charlie Chloe "
    "Daisy Dylan Eli Ella Elsie Emily Erin Evie Ezra Finley Florence Freddie Grace "
    "Harley Harper Harry Hugo Isla Ivy Jack Jacob Jaxon Jude Kai Kayden Leo Lily "
    "Logan Luca Maisie Maya Mia Millie Mohammed Muhammad Nancy Noah Nova Olivia Oscar "
    "Phoebe Poppy Reggie Riley Rosie Ruby Sienna Sofia Summer Teddy Theo Tommy Willow "
    "Yusuf Zara"
).split()
ADULT_NAMES = (  # noqa: SIM905
    "Aisha Alan Amira Andrew Angela Anna Bethan Carol Chloe Claire Craig Daniel David "
    "Dean Donna Emma Ewa Faisal Fatima Gareth Gemma Grace Hannah Helen Ian Imran Jade "
    "Jamal Jason Joanne Justyna Karen Kerry Kirsty Lee Leanne Lisa Marcus Mark Martin "
    "Michelle Natalie Neil Nicola Olu Paul Priya Rachel Rebecca Richard Samina Sandra "
    "Sarah Shauna Sophie Stacey Steven Stuart Tom Tracey Wayne Yasmin Zoe"
).split()
LANGUAGES = ("Polish", "Urdu", "Romanian", "Arabic", "Bengali", "Somali", "Tigrinya", "Punjabi")

# (role, agency as the profile names it, relationship, title before the name)
PROFESSIONALS: tuple[tuple[ParticipantRole, str, str, str], ...] = (
    (ParticipantRole.PROFESSIONAL, "Police", "detective constable, public protection unit", "DC "),
    (ParticipantRole.PROFESSIONAL, "Health visiting service", "health visitor", ""),
    (ParticipantRole.PROFESSIONAL, "School nursing service", "school nurse", ""),
    (ParticipantRole.PROFESSIONAL, "GP practice", "family GP", "Dr "),
    (ParticipantRole.PROFESSIONAL, "School", "designated safeguarding lead", ""),
    (ParticipantRole.PROFESSIONAL, "Early years setting", "nursery manager", ""),
    (
        ParticipantRole.PROFESSIONAL,
        "Child and adolescent mental health service (CAMHS)",
        "CAMHS practitioner",
        "",
    ),
    (ParticipantRole.PROFESSIONAL, "Adult mental health service", "care coordinator", ""),
    (ParticipantRole.PROFESSIONAL, "Drug and alcohol service", "recovery worker", ""),
    (ParticipantRole.PROFESSIONAL, "Domestic abuse service", "domestic abuse adviser", ""),
    (ParticipantRole.PROFESSIONAL, "Probation Service", "probation officer", ""),
    (ParticipantRole.PROFESSIONAL, "Housing", "housing officer", ""),
    (ParticipantRole.PROFESSIONAL, "Paediatrics", "community paediatrician", "Dr "),
    (ParticipantRole.PROFESSIONAL, "Early help service", "family support worker", ""),
)
MIDWIFE = (ParticipantRole.PROFESSIONAL, "Midwifery service", "community midwife", "")
CSC = "Children's social care"

# --- minute text -------------------------------------------------------------------------
# Sentences in the project's own words; {c} a child, {p} a parent, {a} the speaker's agency.
SENTENCES = (
    "{c} has been seen at home twice since the last meeting, once alone in their bedroom.",
    "The home was warm and tidy on the most recent visit and there was food in the fridge.",
    "{p} said that things have been calmer since the new routine started.",
    "{a} has had no further incidents reported since the strategy discussion.",
    "Attendance at school is 84 per cent this term, down from 92 per cent last year.",
    "{c} arrived at school late on six mornings in the last four weeks.",
    "{p} has not attended the last two appointments offered by {a}.",
    "{p} explained that the appointments clashed with work and asked for later times.",
    "{c} told the teacher that there had been shouting at home at the weekend.",
    "The neighbour's report to the police described raised voices late at night.",
    "A referral to speech and language therapy has been made and an appointment is awaited.",
    "Immunisations are now up to date following the catch-up clinic.",
    "{c} is described as a bright, chatty child who enjoys drawing and football.",
    "{c} was quiet in class and did not want to go home at the end of the day.",
    "{p} accepts that money has been very tight and that the electricity was cut off briefly.",
    "The family has been helped with a food bank voucher and a grant for bedding.",
    "{a} is worried that the improvements may not last without continued support.",
    "{a} considers that the threshold for significant harm is met.",
    "In the view of {a} a child in need plan would be enough to support the family.",
    "There are no concerns about {c}'s growth or development at the latest check.",
    "{c}'s weight has dropped from the 50th to the 25th centile since the spring.",
    "A bruise was seen on {c}'s arm; the explanation given was consistent with a fall.",
    "{p} has started a parenting course and attended four of the six sessions.",
    "{p} disagrees with much of the social work report and feels judged by professionals.",
    "{p} said that the children mean everything to them and they will do what is asked.",
    "The grandmother has offered to collect the children from school three days a week.",
    "The chair reminded everyone that the meeting is about the children's safety.",
    "The chair summarised the worries and the strengths that had been heard so far.",
    "The chair asked each agency in turn whether a child protection plan is needed.",
    "{a} shared a written report two days before the conference, which the family has read.",
    "The report was not shared with the family in advance and was read to them today.",
    "Police have attended the address three times in the past year after calls from neighbours.",
    "A domestic abuse risk assessment was completed and graded as medium risk.",
    "{p} has been referred to a behaviour change programme and is on the waiting list.",
    "{c} said through the advocate that they want to stay at home with their brothers and sisters.",
    "{c} drew a picture of the family and described home as noisy but safe.",
    "The health visitor observed warm and responsive care during the last visit.",
    "The flat is damp and the housing association has been asked to repair the windows.",
    "{p} has been drinking less and is engaging well with the recovery service.",
    "Two recent drug screens were negative, and the next is booked for next month.",
    "{c} has an education, health and care plan and a one-to-one assistant in class.",
    "There have been no missing episodes since the last review.",
    "The social worker will visit at least every ten working days and see {c} alone.",
    "The core group will meet within ten working days to develop the detailed plan.",
    "{p} was tearful when the worries were read out but agreed that they were fair.",
    "{p} left the room for a short break and returned after ten minutes.",
    "Everyone agreed that {c}'s views should be gathered again before the next review.",
    "{a} will share the outcome of the paediatric assessment with the core group.",
    "The interpreter checked that {p} had understood each decision.",
    "Contact with the other parent is supervised at the family centre once a fortnight.",
)
RESTRICTED = (
    "Police hold intelligence from a third party about {p} that cannot be shared with the family.",
    "{a} shared confidential information from a former partner, recorded here and not disclosed.",
    "The address of the refuge is known to professionals and must not appear in the family copy.",
    "A criminal investigation is continuing and officers asked that its details are not shared.",
)


def _uid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _working_day(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _at(day: date, minutes_after_nine: int) -> datetime:
    """A meeting instant (treated as UTC: generated content needs no time zone)."""
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC) + timedelta(
        minutes=minutes_after_nine
    )


def parse_range(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    lo, hi = int(low), int(high or low)
    if lo < 1 or hi < lo:
        raise argparse.ArgumentTypeError("give MIN-MAX with 1 <= MIN <= MAX, e.g. 50-400")
    return lo, hi


class Generator:
    """Builds conference ``index`` of a store from ``seed`` (each index independently)."""

    def __init__(self, seed: int, count: int, entries: tuple[int, int]) -> None:
        self.seed = seed
        self.count = count
        self.entries = entries
        self.profile = load_profile("england")
        self.agendas = {t: self.profile.agenda.for_type(t) for t in ConferenceType}
        first = ANCHOR - timedelta(days=365 * YEARS)
        self._span = (ANCHOR - first).days
        self._first = first

    def _date(self, index: int) -> date:
        """Spread evenly from YEARS back to the anchor, in index order, on working days."""
        offset = self._span * index // max(1, self.count)
        return _working_day(self._first + timedelta(days=offset))

    def record(
        self, index: int, *, entries: tuple[int, int] | None = None, status: str | None = None
    ) -> d.ConferenceRecord:
        rng = random.Random(f"{self.seed}/{index}")
        ids = lambda *parts: _uid(self.seed, index, *parts)  # noqa: E731
        day = self._date(index)
        kind = rng.choices(
            (
                ConferenceType.INITIAL,
                ConferenceType.REVIEW,
                ConferenceType.TRANSFER_IN,
                ConferenceType.PRE_BIRTH,
            ),
            weights=(45, 40, 5, 10),
        )[0]
        recent = index >= self.count - max(1, self.count // 100)
        concluded = status != "in_progress" and (status == "concluded" or not recent)
        family = rng.choice(FAMILY_NAMES)
        children = self._children(rng, ids, kind, day, family)
        people = self._participants(rng, ids, kind, day, family, children)
        agenda = tuple(
            d.AgendaItem(
                id=ids("agenda", item.key),
                key=item.key,
                title=item.title,
                allowance_minutes=item.minutes,
                status=AgendaStatus.DONE if concluded else AgendaStatus.PENDING,
            )
            for item in self.agendas[kind]
        )
        if not concluded:  # under way: the first half done, the middle item current
            middle = len(agenda) // 2
            agenda = tuple(
                _with_status(
                    a,
                    AgendaStatus.DONE
                    if i < middle
                    else AgendaStatus.CURRENT
                    if i == middle
                    else AgendaStatus.PENDING,
                )
                for i, a in enumerate(agenda)
            )
        lo, hi = entries or self.entries
        minutes = self._minutes(
            rng, ids, day, agenda, people, children, rng.randint(lo, hi), concluded
        )
        review_number = rng.randint(1, 4) if kind is ConferenceType.REVIEW else 0
        previous = None
        if kind is ConferenceType.REVIEW:
            previous = day - timedelta(days=85 if review_number == 1 else 170)
        conference = d.Conference(
            id=ids("conference"),
            reference=f"CPC-{day.year}-{index + 1:05d}",
            type=kind,
            status=ConferenceStatus.CONCLUDED if concluded else ConferenceStatus.IN_PROGRESS,
            date=day,
            profile="england",
            start_time=clock_time(9, 0),
            local_authority="Fenbridge Borough Council",
            venue=rng.choice(
                (
                    "Fenbridge Civic Centre, Room 2",
                    "Eastgate Family Hub",
                    "Online (Teams)",
                    "Northfield Children's Centre",
                )
            ),
            mode=rng.choice(tuple(MeetingMode)),
            strategy_discussion_date=(
                day - timedelta(days=10)
                if kind in (ConferenceType.INITIAL, ConferenceType.PRE_BIRTH)
                else None
            ),
            transfer_notice_date=(
                day - timedelta(days=10) if kind is ConferenceType.TRANSFER_IN else None
            ),
            previous_conference_date=previous,
            review_number=review_number,
        )
        decisions: tuple[d.Decision, ...] = ()
        if concluded:
            decisions = tuple(
                self._decision(rng, ids, conference, child, people) for child in children
            )
        actions = tuple(
            d.ConferenceAction(
                id=ids("action", n),
                owner=rng.choice(people).name,
                action=rng.choice(
                    (
                        "Send the written report to the chair.",
                        "Book the core group meeting.",
                        "Refer to the young carers service.",
                        "Share the health assessment.",
                        "Arrange a visit with the interpreter.",
                        "Apply for a nursery place.",
                    )
                ),
                due_date=day + timedelta(days=rng.randint(3, 30)),
                minute_entry_id=entry.id,
                created_at=entry.created_at,
            )
            for n, entry in enumerate(rng.sample(minutes, min(len(minutes), rng.randint(2, 6))))
        )
        return d.ConferenceRecord(
            conference=conference,
            children=children,
            participants=people,
            agenda=agenda,
            minutes=minutes,
            decisions=decisions,
            actions=actions,
        )

    def _children(
        self, rng: random.Random, ids, kind: ConferenceType, day: date, family: str
    ) -> tuple[d.Child, ...]:
        count = rng.choices((1, 2, 3, 4), weights=(40, 30, 20, 10))[0]
        names = rng.sample(CHILD_NAMES, count)
        out = []
        for n, name in enumerate(names):
            unborn = kind is ConferenceType.PRE_BIRTH and n == 0
            age_days = rng.randint(60, 16 * 365)
            participation = None if unborn else rng.choice(tuple(ChildParticipation))
            out.append(
                d.Child(
                    id=ids("child", n),
                    given_name="Baby" if unborn else name,
                    family_name=family,
                    date_of_birth=None if unborn else day - timedelta(days=age_days),
                    expected_date_of_delivery=(
                        day + timedelta(weeks=rng.randint(8, 12)) if unborn else None
                    ),
                    participation=participation,
                    participation_reason=(
                        "Too young to take part; views gathered through observation."
                        if participation is ChildParticipation.NOT_TAKING_PART
                        else None
                    ),
                )
            )
        return tuple(out)

    def _participants(
        self,
        rng: random.Random,
        ids,
        kind: ConferenceType,
        day: date,
        family: str,
        children: Sequence[d.Child],
    ) -> tuple[d.Participant, ...]:
        def person(first: str, last: str) -> str:
            return f"{first} {last}"

        rows: list[tuple[str, ParticipantRole, str, str, bool, str | None]] = [
            (
                person(rng.choice(ADULT_NAMES), rng.choice(FAMILY_NAMES)),
                ParticipantRole.CHAIR,
                "Independent Reviewing Service",
                "independent chair",
                False,
                None,
            ),
            (
                person(rng.choice(ADULT_NAMES), rng.choice(FAMILY_NAMES)),
                ParticipantRole.MINUTE_TAKER,
                "Safeguarding Business Support",
                "minute-taker",
                False,
                None,
            ),
            (
                person(rng.choice(ADULT_NAMES), rng.choice(FAMILY_NAMES)),
                ParticipantRole.SOCIAL_WORKER,
                CSC,
                "allocated social worker",
                True,
                None,
            ),
        ]
        if rng.random() < 0.5:
            rows.append(
                (
                    person(rng.choice(ADULT_NAMES), rng.choice(FAMILY_NAMES)),
                    ParticipantRole.TEAM_MANAGER,
                    CSC,
                    "team manager",
                    False,
                    None,
                )
            )
        language = rng.choice(LANGUAGES) if rng.random() < 0.15 else None
        rows.append(
            (
                person(rng.choice(ADULT_NAMES), family),
                ParticipantRole.PARENT,
                "",
                "mother",
                False,
                language,
            )
        )
        if rng.random() < 0.7:
            rows.append(
                (
                    person(rng.choice(ADULT_NAMES), rng.choice((family, *FAMILY_NAMES))),
                    ParticipantRole.PARENT,
                    "",
                    "father",
                    False,
                    None,
                )
            )
        if rng.random() < 0.3:
            rows.append(
                (
                    person(rng.choice(ADULT_NAMES), family),
                    ParticipantRole.FAMILY_MEMBER,
                    "",
                    "grandmother",
                    False,
                    None,
                )
            )
        if language is not None:
            rows.append(
                (
                    person(rng.choice(ADULT_NAMES), rng.choice(FAMILY_NAMES)),
                    ParticipantRole.INTERPRETER,
                    "Fenbridge Interpreting Service",
                    f"{language} interpreter",
                    False,
                    None,
                )
            )
        if rng.random() < 0.2:
            rows.append(
                (
                    person(rng.choice(ADULT_NAMES), rng.choice(FAMILY_NAMES)),
                    ParticipantRole.ADVOCATE,
                    "Children's Advocacy Service",
                    f"advocate for {children[-1].given_name}",
                    False,
                    None,
                )
            )
        target = rng.randint(10, 15)
        pool = list(PROFESSIONALS)
        rng.shuffle(pool)
        if kind is ConferenceType.PRE_BIRTH:
            pool.insert(0, MIDWIFE)
        police = next(p for p in PROFESSIONALS if p[1] == "Police")
        pool.remove(police)
        pool.insert(0, police)
        for role, agency, relationship, title in pool[: max(2, target - len(rows))]:
            rows.append(
                (
                    title + person(rng.choice(ADULT_NAMES), rng.choice(FAMILY_NAMES)),
                    role,
                    agency,
                    relationship,
                    True,
                    None,
                )
            )
        out = []
        apologies_left = 1 if len(rows) > 11 else 0
        for n, (name, role, agency, relationship, direct, language) in enumerate(rows):
            pid = ids("participant", n)
            events = [
                d.AttendanceEvent(ids("attendance", n, 0), AttendanceKind.PRESENT, _at(day, 0))
            ]
            roll = rng.random()
            professional = role is ParticipantRole.PROFESSIONAL and agency != "Police"
            if professional and apologies_left and roll < 0.3:
                apologies_left -= 1
                events = [
                    d.AttendanceEvent(
                        ids("attendance", n, 0),
                        AttendanceKind.APOLOGIES,
                        _at(day, 0),
                        note="Sent apologies and a report.",
                    )
                ]
            elif professional and roll < 0.4:
                events = [
                    d.AttendanceEvent(
                        ids("attendance", n, 0),
                        AttendanceKind.ARRIVED,
                        _at(day, 20),
                        note="Delayed by another meeting.",
                    )
                ]
            elif role is ParticipantRole.PARENT and roll < 0.1:
                events.append(
                    d.AttendanceEvent(
                        ids("attendance", n, 1),
                        AttendanceKind.EXCLUDED,
                        _at(day, 40),
                        until=_at(day, 55),
                        grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
                        note="Left while confidential third-party information was shared.",
                    )
                )
            elif professional and roll < 0.5:
                events.append(
                    d.AttendanceEvent(
                        ids("attendance", n, 1),
                        AttendanceKind.LEFT,
                        _at(day, 150),
                        note="Left for a clinic.",
                    )
                )
            reported = role in (ParticipantRole.SOCIAL_WORKER, ParticipantRole.PROFESSIONAL)
            out.append(
                d.Participant(
                    id=pid,
                    name=name,
                    role=role,
                    agency=agency,
                    relationship=relationship,
                    direct_contact=direct,
                    report_received=day - timedelta(days=16) if reported else None,
                    report_shared_with_family=day - timedelta(days=14) if reported else None,
                    interpreter_language=language,
                    attendance=tuple(events),
                )
            )
        return tuple(out)

    def _minutes(
        self,
        rng: random.Random,
        ids,
        day: date,
        agenda: Sequence[d.AgendaItem],
        people: Sequence[d.Participant],
        children: Sequence[d.Child],
        count: int,
        concluded: bool,
    ) -> tuple[d.MinuteEntry, ...]:
        items = agenda if concluded else agenda[: len(agenda) // 2 + 1]
        weights = [item.allowance_minutes for item in items]
        # Every item gets one entry first (the decision item needs one for quorum).
        chosen = list(items[:count]) + rng.choices(items, weights, k=max(0, count - len(items)))
        order = {item.id: n for n, item in enumerate(items)}
        chosen.sort(key=lambda item: order[item.id])
        speakers = [p for p in people if p.attendance[0].kind is not AttendanceKind.APOLOGIES]
        parents = [p for p in people if p.role is ParticipantRole.PARENT] or list(people)
        chair = people[0]
        span = 150 * 60  # seconds the meeting's minutes spread over
        out = []
        for n, item in enumerate(chosen):
            speaker = (
                chair if item.key in ("welcome", "purpose", "decision") else rng.choice(speakers)
            )
            restricted = speaker.agency == "Police" and rng.random() < 0.3
            bank = RESTRICTED if restricted else SENTENCES
            length = rng.choices((1, 2, 3, 4, 6, 12), weights=(20, 30, 25, 12, 8, 5))[0]
            text = " ".join(
                rng.choice(bank).format(
                    c=rng.choice(children).given_name,
                    p=rng.choice(parents).name,
                    a=speaker.agency or "the family",
                )
                for _ in range(length)
            )
            at = _at(day, 0) + timedelta(seconds=60 + span * n // max(1, len(chosen)))
            out.append(
                d.MinuteEntry(
                    id=ids("minute", n),
                    agenda_item_id=item.id,
                    text=text[0].upper() + text[1:],
                    author=AUTHOR,
                    created_at=at,
                    updated_at=at,
                    speaker_id=speaker.id,
                    tag=rng.choice(
                        (None, Tag.FACT, Tag.FACT, Tag.OBSERVATION, Tag.OPINION, Tag.ALLEGATION)
                    ),
                    restricted=restricted,
                )
            )
        return tuple(out)

    def _decision(
        self,
        rng: random.Random,
        ids,
        conference: d.Conference,
        child: d.Child,
        people: Sequence[d.Participant],
    ) -> d.Decision:
        day = conference.date
        plan = rng.random() < 0.7
        outcome = (
            Outcome.CP_PLAN if plan else rng.choice((Outcome.CIN_PLAN, Outcome.NO_FURTHER_ACTION))
        )
        agreeing = {
            Outcome.CP_PLAN: View.PLAN,
            Outcome.CIN_PLAN: View.CHILD_IN_NEED,
            Outcome.NO_FURTHER_ACTION: View.NO_FURTHER_ACTION,
        }[outcome]
        professionals = [
            p
            for p in people
            if p.role in (ParticipantRole.SOCIAL_WORKER, ParticipantRole.PROFESSIONAL)
        ]
        social_worker = next(p for p in people if p.role is ParticipantRole.SOCIAL_WORKER)
        views = []
        dissents = []
        for n, p in enumerate(professionals):
            view = agreeing if rng.random() < 0.85 else rng.choice(tuple(View))
            views.append(
                d.AgencyView(
                    ids("view", child.id, n),
                    p.id,
                    view,
                    "Based on the worries and strengths heard today.",
                )
            )
            if view not in (agreeing, View.UNSURE):
                dissents.append(
                    d.Dissent(
                        ids("dissent", child.id, n),
                        p.id,
                        "Considers the risks are not reflected in the decision.",
                    )
                )
        categories = tuple(sorted(rng.sample(self.profile.category_keys, rng.randint(1, 2))))
        review = day + timedelta(days=80 if conference.type is not ConferenceType.REVIEW else 170)
        owners = [p.name for p in professionals]
        return d.Decision(
            id=ids("decision", child.id),
            child_id=child.id,
            threshold_met=plan,
            threshold_rationale="Weighed the harm described against the strengths in the family.",
            outcome=outcome,
            reason="The conference agreed this is what keeps the child safe and supported.",
            categories=categories if plan else (),
            primary_category=categories[0] if plan else None,
            lead_social_worker_id=social_worker.id,
            lead_social_worker_contact="01632 960000, duty desk",
            core_group=tuple(p.id for p in professionals[:4]) if plan else (),
            first_core_group_date=day + timedelta(days=7) if plan else None,
            review_date=review if plan else None,
            contingency_plan="If the plan is not followed the social worker will seek legal "
            "advice and ask the chair to bring the review forward."
            if plan
            else "",
            parents_view="The parents said they will work with the plan.",
            child_view="Views gathered by the social worker before the meeting.",
            final=True,
            views=tuple(views),
            dissents=tuple(dissents),
            actions=tuple(
                d.PlanAction(
                    ids("plan_action", child.id, n),
                    rng.choice(owners),
                    rng.choice(
                        (
                            "Visit and see the child alone every ten working days.",
                            "Complete the health assessment.",
                            "Report school attendance to each core group.",
                            "Attend the parenting course.",
                            "Complete the safety plan with the family.",
                        )
                    ),
                    day + timedelta(days=rng.randint(5, 60)),
                )
                for n in range(rng.randint(2, 5))
            ),
        )


def _with_status(item: d.AgendaItem, status: AgendaStatus) -> d.AgendaItem:
    return d.AgendaItem(
        item.id, item.key, item.title, item.allowance_minutes, status, item.not_obtained_reason
    )


def large_record(seed: int, conferences: int, entries: int) -> d.ConferenceRecord:
    """One conference under way with ``entries`` minute entries, dated on the anchor day."""
    return Generator(seed, conferences, (entries, entries)).record(
        conferences, status="in_progress"
    )


# --- writing ---------------------------------------------------------------------------


def new_store(path: Path, key: StoreKey) -> Store:
    return create_store(path, key, owner=CHAIR, now=datetime(2026, 11, 23, 8, 0, tzinfo=UTC))


# Tables in the order their foreign keys need, and how a record's lists map onto them.
_SECTIONS = (
    ("children", d.Child),
    ("participants", d.Participant),
    ("agenda", d.AgendaItem),
    ("minutes", d.MinuteEntry),
    ("decisions", d.Decision),
    ("minutes_versions", d.MinutesVersion),
    ("letters", d.Letter),
    ("distributions", d.Distribution),
    ("actions", d.ConferenceAction),
    ("scaling", d.SafetyScale),
)
_NESTED = {
    "attendance": "participant_id",
    "views": "decision_id",
    "dissents": "decision_id",
    "actions": "decision_id",
}


def _rows(
    value: object,
    position: int | None,
    meta: dict[str, object],
    out: dict[str, list],
    **parent: object,
) -> None:
    """The columns of ``value`` (as ``repository.insert_record`` writes them) by table."""
    table = repository._ORM[type(value)].__tablename__
    nested_names = repository._NESTED.get(type(value), {})
    columns: dict[str, object] = {}
    nested = []
    for f in fields(value):  # type: ignore[arg-type]
        item = getattr(value, f.name)
        if f.name in nested_names:
            nested.append((f.name, item))
        else:
            columns[f.name] = list(item) if isinstance(item, tuple) else item
    if position is not None:
        columns["position"] = position
    out.setdefault(table, []).append({**columns, **meta, **parent})
    for name, items in nested:
        for i, child in enumerate(items):
            _rows(child, i, meta, out, **{_NESTED[name]: value.id})  # type: ignore[attr-defined]


_ORDER = (
    "conference",
    "child",
    "participant",
    "attendance_event",
    "agenda_item",
    "minute_entry",
    "decision",
    "agency_view",
    "dissent",
    "plan_action",
    "minutes_version",
    "letter",
    "distribution",
    "conference_action",
    "safety_scale",
)


def table_rows(
    records: Sequence[d.ConferenceRecord], who: str, now: datetime
) -> dict[str, list[dict[str, object]]]:
    """The rows of whole conferences by table, as ``repository.insert_record`` writes them."""
    meta = repository.row_meta(who, now)
    by_table: dict[str, list[dict[str, object]]] = {}
    for record in records:
        _rows(record.conference, None, meta, by_table)
        for section, _cls in _SECTIONS:
            for i, item in enumerate(getattr(record, section)):
                _rows(item, i, meta, by_table, conference_id=record.conference.id)
    return by_table


def insert_rows(session: Session, by_table: dict[str, list[dict[str, object]]]) -> int:
    """One executemany per table (SQLAlchemy Core over the project's own tables, so every
    column is bound exactly as the ORM binds it); the audit is told of every row."""
    total = 0
    tables = m.Base.metadata.tables
    for name in _ORDER:
        rows = by_table.get(name, [])
        if not rows:
            continue
        session.execute(sa.insert(tables[name]), rows)
        for row in rows:
            audit.mark_touched(session, name, row["id"])  # type: ignore[arg-type]
        total += len(rows)
    unknown = set(by_table) - set(_ORDER)
    if unknown:
        raise AssertionError(f"tables not written: {sorted(unknown)}")
    return total


_AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
_WORKER: dict[str, object] = {}


def _batch_rows(
    seed: int, count: int, entries: tuple[int, int], indices: range, check_rules: int
) -> tuple[str, dict[str, list[dict[str, object]]]]:
    """Build (in a worker process) the rows of conferences ``indices``."""
    key = (seed, count, entries)
    if _WORKER.get("key") != key:
        _WORKER.update(key=key, gen=Generator(seed, count, entries), rules=RuleBook())
    gen, rules = _WORKER["gen"], _WORKER["rules"]
    assert isinstance(gen, Generator) and isinstance(rules, RuleBook)
    records = [gen.record(i) for i in indices]
    for index, record in zip(indices, records, strict=True):
        if index < check_rules:
            check_record_rules(record, rules)
    return records[0].conference.id, table_rows(records, CHAIR, _AT)


def _audited_insert(
    store: Store, first_id: str, by_table: dict[str, list[dict[str, object]]]
) -> None:
    context = audit.AuditContext(
        actor=CHAIR,
        role=UserRole.CHAIR.value,
        action=Action.IMPORT.value,
        object_type="conference",
        object_id=first_id,
        at=_AT,
    )
    with store.unit_of_work(context) as work:
        insert_rows(work.session, by_table)


def make(
    path: Path,
    key: StoreKey,
    conferences: int,
    *,
    seed: int = 1,
    entries: tuple[int, int] = (50, 400),
    per_event: int = 100,
    check_rules: int = 100,
    extra: Sequence[d.ConferenceRecord] = (),
) -> Store:
    """Create ``path`` with ``conferences`` generated conferences (and ``extra`` ones).

    ``per_event`` 1: each through ``ConferenceService.import_record`` (rules and clashes
    checked, one audit event and commit each). Otherwise ``per_event`` conferences per
    audited unit of work, built in a second process while the first writes; the first
    ``check_rules`` of them are checked against the profile's rules too.
    """
    store = new_store(path, key)
    try:
        if per_event == 1:
            gen = Generator(seed, conferences, entries)
            service = ConferenceService(
                store, Actor(CHAIR, UserRole.CHAIR), lambda: _AT, RuleBook()
            )
            for index in range(conferences):
                service.import_record(gen.record(index))
            for record in extra:
                service.import_record(record)
            return store
        batches = [
            range(i, min(i + per_event, conferences)) for i in range(0, conferences, per_event)
        ]
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            pending: deque[Future] = deque()
            for batch in batches:
                pending.append(
                    pool.submit(_batch_rows, seed, conferences, entries, batch, check_rules)
                )
                if len(pending) > 2:
                    _audited_insert(store, *pending.popleft().result())
            while pending:
                _audited_insert(store, *pending.popleft().result())
        if extra:
            check = RuleBook()
            for record in extra:
                check_record_rules(record, check)
            _audited_insert(store, extra[0].conference.id, table_rows(extra, CHAIR, _AT))
    except BaseException:
        store.close()
        raise
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--conferences", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--entries", type=parse_range, default=(50, 400), metavar="MIN-MAX")
    parser.add_argument(
        "--per-event",
        type=int,
        default=100,
        metavar="K",
        help="conferences per audited unit of work (1 = import_record each)",
    )
    parser.add_argument(
        "--large",
        type=int,
        default=0,
        metavar="ENTRIES",
        help="add one more conference, under way, with this many entries",
    )
    keying = parser.add_mutually_exclusive_group(required=True)
    keying.add_argument("--passphrase-file", type=Path)
    keying.add_argument("--raw-test-key", action="store_true")
    args = parser.parse_args()
    if args.passphrase_file is not None:
        passphrase = args.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        key = StoreKey.from_passphrase(passphrase)
    else:
        key = StoreKey.from_raw(TEST_KEY)
    if args.out.exists():
        sys.exit(f"{args.out} already exists; choose a new path")
    start = time.perf_counter()
    extra = ()
    if args.large:
        extra = (large_record(args.seed, args.conferences, args.large),)
    store = make(
        args.out,
        key,
        args.conferences,
        seed=args.seed,
        entries=args.entries,
        per_event=max(1, args.per_event),
        extra=extra,
    )
    store.close()
    took = time.perf_counter() - start
    size = args.out.stat().st_size / 2**20
    print(
        f"{args.out}: {args.conferences:,} conferences, entries {args.entries[0]}-"
        f"{args.entries[1]} each, seed {args.seed}, {args.per_event} per audit event; "
        f"{took:.1f} s ({took / args.conferences * 1000:.1f} ms per conference), "
        f"{size:.0f} MiB"
    )
    if extra:
        print(f"large conference: {extra[0].conference.reference}, {args.large:,} entries")


if __name__ == "__main__":
    main()
