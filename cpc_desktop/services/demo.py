"""A realistic, entirely fictional sample for ``cpc-desktop demo``.

:func:`build_demo_record` returns one concluded initial conference for a sibling group
of three, with a full agenda, minutes, attendance and a decision for each child.
:func:`build_demo_records` adds two smaller scheduled conferences so that a list of
conferences has something to show.

Everything here is pure: no clock, no I/O, no randomness. Every date is derived from the
``today`` argument and every id from :data:`NAMESPACE` and a stable key, so two calls with
the same ``today`` return equal records. Instants are timezone-aware UTC; meeting times are
written as UK local times and converted (British Summer Time is worked out by rule, so no
time-zone database is needed).

All names, places, telephone numbers (Ofcom's drama range) and e-mail addresses
(``example.org``) are invented.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from cpc_desktop.domain.calendar import add_months
from cpc_desktop.domain.conference import (
    AgencyView,
    AgendaItem,
    AttendanceEvent,
    Child,
    Conference,
    ConferenceRecord,
    Decision,
    Dissent,
    MinuteEntry,
    Participant,
    PlanAction,
)
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
    View,
)

__all__ = [
    "NAMESPACE",
    "add_working_days",
    "build_demo_record",
    "build_demo_records",
]

#: Namespace for every demo id: ``uuid5(NAMESPACE, "<stable key>")``.
NAMESPACE = uuid.UUID("5dad8444-c944-489e-98ca-27e64d85a61e")

_LOCAL_AUTHORITY = "Fenbridge Borough Council"
_CHAIR_AGENCY = "Independent Reviewing and Conference Chair Service"
_BUSINESS_SUPPORT = "Safeguarding Business Support"
_CLOSED_DAYS = frozenset({(12, 25), (12, 26), (1, 1)})
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --------------------------------------------------------------------------------------
# Dates and times
# --------------------------------------------------------------------------------------


def _is_working_day(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in _CLOSED_DAYS


def add_working_days(start: date, days: int) -> date:
    """Step ``days`` working days forwards (or backwards if negative).

    Weekends are skipped, and so are Christmas Day, Boxing Day and New Year's Day so that
    no sample meeting falls on them. Other bank holidays are deliberately ignored: the demo
    must not depend on a holiday calendar.
    """
    step = 1 if days >= 0 else -1
    current = start
    remaining = abs(days)
    while remaining:
        current += timedelta(days=step)
        if _is_working_day(current):
            remaining -= 1
    return current


def _working_day_on_or_before(day: date) -> date:
    while not _is_working_day(day):
        day -= timedelta(days=1)
    return day


def _working_day_on_or_after(day: date) -> date:
    while not _is_working_day(day):
        day += timedelta(days=1)
    return day


def _born(today: date, years: int, extra_days: int) -> date:
    """A date of birth making the child ``years`` old (and ``extra_days`` more) at ``today``."""
    return add_months(today, -12 * years) - timedelta(days=extra_days)


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - 6) % 7)


def _uk_offset(day: date) -> timedelta:
    """UK civil time offset from UTC on ``day`` for a daytime meeting (BST or GMT)."""
    if _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10):
        return timedelta(hours=1)
    return timedelta(0)


def _utc(day: date, clock: str) -> datetime:
    """UK local ``HH:MM`` (or ``HH:MM:SS``) on ``day`` as a UTC instant."""
    parts = [int(part) for part in clock.split(":")]
    hour, minute = parts[0], parts[1]
    second = parts[2] if len(parts) > 2 else 0
    local = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC)
    return local - _uk_offset(day)


def _long_date(day: date) -> str:
    """``Thursday 12 March 2026``, without depending on the process locale."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"


# --------------------------------------------------------------------------------------
# Ids
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ids:
    """Derives stable ids for one sample record."""

    prefix: str

    def __call__(self, *parts: str) -> str:
        key = "/".join((self.prefix, *parts))
        return str(uuid.uuid5(NAMESPACE, key))


def _agenda(
    ids: _Ids, rows: Sequence[tuple[str, str, int]], status: AgendaStatus
) -> tuple[AgendaItem, ...]:
    return tuple(
        AgendaItem(
            id=ids("agenda", key),
            key=key,
            title=title,
            allowance_minutes=minutes,
            status=status,
        )
        for key, title, minutes in rows
    )


# --------------------------------------------------------------------------------------
# The main sample: an initial conference for the Harland children
# --------------------------------------------------------------------------------------

_INITIAL_AGENDA: tuple[tuple[str, str, int], ...] = (
    ("welcome", "Welcome and introductions", 5),
    ("purpose", "Purpose of the conference and confidentiality", 5),
    ("equality", "Equality, communication needs and professional difference", 5),
    ("apologies_reports", "Apologies and reports", 5),
    ("reason", "Reason for the conference and the section 47 enquiry", 15),
    ("agency_information", "Information from agencies", 40),
    ("childs_views", "The children's views, wishes and feelings", 10),
    ("parents_views", "Parents' views and the wider family", 10),
    ("analysis", "Analysis: worries, strengths and scaling", 15),
    ("decision", "Decision for each child", 15),
    ("plan", "Outline plan, lead social worker, core group and contingency", 15),
    ("future_meetings", "Core group, review conference and complaints", 5),
)

# Local meeting times (UK civil time) on the conference day.
_START = "10:00"
_LATE_ARRIVAL = "10:25"
_EXCLUSION_START = "10:50"
_EXCLUSION_END = "11:05"
_EARLY_DEPARTURE = "12:20"

_CONTACT_NUMBER = "01632 960418"
_CONTACT_EMAIL = "amira.hussain@fenbridge.example.org"


@dataclass(frozen=True)
class _Person:
    key: str
    name: str
    role: ParticipantRole
    agency: str
    relationship: str
    direct_contact: bool
    # Working days before the conference (0 = on the day); None = no report.
    report_received: int | None = None
    report_shared: int | None = None
    interpreter_language: str | None = None
    attendance: str = "present"  # present | apologies | late | left_early | excluded | withdrew


