"""Whatever the services accept, the conference's own document and hand-over carry.

A Hypothesis test drives the services as the screens and the command line do, with text
of every length around each declared limit (domain/fields.py). Each call either succeeds
or is refused with a RuleViolation that changes nothing. At the end the conference's
export must pass the schema and import into an empty store as the same document, and its
hand-over package must read back.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpc_desktop.domain.enums import ConferenceType, ParticipantRole, UserRole
from cpc_desktop.domain.fields import rule
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.services.conferences import ConferenceService, NewChild, NewConference
from cpc_desktop.services.document import parse_document, render_document, validate_document
from cpc_desktop.services.errors import RuleViolation
from cpc_desktop.services.handover import HandoverService
from cpc_desktop.services.handover_package import read_package
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.roll_call import NewParticipant, RollCallService
from cpc_desktop.services.rules import RuleBook
from cpc_desktop.services.session import Session
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Alex Chair", UserRole.CHAIR)
PASS = "hand-over passphrase"


def around(path: str) -> st.SearchStrategy[str]:
    """Text for ``path``: blank, short, or at, just past and far past its limit."""
    limit = rule(path).max_length or 2000
    lengths = st.sampled_from([0, 1, limit - 1, limit, limit + 1, limit * 3])
    letters = st.sampled_from(["x", "é", "漢", " ", "\n", "😀"])
    return st.builds(lambda n, ch: (ch * n)[:n], lengths, letters)


def as_json(service: ConferenceService, ref: str) -> str:
    return render_document(service.export_record(ref))


@st.composite
def steps(draw: st.DrawFn) -> list[tuple[str, dict[str, Any]]]:
    """A conference created, then people, agenda items, actions and notes added."""
    found: list[tuple[str, dict[str, Any]]] = [
        (
            "create",
            {
                "given": draw(around("$.children[].given_name")),
                "family": draw(around("$.children[].family_name")),
                "authority": draw(around("$.conference.local_authority")),
                "venue": draw(around("$.conference.venue")),
            },
        )
    ]
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["person", "edit", "item", "action", "scale", "entry"]))
        if kind == "person":
            args = {
                "name": draw(around("$.participants[].name")),
                "agency": draw(around("$.participants[].agency")),
                "relationship": draw(around("$.participants[].relationship")),
                "language": draw(st.none() | around("$.participants[].interpreter_language")),
            }
        elif kind == "edit":
            field = draw(st.sampled_from(["name", "agency", "relationship"]))
            args = {"field": field, "value": draw(around(f"$.participants[].{field}"))}
        elif kind == "item":
            args = {
                "title": draw(around("$.agenda[].title")),
                "minutes": draw(st.sampled_from([-1, 0, 1440, 1441])),
            }
        elif kind == "action":
            args = {
                "owner": draw(around("$.actions[].owner")),
                "what": draw(around("$.actions[].action")),
            }
        elif kind == "scale":
            args = {
                "score": draw(st.sampled_from([-1, 0, 10, 11])),
                "note": draw(around("$.scaling[].note")),
            }
        else:
            args = {"text": draw(around("$.minutes[].text"))}
        found.append((kind, args))
    return found


def run(step: str, args: dict[str, Any], meeting: Session, cs: ConferenceService, ref: str) -> None:
    people = cs.get(ref).participants
    if step == "person":
        new = NewParticipant(
            args["name"],
            ParticipantRole.PROFESSIONAL,
            agency=args["agency"],
            relationship=args["relationship"],
            interpreter_language=args["language"],
        )
        meeting.roll_call.add_participant(ref, new)
    elif step == "edit" and people:
        meeting.roll_call.update_participant(people[-1].id, **{args["field"]: args["value"]})
    elif step == "item":
        meeting.agenda.add_agenda_item(ref, args["title"], args["minutes"])
    elif step == "action":
        meeting.notes.add_action(ref, args["owner"], args["what"])
    elif step == "scale" and people:
        meeting.notes.set_scale(ref, people[-1].id, args["score"], args["note"])
    elif step == "entry":
        item = cs.get(ref).agenda[0].id
        meeting.entries.add_entry(ref, item, args["text"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps())
def test_what_the_services_accept_exports_reimports_and_hands_over(
    plan: list[tuple[str, dict[str, Any]]],
) -> None:
    with TemporaryDirectory() as folder:
        tmp = Path(folder)
        store = new_store(tmp, "a.db")
        try:
            clock, rules = TickingClock(), RuleBook()
            cs = ConferenceService(store, CHAIR, clock, rules)
            meeting = Session(store, CHAIR, clock)
            (_, first), rest = plan[0], plan[1:]
            new = NewConference(
                ConferenceType.REVIEW,
                date(2026, 12, 3),
                (NewChild(first["given"], first["family"]),),
                local_authority=first["authority"],
                venue=first["venue"],
                previous_conference_date=date(2026, 9, 3),
                review_number=1,
            )
            try:
                ref = cs.create_conference(new).reference
            except RuleViolation:
                assert cs.overview().total == 0
                return
            for step, args in rest:
                before = as_json(cs, ref)
                try:
                    run(step, args, meeting, cs, ref)
                except RuleViolation:
                    assert as_json(cs, ref) == before, f"a refused {step} changed the record"
            text = as_json(cs, ref)
            validate_document(json.loads(text))
            other = new_store(tmp, "b.db")
            try:
                again = ConferenceService(other, CHAIR, clock, rules)
                again.import_record(parse_document(text))
                assert as_json(again, ref) == text
            finally:
                other.close()
            package = tmp / "out.cpch"
            HandoverService(store, CHAIR, clock, rules).export_package(
                ref, package, PASS, cost=FAST_COST
            )
            assert render_document(read_package(package, PASS).current) == text
        finally:
            store.close()


@pytest.mark.parametrize(
    ("field", "length", "accepted"),
    [
        ("name", 200, True),
        ("name", 201, False),
        ("agency", 300, False),
        ("relationship", 200, True),
    ],
)
def test_a_participant_is_held_to_the_same_limit_when_added_and_edited(
    tmp_path: Path, field: str, length: int, accepted: bool
) -> None:
    store = new_store(tmp_path)
    try:
        cs = ConferenceService(store, CHAIR, TickingClock())
        roll_call = RollCallService(store, CHAIR, TickingClock(), RuleBook())
        ref = cs.create_conference(
            NewConference(
                ConferenceType.INITIAL,
                date(2026, 12, 3),
                (NewChild("Mo", "Said"),),
                strategy_discussion_date=date(2026, 11, 30),
            )
        ).reference
        details = {"name": "Pat Lee", field: "n" * length}
        added = None
        try:
            new = NewParticipant(role=ParticipantRole.PARENT, **details)
            added = roll_call.add_participant(ref, new)
        except RuleViolation as refused:
            assert refused.problems == (
                (f"$.participants[].{field}", f"is too long ({length} characters; at most 200)"),
            )
        assert (added is not None) is accepted
        person = roll_call.add_participant(ref, NewParticipant("Sam Ray", ParticipantRole.PARENT))
        try:
            roll_call.update_participant(person.id, **{field: "n" * length})
            edited = True
        except RuleViolation:
            edited = False
        assert edited is accepted
    finally:
        store.close()


def test_a_childs_name_past_its_limit_creates_nothing(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    try:
        cs = ConferenceService(store, CHAIR, TickingClock())
        new = NewConference(
            ConferenceType.INITIAL,
            date(2026, 12, 3),
            (NewChild("Mo", "S" * 201),),
            strategy_discussion_date=date(2026, 11, 30),
        )
        with pytest.raises(RuleViolation) as refused:
            cs.create_conference(new)
        assert refused.value.problems[0] == (
            "$.children[0].family_name",
            "is too long (201 characters; at most 200)",
        )
        assert cs.overview().total == 0
    finally:
        store.close()
