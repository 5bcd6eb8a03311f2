"""No family-side output ever holds text its recipient may not receive (issue 16, point 6).

Generated conferences: the demo conference (so every letter has its facts) with what
decides disclosure drawn at random: who is on which side and which children each person
is related to; exclusions at random moments; minute entries begun, edited and moved at
random moments, restricted or not, with the chair's rulings; what the chair shares with
the family; private details with "do not disclose to …" requests. Every free-text value
and private detail carries a unique token, so a token found in a PDF says which value
leaked.

For each family-side person, their family copy of the minutes and each letter written to
them are typeset for real, and every page's text, decompressed stream and string of the
file (tests/unit/services/test_nothing_hidden.py ``everything_in``) is searched for the
token of every value the rules below say that person may not receive. The rules are
written here from disclosure.md, independently of the code under test:

* a minute entry is kept from P if it is restricted, or was begun during P's exclusion,
  or was changed during it, unless it was begun before that exclusion and the chair
  ruled that P's copy shows it;
* a chair-chosen text (agency view reason, dissent, exclusion note, delay and quorum
  reasons) is kept from every family copy unless shared; an exclusion's note is kept
  from the excluded person unless the chair also chose to show it to them;
* professionals-only text (the reason for a side) never reaches a family copy;
* a private detail (address, telephone, e-mail, school or workplace) never reaches a
  family copy, nor any letter but its owner's own;
* what concerns a child the person is not related to (that child's decision) is not in
  their copy.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import date, datetime, timedelta
from itertools import count

from hypothesis import given, settings
from hypothesis import strategies as st

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AttendanceKind, CopyKind, ExclusionGround, Side
from cpc_desktop.domain.fields import FIELDS, Readers
from cpc_desktop.domain.letters import LetterRequest, compose_letter, letters_needed
from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
from cpc_desktop.domain.sides import children_of, family_side
from cpc_desktop.export.typeset import render_document, render_letter
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile
from tests.unit.services.test_nothing_hidden import everything_in

DEMO = build_demo_records(date(2026, 11, 22))[0]
PROFILE = load_profile(DEMO.conference.profile)
START = min(e.created_at for e in DEMO.minutes)
END = max(e.updated_at for e in DEMO.minutes) + timedelta(minutes=30)
SPAN = int((END - START).total_seconds() // 60)


def token(number: int) -> str:
    return f"Qz{number:04d}k"


def _moment(minute: int) -> datetime:
    return START + timedelta(minutes=minute)


def conference(rnd: random.Random) -> d.ConferenceRecord:
    """One generated conference (a seeded recipe, so a failure names a seed, not 90 kB)."""
    numbers = count(1)

    def flag() -> bool:
        return rnd.random() < 0.5

    def minute(least: int = 0) -> int:
        return rnd.randint(least, SPAN)

    def some(items: list[str], most: int) -> tuple[str, ...]:
        return tuple(rnd.sample(items, rnd.randint(0, min(most, len(items)))))

    def tag(text: str | None) -> str:
        return f"{text or 'Noted'} {token(next(numbers))}"

    children = [c.id for c in DEMO.children]
    people: list[d.Participant] = []
    for person in DEMO.participants:
        attendance = tuple(
            dataclasses.replace(e, note=tag(e.note)) if e.kind is AttendanceKind.EXCLUDED else e
            for e in person.attendance
        )
        if rnd.randint(0, 5) == 0:  # another exclusion, at a random moment
            at = minute()
            length = rnd.randint(1, 60)
            attendance += (
                d.AttendanceEvent(
                    id=f"0190b000-0000-7000-8000-{len(people):012d}",
                    kind=AttendanceKind.EXCLUDED,
                    at=_moment(at),
                    until=_moment(at + length),
                    grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
                    note=tag("Grounds given in private"),
                ),
            )
        attendance = tuple(
            dataclasses.replace(e, shared_with_family=flag(), shown_to_excluded=flag())
            for e in attendance
        )
        flipped = rnd.randint(0, 4) == 0
        people.append(
            dataclasses.replace(
                person,
                attendance=attendance,
                side=rnd.choice(list(Side)) if flipped else None,
                side_reason=tag("Moved to the other side") if flipped else None,
                child_ids=some(children, len(children)),
                address=f"{next(numbers)} Token Road\n{token(next(numbers))}",
                telephone=f"07700 9{next(numbers):05d}",
                email=f"{token(next(numbers))}@example.org",
                school_or_workplace=tag("Works at"),
            )
        )
    ids = [p.id for p in people]
    people = [dataclasses.replace(p, withhold_from=some(ids, 2)) for p in people]

    entries = []
    for entry in DEMO.minutes:
        begun = minute()
        changes = sorted(minute(begun) for _ in range(rnd.randint(0, 2)))
        entries.append(
            dataclasses.replace(
                entry,
                text=tag(entry.text),
                restricted=rnd.randint(0, 4) == 0,
                created_at=_moment(begun),
                updated_at=_moment(changes[-1] if changes else begun),
                changes=tuple((_moment(m), _moment(m)) for m in [begun, *changes]),
                shown_to=some(ids, 2),
            )
        )

    decisions = []
    for decision in DEMO.decisions:
        decisions.append(
            dataclasses.replace(
                decision,
                reason=tag(decision.reason),
                contingency_plan=tag(decision.contingency_plan),
                threshold_rationale=tag(decision.threshold_rationale),
                views=tuple(
                    dataclasses.replace(v, reason=tag(v.reason), shared_with_family=flag())
                    for v in decision.views
                ),
                dissents=tuple(
                    dataclasses.replace(x, reasons=tag(x.reasons), shared_with_family=flag())
                    for x in decision.dissents
                ),
            )
        )
    conference = dataclasses.replace(
        DEMO.conference,
        delay_reason=tag("Late because"),
        delay_reason_shared=flag(),
        quorum_reason=tag("Went ahead because"),
        quorum_reason_shared=flag(),
    )
    return dataclasses.replace(
        DEMO,
        conference=conference,
        participants=tuple(people),
        minutes=tuple(entries),
        decisions=tuple(decisions),
    )


# --- what a person may not receive --------------------------------------------------------


def _windows(person: d.Participant) -> list[tuple[datetime, datetime | None]]:
    return [(e.at, e.until) for e in person.attendance if e.kind is AttendanceKind.EXCLUDED]


def _inside(instant: datetime, start: datetime, end: datetime | None) -> bool:
    return start <= instant and (end is None or instant < end)


def _entry_kept_from(entry: d.MinuteEntry, person: d.Participant) -> bool:
    if entry.restricted:
        return True
    for start, end in _windows(person):
        if _inside(entry.created_at, start, end):
            return True
        touched = any((end is None or s < end) and e >= start for s, e in entry.changes)
        ruled_in = entry.created_at < start and person.id in entry.shown_to
        if touched and not ruled_in:
            return True
    return False


def _tokens(text: str | None) -> list[str]:
    return [word for word in (text or "").split() if word.startswith("Qz") and word.endswith("k")]


def kept_from(record: d.ConferenceRecord, person: d.Participant, *, letter: bool) -> set[str]:
    """The tokens of every value ``person`` may not receive."""
    kept: set[str] = set()
    if not letter:
        for entry in record.minutes:
            if _entry_kept_from(entry, person):
                kept.update(_tokens(entry.text))
    c = record.conference
    if not c.delay_reason_shared:
        kept.update(_tokens(c.delay_reason))
    if not c.quorum_reason_shared:
        kept.update(_tokens(c.quorum_reason))
    related = {child.id for child in children_of(record, person)}
    for decision in record.decisions:
        for v in decision.views:
            if not v.shared_with_family or decision.child_id not in related:
                kept.update(_tokens(v.reason))
        for x in decision.dissents:
            if not x.shared_with_family or decision.child_id not in related:
                kept.update(_tokens(x.reasons))
        if decision.child_id not in related:
            for text in (decision.reason, decision.contingency_plan, decision.threshold_rationale):
                kept.update(_tokens(text))
    for other in record.participants:
        kept.update(_tokens(other.side_reason))
        for event in other.attendance:
            if event.kind is not AttendanceKind.EXCLUDED:
                continue
            shown = event.shared_with_family and (other.id != person.id or event.shown_to_excluded)
            if not shown:
                kept.update(_tokens(event.note))
        if letter and other.id == person.id:
            continue  # a letter may carry its recipient's own details
        for detail in (other.address, other.email, other.school_or_workplace):
            kept.update(_tokens(detail))
    return kept


def test_the_rules_here_are_those_disclosure_md_states() -> None:
    """The oracle's private-detail and chosen-field lists are those domain/fields.py declares."""
    assert {p for p, r in FIELDS.items() if r.readers is Readers.SELF} == {
        "$.participants[].address",
        "$.participants[].telephone",
        "$.participants[].email",
        "$.participants[].school_or_workplace",
    }
    assert {p for p, r in FIELDS.items() if r.readers is Readers.CHOSEN} == {
        "$.conference.delay_reason",
        "$.conference.quorum_reason",
        "$.participants[].attendance[].note",
        "$.decisions[].views[].reason",
        "$.decisions[].dissents[].reasons",
    }


@settings(max_examples=5, deadline=None, derandomize=True)
@given(st.integers(0, 2**32 - 1))
def test_no_family_output_holds_what_its_recipient_may_not_receive(seed: int) -> None:
    record = conference(random.Random(seed))
    family = family_side(record)
    assert family
    for person in family:
        built = build_minutes(record, PROFILE, MinutesCopy(CopyKind.FAMILY, person.id))
        found = everything_in(render_document(built.document))
        leaked = sorted(t for t in kept_from(record, person, letter=False) if t in found)
        assert not leaked, (person.name, leaked)
    for need in letters_needed(record):
        addressee = next((p for p in family if p.id == need.recipient_id), None)
        if addressee is None:
            continue
        request = LetterRequest(need.kind, addressee.id, addressee.name, ("1 Any St", "AB1 2CD"))
        letter = compose_letter(record, PROFILE, request, date(2026, 11, 23))
        found = everything_in(render_letter(letter))
        leaked = sorted(t for t in kept_from(record, addressee, letter=True) if t in found)
        assert not leaked, (need.kind, addressee.name, leaked)