# fmt: off
def _harland_people(chair_name: str) -> tuple[_Person, ...]:
    csc = "Children's Social Care"
    p = ParticipantRole
    return (
        _Person("chair", chair_name, p.CHAIR, _CHAIR_AGENCY, "independent chair", False),
        _Person("minutes", "Sandra Pell", p.MINUTE_TAKER, _BUSINESS_SUPPORT, "minute-taker",
                False),
        _Person("sw", "Amira Hussain", p.SOCIAL_WORKER, csc,
                "allocated social worker for all three children", True, 8, 6),
        _Person("tm", "Gareth Lloyd", p.TEAM_MANAGER, csc,
                "team manager, Assessment Team", False),
        _Person("police", "DC Neil Brannigan", p.PROFESSIONAL, "Police – Public Protection Unit",
                "detective constable, public protection unit", True, 8, 6),
        _Person("hv", "Claire Munro", p.PROFESSIONAL, "Health Visiting Service",
                "health visitor for Theo", True, 8, 6),
        _Person("sn", "Priya Shah", p.PROFESSIONAL, "School Nursing Service",
                "school nurse for Lily and Kai", True, 8, 6, attendance="left_early"),
        _Person("gp", "Dr Thomas Ewing", p.PROFESSIONAL, "Castle Street Surgery",
                "GP for the family", True, 1, 0, attendance="apologies"),
        _Person("primary", "Joanne Pritchard", p.PROFESSIONAL, "Brookfield Primary School",
                "designated safeguarding lead, Lily's school", True, 8, 6),
        _Person("secondary", "Martin Osei", p.PROFESSIONAL, "Fenbridge Academy",
                "designated safeguarding lead, Kai's school", True, 8, 6),
        _Person("amh", "Kerry Walsh", p.PROFESSIONAL, "Adult Community Mental Health Team",
                "care coordinator for Ms Harland", True, 8, 6, attendance="late"),
        _Person("idva", "Bethan Rees", p.PROFESSIONAL, "Fenbridge Domestic Abuse Service",
                "independent domestic violence adviser for Ms Harland", True, 8, 6),
        _Person("mother", "Justyna Harland", p.PARENT, "",
                "mother of all three children", False, interpreter_language="Polish"),
        _Person("father", "Dean Harland", p.PARENT, "",
                "father of all three children", False, attendance="excluded"),
        _Person("solicitor", "Alan Forsyth", p.SUPPORTER, "Forsyth Baines Solicitors",
                "solicitor supporting Mr Harland", False, attendance="withdrew"),
        _Person("grandmother", "Carol Harland", p.FAMILY_MEMBER, "",
                "paternal grandmother", False, attendance="apologies"),
        _Person("advocate", "Sophie Tran", p.ADVOCATE, "Fenbridge Children's Advocacy Service",
                "independent advocate for Kai", False),
        _Person("interpreter", "Ewa Zielinska", p.INTERPRETER, "Fenbridge Interpreting Service",
                "Polish interpreter for Ms Harland", False),
    )

# fmt: on


def _attendance(ids: _Ids, person: _Person, day: date) -> tuple[AttendanceEvent, ...]:
    def event(
        name: str,
        kind: AttendanceKind,
        clock: str,
        *,
        until: str | None = None,
        grounds: ExclusionGround | None = None,
        note: str = "",
    ) -> AttendanceEvent:
        return AttendanceEvent(
            id=ids("attendance", person.key, name),
            kind=kind,
            at=_utc(day, clock),
            until=None if until is None else _utc(day, until),
            grounds=grounds,
            note=note,
        )

    present = event("present", AttendanceKind.PRESENT, _START)
    if person.attendance == "apologies":
        note = (
            "Sent apologies; written report provided."
            if person.report_received is not None
            else "Sent apologies; spoke to the social worker before the conference."
        )
        return (event("apologies", AttendanceKind.APOLOGIES, _START, note=note),)
    if person.attendance == "late":
        return (
            event(
                "arrived",
                AttendanceKind.ARRIVED,
                _LATE_ARRIVAL,
                note="Delayed by a clinic overrunning; had told the chair in advance.",
            ),
        )
    if person.attendance == "left_early":
        return (
            present,
            event(
                "left",
                AttendanceKind.LEFT,
                _EARLY_DEPARTURE,
                note="Left after the decision for a clinic commitment.",
            ),
        )
    if person.attendance == "excluded":
        return (
            present,
            event(
                "excluded",
                AttendanceKind.EXCLUDED,
                _EXCLUSION_START,
                until=_EXCLUSION_END,
                grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
                note=(
                    "Asked to leave while the police shared confidential third-party "
                    "information; agreed by the chair before the conference. Told on his "
                    "return that information had been shared which could not yet be "
                    "disclosed to him."
                ),
            ),
        )
    if person.attendance == "withdrew":
        return (
            present,
            event(
                "left", AttendanceKind.LEFT, _EXCLUSION_START, note="Left the room with Mr Harland."
            ),
            event(
                "returned", AttendanceKind.ARRIVED, _EXCLUSION_END, note="Returned with Mr Harland."
            ),
        )
    return (present,)


def _participants(ids: _Ids, people: Sequence[_Person], day: date) -> tuple[Participant, ...]:
    def working_days_before(offset: int | None) -> date | None:
        return None if offset is None else add_working_days(day, -offset)

    return tuple(
        Participant(
            id=ids("participant", person.key),
            name=person.name,
            role=person.role,
            agency=person.agency,
            relationship=person.relationship,
            direct_contact=person.direct_contact,
            invited=True,
            report_received=working_days_before(person.report_received),
            report_shared_with_family=working_days_before(person.report_shared),
            interpreter_language=person.interpreter_language,
            attendance=_attendance(ids, person, day),
        )
        for person in people
    )


# fmt: off
# (agenda key, local time, speaker key, tag, restricted, text)
_Minute = tuple[str, str, str, Tag | None, bool, str]

_F, _O, _A, _OP = Tag.FACT, Tag.OBSERVATION, Tag.ALLEGATION, Tag.OPINION


def _harland_minutes(first_core_group: date, review: date) -> tuple[_Minute, ...]:
    return (
        ("welcome", "10:02", "chair", _F, False,
         "The chair welcomed everyone and each person introduced themselves and their "
         "involvement with the family. The conference is about Kai (12), Lily (7) and Theo (3) "
         "Harland, who live with their mother, Ms Harland. Their father, Mr Harland, has been "
         "staying with his own mother since the police were called to the family home about "
         "three weeks ago. The chair checked the children's names, dates of birth and address "
         "with both parents."),
        ("purpose", "10:06", "chair", None, False,
         "The chair explained that the conference will consider whether each child is likely "
         "to suffer significant harm and, if so, whether a child protection plan is needed. "
         "The conference cannot decide where the children live; only a court can do that. "
         "Information shared today stays within the meeting unless it has to be shared to "
         "protect a child, and the parents were told that the minutes and any plan could be "
         "used in court proceedings."),
        ("equality", "10:10", "chair", None, False,
         "The chair read the equality statement. Ms Harland's first language is Polish; she "
         "asked for an interpreter and Ms Zielinska interpreted throughout. The plan will be "
         "given to Ms Harland in Polish and in English. The chair also read the professional "
         "difference statement: anyone who disagrees with a decision may say so, whatever "
         "their role, and their view will be recorded."),
        ("apologies_reports", "10:14", "chair", _F, False,
         "Apologies were received from Dr Ewing, GP, who has sent a written report, and from "
         "the paternal grandmother, Mrs Carol Harland. Ms Walsh, adult mental health, had let "
         "the chair know she would be late."),
        ("apologies_reports", "10:16", "chair", _F, False,
         "Written reports were received from children's social care, the police, the health "
         "visitor, the school nurse, both schools, adult mental health, the domestic abuse "
         "service and the GP. All were shared with the parents at least two working days "
         "before the conference except the GP report, which arrived late and was shared with "
         "the parents this morning. Ms Harland had gone through the reports with Ms Hussain "
         "and an interpreter; Mr Harland had read them with his solicitor."),
        ("reason", "10:19", "sw", _F, False,
         "Ms Hussain summarised the events leading to the conference. About three weeks ago "
         "Lily's school noticed a bruise on her upper arm and made a referral. In the same "
         "week the police were called to the family home after a neighbour reported shouting. "
         "A strategy discussion was held and a section 47 enquiry began."),
        ("reason", "10:21", "sw", _O, False,
         "Lily told her teacher, and later Ms Hussain, that she hurt her arm falling from a "
         "climbing frame at the park. Kai, who was with her, gave the same account. The "
         "strategy discussion, with advice from a paediatrician, accepted that the bruise fitted "
         "this explanation and no medical examination was needed."),
        ("reason", "10:24", "sw", _O, False,
         "Ms Hussain visited the home four times, twice unannounced. On three visits the flat "
         "was cluttered, there was little food in the kitchen and the children's clothes were "
         "unwashed. On one late-morning visit Theo had not been changed since the night "
         "before. At the most recent visit the flat was tidier and there was food in the "
         "fridge."),
        ("reason", "10:28", "sw", _OP, False,
         "Ms Hussain's assessment is that the children's basic care, health needs and school "
         "attendance have not been met consistently for several months, and that the children "
         "have been living with arguments and domestic abuse between their parents. Ms "
         "Harland's low mood has made daily routines very hard for her. She considers Theo and "
         "Lily likely to suffer significant harm if nothing changes; Kai's needs are also "
         "significant but in her view can be met through a child in need plan."),
        ("reason", "10:32", "tm", _F, False,
         "Mr Lloyd added that the enquiry was completed within timescale and that both parents "
         "co-operated with every visit. Strengths identified include the children's close bond "
         "with both parents, Ms Harland's renewed contact with mental health services and "
         "practical help from the paternal grandmother."),
        ("agency_information", "10:35", "police", _F, False,
         "DC Brannigan reported that police have attended the family address three times in "
         "the last ten months after neighbours reported shouting. On the first two occasions "
         "no offences were identified. A risk assessment after the most recent incident was "
         "graded medium risk and a referral was made to the domestic abuse service."),
        ("agency_information", "10:38", "police", _A, False,
         "At the most recent incident Ms Harland had a red mark on her cheek and told officers "
         "that Mr Harland had pushed her against a door. She later decided not to support a "
         "prosecution and the police took no further action."),
        ("agency_information", "10:42", "hv", _F, False,
         "Ms Munro has known the family since Theo was born. Theo missed two appointments for "
         "his developmental review before he was seen last month. He uses around twenty single "
         "words, fewer than expected for his age, and has been referred to speech and language "
         "therapy. His immunisations are not up to date."),
        ("agency_information", "10:46", "hv", _OP, False,
         "Ms Munro believes that Theo's development is being held back by inconsistent care, "
         "few chances to play with other children and the tension at home. She gave the "
         "example of a visit when Theo became upset and hid behind the sofa as his parents "
         "began arguing."),
        ("agency_information", "10:50", "chair", _F, False,
         "DC Brannigan asked to share information that cannot yet be disclosed to Mr Harland. "
         "The chair had agreed this before the meeting because it is confidential third-party "
         "information. Mr Harland and Mr Forsyth left the room at 10:50. Ms Harland stayed, "
         "with the interpreter."),
        ("agency_information", "10:52", "police", _A, True,
         "Speaking to officers away from Mr Harland on the night of the last incident, Ms "
         "Harland said she has been frightened of him for some time and that he controls the "
         "family's money. She asked that this was not repeated to him."),
        ("agency_information", "10:56", "police", _F, True,
         "Police hold a report made six years ago by a former partner of Mr Harland of "
         "threatening behaviour after their separation; no further action was taken. Ms "
         "Harland was told about this last week under the domestic violence disclosure "
         "scheme. DC Brannigan considers the risk to Ms Harland to be highest now that the "
         "couple have separated, particularly at handovers for contact."),
        ("agency_information", "11:00", "idva", _O, True,
         "Ms Rees said Ms Harland has told her the same. Her safety plan includes a code word "
         "agreed with a neighbour and handovers of the children at the paternal grandmother's "
         "home."),
        ("agency_information", "11:06", "chair", _F, False,
         "Mr Harland and Mr Forsyth returned at 11:05. The chair confirmed that the "
         "information shared in their absence is recorded in the restricted part of the "
         "minutes and will not appear in the family copy. The chair told Mr Harland that the "
         "police had shared information that could not be disclosed to him at this stage and "
         "that it had been taken into account. The chair will review the restriction with the "
         "police before the review conference."),
        ("agency_information", "11:08", "sn", _O, False,
         "Ms Shah has seen Lily and Kai in school. Lily's height and weight are within the "
         "expected range but she has untreated tooth decay; a dental appointment has now been "
         "booked. Kai came to a drop-in session and said he often feels tired and worries "
         "about his mum."),
        ("agency_information", "11:11", "primary", _F, False,
         "Mrs Pritchard reported that Lily's attendance this school year is 86% and that she "
         "has been late fourteen times this term. Staff have often noticed her arriving hungry "
         "and in unwashed uniform. Since the referral she has come to breakfast club most days "
         "and has been on time. She is making good progress with reading and has close "
         "friends."),
        ("agency_information", "11:14", "secondary", _F, False,
         "Mr Osei reported that Kai's attendance is 79%. Most absences are on Mondays and were "
         "reported by Ms Harland as illness. Kai has told his form tutor that he sometimes "
         "stays at home to look after Theo when his mum is unwell."),
        ("agency_information", "11:16", "secondary", _OP, False,
         "Mr Osei described Kai as polite, well liked and able, but said his progress has "
         "slipped this year. He is worried that Kai is carrying too much responsibility at "
         "home."),
        ("agency_information", "11:18", "amh", _F, False,
         "Ms Walsh is Ms Harland's care coordinator. Ms Harland was referred by her GP six "
         "months ago with depression. She missed three appointments early on but has attended "
         "every appointment in the last six weeks and has started medication. Her mood is "
         "improving, though mornings remain hard."),
        ("agency_information", "11:21", "idva", _F, False,
         "Ms Rees has met Ms Harland four times and is helping her with benefits and a "
         "housing application. Ms Harland has kept every appointment."),
        ("agency_information", "11:23", "chair", _F, False,
         "The chair summarised the GP report: Theo's immunisations are overdue and two "
         "reminder letters have had no reply; Ms Harland is prescribed an antidepressant; the "
         "practice has no concerns recorded about Mr Harland's health."),
        ("childs_views", "11:25", "advocate", None, False,
         "Ms Tran met Kai twice at school. He chose not to attend and asked her to share his "
         "views. Kai wants to keep living with his mum, Lily and Theo. He loves his dad and "
         "wants to see him, but not at home, because \"that's when the arguing starts\". He "
         "gets Lily and Theo ready in the mornings when his mum is tired; he does not mind "
         "helping, but it makes him late. He asked to hear the outcome from Ms Hussain in "
         "person, not by letter."),
        ("childs_views", "11:29", "sw", None, False,
         "Ms Hussain completed a \"three houses\" drawing with Lily at school. In her house of "
         "good things Lily drew her mum making pancakes, her brothers and her teacher. In her "
         "house of worries she drew her mum and dad shouting and an empty fridge. In her house "
         "of dreams she drew a dog and a bedroom of her own. Lily agreed that the conference "
         "could see her drawing."),
        ("childs_views", "11:33", "hv", _O, False,
         "Theo is too young to give his views. Ms Munro described him as a lively, "
         "affectionate little boy who enjoys being read to by Kai and who becomes quiet and "
         "clingy when the adults around him are upset."),
        ("parents_views", "11:36", "mother", None, False,
         "Ms Harland said, through the interpreter, that she loves her children and knows "
         "things have been hard since her mood got worse. She accepts the flat has been untidy "
         "and the children have been late for school, but does not accept that they have gone "
         "hungry. She feels calmer since Mr Harland moved out but wants the children to keep "
         "seeing him. She asked for help with the mornings and for a nursery place for Theo."),
        ("parents_views", "11:40", "father", None, False,
         "Mr Harland said the arguments were mostly about money and accepts that the children "
         "should not have heard them. He denies any violence. He wants to see the children "
         "more and will attend a course if that is what is needed."),
        ("parents_views", "11:43", "solicitor", None, False,
         "Mr Forsyth asked, on Mr Harland's behalf, that the minutes record that Mr Harland "
         "disputes the police account of the most recent incident. The chair confirmed that "
         "this has been recorded."),
        ("analysis", "11:48", "chair", _OP, False,
         "What we are worried about: the children's basic care, health appointments and school "
         "attendance have not been met consistently for several months; the children have heard "
         "arguments and abuse between their parents; Theo's speech is delayed; Kai is taking on "
         "a caring role that is affecting his education. Complicating factors are Mr Harland's "
         "denial of the police account, financial pressure and Ms Harland's limited support "
         "nearby. Worry statement: professionals are worried that, if nothing changes, Theo and "
         "Lily will keep missing out on the care, health care and schooling they need, and that "
         "all three children will be frightened and upset by further abuse between their "
         "parents."),
        ("analysis", "11:55", "chair", _O, False,
         "What is working well: the children love their parents and are loved by them; Ms "
         "Harland is working with mental health and domestic abuse services; the flat was "
         "tidier at the last visit; the paternal grandmother is offering practical help; Kai "
         "and Lily have trusted adults at school."),
        ("analysis", "11:59", "chair", _F, False,
         "Scaling, where 0 means the children cannot safely stay at home and 10 means everyone "
         "agrees children's social care no longer needs to be involved: professionals scored "
         "between 3 and 5, Ms Harland 7 and Mr Harland 8."),
        ("decision", "12:05", "chair", _F, False,
         "The chair asked each professional in turn for their view on each child; their views "
         "and reasons are recorded in the decision section. Decision: Theo and Lily are likely "
         "to suffer significant harm. Each will be subject to a child protection plan: Theo "
         "under the categories of neglect (primary) and emotional abuse, Lily under the category "
         "of neglect."),
        ("decision", "12:09", "chair", _OP, False,
         "Kai has significant needs, but the chair's view is that he is not likely to suffer "
         "significant harm: he is older, able to ask for help and has trusted adults at "
         "school. He will be supported through a child in need plan, reviewed alongside his "
         "brother's and sister's plans."),
        ("decision", "12:12", "secondary", _OP, False,
         "Mr Osei dissented from the decision for Kai. He believes Kai is living in the same "
         "circumstances as his brother and sister and that his falling attendance and caring "
         "role amount to neglect. His dissent is recorded in full in the decision section."),
        ("decision", "12:15", "mother", None, False,
         "Ms Harland and Mr Harland said they did not think plans were needed but understood "
         "the reasons and would work with the plan."),
        ("plan", "12:18", "chair", _F, False,
         "Ms Hussain will be the lead social worker. She will visit at least every ten working "
         "days and see each child alone. The outline plan was agreed: a nursery place and speech "
         "and language therapy for Theo; health and dental appointments brought up to date; "
         "breakfast club for Lily; an attendance support plan and a young carers referral for "
         "Kai; continued mental health and domestic abuse support for Ms Harland; and a referral "
         "for Mr Harland to a domestic abuse behaviour change programme."),
        ("plan", "12:24", "sw", _F, False,
         "Contact between the children and Mr Harland will take place at the paternal "
         "grandmother's home, supervised by her, until the core group reviews it. Both parents "
         "agreed."),
        ("plan", "12:27", "chair", None, False,
         "Contingency: if attendance or health appointments do not improve, or there is a "
         "further domestic incident, the lead social worker will call an urgent core group "
         "and, with her manager, seek legal advice."),
        ("future_meetings", "12:31", "chair", _F, False,
         f"The first core group will meet on {_long_date(first_core_group)}. The review "
         f"conference will be held on {_long_date(review)}."),
        ("future_meetings", "12:33", "chair", None, False,
         "The chair explained how to complain about the conference and gave both parents the "
         "leaflet. Ms Hussain and Ms Tran will tell Kai the outcome together, and Ms Hussain "
         "will tell Lily at school. The meeting closed at 12:36."),
    )


# Views: (participant key, view, reason), per child.
_ViewRow = tuple[str, View, str]

_THEO_VIEWS: tuple[_ViewRow, ...] = (
    ("sw", View.PLAN,
     "Theo's health and development needs have been missed and he is exposed to abuse "
     "between his parents."),
    ("tm", View.PLAN, "Agrees with the social work assessment."),
    ("police", View.PLAN,
     "Three domestic incidents in ten months; the risk remains while contact arrangements "
     "are unsettled."),
    ("hv", View.PLAN,
     "Missed reviews, overdue immunisations and delayed speech show that Theo's needs are "
     "not being met."),
    ("sn", View.UNSURE, "Has not met Theo and defers to the health visitor."),
    ("primary", View.PLAN,
     "Theo is likely to be experiencing the same care as Lily and is less visible to "
     "professionals."),
    ("secondary", View.PLAN,
     "Persuaded by the health visitor's evidence about Theo's development."),
    ("amh", View.UNSURE,
     "Ms Harland's mood is improving and she is engaging; unsure whether a plan is needed "
     "rather than support."),
    ("idva", View.PLAN, "Theo is at home all day and most exposed to any further abuse."),
)

_LILY_VIEWS: tuple[_ViewRow, ...] = (
    ("sw", View.PLAN, "Lily's basic care and school attendance have been poor for months."),
    ("tm", View.PLAN, "Agrees with the social work assessment."),
    ("police", View.PLAN, "Lily has been at home during the domestic incidents."),
    ("hv", View.PLAN, "Concerned about the pattern of missed health care across the family."),
    ("sn", View.PLAN,
     "Untreated tooth decay and hunger at school point to neglect of her basic needs."),
    ("primary", View.PLAN,
     "Poor attendance, lateness, hunger and unwashed uniform over a long period; the "
     "improvement since the referral is recent."),
    ("secondary", View.PLAN, "Agrees with the primary school's evidence."),
    ("amh", View.UNSURE,
     "Knows Lily only through Ms Harland; thinks her needs might be met with support now "
     "that Ms Harland is engaging."),
    ("idva", View.PLAN, "Lily has heard the arguments and has said that she worries about them."),
)

_KAI_VIEWS: tuple[_ViewRow, ...] = (
    ("sw", View.CHILD_IN_NEED,
     "Kai's needs are significant, but he is older, able to ask for help and has trusted "
     "adults at school."),
    ("tm", View.CHILD_IN_NEED, "Agrees with the social worker."),
    ("police", View.CHILD_IN_NEED,
     "No information that Kai is at direct risk; supports help with his caring role."),
    ("hv", View.UNSURE, "Has no direct contact with Kai."),
    ("sn", View.CHILD_IN_NEED,
     "Kai is tired and worried but asks for help; young carers support and help at school "
     "should meet his needs."),
    ("primary", View.UNSURE, "Kai left the school over a year ago; no current knowledge of him."),
    ("secondary", View.PLAN,
     "Kai's attendance is falling and he is caring for his brother and sister; he is living "
     "with the same neglect as them."),
    ("amh", View.CHILD_IN_NEED,
     "Help for Ms Harland in the mornings should reduce Kai's caring role."),
    ("idva", View.CHILD_IN_NEED, "Kai has a clear safety plan and knows how to get help."),
)
# fmt: on

_KAI_DISSENT = (
    "Mr Osei (Fenbridge Academy) dissents from the decision not to make a child protection "
    "plan for Kai. Kai's attendance has fallen to 79%, he regularly stays at home to look "
    "after Theo and his progress at school has slipped. He lives in the same home conditions "
    "as his brother and sister, and Mr Osei believes this amounts to neglect. He is concerned "
    "that a child in need plan will not give Kai's needs the same priority, and asked that "
    "Kai's attendance is reported to every core group."
)

_CONTINGENCY = (
    "If school attendance or health appointments do not improve, or there is a further "
    "domestic incident, the lead social worker will call an urgent core group meeting and, "
    "with her team manager, seek legal advice about the children's safety."
)


def _actions(
    ids: _Ids, child_key: str, rows: Sequence[tuple[str, str, date]]
) -> tuple[PlanAction, ...]:
    return tuple(
        PlanAction(
            id=ids("action", child_key, str(index)), owner=owner, action=action, due_date=due
        )
        for index, (owner, action, due) in enumerate(rows, start=1)
    )


def build_demo_record(today: date, author: str = "Demo Chair") -> ConferenceRecord:
    """The main sample: a concluded initial conference for three siblings.

    ``author`` is used as the independent chair's name, so whoever creates the demo store
    sees themselves in the chair. The conference was held two working days before
    ``today``.
    """
    ids = _Ids(f"demo/{today.isoformat()}/harland")
    day = add_working_days(today, -2)
    first_core_group = add_working_days(day, 8)
    review = _working_day_on_or_before(add_months(day, 3))

    conference = Conference(
        id=ids("conference"),
        reference=f"CPC-{day.year}-0001",
        type=ConferenceType.INITIAL,
        status=ConferenceStatus.CONCLUDED,
        date=day,
        profile="england",
        start_time=time(10, 0),
        local_authority=_LOCAL_AUTHORITY,
        venue="Fenbridge Civic Centre, Committee Room 2",
        mode=MeetingMode.IN_PERSON,
        strategy_discussion_date=add_working_days(day, -14),
    )

    kai = Child(
        id=ids("child", "kai"),
        given_name="Kai",
        family_name="Harland",
        date_of_birth=_born(today, 12, 64),
        participation=ChildParticipation.THROUGH_ADVOCATE,
        participation_reason=(
            "Kai chose not to attend. He met his advocate twice and asked her to share his views."
        ),
    )
    lily = Child(
        id=ids("child", "lily"),
        given_name="Lily",
        family_name="Harland",
        date_of_birth=_born(today, 7, 212),
        participation=ChildParticipation.WRITTEN_OR_DRAWN,
        participation_reason=(
            'Lily completed a "three houses" drawing with her social worker at school.'
        ),
    )
    theo = Child(
        id=ids("child", "theo"),
        given_name="Theo",
        family_name="Harland",
        date_of_birth=_born(today, 3, 137),
        participation=ChildParticipation.NOT_TAKING_PART,
        participation_reason=(
            "Too young to take part; his health visitor described her observations of him."
        ),
    )

    people = _harland_people(author)
    participants = _participants(ids, people, day)
    by_key = {
        person.key: participant for person, participant in zip(people, participants, strict=True)
    }
    pid = {key: participant.id for key, participant in by_key.items()}

    agenda = _agenda(ids, _INITIAL_AGENDA, AgendaStatus.DONE)
    agenda_id = {item.key: item.id for item in agenda}
    minute_taker = by_key["minutes"].name
    minutes = tuple(
        MinuteEntry(
            id=ids("minute", str(index)),
            agenda_item_id=agenda_id[key],
            text=text,
            author=minute_taker,
            created_at=_utc(day, clock),
            updated_at=_utc(day, clock) + timedelta(seconds=45),
            speaker_id=pid[speaker],
            tag=tag,
            restricted=restricted,
        )
        for index, (key, clock, speaker, tag, restricted, text) in enumerate(
            _harland_minutes(first_core_group, review), start=1
        )
    )

    def views(child_key: str, rows: Sequence[_ViewRow]) -> tuple[AgencyView, ...]:
        return tuple(
            AgencyView(
                id=ids("view", child_key, key), participant_id=pid[key], view=view, reason=reason
            )
            for key, view, reason in rows
        )

    lead_contact = (
        f"Amira Hussain, Children's Social Care, {_LOCAL_AUTHORITY}. "
        f"Telephone {_CONTACT_NUMBER}. Email {_CONTACT_EMAIL}."
    )
    core_group = tuple(
        pid[key]
        for key in ("sw", "hv", "sn", "primary", "secondary", "amh", "idva", "mother", "father")
    )
    sw_owner = "Amira Hussain, lead social worker"
    mother_owner = "Justyna Harland"

    theo_decision = Decision(
        id=ids("decision", "theo"),
        child_id=theo.id,
        threshold_met=True,
        threshold_rationale=(
            "Theo's health and development needs have been missed over several months "
            "(overdue immunisations, missed developmental reviews, delayed speech) and he has "
            "been exposed to abuse between his parents. Without a plan this is likely to "
            "continue."
        ),
        outcome=Outcome.CP_PLAN,
        reason=(
            "A child protection plan is needed to bring Theo's health care and development "
            "up to date and to protect him from further domestic abuse. Neglect is the main "
            "concern; emotional abuse reflects the effect on him of living with abuse between "
            "his parents."
        ),
        categories=("neglect", "emotional_abuse"),
        primary_category="neglect",
        lead_social_worker_id=pid["sw"],
        lead_social_worker_contact=lead_contact,
        core_group=core_group,
        first_core_group_date=first_core_group,
        review_date=review,
        contingency_plan=_CONTINGENCY,
        parents_view=(
            "Both parents do not think a plan is needed. Both agree Theo needs a nursery place "
            "and help with his speech, and both will work with the plan."
        ),
        child_view=(
            "Theo is too young to give his views. Professionals who know him describe a "
            "lively, affectionate boy who looks to his mother for comfort and becomes quiet "
            "and clingy when adults are upset."
        ),
        final=True,
        views=views("theo", _THEO_VIEWS),
        actions=_actions(
            ids,
            "theo",
            (
                (
                    "Claire Munro, health visitor",
                    "Complete Theo's developmental review and confirm his speech and language "
                    "therapy appointment.",
                    add_working_days(day, 15),
                ),
                (
                    mother_owner,
                    "Take Theo to the surgery to bring his immunisations up to date, with support "
                    "from the health visitor.",
                    add_working_days(day, 20),
                ),
                (
                    sw_owner,
                    "Arrange a nursery place for Theo using his funded hours.",
                    add_working_days(day, 20),
                ),
                (
                    "Bethan Rees, domestic abuse service",
                    "Continue safety planning with Ms Harland and review it whenever contact "
                    "arrangements change.",
                    first_core_group,
                ),
                (
                    "Dean Harland",
                    "Attend an assessment for a domestic abuse behaviour change programme.",
                    add_working_days(day, 30),
                ),
            ),
        ),
    )

    lily_decision = Decision(
        id=ids("decision", "lily"),
        child_id=lily.id,
        threshold_met=True,
        threshold_rationale=(
            "Lily's basic care has been inconsistent for months: she has often arrived at "
            "school hungry and in unwashed uniform, her attendance is low and her tooth decay "
            "was untreated. This is likely to continue without a plan."
        ),
        outcome=Outcome.CP_PLAN,
        reason=(
            "A child protection plan is needed so that Lily's basic care, health and school "
            "attendance are monitored and improve."
        ),
        categories=("neglect",),
        primary_category="neglect",
        lead_social_worker_id=pid["sw"],
        lead_social_worker_contact=lead_contact,
        core_group=core_group,
        first_core_group_date=first_core_group,
        review_date=review,
        contingency_plan=_CONTINGENCY,
        parents_view=(
            "Both parents accept that Lily has often been late for school and say they will "
            "make sure she gets there on time. They do not accept that she has gone hungry."
        ),
        child_view=(
            "Through her drawing Lily said she loves her mum's pancakes, her brothers and her "
            "teacher; she worries when her parents shout and when there is no food; she "
            "dreams of a dog and a room of her own."
        ),
        final=True,
        views=views("lily", _LILY_VIEWS),
        actions=_actions(
            ids,
            "lily",
            (
                (
                    "Joanne Pritchard, Brookfield Primary School",
                    "Offer Lily a daily breakfast club place and report her attendance and "
                    "punctuality to each core group.",
                    first_core_group,
                ),
                (
                    "Priya Shah, school nurse",
                    "Complete a health assessment for Lily and check that her dental treatment has "
                    "taken place.",
                    add_working_days(day, 20),
                ),
                (
                    sw_owner,
                    "Visit at least every ten working days and see Lily alone on each visit.",
                    add_working_days(day, 10),
                ),
                (
                    f"{mother_owner}, with the paternal grandmother",
                    "Make sure Lily arrives at school on time every day.",
                    first_core_group,
                ),
            ),
        ),
    )

    kai_decision = Decision(
        id=ids("decision", "kai"),
        child_id=kai.id,
        threshold_met=False,
        threshold_rationale=(
            "Kai's attendance and caring role are serious concerns, but he is older, able to "
            "ask for help and has trusted adults at school. The conference does not consider "
            "him likely to suffer significant harm."
        ),
        outcome=Outcome.CIN_PLAN,
        reason=(
            "A child in need plan will support Kai with school attendance and his caring "
            "role. It will be reviewed at the same meetings as his brother's and sister's "
            "plans."
        ),
        lead_social_worker_id=pid["sw"],
        lead_social_worker_contact=lead_contact,
        core_group=core_group,
        first_core_group_date=first_core_group,
        review_date=review,
        contingency_plan=(
            "If Kai's attendance has not improved within six weeks, or his caring role grows, "
            "the lead social worker will ask the chair to bring the review forward and "
            "consider whether Kai needs a child protection plan."
        ),
        parents_view=(
            "Both parents agree that Kai should not have to look after his brother and sister "
            "in the mornings and welcome help from the young carers service."
        ),
        child_view=(
            "Through his advocate, Kai said he wants to keep living with his mum, Lily and "
            "Theo and to see his dad away from the family home. He would like help for his "
            "mum in the mornings so that he can get to school on time."
        ),
        final=True,
        views=views("kai", _KAI_VIEWS),
        dissents=(
            Dissent(
                id=ids("dissent", "kai", "secondary"),
                participant_id=pid["secondary"],
                reasons=_KAI_DISSENT,
            ),
        ),
        actions=_actions(
            ids,
            "kai",
            (
                (
                    "Martin Osei, Fenbridge Academy",
                    "Put an attendance support plan in place, with a weekly check-in with Kai's "
                    "form tutor.",
                    add_working_days(day, 5),
                ),
                (sw_owner, "Refer Kai to the young carers service.", add_working_days(day, 5)),
                (
                    f"{sw_owner}, with Sophie Tran, advocate",
                    "Tell Kai the outcome of the conference in person.",
                    add_working_days(day, 1),
                ),
                (
                    mother_owner,
                    "Agree a morning routine with the social worker that does not rely on Kai.",
                    first_core_group,
                ),
            ),
        ),
    )

    return ConferenceRecord(
        conference=conference,
        children=(kai, lily, theo),
        participants=participants,
        agenda=agenda,
        minutes=minutes,
        decisions=(kai_decision, lily_decision, theo_decision),
    )


# --------------------------------------------------------------------------------------
# Two smaller scheduled conferences
# --------------------------------------------------------------------------------------

_REVIEW_AGENDA: tuple[tuple[str, str, int], ...] = (
    ("welcome", "Welcome and introductions", 5),
    ("purpose", "Purpose of the review and confidentiality", 5),
    ("equality", "Equality, communication needs and professional difference", 5),
    ("apologies_reports", "Apologies and reports", 5),
    ("progress", "Progress against the child protection plan", 20),
    ("agency_information", "Information from agencies", 20),
    ("childs_views", "Maisie's views, wishes and feelings", 10),
    ("parents_views", "Parent's views and the wider family", 10),
    ("analysis", "Analysis: worries, strengths and scaling", 15),
    ("decision", "Decision: does Maisie still need a plan?", 10),
    ("plan", "Changes to the plan", 10),
    ("future_meetings", "Core group and next review", 5),
)

_PRE_BIRTH_AGENDA: tuple[tuple[str, str, int], ...] = (
    ("welcome", "Welcome and introductions", 5),
    ("purpose", "Purpose of the conference and confidentiality", 5),
    ("equality", "Equality, communication needs and professional difference", 5),
    ("apologies_reports", "Apologies and reports", 5),
    ("reason", "Reason for the conference and the pre-birth assessment", 15),
    ("agency_information", "Information from agencies", 25),
    ("childs_views", "The baby's needs", 5),
    ("parents_views", "Parents' views and the wider family", 10),
    ("analysis", "Analysis: worries, strengths and scaling", 15),
    ("decision", "Decision for the unborn baby", 10),
    ("birth_plan", "Birth plan and arrangements after the birth", 10),
    ("plan", "Outline plan, lead social worker, core group and contingency", 10),
    ("future_meetings", "Core group and review", 5),
)


_Invitee = tuple[str, str, ParticipantRole, str, str, bool]

# fmt: off
# (key, name, role, agency, relationship, direct contact); the chair is added in front.
_BRENNAN_PEOPLE: tuple[_Invitee, ...] = (
    ("minutes", "Sandra Pell", ParticipantRole.MINUTE_TAKER, _BUSINESS_SUPPORT,
     "minute-taker", False),
    ("sw", "Daniel Frost", ParticipantRole.SOCIAL_WORKER, "Children's Social Care",
     "lead social worker for Maisie", True),
    ("school", "Rachel Ambrose", ParticipantRole.PROFESSIONAL, "Harrowgate Junior School",
     "designated safeguarding lead, Maisie's school", True),
    ("recovery", "Tom Okafor", ParticipantRole.PROFESSIONAL, "Fenbridge Recovery Service",
     "drug and alcohol worker for Ms Brennan", True),
    ("mother", "Kirsty Brennan", ParticipantRole.PARENT, "", "mother of Maisie", False),
    ("grandfather", "Frank Brennan", ParticipantRole.FAMILY_MEMBER, "",
     "maternal grandfather; looks after Maisie after school", False),
)

_MARSH_PEOPLE: tuple[_Invitee, ...] = (
    ("minutes", "Marcus Webb", ParticipantRole.MINUTE_TAKER, _BUSINESS_SUPPORT,
     "minute-taker", False),
    ("sw", "Hannah Fielding", ParticipantRole.SOCIAL_WORKER, "Children's Social Care",
     "social worker completing the pre-birth assessment", True),
    ("midwife", "Grace Obi", ParticipantRole.PROFESSIONAL, "Fenbridge Maternity Services",
     "community midwife", True),
    ("probation", "Steven Hale", ParticipantRole.PROFESSIONAL, "Probation Service",
     "probation officer for Mr Tanner", True),
    ("mother", "Chloe Marsh", ParticipantRole.PARENT, "", "expectant mother", False),
    ("father", "Lee Tanner", ParticipantRole.PARENT, "", "father of the unborn baby", False),
)
# fmt: on


def _invitees(ids: _Ids, chair_name: str, rows: Sequence[_Invitee]) -> tuple[Participant, ...]:
    """Invited participants of a conference that has not happened yet (no attendance)."""
    chair: _Invitee = (
        "chair",
        chair_name,
        ParticipantRole.CHAIR,
        _CHAIR_AGENCY,
        "independent chair",
        False,
    )
    return tuple(
        Participant(
            id=ids("participant", key),
            name=name,
            role=role,
            agency=agency,
            relationship=relationship,
            direct_contact=direct,
        )
        for key, name, role, agency, relationship, direct in (chair, *rows)
    )


def _review_record(today: date, author: str) -> ConferenceRecord:
    ids = _Ids(f"demo/{today.isoformat()}/brennan")
    day = add_working_days(today, 10)
    return ConferenceRecord(
        conference=Conference(
            id=ids("conference"),
            reference=f"CPC-{day.year}-0002",
            type=ConferenceType.REVIEW,
            status=ConferenceStatus.SCHEDULED,
            date=day,
            profile="england",
            start_time=time(14, 0),
            local_authority=_LOCAL_AUTHORITY,
            venue="Fenbridge Civic Centre, Committee Room 1, and online",
            mode=MeetingMode.HYBRID,
            previous_conference_date=_working_day_on_or_after(day - timedelta(weeks=12)),
            review_number=1,
        ),
        children=(
            Child(
                id=ids("child", "maisie"),
                given_name="Maisie",
                family_name="Brennan",
                date_of_birth=_born(today, 9, 150),
                participation=ChildParticipation.ATTENDS_PART,
                participation_reason=(
                    "Maisie would like to join the start of the meeting with her social worker "
                    "to share her views."
                ),
            ),
        ),
        participants=_invitees(ids, author, _BRENNAN_PEOPLE),
        agenda=_agenda(ids, _REVIEW_AGENDA, AgendaStatus.PENDING),
    )


def _pre_birth_record(today: date, author: str) -> ConferenceRecord:
    ids = _Ids(f"demo/{today.isoformat()}/marsh")
    day = add_working_days(today, 3)
    return ConferenceRecord(
        conference=Conference(
            id=ids("conference"),
            reference=f"CPC-{day.year}-0003",
            type=ConferenceType.PRE_BIRTH,
            status=ConferenceStatus.SCHEDULED,
            date=day,
            profile="england",
            start_time=time(10, 30),
            local_authority=_LOCAL_AUTHORITY,
            venue="Eastgate Family Hub, Meeting Room 1",
            mode=MeetingMode.IN_PERSON,
            strategy_discussion_date=add_working_days(day, -12),
        ),
        children=(
            Child(
                id=ids("child", "unborn"),
                given_name="Baby",
                family_name="Marsh",
                expected_date_of_delivery=day + timedelta(weeks=11),
            ),
        ),
        participants=_invitees(ids, author, _MARSH_PEOPLE),
        agenda=_agenda(ids, _PRE_BIRTH_AGENDA, AgendaStatus.PENDING),
    )


def build_demo_records(today: date, author: str = "Demo Chair") -> tuple[ConferenceRecord, ...]:
    """The main sample followed by a scheduled review and a scheduled pre-birth conference."""
    return (
        build_demo_record(today, author),
        _review_record(today, author),
        _pre_birth_record(today, author),
    )
